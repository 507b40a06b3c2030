package report

import (
	"testing"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

func TestEvaluationTables(t *testing.T) {
	f := store.DefaultEvaluationForm(uuid.New(), nil)
	list := []store.EvaluationResponse{
		{Form: 1, Language: "fr", Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 5}, {Item: "suggestions", Text: "Plus de pauses"}}},
		{Form: 2, Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 3}, {Item: store.EvalKeyRelevance, NA: true}}},
	}
	tables := Evaluation(store.SummariseEvaluation(&f, list, 4, "en"))
	names := []string{EvalSummaryTable, EvalItemsTable, EvalSessionsTable, EvalCommentsTable}
	for i, tab := range tables {
		if tab.Name != names[i] {
			t.Errorf("table %d is %q; want %q", i, tab.Name, names[i])
		}
	}
	if rate := tables[0].Rows[2]; rate[0] != "Response rate %" || rate[1] != 50.0 {
		t.Errorf("response rate row = %v", rate)
	}
	sat := tables[1].Rows[0]
	if sat[1] != "Overall, I am satisfied with the workshop." || sat[3] != 2 || sat[5] != 4.0 || sat[9] != 1 || sat[11] != 1 || sat[12] != 50.0 {
		t.Errorf("satisfaction row = %v", sat)
	}
	if rel := tables[1].Rows[1]; rel[4] != 1 || rel[5] != nil || rel[12] != nil {
		t.Errorf("relevance (not applicable only) = %v", rel)
	}
	if c := tables[3].Rows; len(c) != 1 || c[0][2] != 1 || c[0][3] != "FR" || c[0][4] != "Plus de pauses" {
		t.Errorf("comments = %v", c)
	}
}
