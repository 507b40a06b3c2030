package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/rand"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/binary"
	"encoding/pem"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
	"golang.org/x/text/unicode/norm"
)

// Certificates are made verifiable in two ways, both with one Ed25519 key
// pair per data file, created on first use and kept in the file's meta
// bucket. The private key never leaves the file: no function returns it,
// and Export leaves it out (backups, being copies of the file, hold it).
//
// The QR code holds the certificate's fields and an Ed25519 signature over
// them (see Sign for the layout). Anyone with the public key can check it
// offline, with VerifyQR, without the data file: a genuine text gives the
// signed fields back, a text with any field altered, or signed by another
// file's key, fails. A voided certificate's QR text stays mathematically
// genuine; only a check against the register (Verify) reports the voiding,
// and only it can tell a text signed with a copy of the key (a stolen
// backup) under a number never issued, or under an issued number with
// another name, from a certificate the register holds.
//
// The short code ("HJKM-CEFG-3479", printed under the QR code for people
// who type rather than scan) is 12 characters of the badge alphabet taken
// from an Ed25519 signature over "WD1-code|<number>|<participant ID>|
// <workshop ID>". It holds none of the printed fields and too few bits to
// be checked with the public key: it is checked only against a data file
// that holds the issued record, by looking up the number (or the code) in
// the register and recomputing the signature. It is fixed at the first
// issue and the same on every reprint, even after the name is corrected.

// QRPrefix begins the text of every certificate QR code; the digit is the
// format version.
const QRPrefix = "WD1:"

// MaxQRLen is the most bytes Sign puts in a QR text, so that the code
// stays easy to scan when printed about 3 cm wide (QR version 15 or less
// at error correction level M).
const MaxQRLen = 400

// Verification errors. Errors from VerifyQR and Verify wrap one of them
// with the detail.
var (
	// ErrNotGenuine means the text or code is well formed but was not
	// issued with this key or register: a field was altered, it was
	// signed by another data file, or the code matches no certificate.
	ErrNotGenuine = errors.New("not genuine")
	// ErrNotCertificateCode means the text is not a Workshop Desk
	// certificate code at all, or is incomplete.
	ErrNotCertificateCode = errors.New("not a Workshop Desk certificate code")
)

// CertificateFields are the facts a certificate states, as printed and as
// signed into its QR code.
type CertificateFields struct {
	Number     string // "ADDIS-2027-007"
	Name       string // full name in Latin letters, as printed
	NativeName string // the name in the person's own script, if printed
	Workshop   string // the workshop's title (Sign may shorten it, see there)
	Start, End Date   // the workshop's first and last day
	Attended   string // short text: "7 of 9 sessions", "10.5 of 14 hours", "speaker"
	Issued     Date   // the day of the first issue
}

// NewCertificateFields returns the fields of certificate c for participant
// p of workshop w, with attended as the attendance text (EligibilityRow's
// Attended, or the role for a certificate of appreciation). The issue day
// is the first issue's, in the workshop's time zone, so that reprints sign
// the same fields.
func NewCertificateFields(w *Workshop, p *Participant, c *CertificateIssue, attended string) CertificateFields {
	return CertificateFields{Number: c.Number, Name: p.FullName(), NativeName: p.NativeName, Workshop: w.Title,
		Start: w.StartDate, End: w.EndDate, Attended: attended, Issued: DateOf(c.IssuedAt.In(w.Location()))}
}

// PublicKey returns the data file's certificate public key, creating the
// key pair on first use.
func (s *Store) PublicKey() (ed25519.PublicKey, error) {
	priv, err := s.privateKey()
	if err != nil {
		return nil, err
	}
	return priv.Public().(ed25519.PublicKey), nil
}

// ExportPublicKey returns the public key for verifiers: a line naming its
// fingerprint, then the key as a PEM "PUBLIC KEY" block (PKIX, as OpenSSL
// writes it). ParsePublicKey reads it back.
func (s *Store) ExportPublicKey() (string, error) {
	pub, err := s.PublicKey()
	if err != nil {
		return "", err
	}
	der, err := x509.MarshalPKIXPublicKey(pub)
	if err != nil {
		return "", fmt.Errorf("export public key: %w", err)
	}
	return "Workshop Desk certificate key " + KeyFingerprint(pub) + "\n" +
		string(pem.EncodeToMemory(&pem.Block{Type: "PUBLIC KEY", Bytes: der})), nil
}

