package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// checkInView checks people in at the door, keeping up with a queue: the
// search box has the focus, Enter checks in the top match, and a badge
// code typed by a scanner checks in its holder directly. Each check-in is
// one committed transaction; a second one of the same person records
// nothing and says when they came.
type checkInView struct {
	a        *attendanceSection
	sessions []store.Session // the sessions that take attendance (no breaks)
	session  int             // position in sessions, -1 when there is none

	pick    *widget.Select
	search  *checkInEntry
	matches *widget.List
	found   []int // positions in ws.data.Participants, best first
	counts  *widget.Label
	banner  *canvas.Rectangle
	side    *fyne.Container // the banner, Undo and Recent: laid out again when the banner grows
	message *canvas.Text
	detail  *widget.Label
	undo    *widget.Button
	walkIn  *widget.Button
	sheet   *widget.Button // prints the paper sign-in sheet of the session
	recent  *widget.Label
	last    *checkedIn // the last check-in, for Undo
	history []string   // recent check-ins, newest first
	content fyne.CanvasObject
}

// checkedIn is a check-in that can be undone.
type checkedIn struct {
	session, participant uuid.UUID
	name                 string
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
	v.pick = widget.NewSelect(labels, func(string) {
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
		v.matches.UnselectAll()
		if i < len(v.found) {
			v.checkIn(v.found[i])
		}
	}
	v.counts = widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
	v.banner = canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	v.banner.CornerRadius = 8
	v.message = canvas.NewText(lang.L("Ready"), theme.Color(theme.ColorNameForeground))
	v.message.TextSize = 30
	v.message.TextStyle.Bold = true
	v.message.Alignment = fyne.TextAlignCenter
	v.detail = widget.NewLabelWithStyle(lang.L("The next person can step up."), fyne.TextAlignCenter, fyne.TextStyle{})
	v.detail.Wrapping = fyne.TextWrapWord // a warning may take two lines
	v.undo = widget.NewButtonWithIcon(lang.L("Undo last check-in"), theme.ContentUndoIcon(), v.undoLast)
	v.undo.Disable()
	v.walkIn = widget.NewButtonWithIcon(lang.L("Walk-in…"), theme.ContentAddIcon(), func() { showWalkIn(v) })
	v.sheet = widget.NewButtonWithIcon(lang.L("Sign-in sheet…"), theme.DocumentPrintIcon(), func() {
		if se, ok := v.current(); ok {
			printSignInSheet(a.ws, se)
		}
	})
	v.recent = widget.NewLabel("")
	v.recent.Wrapping = fyne.TextWrapWord

	if len(v.sessions) > 0 {
		now := a.now()
		v.session = max(currentSession(v.sessions, loc, now), 0)
		v.pick.SetSelectedIndex(v.session)
	}
	v.filter("")
	if len(v.sessions) == 0 {
		v.content = emptyState(lang.L("Add sessions to the agenda first: attendance is taken session by session."))
		return v
	}
	confirm := container.NewStack(v.banner, container.NewPadded(container.NewVBox(v.message, v.detail)))
	top := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("Session")), container.NewHBox(v.counts, v.sheet), v.pick),
		container.NewBorder(nil, nil, nil, v.walkIn, v.search),
	)
	v.side = container.NewBorder(container.NewVBox(confirm, container.NewHBox(v.undo),
		widget.NewLabelWithStyle(lang.L("Recent"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})), nil, nil, nil,
		container.NewVScroll(v.recent))
	split := container.NewHSplit(v.matches, v.side)
	split.Offset = 0.55
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, split)
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

func (v *checkInView) current() (store.Session, bool) {
	if v.session < 0 || v.session >= len(v.sessions) {
		return store.Session{}, false
	}
	return v.sessions[v.session], true
}

