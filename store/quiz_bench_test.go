package store

import (
	"fmt"
	"testing"

	"github.com/google/uuid"
)

// BenchmarkLearning5000x40x2 scores 5,000 participants' pre- and post-tests
// of 40 questions each and works out the learning results (target ≤ 100 ms).
func BenchmarkLearning5000x40x2(b *testing.B) {
	w := Workshop{Record: Record{ID: NewID()}}
	var bank []Question
	for i := range 40 {
		q := *quizBank(w)[i%5]
		q.ID, q.Position = NewID(), i+1
		bank = append(bank, q)
	}
	pre := Quiz{Record: Record{ID: NewID()}, Kind: PreTest}
	post := Quiz{Record: Record{ID: NewID()}, Kind: PostTest, PassMark: 60}
	for _, q := range bank {
		pre.QuestionIDs = append(pre.QuestionIDs, q.ID)
		post.QuestionIDs = append(post.QuestionIDs, q.ID)
	}
	answers := [][]string{{"T", "F"}, {"A", "B"}, {"AB", "AC"}, {"global forum on migration and development", "Global Forum"}, {"1990", "1995"}}
	qd := &QuizData{Questions: bank, Quizzes: []Quiz{pre, post}, Sheets: map[uuid.UUID]map[uuid.UUID]AnswerSheet{pre.ID: {}, post.ID: {}}}
	ps := make([]Participant, 5000)
	for i := range ps {
		ps[i] = Participant{Record: Record{ID: NewID()}, GivenNames: "P", FamilyNames: fmt.Sprintf("Family %05d", (i*7919)%5000)}
		for k, z := range []Quiz{pre, post} {
			a := AnswerSheet{Responses: make(map[uuid.UUID]string, 40)}
			for j, q := range bank {
				a.Responses[q.ID] = answers[j%5][(i+j+k)%2]
			}
			qd.Sheets[z.ID][ps[i].ID] = a
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if l := LearningOf(ps, qd); l.Paired != 5000 {
			b.Fatal(l.Paired)
		}
	}
}

// BenchmarkRecordAnswerLine commits one keyed answer line of 12 questions
// and reads the sheet back scored, as the desk does (target ≤ 5 ms).
func BenchmarkRecordAnswerLine(b *testing.B) {
	s := openTest(b)
	w := addWorkshop(b, s, "bench-2027", "2027-03-10")
	var ps []Participant
	for i := range 40 {
		ps = append(ps, addParticipant(b, s, w, "P", fmt.Sprintf("F%02d", i), fmt.Sprintf("BNCH%02d", i)))
	}
	var qs []*Question
	for i := range 12 {
		q := *quizBank(w)[i%5]
		qs = append(qs, &q)
	}
	if err := s.AddQuestions(qs, []QuizKey{{Kind: PreTest}}); err != nil {
		b.Fatal(err)
	}
	line := `T A AB "global forum on migration and development" 1990 T B A "gfmd" 1991 F C`
	b.ResetTimer()
	i := 0
	for b.Loop() {
		if _, err := s.RecordAnswerLine(w.ID, QuizKey{Kind: PreTest}, ps[i%40].BadgeCode, line, "keyboard"); err != nil {
			b.Fatal(err)
		}
		i++
	}
}
