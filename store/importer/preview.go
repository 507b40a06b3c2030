package importer

import (
	"cmp"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// Options are what NewPreview needs besides the file and the mapping.
type Options struct {
	// WorkshopID is the workshop the participants are imported into.
	WorkshopID uuid.UUID
	// Existing are the workshop's current participants, to find the
	// people already in it (from store.Store.Participants).
	Existing []store.Participant
	// Location is the workshop's time zone, in which a "Joined at" cell
	// is read (Workshop.Location); nil means UTC.
	Location *time.Location
	// Start and End are the workshop's first and last day: a "Joined at"
	// outside them (the day someone joined their organisation, say) is a
	// warning and left out. Zero dates are not checked.
	Start, End store.Date
}

// Choice is what Commit does with a row.
type Choice string

// The choices. Add is the default for a new person; for duplicates the
// default is Skip for a repeat of an earlier row (AddAnyway when only the
// name and organisation match and the emails differ) and Update for a
// person already in the workshop. A row whose name holds a letter lost to
// an 8-bit encoding (store.HasLostLetter) is skipped until the name is
// corrected (SetName, SetNativeName) or the caller chooses otherwise.
// Rows with a blocking problem are always skipped.
const (
	Add       Choice = "add"        // add a new participant
	Skip      Choice = "skip"       // do not import the row
	Update    Choice = "update"     // update the participant already in the workshop, keeping their ID, badge code and attendance
	AddAnyway Choice = "add anyway" // add a duplicate as a new participant all the same
)

// Name records where a row's names come from, so that the caller can
// correct the split of a full name or decline the change of case.
type Name struct {
	// Full is the full-name cell the names were split from; "" when they
	// came from their own columns.
	Full string
	// Split is the rule that split Full.
	Split SplitRule
	// FileGiven and FileFamily are the names as in the file (after the
	// split), before any change of case.
	FileGiven, FileFamily string
	// CaseChanged is set when the participant's names are FileGiven and
	// FileFamily in normal case ("MOUSSA DIOP" → "Moussa Diop"); see
	// Preview.KeepFileCase.
	CaseChanged bool
	// Edited is set once the caller has given the names (Preview.SetName).
	Edited bool
}

// MatchKind tells how a duplicate was recognised.
type MatchKind string

// The ways two rows or a row and a participant are the same person.
const (
	SameEmail MatchKind = "same email"                 // ignoring case
	SameName  MatchKind = "same name and organisation" // ignoring case, accents and punctuation
)

// Duplicate describes the people a row repeats, if any.
type Duplicate struct {
	// FileRow is the number of the earlier row of the file with the same
	// person; 0 if none.
	FileRow int
	// InFile tells how FileRow matched.
	InFile MatchKind
	// Exact is set when FileRow has exactly the same cells.
	Exact bool
	// Existing is the participant already in the workshop; nil if none.
	Existing *store.Participant
	// InWorkshop tells how Existing matched.
	InWorkshop MatchKind
}

// Any reports whether the row repeats someone.
func (d Duplicate) Any() bool { return d.FileRow != 0 || d.Existing != nil }

// RowPreview is one data row of the file and what importing it would do.
type RowPreview struct {
	// Row is the row number in the file, from 1, as a spreadsheet shows it.
	Row int
	// Cells are the row's cells as read.
	Cells []string
	// Participant is the proposed record: WorkshopID set, no ID. Empty
	// enumerations mean "not given" (an empty role becomes participant
	// when stored). For an Update, Merge shows the record that results.
	Participant store.Participant
	// Name tells where the names come from.
	Name Name
	// Problems lists the row's problems, blocking ones first.
	Problems []Problem
	// Duplicate tells whom the row repeats.
	Duplicate Duplicate
	// Choice is what Commit will do with the row.
	Choice Choice

	valueProblems []Problem // found while reading the values; kept by Recheck
	chosen        bool      // Choice was set by the caller
	badgeTaken    bool      // the file's badge code is someone else's: Commit drops it
	key           rowKeys   // duplicate keys of Participant
	fileDupEmail  string    // the email of the earlier row with the same name
}

// Unchanged reports whether the row updates a participant with nothing
// new: every value it gives is already theirs. Commit writes nothing for
// it, so importing the same list again leaves the records as they were.
func (r *RowPreview) Unchanged() bool {
	e := r.Duplicate.Existing
	return r.Choice == Update && e != nil && sameParticipant(Merge(*e, r.Participant), *e)
}

// sameParticipant reports whether a and b hold the same values (their
// records' IDs and times aside).
func sameParticipant(a, b store.Participant) bool {
	if !a.JoinedAt.Equal(b.JoinedAt) {
		return false
	}
	a.Record, b.Record = store.Record{}, store.Record{}
	a.JoinedAt, b.JoinedAt = time.Time{}, time.Time{}
	return a == b
}

// Blocked reports whether the row has a blocking problem: it will not be
// imported.
func (r *RowPreview) Blocked() bool {
	return len(r.Problems) > 0 && r.Problems[0].Blocking
}

// Has reports whether the row has a problem of kind k.
func (r *RowPreview) Has(k ProblemKind) bool {
	for _, p := range r.Problems {
		if p.Kind == k {
			return true
		}
	}
	return false
}

// Ignored is a row after the header that is not read as a person.
type Ignored struct {
	Row    int    // the row number in the file
	Reason string // e.g. "a total row"
}

// Preview is what importing a file would do, row by row. Nothing is
// written until Commit. The caller may change choices and names through
// its methods, or change Rows[i].Participant directly and call Recheck.
// A Preview is not safe for concurrent use.
type Preview struct {
	WorkshopID uuid.UUID // the workshop imported into
	Table      *Table    // the file
	Mapping    Mapping   // the mapping the rows were read with
	// Rows are the data rows, in file order.
	Rows []*RowPreview
	// Ignored are the rows after the header that are not people: totals,
	// trailing numbers, repeated headers.
	Ignored []Ignored
	// Warnings are problems with the mapping as a whole, e.g. no name
	// column.
	Warnings []string

	existing  []store.Participant
	location  *time.Location
	days      [2]store.Date // the workshop's first and last day
	committed bool
}

// NewPreview reads every data row of t through the mapping into a proposed
// participant of the workshop, with its problems and duplicates (within
// the file and against o.Existing) and a default choice. It writes
// nothing.
func NewPreview(t *Table, m Mapping, o Options) *Preview {
	p := &Preview{WorkshopID: o.WorkshopID, Table: t, Mapping: m, existing: o.Existing, location: cmp.Or(o.Location, time.UTC),
		days: [2]store.Date{o.Start, o.End}}
	if !m.HasName() {
		p.Warnings = append(p.Warnings, "no column is mapped to a name: map given_names and family_name, or full_name")
	}
	var header []string
	start := 0
	if m.HeaderRow >= 0 && m.HeaderRow < len(t.Rows) {
		header, start = t.Rows[m.HeaderRow].Cells, m.HeaderRow+1
	}
	rows := t.Rows[min(start, len(t.Rows)):]
	end := len(rows)
	for end > 0 && (totalRow(rows[end-1].Cells) || numbersOnly(rows[end-1].Cells)) {
		end--
	}
	p.Rows = make([]*RowPreview, 0, end)
	for i, row := range rows {
		switch {
		case i >= end && totalRow(row.Cells):
			p.Ignored = append(p.Ignored, Ignored{row.Num, "a total row after the data"})
		case i >= end:
			p.Ignored = append(p.Ignored, Ignored{row.Num, "only numbers after the data"})
		case totalRow(row.Cells):
			p.Ignored = append(p.Ignored, Ignored{row.Num, "a total row"})
		case header != nil && sameCells(row.Cells, header):
			p.Ignored = append(p.Ignored, Ignored{row.Num, "repeats the header"})
		default:
			p.Rows = append(p.Rows, p.readRow(row, m))
		}
	}
	p.Recheck()
	return p
}

// readRow turns one row into a proposed participant and the problems of
// its values.
func (p *Preview) readRow(row Row, m Mapping) *RowPreview {
	get := func(f Field) string {
		c, ok := m.Columns[f]
		if !ok || c < 0 || c >= len(row.Cells) {
			return ""
		}
		return clean(row.Cells[c])
	}
	r := &RowPreview{Row: row.Num, Cells: row.Cells, Choice: Add}
	warn := func(f Field, k ProblemKind, format string, args ...any) {
		r.valueProblems = append(r.valueProblems, Problem{Row: row.Num, Field: f, Kind: k, Message: fmt.Sprintf(format, args...)})
	}
	pt := &r.Participant
	pt.WorkshopID = p.WorkshopID
	pt.Honorific = get(Honorific)
	pt.NativeName = get(NativeName)
	pt.Organisation = get(Organisation)
	pt.Position = get(Position)
	pt.Phone = get(Phone)
	if c, ok := m.Columns[Notes]; ok && c < len(row.Cells) {
		pt.Notes = cleanText(row.Cells[c])
	}

	given, family := get(GivenNames), get(FamilyNames)
	if full := get(FullName); full != "" && given == "" && family == "" {
		r.Name.Full = full
		given, family, r.Name.Split = SplitName(full)
	}
	r.Name.FileGiven, r.Name.FileFamily = given, family
	pt.GivenNames = NormalCase(given, true)
	pt.FamilyNames = NormalCase(family, given == "")
	r.Name.CaseChanged = pt.GivenNames != given || pt.FamilyNames != family

	email, extra := cleanEmail(get(Email))
	pt.Email = email
	if extra {
		warn(Email, ExtraEmails, "the cell holds several addresses; only the first, %s, is kept", email)
	}
	if v := get(Country); v != "" {
		if code, ok := ParseCountry(v); ok {
			pt.Country = code
		} else {
			warn(Country, UnknownCountry, "%q is not a country known by name or ISO code; it is left empty", v)
		}
	}
	if v := get(Gender); v != "" {
		if g, ok := ParseGender(v); ok {
			pt.Gender = g
		} else {
			warn(Gender, UnknownValue, "%q is not a gender known (female, male, other, prefer not to say); it is left empty", v)
		}
	}
	if v := get(Role); v != "" {
		if role, ok := ParseRole(v); ok {
			pt.Role = role
		} else {
			warn(Role, UnknownValue, "%q is not a role known (participant, speaker, facilitator, observer, organiser); the person is imported as a participant", v)
		}
	}
	if v := get(OrgType); v != "" {
		if t, ok := ParseOrgType(v); ok {
			pt.OrgType = t
		} else {
			warn(OrgType, UnknownValue, "%q is not an organisation type known (government, international organisation, civil society, academia, private sector, media, other); it is left empty", v)
		}
	}
	if v := get(BadgeCode); v != "" {
		if code := store.NormalizeBadgeCode(v); validBadgeCode(code) {
			pt.BadgeCode = code
		} else {
			warn(BadgeCode, BadBadgeCode, "%q is not a badge code (4 to 8 letters or digits); a new code will be given", v)
		}
	}
	r.consentValue(ConsentPhotos, get(ConsentPhotos), &pt.ConsentPhotos, warn)
	r.consentValue(ConsentShare, get(ConsentShare), &pt.ConsentShare, warn)
	r.consentValue(ConsentFollowUp, get(ConsentFollowUp), &pt.ConsentFollowUp, warn)
	if v := get(JoinedAt); v != "" {
		t, err := store.ParseDateTime(v, p.location)
		ok := err == nil
		switch day := store.DateOf(t); {
		case ok && (!p.days[0].IsZero() && day.Before(p.days[0]) || !p.days[1].IsZero() && day.After(p.days[1])):
			warn(JoinedAt, BadJoinedAt, "%s is not within the workshop (%s to %s); the person is imported as there from the start", v, p.days[0], p.days[1])
		case ok:
			pt.JoinedAt = t
		default:
			warn(JoinedAt, BadJoinedAt, "%q is not a date and time like 2027-03-09 10:30; the person is imported as there from the start", v)
		}
	}
	return r
}

// cleanEmail extracts the address from an email cell: "mailto:" and a
// display name ("Moussa Diop <moussa@example.org>") are dropped; of several
// addresses the first is kept and extra is set.
func cleanEmail(s string) (email string, extra bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "mailto:")
	var addrs []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool {
		return r == ';' || r == ',' || r == ' ' || r == '/' || r == '<' || r == '>' || r == '|'
	}) {
		if strings.Contains(w, "@") {
			addrs = append(addrs, strings.Trim(w, ".:\"'()[]"))
		}
	}
	if len(addrs) == 0 {
		return s, false // not an address; Validate says so
	}
	return addrs[0], len(addrs) > 1
}

