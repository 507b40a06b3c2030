package store

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Options configure Open. The zero value is a sensible default.
type Options struct {
	// Timeout is how long to wait for a file that another program has
	// open before giving up with a LockedError. Zero means one second.
	Timeout time.Duration
	// DeviceID names this installation in every record it writes. Empty
	// means the ID kept in the data file itself.
	DeviceID string
	// Now returns the current time; nil means time.Now. Tests fix the clock.
	Now func() time.Time
	// NoAutoBackup turns off the automatic backups, made after a change
	// when the newest backup is older than BackupInterval (never when the
	// file is only read).
	NoAutoBackup bool
	// BackupInterval is the least time between automatic backups. Zero
	// means ten minutes.
	BackupInterval time.Duration
	// Secret unlocks a file protected by a passphrase (passphrase.go).
	// Without it such a file gives a *PassphraseError, unless its key was
	// unlocked in this process already.
	Secret Secret
}

// Store is an open Workshop Desk data file. It is safe for concurrent use.
type Store struct {
	db     *bolt.DB
	path   string
	device string
	now    func() time.Time
	clock  *hlc // behind now; see hlc.go
	opts   Options

	backupMu   sync.Mutex // serialises backups
	lastMu     sync.Mutex // guards lastBackup; never held during a backup
	lastBackup time.Time
	backupWG   sync.WaitGroup

	ready     bool       // set once Open has prepared the file; writes are then checked
	checkMu   sync.Mutex // held by the check before the first write, so that one runs at a time
	healthMu  sync.Mutex // guards the fields below
	checked   bool       // the file has been checked before its first write
	damage    string     // the first problem the check found, or ""
	clockWarn string     // the latest warning about the clock, or ""

	writes atomic.Uint64 // committed write transactions (Writes)
}

// Open opens the data file at path, creating it (and its folder) when it
// does not exist. A file held by another program gives a *LockedError
// after opts.Timeout; a file that is not a Workshop Desk database, or is
// damaged, gives a *DamagedError and is left byte for byte as it was.
func Open(path string, opts Options) (st *Store, err error) {
	if opts.Timeout == 0 {
		opts.Timeout = time.Second
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.BackupInterval == 0 {
		opts.BackupInterval = 10 * time.Minute
	}
	fi, statErr := os.Stat(path)
	switch {
	case statErr == nil && fi.IsDir():
		return nil, fmt.Errorf("open %s: it is a folder, not a data file", path)
	case statErr == nil && fi.Size() == 0:
		return nil, damaged(path, "the file is empty")
	case errors.Is(statErr, fs.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("create data folder: %w", err)
		}
	case statErr != nil:
		return nil, fmt.Errorf("open %s: %w", path, statErr)
	}

	if statErr == nil {
		if err := checkLength(path); err != nil {
			return nil, err
		}
		// bbolt trusts every page: one that points back up its tree makes
		// it loop without end, and one that points outside the file reads
		// memory it does not own. Unless the file is as a sound Store left
		// it, its pages are walked here first.
		if !knownSound(path) {
			if p := openPagesProblem(path); p != "" {
				return nil, damaged(path, "a damaged page was found ("+p+")")
			}
		}
	}
	db, err := openBolt(path, opts.Timeout)
	if err != nil {
		return nil, err
	}
	st = &Store{db: db, path: path, now: opts.Now, opts: opts}
	defer func() {
		if err != nil {
			db.Close()
			st = nil
		}
	}()
	if err := st.view(func(tx *bolt.Tx) error {
		_, err := unlockTx(tx, path, opts.Secret)
		return err
	}); err != nil {
		return nil, err
	}
	if err := st.prepare(); err != nil {
		return nil, err
	}
	if err := st.startClock(); err != nil {
		return nil, err
	}
	st.ready = true
	return st, nil
}

// openBolt opens the bbolt file, turning its failures into typed errors.
func openBolt(path string, timeout time.Duration) (db *bolt.DB, err error) {
	// checkLength has refused the damage we know bbolt to panic on while
	// opening; a panic here would keep the file locked (the mapping holds
	// the lock) until the process ends, so it is still turned into an error.
	defer func() {
		if r := recover(); r != nil {
			db, err = nil, damaged(path, fmt.Sprint(r))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err = bolt.Open(path, 0o600, &bolt.Options{Timeout: timeout, InitialMmapSize: initialMmapSize})
	switch {
	case err == nil:
		return db, nil
	case errors.Is(err, berrors.ErrTimeout):
		return nil, &LockedError{Path: path}
	case errors.Is(err, berrors.ErrInvalid), errors.Is(err, berrors.ErrVersionMismatch),
		errors.Is(err, berrors.ErrChecksum):
		return nil, damaged(path, "it is not a Workshop Desk data file, or it is damaged ("+err.Error()+")")
	case errors.Is(err, fs.ErrPermission):
		return nil, fmt.Errorf("open %s: no permission to read and write it: %w", path, err)
	default:
		return nil, damaged(path, err.Error())
	}
}

func damaged(path, reason string) *DamagedError {
	return &DamagedError{Path: path, Reason: reason, LatestBackup: latestBackup(path)}
}

// prepare recognises the file, initialises a new one and migrates an old one.
func (s *Store) prepare() error {
	var schema int
	var empty, ours bool
	err := s.view(func(tx *bolt.Tx) error {
		k, _ := tx.Cursor().First()
		empty = k == nil
		meta := tx.Bucket(bucketMeta)
		if meta == nil || !bytes.Equal(meta.Get(metaApp), []byte(appName)) {
			return nil
		}
		ours = true
		schema = decodeSchema(meta.Get(metaSchema))
		s.device = string(meta.Get(metaDeviceID))
		return nil
	})
	switch {
	case err != nil:
		return err
	case empty && !freshBolt(s.path):
		// A file that once held more than an empty database has lost its
		// records: initialising it would write over what is left.
		return damaged(s.path, notDataFile+", or it is damaged (it holds no records)")
	case empty:
		if err := s.initialise(); err != nil {
			return err
		}
	case !ours:
		return damaged(s.path, "it is not a Workshop Desk data file")
	case schema > currentSchema:
		return &TooNewError{Path: s.path, Schema: schema, Known: currentSchema}
	}
	if s.opts.DeviceID != "" {
		s.device = s.opts.DeviceID
	}
	if ours && schema < currentSchema {
		if err := s.migrate(schema); err != nil {
			return err
		}
	}
	return nil
}

// initialise creates every bucket and the meta entries of a new file.
func (s *Store) initialise() error {
	return s.update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		meta := tx.Bucket(bucketMeta)
		s.device = NewID().String()
		return errors.Join(
			meta.Put(metaApp, []byte(appName)),
			meta.Put(metaSchema, encodeSchema(currentSchema)),
			meta.Put(metaDeviceID, []byte(s.device)),
			meta.Put(metaCreated, []byte(s.now().UTC().Format(time.RFC3339))),
		)
	})
}

// Close waits for a running backup, then closes the file.
func (s *Store) Close() error {
	s.backupWG.Wait()
	s.healthMu.Lock()
	sound := s.checked && s.damage == ""
	s.healthMu.Unlock()
	if sound {
		// The note is written while the file is still locked; closing a
		// bbolt file does not change it.
		s.noteSound()
	}
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// Writes counts the changes committed since the file was opened: the
// app's idle lock counts a change (a scanned check-in) as use.
func (s *Store) Writes() uint64 { return s.writes.Load() }

// Path returns the data file's path.
func (s *Store) Path() string { return s.path }

// DeviceID returns the ID this installation writes into every record.
func (s *Store) DeviceID() string { return s.device }

// view runs fn in a read transaction; a panic from a damaged page becomes
// a *DamagedError.
func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer s.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true)) // a wild page pointer faults instead of crashing
	return s.db.View(fn)
}

