package ui

import (
	"fmt"
	"image/color"
	"math"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// agendaView is the Agenda section: every day of the workshop with its
// sessions in agenda order and its hours, the sessions that clash in a
// room, and the buttons to add, edit, duplicate and delete sessions.
type agendaView struct {
	ws       *workshopScreen
	sessions []store.Session              // agenda order
	clashes  map[uuid.UUID][]uuid.UUID    // from store.Overlaps
	perDay   map[store.Date]time.Duration // from store.AgendaHours
	total    time.Duration
	days     []store.Date // the days shown: the workshop's, and any other day with a session

	summary *widget.Label   // "10 sessions · 13.0 h over 3 days"
	warning *fyne.Container // the number of clashes; hidden when there are none
	add     *widget.Button
	cards   []fyne.CanvasObject // one per day, like days
	rows    map[uuid.UUID]*agendaRow
	scroll  *container.Scroll
	content *agendaContent

	form *sessionForm // the session form while it is open
}

// agendaRow is one session in the agenda.
type agendaRow struct {
	session   store.Session
	title     *widget.Label
	detail    *widget.Label // type · room · speakers
	mandatory *widget.Label // nil unless the session is mandatory
	noCount   *widget.Label // nil unless the session does not count
	clash     *widget.Label // nil unless the session clashes with another
	edit      *widget.Button
	duplicate *widget.Button
	del       *widget.Button
}

// agendaContent is what the Agenda tab shows. It keeps its view so that the
// view can be found again in a rebuilt workshop screen (see agendaOf).
type agendaContent struct {
	widget.BaseWidget
	av  *agendaView
	obj fyne.CanvasObject
}

func (c *agendaContent) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(c.obj)
}

// newAgendaView builds the Agenda section of ws.
func newAgendaView(ws *workshopScreen) fyne.CanvasObject {
	return newAgendaViewFor(ws).content
}

// agendaOf returns the agenda view of a workshop screen, building it if
// it was not shown yet, or nil.
func agendaOf(ws *workshopScreen) *agendaView {
	if ws == nil || ws.tabs == nil {
		return nil
	}
	ws.ensure(sectionAgenda)
	if c, ok := ws.sectionContent(sectionAgenda).(*agendaContent); ok {
		return c.av
	}
	return nil
}

// newAgendaViewFor builds the agenda of ws's workshop.
func newAgendaViewFor(ws *workshopScreen) *agendaView {
	d := ws.data
	av := &agendaView{ws: ws, sessions: d.Sessions, rows: make(map[uuid.UUID]*agendaRow, len(d.Sessions))}
	av.clashes = store.Overlaps(d.Sessions)
	av.perDay, av.total = store.AgendaHours(d.Sessions)
	av.days = agendaDays(&d.Workshop, d.Sessions)

	av.summary = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	av.summary.Truncation = fyne.TextTruncateEllipsis
	av.summary.SetText(fmt.Sprintf(lang.L("%s · %s over %s"),
		count(len(d.Sessions), "{{.Count}} session", "{{.Count}} sessions"),
		hoursText(av.total), count(d.Workshop.Days(), "{{.Count}} day", "{{.Count}} days")))
	av.add = widget.NewButtonWithIcon(lang.L("Add session"), theme.ContentAddIcon(), av.addSession)
	av.add.Importance = widget.HighImportance
	av.warning = warningLine(count(len(av.clashes),
		"{{.Count}} session clashes with another in the same room: see the warnings below",
		"{{.Count}} sessions clash with others in the same room: see the warnings below"))
	av.warning.Hidden = len(av.clashes) == 0
	header := container.NewPadded(container.NewVBox(container.NewBorder(nil, nil, nil, av.add, av.summary), av.warning))

	list := container.NewVBox()
	for _, day := range av.days {
		card := av.dayCard(day)
		av.cards = append(av.cards, card)
		list.Add(card)
	}
	av.scroll = container.NewVScroll(list)
	av.content = &agendaContent{av: av, obj: container.NewBorder(header, nil, nil, nil, av.scroll)}
	av.content.ExtendBaseWidget(av.content)
	return av
}

// agendaDays returns every day of the workshop and any other day that has
// a session (after the workshop's dates were changed), in order.
func agendaDays(w *store.Workshop, sessions []store.Session) []store.Date {
	var days []store.Date
	if !w.StartDate.IsZero() {
		for n := range w.Days() {
			days = append(days, w.StartDate.AddDays(n))
		}
	}
	for _, se := range sessions {
		days = append(days, se.Date)
	}
	slices.SortFunc(days, store.Date.Compare)
	return slices.Compact(days)
}

