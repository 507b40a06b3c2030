package store

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// TestBackupRotationWithinBudget: the backups kept take at most four times
// the data file; the newest and the newest good one are kept whatever the
// budget, then the newest of each day before the other recent ones.
func TestBackupRotationWithinBudget(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "workshops.db")
	if err := os.WriteFile(path, make([]byte, 1000), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(BackupDir(path), 0o700); err != nil {
		t.Fatal(err)
	}
	day0 := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	var names []string
	seq := 0
	for day := range 5 {
		for _, hour := range []int{9, 12, 15} {
			seq++
			at := day0.AddDate(0, 0, day).Add(time.Duration(hour) * time.Hour)
			name := filepath.Join(BackupDir(path), fmt.Sprintf("workshops-%s-%06d.db", at.Format(stampForm), seq))
			if err := os.WriteFile(name, make([]byte, 900), 0o600); err != nil {
				t.Fatal(err)
			}
			names = append(names, name)
		}
	}
	good := names[2] // day 0, 15:00: the newest that passes the check
	if err := rotateBackups(path, day0.AddDate(0, 0, 4).Add(16*time.Hour), good); err != nil {
		t.Fatal(err)
	}
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	var got, total = []string{}, int64(0)
	for _, b := range list {
		got = append(got, filepath.Base(b.Path))
		total += b.Size
	}
	// Newest (day 4 15:00) and good (day 0 15:00) always; then the newest
	// of days 3 and 2 fill the budget of 4,000 bytes.
	want := []string{filepath.Base(names[14]), filepath.Base(names[11]), filepath.Base(names[8]), filepath.Base(names[2])}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("kept %v\nwant %v", got, want)
	}
	if total > 4*1000 {
		t.Errorf("backups take %d bytes, over four times the data file", total)
	}
}

// TestBackupIsCompact: a backup leaves out the pages that changes freed,
// and holds every record.
func TestBackupIsCompact(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "compact-2027", "2027-03-09")
	var ps []*Participant
	for i := range 400 {
		ps = append(ps, &Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", i), FamilyNames: "Family",
			Notes: strings.Repeat("first version ", 60)})
	}
	if err := s.SaveParticipants(ps); err != nil {
		t.Fatal(err)
	}
	for _, p := range ps {
		p.Notes = strings.Repeat("second ", 20)
	}
	if err := s.SaveParticipants(ps); err != nil {
		t.Fatal(err)
	}
	var used int64
	s.view(func(tx *bolt.Tx) error { used = tx.Size(); return nil })
	dst, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(dst)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Size() >= used*3/4 {
		t.Errorf("backup %d bytes for a file using %d: not compacted", fi.Size(), used)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode %v, want 0600", fi.Mode().Perm())
	}
	b := openAt(t, copyTo(t, dst), Options{NoAutoBackup: true})
	d, err := b.LoadWorkshop(w.ID)
	if err != nil || len(d.Participants) != 400 || d.Participants[399].Notes != strings.TrimSpace(strings.Repeat("second ", 20)) {
		t.Fatalf("the backup does not hold every record: %v", err)
	}
	if problems, err := b.Check(); err != nil || len(problems) > 0 {
		t.Errorf("the backup fails the check: %v, %v", problems, err)
	}
}
