package store

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/uuid"
)

// quizBank is a small bank of one question of every kind.
func quizBank(w Workshop) []*Question {
	tf := NewTrueFalse("The Global Forum on Migration and Development met first in 2007.", true)
	qs := []*Question{
		&tf,
		{Kind: MultipleChoice, Text: "Who said it?", Options: []Option{{Text: "Kofi Annan", Weight: 100}, {Text: "Ban Ki-moon"}, {Text: "António Guterres"}}},
		{Kind: MultipleAnswer, Text: "Which are UN agencies?", Options: []Option{{Text: "IOM", Weight: 50}, {Text: "UNHCR", Weight: 50}, {Text: "NATO", Weight: -100}}},
		{Kind: ShortAnswer, Text: "Name the forum.", Options: []Option{{Text: "Global Forum on Migration and Development", Weight: 100}}},
		{Kind: Numeric, Text: "When did the General Assembly first call for it?", Options: []Option{{Text: "1990", Weight: 100, Tolerance: 2}}},
	}
	for _, q := range qs {
		q.WorkshopID = w.ID
	}
	return qs
}

func TestScoringEveryKind(t *testing.T) {
	w := Workshop{}
	qs := quizBank(w)
	cases := []struct {
		q    int
		resp string
		want float64
	}{
		{0, "T", 1}, {0, "F", 0}, {0, "", 0},
		{1, "A", 1}, {1, "B", 0}, {1, "Z", 0},
		{2, "AB", 1}, {2, "A", 0.5}, {2, "ABC", 0}, {2, "C", 0},
		{3, "global forum on migration and development", 1},
		{3, "  GLOBAL   forum on migration, and development!", 1},
		{3, "Global Forum", 0},
		{4, "1990", 1}, {4, "1992", 1}, {4, "1988", 1}, {4, "1993", 0}, {4, "nineteen", 0},
	}
	for _, c := range cases {
		if got := ScoreResponse(qs[c.q], c.resp); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("question %d, %q: credit %g, want %g", c.q+1, c.resp, got, c.want)
		}
	}
	if !ShortAnswersMatch("Genève", "geneve") || !ShortAnswersMatch("São Paulo", "sao  paulo.") {
		t.Error("accents and punctuation are not ignored")
	}
}

func TestCheckResponse(t *testing.T) {
	qs := quizBank(Workshop{})
	ok := []struct {
		q        int
		raw, out string
	}{
		{0, "Vrai", "T"}, {0, "verdadero", "T"}, {0, "1", "T"}, {0, "Faux", "F"}, {0, "falso", "F"},
		{1, "b", "B"}, {1, "ban ki-moon", "B"}, {2, "C,A", "AC"}, {2, "ca", "AC"},
		{3, "Global forum", "Global forum"}, {4, "1 990", "1990"}, {4, "1990,5", "1990.5"}, {0, "", ""},
	}
	for _, c := range ok {
		got, err := CheckResponse(qs[c.q], c.raw)
		if err != nil || got != c.out {
			t.Errorf("question %d, %q: %q, %v; want %q", c.q+1, c.raw, got, err, c.out)
		}
	}
	for _, c := range []struct {
		q   int
		raw string
	}{{0, "maybe"}, {1, "D"}, {1, "Boutros-Ghali"}, {2, "AF"}, {4, "soon"}} {
		if _, err := CheckResponse(qs[c.q], c.raw); err == nil {
			t.Errorf("question %d, %q: accepted", c.q+1, c.raw)
		}
	}
}

func TestQuestionValidation(t *testing.T) {
	bad := []Question{
		{Kind: MultipleChoice, Text: "x", Options: []Option{{Text: "a"}, {Text: "b"}}},
		{Kind: MultipleAnswer, Text: "x", Options: []Option{{Text: "a", Weight: 50}, {Text: "b"}}},
		{Kind: Numeric, Text: "x", Options: []Option{{Text: "abc", Weight: 100}}},
		{Kind: ShortAnswer, Text: "x", Options: []Option{{Text: "?!", Weight: 100}}},
		{Kind: "essay", Text: "x"},
		{Kind: TrueFalse, Text: "", Options: []Option{{Text: "True", Weight: 100}, {Text: "False"}}},
		{Kind: TrueFalse, Text: "x", Options: []Option{{Text: "True", Weight: 100}, {Text: "False"}},
			Translations: map[string]QuestionText{"de": {Text: "y"}}},
	}
	for i, q := range bad {
		if err := q.Validate(); err == nil {
			t.Errorf("bad question %d accepted", i+1)
		}
	}
}

