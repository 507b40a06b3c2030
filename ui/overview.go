package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// newOverview shows a workshop's details and its numbers at a glance, with
// the buttons to edit or delete it.
func newOverview(ws *workshopScreen) fyne.CanvasObject {
	d := ws.data
	w := d.Workshop
	country, _ := countryName(w.Country)
	details := widget.NewForm(
		widget.NewFormItem(lang.L("Series or programme"), wrapLabel(w.Series)),
		widget.NewFormItem(lang.L("Venue"), wrapLabel(w.City+", "+country)),
		widget.NewFormItem(lang.L("Dates"), wrapLabel(fmt.Sprintf("%s (%s)", formatDates(w.StartDate, w.EndDate), count(w.Days(), "{{.Count}} day", "{{.Count}} days")))),
		widget.NewFormItem(lang.L("Time zone"), wrapLabel(w.TimeZone)),
		widget.NewFormItem(lang.L("Organiser"), wrapLabel(w.Organiser)),
		widget.NewFormItem(lang.L("Partners"), wrapLabel(w.Partners)),
		widget.NewFormItem(lang.L("Working language"), wrapLabel(languageName(w.Language))),
		widget.NewFormItem(lang.L("Short code"), wrapLabel(w.Code)),
		widget.NewFormItem(lang.L("Notes"), wrapLabel(w.Notes)),
		widget.NewFormItem(lang.L("Personal data"), wrapLabel(retentionText(&w, store.DateOf(ws.u.now().In(w.Location()))))),
	)
	_, hours := store.AgendaHours(d.Sessions)
	checkIns := 0 // present or late; excused and absent marks are not check-ins
	for _, se := range d.Sessions {
		for _, m := range d.Marks[se.ID].All() {
			if m.Status.Arrived() {
				checkIns++
			}
		}
	}
	stats := container.NewGridWithColumns(4,
		statCard(lang.L("Sessions"), fmt.Sprint(len(d.Sessions))),
		statCard(lang.L("Hours of sessions"), decimal(store.RoundHours(hours.Hours()))),
		statCard(lang.L("Participants"), fmt.Sprint(len(d.Participants))),
		statCard(lang.L("Check-ins recorded"), fmt.Sprint(checkIns)),
	)
	edit := widget.NewButtonWithIcon(lang.L("Edit workshop"), theme.DocumentCreateIcon(), func() {
		showWorkshopForm(ws.u, &ws.data.Workshop)
	})
	dup := widget.NewButtonWithIcon(lang.L("Duplicate as template…"), theme.ContentCopyIcon(), func() { showTemplateForm(ws) })
	del := widget.NewButtonWithIcon(lang.L("Delete workshop"), theme.DeleteIcon(), ws.deleteWorkshop)
	del.Importance = widget.DangerImportance
	box := container.NewVBox(stats, details, container.NewHBox(edit, dup, del))
	if offer := purgeOffer(ws); offer != nil {
		box.Objects = append([]fyne.CanvasObject{offer}, box.Objects...)
	}
	return container.NewVScroll(box)
}

func statCard(label, value string) fyne.CanvasObject {
	v := widget.NewLabelWithStyle(value, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	v.SizeName = theme.SizeNameHeadingText
	l := widget.NewLabelWithStyle(label, fyne.TextAlignCenter, fyne.TextStyle{})
	return widget.NewCard("", "", container.NewVBox(v, l))
}

func wrapLabel(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func languageName(code string) string {
	for _, l := range languages {
		if l.code == code {
			return lang.L(l.name)
		}
	}
	return code
}
