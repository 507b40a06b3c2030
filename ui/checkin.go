package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// checkInView checks people in at the door, keeping up with a queue: the
// search box keeps the focus; Enter checks in at once only on an exact
// badge code or a single match, and with several matches asks for the
// person to be chosen with ↑/↓ and confirmed with Enter. Each check-in is
// one committed transaction; a second one of the same person records
// nothing and says when they came.
type checkInView struct {
	a        *attendanceSection
	sessions []store.Session // the sessions that take attendance (no breaks)
	session  int             // position in sessions, -1 when there is none

	pick     *stepSelect
	search   *checkInEntry
	matches  *widget.List
	found    []int // positions in ws.data.Participants, best first
	sel      int   // position in found of the person Enter confirms
	armed    bool  // Enter confirms found[sel]: chosen with ↑/↓, or asked once
	waiting  bool  // the list shows those not yet arrived
	listHead *widget.Label
	counts   *widget.Label
	banner   *canvas.Rectangle
	word     *canvas.Text // CHECKED IN, ALREADY IN, LATE, NOT FOUND…
	side     *fyne.Container
	message  *canvas.Text
	detail   *widget.Label
	outcome  outcome
	undo     *widget.Button
	walkIn   *widget.Button
	sheet    *widget.Button // prints the paper sign-in sheet of the session
	notIn    *widget.Button // lists those not yet arrived
	recent   *recentList
	ask      *sessionQuestion // the question of an early check-in while open
	content  fyne.CanvasObject
}

func newCheckInView(a *attendanceSection) *checkInView {
	v := &checkInView{a: a, session: -1}
	d := a.ws.data
	loc := d.Workshop.Location()
	var labels []string
	for _, se := range d.Sessions {
		if se.Type == store.Break {
			continue
		}
		v.sessions = append(v.sessions, se)
		labels = append(labels, sessionLabel(d.Workshop, se))
	}
	v.pick = newStepSelect(labels, func(string) {
		v.session = v.pick.SelectedIndex()
		v.refreshCounts()
		v.focus()
	})
	v.search = newCheckInEntry(v)
	v.search.SetPlaceHolder(lang.L("Type a few letters of a name, or scan a badge, then press Enter"))
	v.search.OnChanged = v.filter
	v.search.OnSubmitted = func(string) { v.enter() }
	v.matches = widget.NewList(func() int { return len(v.found) },
		func() fyne.CanvasObject {
			name := widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			name.Truncation = fyne.TextTruncateEllipsis
			detail := widget.NewLabel("")
			detail.Truncation = fyne.TextTruncateEllipsis
			status := widget.NewLabel("")
			return container.NewBorder(nil, nil, nil, status, container.NewGridWithColumns(2, name, detail))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { v.updateMatch(i, o.(*fyne.Container)) })
	v.matches.OnSelected = func(i widget.ListItemID) {
		// A click on a row is an explicit choice.
		v.matches.UnselectAll()
		if i < len(v.found) {
			v.checkIn(v.found[i])
		}
	}
	v.listHead = widget.NewLabel("")
	v.listHead.Wrapping = fyne.TextWrapWord
	v.listHead.Hide()
	v.counts = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v.banner = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	v.banner.CornerRadius = 8
	v.word = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.word.TextSize = 24
	v.word.TextStyle.Bold = true
	v.word.Alignment = fyne.TextAlignCenter
	v.message = canvas.NewText("", theme.Color(theme.ColorNameForeground))
	v.message.TextSize = 40 // read from a metre away
	v.message.TextStyle.Bold = true
	v.message.Alignment = fyne.TextAlignCenter
	v.detail = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{})
	v.detail.SizeName = theme.SizeNameSubHeadingText
	v.detail.Wrapping = fyne.TextWrapWord // a warning may take two lines
	v.undo = widget.NewButtonWithIcon(lang.L("Undo last check-in"), theme.ContentUndoIcon(), v.undoLast)
	v.walkIn = widget.NewButtonWithIcon(lang.L("Walk-in…"), theme.ContentAddIcon(), func() { showWalkIn(v) })
	v.sheet = widget.NewButtonWithIcon(lang.L("Sign-in sheet…"), theme.DocumentPrintIcon(), func() {
		if se, ok := v.current(); ok {
			printSignInSheet(a.ws, se)
		}
	})
	v.notIn = widget.NewButtonWithIcon(lang.L("Not yet arrived (Ctrl+E)"), theme.ListIcon(), v.toggleWaiting)
	v.recent = newRecentList(v)
	v.ready()

	if len(v.sessions) > 0 {
		v.session = max(currentSession(v.sessions, loc, a.now()), 0)
		v.pick.SetSelectedIndex(v.session)
	}
	v.filter("")
	if len(v.sessions) == 0 {
		v.content = emptyState(lang.L("Add sessions to the agenda first: attendance is taken session by session."))
		return v
	}
	confirm := container.NewStack(v.banner, container.NewPadded(container.NewVBox(v.word, v.message, v.detail)))
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Session")), container.NewHBox(v.counts, v.sheet), v.pick),
		container.NewBorder(nil, nil, nil, container.NewHBox(v.notIn, v.walkIn), v.search),
	)
	v.side = container.NewBorder(container.NewVBox(confirm, container.NewHBox(v.undo), v.recent.head), nil, nil, nil,
		v.recent.list)
	split := container.NewHSplit(container.NewBorder(v.listHead, nil, nil, nil, v.matches), v.side)
	split.Offset = 0.55
	// A click anywhere in the view that is not on a control (the banner,
	// a label) gives the focus back to the search box, so that the next
	// scan is not lost.
	v.content = newFocusArea(container.NewBorder(container.NewPadded(top), nil, nil, nil, split), v.focus)
	return v
}

