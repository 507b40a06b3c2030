package importer

import (
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// exportHeader are the headings of an exported participant list. Each is
// one Suggest recognises, so that the file imports back with no change to
// the mapping; TestExportHeadings holds them to it.
var exportHeader = []string{
	"Honorific", "Given names", "Family name", "Name in native script", "Organisation", "Organisation type",
	"Position", "Country (ISO code)", "Gender", "Email", "Phone", "Role", "Badge code", "Joined at", "Notes",
}

// ExportTable returns the participants as a table to write with package
// sheet, one row each in the order given: the columns the importer reads
// back (gender, role and organisation type in words, "prefer not to say";
// the country as its ISO code), then when a late joiner joined, as a
// date-time on the wall clock it was recorded in (the workshop's time
// zone), and the notes. Reading the file back with Suggest maps every
// column to its field.
func ExportTable(ps []store.Participant) sheet.Table {
	t := sheet.Table{Name: "Participants", Header: exportHeader, Rows: make([][]any, len(ps))}
	for i, p := range ps {
		var joined any
		if !p.JoinedAt.IsZero() {
			joined = p.JoinedAt
		}
		t.Rows[i] = []any{
			p.Honorific, p.GivenNames, p.FamilyNames, p.NativeName, p.Organisation, store.Label(p.OrgType),
			p.Position, p.Country, store.Label(p.Gender), p.Email, p.Phone, store.Label(p.Role), p.BadgeCode, joined, p.Notes,
		}
	}
	return t
}
