package ui

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// cellDialog changes one participant's mark at one session, with a note,
// and shows every earlier version of the mark.
type cellDialog struct {
	g       *gridView
	p       store.Participant
	se      store.Session
	keys    formKeys
	status  *widget.RadioGroup
	note    *formEntry
	history *widget.Label
	errs    map[string]*widget.Label
	problem *widget.Label
	dialog  *dialog.CustomDialog
	saveBtn *widget.Button
}

func showCellDialog(g *gridView, pi, si int) *cellDialog {
	d := g.data
	f := &cellDialog{g: g, p: d.Participants[pi], se: d.Sessions[si], errs: map[string]*widget.Label{}, problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	loc := d.Workshop.Location()
	labels := make([]string, len(store.Statuses))
	for i, s := range store.Statuses {
		labels[i] = lang.L(string(s))
	}
	f.status = widget.NewRadioGroup(labels, nil)
	f.status.Horizontal = true
	f.note = f.keys.entry()
	f.note.SetPlaceHolder(lang.L("Optional, e.g. left at noon, medical appointment"))

	now := lang.L("Not marked.")
	switch cell := g.stats.Cell(pi, si); cell {
	case store.CellMissed:
		now = lang.L("Not marked – the session has ended, so this counts as absent.")
	case store.CellPending:
		now = lang.L("Not marked yet – the session has not ended.")
	}
	history, err := g.a.ws.u.st.AttendanceHistory(f.se.ID, f.p.ID)
	if err != nil {
		f.problem.SetText(err.Error())
	}
	if cur, err := g.a.ws.u.st.Attendance(f.se.ID, f.p.ID); err == nil {
		f.status.SetSelected(lang.L(string(cur.Status)))
		f.note.SetText(cur.Note)
		now = fmt.Sprintf(lang.L("Now: %s, recorded %s."), lang.L(string(cur.Status)), localDate(cur.RecordedAt.In(loc), "2 Jan 15:04"))
	}
	var lines []string
	for i := len(history) - 1; i >= 0; i-- { // newest first
		h := history[i]
		line := localDate(h.RecordedAt.In(loc), "2 Jan 15:04") + "   " + lang.L(string(h.Status))
		if h.Deleted() {
			line = localDate(h.DeletedAt.In(loc), "2 Jan 15:04") + "   " + lang.L("taken back")
		}
		if h.Note != "" {
			line += " – " + h.Note
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = append(lines, lang.L("Nothing recorded yet."))
	}
	f.history = widget.NewLabel(strings.Join(lines, "\n"))
	f.history.Wrapping = fyne.TextWrapWord

	where := fmt.Sprintf(lang.L("Day %d · %s–%s"), d.Workshop.StartDate.DaysUntil(f.se.Date)+1, f.se.Start, f.se.End)
	if f.se.Room != "" {
		where += " · " + f.se.Room
	}
	if f.se.Mandatory {
		where += " · " + lang.L("mandatory")
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Status"), withProblem(f.status, "status", f.errs)),
		widget.NewFormItem(lang.L("Note"), f.note),
	)
	historyTitle := widget.NewLabelWithStyle(lang.L("History"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	scroll := container.NewVScroll(f.history)
	scroll.SetMinSize(fyne.NewSize(0, 110))
	body := container.NewBorder(
		container.NewVBox(widget.NewLabel(where), widget.NewLabel(now), form, f.problem, historyTitle), nil, nil, nil, scroll)
	title := familyFirst(&f.p) + " – " + f.se.Title
	f.dialog, f.saveBtn = f.keys.dialog(title, lang.L("Save"), body, f.save, g.a.ws.u.win)
	f.dialog.Resize(fyne.NewSize(600, 460))
	f.keys.show()
	g.a.ws.u.win.Canvas().Focus(f.note)
	return f
}

// save records the chosen status and note; it reports whether the dialog
// may close.
func (f *cellDialog) save() bool {
	for _, l := range f.errs {
		l.Hide()
	}
	f.problem.SetText("")
	i := slices.IndexFunc(store.Statuses, func(s store.Status) bool { return lang.L(string(s)) == f.status.Selected })
	if i < 0 {
		l := f.errs["status"]
		l.SetText(lang.L("Choose a status."))
		l.Show()
		return false
	}
	g := f.g
	a := store.Attendance{SessionID: f.se.ID, ParticipantID: f.p.ID, Status: store.Statuses[i], Note: f.note.Text, RecordedAt: g.a.now()}
	if err := g.a.ws.u.st.RecordAttendance(&a); err != nil {
		f.problem.SetText(err.Error())
		return false
	}
	g.marked(a.SessionID, a.ParticipantID, store.Mark{Status: a.Status, RecordedAt: a.RecordedAt})
	return true
}

// atLeast lays out objects on top of each other, at least as large as
// the size.
type atLeast fyne.Size

func (a atLeast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := fyne.Size(a)
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

func (a atLeast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// showHook shows content and calls onShow each time it comes into view
// after being hidden, as when its tab is chosen, so that a view can catch
// up with changes made in the other tabs.
type showHook struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onShow  func()
}

func newShowHook(content fyne.CanvasObject, onShow func()) *showHook {
	h := &showHook{content: content, onShow: onShow}
	h.ExtendBaseWidget(h)
	return h
}

func (h *showHook) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.content) }

// Show shows the content and, when it was hidden, calls onShow.
func (h *showHook) Show() {
	hidden := !h.Visible()
	h.BaseWidget.Show()
	if hidden && h.onShow != nil {
		h.onShow()
	}
}