// sessionLabel names a session in the session picker.
func sessionLabel(w store.Workshop, se store.Session) string {
	day := w.StartDate.DaysUntil(se.Date) + 1
	return fmt.Sprintf(lang.L("Day %d %s – %s"), day, se.Start, se.Title)
}

// focus puts the cursor in the search box.
func (v *checkInView) focus() {
	v.a.ws.u.win.Canvas().Focus(v.search)
}

// showing reports whether the check-in view is what the window shows,
// with no dialog over it: then typing belongs in its search box.
func (v *checkInView) showing() bool {
	ws := v.a.ws
	return len(v.sessions) > 0 && ws.u.workshop == ws && ws.tabs.SelectedIndex() == sectionAttendance &&
		v.a.tabs.SelectedIndex() == 0 && ws.u.win.Canvas().Overlays().Top() == nil
}

func (v *checkInView) current() (store.Session, bool) {
	if v.session < 0 || v.session >= len(v.sessions) {
		return store.Session{}, false
	}
	return v.sessions[v.session], true
}

// filter lists the best matches of what was typed, best first (the
// search's own order, so that the same letters always give the same
// first person). Nothing is chosen yet.
func (v *checkInView) filter(q string) {
	if strings.TrimSpace(q) == "" {
		v.found = v.found[:0]
		if v.waiting {
			v.found = v.notArrived()
		}
	} else {
		v.waiting = false
		v.found = v.a.ws.participants.index.Search(q, 8)
	}
	v.sel, v.armed = 0, false
	switch {
	case v.waiting:
		v.listHead.SetText(fmt.Sprintf(lang.L("Not yet arrived: %d. ↑/↓ choose, Enter checks in, Escape closes."), len(v.found)))
		v.listHead.Show()
	default:
		v.listHead.Hide()
	}
	if v.outcome == outcomeMiss || v.outcome == outcomeChoose {
		v.ready()
	}
	v.matches.Refresh()
}

func (v *checkInView) updateMatch(i int, o *fyne.Container) {
	if i >= len(v.found) {
		return
	}
	p := &v.a.ws.data.Participants[v.found[i]]
	grid := o.Objects[0].(*fyne.Container)
	name := p.FullName()
	if p.NativeName != "" {
		name += " · " + p.NativeName
	}
	label := grid.Objects[0].(*widget.Label)
	if i == v.sel {
		name = "▶ " + name
		label.Importance = widget.HighImportance
	} else {
		label.Importance = widget.MediumImportance
	}
	label.SetText(name)
	grid.Objects[1].(*widget.Label).SetText(strings.Join(nonEmpty(p.BadgeCode, p.Organisation, p.Country), " · ")) // the short code first: the rest may be cut
	status := o.Objects[1].(*widget.Label)
	status.SetText("")
	if se, ok := v.current(); ok {
		if m, ok := v.a.ws.data.Marks[se.ID].Get(p.ID); ok {
			status.SetText(lang.L(string(m.Status)) + " " + m.RecordedAt.In(v.a.ws.data.Workshop.Location()).Format("15:04"))
		}
	}
}

// move chooses the person above (-1) or below (+1) in the list.
func (v *checkInView) move(step int) {
	if len(v.found) == 0 {
		return
	}
	v.sel = min(max(v.sel+step, 0), len(v.found)-1)
	v.armed = true
	v.matches.Refresh()
	v.matches.ScrollTo(v.sel)
}

