package ui

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// reportKind is one of the reports the Reports section exports.
type reportKind int

// The reports.
const (
	reportAttendance reportKind = iota
	reportStatistics
	reportAgenda
)

// exportFormat is the kind of file a report is written as.
type exportFormat string

// The formats, named as the files' extensions.
const (
	formatPDF  exportFormat = "pdf"
	formatXLSX exportFormat = "xlsx"
	formatCSV  exportFormat = "csv"
)

// reportBreakdown is one chart of the participation statistics.
type reportBreakdown struct {
	title string
	of    func(*store.Demographics) store.Breakdown
	// countries are many: the chart keeps the largest and folds the
	// others into one bar.
	countries bool
}

// reportBreakdowns are the charts in order, two to a row: the short ones
// side by side.
var reportBreakdowns = []reportBreakdown{
	{title: "Gender", of: func(d *store.Demographics) store.Breakdown { return d.ByGender }},
	{title: "Organisation type", of: func(d *store.Demographics) store.Breakdown { return d.ByOrgType }},
	{title: "Role", of: func(d *store.Demographics) store.Breakdown { return d.ByRole }},
	{title: "Region", of: func(d *store.Demographics) store.Breakdown { return d.ByRegion }},
	{title: "Sub-region", of: func(d *store.Demographics) store.Breakdown { return d.BySubRegion }},
	{title: "Country", of: func(d *store.Demographics) store.Breakdown { return d.ByCountry }, countries: true},
}

// topCountries is how many countries a chart shows before "Other
// countries".
const topCountries = 15

// breakdownRows makes the chart rows of one breakdown.
func breakdownRows(rb reportBreakdown, d *store.Demographics) []chartRow {
	b := rb.of(d)
	if rb.countries {
		return topRows(b, topCountries, lang.L("Other countries (%d)"))
	}
	return chartRows(b, true)
}

// letterCountries use US Letter paper; everyone else A4.
var letterCountries = []string{"US", "CA", "MX", "PH", "CL", "CO", "VE"}

// defaultPaper is the paper size usual in a country.
func defaultPaper(country string) pdf.PageSize {
	if slices.Contains(letterCountries, strings.ToUpper(strings.TrimSpace(country))) {
		return pdf.Letter
	}
	return pdf.A4
}

// reportsSection is a workshop's Reports section: the participation
// figures donors ask for as charts, on the registered or on those who
// attended; the attendance of each session; and the exports of the
// attendance report, the statistics and the printed agenda as PDF, Excel
// or CSV.
type reportsSection struct {
	ws     *workshopScreen
	stats  *store.ParticipationStats
	attend *store.AttendanceStats
	// standings are the counts of the cards, as the grid and Certificates
	// count them.
	standings store.StandingCounts
	sessions  sheet.Table // the attendance report's table of sessions

	basis      *widget.RadioGroup
	basisNote  *widget.Label
	charts     []*barChart // one per reportBreakdowns
	cross      *summaryTable
	crossBox   *fyne.Container // holds cross
	attendBox  *fyne.Container // the attendance counts and table
	sessionTab *summaryTable
	paper      *widget.Select
	exports    [3]*widget.Button // by reportKind
	content    *reportsPage
}

// The basis switch's choices.
var basisChoices = []string{"Registered", "Attended"}

