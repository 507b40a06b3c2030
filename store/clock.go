package store

import (
	"bytes"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// metaLastWrite holds the newest time (RFC 3339, UTC) the clock has given
// to a write of this file, so that a clock set wrong can be noticed.
var metaLastWrite = []byte("last_write")

// Clock checks: a write dated more than clockSlack before the newest
// earlier write, or more than clockAhead after it, is warned about.
const (
	clockSlack = 2 * time.Minute
	clockAhead = 180 * 24 * time.Hour
)

// stampWrite records the time of a write in tx and, when the clock looks
// wrong compared with the newest write before it, keeps a warning that
// ClockWarning returns.
func (s *Store) stampWrite(tx *bolt.Tx) error {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil
	}
	now := s.now().UTC()
	last, err := time.Parse(time.RFC3339Nano, string(meta.Get(metaLastWrite)))
	if err != nil { // the first write, or one by a version that did not keep it
		return meta.Put(metaLastWrite, []byte(now.Format(time.RFC3339Nano)))
	}
	var warn string
	switch {
	case now.Before(last.Add(-clockSlack)):
		warn = fmt.Sprintf("the computer's clock reads %s, earlier than the newest change already in %s (%s): if the clock is wrong, correct it, since changes, history and backups are dated by it",
			now.Format("2006-01-02 15:04 UTC"), s.path, last.Format("2006-01-02 15:04 UTC"))
	case now.After(last.Add(clockAhead)):
		warn = fmt.Sprintf("the computer's clock reads %s, %d days after the newest change in %s (%s): if the clock is wrong, correct it, since changes, history and backups are dated by it",
			now.Format("2006-01-02 15:04 UTC"), int(now.Sub(last).Hours()/24), s.path, last.Format("2006-01-02 15:04 UTC"))
	}
	if warn != "" {
		s.healthMu.Lock()
		s.clockWarn = warn
		s.healthMu.Unlock()
	}
	if !now.After(last) {
		return nil
	}
	return meta.Put(metaLastWrite, []byte(now.Format(time.RFC3339Nano)))
}

// ClockWarning returns a warning when a write made through this Store was
// dated before the newest earlier change in the file, or far after it, as
// when the computer's clock is set wrong; "" otherwise. The write was made
// all the same, and history and backups keep their order whatever the
// clock says.
func (s *Store) ClockWarning() string {
	s.healthMu.Lock()
	defer s.healthMu.Unlock()
	return s.clockWarn
}

// historyKey returns the key for a new version under prefix in a history
// bucket: prefix‖ID with a new time-ordered ID, raised above the newest
// version's ID when that one sorts after it, so that versions stay in the
// order they were written even when one was dated by a clock set ahead.
func historyKey(b *bolt.Bucket, prefix []byte) []byte {
	id := NewID()
	c := b.Cursor()
	k, _ := c.Seek(append(append([]byte(nil), prefix...), bytes.Repeat([]byte{0xff}, len(id))...))
	if k == nil {
		k, _ = c.Last()
	} else if len(k) != len(prefix)+len(id) || !bytes.HasPrefix(k, prefix) {
		k, _ = c.Prev()
	}
	if len(k) == len(prefix)+len(id) && bytes.HasPrefix(k, prefix) && bytes.Compare(k[len(prefix):], id[:]) >= 0 {
		id = nextID(uuid.UUID(k[len(prefix):]))
	}
	return append(append([]byte(nil), prefix...), id[:]...)
}

// nextID returns the 128-bit number one above id (all zeros after the
// largest).
func nextID(id uuid.UUID) uuid.UUID {
	for i := len(id) - 1; i >= 0; i-- {
		id[i]++
		if id[i] != 0 {
			break
		}
	}
	return id
}
