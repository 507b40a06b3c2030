package store

import (
	"bytes"
	"cmp"
	"crypto/ed25519"
	"encoding/binary"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Certificate numbers are "<WORKSHOP CODE>-<sequence>", the workshop's short
// code upper-cased and a running count from 1 zero-padded to three digits or
// more: ADDIS-2027-007, ADDIS-2027-1234. Each workshop keeps its own count
// (bucket certificate_sequences); a number is unique in the whole file (index
// certificate_numbers), so a workshop that reuses the code of a deleted or
// renamed one skips the numbers already given. A number is never reused nor
// changed: a reprint keeps it, and a voided certificate keeps it too.
//
// A participant has at most one certificate that is not voided. Issuing to
// someone whose certificate was voided gives a new number; the voided one
// stays in the register, where Verify reports it as voided.

// CertificateNumber formats the number of the seq-th certificate of the
// workshop with the given short code.
func CertificateNumber(workshopCode string, seq int) string {
	return fmt.Sprintf("%s-%03d", strings.ToUpper(workshopCode), seq)
}

// numberKey is the form of a number in the index: trimmed, upper-case.
func numberKey(n string) string { return strings.ToUpper(strings.TrimSpace(n)) }

var numberShape = regexp.MustCompile(`^[A-Z0-9][A-Z0-9./-]{0,47}$`)

// validNumber reports whether n (upper-case) can be a certificate number:
// letters, digits, dashes, dots or slashes, up to 48.
func validNumber(n string) bool { return numberShape.MatchString(n) }

// parseSequence returns the sequence of a number of the form CertificateNumber
// gives for workshopCode, or 0.
func parseSequence(number, workshopCode string) int {
	rest, ok := strings.CutPrefix(numberKey(number), strings.ToUpper(workshopCode)+"-")
	if !ok || len(rest) < 3 {
		return 0
	}
	n, err := strconv.Atoi(rest)
	if err != nil || n < 1 || rest[0] == '+' {
		return 0
	}
	return n
}

func encodeSeq(n int) []byte { return binary.BigEndian.AppendUint64(nil, uint64(n)) }

func decodeSeq(b []byte) int {
	if len(b) != 8 {
		return 0
	}
	return int(binary.BigEndian.Uint64(b))
}

// Issue gives certificates to participants in one transaction, all or none:
// a new number (and verification code) to each one without a certificate,
// or whose certificate was voided, and one more reprint to each one who has
// one. now is the issue (or reprint) time; zero means the store's clock.
// The result holds the certificate of participantIDs[i] at i.
//
// Issue does not judge eligibility: the caller chooses whom to print for
// from Eligibility (which honours overrides), so that certificates can be
// printed before the closing session, for instance. The certificate's Kind
// follows the participant's role at the first issue.
func (s *Store) Issue(participantIDs []uuid.UUID, now time.Time) ([]CertificateIssue, error) {
	return s.IssueProvisional(participantIDs, nil, now)
}

// IssueProvisional is Issue where provisional[i] (when given) says that
// participantIDs[i] is not eligible yet but on track: a new certificate is
// issued as provisional, a provisional one stays so on a reprint, and one
// reprinted for someone now eligible is confirmed (see SettleProvisional).
func (s *Store) IssueProvisional(participantIDs []uuid.UUID, provisional []bool, now time.Time) ([]CertificateIssue, error) {
	if provisional != nil && len(provisional) != len(participantIDs) {
		return nil, fmt.Errorf("issue certificates: %d provisional flags for %d participants", len(provisional), len(participantIDs))
	}
	prov := func(i int) bool { return provisional != nil && provisional[i] }
	if now.IsZero() {
		now = s.now()
	}
	out := make([]CertificateIssue, len(participantIDs))
	err := s.update(func(tx *bolt.Tx) error {
		priv, err := ensureKey(tx)
		if err != nil {
			return err
		}
		done := map[uuid.UUID]int{}
		workshops := map[uuid.UUID]*Workshop{}
		for i, pid := range participantIDs {
			if j, ok := done[pid]; ok {
				out[i] = out[j]
				continue
			}
			var p Participant
			if err := liveParticipant(tx, pid, &p); err != nil {
				return fmt.Errorf("issue certificates: %w", err)
			}
			if !p.PurgedAt.IsZero() {
				return fmt.Errorf("issue certificates: the personal data of %s was removed on %s (purge): there is no name left to print",
					p.BadgeCode, p.PurgedAt.Format("2006-01-02"))
			}
			w := workshops[p.WorkshopID]
			if w == nil {
				w = new(Workshop)
				if err := liveWorkshop(tx, p.WorkshopID, w); err != nil {
					return fmt.Errorf("issue certificates: %w", err)
				}
				workshops[w.ID] = w
			}
			cur, err := currentCertificate(tx, pid)
			if err != nil {
				return err
			}
			var rec CertificateIssue
			if cur != nil && !cur.Voided() {
				rec = *cur
				rec.Reprints++
				if rec.Provisional && !prov(i) {
					rec.Provisional, rec.ConfirmedAt = false, now
				}
			} else {
				rec = CertificateIssue{WorkshopID: w.ID, ParticipantID: pid, Kind: KindFor(p.Role), IssuedAt: now, Provisional: prov(i)}
				if err := allocateNumber(tx, priv, w, &rec); err != nil {
					return err
				}
			}
			rec.PrintedAt = now
			if err := s.putCertificate(tx, &rec); err != nil {
				return err
			}
			out[i], done[pid] = rec, i
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// allocateNumber gives rec the workshop's next free number and its code.
func allocateNumber(tx *bolt.Tx, priv ed25519.PrivateKey, w *Workshop, rec *CertificateIssue) error {
	nums, codes := tx.Bucket(bucketCertificateNumbers), tx.Bucket(bucketCertificateCodes)
	series, seqKey := numberSeries(tx, w) // sync_config.go: a laptop sharing the workshop numbers in its own series
	for seq := decodeSeq(tx.Bucket(bucketCertificateSequences).Get(seqKey)) + 1; ; seq++ {
		number := CertificateNumber(series, seq)
		code := shortCode(priv, number, rec.ParticipantID, w.ID)
		key, _ := normalizeCode(code)
		if nums.Get([]byte(number)) == nil && codes.Get([]byte(key)) == nil {
			rec.Number, rec.Sequence, rec.Code = number, seq, code
			return nil
		}
	}
}

// raiseSequence keeps the workshop's running count at or above rec's
// sequence and, for a number of a laptop's own series (see numberSeries),
// that series' count too.
func raiseSequence(tx *bolt.Tx, rec *CertificateIssue) error {
	seqs := tx.Bucket(bucketCertificateSequences)
	keys := [][]byte{rec.WorkshopID[:]}
	if tag := seriesTag(rec.Number, rec.Sequence); tag != "" {
		keys = append(keys, append(append([]byte(nil), rec.WorkshopID[:]...), tag...))
	}
	for _, k := range keys {
		if rec.Sequence > decodeSeq(seqs.Get(k)) {
			if err := seqs.Put(k, encodeSeq(rec.Sequence)); err != nil {
				return err
			}
		}
	}
	return nil
}

// seriesTag returns the laptop tag of a number of the form CODE-TAG-007,
// or "".
func seriesTag(number string, seq int) string {
	rest, ok := strings.CutSuffix(numberKey(number), fmt.Sprintf("-%03d", seq))
	if !ok || seq == 0 {
		return ""
	}
	i := strings.LastIndexByte(rest, '-')
	if i < 0 || len(rest)-i-1 != 3 {
		return ""
	}
	tag := rest[i+1:]
	for _, r := range tag {
		if r < 'A' || r > 'Z' {
			return ""
		}
	}
	return tag
}

// currentCertificate returns a participant's newest certificate, or nil.
func currentCertificate(tx *bolt.Tx, participantID uuid.UUID) (*CertificateIssue, error) {
	id := tx.Bucket(bucketCertificatesByParticipant).Get(participantID[:])
	if id == nil {
		return nil, nil
	}
	var c CertificateIssue
	if err := getJSON(tx.Bucket(bucketCertificates), id, &c); err != nil {
		return nil, fmt.Errorf("certificate of participant %s: %w", participantID, err)
	}
	return &c, nil
}

// putCertificate stamps rec and writes it with its index entries; a new
// record becomes its participant's current certificate. The caller has
// checked that its number and code are free.
func (s *Store) putCertificate(tx *bolt.Tx, rec *CertificateIssue) error {
	isNew := rec.touch(s.now(), s.device)
	if rec.IssuedAt.IsZero() {
		rec.IssuedAt = rec.CreatedAt
	}
	id := rec.ID[:]
	if isNew {
		if err := tx.Bucket(bucketCertificatesByParticipant).Put(rec.ParticipantID[:], id); err != nil {
			return err
		}
	}
	code, _ := normalizeCode(rec.Code)
	if err := raiseSequence(tx, rec); err != nil {
		return err
	}
	if err := tx.Bucket(bucketCertificateNumbers).Put([]byte(numberKey(rec.Number)), id); err != nil {
		return err
	}
	if err := tx.Bucket(bucketCertificateCodes).Put([]byte(code), id); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketCertificates), id, rec)
}

// SaveCertificate stores a certificate with a number given by the caller,
// as an import does: new when c.ID is unset, otherwise an update of the
// same certificate (its number and participant cannot change, and a voided
// one stays voided). The number must be free in the file, and a participant
// can have only one certificate that is not voided. Issue is the usual way
// to give certificates; this one computes the verification code too.
func (s *Store) SaveCertificate(c *CertificateIssue) error {
	c.Number = numberKey(c.Number)
	c.VoidReason = strings.TrimSpace(c.VoidReason)
	var pr problems
	switch {
	case c.Number == "":
		pr.add("number", "a certificate number is required")
	case !validNumber(c.Number):
		pr.add("number", "use letters, digits, dashes, dots or slashes, e.g. ADDIS-2027-007")
	}
	if c.Voided() && c.VoidReason == "" {
		pr.add("void_reason", "a reason is required to void a certificate")
	}
	if !validEnum(c.Kind, []CertificateKind{KindAttendance, KindAppreciation, KindCompletion}, true) {
		pr.add("kind", "%q is not one of attendance, appreciation, completion", c.Kind)
	}
	if err := pr.err(); err != nil {
		return err
	}
	rec := *c
	err := s.update(func(tx *bolt.Tx) error {
		var p Participant
		if err := liveParticipant(tx, rec.ParticipantID, &p); err != nil {
			return fmt.Errorf("save certificate: %w", err)
		}
		if p.WorkshopID != rec.WorkshopID {
			return fmt.Errorf("save certificate: %s is not registered for that workshop", p.FullName())
		}
		if rec.ID != uuid.Nil {
			var old CertificateIssue
			if err := getJSON(tx.Bucket(bucketCertificates), rec.ID[:], &old); err != nil {
				return fmt.Errorf("save certificate %s: %w", rec.ID, err)
			}
			switch {
			case numberKey(old.Number) != rec.Number || old.ParticipantID != rec.ParticipantID:
				return fmt.Errorf("save certificate: the number and participant of certificate %s cannot change", old.Number)
			case old.Voided() && !rec.Voided():
				return fmt.Errorf("save certificate: certificate %s was voided and stays voided", old.Number)
			}
			rec.CreatedAt = old.CreatedAt
		} else if cur, err := currentCertificate(tx, rec.ParticipantID); err != nil {
			return err
		} else if cur != nil && !cur.Voided() {
			return fmt.Errorf("save certificate: %s already has certificate %s", p.FullName(), cur.Number)
		}
		if owner := tx.Bucket(bucketCertificateNumbers).Get([]byte(rec.Number)); owner != nil && !bytes.Equal(owner, rec.ID[:]) {
			return ValidationError{{"number", fmt.Sprintf("the number %s is already given to another certificate", rec.Number)}}
		}
		priv, err := ensureKey(tx)
		if err != nil {
			return err
		}
		rec.Code = shortCode(priv, rec.Number, rec.ParticipantID, rec.WorkshopID)
		code, _ := normalizeCode(rec.Code)
		if owner := tx.Bucket(bucketCertificateCodes).Get([]byte(code)); owner != nil && !bytes.Equal(owner, rec.ID[:]) {
			return fmt.Errorf("save certificate: the verification code of %s is taken; choose another number", rec.Number)
		}
		var w Workshop
		if err := liveWorkshop(tx, rec.WorkshopID, &w); err != nil {
			return fmt.Errorf("save certificate: %w", err)
		}
		rec.Sequence = parseSequence(rec.Number, w.Code)
		return s.putCertificate(tx, &rec)
	})
	if err != nil {
		return err
	}
	*c = rec
	return nil
}

// Void voids a certificate for the reason given, which is required. It
// keeps its number and stays in the register; Verify reports it as
// "voided on <date>: <reason>", although its QR signature stays valid for
// anyone checking offline with the public key alone. A voided certificate
// cannot be printed again (Sign refuses it); issuing to the participant
// again gives a new number.
func (s *Store) Void(certID uuid.UUID, reason string) error {
	reason = strings.Join(strings.Fields(reason), " ")
	if reason == "" {
		return ValidationError{{"void_reason", "a reason is required to void a certificate"}}
	}
	return s.update(func(tx *bolt.Tx) error {
		var rec CertificateIssue
		if err := getJSON(tx.Bucket(bucketCertificates), certID[:], &rec); err != nil {
			return fmt.Errorf("void certificate %s: %w", certID, err)
		}
		if rec.Voided() {
			return fmt.Errorf("void certificate %s: already voided on %s (%s)", rec.Number, rec.VoidedAt.Format("2006-01-02"), rec.VoidReason)
		}
		rec.VoidedAt, rec.VoidReason = s.now(), reason
		return s.putCertificate(tx, &rec)
	})
}

// Certificates returns the register of a workshop: every certificate issued
// to its participants, voided ones and those of deleted participants
// included, in number order.
func (s *Store) Certificates(workshopID uuid.UUID) ([]CertificateIssue, error) {
	var list []CertificateIssue
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketCertificates).ForEach(func(k, v []byte) error {
			c, err := decodeRecord[CertificateIssue](v)
			if err != nil {
				return fmt.Errorf("certificate %x: %w", k, err)
			}
			if c.WorkshopID == workshopID && !c.Deleted() {
				list = append(list, c)
			}
			return nil
		})
	})
	slices.SortFunc(list, func(a, b CertificateIssue) int {
		return cmp.Or(cmp.Compare(a.Sequence, b.Sequence), cmp.Compare(a.Number, b.Number), bytes.Compare(a.ID[:], b.ID[:]))
	})
	return list, err
}

