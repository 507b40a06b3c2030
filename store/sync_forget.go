package store

import (
	"bytes"
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
