package store

import (
	"testing"
	"time"
)

// TestStandingsBeforeAnySessionIsHeld checks that a workshop with no
// session held offers no certificate: speakers and organisers are on track
// for appreciation until a session has ended (the app offered "Print 11
// eligible" before the workshop began).
func TestStandingsBeforeAnySessionIsHeld(t *testing.T) {
	st := openTest(t, Options{Now: newClock(t0).Now})
	w, err := st.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	first := d.Sessions[0].StartsAt(w.Location())
	before := CountStandings(Eligibility(d, nil, first.Add(-time.Hour)))
	if before.Eligible != 0 || before.Appreciation != 0 {
		t.Errorf("before the first session: %s, want nobody eligible", before)
	}
	during := CountStandings(Eligibility(d, nil, d.Sessions[0].EndsAt(w.Location()).Add(time.Minute)))
	if during.Appreciation == 0 || during.Eligible != during.Appreciation {
		t.Errorf("after the first session: %s, want the speakers and organisers eligible for appreciation", during)
	}
	if got := during.Eligible + during.OnTrack + during.AtRisk + during.NotEligible; got != len(d.Participants) {
		t.Errorf("the counts add up to %d, not %d", got, len(d.Participants))
	}
}

// TestStandingWording checks the one wording of counts and of a row's
// numbers: the fraction beside the percentage has the same basis ("7/9"
// beside "88%" read wrong while a session was still to come).
func TestStandingWording(t *testing.T) {
	c := StandingCounts{Participants: 40, Eligible: 6, Appreciation: 6, OnTrack: 22, AtRisk: 0, NotEligible: 12}
	if got, want := c.String(), "6 eligible (6 for appreciation) · 22 on track · 0 at risk · 12 not eligible"; got != want {
		t.Errorf("counts read %q, want %q", got, want)
	}
	ps := ParticipantStats{Attended: 7, Applicable: 9, Pending: 1, Percent: 87.5,
		AttendedTime: 10*time.Hour + 30*time.Minute, ApplicableTime: 13 * time.Hour, PendingTime: time.Hour}
	if got := ps.SessionsText(); got != "7/8 +1" {
		t.Errorf("sessions %q, want 7/8 +1", got)
	}
	if got := ps.HoursText(); got != "10.5/12 +1" {
		t.Errorf("hours %q, want 10.5/12 +1", got)
	}
	if got := ps.PercentText(80); got != "88%" {
		t.Errorf("percent %q", got)
	}
	below := ParticipantStats{Attended: 1, Applicable: 2, Percent: 79.6}
	if got := below.PercentText(80); got != "79.6%" {
		t.Errorf("a share below the minimum reads %q, want 79.6%%", got)
	}
	none := ParticipantStats{Applicable: 3, Pending: 3}
	if none.PercentText(80) != "–" || none.SessionsText() != "+3" {
		t.Errorf("nothing decided: %q %q", none.PercentText(80), none.SessionsText())
	}
}
