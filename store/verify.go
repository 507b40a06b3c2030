package store

import (
	"crypto/ed25519"
	"crypto/subtle"
	"fmt"
	"strings"
	"time"
	"unicode"

	bolt "go.etcd.io/bbolt"
)

// VerifyResult is what Verify found out about a genuine certificate.
type VerifyResult struct {
	// Genuine: a QR text signed with this file's key, or a short code
	// that matches a certificate of this file's register. Verify returns
	// an error instead of a result that is not genuine.
	Genuine bool
	// FromQR tells whether a QR text was checked (else a short code).
	FromQR bool
	// Fields are what the QR text signs, or, for a short code, the
	// register's facts: number, the participant's name, the workshop's
	// title and dates, and the issue day (Attended is empty).
	Fields CertificateFields
	// Certificate is the register's record; nil when a genuine QR text's
	// number is not in this file (a copy older than the certificate).
	Certificate *CertificateIssue
	// Voided, with the date and reason, when the register says so.
	Voided     bool
	VoidedAt   time.Time
	VoidReason string
	// Status sums it up in one line for the screen: "genuine: ...",
	// "voided on 2027-03-12: misspelt name".
	Status string
}

// Valid reports whether the certificate is genuine and not voided.
func (r VerifyResult) Valid() bool { return r.Genuine && !r.Voided }

// Verify checks a certificate against this data file. input is either the
// scanned QR text (beginning "WD1:"), checked with this file's public key,
// or the short code printed under it, with or without dashes or spaces, in
// any case, optionally with the certificate number before or after it
// ("ADDIS-2027-007 HJKM-CEFG-3479"), checked against the register by
// recomputing the code. A genuine certificate gives a result (Voided when
// the register says so); anything else an error wrapping ErrNotGenuine or
// ErrNotCertificateCode.
func (s *Store) Verify(input string) (VerifyResult, error) {
	input = strings.TrimSpace(input)
	if len(input) >= len(QRPrefix) && strings.EqualFold(input[:len(QRPrefix)], QRPrefix) {
		return s.verifyQR(input)
	}
	return s.verifyCode(input)
}

func (s *Store) verifyQR(text string) (VerifyResult, error) {
	pub, err := s.PublicKey()
	if err != nil {
		return VerifyResult{}, err
	}
	f, err := VerifyQR(text, pub)
	if err != nil {
		return VerifyResult{}, err
	}
	r := VerifyResult{Genuine: true, FromQR: true, Fields: f}
	err = s.view(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketCertificateNumbers).Get([]byte(numberKey(f.Number)))
		if id == nil {
			return nil
		}
		var c CertificateIssue
		if err := getJSON(tx.Bucket(bucketCertificates), id, &c); err != nil {
			return err
		}
		r.Certificate = &c
		return nil
	})
	if err != nil {
		return VerifyResult{}, err
	}
	r.finish()
	return r, nil
}

func (s *Store) verifyCode(input string) (VerifyResult, error) {
	tokens := strings.FieldsFunc(input, func(r rune) bool {
		return unicode.IsSpace(r) || r == ',' || r == ';' || r == '/'
	})
	number, code, ok := "", "", false
	if code, ok = normalizeCode(strings.Join(tokens, "")); !ok {
		for i, tok := range tokens {
			rest := strings.Join(append(tokens[:i:i], tokens[i+1:]...), "")
			if c, isCode := normalizeCode(rest); isCode {
				number, code, ok = numberKey(tok), c, true
				break
			}
		}
	}
	if !ok {
		return VerifyResult{}, fmt.Errorf("%w: give the 12 letters and digits printed under the QR code, e.g. HJKM-CEFG-3479, and the certificate number if you like", ErrNotCertificateCode)
	}
	r := VerifyResult{}
	err := s.view(func(tx *bolt.Tx) error {
		var id []byte
		if number != "" {
			if id = tx.Bucket(bucketCertificateNumbers).Get([]byte(number)); id == nil {
				return fmt.Errorf("%w: there is no certificate %s in this data file", ErrNotGenuine, number)
			}
		} else if id = tx.Bucket(bucketCertificateCodes).Get([]byte(code)); id == nil {
			return fmt.Errorf("%w: no certificate of this data file has the code %s", ErrNotGenuine, formatCode(code))
		}
		var c CertificateIssue
		if err := getJSON(tx.Bucket(bucketCertificates), id, &c); err != nil {
			return err
		}
		priv, err := signingKey(tx)
		if err != nil || priv == nil {
			return fmt.Errorf("verify: the data file has no usable signing key (%v)", err)
		}
		want, _ := normalizeCode(shortCode(priv, c.Number, c.ParticipantID, c.WorkshopID))
		if subtle.ConstantTimeCompare([]byte(want), []byte(code)) != 1 {
			return fmt.Errorf("%w: the code %s does not match certificate %s", ErrNotGenuine, formatCode(code), c.Number)
		}
		r = VerifyResult{Genuine: true, Certificate: &c}
		r.Fields, err = registerFields(tx, &c)
		return err
	})
	if err != nil {
		return VerifyResult{}, err
	}
	r.finish()
	return r, nil
}

