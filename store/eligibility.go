package store

import (
	"bytes"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// CertificateKind is the wording of a certificate.
type CertificateKind string

// The certificate kinds.
const (
	// KindAttendance certifies attendance; it is earned under the
	// workshop's attendance rule.
	KindAttendance CertificateKind = "attendance"
	// KindAppreciation thanks a speaker, facilitator or organiser; it is
	// due whatever their attendance.
	KindAppreciation CertificateKind = "appreciation"
)

// KindFor returns the certificate a role receives: appreciation for
// speakers, facilitators and organisers, attendance for participants and
// observers.
func KindFor(r Role) CertificateKind {
	switch r {
	case RoleSpeaker, RoleFacilitator, RoleOrganiser:
		return KindAppreciation
	}
	return KindAttendance
}

// EligibilityRow is one participant's standing for a certificate.
type EligibilityRow struct {
	ParticipantID uuid.UUID
	Role          Role
	Kind          CertificateKind // the wording the role calls for
	// Eligible is the decision: the override when there is one,
	// otherwise the rule's verdict (RuleEligible).
	Eligible bool
	// Reason explains Eligible in one line: the rule's reason in numbers
	// ("7 of 9 sessions, 78% < 80%"), or "granted by hand: <reason>" /
	// "refused by hand: <reason>" followed by the rule's reason in
	// brackets.
	Reason string
	// RuleEligible and RuleReason are the verdict without the override:
	// for attendance certificates Compute's Eligible and Reason; for
	// appreciation, always eligible.
	RuleEligible bool
	RuleReason   string
	// Override is the participant's current override, nil when none.
	Override *EligibilityOverride
	// Attended is the attendance in short text for the certificate:
	// "7 of 9 sessions" or "10.5 of 14 hours".
	Attended string
	Stats    ParticipantStats
}

// Standing is where an EligibilityRow stands, in one word for lists.
type Standing string

// The standings, from best to worst. OnTrack and AtRisk are for attendance
// certificates while sessions are still to come: the verdict is not final.
const (
	StandingEligible    Standing = "eligible"
	StandingOnTrack     Standing = "on track"
	StandingAtRisk      Standing = "at risk"
	StandingNotEligible Standing = "not eligible"
)

// Standing tells whether the row is eligible, not yet decided (on track or
// at risk, with sessions to come) or not eligible (refused by hand, the
// minimum out of reach, a required mandatory session missed, or no counted
// session at all).
func (r EligibilityRow) Standing() Standing {
	switch {
	case r.Eligible:
		return StandingEligible
	case r.Override == nil && r.Kind == KindAppreciation:
		return StandingOnTrack // due once a session has been held
	case r.Override != nil || r.Stats.CannotReach || r.Stats.Pending == 0:
		return StandingNotEligible
	case r.Stats.AtRisk:
		return StandingAtRisk
	}
	return StandingOnTrack
}

// Eligibility decides, for every participant of d in order, whether a
// certificate is due at instant now, and why:
//
//   - participants and observers get a certificate of attendance when
//     Compute finds them eligible under the workshop's rule (every counted
//     session decided, the minimum share met, no required mandatory
//     session missed);
//   - speakers, facilitators and organisers get a certificate of
//     appreciation whatever their attendance, once a session of the
//     workshop has been held (before, nobody has contributed yet: they
//     are on track);
//   - a current override (overrides, keyed by participant ID; see
//     SetOverride) decides over both, in either direction.
func Eligibility(d *WorkshopData, overrides map[uuid.UUID]EligibilityOverride, now time.Time) []EligibilityRow {
	return EligibilityOf(d, Compute(d, now), overrides)
}

// EligibilityOf is Eligibility from statistics already computed by
// Compute(d, now).
func EligibilityOf(d *WorkshopData, st *AttendanceStats, overrides map[uuid.UUID]EligibilityOverride) []EligibilityRow {
	held := sessionHeld(d, st.Now)
	rows := make([]EligibilityRow, len(d.Participants))
	for i := range d.Participants {
		p, ps := &d.Participants[i], st.Participants[i]
		r := EligibilityRow{ParticipantID: p.ID, Role: p.Role, Kind: KindFor(p.Role), Stats: ps,
			Attended: attendedText(ps, st.Rule.Basis)}
		if r.Kind == KindAppreciation && !held {
			r.RuleReason = fmt.Sprintf("%s: certificate of appreciation once a session has been held (none yet)", Label(p.Role))
		} else if r.Kind == KindAppreciation {
			r.RuleEligible = true
			r.RuleReason = fmt.Sprintf("%s: certificate of appreciation whatever the attendance (%s)", Label(p.Role), ps.Reason)
		} else {
			r.RuleEligible, r.RuleReason = ps.Eligible, ps.Reason
		}
		r.Eligible, r.Reason = r.RuleEligible, r.RuleReason
		if o, ok := overrides[p.ID]; ok && !o.Deleted() {
			r.Override = &o
			r.Eligible = o.Granted
			verb := "refused"
			if o.Granted {
				verb = "granted"
			}
			r.Reason = fmt.Sprintf("%s by hand: %s (%s)", verb, o.Reason, r.RuleReason)
		}
		rows[i] = r
	}
	return rows
}

// sessionHeld reports whether a session of d other than a break has
// ended at instant now.
func sessionHeld(d *WorkshopData, now time.Time) bool {
	loc := d.Workshop.Location()
	for i := range d.Sessions {
		if se := &d.Sessions[i]; se.Type != Break && !now.Before(se.EndsAt(loc)) {
			return true
		}
	}
	return false
}

// attendedText gives "7 of 9 sessions" or "10.5 of 14 hours".
func attendedText(ps ParticipantStats, basis Basis) string {
	if basis == BasisHours {
		h := func(d time.Duration) string { return strconv.FormatFloat(RoundHours(d.Hours()), 'f', -1, 64) }
		unit := "hours"
		if ps.ApplicableTime == time.Hour {
			unit = "hour"
		}
		return h(ps.AttendedTime) + " of " + h(ps.ApplicableTime) + " " + unit
	}
	unit := "sessions"
	if ps.Applicable == 1 {
		unit = "session"
	}
	return fmt.Sprintf("%d of %d %s", ps.Attended, ps.Applicable, unit)
}

// WorkshopEligibility loads a workshop and its current overrides and
// returns Eligibility at instant now.
func (s *Store) WorkshopEligibility(workshopID uuid.UUID, now time.Time) ([]EligibilityRow, error) {
	d, err := s.LoadWorkshop(workshopID)
	if err != nil {
		return nil, err
	}
	ov, err := s.Overrides(workshopID)
	if err != nil {
		return nil, err
	}
	return s.EligibilityWithTests(d, ov, now)
}

// EligibilityWithTests is Eligibility of a workshop already loaded, with
// the post-test rule applied when it is set (quiz_completion.go): a
// certificate of completion for those who pass, the reason saying so.
func (s *Store) EligibilityWithTests(d *WorkshopData, overrides map[uuid.UUID]EligibilityOverride, now time.Time) ([]EligibilityRow, error) {
	qd, err := s.LoadQuizData(d.Workshop.ID)
	if err != nil {
		return nil, err
	}
	rows := Eligibility(d, overrides, now)
	ApplyCompletion(rows, LearningOf(d.Participants, qd))
	return rows, nil
}

// SetOverride decides a participant's certificate by hand: granted or
// refused whatever the rule says. A reason is required. The new override
// replaces the current one; the earlier ones stay in the history.
func (s *Store) SetOverride(participantID uuid.UUID, granted bool, reason string) (EligibilityOverride, error) {
	reason = strings.Join(strings.Fields(reason), " ")
	if reason == "" {
		return EligibilityOverride{}, ValidationError{{"reason", "a reason is required to grant or refuse a certificate by hand"}}
	}
	var pr problems
	if pr.checkText("reason", reason, OtherLimits, false); pr.err() != nil {
		return EligibilityOverride{}, pr.err()
	}
	var o EligibilityOverride
	err := s.update(func(tx *bolt.Tx) error {
		var p Participant
		if err := liveParticipant(tx, participantID, &p); err != nil {
			return fmt.Errorf("set override: %w", err)
		}
		now := s.now()
		o = EligibilityOverride{WorkshopID: p.WorkshopID, ParticipantID: p.ID, Granted: granted,
			Reason: reason, By: s.device, At: now}
		o.touch(now, s.device)
		return putOverride(tx, &o)
	})
	if err != nil {
		return EligibilityOverride{}, err
	}
	return o, nil
}

// ClearOverride removes a participant's current override, so that the rule
// decides again. The override stays in the history, marked deleted. It does
// nothing when there is no current override.
func (s *Store) ClearOverride(participantID uuid.UUID) error {
	return s.update(func(tx *bolt.Tx) error {
		var o EligibilityOverride
		switch err := getJSON(tx.Bucket(bucketOverrides), participantID[:], &o); {
		case err == ErrNotFound:
			return nil
		case err != nil:
			return err
		case o.Deleted():
			return nil
		}
		now := s.now()
		o.touch(now, s.device)
		o.DeletedAt = &now
		return putOverride(tx, &o)
	})
}

// putOverride writes o as the participant's current override and as its
// entry in the history.
func putOverride(tx *bolt.Tx, o *EligibilityOverride) error {
	if err := putJSON(tx.Bucket(bucketOverrides), o.ParticipantID[:], o); err != nil {
		return err
	}
	return putJSON(tx.Bucket(bucketOverrideHistory), join(o.ParticipantID, o.ID), o)
}

// Overrides returns the current overrides of a workshop's live
// participants, keyed by participant ID.
func (s *Store) Overrides(workshopID uuid.UUID) (map[uuid.UUID]EligibilityOverride, error) {
	m := map[uuid.UUID]EligibilityOverride{}
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketOverrides)
		c := tx.Bucket(bucketParticipantsByWorkshop).Cursor()
		prefix := workshopID[:]
		for k, _ := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, _ = c.Next() {
			var o EligibilityOverride
			switch err := getJSON(b, k[16:], &o); {
			case err == ErrNotFound:
				continue
			case err != nil:
				return err
			}
			if !o.Deleted() {
				m[o.ParticipantID] = o
			}
		}
		return nil
	})
	return m, err
}

