package store

import (
	"bytes"
	"crypto/rand"
	"encoding/base32"
	"encoding/json"
	"fmt"
	"strings"

	bolt "go.etcd.io/bbolt"
	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
	"golang.org/x/text/unicode/norm"
)

// A data file may be protected by a passphrase. Its values are then sealed
// with a random 32-byte data key (seal.go), kept in the file only wrapped:
// once under a key derived from the passphrase, once under a key derived
// from the recovery key printed on the recovery sheet. Changing the
// passphrase rewraps the data key; setting or removing it rewrites every
// value.

// Argon2id parameters: RFC 9106's second recommended setting (3 passes,
// 64 MiB) with 2 lanes; 75 ms on a quiet 2-core machine, 0.36 s on a busy
// one (BenchmarkUnlock), so that opening a file stays well under a second
// while each guess at a passphrase costs an attacker as much.
const (
	argonTime    = 3
	argonMemory  = 64 * 1024 // KiB
	argonThreads = 2
	dataKeyLen   = 32
)

// Secret unlocks a data file protected by a passphrase: its passphrase or
// its recovery key. The zero Secret unlocks nothing.
type Secret struct {
	Passphrase  string
	RecoveryKey string
}

func (s Secret) given() bool { return s.Passphrase != "" || s.RecoveryKey != "" }

// PassphraseError means a data file (or backup) protected by a passphrase
// was opened without it (Missing) or with a wrong one. Nothing was changed.
type PassphraseError struct {
	Path     string
	Missing  bool
	Recovery bool // the recovery key was given, and is wrong
}

func (e *PassphraseError) Error() string {
	switch {
	case e.Missing:
		return fmt.Sprintf("%s is protected by a passphrase: give its passphrase (or its recovery key) to open it", e.Path)
	case e.Recovery:
		return fmt.Sprintf("the recovery key does not open %s; nothing was changed", e.Path)
	}
	return fmt.Sprintf("the passphrase is wrong for %s; nothing was changed", e.Path)
}

// cryptHeader is the plain header of a file with a passphrase, stored
// under metaEncryption as JSON.
type cryptHeader struct {
	Version    int     `json:"version"`
	KDF        string  `json:"kdf"` // "argon2id"
	Time       uint32  `json:"time"`
	MemoryKiB  uint32  `json:"memory_kib"`
	Threads    uint8   `json:"threads"`
	Passphrase wrapped `json:"passphrase"`
	Recovery   wrapped `json:"recovery"`
}

// wrapped is the data key sealed under a key derived from a secret.
type wrapped struct {
	Salt []byte `json:"salt"`
	Key  []byte `json:"key"` // nonce ‖ sealed data key
}

var wrapAD = []byte("workshopdesk data key v1")

func (h *cryptHeader) derive(secret string, salt []byte) []byte {
	return argon2.IDKey([]byte(secret), salt, h.Time, h.MemoryKiB, h.Threads, 32)
}

func (h *cryptHeader) wrap(secret string, dataKey []byte) (wrapped, error) {
	w := wrapped{Salt: randomBytes(16)}
	aead, err := chacha20poly1305.NewX(h.derive(norm.NFC.String(secret), w.Salt))
	if err != nil {
		return w, err
	}
	nonce := randomBytes(chacha20poly1305.NonceSizeX)
	w.Key = aead.Seal(nonce, nonce, dataKey, wrapAD)
	return w, nil
}

// unwrap returns the data key, or nil when secret does not open w. The
// secret is taken in Unicode's composed form (NFC), as wrap stores it, so
// that accents typed either way open the file; a key wrapped before that
// with a decomposed passphrase still opens with the passphrase as typed.
func (h *cryptHeader) unwrap(secret string, w wrapped) []byte {
	if nfc := norm.NFC.String(secret); nfc != secret {
		if key := h.unwrapAs(nfc, w); key != nil {
			return key
		}
	}
	return h.unwrapAs(secret, w)
}

