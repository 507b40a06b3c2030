package store

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// evalWorkshop makes a workshop with three sessions (one a break) and
// three participants, two of whom attended.
func evalWorkshop(t *testing.T, s *Store, code string) (Workshop, []Session) {
	t.Helper()
	w := addWorkshop(t, s, code, "2027-03-01")
	open := addSession(t, s, w, 1, "09:00", "10:30", "Opening plenary")
	brk := Session{WorkshopID: w.ID, Date: w.StartDate, Start: mustClock(t, "10:30"), End: mustClock(t, "11:00"), Title: "Coffee", Type: Break}
	if err := s.SaveSession(&brk); err != nil {
		t.Fatal(err)
	}
	panel := addSession(t, s, w, 1, "11:00", "12:30", "Panel on remittances")
	a := addParticipant(t, s, w, "Ana", "Ćosić", "AAAA1")
	b := addParticipant(t, s, w, "Omar", "Haddad", "BBBB2")
	addParticipant(t, s, w, "Wei", "Li", "CCCC3")
	recordStatus(t, s, open, a, Present)
	recordStatus(t, s, panel, b, Late)
	return w, []Session{open, brk, panel}
}

func TestDefaultEvaluationFormFromAgenda(t *testing.T) {
	s := openTest(t)
	w, ses := evalWorkshop(t, s, "eval")
	f, saved, err := s.EvaluationForm(w.ID)
	if err != nil || saved {
		t.Fatalf("EvaluationForm = saved %v, %v; want the unsaved default", saved, err)
	}
	var sessions []string
	for _, it := range f.Items {
		if it.Section() == SectionSessions {
			sessions = append(sessions, it.Text.In("fr"))
		}
	}
	if got := strings.Join(sessions, "|"); got != "Opening plenary|Panel on remittances" {
		t.Errorf("session items = %q; want the two sessions, the break left out", got)
	}
	if _, i := f.Item(sessionKey(ses[1].ID)); i >= 0 {
		t.Error("the break has an item")
	}
	for _, key := range []string{EvalKeySatisfaction, EvalKeyRelevance, "objectives", "facilitation", "materials", "organisation",
		EvalKeyKnowledgeBefore, EvalKeyKnowledgeAfter, "apply", EvalKeyRecommend, "most_useful", "least_useful", "suggestions", "future_topics"} {
		it, i := f.Item(key)
		if i < 0 {
			t.Errorf("the default form lacks %q", key)
			continue
		}
		for _, lang := range CertificateLanguages {
			if it.Text[lang] == "" {
				t.Errorf("item %q has no %s wording", key, lang)
			}
		}
	}
	if err := f.Validate(); err != nil {
		t.Errorf("the default form is not valid: %v", err)
	}
	if f.Named {
		t.Error("the default form is named; it must be anonymous")
	}
}

func TestEvaluationWordingInEveryLanguage(t *testing.T) {
	for key := range evalWording["en"] {
		for _, lang := range CertificateLanguages {
			if evalWording[lang][key] == "" {
				t.Errorf("%s lacks %q", lang, key)
			}
		}
	}
	if got := AgreementLabels("fr")[4]; got != "Tout à fait d'accord" {
		t.Errorf("French strongly agree = %q", got)
	}
}

