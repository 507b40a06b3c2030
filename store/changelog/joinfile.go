package changelog

import (
	"bytes"
	"crypto/rand"
	"crypto/sha256"
	"fmt"
	"os"

	"golang.org/x/crypto/chacha20poly1305"
)

// JoinFileName is the name of a shared workshop's join file, in the
// workshop's folder: it holds the key's salt in clear and the workshop's
// secrets sealed with the key, so that a laptop given the join code can
// check it and join.
const JoinFileName = "workshop.wdjoin"

var joinMagic = []byte("WDJOIN\x00")

// SaltSize is the size of a join file's salt.
const SaltSize = 16

const joinHeaderLen = 7 + 1 + SaltSize + chacha20poly1305.NonceSizeX

// SealJoin returns a join file holding secret, sealed with the key derived
// from joinCode and a new salt, and that key.
func SealJoin(joinCode string, secret []byte) (file, key []byte, err error) {
	header := make([]byte, joinHeaderLen)
	copy(header, joinMagic)
	header[7] = Version
	if _, err := rand.Read(header[8:]); err != nil {
		return nil, nil, fmt.Errorf("seal join file: %w", err)
	}
	key = DeriveKey(joinCode, header[8:8+SaltSize])
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, nil, err
	}
	out := aead.Seal(header, header[8+SaltSize:], secret, header)
	sum := sha256.Sum256(out)
	return append(out, sum[:]...), key, nil
}

// OpenJoin reads the join file at path with joinCode and returns its
// secret and the workshop key. A code that does not open it gives
// ErrWrongKey.
func OpenJoin(path, joinCode string) (secret, key []byte, err error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, nil, err
	}
	if !bytes.HasPrefix(data, joinMagic) {
		return nil, nil, ErrForeign
	}
	if len(data) < joinHeaderLen+chacha20poly1305.Overhead+sha256.Size {
		return nil, nil, ErrCutShort
	}
	if data[7] > Version {
		return nil, nil, ErrNewer
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, nil, ErrDamaged
	}
	key = DeriveKey(joinCode, data[8:8+SaltSize])
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, nil, err
	}
	secret, err = aead.Open(nil, data[8+SaltSize:joinHeaderLen], body[joinHeaderLen:], data[:joinHeaderLen])
	if err != nil {
		return nil, nil, ErrWrongKey
	}
	return secret, key, nil
}
