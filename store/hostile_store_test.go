package store

import (
	"crypto/rand"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// putRaw writes value under key in bucket of the closed data file at path,
// bypassing the store: the way a damaged record looks.
func putRaw(t *testing.T, path, bucket string, key, value []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error { return tx.Bucket([]byte(bucket)).Put(key, value) })
	if err != nil {
		t.Fatal(err)
	}
}

// undecodableFile writes a data file with one workshop and a good backup,
// then adds a participant record that cannot be decoded. It returns the
// data file and the backup.
func undecodableFile(t *testing.T, clock *testClock) (path, good string) {
	t.Helper()
	path = filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true, Now: clock.Now})
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "damaged-2027", "2027-03-09")
	if good, err = s.Backup(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	id := NewID()
	putRaw(t, path, "participants", id[:], []byte("{not json"))
	return path, good
}

// TestFailingFileIsNotBackedUpNorWritten: a file whose check reports an
// undecodable record gets no automatic backup on open, no backup on demand
// (ten of which used to rotate the good ones away), and no write.
func TestFailingFileIsNotBackedUpNorWritten(t *testing.T) {
	clock := newClock(t0)
	path, good := undecodableFile(t, clock)
	before := fileSHA(t, path)

	clock.Advance(time.Hour)
	s, err := Open(path, Options{Now: clock.Now}) // an automatic backup is due
	if err != nil {
		t.Fatalf("Open (reading stays possible): %v", err)
	}
	defer s.Close()
	for i := range 10 {
		clock.Advance(time.Minute)
		if _, err := s.Backup(); err == nil {
			t.Errorf("backup %d of a file that fails the check was made", i+1)
		}
	}
	w := newWorkshop(t, "more-2027", "2027-05-10")
	err = s.SaveWorkshop(&w)
	var de *DamagedError
	if !errors.As(err, &de) {
		t.Fatalf("a write to a file that fails the check = %v, want *DamagedError", err)
	}
	if de.LatestBackup != good || !strings.Contains(err.Error(), "not been changed") ||
		!strings.Contains(err.Error(), "latest good backup is "+good) || !strings.Contains(err.Error(), "cannot be decoded") {
		t.Errorf("message %q should say what is damaged, that nothing changed and name the latest good backup %s", err, good)
	}
	s.Close()
	if fileSHA(t, path) != before {
		t.Error("the damaged file was changed")
	}
	list, _ := Backups(path)
	if len(list) != 1 || list[0].Path != good {
		t.Errorf("backups = %+v, want only the good one %s", list, good)
	}
}