func (h *cryptHeader) unwrapAs(secret string, w wrapped) []byte {
	if len(w.Key) < chacha20poly1305.NonceSizeX {
		return nil
	}
	aead, err := chacha20poly1305.NewX(h.derive(secret, w.Salt))
	if err != nil {
		return nil
	}
	n := chacha20poly1305.NonceSizeX
	key, err := aead.Open(nil, w.Key[:n], w.Key[n:], wrapAD)
	if err != nil {
		return nil
	}
	return key
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic("no random numbers: " + err.Error())
	}
	return b
}

func newHeader() *cryptHeader {
	return &cryptHeader{Version: 1, KDF: "argon2id", Time: argonTime, MemoryKiB: argonMemory, Threads: argonThreads}
}

// readHeader reads the header of the file tx reads; nil when it has no
// passphrase.
func readHeader(tx *bolt.Tx, path string) (*cryptHeader, error) {
	meta := tx.Bucket(bucketMeta)
	if meta == nil || meta.Get(metaEncryption) == nil {
		return nil, nil
	}
	var h cryptHeader
	if err := json.Unmarshal(meta.Get(metaEncryption), &h); err != nil || h.Version != 1 || h.KDF != "argon2id" ||
		h.Threads == 0 || h.Time == 0 {
		return nil, damaged(path, "its passphrase header is damaged")
	}
	return &h, nil
}

// unlockHeader unwraps the data key of a header with secret and puts it in
// the key ring. A header whose key is in the key ring already needs no
// secret; a given secret is always checked.
func unlockHeader(h *cryptHeader, keyID []byte, secret Secret, path string) (*sealer, error) {
	if !secret.given() {
		if s := keyFor(keyID); s != nil {
			return s, nil
		}
		return nil, &PassphraseError{Path: path, Missing: true}
	}
	var key []byte
	if secret.RecoveryKey != "" {
		key = h.unwrap(normaliseRecoveryKey(secret.RecoveryKey), h.Recovery)
	} else {
		key = h.unwrap(secret.Passphrase, h.Passphrase)
	}
	if key == nil {
		return nil, &PassphraseError{Path: path, Recovery: secret.RecoveryKey != ""}
	}
	s, err := newSealer(key)
	if err != nil {
		return nil, err
	}
	if !bytes.Equal(s.id[:], keyID) {
		return nil, damaged(path, "its passphrase header does not match its key")
	}
	remember(s)
	return s, nil
}

// unlockTx unlocks the file tx reads, if it has a passphrase.
func unlockTx(tx *bolt.Tx, path string, secret Secret) (*sealer, error) {
	h, err := readHeader(tx, path)
	if err != nil || h == nil {
		return nil, err
	}
	return unlockHeader(h, tx.Bucket(bucketMeta).Get(metaKeyID), secret, path)
}

// Unlock unlocks the data file or backup at path with secret for this
// process: its records (and those of every backup sealed with the same
// key) can then be read, e.g. by Restore or Check. A file without a
// passphrase needs nothing.
func Unlock(path string, secret Secret) error {
	return viewFile(path, func(tx *bolt.Tx) error {
		_, err := unlockTx(tx, path, secret)
		return err
	})
}

// Protected reports whether the data file or backup at path has a passphrase.
func Protected(path string) (bool, error) {
	var ok bool
	err := viewFile(path, func(tx *bolt.Tx) error {
		meta := tx.Bucket(bucketMeta)
		ok = meta != nil && meta.Get(metaKeyID) != nil
		return nil
	})
	return ok, err
}

// HasPassphrase reports whether the open file is protected by a passphrase.
func (s *Store) HasPassphrase() bool {
	var ok bool
	s.view(func(tx *bolt.Tx) error {
		ok = tx.Bucket(bucketMeta).Get(metaKeyID) != nil
		return nil
	})
	return ok
}

// Recovery keys: 20 random bytes in base32, in groups of four.
var recoveryEncoding = base32.StdEncoding.WithPadding(base32.NoPadding)

func newRecoveryKey() string {
	s := recoveryEncoding.EncodeToString(randomBytes(20))
	var b strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			b.WriteByte('-')
		}
		b.WriteString(s[i:min(i+4, len(s))])
	}
	return b.String()
}

