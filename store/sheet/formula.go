package sheet

import "strings"

// formulaStarts are the characters that make a spreadsheet program read a
// CSV field as a formula (or, for tab and carriage return, that hide one
// after them).
const formulaStarts = "=+-@\t\r"

// startsFormula reports whether s, after any apostrophes, begins with a
// character that starts a formula.
func startsFormula(s string) bool {
	s = strings.TrimLeft(s, "'")
	return s != "" && strings.IndexByte(formulaStarts, s[0]) >= 0
}

// EscapeFormula returns a text cell as WriteCSV writes it: when it begins
// with =, +, -, @, a tab or a carriage return, after any apostrophes, with
// one more apostrophe in front, as OWASP recommends against formula
// injection, so that "=HYPERLINK(…)" is shown as text rather than run;
// otherwise unchanged. UnescapeFormula undoes it exactly.
func EscapeFormula(s string) string {
	if startsFormula(s) {
		return "'" + s
	}
	return s
}

// UnescapeFormula undoes EscapeFormula: a cell of apostrophes followed by
// a character that starts a formula loses one apostrophe; any other cell
// is unchanged ("'quoted", "O'Brien"). The importer applies it to CSV
// files, so that an exported list reads back exactly as it was.
func UnescapeFormula(s string) string {
	if strings.HasPrefix(s, "'") && startsFormula(s) {
		return s[1:]
	}
	return s
}
