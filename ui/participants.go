package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// participantColumns are the columns of the participants table.
var participantColumns = []struct {
	title string
	width float32
	value func(p *store.Participant) string
}{
	{"Name", 230, func(p *store.Participant) string { return p.FamilyNames + ", " + p.GivenNames }},
	{"Native script", 180, func(p *store.Participant) string { return p.NativeName }},
	{"Organisation", 300, func(p *store.Participant) string { return p.Organisation }},
	{"Country", 70, func(p *store.Participant) string { return p.Country }},
	{"Role", 100, func(p *store.Participant) string { return store.Label(p.Role) }},
	{"Badge", 80, func(p *store.Participant) string { return p.BadgeCode }},
}

// newParticipantsView shows the participants in a table with a header row.
func newParticipantsView(ws *workshopScreen) fyne.CanvasObject {
	d := ws.data
	if len(d.Participants) == 0 {
		return container.NewCenter(widget.NewLabel(lang.L("No participants yet.")))
	}
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(d.Participants), len(participantColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			o.(*widget.Label).SetText(participantColumns[id.Col].value(&d.Participants[id.Row]))
		})
	t.ShowHeaderColumn = false
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		l.TextStyle.Bold = true
		l.SetText(lang.L(participantColumns[id.Col].title))
	}
	for i, c := range participantColumns {
		t.SetColumnWidth(i, c.width)
	}
	return t
}
