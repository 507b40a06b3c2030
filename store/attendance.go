package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// RecordAttendance sets a participant's status at a session. The current
// record is replaced (keeping its ID) and the new version is appended to the
// history, all in one committed transaction. An unset RecordedAt means now.
// Recording the same status again changes nothing and returns the existing
// record, so a second check-in never counts twice.
func (s *Store) RecordAttendance(a *Attendance) error {
	rec, err := s.prepareAttendance(a)
	if err != nil {
		return err
	}
	if err := s.update(func(tx *bolt.Tx) error { return s.recordAttendanceTx(tx, &rec) }); err != nil {
		return err
	}
	*a = rec
	return nil
}

// RecordAttendances records many statuses as RecordAttendance does, in one
// committed transaction: all are recorded or none. On a problem the error
// names the position in list when there is more than one ("row 3: ...").
func (s *Store) RecordAttendances(list []*Attendance) error {
	recs := make([]Attendance, len(list))
	for i, a := range list {
		rec, err := s.prepareAttendance(a)
		if err != nil {
			return rowError(err, i, len(list))
		}
		recs[i] = rec
	}
	err := s.update(func(tx *bolt.Tx) error {
		// A bulk load mostly appends: fill the pages.
		tx.Bucket(bucketAttendance).FillPercent = 0.9
		seen := &liveCache{sessions: map[uuid.UUID]*Session{}, people: map[uuid.UUID]*Participant{}}
		for i := range recs {
			if err := s.recordAttendanceIn(tx, &recs[i], seen); err != nil {
				return rowError(err, i, len(recs))
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, a := range list {
		*a = recs[i]
	}
	return nil
}

// prepareAttendance validates a and returns the record to write: note
// trimmed, an unset RecordedAt set to now.
func (s *Store) prepareAttendance(a *Attendance) (Attendance, error) {
	a.Note = strings.TrimSpace(a.Note)
	if err := ValidateAttendance(a); err != nil {
		return Attendance{}, err
	}
	rec := *a
	if rec.RecordedAt.IsZero() {
		rec.RecordedAt = s.now()
	}
	return rec, nil
}

// ValidateAttendance checks a mark's status and note as RecordAttendance
// does, writing nothing: for a preview.
func ValidateAttendance(a *Attendance) error {
	var pr problems
	if !validEnum(a.Status, Statuses, false) {
		pr.add("status", "%q is not one of present, late, excused, absent", a.Status)
	}
	pr.checkText("note", strings.TrimSpace(a.Note), OtherLimits, true)
	return pr.err()
}

// recordAttendanceTx records rec in tx after checking that its session and
// participant are live and belong to the same workshop.
func (s *Store) recordAttendanceTx(tx *bolt.Tx, rec *Attendance) error {
	return s.recordAttendanceIn(tx, rec, nil)
}

// liveCache keeps the sessions and participants a transaction has found
// live, so that a bulk load decodes each once.
type liveCache struct {
	sessions map[uuid.UUID]*Session
	people   map[uuid.UUID]*Participant
}

// recordAttendanceIn is recordAttendanceTx with the lookups kept in seen
// (nil: none kept).
func (s *Store) recordAttendanceIn(tx *bolt.Tx, rec *Attendance, seen *liveCache) error {
	se, p := new(Session), new(Participant)
	if seen != nil && seen.sessions[rec.SessionID] != nil {
		se = seen.sessions[rec.SessionID]
	} else if err := liveSession(tx, rec.SessionID, se); err != nil {
		return fmt.Errorf("record attendance: %w", err)
	} else if seen != nil {
		seen.sessions[rec.SessionID] = se
	}
	if seen != nil && seen.people[rec.ParticipantID] != nil {
		p = seen.people[rec.ParticipantID]
	} else if err := liveParticipant(tx, rec.ParticipantID, p); err != nil {
		return fmt.Errorf("record attendance: %w", err)
	} else if seen != nil {
		seen.people[rec.ParticipantID] = p
	}
	if p.WorkshopID != se.WorkshopID {
		return fmt.Errorf("record attendance: %s is not registered for the workshop of %q", p.FullName(), se.Title)
	}
	return s.replaceAttendance(tx, rec)
}

// replaceAttendance replaces the current record of rec's session and
// participant (keeping its ID and creation time); the record it replaces
// goes into the history. When the current record already has rec's status
// and note it writes nothing and sets *rec to it.
func (s *Store) replaceAttendance(tx *bolt.Tx, rec *Attendance) error {
	key := join(rec.SessionID, rec.ParticipantID)
	switch old, err := getAttendance(tx.Bucket(bucketAttendance), key); err {
	case nil:
		if old.Status == rec.Status && old.Note == rec.Note {
			*rec = old
			return nil
		}
		rec.ID, rec.CreatedAt = old.ID, old.CreatedAt
	case ErrNotFound:
		rec.ID = uuid.Nil
	default:
		return err
	}
	rec.touch(s.now(), s.device)
	return putCurrentAttendance(tx, rec)
}

// Attendance returns the current attendance record of a participant at a
// session, or ErrNotFound when none was ever recorded.
func (s *Store) Attendance(sessionID, participantID uuid.UUID) (Attendance, error) {
	var a Attendance
	err := s.view(func(tx *bolt.Tx) (err error) {
		a, err = getAttendance(tx.Bucket(bucketAttendance), join(sessionID, participantID))
		return err
	})
	return a, err
}

// AttendanceHistory returns every version of a participant's attendance at
// a session, oldest first: the earlier versions kept in the history, then
// the current record (none after an undone first check-in).
func (s *Store) AttendanceHistory(sessionID, participantID uuid.UUID) ([]Attendance, error) {
	var list []Attendance
	err := s.view(func(tx *bolt.Tx) (err error) {
		list, err = versionsOf(tx, join(sessionID, participantID), nil)
		return err
	})
	return list, err
}

// versionsOf appends to list every version of the attendance under key
// (session‖participant), oldest first, the current record last.
func versionsOf(tx *bolt.Tx, key []byte, list []Attendance) ([]Attendance, error) {
	c := tx.Bucket(bucketAttendanceHistory).Cursor()
	for k, v := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, v = c.Next() {
		a, err := decodeAttendance(k, v)
		if err != nil {
			return nil, fmt.Errorf("attendance history %x: %w", k, err)
		}
		list = append(list, a)
	}
	switch a, err := getAttendance(tx.Bucket(bucketAttendance), key); err {
	case nil:
		list = append(list, a)
	case ErrNotFound:
	default:
		return nil, err
	}
	return list, nil
}

// Mark is the compact current attendance of one participant at one session,
// as loaded for grids, counts and eligibility.
type Mark struct {
	Status     Status
	RecordedAt time.Time
}

var statusCodes = map[Status]byte{Present: 1, Late: 2, Excused: 3, Absent: 4}

// encodeMark packs a mark as one status byte and the recording time in
// Unix nanoseconds.
func encodeMark(m Mark) []byte {
	b := make([]byte, 9)
	b[0] = statusCodes[m.Status]
	binary.BigEndian.PutUint64(b[1:], uint64(m.RecordedAt.UnixNano()))
	return b
}

func decodeMark(b []byte) (Mark, error) {
	if len(b) != 9 || b[0] < 1 || int(b[0]) > len(Statuses) {
		return Mark{}, fmt.Errorf("attendance mark %x is malformed", b)
	}
	return Mark{Statuses[b[0]-1], time.Unix(0, int64(binary.BigEndian.Uint64(b[1:])))}, nil
}
