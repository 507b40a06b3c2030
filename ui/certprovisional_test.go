package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestCertificatesPrintOnTrack prints on the evening of day 2 for everyone
// on track: those not yet eligible get provisional certificates, shown as
// such; once the last day is marked, the one who came is confirmed and the
// one who missed it is listed for withdrawal.
func TestCertificatesPrintOnTrack(t *testing.T) {
	u, w, _ := startSampleAt(t, time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC))
	u.showSection(sectionCertificates)
	s := u.workshop.certificates
	people := s.onTrackPeople()
	c := store.CountStandings(s.rows)
	if len(people) != c.Eligible+c.OnTrack+c.AtRisk || c.OnTrack == 0 {
		t.Fatalf("%d to print on track, counts %s", len(people), c)
	}
	button(t, w, fmt.Sprintf("Print %d: eligible and on track…", len(people)))
	s.provisional = true
	run := printAndWait(t, s, people, filepath.Join(t.TempDir(), "all.pdf"), "")
	if run.provisional != c.OnTrack+c.AtRisk || !strings.Contains(s.lastSummary, "provisional") {
		t.Fatalf("%d provisional, want %d; summary %q", run.provisional, c.OnTrack+c.AtRisk, s.lastSummary)
	}
	came := firstRow(t, s, func(r store.EligibilityRow) bool { return r.Standing() == store.StandingOnTrack })
	if got := rowView(s, came).number.Text; !strings.HasSuffix(got, " provisional") {
		t.Errorf("an on-track row shows %q, want its number and provisional", got)
	}
	var missed int = -1
	for _, i := range people {
		if i != came && !s.rows[i].Eligible && s.rows[i].Kind == store.KindAttendance {
			missed = i
			break
		}
	}
	if missed < 0 {
		t.Fatal("no second provisional certificate")
	}
	// The last day: one comes to everything, the other to nothing.
	d := u.workshop.data
	loc := d.Workshop.Location()
	var marks []*store.Attendance
	for _, se := range d.Sessions {
		if se.Date != d.Workshop.EndDate || se.Type == store.Break {
			continue
		}
		marks = append(marks,
			&store.Attendance{SessionID: se.ID, ParticipantID: s.participant(came).ID, Status: store.Present, RecordedAt: se.StartsAt(loc)},
			&store.Attendance{SessionID: se.ID, ParticipantID: s.participant(missed).ID, Status: store.Absent, RecordedAt: se.StartsAt(loc)})
	}
	if err := u.st.RecordAttendances(marks); err != nil {
		t.Fatal(err)
	}
	setClock(u, afterLastSession)
	u.workshop.changed()
	u.showSection(sectionCertificates)
	s = u.workshop.certificates
	pc, pm := s.participant(came), s.participant(missed)
	cert, err := u.st.CertificateOf(pc.ID)
	if err != nil || cert.Provisional || cert.ConfirmedAt.IsZero() {
		t.Errorf("after the last day %s's certificate is %+v (%v), want confirmed", pc.FullName(), cert, err)
	}
	miss, _ := u.st.CertificateOf(pm.ID)
	if !s.withdraw.Visible() || !strings.Contains(s.withdraw.Text, miss.Number) {
		t.Errorf("withdrawal notice %q (shown %v) does not name %s", s.withdraw.Text, s.withdraw.Visible(), miss.Number)
	}
	if !containsText(w, miss.Number+" "+pm.FullName()) {
		t.Error("the certificate to withdraw is not on screen")
	}
}
