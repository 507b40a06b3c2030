package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"

	bolt "go.etcd.io/bbolt"
)

// reseal backs the file up, writes a compact copy of it with every value
// sealed with to (nil: plain) and header h, replaces the file with it,
// seals the backups when the file gets a key, and closes s.
func (s *Store) reseal(to *sealer, h *cryptHeader) (err error) {
	defer func() {
		if s != nil {
			s.Close()
		}
	}()
	if _, err := s.backup("before-passphrase"); err != nil {
		return fmt.Errorf("back up before changing the passphrase: %w", err)
	}
	var header []byte
	if h != nil {
		if header, err = json.Marshal(h); err != nil {
			return err
		}
	}
	target, err := linkTarget(s.path)
	if err != nil {
		return err
	}
	tmp, err := resealedCopy(s.view, target, to, header)
	if err == nil && runtime.GOOS != "windows" {
		// Still under the file's lock: no other program can open the old
		// file and write into it after it is replaced.
		err = installCopy(tmp, target)
	}
	path := s.path
	closeErr := s.Close()
	s = nil
	if err == nil && closeErr == nil && runtime.GOOS == "windows" {
		err = installCopy(tmp, target) // an open file cannot be replaced there
	}
	os.Remove(tmp)
	if err != nil {
		return fmt.Errorf("seal %s: %w", path, err)
	}
	if closeErr != nil {
		return closeErr
	}
	if to == nil {
		return nil
	}
	return sealBackups(path, to, header)
}

// sealBackups seals every backup of the data file at path that is not
// sealed with to, and gives those that are the new header. Plain backups
// are sealed rather than deleted: they are the way back from a mistake,
// and sealing them keeps that way while leaving no plain copy behind. A
// backup that cannot be read is deleted: it would be a plain copy of
// personal data that could not be restored anyway.
func sealBackups(path string, to *sealer, header []byte) error {
	list, err := Backups(path)
	if err != nil {
		return err
	}
	var errs []error
	for _, b := range list {
		tmp, err := resealedCopy(func(fn func(*bolt.Tx) error) error { return viewFile(b.Path, fn) }, b.Path, to, header)
		if err == nil {
			err = installCopy(tmp, b.Path)
		}
		os.Remove(tmp)
		var pe *PassphraseError
		switch {
		case err == nil:
		case errors.As(err, &pe), errors.Is(err, errSealedLocked):
			// Sealed with another key (a passphrase set, removed and set
			// again): it stays as it is, sealed.
		default:
			if rmErr := os.Remove(b.Path); rmErr != nil {
				errs = append(errs, fmt.Errorf("backup %s: %w", b.Path, rmErr))
			}
		}
	}
	return errors.Join(errs...)
}

// resealedCopy writes a compact copy of what view reads into a temporary
// file beside dst, every value resealed with to, and returns its path (""
// when none was made).
func resealedCopy(view func(func(*bolt.Tx) error) error, dst string, to *sealer, header []byte) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(dst), ".sealing-*")
	if err != nil {
		return "", err
	}
	tmp := f.Name()
	f.Close()
	db, err := bolt.Open(tmp, 0o600, &bolt.Options{NoSync: true, NoGrowSync: true}) // the freelist is kept: bbolt would write it on the next open
	if err != nil {
		return tmp, err
	}
	// The source stays open until the copy is committed: bbolt keeps the
	// keys and values given to Put until then.
	err = view(func(src *bolt.Tx) error {
		if _, err := sealerOf(src); err != nil {
			return err
		}
		return db.Update(func(out *bolt.Tx) error { return resealTx(out, src, to, header) })
	})
	return tmp, errors.Join(err, db.Close())
}

// installCopy replaces dst by the pages in use of the bbolt file tmp,
// through a temporary file synced and renamed into place.
func installCopy(tmp, dst string) error {
	return WriteFileAtomic(dst, func(w io.Writer) error {
		return viewFile(tmp, func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// resealTx copies every bucket of src into out, sealing each value with to
// (plain when nil) but those of plainBuckets; the badge index is rebuilt.
func resealTx(out, src *bolt.Tx, to *sealer, header []byte) error {
	err := src.ForEach(func(name []byte, b *bolt.Bucket) error {
		nb, err := out.CreateBucket(name)
		if err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
		nb.FillPercent = 1
		switch {
		case bytes.Equal(name, bucketMeta):
			return resealMeta(nb, b, to, header)
		case bytes.Equal(name, bucketBadgeCodes):
			return nil // rebuilt below
		case isPlainBucket(name):
			return copyBucket(nb, b)
		}
		return resealBucket(nb, b, to)
	})
	if err != nil {
		return err
	}
	return rebuildBadges(out, src, to)
}

func isPlainBucket(name []byte) bool {
	for _, p := range plainBuckets {
		if bytes.Equal(p, name) {
			return true
		}
	}
	return false
}

func resealBucket(dst, src *bolt.Bucket, to *sealer) error {
	if err := dst.SetSequence(src.Sequence()); err != nil {
		return err
	}
	return src.ForEach(func(k, v []byte) error {
		if v == nil {
			nested, err := dst.CreateBucket(k)
			if err != nil {
				return fmt.Errorf("create bucket %s: %w", k, err)
			}
			return resealBucket(nested, src.Bucket(k), to)
		}
		plain, err := unseal(v)
		if err != nil {
			return fmt.Errorf("record %x: %w", k, err)
		}
		return dst.Put(k, to.seal(plain))
	})
}

func resealMeta(dst, src *bolt.Bucket, to *sealer, header []byte) error {
	err := src.ForEach(func(k, v []byte) error {
		switch {
		case v == nil, bytes.Equal(k, metaEncryption), bytes.Equal(k, metaKeyID):
			return nil
		case bytes.Equal(k, metaSigningKey):
			plain, err := unseal(v)
			if err != nil {
				return fmt.Errorf("the certificate signing key: %w", err)
			}
			return dst.Put(k, to.seal(plain))
		}
		return dst.Put(k, v)
	})
	if err != nil || to == nil {
		return err
	}
	return errors.Join(dst.Put(metaEncryption, header), dst.Put(metaKeyID, to.id[:]))
}

// rebuildBadges writes the badge index of out from src's live participants.
func rebuildBadges(out, src *bolt.Tx, to *sealer) error {
	badges, err := out.CreateBucketIfNotExists(bucketBadgeCodes)
	if err != nil {
		return err
	}
	ps := src.Bucket(bucketParticipants)
	if ps == nil {
		return nil
	}
	type entry struct{ k, v []byte }
	var list []entry
	err = ps.ForEach(func(k, v []byte) error {
		p, err := decodeRecord[Participant](v)
		if err != nil {
			return fmt.Errorf("participant %x: %w", k, err)
		}
		if !p.Deleted() {
			list = append(list, entry{badgeKeyWith(to, false, p.WorkshopID, p.BadgeCode), bytes.Clone(p.ID[:])})
		}
		return nil
	})
	if err != nil {
		return err
	}
	// In key order: bbolt inserts in random order at a cost of n².
	slices.SortFunc(list, func(a, b entry) int { return bytes.Compare(a.k, b.k) })
	for _, e := range list {
		if err := badges.Put(e.k, e.v); err != nil {
			return err
		}
	}
	return nil
}
