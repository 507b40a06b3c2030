package store

import (
	"cmp"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// LearningRow is one participant's results: the pre- and post-test scores
// (nil when not taken) and, when both were taken, the gain in points of
// per cent and the normalised gain.
type LearningRow struct {
	Participant Participant
	Pre, Post   *Score
	// Gain is post − pre in points of per cent; valid when Paired.
	Gain float64
	// NormGain is Hake's normalised gain (post − pre) / (100 − pre); valid
	// when Paired and the pre-test score is under 100.
	NormGain    float64
	HasNormGain bool
	Passed      bool // the post-test score reaches its pass mark
}

// Paired reports whether the participant took both tests.
func (r *LearningRow) Paired() bool { return r.Pre != nil && r.Post != nil }

// QuestionResult is the share of right answers to item i of the tests,
// before and after, over those who took each test.
type QuestionResult struct {
	Position        int      // from 1, in the tests' order
	Pre, Post       Question // the item in each test (zero when the test has no item i)
	PreRight        float64  // per cent right in the pre-test
	PostRight       float64
	PreN, PostN     int // participants who took each test
	HasPre, HasPost bool
}

// Learning is a workshop's learning results: the gain between the
// pre-test and the post-test (Kirkpatrick level 2).
type Learning struct {
	PreQuiz, PostQuiz *Quiz
	Rows              []LearningRow // family-name order
	// Paired statistics, over the participants who took both tests.
	Paired       int
	MeanPre      float64
	MeanPost     float64
	MeanGain     float64
	MeanNormGain float64 // over the paired participants with pre < 100
	NormGainN    int
	Improved     float64 // per cent of the paired participants whose score rose
	Passed       float64 // per cent of the post-test takers who reached the pass mark
	HasPassMark  bool
	PreTakers    int
	PostTakers   int
	Questions    []QuestionResult
	// PreBins and PostBins count scores in tenths: 0–9 %, 10–19 %, …,
	// 90–100 %.
	PreBins, PostBins [10]int
}

// quizScoring scores the sheets of one test.
type quizScoring struct {
	quiz   *Quiz
	qs     []Question
	ids    []uuid.UUID
	ts     *TestScorer
	sheets map[uuid.UUID]AnswerSheet
	resp   []string
	right  []float64 // participants fully right, per question
	takers int
}

func newQuizScoring(z *Quiz, bank []Question, sheets map[uuid.UUID]AnswerSheet) *quizScoring {
	qs := QuizQuestions(z, bank)
	sc := &quizScoring{quiz: z, qs: qs, ts: NewTestScorer(qs), sheets: sheets,
		ids: make([]uuid.UUID, len(qs)), resp: make([]string, len(qs)), right: make([]float64, len(qs))}
	for i := range qs {
		sc.ids[i] = qs[i].ID
	}
	return sc
}

// score returns the participant's score, or nil when there is no sheet.
func (sc *quizScoring) score(pid uuid.UUID) *Score {
	if sc == nil {
		return nil
	}
	a, ok := sc.sheets[pid]
	if !ok {
		return nil
	}
	for i, id := range sc.ids {
		sc.resp[i] = a.Responses[id]
	}
	s := sc.ts.Score(sc.resp)
	sc.takers++
	for i, c := range s.Credits {
		if c >= 0.999 {
			sc.right[i]++
		}
	}
	return &s
}

// ScoreQuiz scores every current sheet of a test: participant ID → score.
func ScoreQuiz(z *Quiz, bank []Question, sheets map[uuid.UUID]AnswerSheet) map[uuid.UUID]Score {
	sc := newQuizScoring(z, bank, sheets)
	out := make(map[uuid.UUID]Score, len(sheets))
	for pid := range sheets {
		out[pid] = *sc.score(pid)
	}
	return out
}

// LearningOf works out the learning results of participants from the
// tests and answers of qd.
func LearningOf(participants []Participant, qd *QuizData) *Learning {
	l := &Learning{PreQuiz: qd.Quiz(QuizKey{Kind: PreTest}), PostQuiz: qd.Quiz(QuizKey{Kind: PostTest})}
	var pre, post *quizScoring
	if l.PreQuiz != nil {
		pre = newQuizScoring(l.PreQuiz, qd.Questions, qd.Sheets[l.PreQuiz.ID])
	}
	if l.PostQuiz != nil {
		post = newQuizScoring(l.PostQuiz, qd.Questions, qd.Sheets[l.PostQuiz.ID])
		l.HasPassMark = l.PostQuiz.PassMark > 0
	}
	improved, passed := 0, 0
	for _, p := range participants {
		r := LearningRow{Participant: p, Pre: pre.score(p.ID), Post: post.score(p.ID)}
		if r.Pre != nil {
			l.PreTakers++
			l.PreBins[bin(r.Pre.Percent)]++
		}
		if r.Post != nil {
			l.PostTakers++
			l.PostBins[bin(r.Post.Percent)]++
			r.Passed = l.PostQuiz.Passed(r.Post.Percent)
			if r.Passed {
				passed++
			}
		}
		if r.Pre == nil && r.Post == nil {
			continue
		}
		if r.Paired() {
			r.Gain = r.Post.Percent - r.Pre.Percent
			l.Paired++
			l.MeanPre += r.Pre.Percent
			l.MeanPost += r.Post.Percent
			l.MeanGain += r.Gain
			if r.Gain > 1e-9 {
				improved++
			}
			if r.Pre.Percent < 100-1e-9 {
				r.NormGain, r.HasNormGain = r.Gain/(100-r.Pre.Percent), true
				l.MeanNormGain += r.NormGain
				l.NormGainN++
			}
		}
		l.Rows = append(l.Rows, r)
	}
	if l.Paired > 0 {
		n := float64(l.Paired)
		l.MeanPre, l.MeanPost, l.MeanGain = l.MeanPre/n, l.MeanPost/n, l.MeanGain/n
		l.Improved = float64(improved) / n * 100
	}
	if l.NormGainN > 0 {
		l.MeanNormGain /= float64(l.NormGainN)
	}
	if l.PostTakers > 0 {
		l.Passed = float64(passed) / float64(l.PostTakers) * 100
	}
	l.questions(pre, post)
	SortByFamilyName(l.Rows, func(r *LearningRow) *Participant { return &r.Participant })
	return l
}

func (l *Learning) questions(pre, post *quizScoring) {
	n := 0
	for _, sc := range []*quizScoring{pre, post} {
		if sc != nil {
			n = max(n, len(sc.qs))
		}
	}
	l.Questions = make([]QuestionResult, n)
	for i := range n {
		qr := QuestionResult{Position: i + 1}
		if pre != nil && i < len(pre.qs) {
			qr.Pre, qr.HasPre, qr.PreN = pre.qs[i], true, pre.takers
			qr.PreRight = pre.right[i] / float64(max(pre.takers, 1)) * 100
		}
		if post != nil && i < len(post.qs) {
			qr.Post, qr.HasPost, qr.PostN = post.qs[i], true, post.takers
			qr.PostRight = post.right[i] / float64(max(post.takers, 1)) * 100
		}
		l.Questions[i] = qr
	}
}

func bin(pct float64) int { return min(max(int(pct/10), 0), 9) }

// Row returns the row of a participant, or nil.
func (l *Learning) Row(participantID uuid.UUID) *LearningRow {
	for i := range l.Rows {
		if l.Rows[i].Participant.ID == participantID {
			return &l.Rows[i]
		}
	}
	return nil
}

// SortByFamilyName sorts list in place, stably, by family names then given
// names, ignoring case and accents; a person with no family name sorts by
// the given names.
func SortByFamilyName[T any](list []T, person func(*T) *Participant) {
	type keyed struct {
		family, given string
		i             int
	}
	keys := make([]keyed, len(list))
	for i := range list {
		p := person(&list[i])
		f, g := p.FamilyNames, p.GivenNames
		if strings.TrimSpace(f) == "" {
			f, g = g, ""
		}
		if strings.TrimSpace(f) == "" {
			f = p.NativeName
		}
		keys[i] = keyed{Fold(f), Fold(g), i}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		return cmp.Or(strings.Compare(a.family, b.family), strings.Compare(a.given, b.given), a.i-b.i)
	})
	sorted := make([]T, len(list))
	for i, k := range keys {
		sorted[i] = list[k.i]
	}
	copy(list, sorted)
}

// WorkshopLearning reads and works out a workshop's learning results.
func (s *Store) WorkshopLearning(workshopID uuid.UUID) (*Learning, *QuizData, error) {
	ps, err := s.Participants(workshopID)
	if err != nil {
		return nil, nil, err
	}
	qd, err := s.LoadQuizData(workshopID)
	if err != nil {
		return nil, nil, err
	}
	return LearningOf(ps, qd), qd, nil
}