// CertificateByNumber returns the certificate with the given number (case
// and surrounding spaces do not matter).
func (s *Store) CertificateByNumber(number string) (CertificateIssue, error) {
	var c CertificateIssue
	err := s.view(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketCertificateNumbers).Get([]byte(numberKey(number)))
		if id == nil {
			return fmt.Errorf("certificate %q: %w", number, ErrNotFound)
		}
		return getJSON(tx.Bucket(bucketCertificates), id, &c)
	})
	return c, err
}

// CertificateOf returns a participant's current (newest) certificate, which
// may be voided, or ErrNotFound when none was issued.
func (s *Store) CertificateOf(participantID uuid.UUID) (CertificateIssue, error) {
	var c CertificateIssue
	err := s.view(func(tx *bolt.Tx) error {
		cur, err := currentCertificate(tx, participantID)
		switch {
		case err != nil:
			return err
		case cur == nil:
			return fmt.Errorf("certificate of participant %s: %w", participantID, ErrNotFound)
		}
		c = *cur
		return nil
	})
	return c, err
}

// migrateCertificates creates the schema-3 buckets and indexes the
// certificates written before: each gets its verification code (creating
// the signing key) and its sequence, and the workshops' counts start after
// their highest sequence. Of certificates sharing a number, which schema 2
// allowed across workshops, the first keeps it and the others get "-2",
// "-3"… appended; no schema-2 certificate was ever printed with a code.
func migrateCertificates(s *Store, tx *bolt.Tx) error {
	for _, name := range [][]byte{bucketCertificateNumbers, bucketCertificateCodes, bucketCertificateSequences,
		bucketOverrides, bucketOverrideHistory, bucketImages} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	certs := tx.Bucket(bucketCertificates)
	var list []CertificateIssue
	err := certs.ForEach(func(k, v []byte) error {
		c, err := decodeRecord[CertificateIssue](v)
		if err != nil {
			return fmt.Errorf("certificate %x: %w", k, err)
		}
		list = append(list, c)
		return nil
	})
	if err != nil || len(list) == 0 {
		return err
	}
	priv, err := ensureKey(tx)
	if err != nil {
		return err
	}
	nums, codes, seqs := tx.Bucket(bucketCertificateNumbers), tx.Bucket(bucketCertificateCodes), tx.Bucket(bucketCertificateSequences)
	for _, c := range list {
		base := numberKey(c.Number)
		key := base
		for n := 2; nums.Get([]byte(key)) != nil; n++ {
			key = base + "-" + strconv.Itoa(n)
		}
		if key != base {
			c.Number = key
			c.touch(s.now(), s.device)
		}
		var w Workshop
		if err := getJSON(tx.Bucket(bucketWorkshops), c.WorkshopID[:], &w); err != nil {
			return fmt.Errorf("workshop of certificate %s: %w", c.Number, err)
		}
		c.Sequence = parseSequence(c.Number, w.Code)
		c.Code = shortCode(priv, c.Number, c.ParticipantID, c.WorkshopID)
		code, _ := normalizeCode(c.Code)
		if codes.Get([]byte(code)) != nil {
			return fmt.Errorf("certificate %s: its verification code is taken", c.Number)
		}
		if c.Sequence > decodeSeq(seqs.Get(c.WorkshopID[:])) {
			if err := seqs.Put(c.WorkshopID[:], encodeSeq(c.Sequence)); err != nil {
				return err
			}
		}
		if err := nums.Put([]byte(key), c.ID[:]); err != nil {
			return err
		}
		if err := codes.Put([]byte(code), c.ID[:]); err != nil {
			return err
		}
		if err := putJSON(certs, c.ID[:], &c); err != nil {
			return err
		}
	}
	return nil
}

