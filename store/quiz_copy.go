package store

import (
	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// copyQuizzes copies a workshop's question bank and tests (their
// questions, pass marks and rules, not the answers) to another workshop;
// a quick check follows its session through moved (old ID → new ID) and
// is left out when its session was not copied.
func (s *Store) copyQuizzes(tx *bolt.Tx, from, to uuid.UUID, moved map[uuid.UUID]uuid.UUID) error {
	bank, err := questionsOf(tx, from)
	if err != nil {
		return err
	}
	quizzes, err := quizzesOf(tx, from)
	if err != nil {
		return err
	}
	now := s.now().UTC()
	ids := make(map[uuid.UUID]uuid.UUID, len(bank))
	for _, q := range bank {
		old := q.ID
		q.Record, q.WorkshopID = Record{}, to
		q.touch(now, s.device)
		ids[old] = q.ID
		if err := putJSON(tx.Bucket(bucketQuestions), join(to, q.ID), &q); err != nil {
			return err
		}
	}
	for _, z := range quizzes {
		if z.Kind == QuickCheck {
			if z.SessionID = moved[z.SessionID]; z.SessionID == uuid.Nil {
				continue
			}
		}
		z.Record, z.WorkshopID, z.Closed = Record{}, to, false
		for i, id := range z.QuestionIDs {
			z.QuestionIDs[i] = ids[id]
		}
		z.touch(now, s.device)
		if err := putJSON(tx.Bucket(bucketQuizzes), join(to, z.ID), &z); err != nil {
			return err
		}
	}
	return nil
}
