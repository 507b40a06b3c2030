package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// AnswerSheet is one participant's answers to one test: a response per
// question ID (see the scoring for their form). Recording a test again
// replaces the sheet; every version stays in the sheet's history.
type AnswerSheet struct {
	Record
	WorkshopID    uuid.UUID            `json:"workshop_id"`
	QuizID        uuid.UUID            `json:"quiz_id"`
	ParticipantID uuid.UUID            `json:"participant_id"`
	Responses     map[uuid.UUID]string `json:"responses"`
	RecordedAt    time.Time            `json:"recorded_at"`
	// Source says how the answers came in: "keyboard", "import" or "app".
	Source string `json:"source,omitempty"`
	// Previous is the version that was current before this one, which
	// an undo brings back; nil for the first.
	Previous uuid.UUID `json:"previous,omitzero"`
}

// Aligned returns the responses in the order of questions.
func (a *AnswerSheet) Aligned(questionIDs []uuid.UUID) []string {
	out := make([]string, len(questionIDs))
	for i, id := range questionIDs {
		out[i] = a.Responses[id]
	}
	return out
}

// ErrQuizClosed means a closed test was given answers.
var ErrQuizClosed = errors.New("the test is closed; open it to record answers")

// SheetInput is one participant's answers to record.
type SheetInput struct {
	ParticipantID uuid.UUID
	Responses     []string // in the test's order; "" unanswered
}

// RecordAnswers records sheets for a test in one transaction: all or none.
// Each response is checked against its question (see CheckResponse); a
// problem names the sheet's position ("sheet 3: question 2: …"). The new
// sheets replace the current ones, which stay in the history.
func (s *Store) RecordAnswers(quizID uuid.UUID, workshopID uuid.UUID, sheets []SheetInput, source string) ([]AnswerSheet, error) {
	now := s.now().UTC()
	out := make([]AnswerSheet, 0, len(sheets))
	err := s.update(func(tx *bolt.Tx) error {
		z, qs, err := quizInTx(tx, workshopID, quizID)
		if err != nil {
			return err
		}
		if z.Closed {
			return ErrQuizClosed
		}
		for n, in := range sheets {
			var p Participant
			if err := liveParticipant(tx, in.ParticipantID, &p); err != nil || p.WorkshopID != workshopID {
				return sheetError(fmt.Errorf("the participant is not one of the workshop's: %w", ErrNotFound), n, len(sheets))
			}
			if len(in.Responses) > len(qs) {
				return sheetError(fmt.Errorf("%d answers for a test of %d questions", len(in.Responses), len(qs)), n, len(sheets))
			}
			a := AnswerSheet{WorkshopID: workshopID, QuizID: quizID, ParticipantID: p.ID,
				Responses: make(map[uuid.UUID]string, len(qs)), RecordedAt: now, Source: source}
			for i, r := range in.Responses {
				r, err := CheckResponse(&qs[i], r)
				if err != nil {
					return sheetError(fmt.Errorf("question %d: %w", i+1, err), n, len(sheets))
				}
				if r != "" {
					a.Responses[qs[i].ID] = r
				}
			}
			var cur AnswerSheet
			if getJSON(tx.Bucket(bucketQuizAnswers), join(quizID, p.ID), &cur) == nil && !cur.Deleted() {
				a.Previous = cur.ID
			}
			if err := putSheet(tx, s, &a, now); err != nil {
				return err
			}
			out = append(out, a)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

func sheetError(err error, i, n int) error {
	if n == 1 {
		return err
	}
	return fmt.Errorf("sheet %d: %w", i+1, err)
}

func quizInTx(tx *bolt.Tx, workshopID, quizID uuid.UUID) (Quiz, []Question, error) {
	var z Quiz
	if err := getJSON(tx.Bucket(bucketQuizzes), join(workshopID, quizID), &z); err != nil || z.Deleted() {
		return z, nil, fmt.Errorf("test %s: %w", quizID, ErrNotFound)
	}
	bank, err := questionsOf(tx, workshopID)
	if err != nil {
		return z, nil, err
	}
	return z, QuizQuestions(&z, bank), nil
}

// putSheet makes a the current sheet (a new version) and adds it to the
// history.
func putSheet(tx *bolt.Tx, s *Store, a *AnswerSheet, now time.Time) error {
	a.ID = uuid.Nil
	a.touch(now, s.device)
	key := join(a.QuizID, a.ParticipantID)
	if err := putJSON(tx.Bucket(bucketQuizAnswers), key, a); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketQuizAnswersHistory), join(a.QuizID, a.ParticipantID, a.ID), a)
}

// UndoAnswers takes back the last sheet recorded for a participant: the
// version before it becomes current again, or the participant has no sheet
// when there was none. The undo is itself a version in the history. It
// returns the sheet now current (zero when none).
func (s *Store) UndoAnswers(workshopID, quizID, participantID uuid.UUID) (AnswerSheet, error) {
	var cur AnswerSheet
	now := s.now().UTC()
	err := s.update(func(tx *bolt.Tx) error {
		key := join(quizID, participantID)
		if err := getJSON(tx.Bucket(bucketQuizAnswers), key, &cur); err != nil || cur.Deleted() {
			return fmt.Errorf("undo: no answers recorded: %w", ErrNotFound)
		}
		versions, err := sheetVersions(tx, quizID, participantID)
		if err != nil {
			return err
		}
		var prev *AnswerSheet
		for i := range versions {
			if versions[i].ID == cur.Previous && cur.Previous != uuid.Nil {
				prev = &versions[i]
			}
		}
		if prev == nil {
			cur.touch(now, s.device)
			cur.DeletedAt = &now
			cur.ID = NewID()
			if err := putJSON(tx.Bucket(bucketQuizAnswers), key, &cur); err != nil {
				return err
			}
			return putJSON(tx.Bucket(bucketQuizAnswersHistory), join(quizID, participantID, cur.ID), &cur)
		}
		cur = *prev // keeps its own Previous, so undoing again goes further back
		cur.Source = "undo"
		return putSheet(tx, s, &cur, now)
	})
	if err != nil {
		return AnswerSheet{}, err
	}
	if cur.Deleted() {
		return AnswerSheet{}, nil
	}
	return cur, nil
}

func sheetVersions(tx *bolt.Tx, quizID, participantID uuid.UUID) ([]AnswerSheet, error) {
	var list []AnswerSheet
	prefix := join(quizID, participantID)
	c := tx.Bucket(bucketQuizAnswersHistory).Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		a, err := decodeRecord[AnswerSheet](v)
		if err != nil {
			return nil, fmt.Errorf("answer history %x: %w", k, err)
		}
		list = append(list, a)
	}
	return list, nil
}

// AnswerHistory returns every version of a participant's sheet for a
// test, oldest first; undone sheets are tombstones.
func (s *Store) AnswerHistory(quizID, participantID uuid.UUID) ([]AnswerSheet, error) {
	var list []AnswerSheet
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		list, err = sheetVersions(tx, quizID, participantID)
		return err
	})
	return list, err
}

