package importer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// rowKeys are what duplicates are recognised by.
type rowKeys struct {
	email string // lower case, Unicode normal form C; "" when none
	name  string // folded words of the names, then of the organisation
}

// keysOf returns the duplicate keys of a participant.
func keysOf(p *store.Participant) rowKeys {
	return rowKeys{
		email: p.EmailKey(),
		name:  strings.Join(tokens(p.GivenNames+" "+p.FamilyNames), " ") + "|" + strings.Join(tokens(p.Organisation), " "),
	}
}

// Recheck recomputes every row's problems, duplicates and, where the
// caller has not chosen, default choice. The methods that change the
// preview call it; call it after changing Rows[i].Participant directly.
func (p *Preview) Recheck() {
	exEmail := map[string]*store.Participant{}
	exName := map[string]*store.Participant{}
	badgeOwner := map[string]uuid.UUID{}
	for i := range p.existing {
		e := &p.existing[i]
		k := keysOf(e)
		if _, ok := exEmail[k.email]; !ok && k.email != "" {
			exEmail[k.email] = e
		}
		if _, ok := exName[k.name]; !ok {
			exName[k.name] = e
		}
		badgeOwner[e.BadgeCode] = e.ID
	}
	fileEmail := map[string]*RowPreview{}
	fileName := map[string]*RowPreview{}
	fileBadge := map[string]int{}
	for _, r := range p.Rows {
		r.Problems = append(r.Problems[:0:0], r.checkRow()...)
		r.Problems = append(r.Problems, r.valueProblems...)
		r.Duplicate, r.badgeTaken, r.fileDupEmail = Duplicate{}, false, ""
		r.key = keysOf(&r.Participant)
		if r.Blocked() {
			r.Choice = Skip
			continue
		}
		d := &r.Duplicate
		if e := fileEmail[r.key.email]; e != nil && r.key.email != "" {
			d.FileRow, d.InFile = e.Row, SameEmail
			d.Exact = sameCells(r.Cells, e.Cells)
		} else if e := fileName[r.key.name]; e != nil {
			d.FileRow, d.InFile = e.Row, SameName
			d.Exact = sameCells(r.Cells, e.Cells)
			r.fileDupEmail = e.key.email
		}
		if _, ok := fileEmail[r.key.email]; !ok && r.key.email != "" {
			fileEmail[r.key.email] = r
		}
		if _, ok := fileName[r.key.name]; !ok {
			fileName[r.key.name] = r
		}
		if e := exEmail[r.key.email]; e != nil && r.key.email != "" {
			d.Existing, d.InWorkshop = e, SameEmail
		} else if e := exName[r.key.name]; e != nil {
			d.Existing, d.InWorkshop = e, SameName
		}
		r.Problems = append(r.Problems, r.duplicateProblems()...)
		r.Choice = r.choice()
		if r.Choice == Update && r.Participant.BadgeCode != "" && r.Participant.BadgeCode != d.Existing.BadgeCode {
			r.Problems = append(r.Problems, Problem{Row: r.Row, Field: BadgeCode, Kind: BadgeTaken,
				Message: fmt.Sprintf("the participant keeps their badge code %s; %s is not used", d.Existing.BadgeCode, r.Participant.BadgeCode)})
		}
		if code := r.Participant.BadgeCode; code != "" && (r.Choice == Add || r.Choice == AddAnyway) {
			if _, taken := badgeOwner[code]; taken {
				r.badgeTaken = true
				r.Problems = append(r.Problems, Problem{Row: r.Row, Field: BadgeCode, Kind: BadgeTaken,
					Message: fmt.Sprintf("the badge code %s is already given to someone in the workshop; a new code will be given", code)})
			} else if prev, taken := fileBadge[code]; taken {
				r.badgeTaken = true
				r.Problems = append(r.Problems, Problem{Row: r.Row, Field: BadgeCode, Kind: BadgeTaken,
					Message: fmt.Sprintf("the badge code %s is also on row %d; a new code will be given", code, prev)})
			} else {
				fileBadge[code] = r.Row
			}
		}
	}
}

