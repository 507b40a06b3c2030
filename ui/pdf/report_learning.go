package pdf

import (
	"fmt"
	"io"

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
	r, err := newReport(size, Portrait, "Learning report – "+ws.Title, opts...)
	if err != nil {
		return err
	}
	r.kicker = "LEARNING REPORT · PRE- AND POST-TEST"
	r.title = ws.Title
	r.subtitle = workshopLine(ws)
	r.corner = ws.Series
	r.footLeft = ws.Code
	tables := report.Learning(d, l)

	ts := []tile{{fmt.Sprint(l.Paired), "took both tests"}}
	if l.Paired > 0 {
		ts = append(ts, tile{fmt.Sprintf("%.0f%%", l.MeanPre), "mean pre-test score"},
			tile{fmt.Sprintf("%.0f%%", l.MeanPost), "mean post-test score"},
			tile{fmt.Sprintf("%.2f", l.MeanNormGain), "mean normalised gain"},
			tile{fmt.Sprintf("%.0f%%", l.Improved), "improved"})
	}
	if l.HasPassMark {
		ts = append(ts, tile{fmt.Sprintf("%.0f%%", l.Passed), fmt.Sprintf("passed (%g%% or more)", l.PostQuiz.PassMark)})
	}
	r.tiles(ts)
	r.note("Paired figures are over the participants who took both tests. Normalised gain (Hake) = (post - pre) / (100 - pre), " +
		"averaged over those whose pre-test score was under 100%. Each question counts one point; partial credit counts towards the score but a question is “right” only with full credit.")

	if dist, ok := findTable(tables, report.LearningDistributionTable); ok {
		spec := r.breakdownSpec(dist, false)
		spec.heading = dist.Name
		r.room(16 + float64(len(dist.Rows))*rpRowH + 8)
		r.heading(spec.heading, 24)
		r.table(spec)
	}
	if qt, ok := findTable(tables, report.LearningQuestionsTable); ok {
		r.heading(qt.Name, 24)
		r.table(questionsSpec(qt))
	}
	if gt, ok := findTable(tables, report.LearningGroupsTable); ok && len(gt.Rows) > 0 {
		r.heading(gt.Name, 24)
		r.table(plainSpec(gt, []float64{26, 40, 14, 18, 18, 18}, 2))
	}
	if pt, ok := findTable(tables, report.LearningParticipantsTable); ok {
		r.heading(pt.Name, 24)
		spec := plainSpec(pt, []float64{16, 26, 24, 34, 13, 13, 13, 14, 11}, 4)
		spec.cols[3].lines = 2
		spec.empty = "No answers are recorded yet."
		r.table(spec)
	}
	return r.finish(w)
}

// questionsSpec draws the per-question table with a bar for before (light)
// and after (dark).
func questionsSpec(t sheet.Table) tableSpec {
	return tableSpec{heading: t.Name, rows: t.Rows, empty: "The tests have no questions yet.", cols: []column{
		{title: "#", w: 6, src: 0, align: AlignRight},
		{title: "Question", w: 70, src: 1, lines: 3},
		{title: "", w: 22, src: 2, bar: &barColumn{pct: 2, colour: barLight}},
		{title: "Before %", w: 12, src: 2, align: AlignRight, format: percentCell},
		{title: "", w: 22, src: 3, bar: &barColumn{pct: 3, colour: barDark}},
		{title: "After %", w: 12, src: 3, align: AlignRight, format: percentCell, style: "B"},
		{title: "Change", w: 12, src: 4, align: AlignRight, format: signedCell},
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
