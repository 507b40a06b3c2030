package ui

import (
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// day2Afternoon is 13:00 in Addis Ababa on the second day of the sample
// workshop: the sessions of day 1 and the morning of day 2 are over and
// recorded, the rest are to come.
var day2Afternoon = time.Date(2026, 11, 26, 10, 0, 0, 0, time.UTC)

// The tabs of the attendance section.
const (
	tabCheckIn = iota
	tabGrid
	tabPaper
)

// openAttendanceAt opens the sample workshop with every clock fixed at now,
// on one tab of its attendance section.
func openAttendanceAt(t *testing.T, now time.Time, tab int) (*App, fyne.Window) {
	t.Helper()
	clock := func() time.Time { return now }
	path := filepath.Join(t.TempDir(), "w.db")
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1280, 800))
	u := Start(a, w, Config{DataPath: path, Version: "test", Now: clock, Open: func(p string) (*store.Store, error) {
		return store.Open(p, store.Options{NoAutoBackup: true, Now: clock})
	}})
	t.Cleanup(func() {
		if err := u.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		w.Close()
	})
	u.openSample()
	u.showSection(sectionAttendance)
	u.workshop.attendance.tabs.SelectIndex(tab)
	return u, w
}

// renderedSymbol is what a grid cell shows: ✓ or ✗ for the present and
// absent icons, else its letter.
func renderedSymbol(o fyne.CanvasObject) string {
	_, _, iconBox, icon, symBox, sym := gridCellParts(o)
	switch {
	case iconBox.Visible() && icon.Resource == gridPresentIcon:
		return "✓"
	case iconBox.Visible() && icon.Resource == gridAbsentIcon:
		return "✗"
	case symBox.Visible():
		return sym.Text
	}
	return ""
}

// cellSymbol renders the cell of row and session si as the grid does.
func cellSymbol(g *gridView, row, si int) string {
	o := newGridCell()
	g.updateCell(widget.TableCellID{Row: row, Col: gridFirstSession + si}, o)
	return renderedSymbol(o)
}

// cellText renders a text cell of row.
func cellText(g *gridView, row, col int) string {
	o := newGridCell()
	g.updateCell(widget.TableCellID{Row: row, Col: col}, o)
	_, label, _, _, _, _ := gridCellParts(o)
	return label.Text
}

// wantSymbol is the symbol a cell must show, worked out from the store.
func wantSymbol(t *testing.T, u *App, p store.Participant, se store.Session, now time.Time) string {
	t.Helper()
	loc := u.workshop.data.Workshop.Location()
	if !p.JoinedAt.IsZero() && p.JoinedAt.After(se.StartsAt(loc)) {
		return "–"
	}
	a, err := u.st.Attendance(se.ID, p.ID)
	switch {
	case errors.Is(err, store.ErrNotFound) && now.Before(se.EndsAt(loc)):
		return "·"
	case errors.Is(err, store.ErrNotFound):
		return "?"
	case err != nil:
		t.Fatal(err)
	}
	return map[store.Status]string{store.Present: "✓", store.Late: "L", store.Excused: "E", store.Absent: "✗"}[a.Status]
}

// rowOf returns the grid row of the participant with the family name.
func rowOf(t *testing.T, g *gridView, family string) int {
	t.Helper()
	for r, i := range g.rows {
		if g.data.Participants[i].FamilyNames == family {
			return r
		}
	}
	t.Fatalf("%s is not in the grid", family)
	return -1
}

func sessionIndex(t *testing.T, d *store.WorkshopData, title string) int {
	t.Helper()
	for i, se := range d.Sessions {
		if se.Title == title {
			return i
		}
	}
	t.Fatalf("no session %q", title)
	return -1
}

