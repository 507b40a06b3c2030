package store

import (
	"time"

	"github.com/google/uuid"
)

// Record holds the fields every stored record carries: a time-ordered
// UUIDv7 identifier, creation and update times, the installation that last
// wrote it and, once deleted, a tombstone.
type Record struct {
	ID        uuid.UUID  `json:"id"`
	CreatedAt time.Time  `json:"created_at"`
	UpdatedAt time.Time  `json:"updated_at"`
	DeviceID  string     `json:"device_id"`
	DeletedAt *time.Time `json:"deleted_at,omitempty"`
}

// Deleted reports whether the record has been deleted (is a tombstone).
func (r *Record) Deleted() bool { return r.DeletedAt != nil }

// touch stamps the record for a write made now by device: a new ID and
// creation time for a new record, and always the update time and device.
func (r *Record) touch(now time.Time, device string) (isNew bool) {
	if r.ID == uuid.Nil {
		r.ID = uuid.Must(uuid.NewV7())
		r.CreatedAt = now
		isNew = true
	}
	r.UpdatedAt = now
	r.DeviceID = device
	return isNew
}

// NewID returns a new time-ordered identifier (UUIDv7).
func NewID() uuid.UUID { return uuid.Must(uuid.NewV7()) }
