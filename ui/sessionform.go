package ui

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// sessionMode is what the session form does.
type sessionMode int

const (
	sessionNew  sessionMode = iota // add a session
	sessionEdit                    // change a session
	sessionCopy                    // save a copy of a session as a new one
)

// sessionForm adds, edits or duplicates a session. Nothing is saved until
// every field is valid; problems are shown under their field.
type sessionForm struct {
	av        *agendaView
	mode      sessionMode
	base      store.Session // the session as it was; no ID when new or a copy
	days      []store.Date  // the choices of the day field
	keys      formKeys
	title     *formEntry
	day       *formSelect
	start     *formEntry
	end       *formEntry
	kind      *formSelect
	speakers  *formEntry
	room      *formSelectEntry
	counts    *formCheck
	mandatory *formCheck
	clash     *widget.Label            // warns of a room clash; saving is still allowed
	problem   *widget.Label            // a problem that belongs to no field
	errs      map[string]*widget.Label // a field's problem, shown under it
	dialog    *dialog.CustomDialog
	saveBtn   *widget.Button
	countsSet bool // the user ticked or cleared counts: stop following the type
	timesSet  bool // the user typed a time: stop following the day
}

// showSessionForm opens the form on se: a new session, a session to edit,
// or a copy to save as a new session.
func showSessionForm(av *agendaView, se store.Session, mode sessionMode) *sessionForm {
	u := av.ws.u
	w := &av.ws.data.Workshop
	f := &sessionForm{
		av: av, mode: mode, base: se,
		clash: widget.NewLabel(""), problem: widget.NewLabel(""),
		errs: map[string]*widget.Label{},
		// Following the type only while counts has its default: a session
		// saved otherwise was set by hand.
		countsSet: mode != sessionNew && se.Counts != (se.Type != store.Break),
		timesSet:  mode != sessionNew,
	}
	k := &f.keys
	f.title, f.start, f.end, f.speakers = k.entry(), k.entry(), k.entry(), k.entry()
	f.room = k.selectEntry(roomsOf(av.sessions))
	f.clash.Importance = widget.WarningImportance
	f.clash.Wrapping = fyne.TextWrapWord
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.problem.Hide()

	f.days = agendaDays(w, nil)
	if !slices.Contains(f.days, se.Date) && !se.Date.IsZero() {
		f.days = agendaDays(w, []store.Session{se}) // a session left outside the workshop's dates
	}
	dayLabels := make([]string, len(f.days))
	for i, d := range f.days {
		dayLabels[i] = agendaDayName(w, d, "Mon 2 Jan")
	}
	f.day = k.choice(dayLabels, nil)
	kinds := make([]string, len(store.SessionTypes))
	for i, t := range store.SessionTypes {
		kinds[i] = lang.L(store.Label(t))
	}
	f.kind = k.choice(kinds, nil)
	f.counts = k.check(lang.L("Counts towards the certificate"), nil)
	f.mandatory = k.check(lang.L("Mandatory: must be attended for a certificate"), nil)
	f.title.SetPlaceHolder(lang.L("e.g. Panel: Climate, land and mobility"))
	f.start.SetPlaceHolder(lang.L("HH:MM"))
	f.end.SetPlaceHolder(lang.L("HH:MM"))
	f.speakers.SetPlaceHolder(lang.L("Names, separated by semicolons"))
	f.room.SetPlaceHolder(lang.L("e.g. Main hall"))
	f.fill(se)

	f.day.OnChanged = func(string) { f.dayChanged() }
	f.kind.OnChanged = func(string) { f.kindChanged() }
	f.counts.OnChanged = func(bool) { f.countsSet = true }
	for _, e := range []*formEntry{f.start, f.end} {
		e.OnChanged = func(string) {
			f.timesSet = true
			f.checkClash()
		}
	}
	f.room.OnChanged = func(string) { f.checkClash() }
	f.checkClash()

	field := func(name string, o fyne.CanvasObject) fyne.CanvasObject { return withProblem(o, name, f.errs) }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title")+" *", field("title", f.title)),
		widget.NewFormItem(lang.L("Day")+" *", field("date", f.day)),
		widget.NewFormItem(lang.L("Starts")+" *", field("start", f.start)),
		widget.NewFormItem(lang.L("Ends")+" *", field("end", f.end)),
		widget.NewFormItem(lang.L("Type")+" *", field("type", f.kind)),
		widget.NewFormItem(lang.L("Speakers"), field("speakers", f.speakers)),
		widget.NewFormItem(lang.L("Room"), field("room", f.room)),
		widget.NewFormItem("", f.counts),
		widget.NewFormItem("", f.mandatory),
	)
	form.Items[2].HintText = lang.L("24-hour time in the workshop's time zone, e.g. 14:30")
	heading := lang.L("New session")
	switch mode {
	case sessionEdit:
		heading = lang.L("Edit session")
	case sessionCopy:
		heading = lang.L("Duplicate session")
	}
	body := container.NewVBox()
	if mode == sessionCopy {
		note := widget.NewLabel(lang.L("Adjust the day or the times of the copy, then save it."))
		note.Wrapping = fyne.TextWrapWord
		body.Add(note)
	}
	body.Add(form)
	body.Add(f.clash)
	body.Add(f.problem)
	f.dialog, f.saveBtn = k.dialog(heading, lang.L("Save"), container.NewVScroll(body), f.save, u.win)
	f.dialog.SetOnClosed(func() {
		if av.form == f {
			av.form = nil
		}
	})
	av.form = f
	// Tall enough for the form without scrolling, up to a limit, leaving
	// room for a problem or two under the fields.
	f.dialog.Resize(fyne.NewSize(600, min(body.MinSize().Height+200, 640)))
	k.show()
	if mode == sessionCopy {
		u.win.Canvas().Focus(f.start)
	} else {
		u.win.Canvas().Focus(f.title)
	}
	return f
}

