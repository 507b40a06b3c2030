package store

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// ScoredSheet is a participant's sheet for one test, scored, as shown back
// after keying it in: the questions in the test's order, the responses
// and the score.
type ScoredSheet struct {
	Participant Participant
	Quiz        Quiz
	Questions   []Question
	Responses   []string
	Score       Score
}

// Mark is how question i of the sheet went, as the scored sheet shows it:
// ✓ right, ½ partly right, ✗ wrong, – not answered.
func (s ScoredSheet) Mark(i int) string {
	switch {
	case s.Responses[i] == "":
		return "–"
	case s.Score.Right(i):
		return "✓"
	case s.Score.Credits[i] > 0:
		return "½"
	}
	return "✗"
}

// ParseQuizKey reads "pre", "post" or "check:SESSION", where SESSION is a
// session's ID, a unique prefix of it, or its title (ignoring case and
// accents), among sessions.
func ParseQuizKey(s string, sessions []Session) (QuizKey, error) {
	s = strings.TrimSpace(s)
	switch strings.ToLower(s) {
	case "pre":
		return QuizKey{Kind: PreTest}, nil
	case "post":
		return QuizKey{Kind: PostTest}, nil
	}
	ref, ok := strings.CutPrefix(s, "check:")
	if !ok {
		return QuizKey{}, fmt.Errorf("%q is not pre, post or check:SESSION", s)
	}
	var found []Session
	for _, se := range sessions {
		if strings.HasPrefix(se.ID.String(), strings.ToLower(ref)) || Fold(se.Title) == Fold(ref) {
			found = append(found, se)
		}
	}
	switch len(found) {
	case 0:
		return QuizKey{}, fmt.Errorf("no session has the ID or title %q", ref)
	case 1:
		return QuizKey{Kind: QuickCheck, SessionID: found[0].ID}, nil
	}
	return QuizKey{}, fmt.Errorf("%d sessions match %q; give the session's ID", len(found), ref)
}

// RecordAnswerLine records a keyed answer line (see ParseAnswerLine) for
// the participant holding badge at the workshop's test of key, and
// returns the sheet scored. Nothing is written when a response does not
// fit its question or the line holds more answers than the test has
// questions.
func (s *Store) RecordAnswerLine(workshopID uuid.UUID, key QuizKey, badge, line, source string) (ScoredSheet, error) {
	var out ScoredSheet
	p, err := s.ParticipantByBadge(workshopID, badge)
	if errors.Is(err, ErrNotFound) {
		return out, fmt.Errorf("no participant has the badge code %q", badge)
	} else if err != nil {
		return out, err
	}
	z, err := s.FindQuiz(workshopID, key)
	if err != nil {
		return out, err
	}
	resp, err := ParseAnswerLine(line)
	if err != nil {
		return out, err
	}
	if _, err := s.RecordAnswers(z.ID, workshopID, []SheetInput{{ParticipantID: p.ID, Responses: resp}}, source); err != nil {
		return out, err
	}
	return s.ScoredSheet(workshopID, z.ID, p.ID)
}

// ScoredSheet returns a participant's current sheet for a test, scored;
// the responses are empty when there is none.
func (s *Store) ScoredSheet(workshopID, quizID, participantID uuid.UUID) (ScoredSheet, error) {
	out := ScoredSheet{}
	err := s.view(func(tx *bolt.Tx) error {
		if err := liveParticipant(tx, participantID, &out.Participant); err != nil {
			return err
		}
		var err error
		if out.Quiz, out.Questions, err = quizInTx(tx, workshopID, quizID); err != nil {
			return err
		}
		var a AnswerSheet
		if err := getJSON(tx.Bucket(bucketQuizAnswers), join(quizID, participantID), &a); err != nil && !errors.Is(err, ErrNotFound) {
			return err
		}
		if a.Deleted() {
			a = AnswerSheet{}
		}
		out.Responses = make([]string, len(out.Questions))
		for i, q := range out.Questions {
			out.Responses[i] = a.Responses[q.ID]
		}
		return nil
	})
	if err != nil {
		return out, err
	}
	out.Score = NewTestScorer(out.Questions).Score(out.Responses)
	return out, nil
}

// RightAnswer returns the right answer of q as it is keyed: "T", "B",
// "AC", the first accepted text, or the value (± tolerance).
func RightAnswer(q *Question) string {
	switch q.Kind {
	case TrueFalse:
		if q.TrueFalseAnswer() {
			return "T"
		}
		return "F"
	case MultipleChoice:
		best := 0
		for i, o := range q.Options {
			if o.Weight > q.Options[best].Weight {
				best = i
			}
		}
		return Letter(best)
	case MultipleAnswer:
		var b strings.Builder
		for i, o := range q.Options {
			if o.Weight > 0 {
				b.WriteString(Letter(i))
			}
		}
		return b.String()
	case Numeric:
		for _, o := range q.Options {
			if o.Weight >= 100 {
				if o.Tolerance > 0 {
					return fmt.Sprintf("%s ± %g", o.Text, o.Tolerance)
				}
				return o.Text
			}
		}
	}
	for _, o := range q.Options {
		if o.Weight >= 100 {
			return o.Text
		}
	}
	return ""
}
