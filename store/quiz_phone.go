package store

import (
	"fmt"
	"maps"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// RecordAnswer records one participant's answer to one question of a test
// (question is its position in the test, from 0), in a transaction of its
// own: the answer is on disk when RecordAnswer returns. The participant's
// other answers are kept; a blank takes the answer back. The new sheet
// replaces the current one, which stays in the history (so an undo brings
// back the answer before). It is how answers given on phones are saved,
// one at a time as they are chosen.
func (s *Store) RecordAnswer(workshopID, quizID, participantID uuid.UUID, question int, raw, source string) (AnswerSheet, error) {
	now := s.now().UTC()
	var a AnswerSheet
	err := s.update(func(tx *bolt.Tx) error {
		z, qs, err := quizInTx(tx, workshopID, quizID)
		if err != nil {
			return err
		}
		if z.Closed {
			return ErrQuizClosed
		}
		var p Participant
		if err := liveParticipant(tx, participantID, &p); err != nil || p.WorkshopID != workshopID {
			return fmt.Errorf("the participant is not one of the workshop's: %w", ErrNotFound)
		}
		if question < 0 || question >= len(qs) {
			return fmt.Errorf("question %d: the test has %d questions", question+1, len(qs))
		}
		r, err := CheckResponse(&qs[question], raw)
		if err != nil {
			return fmt.Errorf("question %d: %w", question+1, err)
		}
		a = AnswerSheet{WorkshopID: workshopID, QuizID: quizID, ParticipantID: p.ID,
			Responses: map[uuid.UUID]string{}, RecordedAt: now, Source: source}
		var cur AnswerSheet
		if getJSON(tx.Bucket(bucketQuizAnswers), join(quizID, p.ID), &cur) == nil && !cur.Deleted() {
			a.Previous = cur.ID
			maps.Copy(a.Responses, cur.Responses)
		}
		if a.Responses[qs[question].ID] == r && a.Previous != uuid.Nil {
			a = cur // the same answer again: nothing to write
			return nil
		}
		if r == "" {
			delete(a.Responses, qs[question].ID)
		} else {
			a.Responses[qs[question].ID] = r
		}
		return putSheet(tx, s, &a, now)
	})
	if err != nil {
		return AnswerSheet{}, err
	}
	return a, nil
}

// Sheet returns a participant's current answer sheet for a test, and
// whether there is one.
func (s *Store) Sheet(quizID, participantID uuid.UUID) (AnswerSheet, bool, error) {
	var a AnswerSheet
	found := false
	err := s.view(func(tx *bolt.Tx) error {
		v := tx.Bucket(bucketQuizAnswers).Get(join(quizID, participantID))
		if v == nil {
			return nil
		}
		var err error
		if a, err = decodeRecord[AnswerSheet](v); err != nil {
			return fmt.Errorf("answer sheet: %w", err)
		}
		found = !a.Deleted()
		return nil
	})
	if !found {
		a = AnswerSheet{}
	}
	return a, found, err
}
