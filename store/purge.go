package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// A purge removes a workshop's personal data once its retention period is
// over, and keeps what reports and verification need. It goes: names (the
// family name becomes the badge code), title, name in the person's own
// script, organisation, position, email, phone and notes of every
// participant, deleted ones too; attendance notes; the typed answers of
// tests (a short answer becomes the accepted answer it scored as, or a
// mark for a wrong one) and every earlier version of an answer sheet;
// comments and names on evaluation forms; the reasons of certificate
// decisions taken by hand. It stays: gender, country, organisation type,
// role, badge code, consent answers, every attendance mark with its
// history, the tests' scores, the evaluation's ratings, and the
// certificate register (number, dates, short code, and a keyed hash of
// the signed name, so that a printed certificate still verifies). Every
// change is an ordinary write (Store.update), so the laptops that share
// the workshop receive it.

// PurgePlan says what purging a workshop removes and keeps, counted; a
// preview (PurgePreview) and the result of Purge.
type PurgePlan struct {
	Workshop Workshop `json:"workshop"`
	// RetentionEnds is the last day of the retention period; Passed
	// whether it is over.
	RetentionEnds Date `json:"retention_ends"`
	Passed        bool `json:"passed"`
	// What goes.
	Participants    int `json:"participants"`     // records whose personal fields are removed
	AttendanceNotes int `json:"attendance_notes"` // notes on attendance marks, every version
	AnswerSheets    int `json:"answer_sheets"`    // current sheets reduced to what scores them
	AnswerVersions  int `json:"answer_versions"`  // earlier versions of answer sheets removed
	Comments        int `json:"comments"`         // evaluation comments and names removed
	OverrideReasons int `json:"override_reasons"` // reasons of certificate decisions removed
	// What stays.
	Certificates int `json:"certificates"` // register entries kept, verifiable
	Marks        int `json:"marks"`        // attendance marks kept
}

// purgedAnswer stands for a typed short answer that scored nothing.
const purgedAnswer = "(removed)"

// purgedReason replaces the reason of a certificate decision.
const purgedReason = "(removed at purge)"

// PurgePreview counts what Purge would remove and keep. It writes nothing.
func (s *Store) PurgePreview(workshopID uuid.UUID) (plan PurgePlan, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		plan, err = s.purgeTx(tx, workshopID, false)
		return err
	})
	return plan, err
}

// Purge removes the workshop's personal data (see above) in one write
// transaction and marks the workshop purged. It may be run before the end
// of the retention period (the front ends ask first) and again later: a
// second purge finds nothing left to remove. Pages bbolt freed may still
// hold the removed bytes until the file is compacted (CompactFile); backups
// made before hold them all (DeleteBackupsBefore).
func (s *Store) Purge(workshopID uuid.UUID) (plan PurgePlan, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		plan, err = s.purgeTx(tx, workshopID, true)
		return err
	})
	return plan, err
}

// purgeTx counts, and when apply is set removes, the workshop's personal
// data in tx.
func (s *Store) purgeTx(tx *bolt.Tx, workshopID uuid.UUID, apply bool) (PurgePlan, error) {
	var plan PurgePlan
	var w Workshop
	if err := liveWorkshop(tx, workshopID, &w); err != nil {
		return plan, err
	}
	now := s.now().UTC()
	plan.RetentionEnds = w.RetentionEnds()
	plan.Passed = w.PurgedAt.IsZero() && DateOf(now.In(w.Location())).After(plan.RetentionEnds)
	people, err := workshopPeople(tx, workshopID)
	if err != nil {
		return plan, err
	}
	if err := s.purgeCertificates(tx, &w, people, apply, &plan); err != nil {
		return plan, err
	}
	for _, p := range people {
		if !hasPersonalData(&p) {
			continue
		}
		plan.Participants++
		if apply {
			scrubParticipant(&p, now)
			p.touch(now, s.device)
			if err := putJSON(tx.Bucket(bucketParticipants), p.ID[:], &p); err != nil {
				return plan, err
			}
			if err := forgetSyncTraces(tx, &p); err != nil {
				return plan, err
			}
		}
		if err := s.purgeOverrides(tx, p.ID, apply, now, &plan); err != nil {
			return plan, err
		}
	}
	sessions, err := sessionsOf(tx, workshopID)
	if err != nil {
		return plan, err
	}
	for _, se := range sessions {
		if err := s.purgeAttendanceNotes(tx, se.ID, apply, now, &plan); err != nil {
			return plan, err
		}
	}
	if err := s.purgeAnswers(tx, workshopID, apply, now, &plan); err != nil {
		return plan, err
	}
	if err := s.purgeComments(tx, workshopID, apply, now, &plan); err != nil {
		return plan, err
	}
	if apply {
		w.PurgedAt = now
		w.touch(now, s.device)
		if err := putJSON(tx.Bucket(bucketWorkshops), w.ID[:], &w); err != nil {
			return plan, err
		}
	}
	plan.Workshop = w
	return plan, nil
}

