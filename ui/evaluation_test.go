package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// openEvaluation opens the sample workshop on its Evaluation section.
func openEvaluation(t *testing.T) (*App, fyne.Window, *evaluationSection) {
	t.Helper()
	u, w, _ := startTest(t)
	u.openSample()
	u.workshop.ensure(sectionEvaluation)
	s := u.workshop.evaluation
	if s == nil {
		t.Fatal("no Evaluation section")
	}
	u.workshop.tabs.SelectIndex(sectionEvaluation)
	s.tabs.SelectIndex(0)
	return u, w, s
}

func TestEvaluationKeyedEntry(t *testing.T) {
	u, w, s := openEvaluation(t)
	e := s.entry
	before := len(s.list)
	line := strings.TrimSpace(strings.Repeat("4 ", len(s.form.Rated())-1)) + " -"
	// The number, Enter, the ratings, Enter, then each comment with Enter.
	e.number.SetText("")
	w.Canvas().Focus(e.number)
	test.Type(e.number, "31")
	e.number.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Focused() != e.ratings {
		t.Fatalf("Enter after the number does not move to the ratings: focus on %T", w.Canvas().Focused())
	}
	test.Type(e.ratings, line)
	e.ratings.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Focused() != e.comments[0] {
		t.Fatalf("Enter after the ratings does not move to the first comment")
	}
	test.Type(e.comments[0], "Les échanges entre pairs")
	for i := range e.comments {
		e.comments[i].TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	if e.problem.Text != "" {
		t.Fatalf("problem: %s", e.problem.Text)
	}
	if len(s.list) != before+1 || !strings.HasPrefix(e.back.Text, "Form 31") || !strings.Contains(e.back.Text, "“Les échanges entre pairs”") {
		t.Fatalf("after recording: %d forms, shown back %q", len(s.list), e.back.Text)
	}
	if e.number.Text != "" || w.Canvas().Focused() != e.number {
		t.Error("the entry is not ready for the next form")
	}
	// The same number again is refused at once.
	test.Type(e.number, "31")
	e.number.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if e.problem.Text != "Form 31 is already recorded" {
		t.Errorf("a reused number says %q", e.problem.Text)
	}
	// It shows beside the boxes being typed in, not below the comments,
	// out of sight at the foot of a long form.
	d := fyne.CurrentApp().Driver()
	if d.AbsolutePositionForObject(e.problem).Y > d.AbsolutePositionForObject(e.box).Y {
		t.Error("the problem is shown below the comments, out of sight")
	}
	// A rating out of range names the item; nothing is recorded.
	e.number.SetText("32")
	e.ratings.SetText("9 " + line[2:])
	e.record()
	if !strings.Contains(e.problem.Text, `item 1: "9": out of range`) || len(s.list) != before+1 {
		t.Errorf("out of range: %q, %d forms", e.problem.Text, len(s.list))
	}
	// Undo takes the form back.
	test.Tap(e.undo)
	if len(s.list) != before || !e.undo.Disabled() {
		t.Errorf("after undo: %d forms", len(s.list))
	}
	list, _ := u.st.EvaluationResponses(u.workshop.data.Workshop.ID)
	if len(list) != before {
		t.Errorf("the store has %d forms after undo", len(list))
	}
}

func TestEvaluationSummaryAndForm(t *testing.T) {
	u, w, s := openEvaluation(t)
	s.tabs.SelectIndex(1)
	for _, want := range []string{"Sessions, best rated first", "Comments as written"} {
		if !containsText(w, want) {
			t.Errorf("the summary lacks %q", want)
		}
	}
	if !containsText(w, "forms (") {
		t.Error("the summary lacks the response rate")
	}
	s.tabs.SelectIndex(2)
	test.Tap(s.editor.named)
	f, _, _ := u.st.EvaluationForm(u.workshop.data.Workshop.ID)
	if !f.Named {
		t.Error("ticking Named did not save a named form")
	}
	if !containsText(w, "Overall, I am satisfied with the workshop.") {
		t.Error("the form view does not list the items")
	}
	// Removing an answered item is refused: the answers would not fit.
	s.editor.save(store.EvaluationForm{WorkshopID: f.WorkshopID, Named: true, Items: f.Items[1:]})
	f2, _, _ := u.st.EvaluationForm(u.workshop.data.Workshop.ID)
	if len(f2.Items) != len(f.Items) {
		t.Error("an answered item was removed")
	}
}

func TestSeriesViewComparesEvaluations(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	v := u.showSeries()
	if v == nil || v.eval == nil || len(v.eval.Workshops) != 1 {
		t.Fatalf("the series view has no evaluation comparison: %+v", v)
	}
	if !containsText(w, "Evaluation: mean of 1–5 and share agreeing") {
		t.Error("the series view does not show the comparison")
	}
}

func TestEvaluationSectionFocusesTheNumber(t *testing.T) {
	u, w, s := openEvaluation(t)
	u.workshop.tabs.SelectIndex(0)
	u.workshop.tabs.SelectIndex(sectionEvaluation)
	if w.Canvas().Focused() != s.entry.number {
		t.Errorf("opening Evaluation leaves the focus on %T, not the form-number box", w.Canvas().Focused())
	}
}

// TestEvaluationItemFormKeepsInputOnAProblem: a problem on saving an item
// keeps the dialog open with what was typed and says why (it closed and
// lost everything); a good item then saves.
func TestEvaluationItemFormKeepsInputOnAProblem(t *testing.T) {
	u, w, s := openEvaluation(t)
	before := len(s.form.Items)
	f := s.editor.editItem(-1)
	fr := slices.Index(store.CertificateLanguages, "fr")
	en := slices.Index(store.CertificateLanguages, "en")
	f.texts[fr].SetText("Les pauses étaient suffisantes")
	f.texts[en].SetText(strings.Repeat("x", 4100))
	f.keys.submit()
	if w.Canvas().Overlays().Top() == nil || f.problem.Text == "" || f.texts[fr].Text != "Les pauses étaient suffisantes" {
		t.Fatalf("after a problem: dialog open %v, problem %q, French %q", w.Canvas().Overlays().Top() != nil, f.problem.Text, f.texts[fr].Text)
	}
	f.texts[en].SetText("The breaks were long enough")
	f.keys.submit()
	if w.Canvas().Overlays().Top() != nil || len(u.workshop.evaluation.form.Items) != before+1 {
		t.Errorf("a good item: dialog open %v, %d items (want %d)", w.Canvas().Overlays().Top() != nil, len(u.workshop.evaluation.form.Items), before+1)
	}
}
