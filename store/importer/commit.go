package importer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// Store is what Commit needs of the store; *store.Store has it.
type Store interface {
	Participants(workshopID uuid.UUID) ([]store.Participant, error)
	SaveParticipants(ps []*store.Participant) error
}

// Skipped is a data row Commit did not import, and why.
type Skipped struct {
	Row    int    // the row number in the file
	Reason string // e.g. "no name: the row has neither a given nor a family name"
}

// Summary is what Commit did.
type Summary struct {
	Added     int       // new participants
	Updated   int       // participants updated
	Unchanged int       // rows matching a participant with nothing new: nothing written
	Skipped   []Skipped // rows not imported, in file order
	// Saved are the added and updated participants as stored, with their
	// IDs and badge codes, in file order.
	Saved []store.Participant
}

// String says what was done in one line: "58 added, 2 updated, 2
// skipped", with ", N unchanged" after the updates when some rows changed
// nothing.
func (s Summary) String() string {
	unchanged := ""
	if s.Unchanged > 0 {
		unchanged = fmt.Sprintf(", %d unchanged", s.Unchanged)
	}
	return fmt.Sprintf("%d added, %d updated%s, %d skipped", s.Added, s.Updated, unchanged, len(s.Skipped))
}

// ErrCommitted is returned when a preview is committed a second time.
var ErrCommitted = errors.New("this preview has already been imported; read the file again to import it again")

// Commit applies the preview's choices in one store transaction: the rows
// to add become new participants, the rows to update change the existing
// participants (keeping ID, badge code and attendance; see Merge), and
// the other rows are skipped with their reason. Either every record is
// saved or none. Call it only once the user has confirmed the preview.
func Commit(s Store, p *Preview) (Summary, error) {
	var sum Summary
	if p.committed {
		return sum, ErrCommitted
	}
	// The participants as they are now: someone may have changed one
	// since the preview.
	current, err := s.Participants(p.WorkshopID)
	if err != nil {
		return sum, fmt.Errorf("import: read the workshop's participants: %w", err)
	}
	byID := make(map[uuid.UUID]*store.Participant, len(current))
	taken := make(map[string]bool, len(current))
	for i := range current {
		byID[current[i].ID] = &current[i]
		taken[current[i].BadgeCode] = true
	}
	var batch []*store.Participant
	var rows []int // file row of each record of batch
	updated := map[uuid.UUID]*store.Participant{}
	for _, r := range p.Rows {
		switch {
		case r.Blocked():
			sum.Skipped = append(sum.Skipped, Skipped{r.Row, r.Problems[0].Message})
		case r.Choice == Skip:
			sum.Skipped = append(sum.Skipped, Skipped{r.Row, skipReason(r)})
		case r.Choice == Update:
			id := r.Duplicate.Existing.ID
			if rec := updated[id]; rec != nil {
				*rec = Merge(*rec, r.Participant) // two rows for one person: the later wins
				sum.Skipped = append(sum.Skipped, Skipped{r.Row, fmt.Sprintf("merged into the update of %s", rec.FullName())})
				continue
			}
			cur := byID[id]
			if cur == nil {
				return Summary{}, fmt.Errorf("import: row %d: %s is no longer in the workshop; nothing was saved, preview the file again", r.Row, r.Duplicate.Existing.FullName())
			}
			rec := Merge(*cur, r.Participant)
			if sameParticipant(rec, *cur) {
				sum.Unchanged++ // nothing new: nothing written
				continue
			}
			updated[id] = &rec
			batch, rows = append(batch, &rec), append(rows, r.Row)
		default:
			rec := r.Participant
			rec.Record = store.Record{}
			rec.WorkshopID = p.WorkshopID
			if rec.BadgeCode != "" && (r.badgeTaken || taken[rec.BadgeCode]) {
				rec.BadgeCode = "" // the store gives a new one
			}
			taken[rec.BadgeCode] = rec.BadgeCode != ""
			batch, rows = append(batch, &rec), append(rows, r.Row)
		}
	}
	// Check every record first, so that an error names the file's row
	// rather than the position in the batch.
	for i, rec := range batch {
		q := *rec
		q.Normalize()
		if err := q.Validate(); err != nil {
			return Summary{}, fmt.Errorf("import: row %d: %w; nothing was saved", rows[i], err)
		}
	}
	if len(batch) > 0 {
		if err := s.SaveParticipants(batch); err != nil {
			return Summary{}, fmt.Errorf("import: nothing was saved: %w", err)
		}
	}
	for _, rec := range batch {
		if _, ok := updated[rec.ID]; ok {
			sum.Updated++
		} else {
			sum.Added++
		}
		sum.Saved = append(sum.Saved, *rec)
	}
	p.committed = true
	return sum, nil
}

// skipReason says why a row chosen to be skipped is.
func skipReason(r *RowPreview) string {
	for _, pr := range r.Problems {
		if pr.Kind == DuplicateInFile || pr.Kind == AlreadyInWorkshop || pr.Kind == LostCharacters {
			return pr.Message
		}
	}
	return "skipped by choice"
}

// Merge returns existing updated with the values of imported: every field
// the file gives replaces the existing one, and the fields it leaves empty
// keep their value. The ID, workshop, badge code, creation time and late
// joining time are kept; notes from the file are added below the existing
// notes.
func Merge(existing, imported store.Participant) store.Participant {
	out := existing
	set := func(dst *string, v string) {
		if v = strings.TrimSpace(v); v != "" {
			*dst = v
		}
	}
	set(&out.Honorific, imported.Honorific)
	set(&out.GivenNames, imported.GivenNames)
	set(&out.FamilyNames, imported.FamilyNames)
	set(&out.NativeName, imported.NativeName)
	set(&out.Organisation, imported.Organisation)
	set(&out.Position, imported.Position)
	set(&out.Country, imported.Country)
	set(&out.Email, imported.Email)
	set(&out.Phone, imported.Phone)
	if imported.OrgType != "" {
		out.OrgType = imported.OrgType
	}
	if imported.Gender != "" {
		out.Gender = imported.Gender
	}
	if imported.Role != "" {
		out.Role = imported.Role
	}
	if !imported.JoinedAt.IsZero() {
		out.JoinedAt = imported.JoinedAt
	}
	if n := strings.TrimSpace(imported.Notes); n != "" && !strings.Contains(out.Notes, n) {
		if out.Notes != "" {
			out.Notes += "\n"
		}
		out.Notes += n
	}
	return out
}
