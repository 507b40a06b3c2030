package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"github.com/xuri/excelize/v2"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// openReports opens the sample workshop's Reports section at the fixed
// clock.
func openReports(t *testing.T) (*App, fyne.Window, *reportsSection) {
	t.Helper()
	u, w, _ := startSampleAt(t, addisMorning)
	u.showSection(sectionReports)
	return u, w, u.workshop.reports
}

// checkChart compares a chart with a breakdown: every row, same labels,
// counts and percentages, in the same order.
func checkChart(t *testing.T, name string, c *barChart, b store.Breakdown) {
	t.Helper()
	if c.total != b.Total {
		t.Errorf("%s: chart total %d, breakdown %d", name, c.total, b.Total)
	}
	if len(c.rows) != len(b.Rows) {
		t.Fatalf("%s: %d bars, %d rows in the breakdown", name, len(c.rows), len(b.Rows))
	}
	for i, row := range b.Rows {
		got := c.rows[i]
		if got.Label != row.Label || got.Count != row.Count || got.Percent != row.Percent {
			t.Errorf("%s row %d = %q %d %.1f, want %q %d %.1f", name, i, got.Label, got.Count, got.Percent, row.Label, row.Count, row.Percent)
		}
	}
}

func TestReportsChartsMatchParticipation(t *testing.T) {
	u, w, r := openReports(t)
	ps := store.Participation(u.workshop.data)
	reg := &ps.Registered
	if reg.Total != 40 {
		t.Fatalf("sample has %d registered, want 40", reg.Total)
	}
	for i, b := range reportBreakdowns {
		if b.countries {
			continue
		}
		checkChart(t, b.title, r.charts[i], b.of(reg))
	}
	// The country chart: the 15 largest, then the others as one bar, then
	// "Not given" if anyone did not say; counts add up to everyone.
	country := r.charts[len(reportBreakdowns)-1]
	if reportBreakdowns[len(reportBreakdowns)-1].title != "Country" {
		t.Fatal("the last chart is not the country chart")
	}
	sum := 0
	for i, row := range country.rows {
		sum += row.Count
		if i < topCountries && row.Label != reg.ByCountry.Rows[i].Label {
			t.Errorf("country bar %d is %q, want %q", i, row.Label, reg.ByCountry.Rows[i].Label)
		}
	}
	if sum != reg.Total || len(country.rows) > topCountries+2 {
		t.Errorf("country chart: %d bars adding up to %d of %d", len(country.rows), sum, reg.Total)
	}
	if len(reg.ByCountry.Rows) > topCountries+1 && !strings.HasPrefix(country.rows[topCountries].Label, "Other countries (") {
		t.Errorf("bar %d is %q, want the other countries", topCountries, country.rows[topCountries].Label)
	}
	// On screen: the charts' labels and values, and the missing values.
	first := reg.ByGender.Rows[0]
	for _, text := range []string{first.Label, chartValue(chartRow{Count: first.Count, Percent: first.Percent}),
		"Prefer not to say", "Not given", "Gender", "Organisation type", "Role", "Region", "Sub-region", "Country",
		"Gender by organisation type", "40 participants registered"} {
		if !hasText(w, text) {
			t.Errorf("no %q on the Reports section", text)
		}
	}
}

func TestReportsBasisSwitch(t *testing.T) {
	_, w, r := openReports(t)
	ps := r.stats
	reg, att := &ps.Registered, &ps.Attended
	if att.Total == 0 || att.Total >= reg.Total {
		t.Fatalf("sample: %d attended of %d registered; the test wants some but not all", att.Total, reg.Total)
	}
	registered := map[string]int{}
	for _, row := range r.charts[0].rows {
		registered[row.Label] = row.Count
	}
	r.basis.SetSelected("Attended")
	for i, b := range reportBreakdowns {
		if !b.countries {
			checkChart(t, "attended "+b.title, r.charts[i], b.of(att))
		}
	}
	for _, row := range r.charts[0].rows {
		if row.Count > registered[row.Label] {
			t.Errorf("gender %q: %d attended, %d registered", row.Label, row.Count, registered[row.Label])
		}
	}
	if !containsText(w, "attended at least one session") {
		t.Error("no note of who attended")
	}
	if r.cross.text(len(r.cross.rows)-1, len(r.cross.header)-1) != strconv.Itoa(att.Total) {
		t.Errorf("cross-table total %q, want %d", r.cross.text(len(r.cross.rows)-1, len(r.cross.header)-1), att.Total)
	}
	r.basis.SetSelected("Registered")
	checkChart(t, "back to registered gender", r.charts[0], reg.ByGender)
}

