package pdf

import (
	"fmt"
	"io"
	"strconv"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// roundingNote is the footnote of every page that shows percentages.
const roundingNote = "Percentages may not add up to 100 because of rounding."

// StatisticsReport writes the participation statistics of d for donors as
// a PDF to w, on portrait A4 or Letter (size): the tables of
// report.Statistics, each breakdown (gender, country, region, sub-region,
// organisation type, role) drawn as a table with horizontal bars for the
// registered and for those who attended, with counts and percentages, and
// the gender × organisation type cross-tables. The workshop and its dates
// head every page; the footer notes that percentages may not add up to
// 100 because of rounding, and says "Page x of y".
func StatisticsReport(d *store.WorkshopData, w io.Writer, size PageSize, opts ...Option) error {
	return StatisticsReportWith(d, nil, w, size, opts...)
}

// StatisticsReportWith is StatisticsReport with the headline figures of
// the workshop's evaluation (response rate, satisfaction, relevance,
// would recommend) after the participation figures, when eval holds
// forms (evaluation_report.go).
func StatisticsReportWith(d *store.WorkshopData, eval *store.EvaluationSummary, w io.Writer, size PageSize, opts ...Option) error {
	r, err := statisticsDoc(d, report.Statistics(d), size, opts...)
	if err != nil {
		return err
	}
	r.evaluationHeadline(eval)
	return r.finish(w)
}

func statisticsDoc(d *store.WorkshopData, tables []sheet.Table, size PageSize, opts ...Option) (*reportDoc, error) {
	ws := &d.Workshop
	r, err := newReport(size, Portrait, "Participation statistics – "+ws.Title, opts...)
	if err != nil {
		return nil, err
	}
	r.kicker = "PARTICIPATION STATISTICS"
	r.title = ws.Title
	r.subtitle = workshopLine(ws)
	r.corner = ws.Series
	r.footLeft = roundingNote
	if ws.Code != "" {
		r.footLeft = ws.Code + " · " + roundingNote
	}

	var ts []tile
	if g, ok := findTable(tables, report.GenderTable); ok && len(g.Rows) > 0 {
		total := g.Rows[len(g.Rows)-1]
		reg, _ := total[1].(int)
		att, _ := total[3].(int)
		ts = append(ts, tile{strconv.Itoa(reg), "registered"},
			tile{strconv.Itoa(att), fmt.Sprintf("attended (%s%% of registered)", percentCell(sharePercent(att, reg)))})
		for _, row := range g.Rows {
			if row[0] == "Female" {
				ts = append(ts, tile{percentCell(row[2]) + "%", "women among the registered"})
			}
		}
	}
	if c, ok := findTable(tables, report.CountryTable); ok {
		ts = append(ts, tile{strconv.Itoa(countryCount(c)), "countries"})
	}
	r.tiles(ts)
	r.note("Registered: everyone registered for the workshop. Attended: those marked present or late at one or more sessions that applied to them. " +
		"Each percentage is of its group's total. Missing answers are counted as “Not given”, never left out.")
	r.chartTables(tables, false)
	return r, nil
}

// sharePercent returns part as a percentage of whole, one decimal; nil when whole
// is 0.
func sharePercent(part, whole int) any {
	if whole == 0 {
		return nil
	}
	return float64(int(float64(part)*1000/float64(whole)+0.5)) / 10
}

// countryCount counts the rows of a country breakdown that name a country
// someone comes from: not the total, not "Not given".
func countryCount(t sheet.Table) int {
	n := 0
	for _, row := range t.Rows {
		if row[0] == report.TotalLabel || row[0] == "Not given" {
			continue
		}
		if c, _ := row[1].(int); c > 0 {
			n++
		}
	}
	return n
}

// SeriesReport writes the report of a series of workshops (store.Series)
// as a PDF to w, on landscape A4 or Letter (size): key figures, the
// workshops one per row, then the distinct persons by gender, country,
// region, sub-region, organisation type and role with bars, and the
// gender × organisation type cross-table (report.SeriesTables).
func SeriesReport(s *store.SeriesStats, w io.Writer, size PageSize, opts ...Option) error {
	r, err := seriesDoc(s, report.SeriesTables(s), size, opts...)
	if err != nil {
		return err
	}
	return r.finish(w)
}

func seriesDoc(s *store.SeriesStats, tables []sheet.Table, size PageSize, opts ...Option) (*reportDoc, error) {
	title := "All workshops"
	if s.Series != "" {
		title = s.Series
	}
	period := "All years"
	if s.Year != 0 {
		period = strconv.Itoa(s.Year)
	}
	r, err := newReport(size, Landscape, "Series report – "+title, opts...)
	if err != nil {
		return nil, err
	}
	r.kicker = "SERIES REPORT"
	r.title = title
	r.subtitle = period + " · " + reportPlural(len(s.Workshops), "workshop")
	if n := len(s.Workshops); n > 0 {
		r.subtitle += " · " + dateSpan(s.Workshops[0].StartDate, s.Workshops[n-1].EndDate)
	}
	r.footLeft = title + " · " + period + " · " + roundingNote

	r.tiles([]tile{
		{strconv.Itoa(len(s.Workshops)), "workshops"},
		{strconv.Itoa(s.Participants), "registrations"},
		{strconv.Itoa(s.Persons), "distinct persons"},
		{strconv.Itoa(s.Sessions), "sessions delivered"},
		{hoursCell(float64(int(s.Hours.Hours()*10+0.5)) / 10), "programme hours"},
		{strconv.Itoa(s.Certificates), "certificates issued"},
	})
	r.note("A person registered at several workshops counts once among the distinct persons (same email, or same name and organisation), with the latest details they gave.")
	if t, ok := findTable(tables, report.WorkshopsTable); ok {
		r.heading("Workshops", 20)
		r.table(tableSpec{heading: "Workshops", rows: t.Rows, empty: "No workshop matches.", cols: []column{
			{title: t.Header[0], w: 22, src: 0, lines: 2},
			{title: t.Header[1], w: 66, src: 1, lines: 2, style: "B"},
			{title: t.Header[2], w: 34, src: 2, lines: 2},
			{title: t.Header[3], w: 22, src: 3, lines: 2},
			{title: t.Header[4], w: 22, src: 4, lines: 2},
			{title: t.Header[5], w: 19, src: 5, format: dayCell},
			{title: t.Header[6], w: 19, src: 6, format: dayCell},
			{title: t.Header[7], w: 20, src: 7, align: AlignRight},
			{title: t.Header[8], w: 16, src: 8, align: AlignRight},
			{title: t.Header[9], w: 13, src: 9, align: AlignRight, format: hoursCell},
			{title: t.Header[10], w: 20, src: 10, align: AlignRight},
		}})
	}
	r.chartTables(tables, true)
	return r, nil
}

// reportPlural returns "1 workshop", "3 workshops".
func reportPlural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

// dayCell writes a date as "26 Nov 2026".
func dayCell(v any) string {
	if d, ok := v.(store.Date); ok && !d.IsZero() {
		return fmt.Sprintf("%d %s %d", d.Day, d.Month.String()[:3], d.Year)
	}
	return plainCell(v)
}
