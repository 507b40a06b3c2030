package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// MaxFileSize is the largest file Read accepts. A participant list of
// 100,000 people is about 20 MB; anything much larger is the wrong file.
const MaxFileSize = 64 << 20

// Limits on what Read accepts, checked before a workbook is expanded: a
// list beyond them is not a participant list but a wrong, damaged or
// forged file, and is refused with a message naming the limit.
const (
	// MaxPartSize is the most bytes an XLSX workbook may expand to: each
	// of its parts, and all of them together.
	MaxPartSize = 200 << 20
	// MaxRows is the most rows with data a file may hold: a participant
	// list, or the attendance sheet of a 5,000 × 30 workshop (150,000 marks).
	MaxRows = 200_000
	// MaxCellLength is the most characters a cell may hold: Excel's own
	// limit.
	MaxCellLength = 32_767
)

// ErrEmpty means the file holds no filled cell at all.
var ErrEmpty = errors.New("the file is empty")

// ErrUnknownFormat means the file is neither CSV (text) nor XLSX. The
// error returned by Read wraps it and says what the file looks like.
var ErrUnknownFormat = errors.New("this is not a CSV or XLSX file")

// Format is the kind of file a Table was read from.
type Format string

// The formats Read understands.
const (
	CSV  Format = "csv"
	XLSX Format = "xlsx"
)

// Row is one non-blank row of a file.
type Row struct {
	// Num is the row number as a spreadsheet program shows it, from 1.
	// Blank rows are left out of Table.Rows but still counted, and a
	// quoted CSV field spanning several lines is one row, as in Excel.
	Num int
	// Cells holds the text of each cell, as read (XLSX: as displayed).
	Cells []string
}

// Table is the content of a participant list before any interpretation:
// rows of text cells, with what was learnt about the file on the way.
type Table struct {
	Name      string   // the file name given to Read, for messages
	Format    Format   // CSV or XLSX, found from the content
	Encoding  string   // CSV: "UTF-8", "UTF-8 with BOM", "UTF-16LE", "UTF-16BE" or "Windows-1252"
	Delimiter rune     // CSV: ',', ';', '\t' or '|'
	Sheet     string   // XLSX: the sheet that was read
	Sheets    []string // XLSX: every sheet of the workbook, in order
	Rows      []Row    // the non-blank rows, in file order
}

// Width returns the number of columns of the widest row.
func (t *Table) Width() int {
	w := 0
	for _, r := range t.Rows {
		w = max(w, len(r.Cells))
	}
	return w
}

// Cell returns the text in column col (from 0) of t.Rows[i], or "" when
// the row is shorter.
func (t *Table) Cell(i, col int) string {
	if i < 0 || i >= len(t.Rows) || col < 0 || col >= len(t.Rows[i].Cells) {
		return ""
	}
	return t.Rows[i].Cells[col]
}

// SheetError means the XLSX sheet asked for does not exist.
type SheetError struct {
	Sheet  string   // the sheet asked for
	Sheets []string // the sheets the workbook has
}

// Error lists the sheets there are.
func (e *SheetError) Error() string {
	q := make([]string, len(e.Sheets))
	for i, s := range e.Sheets {
		q[i] = fmt.Sprintf("%q", s)
	}
	return fmt.Sprintf("the XLSX sheet %q does not exist; sheets are: %s", e.Sheet, strings.Join(q, ", "))
}

// Read reads a participant list from r: CSV in any of the forms Excel and
// online forms produce, or XLSX (the first non-empty visible sheet). The
// format is found from the content, not from name, which only serves in
// messages. See ReadSheet to choose an XLSX sheet.
func Read(name string, r io.Reader) (*Table, error) {
	return ReadSheet(name, r, "")
}