// validBadgeCode is the store's rule for a code given by hand: 4 to 8
// capital letters or digits.
func validBadgeCode(s string) bool {
	if len(s) < 4 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// totalWords begin the rows that are totals, not people.
var totalWords = set("total", "totals", "totaux", "subtotal", "soustotal", "grandtotal", "totalgeneral", "suma",
	"sumatotal", "somme", "count", "numberofparticipants", "nombredeparticipants", "nombretotal",
	"numerodeparticipantes", "totaldeparticipantes", "totalparticipants")

// totalRow reports whether a row is a total: at most three filled cells,
// no address, and the first words of the first filled cell say total
// ("Total", "TOTAL: 45", "Sous-total", "Number of participants: 45").
func totalRow(cells []string) bool {
	filled, first := 0, ""
	for _, c := range cells {
		c = clean(c)
		if c == "" {
			continue
		}
		if strings.Contains(c, "@") {
			return false
		}
		if filled == 0 {
			first = c
		}
		filled++
	}
	if filled == 0 || filled > 3 {
		return false
	}
	words := tokens(first)
	var k string
	for i := 0; i < len(words) && i < 3; i++ {
		if !isDigits(words[i]) {
			k += words[i]
		}
		if totalWords[k] {
			return true
		}
	}
	return false
}

// numbersOnly reports whether every filled cell of a row is a number (a
// count or a sum below the list), with at most three filled cells.
func numbersOnly(cells []string) bool {
	filled := 0
	for _, c := range cells {
		c = clean(c)
		if c == "" {
			continue
		}
		filled++
		if strings.TrimLeft(c, "0123456789 .,%") != "" || !strings.ContainsAny(c, "0123456789") {
			return false
		}
	}
	return filled > 0 && filled <= 3
}

func isDigits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// sameCells reports whether two rows hold the same text, ignoring spaces.
func sameCells(a, b []string) bool {
	a, b = trimEmptyTail(a), trimEmptyTail(b)
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if clean(a[i]) != clean(b[i]) {
			return false
		}
	}
	return true
}

