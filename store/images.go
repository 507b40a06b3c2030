package store

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	_ "image/jpeg" // signatures are often photographed
	_ "image/png"

	bolt "go.etcd.io/bbolt"
)

// MaxImageSize is the largest logo or signature image kept (bytes).
const MaxImageSize = 4 << 20

// SaveImage keeps a PNG or JPEG image (a logo or a signature) and returns
// its ID, the SHA-256 of its bytes: the same image saved twice is kept
// once.
func (s *Store) SaveImage(data []byte) (string, error) {
	if len(data) > MaxImageSize {
		return "", fmt.Errorf("save image: %d KB is too large; use an image under %d MB", len(data)/1024, MaxImageSize>>20)
	}
	if _, format, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || (format != "png" && format != "jpeg") {
		return "", fmt.Errorf("save image: this is not a PNG or JPEG image")
	}
	sum := sha256.Sum256(data)
	id := hex.EncodeToString(sum[:])
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketImages)
		if b.Get([]byte(id)) != nil {
			return nil
		}
		sealed, err := sealFor(tx, data)
		if err != nil {
			return err
		}
		return b.Put([]byte(id), sealed)
	})
	if err != nil {
		return "", fmt.Errorf("save image: %w", err)
	}
	return id, nil
}

// Images returns the images with the given IDs, copied out of the file;
// an unknown ID is an error naming it.
func (s *Store) Images(ids ...string) (map[string][]byte, error) {
	out := make(map[string][]byte, len(ids))
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketImages)
		for _, id := range ids {
			v := b.Get([]byte(id))
			if v == nil {
				return fmt.Errorf("image %s: %w", id, ErrNotFound)
			}
			plain, err := unseal(v)
			if err != nil {
				return fmt.Errorf("image %s: %w", id, err)
			}
			out[id] = bytes.Clone(plain)
		}
		return nil
	})
	return out, err
}