func TestGridShowsEveryoneBySession(t *testing.T) {
	u, w := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	rows, cols := g.table.Length()
	if rows != 40 || cols-gridFirstSession != 10 {
		t.Fatalf("grid is %d rows by %d session columns, want 40 by 10", rows, cols-gridFirstSession)
	}
	if !containsText(w, "Al-Amin, Mohamed") || !containsText(w, "Certificate rule: at least 80% of sessions") {
		t.Error("the grid should show the first name in family-name order and the rule in words")
	}
	seen := map[string]int{}
	d := u.workshop.data
	for r, pi := range g.rows {
		p := d.Participants[pi]
		for si, se := range d.Sessions {
			got := cellSymbol(g, r, si)
			if se.Type == store.Break {
				if got != "" {
					t.Errorf("break cell shows %q", got)
				}
				continue
			}
			if want := wantSymbol(t, u, p, se, day2Afternoon); got != want {
				t.Errorf("%s at %q shows %q, the store says %q", p.FullName(), se.Title, got, want)
			}
			seen[got]++
		}
	}
	for _, sym := range []string{"✓", "L", "E", "✗", "?", "·", "–"} {
		if seen[sym] == 0 {
			t.Errorf("no cell shows %q in the sample: %v", sym, seen)
		}
	}
	// The summary columns agree with the statistics.
	r := rowOf(t, g, "Habimana") // joins on day 3
	if got := cellText(g, r, gridColSessions); got != "+2" {
		t.Errorf("a day-3 joiner has %q sessions, want +2 (the two of day 3, to come)", got)
	}
	if got := cellText(g, r, gridColPercent); got != "–" {
		t.Errorf("a day-3 joiner with nothing decided shows %q %%", got)
	}
	if got := cellText(g, r, gridColStatus); got != "on track" {
		t.Errorf("a day-3 joiner's standing is %q", got)
	}
	st := g.stats.Participants[g.rows[0]]
	if got, want := cellText(g, 0, gridColSessions), st.SessionsText(); got != want {
		t.Errorf("sessions column %q, want %q", got, want)
	}
	// Per-session counts sit under the session heading.
	h := newGridHeader().(*gridHeader)
	g.updateHeader(widget.TableCellID{Row: -1, Col: gridFirstSession}, h)
	s := g.stats.Sessions[0]
	if want := fmt.Sprintf("P%d L%d E%d A%d", s.Present, s.Late, s.Excused, s.Absent); h.lines[3].Text != want {
		t.Errorf("opening plenary counts %q, want %q", h.lines[3].Text, want)
	}
	if !strings.HasPrefix(h.lines[0].Text, "* ") || h.lines[2].Text != "Day 1 09:00" {
		t.Errorf("mandatory opening plenary heading %q / %q", h.lines[0].Text, h.lines[2].Text)
	}
}

func TestGridEditCellThroughDialog(t *testing.T) {
	u, w := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	d := u.workshop.data
	r := rowOf(t, g, "Diop")
	si := sessionIndex(t, d, "Panel: Migration and rural livelihoods")
	p, se := d.Participants[g.rows[r]], d.Sessions[si]
	before, err := u.st.AttendanceHistory(se.ID, p.ID)
	if err != nil {
		t.Fatal(err)
	}
	g.table.Select(widget.TableCellID{Row: r, Col: gridFirstSession + si})
	f := g.cell
	if f == nil {
		t.Fatal("tapping a session cell should open the mark dialog")
	}
	if !containsText(w, "History") {
		t.Error("the dialog should show the history")
	}
	f.status.SetSelected("excused")
	test.Type(f.note, "visa appointment at the embassy")
	test.Tap(f.saveBtn)

	a, err := u.st.Attendance(se.ID, p.ID)
	if err != nil || a.Status != store.Excused || a.Note != "visa appointment at the embassy" {
		t.Fatalf("stored %+v, %v", a, err)
	}
	after, _ := u.st.AttendanceHistory(se.ID, p.ID)
	if len(after) != len(before)+1 {
		t.Errorf("history has %d versions, want %d", len(after), len(before)+1)
	}
	if u.workshop.attendance.grid != g {
		t.Error("a cell change should update the grid in place, keeping its scroll position")
	}
	if got := cellSymbol(g, r, si); got != "E" {
		t.Errorf("cell shows %q after the change, want E", got)
	}
	if !strings.HasPrefix(g.detail.Text, "Diop, Moussa – ") {
		t.Errorf("detail line %q should explain Diop's standing", g.detail.Text)
	}
	// Reopening shows the new version first, with its note.
	g.table.Select(widget.TableCellID{Row: r, Col: gridFirstSession + si})
	if g.cell == f || !strings.Contains(g.cell.history.Text, "excused – visa appointment") || g.cell.status.Selected != "excused" {
		t.Errorf("reopened dialog: status %q, history %q", g.cell.status.Selected, g.cell.history.Text)
	}
	g.cell.dialog.Hide()
	// A status must be chosen for an unmarked cell.
	future := sessionIndex(t, d, "Closing plenary and evaluation")
	g.table.Select(widget.TableCellID{Row: r, Col: gridFirstSession + future})
	test.Tap(g.cell.saveBtn)
	if l := g.cell.errs["status"]; !l.Visible() {
		t.Error("saving with no status should say so under the field")
	}
	if _, err := u.st.Attendance(d.Sessions[future].ID, p.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("nothing should be recorded: %v", err)
	}
}

