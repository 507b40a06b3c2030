package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// The notes of marks typed back from a paper sign-in sheet.
const (
	paperNote      = "from paper sign-in sheet"
	paperNotTicked = "from paper sign-in sheet: not ticked"
)

// tickBackView types the ticks of a paper sign-in sheet back in, keyboard
// only: the rows have the numbers and the order of the printed sheet
// (pdf.SignInOrder); typing a row number and Enter ticks that person
// present, and again absent; Up and Down move the selection and Space
// toggles it. Every toggle is saved at once; Done marks everyone not
// ticked absent.
type tickBackView struct {
	a        *attendanceSection
	sessions []store.Session // the sessions that take attendance (no breaks)
	session  int             // position in sessions, -1 when there is none
	people   []store.Participant
	selected int // the selected row, -1 for none
	armed    int // a row ticked before this sheet, whose next Enter marks it absent; -1 for none

	pick    *stepSelect
	number  *tickEntry
	list    *widget.List
	count   *widget.Label
	message *widget.Label
	done    *widget.Button
	content fyne.CanvasObject
}

func newTickBackView(a *attendanceSection) *tickBackView {
	v := &tickBackView{a: a, session: -1, selected: -1, armed: -1}
	d := a.ws.data
	var labels []string
	for _, se := range d.Sessions {
		if se.Type == store.Break {
			continue
		}
		v.sessions = append(v.sessions, se)
		labels = append(labels, sessionLabel(d.Workshop, se))
	}
	v.pick = newStepSelect(labels, func(string) { v.choose(v.pick.SelectedIndex()) })
	v.number = newTickEntry(v)
	v.number.SetPlaceHolder(lang.L("Row number, then Enter"))
	v.list = widget.NewList(func() int { return len(v.people) }, newTickRow, v.updateRow)
	v.list.OnSelected = func(i widget.ListItemID) {
		v.selected = i
		v.focus()
	}
	v.count = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v.message = widget.NewLabelWithStyle(lang.L("Type the number of a ticked row and press Enter."), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.message.Wrapping = fyne.TextWrapWord // a refusal is read whole, never cut
	v.done = widget.NewButtonWithIcon(lang.L("Done…"), theme.ConfirmIcon(), v.confirmDone)
	v.done.Importance = widget.HighImportance
	if len(v.sessions) == 0 {
		v.content = emptyState(lang.L("Add sessions to the agenda first: attendance is taken session by session."))
		return v
	}
	v.pick.SetSelectedIndex(max(currentSession(v.sessions, d.Workshop.Location(), a.now()), 0))
	if old := previousAttendance(a); old != nil && old.paper != nil {
		v.carry(old.paper)
	}

	help := widget.NewLabel(lang.L("A row's number and Enter ticks it present; its number and Enter again marks it absent. Up and Down move, Enter ticks, Space toggles. Every change is saved at once."))
	help.Wrapping = fyne.TextWrapWord
	help.SizeName = theme.SizeNameCaptionText
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Session")), v.count, v.pick),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Row")), v.done, v.number),
		v.message,
		help,
	)
	v.content = newShowHook(container.NewBorder(container.NewPadded(top), nil, nil, nil, v.list), v.sync)
	return v
}

// carry keeps the session and the selection of the view being replaced.
func (v *tickBackView) carry(old *tickBackView) {
	if old.session < 0 || old.session >= len(v.sessions) || old.sessions[old.session].ID != v.sessions[old.session].ID {
		return
	}
	v.pick.SetSelectedIndex(old.session)
	if old.selected >= 0 && old.selected < len(v.people) {
		v.list.Select(old.selected)
	}
	v.message.SetText(old.message.Text)
}

// signInOrder is the order and numbering of the printed sign-in sheet.
func signInOrder(d *store.WorkshopData, se store.Session) []store.Participant {
	return pdf.SignInOrder(d, se)
}

// choose shows the sheet of session i.
func (v *tickBackView) choose(i int) {
	v.session, v.selected, v.armed = i, -1, -1
	v.people = nil
	if se, ok := v.current(); ok {
		v.people = signInOrder(v.a.ws.data, se)
	}
	v.list.UnselectAll()
	v.list.Refresh()
	v.list.ScrollToTop()
	v.refreshCount()
	v.focus()
}

func (v *tickBackView) current() (store.Session, bool) {
	if v.session < 0 || v.session >= len(v.sessions) {
		return store.Session{}, false
	}
	return v.sessions[v.session], true
}

// sync shows marks recorded elsewhere when the view comes into view, and
// puts the cursor in the number box.
func (v *tickBackView) sync() {
	v.list.Refresh()
	v.refreshCount()
	v.focus()
}

// focus puts the cursor in the number box. The window's canvas is used
// because a tab shown for the first time is not drawn yet, and the driver
// does not know its objects' canvas until it is.
func (v *tickBackView) focus() {
	if u := v.a.ws.u; u != nil && u.win != nil && v.number.Visible() {
		u.win.Canvas().Focus(v.number)
	}
}

