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
		for i := range recs {
			if err := s.recordAttendanceTx(tx, &recs[i]); err != nil {
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
	var pr problems
	if !validEnum(a.Status, Statuses, false) {
		pr.add("status", "%q is not one of present, late, excused, absent", a.Status)
	}
	pr.checkText("note", a.Note, OtherLimits, true)
	if err := pr.err(); err != nil {
		return Attendance{}, err
	}
	rec := *a
	if rec.RecordedAt.IsZero() {
		rec.RecordedAt = s.now()
	}
	return rec, nil
}

// recordAttendanceTx records rec in tx after checking that its session and
// participant are live and belong to the same workshop.
func (s *Store) recordAttendanceTx(tx *bolt.Tx, rec *Attendance) error {
	var se Session
	var p Participant
	if err := liveSession(tx, rec.SessionID, &se); err != nil {
		return fmt.Errorf("record attendance: %w", err)
	}
	if err := liveParticipant(tx, rec.ParticipantID, &p); err != nil {
		return fmt.Errorf("record attendance: %w", err)
	}
	if p.WorkshopID != se.WorkshopID {
		return fmt.Errorf("record attendance: %s is not registered for the workshop of %q", p.FullName(), se.Title)
	}
	return s.replaceAttendance(tx, rec)
}

// replaceAttendance replaces the current record of rec's session and
// participant (keeping its ID and creation time), updates the compact mark
// and appends the new version to the history. When the current record
// already has rec's status and note it writes nothing and sets *rec to it.
func (s *Store) replaceAttendance(tx *bolt.Tx, rec *Attendance) error {
	key := join(rec.SessionID, rec.ParticipantID)
	b := tx.Bucket(bucketAttendance)
	var old Attendance
	switch err := getJSON(b, key, &old); err {
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
	if err := putJSON(b, key, rec); err != nil {
		return err
	}
	if err := tx.Bucket(bucketAttendanceMarks).Put(key, encodeMark(Mark{rec.Status, rec.RecordedAt})); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketAttendanceHistory), historyKey(tx.Bucket(bucketAttendanceHistory), join(rec.SessionID, rec.ParticipantID)), rec)
}

// Attendance returns the current attendance record of a participant at a
// session, or ErrNotFound when none was ever recorded.
func (s *Store) Attendance(sessionID, participantID uuid.UUID) (Attendance, error) {
	var a Attendance
	err := s.view(func(tx *bolt.Tx) error {
		return getJSON(tx.Bucket(bucketAttendance), join(sessionID, participantID), &a)
	})
	return a, err
}

// AttendanceHistory returns every version of a participant's attendance at
// a session, oldest first.
func (s *Store) AttendanceHistory(sessionID, participantID uuid.UUID) ([]Attendance, error) {
	var list []Attendance
	err := s.view(func(tx *bolt.Tx) error {
		prefix := join(sessionID, participantID)
		c := tx.Bucket(bucketAttendanceHistory).Cursor()
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			a, err := decodeRecord[Attendance](v)
			if err != nil {
				return fmt.Errorf("attendance history %x: %w", k, err)
			}
			list = append(list, a)
		}
		return nil
	})
	return list, err
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
