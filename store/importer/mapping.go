package importer

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// Mapping says where each field is read from: the header row and, for
// each mapped field, a column. It is a plain value: Suggest proposes one,
// and the user changes it with Set, Unset or Apply before the preview.
type Mapping struct {
	// HeaderRow is the index in Table.Rows of the header row; the rows
	// after it are data. -1 means the file has no header: every row is
	// data.
	HeaderRow int
	// Columns gives the column (from 0) of each mapped field.
	Columns map[Field]int
}

// Column returns the column of f and whether f is mapped.
func (m Mapping) Column(f Field) (int, bool) {
	c, ok := m.Columns[f]
	return c, ok
}

// HasName reports whether a column is mapped to a name (full, given or
// family): without one no row can be imported.
func (m Mapping) HasName() bool {
	_, full := m.Columns[FullName]
	_, given := m.Columns[GivenNames]
	_, family := m.Columns[FamilyNames]
	return full || given || family
}

// Set reads f from column col (from 0). A column fills one field only, so
// a field previously read from col is unmapped.
func (m *Mapping) Set(f Field, col int) {
	if m.Columns == nil {
		m.Columns = map[Field]int{}
	}
	for g, c := range m.Columns {
		if c == col {
			delete(m.Columns, g)
		}
	}
	m.Columns[f] = col
}

// Unset leaves f unmapped: it is not imported.
func (m *Mapping) Unset(f Field) { delete(m.Columns, f) }

// String lists the mapping as "field=column" pairs in field order, with
// the column's heading when there is one, or else its number from 1; the
// result can be given back to Apply.
func (m Mapping) String() string { return strings.Join(m.specs(nil), ", ") }

// Describe is String with the headings of t.
func (m Mapping) Describe(t *Table) string { return strings.Join(m.specs(t), ", ") }

func (m Mapping) specs(t *Table) []string {
	var out []string
	for _, f := range Fields {
		c, ok := m.Columns[f]
		if !ok {
			continue
		}
		col := strconv.Itoa(c + 1)
		if t != nil && m.HeaderRow >= 0 {
			if h := clean(t.Cell(m.HeaderRow, c)); h != "" {
				col = h
			}
		}
		out = append(out, string(f)+"="+col)
	}
	return out
}

// Apply changes the mapping from "field=column" specifications, as given
// to workshopctl import --map: field is a field name or any heading
// ParseField knows ("email", "first name", "Prénom"); column is the
// heading of a column of t (case, accents and punctuation ignored), its
// number from 1, or its letter as a spreadsheet shows it ("C"). An empty
// column ("notes=") unmaps the field.
func (m *Mapping) Apply(t *Table, specs ...string) error {
	for _, spec := range specs {
		name, col, ok := strings.Cut(spec, "=")
		if !ok {
			return fmt.Errorf("mapping %q: write it as field=column, e.g. email=Courriel", spec)
		}
		f, err := ParseField(strings.TrimSpace(name))
		if err != nil {
			return fmt.Errorf("mapping %q: %w", spec, err)
		}
		col = strings.TrimSpace(col)
		if col == "" {
			m.Unset(f)
			continue
		}
		c, err := m.findColumn(t, col)
		if err != nil {
			return fmt.Errorf("mapping %q: %w", spec, err)
		}
		m.Set(f, c)
	}
	return nil
}

// findColumn finds a column by heading, number or letter.
func (m Mapping) findColumn(t *Table, col string) (int, error) {
	var headings []string
	if m.HeaderRow >= 0 && m.HeaderRow < len(t.Rows) {
		headings = t.Rows[m.HeaderRow].Cells
		for i, h := range headings {
			if clean(h) == col {
				return i, nil
			}
		}
		for i, h := range headings {
			if k := compact(h); k != "" && k == compact(col) {
				return i, nil
			}
		}
	}
	width := t.Width()
	if n, err := strconv.Atoi(strings.TrimPrefix(col, "#")); err == nil {
		if n < 1 || n > width {
			return 0, fmt.Errorf("there is no column %d; the file has %d", n, width)
		}
		return n - 1, nil
	}
	if n, ok := columnLetter(col); ok && n < width {
		return n, nil
	}
	q := make([]string, 0, len(headings))
	for _, h := range headings {
		if h = clean(h); h != "" {
			q = append(q, strconv.Quote(h))
		}
	}
	if len(q) == 0 {
		return 0, fmt.Errorf("no column %q; the file has no header, give the column's number (1 to %d) or letter", col, width)
	}
	return 0, fmt.Errorf("no column %q; columns are %s", col, strings.Join(q, ", "))
}

// columnLetter reads a spreadsheet column name ("A", "AB") as an index.
func columnLetter(s string) (int, bool) {
	if s == "" || len(s) > 3 {
		return 0, false
	}
	n := 0
	for _, r := range strings.ToUpper(s) {
		if r < 'A' || r > 'Z' {
			return 0, false
		}
		n = n*26 + int(r-'A'+1)
	}
	return n - 1, true
}

