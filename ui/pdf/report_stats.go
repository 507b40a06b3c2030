package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// StatisticsReport writes the participation statistics of d for donors as
// a PDF to w, on portrait A4 or Letter (size): the tables of
// report.Statistics, each breakdown (gender, country, region, sub-region,
// organisation type, role) drawn as a table with horizontal bars for the
// registered and for those who attended, with counts and percentages, and
// the gender × organisation type cross-tables. The workshop and its dates
// head every page; the footer notes that percentages may not add up to
// 100 because of rounding, and says "Page x of y". It is in the
// workshop's working language, or the one an option gives (Language).
func StatisticsReport(d *store.WorkshopData, w io.Writer, size PageSize, opts ...Option) error {
	return StatisticsReportWith(d, StatisticsExtras{}, w, size, opts...)
}

// StatisticsExtras are the figures the donor statistics report adds after
// the participation figures when the workshop has them.
type StatisticsExtras struct {
	// Evaluation gives the evaluation's headline figures (response rate,
	// satisfaction, relevance, would recommend) when it holds forms
	// (evaluation_report.go).
	Evaluation *store.EvaluationSummary
	// Learning gives the pre- and post-test figures by gender, region and
	// organisation type when participants took both (report_learning.go).
	Learning *store.Learning
}

// StatisticsReportWith is StatisticsReport with the extras the workshop
// has.
func StatisticsReportWith(d *store.WorkshopData, x StatisticsExtras, w io.Writer, size PageSize, opts ...Option) error {
	r, err := statisticsDoc(d, report.Statistics(d), size, opts...)
	if err != nil {
		return err
	}
	r.evaluationHeadline(x.Evaluation)
	if l := x.Learning; l != nil && l.Paired > 0 {
		gt := report.LocalizeCells(report.LearningGroups(l), r.lang)
		spec := plainSpec(gt, []float64{26, 40, 14, 18, 18, 18}, 2)
		spec.heading = report.Word(r.lang, report.LearningGroupsTable) + evalLearnWording[r.lang].prePost
		r.heading(spec.heading, 24)
		r.table(spec)
	}
	return r.finish(w)
}

