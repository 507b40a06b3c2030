package store

import (
	"crypto/rand"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// copyTo copies a file into a new temporary folder and returns the copy's
// path, so that a backup can be opened without touching the original.
func copyTo(t *testing.T, src string) string {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := os.WriteFile(dst, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return dst
}

func TestBackupIsAUsableCopy(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "backup-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Priya", "Raman", "PRM47")
	recordStatus(t, s, se, p, Present)

	path, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	wantPath := filepath.Join(BackupDir(s.Path()), "workshops-20270310T090000.000Z-000001.db")
	if path != wantPath {
		t.Errorf("Backup() = %q, want %q", path, wantPath)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("backup mode = %v, want 0600", fi.Mode().Perm())
	}
	list, err := Backups(s.Path())
	if err != nil || len(list) != 1 || list[0].Path != path || !list[0].Time.Equal(t0) || list[0].Size != fi.Size() {
		t.Errorf("Backups() = %+v, %v", list, err)
	}
	entries, _ := os.ReadDir(BackupDir(s.Path()))
	if len(entries) != 1 {
		t.Errorf("backups folder holds %d entries, want just the backup (no temporary files)", len(entries))
	}

	// The store stays usable, and the backup opens as a store with the same data.
	recordStatus(t, s, se, p, Late)
	b := openAt(t, copyTo(t, path), Options{NoAutoBackup: true})
	mustCheck(t, b)
	got, err := b.ParticipantByBadge(w.ID, "PRM47")
	if err != nil || got.ID != p.ID {
		t.Errorf("participant in the backup: %v, %v", got.ID, err)
	}
	if a, err := b.Attendance(se.ID, p.ID); err != nil || a.Status != Present {
		t.Errorf("attendance in the backup: %+v, %v; want present (as at the backup)", a, err)
	}
	if b.DeviceID() != s.DeviceID() {
		t.Errorf("backup device ID %q, want %q", b.DeviceID(), s.DeviceID())
	}

	// BackupTo writes anywhere.
	other := filepath.Join(t.TempDir(), "sub", "elsewhere.db")
	if err := s.BackupTo(other); err != nil {
		t.Fatal(err)
	}
	c := openAt(t, other, Options{NoAutoBackup: true})
	if a, err := c.Attendance(se.ID, p.ID); err != nil || a.Status != Late {
		t.Errorf("attendance in BackupTo's copy: %+v, %v", a, err)
	}
}

func TestBackupRotation(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	addWorkshop(t, s, "rotate-2027", "2027-03-09")
	day0 := time.Date(2027, 1, 1, 0, 0, 0, 0, time.UTC)
	at := func(day, hour int) time.Time { return day0.AddDate(0, 0, day).Add(time.Duration(hour) * time.Hour) }
	for day := range 45 {
		for _, hour := range []int{10, 14, 18} {
			clock.Set(at(day, hour))
			if _, err := s.Backup(); err != nil {
				t.Fatal(err)
			}
		}
	}
	clock.Set(at(44, 20))
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}

	// The ten newest, then the newest of each day less than 30 days old:
	// day 14's 18:00 is 30 days and 2 hours old.
	want := []time.Time{at(44, 20), at(44, 18), at(44, 14), at(44, 10), at(43, 18), at(43, 14), at(43, 10),
		at(42, 18), at(42, 14), at(42, 10)}
	for day := 41; day >= 15; day-- {
		want = append(want, at(day, 18))
	}
	list, err := Backups(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	var got []time.Time
	for _, b := range list {
		got = append(got, b.Time)
	}
	if !slices.EqualFunc(got, want, time.Time.Equal) {
		t.Errorf("%d backups kept:\n%v\nwant %d:\n%v", len(got), fmtTimes(got), len(want), fmtTimes(want))
	}
	entries, _ := os.ReadDir(BackupDir(s.Path()))
	if len(entries) != len(want) {
		t.Errorf("backups folder holds %d entries, want %d", len(entries), len(want))
	}
}

func fmtTimes(list []time.Time) string {
	var b strings.Builder
	for _, t := range list {
		b.WriteString(t.Format("01-02 15h "))
	}
	return b.String()
}

// TestAutomaticBackupOnFirstWrite: opening and reading never backs up (a
// read-only command stays quick on a big file); the first change made when
// the newest backup is older than the interval does, in the background.
func TestAutomaticBackupOnFirstWrite(t *testing.T) {
	for _, tc := range []struct {
		name     string
		option   time.Duration
		interval time.Duration
	}{{"default interval", 0, 10 * time.Minute}, {"one hour", time.Hour, time.Hour}} {
		t.Run(tc.name, func(t *testing.T) {
			clock := newClock(t0)
			path := filepath.Join(t.TempDir(), "workshops.db")
			n, made := 0, 0
			open := func() {
				t.Helper()
				s, err := Open(path, Options{Now: clock.Now, BackupInterval: tc.option})
				if err != nil {
					t.Fatal(err)
				}
				if _, err := s.Workshops(); err != nil {
					t.Fatal(err)
				}
				if list, _ := Backups(path); len(list) != n {
					t.Fatalf("opening and reading made a backup: %d, want %d", len(list), n)
				}
				n++
				made++
				addWorkshop(t, s, fmt.Sprintf("w%d-2027", made), "2027-03-09")
				if err := s.Close(); err != nil { // waits for the backup
					t.Fatal(err)
				}
			}
			count := func() int {
				list, err := Backups(path)
				if err != nil {
					t.Fatal(err)
				}
				return len(list)
			}
			open() // a new file: no backup yet, so the first change makes one
			if n := count(); n != 1 {
				t.Fatalf("%d backups after the first change, want 1", n)
			}
			clock.Set(t0.Add(tc.interval - time.Second))
			open()
			n = 1
			if n := count(); n != 1 {
				t.Errorf("%d backups after opening %v later, want still 1", n, tc.interval-time.Second)
			}
			clock.Set(t0.Add(tc.interval))
			open()
			list, _ := Backups(path)
			if len(list) != 2 || !list[0].Time.Equal(t0.Add(tc.interval)) {
				t.Errorf("backups after opening %v later: %+v, want a new one", tc.interval, list)
			}
			checkFile(t, path)
		})
	}
}

func TestAutomaticBackupWhileWriting(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{Now: clock.Now, BackupInterval: 10 * time.Minute})
	count := func() []BackupInfo {
		t.Helper()
		s.backupWG.Wait()
		list, err := Backups(s.Path())
		if err != nil {
			t.Fatal(err)
		}
		return list
	}
	if list := count(); len(list) != 0 {
		t.Fatalf("backups after open: %+v, want none before a change", list)
	}
	w := addWorkshop(t, s, "auto-2027", "2027-03-09")
	if list := count(); len(list) != 1 || !list[0].Time.Equal(t0) {
		t.Fatalf("backups after the first change: %+v", list)
	}

	clock.Advance(5 * time.Minute)
	addWorkshop(t, s, "auto2-2027", "2027-03-09")
	if list := count(); len(list) != 1 {
		t.Errorf("a write 5 minutes after the last backup made one: %+v", list)
	}
	clock.Advance(5 * time.Minute)
	p := addParticipant(t, s, w, "Jean-Pierre", "Habimana", "")
	list := count()
	if len(list) != 2 || !list[0].Time.Equal(t0.Add(10*time.Minute)) {
		t.Fatalf("backups after a write 10 minutes later: %+v, want a new one", list)
	}
	// The automatic backup holds the write that prompted it.
	b := openAt(t, copyTo(t, list[0].Path), Options{NoAutoBackup: true})
	if got, err := b.Participant(p.ID); err != nil || got.FullName() != "Jean-Pierre Habimana" {
		t.Errorf("the automatic backup lacks the write: %v", err)
	}
	clock.Advance(2 * time.Minute)
	addParticipant(t, s, w, "Nomvula", "Dlamini", "")
	if list := count(); len(list) != 2 {
		t.Errorf("a write 2 minutes after a backup made another: %d backups", len(list))
	}
}