// ParsePublicKey reads a public key as ExportPublicKey writes it (any text
// before the PEM block is ignored), or as the 32 key bytes in base64.
func ParsePublicKey(text string) (ed25519.PublicKey, error) {
	if block, _ := pem.Decode([]byte(text)); block != nil {
		k, err := x509.ParsePKIXPublicKey(block.Bytes)
		if err != nil {
			return nil, fmt.Errorf("public key: %w", err)
		}
		pub, ok := k.(ed25519.PublicKey)
		if !ok {
			return nil, fmt.Errorf("public key: a %T, not an Ed25519 key", k)
		}
		return pub, nil
	}
	text = strings.TrimRight(strings.TrimSpace(text), "=")
	for _, enc := range []*base64.Encoding{base64.RawStdEncoding, base64.RawURLEncoding} {
		if b, err := enc.DecodeString(text); err == nil && len(b) == ed25519.PublicKeySize {
			return ed25519.PublicKey(b), nil
		}
	}
	return nil, errors.New("public key: neither a PEM block nor 32 bytes in base64")
}

// KeyFingerprint returns a short fingerprint of a public key to compare by
// eye or over the phone: the first 8 bytes of its SHA-256 in hexadecimal,
// "3F2A-91C0-77B4-1E0D".
func KeyFingerprint(pub ed25519.PublicKey) string {
	sum := sha256.Sum256(pub)
	h := strings.ToUpper(fmt.Sprintf("%x", sum[:8]))
	return h[0:4] + "-" + h[4:8] + "-" + h[8:12] + "-" + h[12:16]
}

// signingKey reads the file's private key in tx; nil when there is none.
func signingKey(tx *bolt.Tx) (ed25519.PrivateKey, error) {
	b := tx.Bucket(bucketMeta).Get(metaSigningKey)
	if len(b) == ed25519.PrivateKeySize+sealOverhead {
		var err error
		if b, err = unseal(b); err != nil {
			return nil, fmt.Errorf("the certificate signing key: %w", err)
		}
	}
	switch len(b) {
	case 0:
		return nil, nil
	case ed25519.PrivateKeySize:
		return ed25519.PrivateKey(bytes.Clone(b)), nil
	}
	return nil, fmt.Errorf("the certificate signing key is damaged (%d bytes)", len(b))
}

// ensureKey returns the file's private key, creating it in tx (a write
// transaction) when there is none.
func ensureKey(tx *bolt.Tx) (ed25519.PrivateKey, error) {
	priv, err := signingKey(tx)
	if priv != nil || err != nil {
		return priv, err
	}
	_, priv, err = ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return nil, fmt.Errorf("create the certificate signing key: %w", err)
	}
	sealed, err := sealFor(tx, priv)
	if err != nil {
		return nil, fmt.Errorf("create the certificate signing key: %w", err)
	}
	return priv, tx.Bucket(bucketMeta).Put(metaSigningKey, sealed)
}

// privateKey reads the file's private key, creating it on first use.
func (s *Store) privateKey() (priv ed25519.PrivateKey, err error) {
	if err := s.view(func(tx *bolt.Tx) error {
		priv, err = signingKey(tx)
		return err
	}); err != nil || priv != nil {
		return priv, err
	}
	err = s.update(func(tx *bolt.Tx) error {
		priv, err = ensureKey(tx)
		return err
	})
	return priv, err
}

// Short codes: codeLen characters of badgeAlphabet, grouped by four.
const codeLen = 12

// shortCode derives a certificate's short code from the identity that never
// changes: its number, participant and workshop.
func shortCode(priv ed25519.PrivateKey, number string, participantID, workshopID uuid.UUID) string {
	msg := "WD1-code|" + strings.ToUpper(number) + "|" + participantID.String() + "|" + workshopID.String()
	sig := ed25519.Sign(priv, []byte(msg))
	n := uint64(len(badgeAlphabet))
	space := uint64(1)
	for range codeLen {
		space *= n
	}
	// 64 bits reduced to 21^12 (about 2^52.7): the bias is below 1/2000.
	v := binary.BigEndian.Uint64(sig[:8]) % space
	var out [codeLen]byte
	for i := codeLen - 1; i >= 0; i-- {
		out[i] = badgeAlphabet[v%n]
		v /= n
	}
	return formatCode(string(out[:]))
}

// normalizeCode upper-cases a typed code and drops spaces and dashes; ok
// is false unless it is codeLen characters of the badge alphabet.
func normalizeCode(s string) (code string, ok bool) {
	code = NormalizeBadgeCode(s)
	if len(code) != codeLen {
		return code, false
	}
	for i := range len(code) {
		if strings.IndexByte(badgeAlphabet, code[i]) < 0 {
			return code, false
		}
	}
	return code, true
}

