package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// importCommand imports a participant list into a workshop.
var importCommand = &command{
	name:     "import",
	synopsis: "--workshop W FILE [--sheet NAME] [--map field=Header,...] [--yes]",
	summary:  "import participants from a CSV or XLSX file",
	details: `Reads a participant list as people send it: CSV in any usual encoding and
delimiter (Excel, LibreOffice, online forms) or an XLSX workbook, with headings
in English, French or Spanish. Prints what it found and what importing would
do: the file, the column of each field, how many rows would be added, would
update someone already in the workshop or would be skipped, each problem, each
duplicate with what is done with it, and the rows that are not people (totals).

Nothing is written without --yes. Check the preview, correct the mapping with
--map if a column was misread, then run the same command again with --yes: the
rows are imported in one go (all or nothing) and the result is printed. The
command then fails (exit status 1) when no column is mapped to a name or when
no row could be imported.

A name holding a "?" where Excel lost a letter (a list saved as "CSV
(semicolon)" in Windows-1252) is never imported: the row is skipped until the
name is corrected in the file, or the file saved as "CSV UTF-8". Headings
are recognised whole ("Prénom") or by their words, as online forms write
them ("Full name (as it should appear on your certificate)").

Fields are given_names, family_name, full_name (split into both), honorific,
native_name, organisation, org_type, position, country, gender, email, phone,
role, badge_code, joined_at and notes; a heading the import knows ("Prénom")
names its field too. A column is named by its heading, its letter (C) or its
number (3). joined_at is when a late joiner joined, on the workshop's clock:
2027-03-09 10:30 (as "participants --out" writes it), ISO 8601, or a day
alone; a time outside the workshop's dates is left out with a warning.
A person already in the workshop (same email, or same name and organisation)
is updated: their badge code and attendance are kept, and a cell left empty
keeps what is there (it does not clear a joined time or a phone number).`,
	positional: 1,
	required:   []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f importFlags
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.sheet, "sheet", "", "the XLSX sheet to read, by `NAME` (default: the first one with data)")
		fs.Var(&f.specs, "map", "read a field from a column: `field=Header`, overriding the suggestion;\n"+
			"several separated by commas, or --map again; \"field=\" leaves the field out")
		fs.BoolVar(&f.yes, "yes", false, "import; without it nothing is written")
		return func(args []string) error {
			f.file = args[0]
			return c.importFile(f)
		}
	},
}

// importFlags are the flags and argument of import.
type importFlags struct {
	workshop, file, sheet string
	specs                 mapSpecs
	yes                   bool
}

// mapSpecs collects the "field=column" specifications of --map, given as
// one comma-separated list or by repeating the flag.
type mapSpecs []string

func (m *mapSpecs) String() string { return strings.Join(*m, ",") }

// Set splits a list at its commas, except a comma inside a heading
// ("email=E-mail, personal"): a part without "=" continues the one before.
func (m *mapSpecs) Set(s string) error {
	var list []string
	for _, part := range strings.Split(s, ",") {
		switch {
		case strings.TrimSpace(part) == "":
			continue // "a=B," or ", ,"
		case !strings.Contains(part, "=") && len(list) > 0:
			list[len(list)-1] += "," + part
			continue
		}
		list = append(list, part)
	}
	for _, spec := range list {
		if !strings.Contains(spec, "=") {
			return fmt.Errorf("%q: write field=Header, e.g. email=Courriel", strings.TrimSpace(spec))
		}
		*m = append(*m, strings.TrimSpace(spec))
	}
	return nil
}

