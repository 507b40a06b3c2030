package store

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
)

// benchEvaluation makes a form of 40 items (30 scales, 6 session ratings,
// yes/no, a choice and two comments) and 5,000 responses to it.
func benchEvaluation() (EvaluationForm, []EvaluationResponse) {
	var sessions []Session
	for i := range 6 {
		sessions = append(sessions, Session{Record: Record{ID: uuid.New()}, Title: fmt.Sprintf("Session %d", i+1)})
	}
	f := DefaultEvaluationForm(uuid.New(), sessions)
	for i := len(f.Items); i < 38; i++ {
		f.Items = append(f.Items, EvalItem{Key: fmt.Sprintf("custom%d", i), Kind: EvalAgreement, Text: LocalText{"en": "Custom"}})
	}
	f.Items = append(f.Items, EvalItem{Key: "yn", Kind: EvalYesNo, Text: LocalText{"en": "Y/N"}},
		EvalItem{Key: "pick", Kind: EvalChoice, Text: LocalText{"en": "Pick"}, Choices: []LocalText{{"en": "a"}, {"en": "b"}, {"en": "c"}}})
	list := make([]EvaluationResponse, 5000)
	for n := range list {
		r := EvaluationResponse{Form: n + 1, Language: "en"}
		for i, it := range f.Items {
			a := EvalAnswer{Item: it.Key}
			switch it.Kind {
			case EvalText:
				a.Text = "A comment"
			case EvalYesNo:
				a.Value = 1 + (n+i)%2
			case EvalChoice:
				a.Value = 1 + (n+i)%3
			default:
				a.Value = 1 + (n*7+i)%5
			}
			r.Answers = append(r.Answers, a)
		}
		list[n] = r
	}
	return f, list
}

// BenchmarkSummariseEvaluation5000x40 sums up 5,000 forms of 40 items
// (target: under 50 ms).
func BenchmarkSummariseEvaluation5000x40(b *testing.B) {
	f, list := benchEvaluation()
	if len(f.Items) != 40 {
		b.Fatalf("%d items", len(f.Items))
	}
	b.ReportAllocs()
	for b.Loop() {
		SummariseEvaluation(&f, list, 5000, "en")
	}
}

// BenchmarkLoadAndSummariseEvaluation5000x40 reads the 5,000 forms from
// the data file and sums them up, as the screen and the report do.
func BenchmarkLoadAndSummariseEvaluation5000x40(b *testing.B) {
	s := openTest(b, Options{NoAutoBackup: true})
	w := addWorkshop(b, s, "bench", "2027-03-01")
	f, list := benchEvaluation()
	f.WorkshopID = w.ID
	if err := s.SaveEvaluationForm(&f); err != nil {
		b.Fatal(err)
	}
	ptrs := make([]*EvaluationResponse, len(list))
	for i := range list {
		ptrs[i] = &list[i]
	}
	if err := s.RecordEvaluations(w.ID, ptrs); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		f, got, err := s.Evaluation(w.ID)
		if err != nil || len(got) != 5000 {
			b.Fatal(len(got), err)
		}
		SummariseEvaluation(&f, got, 5000, "en")
	}
}