func statisticsDoc(d *store.WorkshopData, tables []sheet.Table, size PageSize, opts ...Option) (*reportDoc, error) {
	ws := &d.Workshop
	lang := printLanguage(ws, opts)
	w := reportWording[lang]
	r, err := newReport(size, Portrait, w.statsTitle+" – "+ws.Title, opts...)
	if err != nil {
		return nil, err
	}
	r.setLanguage(lang)
	r.kicker = w.statsKicker
	r.title = ws.Title
	r.subtitle = r.workshopLine(ws)
	r.corner = ws.Series
	r.footLeft = w.rounding
	if ws.Code != "" {
		r.footLeft = ws.Code + " · " + w.rounding
	}
	n := func(v int) string { return store.Number(lang, float64(v), 0) }

	var ts []tile
	if g, ok := findTable(tables, report.GenderTable); ok && len(g.Rows) > 0 {
		total := g.Rows[len(g.Rows)-1]
		reg, _ := total[1].(int)
		att, _ := total[3].(int)
		ts = append(ts, tile{n(reg), w.registered},
			tile{n(att), fmt.Sprintf(w.attendedOf, r.percentSign(sharePercent(att, reg)))})
		for _, row := range g.Rows {
			if row[0] == "Female" {
				ts = append(ts, tile{r.percentSign(row[2]), w.women})
			}
		}
	}
	if c, ok := findTable(tables, report.CountryTable); ok {
		ts = append(ts, tile{n(countryCount(c)), w.countries})
	}
	r.tiles(ts)
	r.note(w.statsNote)
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

// percentSign writes a percentage with one decimal and its sign, in the
// report's language: "52.5%", "52,5 %"; "–%" when there is none.
func (r *reportDoc) percentSign(v any) string {
	f, ok := v.(float64)
	if !ok {
		return percentCell(v) + "%"
	}
	s := store.Percent(r.lang, f)
	if f == float64(int(f)) { // keep the one decimal: "50.0%"
		whole := store.Number(r.lang, f, 0)
		s = strings.Replace(s, whole, fixed1(r.lang, f), 1)
	}
	return s
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
// gender × organisation type cross-table (report.SeriesTables). It is in
// English, or the language an option gives (Language).
func SeriesReport(s *store.SeriesStats, w io.Writer, size PageSize, opts ...Option) error {
	r, err := seriesDoc(s, report.SeriesTables(s), size, opts...)
	if err != nil {
		return err
	}
	return r.finish(w)
}

func seriesDoc(s *store.SeriesStats, tables []sheet.Table, size PageSize, opts ...Option) (*reportDoc, error) {
	lang := printLanguage(nil, opts)
	w := reportWording[lang]
	title := w.allWorkshops
	if s.Series != "" {
		title = s.Series
	}
	period := w.allYears
	if s.Year != 0 {
		period = strconv.Itoa(s.Year)
	}
	r, err := newReport(size, Landscape, w.seriesTitle+" – "+title, opts...)
	if err != nil {
		return nil, err
	}
	r.setLanguage(lang)
	r.kicker = w.seriesKicker
	r.title = title
	r.subtitle = period + " · " + store.Count(lang, len(s.Workshops), w.workshopForms...)
	if n := len(s.Workshops); n > 0 {
		if lang == "en" {
			r.subtitle += " · " + dateSpan(s.Workshops[0].StartDate, s.Workshops[n-1].EndDate)
		} else {
			r.subtitle += " · " + periodText(lang, s.Workshops[0].StartDate, s.Workshops[n-1].EndDate)
		}
	}
	r.footLeft = title + " · " + period + " · " + w.rounding

	n := func(v int) string { return store.Number(lang, float64(v), 0) }
	r.tiles([]tile{
		{n(len(s.Workshops)), w.workshops},
		{n(s.Participants), w.registrations},
		{n(s.Persons), w.persons},
		{n(s.Sessions), w.delivered},
		{r.hours(float64(int(s.Hours.Hours()*10+0.5)) / 10), w.programmeHours},
		{n(s.Certificates), w.certificates},
	})
	r.note(w.seriesNote)
	if t, ok := findTable(tables, report.WorkshopsTable); ok {
		t = report.LocalizeCells(LocalizeCountries(t, lang), lang)
		r.heading(report.Word(lang, "Workshops"), 20)
		r.table(tableSpec{heading: report.Word(lang, "Workshops"), rows: t.Rows, empty: w.noWorkshop, cols: []column{
			{title: t.Header[0], w: 22, src: 0, lines: 2},
			{title: t.Header[1], w: 66, src: 1, lines: 2, style: "B"},
			{title: t.Header[2], w: 34, src: 2, lines: 2},
			{title: t.Header[3], w: 22, src: 3, lines: 2},
			{title: t.Header[4], w: 22, src: 4, lines: 2},
			{title: t.Header[5], w: 19, src: 5, format: r.day},
			{title: t.Header[6], w: 19, src: 6, format: r.day},
			{title: t.Header[7], w: 20, src: 7, align: AlignRight},
			{title: t.Header[8], w: 16, src: 8, align: AlignRight},
			{title: t.Header[9], w: 13, src: 9, align: AlignRight, format: r.hours},
			{title: t.Header[10], w: 20, src: 10, align: AlignRight},
		}})
	}
	r.chartTables(tables, true)
	return r, nil
}

// day writes a date briefly in the report's language: "26 Nov 2026",
// "26 nov. 2026", "2026年11月26日".
func (r *reportDoc) day(v any) string {
	if d, ok := v.(store.Date); ok && !d.IsZero() {
		if r.lang == "zh" || r.lang == "ar" {
			return store.LongDate(r.lang, d)
		}
		// ShortDate without its weekday.
		s := store.ShortDate(r.lang, d)
		return s[strings.Index(s, " ")+1:]
	}
	return r.plain(v)
}
