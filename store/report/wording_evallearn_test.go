package report

import (
	"maps"
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// evalLearnTables builds every table of the evaluation and learning
// reports, with a paired participant and a pass mark.
func evalLearnTables() []sheet.Table {
	f := store.DefaultEvaluationForm(uuid.New(), nil)
	list := []store.EvaluationResponse{{Form: 1, Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 5},
		{Item: store.EvalKeyKnowledgeBefore, Value: 2}, {Item: store.EvalKeyKnowledgeAfter, Value: 4}}}}
	sum := store.SummariseEvaluation(&f, list, 4, "en")
	p := store.Participant{FamilyNames: "Diallo", GivenNames: "Awa", Gender: "female", OrgType: "government"}
	l := &store.Learning{PostQuiz: &store.Quiz{PassMark: 70}, HasPassMark: true, Paired: 1, NormGainN: 1, PreTakers: 1, PostTakers: 1,
		Rows: []store.LearningRow{{Participant: p, Pre: &store.Score{Percent: 40}, Post: &store.Score{Percent: 80}}}}
	es := &store.EvalSeries{Workshops: []store.EvalSeriesWorkshop{{City: "Dakar", StartDate: store.Date{Year: 2027, Month: 3, Day: 8}}},
		Items: []store.EvalSeriesItem{{Text: "Overall", Kind: store.EvalAgreement, Cells: []store.EvalSeriesCell{{Asked: true, Answered: 1, Mean: 5}}}}}
	tables := append(Evaluation(sum), EvaluationSeries(es))
	return append(tables, Learning(l, "en")...)
}

// TestEvaluationAndLearningTablesLocalized checks that every name,
// heading and fixed word of the evaluation and learning tables has its
// translation in every printed language, that French puts them in place
// (as the CSV files carry them), and that sheet names fit Excel.
func TestEvaluationAndLearningTablesLocalized(t *testing.T) {
	keys := slices.Sorted(maps.Keys(evalLearnWords["fr"]))
	for _, lang := range store.CertificateLanguages[1:] {
		for _, k := range keys {
			if evalLearnWords[lang][k] == "" {
				t.Errorf("%s: no word for %q", lang, k)
			}
		}
		if len(evalLearnWords[lang]) != len(keys) {
			t.Errorf("%s has %d evaluation and learning words, fr %d", lang, len(evalLearnWords[lang]), len(keys))
		}
	}
	for _, tb := range evalLearnTables() {
		fr := Localize(tb, "fr")
		if fr.Name == tb.Name {
			t.Errorf("table %q keeps its English name", tb.Name)
		}
		for i, h := range tb.Header {
			if len([]rune(h)) > 1 && h != "4–5 %" && fr.Header[i] == h && !slices.Contains([]string{"Score", "Question", "Organisation"}, h) {
				t.Errorf("table %q: heading %q stays English", tb.Name, h)
			}
		}
		cols := wordCells(tb)
		for r, row := range tb.Rows {
			for i, c := range row {
				s, ok := c.(string)
				if !ok || !cols[i] || (tb.Header[i] == "Item" && evalLearnWords["fr"][s] == "") || s == "Total" || s[0] >= '0' && s[0] <= '9' {
					continue // item texts (in the summary's language), totals and score bands
				}
				if fr.Rows[r][i] == s {
					t.Errorf("table %q row %d: %q stays English", tb.Name, r, s)
				}
			}
		}
		for _, lang := range store.CertificateLanguages {
			if name := Localize(tb, lang).Name; len(utf16.Encode([]rune(name))) > 31 {
				t.Errorf("%s: sheet name %q is longer than Excel's 31 characters", lang, name)
			}
		}
	}
	tables := evalLearnTables()
	if h := Localize(tables[1], "fr").Header; h[1] != "Question" || h[5] != "Moyenne" || h[12] != "% d’accord" {
		t.Errorf("French items headings: %q", h)
	}
	if h := Localize(tables[4], "es").Header; h[1] != "Dakar 2027 media" || h[2] != "Dakar 2027 % de acuerdo" {
		t.Errorf("Spanish series headings: %q", h)
	}
	if g := LocalizeCells(tables[9], "fr"); g.Rows[0][0] != "Genre" || g.Rows[0][1] != "Femme" {
		t.Errorf("French learning by group: %v", g.Rows[0])
	}
}
