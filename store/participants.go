package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"net/mail"
	"runtime"
	"strings"
	"sync"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Normalize trims the text fields and puts them in Unicode normal form C
// (one "é" whether typed on Windows or read from a macOS file),
// upper-cases the country and badge code, lower-cases the email and gives
// an empty role the default (participant).
func (p *Participant) Normalize() {
	for _, f := range []*string{&p.Honorific, &p.GivenNames, &p.FamilyNames, &p.NativeName, &p.Organisation,
		&p.Position, &p.Country, &p.Email, &p.Phone, &p.BadgeCode, &p.Notes} {
		*f = nfc(strings.TrimSpace(*f))
	}
	p.Country = strings.ToUpper(p.Country)
	p.Email = strings.ToLower(p.Email)
	p.BadgeCode = NormalizeBadgeCode(p.BadgeCode)
	if p.Role == "" {
		p.Role = RoleParticipant
	}
}

// Validate checks the participant on its own and lists every problem.
// Every text field is checked for its length (see ParticipantLimits) and
// for control characters; only the notes may hold line breaks and tabs.
func (p *Participant) Validate() error {
	var pr problems
	for _, f := range []struct {
		field, value string
	}{{"honorific", p.Honorific}, {"given_names", p.GivenNames}, {"family_name", p.FamilyNames},
		{"native_name", p.NativeName}, {"organisation", p.Organisation}, {"position", p.Position},
		{"email", p.Email}, {"phone", p.Phone}} {
		pr.checkText(f.field, f.value, ParticipantLimits, false)
	}
	pr.checkText("notes", p.Notes, ParticipantLimits, true)
	if p.GivenNames == "" && p.FamilyNames == "" {
		pr.add("family_name", "a given or family name is required")
	}
	if p.Email != "" && ValidationError(pr).For("email") == "" {
		if a, err := mail.ParseAddress(p.Email); err != nil || a.Address != p.Email || !strings.Contains(p.Email[strings.IndexByte(p.Email, '@'):], ".") {
			pr.add("email", "%q is not an email address", p.Email)
		}
	}
	if p.Country != "" {
		if _, ok := CountryName(p.Country); !ok {
			pr.add("country", "%q is not an ISO 3166 country code", p.Country)
		}
	}
	if !validEnum(p.Gender, Genders, true) {
		pr.add("gender", "%q is not one of female, male, other, prefer not to say", p.Gender)
	}
	if !validEnum(p.OrgType, OrgTypes, true) {
		pr.add("org_type", "%q is not an organisation type", p.OrgType)
	}
	if !validEnum(p.Role, Roles, false) {
		pr.add("role", "%q is not a role", p.Role)
	}
	if p.BadgeCode != "" && !validBadgeCode(p.BadgeCode) {
		pr.add("badge_code", "use 4 to 8 letters or digits")
	}
	if p.CertificateLanguage != "" && !validEnum(p.CertificateLanguage, CertificateLanguages, false) {
		pr.add("certificate_language", "%q is not one of %s", p.CertificateLanguage, strings.Join(CertificateLanguages, ", "))
	}
	return pr.err()
}

// SaveParticipant validates and stores one participant; see SaveParticipants.
func (s *Store) SaveParticipant(p *Participant) error {
	return s.SaveParticipants([]*Participant{p})
}

// SaveParticipants validates and stores participants of existing workshops
// in one transaction: all are saved or none. A participant without a badge
// code is given a new one, unique within the workshop. On a validation
// problem the error is a ValidationError whose fields are prefixed with the
// position in ps when there is more than one ("row 3: email").
func (s *Store) SaveParticipants(ps []*Participant) error {
	recs := make([]Participant, len(ps))
	for i, p := range ps {
		p.Normalize()
		if err := p.Validate(); err != nil {
			return rowError(err, i, len(ps))
		}
		recs[i] = *p
	}
	err := s.update(func(tx *bolt.Tx) error {
		live := map[uuid.UUID]bool{}
		w := newBatchWrites(tx)
		for i := range recs {
			if err := s.writeParticipant(w, &recs[i], live); err != nil {
				return rowError(err, i, len(recs))
			}
		}
		return w.apply()
	})
	if err != nil {
		return err
	}
	for i, p := range ps {
		*p = recs[i]
	}
	return nil
}

