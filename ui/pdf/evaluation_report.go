package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
)

// scaleColours colour the five points of a stacked bar, from 1 (strongly
// disagree, poor) in red to 5 in green, the middle in grey.
var scaleColours = [5]rgb{{0xC0, 0x39, 0x2B}, {0xE6, 0x7E, 0x22}, {0xBD, 0xC3, 0xC7}, {0x7F, 0xB7, 0x7E}, {0x2E, 0x7D, 0x32}}

// EvaluationReport writes a workshop's evaluation report as a PDF to w,
// on portrait A4 or Letter (size): the key figures (forms, response rate,
// satisfaction, relevance, would recommend, knowledge before and after),
// every item with a stacked 5-point bar, its mean and share agreeing, the
// sessions best first, and the comments per question as written, with
// their language. The figures are those of report.Evaluation, as in the
// CSV and XLSX files.
func EvaluationReport(ws *store.Workshop, s *store.EvaluationSummary, w io.Writer, size PageSize, opts ...Option) error {
	r, err := newReport(size, Portrait, "Evaluation – "+ws.Title, opts...)
	if err != nil {
		return err
	}
	r.kicker = "EVALUATION AND FEEDBACK"
	r.title = ws.Title
	r.subtitle = workshopLine(ws)
	r.corner = ws.Series
	r.footLeft = ws.Code + " · anonymous answers; percentages of those who answered, “not applicable” left out"
	h := s.Headline()
	pct := func(v float64, ok bool) string {
		if !ok {
			return "–"
		}
		return percentCell(v) + "%"
	}
	ts := []tile{
		{strconv.Itoa(s.Responses), fmt.Sprintf("forms (%s%% of %d who attended)", percentCell(s.ResponseRate), s.Attended)},
		{pct(h.Satisfaction, h.SatisfactionOK), "satisfied"},
		{pct(h.Relevance, h.RelevanceOK), "found it relevant"},
		{pct(h.Recommend, h.RecommendOK), "would recommend it"},
	}
	if b, a := s.KnowledgeBefore, s.KnowledgeAfter; b != nil && a != nil && b.Answered > 0 && a.Answered > 0 {
		ts = append(ts, tile{fmt.Sprintf("%.1f / %.1f", b.Mean, a.Mean), "knowledge before / after (1–5)"})
	}
	r.tiles(ts)
	r.note("Agreeing: the top two boxes (agree and strongly agree, or 4 and 5 of 5). Each bar shows the answers from 1 (red) to 5 (green).")
	r.heading("Items", 20)
	r.scaleLegend()
	for _, it := range s.Items {
		if it.Kind.Scale() {
			r.stackedBar(it)
		}
	}
	var other []store.EvalItemSummary
	for _, it := range s.Items {
		if !it.Kind.Scale() {
			other = append(other, it)
		}
	}
	if len(other) > 0 {
		r.heading("Other questions", 12)
		for _, it := range other {
			r.note(fmt.Sprintf("%d. %s — %s", it.Number, it.Text, countsText(it)))
		}
	}
	tables := report.Evaluation(s)
	if t, ok := findTable(tables, report.EvalSessionsTable); ok && len(s.Sessions) > 0 {
		r.heading("Sessions, best rated first", 20)
		r.table(tableSpec{heading: "Sessions", rows: t.Rows, cols: []column{
			{title: t.Header[0], w: 10, src: 0, align: AlignRight},
			{title: t.Header[1], w: 110, src: 1, lines: 2, style: "B"},
			{title: t.Header[2], w: 18, src: 2, align: AlignRight},
			{title: t.Header[3], w: 16, src: 3, align: AlignRight, format: twoDecimals},
			{title: t.Header[4], w: 16, src: 4, align: AlignRight},
			{title: t.Header[5], w: 16, src: 5, align: AlignRight, format: percentCell},
		}})
	}
	r.heading("Comments", 12)
	has := false
	for _, c := range s.Comments {
		if len(c.Comments) == 0 {
			continue
		}
		has = true
		r.commentBlock(c)
	}
	if !has {
		r.note("No comments yet.")
	}
	return r.finish(w)
}