func TestRestoreRoundTrip(t *testing.T) {
	clock := newClock(t0)
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	kept := addWorkshop(t, s, "kept-2027", "2027-03-09")
	backup, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	lost := addWorkshop(t, s, "after-backup", "2027-04-12")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	saved, err := Restore(path, backup)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(saved) != BackupDir(path) || !strings.HasSuffix(saved, "-before-restore.db") {
		t.Errorf("pre-restore copy at %q", saved)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("restored file: %v, %v", fi, err)
	}
	s = openAt(t, path, Options{NoAutoBackup: true})
	if _, err := s.FindWorkshop(lost.Code); !errors.Is(err, ErrNotFound) {
		t.Errorf("the change made after the backup survived the restore: %v", err)
	}
	if got, err := s.FindWorkshop(kept.Code); err != nil || got.ID != kept.ID {
		t.Errorf("the backed-up workshop: %v, %v", got.ID, err)
	}
	// The copy kept before restoring holds the change.
	before := openAt(t, copyTo(t, saved), Options{NoAutoBackup: true})
	if got, err := before.FindWorkshop(lost.Code); err != nil || got.ID != lost.ID {
		t.Errorf("the pre-restore copy lacks the change: %v, %v", got.ID, err)
	}
	list, _ := Backups(path)
	if len(list) != 2 {
		t.Errorf("backups after restoring: %+v, want the backup and the pre-restore copy", list)
	}
}

