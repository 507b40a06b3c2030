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
	// number is not in this file's register (NotInRegister).
	Certificate *CertificateIssue
	// NotInRegister: a QR text signed with this file's key whose number
	// this file never issued. Either it was signed with a copy of the key
	// (every backup holds it) or this file is older than the one that
	// issued it; it is not valid.
	NotInRegister bool
	// Differs names the signed facts that the register states otherwise
	// ("name", "native name", "dates"): a print from before a correction,
	// or a text signed with a copy of the key under an issued number. It
	// is not valid; RegisterFields holds the register's facts.
	Differs        []string
	RegisterFields CertificateFields
	// Voided, with the date and reason, when the register says so.
	Voided     bool
	VoidedAt   time.Time
	VoidReason string
	// Status sums it up in one line for the screen: "genuine: ...",
	// "voided on 2027-03-12: misspelt name".
	Status string
}

// Valid reports whether the certificate is genuine, not voided, and, when
// checked against a register, in it as signed.
func (r VerifyResult) Valid() bool {
	return r.Genuine && !r.Voided && !r.NotInRegister && len(r.Differs) == 0
}

// Verify checks a certificate against this data file. input is either the
// scanned QR text (beginning "WD1:"), checked with this file's public key,
// or the short code printed under it, with or without dashes or spaces, in
// any case, optionally with the certificate number before or after it
// ("ADDIS-2027-007 HJKM-CEFG-3479"), checked against the register by
// recomputing the code. A genuine certificate gives a result (Voided when
// the register says so); anything else an error wrapping ErrNotGenuine or
// ErrNotCertificateCode. A QR text is also held against the register: a
// number it never issued (NotInRegister), or signed names or dates other
// than the register's (Differs), is not Valid, since anyone with a copy of
// the data file (a backup) holds the signing key.
func (s *Store) Verify(input string) (VerifyResult, error) {
	input = qrPayload(strings.TrimSpace(input))
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
			r.NotInRegister = true
			return nil
		}
		var c CertificateIssue
		if err := getJSON(tx.Bucket(bucketCertificates), id, &c); err != nil {
			return err
		}
		r.Certificate = &c
		reg, err := registerFields(tx, &c)
		if err != nil {
			return err
		}
		if err := confirmPurgedName(tx, f, &reg, &c); err != nil {
			return err
		}
		r.RegisterFields = reg
		r.Differs = differences(f, reg)
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
	f := NewCertificateFields(&w, &p, c, "")
	if c.NameHash != "" {
		f.Name, f.NativeName = "", "" // purged: only the hash of the name is left
	}
	return f, nil
}

// differences names the facts signed in a QR text (f) that the register
// (reg) states otherwise, both in the form Sign signs.
func differences(f, reg CertificateFields) []string {
	f, reg = canonicalFields(f), canonicalFields(reg)
	var out []string
	if f.Name != reg.Name {
		out = append(out, "name")
	}
	if f.NativeName != reg.NativeName {
		out = append(out, "native name")
	}
	if f.Start != reg.Start || f.End != reg.End {
		out = append(out, "dates")
	}
	return out
}

// VerifyWithKey checks a scanned QR text with a public key alone, as
// ExportPublicKey gives it to verifiers away from the data file. A short
// code cannot be checked this way: it needs the register. Whether the
// issuing data file issued the number at all (every backup holds the
// signing key) and whether it was voided since is known only to that file,
// and the status says so.
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
	r.Status = "genuine (signed with this key; only the issuing data file knows whether it issued this number and whether it was voided since): " + r.facts()
	return r, nil
}

// facts sums up the fields in one line.
func (r *VerifyResult) facts() string { return factsOf(r.Fields) }

// factsOf sums up certificate fields in one line.
func factsOf(f CertificateFields) string {
	name := f.Name
	if name == "" {
		name = "(name removed at the end of the retention period)"
	}
	if f.NativeName != "" {
		name = strings.TrimSpace(name + " (" + f.NativeName + ")")
	}
	return fmt.Sprintf("%s, issued to %s for %q, %s..%s, on %s", f.Number, name, f.Workshop, f.Start, f.End, f.Issued)
}

// Problem says in one line why a genuine signature is still not valid
// against the register, beginning "NOT IN THE REGISTER: " or "DIFFERS FROM
// THE REGISTER: "; it is empty otherwise (a voided certificate has its own
// fields).
func (r VerifyResult) Problem() string {
	f := r.Fields
	switch {
	case r.NotInRegister:
		return "NOT IN THE REGISTER: " + f.Number + " is signed with this data file's key, but this file never issued it: " +
			"it was signed with a copy of the key (every backup holds it), or this is an older copy of the file than the one that issued it; " +
			"do not accept it without asking the issuer."
	case len(r.Differs) > 0:
		return "DIFFERS FROM THE REGISTER: " + f.Number + " is " + strings.TrimPrefix(factsOf(r.RegisterFields), f.Number+", ") +
			"; its QR code signs another " + strings.Join(r.Differs, " and ") +
			": printed before a correction (reprint it), or signed with a copy of the key; do not accept it as it is."
	}
	return ""
}

// finish fills in the voiding and the status line.
func (r *VerifyResult) finish() {
	facts := r.facts()
	switch c := r.Certificate; {
	case c != nil && c.Voided():
		r.Voided, r.VoidedAt, r.VoidReason = true, c.VoidedAt, c.VoidReason
		r.Status = fmt.Sprintf("voided on %s: %s; %s", c.VoidedAt.Format("2006-01-02"), c.VoidReason, facts)
	case r.NotInRegister || len(r.Differs) > 0:
		r.Status = r.Problem() + " It says: " + facts
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