func rowError(err error, i, n int) error {
	if n == 1 {
		return err
	}
	if v, ok := err.(ValidationError); ok {
		out := make(ValidationError, len(v))
		for j, fe := range v {
			out[j] = FieldError{fmt.Sprintf("row %d: %s", i+1, fe.Field), fe.Message}
		}
		return out
	}
	return fmt.Errorf("row %d: %w", i+1, err)
}

// putParticipant writes one participant and its index entries in tx.
func (s *Store) putParticipant(tx *bolt.Tx, p *Participant, live map[uuid.UUID]bool) error {
	w := newBatchWrites(tx)
	if err := s.writeParticipant(w, p, live); err != nil {
		return err
	}
	return w.apply()
}

// writeParticipant adds the writes of one participant and its index
// entries to w.
func (s *Store) writeParticipant(w *batchWrites, p *Participant, live map[uuid.UUID]bool) error {
	if !live[p.WorkshopID] {
		var ws Workshop
		if err := liveWorkshop(w.tx, p.WorkshopID, &ws); err != nil {
			return fmt.Errorf("save participant: %w", err)
		}
		live[p.WorkshopID] = true
	}
	if p.ID != uuid.Nil {
		var old Participant
		data := w.get(bucketParticipants, p.ID[:])
		if data == nil || json.Unmarshal(data, &old) != nil || old.Deleted() || old.WorkshopID != p.WorkshopID {
			return fmt.Errorf("save participant %s: %w", p.ID, ErrNotFound)
		}
		p.CreatedAt = old.CreatedAt
		if old.BadgeCode != p.BadgeCode {
			w.delete(bucketBadgeCodes, badgeKey(old.WorkshopID, old.BadgeCode))
		}
	}
	p.DeletedAt = nil // saving is never a way to delete
	p.touch(s.now(), s.device)
	if p.BadgeCode == "" {
		for p.BadgeCode = NewBadgeCode(); w.get(bucketBadgeCodes, badgeKey(p.WorkshopID, p.BadgeCode)) != nil; {
			p.BadgeCode = NewBadgeCode()
		}
	} else if owner := w.get(bucketBadgeCodes, badgeKey(p.WorkshopID, p.BadgeCode)); owner != nil && !bytes.Equal(owner, p.ID[:]) {
		return ValidationError{{"badge_code", fmt.Sprintf("the badge code %s is already given to someone else in this workshop", p.BadgeCode)}}
	}
	data, err := json.Marshal(p)
	if err != nil {
		return fmt.Errorf("encode participant %s: %w", p.ID, err)
	}
	w.put(bucketBadgeCodes, badgeKey(p.WorkshopID, p.BadgeCode), p.ID[:])
	w.put(bucketParticipantsByWorkshop, join(p.WorkshopID, p.ID), nil)
	w.put(bucketParticipants, p.ID[:], data)
	return nil
}

func badgeKey(workshopID uuid.UUID, code string) []byte {
	return append(join(workshopID), code...)
}

// freeBadgeCode returns a new code not yet used in the workshop.
func freeBadgeCode(badges *bolt.Bucket, workshopID uuid.UUID) string {
	for {
		if code := NewBadgeCode(); badges.Get(badgeKey(workshopID, code)) == nil {
			return code
		}
	}
}

// Participant returns the live participant with the given ID.
func (s *Store) Participant(id uuid.UUID) (Participant, error) {
	var p Participant
	err := s.view(func(tx *bolt.Tx) error { return liveParticipant(tx, id, &p) })
	return p, err
}

func liveParticipant(tx *bolt.Tx, id uuid.UUID, p *Participant) error {
	if err := getJSON(tx.Bucket(bucketParticipants), id[:], p); err != nil {
		return fmt.Errorf("participant %s: %w", id, err)
	}
	if p.Deleted() {
		return fmt.Errorf("participant %s: %w", id, ErrNotFound)
	}
	return nil
}

// ParticipantByBadge returns the live participant of a workshop holding a
// badge code (as typed or scanned; case and dashes do not matter).
func (s *Store) ParticipantByBadge(workshopID uuid.UUID, code string) (Participant, error) {
	var p Participant
	err := s.view(func(tx *bolt.Tx) error {
		id := tx.Bucket(bucketBadgeCodes).Get(badgeKey(workshopID, NormalizeBadgeCode(code)))
		if id == nil {
			return fmt.Errorf("badge code %q: %w", code, ErrNotFound)
		}
		return liveParticipant(tx, uuid.UUID(id), &p)
	})
	return p, err
}

