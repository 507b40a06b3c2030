package store

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// EmailKey is the key under which two participants are the same person by
// email: the address in lower case and normal form C, or "" when there is
// none.
func (p *Participant) EmailKey() string { return nfc(strings.ToLower(strings.TrimSpace(p.Email))) }

// NameKey is the key under which two participants are the same person by
// name: given and family names with case, accents and spacing ignored,
// within the same organisation (likewise folded).
func (p *Participant) NameKey() string {
	name := strings.Join(strings.Fields(Fold(p.GivenNames+" "+p.FamilyNames)), " ")
	if name == "" {
		return ""
	}
	return name + "|" + strings.Join(strings.Fields(Fold(p.Organisation)), " ")
}

// Duplicates groups the participants that look like the same person: the
// same email ignoring case, or the same name ignoring case and accents in
// the same organisation. Each group lists positions in ps, in order; groups
// are ordered by their first member.
func Duplicates(ps []Participant) [][]int {
	parent := make([]int, len(ps))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(seen map[string]int, key string, i int) {
		if key == "" {
			return
		}
		if j, ok := seen[key]; ok {
			a, b := find(i), find(j)
			parent[max(a, b)] = min(a, b)
			return
		}
		seen[key] = i
	}
	byEmail, byName := map[string]int{}, map[string]int{}
	for i := range ps {
		union(byEmail, ps[i].EmailKey(), i)
		union(byName, ps[i].NameKey(), i)
	}
	groups := map[int][]int{}
	for i := range ps {
		r := find(i)
		groups[r] = append(groups[r], i)
	}
	var out [][]int
	for _, g := range groups {
		if len(g) > 1 {
			out = append(out, g)
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return a[0] - b[0] })
	return out
}

// MergeParticipants merges the participant drop into keep, in one
// transaction: keep's empty fields are filled from drop, drop's attendance
// is moved to keep wherever keep has none for that session (or a weaker
// status: present beats late beats excused beats absent), and drop is
// deleted. Attendance history is kept for both.
func (s *Store) MergeParticipants(keepID, dropID uuid.UUID) (Participant, error) {
	if keepID == dropID {
		return Participant{}, fmt.Errorf("merge participants: cannot merge a participant with themselves")
	}
	var keep Participant
	err := s.update(func(tx *bolt.Tx) error {
		var drop Participant
		if err := liveParticipant(tx, keepID, &keep); err != nil {
			return fmt.Errorf("merge participants: %w", err)
		}
		if err := liveParticipant(tx, dropID, &drop); err != nil {
			return fmt.Errorf("merge participants: %w", err)
		}
		if keep.WorkshopID != drop.WorkshopID {
			return fmt.Errorf("merge participants: %s and %s are registered for different workshops", keep.FullName(), drop.FullName())
		}
		fillEmpty(&keep, &drop)
		now := s.now()
		sessions, err := sessionsOf(tx, keep.WorkshopID)
		if err != nil {
			return err
		}
		att := tx.Bucket(bucketAttendance)
		for _, se := range sessions {
			from, err := getAttendance(att, join(se.ID, drop.ID))
			if err != nil {
				continue
			}
			to, err := getAttendance(att, join(se.ID, keep.ID))
			if err == nil && strength(to.Status) >= strength(from.Status) {
				continue
			}
			moved := Attendance{Record: to.Record, SessionID: se.ID, ParticipantID: keep.ID,
				Status: from.Status, RecordedAt: from.RecordedAt, Note: strings.TrimSpace(from.Note + " (merged from " + drop.FullName() + ")")}
			if err := s.writeAttendance(tx, &moved); err != nil {
				return err
			}
		}
		// Delete drop (tombstone, indexes) and save keep.
		drop.touch(now, s.device)
		drop.DeletedAt = &now
		drop.Notes = strings.TrimSpace(drop.Notes + "\nMerged into " + keep.ID.String())
		if err := tx.Bucket(bucketBadgeCodes).Delete(badgeKey(tx, drop.WorkshopID, drop.BadgeCode)); err != nil {
			return err
		}
		if err := tx.Bucket(bucketParticipantsByWorkshop).Delete(join(drop.WorkshopID, drop.ID)); err != nil {
			return err
		}
		if err := putJSON(tx.Bucket(bucketParticipants), drop.ID[:], &drop); err != nil {
			return err
		}
		return s.putParticipant(tx, &keep, map[uuid.UUID]bool{})
	})
	return keep, err
}

// strength orders statuses for merging: present, late, excused, absent.
func strength(st Status) int {
	return len(Statuses) - slices.Index(Statuses, st)
}

// fillEmpty copies drop's fields into keep's empty ones.
func fillEmpty(keep, drop *Participant) {
	pairs := [][2]*string{
		{&keep.Honorific, &drop.Honorific}, {&keep.GivenNames, &drop.GivenNames}, {&keep.FamilyNames, &drop.FamilyNames},
		{&keep.NativeName, &drop.NativeName}, {&keep.Organisation, &drop.Organisation}, {&keep.Position, &drop.Position},
		{&keep.Country, &drop.Country}, {&keep.Email, &drop.Email}, {&keep.Phone, &drop.Phone},
	}
	for _, p := range pairs {
		if *p[0] == "" {
			*p[0] = *p[1]
		}
	}
	if keep.OrgType == "" {
		keep.OrgType = drop.OrgType
	}
	if keep.Gender == "" {
		keep.Gender = drop.Gender
	}
	// The merged person joined when the earlier record did; a record
	// without a joining time was there from the start.
	switch {
	case keep.JoinedAt.IsZero() || drop.JoinedAt.IsZero():
		keep.JoinedAt = time.Time{}
	case drop.JoinedAt.Before(keep.JoinedAt):
		keep.JoinedAt = drop.JoinedAt
	}
	if drop.Notes != "" && !strings.Contains(keep.Notes, drop.Notes) {
		keep.Notes = strings.TrimSpace(keep.Notes + "\n" + drop.Notes)
	}
}

// writeAttendance stores a new version of an attendance record in tx as
// the current record; the one it replaces goes into the history.
func (s *Store) writeAttendance(tx *bolt.Tx, a *Attendance) error {
	a.touch(s.now(), s.device)
	return putCurrentAttendance(tx, a)
}
