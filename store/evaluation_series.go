package store

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
)

// EvalSeries sets the evaluations of a series' workshops side by side:
// the same items (by key) across the workshops, e.g. satisfaction in
// Addis Ababa, Dakar and Istanbul.
type EvalSeries struct {
	Workshops []EvalSeriesWorkshop `json:"workshops"`
	// Items are the items rated in any of the workshops other than the
	// session ratings (which differ from one agenda to the next), in the
	// order they first appear.
	Items []EvalSeriesItem `json:"items"`
}

// EvalSeriesWorkshop is one workshop of an EvalSeries.
type EvalSeriesWorkshop struct {
	ID           uuid.UUID `json:"id"`
	Code         string    `json:"code"`
	City         string    `json:"city"`
	StartDate    Date      `json:"start_date"`
	Responses    int       `json:"responses"`
	Attended     int       `json:"attended"`
	ResponseRate float64   `json:"response_rate"`
}

// EvalSeriesItem is one item across the workshops; Cells has one entry
// per workshop, in the order of EvalSeries.Workshops.
type EvalSeriesItem struct {
	Item  string           `json:"item"`
	Text  string           `json:"text"`
	Kind  EvalKind         `json:"kind"`
	Cells []EvalSeriesCell `json:"cells"`
}

// EvalSeriesCell is one item in one workshop; Asked is false when the
// workshop's form lacks the item.
type EvalSeriesCell struct {
	Asked    bool    `json:"asked"`
	Answered int     `json:"answered"`
	Mean     float64 `json:"mean"`
	AgreePct float64 `json:"agree_pct"`
}

// EvaluationSeries compares the evaluations of the workshops Series(series,
// year) counts, with item texts in lang. Workshops without any recorded
// form are left out.
func (s *Store) EvaluationSeries(series string, year int, lang string) (*EvalSeries, error) {
	st, err := s.Series(series, year)
	if err != nil {
		return nil, err
	}
	out := &EvalSeries{Workshops: []EvalSeriesWorkshop{}, Items: []EvalSeriesItem{}}
	var sums []*EvaluationSummary
	for _, sw := range st.Workshops {
		f, list, err := s.Evaluation(sw.ID)
		if err != nil {
			return nil, fmt.Errorf("evaluation of %s: %w", sw.Code, err)
		}
		if len(list) == 0 {
			continue
		}
		d, err := s.LoadWorkshop(sw.ID)
		if err != nil {
			return nil, fmt.Errorf("evaluation of %s: %w", sw.Code, err)
		}
		sum := SummariseEvaluation(&f, list, Attended(d), lang)
		sums = append(sums, sum)
		out.Workshops = append(out.Workshops, EvalSeriesWorkshop{ID: sw.ID, Code: sw.Code, City: sw.City, StartDate: sw.StartDate,
			Responses: sum.Responses, Attended: sum.Attended, ResponseRate: sum.ResponseRate})
	}
	return compareSummaries(out, sums), nil
}

// compareSummaries fills out.Items from the workshops' summaries.
func compareSummaries(out *EvalSeries, sums []*EvaluationSummary) *EvalSeries {
	at := map[string]int{}
	for w, sum := range sums {
		for _, it := range sum.Items {
			if strings.HasPrefix(it.Item, evalSessionPrefix) {
				continue
			}
			i, ok := at[it.Item]
			if !ok {
				i = len(out.Items)
				at[it.Item] = i
				out.Items = append(out.Items, EvalSeriesItem{Item: it.Item, Text: it.Text, Kind: it.Kind, Cells: make([]EvalSeriesCell, len(sums))})
			}
			out.Items[i].Cells[w] = EvalSeriesCell{Asked: true, Answered: it.Answered, Mean: it.Mean, AgreePct: it.AgreePct}
		}
	}
	return out
}
