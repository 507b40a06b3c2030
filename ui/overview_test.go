package ui

import (
	"fmt"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// statValue returns the number shown on the overview's card labelled label.
func statValue(t *testing.T, u *App, label string) string {
	t.Helper()
	objs := objects(u.win)
	for i, o := range objs {
		if l, ok := o.(*widget.Label); ok && l.Text == label && i > 0 {
			for j := i - 1; j >= 0; j-- {
				if v, ok := objs[j].(*widget.Label); ok {
					return v.Text
				}
			}
		}
	}
	t.Fatalf("no card %q on the overview", label)
	return ""
}

// TestOverviewNumbers checks the overview's cards against the sample:
// check-ins are the present and late marks, not the excused or absent.
func TestOverviewNumbers(t *testing.T) {
	u, _, _ := startSampleAt(t, time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC))
	d := u.workshop.data
	se := d.Sessions[0]
	var somebody store.Participant
	for _, p := range d.Participants {
		if m, ok := d.Marks[se.ID].Get(p.ID); ok && m.Status == store.Present {
			somebody = p
			break
		}
	}
	// One more excused mark must not change the count of check-ins.
	if err := u.st.RecordAttendance(&store.Attendance{SessionID: se.ID, ParticipantID: somebody.ID, Status: store.Excused}); err != nil {
		t.Fatal(err)
	}
	u.showHome()
	u.showWorkshop(d.Workshop.ID)
	u.showSection(sectionOverview)
	d = u.workshop.data
	checkIns, excused := 0, 0
	for _, marks := range d.Marks {
		for _, m := range marks.All() {
			switch m.Status {
			case store.Present, store.Late:
				checkIns++
			case store.Excused, store.Absent:
				excused++
			}
		}
	}
	if excused == 0 {
		t.Fatal("the sample has no excused or absent mark to leave out")
	}
	for label, want := range map[string]string{
		"Sessions":           "10",
		"Participants":       "40",
		"Check-ins recorded": fmt.Sprint(checkIns),
	} {
		if got := statValue(t, u, label); got != want {
			t.Errorf("%s shows %q, want %q", label, got, want)
		}
	}
}
