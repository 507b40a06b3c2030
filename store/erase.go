package store

import (
	"crypto/ed25519"
	"fmt"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// ErasePlan says what erasing one participant removes, counted: a preview
// (ErasePreview) and the result of ErasePerson.
type ErasePlan struct {
	Participant  Participant `json:"participant"`
	Marks        int         `json:"attendance_marks"` // attendance records, every version
	AnswerSheets int         `json:"answer_sheets"`    // answer sheets, every version
	Decisions    int         `json:"certificate_decisions"`
	// Certificates stay in the register as number, dates, short code and
	// a keyed hash of the name, so that a printed certificate still
	// verifies.
	Certificates int `json:"certificates"`
}

// ErasePreview counts what ErasePerson would remove. It writes nothing.
func (s *Store) ErasePreview(participantID uuid.UUID) (plan ErasePlan, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		plan, err = s.eraseTx(tx, participantID, false)
		return err
	})
	return plan, err
}

// ErasePerson deletes one participant on their request: every field of
// the record but its identifiers (it stays as a tombstone, so that the
// laptops sharing the workshop delete it too), their attendance with its
// history, their answer sheets and the certificate decisions taken for
// them. Reports no longer count them. Their certificates stay in the
// register as for a purge (number, dates, keyed hash of the name). The
// plan returned holds the participant as they were.
func (s *Store) ErasePerson(participantID uuid.UUID) (plan ErasePlan, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		plan, err = s.eraseTx(tx, participantID, true)
		return err
	})
	return plan, err
}

func (s *Store) eraseTx(tx *bolt.Tx, participantID uuid.UUID, apply bool) (ErasePlan, error) {
	var plan ErasePlan
	var p Participant
	if err := getJSON(tx.Bucket(bucketParticipants), participantID[:], &p); err != nil {
		return plan, fmt.Errorf("erase participant %s: %w", participantID, err)
	}
	plan.Participant = p
	sessions, err := sessionsOf(tx, p.WorkshopID)
	if err != nil {
		return plan, err
	}
	for _, se := range sessions {
		key := join(se.ID, p.ID)
		versions, err := versionsOf(tx, key, nil)
		if err != nil {
			return plan, err
		}
		plan.Marks += len(versions)
		if apply && len(versions) > 0 {
			if err := tx.Bucket(bucketAttendance).Delete(key); err != nil {
				return plan, err
			}
			if err := deletePrefix(tx.Bucket(bucketAttendanceHistory), key); err != nil {
				return plan, err
			}
		}
	}
	quizzes, err := quizzesOf(tx, p.WorkshopID)
	if err != nil {
		return plan, err
	}
	for _, z := range quizzes {
		key := join(z.ID, p.ID)
		versions, err := sheetVersions(tx, z.ID, p.ID)
		if err != nil {
			return plan, err
		}
		plan.AnswerSheets += len(versions)
		if apply {
			if err := tx.Bucket(bucketQuizAnswers).Delete(key); err != nil {
				return plan, err
			}
			if err := deletePrefix(tx.Bucket(bucketQuizAnswersHistory), key); err != nil {
				return plan, err
			}
		}
	}
	decisions, err := overridesOfPerson(tx, p.ID)
	if err != nil {
		return plan, err
	}
	plan.Decisions = len(decisions)
	if apply && len(decisions) > 0 {
		if err := tx.Bucket(bucketOverrides).Delete(p.ID[:]); err != nil {
			return plan, err
		}
		if err := deletePrefix(tx.Bucket(bucketOverrideHistory), p.ID[:]); err != nil {
			return plan, err
		}
	}
	certs, err := certificatesOfPerson(tx, p.WorkshopID, p.ID)
	if err != nil {
		return plan, err
	}
	plan.Certificates = len(certs)
	if !apply {
		return plan, nil
	}
	var priv ed25519.PrivateKey
	now := s.now().UTC()
	for _, c := range certs {
		if c.NameHash != "" {
			continue
		}
		if priv == nil {
			if priv, err = signingKey(tx); err != nil || priv == nil {
				return plan, fmt.Errorf("erase: the certificate signing key is missing or damaged (%v)", err)
			}
		}
		c.NameHash = nameHash(priv, p.FullName(), p.NativeName)
		c.touch(now, s.device)
		if err := putJSON(tx.Bucket(bucketCertificates), c.ID[:], &c); err != nil {
			return plan, err
		}
	}
	if !p.Deleted() {
		if err := tx.Bucket(bucketBadgeCodes).Delete(badgeKey(tx, p.WorkshopID, p.BadgeCode)); err != nil {
			return plan, err
		}
		if err := tx.Bucket(bucketParticipantsByWorkshop).Delete(join(p.WorkshopID, p.ID)); err != nil {
			return plan, err
		}
	}
	erased := Participant{Record: p.Record, WorkshopID: p.WorkshopID, Role: p.Role, PurgedAt: now}
	erased.touch(now, s.device)
	erased.DeletedAt = &now
	if err := putJSON(tx.Bucket(bucketParticipants), p.ID[:], &erased); err != nil {
		return plan, err
	}
	return plan, forgetSyncTraces(tx, &erased)
}