func newReportsSection(ws *workshopScreen) *reportsSection {
	r := &reportsSection{ws: ws}
	ws.reports = r
	d := ws.data
	// Exports.
	papers := []string{lang.L("A4"), lang.L("Letter")}
	r.paper = widget.NewSelect(papers, nil)
	r.paper.SetSelected(papers[0])
	if defaultPaper(d.Workshop.Country) == pdf.Letter {
		r.paper.SetSelected(papers[1])
	}
	for k, name := range []string{"Attendance report…", "Statistics report…", "Printed agenda…"} {
		kind := reportKind(k)
		var b *widget.Button
		b = widget.NewButtonWithIcon(lang.L(name), theme.DownloadIcon(), func() { r.chooseFormat(kind, b) })
		r.exports[k] = b
	}
	exports := container.NewHBox(r.exports[0], r.exports[1], r.exports[2],
		widget.NewLabel(lang.L("Paper")), r.paper)

	// Participation.
	labels := make([]string, len(basisChoices))
	for i, l := range basisChoices {
		labels[i] = lang.L(l)
	}
	r.basis = widget.NewRadioGroup(labels, func(string) { r.showBasis() })
	r.basis.Horizontal = true
	r.basis.Required = true
	r.basisNote = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	cards := make([]fyne.CanvasObject, len(reportBreakdowns))
	r.charts = make([]*barChart, len(reportBreakdowns))
	for i, rb := range reportBreakdowns {
		r.charts[i] = newBarChart(nil, 0)
		cards[i] = chartCard(lang.L(rb.title), r.charts[i])
	}
	r.crossBox = container.NewStack()
	r.basis.SetSelected(labels[0])
	participation := container.NewVBox(
		heading(lang.L("Participation")),
		container.NewHBox(r.basis, r.basisNote),
		container.New(cardGrid{cols: 2}, cards...),
		chartCard(lang.L("Gender by organisation type"), r.crossBox),
	)

	// Attendance.
	r.attendBox = container.NewVBox()
	attendance := container.NewVBox(heading(lang.L("Attendance")), r.attendBox)

	r.reload()
	page := container.NewVScroll(container.NewPadded(container.NewVBox(participation, widget.NewSeparator(), attendance)))
	r.content = newReportsPage(r, container.NewBorder(container.NewPadded(exports), nil, nil, nil, page))
	return r
}

// reload computes the figures afresh from the loaded workshop at the
// clock's time and redraws them.
func (r *reportsSection) reload() {
	d, now := r.ws.data, r.ws.u.now()
	r.stats = store.Participation(d)
	r.attend = store.Compute(d, now)
	r.sessions, _ = report.Attendance(d, now)
	r.showBasis()

	r.sessionTab = r.sessionTable()
	st := r.attend
	ov, err := r.ws.u.st.Overrides(d.Workshop.ID)
	if err != nil {
		fyne.LogError("read the certificate decisions", err)
	}
	r.standings = store.CountStandings(store.EligibilityOf(d, st, ov))
	counts := container.NewGridWithColumns(4,
		statCard(lang.L("Eligible"), fmt.Sprint(r.standings.Eligible)),
		statCard(lang.L("On track"), fmt.Sprint(r.standings.OnTrack)),
		statCard(lang.L("At risk"), fmt.Sprint(r.standings.AtRisk)),
		statCard(lang.L("Not eligible"), fmt.Sprint(r.standings.NotEligible)),
	)
	rule := widget.NewLabel(lang.L("Certificate rule:") + " " + ruleText(st.Rule))
	rule.Wrapping = fyne.TextWrapWord
	rule.TextStyle.Italic = true
	r.attendBox.Objects = []fyne.CanvasObject{counts, rule, chartCard(lang.L("Sessions"), r.sessionTab.content)}
	r.attendBox.Refresh()
}

// reportsPage holds the Reports section's content and reads the figures
// afresh each time the section comes into view: check-in and the
// attendance grid change the loaded marks without rebuilding the
// workshop's screen.
type reportsPage struct {
	widget.BaseWidget
	r       *reportsSection
	content fyne.CanvasObject
}

func newReportsPage(r *reportsSection, content fyne.CanvasObject) *reportsPage {
	p := &reportsPage{r: r, content: content}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer implements fyne.Widget.
func (p *reportsPage) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(p.content)
}

// Show implements fyne.CanvasObject: the tabs show the selected section's
// content on every layout, so only coming back from hidden reloads.
func (p *reportsPage) Show() {
	if !p.Visible() {
		p.r.reload()
	}
	p.BaseWidget.Show()
}

// heading is the title of a part of a page.
func heading(text string) *widget.Label {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.SizeName = theme.SizeNameSubHeadingText
	return l
}

