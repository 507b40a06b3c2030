package ui

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// dateEntry is a day typed as YYYY-MM-DD, the one date format of the app
// and the command line (store.ParseDate), or picked from a calendar. Its
// placeholder shows the format. Fyne's DateEntry reads only the system
// locale's format (2/1/2006 or 1/2/2006), so it refused 2026-12-14.
type dateEntry struct {
	widget.Entry
	self  fyne.CanvasObject // the widget on screen: this entry, or one embedding it
	popUp *widget.PopUp
}

// setUp gives the entry its placeholder and calendar button; self is the
// widget that embeds it (after ExtendBaseWidget), where the calendar opens.
func (e *dateEntry) setUp(self fyne.CanvasObject) {
	e.self = self
	e.SetPlaceHolder(lang.X("date.hint", store.DateHint)) // "AAAA-MM-JJ" in French: the letters only
	pick := widget.NewButtonWithIcon("", theme.Icon(theme.IconNameCalendar), e.showCalendar)
	pick.Importance = widget.LowImportance
	e.ActionItem = pick
}

// Day returns the day typed: the zero date when the entry is empty, an
// error naming the format when it is not a date.
func (e *dateEntry) Day() (store.Date, error) {
	if strings.TrimSpace(e.Text) == "" {
		return store.Date{}, nil
	}
	return store.ParseDate(e.Text)
}

// SetDate shows day d (its date in its location), or nothing when d is nil.
func (e *dateEntry) SetDate(d *time.Time) {
	if d == nil {
		e.SetText("")
		return
	}
	e.SetText(store.DateOf(*d).String())
}

// showCalendar opens a calendar below the entry, on the day typed or today.
func (e *dateEntry) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e.self)
	if c == nil {
		return
	}
	at := time.Now()
	if d, err := e.Day(); err == nil && !d.IsZero() {
		at = d.In(0, time.Local)
	}
	cal := widget.NewCalendar(at, func(t time.Time) {
		e.SetDate(&t)
		if e.popUp != nil {
			e.popUp.Hide()
		}
	})
	e.popUp = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e.self)
	e.popUp.ShowAtPosition(pos.Add(fyne.NewPos(0, e.Size().Height)))
	e.popUp.Resize(fyne.NewSize(e.Size().Width, e.popUp.MinSize().Height))
}
