package store

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Normalize trims the text fields and gives an empty type the default
// (plenary).
func (se *Session) Normalize() {
	for _, f := range []*string{&se.Title, &se.Speakers, &se.Room} {
		*f = strings.TrimSpace(*f)
	}
	if se.Type == "" {
		se.Type = Plenary
	}
}

// Validate checks the session against its workshop and lists every problem.
func (se *Session) Validate(w *Workshop) error {
	var p problems
	if se.Title == "" {
		p.add("title", "a title is required")
	}
	p.checkText("title", se.Title, SessionLimits, false)
	p.checkText("speakers", se.Speakers, SessionLimits, false)
	p.checkText("room", se.Room, SessionLimits, false)
	if !validEnum(se.Type, SessionTypes, false) {
		p.add("type", "%q is not a session type", se.Type)
	}
	switch {
	case se.Date.IsZero():
		p.add("date", "a date is required")
	case se.Date.Before(w.StartDate) || se.Date.After(w.EndDate):
		p.add("date", "%s is outside the workshop's dates (%s to %s)", se.Date, w.StartDate, w.EndDate)
	}
	if se.Start < 0 || se.Start >= 24*60 {
		p.add("start", "the start time is not a time of day")
	}
	if se.End <= se.Start || se.End >= 24*60 {
		p.add("end", "the end time %s must be after the start time %s", se.End, se.Start)
	}
	return p.err()
}

// SaveSession validates and stores a session of an existing workshop: new
// when se.ID is unset, otherwise an update.
func (s *Store) SaveSession(se *Session) error {
	se.Normalize()
	rec := *se
	err := s.update(func(tx *bolt.Tx) error {
		var w Workshop
		if err := liveWorkshop(tx, rec.WorkshopID, &w); err != nil {
			return fmt.Errorf("save session: %w", err)
		}
		if err := rec.Validate(&w); err != nil {
			return err
		}
		b := tx.Bucket(bucketSessions)
		if rec.ID != uuid.Nil {
			var old Session
			if err := getJSON(b, rec.ID[:], &old); err != nil || old.Deleted() || old.WorkshopID != rec.WorkshopID {
				return fmt.Errorf("save session %s: %w", rec.ID, ErrNotFound)
			}
			rec.CreatedAt = old.CreatedAt
		}
		rec.DeletedAt = nil // saving is never a way to delete
		rec.touch(s.now(), s.device)
		if err := tx.Bucket(bucketSessionsByWorkshop).Put(join(rec.WorkshopID, rec.ID), nil); err != nil {
			return err
		}
		return putJSON(b, rec.ID[:], &rec)
	})
	if err != nil {
		return err
	}
	*se = rec
	return nil
}

// Session returns the live session with the given ID.
func (s *Store) Session(id uuid.UUID) (Session, error) {
	var se Session
	err := s.view(func(tx *bolt.Tx) error { return liveSession(tx, id, &se) })
	return se, err
}

func liveSession(tx *bolt.Tx, id uuid.UUID, se *Session) error {
	if err := getJSON(tx.Bucket(bucketSessions), id[:], se); err != nil {
		return fmt.Errorf("session %s: %w", id, err)
	}
	if se.Deleted() {
		return fmt.Errorf("session %s: %w", id, ErrNotFound)
	}
	return nil
}

// Sessions returns the live sessions of a workshop in agenda order (by date,
// then start time).
func (s *Store) Sessions(workshopID uuid.UUID) ([]Session, error) {
	var list []Session
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		list, err = sessionsOf(tx, workshopID)
		return err
	})
	return list, err
}

func sessionsOf(tx *bolt.Tx, workshopID uuid.UUID) ([]Session, error) {
	var list []Session
	b := tx.Bucket(bucketSessions)
	c := tx.Bucket(bucketSessionsByWorkshop).Cursor()
	prefix := workshopID[:]
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		var se Session
		if err := getJSON(b, k[16:], &se); err != nil {
			return nil, fmt.Errorf("session %x: %w", k[16:], err)
		}
		list = append(list, se)
	}
	SortSessions(list)
	return list, nil
}

// SortSessions puts sessions in agenda order: date, start time, end time, title.
func SortSessions(list []Session) {
	slices.SortStableFunc(list, func(a, b Session) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.Start, b.Start),
			cmp.Compare(a.End, b.End), strings.Compare(a.Title, b.Title))
	})
}

// DeleteSession deletes a session, leaving a tombstone; its attendance is
// kept for UndeleteSession.
func (s *Store) DeleteSession(id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var se Session
		if err := liveSession(tx, id, &se); err != nil {
			return err
		}
		now := s.now()
		se.touch(now, s.device)
		se.DeletedAt = &now
		if err := tx.Bucket(bucketSessionsByWorkshop).Delete(join(se.WorkshopID, se.ID)); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketSessions), id[:], &se)
	})
}

// UndeleteSession restores a deleted session.
func (s *Store) UndeleteSession(id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var se Session
		if err := getJSON(tx.Bucket(bucketSessions), id[:], &se); err != nil {
			return fmt.Errorf("undelete session %s: %w", id, err)
		}
		if !se.Deleted() {
			return nil
		}
		se.DeletedAt = nil
		se.touch(s.now(), s.device)
		if err := tx.Bucket(bucketSessionsByWorkshop).Put(join(se.WorkshopID, se.ID), nil); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketSessions), id[:], &se)
	})
}

// MarkFromPaper records that a session's attendance was typed back from a
// paper sign-in sheet at the given time.
func (s *Store) MarkFromPaper(sessionID uuid.UUID, at time.Time) error {
	return s.update(func(tx *bolt.Tx) error {
		var se Session
		if err := liveSession(tx, sessionID, &se); err != nil {
			return fmt.Errorf("mark from paper: %w", err)
		}
		se.FromPaperAt = at
		se.touch(s.now(), s.device)
		return putJSON(tx.Bucket(bucketSessions), se.ID[:], &se)
	})
}
