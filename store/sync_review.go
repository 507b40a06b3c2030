package store

import (
	"bytes"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// SyncChange is a value an exchange replaced, kept for review in the list
// of changes from other laptops: a participant's field edited on two
// laptops (the later edit kept, the other one listed here), or a
// certificate issued twice.
type SyncChange struct {
	ID            uuid.UUID `json:"id"`
	At            time.Time `json:"at"` // the stamp of the value kept
	ParticipantID uuid.UUID `json:"participant_id"`
	Name          string    `json:"name,omitempty"`
	Field         string    `json:"field"`
	Kept          string    `json:"kept"`
	Replaced      string    `json:"replaced"`
	From          string    `json:"from"` // the device whose file brought it
	// ReplacedHere is true when the replaced value was this laptop's,
	// false when another laptop's value gave way to this laptop's.
	ReplacedHere bool `json:"replaced_here,omitempty"`
}

// saveChanges adds changes to the workshop's list.
func saveChanges(tx *bolt.Tx, workshopID uuid.UUID, list []SyncChange) error {
	b := tx.Bucket(bucketSyncChanges)
	for i := range list {
		list[i].ID = NewID()
		if err := putJSON(b, join(workshopID, list[i].ID), &list[i]); err != nil {
			return fmt.Errorf("keep a change from another laptop: %w", err)
		}
	}
	return nil
}

// SyncChanges returns the changes from other laptops kept for review in a
// workshop, newest first.
func (s *Store) SyncChanges(workshopID uuid.UUID) ([]SyncChange, error) {
	var out []SyncChange
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSyncChanges)
		if b == nil {
			return nil
		}
		c := b.Cursor()
		for k, v := c.Seek(workshopID[:]); k != nil && bytes.HasPrefix(k, workshopID[:]); k, v = c.Next() {
			ch, err := decodeRecord[SyncChange](v)
			if err != nil {
				return fmt.Errorf("change from another laptop %x: %w", k, err)
			}
			out = append(out, ch)
		}
		return nil
	})
	slices.Reverse(out)
	return out, err
}

// DismissSyncChange removes a reviewed change from the list.
func (s *Store) DismissSyncChange(workshopID, id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		if b := tx.Bucket(bucketSyncChanges); b != nil {
			return b.Delete(join(workshopID, id))
		}
		return nil
	})
}
