package store

import (
	"fmt"
	"strings"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// SaveCertificate stores a certificate issue: new when c.ID is unset,
// otherwise an update (a reprint or a voiding). A participant has at most
// one certificate, whose number never changes.
func (s *Store) SaveCertificate(c *CertificateIssue) error {
	c.Number = strings.TrimSpace(c.Number)
	if c.Number == "" {
		return ValidationError{{"number", "a certificate number is required"}}
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
		b, byP := tx.Bucket(bucketCertificates), tx.Bucket(bucketCertificatesByParticipant)
		if existing := byP.Get(rec.ParticipantID[:]); existing != nil {
			var old CertificateIssue
			if err := getJSON(b, existing, &old); err != nil {
				return err
			}
			if rec.ID != old.ID || rec.Number != old.Number {
				return fmt.Errorf("save certificate: %s already has certificate %s", p.FullName(), old.Number)
			}
		}
		rec.touch(s.now(), s.device)
		if rec.IssuedAt.IsZero() {
			rec.IssuedAt = rec.CreatedAt
		}
		if err := byP.Put(rec.ParticipantID[:], rec.ID[:]); err != nil {
			return err
		}
		return putJSON(b, rec.ID[:], &rec)
	})
	if err != nil {
		return err
	}
	*c = rec
	return nil
}

// Certificates returns the certificates issued to a workshop's participants.
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
	return list, err
}
