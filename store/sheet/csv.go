package sheet

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"io"
	"strings"
)

// bom is the UTF-8 byte order mark. Excel reads a CSV file without it in
// the system's 8-bit code page, which garbles accents and every other
// script; with it, Excel, LibreOffice and Numbers all read UTF-8.
const bom = "\uFEFF"

// WriteCSV writes t as CSV: UTF-8 with a byte order mark, comma-separated,
// lines ending in CRLF, fields quoted as RFC 4180 says (when they hold a
// comma, a quote or a line break, or begin with a space; a line break
// within a cell is written CRLF too). The header is the first line, if
// there is one, and every line has as many fields as the widest row.
// Numbers are plain text ("1234.5", "-2"), dates ISO ("2027-05-04",
// "2027-05-04 09:30"); empty cells are empty fields. Text that a
// spreadsheet would run as a formula ("=HYPERLINK(…)", "+1", "@SUM(…)")
// gets a leading apostrophe: see EscapeFormula.
func WriteCSV(w io.Writer, t Table) error { return WriteCSVDelimited(w, t, ',') }

// WriteCSVDelimited writes t as WriteCSV does, with the fields separated
// by delim: ',' or '\t', or ';' for Excel set to a language that writes
// decimals with a comma (French, Spanish, German…), which splits CSV lines
// at semicolons; with ';' a decimal number is written with a comma too
// ("1234,5"), as that Excel reads it.
func WriteCSVDelimited(w io.Writer, t Table, delim rune) error {
	if delim != ',' && delim != ';' && delim != '\t' {
		return fmt.Errorf("write CSV: %q is not a delimiter; use a comma, a semicolon or a tab", delim)
	}
	rows, err := cells(t)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.WriteString(bom); err != nil {
		return err
	}
	cw := csv.NewWriter(bw)
	cw.Comma = delim
	cw.UseCRLF = true
	// CSV readers (encoding/csv among them) expect the same number of
	// fields on every line.
	width := t.width()
	rec := make([]string, width)
	if len(t.Header) > 0 {
		clear(rec)
		for i, h := range t.Header {
			rec[i] = EscapeFormula(h)
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	for _, row := range rows {
		clear(rec)
		for i, c := range row {
			rec[i] = c.String()
			if c.kind == kindFloat && delim == ';' {
				rec[i] = strings.Replace(rec[i], ".", ",", 1)
			}
			if c.kind == kindText {
				rec[i] = EscapeFormula(rec[i])
			}
		}
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	return bw.Flush()
}
