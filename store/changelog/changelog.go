// Package changelog is the file format of the change logs that laptops
// sharing a workshop exchange through a folder (see the README, "Several
// laptops"). It knows nothing of the records inside: it seals a payload
// into a file and opens it again, telling a file cut short, damaged, made
// by a newer version or sealed with another key apart.
//
// A log file is
//
//	magic "WDLOG\x00" (6) ‖ version (1) ‖ payload length (8, big-endian) ‖
//	nonce (24) ‖ ciphertext (length + 16) ‖ SHA-256 of all before (32)
//
// The ciphertext is the payload, compressed with DEFLATE, sealed with
// XChaCha20-Poly1305 under a key derived from the workshop's join code
// (DeriveKey: Argon2id). The additional data binds the file to its place:
// the header, the workshop code, the device and the file's sequence
// number, so that a file copied under another name is refused too. The
// SHA-256 is a plain checksum: a file whose checksum matches but that does
// not open was sealed with another key (a stranger's file, or another
// workshop's), not damaged on the way.
package changelog

import (
	"bytes"
	"compress/flate"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"golang.org/x/crypto/argon2"
	"golang.org/x/crypto/chacha20poly1305"
)

// Version is the newest format this package writes and reads.
const Version = 1

// KeySize is the size of a workshop key.
const KeySize = chacha20poly1305.KeySize

// MaxPayload bounds a payload once opened: a file claiming more is refused
// before anything is read into memory.
const MaxPayload = 512 << 20

var logMagic = []byte("WDLOG\x00")

// Problems a file can have. Errors returned by Open and Read wrap one of them.
var (
	ErrCutShort = errors.New("the file is cut short (still being copied, or its writing was interrupted)")
	ErrDamaged  = errors.New("the file is damaged (its checksum does not match)")
	ErrNewer    = errors.New("the file was made by a newer version of Workshop Desk")
	ErrWrongKey = errors.New("the file is not sealed with this workshop's join code (a stranger's file, or another workshop's)")
	ErrForeign  = errors.New("the file is not a Workshop Desk change log")
)

const headerLen = 6 + 1 + 8 + chacha20poly1305.NonceSizeX

// Place names where a file belongs: it is bound to it.
type Place struct {
	Workshop string // the workshop's code
	Device   string // the writing installation's device ID
	Seq      uint64 // the file's number within the device's folder, from 1
}

func (p Place) aad(header []byte) []byte {
	return fmt.Appendf(append([]byte(nil), header...), "|%s|%s|%d", p.Workshop, p.Device, p.Seq)
}

// FileName is the name of the seq-th log file of a device.
func FileName(seq uint64) string { return fmt.Sprintf("%08d.wdlog", seq) }

// ParseFileName returns the sequence number of a log file's name, or false
// for any other name (temporary files, Syncthing's own files).
func ParseFileName(name string) (uint64, bool) {
	num, ok := strings.CutSuffix(name, ".wdlog")
	if !ok || len(num) != 8 {
		return 0, false
	}
	n, err := strconv.ParseUint(num, 10, 64)
	return n, err == nil && n > 0
}

