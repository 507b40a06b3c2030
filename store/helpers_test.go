package store

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

// t0 is the fixed "now" of most tests: Wednesday 10 March 2027, 09:00 UTC.
var t0 = time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)

// testClock is a settable clock for Options.Now, safe for the store's
// background backups.
type testClock struct {
	mu sync.Mutex
	t  time.Time
}

func newClock(t time.Time) *testClock { return &testClock{t: t} }

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

func (c *testClock) Advance(d time.Duration) time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
	return c.t
}

// openTest opens a store on a new file in t.TempDir(). When the test ends
// the store is closed, and the file is reopened and must pass Check.
func openTest(t testing.TB, opts ...Options) *Store {
	t.Helper()
	return openAt(t, filepath.Join(t.TempDir(), "workshops.db"), opts...)
}

// openAt opens the store at path with the same cleanup as openTest.
func openAt(t testing.TB, path string, opts ...Options) *Store {
	t.Helper()
	var o Options
	if len(opts) > 0 {
		o = opts[0]
	}
	s, err := Open(path, o)
	if err != nil {
		t.Fatalf("Open(%s): %v", path, err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
		checkFile(t, path)
	})
	return s
}

// checkFile reopens the data file and fails the test if Check finds any
// problem.
func checkFile(t testing.TB, path string) {
	t.Helper()
	s, err := Open(path, Options{NoAutoBackup: true, Timeout: 2 * time.Second})
	if err != nil {
		t.Errorf("integrity check: reopen %s: %v", path, err)
		return
	}
	defer s.Close()
	mustCheck(t, s)
}

// mustCheck fails the test if Check reports anything.
func mustCheck(t testing.TB, s *Store) {
	t.Helper()
	problems, err := s.Check()
	if err != nil {
		t.Errorf("Check: %v", err)
	}
	for _, p := range problems {
		t.Errorf("Check: %s", p)
	}
}

func mustDate(t testing.TB, s string) Date {
	t.Helper()
	d, err := ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func mustClock(t testing.TB, s string) Clock {
	t.Helper()
	c, err := ParseClock(s)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// newWorkshop returns a valid, unsaved workshop of three days from start.
func newWorkshop(t testing.TB, code, start string) Workshop {
	t.Helper()
	d := mustDate(t, start)
	return Workshop{Code: code, Title: "Workshop " + code, City: "Nairobi", Country: "KE",
		StartDate: d, EndDate: d.AddDays(2)}
}

func addWorkshop(t testing.TB, s *Store, code, start string) Workshop {
	t.Helper()
	w := newWorkshop(t, code, start)
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatalf("SaveWorkshop(%s): %v", code, err)
	}
	return w
}

// addSession saves a session on the given day (1 = the first day) of w.
func addSession(t testing.TB, s *Store, w Workshop, day int, start, end, title string) Session {
	t.Helper()
	se := Session{WorkshopID: w.ID, Date: w.StartDate.AddDays(day - 1), Start: mustClock(t, start),
		End: mustClock(t, end), Title: title, Counts: true}
	if err := s.SaveSession(&se); err != nil {
		t.Fatalf("SaveSession(%s): %v", title, err)
	}
	return se
}

func addParticipant(t testing.TB, s *Store, w Workshop, given, family, badge string) Participant {
	t.Helper()
	p := Participant{WorkshopID: w.ID, GivenNames: given, FamilyNames: family, BadgeCode: badge}
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatalf("SaveParticipant(%s %s): %v", given, family, err)
	}
	return p
}

func recordStatus(t testing.TB, s *Store, se Session, p Participant, st Status) Attendance {
	t.Helper()
	a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: st}
	if err := s.RecordAttendance(&a); err != nil {
		t.Fatalf("RecordAttendance(%s, %s): %v", p.FullName(), st, err)
	}
	return a
}

// wantFieldError asserts that err is a ValidationError with a message for
// field, and returns it.
func wantFieldError(t testing.TB, err error, field string) ValidationError {
	t.Helper()
	var ve ValidationError
	if !errors.As(err, &ve) {
		t.Fatalf("error %v (%T) is not a ValidationError", err, err)
	}
	if ve.For(field) == "" {
		t.Fatalf("ValidationError %q has no message for field %q", ve.Error(), field)
	}
	return ve
}

func fileSHA(t testing.TB, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func ids[T any](list []T, id func(T) uuid.UUID) map[uuid.UUID]bool {
	m := map[uuid.UUID]bool{}
	for _, v := range list {
		m[id(v)] = true
	}
	return m
}

// markAt returns a participant's loaded mark at a session; the zero Mark
// when there is none.
func markAt(d *WorkshopData, session, participant uuid.UUID) Mark {
	m, _ := d.Mark(session, participant)
	return m
}