// Sheets returns the current answer sheets of a test by participant.
func (s *Store) Sheets(quizID uuid.UUID) (map[uuid.UUID]AnswerSheet, error) {
	out := map[uuid.UUID]AnswerSheet{}
	err := s.view(func(tx *bolt.Tx) error { return sheetsOf(tx, quizID, out) })
	return out, err
}

func sheetsOf(tx *bolt.Tx, quizID uuid.UUID, out map[uuid.UUID]AnswerSheet) error {
	c := tx.Bucket(bucketQuizAnswers).Cursor()
	prefix := quizID[:]
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		a, err := decodeRecord[AnswerSheet](v)
		if err != nil {
			return fmt.Errorf("answer sheet %x: %w", k, err)
		}
		if !a.Deleted() {
			out[a.ParticipantID] = a
		}
	}
	return nil
}

// QuizData is a workshop's question bank, tests and current answers, read
// in one transaction.
type QuizData struct {
	Questions []Question
	Quizzes   []Quiz
	// Sheets holds the current sheets: test ID → participant ID → sheet.
	Sheets map[uuid.UUID]map[uuid.UUID]AnswerSheet
}

// Quiz returns the test of key, or nil.
func (d *QuizData) Quiz(key QuizKey) *Quiz {
	for i := range d.Quizzes {
		if d.Quizzes[i].Key() == key {
			return &d.Quizzes[i]
		}
	}
	return nil
}

// LoadQuizData reads a workshop's questions, tests and answers.
func (s *Store) LoadQuizData(workshopID uuid.UUID) (*QuizData, error) {
	d := &QuizData{Sheets: map[uuid.UUID]map[uuid.UUID]AnswerSheet{}}
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		if d.Questions, err = questionsOf(tx, workshopID); err != nil {
			return err
		}
		if d.Quizzes, err = quizzesOf(tx, workshopID); err != nil {
			return err
		}
		for _, z := range d.Quizzes {
			m := map[uuid.UUID]AnswerSheet{}
			if err := sheetsOf(tx, z.ID, m); err != nil {
				return err
			}
			d.Sheets[z.ID] = m
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}
