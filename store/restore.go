package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"

	bolt "go.etcd.io/bbolt"
)

// restoreTimeout is how long Restore waits for a data file that another
// program has open, as Open does by default.
const restoreTimeout = time.Second

// errNotOpenable means the data file cannot be opened for a restore in
// place: it is damaged, and is replaced as a whole instead.
var errNotOpenable = errors.New("the data file cannot be opened")

// Restore replaces the data in the file at path with the backup at from,
// and returns the path of the copy kept of the data it replaced ("" when
// there was no file). The backup must pass the check.
//
// A readable data file is restored in place: Restore takes the file's lock
// as any writer does, keeps a copy of the file in the backups folder, then
// replaces every record with the backup's in one committed transaction, all
// while holding the lock. So a write that another program committed before
// the restore is in that copy, and one made after it goes into the
// restored file; none can be lost to a file that was replaced meanwhile. A
// file held by another program gives a *LockedError after a second.
//
// A damaged data file, which no program can write to, is copied byte for
// byte into the backups folder, then replaced by a copy of the backup.
// Either way a path that is a symbolic link keeps pointing at the same
// file, whose contents are restored.
func Restore(path, from string) (saved string, err error) {
	if err := checkBackupFile(from); err != nil {
		return "", err
	}
	target, err := linkTarget(path)
	if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	if _, err := os.Stat(target); errors.Is(err, fs.ErrNotExist) {
		if err := os.MkdirAll(filepath.Dir(target), 0o700); err != nil {
			return "", fmt.Errorf("restore %s: %w", from, err)
		}
		if err := copyFile(from, target); err != nil {
			return "", fmt.Errorf("restore %s: %w", from, err)
		}
		return "", nil
	} else if err != nil {
		return "", fmt.Errorf("restore %s: %w", path, err)
	}
	saved, err = restoreInPlace(path, target, from)
	if !errors.Is(err, errNotOpenable) {
		return saved, err
	}
	return replaceDamaged(path, target, from, saved)
}

// linkTarget returns the file a symbolic link at path points to (through
// any chain of links), or path itself.
func linkTarget(path string) (string, error) {
	for range 40 {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		dest, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(dest) {
			dest = filepath.Join(filepath.Dir(path), dest)
		}
		path = dest
	}
	return "", fmt.Errorf("too many symbolic links at %s", path)
}

// restoreInPlace restores the data file target (named path by the user)
// while holding its lock; see Restore. It returns errNotOpenable, and the
// copy kept if it made one, when the file is too damaged for that.
func restoreInPlace(path, target, from string) (saved string, err error) {
	if checkLength(target) != nil {
		return "", errNotOpenable
	}
	db, err := openBolt(target, restoreTimeout)
	var le *LockedError
	if errors.As(err, &le) {
		return "", &LockedError{Path: path}
	} else if err != nil {
		return "", errNotOpenable
	}
	defer db.Close()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w (a damaged page was found: %v)", errNotOpenable, r)
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))

	// Damaged pages, or a wrong list of free ones, would live on in the
	// restored file: such a file is replaced as a whole.
	var problems []string
	db.View(func(tx *bolt.Tx) error { problems = pageProblems(tx, target); return nil })
	if len(problems) > 0 {
		return "", errNotOpenable
	}
	saved, err = backupPath(path, time.Now(), "before-restore")
	if err != nil {
		return "", err
	}
	if err := os.MkdirAll(filepath.Dir(saved), 0o700); err != nil {
		return "", fmt.Errorf("create the backups folder: %w", err)
	}
	err = WriteFileAtomic(saved, func(w io.Writer) error {
		return db.View(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
	if err != nil {
		return "", fmt.Errorf("keep a copy of the current file before restoring: %w", err)
	}
	src, err := bolt.Open(from, 0o400, &bolt.Options{ReadOnly: true, Timeout: restoreTimeout})
	if err != nil {
		return saved, fmt.Errorf("restore %s: %w", from, err)
	}
	defer src.Close()
	err = src.View(func(in *bolt.Tx) error {
		return db.Update(func(out *bolt.Tx) error { return replaceAll(out, in) })
	})
	if err != nil {
		// Rolled back: the file is as it was, and too damaged to be
		// restored in place.
		return saved, fmt.Errorf("%w (%v)", errNotOpenable, err)
	}
	return saved, nil
}

// replaceAll deletes every bucket of out and copies every bucket of in.
func replaceAll(out, in *bolt.Tx) error {
	var names [][]byte
	out.ForEach(func(name []byte, _ *bolt.Bucket) error {
		names = append(names, append([]byte(nil), name...))
		return nil
	})
	for _, name := range names {
		if err := out.DeleteBucket(name); err != nil {
			return fmt.Errorf("clear bucket %s: %w", name, err)
		}
	}
	return in.ForEach(func(name []byte, b *bolt.Bucket) error {
		dst, err := out.CreateBucket(name)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
		return copyBucket(dst, b)
	})
}

// copyBucket copies every key, nested bucket and the sequence of src into
// the empty bucket dst.
func copyBucket(dst, src *bolt.Bucket) error {
	dst.FillPercent = 0.9 // keys arrive in order
	if err := dst.SetSequence(src.Sequence()); err != nil {
		return err
	}
	return src.ForEach(func(k, v []byte) error {
		if v != nil {
			return dst.Put(k, v)
		}
		nested, err := dst.CreateBucket(k)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", k, err)
		}
		return copyBucket(nested, src.Bucket(k))
	})
}

// replaceDamaged replaces a damaged data file as a whole: a byte-for-byte
// copy of it is kept first (unless saved already holds one), then the
// backup is copied over it.
func replaceDamaged(path, target, from, saved string) (string, error) {
	if saved == "" {
		var err error
		if saved, err = backupPath(path, time.Now(), "before-restore"); err != nil {
			return "", err
		}
		if err := os.MkdirAll(filepath.Dir(saved), 0o700); err != nil {
			return "", fmt.Errorf("create the backups folder: %w", err)
		}
		if err := copyFile(target, saved); err != nil {
			return "", fmt.Errorf("keep a copy of the current file before restoring: %w", err)
		}
	}
	if err := copyFile(from, target); err != nil {
		return saved, fmt.Errorf("restore %s: %w", from, err)
	}
	return saved, nil
}
