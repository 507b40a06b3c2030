package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// quizTest opens the sample workshop and shows its Tests section alone.
func quizTest(t *testing.T) (*App, fyne.Window, *quizSection) {
	t.Helper()
	u, w, _ := startTest(t)
	u.openSample()
	s := newQuizSection(u.workshop)
	w.SetContent(s.content)
	return u, w, s
}

// TestQuizKeyedEntry: a badge code, Enter, the answer line, Enter: the
// sheet comes back scored, the badge field is cleared for the next one,
// and undo brings back the answers recorded before.
func TestQuizKeyedEntry(t *testing.T) {
	u, w, s := quizTest(t)
	if got := s.list.Length(); got != 6 {
		t.Fatalf("the pre-test lists %d questions, want the sample's 6", got)
	}
	p := u.workshop.data.Participants[1] // Almaz Tesfaye, who has a pre-test sheet
	s.tabs.SelectIndex(1)
	if w.Canvas().Focused() != s.entry.badge {
		t.Fatal("opening Key in answers leaves the cursor out of the badge field")
	}
	test.Type(s.entry.badge, strings.ToLower(p.BadgeCode))
	s.entry.badge.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Focused() != s.entry.answers {
		t.Fatal("Enter in the badge field does not move to the answers")
	}
	test.Type(s.entry.answers, `T F B AB 2007 "bishoftu"`)
	s.entry.answers.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if !strings.Contains(s.entry.status.Text, "Almaz Tesfaye") || !strings.Contains(s.entry.status.Text, "6.0 of 6 points, 100%") {
		t.Fatalf("status %q", s.entry.status.Text)
	}
	if strings.Count(s.entry.scored.Text, "✓") != 6 || s.entry.badge.Text != "" || w.Canvas().Focused() != s.entry.badge {
		t.Fatalf("scored sheet %q, badge %q", s.entry.scored.Text, s.entry.badge.Text)
	}
	test.Tap(s.entry.undo)
	if !strings.Contains(s.entry.status.Text, "Undone") || strings.Contains(s.entry.status.Text, "100%") {
		t.Fatalf("after undo: %q", s.entry.status.Text)
	}
	// A bad line is refused and says why; nothing is recorded.
	test.Type(s.entry.badge, p.BadgeCode)
	test.Type(s.entry.answers, "T Q")
	test.Tap(button(t, w, "Record"))
	if !strings.Contains(s.entry.status.Text, "Not recorded") || !strings.Contains(s.entry.status.Text, "question 2") {
		t.Fatalf("bad line: %q", s.entry.status.Text)
	}
	if !strings.Contains(s.results.summary.Text, "both: 9") || s.results.pre.total != 9 {
		t.Fatalf("results %q, chart total %d", s.results.summary.Text, s.results.pre.total)
	}
}

// TestQuizImportPreview: the preview names what cannot be imported and
// writes nothing until Import is pressed.
func TestQuizImportPreview(t *testing.T) {
	u, w, s := quizTest(t)
	s.previewImport("bank.gift", []byte("::New::Is this new?{T}\n\n::Essay::Tell us.{}\n"))
	if !containsText(w, "1 questions can be imported; 1 cannot.") || !containsText(w, "line 3 (Essay)") {
		t.Fatal("the preview does not say what it found")
	}
	if qs, _ := u.st.Questions(u.workshop.data.Workshop.ID); len(qs) != 6 {
		t.Fatal("the preview wrote questions")
	}
	test.Tap(button(t, w, "Import"))
	if qs, _ := u.st.Questions(u.workshop.data.Workshop.ID); len(qs) != 7 || s.list.Length() != 7 {
		t.Fatalf("import: %d in the bank, %d listed", len(qs), s.list.Length())
	}
}

// TestQuizSettings: the pass mark and the completion rule are saved on the
// post-test; a completion rule without a pass mark is refused.
func TestQuizSettings(t *testing.T) {
	u, _, s := quizTest(t)
	s.test.SetSelectedIndex(1)
	if s.passMark.Text != "70" || s.complete.Disabled() {
		t.Fatalf("post-test pass mark %q", s.passMark.Text)
	}
	s.passMark.SetText("80")
	s.complete.SetChecked(true)
	test.Tap(button(t, u.win, "Save settings"))
	z, err := u.st.FindQuiz(u.workshop.data.Workshop.ID, store.QuizKey{Kind: store.PostTest})
	if err != nil || z.PassMark != 80 || !z.Completion {
		t.Fatalf("saved %+v, %v", z, err)
	}
	if min := s.content.MinSize(); min.Width > 900 {
		t.Errorf("the Tests section needs %v wide; it must fit a 1024 × 768 screen", min)
	}
	// A pass mark that is not a per cent is refused in words, not with
	// store's field name ("Pass_mark: -5 is not…"), and nothing changes.
	s.passMark.SetText("-5")
	if msg := s.checkPassMark(); msg == "" || strings.Contains(msg, "pass_mark") || !strings.Contains(msg, "-5") {
		t.Errorf("a pass mark of -5 says %q", msg)
	}
	test.Tap(button(t, u.win, "Save settings"))
	if z, _ := u.st.FindQuiz(u.workshop.data.Workshop.ID, store.QuizKey{Kind: store.PostTest}); z.PassMark != 80 {
		t.Errorf("a refused pass mark changed it to %v", z.PassMark)
	}
}

// TestQuizBadgeEnterChecksTheCode: Enter on an empty or unknown badge
// code stays in the badge field and says why (a scanner's next code would
// otherwise land in the answer line).
func TestQuizBadgeEnterChecksTheCode(t *testing.T) {
	_, w, s := quizTest(t)
	s.tabs.SelectIndex(1)
	e := s.entry
	e.badge.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Focused() != e.badge || e.status.Text == "" {
		t.Errorf("Enter on an empty badge code: focus on %T, status %q", w.Canvas().Focused(), e.status.Text)
	}
	test.Type(e.badge, "ZZZZZ")
	e.badge.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if w.Canvas().Focused() != e.badge || !strings.Contains(e.status.Text, "ZZZZZ") {
		t.Errorf("Enter on an unknown badge code: focus on %T, status %q", w.Canvas().Focused(), e.status.Text)
	}
}

// TestQuizResultsQuestionOfOneTest: a question the post-test does not have
// shows "–" after, not "0%" as if nobody got it right.
func TestQuizResultsQuestionOfOneTest(t *testing.T) {
	u, _, s := quizTest(t)
	tf := store.NewTrueFalse("Only in the pre-test.", true)
	tf.WorkshopID = u.workshop.data.Workshop.ID
	if err := u.st.AddQuestions([]*store.Question{&tf}, []store.QuizKey{{Kind: store.PreTest}}); err != nil {
		t.Fatal(err)
	}
	s.reloadData()
	var line string
	for _, l := range strings.Split(s.results.questions.Text, "\n") {
		if strings.Contains(l, "Only in the pre-test.") {
			line = l
		}
	}
	if !strings.HasSuffix(line, "→ –") {
		t.Errorf("a pre-test-only question reads %q", line)
	}
}
