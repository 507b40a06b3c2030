package store

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"runtime/debug"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Check verifies the file: bbolt's own consistency check of every page, a
// decode of every record, and that every index entry matches its record and
// every live record has its index entries. It returns the problems found
// (none for a healthy file); the error is for a file that cannot be read.
func (s *Store) Check() (problems []string, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		problems = checkTx(tx, s.path)
		return nil
	})
	return problems, err
}

// CheckFile checks the data file at path as Check does, opening it
// read-only: it writes nothing, works on a read-only file such as a backup
// kept on a read-only medium, and never migrates an older file. A file in
// use by another program gives a *LockedError; one that cannot be opened at
// all a *DamagedError, and one written by a newer version a *TooNewError.
func CheckFile(path string) (problems []string, err error) {
	err = viewFile(path, func(tx *bolt.Tx) error {
		if meta := tx.Bucket(bucketMeta); meta != nil {
			if v := decodeSchema(meta.Get(metaSchema)); v > currentSchema {
				return &TooNewError{Path: path, Schema: v, Known: currentSchema}
			}
		}
		problems = checkTx(tx, path)
		return nil
	})
	return problems, err
}

// viewFile opens the bbolt file at path read-only and runs fn in a read
// transaction; damage that makes bbolt panic becomes a *DamagedError.
func viewFile(path string, fn func(tx *bolt.Tx) error) (err error) {
	if _, err := os.Stat(path); err != nil {
		return &DamagedError{Path: path, Reason: "it cannot be read (" + err.Error() + ")"}
	}
	if err := checkLength(path); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, fmt.Sprintf("a damaged page was found (%v)", r))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err := bolt.Open(path, 0o400, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return &LockedError{Path: path}
	case err != nil:
		return damaged(path, notDataFile+", or it is damaged ("+err.Error()+")")
	}
	defer db.Close()
	return db.View(fn)
}

// checkTx runs every check on tx, a transaction on the file at path: the
// pages first (page damage stops the check there), then, for a Workshop
// Desk file of the current schema, every record and index.
func checkTx(tx *bolt.Tx, path string) []string {
	if problems := pageProblems(tx, path); len(problems) > 0 {
		return problems
	}
	meta := tx.Bucket(bucketMeta)
	if meta == nil || !bytes.Equal(meta.Get(metaApp), []byte(appName)) {
		return []string{notDataFile}
	}
	return recordProblems(tx)
}

// recordProblems decodes every record of tx and checks every index; an
// older file's records are checked once migrated.
func recordProblems(tx *bolt.Tx) []string {
	if decodeSchema(tx.Bucket(bucketMeta).Get(metaSchema)) != currentSchema {
		return nil
	}
	c := checker{tx: tx}
	c.workshops()
	c.sessions()
	c.participants()
	c.attendance()
	c.certificates() // certificates.go
	c.overrides()    // eligibility.go
	c.evaluations()  // evaluation_check.go
	c.sharing()      // sync_config.go
	return c.problems
}

// pageProblems checks the pages of tx, a transaction on the file at path:
// every page is read here first (a damaged page stops the check there),
// then the header pages straight from the file, then bbolt's own check.
func pageProblems(tx *bolt.Tx, path string) (problems []string) {
	// bbolt's own check reads pages in another goroutine, where a
	// damaged page would panic beyond our recover: check the structure of
	// every page straight from the file first, then read them through
	// bbolt here.
	if p := rawPagesProblem(path, tx.ID()); p != "" {
		return []string{"a damaged page was found, so the rest of the file could not be checked (" + p + ")"}
	}
	if p := walkPages(tx); p != "" {
		return []string{p}
	}
	if p, skip := headerPagesProblem(path); p != "" {
		return []string{p}
	} else if skip {
		return nil
	}
	for e := range tx.Check() {
		problems = append(problems, "page: "+e.Error())
	}
	return problems
}

type checker struct {
	tx       *bolt.Tx
	problems []string
}

func (c *checker) add(format string, args ...any) {
	c.problems = append(c.problems, fmt.Sprintf(format, args...))
}

// each decodes every record of a bucket.
func each[T any](c *checker, bucket []byte, fn func(key []byte, v *T)) {
	c.tx.Bucket(bucket).ForEach(func(k, data []byte) error {
		v, err := decodeRecord[T](data)
		if err != nil {
			c.add("%s %x: cannot be decoded: %v", bucket, k, err)
			return nil
		}
		fn(k, &v)
		return nil
	})
}

