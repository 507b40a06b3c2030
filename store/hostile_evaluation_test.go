package store

import (
	"bytes"
	"encoding/json"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestHostileEvaluationAnonymous: an anonymous form's responses hold no
// name, participant ID or badge code, in the data file or in the JSON
// export, whatever the caller tries.
func TestHostileEvaluationAnonymous(t *testing.T) {
	s := openTest(t)
	w, _ := evalWorkshop(t, s, "eval")
	people, _ := s.Participants(w.ID)
	err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 1, Name: "Ana Ćosić",
		Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 5}}})
	wantFieldError(t, err, "form 1")
	if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 2, Language: "fr",
		Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 5}, {Item: "suggestions", Text: "Très bien"}}}); err != nil {
		t.Fatal(err)
	}
	var export bytes.Buffer
	if err := s.Export(&export); err != nil {
		t.Fatal(err)
	}
	list, _ := s.EvaluationResponses(w.ID)
	raw, err := os.ReadFile(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	// The responses' own bytes: nothing of any participant in them.
	for _, p := range people {
		for _, r := range list {
			rec, _ := jsonOf(r)
			for _, needle := range []string{p.ID.String(), p.BadgeCode, p.FamilyNames} {
				if strings.Contains(rec, needle) {
					t.Errorf("response %d holds %q of a participant", r.Form, needle)
				}
			}
		}
	}
	if !bytes.Contains(raw, []byte("Très bien")) {
		t.Fatal("the comment is not in the file: the scan would prove nothing")
	}
}

// TestHostileEvaluationNoNamesLeftInData: a named form switched back to
// anonymous cannot keep the names of its responses.
func TestHostileEvaluationNamedBackToAnonymous(t *testing.T) {
	s := openTest(t)
	w, _ := evalWorkshop(t, s, "eval")
	f, _, _ := s.EvaluationForm(w.ID)
	f.Named = true
	if err := s.SaveEvaluationForm(&f); err != nil {
		t.Fatal(err)
	}
	if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 1, Name: "Omar Haddad"}); err != nil {
		t.Fatal(err)
	}
	f.Named = false
	if err := s.SaveEvaluationForm(&f); err == nil {
		t.Error("a form with named responses became anonymous")
	}
}

// TestHostileEvaluationText: control characters, bidi overrides and
// oversized comments are refused, naming the item.
func TestHostileEvaluationText(t *testing.T) {
	s := openTest(t)
	w, _ := evalWorkshop(t, s, "eval")
	f, _, _ := s.EvaluationForm(w.ID)
	_, i := f.Item("suggestions")
	for _, text := range []string{"evil\x1b[2J", "abc\u202edcba", strings.Repeat("x", 4001)} {
		err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 9, Answers: []EvalAnswer{{Item: "suggestions", Text: text}}})
		if ve := wantFieldError(t, err, "form 9"); !strings.Contains(ve.Error(), "item "+strconv.Itoa(i+1)) {
			t.Errorf("%q: %v does not name the item", text[:4], ve)
		}
	}
	for _, n := range []int{0, -1, MaxFormNumber + 1} {
		if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: n}); err == nil {
			t.Errorf("form number %d accepted", n)
		}
	}
}

func jsonOf(v any) (string, error) {
	b, err := json.Marshal(v)
	return string(b), err
}
