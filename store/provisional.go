package store

import (
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Provisional certificates are printed before the closing session for
// those on track (eligible if they attend the sessions still to come):
// IssueProvisional records them as provisional, a state of the register
// only (the paper is the same). SettleProvisional, run whenever
// certificates are listed or printed and after attendance is marked,
// confirms those whose holders have become eligible and lists for the
// facilitator those who can no longer be, to withdraw with Void and a
// reason.

// ProvisionalToWithdraw is a provisional certificate whose holder can no
// longer be eligible, and why.
type ProvisionalToWithdraw struct {
	Certificate CertificateIssue
	Participant Participant // zero when the participant was deleted
	Reason      string
}

// Settlement is what SettleProvisional found.
type Settlement struct {
	Confirmed []CertificateIssue      // became final now
	Withdraw  []ProvisionalToWithdraw // to void, with a reason
	Pending   []CertificateIssue      // still provisional, sessions to come
}

// SettleProvisional confirms, in one transaction, the provisional
// certificates of a workshop whose holders are eligible at now, and
// returns those whose holders can no longer be (refused by hand, the
// minimum out of reach, a mandatory session missed, or no longer
// registered) for the facilitator to withdraw, and those still pending.
func (s *Store) SettleProvisional(workshopID uuid.UUID, now time.Time) (Settlement, error) {
	var out Settlement
	certs, err := s.Certificates(workshopID)
	if err != nil {
		return out, err
	}
	var prov []CertificateIssue
	for _, c := range certs {
		if c.Provisional && !c.Voided() {
			prov = append(prov, c)
		}
	}
	if len(prov) == 0 {
		return out, nil
	}
	d, err := s.LoadWorkshop(workshopID)
	if err != nil {
		return out, fmt.Errorf("settle provisional certificates: %w", err)
	}
	ov, err := s.Overrides(workshopID)
	if err != nil {
		return out, fmt.Errorf("settle provisional certificates: %w", err)
	}
	rows := Eligibility(d, ov, now)
	byID := make(map[uuid.UUID]int, len(rows))
	for i := range rows {
		byID[rows[i].ParticipantID] = i
	}
	var confirm []uuid.UUID
	for _, c := range prov {
		i, ok := byID[c.ParticipantID]
		var r *EligibilityRow
		if ok {
			r = &rows[i]
		}
		switch {
		case r == nil:
			out.Withdraw = append(out.Withdraw, ProvisionalToWithdraw{Certificate: c, Reason: "no longer registered for the workshop"})
		case r.Eligible:
			confirm = append(confirm, c.ID)
		case r.Standing() == StandingNotEligible:
			out.Withdraw = append(out.Withdraw, ProvisionalToWithdraw{Certificate: c, Participant: d.Participants[i], Reason: r.Reason})
		default:
			out.Pending = append(out.Pending, c)
		}
	}
	if len(confirm) == 0 {
		return out, nil
	}
	if now.IsZero() {
		now = s.now()
	}
	err = s.update(func(tx *bolt.Tx) error {
		for _, id := range confirm {
			var rec CertificateIssue
			if err := getJSON(tx.Bucket(bucketCertificates), id[:], &rec); err != nil {
				return fmt.Errorf("confirm certificate %s: %w", id, err)
			}
			if !rec.Provisional || rec.Voided() {
				continue
			}
			rec.Provisional, rec.ConfirmedAt = false, now
			if err := s.putCertificate(tx, &rec); err != nil {
				return err
			}
			out.Confirmed = append(out.Confirmed, rec)
		}
		return nil
	})
	if err != nil {
		return Settlement{}, fmt.Errorf("confirm provisional certificates: %w", err)
	}
	return out, nil
}