// TestRotationKeepsNewestGoodBackup: however many newer backups fail the
// check, the rotation keeps the newest one that passes.
func TestRotationKeepsNewestGoodBackup(t *testing.T) {
	clock := newClock(t0)
	path, good := undecodableFile(t, clock)
	damaged, _ := os.ReadFile(path)
	// Twelve newer copies of the damaged file, as an older version made them.
	for i := range 12 {
		name := stem(path) + "-" + t0.Add(time.Duration(i+1)*time.Minute).Format(stampForm) + ".db"
		if err := os.WriteFile(filepath.Join(BackupDir(path), name), damaged, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := rotateBackups(path, t0.Add(time.Hour), ""); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(good); err != nil {
		t.Errorf("the only good backup was rotated away: %v", err)
	}
	if got := latestBackup(path); got != good {
		t.Errorf("latest good backup = %q, want %q", got, good)
	}
}

// TestFutureDatedBackup: a backup made while the clock was a year ahead
// does not stop later automatic backups and is not offered as the latest.
func TestFutureDatedBackup(t *testing.T) {
	clock := newClock(t0)
	path := filepath.Join(t.TempDir(), "workshops.db")
	open := func() *Store {
		t.Helper()
		s, err := Open(path, Options{Now: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		return s
	}
	s := open()
	addWorkshop(t, s, "clock-2027", "2027-03-09")
	s.Close()
	clock.Set(t0.AddDate(1, 0, 0)) // set wrong once
	s = open()
	addWorkshop(t, s, "future-2027", "2027-03-09")
	s.Close()
	future := mustBackups(t, path)[0]
	clock.Set(t0.Add(time.Hour)) // corrected
	s = open()
	addWorkshop(t, s, "after-2027", "2027-04-12")
	s.Close()
	list := mustBackups(t, path)
	if len(list) != 3 || list[0].Path == future.Path {
		t.Fatalf("backups after the clock was corrected: %+v; want a new one, newest first", list)
	}
	if got := latestBackup(path); got != list[0].Path {
		t.Errorf("latest backup %q, want the one made last, %q", got, list[0].Path)
	}
	if !list[0].Time.Equal(t0.Add(time.Hour)) {
		t.Errorf("newest backup dated %v, want the corrected clock's %v", list[0].Time, t0.Add(time.Hour))
	}
}

func mustBackups(t *testing.T, path string) []BackupInfo {
	t.Helper()
	list, err := Backups(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("Backups: %v, %v", list, err)
	}
	return list
}

// TestUndoAfterFutureDatedHistory: a status recorded while the clock was a
// year ahead is not what "undo" goes back to once the clock is corrected.
func TestUndoAfterFutureDatedHistory(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "undo-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Ana", "Fernández", "")
	recordStatus(t, s, se, p, Late)
	recordStatus(t, s, se, p, Absent)
	// The Late version, now in the history, was written with a clock a
	// year ahead: its history key is dated then.
	err := s.db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketAttendanceHistory)
		prefix := join(se.ID, p.ID)
		k, v := b.Cursor().Seek(prefix)
		future := uuidAt(t, time.Now().AddDate(1, 0, 0))
		if err := b.Delete(k); err != nil {
			return err
		}
		return b.Put(join(se.ID, p.ID, future), v)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.CheckIn(se.ID, p.ID, se.StartsAt(w.Location())); err != nil {
		t.Fatal(err)
	}
	got, err := s.UndoCheckIn(se.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != Absent {
		t.Errorf("undo restored %s, want the previous status, absent", got.Status)
	}
	hist, _ := s.AttendanceHistory(se.ID, p.ID)
	var seq []string
	for _, a := range hist {
		seq = append(seq, string(a.Status))
	}
	if strings.Join(seq, ",") != "late,absent,present,absent" {
		t.Errorf("history %v, want it in the order written", seq)
	}
}

// uuidAt returns a UUIDv7 dated at.
func uuidAt(t *testing.T, at time.Time) uuid.UUID {
	t.Helper()
	id := NewID()
	ms := uint64(at.UnixMilli())
	var b [8]byte
	binary.BigEndian.PutUint64(b[:], ms<<16)
	copy(id[:6], b[:6])
	return id
}

// TestClockWarning: a write dated before the newest one, or far after it,
// is made but warned about.
func TestClockWarning(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "clock-2027", "2027-03-09")
	clock.Advance(time.Hour)
	addParticipant(t, s, w, "Kofi", "Mensah", "")
	if msg := s.ClockWarning(); msg != "" {
		t.Errorf("warning %q for a sound clock", msg)
	}
	clock.Set(t0.AddDate(1, 0, 0))
	addParticipant(t, s, w, "Ama", "Owusu", "")
	if msg := s.ClockWarning(); !strings.Contains(msg, "days after the newest change") {
		t.Errorf("a write a year after the last gave warning %q", msg)
	}
	s2 := openAt(t, copyTo(t, s.Path()), Options{NoAutoBackup: true, Now: newClock(t0.Add(2 * time.Hour)).Now})
	addWorkshop(t, s2, "back-2027", "2027-05-10")
	if msg := s2.ClockWarning(); !strings.Contains(msg, "earlier than the newest change") {
		t.Errorf("a write dated before the newest gave warning %q", msg)
	}
}

// TestHeaderPageZeroed zeroes either header (meta) page of a data file, as
// a write torn by a power cut could: nothing panics, the file opens at the
// other header page, which bbolt keeps for that reason, writes are not
// refused (refusing would send the facilitator to an older backup), and
// the next write makes both header pages whole again.
func TestHeaderPageZeroed(t *testing.T) {
	demo := filepath.Join(t.TempDir(), "demo.db")
	demoFile(t, demo)
	for page := range 2 {
		path := copyTo(t, demo)
		zeroPage(t, path, page)
		out, ok := runChild(t, childRequest{Mode: "check", Path: path})
		if !ok {
			t.Fatalf("page %d zeroed: the check did not finish", page)
		}
		if out.Type != "<nil>" || len(out.Problems) != 0 || out.CheckError != "" {
			t.Fatalf("page %d zeroed: Open = %s (%s), problems %q %s; want the file opened at the other header page",
				page, out.Type, out.Error, out.Problems, out.CheckError)
		}
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			t.Fatalf("page %d zeroed: %v", page, err)
		}
		list, err := s.Workshops()
		if err != nil || len(list) == 0 {
			t.Fatalf("page %d zeroed: workshops %v, %v", page, list, err)
		}
		added := addParticipant(t, s, list[0].Workshop, "Torn", "Header", "")
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
		s = openAt(t, path, Options{NoAutoBackup: true})
		if _, err := s.Participant(added.ID); err != nil {
			t.Errorf("page %d zeroed: the write after it is lost: %v", page, err)
		}
		if p, _ := headerPagesProblem(path); p != "" {
			t.Errorf("page %d zeroed: after a write, %s", page, p)
		}
		for i := range 2 {
			if m, ok := readMetaPage(t, path, i); !ok || m.pageSize == 0 {
				t.Errorf("page %d zeroed: header page %d is still damaged after a write", page, i)
			}
		}
	}
}

// readMetaPage parses header page i of the file at path.
func readMetaPage(t *testing.T, path string, i int) (boltMetaPage, bool) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	page := make([]byte, boltMetaEnd)
	if _, err := f.ReadAt(page, int64(i)*4096); err != nil {
		return boltMetaPage{}, false
	}
	return parseBoltMetaPage(page)
}

