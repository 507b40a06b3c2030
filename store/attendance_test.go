package store

import (
	"errors"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestRecordAttendance(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "checkin-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	p := addParticipant(t, s, w, "Aminata", "Traoré", "")

	first := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Present}
	if err := s.RecordAttendance(&first); err != nil {
		t.Fatal(err)
	}
	if first.ID.Version() != 7 || !first.RecordedAt.Equal(t0) || !first.CreatedAt.Equal(t0) {
		t.Errorf("first record: %+v; want a new ID and RecordedAt = now", first)
	}
	cur, err := s.Attendance(se.ID, p.ID)
	if err != nil || cur.ID != first.ID || cur.Status != Present {
		t.Fatalf("Attendance = %+v, %v", cur, err)
	}
	hist, err := s.AttendanceHistory(se.ID, p.ID)
	if err != nil || len(hist) != 1 || hist[0].Status != Present || hist[0].ID != first.ID {
		t.Fatalf("history after the first record = %+v, %v", hist, err)
	}

	// The same status again, later: nothing new.
	clock.Advance(5 * time.Minute)
	again := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Present}
	if err := s.RecordAttendance(&again); err != nil {
		t.Fatal(err)
	}
	if again.ID != first.ID || !again.UpdatedAt.Equal(t0) || !again.RecordedAt.Equal(t0) {
		t.Errorf("a repeated check-in returned %+v, want the existing record", again)
	}
	if hist, _ := s.AttendanceHistory(se.ID, p.ID); len(hist) != 1 {
		t.Errorf("a repeated check-in added to the history: %d versions", len(hist))
	}

	// A change appends a version and keeps the record's ID and creation.
	changedAt := clock.Advance(10 * time.Minute)
	recordedAt := t0.Add(3 * time.Minute)
	change := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Late, RecordedAt: recordedAt, Note: "  traffic "}
	if err := s.RecordAttendance(&change); err != nil {
		t.Fatal(err)
	}
	cur, _ = s.Attendance(se.ID, p.ID)
	if cur.ID != first.ID || cur.Status != Late || cur.Note != "traffic" || !cur.CreatedAt.Equal(t0) ||
		!cur.UpdatedAt.Equal(changedAt) || !cur.RecordedAt.Equal(recordedAt) {
		t.Errorf("current after the change = %+v", cur)
	}
	hist, _ = s.AttendanceHistory(se.ID, p.ID)
	if len(hist) != 2 || hist[0].Status != Present || hist[1].Status != Late || hist[1].Note != "traffic" {
		t.Errorf("history = %+v, want present then late", hist)
	}
	// A changed note alone is a new version too.
	noted := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Late, RecordedAt: recordedAt, Note: "bus strike"}
	if err := s.RecordAttendance(&noted); err != nil {
		t.Fatal(err)
	}
	if hist, _ := s.AttendanceHistory(se.ID, p.ID); len(hist) != 3 {
		t.Errorf("a new note did not add a version: %d versions", len(hist))
	}
	mustCheck(t, s)
}

func TestRecordAttendanceRefusals(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "refuse-2027", "2027-03-09")
	other := addWorkshop(t, s, "other-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	stranger := addParticipant(t, s, other, "Moussa", "Diop", "")
	p := addParticipant(t, s, w, "Fatou", "Ndiaye", "")
	gone := addParticipant(t, s, w, "Gone", "Away", "")
	if err := s.DeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}

	a := Attendance{SessionID: se.ID, ParticipantID: stranger.ID, Status: Present}
	if err := s.RecordAttendance(&a); err == nil {
		t.Error("a participant of another workshop was checked in")
	}
	if _, err := s.Attendance(se.ID, stranger.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("the refused attendance was stored: %v", err)
	}
	for _, st := range []Status{"", "here", "PRESENT"} {
		a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: st}
		wantFieldError(t, s.RecordAttendance(&a), "status")
	}
	a = Attendance{SessionID: se.ID, ParticipantID: gone.ID, Status: Present}
	if err := s.RecordAttendance(&a); !errors.Is(err, ErrNotFound) {
		t.Errorf("attendance of a deleted participant = %v, want ErrNotFound", err)
	}
	a = Attendance{SessionID: NewID(), ParticipantID: p.ID, Status: Present}
	if err := s.RecordAttendance(&a); !errors.Is(err, ErrNotFound) {
		t.Errorf("attendance at an unknown session = %v, want ErrNotFound", err)
	}
	if _, err := s.Attendance(se.ID, p.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("a refused status was stored: %v", err)
	}
}