func TestReportsCrossTable(t *testing.T) {
	_, _, r := openReports(t)
	c := &r.stats.Registered.GenderByOrgType
	// An organisation type per row, a gender per column, totals last.
	if len(r.cross.rows) != len(c.Cols)+1 || len(r.cross.header) != len(c.Rows)+2 {
		t.Fatalf("cross-table %d×%d, want %d×%d", len(r.cross.rows), len(r.cross.header), len(c.Cols)+1, len(c.Rows)+2)
	}
	for j, o := range c.Cols {
		if r.cross.text(j, 0) != o.Label {
			t.Errorf("row %d is %q, want %q", j, r.cross.text(j, 0), o.Label)
		}
		for i := range c.Rows {
			if got := r.cross.text(j, i+1); got != strconv.Itoa(c.Counts[i][j]) {
				t.Errorf("%s × %s = %s, want %d", c.Rows[i].Label, o.Label, got, c.Counts[i][j])
			}
		}
		if got := r.cross.text(j, len(c.Rows)+1); got != strconv.Itoa(c.ColTotals[j]) {
			t.Errorf("%s total %s, want %d", o.Label, got, c.ColTotals[j])
		}
	}
	last := len(c.Cols)
	if r.cross.text(last, 0) != "Total" || r.cross.text(last, len(c.Rows)+1) != "40" {
		t.Errorf("total row %q … %q", r.cross.text(last, 0), r.cross.text(last, len(c.Rows)+1))
	}
}

func TestReportsNotGivenGender(t *testing.T) {
	u, w, r := openReports(t)
	before, _ := r.stats.Registered.ByGender.Row(store.KeyNotGiven)
	p := participantNamed(t, u, "Håkansson")
	p.Gender = store.GenderUnknown
	if err := u.st.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	u.workshop.changed()
	r = u.workshop.reports
	want := before.Count + 1
	found := false
	for _, row := range r.charts[0].rows {
		if row.Label == "Not given" {
			found = true
			if row.Count != want || !row.Muted {
				t.Errorf("Not given row = %+v, want %d, muted", row, want)
			}
		}
	}
	if !found {
		t.Fatalf("no Not given bar in %+v", r.charts[0].rows)
	}
	if !hasText(w, "Not given") || !hasText(w, chartValue(chartRow{Count: want, Percent: float64(want) * 2.5})) {
		t.Error("the Not given bar is not on screen")
	}
}

func TestReportsAttendanceTable(t *testing.T) {
	u, w, r := openReports(t)
	sessions := 0
	for _, se := range u.workshop.data.Sessions {
		if se.Type != store.Break {
			sessions++
		}
	}
	if sessions == 0 || len(r.sessionTab.rows) != sessions {
		t.Fatalf("attendance table has %d rows, want %d (the sessions other than breaks)", len(r.sessionTab.rows), sessions)
	}
	if !strings.HasPrefix(r.sessionTab.text(0, 0), "Day 1 ") {
		t.Errorf("first row %q", r.sessionTab.text(0, 0))
	}
	// The first session is over at the clock: a share; a session of the
	// last day has not started: none.
	if !strings.HasSuffix(r.sessionTab.text(0, len(r.sessionTab.header)-1), "%") {
		t.Errorf("day 1's first session shows %q of expected", r.sessionTab.text(0, len(r.sessionTab.header)-1))
	}
	if got := r.sessionTab.text(sessions-1, len(r.sessionTab.header)-1); got != "–" {
		t.Errorf("the last session shows %q of expected, want –", got)
	}
	for _, text := range []string{"Eligible", "On track", "At risk", "Not eligible", "Present", "% of expected"} {
		if !hasText(w, text) {
			t.Errorf("no %q", text)
		}
	}
	st := r.standings
	if !hasText(w, strconv.Itoa(st.Eligible)) || !hasText(w, strconv.Itoa(st.AtRisk)) || !hasText(w, strconv.Itoa(st.NotEligible)) {
		t.Errorf("counts %d / %d / %d not on screen", st.Eligible, st.AtRisk, st.NotEligible)
	}
}

func TestReportsDefaultPaper(t *testing.T) {
	_, _, r := openReports(t) // Addis Ababa
	if r.pageSize() != pdf.A4 {
		t.Errorf("Ethiopia: %s", r.pageSize())
	}
	for _, c := range []string{"US", "ca", "MX", "PH", "CL", "CO", "VE"} {
		if defaultPaper(c) != pdf.Letter {
			t.Errorf("%s: %s, want Letter", c, defaultPaper(c))
		}
	}
	for _, c := range []string{"ET", "FR", "BR", ""} {
		if defaultPaper(c) != pdf.A4 {
			t.Errorf("%q: %s, want A4", c, defaultPaper(c))
		}
	}
}

// checkFile checks that a written file exists and starts as its format
// says.
func checkFile(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(b) == 0 {
		t.Fatalf("%s is empty", path)
	}
	switch filepath.Ext(path) {
	case ".pdf":
		if !bytes.HasPrefix(b, []byte("%PDF-")) {
			t.Errorf("%s starts %q", path, b[:min(len(b), 8)])
		}
	case ".csv":
		if !bytes.HasPrefix(b, []byte("\uFEFF")) {
			t.Errorf("%s has no byte order mark: %q", path, b[:min(len(b), 8)])
		}
	case ".xlsx":
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		defer f.Close()
		if len(f.GetSheetList()) == 0 {
			t.Errorf("%s has no sheet", path)
		}
	}
}

