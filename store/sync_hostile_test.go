package store

import (
	"crypto/rand"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store/changelog"
)

// newestLogFile returns the path of the single newest log file a laptop
// wrote for w.
func newestLogFile(t *testing.T, l *laptop, w Workshop) string {
	t.Helper()
	cfg, err := l.s.SyncSettings(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Join(cfg.dir(), l.s.DeviceID(), changelog.FileName(cfg.NextSeq-1))
}

// skippedWith reports whether a report names path as skipped for a reason
// containing want.
func skippedWith(r SyncReport, path, want string) bool {
	for _, p := range r.Skipped {
		if p.File == path && strings.Contains(p.Problem, want) {
			return true
		}
	}
	return false
}

// hostileFile spoils B's newest file with spoil, then checks that A names
// it with want and applies nothing of it, and that A applies it once the
// good copy is back.
func hostileFile(t *testing.T, want string, spoil func(good []byte) []byte) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	exchange(t, a, w)
	p := addParticipant(t, b.s, w, "Walk", "In", "")
	exchange(t, b, w)
	path := newestLogFile(t, b, w)
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, spoil(good), 0o600); err != nil {
		t.Fatal(err)
	}
	r := exchange(t, a, w)
	if !skippedWith(r, path, want) {
		t.Fatalf("the spoilt file was not named with %q: %+v", want, r.Skipped)
	}
	if _, err := a.s.Participant(p.ID); !errors.Is(err, ErrNotFound) {
		t.Fatalf("a change from the spoilt file was applied: %v", err)
	}
	if err := os.WriteFile(path, good, 0o600); err != nil {
		t.Fatal(err)
	}
	r = exchange(t, a, w)
	if len(r.Skipped) != 0 {
		t.Fatalf("the good copy was skipped: %+v", r.Skipped)
	}
	if _, err := a.s.Participant(p.ID); err != nil {
		t.Fatalf("the next exchange did not recover the walk-in: %v", err)
	}
}

func TestSyncHostileCutShortFile(t *testing.T) {
	hostileFile(t, "cut short", func(good []byte) []byte { return good[:len(good)/2] })
}

func TestSyncHostileDamagedFile(t *testing.T) {
	hostileFile(t, "damaged", func(good []byte) []byte {
		bad := append([]byte(nil), good...)
		bad[len(bad)/2] ^= 0x40
		return bad
	})
}

func TestSyncHostileNewerVersionFile(t *testing.T) {
	hostileFile(t, "newer version", func(good []byte) []byte {
		bad := append([]byte(nil), good...)
		bad[6] = changelog.Version + 1
		return bad
	})
}

// A file sealed with another key, even with a sound checksum, is refused:
// a stranger writing into the folder cannot add records.
func TestSyncHostileWrongKeyFile(t *testing.T) {
	hostileFile(t, "not sealed with this workshop's join code", func(good []byte) []byte {
		place := changelog.Place{Workshop: "ADDIS-2027", Device: "x", Seq: 1}
		key := make([]byte, changelog.KeySize)
		rand.Read(key)
		bad, err := changelog.Seal(key, place, []byte(`{"format":1,"entries":[]}`))
		if err != nil {
			t.Fatal(err)
		}
		return bad
	})
}