func TestLoadWorkshopMarks(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "grid-2027", "2027-03-09")
	other := addWorkshop(t, s, "grid-2028", "2028-03-09")
	s2 := addSession(t, s, w, 2, "09:00", "10:30", "Day two")
	s1 := addSession(t, s, w, 1, "14:00", "15:00", "Afternoon")
	s0 := addSession(t, s, w, 1, "09:00", "10:00", "Morning")
	oSe := addSession(t, s, other, 1, "09:00", "10:00", "Elsewhere")
	var people []Participant
	for _, n := range []string{"Wei", "Fang", "Şule", "Mehmet"} {
		people = append(people, addParticipant(t, s, w, n, "Test", ""))
	}
	oP := addParticipant(t, s, other, "Other", "Person", "")
	recordStatus(t, s, oSe, oP, Present)

	want := map[[2]int]Status{{0, 0}: Present, {0, 1}: Late, {0, 2}: Absent, {1, 0}: Excused, {2, 3}: Present}
	sessions := []Session{s0, s1, s2}
	for k, st := range want {
		clock.Advance(time.Minute)
		recordStatus(t, s, sessions[k[0]], people[k[1]], Present) // then changed below
		if st != Present {
			recordStatus(t, s, sessions[k[0]], people[k[1]], st)
		}
	}

	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if d.Workshop.ID != w.ID || len(d.Participants) != 4 || len(d.Sessions) != 3 {
		t.Fatalf("LoadWorkshop: workshop %s, %d participants, %d sessions", d.Workshop.Code, len(d.Participants), len(d.Sessions))
	}
	for i, se := range sessions {
		if d.Sessions[i].ID != se.ID {
			t.Errorf("agenda order: session %d is %q, want %q", i, d.Sessions[i].Title, se.Title)
		}
	}
	for i, p := range people {
		if d.Participants[i].ID != p.ID {
			t.Errorf("registration order: %d is %s, want %s", i, d.Participants[i].FullName(), p.FullName())
		}
	}
	if len(d.Marks) != 3 {
		t.Errorf("Marks has %d sessions, want 3", len(d.Marks))
	}
	n := 0
	for si, se := range sessions {
		for pi, p := range people {
			m, ok := d.Marks[se.ID].Get(p.ID)
			st, recorded := want[[2]int{si, pi}]
			if ok != recorded {
				t.Errorf("%s at %q: mark present = %v, want %v", p.GivenNames, se.Title, ok, recorded)
				continue
			}
			if !ok {
				continue
			}
			n++
			a, err := s.Attendance(se.ID, p.ID)
			if err != nil || m.Status != st || a.Status != st || !m.RecordedAt.Equal(a.RecordedAt) {
				t.Errorf("%s at %q: mark %+v, record %+v (%v); want %s", p.GivenNames, se.Title, m, a, err, st)
			}
		}
	}
	if n != len(want) {
		t.Errorf("%d marks found, want %d", n, len(want))
	}
	if _, ok := d.Marks[oSe.ID]; ok {
		t.Error("Marks includes another workshop's session")
	}
	mustCheck(t, s)
}

// TestLoadWorkshopLeavesOutDeletedParticipantsMarks deletes a participant
// with attendance: LoadWorkshop leaves them out of Participants, and so
// should leave their marks out of Marks (as it does for a deleted session),
// or counts made from Marks include people who are not listed.
func TestLoadWorkshopLeavesOutDeletedParticipantsMarks(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "counts-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	keep := addParticipant(t, s, w, "Grace", "Wanjiru", "")
	gone := addParticipant(t, s, w, "Registered", "By Mistake", "")
	recordStatus(t, s, se, keep, Present)
	recordStatus(t, s, se, gone, Present)
	if err := s.DeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Participants) != 1 {
		t.Fatalf("%d participants listed, want 1", len(d.Participants))
	}
	if _, ok := d.Marks[se.ID].Get(gone.ID); ok {
		t.Errorf("Marks holds %d marks for %q although 1 participant is listed: the deleted participant's mark is included",
			d.Marks[se.ID].Len(), se.Title)
	}
	// Undeleting brings the mark back.
	if err := s.UndeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}
	d, _ = s.LoadWorkshop(w.ID)
	if m, ok := d.Marks[se.ID].Get(gone.ID); !ok || m.Status != Present {
		t.Errorf("after undelete the mark is %+v, %v", m, ok)
	}
}

func TestMarkEncoding(t *testing.T) {
	at := time.Date(2027, 3, 10, 9, 4, 5, 123456789, time.UTC)
	for _, st := range Statuses {
		b := encodeMark(Mark{st, at})
		if len(b) != 9 {
			t.Fatalf("encoded mark has %d bytes", len(b))
		}
		m, err := decodeMark(b)
		if err != nil || m.Status != st || !m.RecordedAt.Equal(at) {
			t.Errorf("decodeMark(encodeMark(%s)) = %+v, %v", st, m, err)
		}
	}
	for _, b := range [][]byte{nil, {1}, make([]byte, 9), append([]byte{5}, make([]byte, 8)...), make([]byte, 10)} {
		if m, err := decodeMark(b); err == nil {
			t.Errorf("decodeMark(%x) = %+v, want an error", b, m)
		}
	}
}

// TestWorkshopDataClone checks that a clone keeps its sessions,
// participants and marks when the original's change in place.
func TestWorkshopDataClone(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "clone-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Morning")
	p := addParticipant(t, s, w, "Wei", "Test", "")
	recordStatus(t, s, se, p, Present)
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	c := d.Clone()
	d.SetMark(se.ID, p.ID, Mark{Status: Absent})
	d.Marks[uuid.New()] = &SessionMarks{}
	d.Sessions[0].Title = "Changed"
	d.Participants[0].GivenNames = "Changed"
	if m, _ := c.Marks[se.ID].Get(p.ID); m.Status != Present || len(c.Marks) != 1 {
		t.Errorf("the clone's marks changed with the original's: %v", c.Marks)
	}
	if c.Sessions[0].Title != "Morning" || c.Participants[0].GivenNames != "Wei" || c.Workshop.ID != w.ID {
		t.Errorf("the clone changed with the original: %+v %+v", c.Sessions[0], c.Participants[0])
	}
}
