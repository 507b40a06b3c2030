package store

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

func TestRecordIDsAreUUIDv7(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "ids-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p1 := addParticipant(t, s, w, "Wei", "Li", "")
	p2 := addParticipant(t, s, w, "Fang", "Wang", "")
	a := recordStatus(t, s, se, p1, Present)
	c := CertificateIssue{WorkshopID: w.ID, ParticipantID: p1.ID, Number: "IDS-1"}
	if err := s.SaveCertificate(&c); err != nil {
		t.Fatal(err)
	}
	list := []struct {
		what string
		id   uuid.UUID
	}{{"workshop", w.ID}, {"session", se.ID}, {"participant 1", p1.ID}, {"participant 2", p2.ID},
		{"attendance", a.ID}, {"certificate", c.ID}}
	for i, x := range list {
		if x.id.Version() != 7 || x.id.Variant() != uuid.RFC4122 {
			t.Errorf("%s ID %s is version %d, variant %v; want a version 7 RFC 4122 UUID", x.what, x.id, x.id.Version(), x.id.Variant())
		}
		if i > 0 && bytes.Compare(list[i-1].id[:], x.id[:]) >= 0 {
			t.Errorf("IDs are not time-ordered: %s %s is not after %s %s", x.what, x.id, list[i-1].what, list[i-1].id)
		}
	}
	if id := NewID(); id.Version() != 7 {
		t.Errorf("NewID() is version %d", id.Version())
	}
}

func TestUpdateKeepsCreatedAt(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "times-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Eleni", "Papadopoulou", "")
	for what, r := range map[string]Record{"workshop": w.Record, "session": se.Record, "participant": p.Record} {
		if !r.CreatedAt.Equal(t0) || !r.UpdatedAt.Equal(t0) {
			t.Errorf("new %s: created %v, updated %v; want both %v", what, r.CreatedAt, r.UpdatedAt, t0)
		}
	}

	later := clock.Advance(90 * time.Minute)
	w.Title = "Renamed"
	se.Room = "Room B"
	p.Position = "Researcher"
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveSession(&se); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	gotW, _ := s.Workshop(w.ID)
	gotSe, _ := s.Session(se.ID)
	gotP, _ := s.Participant(p.ID)
	for what, r := range map[string]Record{"workshop": gotW.Record, "session": gotSe.Record, "participant": gotP.Record} {
		if !r.CreatedAt.Equal(t0) {
			t.Errorf("updated %s: CreatedAt = %v, want %v", what, r.CreatedAt, t0)
		}
		if !r.UpdatedAt.Equal(later) {
			t.Errorf("updated %s: UpdatedAt = %v, want %v", what, r.UpdatedAt, later)
		}
	}
	if gotW.ID != w.ID || gotW.Title != "Renamed" || gotSe.Room != "Room B" || gotP.Position != "Researcher" {
		t.Errorf("updates not stored: %q %q %q", gotW.Title, gotSe.Room, gotP.Position)
	}
}

// TestUpdateByIDKeepsCreatedAt updates records given only their ID and new
// fields, as an edit form or the command line builds them: the store, not
// the caller, owns the creation time.
func TestUpdateByIDKeepsCreatedAt(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "byid-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Eleni", "Papadopoulou", "")
	clock.Advance(time.Hour)

	w2 := newWorkshop(t, w.Code, "2027-03-09")
	w2.ID, w2.Title = w.ID, "Renamed"
	if err := s.SaveWorkshop(&w2); err != nil {
		t.Fatal(err)
	}
	se2 := Session{Record: Record{ID: se.ID}, WorkshopID: w.ID, Date: se.Date, Start: se.Start, End: se.End, Title: "Opening plenary"}
	if err := s.SaveSession(&se2); err != nil {
		t.Fatal(err)
	}
	p2 := Participant{Record: Record{ID: p.ID}, WorkshopID: w.ID, GivenNames: "Eleni", FamilyNames: "Papadopoulou", BadgeCode: p.BadgeCode}
	if err := s.SaveParticipant(&p2); err != nil {
		t.Fatal(err)
	}
	gotW, _ := s.Workshop(w.ID)
	gotSe, _ := s.Session(se.ID)
	gotP, _ := s.Participant(p.ID)
	for what, r := range map[string]Record{"workshop": gotW.Record, "session": gotSe.Record, "participant": gotP.Record} {
		if !r.CreatedAt.Equal(t0) {
			t.Errorf("%s updated by ID: CreatedAt = %v, want %v (kept from the stored record)", what, r.CreatedAt, t0)
		}
	}
}

