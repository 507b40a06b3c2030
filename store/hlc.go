package store

import (
	"sync"
	"time"

	bolt "go.etcd.io/bbolt"
)

// hlc is a hybrid logical clock: the computer's clock, never going back
// and never behind a change seen from another laptop. It is a hybrid
// logical clock whose logical counter is folded into the nanoseconds:
// each reading is max(wall clock, last reading + 1 ns, newest change seen
// + 1 ns), so that on one laptop every stamp is later than the one before,
// and a change made after reading another laptop's change is later than
// it whatever the two computers' clocks say. Record stamps (UpdatedAt)
// are its readings, and (UpdatedAt, DeviceID) orders every version of a
// record across laptops.
//
// It only runs once the file shares a workshop (strict): a file that
// shares nothing reads the wall clock unchanged, as before.
type hlc struct {
	mu     sync.Mutex
	wall   func() time.Time
	last   time.Time
	strict bool
}

// Now returns the next reading.
func (c *hlc) Now() time.Time {
	w := c.wall()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.strict {
		return w
	}
	if !w.After(c.last) {
		w = c.last.Add(time.Nanosecond)
	}
	c.last = w
	return w
}

// Observe moves the clock past t, a stamp read from another laptop.
func (c *hlc) Observe(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if t.After(c.last) {
		c.last = t
	}
}

// setStrict starts (or stops) the clock's rule.
func (c *hlc) setStrict(on bool) {
	c.mu.Lock()
	c.strict = on
	c.mu.Unlock()
}

// startClock puts the store's clock behind s.now, reading (never writing)
// the newest write time and whether the file shares a workshop.
func (s *Store) startClock() error {
	c := &hlc{wall: s.opts.Now}
	err := s.view(func(tx *bolt.Tx) error {
		if t, err := time.Parse(time.RFC3339Nano, string(tx.Bucket(bucketMeta).Get(metaLastWrite))); err == nil {
			c.last = t
		}
		if b := tx.Bucket(bucketSyncWorkshops); b != nil {
			k, _ := b.Cursor().First()
			c.strict = k != nil
		}
		return nil
	})
	s.clock = c
	s.now = c.Now
	return err
}