// mark returns the current mark of row i.
func (v *tickBackView) mark(i int) (store.Mark, bool) {
	se, ok := v.current()
	if !ok || i < 0 || i >= len(v.people) {
		return store.Mark{}, false
	}
	return v.a.ws.data.Mark(se.ID, v.people[i].ID)
}

// ticked reports whether a mark means the person was there.
func ticked(m store.Mark) bool { return m.Status.Arrived() }

// refreshCount shows how many rows are ticked.
func (v *tickBackView) refreshCount() {
	n := 0
	for i := range v.people {
		if m, ok := v.mark(i); ok && ticked(m) {
			n++
		}
	}
	v.count.SetText(fmt.Sprintf(lang.L("%d ticked of %d"), n, len(v.people)))
}

// enter toggles the row whose number was typed, or the selected row when
// nothing was typed.
func (v *tickBackView) enter() {
	text := strings.TrimSpace(v.number.Text)
	v.number.SetText("")
	if text == "" {
		// Enter alone ticks the selected row but never unticks it, armed
		// or not: a second press by accident must not mark someone absent.
		if m, marked := v.mark(v.selected); marked && ticked(m) {
			p := v.people[v.selected]
			v.say(fmt.Sprintf(lang.L("%d · %s is ticked. To mark them absent, type %d and Enter, or press Space."),
				v.selected+1, familyFirst(&p), v.selected+1), widget.MediumImportance)
			return
		}
		v.toggle(v.selected)
		return
	}
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 || n > len(v.people) {
		v.say(fmt.Sprintf(lang.L("There is no row %s: the sheet has rows 1 to %d."), text, len(v.people)), widget.WarningImportance)
		return
	}
	v.toggle(n - 1)
}

// move moves the selection by d rows.
func (v *tickBackView) move(d int) {
	if len(v.people) == 0 {
		return
	}
	i := v.selected + d
	if v.selected < 0 {
		i = 0
	}
	i = min(max(i, 0), len(v.people)-1)
	v.armed = -1
	v.list.Select(i)
	v.list.ScrollTo(i)
}

// toggle ticks row i present, or marks it absent when it is ticked, and
// saves at once. A row ticked before this sheet was typed (a check-in at
// the door) is only marked absent on a second Enter, so that typing the
// number of someone already there never loses their check-in.
func (v *tickBackView) toggle(i int) {
	se, ok := v.current()
	if !ok || i < 0 || i >= len(v.people) {
		return
	}
	p := v.people[i]
	m, marked := v.mark(i)
	status := store.Present
	if marked && ticked(m) {
		status = store.Absent
	}
	loc := v.a.ws.data.Workshop.Location()
	if status == store.Absent && v.armed != i && !v.fromPaper(se, p) {
		v.armed = i
		v.show(i)
		v.say(fmt.Sprintf(lang.L("%d · %s is already %s (recorded %s). Type %d and Enter again to mark them absent."),
			i+1, familyFirst(&p), lang.L(string(m.Status)), m.RecordedAt.In(loc).Format("15:04"), i+1), widget.WarningImportance)
		return
	}
	v.armed = -1
	a := store.Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: status, Note: paperNote, RecordedAt: v.a.now()}
	if err := v.a.ws.u.st.RecordAttendance(&a); err != nil {
		v.say(err.Error(), widget.DangerImportance)
		return
	}
	v.a.ws.data.SetMark(se.ID, p.ID, store.Mark{Status: a.Status, RecordedAt: a.RecordedAt})
	v.show(i)
	imp := widget.SuccessImportance
	if status == store.Absent {
		imp = widget.DangerImportance
	}
	v.say(fmt.Sprintf(lang.L("%d · %s – %s"), i+1, familyFirst(&p), lang.L(string(status))), imp)
	v.refreshCount()
}

// fromPaper reports whether the current mark of p was typed from the
// paper sheet, so that toggling it again is a correction.
func (v *tickBackView) fromPaper(se store.Session, p store.Participant) bool {
	a, err := v.a.ws.u.st.Attendance(se.ID, p.ID)
	return err == nil && strings.HasPrefix(a.Note, paperNote)
}

// show selects row i, scrolls to it and redraws it.
func (v *tickBackView) show(i int) {
	v.list.Select(i)
	v.list.ScrollTo(i)
	v.list.RefreshItem(i)
}

// say shows a message above the list.
func (v *tickBackView) say(text string, imp widget.Importance) {
	v.message.Importance = imp
	v.message.SetText(text)
}

