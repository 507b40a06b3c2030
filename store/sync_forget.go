package store

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// forgetSyncTraces brings what the exchange keeps about a participant in
// line with their record after a purge or an erasure, in the same
// transaction: the field stamps take the record's current (scrubbed)
// values, and the changes to review that show their values are removed.
// Without it the names a purge removed stayed in the data file, in the
// exchange's own buckets.
func forgetSyncTraces(tx *bolt.Tx, p *Participant) error {
	if fields := tx.Bucket(bucketSyncFields); fields != nil && fields.Get(p.ID[:]) != nil {
		if _, _, err := stampParticipant(fields, p); err != nil {
			return fmt.Errorf("forget the exchanged values of participant %s: %w", p.ID, err)
		}
	}
	return dropSyncChangesOf(tx, p.WorkshopID, p.ID)
}

// dropSyncChangesOf removes from a workshop's changes to review those that
// show a participant's field values (a certificate issued twice, which
// shows only numbers, stays to be voided).
func dropSyncChangesOf(tx *bolt.Tx, workshopID, participantID uuid.UUID) error {
	b := tx.Bucket(bucketSyncChanges)
	if b == nil {
		return nil
	}
	var drop [][]byte
	c := b.Cursor()
	for k, v := c.Seek(workshopID[:]); k != nil && bytes.HasPrefix(k, workshopID[:]); k, v = c.Next() {
		ch, err := decodeRecord[SyncChange](v)
		if err != nil {
			return fmt.Errorf("change from another laptop %x: %w", k, err)
		}
		if ch.ParticipantID == participantID && ch.Field != "certificate" {
			drop = append(drop, bytes.Clone(k))
		}
	}
	for _, k := range drop {
		if err := b.Delete(k); err != nil {
			return fmt.Errorf("remove a change from another laptop: %w", err)
		}
	}
	return nil
}

// stampedBy reports whether a field was stamped by the participant's last
// write: a purge or an erasure stamps the fields it scrubs at once
// (forgetSyncTraces), and the next exchange must still send them.
func stampedBy(st fieldStamps, p *Participant) bool {
	t := p.UpdatedAt.UnixNano()
	for _, v := range st {
		if v.T == t && v.D == p.DeviceID {
			return true
		}
	}
	return false
}

// isErased reports whether a participant was erased on request (deleted,
// their personal data removed), remembering the answer for the exchange.
func (a *applier) isErased(id uuid.UUID) (bool, error) {
	if a.erased == nil {
		a.erased = map[uuid.UUID]bool{}
	}
	if erased, ok := a.erased[id]; ok {
		return erased, nil
	}
	var p Participant
	switch err := getJSON(a.tx.Bucket(bucketParticipants), id[:], &p); {
	case errors.Is(err, ErrNotFound):
	case err != nil:
		return false, err
	default:
		a.erased[id] = p.Deleted() && !p.PurgedAt.IsZero() && !hasPersonalData(&p)
	}
	return a.erased[id], nil
}

// dropPersonData removes what this laptop holds of an erased participant
// besides their record, as ErasePerson does where the erasure was made:
// attendance with its history, test answers with their history and the
// certificate decisions taken for them.
func dropPersonData(tx *bolt.Tx, workshopID, participantID uuid.UUID) error {
	sessions, err := sessionsOf(tx, workshopID)
	if err != nil {
		return err
	}
	for _, se := range sessions {
		key := join(se.ID, participantID)
		if err := tx.Bucket(bucketAttendance).Delete(key); err != nil {
			return err
		}
		if err := deletePrefix(tx.Bucket(bucketAttendanceHistory), key); err != nil {
			return err
		}
	}
	quizzes, err := quizzesOf(tx, workshopID)
	if err != nil {
		return err
	}
	for _, z := range quizzes {
		key := join(z.ID, participantID)
		if b := tx.Bucket(bucketQuizAnswers); b != nil {
			if err := b.Delete(key); err != nil {
				return err
			}
		}
		if b := tx.Bucket(bucketQuizAnswersHistory); b != nil {
			if err := deletePrefix(b, key); err != nil {
				return err
			}
		}
	}
	if b := tx.Bucket(bucketOverrides); b != nil {
		if err := b.Delete(participantID[:]); err != nil {
			return err
		}
	}
	if b := tx.Bucket(bucketOverrideHistory); b != nil {
		return deletePrefix(b, participantID[:])
	}
	return nil
}
