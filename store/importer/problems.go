package importer

import (
	"fmt"
	"strings"
)

// ProblemKind classifies a Problem.
type ProblemKind string

// The kinds of problems. MissingName, BadEmail and BadText block the row:
// it cannot be imported until corrected. The others are warnings: the row can be
// imported, with the value left out or as the message says.
const (
	MissingName       ProblemKind = "missing name"        // neither a given nor a family name
	BadEmail          ProblemKind = "bad email"           // the email is not an address
	BadText           ProblemKind = "bad text"            // too long for the field, or holding a control character
	UnknownCountry    ProblemKind = "unknown country"     // left empty
	UnknownValue      ProblemKind = "unknown value"       // gender, role or organisation type not recognised
	BadBadgeCode      ProblemKind = "bad badge code"      // not 4 to 8 letters or digits: a new code is given
	BadJoinedAt       ProblemKind = "bad joined at"       // not a date and time: imported as there from the start
	BadgeTaken        ProblemKind = "badge code taken"    // someone else has it: a new code is given
	ExtraEmails       ProblemKind = "several emails"      // only the first address is kept
	LostCharacters    ProblemKind = "lost characters"     // "?" in a name: letters lost to an 8-bit encoding
	NameSplit         ProblemKind = "name split"          // a full name of 3 words or more split by guess
	DuplicateInFile   ProblemKind = "duplicate in file"   // the same person as an earlier row
	AlreadyInWorkshop ProblemKind = "already in workshop" // the same person as a current participant
)

// Problem is one thing wrong or doubtful with a row of the file.
type Problem struct {
	Row      int         // the row number in the file, from 1, as a spreadsheet shows it
	Field    Field       // the field concerned; "" for the whole row
	Kind     ProblemKind // what kind of problem
	Message  string      // in plain words, e.g. `"jean@" is not an email address`
	Blocking bool        // the row cannot be imported as it is
}

// Error returns the problem as "row 12, email: …".
func (p Problem) Error() string {
	if p.Field == "" {
		return fmt.Sprintf("row %d: %s", p.Row, p.Message)
	}
	return fmt.Sprintf("row %d, %s: %s", p.Row, strings.ToLower(p.Field.Label()), p.Message)
}