// quizSetup stores a workshop with three participants and the bank as both
// tests.
func quizSetup(t *testing.T, s *Store) (Workshop, []Participant, Quiz, Quiz) {
	t.Helper()
	w := addWorkshop(t, s, "quiz-2027", "2027-03-10")
	ps := []Participant{
		addParticipant(t, s, w, "Ana", "Zapata", "ZAPA01"),
		addParticipant(t, s, w, "Bo", "Andersen", "ANDE01"),
		addParticipant(t, s, w, "Chen", "Li", "LICH01"),
	}
	if err := s.AddQuestions(quizBank(w), []QuizKey{{Kind: PreTest}, {Kind: PostTest}}); err != nil {
		t.Fatal(err)
	}
	pre, err := s.FindQuiz(w.ID, QuizKey{Kind: PreTest})
	if err != nil {
		t.Fatal(err)
	}
	post, err := s.FindQuiz(w.ID, QuizKey{Kind: PostTest})
	if err != nil {
		t.Fatal(err)
	}
	return w, ps, pre, post
}

func TestQuizAnswersReplaceKeepHistoryAndUndo(t *testing.T) {
	path := filepath.Join(t.TempDir(), "d.db")
	s := openAt(t, path)
	w, ps, pre, _ := quizSetup(t, s)
	if len(pre.QuestionIDs) != 5 {
		t.Fatalf("pre-test has %d questions", len(pre.QuestionIDs))
	}
	rec := func(resp ...string) {
		t.Helper()
		if _, err := s.RecordAnswers(pre.ID, w.ID, []SheetInput{{ParticipantID: ps[0].ID, Responses: resp}}, "keyboard"); err != nil {
			t.Fatal(err)
		}
	}
	rec("F", "B")
	rec("T", "A", "AB", "global forum on migration and development", "1990")
	sheets, _ := s.Sheets(pre.ID)
	if got := sheets[ps[0].ID].Responses[pre.QuestionIDs[0]]; got != "T" {
		t.Fatalf("current answer %q, want the replacement T", got)
	}
	hist, _ := s.AnswerHistory(pre.ID, ps[0].ID)
	if len(hist) != 2 {
		t.Fatalf("history holds %d versions, want 2", len(hist))
	}
	back, err := s.UndoAnswers(w.ID, pre.ID, ps[0].ID)
	if err != nil || back.Responses[pre.QuestionIDs[0]] != "F" {
		t.Fatalf("undo gave %v, %v; want the first sheet back", back.Responses, err)
	}
	if _, err := s.UndoAnswers(w.ID, pre.ID, ps[0].ID); err != nil {
		t.Fatal(err)
	}
	sheets, _ = s.Sheets(pre.ID)
	if _, ok := sheets[ps[0].ID]; ok {
		t.Fatal("after undoing both sheets the participant still has one")
	}
	if hist, _ := s.AnswerHistory(pre.ID, ps[0].ID); len(hist) != 4 {
		t.Fatalf("history holds %d versions after two undos, want 4", len(hist))
	}
	s.Close()
	s = openAt(t, path)
	if hist, _ := s.AnswerHistory(pre.ID, ps[0].ID); len(hist) != 4 {
		t.Fatal("history lost on reopening")
	}
	mustCheck(t, s)
}

func TestRecordAnswersAllOrNothing(t *testing.T) {
	s := openTest(t)
	w, ps, pre, _ := quizSetup(t, s)
	_, err := s.RecordAnswers(pre.ID, w.ID, []SheetInput{
		{ParticipantID: ps[0].ID, Responses: []string{"T"}},
		{ParticipantID: ps[1].ID, Responses: []string{"T", "H"}},
	}, "import")
	if err == nil || !strings.Contains(err.Error(), "sheet 2: question 2") {
		t.Fatalf("error %v, want one naming sheet 2, question 2", err)
	}
	if sheets, _ := s.Sheets(pre.ID); len(sheets) != 0 {
		t.Fatal("the good sheet was written although another was refused")
	}
	if _, err := s.RecordAnswers(pre.ID, w.ID, []SheetInput{{ParticipantID: uuid.New(), Responses: []string{"T"}}}, ""); !errors.Is(err, ErrNotFound) {
		t.Fatalf("unknown participant: %v", err)
	}
	pre.Closed = true
	if err := s.SaveQuiz(&pre); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordAnswers(pre.ID, w.ID, []SheetInput{{ParticipantID: ps[0].ID, Responses: []string{"T"}}}, ""); !errors.Is(err, ErrQuizClosed) {
		t.Fatalf("closed test: %v", err)
	}
}