// filter lists the best matches of what was typed, those not yet checked
// in at the session first: the top match is the one Enter checks in, and
// the person at the desk is rarely someone already inside.
func (v *checkInView) filter(q string) {
	people := v.a.ws.participants
	if strings.TrimSpace(q) == "" {
		v.found = v.found[:0]
	} else {
		v.found = people.index.Search(q, 8)
	}
	if se, ok := v.current(); ok {
		marks := v.a.ws.data.Marks[se.ID]
		in := func(i int) bool {
			m, ok := marks[v.a.ws.data.Participants[i].ID]
			return ok && (m.Status == store.Present || m.Status == store.Late)
		}
		slices.SortStableFunc(v.found, func(a, b int) int {
			switch ia, ib := in(a), in(b); {
			case ia == ib:
				return 0
			case ib:
				return -1
			}
			return 1
		})
	}
	if v.message.Text == lang.L("No one found") {
		v.show(lang.L("Ready"), lang.L("The next person can step up."), theme.ColorNameForeground)
	}
	v.matches.Refresh()
}

func (v *checkInView) updateMatch(i int, o *fyne.Container) {
	p := &v.a.ws.data.Participants[v.found[i]]
	grid := o.Objects[0].(*fyne.Container)
	name := p.FullName()
	if p.NativeName != "" {
		name += " · " + p.NativeName
	}
	grid.Objects[0].(*widget.Label).SetText(name)
	grid.Objects[1].(*widget.Label).SetText(strings.Join(nonEmpty(p.BadgeCode, p.Organisation, p.Country), " · ")) // the short code first: the rest may be cut
	status := o.Objects[1].(*widget.Label)
	status.SetText("")
	if se, ok := v.current(); ok {
		if m, ok := v.a.ws.data.Marks[se.ID][p.ID]; ok {
			status.SetText(lang.L(string(m.Status)) + " " + m.RecordedAt.In(v.a.ws.data.Workshop.Location()).Format("15:04"))
		}
	}
	if i == 0 {
		grid.Objects[0].(*widget.Label).Importance = widget.HighImportance
	} else {
		grid.Objects[0].(*widget.Label).Importance = widget.MediumImportance
	}
}

// enter checks in the holder of an exact badge code, else the top match.
func (v *checkInView) enter() {
	q := strings.TrimSpace(v.search.Text)
	if q == "" {
		return
	}
	if i, ok := v.a.ws.participants.index.ExactBadge(q); ok {
		v.checkIn(i)
		return
	}
	if len(v.found) == 0 {
		v.show(lang.L("No one found"), fmt.Sprintf(lang.L("Nobody matches %q. Check the spelling, or register a walk-in."), q), theme.ColorNameWarning)
		// Selected, so that the next scan or typing replaces it rather
		// than adding to it.
		v.search.TypedShortcut(&fyne.ShortcutSelectAll{})
		return
	}
	v.checkIn(v.found[0])
}

// checkIn records participant i at the current session.
func (v *checkInView) checkIn(i int) {
	se, ok := v.current()
	if !ok {
		return
	}
	d := v.a.ws.data
	p := d.Participants[i]
	res, err := v.a.ws.u.st.CheckIn(se.ID, p.ID, v.a.now())
	if err != nil {
		v.show(lang.L("Not recorded"), err.Error(), theme.ColorNameError)
		return
	}
	loc := d.Workshop.Location()
	v.search.SetText("")
	v.focus()
	if res.Already() {
		v.show(p.FullName(), fmt.Sprintf(lang.L("Already checked in at %s – nothing recorded twice."), res.AlreadyAt.In(loc).Format("15:04")), theme.ColorNameWarning)
		return
	}
	att := res.Attendance
	if d.Marks[se.ID] == nil {
		d.Marks[se.ID] = map[uuid.UUID]store.Mark{}
	}
	d.Marks[se.ID][p.ID] = store.Mark{Status: att.Status, RecordedAt: att.RecordedAt}
	v.last = &checkedIn{session: se.ID, participant: p.ID, name: p.FullName()}
	v.undo.Enable()
	at := att.RecordedAt.In(loc).Format("15:04")
	switch {
	case !p.JoinedAt.IsZero() && p.JoinedAt.After(se.StartsAt(loc)):
		// Recorded, but it cannot count: the register says they join later.
		v.show("✓ "+p.FullName(), fmt.Sprintf(lang.L("Checked in at %s, but registered as joining on %s: this session does not count for them. If they came earlier, change “Joined at” in Participants."),
			at, p.JoinedAt.In(loc).Format("2 Jan 15:04")), theme.ColorNameWarning)
	case v.a.now().Before(se.StartsAt(loc).Add(-earlyCheckIn)):
		// Doors open a little before; hours before is more likely the
		// wrong session chosen.
		v.show("✓ "+p.FullName(), fmt.Sprintf(lang.L("Present – checked in at %s, %s before “%s” starts. If it was meant for another session, undo it and choose that session above."),
			at, durationText(se.StartsAt(loc).Sub(v.a.now())), se.Title), theme.ColorNameWarning)
	case att.Status == store.Late:
		v.show("✓ "+p.FullName(), fmt.Sprintf(lang.L("Late – checked in at %s"), at), theme.ColorNameWarning)
	default:
		v.show("✓ "+p.FullName(), fmt.Sprintf(lang.L("Present – checked in at %s"), at), theme.ColorNameSuccess)
	}
	v.history = append([]string{at + "  " + p.FullName() + " – " + lang.L(string(att.Status))}, v.history...)
	if len(v.history) > 12 {
		v.history = v.history[:12]
	}
	v.recent.SetText(strings.Join(v.history, "\n"))
	v.refreshCounts()
}

