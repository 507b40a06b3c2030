package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// PurgeBackups deletes the backups of the open file made before t (a
// purge's time), which still hold the personal data it removed, then makes
// a fresh backup so that one good copy remains. Backups are deleted rather
// than purged one by one: each would have to be opened and rewritten, and
// a backup from before a purge is only good for undoing it, which is what
// must not happen. It returns the deleted paths and the fresh backup.
func (s *Store) PurgeBackups(t time.Time) (deleted []string, fresh string, err error) {
	s.backupMu.Lock()
	list, err := Backups(s.path)
	if err == nil {
		for _, b := range list {
			if !b.Time.Before(t) {
				continue
			}
			if rmErr := os.Remove(b.Path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
				err = fmt.Errorf("delete backup %s: %w", b.Path, rmErr)
				break
			}
			deleted = append(deleted, b.Path)
		}
	}
	s.backupMu.Unlock()
	if err != nil {
		return deleted, "", err
	}
	fresh, err = s.Backup()
	return deleted, fresh, err
}

// CompactFile rewrites the closed data file at path with only the pages in
// use, so that bytes bbolt freed (the records a purge or an erasure
// replaced) are gone from it: bbolt reuses freed pages without clearing
// them. The copy replaces the file through a rename; a file open in the
// app is refused (*LockedError).
func CompactFile(path string) (err error) {
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	switch {
	case errors.Is(err, berrors.ErrTimeout):
		return &LockedError{Path: path}
	case err != nil:
		return fmt.Errorf("compact %s: %w", path, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".compacting-*")
	if err != nil {
		db.Close()
		return fmt.Errorf("compact %s: %w", path, err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	err = compactInto(db, tmp.Name())
	if cerr := db.Close(); err == nil && cerr != nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("compact %s: %w", path, err)
	}
	return WriteFileAtomic(path, func(w io.Writer) error {
		return viewFile(tmp.Name(), func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// compactInto copies every bucket of src into the new file at path.
func compactInto(src *bolt.DB, path string) error {
	dst, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true, NoGrowSync: true, NoFreelistSync: true})
	if err != nil {
		return err
	}
	defer dst.Close()
	return src.View(func(in *bolt.Tx) error {
		return dst.Update(func(out *bolt.Tx) error {
			return in.ForEach(func(name []byte, b *bolt.Bucket) error {
				nb, err := out.CreateBucket(name)
				if err != nil {
					return fmt.Errorf("create bucket %s: %w", name, err)
				}
				return compactBucket(nb, b)
			})
		})
	})
}
