package store

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestRestoreUnderLoad restores a backup every 150 ms while two other
// processes keep adding participants, each opening and closing the file for
// every write as separate workshopctl runs do. Every write a process
// reported as committed must be in the final file or in one of the copies
// that Restore kept of the file it replaced.
func TestRestoreUnderLoad(t *testing.T) {
	bin := buildCrashChild(t)
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	start, _ := ParseDate("2027-03-09")
	w := Workshop{Code: "crash-test", Title: "Load", City: "Lima", Country: "PE", StartDate: start, EndDate: start.AddDays(1)}
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	good, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()

	var children []*child
	for range 2 {
		c := startChild(t, bin, "load", path, nil)
		c.waitReady(t)
		children = append(children, c)
	}
	restored, locked := 0, 0
	for end := time.Now().Add(2500 * time.Millisecond); time.Now().Before(end); {
		time.Sleep(150 * time.Millisecond)
		_, err := Restore(path, good)
		var le *LockedError
		switch {
		case errors.As(err, &le):
			locked++
		case err != nil:
			t.Fatalf("Restore under load: %v", err)
		default:
			restored++
		}
	}
	acked := map[uuid.UUID]bool{}
	for _, c := range children {
		c.cmd.Process.Kill()
		for line := range c.lines {
			if f := strings.Fields(line); len(f) == 2 && f[0] == "P" {
				acked[uuid.MustParse(f[1])] = true
			}
		}
		c.cmd.Wait()
	}
	t.Logf("%d restores, %d refused while the file was in use, %d writes acknowledged", restored, locked, len(acked))
	if restored == 0 || len(acked) == 0 {
		t.Fatalf("the test did nothing: %d restores, %d writes", restored, len(acked))
	}

	// Every acknowledged participant is in the final file or a pre-restore copy.
	found := map[uuid.UUID]bool{}
	files := []string{path}
	list, _ := Backups(path)
	for _, b := range list {
		if strings.HasSuffix(b.Path, "-before-restore.db") {
			files = append(files, b.Path)
		}
	}
	for _, f := range files {
		r := openAt(t, copyTo(t, f), Options{NoAutoBackup: true})
		ws, err := r.FindWorkshop("crash-test")
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		people, err := r.Participants(ws.ID)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		for _, p := range people {
			found[p.ID] = true
		}
	}
	lost := 0
	for id := range acked {
		if !found[id] {
			lost++
		}
	}
	if lost > 0 {
		t.Errorf("%d of %d acknowledged writes are neither in the data file nor in any of its %d pre-restore copies",
			lost, len(acked), len(files)-1)
	}
}

// TestRestoreThroughSymlink restores a data file named through a symbolic
// link: the file the link points to is replaced, and the link stays, both
// for a healthy file and for a damaged one.
func TestRestoreThroughSymlink(t *testing.T) {
	for _, damage := range []bool{false, true} {
		name := map[bool]string{false: "healthy", true: "damaged"}[damage]
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			real := filepath.Join(dir, "real", "workshops.db")
			s, err := Open(real, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			w := addWorkshop(t, s, "linked-2027", "2027-03-09")
			backup, err := s.Backup()
			if err != nil {
				t.Fatal(err)
			}
			addWorkshop(t, s, "after-2027", "2027-04-12")
			s.Close()
			if damage {
				os.Truncate(real, 4096*3)
			}
			link := filepath.Join(dir, "link.db")
			if err := os.Symlink(real, link); err != nil {
				t.Skipf("no symbolic links here: %v", err)
			}
			if _, err := Restore(link, backup); err != nil {
				t.Fatalf("Restore through a link: %v", err)
			}
			if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
				t.Fatalf("the link was replaced: %v, %v", fi.Mode(), err)
			}
			r := openAt(t, real, Options{NoAutoBackup: true})
			if got, err := r.FindWorkshop(w.Code); err != nil || got.ID != w.ID {
				t.Errorf("the file behind the link was not restored: %v", err)
			}
			if _, err := r.FindWorkshop("after-2027"); !errors.Is(err, ErrNotFound) {
				t.Errorf("the file behind the link still holds the later change: %v", err)
			}
		})
	}
}