func TestDeleteParticipantLeavesTombstone(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "tomb-2027", "2027-03-09")
	keep := addParticipant(t, s, w, "Kwame", "Mensah", "")
	gone := addParticipant(t, s, w, "Amani", "Mwakyusa", "MWK47")
	deletedAt := clock.Advance(time.Minute)
	if err := s.DeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}

	if _, err := s.Participant(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Participant(deleted) = %v, want ErrNotFound", err)
	}
	if _, err := s.ParticipantByBadge(w.ID, "MWK47"); !errors.Is(err, ErrNotFound) {
		t.Errorf("ParticipantByBadge(deleted's code) = %v, want ErrNotFound", err)
	}
	list, err := s.Participants(w.ID)
	if err != nil || len(list) != 1 || list[0].ID != keep.ID {
		t.Errorf("Participants after delete = %v, %v; want only %s", list, err, keep.FullName())
	}
	if err := s.DeleteParticipant(gone.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("deleting twice = %v, want ErrNotFound", err)
	}
	// The record itself is still there, as a tombstone.
	raw := rawParticipant(t, s, gone.ID)
	if raw.DeletedAt == nil || !raw.DeletedAt.Equal(deletedAt) || !raw.UpdatedAt.Equal(deletedAt) {
		t.Errorf("tombstone DeletedAt %v, UpdatedAt %v; want both %v", raw.DeletedAt, raw.UpdatedAt, deletedAt)
	}
	if raw.FullName() != "Amani Mwakyusa" || raw.BadgeCode != "MWK47" {
		t.Errorf("tombstone lost its content: %+v", raw)
	}
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), gone.ID.String()) {
		t.Error("the export lists the deleted participant")
	}
	mustCheck(t, s)

	if err := s.UndeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}
	back, err := s.ParticipantByBadge(w.ID, "MWK47")
	if err != nil || back.ID != gone.ID || back.Deleted() || !back.CreatedAt.Equal(gone.CreatedAt) {
		t.Errorf("after undelete: %+v, %v", back, err)
	}
	if list, _ := s.Participants(w.ID); len(list) != 2 {
		t.Errorf("after undelete %d participants are listed, want 2", len(list))
	}
}

func rawParticipant(t *testing.T, s *Store, id uuid.UUID) Participant {
	t.Helper()
	var p Participant
	err := s.view(func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketParticipants), id[:], &p) })
	if err != nil {
		t.Fatalf("raw participant %s: %v", id, err)
	}
	return p
}

func TestDeleteSessionAndWorkshop(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "delete-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	other := addSession(t, s, w, 2, "09:00", "10:00", "Panel")
	p := addParticipant(t, s, w, "Chidi", "Okafor", "")
	recordStatus(t, s, se, p, Present)

	if err := s.DeleteSession(se.ID); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.Sessions(w.ID); len(list) != 1 || list[0].ID != other.ID {
		t.Errorf("Sessions after delete = %v", list)
	}
	if _, err := s.Session(se.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("Session(deleted) = %v", err)
	}
	a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Late}
	if err := s.RecordAttendance(&a); !errors.Is(err, ErrNotFound) {
		t.Errorf("attendance at a deleted session = %v, want ErrNotFound", err)
	}
	if err := s.UndeleteSession(se.ID); err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil || len(d.Sessions) != 2 || markAt(d, se.ID, p.ID).Status != Present {
		t.Errorf("after undeleting the session: %+v, %v; its attendance should be back", d, err)
	}

	if err := s.DeleteWorkshop(w.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.LoadWorkshop(w.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("LoadWorkshop(deleted) = %v", err)
	}
	if list, _ := s.Workshops(); len(list) != 0 {
		t.Errorf("Workshops lists a deleted workshop: %v", list)
	}
	if err := s.UndeleteWorkshop(w.ID); err != nil {
		t.Fatal(err)
	}
	if got, err := s.FindWorkshop("delete-2027"); err != nil || got.ID != w.ID {
		t.Errorf("after undelete: %v, %v", got.ID, err)
	}
	// Undelete refuses when the code has been given to another workshop.
	if err := s.DeleteWorkshop(w.ID); err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "delete-2027", "2027-08-02")
	if err := s.UndeleteWorkshop(w.ID); err == nil {
		t.Error("UndeleteWorkshop took a code that another workshop has")
	}
}