func TestRestoreToNewPath(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "moved-2027", "2027-03-09")
	backup, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "new", "workshops.db")
	saved, err := Restore(path, backup)
	if err != nil || saved != "" {
		t.Fatalf("Restore to a new path = %q, %v; want no pre-restore copy", saved, err)
	}
	r := openAt(t, path, Options{NoAutoBackup: true})
	if got, err := r.Workshop(w.ID); err != nil || got.Code != w.Code {
		t.Errorf("restored workshop: %v, %v", got.Code, err)
	}
}

func TestRestoreRefusesBadBackups(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "current-2027", "2027-03-09")
	good, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	dir := t.TempDir()

	random := filepath.Join(dir, "random.db")
	data := make([]byte, 32<<10)
	rand.Read(data)
	os.WriteFile(random, data, 0o600)

	foreign := filepath.Join(dir, "foreign.db")
	db, err := bolt.Open(foreign, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bolt.Tx) error { _, err := tx.CreateBucket([]byte("foo")); return err })
	db.Close()

	empty := filepath.Join(dir, "empty.db")
	os.WriteFile(empty, nil, 0o600)

	tooNew := copyTo(t, good)
	setSchema(t, tooNew, currentSchema+1)

	before := fileSHA(t, path)
	for name, from := range map[string]string{"random bytes": random, "another bbolt file": foreign,
		"empty": empty, "missing": filepath.Join(dir, "missing.db")} {
		saved, err := Restore(path, from)
		var de *DamagedError
		if !errors.As(err, &de) {
			t.Errorf("Restore from %s = %q, %v (%T); want *DamagedError", name, saved, err, err)
		}
	}
	var tn *TooNewError
	if _, err := Restore(path, tooNew); !errors.As(err, &tn) {
		t.Errorf("Restore from a newer backup = %v, want *TooNewError", err)
	}
	if fileSHA(t, path) != before {
		t.Error("a refused restore changed the data file")
	}
	if list, _ := Backups(path); len(list) != 1 {
		t.Errorf("refused restores left copies: %+v", list)
	}
	checkFile(t, path)
}

