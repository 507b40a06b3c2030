package store

import (
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"errors"
	"fmt"
	"sync"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/chacha20poly1305"
)

// Values of a file protected by a passphrase are sealed with
// XChaCha20-Poly1305 under a key derived from the file's random data key
// (see passphrase.go). A sealed value is
//
//	0x00 ‖ key ID (4 bytes) ‖ nonce (24) ‖ ciphertext and tag (16)
//
// with the first five bytes as associated data. No plain value starts with
// a zero byte (JSON starts with '{', attendance with its status code 1–n,
// images with their PNG or JPEG signature), so every reader tells a sealed
// value from a plain one by its first byte, whatever the transaction it
// reads in. The key ID names the data key in the process's key ring: a
// backup sealed with the same key reads with it too.
const (
	sealMagic    = 0x00
	keyIDLen     = 4
	sealHead     = 1 + keyIDLen
	sealOverhead = sealHead + chacha20poly1305.NonceSizeX + chacha20poly1305.Overhead
)

// Errors reading sealed values.
var (
	// errSealedDamaged: the value fails its authentication (changed bytes).
	errSealedDamaged = errors.New("a record could not be decrypted: it is damaged or was changed outside Workshop Desk")
	// errSealedLocked: the value's key has not been unlocked in this process.
	errSealedLocked = errors.New("the data is protected by a passphrase that has not been given")
)

// sealer seals and opens values with one data key, and hashes index keys.
type sealer struct {
	id    [keyIDLen]byte
	aead  cipher.AEAD
	index []byte // HMAC-SHA256 key for index keys that would reveal a badge code
}

// newSealer derives the value and index keys from a 32-byte data key.
func newSealer(dataKey []byte) (*sealer, error) {
	aead, err := chacha20poly1305.NewX(subKey(dataKey, "workshopdesk values v1"))
	if err != nil {
		return nil, fmt.Errorf("value key: %w", err)
	}
	s := &sealer{aead: aead, index: subKey(dataKey, "workshopdesk index v1")}
	copy(s.id[:], subKey(dataKey, "workshopdesk key id v1"))
	return s, nil
}

// subKey derives a key for one purpose from the data key (HMAC-SHA256 of
// the label, as HKDF-Expand does for one block).
func subKey(key []byte, label string) []byte {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(label))
	return m.Sum(nil)
}

// seal returns plain sealed; a nil sealer returns plain as it is.
func (s *sealer) seal(plain []byte) []byte {
	if s == nil {
		return plain
	}
	out := make([]byte, sealHead+chacha20poly1305.NonceSizeX, sealOverhead+len(plain))
	out[0] = sealMagic
	copy(out[1:sealHead], s.id[:])
	if _, err := rand.Read(out[sealHead:]); err != nil {
		panic("no random numbers: " + err.Error()) // crypto/rand never fails on supported systems
	}
	return s.aead.Seal(out, out[sealHead:], plain, out[:sealHead])
}

// open returns the plain value of a value sealed with s.
func (s *sealer) open(v []byte) ([]byte, error) {
	nonce := v[sealHead : sealHead+chacha20poly1305.NonceSizeX]
	plain, err := s.aead.Open(nil, nonce, v[sealHead+chacha20poly1305.NonceSizeX:], v[:sealHead])
	if err != nil {
		return nil, errSealedDamaged
	}
	return plain, nil
}

// mac returns the keyed hash that stands for an index key's text.
func (s *sealer) mac(parts ...[]byte) []byte {
	m := hmac.New(sha256.New, s.index)
	for _, p := range parts {
		m.Write(p)
	}
	return m.Sum(nil)[:16]
}

// keyring holds the data keys unlocked in this process, by key ID.
var keyring = struct {
	sync.RWMutex
	keys map[[keyIDLen]byte]*sealer
}{keys: map[[keyIDLen]byte]*sealer{}}

func remember(s *sealer) {
	keyring.Lock()
	keyring.keys[s.id] = s
	keyring.Unlock()
}

func keyFor(id []byte) *sealer {
	if len(id) != keyIDLen {
		return nil
	}
	keyring.RLock()
	defer keyring.RUnlock()
	return keyring.keys[[keyIDLen]byte(id)]
}

// ForgetKeys drops every data key unlocked in this process (the app's idle
// lock): files protected by a passphrase then open only with it again.
func ForgetKeys() {
	keyring.Lock()
	clear(keyring.keys)
	keyring.Unlock()
}

// unseal returns the plain bytes of a stored value: a plain value as it
// is, a sealed one decrypted with its key from the key ring.
func unseal(v []byte) ([]byte, error) {
	if len(v) == 0 || v[0] != sealMagic {
		return v, nil
	}
	if len(v) < sealOverhead {
		return nil, errSealedDamaged
	}
	s := keyFor(v[1:sealHead])
	if s == nil {
		return nil, errSealedLocked
	}
	return s.open(v)
}

// sealerOf returns the sealer of the file tx reads (nil: the file has no
// passphrase), as the transaction sees it.
func sealerOf(tx *bolt.Tx) (*sealer, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil {
		return nil, nil
	}
	id := meta.Get(metaKeyID)
	if id == nil {
		return nil, nil
	}
	if s := keyFor(id); s != nil {
		return s, nil
	}
	return nil, errSealedLocked
}

// sealFor seals a value to be written in tx when its file has a passphrase.
func sealFor(tx *bolt.Tx, plain []byte) ([]byte, error) {
	s, err := sealerOf(tx)
	if err != nil {
		return nil, err
	}
	return s.seal(plain), nil
}

// badgeKey is the badge index key of a code in a workshop: workshop‖code,
// or, in a file with a passphrase, workshop‖keyed hash of the code, which
// does not reveal it.
func badgeKey(tx *bolt.Tx, workshopID uuid.UUID, code string) []byte {
	s, err := sealerOf(tx)
	return badgeKeyWith(s, err != nil, workshopID, code)
}

func badgeKeyWith(s *sealer, locked bool, workshopID uuid.UUID, code string) []byte {
	switch {
	case locked:
		return append(join(workshopID), "\x00locked"...) // matches no key; nothing is written without the key
	case s == nil:
		return append(join(workshopID), code...)
	}
	return append(join(workshopID), s.mac(workshopID[:], []byte(code))...)
}

// sealedValue reports whether v is a sealed value.
func sealedValue(v []byte) bool { return len(v) > 0 && v[0] == sealMagic }
