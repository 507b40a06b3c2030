package store

import (
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// DuplicateWorkshop makes a new workshop from an existing one used as a
// template: its settings and agenda, moved to start on start, under a new
// code and title, with its question bank and tests (not the answers);
// participants, attendance and certificates are not copied. Everything is written in one transaction.
func (s *Store) DuplicateWorkshop(id uuid.UUID, code, title string, start Date) (Workshop, error) {
	var w Workshop
	err := s.update(func(tx *bolt.Tx) error {
		var src Workshop
		if err := liveWorkshop(tx, id, &src); err != nil {
			return fmt.Errorf("duplicate workshop: %w", err)
		}
		sessions, err := sessionsOf(tx, id)
		if err != nil {
			return err
		}
		shift := src.StartDate.DaysUntil(start)
		w = src
		w.Record = Record{}
		w.Code, w.Title = code, title
		w.StartDate, w.EndDate = start, src.EndDate.AddDays(shift)
		w.Normalize()
		if err := w.Validate(); err != nil {
			return err
		}
		codes := tx.Bucket(bucketWorkshopCodes)
		if codes.Get([]byte(w.Code)) != nil {
			return ValidationError{{"code", fmt.Sprintf("the code %q is already used by another workshop", w.Code)}}
		}
		w.touch(s.now(), s.device)
		if err := codes.Put([]byte(w.Code), w.ID[:]); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketWorkshops), w.ID[:], &w); err != nil {
			return err
		}
		moved := map[uuid.UUID]uuid.UUID{} // old session → new, for the quick checks
		for _, se := range sessions {
			old := se.ID
			se.Record = Record{}
			se.WorkshopID = w.ID
			se.Date = se.Date.AddDays(shift)
			se.touch(s.now(), s.device)
			if err := tx.Bucket(bucketSessionsByWorkshop).Put(join(w.ID, se.ID), nil); err != nil {
				return err
			}
			if err := putJSON(tx.Bucket(bucketSessions), se.ID[:], &se); err != nil {
				return err
			}
			moved[old] = se.ID
		}
		return s.copyQuizzes(tx, id, w.ID, moved) // question bank and tests (quiz_copy.go)
	})
	return w, err
}