func zeroPage(t *testing.T, path string, page int) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	size := os.Getpagesize()
	if _, err := f.WriteAt(make([]byte, size), int64(page*size)); err != nil {
		t.Fatal(err)
	}
}

// TestRestoreWithDamagedNewestBackup: with the newest backup's header
// pages zeroed and the data file cut short, opening says which backup is
// good, and restoring from a good backup works. (A backup with only its
// first page zeroed is still whole: bbolt reads the second header page,
// which a backup writes for the same transaction.)
func TestRestoreWithDamagedNewestBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	w := addWorkshop(t, s, "cut-2027", "2027-03-09")
	good, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	addParticipant(t, s, w, "Lin", "Wei", "")
	newest, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	zeroPage(t, newest, 0)
	zeroPage(t, newest, 1)
	if err := os.Truncate(path, 3*4096); err != nil {
		t.Fatal(err)
	}
	if out, ok := runChild(t, childRequest{Mode: "read", Path: path}); ok &&
		(out.Type != "*store.DamagedError" || out.LatestBackup != good) {
		t.Errorf("Open = %s (%s), latest backup %q; want *store.DamagedError naming %s", out.Type, out.Error, out.LatestBackup, good)
	}
	if out, ok := runChild(t, childRequest{Mode: "restore", Path: path, From: good}); ok && out.Type != "<nil>" {
		t.Fatalf("Restore from a good backup = %s (%s)", out.Type, out.Error)
	}
	r := openAt(t, path, Options{NoAutoBackup: true})
	if _, err := r.FindWorkshop(w.Code); err != nil {
		t.Errorf("restored file: %v", err)
	}
}