func TestLearningResults(t *testing.T) {
	s := openTest(t)
	w, ps, pre, post := quizSetup(t, s)
	post.PassMark = 80
	if err := s.SaveQuiz(&post); err != nil {
		t.Fatal(err)
	}
	record := func(z Quiz, p Participant, resp ...string) {
		t.Helper()
		if _, err := s.RecordAnswers(z.ID, w.ID, []SheetInput{{ParticipantID: p.ID, Responses: resp}}, ""); err != nil {
			t.Fatal(err)
		}
	}
	// Zapata: 20 % → 100 %; Andersen: 60 % → 60 %; Li: post only 40 %.
	record(pre, ps[0], "T")
	record(post, ps[0], "T", "A", "AB", "Global forum on migration and development", "1991")
	record(pre, ps[1], "T", "A", "A", "", "1900")
	record(post, ps[1], "T", "A", "A", "", "1900")
	record(post, ps[2], "T", "A")
	l, _, err := s.WorkshopLearning(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if l.Paired != 2 || l.PreTakers != 2 || l.PostTakers != 3 {
		t.Fatalf("paired %d, pre %d, post %d", l.Paired, l.PreTakers, l.PostTakers)
	}
	near := func(what string, got, want float64) {
		t.Helper()
		if math.Abs(got-want) > 1e-6 {
			t.Errorf("%s = %g, want %g", what, got, want)
		}
	}
	// Andersen: 1 + 1 + 0.5 = 2.5 of 5 = 50 %.
	near("mean pre", l.MeanPre, (20+50)/2.0)
	near("mean post", l.MeanPost, (100+50)/2.0)
	near("mean normalised gain", l.MeanNormGain, (80.0/80+0)/2)
	near("improved", l.Improved, 50)
	near("passed", l.Passed, 100.0/3)
	if l.Rows[0].Participant.FamilyNames != "Andersen" || l.Rows[2].Participant.FamilyNames != "Zapata" {
		t.Error("rows are not in family-name order")
	}
	near("question 1 before", l.Questions[0].PreRight, 100)
	near("question 2 before", l.Questions[1].PreRight, 50)
	near("question 4 after", l.Questions[3].PostRight, 100.0/3)
	if l.PostBins[9] != 1 || l.PostBins[5] != 1 || l.PostBins[4] != 1 {
		t.Errorf("post distribution %v", l.PostBins)
	}

	// A variant accepted later re-scores everyone.
	record(pre, ps[2], "", "", "", "GFMD")
	if _, err := s.AcceptAnswer(pre.QuestionIDs[3], "GFMD"); err != nil {
		t.Fatal(err)
	}
	l, _, _ = s.WorkshopLearning(w.ID)
	if r := l.Row(ps[2].ID); r == nil || r.Pre == nil || r.Pre.Points != 1 {
		t.Fatalf("accepting a variant did not re-score: %+v", r)
	}
}

func TestQuizBucketsAddedToAnOlderFile(t *testing.T) {
	// The committed schema-3 file was written before question banks
	// existed: the migration to schema 4 adds their buckets.
	data, err := os.ReadFile(schema3Fixture)
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "d.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	s := openAt(t, path)
	list, err := s.Workshops()
	if err != nil || len(list) == 0 {
		t.Fatalf("workshops of the schema-3 file: %v, %v", list, err)
	}
	if err := s.AddQuestions(quizBank(list[0].Workshop)[:1], []QuizKey{{Kind: PreTest}}); err != nil {
		t.Fatalf("questions on a migrated older file: %v", err)
	}
	mustCheck(t, s)
}

func TestParseAnswerLine(t *testing.T) {
	got, err := ParseAnswerLine(`T F T B 1990 "global forum on migration and development" - “Addis Ababa” "say \"hi\"" _`)
	want := []string{"T", "F", "T", "B", "1990", "global forum on migration and development", "", "Addis Ababa", `say "hi"`, ""}
	if err != nil || strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("got %q, %v\nwant %q", got, err, want)
	}
	if _, err := ParseAnswerLine(`T "open`); err == nil || !strings.Contains(err.Error(), "answer 2") {
		t.Fatalf("unclosed quote: %v", err)
	}
}

