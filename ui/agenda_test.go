package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// openAgenda opens the sample workshop on its Agenda section.
func openAgenda(t *testing.T) (*App, fyne.Window, *agendaView) {
	t.Helper()
	u, w, _ := startTest(t)
	u.openSample()
	return u, w, showAgenda(t, u)
}

// showAgenda selects the Agenda section of the open workshop and returns
// its view, which is rebuilt after every change.
func showAgenda(t *testing.T, u *App) *agendaView {
	t.Helper()
	av := agendaOf(u.workshop)
	if av == nil {
		t.Fatal("no agenda in the workshop screen")
	}
	u.workshop.tabs.SelectIndex(sectionAgenda)
	return av
}

// rowTitled returns the agenda row of the session with the given title.
func rowTitled(t *testing.T, av *agendaView, title string) *agendaRow {
	t.Helper()
	for _, r := range av.rows {
		if r.session.Title == title {
			return r
		}
	}
	t.Fatalf("no session %q in the agenda", title)
	return nil
}

// labelsUnder returns the texts of the labels inside o.
func labelsUnder(o fyne.CanvasObject) []string {
	var texts []string
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Visible() {
			texts = append(texts, l.Text)
		}
	}
	return texts
}

func storedSessions(t *testing.T, u *App) []store.Session {
	t.Helper()
	list, err := u.st.Sessions(u.workshop.data.Workshop.ID)
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestAgendaShowsDaysHoursAndBadges(t *testing.T) {
	u, w, av := openAgenda(t)
	if got, want := av.summary.Text, "10 sessions · 13.0 h over 3 days"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	if len(av.cards) != 3 || len(av.rows) != 10 {
		t.Fatalf("%d days and %d rows, want 3 and 10", len(av.cards), len(av.rows))
	}
	start := u.workshop.data.Workshop.StartDate
	day1 := "Day 1 – " + formatDay(start, "Monday 2 January 2006") + " · 6.0 h"
	if !slices.Contains(labelsUnder(av.cards[0]), day1) {
		t.Errorf("day 1 heading missing; want %q in %q", day1, labelsUnder(av.cards[0]))
	}
	if !slices.Contains(labelsUnder(av.cards[2]), "Closing plenary and evaluation") {
		t.Error("the closing plenary should be under day 3")
	}
	if r := rowTitled(t, av, "Opening plenary"); r.mandatory == nil || r.noCount != nil {
		t.Error("the opening plenary should be marked mandatory and counting")
	}
	if r := rowTitled(t, av, "Coffee break"); r.noCount == nil || r.noCount.Text != "does not count" || r.mandatory != nil {
		t.Error("the coffee break should be marked as not counting")
	}
	if !hasText(w, "plenary · Main hall · Hiwot Girma; Abebe Bekele") {
		t.Error("the opening plenary's type, room and speakers are missing")
	}
	if len(av.clashes) != 0 || av.warning.Visible() {
		t.Error("the sample agenda has no clashes")
	}
}

func TestAgendaEmptyDaysShown(t *testing.T) {
	u, _, av := openAgenda(t)
	for _, se := range av.sessions {
		if se.Date != u.workshop.data.Workshop.StartDate.AddDays(1) {
			continue
		}
		if err := u.st.DeleteSession(se.ID); err != nil {
			t.Fatal(err)
		}
	}
	av.changed()
	av = agendaOf(u.workshop)
	if len(av.cards) != 3 {
		t.Fatalf("%d days shown, want all 3", len(av.cards))
	}
	if texts := labelsUnder(av.cards[1]); !slices.Contains(texts, "No sessions yet") {
		t.Errorf("day 2 shows %q, want “No sessions yet”", texts)
	}
}

func TestAgendaAddSessionThroughForm(t *testing.T) {
	u, _, av := openAgenda(t)
	test.Tap(av.add)
	f := av.form
	if f == nil {
		t.Fatal("Add session did not open the form")
	}
	// The day viewed is the first; the new session follows its last one.
	if f.day.SelectedIndex() != 0 || f.start.Text != "17:00" || f.end.Text != "18:30" || !f.counts.Checked {
		t.Errorf("defaults: day %d, %s–%s, counts %v; want day 1, 17:00–18:30, counts",
			f.day.SelectedIndex(), f.start.Text, f.end.Text, f.counts.Checked)
	}
	f.day.SetSelectedIndex(2) // the times follow the day until typed
	if f.start.Text != "12:00" || f.end.Text != "13:30" {
		t.Errorf("day 3 times = %s–%s, want 12:00–13:30", f.start.Text, f.end.Text)
	}
	test.Type(f.title, "Next steps and follow-up")
	test.Type(f.speakers, "Nomvula Dlamini")
	test.Type(&f.room.Entry, "Room C")
	f.kind.SetSelectedIndex(slices.Index(store.SessionTypes, store.WorkingGroup))
	test.Tap(f.saveBtn)
	if av.form != nil {
		t.Fatalf("the form should close after saving; problems %q", f.problem.Text)
	}
	list := storedSessions(t, u)
	if len(list) != 11 {
		t.Fatalf("%d sessions stored, want 11", len(list))
	}
	var added store.Session
	for _, se := range list {
		if se.Title == "Next steps and follow-up" {
			added = se
		}
	}
	day3 := u.workshop.data.Workshop.StartDate.AddDays(2)
	if added.Date != day3 || added.Start.String() != "12:00" || added.End.String() != "13:30" ||
		added.Type != store.WorkingGroup || added.Room != "Room C" || !added.Counts || added.Mandatory {
		t.Errorf("stored %+v", added)
	}
	av = agendaOf(u.workshop)
	if got, want := av.summary.Text, "11 sessions · 14.5 h over 3 days"; got != want {
		t.Errorf("summary = %q, want %q", got, want)
	}
	texts := labelsUnder(av.cards[2])
	if !slices.Contains(texts, "Next steps and follow-up") || !slices.ContainsFunc(texts, func(s string) bool {
		return strings.HasPrefix(s, "Day 3 – ") && strings.HasSuffix(s, " · 4.0 h")
	}) {
		t.Errorf("day 3 shows %q; want the new session and 4.0 h", texts)
	}
}

func TestAgendaAddToADayAndSaveWithEnter(t *testing.T) {
	u, _, av := openAgenda(t)
	day2 := u.workshop.data.Workshop.StartDate.AddDays(1)
	av.addOn(day2)
	f := av.form
	if f.day.SelectedIndex() != 1 || f.start.Text != "15:30" || f.end.Text != "17:00" {
		t.Errorf("defaults on day 2: %d, %s–%s; want 15:30–17:00", f.day.SelectedIndex(), f.start.Text, f.end.Text)
	}
	test.Type(f.title, "Networking session")
	f.title.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if av.form != nil {
		t.Fatal("Enter in the title should save and close the form")
	}
	if n := len(storedSessions(t, u)); n != 11 {
		t.Errorf("%d sessions, want 11", n)
	}
}

func TestAgendaInvalidTimesAreNotSaved(t *testing.T) {
	u, _, av := openAgenda(t)
	test.Tap(av.add)
	f := av.form
	test.Type(f.title, "Late session")
	f.start.SetText("25:00")
	test.Tap(f.saveBtn)
	if av.form == nil {
		t.Fatal("the form must stay open on an invalid time")
	}
	if l := f.errs["start"]; !l.Visible() || !strings.Contains(l.Text, "“25:00” is not a time of day") {
		t.Errorf("start problem = %q (visible %v)", l.Text, l.Visible())
	}
	if f.errs["end"].Visible() || f.errs["title"].Visible() {
		t.Error("only the start should show a problem")
	}

	f.start.SetText("14:00")
	f.end.SetText("13:00")
	test.Tap(f.saveBtn)
	if av.form == nil {
		t.Fatal("the form must stay open when the end is before the start")
	}
	if f.errs["start"].Visible() {
		t.Error("the corrected start should no longer show a problem")
	}
	if l := f.errs["end"]; !l.Visible() || !strings.Contains(l.Text, "must be after the start time 14:00") {
		t.Errorf("end problem = %q (visible %v)", l.Text, l.Visible())
	}

	f.title.SetText("")
	f.end.SetText("")
	test.Tap(f.saveBtn)
	if !f.errs["title"].Visible() || !f.errs["end"].Visible() {
		t.Error("a missing title and end should both be shown")
	}
	if n := len(storedSessions(t, u)); n != 10 {
		t.Errorf("%d sessions stored, want the sample's 10", n)
	}
}

func TestAgendaEditSession(t *testing.T) {
	u, _, av := openAgenda(t)
	r := rowTitled(t, av, "Opening plenary")
	test.Tap(r.edit)
	f := av.form
	if f == nil || f.title.Text != "Opening plenary" || f.start.Text != "09:00" || f.room.Text != "Main hall" || !f.mandatory.Checked {
		t.Fatal("the edit form should show the session")
	}
	f.title.SetText("Opening plenary and welcome")
	test.Tap(f.saveBtn)
	if av.form != nil {
		t.Fatalf("the form should close; problems %q", f.problem.Text)
	}
	got, err := u.st.Session(r.session.ID)
	if err != nil || got.Title != "Opening plenary and welcome" || got.Start != r.session.Start || !got.Mandatory {
		t.Fatalf("after editing: %+v, %v", got, err)
	}
	if n := len(storedSessions(t, u)); n != 10 {
		t.Errorf("%d sessions, want 10", n)
	}
	if rowTitled(t, agendaOf(u.workshop), "Opening plenary and welcome") == nil {
		t.Error("the agenda should show the new title")
	}
}

func TestAgendaDuplicateSession(t *testing.T) {
	u, _, av := openAgenda(t)
	orig := rowTitled(t, av, "Panel: Climate, land and mobility").session
	test.Tap(rowTitled(t, av, orig.Title).duplicate)
	f := av.form
	if f == nil || f.title.Text != orig.Title+" (copy)" || f.start.Text != "09:00" || f.day.SelectedIndex() != 1 {
		t.Fatal("the duplicate form should show the copy on the same day and time")
	}
	f.start.SetText("16:00")
	f.end.SetText("17:30")
	test.Tap(f.saveBtn)
	if av.form != nil {
		t.Fatalf("the form should close; problems %q", f.problem.Text)
	}
	list := storedSessions(t, u)
	if len(list) != 11 {
		t.Fatalf("%d sessions, want 11", len(list))
	}
	i := slices.IndexFunc(list, func(se store.Session) bool { return se.Title == orig.Title+" (copy)" })
	if i < 0 {
		t.Fatal("the copy was not stored")
	}
	c := list[i]
	if c.ID == orig.ID || c.Date != orig.Date || c.Start.String() != "16:00" || c.Type != orig.Type ||
		c.Room != orig.Room || c.Speakers != orig.Speakers || c.Counts != orig.Counts {
		t.Errorf("copy %+v of %+v", c, orig)
	}
	if got, _ := u.st.Session(orig.ID); got.Title != orig.Title || got.Start != orig.Start {
		t.Errorf("the original changed: %+v", got)
	}
}

func TestAgendaDeleteSessionAndUndo(t *testing.T) {
	u, w, av := openAgenda(t)
	se := rowTitled(t, av, "Opening plenary").session
	test.Tap(rowTitled(t, av, se.Title).del)
	want := "Delete “Opening plenary” on " + formatDay(se.Date, "2 Jan") + "? Its attendance is kept and comes back with Undo."
	if !hasText(w, want) {
		t.Errorf("the confirmation should ask %q", want)
	}
	marks := u.workshop.data.Marks[se.ID].Len()
	test.Tap(button(t, w, "Delete"))
	if _, err := u.st.Session(se.ID); err == nil {
		t.Fatal("the session should be deleted")
	}
	av = agendaOf(u.workshop)
	if _, ok := av.rows[se.ID]; ok || av.summary.Text != "9 sessions · 12.3 h over 3 days" {
		t.Errorf("after delete: row shown %v, summary %q", ok, av.summary.Text)
	}
	test.Tap(button(t, w, "Undo"))
	if _, err := u.st.Session(se.ID); err != nil {
		t.Fatalf("undo did not bring the session back: %v", err)
	}
	if _, ok := agendaOf(u.workshop).rows[se.ID]; !ok {
		t.Error("the restored session should be in the agenda")
	}
	if got := u.workshop.data.Marks[se.ID].Len(); got != marks {
		t.Errorf("attendance after undo: %d marks, want %d", got, marks)
	}
}

func TestAgendaCancelDeleteKeepsSession(t *testing.T) {
	u, w, av := openAgenda(t)
	se := rowTitled(t, av, "Coffee break").session
	test.Tap(rowTitled(t, av, se.Title).del)
	test.Tap(button(t, w, "Cancel"))
	if _, err := u.st.Session(se.ID); err != nil {
		t.Errorf("cancel deleted the session: %v", err)
	}
}

func TestAgendaOverlapsFlaggedOnBothRows(t *testing.T) {
	u, _, av := openAgenda(t)
	w := u.workshop.data.Workshop
	day2 := w.StartDate.AddDays(1)
	side := store.Session{WorkshopID: w.ID, Date: day2, Start: 9*60 + 30, End: 10 * 60, Title: "Side event", Room: " main HALL ", Counts: true}
	parallel := store.Session{WorkshopID: w.ID, Date: day2, Start: 9 * 60, End: 10*60 + 30, Title: "Parallel meeting", Room: "Room C", Counts: true}
	for _, se := range []*store.Session{&side, &parallel} {
		if err := u.st.SaveSession(se); err != nil {
			t.Fatal(err)
		}
	}
	av.changed()
	av = agendaOf(u.workshop)
	panel := rowTitled(t, av, "Panel: Climate, land and mobility")
	if panel.clash == nil || !strings.Contains(panel.clash.Text, "overlaps with “Side event” in main HALL (09:30–10:00)") {
		t.Errorf("the panel should be flagged; got %v", panel.clash)
	}
	if r := rowTitled(t, av, "Side event"); r.clash == nil ||
		!strings.Contains(r.clash.Text, "overlaps with “Panel: Climate, land and mobility” in Main hall (09:00–10:30)") {
		t.Errorf("the side event should be flagged; got %v", r.clash)
	}
	if r := rowTitled(t, av, "Parallel meeting"); r.clash != nil {
		t.Errorf("a session in another room is flagged: %q", r.clash.Text)
	}
	if !av.warning.Visible() || !slices.Contains(labelsUnder(av.warning), "2 sessions clash with others in the same room: see the warnings below") {
		t.Errorf("header warning = %q", labelsUnder(av.warning))
	}
	// The form warns before saving a clash.
	av.addOn(day2)
	f := av.form
	f.start.SetText("10:00")
	f.end.SetText("10:45")
	f.room.SetText("Room C")
	if !f.clash.Visible() || !strings.Contains(f.clash.Text, "“Parallel meeting”") {
		t.Errorf("form clash warning = %q (visible %v)", f.clash.Text, f.clash.Visible())
	}
	f.room.SetText("Room D")
	if f.clash.Visible() {
		t.Error("no clash in an unused room")
	}
}

func TestAgendaBreakDoesNotCount(t *testing.T) {
	_, _, av := openAgenda(t)
	test.Tap(av.add)
	f := av.form
	if !f.counts.Checked {
		t.Fatal("a new session counts by default")
	}
	f.kind.SetSelectedIndex(slices.Index(store.SessionTypes, store.Break))
	if f.counts.Checked {
		t.Error("a break should not count")
	}
	f.kind.SetSelectedIndex(slices.Index(store.SessionTypes, store.Panel))
	if !f.counts.Checked {
		t.Error("a panel should count again")
	}
	test.Tap(f.counts) // the user decides: stop following the type
	f.kind.SetSelectedIndex(slices.Index(store.SessionTypes, store.Break))
	f.kind.SetSelectedIndex(slices.Index(store.SessionTypes, store.Plenary))
	if f.counts.Checked {
		t.Error("counts set by hand should not follow the type")
	}
}

func TestAgendaKeepsScrollAndAddsToViewedDay(t *testing.T) {
	u, w, av := openAgenda(t)
	w.Resize(fyne.NewSize(900, 420)) // small, so that day 2 can be scrolled to the top
	want := fyne.NewPos(0, av.cards[1].Position().Y)
	av.scroll.ScrollToOffset(want)
	if av.scroll.Offset != want {
		t.Fatalf("could not scroll to day 2 (%v); offset %v, viewport %v", want, av.scroll.Offset, av.scroll.Size())
	}
	offset := av.scroll.Offset
	day2 := u.workshop.data.Workshop.StartDate.AddDays(1)
	if got := av.viewedDay(); got != day2 {
		t.Errorf("viewed day = %s, want day 2 %s", got, day2)
	}
	test.Tap(av.add)
	f := av.form
	if f.days[f.day.SelectedIndex()] != day2 {
		t.Errorf("the new session should default to the day viewed")
	}
	test.Type(f.title, "Wrap-up")
	test.Tap(f.saveBtn)
	if next := agendaOf(u.workshop); next == av || next.scroll.Offset != offset {
		t.Errorf("scroll after saving = %v, want %v", next.scroll.Offset, offset)
	}
}
