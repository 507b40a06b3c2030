package store

import (
	"path/filepath"
	"testing"
)

// TestRecordEvaluationNext: forms answered on phones get the numbers after
// those printed and those recorded (even out of the printed range), the
// next printing continues after them, and a bad answer is refused with
// nothing written.
func TestRecordEvaluationNext(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s := openAt(t, path)
	w := addWorkshop(t, s, "eval-2027", "2027-03-10")
	if _, err := s.ReserveFormNumbers(w.ID, 10); err != nil {
		t.Fatal(err)
	}
	keyed := &EvaluationResponse{WorkshopID: w.ID, Form: 25, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 3}}}
	if err := s.RecordEvaluation(keyed); err != nil {
		t.Fatal(err)
	}
	for want := 26; want <= 27; want++ {
		r := &EvaluationResponse{WorkshopID: w.ID, Language: "ar", Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 5}}}
		n, err := s.RecordEvaluationNext(r)
		if err != nil || n != want || r.Form != want {
			t.Fatalf("number %d (%d), %v; want %d", n, r.Form, err, want)
		}
	}
	bad := &EvaluationResponse{WorkshopID: w.ID, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 9}}}
	if _, err := s.RecordEvaluationNext(bad); err == nil {
		t.Error("a rating of 9 was recorded")
	}
	if first, err := s.ReserveFormNumbers(w.ID, 1); err != nil || first != 28 {
		t.Errorf("the next printing starts at %d, %v; want 28", first, err)
	}
	s.Close()
	s = openAt(t, path)
	_, list, err := s.Evaluation(w.ID)
	if err != nil || len(list) != 3 || list[2].Form != 27 || list[2].Language != "ar" {
		t.Fatalf("after reopening: %+v %v", list, err)
	}
	mustCheck(t, s)
}