func TestRestoreRefusesOpenFile(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	addWorkshop(t, s, "open-2027", "2027-03-09")
	backup, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "newer-2027", "2027-05-10")
	before := fileSHA(t, s.Path())
	start := time.Now()
	saved, err := Restore(s.Path(), backup)
	elapsed := time.Since(start)
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("Restore over an open file = %q, %v (%T); want *LockedError", saved, err, err)
	}
	if elapsed >= 2*time.Second {
		t.Errorf("Restore took %v to give up", elapsed)
	}
	if fileSHA(t, s.Path()) != before {
		t.Error("the refused restore changed the open data file")
	}
	if list, err := s.Workshops(); err != nil || len(list) != 2 {
		t.Errorf("after the refused restore: %d workshops, %v", len(list), err)
	}
	if list, _ := Backups(s.Path()); len(list) != 1 {
		t.Errorf("the refused restore left a copy: %+v", list)
	}
}

func TestRestoreOverDamagedFile(t *testing.T) {
	src := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, src, "rescued-2027", "2027-03-09")
	backup, err := src.Backup()
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "workshops.db")
	junk := make([]byte, 48<<10)
	rand.Read(junk)
	if err := os.WriteFile(path, junk, 0o600); err != nil {
		t.Fatal(err)
	}
	damagedSHA := fileSHA(t, path)

	saved, err := Restore(path, backup)
	if err != nil {
		t.Fatalf("Restore over a damaged file: %v", err)
	}
	if saved == "" || fileSHA(t, saved) != damagedSHA {
		t.Errorf("the damaged file was not kept byte for byte at %q", saved)
	}
	s := openAt(t, path, Options{NoAutoBackup: true})
	if got, err := s.Workshop(w.ID); err != nil || got.Code != w.Code {
		t.Errorf("restored workshop: %v, %v", got.Code, err)
	}
}

// TestRestoreAfterOpenFoundDamage is the desktop app's path: Open reports a
// damaged file and names the latest backup, and the user restores it.
func TestRestoreAfterOpenFoundDamage(t *testing.T) {
	for _, d := range lockDamages {
		t.Run(d.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "workshops.db")
			s, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			w := addWorkshop(t, s, "rescued-2027", "2027-03-09")
			if _, err := s.Backup(); err != nil {
				t.Fatal(err)
			}
			s.Close()
			d.damage(t, path)

			_, err = Open(path, Options{NoAutoBackup: true, Timeout: 300 * time.Millisecond})
			var de *DamagedError
			if !errors.As(err, &de) || de.LatestBackup == "" {
				t.Fatalf("Open of the damaged file = %v, want *DamagedError naming a backup", err)
			}
			if _, err := Restore(path, de.LatestBackup); err != nil {
				t.Fatalf("Restore(%s) after Open found the damage: %v", de.LatestBackup, err)
			}
			s = openAt(t, path, Options{NoAutoBackup: true})
			if got, err := s.Workshop(w.ID); err != nil || got.Code != w.Code {
				t.Errorf("restored workshop: %v, %v", got.Code, err)
			}
		})
	}
}

// TestRestoreRefusesDamagedBackup restores from a backup with a damaged
// page pointer: Restore checks the backup and must refuse it with a
// *DamagedError, leaving the data file as it was.
func TestRestoreRefusesDamagedBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "current-2027", "2027-03-09")
	s.Close()
	bad := filepath.Join(dir, "bad-backup.db")
	demoFile(t, bad)
	pointBucketPastEnd(t, bad, "participants")
	before := fileSHA(t, path)

	out, ok := runChild(t, childRequest{Mode: "restore", Path: path, From: bad})
	if ok && out.Type != "*store.DamagedError" {
		t.Errorf("Restore from a damaged backup = %s (%s), want *store.DamagedError", out.Type, out.Error)
	}
	if fileSHA(t, path) != before {
		t.Error("the refused restore changed the data file")
	}
	checkFile(t, path)
}
