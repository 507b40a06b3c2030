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
	lang := printLanguage(ws, opts)
	ew := evalLearnWording[lang]
	r, err := newReport(size, Portrait, ew.evTitle+" – "+ws.Title, opts...)
	if err != nil {
		return err
	}
	r.setLanguage(lang)
	r.kicker = ew.evKicker
	r.title = ws.Title
	r.subtitle = r.workshopLine(ws)
	r.corner = ws.Series
	r.footLeft = strings.TrimPrefix(ws.Code+" · "+ew.evFoot, " · ")
	h := s.Headline()
	pct := func(v float64, ok bool) string {
		if !ok {
			return "–"
		}
		return r.percentSign(v)
	}
	ts := []tile{
		{r.count(s.Responses), fmt.Sprintf(ew.evForms, r.percentSign(s.ResponseRate), s.Attended)},
		{pct(h.Satisfaction, h.SatisfactionOK), ew.satisfied},
		{pct(h.Relevance, h.RelevanceOK), ew.relevant},
		{pct(h.Recommend, h.RecommendOK), ew.recommend},
	}
	if b, a := s.KnowledgeBefore, s.KnowledgeAfter; b != nil && a != nil && b.Answered > 0 && a.Answered > 0 {
		ts = append(ts, tile{store.Number(lang, b.Mean, 1) + " / " + store.Number(lang, a.Mean, 1), ew.knowledge})
	}
	r.tiles(ts)
	r.note(ew.evNote)
	r.heading(report.Word(lang, report.EvalItemsTable), 20)
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
		r.heading(ew.otherQuestions, 12)
		for _, it := range other {
			r.note(fmt.Sprintf("%d. %s — %s", it.Number, it.Text, r.countsText(it)))
		}
	}
	tables := report.Evaluation(s)
	if t, ok := findTable(tables, report.EvalSessionsTable); ok && len(s.Sessions) > 0 {
		t = report.LocalizeCells(t, lang)
		r.heading(ew.bestFirst, 20)
		r.table(tableSpec{heading: report.Word(lang, "Sessions"), rows: t.Rows, cols: []column{
			{title: t.Header[0], w: 10, src: 0, align: AlignRight},
			{title: t.Header[1], w: 110, src: 1, lines: 2, style: "B"},
			{title: t.Header[2], w: 18, src: 2, align: AlignRight},
			{title: t.Header[3], w: 16, src: 3, align: AlignRight, format: r.twoDecimals},
			{title: t.Header[4], w: 16, src: 4, align: AlignRight},
			{title: t.Header[5], w: 16, src: 5, align: AlignRight, format: r.percent},
		}})
	}
	r.heading(report.Word(lang, report.EvalCommentsTable), 12)
	has := false
	for _, c := range s.Comments {
		if len(c.Comments) == 0 {
			continue
		}
		has = true
		r.commentBlock(c)
	}
	if !has {
		r.note(ew.noComments)
	}
	return r.finish(w)
}

// count writes a whole number in the report's language.
func (r *reportDoc) count(n int) string { return store.Number(r.lang, float64(n), 0) }

// twoDecimals writes a mean as 4.25 (4,25), in the report's language.
func (r *reportDoc) twoDecimals(v any) string {
	if f, ok := v.(float64); ok {
		point := strings.TrimSuffix(strings.TrimPrefix(fixed1(r.lang, 0.5), "0"), "5")
		return strings.Replace(strconv.FormatFloat(f, 'f', 2, 64), ".", point, 1)
	}
	return r.plain(v)
}

// countsText writes the answers to a yes/no or choice item.
func (r *reportDoc) countsText(it store.EvalItemSummary) string {
	ew := evalLearnWording[r.lang]
	if it.Kind == store.EvalYesNo && len(it.Counts) == 2 {
		return fmt.Sprintf(ew.yesNoCounts, it.Counts[0], it.Counts[1], r.percentSign(it.AgreePct))
	}
	parts := make([]string, len(it.Counts))
	for i, n := range it.Counts {
		parts[i] = fmt.Sprintf(ew.choiceCount, i+1, n)
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
		ew := evalLearnWording[r.lang]
		r.TextFit(x0, y+3.2, 14, ew.mean, 6.5, 5, "", AlignLeft)
		r.TextFit(x0+14, y+3.2, 14, ew.agree, 6.5, 5, "", AlignLeft)
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
	if it.NotApplicable > 0 {
		h = max(h, 9) // room for the "not applicable" line under the figures
	}
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
			r.TextRight(x0+12, y+4.4, r.twoDecimals(it.Mean), rpTextSize, "B")
			r.TextRight(x0+26, y+4.4, r.percentSign(it.AgreePct), rpTextSize, "")
		}
		r.SetTextColor(muted.r, muted.g, muted.b)
		r.Text(x0+29, y+4.4, strconv.Itoa(it.Answered), 7, "")
		if it.NotApplicable > 0 {
			na := fmt.Sprintf(evalLearnWording[r.lang].notApplicable, it.NotApplicable)
			r.TextFit(x0, y+7.6, rpMargin+r.width-x0, na, 6, 5, "", AlignRight)
		}
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
		form := fmt.Sprintf(evalLearnWording[r.lang].form, cm.Form)
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
		ew := evalLearnWording[r.lang]
		t := report.LocalizeCells(report.EvaluationSeries(es), r.lang)
		r.heading(ew.seriesHeading, 20)
		r.note(ew.seriesNote)
		cols := []column{{title: t.Header[0], w: 70, src: 0, lines: 2}}
		for i := 1; i < len(t.Header); i++ {
			f := r.twoDecimals
			if i%2 == 0 {
				f = r.percent
			}
			cols = append(cols, column{title: t.Header[i], w: 18, src: i, align: AlignRight, format: f, lines: 2})
		}
		r.table(tableSpec{heading: report.Word(r.lang, report.EvalSummaryTable), rows: t.Rows, cols: cols})
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
	ew := evalLearnWording[r.lang]
	pct := func(v float64, ok bool) string {
		if !ok {
			return "–"
		}
		return r.percentSign(v)
	}
	r.heading(ew.hlHeading, 24)
	r.tiles([]tile{
		{r.percentSign(h.ResponseRate), fmt.Sprintf(ew.hlRate, h.Responses, h.Attended)},
		{pct(h.Satisfaction, h.SatisfactionOK), ew.hlSatisfied},
		{pct(h.Relevance, h.RelevanceOK), ew.hlRelevant},
		{pct(h.Recommend, h.RecommendOK), ew.recommend},
	})
	r.note(ew.hlNote)
}