// normaliseRecoveryKey forgives what is easily mistyped from paper: case,
// spaces, dashes, and the digits 0, 1 and 8 for O, I and B.
func normaliseRecoveryKey(k string) string {
	var b strings.Builder
	for _, r := range strings.ToUpper(k) {
		switch r {
		case ' ', '-', '\t', '\n':
		case '0':
			b.WriteRune('O')
		case '1':
			b.WriteRune('I')
		case '8':
			b.WriteRune('B')
		default:
			b.WriteRune(r)
		}
	}
	s := b.String()
	var g strings.Builder
	for i := 0; i < len(s); i += 4 {
		if i > 0 {
			g.WriteByte('-')
		}
		g.WriteString(s[i:min(i+4, len(s))])
	}
	return g.String()
}

// MinPassphraseLength is the shortest passphrase accepted.
const MinPassphraseLength = 8

// ErrPassphraseTooShort refuses a passphrase shorter than MinPassphraseLength.
var ErrPassphraseTooShort = fmt.Errorf("the passphrase must have at least %d characters", MinPassphraseLength)

// SetPassphrase protects the data file at path, which must not be open,
// with passphrase, and returns the recovery key to print on the recovery
// sheet. A file that has a passphrase already must be unlocked with
// current: its passphrase is then changed (the data key is rewrapped, the
// recovery key stays the same and "" is returned).
//
// A backup of the file is made first. Every value is then sealed into a
// compact copy written in one transaction, which replaces the file (a
// rewrite in place would leave the plain values in its free pages); every
// backup is sealed the same way (see sealBackups). A wrong secret gives a
// *PassphraseError and changes nothing.
func SetPassphrase(path string, current Secret, passphrase string, opts Options) (recovery string, err error) {
	if len([]rune(passphrase)) < MinPassphraseLength {
		return "", ErrPassphraseTooShort
	}
	st, err := Open(path, Options{Timeout: opts.Timeout, Now: opts.Now, NoAutoBackup: true, Secret: current})
	if err != nil {
		return "", err
	}
	defer func() {
		if st != nil {
			st.Close()
		}
	}()
	var old *cryptHeader
	var to *sealer
	st.view(func(tx *bolt.Tx) error {
		old, _ = readHeader(tx, path)
		to, _ = sealerOf(tx)
		return nil
	})
	h := newHeader()
	if old == nil {
		dataKey := randomBytes(dataKeyLen)
		if to, err = newSealer(dataKey); err != nil {
			return "", err
		}
		recovery = newRecoveryKey()
		if h.Recovery, err = h.wrap(recovery, dataKey); err != nil {
			return "", err
		}
		if h.Passphrase, err = h.wrap(passphrase, dataKey); err != nil {
			return "", err
		}
		remember(to)
	} else {
		dataKey := old.unwrap(current.Passphrase, old.Passphrase)
		if current.RecoveryKey != "" {
			dataKey = old.unwrap(normaliseRecoveryKey(current.RecoveryKey), old.Recovery)
		}
		if dataKey == nil {
			return "", &PassphraseError{Path: path, Missing: !current.given(), Recovery: current.RecoveryKey != ""}
		}
		h.Recovery = old.Recovery // the printed recovery key stays valid
		if h.Passphrase, err = h.wrap(passphrase, dataKey); err != nil {
			return "", err
		}
	}
	if err := st.reseal(to, h); err != nil {
		return "", err
	}
	st = nil
	return recovery, nil
}

// RemovePassphrase stores every value of the data file at path (which must
// not be open) plain again, after a backup; current must unlock it. Its
// backups stay sealed: they open with the passphrase or recovery key they
// were made with.
func RemovePassphrase(path string, current Secret, opts Options) error {
	st, err := Open(path, Options{Timeout: opts.Timeout, Now: opts.Now, NoAutoBackup: true, Secret: current})
	if err != nil {
		return err
	}
	if !current.given() && st.HasPassphrase() {
		st.Close()
		return &PassphraseError{Path: path, Missing: true}
	}
	return st.reseal(nil, nil)
}