// Sign returns the QR text and the short code of certificate c, which must
// be in the register and not voided, for the fields as printed. An empty
// fields.Number is c's number; any other must equal it.
//
// The QR text is UTF-8:
//
//	WD1:<number>|<name>|<native name>|<workshop title>|<start>..<end>|<attended>|<issued>|<signature>
//
// with dates as YYYY-MM-DD and the signature the 64-byte Ed25519 signature
// of everything before its "|", in unpadded base64url (86 characters, the
// last with its 4 spare bits zero: VerifyQR accepts no other form).
// Before signing, every text field is put in Unicode NFC, with "|" turned
// into "/" and runs of white space or control characters into one space;
// the name or the native name is required, and so are the title and the
// dates. When the text would pass MaxQRLen bytes, the title is shortened
// with "…" to fit (the number identifies the certificate); a name too long
// to fit even so is an error. Ed25519 signatures are deterministic: the
// same fields sign to the same text on every reprint.
func (s *Store) Sign(c CertificateIssue, fields CertificateFields) (qr string, code string, err error) {
	var priv ed25519.PrivateKey
	var rec CertificateIssue
	err = s.view(func(tx *bolt.Tx) error {
		if err := registered(tx, &c, &rec); err != nil {
			return err
		}
		priv, err = signingKey(tx)
		if err == nil && priv == nil {
			err = errors.New("the data file has no signing key")
		}
		return err
	})
	if err != nil {
		return "", "", fmt.Errorf("sign certificate %s: %w", c.Number, err)
	}
	if rec.Voided() {
		return "", "", fmt.Errorf("sign certificate %s: it was voided on %s (%s) and cannot be printed",
			rec.Number, rec.VoidedAt.Format("2006-01-02"), rec.VoidReason)
	}
	if rec.NameHash != "" {
		return "", "", fmt.Errorf("sign certificate %s: its holder's personal data was removed (purge or erasure); it can be verified but not printed again", rec.Number)
	}
	if fields.Number == "" {
		fields.Number = rec.Number
	}
	if !strings.EqualFold(strings.TrimSpace(fields.Number), rec.Number) {
		return "", "", ValidationError{{"number", fmt.Sprintf("the fields are for %s, the certificate is %s", fields.Number, rec.Number)}}
	}
	fields.Number = rec.Number
	qr, err = signQR(priv, fields)
	if err != nil {
		return "", "", err
	}
	return qr, rec.Code, nil
}

// registered finds certificate c in the register (by ID, or by number when
// it has none) and checks that c names the same certificate.
func registered(tx *bolt.Tx, c, rec *CertificateIssue) error {
	id := c.ID
	if id == uuid.Nil {
		v := tx.Bucket(bucketCertificateNumbers).Get([]byte(numberKey(c.Number)))
		if v == nil {
			return fmt.Errorf("certificate %q is not in the register: %w", c.Number, ErrNotFound)
		}
		id = uuid.UUID(v)
	}
	if err := getJSON(tx.Bucket(bucketCertificates), id[:], rec); err != nil {
		return fmt.Errorf("certificate %s: %w", id, err)
	}
	if (c.Number != "" && numberKey(c.Number) != numberKey(rec.Number)) ||
		(c.ParticipantID != uuid.Nil && c.ParticipantID != rec.ParticipantID) {
		return fmt.Errorf("certificate %s does not match the register's %s (number or participant differ)", c.Number, rec.Number)
	}
	return nil
}

// signQR canonicalises the fields, fits them in MaxQRLen and signs them.
func signQR(priv ed25519.PrivateKey, f CertificateFields) (string, error) {
	f = canonicalFields(f)
	var p problems
	if !validNumber(f.Number) {
		p.add("number", "%q is not a certificate number", f.Number)
	}
	if f.Name == "" && f.NativeName == "" {
		p.add("name", "a name is required")
	}
	if f.Workshop == "" {
		p.add("workshop", "the workshop title is required")
	}
	if f.Start.IsZero() || f.End.IsZero() || f.End.Before(f.Start) {
		p.add("end", "the workshop dates %s..%s are not a period", f.Start, f.End)
	}
	if f.Issued.IsZero() {
		p.add("issued", "the issue date is required")
	}
	if len(f.Attended) > 60 {
		p.add("attended", "keep the attendance text within 60 bytes")
	}
	if err := p.err(); err != nil {
		return "", err
	}
	msg := qrMessage(f)
	if over := len(msg) + 1 + sigLen - MaxQRLen; over > 0 {
		title := []byte(f.Workshop)
		keep := len(title) - over - len("…")
		for keep > 0 && !utf8.RuneStart(title[keep]) {
			keep--
		}
		if keep < 1 {
			return "", ValidationError{{"name", fmt.Sprintf("the names are too long for the QR code (%d bytes over %d)", over, MaxQRLen)}}
		}
		f.Workshop = strings.TrimRight(string(title[:keep]), " ") + "…"
		msg = qrMessage(f)
	}
	sig := ed25519.Sign(priv, []byte(msg))
	return msg + "|" + base64.RawURLEncoding.EncodeToString(sig), nil
}

