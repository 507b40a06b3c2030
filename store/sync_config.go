package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Sharing buckets (issue 16). Like the evaluation buckets they are not in
// allBuckets: they are created by the first write that shares a workshop,
// never on open; readers treat a missing bucket as empty. Every value is
// written with putJSON, so that whatever seals records seals them too.
var (
	bucketSyncWorkshops = []byte("sync_workshops") // workshop → SyncConfig
	bucketSyncFields    = []byte("sync_fields")    // participant → field stamps (fieldStamps)
	bucketSyncSeen      = []byte("sync_seen")      // workshop‖device‖seq → nil: log files applied
	bucketSyncChanges   = []byte("sync_changes")   // workshop‖change ID → SyncChange
)

// syncBuckets creates the sharing buckets in a write transaction.
func syncBuckets(tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketSyncWorkshops, bucketSyncFields, bucketSyncSeen, bucketSyncChanges} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// SyncConfig is how this file shares one workshop with other laptops.
type SyncConfig struct {
	WorkshopID uuid.UUID `json:"workshop_id"`
	Code       string    `json:"code"` // the workshop's code when sharing began: its folder's name
	Folder     string    `json:"folder"`
	JoinCode   string    `json:"join_code"`
	Key        []byte    `json:"key"` // derived from the join code (Argon2id)
	LaptopName string    `json:"laptop_name"`
	// Tag is this laptop's part in certificate numbers (ADDIS-2027-KQT-007);
	// empty on the laptop that began sharing, whose numbers keep their
	// form (ADDIS-2027-007).
	Tag string `json:"tag,omitempty"`
	// NextSeq is the number of this laptop's next log file.
	NextSeq uint64 `json:"next_seq"`
	// Exported is the clock reading up to which this laptop's changes are
	// in its log files: records it stamped at or after it go in the next.
	Exported time.Time `json:"exported"`
	// QuietTx and QuietFolder describe the file and the folder after the
	// last exchange: when both are unchanged there is nothing to do.
	QuietTx     uint64 `json:"quiet_tx,omitempty"`
	QuietFolder string `json:"quiet_folder,omitempty"`
	// Laptops are the other laptops seen in the folder, by device ID.
	Laptops map[string]*LaptopSeen `json:"laptops,omitempty"`
	// LastExchange is when this laptop last exchanged.
	LastExchange time.Time `json:"last_exchange,omitzero"`
}

// LaptopSeen is what this laptop knows of another sharing the workshop.
type LaptopSeen struct {
	Device     string    `json:"device"`
	Name       string    `json:"name"`
	Tag        string    `json:"tag,omitempty"`
	LastChange time.Time `json:"last_change,omitzero"` // the newest change received from it
	Changes    int       `json:"changes"`              // changes received from it
	Files      int       `json:"files"`                // its log files applied
}

// dir is the workshop's folder inside the shared folder.
func (c *SyncConfig) dir() string { return filepath.Join(c.Folder, c.Code) }

// ErrNotShared is returned for a workshop this file does not share.
var ErrNotShared = errors.New("this workshop is not shared with other laptops on this computer: start with Exchange (workshopctl sync --folder) or join it")

// syncConfigTx reads a workshop's sharing settings; ErrNotShared when none.
func syncConfigTx(tx *bolt.Tx, workshopID uuid.UUID) (*SyncConfig, error) {
	b := tx.Bucket(bucketSyncWorkshops)
	if b == nil {
		return nil, ErrNotShared
	}
	var c SyncConfig
	switch err := getJSON(b, workshopID[:], &c); {
	case errors.Is(err, ErrNotFound):
		return nil, ErrNotShared
	case err != nil:
		return nil, fmt.Errorf("sharing settings: %w", err)
	}
	return &c, nil
}

func putSyncConfig(tx *bolt.Tx, c *SyncConfig) error {
	if err := syncBuckets(tx); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketSyncWorkshops), c.WorkshopID[:], c)
}

