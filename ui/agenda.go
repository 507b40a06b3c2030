package ui

import (
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// newAgendaView shows the sessions grouped by day, in agenda order, with
// the hours of each day.
func newAgendaView(ws *workshopScreen) fyne.CanvasObject {
	d := ws.data
	if len(d.Sessions) == 0 {
		return container.NewCenter(widget.NewLabel(lang.L("No sessions yet.")))
	}
	box := container.NewVBox()
	var day store.Date
	var dayBox *fyne.Container
	var dayHours time.Duration
	var dayHeading *widget.Label
	flush := func() {
		if dayHeading != nil {
			dayHeading.SetText(dayHeading.Text + fmt.Sprintf(" · %.1f h", dayHours.Hours()))
		}
	}
	for _, se := range d.Sessions {
		if se.Date != day {
			flush()
			day, dayHours = se.Date, 0
			n := d.Workshop.StartDate.DaysUntil(day) + 1
			t := time.Date(day.Year, day.Month, day.Day, 0, 0, 0, 0, time.UTC)
			dayHeading = widget.NewLabelWithStyle(fmt.Sprintf(lang.L("Day %d – %s"), n, t.Format("Monday 2 January 2006")),
				fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			dayBox = container.NewVBox()
			box.Add(widget.NewCard("", "", container.NewVBox(dayHeading, dayBox)))
		}
		if se.Type != store.Break {
			dayHours += se.Duration()
		}
		detail := store.Label(se.Type)
		if se.Room != "" {
			detail += " · " + se.Room
		}
		if se.Speakers != "" {
			detail += " · " + se.Speakers
		}
		if se.Mandatory {
			detail += " · " + lang.L("mandatory")
		}
		title := widget.NewLabel(se.Title)
		title.Wrapping = fyne.TextWrapWord
		sub := widget.NewLabel(detail)
		sub.Importance = widget.LowImportance
		sub.Wrapping = fyne.TextWrapWord
		when := widget.NewLabelWithStyle(se.Start.String()+"–"+se.End.String(), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
		dayBox.Add(container.NewBorder(nil, nil, when, nil, container.NewVBox(title, sub)))
	}
	flush()
	return container.NewVScroll(box)
}