// enter checks in the holder of an exact badge code, or the only match;
// with several matches the first Enter asks for a choice and the next
// confirms the one chosen.
func (v *checkInView) enter() {
	q := strings.TrimSpace(v.search.Text)
	if q == "" && !v.waiting {
		return
	}
	if i, ok := v.a.ws.participants.index.ExactBadge(q); ok && q != "" {
		v.checkIn(i)
		return
	}
	switch {
	case len(v.found) == 0 && v.waiting:
		return
	case len(v.found) == 0:
		v.show(outcomeMiss, lang.L("NOT FOUND"), lang.L("No one found"), fmt.Sprintf(lang.L("Nobody matches %q. Check the spelling, or register a walk-in."), q))
		// Selected, so that the next scan or typing replaces it rather
		// than adding to it.
		v.search.TypedShortcut(&fyne.ShortcutSelectAll{})
	case len(v.found) == 1 && !v.waiting:
		v.checkIn(v.found[0])
	case v.armed:
		v.checkIn(v.found[v.sel])
	default:
		v.armed = true
		v.show(outcomeChoose, lang.L("WHO IS IT?"), fmt.Sprintf(lang.L("%d people match"), len(v.found)),
			lang.L("Choose with ↑ and ↓, then press Enter to check in the one marked ▶."))
		v.matches.Refresh()
	}
}

// checkIn records participant i at the current session, unless it is
// more than the workshop's check-in window before the session starts:
// then it asks which session is meant.
func (v *checkInView) checkIn(i int) {
	se, ok := v.current()
	if !ok {
		return
	}
	d := v.a.ws.data
	// Someone already in is told so at once: CheckIn records nothing for
	// them, so there is no session to ask about.
	if m, in := d.Mark(se.ID, d.Participants[i].ID); in && m.Status.Arrived() {
		v.record(i)
		return
	}
	var early *store.TooEarlyError
	if err := store.CheckInWindow(&d.Workshop, v.sessions, se, v.a.now()); errors.As(err, &early) {
		v.askSession(i, early)
		return
	}
	v.record(i)
}

// record checks participant i in at the current session and says how it
// went.
func (v *checkInView) record(i int) {
	se, ok := v.current()
	if !ok {
		return
	}
	d := v.a.ws.data
	p := d.Participants[i]
	res, err := v.a.ws.u.st.CheckIn(se.ID, p.ID, v.a.now())
	defer v.a.ws.u.warnClock()
	if err != nil {
		v.show(outcomeMiss, lang.L("NOT RECORDED"), p.FullName(), err.Error())
		return
	}
	loc := d.Workshop.Location()
	v.search.SetText("") // the list of those not yet arrived stays open
	v.filter("")
	v.focus()
	if res.Already() {
		v.show(outcomeAlready, lang.L("ALREADY IN"), p.FullName(), fmt.Sprintf(lang.L("Already checked in at %s – nothing recorded twice."), res.AlreadyAt.In(loc).Format("15:04")))
		return
	}
	att := res.Attendance
	d.SetMark(se.ID, p.ID, store.Mark{Status: att.Status, RecordedAt: att.RecordedAt})
	at := att.RecordedAt.In(loc).Format("15:04")
	switch {
	case !p.JoinedAt.IsZero() && p.JoinedAt.After(se.StartsAt(loc)):
		// Recorded, but it cannot count: the register says they join later.
		v.show(outcomeLate, lang.L("CHECK THEIR ARRIVAL"), "✓ "+p.FullName(), fmt.Sprintf(lang.L("Checked in at %s, but registered as joining on %s: this session does not count for them. If they came earlier, change “Joined at” in Participants."),
			at, localDate(p.JoinedAt.In(loc), "2 Jan 15:04")))
	case att.Status == store.Late:
		v.show(outcomeLate, lang.L("LATE"), "✓ "+p.FullName(), fmt.Sprintf(lang.L("Late – checked in at %s"), at))
	default:
		v.show(outcomeIn, lang.L("CHECKED IN"), "✓ "+p.FullName(), fmt.Sprintf(lang.L("Present – checked in at %s"), at))
	}
	v.refreshCounts()
}

// sessionQuestion asks which session an early check-in is meant for.
type sessionQuestion struct {
	dialog dialog.Dialog
	meant  *dialogButton // check in at the session now or next today; nil when there is none
	anyway *dialogButton // check in at the chosen session all the same
	cancel *dialogButton
}