// Participants returns the live participants of a workshop in registration
// order.
func (s *Store) Participants(workshopID uuid.UUID) ([]Participant, error) {
	var list []Participant
	err := s.view(func(tx *bolt.Tx) error {
		var err error
		list, err = participantsOf(tx, workshopID)
		return err
	})
	return list, err
}

func participantsOf(tx *bolt.Tx, workshopID uuid.UUID) ([]Participant, error) {
	ids, raw, err := participantRecords(tx, workshopID)
	if err != nil {
		return nil, err
	}
	list := make([]Participant, len(ids))
	return list, decodeParallel(raw, list)
}

// participantRecords returns the IDs of a workshop's participants in
// registration order and their stored records, as they lie in the mapped
// file (valid during tx only).
func participantRecords(tx *bolt.Tx, workshopID uuid.UUID) ([]uuid.UUID, [][]byte, error) {
	var ids []uuid.UUID
	c := tx.Bucket(bucketParticipantsByWorkshop).Cursor()
	prefix := workshopID[:]
	for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
		ids = append(ids, idAt(k, 1))
	}
	raw := make([][]byte, len(ids))
	var missing error
	lookupSorted(tx.Bucket(bucketParticipants), ids, func(i int, v []byte) {
		if v == nil {
			missing = fmt.Errorf("participant %s: %w", ids[i], ErrNotFound)
		}
		raw[i] = v
	})
	if missing != nil {
		return nil, nil, missing
	}
	return ids, raw, nil
}

// decodeParallel decodes stored participants into list on every
// processor: decoding the JSON is most of the time of loading a large
// workshop. The bytes are copied first, since only the goroutine that
// read them from the mapped file may fault on a damaged page.
func decodeParallel(raw [][]byte, list []Participant) error {
	const small = 512 // below this, one goroutine is faster
	workers := min(runtime.GOMAXPROCS(0), max(len(raw)/small, 1))
	if workers == 1 {
		for i, v := range raw {
			p, err := decodeRecord[Participant](v)
			if err != nil {
				return fmt.Errorf("participant %d: %w", i, err)
			}
			list[i] = p
		}
		return nil
	}
	cloneAll(raw)
	return decodeCloned(raw, list, workers)
}

// cloneAll replaces each slice of raw by a copy of it.
func cloneAll(raw [][]byte) {
	for i, v := range raw {
		raw[i] = bytes.Clone(v)
	}
}

// decodeCloned decodes raw, copies no longer in the mapped file, into list
// on workers goroutines.
func decodeCloned(raw [][]byte, list []Participant, workers int) error {
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(raw); i += workers {
				p, err := decodeRecord[Participant](raw[i])
				if err != nil && errs[w] == nil {
					errs[w] = fmt.Errorf("participant %d: %w", i, err)
				}
				list[i] = p
			}
		})
	}
	wg.Wait()
	return errors.Join(errs...)
}

// DeleteParticipant deletes a participant, leaving a tombstone; the badge
// code becomes free and the attendance is kept for UndeleteParticipant.
func (s *Store) DeleteParticipant(id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var p Participant
		if err := liveParticipant(tx, id, &p); err != nil {
			return err
		}
		now := s.now()
		p.touch(now, s.device)
		p.DeletedAt = &now
		if err := tx.Bucket(bucketBadgeCodes).Delete(badgeKey(p.WorkshopID, p.BadgeCode)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketParticipantsByWorkshop).Delete(join(p.WorkshopID, p.ID)); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketParticipants), id[:], &p)
	})
}

// UndeleteParticipant restores a deleted participant. If their badge code
// was given to someone else meanwhile, they get a new one.
func (s *Store) UndeleteParticipant(id uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var p Participant
		if err := getJSON(tx.Bucket(bucketParticipants), id[:], &p); err != nil {
			return fmt.Errorf("undelete participant %s: %w", id, err)
		}
		if !p.Deleted() {
			return nil
		}
		p.DeletedAt = nil
		badges := tx.Bucket(bucketBadgeCodes)
		if badges.Get(badgeKey(p.WorkshopID, p.BadgeCode)) != nil {
			p.BadgeCode = freeBadgeCode(badges, p.WorkshopID)
		}
		p.touch(s.now(), s.device)
		if err := badges.Put(badgeKey(p.WorkshopID, p.BadgeCode), p.ID[:]); err != nil {
			return err
		}
		if err := tx.Bucket(bucketParticipantsByWorkshop).Put(join(p.WorkshopID, p.ID), nil); err != nil {
			return err
		}
		return putJSON(tx.Bucket(bucketParticipants), id[:], &p)
	})
}
