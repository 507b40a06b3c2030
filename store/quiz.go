package store

import (
	"bytes"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// QuizKind is what a test is for.
type QuizKind string

// The kinds of test.
const (
	PreTest    QuizKind = "pre"   // before the workshop
	PostTest   QuizKind = "post"  // after it, the same questions or a parallel form
	QuickCheck QuizKind = "check" // the in-talk quiz of one session
)

// QuizKey names a test of a workshop: its kind and, for a quick check, its
// session.
type QuizKey struct {
	Kind      QuizKind
	SessionID uuid.UUID
}

// String returns "pre", "post" or "check:SESSION-ID".
func (k QuizKey) String() string {
	if k.Kind == QuickCheck {
		return "check:" + k.SessionID.String()
	}
	return string(k.Kind)
}

// Quiz is one test of a workshop: its questions in the order printed, a
// pass mark and whether answers are still taken. The pre- and post-tests
// are matched item by item: question i of the one with question i of the
// other, the same question or its parallel form.
type Quiz struct {
	Record
	WorkshopID  uuid.UUID   `json:"workshop_id"`
	Kind        QuizKind    `json:"kind"`
	SessionID   uuid.UUID   `json:"session_id,omitzero"` // quick checks
	Title       string      `json:"title,omitempty"`
	QuestionIDs []uuid.UUID `json:"question_ids"`
	// PassMark is the per cent needed to pass; 0 means no pass mark.
	PassMark float64 `json:"pass_mark,omitempty"`
	Closed   bool    `json:"closed,omitempty"`
	// Completion, on the post-test, is the certificate rule "post-test ≥
	// pass mark": those eligible who reach the pass mark get a
	// certificate of completion, the others one of attendance.
	Completion bool `json:"completion,omitempty"`
}

// Key returns the test's key.
func (z *Quiz) Key() QuizKey { return QuizKey{z.Kind, z.SessionID} }

// Passed reports whether a score passes the test; always false without a
// pass mark.
func (z *Quiz) Passed(pct float64) bool { return z.PassMark > 0 && pct+1e-9 >= z.PassMark }

// Validate checks the test on its own.
func (z *Quiz) Validate() error {
	var pr problems
	if !validEnum(z.Kind, []QuizKind{PreTest, PostTest, QuickCheck}, false) {
		pr.add("kind", "%q is not pre, post or check", z.Kind)
	}
	if z.Kind == QuickCheck && z.SessionID == uuid.Nil {
		pr.add("session", "a quick check belongs to a session")
	}
	if z.PassMark < 0 || z.PassMark > 100 {
		pr.add("pass_mark", "%g is not a per cent from 0 to 100", z.PassMark)
	}
	pr.checkText("title", z.Title, map[string]int{"title": 200}, false)
	if z.Completion && (z.Kind != PostTest || z.PassMark <= 0) {
		pr.add("completion", "certificates of completion need the post-test and its pass mark")
	}
	return pr.err()
}

// Quizzes returns the tests of a workshop: pre, post, then the quick checks
// in the order they were made.
func (s *Store) Quizzes(workshopID uuid.UUID) ([]Quiz, error) {
	var list []Quiz
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		list, err = quizzesOf(tx, workshopID)
		return err
	})
	return list, err
}

func quizzesOf(tx *bolt.Tx, workshopID uuid.UUID) ([]Quiz, error) {
	var list []Quiz
	c := tx.Bucket(bucketQuizzes).Cursor()
	prefix := workshopID[:]
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		z, err := decodeRecord[Quiz](v)
		if err != nil {
			return nil, fmt.Errorf("test %x: %w", k, err)
		}
		if !z.Deleted() {
			list = append(list, z)
		}
	}
	order := map[QuizKind]int{PreTest: 0, PostTest: 1, QuickCheck: 2}
	slices.SortStableFunc(list, func(a, b Quiz) int { return order[a.Kind] - order[b.Kind] })
	return list, nil
}

// FindQuiz returns the workshop's test of key.
func (s *Store) FindQuiz(workshopID uuid.UUID, key QuizKey) (Quiz, error) {
	list, err := s.Quizzes(workshopID)
	if err != nil {
		return Quiz{}, err
	}
	for _, z := range list {
		if z.Key() == key {
			return z, nil
		}
	}
	return Quiz{}, fmt.Errorf("test %s: %w", key, ErrNotFound)
}

// SaveQuiz validates and stores a test; its questions must be live
// questions of its workshop, each at most once. There is one pre-test,
// one post-test and one quick check per session.
func (s *Store) SaveQuiz(z *Quiz) error {
	z.Title = nfc(strings.TrimSpace(z.Title))
	if err := z.Validate(); err != nil {
		return err
	}
	rec := *z
	err := s.update(func(tx *bolt.Tx) error {
		var w Workshop
		if err := liveWorkshop(tx, rec.WorkshopID, &w); err != nil {
			return err
		}
		if rec.Kind == QuickCheck {
			var se Session
			if err := liveSession(tx, rec.SessionID, &se); err != nil || se.WorkshopID != rec.WorkshopID {
				return fmt.Errorf("quick check: the session is not one of the workshop's: %w", ErrNotFound)
			}
		}
		return putQuiz(tx, s, &rec, s.now().UTC())
	})
	if err == nil {
		*z = rec
	}
	return err
}

func putQuiz(tx *bolt.Tx, s *Store, z *Quiz, now time.Time) error {
	quizzes, err := quizzesOf(tx, z.WorkshopID)
	if err != nil {
		return err
	}
	for _, o := range quizzes {
		if o.ID != z.ID && o.Key() == z.Key() {
			return fmt.Errorf("the workshop already has a %s test", z.Kind)
		}
	}
	bank, err := questionsOf(tx, z.WorkshopID)
	if err != nil {
		return err
	}
	seen := map[uuid.UUID]bool{}
	for _, id := range z.QuestionIDs {
		if !slices.ContainsFunc(bank, func(q Question) bool { return q.ID == id }) {
			return fmt.Errorf("test %s: question %s is not in the workshop's bank: %w", z.Kind, id, ErrNotFound)
		}
		if seen[id] {
			return fmt.Errorf("test %s: question %s appears twice", z.Kind, id)
		}
		seen[id] = true
	}
	z.touch(now, s.device)
	return putJSON(tx.Bucket(bucketQuizzes), join(z.WorkshopID, z.ID), z)
}

// appendToQuiz adds questions at the end of the workshop's test of key,
// creating the test when there is none.
func appendToQuiz(tx *bolt.Tx, s *Store, workshopID uuid.UUID, key QuizKey, ids []uuid.UUID, now time.Time) error {
	quizzes, err := quizzesOf(tx, workshopID)
	if err != nil {
		return err
	}
	z := Quiz{WorkshopID: workshopID, Kind: key.Kind, SessionID: key.SessionID}
	if i := slices.IndexFunc(quizzes, func(o Quiz) bool { return o.Key() == key }); i >= 0 {
		z = quizzes[i]
	}
	if err := z.Validate(); err != nil {
		return err
	}
	z.QuestionIDs = append(z.QuestionIDs, ids...)
	return putQuiz(tx, s, &z, now)
}

// QuizQuestions returns a test's questions in its order.
func QuizQuestions(z *Quiz, bank []Question) []Question {
	byID := make(map[uuid.UUID]*Question, len(bank))
	for i := range bank {
		byID[bank[i].ID] = &bank[i]
	}
	out := make([]Question, 0, len(z.QuestionIDs))
	for _, id := range z.QuestionIDs {
		if q := byID[id]; q != nil {
			out = append(out, *q)
		}
	}
	return out
}
