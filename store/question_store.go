package store

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Question returns a live question.
func (s *Store) Question(id uuid.UUID) (Question, error) {
	var q Question
	err := s.view(func(tx *bolt.Tx) error {
		found := false
		err := tx.Bucket(bucketQuestions).ForEach(func(k, v []byte) error {
			if found || !bytes.Equal(k[16:], id[:]) {
				return nil
			}
			found = true
			return decodeInto(v, &q)
		})
		if err == nil && (!found || q.Deleted()) {
			err = ErrNotFound
		}
		if err != nil {
			return fmt.Errorf("question %s: %w", id, err)
		}
		return nil
	})
	return q, err
}

func decodeInto[T any](data []byte, v *T) error {
	d, err := decodeRecord[T](data)
	if err != nil {
		return err
	}
	*v = d
	return nil
}

// Questions returns the live questions of a workshop's bank in order.
func (s *Store) Questions(workshopID uuid.UUID) ([]Question, error) {
	var list []Question
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		list, err = questionsOf(tx, workshopID)
		return err
	})
	return list, err
}

func questionsOf(tx *bolt.Tx, workshopID uuid.UUID) ([]Question, error) {
	var list []Question
	c := tx.Bucket(bucketQuestions).Cursor()
	prefix := workshopID[:]
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		q, err := decodeRecord[Question](v)
		if err != nil {
			return nil, fmt.Errorf("question %x: %w", k, err)
		}
		if !q.Deleted() {
			list = append(list, q)
		}
	}
	slices.SortStableFunc(list, func(a, b Question) int { return a.Position - b.Position })
	return list, nil
}

// SaveQuestions validates and stores questions of an existing workshop in
// one transaction: all or none. A new question without a position goes at
// the end of the bank. A problem names the question's position in qs
// ("question 3: options").
func (s *Store) SaveQuestions(qs []*Question) error {
	return s.AddQuestions(qs, nil)
}

// AddQuestions stores questions as SaveQuestions does and, in the same
// transaction, appends the new ones to each test of into (created when the
// workshop has none of that kind yet).
func (s *Store) AddQuestions(qs []*Question, into []QuizKey) error {
	recs := make([]Question, len(qs))
	for i, q := range qs {
		q.Normalize()
		if err := q.Validate(); err != nil {
			return questionError(err, i, len(qs))
		}
		recs[i] = *q
	}
	now := s.now().UTC()
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketQuestions)
		next := map[uuid.UUID]int{}
		added := map[uuid.UUID][]uuid.UUID{}
		for i := range recs {
			q := &recs[i]
			var w Workshop
			if err := liveWorkshop(tx, q.WorkshopID, &w); err != nil {
				return questionError(err, i, len(recs))
			}
			if _, ok := next[q.WorkshopID]; !ok {
				bank, err := questionsOf(tx, q.WorkshopID)
				if err != nil {
					return err
				}
				next[q.WorkshopID] = len(bank) + 1
				if len(bank) > 0 {
					next[q.WorkshopID] = bank[len(bank)-1].Position + 1
				}
			}
			if q.touch(now, s.device) {
				added[q.WorkshopID] = append(added[q.WorkshopID], q.ID)
			}
			if q.Position == 0 {
				q.Position = next[q.WorkshopID]
				next[q.WorkshopID]++
			}
			if err := putJSON(b, join(q.WorkshopID, q.ID), q); err != nil {
				return err
			}
		}
		for ws, ids := range added {
			for _, key := range into {
				if err := appendToQuiz(tx, s, ws, key, ids, now); err != nil {
					return err
				}
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, q := range qs {
		*q = recs[i]
	}
	return nil
}

func questionError(err error, i, n int) error {
	if n == 1 {
		return err
	}
	return fmt.Errorf("question %d: %w", i+1, err)
}

// DeleteQuestion deletes a question (a tombstone) and takes it out of the
// tests that hold it; answers already given to it are kept in the sheets.
func (s *Store) DeleteQuestion(id uuid.UUID) error {
	q, err := s.Question(id)
	if err != nil {
		return err
	}
	now := s.now().UTC()
	return s.update(func(tx *bolt.Tx) error {
		q.touch(now, s.device)
		q.DeletedAt = &now
		if err := putJSON(tx.Bucket(bucketQuestions), join(q.WorkshopID, q.ID), &q); err != nil {
			return err
		}
		quizzes, err := quizzesOf(tx, q.WorkshopID)
		if err != nil {
			return err
		}
		for _, z := range quizzes {
			if i := slices.Index(z.QuestionIDs, id); i >= 0 {
				z.QuestionIDs = slices.Delete(z.QuestionIDs, i, i+1)
				z.touch(now, s.device)
				if err := putJSON(tx.Bucket(bucketQuizzes), join(z.WorkshopID, z.ID), &z); err != nil {
					return err
				}
			}
		}
		return nil
	})
}