// twoDecimals writes a mean as 4.25.
func twoDecimals(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'f', 2, 64)
	}
	return plainCell(v)
}

// countsText writes the answers to a yes/no or choice item.
func countsText(it store.EvalItemSummary) string {
	if it.Kind == store.EvalYesNo && len(it.Counts) == 2 {
		return fmt.Sprintf("yes %d, no %d (%s%% yes)", it.Counts[0], it.Counts[1], percentCell(it.AgreePct))
	}
	parts := make([]string, len(it.Counts))
	for i, n := range it.Counts {
		parts[i] = fmt.Sprintf("choice %d: %d", i+1, n)
	}
	return strings.Join(parts, ", ")
}

// Geometry of the item rows: text, bar, then the figures.
const (
	ebTextW = 0.44 // share of the width for the item's text
	ebBarW  = 0.36
)

// scaleLegend draws the colours of the five points.
func (r *reportDoc) scaleLegend() {
	y := r.y
	r.op(func() {
		x := rpMargin + r.width*ebTextW
		labels := []string{"1", "2", "3", "4", "5"}
		for i, c := range scaleColours {
			r.SetFillColor(c.r, c.g, c.b)
			r.Rect(x, y+0.5, 3, 3, "F")
			r.SetTextColor(muted.r, muted.g, muted.b)
			r.Text(x+4, y+3.2, labels[i], 6.5, "")
			x += r.Width(labels[i], 6.5, "") + 7
		}
		r.SetTextColor(muted.r, muted.g, muted.b)
		x0 := rpMargin + r.width*(ebTextW+ebBarW) + 2
		r.Text(x0+3, y+3.2, "mean", 6.5, "")
		r.Text(x0+16, y+3.2, "agree", 6.5, "")
		r.Text(x0+29, y+3.2, "n", 6.5, "")
		r.SetTextColor(ink.r, ink.g, ink.b)
	})
	r.y += 6
}

// stackedBar draws an item: its text, a bar of its answers 1 to 5, the
// mean, the share agreeing and the number who answered.
func (r *reportDoc) stackedBar(it store.EvalItemSummary) {
	textW := r.width*ebTextW - 3
	lines := r.wrapWords(fmt.Sprintf("%d. %s", it.Number, it.Text), textW, rpTextSize, "")
	if len(lines) > 3 {
		lines = lines[:3]
	}
	h := max(float64(len(lines))*rpLineH+2.6, 7)
	r.room(h)
	y := r.y
	r.op(func() {
		r.SetTextColor(ink.r, ink.g, ink.b)
		for i, l := range lines {
			r.TextFit(rpMargin, y+3.6+float64(i)*rpLineH, textW, l, rpTextSize, 6, "", AlignLeft)
		}
		x := rpMargin + r.width*ebTextW
		bw := r.width * ebBarW
		r.SetFillColor(barTrack.r, barTrack.g, barTrack.b)
		r.Rect(x, y+1.2, bw, 4.2, "F")
		if it.Answered > 0 {
			for v, n := range it.Counts {
				seg := bw * float64(n) / float64(it.Answered)
				c := scaleColours[v]
				r.SetFillColor(c.r, c.g, c.b)
				r.Rect(x, y+1.2, seg, 4.2, "F")
				if seg > 5 {
					r.SetTextColor(255, 255, 255)
					if v == 2 {
						r.SetTextColor(ink.r, ink.g, ink.b)
					}
					r.TextCentre(x+seg/2, y+4.4, strconv.Itoa(n), 6.2, "B")
				}
				x += seg
			}
		}
		r.SetTextColor(ink.r, ink.g, ink.b)
		x0 := rpMargin + r.width*(ebTextW+ebBarW) + 2
		if it.Answered > 0 {
			r.TextRight(x0+12, y+4.4, strconv.FormatFloat(it.Mean, 'f', 2, 64), rpTextSize, "B")
			r.TextRight(x0+26, y+4.4, percentCell(it.AgreePct)+"%", rpTextSize, "")
		}
		n := strconv.Itoa(it.Answered)
		if it.NotApplicable > 0 {
			n += fmt.Sprintf(" (+%d n/a)", it.NotApplicable)
		}
		r.SetTextColor(muted.r, muted.g, muted.b)
		r.Text(x0+29, y+4.4, n, 7, "")
		r.SetDrawColor(faint.r, faint.g, faint.b)
		r.SetLineWidth(0.1)
		r.Line(rpMargin, y+h, rpMargin+r.width, y+h)
		r.SetTextColor(ink.r, ink.g, ink.b)
	})
	r.y += h
}