// checkRow validates the proposed participant as the store will, and
// looks for letters lost to an encoding and for a doubtful name split.
func (r *RowPreview) checkRow() []Problem {
	var out []Problem
	q := r.Participant
	q.Normalize()
	var ve store.ValidationError
	if err := q.Validate(); errors.As(err, &ve) {
		for _, fe := range ve {
			pr := Problem{Row: r.Row, Message: fe.Message, Blocking: true}
			switch {
			case fe.Field == "family_name" && q.GivenNames == "" && q.FamilyNames == "":
				pr.Field, pr.Kind, pr.Message = FamilyNames, MissingName, "no name: the row has neither a given nor a family name"
			case fe.Field == "email":
				pr.Field, pr.Kind = Email, BadEmail
			default:
				// The values are checked as they are read; this is a
				// safety net that keeps the store from refusing the lot.
				pr.Field, pr.Kind = Field(fe.Field), UnknownValue
				if _, text := store.ParticipantLimits[fe.Field]; text {
					pr.Kind = BadText
				}
			}
			out = append(out, pr)
		}
	}
	values := map[string]string{"given_names": q.GivenNames, "family_name": q.FamilyNames, "native_name": q.NativeName}
	for _, name := range q.LostLetterFields() {
		out = append(out, Problem{Row: r.Row, Field: Field(name), Kind: LostCharacters,
			Message: fmt.Sprintf("%q has a \"?\" where a letter was probably lost when the file was saved in an 8-bit encoding (such as Excel's \"CSV (semicolon)\"); the row is skipped until the name is corrected, or save the file as \"CSV UTF-8\" and import it again", values[name])})
	}
	if r.Name.Split == SplitLastWord && !r.Name.Edited && len(strings.Fields(r.Name.Full)) >= 3 {
		out = append(out, Problem{Row: r.Row, Field: FullName, Kind: NameSplit,
			Message: fmt.Sprintf("%q was split as given names %q and family name %q; correct it if the family name has two words", r.Name.Full, r.Participant.GivenNames, r.Participant.FamilyNames)})
	}
	return out
}

// duplicateProblems describes the row's duplicates.
func (r *RowPreview) duplicateProblems() []Problem {
	d := r.Duplicate
	var out []Problem
	switch {
	case d.FileRow != 0 && d.Exact:
		out = append(out, Problem{Row: r.Row, Kind: DuplicateInFile, Message: fmt.Sprintf("repeats row %d exactly", d.FileRow)})
	case d.InFile == SameEmail:
		out = append(out, Problem{Row: r.Row, Field: Email, Kind: DuplicateInFile, Message: fmt.Sprintf("the same person as row %d (same email)", d.FileRow)})
	case d.InFile == SameName:
		out = append(out, Problem{Row: r.Row, Kind: DuplicateInFile, Message: fmt.Sprintf("possibly the same person as row %d (same name and organisation)", d.FileRow)})
	}
	if e := d.Existing; e != nil {
		msg := fmt.Sprintf("already in the workshop as %s, badge %s (%s)", e.FullName(), e.BadgeCode, d.InWorkshop)
		if d.InWorkshop == SameName && e.Email != "" && r.key.email != "" && e.Email != r.key.email {
			msg = fmt.Sprintf("already in the workshop as %s, badge %s (same name and organisation, but the email there is %s)", e.FullName(), e.BadgeCode, e.Email)
		}
		out = append(out, Problem{Row: r.Row, Kind: AlreadyInWorkshop, Message: msg})
	}
	return out
}

// choice returns the row's choice: the caller's when still possible, else
// the default.
func (r *RowPreview) choice() Choice {
	d := r.Duplicate
	if r.chosen {
		switch {
		case r.Choice == Update && d.Existing == nil:
			// The participant it updated is no longer matched.
		case r.Choice == Add && d.Any():
			return AddAnyway
		case r.Choice == AddAnyway && !d.Any():
			return Add
		default:
			return r.Choice
		}
	}
	switch {
	case r.Has(LostCharacters):
		return Skip // a name printed with a "?" is worse than a name added later
	case d.InFile == SameName && !d.Exact && r.key.email != "" && r.fileDupEmail != "" && r.key.email != r.fileDupEmail:
		return AddAnyway // two addresses: more likely two people of the same name
	case d.FileRow != 0:
		return Skip
	case d.Existing != nil:
		return Update
	}
	return Add
}