// workshopPeople returns every participant record of a workshop, deleted
// ones too (a tombstone holds the name it had).
func workshopPeople(tx *bolt.Tx, workshopID uuid.UUID) ([]Participant, error) {
	var list []Participant
	err := tx.Bucket(bucketParticipants).ForEach(func(k, v []byte) error {
		p, err := decodeRecord[Participant](v)
		if err != nil {
			return fmt.Errorf("participant %x: %w", k, err)
		}
		if p.WorkshopID == workshopID {
			list = append(list, p)
		}
		return nil
	})
	return list, err
}

// hasPersonalData reports whether a purge would change p.
func hasPersonalData(p *Participant) bool {
	q := *p
	scrubParticipant(&q, p.PurgedAt)
	return q != *p
}

// scrubParticipant removes p's personal fields; the family name becomes
// the badge code, so that lists and reports still have a line per person.
func scrubParticipant(p *Participant, now time.Time) {
	p.Honorific, p.GivenNames, p.NativeName, p.Organisation, p.Position = "", "", "", "", ""
	p.Email, p.Phone, p.Notes = "", "", ""
	p.FamilyNames = p.BadgeCode
	if p.PurgedAt.IsZero() {
		p.PurgedAt = now
	}
}

// purgeCertificates keeps in each certificate of the workshop a keyed hash
// of the name its participant has now, which its QR code signs.
func (s *Store) purgeCertificates(tx *bolt.Tx, w *Workshop, people []Participant, apply bool, plan *PurgePlan) error {
	byID := make(map[uuid.UUID]*Participant, len(people))
	for i := range people {
		byID[people[i].ID] = &people[i]
	}
	var priv ed25519.PrivateKey
	b := tx.Bucket(bucketCertificates)
	var updates []CertificateIssue
	err := b.ForEach(func(k, v []byte) error {
		c, err := decodeRecord[CertificateIssue](v)
		if err != nil {
			return fmt.Errorf("certificate %x: %w", k, err)
		}
		if c.WorkshopID != w.ID {
			return nil
		}
		plan.Certificates++
		p := byID[c.ParticipantID]
		if c.NameHash != "" || p == nil || !p.PurgedAt.IsZero() || !apply {
			return nil
		}
		if priv == nil {
			if priv, err = signingKey(tx); err != nil || priv == nil {
				return fmt.Errorf("purge: the certificate signing key is missing or damaged (%v)", err)
			}
		}
		c.NameHash = nameHash(priv, p.FullName(), p.NativeName)
		updates = append(updates, c)
		return nil
	})
	if err != nil {
		return err
	}
	for i := range updates {
		updates[i].touch(s.now().UTC(), s.device)
		if err := putJSON(b, updates[i].ID[:], &updates[i]); err != nil {
			return err
		}
	}
	return nil
}

