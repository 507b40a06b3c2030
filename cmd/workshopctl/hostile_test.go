package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store"
	bolt "go.etcd.io/bbolt"
)

// Hostile names: a data file written before names were checked may hold
// terminal escapes, which plain-text output must never print. Part of the
// hostile suite: go test ./... -run Hostile

// escapes is a name that would ring the bell, retitle the window, clear
// the screen and reverse the text after it on a terminal.
const escapes = "Ab\a\x1b]0;owned\a\x1b[2J\u009b31m\u202eebe\u2066"

// storeRawName sets the given names of participant p to name in the data
// file at path as an old version could have stored it, past validation.
func storeRawName(t *testing.T, path string, p store.Participant, name string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket([]byte("participants"))
		var m map[string]any
		if err := json.Unmarshal(b.Get(p.ID[:]), &m); err != nil {
			return err
		}
		m["given_names"] = name
		data, err := json.Marshal(m)
		if err != nil {
			return err
		}
		return b.Put(p.ID[:], data)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// wantNoControls fails when out holds a control character other than a
// line feed, or a bidirectional control.
func wantNoControls(t *testing.T, what, out string) {
	t.Helper()
	for _, r := range out {
		if r != '\n' && (unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069) {
			t.Errorf("%s prints %U:\n%q", what, r, out)
			return
		}
	}
}

func TestHostileTerminalEscapesNotPrinted(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	p := d.Participants[0]
	storeRawName(t, path, p, escapes)
	out := mustRun(t, "--data", path, "checkin", "--any-day", "--early", "--workshop", "demo", "--session", "10", "--code", p.BadgeCode)
	wantNoControls(t, "checkin", out)
	if !strings.Contains(out, "Ab") || !strings.Contains(out, "ebe") {
		t.Errorf("checkin printed %q, want the rest of the name", out)
	}
	out = mustRun(t, "--data", path, "participants", "--workshop", "demo")
	wantNoControls(t, "participants", out)
	r := runCLI(t, "--data", path, "checkin", "--any-day", "--early", "--workshop", "demo", "--session", "10", "--code", p.BadgeCode)
	wantNoControls(t, "a second checkin", r.stdout+r.stderr)
}

// TestHostileImportControlCharacters: a list whose names hold escapes
// blocks those rows, naming the row, the field and the character, and the
// preview prints none of them.
func TestHostileImportControlCharacters(t *testing.T) {
	path := demoFile(t)
	list := filepath.Join(t.TempDir(), "list.csv")
	data := "Given name,Family name,Email\nAmina,Yusuf,amina@example.org\n" + escapes + ",Bekele,ab@example.org\n"
	if err := os.WriteFile(list, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--data", path, "import", "--workshop", "demo", list)
	wantNoControls(t, "the import preview", out)
	if !strings.Contains(out, "row 3, given names:") || !strings.Contains(out, "U+0007") {
		t.Errorf("the preview does not name row 3, the field and the character:\n%s", out)
	}
}