// earlyCheckIn is how long before a session's start a check-in is taken
// without a word.
const earlyCheckIn = 30 * time.Minute

// durationText writes a duration for people, to the minute: "2 h 40 min",
// "45 min".
func durationText(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf(lang.L("%d min"), m)
	case m%60 == 0:
		return fmt.Sprintf(lang.L("%d h"), m/60)
	}
	return fmt.Sprintf(lang.L("%d h %d min"), m/60, m%60)
}

// undoLast takes back the last check-in.
func (v *checkInView) undoLast() {
	if v.last == nil {
		return
	}
	last := v.last
	prev, err := v.a.ws.u.st.UndoCheckIn(last.session, last.participant)
	if err != nil && !errors.Is(err, store.ErrNoCheckIn) {
		v.show(lang.L("Not undone"), err.Error(), theme.ColorNameError)
		return
	}
	marks := v.a.ws.data.Marks[last.session]
	if prev.DeletedAt != nil || prev.Status == "" {
		delete(marks, last.participant)
	} else {
		marks[last.participant] = store.Mark{Status: prev.Status, RecordedAt: prev.RecordedAt}
	}
	v.last = nil
	v.undo.Disable()
	v.show(lang.L("Undone"), fmt.Sprintf(lang.L("The check-in of %s was taken back."), last.name), theme.ColorNameForeground)
	if len(v.history) > 0 {
		v.history = v.history[1:]
		v.recent.SetText(strings.Join(v.history, "\n"))
	}
	v.refreshCounts()
	v.focus()
}

// show puts a big message in the confirmation banner.
func (v *checkInView) show(title, detail string, colour fyne.ThemeColorName) {
	v.message.Text = title
	v.message.Color = theme.Color(colour)
	if colour == theme.ColorNameForeground {
		v.banner.FillColor = theme.Color(theme.ColorNameInputBackground)
	} else {
		c := theme.Color(colour)
		r, g, b, _ := c.RGBA()
		v.banner.FillColor = rgba(r, g, b, 0x30)
	}
	v.detail.SetText(detail)
	v.message.Refresh()
	v.banner.Refresh()
	if v.side != nil {
		v.side.Refresh() // a detail of two or three lines pushes Undo down
	}
}

// refreshCounts shows how many of those expected have checked in.
func (v *checkInView) refreshCounts() {
	se, ok := v.current()
	if !ok {
		return
	}
	in, late, expected := sessionCounts(v.a.ws.data, se)
	v.counts.SetText(fmt.Sprintf(lang.L("Checked in %d of %d · %d late"), in, expected, late))
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
		switch marks[p.ID].Status {
		case store.Present:
			in++
		case store.Late:
			in++
			late++
		}
	}
	return in, late, expected
}

// checkInEntry is the check-in search box: Escape clears it.
type checkInEntry struct {
	widget.Entry
	v *checkInView
}

func newCheckInEntry(v *checkInView) *checkInEntry {
	e := &checkInEntry{v: v}
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey handles Escape (clear) and otherwise types as usual.
func (e *checkInEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyEscape {
		e.SetText("")
		return
	}
	e.Entry.TypedKey(ev)
}