func TestDeletedParticipantFreesBadgeCode(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "badges-2027", "2027-03-09")
	first := addParticipant(t, s, w, "Søren", "Østergaard", "RTW34")
	if err := s.DeleteParticipant(first.ID); err != nil {
		t.Fatal(err)
	}
	second := addParticipant(t, s, w, "Ingrid", "Håkansson", "rtw-34")
	if second.BadgeCode != "RTW34" {
		t.Fatalf("second participant got %q", second.BadgeCode)
	}
	// Undeleting the first gives them a new code, since theirs is taken.
	if err := s.UndeleteParticipant(first.ID); err != nil {
		t.Fatal(err)
	}
	back, err := s.Participant(first.ID)
	if err != nil {
		t.Fatal(err)
	}
	if back.BadgeCode == "RTW34" || !validBadgeCode(back.BadgeCode) {
		t.Errorf("undeleted participant has badge code %q, want a new valid one", back.BadgeCode)
	}
	for code, want := range map[string]uuid.UUID{"RTW34": second.ID, back.BadgeCode: first.ID} {
		if got, err := s.ParticipantByBadge(w.ID, code); err != nil || got.ID != want {
			t.Errorf("ParticipantByBadge(%s) = %v, %v; want %v", code, got.ID, err, want)
		}
	}
}

func TestParticipantByBadgeIgnoresCaseAndDashes(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "scan-2027", "2027-03-09")
	other := addWorkshop(t, s, "scan-2028", "2028-03-09")
	p := addParticipant(t, s, w, "Nomvula", "Dlamini", "KX7M4")
	for _, typed := range []string{"KX7M4", "kx7m4", "KX-7M4", "kx-7m-4", " kx 7m4 ", "Kx7M4\t"} {
		got, err := s.ParticipantByBadge(w.ID, typed)
		if err != nil || got.ID != p.ID {
			t.Errorf("ParticipantByBadge(%q) = %v, %v; want %v", typed, got.ID, err, p.ID)
		}
	}
	for _, c := range []struct {
		w    Workshop
		code string
	}{{w, "KX7M5"}, {w, ""}, {other, "KX7M4"}} {
		if _, err := s.ParticipantByBadge(c.w.ID, c.code); !errors.Is(err, ErrNotFound) {
			t.Errorf("ParticipantByBadge(%s, %q) = %v, want ErrNotFound", c.w.Code, c.code, err)
		}
	}
}

func TestGeneratedBadgeCodes(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "codes-2027", "2027-03-09")
	ps := make([]*Participant, 200)
	for i := range ps {
		ps[i] = &Participant{WorkshopID: w.ID, FamilyNames: "Person"}
	}
	if err := s.SaveParticipants(ps); err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, p := range ps {
		if len(p.BadgeCode) != badgeLen || strings.Trim(p.BadgeCode, badgeAlphabet) != "" {
			t.Errorf("generated code %q is not %d characters of %s", p.BadgeCode, badgeLen, badgeAlphabet)
		}
		if seen[p.BadgeCode] {
			t.Errorf("code %s given twice", p.BadgeCode)
		}
		seen[p.BadgeCode] = true
		if got, err := s.ParticipantByBadge(w.ID, p.BadgeCode); err != nil || got.ID != p.ID {
			t.Errorf("ParticipantByBadge(%s) = %v, %v", p.BadgeCode, got.ID, err)
		}
	}
}

func TestSaveParticipantsAllOrNothing(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "batch-2027", "2027-03-09")
	batch := func() []*Participant {
		return []*Participant{
			{WorkshopID: w.ID, GivenNames: "Aisha", FamilyNames: "Bello", BadgeCode: "AYB34"},
			{WorkshopID: w.ID, GivenNames: "Rafael", FamilyNames: "Peña"},
			{WorkshopID: w.ID, GivenNames: "Tomás", FamilyNames: "Quispe Mamani"},
			{WorkshopID: w.ID, GivenNames: "Sam", FamilyNames: "Okonkwo-Reyes"},
		}
	}
	assertNothingSaved := func(t *testing.T, ps []*Participant) {
		t.Helper()
		if list, err := s.Participants(w.ID); err != nil || len(list) != 0 {
			t.Errorf("%d participants were saved (%v), want none", len(list), err)
		}
		for i, p := range ps {
			if p.ID != uuid.Nil {
				t.Errorf("row %d was given an ID although nothing was saved", i+1)
			}
		}
		if _, err := s.ParticipantByBadge(w.ID, "AYB34"); !errors.Is(err, ErrNotFound) {
			t.Errorf("row 1's badge code is taken: %v", err)
		}
	}

	t.Run("invalid row", func(t *testing.T) {
		ps := batch()
		ps[2].Email = "tomas@"
		err := s.SaveParticipants(ps)
		ve := wantFieldError(t, err, "row 3: email")
		if len(ve) != 1 {
			t.Errorf("errors = %v, want only row 3's", ve)
		}
		assertNothingSaved(t, ps)
	})
	t.Run("conflict found while writing", func(t *testing.T) {
		ps := batch()
		ps[2].BadgeCode = "ayb-34" // the same as row 1
		err := s.SaveParticipants(ps)
		wantFieldError(t, err, "row 3: badge_code")
		assertNothingSaved(t, ps)
	})
	t.Run("unknown workshop", func(t *testing.T) {
		ps := batch()
		ps[2].WorkshopID = NewID()
		err := s.SaveParticipants(ps)
		if !errors.Is(err, ErrNotFound) || !strings.HasPrefix(err.Error(), "row 3:") {
			t.Errorf("error = %v, want ErrNotFound prefixed with row 3", err)
		}
		assertNothingSaved(t, ps)
	})
	t.Run("all valid", func(t *testing.T) {
		ps := batch()
		if err := s.SaveParticipants(ps); err != nil {
			t.Fatal(err)
		}
		list, err := s.Participants(w.ID)
		if err != nil || len(list) != 4 {
			t.Fatalf("%d saved, %v", len(list), err)
		}
		for i, p := range list {
			if p.ID != ps[i].ID {
				t.Errorf("registration order: %d is %s, want %s", i, p.FullName(), ps[i].FullName())
			}
		}
	})
}

