package store

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func historyLen(t *testing.T, s *Store, se Session, p Participant) int {
	t.Helper()
	h, err := s.AttendanceHistory(se.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	return len(h)
}

func TestCheckInPresentOrLate(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w := addWorkshop(t, s, "checkin-2027", "2027-03-09") // Nairobi, UTC+3
	strict := newWorkshop(t, "strict-2027", "2027-03-09")
	strict.Rule.LateAfterMinutes = new(0)
	if err := s.SaveWorkshop(&strict); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2027, 3, 9, 6, 0, 0, 0, time.UTC) // 09:00 in Nairobi
	cases := []struct {
		name string
		w    Workshop
		now  time.Time
		want Status
	}{
		{"early", w, start.Add(-30 * time.Minute), Present},
		{"on the dot", w, start, Present},
		{"at the end of the grace period", w, start.Add(10 * time.Minute), Present},
		{"just after the grace period", w, start.Add(10*time.Minute + time.Second), Late},
		{"after the session", w, start.Add(3 * time.Hour), Late},
		{"no grace: on the dot", strict, start, Present},
		{"no grace: a second late", strict, start.Add(time.Second), Late},
	}
	sessions := map[string]Session{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			se, ok := sessions[c.w.Code]
			if !ok {
				se = addSession(t, s, c.w, 1, "09:00", "10:30", "Opening")
				sessions[c.w.Code] = se
			}
			p := addParticipant(t, s, c.w, "Aminata", c.name, "")
			res, err := s.CheckIn(se.ID, p.ID, c.now)
			if err != nil {
				t.Fatal(err)
			}
			if res.Already() || res.Attendance.Status != c.want || !res.Attendance.RecordedAt.Equal(c.now) ||
				res.Participant.ID != p.ID {
				t.Errorf("CheckIn at %v = %+v, want %s", c.now, res, c.want)
			}
			cur, err := s.Attendance(se.ID, p.ID)
			if err != nil || cur.Status != c.want || cur.ID != res.Attendance.ID {
				t.Errorf("stored %+v, %v", cur, err)
			}
			if n := historyLen(t, s, se, p); n != 1 {
				t.Errorf("history has %d versions", n)
			}
		})
	}
}

func TestCheckInTwice(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "twice-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	start := time.Date(2027, 3, 9, 6, 0, 0, 0, time.UTC)
	for _, first := range []time.Duration{12 * time.Minute, 25 * time.Minute} { // present, late
		p := addParticipant(t, s, w, "Mehmet", "Öztürk", "")
		res, err := s.CheckIn(se.ID, p.ID, start.Add(first-10*time.Minute))
		if err != nil {
			t.Fatal(err)
		}
		want := res.Attendance
		again, err := s.CheckIn(se.ID, p.ID, start.Add(first))
		if err != nil {
			t.Fatal(err)
		}
		if !again.Already() || !again.AlreadyAt.Equal(want.RecordedAt) || again.Attendance.ID != want.ID ||
			again.Attendance.Status != want.Status || again.Participant.ID != p.ID {
			t.Errorf("second check-in = %+v, want AlreadyAt %v", again, want.RecordedAt)
		}
		if n := historyLen(t, s, se, p); n != 1 {
			t.Errorf("second check-in wrote to the history: %d versions", n)
		}
		if cur, _ := s.Attendance(se.ID, p.ID); !cur.UpdatedAt.Equal(want.UpdatedAt) || cur.Status != want.Status {
			t.Errorf("second check-in changed the record: %+v", cur)
		}
	}
}

