package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// seriesBreakdowns are the charts of the people across workshops.
var seriesBreakdowns = []reportBreakdown{
	{title: "Gender", of: func(d *store.Demographics) store.Breakdown { return d.ByGender }},
	{title: "Organisation type", of: func(d *store.Demographics) store.Breakdown { return d.ByOrgType }},
	{title: "Region", of: func(d *store.Demographics) store.Breakdown { return d.ByRegion }},
	{title: "Sub-region", of: func(d *store.Demographics) store.Breakdown { return d.BySubRegion }},
}

// seriesView is the "Across workshops" screen: the workshops of a series,
// of a year or all of them, their totals, and who came, each person
// counted once however many workshops they attended.
type seriesView struct {
	u      *App
	series *widget.Select
	year   *widget.Select
	names  []string // the series, as the options after "All workshops" name them
	years  []int    // the years, as the options after "All years" name them
	stats  *store.SeriesStats
	eval   *store.EvalSeries // the evaluations compared (evaluation_series.go)

	paper   *widget.Select
	export  *widget.Button
	body    *fyne.Container // the figures, redrawn on a change of filter
	charts  []*barChart     // one per seriesBreakdowns
	list    *summaryTable   // the workshops held
	cards   map[string]*widget.Label
	content fyne.CanvasObject
}

// showSeries opens the "Across workshops" screen in place of the current
// one.
func (u *App) showSeries() *seriesView {
	if u.st == nil {
		return nil
	}
	v := newSeriesView(u)
	u.workshop, u.home = nil, nil
	u.show(v.content)
	u.win.SetTitle(lang.L("Across workshops") + " – " + lang.L("Workshop Desk"))
	return v
}

func newSeriesView(u *App) *seriesView {
	v := &seriesView{u: u}
	list, err := u.st.Workshops()
	if err != nil {
		u.showError(err)
	}
	// The series' names as first met in the list, newest workshop first;
	// spellings that differ only in case, accents or spacing are one.
	seen := map[string]bool{}
	for _, w := range list {
		if key := seriesKey(w.Series); key != "" && !seen[key] {
			seen[key] = true
			v.names = append(v.names, strings.Join(strings.Fields(w.Series), " "))
		}
		if y := w.StartDate.Year; y != 0 && !slices.Contains(v.years, y) {
			v.years = append(v.years, y)
		}
	}
	slices.SortFunc(v.names, func(a, b string) int { return strings.Compare(store.Fold(a), store.Fold(b)) })
	slices.Sort(v.years)
	slices.Reverse(v.years)

	seriesOptions := append([]string{lang.L("All workshops")}, v.names...)
	yearOptions := []string{lang.L("All years")}
	for _, y := range v.years {
		yearOptions = append(yearOptions, strconv.Itoa(y))
	}
	v.series = widget.NewSelect(seriesOptions, func(string) { v.load() })
	v.year = widget.NewSelect(yearOptions, func(string) { v.load() })

	papers := []string{lang.L("A4"), lang.L("Letter")}
	v.paper = widget.NewSelect(papers, nil)
	v.paper.SetSelected(papers[0])
	if len(list) > 0 && defaultPaper(list[0].Country) == pdf.Letter {
		v.paper.SetSelected(papers[1])
	}
	v.export = widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), v.chooseFormat)

	back := widget.NewButtonWithIcon(lang.L("All workshops"), theme.NavigateBackIcon(), u.showHome)
	back.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(lang.L("Across workshops"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// The series' names are long: their choice takes the room left.
	filters := container.NewBorder(nil, nil, widget.NewLabel(lang.L("Series")),
		container.NewHBox(widget.NewLabel(lang.L("Year")), v.year, widget.NewSeparator(),
			v.export, widget.NewLabel(lang.L("Paper")), v.paper),
		v.series)
	top := container.NewVBox(container.NewBorder(nil, nil, back, nil, title), widget.NewSeparator(), filters)

	v.body = container.NewVBox()
	v.series.SetSelectedIndex(0)
	v.year.SetSelectedIndex(0) // loads
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil,
		container.NewVScroll(container.NewPadded(v.body)))
	return v
}

// seriesKey is the form in which series names are compared, as the store
// compares them: case, accents and spacing ignored.
func seriesKey(s string) string { return strings.Join(strings.Fields(store.Fold(s)), " ") }

// filter returns the series and year chosen ("" and 0 for any).
func (v *seriesView) filter() (string, int) {
	series, year := "", 0
	if i := v.series.SelectedIndex(); i > 0 {
		series = v.names[i-1]
	}
	if i := v.year.SelectedIndex(); i > 0 {
		year = v.years[i-1]
	}
	return series, year
}

// load reads the figures of the chosen series and year and shows them.
func (v *seriesView) load() {
	if v.body == nil || v.series.SelectedIndex() < 0 || v.year.SelectedIndex() < 0 {
		return // still being built
	}
	series, year := v.filter()
	st, err := v.u.st.Series(series, year)
	if err != nil {
		v.u.showError(err)
		return
	}
	v.stats = st
	v.show()
}

