package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store"
)

// printJSON writes v to standard output as indented JSON. Lists are printed
// as arrays even when empty, never as null.
func (c *cli) printJSON(v any) error {
	enc := json.NewEncoder(c.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("write JSON: %w", err)
	}
	return nil
}

// printf writes human-readable output. The text of the arguments (names,
// titles, messages) is made safe for a terminal with cleanCell: a name
// holding an escape sequence must not ring the bell or clear the screen.
func (c *cli) printf(format string, args ...any) {
	for i, a := range args {
		switch v := a.(type) {
		case string:
			args[i] = cleanCell(v)
		case error:
			args[i] = cleanCell(v.Error())
		case fmt.Stringer:
			args[i] = cleanCell(v.String())
		}
	}
	fmt.Fprintf(c.stdout, format, args...)
}

// cleanCell returns s fit to print on a terminal: line breaks and tabs
// become spaces, and other control characters (C0, C1, DEL) and
// bidirectional embeddings, overrides and isolates, which could run
// terminal commands or show text in a misleading order, become U+FFFD (�).
func cleanCell(s string) string {
	if !strings.ContainsFunc(s, unsafeRune) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\r' || r == '\t':
			return ' '
		case unsafeRune(r):
			return '\uFFFD'
		}
		return r
	}, s)
}

// unsafeRune reports whether r is a control or bidirectional control
// character.
func unsafeRune(r rune) bool {
	return unicode.IsControl(r) || r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069
}

// table is a table of text aligned in columns by their width on a terminal.
// Unlike text/tabwriter, which counts every character as one column, it
// counts East Asian wide characters (李伟) as two and combining marks as
// none, so that the columns after a native name stay aligned.
type table struct {
	header []string
	rows   [][]string
	right  map[int]bool // columns aligned to the right (numbers)
}

// newTable returns an empty table with the given column headings; with
// none, the table has no heading line.
func newTable(header ...string) *table {
	return &table{header: header, right: map[int]bool{}}
}

// alignRight aligns the given columns (counted from 0) to the right.
func (t *table) alignRight(cols ...int) *table {
	for _, i := range cols {
		t.right[i] = true
	}
	return t
}

// add appends a row, made safe for a terminal (see cleanCell): line
// breaks and tabs in cells become spaces.
func (t *table) add(cells ...string) {
	row := make([]string, len(cells))
	for i, s := range cells {
		row[i] = cleanCell(s)
	}
	t.rows = append(t.rows, row)
}

// write prints the table: columns two spaces apart, no trailing spaces.
func (t *table) write(w io.Writer) error {
	all := t.rows
	if len(t.header) > 0 {
		all = append([][]string{t.header}, t.rows...)
	}
	var widths []int
	for _, row := range all {
		for i, cell := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(cell))
		}
	}
	var b strings.Builder
	for _, row := range all {
		var line strings.Builder
		for i, cell := range row {
			pad := strings.Repeat(" ", widths[i]-displayWidth(cell))
			if i > 0 {
				line.WriteString("  ")
			}
			if t.right[i] {
				line.WriteString(pad + cell)
			} else {
				line.WriteString(cell + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// wideRunes are the East Asian wide and fullwidth characters, which take
// two columns on a terminal: Hangul, CJK, kana, fullwidth forms, emoji.
var wideRunes = &unicode.RangeTable{
	R16: []unicode.Range16{
		{Lo: 0x1100, Hi: 0x115f, Stride: 1}, {Lo: 0x2e80, Hi: 0x303e, Stride: 1},
		{Lo: 0x3041, Hi: 0x33ff, Stride: 1}, {Lo: 0x3400, Hi: 0x4dbf, Stride: 1},
		{Lo: 0x4e00, Hi: 0x9fff, Stride: 1}, {Lo: 0xa000, Hi: 0xa4cf, Stride: 1},
		{Lo: 0xac00, Hi: 0xd7a3, Stride: 1}, {Lo: 0xf900, Hi: 0xfaff, Stride: 1},
		{Lo: 0xfe30, Hi: 0xfe4f, Stride: 1}, {Lo: 0xff00, Hi: 0xff60, Stride: 1},
		{Lo: 0xffe0, Hi: 0xffe6, Stride: 1},
	},
	R32: []unicode.Range32{
		{Lo: 0x1f300, Hi: 0x1f64f, Stride: 1}, {Lo: 0x1f900, Hi: 0x1f9ff, Stride: 1},
		{Lo: 0x20000, Hi: 0x3fffd, Stride: 1},
	},
}

// displayWidth returns the number of terminal columns s takes.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
		case unicode.Is(wideRunes, r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// dateRange formats a workshop's dates as "2026-11-25 – 2026-11-27", or one
// date for a one-day workshop.
func dateRange(start, end store.Date) string {
	if start == end {
		return start.String()
	}
	return start.String() + " – " + end.String()
}

// countryName returns the English name of a country code, or the code
// itself when it is unknown.
func countryName(code string) string {
	if name, ok := store.CountryName(code); ok {
		return name
	}
	return code
}

// yesNo returns "yes" or "no".
func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

// plural returns "1 session", "2 sessions".
func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("%d %s", n, noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// byteSize formats a size in bytes for people: "812 B", "48 KiB", "1.3 MiB".
func byteSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, prefixes := float64(n)/unit, "KMGTPE"
	i := 0
	for ; v >= unit && i < len(prefixes)-1; i++ {
		v /= unit
	}
	if v < 10 {
		return fmt.Sprintf("%.1f %ciB", v, prefixes[i])
	}
	return fmt.Sprintf("%.0f %ciB", v, prefixes[i])
}