// importFile previews the import of a file into a workshop and, with
// --yes, imports it.
func (c *cli) importFile(f importFlags) (err error) {
	t, err := importer.ReadFile(f.file, f.sheet)
	if err != nil {
		return err
	}
	m := importer.Suggest(t)
	if err := m.Apply(t, f.specs...); err != nil {
		return err
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := findWorkshop(st, f.workshop)
	if err != nil {
		return err
	}
	current, err := st.Participants(w.ID)
	if err != nil {
		return fmt.Errorf("read the participants of %s: %w", w.Code, err)
	}
	p := importer.NewPreview(t, m, importer.Options{WorkshopID: w.ID, Existing: current, Location: w.Location(), Start: w.StartDate, End: w.EndDate})
	rep := newImportReport(t, p, w, len(current))
	if f.sheet != "" && t.Format != importer.XLSX {
		rep.Warnings = append(rep.Warnings, "--sheet is ignored: a CSV file has no sheets")
	}
	var failed error // after the report is printed
	switch {
	case f.yes && !m.HasName():
		failed = errors.New("nothing was imported: no column is mapped to a name; name it with --map full_name=Header, or --map given_names=Header,family_name=Header")
	case f.yes:
		sum, err := importer.Commit(st, p)
		if err != nil {
			return err
		}
		if sum.Added+sum.Updated+sum.Unchanged == 0 {
			failed = errors.New("nothing was imported: " + noRowImported(len(p.Rows)))
		}
		rep.Written = true
		rep.Summary = &importSummary{Added: sum.Added, Updated: sum.Updated, Unchanged: sum.Unchanged, Skipped: []importRow{},
			Participants: len(current) + sum.Added}
		for _, s := range sum.Skipped {
			rep.Summary.Skipped = append(rep.Summary.Skipped, importRow{s.Row, s.Reason})
		}
	}
	if c.json {
		if err := c.printJSON(rep); err != nil {
			return err
		}
		return failed
	}
	c.printImport(rep)
	return failed
}

// noRowImported says that none of n rows could be imported.
func noRowImported(n int) string {
	switch n {
	case 0:
		return "the file has no row after its header"
	case 1:
		return "its only row could not be imported; correct the file and import it again"
	}
	return fmt.Sprintf("none of the %d rows could be imported; correct the file and import it again", n)
}

// importReport is what import found and did; with --json it is printed as
// it is.
type importReport struct {
	File       importFileInfo    `json:"file"`
	Workshop   string            `json:"workshop"`
	Mapping    []importColumn    `json:"mapping"`
	Unmapped   []importColumn    `json:"unmapped_columns"`
	Warnings   []string          `json:"warnings"`
	Counts     importCounts      `json:"counts"`
	Problems   []importProblem   `json:"problems"`
	Duplicates []importDuplicate `json:"duplicates"`
	Ignored    []importRow       `json:"ignored"`
	Written    bool              `json:"written"`
	Summary    *importSummary    `json:"summary"` // null without --yes

	participants int // in the workshop before the import
}

// importFileInfo describes the file as read.
type importFileInfo struct {
	Name      string   `json:"name"`
	Format    string   `json:"format"`
	Encoding  string   `json:"encoding,omitempty"`
	Delimiter string   `json:"delimiter,omitempty"`
	Sheet     string   `json:"sheet,omitempty"`
	Sheets    []string `json:"sheets,omitempty"`
	HeaderRow int      `json:"header_row"` // as a spreadsheet numbers rows; 0 when there is none
}

// importColumn is a column of the file and the field read from it.
type importColumn struct {
	Field   string `json:"field,omitempty"`
	Column  string `json:"column"` // its letter
	Heading string `json:"heading"`

	index int
}

// importCounts counts the rows by what importing does with them.
type importCounts struct {
	Rows       int `json:"rows"`
	Add        int `json:"add"`
	Update     int `json:"update"`
	Unchanged  int `json:"unchanged"` // already in the workshop with nothing new: nothing written
	Skip       int `json:"skip"`
	Blocked    int `json:"blocked"`      // skipped for a problem that must be corrected first
	Lost       int `json:"lost_letters"` // skipped until a name with a "?" for a lost letter is corrected
	Problems   int `json:"problems"`     // besides duplicates
	Duplicates int `json:"duplicates"`   // rows repeating an earlier row or someone in the workshop
	Ignored    int `json:"ignored"`
}

// importProblem is one problem with a row, as the importer found it.
type importProblem struct {
	Row      int    `json:"row"`
	Field    string `json:"field,omitempty"`
	Kind     string `json:"kind"`
	Message  string `json:"message"`
	Blocking bool   `json:"blocking"`

	text string // "row 12, email: …"
}

// importDuplicate is a row repeating an earlier row of the file or a
// participant of the workshop, and what is done with it.
type importDuplicate struct {
	Row           int    `json:"row"`
	Match         string `json:"match"`                    // "same email", "same name and organisation", "identical"
	FileRow       int    `json:"file_row,omitempty"`       // the earlier row it repeats
	ParticipantID string `json:"participant_id,omitempty"` // the participant already in the workshop
	Participant   string `json:"participant,omitempty"`    // their name
	Badge         string `json:"badge_code,omitempty"`     // their badge code
	Choice        string `json:"choice"`
}

// importRow is a row with a reason: ignored, or skipped by the import.
type importRow struct {
	Row    int    `json:"row"`
	Reason string `json:"reason"`
}

// importSummary is what --yes did.
type importSummary struct {
	Added        int         `json:"added"`
	Updated      int         `json:"updated"`
	Unchanged    int         `json:"unchanged"`
	Skipped      []importRow `json:"skipped"`
	Participants int         `json:"participants"` // in the workshop now
}

// newImportReport describes the preview p of the file t for workshop w,
// which has n participants.
func newImportReport(t *importer.Table, p *importer.Preview, w store.Workshop, n int) *importReport {
	rep := &importReport{
		File: importFileInfo{Name: t.Name, Format: string(t.Format), Encoding: t.Encoding, Sheet: t.Sheet,
			Sheets: t.Sheets, HeaderRow: headerRowNum(t, p.Mapping)},
		Workshop: w.Code, Mapping: []importColumn{}, Unmapped: []importColumn{}, Warnings: orEmpty(p.Warnings),
		Problems: []importProblem{}, Duplicates: []importDuplicate{}, Ignored: []importRow{}, participants: n,
	}
	if t.Delimiter != 0 {
		rep.File.Delimiter = string(t.Delimiter)
	}
	if rep.File.HeaderRow == 0 {
		rep.Warnings = append(rep.Warnings, "no header row found: every row is read as a person; map the columns by letter, e.g. --map given_names=A,family_name=B")
	}

	// The mapping, in the order of the columns, then the columns not read.
	mapped := map[int]bool{}
	for _, fld := range importer.Fields {
		if col, ok := p.Mapping.Column(fld); ok {
			mapped[col] = true
			rep.Mapping = append(rep.Mapping, importColumn{Field: string(fld), Column: importer.ColumnName(col),
				Heading: heading(t, p.Mapping, col), index: col})
		}
	}
	slices.SortFunc(rep.Mapping, func(a, b importColumn) int { return cmp.Compare(a.index, b.index) })
	if rep.File.HeaderRow > 0 {
		for col := range t.Width() {
			if h := heading(t, p.Mapping, col); !mapped[col] && h != "" {
				rep.Unmapped = append(rep.Unmapped, importColumn{Column: importer.ColumnName(col), Heading: h, index: col})
			}
		}
	}

	tally := p.Tally()
	rep.Counts = importCounts{Rows: tally.Rows, Add: tally.Add, Update: tally.Update, Unchanged: tally.Unchanged, Skip: tally.Skip,
		Blocked: tally.Blocked, Ignored: len(p.Ignored)}
	for _, r := range p.Rows {
		for _, pr := range r.Problems {
			if pr.Kind == importer.DuplicateInFile || pr.Kind == importer.AlreadyInWorkshop {
				continue
			}
			rep.Problems = append(rep.Problems, importProblem{Row: pr.Row, Field: string(pr.Field), Kind: string(pr.Kind),
				Message: pr.Message, Blocking: pr.Blocking, text: pr.Error()})
		}
		if r.Has(importer.LostCharacters) && r.Choice == importer.Skip && !r.Blocked() {
			rep.Counts.Lost++
		}
		if d, ok := duplicateOf(r); ok {
			rep.Duplicates = append(rep.Duplicates, d)
		}
	}
	rep.Counts.Problems, rep.Counts.Duplicates = len(rep.Problems), len(rep.Duplicates)
	for _, ig := range p.Ignored {
		rep.Ignored = append(rep.Ignored, importRow{ig.Row, ig.Reason})
	}
	return rep
}

// headerRowNum returns the row number of the header, 0 when there is none.
func headerRowNum(t *importer.Table, m importer.Mapping) int {
	if m.HeaderRow < 0 || m.HeaderRow >= len(t.Rows) {
		return 0
	}
	return t.Rows[m.HeaderRow].Num
}

// heading returns the heading of column col, spaces cleaned.
func heading(t *importer.Table, m importer.Mapping, col int) string {
	if m.HeaderRow < 0 {
		return ""
	}
	return strings.Join(strings.Fields(t.Cell(m.HeaderRow, col)), " ")
}

// duplicateOf describes whom row r repeats, if anyone.
func duplicateOf(r *importer.RowPreview) (importDuplicate, bool) {
	d := r.Duplicate
	if r.Blocked() || !d.Any() {
		return importDuplicate{}, false
	}
	out := importDuplicate{Row: r.Row, Choice: string(r.Choice)}
	if r.Unchanged() {
		out.Choice = "unchanged"
	}
	if d.FileRow != 0 {
		out.FileRow, out.Match = d.FileRow, string(d.InFile)
		if d.Exact {
			out.Match = "identical"
		}
	}
	if e := d.Existing; e != nil {
		out.ParticipantID, out.Participant, out.Badge = e.ID.String(), e.FullName(), e.BadgeCode
		if out.Match == "" {
			out.Match = string(d.InWorkshop)
		}
	}
	return out, true
}

// String describes the duplicate in one line: "row 63: same email as
// row 12 → skip".
func (d importDuplicate) String() string {
	var what string
	switch {
	case d.FileRow != 0 && d.Match == "identical":
		what = fmt.Sprintf("repeats row %d exactly", d.FileRow)
	case d.FileRow != 0:
		what = fmt.Sprintf("%s as row %d", d.Match, d.FileRow)
	default:
		what = fmt.Sprintf("already in the workshop as %s, badge %s (%s)", d.Participant, d.Badge, d.Match)
	}
	return fmt.Sprintf("row %d: %s → %s", d.Row, what, d.Choice)
}

// printImport prints the report for people.
func (c *cli) printImport(rep *importReport) {
	f := rep.File
	desc := []string{strings.ToUpper(f.Format)}
	switch f.Format {
	case string(importer.CSV):
		desc = append(desc, f.Encoding, delimiterName(f.Delimiter))
	case string(importer.XLSX):
		s := fmt.Sprintf("sheet %q", f.Sheet)
		if len(f.Sheets) > 1 {
			q := make([]string, len(f.Sheets))
			for i, name := range f.Sheets {
				q[i] = fmt.Sprintf("%q", name)
			}
			s += fmt.Sprintf(" of %d: %s", len(f.Sheets), strings.Join(q, ", "))
		}
		desc = append(desc, s)
	}
	if f.HeaderRow > 0 {
		desc = append(desc, fmt.Sprintf("header on row %d", f.HeaderRow))
	}
	c.printf("File: %s (%s)\n", f.Name, strings.Join(desc, ", "))
	c.printf("Workshop: %s, %s\n", rep.Workshop, plural(rep.participants, "participant"))
	for _, w := range rep.Warnings {
		c.printf("Warning: %s\n", cleanCell(w))
	}

	c.printf("\nMapping (change it with --map field=Header):\n")
	if len(rep.Mapping) == 0 {
		c.printf("  no column is mapped\n")
	}
	t := newTable()
	for _, m := range rep.Mapping {
		from := m.Column
		if m.Heading != "" {
			from = fmt.Sprintf("%q (%s)", m.Heading, m.Column)
		}
		t.add("  "+m.Field, "← "+from)
	}
	t.write(c.stdout)
	if len(rep.Unmapped) > 0 {
		q := make([]string, len(rep.Unmapped))
		for i, u := range rep.Unmapped {
			q[i] = fmt.Sprintf("%q (%s)", u.Heading, u.Column)
		}
		c.printf("  not imported: %s\n", cleanCell(strings.Join(q, ", ")))
	}

	n := rep.Counts
	unchanged := ""
	if n.Unchanged > 0 {
		unchanged = fmt.Sprintf(", %d unchanged", n.Unchanged)
	}
	c.printf("\n%s: %d to add, %d to update%s, %d to skip; %s",
		plural(n.Rows, "row"), n.Add, n.Update, unchanged, n.Skip, plural(n.Problems, "problem"))
	var why []string
	if n.Blocked > 0 {
		why = append(why, plural(n.Blocked, "row")+" cannot be imported as written")
	}
	if n.Lost > 0 {
		why = append(why, `names with a "?" for a lost letter are skipped until corrected`)
	}
	if len(why) == 0 && n.Problems > 0 {
		why = append(why, "warnings: the rows are imported")
	}
	if len(why) > 0 {
		c.printf(" (%s)", strings.Join(why, "; "))
	}
	c.printf("\n")

	section := func(title string, lines []string) {
		if len(lines) == 0 {
			return
		}
		c.printf("\n%s:\n", title)
		for _, l := range lines {
			c.printf("  %s\n", cleanCell(l))
		}
	}
	var lines []string
	for _, pr := range rep.Problems {
		l := pr.text
		if pr.Blocking {
			l += " (the row is skipped)"
		}
		lines = append(lines, l)
	}
	section("Problems", lines)
	lines = lines[:0]
	inFile := 0
	for _, d := range rep.Duplicates {
		lines = append(lines, d.String())
		if d.FileRow != 0 {
			inFile++
		}
	}
	section(fmt.Sprintf("Duplicates (%d within the file, %d already in the workshop)", inFile, len(rep.Duplicates)-inFile), lines)
	lines = lines[:0]
	for _, ig := range rep.Ignored {
		lines = append(lines, fmt.Sprintf("row %d: %s", ig.Row, ig.Reason))
	}
	section("Ignored rows", lines)

	s := rep.Summary
	if s == nil {
		c.printf("\nnothing written; run again with --yes to import\n")
		return
	}
	unchanged = ""
	if s.Unchanged > 0 {
		unchanged = fmt.Sprintf(", %d unchanged", s.Unchanged)
	}
	c.printf("\nImported into %s: %d added, %d updated%s, %d skipped; %s now has %s\n",
		rep.Workshop, s.Added, s.Updated, unchanged, len(s.Skipped), rep.Workshop, plural(s.Participants, "participant"))
	lines = lines[:0]
	for _, sk := range s.Skipped {
		lines = append(lines, fmt.Sprintf("row %d: %s", sk.Row, sk.Reason))
	}
	section("Skipped", lines)
}

// delimiterName names a CSV delimiter in words.
func delimiterName(d string) string {
	switch d {
	case ",":
		return "comma-separated"
	case ";":
		return "semicolon-separated"
	case "\t":
		return "tab-separated"
	case "|":
		return "separated by |"
	}
	return fmt.Sprintf("separated by %q", d)
}