// registerFields gives the register's facts about certificate c. The
// participant and workshop are read even when deleted.
func registerFields(tx *bolt.Tx, c *CertificateIssue) (CertificateFields, error) {
	var p Participant
	var w Workshop
	if err := getJSON(tx.Bucket(bucketParticipants), c.ParticipantID[:], &p); err != nil {
		return CertificateFields{}, fmt.Errorf("participant of certificate %s: %w", c.Number, err)
	}
	if err := getJSON(tx.Bucket(bucketWorkshops), c.WorkshopID[:], &w); err != nil {
		return CertificateFields{}, fmt.Errorf("workshop of certificate %s: %w", c.Number, err)
	}
	return NewCertificateFields(&w, &p, c, ""), nil
}

// VerifyWithKey checks a scanned QR text with a public key alone, as
// ExportPublicKey gives it to verifiers away from the data file. A short
// code cannot be checked this way: it needs the register. Whether a genuine
// certificate was voided since is known only to the issuing data file, and
// the status says so.
func VerifyWithKey(input string, pub ed25519.PublicKey) (VerifyResult, error) {
	input = strings.TrimSpace(input)
	if words := strings.Fields(input); len(words) > 0 && !strings.HasPrefix(strings.ToUpper(input), QRPrefix) {
		// A code as printed, typed with spaces, or after the number.
		_, whole := normalizeCode(strings.Join(words, ""))
		if _, last := normalizeCode(words[len(words)-1]); whole || last {
			return VerifyResult{}, fmt.Errorf("%w: a short code can be checked only against the data file that issued the certificate; give the text of its QR code (beginning %s)", ErrNotCertificateCode, QRPrefix)
		}
	}
	f, err := VerifyQR(input, pub)
	if err != nil {
		return VerifyResult{}, err
	}
	r := VerifyResult{Genuine: true, FromQR: true, Fields: f}
	r.Status = "genuine (signed with this key; only the issuing data file knows whether it was voided since): " + r.facts()
	return r, nil
}

// facts sums up the fields in one line.
func (r *VerifyResult) facts() string {
	f := r.Fields
	name := f.Name
	if f.NativeName != "" {
		name = strings.TrimSpace(name + " (" + f.NativeName + ")")
	}
	return fmt.Sprintf("%s, issued to %s for %q, %s..%s, on %s", f.Number, name, f.Workshop, f.Start, f.End, f.Issued)
}

// finish fills in the voiding and the status line.
func (r *VerifyResult) finish() {
	f := r.Fields
	facts := r.facts()
	switch c := r.Certificate; {
	case c == nil:
		r.Status = "genuine (signed by this data file), but " + f.Number + " is not in its register; is this an older copy of the file? " + facts
	case c.Voided():
		r.Voided, r.VoidedAt, r.VoidReason = true, c.VoidedAt, c.VoidReason
		r.Status = fmt.Sprintf("voided on %s: %s; %s", c.VoidedAt.Format("2006-01-02"), c.VoidReason, facts)
	default:
		r.Status = "genuine: " + facts
	}
}

// formatCode groups a normalised code as XXXX-XXXX-XXXX.
func formatCode(code string) string {
	if len(code) != codeLen {
		return code
	}
	return code[:4] + "-" + code[4:8] + "-" + code[8:]
}
