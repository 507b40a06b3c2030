package store

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// schema3Fixture was written by the schema-3 code (before compact
// attendance) with check-ins, changed marks, notes and undone check-ins;
// schema3Golden holds what that code's Attendance and AttendanceHistory
// returned for every session and participant.
const (
	schema3Fixture = "testdata/schema3.db"
	schema3Golden  = "testdata/schema3-attendance.json"
)

type schema3Entry struct {
	Current *Attendance  `json:"current"`
	History []Attendance `json:"history"`
}

func sameAttendance(a, b *Attendance) bool {
	return a.ID == b.ID && a.SessionID == b.SessionID && a.ParticipantID == b.ParticipantID &&
		a.Status == b.Status && a.Note == b.Note && a.DeviceID == b.DeviceID &&
		a.RecordedAt.Equal(b.RecordedAt) && a.CreatedAt.Equal(b.CreatedAt) && a.UpdatedAt.Equal(b.UpdatedAt) &&
		(a.DeletedAt == nil) == (b.DeletedAt == nil) && (a.DeletedAt == nil || a.DeletedAt.Equal(*b.DeletedAt))
}

// TestMigrateSchema3CompactAttendance opens the committed schema-3 file:
// every current record and every version of the history reads as before,
// the legacy buckets are gone, a mark that never changed is stored once,
// undo still goes back to the previous status, and the file passes the
// check.
func TestMigrateSchema3CompactAttendance(t *testing.T) {
	data, err := os.ReadFile(schema3Fixture)
	if err != nil {
		t.Fatal(err)
	}
	var golden []schema3Entry
	raw, err := os.ReadFile(schema3Golden)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &golden); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "workshops.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path, Options{Now: newClock(time.Date(2026, 11, 3, 9, 0, 0, 0, time.UTC)).Now})

	list, err := Backups(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("no pre-migration backup: %v, %v", list, err)
	}
	versions := 0
	for i, e := range golden {
		var first *Attendance
		if e.Current != nil {
			first = e.Current
		} else if len(e.History) > 0 {
			first = &e.History[0]
		} else {
			continue
		}
		cur, err := s.Attendance(first.SessionID, first.ParticipantID)
		switch {
		case e.Current == nil && err != ErrNotFound:
			t.Errorf("entry %d: current record %+v, %v; want none", i, cur, err)
		case e.Current != nil && (err != nil || !sameAttendance(&cur, e.Current)):
			t.Errorf("entry %d: current record %+v, %v; want %+v", i, cur, err, *e.Current)
		}
		hist, err := s.AttendanceHistory(first.SessionID, first.ParticipantID)
		if err != nil || len(hist) != len(e.History) {
			t.Fatalf("entry %d: history has %d versions (%v), want %d", i, len(hist), err, len(e.History))
		}
		for j := range hist {
			if !sameAttendance(&hist[j], &e.History[j]) {
				t.Errorf("entry %d version %d: %+v, want %+v", i, j, hist[j], e.History[j])
			}
		}
		versions += len(e.History)
	}
	var stored, current int
	err = s.view(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{legacyAttendance, legacyAttendanceMarks, legacyAttendanceHistory} {
			if tx.Bucket(name) != nil {
				t.Errorf("the legacy bucket %s is still there", name)
			}
		}
		stored = tx.Bucket(bucketAttendanceHistory).Stats().KeyN
		current = tx.Bucket(bucketAttendance).Stats().KeyN
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	// Each version is stored once: as the current record or in the history.
	if stored+current != versions {
		t.Errorf("%d versions stored in the history and %d current records, for %d versions", stored, current, versions)
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Errorf("Check after the migration: %v, %v", problems, err)
	}

	// Bruno was late ("bus"), then present: undo goes back to late.
	bruno := golden[1].Current
	got, err := s.UndoCheckIn(bruno.SessionID, bruno.ParticipantID)
	if err != nil || got.Status != Late || got.Note != "bus" {
		t.Errorf("undo after the migration: %+v, %v; want late (bus)", got, err)
	}
}

// TestMarkStoredOnce: a mark that never changed has no copy in the history;
// a change moves the earlier version there, and the history lists both.
func TestMarkStoredOnce(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "once-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Ana", "Fernández", "")
	count := func() (n int) {
		s.view(func(tx *bolt.Tx) error {
			n = tx.Bucket(bucketAttendanceHistory).Stats().KeyN
			return nil
		})
		return n
	}
	recordStatus(t, s, se, p, Late)
	recordStatus(t, s, se, p, Late)
	if n := count(); n != 0 {
		t.Errorf("a mark that never changed has %d copies in the history", n)
	}
	recordStatus(t, s, se, p, Present)
	if n := count(); n != 1 {
		t.Errorf("after one change the history holds %d versions, want 1", n)
	}
	hist, err := s.AttendanceHistory(se.ID, p.ID)
	if err != nil || len(hist) != 2 || hist[0].Status != Late || hist[1].Status != Present {
		t.Errorf("AttendanceHistory = %+v, %v; want late then present", hist, err)
	}
}
