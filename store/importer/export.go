package importer

import (
	"cmp"
	"time"

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
// date-time on the wall clock of loc (the workshop's time zone; nil means
// UTC), and the notes. Reading the file back with Suggest, and the same
// time zone in Options, maps every column to its field and gives the same
// values.
func ExportTable(ps []store.Participant, loc *time.Location) sheet.Table {
	loc = cmp.Or(loc, time.UTC)
	t := sheet.Table{Name: "Participants", Header: exportHeader, Rows: make([][]any, len(ps))}
	for i, p := range ps {
		var joined any
		if !p.JoinedAt.IsZero() {
			joined = p.JoinedAt.In(loc)
		}
		t.Rows[i] = []any{
			p.Honorific, p.GivenNames, p.FamilyNames, p.NativeName, p.Organisation, store.Label(p.OrgType),
			p.Position, p.Country, store.Label(p.Gender), p.Email, p.Phone, store.Label(p.Role), p.BadgeCode, joined, p.Notes,
		}
	}
	return t
}