// certificates checks the signing key, every certificate's number, code,
// participant and sequence entries, and that no index entry is stale.
func (c *checker) certificates() {
	priv, err := signingKey(c.tx)
	if err != nil {
		c.add("meta: %v", err)
	}
	if priv != nil && !bytes.Equal(ed25519.NewKeyFromSeed(priv.Seed()), priv) {
		c.add("meta: the certificate signing key's public half does not match its private half")
		priv = nil
	}
	nums, codes := c.tx.Bucket(bucketCertificateNumbers), c.tx.Bucket(bucketCertificateCodes)
	liveNums, liveCodes := map[string]bool{}, map[string]bool{}
	newest := map[uuid.UUID]uuid.UUID{} // participant → newest certificate
	open := map[uuid.UUID]int{}         // participant → certificates not voided
	maxSeq := map[uuid.UUID]int{}
	each(c, bucketCertificates, func(k []byte, ci *CertificateIssue) {
		if !bytes.Equal(k, ci.ID[:]) {
			c.add("certificate %x: stored under the wrong key", k)
			return
		}
		n := numberKey(ci.Number)
		liveNums[n] = true
		if !bytes.Equal(nums.Get([]byte(n)), k) {
			c.add("certificate %s: missing from the number index", ci.Number)
		}
		code, ok := normalizeCode(ci.Code)
		switch {
		case !ok:
			c.add("certificate %s: no valid verification code (%q)", ci.Number, ci.Code)
		case priv == nil:
			c.add("certificate %s: has a verification code but the file has no signing key", ci.Number)
		case shortCode(priv, ci.Number, ci.ParticipantID, ci.WorkshopID) != ci.Code:
			c.add("certificate %s: its verification code does not match the signing key", ci.Number)
		}
		if ok {
			liveCodes[code] = true
			if !bytes.Equal(codes.Get([]byte(code)), k) {
				c.add("certificate %s: missing from the code index", ci.Number)
			}
		}
		if cur, seen := newest[ci.ParticipantID]; !seen || bytes.Compare(k, cur[:]) > 0 {
			newest[ci.ParticipantID] = ci.ID
		}
		if !ci.Voided() && !sharedWorkshop(c.tx, ci.WorkshopID) {
			// In a workshop shared between laptops, two laptops may each
			// issue one before seeing the other's (see sync_apply.go).
			open[ci.ParticipantID]++
		}
		maxSeq[ci.WorkshopID] = max(maxSeq[ci.WorkshopID], ci.Sequence)
	})
	for p, n := range open {
		if n > 1 {
			c.add("participant %s: %d certificates not voided", p, n)
		}
	}
	byP := c.tx.Bucket(bucketCertificatesByParticipant)
	for p, id := range newest {
		if !bytes.Equal(byP.Get(p[:]), id[:]) {
			c.add("participant %s: the participant index does not name the newest certificate %s", p, id)
		}
	}
	c.indexPoints(bucketCertificateNumbers, func(k, v []byte) bool { return liveNums[string(k)] })
	c.indexPoints(bucketCertificateCodes, func(k, v []byte) bool { return liveCodes[string(k)] })
	c.indexPoints(bucketCertificatesByParticipant, func(k, v []byte) bool {
		return len(k) == 16 && len(v) == 16 && newest[uuid.UUID(k)] == uuid.UUID(v)
	})
	seqs := c.tx.Bucket(bucketCertificateSequences)
	for w, m := range maxSeq {
		if decodeSeq(seqs.Get(w[:])) < m {
			c.add("workshop %s: the certificate count is behind its highest number (%d)", w, m)
		}
	}
}