// Row returns the preview of the row numbered num in the file, or nil.
func (p *Preview) Row(num int) *RowPreview {
	for _, r := range p.Rows {
		if r.Row == num {
			return r
		}
	}
	return nil
}

// Tally counts what Commit would do.
type Tally struct {
	Rows      int // data rows
	Add       int // rows to add, including AddAnyway
	Update    int // rows updating a participant with something new
	Unchanged int // rows matching a participant with nothing new (see RowPreview.Unchanged)
	Skip      int // rows skipped, by choice or because of a blocking problem
	Blocked   int // rows with a blocking problem
	Problems  int // problems of every kind
}

// String says it in one line: "62 rows: 60 to add, 0 to update, 2 to
// skip", with ", N unchanged" after the updates when some rows change
// nothing.
func (t Tally) String() string {
	unchanged := ""
	if t.Unchanged > 0 {
		unchanged = fmt.Sprintf(", %d unchanged", t.Unchanged)
	}
	return fmt.Sprintf("%d rows: %d to add, %d to update%s, %d to skip", t.Rows, t.Add, t.Update, unchanged, t.Skip)
}

// Tally counts the rows by what Commit would do with them.
func (p *Preview) Tally() Tally {
	t := Tally{Rows: len(p.Rows)}
	for _, r := range p.Rows {
		t.Problems += len(r.Problems)
		switch {
		case r.Blocked():
			t.Blocked++
			t.Skip++
		case r.Choice == Skip:
			t.Skip++
		case r.Unchanged():
			t.Unchanged++
		case r.Choice == Update:
			t.Update++
		default:
			t.Add++
		}
	}
	return t
}