// askSession asks, for a check-in more than the window before the chosen
// session, whether the session running now or next today is meant; it
// records nothing until told.
func (v *checkInView) askSession(i int, early *store.TooEarlyError) {
	p := v.a.ws.data.Participants[i]
	v.show(outcomeLate, lang.L("WHICH SESSION?"), p.FullName(), fmt.Sprintf(lang.L("Not recorded yet: “%s” starts in %s."), early.Session.Title, durationText(early.Before)))
	q := &sessionQuestion{}
	text := widget.NewLabel(fmt.Sprintf(lang.L("“%s” starts in %s, more than %d minutes from now. Which session is %s arriving for?"),
		early.Session.Title, durationText(early.Before), early.Window, p.FullName()))
	text.Wrapping = fyne.TextWrapWord
	var buttons []fyne.CanvasObject
	done := func(f func()) func() {
		return func() {
			q.dialog.Hide()
			if f != nil {
				f()
				return
			}
			// After Cancel the box still holds what was typed: selected,
			// so that the next scan replaces it. (Selected before a
			// check-in empties the box, the selection outlived the text
			// and swallowed the next letter typed.)
			v.search.TypedShortcut(&fyne.ShortcutSelectAll{})
		}
	}
	if m := early.Meant; m != nil {
		q.meant = newDialogButton(fmt.Sprintf(lang.L("“%s” at %s (now or next)"), m.Title, m.Start), done(func() {
			for k, se := range v.sessions {
				if se.ID == m.ID {
					v.pick.SetSelectedIndex(k)
				}
			}
			v.record(i)
		}), done(nil))
		q.meant.Importance = widget.HighImportance
		buttons = append(buttons, q.meant)
	}
	q.anyway = newDialogButton(fmt.Sprintf(lang.L("“%s” all the same"), early.Session.Title), done(func() { v.record(i) }), done(nil))
	q.cancel = newDialogButton(lang.L("Cancel: record nothing"), done(nil), done(nil))
	buttons = append(buttons, q.anyway, q.cancel)
	q.dialog = dialog.NewCustomWithoutButtons(lang.L("Which session?"), container.NewVBox(append([]fyne.CanvasObject{text}, buttons...)...), v.a.ws.u.win)
	q.dialog.SetOnClosed(func() {
		v.ask = nil
		v.focus()
	})
	q.dialog.Resize(fyne.NewSize(520, 0))
	v.ask = q
	q.dialog.Show()
	// Enter or Space takes the likelier session, or else records nothing;
	// Escape on any button records nothing.
	if q.meant != nil {
		v.a.ws.u.win.Canvas().Focus(q.meant)
	} else {
		v.a.ws.u.win.Canvas().Focus(q.cancel)
	}
}

// refreshCounts shows how many of those expected have checked in, and the
// session's recent check-ins.
func (v *checkInView) refreshCounts() {
	se, ok := v.current()
	if !ok {
		return
	}
	in, late, expected := sessionCounts(v.a.ws.data, se)
	v.counts.SetText(fmt.Sprintf(lang.L("Checked in %d of %d · %d late"), in, expected, late))
	if v.waiting && strings.TrimSpace(v.search.Text) == "" {
		v.filter("")
	}
	v.recent.refresh()
	v.matches.Refresh()
}

// sessionCounts counts the present and late at a session, and those
// expected: everyone who had joined by its start.
func sessionCounts(d *store.WorkshopData, se store.Session) (in, late, expected int) {
	start := se.StartsAt(d.Workshop.Location())
	marks := d.Marks[se.ID]
	for _, p := range d.Participants {
		if !p.JoinedAt.IsZero() && p.JoinedAt.After(start) {
			continue
		}
		expected++
		m, _ := marks.Get(p.ID)
		switch m.Status {
		case store.Present:
			in++
		case store.Late:
			in++
			late++
		}
	}
	return in, late, expected
}

// checkInEntry is the check-in search box: ↑ and ↓ choose among the
// matches, Escape clears it.
type checkInEntry struct {
	widget.Entry
	v *checkInView
}

func newCheckInEntry(v *checkInView) *checkInEntry {
	e := &checkInEntry{v: v}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles ↑/↓ (choose), Escape (clear) and otherwise types as
// usual.
func (e *checkInEntry) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		e.v.move(-1)
	case fyne.KeyDown:
		e.v.move(1)
	case fyne.KeyEscape:
		e.v.waiting = false
		e.SetText("")
		e.v.filter("")
	default:
		e.Entry.TypedKey(ev)
	}
}
