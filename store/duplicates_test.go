package store

import (
	"path/filepath"
	"slices"
	"testing"
)

func TestDuplicatesGroupsByEmailOrNameInOrganisation(t *testing.T) {
	ps := []Participant{
		{GivenNames: "Aminata", FamilyNames: "Traoré", Organisation: "Ministère", Email: "a.traore@example.org"},
		{GivenNames: "Mehmet", FamilyNames: "Öztürk", Organisation: "Red Crescent"},
		{GivenNames: "AMINATA", FamilyNames: "TRAORE", Organisation: "ministere", Email: ""},
		{GivenNames: "Mehmet", FamilyNames: "Ozturk", Organisation: "Another Org"},
		{GivenNames: "Someone", FamilyNames: "Else", Email: "A.Traore@Example.org"},
		{GivenNames: "Wei", FamilyNames: "Li"},
	}
	got := Duplicates(ps)
	want := [][]int{{0, 2, 4}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Fatalf("Duplicates = %v, want %v (same name in another organisation is not a duplicate)", got, want)
	}
}

func TestMergeParticipantsKeepsAttendanceOfBoth(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "m.db"), Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := st.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	sessions, _ := st.Sessions(w.ID)
	keep := Participant{WorkshopID: w.ID, GivenNames: "Aminata", FamilyNames: "Traoré", Organisation: "Ministère"}
	drop := Participant{WorkshopID: w.ID, GivenNames: "AMINATA", FamilyNames: "TRAORE", Email: "aminata@example.org", Phone: "+223 1234"}
	if err := st.SaveParticipants([]*Participant{&keep, &drop}); err != nil {
		t.Fatal(err)
	}
	record := func(p Participant, se Session, status Status) {
		t.Helper()
		if err := st.RecordAttendance(&Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: status}); err != nil {
			t.Fatal(err)
		}
	}
	record(keep, sessions[0], Present)
	record(drop, sessions[1], Late)    // only drop attended: moves to keep
	record(keep, sessions[3], Absent)  // drop's present beats keep's absent
	record(drop, sessions[3], Present) //
	record(keep, sessions[4], Present) // keep's present beats drop's excused
	record(drop, sessions[4], Excused)

	merged, err := st.MergeParticipants(keep.ID, drop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if merged.Email != "aminata@example.org" || merged.Phone != "+223 1234" || merged.Organisation != "Ministère" {
		t.Errorf("merged fields = %+v, want keep's filled from drop", merged)
	}
	if _, err := st.Participant(drop.ID); err == nil {
		t.Error("the merged-away participant should be deleted")
	}
	want := map[int]Status{0: Present, 1: Late, 3: Present, 4: Present}
	for i, status := range want {
		a, err := st.Attendance(sessions[i].ID, keep.ID)
		if err != nil || a.Status != status {
			t.Errorf("session %d: %v, %v; want %s", i, a.Status, err, status)
		}
	}
	d, _ := st.LoadWorkshop(w.ID)
	if got := markAt(d, sessions[1].ID, keep.ID).Status; got != Late {
		t.Errorf("loaded mark = %q, want late", got)
	}
	if probs, err := st.Check(); err != nil || len(probs) > 0 {
		t.Errorf("Check after merge: %v %v", probs, err)
	}
}

func TestDuplicateWorkshopCopiesAgendaNotPeople(t *testing.T) {
	st, err := Open(filepath.Join(t.TempDir(), "d.db"), Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	src, err := st.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	start := Date{2027, 6, 7}
	w, err := st.DuplicateWorkshop(src.ID, "dakar-2027", "Migration and rural development, Dakar", start)
	if err != nil {
		t.Fatal(err)
	}
	if w.StartDate != start || w.EndDate != start.AddDays(2) || w.Organiser != src.Organiser {
		t.Errorf("copy = %+v", w)
	}
	sessions, _ := st.Sessions(w.ID)
	people, _ := st.Participants(w.ID)
	if len(sessions) != 10 || len(people) != 0 {
		t.Errorf("copy has %d sessions, %d participants; want 10, 0", len(sessions), len(people))
	}
	if sessions[0].Date != start || sessions[len(sessions)-1].Date != start.AddDays(2) {
		t.Errorf("sessions not moved to the new dates: %s … %s", sessions[0].Date, sessions[len(sessions)-1].Date)
	}
	if _, err := st.DuplicateWorkshop(src.ID, "dakar-2027", "again", start); err == nil {
		t.Error("a second copy with the same code should be refused")
	}
	if probs, err := st.Check(); err != nil || len(probs) > 0 {
		t.Errorf("Check: %v %v", probs, err)
	}
}