func TestWorkshopsNewestFirstWithCounts(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	older := addWorkshop(t, s, "b-older", "2026-05-04")
	newest := addWorkshop(t, s, "c-newest", "2027-01-11")
	middle := addWorkshop(t, s, "a-middle", "2026-11-16")
	sameDay := addWorkshop(t, s, "z-same-day", "2026-11-16")
	gone := addWorkshop(t, s, "d-deleted", "2028-01-10")
	if err := s.DeleteWorkshop(gone.ID); err != nil {
		t.Fatal(err)
	}
	counts := map[uuid.UUID][2]int{older.ID: {1, 2}, newest.ID: {3, 0}, middle.ID: {2, 5}, sameDay.ID: {0, 1}}
	for _, w := range []Workshop{older, newest, middle, sameDay} {
		c := counts[w.ID]
		for i := range c[0] {
			addSession(t, s, w, 1+i%3, "09:00", "10:00", "Session")
		}
		for range c[1] {
			addParticipant(t, s, w, "A", "Person", "")
		}
	}
	// Deleted records are not counted.
	se := addSession(t, s, middle, 2, "11:00", "12:00", "Cancelled")
	p := addParticipant(t, s, middle, "Cancelled", "Person", "")
	if err := s.DeleteSession(se.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteParticipant(p.ID); err != nil {
		t.Fatal(err)
	}

	list, err := s.Workshops()
	if err != nil {
		t.Fatal(err)
	}
	want := []Workshop{newest, middle, sameDay, older}
	if len(list) != len(want) {
		t.Fatalf("Workshops() has %d entries, want %d", len(list), len(want))
	}
	for i, w := range want {
		got := list[i]
		if got.ID != w.ID {
			t.Errorf("Workshops()[%d] = %s, want %s", i, got.Code, w.Code)
			continue
		}
		c := counts[w.ID]
		if got.Sessions != c[0] || got.Participants != c[1] {
			t.Errorf("%s: %d sessions, %d participants; want %d, %d", w.Code, got.Sessions, got.Participants, c[0], c[1])
		}
	}
}

// TestSaveParticipantsBatchSeesItsOwnWrites: the writes of a batch are made
// in key order at the end (see batchWrites), yet each record sees the ones
// before it, as if they were written one by one.
func TestSaveParticipantsBatchSeesItsOwnWrites(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "swap-2027", "2027-03-09")
	a := addParticipant(t, s, w, "Aisha", "Bello", "AAAA1")
	// a gives up AAAA1 for BBBB2; a newcomer takes AAAA1; a is saved again
	// with CCCC3, which must free BBBB2.
	a1, a2 := a, a
	a1.BadgeCode, a2.BadgeCode = "BBBB2", "CCCC3"
	b := Participant{WorkshopID: w.ID, GivenNames: "Rafael", FamilyNames: "Peña", BadgeCode: "AAAA1"}
	if err := s.SaveParticipants([]*Participant{&a1, &b, &a2}); err != nil {
		t.Fatal(err)
	}
	for code, want := range map[string]uuid.UUID{"AAAA1": b.ID, "CCCC3": a.ID} {
		if got, err := s.ParticipantByBadge(w.ID, code); err != nil || got.ID != want {
			t.Errorf("ParticipantByBadge(%s) = %v, %v; want %v", code, got.ID, err, want)
		}
	}
	if _, err := s.ParticipantByBadge(w.ID, "BBBB2"); !errors.Is(err, ErrNotFound) {
		t.Errorf("BBBB2 still taken: %v", err)
	}
	if got, _ := s.Participant(a.ID); !got.CreatedAt.Equal(a.CreatedAt) || got.BadgeCode != "CCCC3" {
		t.Errorf("a = %+v", got)
	}
}
