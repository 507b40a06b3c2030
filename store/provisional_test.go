package store

import (
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestProvisionalCertificates prints for those on track before the last
// sessions, then marks them: the one who came is confirmed, the one who
// did not is listed for withdrawal with the reason, and a record written
// without the field reads as final.
func TestProvisionalCertificates(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "nbo-2027", "2027-03-09")
	var ses []Session
	for i, h := range [][2]string{{"09:00", "10:30"}, {"11:00", "12:30"}, {"14:00", "15:30"}, {"16:00", "17:30"}} {
		ses = append(ses, addSession(t, s, w, 1+i/2, h[0], h[1], "Session "+h[0]))
	}
	comer := addParticipant(t, s, w, "Almaz", "Tesfaye", "")
	skipper := addParticipant(t, s, w, "Dawit", "Bekele", "")
	for _, p := range []Participant{comer, skipper} {
		recordStatus(t, s, ses[0], p, Present)
		recordStatus(t, s, ses[1], p, Present)
	}
	// The evening of day 1: two sessions to come, both on track.
	evening := time.Date(2027, 3, 9, 20, 0, 0, 0, time.UTC)
	rows, err := s.WorkshopEligibility(w.ID, evening)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rows {
		if r.Eligible || r.Standing() != StandingOnTrack {
			t.Fatalf("%s: eligible %v, %s; want on track", r.ParticipantID, r.Eligible, r.Standing())
		}
	}
	recs, err := s.IssueProvisional([]uuid.UUID{comer.ID, skipper.ID}, []bool{true, true}, evening)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range recs {
		if !c.Provisional || c.Number == "" {
			t.Fatalf("issued %+v, want a provisional certificate with a number", c)
		}
	}
	// Nothing to settle yet: both still pending.
	st, err := s.SettleProvisional(w.ID, evening)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Confirmed) != 0 || len(st.Withdraw) != 0 || len(st.Pending) != 2 {
		t.Fatalf("settled too early: %+v", st)
	}
	// Day 2 is marked: one comes, one does not.
	for _, se := range ses[2:] {
		recordStatus(t, s, se, comer, Present)
		recordStatus(t, s, se, skipper, Absent)
	}
	after := time.Date(2027, 3, 12, 9, 0, 0, 0, time.UTC)
	if st, err = s.SettleProvisional(w.ID, after); err != nil {
		t.Fatal(err)
	}
	if len(st.Confirmed) != 1 || st.Confirmed[0].ParticipantID != comer.ID || st.Confirmed[0].Provisional || st.Confirmed[0].ConfirmedAt.IsZero() {
		t.Errorf("confirmed %+v, want %s's certificate, final", st.Confirmed, comer.FullName())
	}
	if len(st.Withdraw) != 1 || st.Withdraw[0].Participant.ID != skipper.ID || st.Withdraw[0].Reason == "" {
		t.Fatalf("to withdraw %+v, want %s's certificate with a reason", st.Withdraw, skipper.FullName())
	}
	t.Logf("to withdraw: %s (%s)", st.Withdraw[0].Certificate.Number, st.Withdraw[0].Reason)
	c, err := s.CertificateOf(comer.ID)
	if err != nil || c.Provisional {
		t.Errorf("the register keeps %+v (%v), want final", c, err)
	}
	// The facilitator withdraws it; it is no longer listed.
	if err := s.Void(st.Withdraw[0].Certificate.ID, "did not attend day 2"); err != nil {
		t.Fatal(err)
	}
	if st, err = s.SettleProvisional(w.ID, after); err != nil || len(st.Withdraw)+len(st.Confirmed)+len(st.Pending) != 0 {
		t.Errorf("after the void: %+v, %v", st, err)
	}
	// A reprint of a final certificate stays final.
	again, err := s.Issue([]uuid.UUID{comer.ID}, after)
	if err != nil || again[0].Provisional || again[0].Number != c.Number {
		t.Errorf("reprint %+v, %v", again, err)
	}
}

// TestProvisionalReprintConfirms: a provisional certificate reprinted once
// its holder is eligible becomes final under the same number.
func TestProvisionalReprintConfirms(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "nbo-2027", "2027-03-09")
	p := addParticipant(t, s, w, "Almaz", "Tesfaye", "")
	first, err := s.IssueProvisional([]uuid.UUID{p.ID}, []bool{true}, t0)
	if err != nil || !first[0].Provisional {
		t.Fatalf("%+v, %v", first, err)
	}
	again, err := s.IssueProvisional([]uuid.UUID{p.ID}, []bool{false}, t0.Add(time.Hour))
	if err != nil || again[0].Provisional || again[0].ConfirmedAt.IsZero() || again[0].Number != first[0].Number {
		t.Fatalf("reprint when eligible: %+v, %v", again, err)
	}
	if _, err := s.IssueProvisional([]uuid.UUID{p.ID}, []bool{true, false}, t0); err == nil {
		t.Error("mismatched flags accepted")
	}
}