func TestCheckInReplacesAbsentAndRefuses(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w := addWorkshop(t, s, "replace-2027", "2027-03-09")
	other := addWorkshop(t, s, "elsewhere-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	p := addParticipant(t, s, w, "Fatou", "Ndiaye", "")
	recordStatus(t, s, se, p, Absent)
	res, err := s.CheckIn(se.ID, p.ID, time.Date(2027, 3, 9, 6, 5, 0, 0, time.UTC))
	if err != nil || res.Already() || res.Attendance.Status != Present {
		t.Fatalf("check-in over absent = %+v, %v", res, err)
	}
	if n := historyLen(t, s, se, p); n != 2 {
		t.Errorf("history has %d versions, want 2", n)
	}

	stranger := addParticipant(t, s, other, "Moussa", "Diop", "")
	if _, err := s.CheckIn(se.ID, stranger.ID, t0); err == nil {
		t.Error("checked in a participant of another workshop")
	}
	if err := s.DeleteSession(se.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.CheckIn(se.ID, p.ID, t0); !errors.Is(err, ErrNotFound) {
		t.Errorf("check-in at a deleted session: %v, want ErrNotFound", err)
	}
}

func TestUndoCheckIn(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "undo-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	start := time.Date(2027, 3, 9, 6, 0, 0, 0, time.UTC)

	t.Run("first record is removed", func(t *testing.T) {
		p := addParticipant(t, s, w, "Şule", "Çağlar", "")
		if _, err := s.CheckIn(se.ID, p.ID, start); err != nil {
			t.Fatal(err)
		}
		clock.Advance(time.Minute)
		got, err := s.UndoCheckIn(se.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !got.Deleted() || got.Status != Present {
			t.Errorf("UndoCheckIn returned %+v, want the removed record with DeletedAt", got)
		}
		if _, err := s.Attendance(se.ID, p.ID); !errors.Is(err, ErrNotFound) {
			t.Errorf("Attendance after undo: %v, want ErrNotFound", err)
		}
		d, err := s.LoadWorkshop(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := d.Marks[se.ID].Get(p.ID); ok {
			t.Error("the mark is still there")
		}
		h, _ := s.AttendanceHistory(se.ID, p.ID)
		if len(h) != 2 || h[0].Deleted() || !h[1].Deleted() {
			t.Errorf("history = %+v, want the check-in then its removal", h)
		}
		// Undoing again finds no check-in; checking in again and undoing
		// removes the record again.
		if _, err := s.UndoCheckIn(se.ID, p.ID); !errors.Is(err, ErrNoCheckIn) {
			t.Errorf("second undo: %v, want ErrNoCheckIn", err)
		}
		if _, err := s.CheckIn(se.ID, p.ID, start.Add(20*time.Minute)); err != nil {
			t.Fatal(err)
		}
		if got, err := s.UndoCheckIn(se.ID, p.ID); err != nil || !got.Deleted() {
			t.Errorf("undo after a new check-in = %+v, %v", got, err)
		}
		if n := historyLen(t, s, se, p); n != 4 {
			t.Errorf("history has %d versions, want 4", n)
		}
	})

	t.Run("previous status is restored", func(t *testing.T) {
		p := addParticipant(t, s, w, "Ingrid", "Håkansson", "")
		absentAt := start.Add(-time.Hour)
		absent := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Excused, RecordedAt: absentAt, Note: "flight delayed"}
		if err := s.RecordAttendance(&absent); err != nil {
			t.Fatal(err)
		}
		if res, err := s.CheckIn(se.ID, p.ID, start.Add(30*time.Minute)); err != nil || res.Attendance.Status != Late {
			t.Fatalf("CheckIn = %+v, %v", res, err)
		}
		got, err := s.UndoCheckIn(se.ID, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		cur, err := s.Attendance(se.ID, p.ID)
		if err != nil || got.Deleted() || cur.Status != Excused || cur.Note != "flight delayed" ||
			!cur.RecordedAt.Equal(absentAt) || cur.ID != absent.ID || got.ID != cur.ID || got.Status != cur.Status {
			t.Errorf("after undo: %+v (returned %+v), %v; want excused as before", cur, got, err)
		}
		h, _ := s.AttendanceHistory(se.ID, p.ID)
		if len(h) != 3 || h[0].Status != Excused || h[1].Status != Late || h[2].Status != Excused {
			t.Errorf("history = %+v, want excused, late, excused", h)
		}
		if _, err := s.UndoCheckIn(se.ID, p.ID); !errors.Is(err, ErrNoCheckIn) {
			t.Errorf("undo of an excused status: %v, want ErrNoCheckIn", err)
		}
		d, _ := s.LoadWorkshop(w.ID)
		if m := markAt(d, se.ID, p.ID); m.Status != Excused || !m.RecordedAt.Equal(absentAt) {
			t.Errorf("mark after undo = %+v", m)
		}
	})

	t.Run("never recorded", func(t *testing.T) {
		p := addParticipant(t, s, w, "Nobody", "Yet", "")
		if _, err := s.UndoCheckIn(se.ID, p.ID); !errors.Is(err, ErrNoCheckIn) {
			t.Errorf("undo without a record: %v, want ErrNoCheckIn", err)
		}
	})
	mustCheck(t, s)
}

func TestMarkUnmarked(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "rest-2027", "2027-03-09")
	se := addSession(t, s, w, 2, "09:00", "10:30", "Panel") // 10 March, 06:00 UTC
	other := addSession(t, s, w, 2, "11:00", "12:30", "Working groups")
	marked := addParticipant(t, s, w, "Already", "Marked", "")
	b := addParticipant(t, s, w, "Unmarked", "One", "")
	c := addParticipant(t, s, w, "Unmarked", "Two", "")
	joiner := Participant{WorkshopID: w.ID, GivenNames: "Late", FamilyNames: "Joiner",
		JoinedAt: time.Date(2027, 3, 10, 7, 0, 0, 0, time.UTC)} // after Panel started, before Working groups
	if err := s.SaveParticipant(&joiner); err != nil {
		t.Fatal(err)
	}
	onTime := Participant{WorkshopID: w.ID, GivenNames: "Exactly", FamilyNames: "On Time",
		JoinedAt: time.Date(2027, 3, 10, 6, 0, 0, 0, time.UTC)}
	if err := s.SaveParticipant(&onTime); err != nil {
		t.Fatal(err)
	}
	gone := addParticipant(t, s, w, "Deleted", "Person", "")
	if err := s.DeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}
	recordStatus(t, s, se, marked, Late)

	if _, err := s.MarkUnmarked(se.ID, "gone"); err == nil {
		t.Error("MarkUnmarked accepted an unknown status")
	}
	n, err := s.MarkUnmarked(se.ID, Absent)
	if err != nil || n != 3 {
		t.Fatalf("MarkUnmarked = %d, %v; want 3 (two unmarked and the one who joined at the start)", n, err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]Status{"Already Marked": Late, "Unmarked One": Absent, "Unmarked Two": Absent,
		"Exactly On Time": Absent, "Late Joiner": ""}
	for _, p := range d.Participants {
		if got := markAt(d, se.ID, p.ID).Status; got != want[p.FullName()] {
			t.Errorf("%s: %q, want %q", p.FullName(), got, want[p.FullName()])
		}
	}
	if d.Marks[other.ID].Len() != 0 {
		t.Errorf("another session was marked: %v", d.Marks[other.ID])
	}
	if _, err := s.Attendance(se.ID, gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the deleted participant was marked: %v", err)
	}
	for _, p := range []Participant{b, c} {
		if a, _ := s.Attendance(se.ID, p.ID); !a.RecordedAt.Equal(t0) || historyLen(t, s, se, p) != 1 {
			t.Errorf("%s: %+v", p.FullName(), a)
		}
	}
	if historyLen(t, s, se, marked) != 1 {
		t.Error("the marked participant got a new version")
	}
	// Nothing left to mark: no write.
	if n, err := s.MarkUnmarked(se.ID, Absent); err != nil || n != 0 {
		t.Errorf("second MarkUnmarked = %d, %v", n, err)
	}
	if historyLen(t, s, se, b) != 1 {
		t.Error("the second MarkUnmarked wrote")
	}
	// The joiner is expected at the later session.
	if n, err := s.MarkUnmarked(other.ID, Excused); err != nil || n != 5 {
		t.Errorf("MarkUnmarked(Working groups) = %d, %v; want 5", n, err)
	}
	if _, err := s.MarkUnmarked(NewID(), Absent); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown session: %v", err)
	}
}

func TestRecordAttendances(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w := addWorkshop(t, s, "bulk-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	p := addParticipant(t, s, w, "Grace", "Wanjiru", "")
	q := addParticipant(t, s, w, "Kwame", "Mensah", "")
	bad := []*Attendance{{SessionID: se.ID, ParticipantID: p.ID, Status: Present},
		{SessionID: se.ID, ParticipantID: NewID(), Status: Present}}
	if err := s.RecordAttendances(bad); err == nil || !errors.Is(err, ErrNotFound) {
		t.Errorf("RecordAttendances with an unknown participant: %v", err)
	}
	if _, err := s.Attendance(se.ID, p.ID); !errors.Is(err, ErrNotFound) {
		t.Error("a failed batch left a record")
	}
	list := []*Attendance{{SessionID: se.ID, ParticipantID: p.ID, Status: Present},
		{SessionID: se.ID, ParticipantID: q.ID, Status: Excused, Note: " sick "}}
	if err := s.RecordAttendances(list); err != nil {
		t.Fatal(err)
	}
	if list[0].ID.Version() != 7 || list[1].Note != "sick" || !list[1].RecordedAt.Equal(t0) {
		t.Errorf("records = %+v, %+v", list[0], list[1])
	}
	if a, err := s.Attendance(se.ID, q.ID); err != nil || a.Status != Excused {
		t.Errorf("stored %+v, %v", a, err)
	}
}

// TestCheckInConcurrent scans the same badge at two desks at once: one
// check-in is recorded, the other reports it.
func TestCheckInConcurrent(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w := addWorkshop(t, s, "desks-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	p := addParticipant(t, s, w, "Kwame", "Mensah", "")
	start := time.Date(2027, 3, 9, 6, 0, 0, 0, time.UTC)
	results := make(chan CheckInResult, 2)
	for i := range 2 {
		go func() {
			res, err := s.CheckIn(se.ID, p.ID, start.Add(time.Duration(i*20)*time.Minute)) // present or late
			if err != nil {
				t.Error(err)
			}
			results <- res
		}()
	}
	a, b := <-results, <-results
	if a.Already() == b.Already() {
		t.Errorf("two check-ins: already %v and %v, want exactly one recorded", a.Already(), b.Already())
	}
	if n := historyLen(t, s, se, p); n != 1 {
		t.Errorf("history has %d versions, want 1", n)
	}
}

// TestCheckInWindow refuses a check-in more than the window (60 minutes by
// default, a workshop setting) before the session, naming the session
// running now or next today.
func TestCheckInWindow(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w := addWorkshop(t, s, "window-2027", "2027-03-09") // Nairobi, UTC+3
	morning := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	afternoon := addSession(t, s, w, 1, "14:00", "15:30", "Field visit")
	nextDay := addSession(t, s, w, 2, "09:00", "10:30", "Day two")
	sessions := []Session{morning, afternoon, nextDay}
	nine := time.Date(2027, 3, 9, 6, 0, 0, 0, time.UTC) // 09:00 in Nairobi
	if err := CheckInWindow(&w, sessions, morning, nine.Add(-60*time.Minute)); err != nil {
		t.Errorf("an hour before: %v", err)
	}
	err := CheckInWindow(&w, sessions, afternoon, nine.Add(5*time.Minute))
	var early *TooEarlyError
	if !errors.As(err, &early) || early.Meant == nil || early.Meant.ID != morning.ID || early.Before != 4*time.Hour+55*time.Minute {
		t.Fatalf("the afternoon at 09:05: %v", err)
	}
	if msg := err.Error(); !strings.Contains(msg, "“Field visit”") || !strings.Contains(msg, "“Opening” (09:00)") || !strings.Contains(msg, "60 minutes") {
		t.Errorf("message %q", msg)
	}
	// 16 hours before the next day's session, in the evening: nothing else today.
	err = CheckInWindow(&w, sessions, nextDay, nine.Add(8*time.Hour))
	if !errors.As(err, &early) || early.Meant != nil || !strings.Contains(err.Error(), "16h0m") {
		t.Errorf("the next day at 17:00: %v", err)
	}
	// A wider window is a workshop setting.
	w.Rule.EarlyCheckInMinutes = new(300)
	if err := CheckInWindow(&w, sessions, afternoon, nine.Add(5*time.Minute)); err != nil {
		t.Errorf("with a 300-minute window: %v", err)
	}
	w.Rule.EarlyCheckInMinutes = new(-1)
	wantFieldError(t, w.Rule.Validate(), "rule.early_checkin_minutes")
}

// TestMarkUnmarkedAbsentBeforeTheStart refuses to mark the rest absent
// from a session that has not started, and marks nobody.
func TestMarkUnmarkedAbsentBeforeTheStart(t *testing.T) {
	clock := newClock(t0) // 10 March 2027, 09:00 UTC
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "soon-2027", "2027-03-09")
	se := addSession(t, s, w, 3, "09:00", "10:30", "Tomorrow's panel")
	addParticipant(t, s, w, "Not", "Yet", "")
	if n, err := s.MarkUnmarked(se.ID, Absent); err == nil || n != 0 || !strings.Contains(err.Error(), "has not started yet") {
		t.Fatalf("MarkUnmarked(absent) before the start = %d, %v", n, err)
	}
	if n, err := s.MarkUnmarked(se.ID, Excused); err != nil || n != 1 {
		t.Errorf("MarkUnmarked(excused) before the start = %d, %v; excusing ahead is allowed", n, err)
	}
}
