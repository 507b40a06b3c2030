package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// delimiters are the separators tried, in order of preference on a tie.
var delimiters = []rune{',', ';', '\t', '|'}

// sniffRecords is how many records delimiter detection looks at.
const sniffRecords = 30

// readCSV decodes and parses a CSV file.
func readCSV(data []byte) (*Table, error) {
	text, enc, err := decodeText(data)
	if err != nil {
		return nil, err
	}
	// Old Mac files end lines with CR alone, which encoding/csv does not
	// take as a line end.
	if bytes.IndexByte(text, '\r') >= 0 && bytes.IndexByte(text, '\n') < 0 {
		text = bytes.ReplaceAll(text, []byte{'\r'}, []byte{'\n'})
	}
	delim, text := sepLine(text)
	if onlySeparators(text) {
		return nil, ErrEmpty
	}
	if delim == 0 {
		delim = detectDelimiter(text)
	}
	rows, err := parseCSV(text, delim, false, -1)
	var pe *csv.ParseError
	if errors.As(err, &pe) && (errors.Is(pe.Err, csv.ErrQuote) || errors.Is(pe.Err, csv.ErrBareQuote)) {
		// A stray quote, as in `Cheikh "Anta" Diop` unquoted: read quotes
		// leniently rather than refuse the file.
		rows, err = parseCSV(text, delim, true, -1)
	}
	if err != nil {
		return nil, fmt.Errorf("this CSV file cannot be read: %w", err)
	}
	if len(rows) == 0 {
		return nil, ErrEmpty
	}
	if err := checkRows(rows, ""); err != nil {
		return nil, err
	}
	// Our CSV export puts an apostrophe before text that a spreadsheet
	// would run as a formula; take exactly that one off again.
	for _, r := range rows {
		for i, c := range r.Cells {
			r.Cells[i] = sheet.UnescapeFormula(c)
		}
	}
	return &Table{Format: CSV, Encoding: enc, Delimiter: delim, Rows: rows}, nil
}

// sepLine recognises Excel's "sep=;" first line, which names the
// delimiter. Excel does not show that line, so it is dropped and the next
// line is row 1.
func sepLine(text []byte) (rune, []byte) {
	line, rest, _ := bytes.Cut(text, []byte{'\n'})
	line = bytes.TrimRight(line, "\r")
	if len(line) == 5 && bytes.EqualFold(line[:4], []byte("sep=")) {
		for _, d := range delimiters {
			if rune(line[4]) == d {
				return d, rest
			}
		}
	}
	return 0, text
}

// onlySeparators reports whether text holds nothing but spaces, line
// breaks, delimiters and quotes.
func onlySeparators(text []byte) bool {
	return len(bytes.TrimFunc(text, func(r rune) bool {
		return unicode.IsSpace(r) || r == '"' || slices.Contains(delimiters, r)
	})) == 0
}

// detectDelimiter chooses the delimiter that splits the first records into
// the most rows of one same number (at least two) of fields. Quotes are
// honoured, so a comma inside "Diop, Moussa" does not count.
func detectDelimiter(text []byte) rune {
	best, bestN, bestW := delimiters[0], 0, 0
	for _, d := range delimiters {
		rows, _ := parseCSV(text, d, true, sniffRecords)
		counts := map[int]int{}
		for _, r := range rows {
			if w := len(trimEmptyTail(r.Cells)); w >= 2 {
				counts[w]++
			}
		}
		n, w := 0, 0
		for width, c := range counts {
			if c > n || c == n && width > w {
				n, w = c, width
			}
		}
		if n > bestN || n == bestN && w > bestW {
			best, bestN, bestW = d, n, w
		}
	}
	return best
}

// trimEmptyTail drops the empty cells at the end of a row, which Excel
// pads rows with.
func trimEmptyTail(cells []string) []string {
	for len(cells) > 0 && strings.TrimSpace(cells[len(cells)-1]) == "" {
		cells = cells[:len(cells)-1]
	}
	return cells
}

// parseCSV reads up to limit non-blank records (all when limit < 0),
// numbering them as a spreadsheet numbers rows: blank lines count, and a
// record whose quoted fields span several lines counts once.
func parseCSV(text []byte, delim rune, lazy bool, limit int) ([]Row, error) {
	r := csv.NewReader(bytes.NewReader(text))
	r.Comma = delim
	r.FieldsPerRecord = -1
	r.LazyQuotes = lazy
	var rows []Row
	num, lastLine := 0, 0 // spreadsheet row number; file line where the previous record ended
	for limit < 0 || len(rows) < limit {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return rows, err
		}
		line, _ := r.FieldPos(0)
		num += line - lastLine // blank lines skipped by csv.Reader are rows too
		lastLine = line
		for _, f := range rec {
			lastLine += strings.Count(f, "\n")
		}
		if !blank(rec) {
			rows = append(rows, Row{Num: num, Cells: rec})
		}
	}
	return rows, nil
}

// blank reports whether every cell is empty or only spaces.
func blank(cells []string) bool {
	for _, c := range cells {
		if clean(c) != "" {
			return false
		}
	}
	return true
}
