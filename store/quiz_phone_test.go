package store

import (
	"errors"
	"path/filepath"
	"testing"
)

// TestRecordAnswerOneAtATime: answers given one by one (as on a phone)
// build up one sheet, a change replaces only its question, a blank takes
// the answer back, each change is a version in the history, and all of it
// is on disk after reopening.
func TestRecordAnswerOneAtATime(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s := openAt(t, path)
	w, ps, pre, _ := quizSetup(t, s)
	rec := func(q int, raw string) AnswerSheet {
		t.Helper()
		a, err := s.RecordAnswer(w.ID, pre.ID, ps[0].ID, q, raw, "phone")
		if err != nil {
			t.Fatalf("question %d %q: %v", q+1, raw, err)
		}
		return a
	}
	rec(0, "T")
	rec(1, "B")
	rec(2, "AB")
	rec(1, "A")      // changed
	rec(4, "")       // blank on a question never answered
	rec(2, "")       // taken back
	a := rec(0, "T") // the same again writes nothing
	if got := a.Aligned(pre.QuestionIDs); got[0] != "T" || got[1] != "A" || got[2] != "" {
		t.Fatalf("sheet %q, want T A and question 3 taken back", got)
	}
	if hist, _ := s.AnswerHistory(pre.ID, ps[0].ID); len(hist) != 5 {
		t.Errorf("history holds %d versions, want 5 (one per change)", len(hist))
	}
	// Another participant's sheet is untouched.
	if _, err := s.RecordAnswer(w.ID, pre.ID, ps[1].ID, 0, "F", "phone"); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s = openAt(t, path)
	sheets, err := s.Sheets(pre.ID)
	if err != nil {
		t.Fatal(err)
	}
	a0, a1 := sheets[ps[0].ID], sheets[ps[1].ID]
	if got := a0.Aligned(pre.QuestionIDs); got[0] != "T" || got[1] != "A" || a0.Source != "phone" {
		t.Errorf("after reopening: %q from %q", got, a0.Source)
	}
	if got := a1.Aligned(pre.QuestionIDs); got[0] != "F" || got[1] != "" {
		t.Errorf("second participant: %q", got)
	}
	if one, ok, err := s.Sheet(pre.ID, ps[0].ID); err != nil || !ok || one.Responses[pre.QuestionIDs[1]] != "A" {
		t.Errorf("Sheet: %v %v %v", one.Responses, ok, err)
	}
	if _, ok, err := s.Sheet(pre.ID, ps[2].ID); ok || err != nil {
		t.Errorf("Sheet of a participant who answered nothing: %v %v", ok, err)
	}
	// Undo brings back the answer before the last change.
	if back, err := s.UndoAnswers(w.ID, pre.ID, ps[1].ID); err != nil || len(back.Responses) != 0 {
		t.Errorf("undo: %v, %v", back.Responses, err)
	}
	mustCheck(t, s)
}

// TestRecordAnswerRefusals: a wrong answer, a question out of range, a
// participant of another workshop and a closed test are refused and
// change nothing.
func TestRecordAnswerRefusals(t *testing.T) {
	s := openTest(t)
	w, ps, pre, _ := quizSetup(t, s)
	other := addWorkshop(t, s, "other-2027", "2027-04-10")
	stranger := addParticipant(t, s, other, "Eve", "Outsider", "EVEO01")
	cases := []struct {
		name string
		pid  int
		q    int
		raw  string
	}{
		{"option out of range", 0, 1, "Z"},
		{"not true or false", 0, 0, "maybe"},
		{"question past the end", 0, 5, "T"},
		{"negative question", 0, -1, "T"},
		{"control character", 0, 3, "a\x00b"},
	}
	for _, c := range cases {
		if _, err := s.RecordAnswer(w.ID, pre.ID, ps[c.pid].ID, c.q, c.raw, "phone"); err == nil {
			t.Errorf("%s: accepted", c.name)
		}
	}
	if _, err := s.RecordAnswer(w.ID, pre.ID, stranger.ID, 0, "T", "phone"); !errors.Is(err, ErrNotFound) {
		t.Errorf("participant of another workshop: %v", err)
	}
	pre.Closed = true
	if err := s.SaveQuiz(&pre); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordAnswer(w.ID, pre.ID, ps[0].ID, 0, "T", "phone"); !errors.Is(err, ErrQuizClosed) {
		t.Errorf("closed test: %v", err)
	}
	if sheets, _ := s.Sheets(pre.ID); len(sheets) != 0 {
		t.Errorf("refused answers left %d sheets", len(sheets))
	}
}