func TestReportsExports(t *testing.T) {
	_, _, r := openReports(t)
	dir := t.TempDir()
	wantSheets := map[reportKind]int{reportAttendance: 2, reportStatistics: 8, reportAgenda: 1}
	for kind, name := range map[reportKind]string{reportAttendance: "attendance", reportStatistics: "statistics", reportAgenda: "agenda"} {
		for _, f := range []exportFormat{formatPDF, formatXLSX, formatCSV} {
			path := filepath.Join(dir, name+"."+string(f))
			written, err := r.job().exportTo(kind, f, path)
			if err != nil {
				t.Errorf("%s as %s: %v", name, f, err)
				continue
			}
			if f == formatCSV && (len(written) != wantSheets[kind] || written[0] != path) {
				t.Errorf("%s as CSV: %d files %v, want %d, the first %s", name, len(written), written, wantSheets[kind], path)
			}
			for _, p := range written {
				checkFile(t, p)
			}
			if f == formatXLSX {
				x, err := excelize.OpenFile(path)
				if err == nil {
					if n := len(x.GetSheetList()); n != wantSheets[kind] {
						t.Errorf("%s workbook has %d sheets, want %d", name, n, wantSheets[kind])
					}
					x.Close()
				}
			}
		}
	}
	// CSV files as workshopctl names them: the main table in the file
	// chosen, the others beside it.
	for _, name := range []string{"attendance.csv", "attendance-sessions.csv", "statistics.csv", "statistics-country.csv",
		"statistics-gender-by-org-type-attended.csv", "agenda.csv"} {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Error(err)
		}
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "attendance.csv")); !bytes.Contains(b, []byte("Family name")) {
		t.Error("attendance.csv does not hold the participants")
	}
	// Letter paper is the chosen size.
	r.paper.SetSelectedIndex(1)
	if r.pageSize() != pdf.Letter {
		t.Errorf("paper %s after choosing Letter", r.pageSize())
	}
	if _, err := r.job().exportTo(reportAgenda, formatPDF, filepath.Join(dir, "letter.pdf")); err != nil {
		t.Error(err)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "letter.pdf")); !bytes.Contains(b, []byte("612.00 792.00")) {
		t.Error("the Letter agenda has no Letter page (612 × 792 pt)")
	}
}

func TestReportsExportMenu(t *testing.T) {
	_, w, r := openReports(t)
	for k, label := range []string{"Attendance report…", "Statistics report…", "Printed agenda…"} {
		b := button(t, w, label)
		if b != r.exports[k] {
			t.Fatalf("button %q is not export %d", label, k)
		}
		test.Tap(b)
		menu := w.Canvas().Overlays().Top()
		if menu == nil {
			t.Fatalf("%s: no format menu", label)
		}
		var items []string
		for _, o := range test.LaidOutObjects(menu) {
			if text, ok := o.(*canvas.Text); ok && text.Text != "" {
				items = append(items, text.Text)
			}
		}
		if !slices.Equal(items, []string{"PDF…", "Excel workbook (.xlsx)…", "CSV…"}) {
			t.Errorf("%s offers %v", label, items)
		}
		menu.Hide()
		w.Canvas().Overlays().Remove(menu)
	}
}

func TestAcrossWorkshopsMenuItem(t *testing.T) {
	u, w, _ := startSampleAt(t, addisMorning)
	for _, it := range w.MainMenu().Items[0].Items {
		if it.Label == "Across workshops…" {
			it.Action()
			if u.workshop != nil || !hasText(w, "Distinct persons") {
				t.Error("the menu item did not open the series view")
			}
			return
		}
	}
	t.Fatal("no File ▸ Across workshops… item")
}

// TestReportsFollowCheckIns: marks recorded while the workshop is open
// (check-in changes the loaded data in place) show when the Reports
// section comes back into view.
func TestReportsFollowCheckIns(t *testing.T) {
	u, _, r := openReports(t)
	d := u.workshop.data
	last := len(r.sessionTab.rows) - 1
	se := d.Sessions[len(d.Sessions)-1]
	if se.Type == store.Break || r.sessionTab.text(last, 1) != "0" {
		t.Fatalf("the last session %q shows %s present", se.Title, r.sessionTab.text(last, 1))
	}
	u.showSection(sectionAttendance)
	d.SetMark(se.ID, d.Participants[0].ID, store.Mark{Status: store.Present, RecordedAt: addisMorning})
	u.showSection(sectionReports)
	if got := u.workshop.reports.sessionTab.text(last, 1); got != "1" {
		t.Errorf("after a check-in the last session shows %s present, want 1", got)
	}
}
