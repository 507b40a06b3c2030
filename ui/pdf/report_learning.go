package pdf

import (
	"fmt"
	"io"
	"math"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// LearningReport writes the learning report of a workshop as a PDF to w:
// the key paired figures (mean pre, mean post, normalised gain, share
// improved and passed), the distribution of scores before and after as
// bars, the share of right answers to each question before and after, the
// paired figures by gender, region and organisation type, and each
// participant's scores — the tables of report.Learning.
func LearningReport(d *store.WorkshopData, l *store.Learning, w io.Writer, size PageSize, opts ...Option) error {
	ws := &d.Workshop
	lang := printLanguage(ws, opts)
	lw := evalLearnWording[lang]
	r, err := newReport(size, Portrait, lw.lrTitle+" – "+ws.Title, opts...)
	if err != nil {
		return err
	}
	r.setLanguage(lang)
	r.kicker = lw.lrKicker
	r.title = ws.Title
	r.subtitle = r.workshopLine(ws)
	r.corner = ws.Series
	r.footLeft = ws.Code
	tables := report.Learning(l, lang)
	whole := func(v float64) string { return store.Percent(lang, math.Round(v)) }

	ts := []tile{{r.count(l.Paired), lw.tookBoth}}
	if l.Paired > 0 {
		ts = append(ts, tile{whole(l.MeanPre), lw.meanPre},
			tile{whole(l.MeanPost), lw.meanPost},
			tile{r.twoDecimals(l.MeanNormGain), lw.meanNorm},
			tile{whole(l.Improved), lw.improved})
	}
	if l.HasPassMark {
		ts = append(ts, tile{whole(l.Passed), fmt.Sprintf(lw.passed, store.Percent(lang, l.PostQuiz.PassMark))})
	}
	r.tiles(ts)
	r.note(lw.lrNote)

	if dist, ok := findTable(tables, report.LearningDistributionTable); ok {
		dist = report.LocalizeCells(dist, lang)
		spec := r.breakdownSpec(dist, false)
		spec.heading = report.Word(lang, dist.Name)
		r.room(16 + float64(len(dist.Rows))*rpRowH + 8)
		r.heading(spec.heading, 24)
		r.table(spec)
	}
	if qt, ok := findTable(tables, report.LearningQuestionsTable); ok {
		r.heading(report.Word(lang, qt.Name), 24)
		r.table(r.questionsSpec(qt))
	}
	if gt, ok := findTable(tables, report.LearningGroupsTable); ok && len(gt.Rows) > 0 {
		spec := plainSpec(report.LocalizeCells(gt, lang), []float64{26, 40, 14, 18, 18, 18}, 2)
		spec.heading = report.Word(lang, gt.Name)
		r.heading(spec.heading, 24)
		r.table(spec)
	}
	if pt, ok := findTable(tables, report.LearningParticipantsTable); ok {
		spec := plainSpec(report.LocalizeCells(pt, lang), []float64{16, 26, 24, 34, 13, 13, 13, 14, 11}, 4)
		spec.heading = report.Word(lang, pt.Name)
		r.heading(spec.heading, 24)
		spec.cols[3].lines = 2
		spec.empty = lw.noAnswers
		r.table(spec)
	}
	return r.finish(w)
}

// questionsSpec draws the per-question table with a bar for before (light)
// and after (dark).
func (r *reportDoc) questionsSpec(t sheet.Table) tableSpec {
	lw := evalLearnWording[r.lang]
	return tableSpec{heading: report.Word(r.lang, t.Name), rows: t.Rows, empty: lw.noQuestions, cols: []column{
		{title: "#", w: 6, src: 0, align: AlignRight},
		{title: report.Word(r.lang, "Question"), w: 70, src: 1, lines: 3},
		{title: "", w: 22, src: 2, bar: &barColumn{pct: 2, colour: barLight}},
		{title: lw.before, w: 12, src: 2, align: AlignRight, format: r.percent},
		{title: "", w: 22, src: 3, bar: &barColumn{pct: 3, colour: barDark}},
		{title: lw.after, w: 12, src: 3, align: AlignRight, format: r.percent, style: "B"},
		{title: lw.change, w: 12, src: 4, align: AlignRight, format: signedCell},
	}}
}

// plainSpec draws a table as it is, numbers from column firstNumber on
// aligned right.
func plainSpec(t sheet.Table, widths []float64, firstNumber int) tableSpec {
	cols := make([]column, len(t.Header))
	for i, h := range t.Header {
		cols[i] = column{title: h, w: widths[i], src: i}
		if i >= firstNumber {
			cols[i].align = AlignRight
		}
	}
	return tableSpec{heading: t.Name, cols: cols, rows: t.Rows}
}

func signedCell(v any) string {
	f, ok := v.(float64)
	if !ok {
		return ""
	}
	return fmt.Sprintf("%+.0f", f)
}
