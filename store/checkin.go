package store

import (
	"bytes"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// errNoWrite rolls back a write transaction that turned out to have
// nothing to write, so that it costs no fsync.
var errNoWrite = errors.New("nothing to write")

// ErrNoCheckIn is returned by UndoCheckIn when the participant's current
// status at the session is not a check-in (present or late).
var ErrNoCheckIn = errors.New("no check-in to undo")

// CheckInResult is the outcome of a check-in.
type CheckInResult struct {
	// Attendance is the participant's current record at the session:
	// the one just written, or the earlier check-in.
	Attendance Attendance
	// Participant is the person checked in, for the confirmation.
	Participant Participant
	// AlreadyAt is when the earlier check-in was recorded, when the
	// participant was already present or late; then nothing was written.
	// It is zero when this check-in was recorded.
	AlreadyAt time.Time
}

// Already reports whether the participant had checked in before.
func (r CheckInResult) Already() bool { return !r.AlreadyAt.IsZero() }

// CheckIn records that a participant arrived at a session at instant now
// (zero means the store's clock): Late when now is more than the workshop
// rule's LateAfterMinutes after the session's start in the workshop's time
// zone (instants compared; see Session.LateFrom for a start in the hour
// that happens twice when the clocks go back), otherwise Present. It replaces an excused or absent mark, since the
// person is here. The record is written as RecordAttendance writes it, in
// one committed transaction.
//
// If the participant is already present or late at the session, nothing is
// written and the result's AlreadyAt tells when they checked in, so that a
// second scan of a badge never counts twice.
func (s *Store) CheckIn(sessionID, participantID uuid.UUID, now time.Time) (CheckInResult, error) {
	if now.IsZero() {
		now = s.now()
	}
	var res CheckInResult
	err := s.update(func(tx *bolt.Tx) error {
		var se Session
		var w Workshop
		if err := liveSession(tx, sessionID, &se); err != nil {
			return err
		}
		if err := liveWorkshop(tx, se.WorkshopID, &w); err != nil {
			return err
		}
		if err := liveParticipant(tx, participantID, &res.Participant); err != nil {
			return err
		}
		if res.Participant.WorkshopID != se.WorkshopID {
			return fmt.Errorf("%s is not registered for the workshop of %q", res.Participant.FullName(), se.Title)
		}
		switch cur, err := getAttendance(tx.Bucket(bucketAttendance), join(sessionID, participantID)); {
		case err == nil && cur.Status.Arrived():
			res.Attendance, res.AlreadyAt = cur, cur.RecordedAt
			return errNoWrite
		case err != nil && err != ErrNotFound:
			return err
		}
		res.Attendance = Attendance{SessionID: sessionID, ParticipantID: participantID,
			Status: w.Rule.Effective().CheckInStatus(se.LateFrom(w.Location()), now), RecordedAt: now}
		return s.recordAttendanceTx(tx, &res.Attendance)
	})
	switch {
	case errors.Is(err, errNoWrite):
		return res, nil
	case err != nil:
		return CheckInResult{}, fmt.Errorf("check in: %w", err)
	}
	return res, nil
}

// UndoCheckIn takes back a participant's check-in at a session, restoring
// their status before it, in one committed transaction. It returns the
// record as it now is.
//
// The previous status is read from the history, which keeps every version:
// it is the version before the one that set the current status. If there
// was none (the check-in was the first record), the current record and its
// mark are removed and the history gets a version with DeletedAt set, which
// is also what UndoCheckIn returns. Either way the undo is itself a version
// in the history; nothing is erased from it.
//
// It fails with ErrNoCheckIn (wrapped) when the current status is not
// present or late, so that undoing twice does not go further back.
func (s *Store) UndoCheckIn(sessionID, participantID uuid.UUID) (Attendance, error) {
	var out Attendance
	err := s.update(func(tx *bolt.Tx) error {
		var se Session
		if err := liveSession(tx, sessionID, &se); err != nil {
			return err
		}
		key := join(sessionID, participantID)
		cur, err := getAttendance(tx.Bucket(bucketAttendance), key)
		switch {
		case err == ErrNotFound:
			return ErrNoCheckIn
		case err != nil:
			return err
		case !cur.Status.Arrived():
			return fmt.Errorf("%w: the status is %s", ErrNoCheckIn, cur.Status)
		}
		prev, found, err := previousVersion(tx, key)
		if err != nil {
			return err
		}
		if found && !prev.Deleted() {
			out = Attendance{Record: cur.Record, SessionID: sessionID, ParticipantID: participantID,
				Status: prev.Status, RecordedAt: prev.RecordedAt, Note: prev.Note}
			return s.replaceAttendance(tx, &out)
		}
		out = cur
		now := s.now()
		out.touch(now, s.device)
		out.DeletedAt = &now
		if err := keepInHistory(tx, key, tx.Bucket(bucketAttendance).Get(key)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketAttendance).Delete(key); err != nil {
			return err
		}
		return keepInHistory(tx, key, encodeAttendance(&out))
	})
	if err != nil {
		return Attendance{}, fmt.Errorf("undo check-in: %w", err)
	}
	return out, nil
}

// previousVersion returns the newest version in the history of key: the
// state before the current record, which is not itself in the history.
func previousVersion(tx *bolt.Tx, key []byte) (Attendance, bool, error) {
	c := tx.Bucket(bucketAttendanceHistory).Cursor()
	var last, lastKey []byte
	for k, v := c.Seek(key); k != nil && bytes.HasPrefix(k, key); k, v = c.Next() {
		lastKey, last = k, v
	}
	if last == nil {
		return Attendance{}, false, nil
	}
	prev, err := decodeAttendance(lastKey, last)
	if err != nil {
		return Attendance{}, false, fmt.Errorf("attendance history %x: %w", lastKey, err)
	}
	return prev, true, nil
}

// MarkUnmarked gives status to every live participant of the session's
// workshop who has no mark at the session and to whom it applies (joined
// at or before its start), in one committed transaction, and returns how
// many were marked. Each record is written as RecordAttendance writes it,
// recorded now. Typically: "mark the rest absent" once a session is over.
//
// Absent is refused before the session starts (see AbsentTooSoon).
func (s *Store) MarkUnmarked(sessionID uuid.UUID, status Status) (int, error) {
	if !validEnum(status, Statuses, false) {
		return 0, ValidationError{{"status", fmt.Sprintf("%q is not one of present, late, excused, absent", status)}}
	}
	n := 0
	err := s.update(func(tx *bolt.Tx) error {
		var se Session
		var w Workshop
		if err := liveSession(tx, sessionID, &se); err != nil {
			return err
		}
		if err := liveWorkshop(tx, se.WorkshopID, &w); err != nil {
			return err
		}
		people, err := participantsOf(tx, se.WorkshopID)
		if err != nil {
			return err
		}
		start := se.StartsAt(w.Location())
		marks := tx.Bucket(bucketAttendance)
		now := s.now()
		if status == Absent {
			if err := AbsentTooSoon(&se, w.Location(), now); err != nil {
				return err
			}
		}
		for _, p := range people {
			key := join(sessionID, p.ID)
			if p.Deleted() || p.JoinedAt.After(start) || marks.Get(key) != nil {
				continue
			}
			rec := Attendance{SessionID: sessionID, ParticipantID: p.ID, Status: status, RecordedAt: now}
			if err := s.replaceAttendance(tx, &rec); err != nil {
				return fmt.Errorf("%s: %w", p.FullName(), err)
			}
			n++
		}
		if n == 0 {
			return errNoWrite
		}
		return nil
	})
	switch {
	case errors.Is(err, errNoWrite):
		return 0, nil
	case err != nil:
		return 0, fmt.Errorf("mark unmarked as %s: %w", status, err)
	}
	return n, nil
}

// TooEarlyError is returned by CheckInWindow when a check-in comes more
// than the workshop's early check-in window before its session starts.
type TooEarlyError struct {
	Session Session       // the session chosen
	Before  time.Duration // how long before its start the check-in came
	Window  int           // the early check-in window, in minutes
	// Meant is the session running now or next today, when there is one
	// and it is not Session: the likelier choice.
	Meant *Session
}

func (e *TooEarlyError) Error() string {
	msg := fmt.Sprintf("“%s” (%s %s) starts in %s, more than the %d minutes before its start that a check-in is taken",
		e.Session.Title, e.Session.Date, e.Session.Start, roundMinutes(e.Before), e.Window)
	if e.Meant != nil {
		msg += fmt.Sprintf("; the session now or next today is “%s” (%s)", e.Meant.Title, e.Meant.Start)
	} else {
		msg += "; no other session is held now or later today"
	}
	return msg
}

// roundMinutes writes a duration to the minute: "16h0m", "45m".
func roundMinutes(d time.Duration) string {
	s := d.Round(time.Minute).String()
	return s[:len(s)-2] // drop "0s"
}

// CheckInWindow checks that a check-in at instant now is for a plausible
// session: not more than the rule's early check-in window before se
// starts (a check-in hours or days ahead is more likely a wrong session
// chosen). It returns a *TooEarlyError naming the session running now or
// next today otherwise. sessions is the workshop's agenda; breaks are
// ignored. Both the check-in screen and workshopctl checkin ask it.
func CheckInWindow(w *Workshop, sessions []Session, se Session, now time.Time) error {
	rule := w.Rule.Effective()
	loc := w.Location()
	start := se.StartsAt(loc)
	if !rule.TooEarly(start, now) {
		return nil
	}
	e := &TooEarlyError{Session: se, Before: start.Sub(now), Window: rule.EarlyCheckInMinutes}
	if m, ok := SessionNowOrNext(w, sessions, now); ok && m.ID != se.ID {
		e.Meant = &m
	}
	return e
}

// SessionNowOrNext returns the session (not a break) running at instant
// now, or else the next to start on the same day, in the workshop's time
// zone.
func SessionNowOrNext(w *Workshop, sessions []Session, now time.Time) (Session, bool) {
	loc := w.Location()
	today := DateOf(now.In(loc))
	var best Session
	found := false
	for _, se := range sessions {
		if se.Type == Break || se.Date != today || !now.Before(se.EndsAt(loc)) {
			continue
		}
		if !found || se.StartsAt(loc).Before(best.StartsAt(loc)) {
			best, found = se, true
		}
	}
	return best, found
}

// AbsentTooSoon refuses to mark people absent from a session that has not
// started at now: nobody can have missed it yet. (A paper sheet handed in
// early, or "mark the rest absent" on tomorrow's session, would otherwise
// count against everyone's certificate.)
func AbsentTooSoon(se *Session, loc *time.Location, now time.Time) error {
	if start := se.StartsAt(loc); now.Before(start) {
		return fmt.Errorf("“%s” has not started yet (it starts %s): nobody can be marked absent before it starts",
			se.Title, start.Format("2006-01-02 15:04"))
	}
	return nil
}