// commentBlock draws the comments of one question, each as written with
// its language and form number.
func (r *reportDoc) commentBlock(c store.EvalComments) {
	r.room(14)
	y := r.y
	title := fmt.Sprintf("%d. %s", c.Number, c.Text)
	r.op(func() {
		r.SetTextColor(ink.r, ink.g, ink.b)
		r.TextFit(rpMargin, y+4, r.width, title, 9, 7, "B", AlignLeft)
	})
	r.y += 6
	for _, cm := range c.Comments {
		lines := r.wrapWords(cm.Text, r.width-32, rpTextSize, "")
		h := float64(len(lines))*rpLineH + 2.2
		r.room(h)
		y := r.y
		tag := strings.ToUpper(cm.Language)
		if tag == "" {
			tag = "–"
		}
		form := fmt.Sprintf("form %d", cm.Form)
		r.op(func() {
			r.SetTextColor(muted.r, muted.g, muted.b)
			r.Text(rpMargin+2, y+3.4, tag, 7, "B")
			r.Text(rpMargin+10, y+3.4, form, 6.5, "")
			r.SetTextColor(ink.r, ink.g, ink.b)
			for i, l := range lines {
				r.Text(rpMargin+30, y+3.4+float64(i)*rpLineH, l, rpTextSize, "")
			}
		})
		r.y += h
	}
}

// SeriesReportWith is SeriesReport followed, when es compares workshops
// with evaluation forms, by the evaluation across the series: per item,
// each workshop's mean and share agreeing side by side.
func SeriesReportWith(s *store.SeriesStats, es *store.EvalSeries, w io.Writer, size PageSize, opts ...Option) error {
	r, err := seriesDoc(s, report.SeriesTables(s), size, opts...)
	if err != nil {
		return err
	}
	if es != nil && len(es.Workshops) > 0 {
		t := report.EvaluationSeries(es)
		r.heading("Participants' evaluation across the workshops", 20)
		r.note("Mean of 1–5 and share agreeing (the top two boxes) of each item, by workshop; “not applicable” left out.")
		cols := []column{{title: t.Header[0], w: 70, src: 0, lines: 2}}
		for i := 1; i < len(t.Header); i++ {
			f := twoDecimals
			if i%2 == 0 {
				f = percentCell
			}
			cols = append(cols, column{title: t.Header[i], w: 18, src: i, align: AlignRight, format: f, lines: 2})
		}
		r.table(tableSpec{heading: "Evaluation", rows: t.Rows, cols: cols})
	}
	return r.finish(w)
}

// evaluationHeadline adds the evaluation's headline figures to a report,
// when eval holds forms: for the donor statistics report.
func (r *reportDoc) evaluationHeadline(eval *store.EvaluationSummary) {
	if eval == nil || eval.Responses == 0 {
		return
	}
	h := eval.Headline()
	pct := func(v float64, ok bool) string {
		if !ok {
			return "–"
		}
		return percentCell(v) + "%"
	}
	r.heading("Participants' evaluation", 24)
	r.tiles([]tile{
		{percentCell(h.ResponseRate) + "%", fmt.Sprintf("response rate (%d forms, %d attended)", h.Responses, h.Attended)},
		{pct(h.Satisfaction, h.SatisfactionOK), "satisfied overall"},
		{pct(h.Relevance, h.RelevanceOK), "found it relevant to their work"},
		{pct(h.Recommend, h.RecommendOK), "would recommend it"},
	})
	r.note("Share agreeing or strongly agreeing, of those who answered; the evaluation report has every item.")
}