// TestNotADataFile: a file of another kind is named for what it is not.
func TestNotADataFile(t *testing.T) {
	for name, size := range map[string]int{"2600 bytes": 2600, "10 bytes": 10, "40 KB": 40 << 10} {
		path := filepath.Join(t.TempDir(), "notes.db")
		data := make([]byte, size)
		rand.Read(data)
		os.WriteFile(path, data, 0o600)
		_, err := Open(path, Options{NoAutoBackup: true})
		if err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), "too short to be", "not"), "not a Workshop Desk data file") || strings.Contains(err.Error(), "too small") {
			t.Errorf("%s: Open = %v, want it to say it is not a Workshop Desk data file", name, err)
		}
		if _, err := CheckFile(path); err == nil || !strings.Contains(strings.ReplaceAll(err.Error(), "too short to be", "not"), "not a Workshop Desk data file") {
			t.Errorf("%s: CheckFile = %v", name, err)
		}
	}
}

// TestCheckFileWhileOpenReadOnly: CheckFile opens read-only, so it checks a
// file that another reader holds (and, for a user without root, a file
// without write permission).
func TestCheckFileWhileOpenReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	w := addWorkshop(t, s, "readonly-2027", "2027-03-09")
	addParticipant(t, s, w, "Aiko", "Tanaka", "")
	s.Close()
	os.Chmod(path, 0o400)
	db, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	problems, err := CheckFile(path)
	if err != nil || len(problems) > 0 {
		t.Errorf("CheckFile = %v, %v", problems, err)
	}
}

// TestOpenAfterHeaderFallbackToEmpty: in a file written in one transaction
// (as a compacted copy is), the older meta page describes the empty
// database bbolt created. With the newer one damaged, bbolt falls back to
// it: Open must say the file is damaged, not start a new, empty one over
// it.
func TestOpenAfterHeaderFallbackToEmpty(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src.db")
	s, err := Open(src, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "compact-2027", "2027-03-09")
	s.Close()
	path := filepath.Join(dir, "workshops.db")
	from, err := bolt.Open(src, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	to, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bolt.Compact(to, from, 0); err != nil {
		t.Fatal(err)
	}
	from.Close()
	to.Close()
	m := readTestBoltMeta(t, path)
	data, _ := os.ReadFile(path)
	data[int(m.txid%2)*int(m.pageSize)+40] ^= 0xff // the newest meta page's checksum no longer matches
	os.WriteFile(path, data, 0o600)
	before := fileSHA(t, path)

	s, err = Open(path, Options{NoAutoBackup: true})
	var de *DamagedError
	if s != nil {
		s.Close()
	}
	if !errors.As(err, &de) {
		t.Errorf("Open = %v (%T), want *DamagedError", err, err)
	}
	if fileSHA(t, path) != before {
		t.Error("Open wrote to the file")
	}
}

// TestInlineBucketWithoutType zeroes the page header inside an inline
// bucket (one small enough to be stored in its parent's page): bbolt then
// takes it for a branch whose child is itself and loops, growing without
// end. The check must find it before bbolt walks there.
func TestInlineBucketWithoutType(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "inline-2027", "2027-03-09")
	s.Close()
	m := readTestBoltMeta(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	root := data[int(m.root)*int(m.pageSize):]
	le := binary.LittleEndian
	if le.Uint16(root[8:]) != 0x02 {
		t.Fatalf("the root page is not a leaf")
	}
	damaged := false
	for i := range int(le.Uint16(root[10:])) {
		e := root[16+16*i:] // flags, pos, key size, value size
		pos, ks := le.Uint32(e[4:]), le.Uint32(e[8:])
		v := e[pos+ks:]
		if le.Uint32(e)&1 == 1 && le.Uint64(v) == 0 { // an inline bucket
			clear(v[16 : 16+16]) // its page header
			damaged = true
			break
		}
	}
	if !damaged {
		t.Fatal("the demo file has no inline bucket")
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if p := rawPagesProblem(path, int(m.txid)); p == "" {
		t.Fatal("the page check found nothing (the check itself is not run: it would not end)")
	}
	problems, err := CheckFile(path)
	if err == nil && len(problems) == 0 {
		t.Error("CheckFile found nothing")
	}
	var de *DamagedError
	if s, err := Open(path, Options{NoAutoBackup: true}); !errors.As(err, &de) {
		if s != nil {
			s.Close()
		}
		t.Errorf("Open = %v, want *DamagedError before any read loops", err)
	}
}
