package report

import (
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// The tables of the evaluation report.
const (
	EvalSummaryTable  = "Evaluation"
	EvalItemsTable    = "Items"
	EvalSessionsTable = "Session ratings"
	EvalCommentsTable = "Comments"
	EvalSeriesTable   = "Evaluation by workshop"
)

// Evaluation returns the tables of a workshop's evaluation report:
//
//   - the headline: forms, participants who attended, response rate,
//     self-rated knowledge before and after;
//   - a row per item (free text left out): answered, not applicable, mean,
//     median, the answers per value 1–5 (yes/no and choices in the first
//     columns) and the share agreeing (top two boxes, or yes);
//   - the session ratings, best first;
//   - the comments, per question as written, with their form and language.
func Evaluation(s *store.EvaluationSummary) []sheet.Table {
	sum := sheet.Table{Name: EvalSummaryTable, Header: []string{"Figure", "Value"}, Rows: [][]any{
		{"Forms", s.Responses},
		{"Participants who attended", s.Attended},
		{"Response rate %", s.ResponseRate},
	}}
	if k := s.KnowledgeBefore; k != nil && k.Answered > 0 {
		sum.Rows = append(sum.Rows, []any{"Knowledge before (mean of 1–5)", k.Mean})
	}
	if k := s.KnowledgeAfter; k != nil && k.Answered > 0 {
		sum.Rows = append(sum.Rows, []any{"Knowledge after (mean of 1–5)", k.Mean})
	}
	items := sheet.Table{Name: EvalItemsTable, Header: []string{"No.", "Item", "Kind", "Answered", "Not applicable", "Mean", "Median",
		"1", "2", "3", "4", "5", "Agree %"}}
	for _, it := range s.Items {
		items.Rows = append(items.Rows, itemRow(it))
	}
	sessions := sheet.Table{Name: EvalSessionsTable, Header: []string{"Rank", "Session", "Answered", "Mean", "Median", "4–5 %"}}
	for i, it := range s.Sessions {
		sessions.Rows = append(sessions.Rows, []any{i + 1, it.Text, it.Answered, number(it.Answered, it.Mean), number(it.Answered, it.Median), number(it.Answered, it.AgreePct)})
	}
	comments := sheet.Table{Name: EvalCommentsTable, Header: []string{"No.", "Question", "Form", "Language", "Comment"}}
	for _, c := range s.Comments {
		for _, cm := range c.Comments {
			comments.Rows = append(comments.Rows, []any{c.Number, c.Text, cm.Form, strings.ToUpper(cm.Language), cm.Text})
		}
	}
	return []sheet.Table{sum, items, sessions, comments}
}

// itemRow is one row of the items table.
func itemRow(it store.EvalItemSummary) []any {
	row := []any{it.Number, it.Text, kindLabel(it.Kind), it.Answered, it.NotApplicable, nil, nil}
	if it.Kind.Scale() {
		row[5], row[6] = number(it.Answered, it.Mean), number(it.Answered, it.Median)
	}
	for v := range 5 {
		if v < len(it.Counts) {
			row = append(row, it.Counts[v])
		} else {
			row = append(row, nil)
		}
	}
	if it.Kind == store.EvalChoice || it.Kind == store.EvalChoices || it.Answered == 0 {
		return append(row, nil)
	}
	return append(row, it.AgreePct)
}

// number is v, or an empty cell when nothing was answered.
func number(answered int, v float64) any {
	if answered == 0 {
		return nil
	}
	return v
}

// kindLabel names an item kind in a report.
func kindLabel(k store.EvalKind) string {
	switch k {
	case store.EvalAgreement:
		return "Agreement 1–5"
	case store.EvalRating:
		return "Rating 1–5"
	case store.EvalYesNo:
		return "Yes/no"
	case store.EvalChoice:
		return "One choice"
	case store.EvalChoices:
		return "Several choices"
	}
	return "Text"
}

// EvaluationSeries returns the series comparison as one table: a row per
// item, and per workshop its mean and share agreeing; the first rows are
// the forms and response rates.
func EvaluationSeries(s *store.EvalSeries) sheet.Table {
	t := sheet.Table{Name: EvalSeriesTable, Header: []string{"Item"}}
	forms, rate := []any{"Forms"}, []any{"Response rate %"}
	for _, w := range s.Workshops {
		name := w.City + " " + w.StartDate.String()[:4]
		t.Header = append(t.Header, name+" mean", name+" agree %")
		forms = append(forms, w.Responses, nil)
		rate = append(rate, w.ResponseRate, nil)
	}
	t.Rows = append(t.Rows, forms, rate)
	for _, it := range s.Items {
		row := []any{it.Text}
		for _, c := range it.Cells {
			if !c.Asked || c.Answered == 0 {
				row = append(row, nil, nil)
				continue
			}
			var agree any = c.AgreePct
			if it.Kind == store.EvalChoice || it.Kind == store.EvalChoices {
				agree = nil
			}
			var mean any
			if it.Kind.Scale() {
				mean = c.Mean
			}
			row = append(row, mean, agree)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}