// indexPoints checks that every key of an index bucket names a live record.
func (c *checker) indexPoints(index []byte, live func(k, v []byte) bool) {
	c.tx.Bucket(index).ForEach(func(k, v []byte) error {
		if !live(k, v) {
			c.add("%s: entry %x points to no live record", index, k)
		}
		return nil
	})
}

func (c *checker) workshops() {
	codes := c.tx.Bucket(bucketWorkshopCodes)
	live := map[uuid.UUID]string{}
	each(c, bucketWorkshops, func(k []byte, w *Workshop) {
		if w.Deleted() {
			return
		}
		live[w.ID] = w.Code
		if !bytes.Equal(codes.Get([]byte(w.Code)), w.ID[:]) {
			c.add("workshop %s: code %q is missing from the code index", w.ID, w.Code)
		}
	})
	c.indexPoints(bucketWorkshopCodes, func(k, v []byte) bool { return len(v) == 16 && live[uuid.UUID(v)] == string(k) })
}

func (c *checker) sessions() {
	ix := c.tx.Bucket(bucketSessionsByWorkshop)
	live := map[string]bool{}
	each(c, bucketSessions, func(k []byte, se *Session) {
		if se.Deleted() {
			return
		}
		key := join(se.WorkshopID, se.ID)
		live[string(key)] = true
		if ix.Get(key) == nil {
			c.add("session %s: missing from its workshop's index", se.ID)
		}
	})
	c.indexPoints(bucketSessionsByWorkshop, func(k, _ []byte) bool { return live[string(k)] })
}

func (c *checker) participants() {
	ix, badges := c.tx.Bucket(bucketParticipantsByWorkshop), c.tx.Bucket(bucketBadgeCodes)
	live := map[string]bool{}
	liveBadges := map[string]bool{}
	each(c, bucketParticipants, func(k []byte, p *Participant) {
		if p.Deleted() {
			return
		}
		key := join(p.WorkshopID, p.ID)
		live[string(key)] = true
		liveBadges[string(badgeKey(c.tx, p.WorkshopID, p.BadgeCode))] = true
		if ix.Get(key) == nil {
			c.add("participant %s: missing from its workshop's index", p.ID)
		}
		if !bytes.Equal(badges.Get(badgeKey(c.tx, p.WorkshopID, p.BadgeCode)), p.ID[:]) {
			c.add("participant %s: badge code %s is missing from the badge index", p.ID, p.BadgeCode)
		}
	})
	c.indexPoints(bucketParticipantsByWorkshop, func(k, _ []byte) bool { return live[string(k)] })
	c.indexPoints(bucketBadgeCodes, func(k, _ []byte) bool { return liveBadges[string(k)] })
}

// attendance decodes every current record and every earlier version, and
// checks that each is stored under its own session and participant.
func (c *checker) attendance() {
	for _, bucket := range [][]byte{bucketAttendance, bucketAttendanceHistory} {
		keyLen := 32
		if bytes.Equal(bucket, bucketAttendanceHistory) {
			keyLen = 48
		}
		c.tx.Bucket(bucket).ForEach(func(k, v []byte) error {
			if len(k) != keyLen {
				c.add("%s %x: stored under a malformed key", bucket, k)
				return nil
			}
			if _, err := decodeAttendance(k, v); err != nil {
				c.add("%s %x: cannot be decoded: %v", bucket, k, err)
			}
			return nil
		})
	}
}

// walkPages reads every key and value of every bucket in this goroutine and
// describes the damage it meets, or returns "".
func walkPages(tx *bolt.Tx) (problem string) {
	defer func() {
		if r := recover(); r != nil {
			problem = fmt.Sprintf("a damaged page was found, so the rest of the file could not be checked (%v)", r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	var visit func(b *bolt.Bucket)
	visit = func(b *bolt.Bucket) {
		b.ForEach(func(k, v []byte) error {
			if v == nil {
				if nested := b.Bucket(k); nested != nil {
					visit(nested)
				}
			}
			return nil
		})
	}
	tx.ForEach(func(_ []byte, b *bolt.Bucket) error {
		visit(b)
		return nil
	})
	return ""
}