// Problems returns every row's problems, in file order.
func (p *Preview) Problems() []Problem {
	var out []Problem
	for _, r := range p.Rows {
		out = append(out, r.Problems...)
	}
	return out
}

// SetChoice sets what Commit does with the row numbered num. Update needs
// a participant already in the workshop; Add on a duplicate means
// AddAnyway. A row with a blocking problem can only be skipped.
func (p *Preview) SetChoice(num int, c Choice) error {
	r := p.Row(num)
	switch {
	case r == nil:
		return fmt.Errorf("set choice: there is no data row %d", num)
	case c != Add && c != Skip && c != Update && c != AddAnyway:
		return fmt.Errorf("row %d: %q is not a choice; use add, skip, update or add anyway", num, c)
	case r.Blocked() && c != Skip:
		return fmt.Errorf("row %d cannot be imported: %s", num, r.Problems[0].Message)
	case c == Update && r.Duplicate.Existing == nil:
		return fmt.Errorf("row %d: nobody in the workshop to update; the row can be added or skipped", num)
	}
	r.Choice, r.chosen = c, true
	p.Recheck()
	return nil
}

// SetName gives the names of the row numbered num, correcting the split
// of a full name or the case; they are used as given (spaces cleaned).
func (p *Preview) SetName(num int, given, family string) error {
	r := p.Row(num)
	if r == nil {
		return fmt.Errorf("set name: there is no data row %d", num)
	}
	r.Participant.GivenNames, r.Participant.FamilyNames = clean(given), clean(family)
	r.Name.CaseChanged, r.Name.Edited = false, true
	p.Recheck()
	return nil
}

// SetNativeName gives the name in native script of the row numbered num,
// correcting letters lost to an encoding; it is used as given (spaces
// cleaned).
func (p *Preview) SetNativeName(num int, native string) error {
	r := p.Row(num)
	if r == nil {
		return fmt.Errorf("set native name: there is no data row %d", num)
	}
	r.Participant.NativeName = clean(native)
	p.Recheck()
	return nil
}

// KeepFileCase declines the change of case proposed for the row numbered
// num (or for every row when num is 0): the names are kept as in the file.
func (p *Preview) KeepFileCase(num int) error {
	if num != 0 && p.Row(num) == nil {
		return fmt.Errorf("keep case: there is no data row %d", num)
	}
	for _, r := range p.Rows {
		if (num == 0 || r.Row == num) && r.Name.CaseChanged {
			r.Participant.GivenNames, r.Participant.FamilyNames = r.Name.FileGiven, r.Name.FileFamily
			r.Name.CaseChanged = false
		}
	}
	p.Recheck()
	return nil
}
