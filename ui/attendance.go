package ui

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"

	"github.com/workshopdesk/workshopdesk/store"
)

// attendanceSection holds a workshop's attendance screens: check-in at the
// door, the grid of everyone by every session, and typing back the ticks
// of a paper sign-in sheet.
type attendanceSection struct {
	ws      *workshopScreen
	now     func() time.Time
	tabs    *container.AppTabs
	checkIn *checkInView
	grid    *gridView
	paper   *tickBackView
	walkIn  *walkInForm // the walk-in form last shown
	content fyne.CanvasObject
}

func newAttendanceSection(ws *workshopScreen) *attendanceSection {
	a := &attendanceSection{ws: ws, now: ws.u.now}
	a.checkIn = newCheckInView(a)
	a.grid = newGridView(a)
	a.paper = newTickBackView(a)
	a.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Check-in"), theme.LoginIcon(), a.checkIn.content),
		container.NewTabItemWithIcon(lang.L("Grid"), theme.GridIcon(), a.grid.content),
		container.NewTabItemWithIcon(lang.L("Paper sign-in"), theme.DocumentIcon(), a.paper.content),
	)
	a.tabs.OnSelected = func(*container.TabItem) { a.shown() }
	a.content = a.tabs
	return a
}

// shown puts the cursor where the visible screen expects typing: the
// check-in search box.
func (a *attendanceSection) shown() {
	if a.tabs.SelectedIndex() == 0 {
		a.checkIn.focus()
	}
}

// standings computes everyone's attendance against the workshop's rule
// now, and their standing for a certificate with the decisions taken by
// hand (none when they cannot be read: the Certificates section says so).
func (a *attendanceSection) standings() (*store.AttendanceStats, []store.EligibilityRow) {
	st := store.Compute(a.ws.data, a.now())
	ov, err := a.ws.u.st.Overrides(a.ws.data.Workshop.ID)
	if err != nil {
		fyne.LogError("read the certificate decisions", err)
	}
	return st, store.EligibilityOf(a.ws.data, st, ov)
}

// currentSession returns the position of the session happening now in the
// workshop's time zone, else the next one to start, else the last one;
// -1 when there are no sessions.
func currentSession(sessions []store.Session, loc *time.Location, now time.Time) int {
	next := -1
	for i, se := range sessions {
		if se.Type == store.Break {
			continue
		}
		start, end := se.StartsAt(loc), se.EndsAt(loc)
		if !now.Before(start.Add(-15*time.Minute)) && now.Before(end) {
			return i // doors open a quarter of an hour early
		}
		if next < 0 && start.After(now) {
			next = i
		}
	}
	if next >= 0 {
		return next
	}
	for i := len(sessions) - 1; i >= 0; i-- {
		if sessions[i].Type != store.Break {
			return i
		}
	}
	return -1
}

// carry keeps what the facilitator was doing when the workshop is redrawn
// after a change: the section's tab, the check-in session and its last
// message. (The Recent list is read from the session's marks.)
func (a *attendanceSection) carry(old *attendanceSection) {
	a.tabs.SelectIndex(old.tabs.SelectedIndex())
	c, o := a.checkIn, old.checkIn
	if o.session >= 0 && o.session < len(c.sessions) {
		c.pick.SetSelectedIndex(o.session)
	}
	c.show(o.outcome, o.word.Text, o.message.Text, o.detail.Text)
}