// Seal returns the file bytes of payload sealed with key at place.
func Seal(key []byte, place Place, payload []byte) ([]byte, error) {
	var z bytes.Buffer
	fw, err := flate.NewWriter(&z, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := fw.Write(payload); err != nil {
		return nil, err
	}
	if err := fw.Close(); err != nil {
		return nil, err
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("seal change log: %w", err)
	}
	header := make([]byte, headerLen)
	copy(header, logMagic)
	header[6] = Version
	binary.BigEndian.PutUint64(header[7:], uint64(z.Len()))
	if _, err := rand.Read(header[15:]); err != nil {
		return nil, fmt.Errorf("seal change log: %w", err)
	}
	out := aead.Seal(header, header[15:], z.Bytes(), place.aad(header))
	sum := sha256.Sum256(out)
	return append(out, sum[:]...), nil
}

// Open checks and opens the bytes of a log file found at place.
func Open(key []byte, place Place, data []byte) ([]byte, error) {
	if len(data) < len(logMagic) || !bytes.Equal(data[:len(logMagic)], logMagic) {
		if len(data) < len(logMagic) && bytes.HasPrefix(logMagic, data) {
			return nil, ErrCutShort
		}
		return nil, ErrForeign
	}
	if len(data) < headerLen {
		return nil, ErrCutShort
	}
	if data[6] > Version {
		return nil, fmt.Errorf("%w (format %d; this one reads up to %d)", ErrNewer, data[6], Version)
	}
	if data[6] == 0 {
		return nil, ErrDamaged
	}
	n := binary.BigEndian.Uint64(data[7:])
	if n > MaxPayload {
		return nil, ErrDamaged
	}
	want := uint64(headerLen) + n + chacha20poly1305.Overhead + sha256.Size
	switch {
	case uint64(len(data)) < want:
		return nil, ErrCutShort
	case uint64(len(data)) > want:
		return nil, ErrDamaged
	}
	body, sum := data[:len(data)-sha256.Size], data[len(data)-sha256.Size:]
	if got := sha256.Sum256(body); !bytes.Equal(got[:], sum) {
		return nil, ErrDamaged
	}
	aead, err := chacha20poly1305.NewX(key)
	if err != nil {
		return nil, fmt.Errorf("open change log: %w", err)
	}
	z, err := aead.Open(nil, data[15:headerLen], body[headerLen:], place.aad(data[:headerLen]))
	if err != nil {
		return nil, ErrWrongKey
	}
	out, err := io.ReadAll(io.LimitReader(flate.NewReader(bytes.NewReader(z)), MaxPayload+1))
	if err != nil || len(out) > MaxPayload {
		return nil, ErrDamaged
	}
	return out, nil
}

// Write seals payload and writes it as the log file of place in dir:
// to a temporary name, synced, then renamed, so that a reader never sees
// half a file under a log file's name.
func Write(dir string, key []byte, place Place, payload []byte) (string, error) {
	data, err := Seal(key, place, payload)
	if err != nil {
		return "", err
	}
	path := filepath.Join(dir, FileName(place.Seq))
	return path, WriteAtomic(path, data)
}

// WriteAtomic writes data to path through a temporary file in the same
// folder, synced before it is renamed.
func WriteAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.CreateTemp(filepath.Dir(path), ".tmp-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	tmp := f.Name()
	_, err = f.Write(data)
	if err == nil {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// Read reads and opens the log file at path, found at place.
func Read(path string, key []byte, place Place) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxPayload+headerLen+64 {
		return nil, ErrDamaged
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Open(key, place, data)
}

// Argon2id parameters of DeriveKey: about 50 ms and 19 MiB, once per
// laptop when it starts sharing or joins.
const (
	kdfTime   = 2
	kdfMemory = 19 * 1024
	kdfLanes  = 1
)

// DeriveKey derives a workshop key from its join code (normalised: see
// NormalizeJoinCode) and salt with Argon2id.
func DeriveKey(joinCode string, salt []byte) []byte {
	return argon2.IDKey([]byte(NormalizeJoinCode(joinCode)), salt, kdfTime, kdfMemory, kdfLanes, KeySize)
}

// joinAlphabet leaves out letters read for others (0/O, 1/I/L, U).
const joinAlphabet = "23456789ABCDEFGHJKMNPQRSTVWXYZ"

// NewJoinCode returns a new join code: 12 characters (about 59 bits) in
// groups of four, "K7QM-4XPD-2HRT".
func NewJoinCode() string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		panic(err)
	}
	var out strings.Builder
	for i, c := range b {
		if i > 0 && i%4 == 0 {
			out.WriteByte('-')
		}
		// 256 % 30 = 16: a slight bias, irrelevant to a code behind Argon2id.
		out.WriteByte(joinAlphabet[int(c)%len(joinAlphabet)])
	}
	return out.String()
}

// FormatJoinCode shows a join code as NewJoinCode makes it, in groups of
// four ("K7QM-4XPD-2HRT"), however it was typed.
func FormatJoinCode(code string) string {
	n := NormalizeJoinCode(code)
	var out strings.Builder
	for i, r := range []rune(n) {
		if i > 0 && i%4 == 0 {
			out.WriteByte('-')
		}
		out.WriteRune(r)
	}
	return out.String()
}

// NormalizeJoinCode puts a typed join code in its canonical form: upper
// case, without spaces or dashes, O read as 0 and I or L as 1 are not in
// the alphabet and are left as typed.
func NormalizeJoinCode(code string) string {
	var out strings.Builder
	for _, r := range strings.ToUpper(code) {
		if r == '-' || r == ' ' || r == '\t' {
			continue
		}
		out.WriteRune(r)
	}
	return out.String()
}