func TestParseRatings(t *testing.T) {
	f := EvaluationForm{Items: []EvalItem{
		{Key: "a", Kind: EvalAgreement, Text: LocalText{"en": "A"}},
		{Key: "r", Kind: EvalRating, Text: LocalText{"en": "R"}},
		{Key: "c", Kind: EvalText, Text: LocalText{"en": "Comment"}},
		{Key: "y", Kind: EvalYesNo, Text: LocalText{"en": "Y"}},
		{Key: "one", Kind: EvalChoice, Text: LocalText{"en": "One"}, Choices: []LocalText{{"en": "x"}, {"en": "y"}}},
		{Key: "many", Kind: EvalChoices, Text: LocalText{"en": "Many"}, Choices: []LocalText{{"en": "x"}, {"en": "y"}, {"en": "z"}}},
	}}
	got, err := f.ParseRatings("0 4 oui 2 3,1")
	if err != nil {
		t.Fatal(err)
	}
	want := []EvalAnswer{{Item: "a", NA: true}, {Item: "r", Value: 4}, {Item: "y", Value: 1}, {Item: "one", Value: 2}, {Item: "many", Choices: []int{1, 3}}}
	if len(got) != len(want) {
		t.Fatalf("ParseRatings = %+v; want %+v", got, want)
	}
	for i := range want {
		if got[i].Item != want[i].Item || got[i].Value != want[i].Value || got[i].NA != want[i].NA || len(got[i].Choices) != len(want[i].Choices) {
			t.Errorf("answer %d = %+v; want %+v", i, got[i], want[i])
		}
	}
	r := EvaluationResponse{Answers: got}
	if line := f.RatingsLine(&r); line != "0 4 1 2 1,3" {
		t.Errorf("RatingsLine = %q", line)
	}
	if got, err := f.ParseRatings("- - - - -"); err != nil || len(got) != 0 {
		t.Errorf("all dashes = %v, %v; want no answers", got, err)
	}
	for line, field := range map[string]string{
		"6 4 y 1 1":   "item 1",
		"5 0 y 1 1":   "item 2",
		"5 4 maybe 1": "ratings",
		"5 4 y 3 1":   "item 5",
		"5 4 y 1 4":   "item 6",
	} {
		_, err := f.ParseRatings(line)
		wantFieldError(t, err, field)
	}
	if _, err := f.ParseRatings("6 4 y 1 1"); !strings.Contains(err.Error(), "out of range") {
		t.Errorf("an out-of-range rating says %v", err)
	}
}

func TestRecordEvaluationsAllOrNothing(t *testing.T) {
	s := openTest(t)
	w, _ := evalWorkshop(t, s, "eval")
	f, _, _ := s.EvaluationForm(w.ID)
	ok := func(form int) *EvaluationResponse {
		return &EvaluationResponse{Form: form, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 5}}}
	}
	if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 7, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 4}}}); err != nil {
		t.Fatal(err)
	}
	batch := []*EvaluationResponse{ok(1), ok(7), ok(2), ok(2),
		{Form: 3, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 9}}},
		{Form: 4, Answers: []EvalAnswer{{Item: "no_such_item", Value: 1}}}}
	err := s.RecordEvaluations(w.ID, batch)
	ve := wantFieldError(t, err, "form 7")
	for _, want := range []string{"form 7: the form number 7 is already recorded", "form 2: the form number 2 is already recorded",
		"form 3: item 1: 9 is out of range", `form 4: answers: "no_such_item" is not an item`} {
		if !strings.Contains(ve.Error(), want) {
			t.Errorf("error %q lacks %q", ve, want)
		}
	}
	list, _ := s.EvaluationResponses(w.ID)
	if len(list) != 1 || list[0].Form != 7 {
		t.Errorf("after a refused batch the responses are %+v; want form 7 only", list)
	}
	// Undo, and the number is free again.
	if err := s.DeleteEvaluation(w.ID, 7); err != nil {
		t.Fatal(err)
	}
	if list, _ := s.EvaluationResponses(w.ID); len(list) != 0 {
		t.Errorf("after undo: %d responses", len(list))
	}
	if err := s.RecordEvaluations(w.ID, []*EvaluationResponse{ok(7), ok(1)}); err != nil {
		t.Fatalf("record after undo: %v", err)
	}
	if _, saved, _ := s.EvaluationForm(w.ID); !saved {
		t.Error("the form was not saved with the first response")
	}
	if len(f.Items) == 0 {
		t.Fatal("no items")
	}
}

