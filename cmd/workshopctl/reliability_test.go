package main

import (
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// putRaw writes value under key in bucket of the closed data file at path,
// bypassing the store.
func putRaw(t *testing.T, path, bucket string, key, value []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).Put(key, value) }); err != nil {
		t.Fatal(err)
	}
}

// TestCheckinOnDamagedFile: on a file whose check finds an undecodable
// record, checkin fails, says why and changes nothing.
func TestCheckinOnDamagedFile(t *testing.T) {
	path := demoFile(t)
	people := loadDemo(t, path).Participants
	id := uuid.New()
	putRaw(t, path, "participants", id[:], []byte("{not json"))
	before, _ := os.ReadFile(path)
	msg := wantFailure(t, runCLI(t, "--data", path, "checkin", "--any-day", "--early", "--workshop", "demo", "--session", "1",
		"--code", people[0].BadgeCode))
	for _, want := range []string{"cannot be decoded", "has not been changed"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q does not say %q", msg, want)
		}
	}
	if after, _ := os.ReadFile(path); string(after) != string(before) {
		t.Error("checkin changed the damaged file")
	}
	if r := runCLI(t, "--data", path, "backup"); r.code == exitOK {
		t.Errorf("backup of a damaged file succeeded:\n%s", r)
	}
}

// TestCheckWhileHeldReadOnly: check opens the file read-only, so it works
// while another reader holds it (and on a file the user may not write).
func TestCheckWhileHeldReadOnly(t *testing.T) {
	path := demoFile(t)
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if out := mustRun(t, "--data", path, "check"); !strings.HasPrefix(out, "ok: no problems found") {
		t.Errorf("check printed %q", out)
	}
}

// TestClockWarningPrinted: a write dated long before the newest change in
// the file is made, and a warning about the clock goes to standard error.
func TestClockWarningPrinted(t *testing.T) {
	path := demoFile(t)
	putRaw(t, path, "meta", []byte("last_write"), []byte(time.Now().AddDate(1, 0, 0).UTC().Format(time.RFC3339Nano)))
	r := runCLI(t, "--data", path, "add-workshop", "--code", "later", "--title", "Added with the clock behind",
		"--city", "Dakar", "--country", "SN", "--start", "2027-01-01", "--end", "2027-01-02")
	if r.code != exitOK || !strings.Contains(r.stderr, "workshopctl: warning: the computer's clock reads") {
		t.Errorf("want success and a warning about the clock:\n%s", r)
	}
}