// SyncSettings returns how the file shares a workshop; ErrNotShared when
// it does not. The key is left out.
func (s *Store) SyncSettings(workshopID uuid.UUID) (SyncConfig, error) {
	var c *SyncConfig
	err := s.view(func(tx *bolt.Tx) (err error) {
		c, err = syncConfigTx(tx, workshopID)
		return err
	})
	if err != nil {
		return SyncConfig{}, err
	}
	out := *c
	out.Key = nil
	return out, nil
}

// SetLaptopName renames this laptop as the other laptops see it (from its
// next log file on).
func (s *Store) SetLaptopName(workshopID uuid.UUID, name string) error {
	return s.update(func(tx *bolt.Tx) error {
		c, err := syncConfigTx(tx, workshopID)
		if err != nil {
			return err
		}
		c.LaptopName = name
		c.QuietTx = 0 // the name travels in the next file
		return putSyncConfig(tx, c)
	})
}

// Laptop is one laptop sharing a workshop, as Laptops lists them.
type Laptop struct {
	LaptopSeen
	This bool // this laptop
}

// Laptops lists this laptop first, then the others seen in the folder by name.
func (s *Store) Laptops(workshopID uuid.UUID) ([]Laptop, error) {
	c, err := s.SyncSettings(workshopID)
	if err != nil {
		return nil, err
	}
	out := []Laptop{{LaptopSeen: LaptopSeen{Device: s.device, Name: c.LaptopName, Tag: c.Tag, LastChange: c.Exported}, This: true}}
	var others []Laptop
	for _, l := range c.Laptops {
		others = append(others, Laptop{LaptopSeen: *l})
	}
	slices.SortFunc(others, func(a, b Laptop) int {
		if a.Name != b.Name {
			if a.Name < b.Name {
				return -1
			}
			return 1
		}
		if a.Device < b.Device {
			return -1
		}
		return 1
	})
	return append(out, others...), nil
}

// deviceTag derives a laptop's part in certificate numbers from its device
// ID: three letters, avoiding those taken.
func deviceTag(device string, taken map[string]bool) string {
	const letters = "ABCDEFGHJKLMNPQRSTUVWXYZ"
	for i := 0; ; i++ {
		sum := sha256.Sum256(fmt.Appendf(nil, "%s|%d", device, i))
		tag := []byte{letters[int(sum[0])%len(letters)], letters[int(sum[1])%len(letters)], letters[int(sum[2])%len(letters)]}
		if !taken[string(tag)] {
			return string(tag)
		}
	}
}

// sharedWorkshop reports whether the file shares a workshop with other laptops.
func sharedWorkshop(tx *bolt.Tx, workshopID uuid.UUID) bool {
	b := tx.Bucket(bucketSyncWorkshops)
	return b != nil && b.Get(workshopID[:]) != nil
}

// numberSeries returns the form of the numbers this laptop gives in a
// workshop (the code, with the laptop's tag when it has one) and the key
// of their running count.
func numberSeries(tx *bolt.Tx, w *Workshop) (series string, seqKey []byte) {
	if c, err := syncConfigTx(tx, w.ID); err == nil && c.Tag != "" {
		return w.Code + "-" + c.Tag, append(append([]byte(nil), w.ID[:]...), c.Tag...)
	}
	return w.Code, w.ID[:]
}

// rawJSON is a record as JSON, for comparing and storing field values.
func rawJSON(v any) (map[string]json.RawMessage, error) {
	data, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var m map[string]json.RawMessage
	return m, json.Unmarshal(data, &m)
}

// sharing decodes the sharing settings, field stamps and changes to review
// (the buckets are absent from a file that never shared a workshop).
func (c *checker) sharing() {
	if c.tx.Bucket(bucketSyncWorkshops) == nil {
		return
	}
	each(c, bucketSyncWorkshops, func(k []byte, cfg *SyncConfig) {
		if !bytes.Equal(k, cfg.WorkshopID[:]) {
			c.add("%s %x: stored under the wrong key", bucketSyncWorkshops, k)
		}
	})
	each(c, bucketSyncFields, func([]byte, *fieldStamps) {})
	each(c, bucketSyncChanges, func([]byte, *SyncChange) {})
}