// chartCard frames a chart or table under its title.
func chartCard(title string, body fyne.CanvasObject) fyne.CanvasObject {
	t := widget.NewLabelWithStyle(title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	return widget.NewCard("", "", container.NewBorder(t, nil, nil, nil, body))
}

// attended reports whether the basis switch is on those who attended.
func (r *reportsSection) attended() bool {
	return r.basis.Selected == lang.L(basisChoices[1])
}

// demographics returns the figures of the chosen basis.
func (r *reportsSection) demographics() *store.Demographics {
	if r.attended() {
		return &r.stats.Attended
	}
	return &r.stats.Registered
}

// showBasis redraws the charts and the cross-table on the chosen basis.
func (r *reportsSection) showBasis() {
	if r.stats == nil {
		return // not computed yet
	}
	d := r.demographics()
	for i, rb := range reportBreakdowns {
		r.charts[i].SetRows(breakdownRows(rb, d), d.Total)
	}
	if r.attended() {
		r.basisNote.SetText(fmt.Sprintf(lang.L("%d of %d registered attended at least one session"), d.Total, r.stats.Registered.Total))
	} else {
		r.basisNote.SetText(count(d.Total, "{{.Count}} participant registered", "{{.Count}} participants registered"))
	}
	r.cross = crossTableOf(&d.GenderByOrgType)
	r.crossBox.Objects = []fyne.CanvasObject{r.cross.content}
	r.crossBox.Refresh()
}

// crossTableOf shows the gender × organisation type table with an
// organisation type per row and a gender per column, which fits the
// screen better than the other way round, and the totals.
func crossTableOf(c *store.CrossTable) *summaryTable {
	header := []string{lang.L("Organisation type")}
	for _, g := range c.Rows {
		header = append(header, lang.L(g.Label))
	}
	header = append(header, lang.L("Total"))
	rows := make([]tableRow, 0, len(c.Cols)+1)
	for j, o := range c.Cols {
		cells := []string{lang.L(o.Label)}
		for i := range c.Rows {
			cells = append(cells, fmt.Sprint(c.Counts[i][j]))
		}
		rows = append(rows, tableRow{cells: append(cells, fmt.Sprint(c.ColTotals[j]))})
	}
	total := []string{lang.L("Total")}
	for i := range c.Rows {
		total = append(total, fmt.Sprint(c.RowTotals[i]))
	}
	rows = append(rows, tableRow{cells: append(total, fmt.Sprint(c.Total)), bold: true})
	return newSummaryTable(header, rows, 0, func(col int) bool { return col > 0 })
}

// sessionTable shows the attendance of each session other than breaks,
// from the attendance report, so that screen and report agree.
func (r *reportsSection) sessionTable() *summaryTable {
	t := r.sessions
	col := func(name string) int { return slices.Index(t.Header, name) }
	date, start, title := col("Date"), col("Start"), col("Session")
	numbers := []int{col("Present"), col("Late"), col("Excused"), col("Absent"), col("Not applicable"), col("Pending"), col("Expected")}
	pct := col("% of expected")
	header := []string{lang.L("Session"), lang.L("Present"), lang.L("Late"), lang.L("Excused"), lang.L("Absent"),
		lang.L("N/A"), lang.L("Pending"), lang.L("Expected"), lang.L("% of expected")}
	w := r.ws.data.Workshop
	rows := make([]tableRow, 0, len(t.Rows))
	for _, row := range t.Rows {
		day := report.DayNumber(w, r.ws.data.Sessions, row[date].(store.Date))
		cells := []string{fmt.Sprintf(lang.L("Day %d %s – %s"), day, row[start], row[title])}
		for _, c := range numbers {
			cells = append(cells, fmt.Sprint(row[c]))
		}
		share := "–"
		if v, ok := row[pct].(float64); ok {
			share = percent(v)
		}
		rows = append(rows, tableRow{cells: append(cells, share)})
	}
	return newSummaryTable(header, rows, 0, func(col int) bool { return col > 0 })
}

// pageSize returns the paper chosen.
func (r *reportsSection) pageSize() pdf.PageSize {
	if r.paper.SelectedIndex() == 1 {
		return pdf.Letter
	}
	return pdf.A4
}

// chooseFormat offers the formats of a report under its button.
func (r *reportsSection) chooseFormat(kind reportKind, b *widget.Button) {
	item := func(label string, f exportFormat) *fyne.MenuItem {
		return fyne.NewMenuItem(lang.L(label), func() { r.export(kind, f) })
	}
	menu := fyne.NewMenu("",
		item("PDF…", formatPDF),
		item("Excel workbook (.xlsx)…", formatXLSX),
		item("CSV…", formatCSV),
	)
	c := fyne.CurrentApp().Driver().CanvasForObject(b)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b).Add(fyne.NewPos(0, b.Size().Height))
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

// fileName suggests the name of a report's file.
func (r *reportsSection) fileName(kind reportKind, f exportFormat) string {
	suffix := [...]string{"attendance", "statistics", "agenda"}[kind]
	return r.ws.data.Workshop.Code + "-" + suffix + "." + string(f)
}

// export asks where to save a report, then writes it.
func (r *reportsSection) export(kind reportKind, f exportFormat) {
	u := r.ws.u
	if f == formatPDF {
		job := r.job()
		savePDF(u, r.fileName(kind, f), func(path string) error {
			_, err := job.exportTo(kind, f, path)
			return err
		}, nil)
		return
	}
	askSavePath(u, r.fileName(kind, f), "."+string(f), func(path string) {
		var written []string
		job := r.job()
		runInBackground(u, lang.L("Writing the report…"), func() (err error) {
			written, err = job.exportTo(kind, f, path)
			return err
		}, func() {
			dialog.ShowInformation(lang.L("Report saved"), strings.Join(written, "\n"), u.win)
		})
	})
}

// reportJob is what writing a report needs, taken on the UI goroutine:
// a copy of the workshop's data, which check-ins may change meanwhile, the
// time and the paper. Its methods may run in the background.
type reportJob struct {
	st   *store.Store
	d    *store.WorkshopData
	now  time.Time
	size pdf.PageSize
	csv  rune // the CSV delimiter
}

// job takes what a report of the workshop on screen needs.
func (r *reportsSection) job() reportJob {
	return reportJob{st: r.ws.u.st, d: r.ws.data.Clone(), now: r.ws.u.now(), size: r.pageSize(), csv: r.ws.u.csvDelimiter()}
}

// request is the ops.WriteReport request of a report in format f at path.
func (j reportJob) request(kind reportKind, f exportFormat, path string) (ops.ReportRequest, error) {
	req := ops.ReportRequest{Kind: ops.ReportKinds[kind], Data: j.d, Format: string(f), Out: path, Paper: j.size, Now: j.now, Delimiter: j.csv}
	if kind == reportAttendance {
		// The decisions taken by hand, which the attendance report shows
		// as the Certificates section does.
		ov, err := j.st.Overrides(j.d.Workshop.ID)
		if err != nil {
			return req, fmt.Errorf("read the certificate decisions: %w", err)
		}
		req.Overrides = ov
	}
	if kind == reportStatistics { // the evaluation's headline figures
		sum, _, err := ops.SummariseEvaluation(j.st, j.d)
		if err != nil {
			return req, fmt.Errorf("read the evaluation: %w", err)
		}
		req.Evaluation = sum
	}
	return req, nil
}

// exportTo writes a report to path in format f and returns the files
// written: one, except for a CSV export of several tables (report.CSVFiles
// names them). The PDF is on the job's paper.
func (j reportJob) exportTo(kind reportKind, f exportFormat, path string) ([]string, error) {
	req, err := j.request(kind, f, path)
	if err != nil {
		return nil, err
	}
	run, err := ops.WriteReport(req)
	if err != nil {
		return nil, err
	}
	written := make([]string, len(run.Files))
	for i, file := range run.Files {
		written[i] = file.Path
	}
	return written, nil
}