// dayCard shows one day: its heading with the hours, then its sessions or
// "No sessions yet".
func (av *agendaView) dayCard(day store.Date) fyne.CanvasObject {
	w := &av.ws.data.Workshop
	text := agendaDayName(w, day, lang.L("Monday 2 January 2006"))
	if h := av.perDay[day]; h > 0 {
		text += " · " + hoursText(h)
	}
	heading := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	heading.Wrapping = fyne.TextWrapWord
	box := container.NewVBox(heading)
	if day.Before(w.StartDate) || day.After(w.EndDate) {
		heading.Importance = widget.DangerImportance // left there when the workshop's dates changed
	} else {
		add := widget.NewButtonWithIcon(lang.L("Add to this day"), theme.ContentAddIcon(), func() { av.addOn(day) })
		add.Importance = widget.LowImportance
		box.Objects[0] = container.NewBorder(nil, nil, nil, add, heading)
	}
	n := 0
	for _, se := range av.sessions {
		if se.Date != day {
			continue
		}
		box.Add(widget.NewSeparator())
		box.Add(av.row(se))
		n++
	}
	if n == 0 {
		none := widget.NewLabel(lang.L("No sessions yet"))
		none.Importance = widget.LowImportance
		box.Add(none)
	}
	return widget.NewCard("", "", box)
}

// row shows one session: its times, title, details, badges and clashes,
// and its buttons.
func (av *agendaView) row(se store.Session) fyne.CanvasObject {
	r := &agendaRow{session: se}
	av.rows[se.ID] = r
	when := widget.NewLabelWithStyle(sessionTimes(se), fyne.TextAlignLeading, fyne.TextStyle{Monospace: true})
	isBreak := se.Type == store.Break
	r.title = widget.NewLabelWithStyle(se.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: !isBreak, Italic: isBreak})
	r.title.Wrapping = fyne.TextWrapWord
	parts := []string{lang.L(store.Label(se.Type))}
	for _, s := range []string{se.Room, se.Speakers} {
		if s != "" {
			parts = append(parts, s)
		}
	}
	r.detail = widget.NewLabel(strings.Join(parts, " · "))
	r.detail.Wrapping = fyne.TextWrapWord
	// The details sit close under the title, as one item.
	text := container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()), r.title, r.detail)
	var clashes []string
	for _, id := range av.clashes[se.ID] {
		if other, ok := av.session(id); ok {
			clashes = append(clashes, fmt.Sprintf(lang.L("Room clash: overlaps with “%s” in %s (%s)"), other.Title, other.Room, sessionTimes(other)))
		}
	}
	if len(clashes) > 0 {
		line := warningLine(strings.Join(clashes, "\n"))
		r.clash = line.Objects[0].(*widget.Label)
		text.Add(line)
	}

	right := container.NewHBox()
	if se.Mandatory {
		var b fyne.CanvasObject
		b, r.mandatory = agendaBadge(lang.L("mandatory"), widget.HighImportance)
		right.Add(b)
	}
	if !se.Counts {
		var b fyne.CanvasObject
		b, r.noCount = agendaBadge(lang.L("does not count"), widget.LowImportance)
		right.Add(b)
	}
	r.edit = rowButton(theme.DocumentCreateIcon(), func() { av.editSession(se.ID) })
	r.duplicate = rowButton(theme.ContentCopyIcon(), func() { av.duplicateSession(se.ID) })
	r.del = rowButton(theme.DeleteIcon(), func() { av.deleteSession(se.ID) })
	right.Add(r.edit)
	right.Add(r.duplicate)
	right.Add(r.del)
	// VBoxes keep the time, badges and buttons at the top of a tall row.
	return container.NewBorder(nil, nil, container.NewVBox(when), container.NewVBox(right), text)
}

// session returns the session with the given ID from the agenda.
func (av *agendaView) session(id uuid.UUID) (store.Session, bool) {
	for _, se := range av.sessions {
		if se.ID == id {
			return se, true
		}
	}
	return store.Session{}, false
}

// viewedDay returns the day scrolled to the top of the agenda, or the first
// day of the workshop.
func (av *agendaView) viewedDay() store.Date {
	w := &av.ws.data.Workshop
	day := w.StartDate
	if av.scroll.Offset.Y <= 0 {
		return day
	}
	top := av.scroll.Offset.Y + av.scroll.Size().Height/4
	for i, card := range av.cards {
		if card.Position().Y > top {
			break
		}
		if d := av.days[i]; !d.Before(w.StartDate) && !d.After(w.EndDate) {
			day = d
		}
	}
	return day
}

// addSession opens the form for a new session on the day being viewed.
func (av *agendaView) addSession() { av.addOn(av.viewedDay()) }

// addOn opens the form for a new session on day, starting when the day's
// last session ends (or at 09:00) and lasting 90 minutes.
func (av *agendaView) addOn(day store.Date) {
	se := store.Session{WorkshopID: av.ws.data.Workshop.ID, Date: day, Type: store.Plenary, Counts: true}
	se.Start, se.End = defaultTimes(av.sessions, day)
	showSessionForm(av, se, sessionNew)
}

// editSession opens the form on a session.
func (av *agendaView) editSession(id uuid.UUID) {
	if se, ok := av.session(id); ok {
		showSessionForm(av, se, sessionEdit)
	}
}

