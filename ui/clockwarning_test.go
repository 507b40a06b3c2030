package ui

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestCheckInWarnsOfAWrongClock checks someone in, then sets the clock
// back ten minutes and checks in someone else: the check-in is recorded
// and a dialog says the clock looks wrong, once.
func TestCheckInWarnsOfAWrongClock(t *testing.T) {
	now := addisMorning
	clock := func() time.Time { return now }
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1100, 720))
	u := Start(a, w, Config{DataPath: filepath.Join(t.TempDir(), "w.db"), Version: "test", Now: clock, Open: func(p string) (*store.Store, error) {
		return store.Open(p, store.Options{NoAutoBackup: true, Now: clock})
	}})
	t.Cleanup(func() { u.Close() })
	u.openSample()
	u.showSection(sectionAttendance)
	v := u.workshop.attendance.checkIn
	for _, family := range []string{"Li", "Wang"} {
		test.Type(v.search, participantNamed(t, u, family).BadgeCode)
		pressEnter(v)
		if family == "Li" {
			if containsText(w, "earlier than the newest change") {
				t.Fatal("a clock warning with the clock right")
			}
			now = now.Add(-10 * time.Minute)
		}
	}
	if !containsText(w, "earlier than the newest change") {
		t.Error("no warning after a check-in dated before the newest change")
	}
	se, _ := v.current()
	if _, ok := u.workshop.data.Marks[se.ID].Get(participantNamed(t, u, "Wang").ID); !ok {
		t.Error("the check-in with the clock set back was not recorded")
	}
}