// show draws the figures.
func (v *seriesView) show() {
	st := v.stats
	v.cards = map[string]*widget.Label{}
	card := func(label, value string) fyne.CanvasObject {
		figure := widget.NewLabelWithStyle(value, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		figure.SizeName = theme.SizeNameHeadingText
		v.cards[label] = figure
		return widget.NewCard("", "", container.NewVBox(figure, widget.NewLabelWithStyle(label, fyne.TextAlignCenter, fyne.TextStyle{})))
	}
	cards := container.NewGridWithColumns(6,
		card(lang.L("Workshops held"), heldText(st)),
		card(lang.L("Registrations"), fmt.Sprint(st.Participants)),
		card(lang.L("Distinct persons"), fmt.Sprint(st.Persons)),
		card(lang.L("Sessions"), fmt.Sprint(st.Sessions)),
		card(lang.L("Hours"), decimal(store.RoundHours(st.Hours.Hours()))),
		card(lang.L("Certificates"), fmt.Sprint(st.Certificates)),
	)
	v.export.Enable()
	if len(st.Workshops) == 0 {
		v.export.Disable()
		none := widget.NewLabel(lang.L("No workshop matches this series and year."))
		none.Importance = widget.LowImportance
		v.list, v.charts = nil, nil
		v.body.Objects = []fyne.CanvasObject{cards, none}
		v.body.Refresh()
		return
	}

	header := []string{lang.L("Code"), lang.L("Title"), lang.L("City"), lang.L("Dates"), lang.L("Participants")}
	rows := make([]tableRow, len(st.Workshops))
	for i, w := range st.Workshops {
		rows[i] = tableRow{cells: []string{w.Code, w.Title, w.City, formatDates(w.StartDate, w.EndDate), fmt.Sprint(w.Participants)}}
	}
	v.list = newSummaryTable(header, rows, 1, func(col int) bool { return col == 4 })

	v.charts = make([]*barChart, len(seriesBreakdowns))
	chartCards := make([]fyne.CanvasObject, len(seriesBreakdowns))
	for i, b := range seriesBreakdowns {
		v.charts[i] = newBarChart(breakdownRows(b, &st.People), st.People.Total)
		chartCards[i] = chartCard(lang.L(b.title), v.charts[i])
	}
	people := widget.NewLabel(lang.L("Each person is counted once, however many of these workshops they came to, with what they last told us."))
	people.Wrapping = fyne.TextWrapWord
	people.TextStyle.Italic = true
	v.body.Objects = []fyne.CanvasObject{
		cards,
		chartCard(lang.L("Workshops"), v.list.content),
		heading(lang.L("People")), people,
		container.New(cardGrid{cols: 2}, chartCards...),
	}
	if card := v.evaluationCard(); card != nil { // evaluation_series.go
		v.body.Objects = append(v.body.Objects, card)
	}
	v.body.Refresh()
}

// pageSize returns the paper chosen.
func (v *seriesView) pageSize() pdf.PageSize {
	if v.paper.SelectedIndex() == 1 {
		return pdf.Letter
	}
	return pdf.A4
}

// fileName suggests the name of the report's file.
func (v *seriesView) fileName(f exportFormat) string {
	name := "all-workshops"
	if v.stats.Series != "" {
		name = report.FileNamePart(v.stats.Series)
	}
	if v.stats.Year != 0 {
		name += "-" + strconv.Itoa(v.stats.Year)
	}
	return name + "." + string(f)
}

// chooseFormat offers PDF or Excel under the export button.
func (v *seriesView) chooseFormat() {
	menu := fyne.NewMenu("",
		fyne.NewMenuItem(lang.L("PDF…"), func() {
			st, es, size := v.stats, v.eval, v.pageSize()
			savePDF(v.u, v.fileName(formatPDF), func(path string) error { return writeSeries(st, es, size, formatPDF, path) }, nil)
		}),
		fyne.NewMenuItem(lang.L("Excel workbook (.xlsx)…"), v.saveXLSX),
	)
	c := fyne.CurrentApp().Driver().CanvasForObject(v.export)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.export).Add(fyne.NewPos(0, v.export.Size().Height))
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

// saveXLSX asks where to save the workbook, then writes it.
func (v *seriesView) saveXLSX() {
	askSavePath(v.u, v.fileName(formatXLSX), ".xlsx", func(path string) {
		st, es, size := v.stats, v.eval, v.pageSize() // the view may recompute its figures meanwhile
		runInBackground(v.u, lang.L("Writing the report…"), func() error { return writeSeries(st, es, size, formatXLSX, path) }, func() {
			dialog.ShowInformation(lang.L("Report saved"), path, v.u.win)
		})
	})
}

// exportTo writes the report to path: a PDF on the paper chosen, or an
// Excel workbook.
func (v *seriesView) exportTo(f exportFormat, path string) error {
	return writeSeries(v.stats, v.eval, v.pageSize(), f, path)
}

// writeSeries writes the series report st to path in format f, a PDF on
// paper size (ops.WriteReport); it may run in the background.
func writeSeries(st *store.SeriesStats, es *store.EvalSeries, size pdf.PageSize, f exportFormat, path string) error {
	_, err := ops.WriteReport(ops.ReportRequest{Kind: ops.ReportSeries, Series: st, EvalSeries: es, Format: string(f), Out: path, Paper: size})
	return err
}

// heldText is the number of workshops held, with those still to begin:
// "1 + 1 planned".
func heldText(st *store.SeriesStats) string {
	if planned := len(st.Workshops) - st.Held; planned > 0 {
		return fmt.Sprintf(lang.L("%d + %d planned"), st.Held, planned)
	}
	return fmt.Sprint(st.Held)
}
