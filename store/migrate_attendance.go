package store

import (
	"bytes"
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// migrateCompactAttendance moves a schema-3 file's attendance into the
// compact buckets of schema 4: each current record once, and in the
// history only the versions before it. Until schema 3 the history held
// every version, the current one too (normally its newest entry): that
// copy is dropped, and nothing the history screens, undo and reports show
// is lost, since AttendanceHistory lists the current record last. The
// legacy buckets are deleted; their pages are reused by later writes and
// left out of compact backups.
func migrateCompactAttendance(_ *Store, tx *bolt.Tx) error {
	cur, err := tx.CreateBucketIfNotExists(bucketAttendance)
	if err != nil {
		return err
	}
	hist, err := tx.CreateBucketIfNotExists(bucketAttendanceHistory)
	if err != nil {
		return err
	}
	// Keys arrive in order: fill the pages.
	cur.FillPercent, hist.FillPercent = 1, 1
	oldCur, oldHist := tx.Bucket(legacyAttendance), tx.Bucket(legacyAttendanceHistory)
	if oldCur != nil {
		err := oldCur.ForEach(func(k, v []byte) error {
			a, err := decodeRecord[Attendance](v)
			if err != nil {
				return fmt.Errorf("attendance %x: %w", k, err)
			}
			if len(k) != 32 {
				return fmt.Errorf("attendance %x: malformed key", k)
			}
			return cur.Put(k, encodeAttendance(&a))
		})
		if err != nil {
			return err
		}
	}
	if oldHist != nil {
		// The newest version of a record that has a current record is
		// that record: it is kept once, as the current one.
		c := oldHist.Cursor()
		for k, v := c.First(); k != nil; {
			if len(k) != 48 {
				return fmt.Errorf("attendance history %x: malformed key", k)
			}
			a, err := decodeRecord[Attendance](v)
			if err != nil {
				return fmt.Errorf("attendance history %x: %w", k, err)
			}
			key := append([]byte(nil), k...)
			k, v = c.Next()
			newest := k == nil || !bytes.Equal(k[:32], key[:32])
			if newest && isCurrent(cur, key[:32], &a) {
				continue
			}
			if err := hist.Put(key, encodeAttendance(&a)); err != nil {
				return err
			}
		}
	}
	for _, name := range [][]byte{legacyAttendance, legacyAttendanceMarks, legacyAttendanceHistory} {
		if tx.Bucket(name) != nil {
			if err := tx.DeleteBucket(name); err != nil {
				return fmt.Errorf("delete bucket %s: %w", name, err)
			}
		}
	}
	return nil
}

// isCurrent reports whether the history version a is the current record
// stored under key.
func isCurrent(cur *bolt.Bucket, key []byte, a *Attendance) bool {
	c, err := getAttendance(cur, key)
	return err == nil && !a.Deleted() && c.ID == a.ID && c.Status == a.Status && c.Note == a.Note &&
		c.RecordedAt.Equal(a.RecordedAt) && c.UpdatedAt.Equal(a.UpdatedAt)
}