func TestGridMarkUnmarkedForSession(t *testing.T) {
	u, w := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	d := u.workshop.data
	si := -1
	for i, s := range g.stats.Sessions {
		if s.Counts && s.Unmarked > 0 && s.Pending == 0 {
			si = i
			break
		}
	}
	if si < 0 {
		t.Fatal("the sample should have an ended session with unmarked participants")
	}
	se := d.Sessions[si]
	n := g.stats.Sessions[si].Unmarked
	item := func(prefix string) *fyne.MenuItem {
		for _, it := range g.sessionMenu(si).Items {
			if strings.HasPrefix(it.Label, prefix) {
				return it
			}
		}
		t.Fatalf("no menu item %q", prefix)
		return nil
	}
	if it := item(fmt.Sprintf("Mark %d unmarked as absent", n)); it.Disabled {
		t.Fatal("the action should be enabled")
	}
	// Cancel changes nothing.
	item("Mark").Action()
	if !containsText(w, fmt.Sprintf("Mark the %d people with no mark at “%s”", n, se.Title)) {
		t.Error("the confirmation should name the session and how many people")
	}
	test.Tap(button(t, w, "Cancel"))
	if g.stats.Sessions[si].Unmarked != n {
		t.Fatal("cancel should mark nobody")
	}
	item(fmt.Sprintf("Mark %d unmarked as absent", n)).Action()
	test.Tap(button(t, w, fmt.Sprintf("Mark %d absent", n)))

	fresh, err := u.st.LoadWorkshop(d.Workshop.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := store.Compute(fresh, day2Afternoon).Sessions[si]; got.Unmarked != 0 {
		t.Errorf("%d still unmarked in the store", got.Unmarked)
	}
	absent := 0
	for _, m := range fresh.Marks[se.ID].All() {
		if m.Status == store.Absent {
			absent++
		}
	}
	if was := g.stats.Sessions[si]; was.Unmarked != 0 || was.Absent != absent {
		t.Errorf("grid counts after marking: %+v, store has %d absent", was, absent)
	}
	if !strings.Contains(g.detail.Text, fmt.Sprintf("%d marked absent", n)) {
		t.Errorf("detail line %q", g.detail.Text)
	}
	if it := item("Mark 0 unmarked as excused"); !it.Disabled {
		t.Error("with nobody unmarked the action should be disabled")
	}
}

func TestGridFilterAndSearch(t *testing.T) {
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	g.filter.SetSelected("Not eligible")
	if n := store.CountStandings(g.elig).NotEligible; len(g.rows) == 0 || len(g.rows) != n {
		t.Fatalf("not eligible shows %d rows, the standings say %d", len(g.rows), n)
	}
	for r, i := range g.rows {
		if g.elig[i].Standing() != store.StandingNotEligible {
			t.Errorf("%s is listed but is not \"not eligible\"", g.names[i])
		}
		if got := cellText(g, r, gridColStatus); got != "not eligible" {
			t.Errorf("status word %q", got)
		}
	}
	g.filter.SetSelected("At risk")
	for _, i := range g.rows {
		if g.elig[i].Standing() != store.StandingAtRisk {
			t.Errorf("%s is listed as at risk", g.names[i])
		}
	}
	g.filter.SetSelected("Everyone")
	test.Type(g.search, "traore")
	if len(g.rows) != 1 || g.names[g.rows[0]] != "Traoré, Aminata" {
		t.Errorf("search shows %v", g.rows)
	}
	g.search.SetText("")
	if len(g.rows) != 40 {
		t.Errorf("%d rows after clearing", len(g.rows))
	}
	// Tapping a name explains the standing.
	g.table.Select(widget.TableCellID{Row: 0, Col: gridColName})
	if ps := g.stats.Participants[g.rows[0]]; !strings.HasSuffix(g.detail.Text, ps.Reason) {
		t.Errorf("detail %q should end with the reason %q", g.detail.Text, ps.Reason)
	}
}

func TestRulesFormChangesStanding(t *testing.T) {
	u, w := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	g.filter.SetSelected("At risk")
	words := map[uuid.UUID]string{}
	g.filter.SetSelected("Everyone")
	for r, i := range g.rows {
		words[g.data.Participants[i].ID] = cellText(g, r, gridColStatus)
	}
	test.Tap(g.changeRule)
	f := g.rules
	if f == nil || f.minPercent.Text != "80" || !f.lateCounts.Checked || f.excusedCounts.Checked || !f.mnd.Checked {
		t.Fatal("the rule form should open on the default rule")
	}
	f.minPercent.SetText("100")
	f.mnd.SetChecked(false)
	if !strings.Contains(f.preview.Text, "at least 100% of sessions") {
		t.Errorf("preview %q", f.preview.Text)
	}
	test.Tap(f.saveBtn)

	ws, _ := u.st.Workshop(g.data.Workshop.ID)
	if r := ws.Rule.Effective(); r.MinPercent != 100 || r.MandatoryRequired {
		t.Fatalf("stored rule %+v", r)
	}
	g2 := u.workshop.attendance.grid
	if g2 == g || u.workshop.attendance.tabs.SelectedIndex() != tabGrid {
		t.Fatal("the workshop should be redrawn on the grid")
	}
	if !containsText(w, "Certificate rule: at least 100% of sessions") {
		t.Error("the rule line should show the new rule")
	}
	changed := 0
	for r, i := range g2.rows {
		p := g2.data.Participants[i]
		want, _ := standing(&g2.elig[i])
		got := cellText(g2, r, gridColStatus)
		if got != want {
			t.Errorf("%s shows %q, stats say %q", p.FullName(), got, want)
		}
		if got != words[p.ID] {
			changed++
		}
	}
	if changed == 0 {
		t.Error("raising the minimum to 100% should change someone's standing")
	}
	if before, after := store.CountStandings(g.elig).NotEligible, store.CountStandings(g2.elig).NotEligible; after <= before {
		t.Errorf("not eligible went from %d to %d", before, after)
	}
}

func TestRulesFormRejectsInvalidInput(t *testing.T) {
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	id := g.data.Workshop.ID
	for _, c := range []struct{ pct, late, field string }{
		{"0", "10", "rule.min_percent"},
		{"150", "10", "rule.min_percent"},
		{"eighty", "10", "rule.min_percent"},
		{"80", "2000", "rule.late_after_minutes"},
	} {
		f := showRulesForm(u.workshop)
		f.minPercent.SetText(c.pct)
		f.lateAfter.SetText(c.late)
		test.Tap(f.saveBtn)
		if l := f.errs[c.field]; !l.Visible() || l.Text == "" {
			t.Errorf("%s %% / %s min: no problem shown under %s", c.pct, c.late, c.field)
		}
		if u.workshop.attendance.grid != g {
			t.Errorf("%s %%: an invalid rule should not redraw the workshop", c.pct)
		}
		ws, err := u.st.Workshop(id)
		if err != nil || ws.Rule != (store.AttendanceRule{}) {
			t.Errorf("%s %%: saved %+v, %v", c.pct, ws.Rule, err)
		}
		f.dialog.Hide()
	}
}

// syntheticWorkshop builds a workshop in memory with people participants
// and sessions sessions over three days, everyone marked everywhere.
func syntheticWorkshop(people, sessions int) *store.WorkshopData {
	start := store.Date{Year: 2026, Month: 11, Day: 25}
	d := &store.WorkshopData{
		Workshop: store.Workshop{Code: "bench", Title: "Benchmark", TimeZone: "Africa/Addis_Ababa",
			StartDate: start, EndDate: start.AddDays(2)},
		Marks: map[uuid.UUID]*store.SessionMarks{},
	}
	d.Workshop.ID = uuid.New()
	perDay := (sessions + 2) / 3
	for i := range sessions {
		se := store.Session{WorkshopID: d.Workshop.ID, Date: start.AddDays(i / perDay), Title: fmt.Sprintf("Session %d on a subject", i+1),
			Type: store.Plenary, Counts: true, Mandatory: i == 0 || i == sessions-1}
		se.ID = uuid.New()
		se.Start = store.Clock(8*60 + (i%perDay)*50)
		se.End = se.Start + 45
		d.Sessions = append(d.Sessions, se)
	}
	statuses := []store.Status{store.Present, store.Present, store.Present, store.Present, store.Late, store.Excused, store.Absent}
	for i := range people {
		p := store.Participant{WorkshopID: d.Workshop.ID, GivenNames: fmt.Sprintf("Given %d", i), FamilyNames: fmt.Sprintf("Família %04d", (i*7919)%people),
			Organisation: fmt.Sprintf("Organisation %d", i%300), Country: "ET", BadgeCode: fmt.Sprintf("B%04d", i), Role: store.RoleParticipant}
		p.ID = uuid.New()
		d.Participants = append(d.Participants, p)
	}
	loc := d.Workshop.Location()
	for si, se := range d.Sessions {
		marks := &store.SessionMarks{}
		for pi, p := range d.Participants {
			marks.Set(p.ID, store.Mark{Status: statuses[(pi*31+si*17)%len(statuses)], RecordedAt: se.StartsAt(loc)})
		}
		d.Marks[se.ID] = marks
	}
	return d
}

// benchStore opens a store on an empty file: the grid reads the decisions
// taken by hand from it (none).
func benchStore(b *testing.B) *store.Store {
	b.Helper()
	st, err := store.Open(filepath.Join(b.TempDir(), "w.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	return st
}

// benchGrid makes a grid of d outside any window, as the attendance
// section does.
func benchGrid(st *store.Store, d *store.WorkshopData, now time.Time) *gridView {
	ws := &workshopScreen{data: d, u: &App{st: st}}
	a := &attendanceSection{ws: ws, now: func() time.Time { return now }}
	ws.attendance = a
	return newGridView(a)
}

// BenchmarkGridBuild5000x30 builds the grid of 5,000 participants by 30
// fully marked sessions and draws its visible cells in a test window.
func BenchmarkGridBuild5000x30(b *testing.B) {
	test.NewTempApp(b)
	d := syntheticWorkshop(5000, 30)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	st := benchStore(b)
	b.ResetTimer()
	for b.Loop() {
		g := benchGrid(st, d, now)
		w := test.NewWindow(g.content)
		w.Resize(fyne.NewSize(1366, 768))
		w.Canvas().Capture()
		w.Close()
	}
}

// BenchmarkGridRecompute5000x30 is the cost of one changed mark: the
// statistics recomputed and the visible cells updated (not painted: the
// test canvas paints in software, the app on the GPU).
func BenchmarkGridRecompute5000x30(b *testing.B) {
	test.NewTempApp(b)
	d := syntheticWorkshop(5000, 30)
	now := time.Date(2026, 11, 26, 12, 0, 0, 0, time.UTC)
	g := benchGrid(benchStore(b), d, now)
	w := test.NewWindow(g.content)
	defer w.Close()
	w.Resize(fyne.NewSize(1366, 768))
	g.table.ScrollTo(widget.TableCellID{Row: 2500, Col: gridFirstSession + 20})
	b.ResetTimer()
	for b.Loop() {
		g.marked(d.Sessions[3].ID, d.Participants[42].ID, store.Mark{Status: store.Late, RecordedAt: now})
	}
}

// TestGridDetailNamesHandDecision checks that the standing explained under
// the grid mentions a certificate decision taken by hand, which overrides
// the rule's standing in Certificates.
func TestGridDetailNamesHandDecision(t *testing.T) {
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	r := rowOf(t, g, "Diop")
	p := g.data.Participants[g.rows[r]]
	if _, err := u.st.SetOverride(p.ID, false, "left on the first evening"); err != nil {
		t.Fatal(err)
	}
	g.table.Select(widget.TableCellID{Row: r, Col: gridColName})
	if !strings.HasPrefix(g.detail.Text, "Diop, Moussa – ") || !strings.HasSuffix(g.detail.Text, " · certificate refused by hand: left on the first evening") {
		t.Errorf("detail line %q should name the decision taken by hand", g.detail.Text)
	}
}

// TestGridCellTakesItsOwnTap taps session cells as the table draws them,
// with the grid scrolled sideways: each tap opens the mark of the cell's
// own session. (Left to the table, a tap's column was worked out from the
// scroll offset, one column off while a column was half out of view.)
func TestGridCellTakesItsOwnTap(t *testing.T) {
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	g.table.ScrollToOffset(fyne.NewPos(150, 0)) // the first session half out of view
	r := rowOf(t, g, "Diop")
	checked := 0
	for si, se := range g.data.Sessions {
		if cell := g.stats.Cell(g.rows[r], si); cell == store.CellNone || cell == store.CellNotApplicable {
			continue
		}
		o := g.table.CreateCell()
		g.table.UpdateCell(widget.TableCellID{Row: r, Col: gridFirstSession + si}, o)
		tappable, ok := o.(fyne.Tappable)
		if !ok {
			t.Fatal("a grid cell does not take taps: the table would guess its column")
		}
		g.cell = nil
		tappable.Tapped(&fyne.PointEvent{})
		if g.cell == nil || g.cell.se.ID != se.ID {
			t.Errorf("a tap on “%s” opened %v", se.Title, g.cell)
		} else {
			g.cell.dialog.Hide()
		}
		checked++
	}
	if checked < 4 {
		t.Fatalf("only %d cells tapped", checked)
	}
}

// TestGridMarkUnmarkedSaysWhenTheSessionIs checks the confirmation before
// marking the unmarked of a session that has not started, or not ended.
func TestGridMarkUnmarkedSaysWhenTheSessionIs(t *testing.T) {
	u, w := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	closing := sessionIndex(t, u.workshop.data, "Closing plenary and evaluation")
	g.confirmMarkUnmarked(closing, store.Excused)
	if !containsText(w, "The session has not started yet.") || containsText(w, "has not ended yet") {
		t.Error("marking a session of tomorrow should say it has not started")
	}
	// Absent is refused outright: nobody has missed it yet.
	g.confirmMarkUnmarked(closing, store.Absent)
	if !containsText(w, "nobody can be marked absent before it starts") {
		t.Error("marking tomorrow's session absent was not refused")
	}
	if n := g.stats.Sessions[closing].Unmarked; n == 0 {
		t.Error("tomorrow's session lost its unmarked people")
	}
}