// nameHash is the keyed hash of a certificate's signed name and name in
// the person's own script, in the form Sign signs them. The key is derived
// from the file's signing key, so that the register of a purged file does
// not let anyone without it test guesses of names.
func nameHash(priv ed25519.PrivateKey, name, native string) string {
	key := sha256.Sum256(append([]byte("WD1-purge|"), priv.Seed()...))
	f := canonicalFields(CertificateFields{Name: name, NativeName: native})
	m := hmac.New(sha256.New, key[:])
	m.Write([]byte(f.Name + "\x00" + f.NativeName))
	return hex.EncodeToString(m.Sum(nil))
}

// purgeOverrides removes the reasons of a participant's certificate
// decisions, current and past.
func (s *Store) purgeOverrides(tx *bolt.Tx, participantID uuid.UUID, apply bool, now time.Time, plan *PurgePlan) error {
	cur := tx.Bucket(bucketOverrides)
	if v := cur.Get(participantID[:]); v != nil {
		o, err := decodeRecord[EligibilityOverride](v)
		if err != nil {
			return fmt.Errorf("override of %s: %w", participantID, err)
		}
		if o.Reason != purgedReason {
			plan.OverrideReasons++
			if apply {
				o.Reason = purgedReason
				if err := putJSON(cur, participantID[:], &o); err != nil {
					return err
				}
			}
		}
	}
	return rewritePrefix(tx.Bucket(bucketOverrideHistory), participantID[:], apply, func(v []byte) (any, bool, error) {
		o, err := decodeRecord[EligibilityOverride](v)
		if err != nil || o.Reason == purgedReason {
			return nil, false, err
		}
		o.Reason = purgedReason
		return &o, true, nil
	})
}

// rewritePrefix runs fix on every value under prefix in b and, when apply
// is set, stores (through putJSON) the records fix changed.
func rewritePrefix(b *bolt.Bucket, prefix []byte, apply bool, fix func(v []byte) (any, bool, error)) error {
	type change struct {
		key []byte
		rec any
	}
	var changes []change
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		rec, changed, err := fix(v)
		if err != nil {
			return fmt.Errorf("%x: %w", k, err)
		}
		if changed {
			changes = append(changes, change{bytes.Clone(k), rec})
		}
	}
	if !apply {
		return nil
	}
	for _, ch := range changes {
		if err := putJSON(b, ch.key, ch.rec); err != nil {
			return err
		}
	}
	return nil
}

// purgeAttendanceNotes removes the notes of a session's attendance marks,
// current and past; the marks stay.
func (s *Store) purgeAttendanceNotes(tx *bolt.Tx, sessionID uuid.UUID, apply bool, now time.Time, plan *PurgePlan) error {
	for _, name := range [][]byte{bucketAttendance, bucketAttendanceHistory} {
		b := tx.Bucket(name)
		var keys [][]byte
		var recs []Attendance
		c := b.Cursor()
		for k, v := c.Seek(sessionID[:]); k != nil && bytes.HasPrefix(k, sessionID[:]); k, v = c.Next() {
			if bytes.Equal(name, bucketAttendance) {
				plan.Marks++
			}
			a, err := decodeAttendance(k, v)
			if err != nil {
				return fmt.Errorf("attendance %x: %w", k, err)
			}
			if a.Note == "" {
				continue
			}
			plan.AttendanceNotes++
			a.Note = ""
			keys, recs = append(keys, bytes.Clone(k)), append(recs, a)
		}
		if !apply {
			continue
		}
		for i := range keys {
			if err := b.Put(keys[i], encodeAttendance(&recs[i])); err != nil {
				return err
			}
		}
	}
	return nil
}