func TestCompletionRule(t *testing.T) {
	s := openTest(t)
	w, ps, _, post := quizSetup(t, s)
	post.Completion = true
	if err := s.SaveQuiz(&post); err == nil {
		t.Fatal("a completion rule without a pass mark was accepted")
	}
	post.PassMark = 60
	if err := s.SaveQuiz(&post); err != nil {
		t.Fatal(err)
	}
	for i, resp := range [][]string{{"T", "A", "AB", "gfmd", "1990"}, {"T"}} {
		if _, err := s.RecordAnswers(post.ID, w.ID, []SheetInput{{ParticipantID: ps[i].ID, Responses: resp}}, ""); err != nil {
			t.Fatal(err)
		}
	}
	l, _, err := s.WorkshopLearning(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	rows := []EligibilityRow{
		{ParticipantID: ps[0].ID, Kind: KindAttendance, Eligible: true, Reason: "3 of 3 sessions"},
		{ParticipantID: ps[1].ID, Kind: KindAttendance, Eligible: true, Reason: "3 of 3 sessions"},
		{ParticipantID: ps[2].ID, Kind: KindAttendance, Eligible: true, Reason: "3 of 3 sessions"},
		{ParticipantID: uuid.New(), Kind: KindAttendance, Eligible: false, Reason: "1 of 3 sessions"},
	}
	got := ApplyCompletion(rows, l)
	if !got[ps[0].ID] || got[ps[1].ID] || len(got) != 1 || rows[0].Kind != KindCompletion || rows[1].Kind != KindAttendance {
		t.Fatalf("completion for %v", got)
	}
	for i, want := range []string{"post-test 80% ≥ 60%: certificate of completion", "post-test 20% < 60%: certificate of attendance",
		"post-test not taken: certificate of attendance"} {
		if !strings.HasSuffix(rows[i].Reason, "; "+want) {
			t.Errorf("row %d reason %q, want it to end %q", i, rows[i].Reason, want)
		}
	}
	if rows[3].Reason != "1 of 3 sessions" {
		t.Errorf("a participant not eligible got a completion reason: %q", rows[3].Reason)
	}
}

func TestDuplicateWorkshopCarriesQuestions(t *testing.T) {
	s := openTest(t)
	w, ps, pre, _ := quizSetup(t, s)
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	if err := s.AddQuestions([]*Question{{WorkshopID: w.ID, Kind: ShortAnswer, Text: "Who opened?", Options: []Option{{Text: "Chair", Weight: 100}}}},
		[]QuizKey{{Kind: QuickCheck, SessionID: se.ID}}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.RecordAnswers(pre.ID, w.ID, []SheetInput{{ParticipantID: ps[0].ID, Responses: []string{"T"}}}, ""); err != nil {
		t.Fatal(err)
	}
	c, err := s.DuplicateWorkshop(w.ID, "copy-2027", "Copy", mustDate(t, "2027-06-01"))
	if err != nil {
		t.Fatal(err)
	}
	qd, err := s.LoadQuizData(c.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(qd.Questions) != 6 || len(qd.Quizzes) != 3 {
		t.Fatalf("copy has %d questions and %d tests", len(qd.Questions), len(qd.Quizzes))
	}
	check := qd.Quizzes[2]
	sessions, _ := s.Sessions(c.ID)
	if check.Kind != QuickCheck || check.SessionID != sessions[0].ID || QuizQuestions(&check, qd.Questions)[0].Text != "Who opened?" {
		t.Fatalf("quick check not moved to the copy's session: %+v", check)
	}
	for _, z := range qd.Quizzes {
		if len(qd.Sheets[z.ID]) != 0 {
			t.Fatal("answers were copied")
		}
		if len(QuizQuestions(&z, qd.Questions)) != len(z.QuestionIDs) {
			t.Fatal("a copied test points to the original's questions")
		}
	}
	mustCheck(t, s)
}