// confirmDone asks, then marks every row without a mark absent, in one
// transaction, and sums up.
func (v *tickBackView) confirmDone() {
	se, ok := v.current()
	if !ok {
		return
	}
	var rest []*store.Attendance
	now := v.a.now()
	for i, p := range v.people {
		if _, marked := v.mark(i); !marked {
			rest = append(rest, &store.Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: store.Absent, Note: paperNotTicked, RecordedAt: now})
		}
	}
	win := v.a.ws.u.win
	if len(rest) == 0 {
		v.summary(se, 0)
		return
	}
	if err := store.AbsentTooSoon(&se, v.a.ws.data.Workshop.Location(), now); err != nil {
		v.say(err.Error(), widget.DangerImportance)
		return
	}
	msg := fmt.Sprintf(lang.L("Mark the %d people not ticked on the sheet of “%s” as absent?"), len(rest), se.Title)
	d := dialog.NewConfirm(lang.L("Done with this sheet"), msg, func(yes bool) {
		if !yes {
			v.focus()
			return
		}
		if err := v.a.ws.u.st.RecordAttendances(rest); err != nil {
			v.say(err.Error(), widget.DangerImportance)
			return
		}
		for _, a := range rest {
			v.a.ws.data.SetMark(a.SessionID, a.ParticipantID, store.Mark{Status: a.Status, RecordedAt: a.RecordedAt})
		}
		v.list.Refresh()
		v.refreshCount()
		v.summary(se, len(rest))
	}, win)
	d.SetConfirmText(fmt.Sprintf(lang.L("Mark %d absent"), len(rest)))
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
}

// summary says what the sheet recorded.
func (v *tickBackView) summary(se store.Session, markedAbsent int) {
	in, absent, other := 0, 0, 0
	for i := range v.people {
		m, _ := v.mark(i)
		switch {
		case ticked(m):
			in++
		case m.Status == store.Absent:
			absent++
		default:
			other++
		}
	}
	if err := v.a.ws.u.st.MarkFromPaper(se.ID, v.a.now()); err != nil {
		v.say(err.Error(), widget.DangerImportance)
		return
	}
	text := fmt.Sprintf(lang.L("“%s” is recorded from the paper sheet: %d there, %d absent (%d marked just now), of %d on the sheet."),
		se.Title, in, absent, markedAbsent, len(v.people))
	if other > 0 {
		text = fmt.Sprintf(lang.L("“%s” is recorded from the paper sheet: %d there, %d absent (%d marked just now), %d excused, of %d on the sheet."),
			se.Title, in, absent, markedAbsent, other, len(v.people))
	}
	v.say(text, widget.SuccessImportance)
	d := dialog.NewInformation(lang.L("Sheet recorded"), text, v.a.ws.u.win)
	d.SetOnClosed(v.focus)
	d.Show()
}

// newTickRow makes a row: number, name with the name in the person's
// script, organisation, status.
func newTickRow() fyne.CanvasObject {
	num := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	name := widget.NewLabel("")
	name.Truncation = fyne.TextTruncateEllipsis
	org := widget.NewLabel("")
	org.Truncation = fyne.TextTruncateEllipsis
	status := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return container.NewBorder(nil, nil,
		container.New(fixedWidth(56), num), container.New(fixedWidth(110), status),
		container.NewGridWithColumns(2, name, org))
}

func (v *tickBackView) updateRow(i widget.ListItemID, o fyne.CanvasObject) {
	if i >= len(v.people) {
		return
	}
	c := o.(*fyne.Container)
	mid := c.Objects[0].(*fyne.Container)
	num := c.Objects[1].(*fyne.Container).Objects[0].(*widget.Label)
	status := c.Objects[2].(*fyne.Container).Objects[0].(*widget.Label)
	name, org := mid.Objects[0].(*widget.Label), mid.Objects[1].(*widget.Label)
	p := &v.people[i]
	num.SetText(strconv.Itoa(i + 1))
	text := familyFirst(p)
	if p.NativeName != "" {
		text += "   " + p.NativeName
	}
	name.SetText(text)
	org.SetText(p.Organisation)
	m, ok := v.mark(i)
	switch {
	case !ok:
		status.Importance = widget.LowImportance
		status.SetText("–")
	case ticked(m):
		status.Importance = widget.SuccessImportance
		status.SetText(lang.L(string(m.Status)))
	case m.Status == store.Absent:
		status.Importance = widget.DangerImportance
		status.SetText(lang.L(string(m.Status)))
	default:
		status.Importance = widget.MediumImportance
		status.SetText(lang.L(string(m.Status)))
	}
}

// fixedWidth lays out one object at a fixed width and its own height.
type fixedWidth float32

func (w fixedWidth) MinSize(objects []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objects {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(w), h)
}

func (w fixedWidth) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// tickEntry is the row number box: digits type, Enter toggles, Up and Down
// move the selection, Space toggles the selected row, Escape clears.
type tickEntry struct {
	widget.Entry
	v *tickBackView
}

func newTickEntry(v *tickBackView) *tickEntry {
	e := &tickEntry{v: v}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles the keys of the sheet and otherwise types as usual.
func (e *tickEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyReturn, fyne.KeyEnter:
		e.v.enter()
	case fyne.KeyUp:
		e.v.move(-1)
	case fyne.KeyDown:
		e.v.move(1)
	case fyne.KeyPageUp:
		e.v.move(-10)
	case fyne.KeyPageDown:
		e.v.move(10)
	case fyne.KeySpace:
		e.SetText("")
		e.v.toggle(e.v.selected)
	case fyne.KeyEscape:
		e.SetText("")
	default:
		e.Entry.TypedKey(ev)
	}
}

// TypedRune types digits only; the space that follows the Space key is
// handled by TypedKey.
func (e *tickEntry) TypedRune(r rune) {
	if r >= '0' && r <= '9' {
		e.Entry.TypedRune(r)
	}
}