// fill puts a session in the fields.
func (f *sessionForm) fill(se store.Session) {
	f.title.SetText(se.Title)
	if i := slices.Index(f.days, se.Date); i >= 0 {
		f.day.SetSelectedIndex(i)
	}
	f.start.SetText(se.Start.String())
	f.end.SetText(se.End.String())
	f.kind.SetSelectedIndex(max(slices.Index(store.SessionTypes, se.Type), 0))
	f.speakers.SetText(se.Speakers)
	f.room.SetText(se.Room)
	f.counts.SetChecked(se.Counts)
	f.mandatory.SetChecked(se.Mandatory)
}

// dayChanged proposes the times that follow the day's last session, until
// the user types a time, and checks for a clash.
func (f *sessionForm) dayChanged() {
	if i := f.day.SelectedIndex(); i >= 0 && !f.timesSet {
		start, end := defaultTimes(f.av.sessions, f.days[i])
		f.setTimes(start, end)
	}
	f.checkClash()
}

// setTimes fills the times without counting it as the user's choice.
func (f *sessionForm) setTimes(start, end store.Clock) {
	onStart, onEnd := f.start.OnChanged, f.end.OnChanged
	f.start.OnChanged, f.end.OnChanged = nil, nil
	f.start.SetText(start.String())
	f.end.SetText(end.String())
	f.start.OnChanged, f.end.OnChanged = onStart, onEnd
}

// kindChanged makes breaks not count and other sessions count, until the
// user sets counts by hand.
func (f *sessionForm) kindChanged() {
	if f.countsSet {
		return
	}
	on := f.counts.OnChanged
	f.counts.OnChanged = nil
	f.counts.SetChecked(f.selectedKind() != store.Break)
	f.counts.OnChanged = on
}

func (f *sessionForm) selectedKind() store.SessionType {
	if i := f.kind.SelectedIndex(); i >= 0 {
		return store.SessionTypes[i]
	}
	return ""
}

