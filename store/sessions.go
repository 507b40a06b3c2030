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

// LateFrom returns the instant after which, with the grace time, a
// check-in at the session is late: its start, or, when the start's clock
// time happens twice that day (the clocks went back), the second of the
// two, so that no one whose clock shows them within the grace time is late.
func (se *Session) LateFrom(loc *time.Location) time.Time {
	return se.Date.Reading(se.Start, loc).Last
}

// ClockWarnings says when the session's start or end is a clock time the
// clocks jump over that day in the workshop's time zone, or one that
// happens twice, and what the session does then; nil for ordinary times.
// They are warnings: such a session can be saved.
func (se *Session) ClockWarnings(w *Workshop) []string {
	loc := w.Location()
	day := time.Date(se.Date.Year, se.Date.Month, se.Date.Day, 12, 0, 0, 0, time.UTC).Format("Mon 2 Jan 2006")
	late := w.Rule.Effective().LateAfterMinutes
	var out []string
	for i, c := range []Clock{se.Start, se.End} {
		r := se.Date.Reading(c, loc)
		if !r.Skipped && !r.Repeated {
			continue
		}
		// The change of the clocks: the instant it happens, shown on the
		// clock before and after.
		at, _ := r.Last.ZoneBounds()
		_, before := at.Add(-time.Second).Zone()
		from := at.In(time.FixedZone("", before)).Format("15:04")
		to := at.In(loc).Format("15:04")
		switch {
		case r.Skipped && i == 0:
			out = append(out, fmt.Sprintf("%s does not exist on %s in %s: the clocks go forward from %s to %s, so the session starts at %s",
				c, day, loc, from, to, r.First.Format("15:04")))
		case r.Skipped:
			out = append(out, fmt.Sprintf("%s does not exist on %s in %s: the clocks go forward from %s to %s, so the session ends at %s",
				c, day, loc, from, to, r.First.Format("15:04")))
		case i == 0:
			out = append(out, fmt.Sprintf("%s happens twice on %s in %s: the clocks go back from %s to %s; the session starts at the first %s, and check-ins are late only %d min after the second",
				c, day, loc, from, to, c, late))
		default:
			out = append(out, fmt.Sprintf("%s happens twice on %s in %s: the clocks go back from %s to %s; the session ends at the first %s",
				c, day, loc, from, to, c))
		}
	}
	return out
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
