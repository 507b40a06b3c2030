package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// evaluationCard sets the evaluations of the series' workshops side by
// side: per item, each workshop's mean and share agreeing; the series
// report gets the same table. Nil when no workshop of the series has
// forms recorded.
func (v *seriesView) evaluationCard() fyne.CanvasObject {
	cmp, err := v.u.st.EvaluationSeries(v.stats.Series, v.stats.Year, "en")
	v.eval = cmp
	if err != nil {
		v.u.showError(err)
		return nil
	}
	if len(cmp.Workshops) == 0 {
		v.eval = nil
		return nil
	}
	header := []string{lang.L("Item")}
	forms := []string{lang.L("Forms (response rate)")}
	for _, w := range cmp.Workshops {
		header = append(header, fmt.Sprintf("%s %d", w.City, w.StartDate.Year))
		forms = append(forms, fmt.Sprintf("%d (%s)", w.Responses, wholePercent(w.ResponseRate)))
	}
	rows := []tableRow{{cells: forms, bold: true}}
	for _, it := range cmp.Items {
		cells := []string{it.Text}
		for _, c := range it.Cells {
			cells = append(cells, seriesCell(it.Kind, c))
		}
		rows = append(rows, tableRow{cells: cells})
	}
	t := newSummaryTable(header, rows, 0, func(col int) bool { return col > 0 })
	return chartCard(lang.L("Evaluation: mean of 1–5 and share agreeing"), t.content)
}

// seriesCell writes one item in one workshop: "4.25 · 90%".
func seriesCell(k store.EvalKind, c store.EvalSeriesCell) string {
	switch {
	case !c.Asked:
		return lang.L("not asked")
	case c.Answered == 0:
		return "–"
	case k.Scale():
		return number(c.Mean, 2) + " · " + wholePercent(c.AgreePct)
	case k == store.EvalYesNo:
		return wholePercent(c.AgreePct)
	}
	return fmt.Sprint(c.Answered)
}
