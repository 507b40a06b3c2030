package store

import (
	"testing"
	"time"

	"github.com/google/uuid"
)

// A check-in on one laptop and a registration on another both reach the
// other laptop through the folder.
func TestSyncTwoLaptopsExchange(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	se := addSession(t, a.s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	if _, err := a.s.CheckIn(se.ID, p.ID, a.clock.Now()); err != nil {
		t.Fatal(err)
	}
	q := addParticipantOn(t, b.s, w, "Carlos", "Pérez")
	ra := exchange(t, a, w)
	rb := exchange(t, b, w)
	exchange(t, a, w)
	if ra.Sent == 0 || len(rb.Received) == 0 {
		t.Fatalf("a sent %d, b received %v", ra.Sent, rb.Received)
	}
	got, err := b.s.Attendance(se.ID, p.ID)
	if err != nil || !got.Status.Arrived() {
		t.Fatalf("b: Amina's check-in = %+v, %v", got, err)
	}
	if _, err := a.s.Participant(q.ID); err != nil {
		t.Fatalf("a: Carlos registered on b: %v", err)
	}
	if ca, cb := canonical(t, a.s, w.ID), canonical(t, b.s, w.ID); ca != cb {
		t.Fatalf("the laptops differ: %s", firstDifference(ca, cb))
	}
	if r := exchange(t, b, w); !r.Quiet {
		t.Errorf("an exchange with nothing new was not quiet: %+v", r)
	}
}

// addParticipantOn registers a participant on a laptop that joined the
// workshop (its Workshop record came through the folder).
func addParticipantOn(t *testing.T, s *Store, w Workshop, given, family string) Participant {
	t.Helper()
	return addParticipant(t, s, w, given, family, "")
}

// Edits of one person on two laptops merge field by field: the later edit
// of a field wins, and the value it replaced is listed for review.
func TestSyncFieldByFieldLatestWinsAndIsListed(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	exchange(t, a, w)
	exchange(t, b, w)
	pa, _ := a.s.Participant(p.ID)
	pa.Phone, pa.Organisation = "+254 700 000001", "Ministry of Health"
	if err := a.s.SaveParticipant(&pa); err != nil {
		t.Fatal(err)
	}
	pb, _ := b.s.Participant(p.ID)
	b.clock.Set(a.clock.Now().Add(time.Minute)) // b's edit comes later
	pb.Phone, pb.Position = "+254 700 000002", "Director"
	if err := b.s.SaveParticipant(&pb); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	exchange(t, a, w)
	for _, l := range []*laptop{a, b} {
		got, _ := l.s.Participant(p.ID)
		if got.Organisation != "Ministry of Health" || got.Position != "Director" || got.Phone != pb.Phone {
			t.Fatalf("%s: merged %q %q %q", l.name, got.Organisation, got.Position, got.Phone)
		}
	}
	changes, err := a.s.SyncChanges(w.ID)
	if err != nil || len(changes) != 1 || changes[0].Field != "phone" || changes[0].Replaced != pa.Phone || changes[0].Kept != pb.Phone {
		t.Fatalf("a's changes to review: %+v, %v", changes, err)
	}
	if err := a.s.DismissSyncChange(w.ID, changes[0].ID); err != nil {
		t.Fatal(err)
	}
	if changes, _ := a.s.SyncChanges(w.ID); len(changes) != 0 {
		t.Fatalf("dismissed change still listed: %+v", changes)
	}
}

// The same person registered at two desks is not merged by itself: both
// records are listed as possible duplicates on both laptops, and the merge
// chosen on one travels to the other.
func TestSyncSamePersonOnTwoLaptopsIsADuplicateThenMergeTravels(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	pa := Participant{WorkshopID: w.ID, GivenNames: "Amina", FamilyNames: "Diallo", Email: "amina@example.org"}
	pb := Participant{WorkshopID: w.ID, GivenNames: "AMINA", FamilyNames: "Diallo", Email: "Amina@Example.org", Phone: "+254 700 000001"}
	if err := a.s.SaveParticipant(&pa); err != nil {
		t.Fatal(err)
	}
	if err := b.s.SaveParticipant(&pb); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	exchange(t, a, w)
	for _, l := range []*laptop{a, b} {
		ps, _ := l.s.Participants(w.ID)
		if len(ps) != 2 || len(Duplicates(ps)) != 1 {
			t.Fatalf("%s: %d participants, duplicates %v", l.name, len(ps), Duplicates(ps))
		}
	}
	if _, err := b.s.MergeParticipants(pa.ID, pb.ID); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, w)
	exchange(t, a, w)
	ps, _ := a.s.Participants(w.ID)
	if len(ps) != 1 || ps[0].Phone != pb.Phone {
		t.Fatalf("a after b's merge: %+v", ps)
	}
}

// A certificate issued on a joined laptop carries that laptop's part in
// its number, never collides with the first laptop's, and verifies on it.
func TestSyncCertificatesNeverCollideAndVerifyEverywhere(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	q := addParticipant(t, a.s, w, "Carlos", "Pérez", "")
	exchange(t, a, w)
	exchange(t, b, w)
	ca, err := a.s.Issue([]uuid.UUID{p.ID}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	cb, err := b.s.Issue([]uuid.UUID{q.ID}, time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	cfg, _ := b.s.SyncSettings(w.ID)
	if ca[0].Number != "ADDIS-2027-001" || cb[0].Number != "ADDIS-2027-"+cfg.Tag+"-001" {
		t.Fatalf("numbers %s and %s", ca[0].Number, cb[0].Number)
	}
	exchange(t, b, w)
	exchange(t, a, w)
	res, err := a.s.Verify(cb[0].Code)
	if err != nil || !res.Valid() {
		t.Fatalf("a verifies b's certificate: %+v, %v", res, err)
	}
	pa, _ := a.s.PublicKey()
	pb, _ := b.s.PublicKey()
	if !pa.Equal(pb) {
		t.Fatal("the laptops sign with different keys")
	}
}

// A laptop whose clock is behind still wins with an edit made after it
// saw the other laptop's: the hybrid logical clock moves past what it saw.
func TestSyncClockBehindStillOrdersEditsAfterWhatItSaw(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	b.clock.Set(t0.Add(-2 * time.Hour))
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	exchange(t, a, w)
	exchange(t, b, w)
	pb, _ := b.s.Participant(p.ID)
	pb.Organisation = "WHO"
	if err := b.s.SaveParticipant(&pb); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, w)
	exchange(t, a, w)
	if got, _ := a.s.Participant(p.ID); got.Organisation != "WHO" {
		t.Fatalf("a: organisation %q: b's later edit lost to its slow clock", got.Organisation)
	}
}