func TestEvaluationFormEditKeepsAnswers(t *testing.T) {
	s := openTest(t)
	w, _ := evalWorkshop(t, s, "eval")
	if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 1, Answers: []EvalAnswer{{Item: "materials", Value: 2}}}); err != nil {
		t.Fatal(err)
	}
	f, _, _ := s.EvaluationForm(w.ID)
	_, i := f.Item("materials")
	f.Items = append(f.Items[:i], f.Items[i+1:]...)
	if err := s.SaveEvaluationForm(&f); err == nil || !strings.Contains(err.Error(), "form 1 no longer fits") {
		t.Errorf("removing an answered item: %v", err)
	}
	f, _, _ = s.EvaluationForm(w.ID)
	f.Items = append(f.Items, EvalItem{Key: "venue_again", Kind: EvalChoice, Text: LocalText{"en": "Would you come back?", "fr": "Reviendriez-vous ?"},
		Choices: []LocalText{{"en": "Yes", "fr": "Oui"}, {"en": "Maybe", "fr": "Peut-être"}}})
	f.Named = true
	if err := s.SaveEvaluationForm(&f); err != nil {
		t.Fatalf("adding a custom item: %v", err)
	}
	f, _, _ = s.EvaluationForm(w.ID)
	if it, i := f.Item("venue_again"); i < 0 || it.Choices[1].In("fr") != "Peut-être" || !f.Named {
		t.Errorf("the custom item did not stay: %+v named %v", it, f.Named)
	}
	bad := f
	bad.Items = append([]EvalItem{}, f.Items...)
	bad.Items = append(bad.Items, EvalItem{Key: "x", Kind: "stars", Text: LocalText{"en": "X"}}, EvalItem{Key: "x", Kind: EvalText, Text: LocalText{"en": "bell\a"}})
	wantFieldError(t, s.SaveEvaluationForm(&bad), "item "+strconv.Itoa(len(f.Items)+1))
}

func TestSummariseEvaluation(t *testing.T) {
	s := openTest(t)
	w, ses := evalWorkshop(t, s, "eval")
	open, panel := sessionKey(ses[0].ID), sessionKey(ses[2].ID)
	list := []*EvaluationResponse{
		{Form: 1, Language: "fr", Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 5}, {Item: open, Value: 2}, {Item: panel, Value: 5},
			{Item: EvalKeyKnowledgeBefore, Value: 2}, {Item: EvalKeyKnowledgeAfter, Value: 4}, {Item: "suggestions", Text: "Plus de travaux de groupe"}}},
		{Form: 2, Language: "en", Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 4}, {Item: open, Value: 3}, {Item: panel, Value: 4},
			{Item: EvalKeyRelevance, NA: true}, {Item: "suggestions", Text: "Больше времени на вопросы"}}},
		{Form: 3, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 2}, {Item: EvalKeyRecommend, Value: 5}}},
	}
	if err := s.RecordEvaluations(w.ID, list); err != nil {
		t.Fatal(err)
	}
	d, _ := s.LoadWorkshop(w.ID)
	f, responses, err := s.Evaluation(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	sum := SummariseEvaluation(&f, responses, Attended(d), "en")
	if sum.Responses != 3 || sum.Attended != 2 || sum.ResponseRate != 150 {
		t.Errorf("responses %d of %d attended, rate %v; want 3 of 2, 150", sum.Responses, sum.Attended, sum.ResponseRate)
	}
	sat := sum.Items[0]
	if sat.Item != EvalKeySatisfaction || sat.Mean != 3.67 || sat.Median != 4 || sat.AgreePct != 66.7 || sat.Counts[1] != 1 || sat.Counts[3] != 1 || sat.Counts[4] != 1 {
		t.Errorf("satisfaction = %+v", sat)
	}
	if rel := sum.Items[1]; rel.NotApplicable != 1 || rel.Answered != 0 || rel.Mean != 0 {
		t.Errorf("relevance (N/A only) = %+v", rel)
	}
	if len(sum.Sessions) != 2 || sum.Sessions[0].Text != "Panel on remittances" || sum.Sessions[0].Mean != 4.5 || sum.Sessions[1].Median != 2.5 {
		t.Errorf("sessions, best first = %+v", sum.Sessions)
	}
	if sum.KnowledgeBefore == nil || sum.KnowledgeBefore.Mean != 2 || sum.KnowledgeAfter.Mean != 4 {
		t.Errorf("knowledge before/after = %+v / %+v", sum.KnowledgeBefore, sum.KnowledgeAfter)
	}
	var got []string
	for _, c := range sum.Comments {
		for _, cm := range c.Comments {
			got = append(got, c.Item+"/"+cm.Language+"/"+cm.Text)
		}
	}
	if strings.Join(got, "|") != "suggestions/fr/Plus de travaux de groupe|suggestions/ru/Больше времени на вопросы" {
		t.Errorf("comments = %q", got)
	}
	h := sum.Headline()
	if !h.SatisfactionOK || h.Satisfaction != 66.7 || h.RelevanceOK || !h.RecommendOK || h.Recommend != 100 {
		t.Errorf("headline = %+v", h)
	}
}