// A stranger's own folder in the shared folder, with a file of theirs and
// one of another program, is named and skipped, exchange after exchange.
func TestSyncHostileStrangersFiles(t *testing.T) {
	folder := t.TempDir()
	a, _, w, _ := sharedPair(t, folder)
	before := canonical(t, a.s, w.ID)
	dir := filepath.Join(folder, w.Code, uuid.NewString())
	os.MkdirAll(dir, 0o700)
	key := make([]byte, changelog.KeySize)
	forged, _ := changelog.Write(dir, key, changelog.Place{Workshop: w.Code, Device: filepath.Base(dir), Seq: 1},
		[]byte(`{"format":1,"entries":[{"k":"p"}]}`))
	junk := filepath.Join(dir, changelog.FileName(2))
	os.WriteFile(junk, []byte("<html>not a log</html>"), 0o600)
	os.WriteFile(filepath.Join(dir, ".tmp-12345"), []byte("WDLOG"), 0o600) // a write killed half way: ignored
	for range 2 {
		r := exchange(t, a, w)
		if !skippedWith(r, forged, "not sealed") || !skippedWith(r, junk, "not a Workshop Desk change log") || len(r.Skipped) != 2 {
			t.Fatalf("skipped: %+v", r.Skipped)
		}
	}
	if after := canonical(t, a.s, w.ID); after != before {
		t.Fatalf("a stranger's file changed the workshop: %s", firstDifference(before, after))
	}
}

// A laptop whose own file was damaged in the folder writes everything
// again: the other laptop, which never read it, gets it all.
func TestSyncHostileOwnFileDamagedIsWrittenAgain(t *testing.T) {
	folder := t.TempDir()
	a := newLaptop(t, "a", 0)
	w := addWorkshop(t, a.s, "ADDIS-2027", "2027-03-10")
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	cfg, _, err := a.s.StartSharing(w.ID, folder, "Desk A")
	if err != nil {
		t.Fatal(err)
	}
	path := newestLogFile(t, a, w)
	os.WriteFile(path, []byte("WDLOG\x00\x01"), 0o600)
	r := exchange(t, a, w)
	if !skippedWith(r, path, "writes its changes again") || r.Sent == 0 {
		t.Fatalf("a did not mend its file: %+v", r)
	}
	b := newLaptop(t, "b", 0)
	if _, _, err := b.s.Join(folder, cfg.JoinCode, "Desk B"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.Participant(p.ID); err != nil {
		t.Fatalf("b did not get a's participant: %v", err)
	}
}

// A wrong join code reads nothing and writes nothing.
func TestSyncHostileWrongJoinCode(t *testing.T) {
	folder := t.TempDir()
	a := newLaptop(t, "a", 0)
	w := addWorkshop(t, a.s, "ADDIS-2027", "2027-03-10")
	if _, _, err := a.s.StartSharing(w.ID, folder, "Desk A"); err != nil {
		t.Fatal(err)
	}
	b := newLaptop(t, "b", 0)
	_, _, err := b.s.Join(folder, "AAAA-BBBB-CCCC", "Desk B")
	if err == nil || !strings.Contains(err.Error(), "opens none") {
		t.Fatalf("Join with a wrong code: %v", err)
	}
	if ids, _ := b.s.SharedWorkshops(); len(ids) != 0 {
		t.Fatalf("a wrong code joined %v", ids)
	}
	if _, err := b.s.Workshop(w.ID); err == nil {
		t.Fatal("a wrong code brought the workshop in")
	}
	data, _ := os.ReadFile(filepath.Join(folder, w.Code, changelog.JoinFileName))
	if len(data) == 0 || strings.Contains(strings.ToLower(string(data)), w.Code) || strings.Contains(string(data), w.Title) {
		t.Fatal("the join file shows the workshop in clear")
	}
}

// A shared folder that is gone (a stick pulled out) gives a clear error,
// and nothing is lost: the next exchange sends it all.
func TestSyncHostileFolderUnreachable(t *testing.T) {
	folder := filepath.Join(t.TempDir(), "stick")
	os.Mkdir(folder, 0o700)
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	os.Rename(folder, folder+"-out")
	_, err := a.s.Exchange(w.ID)
	var fu *FolderUnreachableError
	if !errors.As(err, &fu) {
		t.Fatalf("Exchange without the folder: %v", err)
	}
	os.Rename(folder+"-out", folder)
	exchange(t, a, w)
	exchange(t, b, w)
	if _, err := b.s.Participant(p.ID); err != nil {
		t.Fatalf("b: %v", err)
	}
}
