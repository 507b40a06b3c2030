package store

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

var workshopCode = regexp.MustCompile(`^[a-z0-9][a-z0-9-]{1,31}$`)

// Normalize trims every text field, lower-cases the code, upper-cases the
// country and fills in the country's main time zone when none is set.
func (w *Workshop) Normalize() {
	for _, f := range []*string{&w.Code, &w.Title, &w.Series, &w.City, &w.Country, &w.TimeZone, &w.Organiser, &w.Partners, &w.Language, &w.Notes} {
		*f = strings.TrimSpace(*f)
	}
	w.Code = strings.ToLower(w.Code)
	w.Country = strings.ToUpper(w.Country)
	if w.TimeZone == "" {
		w.TimeZone = DefaultTimeZone(w.Country)
	}
}

// Validate checks the workshop on its own and lists every problem by field.
func (w *Workshop) Validate() error {
	var p problems
	switch {
	case w.Code == "":
		p.add("code", "a short code is required, e.g. addis-2027")
	case !workshopCode.MatchString(w.Code):
		p.add("code", "use 2 to 32 lower-case letters, digits or dashes, e.g. addis-2027")
	}
	if w.Title == "" {
		p.add("title", "a title is required")
	}
	if w.City == "" {
		p.add("city", "the venue city is required")
	}
	for _, f := range []struct {
		field, value string
	}{{"title", w.Title}, {"series", w.Series}, {"city", w.City}, {"organiser", w.Organiser}, {"partners", w.Partners}} {
		p.checkText(f.field, f.value, WorkshopLimits, false)
	}
	p.checkText("notes", w.Notes, WorkshopLimits, true)
	if _, ok := CountryName(w.Country); !ok {
		p.add("country", "%q is not an ISO 3166 country code such as ET, SN or CL", w.Country)
	}
	if err := w.Certificate.Validate(); err != nil {
		p = append(p, err.(ValidationError)...)
	}
	if err := w.Rule.Validate(); err != nil {
		if v, ok := err.(ValidationError); ok {
			p = append(p, v...)
		}
	}
	w.validateRetention(&p)
	if w.TimeZone == "" {
		p.add("time_zone", "a time zone is required, e.g. Africa/Addis_Ababa")
	} else if _, err := time.LoadLocation(w.TimeZone); err != nil {
		p.add("time_zone", "%q is not a known time zone", w.TimeZone)
	}
	switch {
	case w.StartDate.IsZero():
		p.add("start_date", "a start date is required")
	case w.EndDate.IsZero():
		p.add("end_date", "an end date is required")
	case w.EndDate.Before(w.StartDate):
		p.add("end_date", "the end date %s is before the start date %s", w.EndDate, w.StartDate)
	case w.Days() > 366:
		p.add("end_date", "a workshop cannot last more than a year")
	}
	return p.err()
}

// SaveWorkshop validates and stores w: a new workshop when w.ID is unset,
// otherwise an update. The code must be unique among live workshops, and
// the workshop's sessions must stay inside its dates.
func (s *Store) SaveWorkshop(w *Workshop) error {
	w.Normalize()
	if err := w.Validate(); err != nil {
		return err
	}
	rec := *w
	err := s.update(func(tx *bolt.Tx) error {
		b, codes := tx.Bucket(bucketWorkshops), tx.Bucket(bucketWorkshopCodes)
		var old Workshop
		if rec.ID != uuid.Nil {
			if err := getJSON(b, rec.ID[:], &old); err != nil || old.Deleted() {
				return fmt.Errorf("save workshop %s: %w", rec.ID, ErrNotFound)
			}
			if err := sessionsInside(tx, &rec); err != nil {
				return err
			}
			rec.CreatedAt = old.CreatedAt
		}
		if id := codes.Get([]byte(rec.Code)); id != nil && !bytes.Equal(id, rec.ID[:]) {
			return ValidationError{{"code", fmt.Sprintf("the code %q is already used by another workshop", rec.Code)}}
		}
		if old.Code != "" && old.Code != rec.Code {
			if err := codes.Delete([]byte(old.Code)); err != nil {
				return err
			}
		}
		rec.DeletedAt = nil // saving is never a way to delete
		rec.touch(s.now(), s.device)
		if err := codes.Put([]byte(rec.Code), rec.ID[:]); err != nil {
			return err
		}
		return putJSON(b, rec.ID[:], &rec)
	})
	if err != nil {
		return err
	}
	*w = rec
	return nil
}

// sessionsInside reports the sessions of w that its new dates would leave out.
func sessionsInside(tx *bolt.Tx, w *Workshop) error {
	sessions, err := sessionsOf(tx, w.ID)
	if err != nil {
		return err
	}
	var before, after []string
	for _, se := range sessions {
		switch {
		case se.Date.Before(w.StartDate):
			before = append(before, fmt.Sprintf("%q on %s", se.Title, se.Date))
		case se.Date.After(w.EndDate):
			after = append(after, fmt.Sprintf("%q on %s", se.Title, se.Date))
		}
	}
	var p problems
	if len(before) > 0 {
		p.add("start_date", "these sessions would fall before the first day: %s", strings.Join(before, ", "))
	}
	if len(after) > 0 {
		p.add("end_date", "these sessions would fall after the last day: %s", strings.Join(after, ", "))
	}
	return p.err()
}