func TestEvaluationSeriesComparesItems(t *testing.T) {
	s := openTest(t)
	var ws []Workshop
	for i, city := range []string{"Addis Ababa", "Dakar"} {
		w := newWorkshop(t, "ws"+string(rune('1'+i)), "2027-0"+string(rune('3'+i))+"-01")
		w.Series, w.City = "Regional", city
		if err := s.SaveWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		ws = append(ws, w)
	}
	other := addWorkshop(t, s, "elsewhere", "2027-05-01")
	for i, w := range append(ws, other) {
		if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 1, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 3 + i}}}); err != nil {
			t.Fatal(err)
		}
	}
	// The second workshop reuses the first one's form, with a custom item.
	f, _, _ := s.EvaluationForm(ws[0].ID)
	f.Items = append(f.Items, EvalItem{Key: "interpretation", Kind: EvalRating, Text: LocalText{"en": "Interpretation"}})
	if err := s.SaveEvaluationForm(&f); err != nil {
		t.Fatal(err)
	}
	cmp, err := s.EvaluationSeries("regional", 0, "en")
	if err != nil {
		t.Fatal(err)
	}
	if len(cmp.Workshops) != 2 || cmp.Workshops[0].City != "Addis Ababa" || cmp.Workshops[1].City != "Dakar" {
		t.Fatalf("workshops = %+v", cmp.Workshops)
	}
	it := cmp.Items[0]
	if it.Item != EvalKeySatisfaction || it.Cells[0].Mean != 3 || it.Cells[1].Mean != 4 {
		t.Errorf("satisfaction across the series = %+v", it)
	}
	last := cmp.Items[len(cmp.Items)-1]
	if last.Item != "interpretation" || !last.Cells[0].Asked || last.Cells[1].Asked {
		t.Errorf("a custom item of one workshop = %+v", last)
	}
	for _, it := range cmp.Items {
		if strings.HasPrefix(it.Item, evalSessionPrefix) {
			t.Errorf("session rating %q compared across agendas", it.Item)
		}
	}
	copyForm := f.ForSeries(ws[1].ID, nil)
	if _, i := copyForm.Item("interpretation"); i < 0 || copyForm.WorkshopID != ws[1].ID || copyForm.Printed != 0 {
		t.Errorf("ForSeries = %+v", copyForm)
	}
}

func TestEvaluationBucketsMissingInOlderFile(t *testing.T) {
	s := openTest(t)
	w, _ := evalWorkshop(t, s, "eval")
	// A new file has no evaluation buckets until the first evaluation write.
	s.db.View(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketEvalForms) != nil || tx.Bucket(bucketEvalResponses) != nil {
			t.Error("the evaluation buckets exist before any evaluation write")
		}
		return nil
	})
	if list, err := s.EvaluationResponses(w.ID); err != nil || len(list) != 0 {
		t.Fatalf("reading without the buckets: %v, %v", list, err)
	}
	if err := s.RecordEvaluation(&EvaluationResponse{WorkshopID: w.ID, Form: 3}); err != nil {
		t.Fatalf("the first write must create the buckets: %v", err)
	}
	first, err := s.ReserveFormNumbers(w.ID, 10)
	if err != nil || first != 1 {
		t.Fatalf("ReserveFormNumbers = %d, %v", first, err)
	}
	if first, _ = s.ReserveFormNumbers(w.ID, 5); first != 11 {
		t.Errorf("the second printing starts at %d; want 11", first)
	}
	if _, _, err := s.EvaluationForm(uuid.New()); !errors.Is(err, ErrNotFound) {
		t.Errorf("the form of no workshop: %v", err)
	}
}