// purgeAnswers reduces each current answer sheet of the workshop's tests
// to what scores it, and removes every earlier version.
func (s *Store) purgeAnswers(tx *bolt.Tx, workshopID uuid.UUID, apply bool, now time.Time, plan *PurgePlan) error {
	quizzes, err := quizzesOf(tx, workshopID)
	if err != nil {
		return err
	}
	for _, z := range quizzes {
		_, qs, err := quizInTx(tx, workshopID, z.ID)
		if err != nil {
			continue // a deleted test: its sheets are removed below
		}
		sheets := map[uuid.UUID]AnswerSheet{}
		if err := sheetsOf(tx, z.ID, sheets); err != nil {
			return err
		}
		hist := tx.Bucket(bucketQuizAnswersHistory)
		for pid, a := range sheets {
			versions, err := sheetVersions(tx, z.ID, pid)
			if err != nil {
				return err
			}
			reduced := reduceSheet(&a, qs)
			if len(versions) <= 1 && !reduced {
				continue
			}
			plan.AnswerSheets++
			plan.AnswerVersions += max(len(versions)-1, 0)
			if !apply {
				continue
			}
			if err := deletePrefix(hist, join(z.ID, pid)); err != nil {
				return err
			}
			a.Previous = uuid.Nil
			a.Source = "purge"
			if err := putSheet(tx, s, &a, now); err != nil {
				return err
			}
		}
	}
	return nil
}

// reduceSheet replaces each typed short answer in a by the accepted answer
// it scores as (or purgedAnswer when it scores nothing), so that scores
// stay the same; choices, true/false and numbers stay as they are. It
// reports whether anything changed.
func reduceSheet(a *AnswerSheet, qs []Question) bool {
	changed := false
	out := make(map[uuid.UUID]string, len(a.Responses))
	for id, r := range a.Responses {
		out[id] = r
	}
	for i := range qs {
		q := &qs[i]
		r := out[q.ID]
		if q.Kind != ShortAnswer || r == "" || r == purgedAnswer {
			continue
		}
		credit := ScoreResponse(q, r)
		repl := purgedAnswer
		for _, o := range q.Options {
			if credit > 0 && ScoreResponse(q, o.Text) == credit {
				repl = o.Text
				break
			}
		}
		if repl != r {
			out[q.ID], changed = repl, true
		}
	}
	a.Responses = out
	return changed
}

// deletePrefix deletes every key of b under prefix.
func deletePrefix(b *bolt.Bucket, prefix []byte) error {
	var keys [][]byte
	c := b.Cursor()
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		keys = append(keys, bytes.Clone(k))
	}
	for _, k := range keys {
		if err := b.Delete(k); err != nil {
			return err
		}
	}
	return nil
}

// purgeComments removes the comments, and the names of named forms, of
// the workshop's evaluation; the ratings stay.
func (s *Store) purgeComments(tx *bolt.Tx, workshopID uuid.UUID, apply bool, now time.Time, plan *PurgePlan) error {
	b := tx.Bucket(bucketEvalResponses)
	if b == nil {
		return nil
	}
	return rewritePrefix(b, workshopID[:], apply, func(v []byte) (any, bool, error) {
		r, err := decodeRecord[EvaluationResponse](v)
		if err != nil {
			return nil, false, err
		}
		changed := r.Name != ""
		r.Name = ""
		for i := range r.Answers {
			if r.Answers[i].Text != "" {
				r.Answers[i].Text = ""
				plan.Comments++
				changed = true
			}
		}
		if changed {
			r.touch(now, s.device)
		}
		return &r, changed, nil
	})
}

// confirmPurgedName, for a certificate whose participant was purged, holds
// the name signed in a QR text (f) against the hash the register kept:
// when they match, the register's facts (reg) take the signed name, so
// the certificate verifies; else they stay empty and the name differs.
func confirmPurgedName(tx *bolt.Tx, f CertificateFields, reg *CertificateFields, c *CertificateIssue) error {
	if c.NameHash == "" {
		return nil
	}
	priv, err := signingKey(tx)
	if err != nil || priv == nil {
		return fmt.Errorf("verify: the data file has no usable signing key (%v)", err)
	}
	if hmac.Equal([]byte(nameHash(priv, f.Name, f.NativeName)), []byte(c.NameHash)) {
		reg.Name, reg.NativeName = f.Name, f.NativeName
	}
	return nil
}