// session builds the record from the fields, with the problems of the
// times that could not be read.
func (f *sessionForm) session() (store.Session, store.ValidationError) {
	se := f.base
	se.Title, se.Speakers, se.Room = f.title.Text, f.speakers.Text, f.room.Text
	se.Date = store.Date{}
	if i := f.day.SelectedIndex(); i >= 0 {
		se.Date = f.days[i]
	}
	se.Type = f.selectedKind()
	se.Counts, se.Mandatory = f.counts.Checked, f.mandatory.Checked
	var verr store.ValidationError
	for _, t := range []struct {
		field, text, missing string
		to                   *store.Clock
	}{
		{"start", f.start.Text, lang.L("Type the start time as HH:MM, e.g. 09:00"), &se.Start},
		{"end", f.end.Text, lang.L("Type the end time as HH:MM, e.g. 10:30"), &se.End},
	} {
		c, err := parseClock(t.text)
		switch {
		case strings.TrimSpace(t.text) == "":
			verr = append(verr, store.FieldError{Field: t.field, Message: t.missing})
		case err != nil:
			verr = append(verr, store.FieldError{Field: t.field,
				Message: fmt.Sprintf(lang.L("“%s” is not a time of day; type it as HH:MM, e.g. 14:30"), strings.TrimSpace(t.text))})
		default:
			*t.to = c
		}
	}
	return se, verr
}

// parseClock reads a time typed as "14:30", also accepting "14.30" and
// "14h30".
func parseClock(s string) (store.Clock, error) {
	s = strings.NewReplacer(".", ":", "h", ":", "H", ":").Replace(strings.TrimSpace(s))
	return store.ParseClock(s)
}

// checkClash warns, while the user types, when the session would be in a
// room at the same time as another session, or would start or end at a
// clock time that summer time skips or repeats that day.
func (f *sessionForm) checkClash() {
	se, verr := f.session()
	var msgs []string
	if len(verr) == 0 && !se.Date.IsZero() {
		msgs = append(msgs, se.ClockWarnings(&f.av.ws.data.Workshop)...)
	}
	if len(verr) == 0 {
		if se.ID == uuid.Nil {
			se.ID = uuid.Max // not the ID of any stored session
		}
		list := []store.Session{se}
		for _, o := range f.av.sessions {
			if o.ID != se.ID {
				list = append(list, o)
			}
		}
		for _, id := range store.Overlaps(list)[se.ID] {
			if o, ok := f.av.session(id); ok {
				msgs = append(msgs, fmt.Sprintf(lang.L("Room clash: overlaps with “%s” in %s (%s)"), o.Title, o.Room, sessionTimes(o)))
			}
		}
	}
	f.clash.SetText(strings.Join(msgs, "\n"))
	f.clash.Hidden = len(msgs) == 0
	f.clash.Refresh()
}

// save validates and stores the session; it reports whether the dialog may
// close.
func (f *sessionForm) save() bool {
	clearProblems(f.errs, f.problem)
	se, verr := f.session()
	var err error
	if len(verr) > 0 {
		// Nothing is saved, but the other fields' problems are shown too.
		check := se
		check.Normalize()
		var more store.ValidationError
		if errors.As(check.Validate(&f.av.ws.data.Workshop), &more) {
			for _, fe := range more {
				if verr.For(fe.Field) == "" {
					verr = append(verr, fe)
				}
			}
		}
		err = verr
	} else {
		err = f.av.ws.u.st.SaveSession(&se)
	}
	if err == nil {
		f.av.changed()
		return true
	}
	showProblems(err, f.errs, f.problem)
	return false
}

// roomsOf lists the rooms already used in an agenda, each once, sorted.
func roomsOf(sessions []store.Session) []string {
	seen := map[string]bool{}
	var rooms []string
	for _, se := range sessions {
		if k := store.RoomKey(se.Room); k != "" && !seen[k] {
			seen[k] = true
			rooms = append(rooms, strings.TrimSpace(se.Room))
		}
	}
	slices.SortFunc(rooms, func(a, b string) int { return strings.Compare(store.Fold(a), store.Fold(b)) })
	return rooms
}