// Workshop returns the live workshop with the given ID.
func (s *Store) Workshop(id uuid.UUID) (Workshop, error) {
	var w Workshop
	err := s.view(func(tx *bolt.Tx) error { return liveWorkshop(tx, id, &w) })
	return w, err
}

func liveWorkshop(tx *bolt.Tx, id uuid.UUID, w *Workshop) error {
	if err := getJSON(tx.Bucket(bucketWorkshops), id[:], w); err != nil {
		return fmt.Errorf("workshop %s: %w", id, err)
	}
	if w.Deleted() {
		return fmt.Errorf("workshop %s: %w", id, ErrNotFound)
	}
	return nil
}

// FindWorkshop returns the workshop named by ref: its short code, its ID,
// or a prefix of its ID that only one workshop has.
func (s *Store) FindWorkshop(ref string) (Workshop, error) {
	ref = strings.ToLower(strings.TrimSpace(ref))
	var w Workshop
	err := s.view(func(tx *bolt.Tx) error {
		if id := tx.Bucket(bucketWorkshopCodes).Get([]byte(ref)); id != nil {
			return liveWorkshop(tx, uuid.UUID(id), &w)
		}
		if id, err := uuid.Parse(ref); err == nil {
			return liveWorkshop(tx, id, &w)
		}
		var found []uuid.UUID
		err := tx.Bucket(bucketWorkshopCodes).ForEach(func(_, v []byte) error {
			if id := uuid.UUID(v); ref != "" && strings.HasPrefix(id.String(), ref) {
				found = append(found, id)
			}
			return nil
		})
		switch {
		case err != nil:
			return err
		case len(found) == 1:
			return liveWorkshop(tx, found[0], &w)
		case len(found) > 1:
			return fmt.Errorf("workshop %q: %d workshops have IDs starting so; give more of the ID", ref, len(found))
		}
		return fmt.Errorf("workshop %q: no workshop has this code or ID: %w", ref, ErrNotFound)
	})
	return w, err
}

// WorkshopSummary is a workshop with the counts shown in the workshop list.
type WorkshopSummary struct {
	Workshop
	Sessions     int `json:"sessions"`
	Participants int `json:"participants"`
}

// Workshops lists the live workshops, newest (latest start date) first.
func (s *Store) Workshops() ([]WorkshopSummary, error) {
	var list []WorkshopSummary
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketWorkshops)
		return tx.Bucket(bucketWorkshopCodes).ForEach(func(_, id []byte) error {
			var sum WorkshopSummary
			if err := getJSON(b, id, &sum.Workshop); err != nil {
				return err
			}
			sum.Sessions = countPrefix(tx.Bucket(bucketSessionsByWorkshop), id)
			sum.Participants = countPrefix(tx.Bucket(bucketParticipantsByWorkshop), id)
			list = append(list, sum)
			return nil
		})
	})
	slices.SortFunc(list, func(a, b WorkshopSummary) int {
		if c := b.StartDate.Compare(a.StartDate); c != 0 {
			return c
		}
		return strings.Compare(a.Code, b.Code)
	})
	return list, err
}

func countPrefix(b *bolt.Bucket, prefix []byte) int {
	n := 0
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		n++
	}
	return n
}

// DeleteWorkshop deletes a workshop, leaving a tombstone; its code becomes
// free. UndeleteWorkshop brings it back with its agenda and participants.
func (s *Store) DeleteWorkshop(id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var w Workshop
		if err := liveWorkshop(tx, id, &w); err != nil {
			return err
		}
		now := s.now()
		w.touch(now, s.device)
		w.DeletedAt = &now
		if err := tx.Bucket(bucketWorkshopCodes).Delete([]byte(w.Code)); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketWorkshops), id[:], &w)
	})
}

// UndeleteWorkshop restores a deleted workshop, if its code is still free.
func (s *Store) UndeleteWorkshop(id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var w Workshop
		if err := getJSON(tx.Bucket(bucketWorkshops), id[:], &w); err != nil {
			return fmt.Errorf("undelete workshop %s: %w", id, err)
		}
		if !w.Deleted() {
			return nil
		}
		codes := tx.Bucket(bucketWorkshopCodes)
		if codes.Get([]byte(w.Code)) != nil {
			return errors.New("undelete workshop: its code " + w.Code + " has since been given to another workshop")
		}
		w.DeletedAt = nil
		w.touch(s.now(), s.device)
		if err := codes.Put([]byte(w.Code), id[:]); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketWorkshops), id[:], &w)
	})
}