// OverrideHistory returns every override ever set for a participant,
// oldest first; cleared ones are tombstones.
func (s *Store) OverrideHistory(participantID uuid.UUID) ([]EligibilityOverride, error) {
	var list []EligibilityOverride
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketOverrideHistory).Cursor()
		prefix := participantID[:]
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			o, err := decodeRecord[EligibilityOverride](v)
			if err != nil {
				return fmt.Errorf("override history %x: %w", k, err)
			}
			list = append(list, o)
		}
		return nil
	})
	return list, err
}

// overrides checks that every history entry is stored under its
// participant and ID, and that each current override is byte for byte its
// participant's newest history entry.
func (c *checker) overrides() {
	newest := map[uuid.UUID][]byte{}
	c.tx.Bucket(bucketOverrideHistory).ForEach(func(k, v []byte) error {
		o, err := decodeRecord[EligibilityOverride](v)
		switch {
		case err != nil:
			c.add("%s %x: cannot be decoded: %v", bucketOverrideHistory, k, err)
		case !bytes.Equal(k, join(o.ParticipantID, o.ID)):
			c.add("override history %x: stored under the wrong key", k)
		default:
			newest[o.ParticipantID] = v // keys ascend by time-ordered ID: the last one wins
		}
		return nil
	})
	current := map[uuid.UUID]bool{}
	c.tx.Bucket(bucketOverrides).ForEach(func(k, v []byte) error {
		o, err := decodeRecord[EligibilityOverride](v)
		switch {
		case err != nil:
			c.add("%s %x: cannot be decoded: %v", bucketOverrides, k, err)
		case !bytes.Equal(k, o.ParticipantID[:]):
			c.add("override %x: stored under the wrong key", k)
		case !bytes.Equal(newest[o.ParticipantID], v):
			c.add("override of participant %s: not the newest entry of its history", o.ParticipantID)
		default:
			current[o.ParticipantID] = true
		}
		return nil
	})
	for p := range newest {
		if !current[p] {
			c.add("override history of participant %s: no current override", p)
		}
	}
}
