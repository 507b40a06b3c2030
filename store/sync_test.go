package store

import (
	"testing"
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