// ColumnName returns the spreadsheet name of column col (from 0): "A",
// "B", … "AA".
func ColumnName(col int) string {
	var b []byte
	for col++; col > 0; col = (col - 1) / 26 {
		b = append(b, byte('A'+(col-1)%26))
	}
	slices.Reverse(b)
	return string(b)
}

// Suggest proposes a mapping for t: it finds the header row (FindHeader)
// and maps each column whose heading it recognises, in English, French or
// Spanish, ignoring case, accents, punctuation and spacing, by whole
// heading or by its words (see matchHeader). Ambiguous headings are settled from the others:
// "Title" is the honorific when its values look like "Mr.", "Mme", "Dra."
// and the position otherwise; "Name" is the full name, or the given names
// beside a family-name column; French "Nom" is the family name beside a
// given-name column and Spanish "Nombre" the given names beside a
// family-name column, and either is otherwise the full name. Without a
// header the mapping is empty: map the columns by number. When two
// columns name the same field, one holding values beats one left empty
// (the "Name" and "Email" columns of an anonymous Microsoft Form), then a
// known heading beats an ambiguous one and a keyword match, then the
// leftmost wins. A column named for the email whose cells hold text but
// no address ("anonymous") is not mapped, nor a heading beginning with "_"
// (KoboToolbox's "_id", "_notes", "_submission_time").
func Suggest(t *Table) Mapping {
	m := Mapping{HeaderRow: FindHeader(t), Columns: map[Field]int{}}
	if m.HeaderRow < 0 {
		return m
	}
	type cand struct {
		headerMatch
		col   int
		title bool
		empty bool // no value below the header
	}
	var cands []cand
	for col, h := range t.Rows[m.HeaderRow].Cells {
		if strings.HasPrefix(strings.TrimSpace(h), "_") {
			continue // KoboToolbox's own columns: "_id", "_notes", "_submission_time"
		}
		hm, ok := matchHeader(clean(h))
		if !ok {
			continue
		}
		filled, addresses := columnValues(t, m.HeaderRow, col)
		if hm.field == Email && filled && !addresses {
			continue // text and no address: Microsoft Forms' "anonymous"
		}
		c := cand{headerMatch: hm, col: col, empty: !filled || hm.field == Email && !addresses}
		if hm.ambiguous && hm.field == Honorific {
			c.title = true
			if !honorificValues(t, m.HeaderRow, col) {
				c.field = Position
			}
		}
		cands = append(cands, c)
	}
	has := func(f Field) bool {
		for _, c := range cands {
			if c.field == f && !c.ambiguous {
				return true
			}
		}
		return false
	}
	given, family := has(GivenNames), has(FamilyNames)
	for i, c := range cands {
		if !c.ambiguous || c.title {
			continue
		}
		switch {
		case c.field == FullName && family && !given:
			cands[i].field = GivenNames // "Name" beside "Surname"
		case c.field == FullName && given && !family:
			cands[i].field = FamilyNames // "First name" beside "Name"
		case c.field == GivenNames && !family, c.field == FamilyNames && !given:
			cands[i].field = FullName // "Nombre" or "Nom" alone
		}
	}
	// Columns with values first, then known headings (an ambiguous one
	// last), then left to right.
	rank := func(c cand) int {
		r := 0
		if c.empty {
			r += 4 // an online form's own "Name" and "Email" when it is anonymous
		}
		switch {
		case !c.exact:
			r += 2
		case c.ambiguous:
			r++
		}
		return r
	}
	slices.SortStableFunc(cands, func(a, b cand) int {
		if d := rank(a) - rank(b); d != 0 {
			return d
		}
		return a.col - b.col
	})
	for _, c := range cands {
		if _, taken := m.Columns[c.field]; !taken {
			m.Columns[c.field] = c.col
		}
	}
	_, g := m.Columns[GivenNames]
	_, f := m.Columns[FamilyNames]
	if g && f {
		delete(m.Columns, FullName) // two name columns say more than one
	}
	return m
}

// columnValues reports whether column col holds any text below the
// header, and any email address.
func columnValues(t *Table, header, col int) (filled, addresses bool) {
	for i := header + 1; i < len(t.Rows) && !addresses; i++ {
		if v := clean(t.Cell(i, col)); v != "" {
			filled, addresses = true, strings.Contains(v, "@")
		}
	}
	return filled, addresses
}

// honorificValues reports whether most filled cells of column col below
// the header look like honorifics ("Mr.", "Mme", "Dra.", "H.E.").
func honorificValues(t *Table, header, col int) bool {
	n, hon := 0, 0
	for i := header + 1; i < len(t.Rows) && n < 50; i++ {
		v := clean(t.Cell(i, col))
		if v == "" {
			continue
		}
		n++
		if isHonorific(v) {
			hon++
		}
	}
	return n == 0 || hon*2 >= n
}