// ReadSheet is Read with the XLSX sheet to read, by name (case and accents
// ignored when there is no exact match). An empty sheet means the first
// non-empty visible one. For a CSV file the sheet is ignored.
func ReadSheet(name string, r io.Reader, sheet string) (*Table, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(data) > MaxFileSize {
		return nil, fmt.Errorf("read %s: the file is larger than %d MB; that is not a participant list", name, MaxFileSize>>20)
	}
	t, err := parse(data, sheet)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	t.Name = name
	return t, nil
}

// ReadFile opens the file at path and reads it with ReadSheet.
func ReadFile(path, sheet string) (*Table, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read the spreadsheet: %w", err)
	}
	defer f.Close()
	return ReadSheet(filepath.Base(path), f, sheet)
}

// Sheets returns the names of the sheets of the XLSX workbook in r, in
// order; for a CSV file it returns none.
func Sheets(r io.Reader) ([]string, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("read workbook: %w", err)
	}
	if kind(data) != kindZip {
		return nil, nil
	}
	return xlsxSheets(data)
}

// checkRows refuses rows beyond MaxRows and cells beyond MaxCellLength,
// naming the row and column. sheet names the XLSX sheet; "" for CSV.
func checkRows(rows []Row, sheet string) error {
	what, at := "the file", ""
	if sheet != "" {
		what, at = sheet, sheet+", "
	}
	if len(rows) > MaxRows {
		return fmt.Errorf("%s has more than %s rows with data (row %d is one too many); a list may have at most %s",
			what, thousands(MaxRows), rows[MaxRows].Num, thousands(MaxRows))
	}
	for _, r := range rows {
		for i, c := range r.Cells {
			if len(c) > MaxCellLength && utf8.RuneCountInString(c) > MaxCellLength {
				return fmt.Errorf("%srow %d, column %s: the cell holds %s characters; a cell may hold at most %s (Excel's own limit)",
					at, r.Num, columnName(i), thousands(utf8.RuneCountInString(c)), thousands(MaxCellLength))
			}
		}
	}
	return nil
}

// columnName returns the spreadsheet name of column i (from 0): "A", "AB".
func columnName(i int) string {
	name, _ := excelize.ColumnNumberToName(i + 1)
	return name
}

// thousands formats n with commas between thousands: 32,767.
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// fileKind is what the first bytes of a file say it is.
type fileKind int

const (
	kindText fileKind = iota
	kindZip
	kindOLE
	kindBinary
)

// magics are the signatures of files people pick by mistake.
var magics = []struct {
	prefix, what string
}{
	{"\x89PNG\r\n\x1a\n", "a PNG image"},
	{"\xff\xd8\xff", "a JPEG image"},
	{"GIF8", "a GIF image"},
	{"%PDF-", "a PDF document"},
	{"{\\rtf", "an RTF document"},
	{"\x1f\x8b", "a gzip archive"},
	{"Rar!", "a RAR archive"},
	{"7z\xbc\xaf", "a 7-Zip archive"},
}

func kind(data []byte) fileKind {
	switch {
	case bytes.HasPrefix(data, []byte("PK\x03\x04")):
		return kindZip
	case bytes.HasPrefix(data, []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")):
		return kindOLE
	}
	for _, m := range magics {
		if bytes.HasPrefix(data, []byte(m.prefix)) {
			return kindBinary
		}
	}
	return kindText
}

// parse reads data as XLSX or CSV according to its content.
func parse(data []byte, sheet string) (*Table, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, ErrEmpty
	}
	switch kind(data) {
	case kindZip:
		return readXLSX(data, sheet)
	case kindOLE:
		return nil, fmt.Errorf("%w: it is an old Excel 97-2003 workbook (.xls) or a password-protected one; save it as .xlsx or as CSV UTF-8 and try again", ErrUnknownFormat)
	case kindBinary:
		for _, m := range magics {
			if bytes.HasPrefix(data, []byte(m.prefix)) {
				return nil, fmt.Errorf("%w: it is %s", ErrUnknownFormat, m.what)
			}
		}
	}
	return readCSV(data)
}