// sigLen is the length of a signature in a QR text: 64 bytes in unpadded
// base64url.
const sigLen = 86

// sigEncoding is the signature's encoding, strict: the last of the 86
// characters carries 2 bits of the signature and 4 bits that must be zero,
// so that exactly one text stands for a signature.
var sigEncoding = base64.RawURLEncoding.Strict()

// decodeSignature reads a QR text's signature strictly: exactly sigLen
// characters of the base64url alphabet (no padding, no line breaks, which
// the base64 decoder would skip) in their one canonical form.
func decodeSignature(s string) ([]byte, error) {
	if len(s) != sigLen {
		return nil, fmt.Errorf("the signature has %d characters, not %d", len(s), sigLen)
	}
	for i := range len(s) {
		if c := s[i]; !(c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_') {
			return nil, fmt.Errorf("the signature has %q at %d", c, i+1)
		}
	}
	sig, err := sigEncoding.DecodeString(s)
	if err != nil || len(sig) != ed25519.SignatureSize {
		return nil, fmt.Errorf("the signature is not in its one canonical form: %v", err)
	}
	return sig, nil
}

// qrMessage is the signed part of the QR text.
func qrMessage(f CertificateFields) string {
	return QRPrefix + strings.Join([]string{f.Number, f.Name, f.NativeName, f.Workshop,
		f.Start.String() + ".." + f.End.String(), f.Attended, f.Issued.String()}, "|")
}

// canonicalFields brings every text field into the form Sign signs.
func canonicalFields(f CertificateFields) CertificateFields {
	f.Number = strings.ToUpper(canonicalText(f.Number))
	for _, s := range []*string{&f.Name, &f.NativeName, &f.Workshop, &f.Attended} {
		*s = canonicalText(*s)
	}
	return f
}

// canonicalText is s in NFC with "|" as "/" and every run of white space
// or control characters as one space, trimmed.
func canonicalText(s string) string {
	s = norm.NFC.String(s)
	var b strings.Builder
	space := false
	for _, r := range s {
		switch {
		case unicode.IsSpace(r) || unicode.IsControl(r) || r == utf8.RuneError:
			space = b.Len() > 0
			continue
		case r == '|':
			r = '/'
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// VerifyQR checks a scanned QR text against a public key, offline: a
// genuine text gives its signed fields. A text altered in any way, or
// signed with another key, gives an error wrapping ErrNotGenuine; a text
// that is not a certificate code, or is cut short, one wrapping
// ErrNotCertificateCode.
func VerifyQR(text string, pub ed25519.PublicKey) (CertificateFields, error) {
	text = qrPayload(strings.TrimSpace(text))
	if !strings.HasPrefix(text, QRPrefix) {
		if v, _, ok := strings.Cut(text, ":"); ok && len(v) > 2 && len(v) < 6 && v[:2] == "WD" && strings.Trim(v[2:], "0123456789") == "" {
			return CertificateFields{}, fmt.Errorf("%w: format %s is newer than this Workshop Desk; update it to check this code", ErrNotCertificateCode, v)
		}
		return CertificateFields{}, fmt.Errorf("%w: it does not begin with %s", ErrNotCertificateCode, QRPrefix)
	}
	parts := strings.Split(text, "|")
	if len(parts) != 8 {
		return CertificateFields{}, fmt.Errorf("%w: it has %d parts separated by \"|\", not 8 (cut short, or pasted twice?)", ErrNotCertificateCode, len(parts))
	}
	sig, err := decodeSignature(parts[7])
	if err != nil {
		return CertificateFields{}, fmt.Errorf("%w: its signature is damaged or cut short", ErrNotCertificateCode)
	}
	if len(pub) != ed25519.PublicKeySize {
		return CertificateFields{}, fmt.Errorf("verify certificate: the public key has %d bytes, not %d", len(pub), ed25519.PublicKeySize)
	}
	if !ed25519.Verify(pub, []byte(text[:len(text)-len(parts[7])-1]), sig) {
		return CertificateFields{}, fmt.Errorf("%w: the signature does not match (a field was altered, or it was signed by another Workshop Desk data file)", ErrNotGenuine)
	}
	f := CertificateFields{Number: strings.TrimPrefix(parts[0], QRPrefix), Name: parts[1], NativeName: parts[2],
		Workshop: parts[3], Attended: parts[5]}
	start, end, ok := strings.Cut(parts[4], "..")
	var errs [3]error
	f.Start, errs[0] = ParseDate(start)
	f.End, errs[1] = ParseDate(end)
	f.Issued, errs[2] = ParseDate(parts[6])
	if err := errors.Join(errs[:]...); err != nil || !ok {
		return CertificateFields{}, fmt.Errorf("%w: its dates cannot be read (%v)", ErrNotCertificateCode, err)
	}
	return f, nil
}