// update runs fn in a write transaction committed with fsync, then starts
// an automatic backup in the background if the last one is old enough. Before the first write
// the whole file is checked: a file that fails the check is not written to
// (a *DamagedError naming the latest good backup).
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if s.ready {
		if err := s.refuseIfDamaged(); err != nil {
			return err
		}
	}
	defer s.recoverDamage(&err)
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := fn(tx); err != nil {
			return err
		}
		if !s.ready {
			return nil
		}
		return s.stampWrite(tx)
	})
	if err != nil {
		return err
	}
	s.writes.Add(1)
	if !s.opts.NoAutoBackup && s.ready {
		s.backupInBackground()
	}
	return nil
}

func (s *Store) recoverDamage(err *error) {
	if r := recover(); r != nil {
		reason := fmt.Sprintf("a damaged page was found (%v)", r)
		s.setDamaged(reason)
		*err = damaged(s.path, reason)
	}
}

// refuseIfDamaged checks the file once, before its first write, and gives a
// *DamagedError when the check has found it damaged. The check runs
// without healthMu held: a damaged page it meets is recovered by
// recoverDamage, which takes healthMu itself.
func (s *Store) refuseIfDamaged() error {
	s.checkMu.Lock()
	defer s.checkMu.Unlock()
	s.healthMu.Lock()
	if !s.checked && knownSound(s.path) {
		s.checked = true
	}
	first := !s.checked
	s.checked = true
	s.healthMu.Unlock()
	if first {
		problems, err := s.Check()
		var de *DamagedError
		switch {
		case errors.As(err, &de):
			s.setDamaged(de.Reason)
		case err != nil:
			s.setDamaged(err.Error())
		case len(problems) == 1:
			s.setDamaged(problems[0])
		case len(problems) > 1:
			s.setDamaged(fmt.Sprintf("%s, and %d more problems", problems[0], len(problems)-1))
		}
	}
	s.healthMu.Lock()
	defer s.healthMu.Unlock()
	if s.damage == "" {
		return nil
	}
	return damaged(s.path, "it is damaged ("+s.damage+"), so nothing was written to it")
}

// setDamaged records that the file was found damaged: nothing more is
// written to it.
func (s *Store) setDamaged(reason string) {
	s.healthMu.Lock()
	defer s.healthMu.Unlock()
	s.checked = true
	if s.damage == "" {
		s.damage = reason
	}
}

func encodeSchema(v int) []byte { return binary.BigEndian.AppendUint32(nil, uint32(v)) }

func decodeSchema(b []byte) int {
	if len(b) != 4 {
		return 0
	}
	return int(binary.BigEndian.Uint32(b))
}