// duplicateSession opens the form on a copy of a session, to be adjusted
// and saved as a new session.
func (av *agendaView) duplicateSession(id uuid.UUID) {
	se, ok := av.session(id)
	if !ok {
		return
	}
	se.Record = store.Record{}
	se.Title += " " + lang.L("(copy)")
	showSessionForm(av, se, sessionCopy)
}

// deleteSession asks for confirmation, deletes, and offers to undo.
func (av *agendaView) deleteSession(id uuid.UUID) {
	se, ok := av.session(id)
	if !ok {
		return
	}
	u := av.ws.u
	msg := fmt.Sprintf(lang.L("Delete “%s” on %s? Its attendance is kept and comes back with Undo."), se.Title, formatDay(se.Date, "2 Jan"))
	ask := dialog.NewConfirm(lang.L("Delete session"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := u.st.DeleteSession(id); err != nil {
			u.showError(err)
			return
		}
		av.changed()
		undo := dialog.NewConfirm(lang.L("Session deleted"), fmt.Sprintf(lang.L("“%s” was deleted."), se.Title), func(undo bool) {
			if !undo {
				return
			}
			if err := u.st.UndeleteSession(id); err != nil {
				u.showError(err)
				return
			}
			av.changed()
		}, u.win)
		undo.SetConfirmText(lang.L("Undo"))
		undo.SetDismissText(lang.L("OK"))
		undo.Show()
	}, u.win)
	ask.SetConfirmText(lang.L("Delete"))
	ask.SetDismissText(lang.L("Cancel"))
	ask.SetConfirmImportance(widget.DangerImportance)
	ask.Show()
}

// changed reloads the workshop after the agenda changed and keeps the
// rebuilt agenda scrolled where this one was.
func (av *agendaView) changed() {
	offset := av.scroll.Offset
	av.ws.changed()
	next := agendaOf(av.ws.u.workshop)
	if next == nil || next == av {
		return
	}
	if next.scroll.Size().Height > 0 {
		next.scroll.ScrollToOffset(offset)
	} else {
		next.scroll.Offset = offset
	}
}

// defaultTimes proposes the times of a new session on day: from the end of
// the day's last session, or 09:00, for 90 minutes.
func defaultTimes(sessions []store.Session, day store.Date) (start, end store.Clock) {
	start = 9 * 60
	found := false
	for _, se := range sessions {
		if se.Date == day && (!found || se.End > start) {
			start, found = se.End, true
		}
	}
	return start, min(start+90, 23*60+59)
}

// agendaDayName names a day of workshop w as "Day 1 – " and the date in layout,
// or the date and "outside the workshop's dates".
func agendaDayName(w *store.Workshop, day store.Date, layout string) string {
	if day.Before(w.StartDate) || day.After(w.EndDate) {
		return fmt.Sprintf(lang.L("%s – outside the workshop's dates"), formatDay(day, layout))
	}
	return fmt.Sprintf(lang.L("Day %d – %s"), w.StartDate.DaysUntil(day)+1, formatDay(day, layout))
}

// formatDay formats a date with a time.Format layout.
func formatDay(d store.Date, layout string) string {
	return localDate(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC), layout)
}

// hoursText renders a duration as hours, "6.0 h" ("6,0 h" in French).
func hoursText(d time.Duration) string {
	return fmt.Sprintf(lang.L("%s h"), decimal(math.Round(d.Hours()*10)/10)) // 6.25 h shows as 6.3 h
}

// sessionTimes renders a session's times, "09:00–10:30".
func sessionTimes(se store.Session) string { return se.Start.String() + "–" + se.End.String() }

// warningLine is a red warning sign and message; its label is Objects[0].
func warningLine(msg string) *fyne.Container {
	l := widget.NewLabel(msg)
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	icon := widget.NewIcon(theme.NewErrorThemedResource(theme.WarningIcon()))
	return container.NewBorder(nil, nil, icon, nil, l)
}

// agendaBadge is a small outlined label such as "mandatory", coloured when
// important, grey otherwise; it returns the badge and its label.
func agendaBadge(text string, importance widget.Importance) (fyne.CanvasObject, *widget.Label) {
	l := widget.NewLabel(text)
	l.SizeName = theme.SizeNameCaptionText
	colour := theme.Color(theme.ColorNameDisabled)
	if importance == widget.HighImportance {
		l.Importance = importance
		colour = theme.Color(theme.ColorNamePrimary)
	}
	frame := canvas.NewRectangle(color.Transparent)
	frame.StrokeColor = colour
	frame.StrokeWidth = 1
	frame.CornerRadius = theme.InputRadiusSize()
	return container.NewPadded(container.NewStack(frame, l)), l
}

// rowButton is a plain icon button for the actions of a row.
func rowButton(icon fyne.Resource, tapped func()) *widget.Button {
	b := widget.NewButtonWithIcon("", icon, tapped)
	b.Importance = widget.LowImportance
	return b
}
