package sheet

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Column widths, in Excel's units (about one digit of the default font).
const (
	minColWidth = 6
	maxColWidth = 60
	// filterRoom is the room for the autofilter button beside a heading.
	filterRoom = 3
)

// maxSheetName is the longest sheet name Excel accepts, in UTF-16 units.
const maxSheetName = 31

// maxCellText is the most characters an XLSX cell holds.
const maxCellText = 32_767

// WriteXLSX writes the tables as an XLSX workbook, one sheet per table in
// order, the first one active. Each sheet has its header in bold on the
// first row, frozen so that it stays in view, with an autofilter; numbers
// are number cells, dates and date-times are date cells shown as
// "2027-05-04" and "2027-05-04 09:30", text is text (a phone number or a
// badge code such as "0042" stays as written). Columns are as wide as their
// content, within limits.
//
// Sheet names follow Excel's rules: characters it forbids ([ ] : * ? / \)
// are replaced, names are cut to 31 characters, an empty name becomes
// "Sheet1", "Sheet2"… and repeated names (ignoring case) get " (2)", " (3)"…
func WriteXLSX(w io.Writer, tables ...Table) (err error) {
	if len(tables) == 0 {
		return errors.New("no table to write")
	}
	all := make([][][]cell, len(tables))
	for i, t := range tables {
		if all[i], err = cells(t); err != nil {
			return err
		}
	}
	f := excelize.NewFile()
	defer func() {
		if cerr := f.Close(); cerr != nil && err == nil {
			err = cerr
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return err
	}
	names := sheetNames(tables)
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), names[0])
		} else {
			_, err = f.NewSheet(names[i])
		}
		if err != nil {
			return fmt.Errorf("sheet %q: %w", names[i], err)
		}
		if err := writeSheet(f, names[i], t, all[i], st); err != nil {
			return fmt.Errorf("sheet %q: %w", names[i], err)
		}
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// styles are the cell styles of a workbook.
type styles struct {
	header, date, dateTime int
}

func newStyles(f *excelize.File) (styles, error) {
	var s styles
	var err error
	if s.header, err = f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}}); err != nil {
		return s, err
	}
	date, dateTime := dateNumFmt, dateTimeNumFmt
	if s.date, err = f.NewStyle(&excelize.Style{CustomNumFmt: &date}); err != nil {
		return s, err
	}
	s.dateTime, err = f.NewStyle(&excelize.Style{CustomNumFmt: &dateTime})
	return s, err
}

// writeSheet fills one sheet with t, whose cells are rows.
func writeSheet(f *excelize.File, sheet string, t Table, rows [][]cell, st styles) error {
	width := t.width()
	widths := make([]int, width)
	top := 1 // the spreadsheet row of rows[0]
	if len(t.Header) > 0 {
		top = 2
		for i, h := range t.Header {
			if err := f.SetCellStr(sheet, ref(i, 1), h); err != nil {
				return err
			}
			widths[i] = textWidth(h) + filterRoom
		}
		if err := f.SetCellStyle(sheet, ref(0, 1), ref(width-1, 1), st.header); err != nil {
			return err
		}
	}
	for r, row := range rows {
		for i, c := range row {
			at := ref(i, top+r)
			var err error
			switch c.kind {
			case kindEmpty:
				continue
			case kindText:
				// excelize would cut a longer text silently.
				if n := utf8.RuneCountInString(c.text); n > maxCellText {
					return fmt.Errorf("cell %s: the text is %d characters long, more than the %d an XLSX cell can hold; write a CSV file instead", at, n, maxCellText)
				}
				err = f.SetCellStr(sheet, at, c.text)
			case kindInt:
				err = f.SetCellInt(sheet, at, c.num)
			case kindFloat:
				err = f.SetCellFloat(sheet, at, c.f, -1, 64)
			case kindDate, kindDateTime:
				style := st.date
				if c.kind == kindDateTime {
					style = st.dateTime
				}
				if err = f.SetCellValue(sheet, at, c.t); err == nil {
					err = f.SetCellStyle(sheet, at, at, style)
				}
			}
			if err != nil {
				return err
			}
			widths[i] = max(widths[i], cellWidth(c))
		}
	}
	for i, w := range widths {
		col := colName(i)
		if err := f.SetColWidth(sheet, col, col, float64(min(max(w+1, minColWidth), maxColWidth))); err != nil {
			return err
		}
	}
	if width == 0 {
		return nil
	}
	// The used range, which some readers trust to know how far to read.
	last := ref(width-1, max(1, top+len(rows)-1))
	if err := f.SetSheetDimension(sheet, "A1:"+last); err != nil {
		return err
	}
	if len(t.Header) == 0 {
		return nil
	}
	err := f.SetPanes(sheet, &excelize.Panes{
		Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: "A2", ActiveCell: "A2", Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}
	return f.AutoFilter(sheet, "A1:"+last, nil)
}

// ref returns the reference of the cell in column col (from 0) and row
// (from 1): "A1".
func ref(col, row int) string {
	return colName(col) + strconv.Itoa(row)
}

// colName returns the name of column col (from 0): "A", "B", … "AA".
func colName(col int) string {
	var b []byte
	for col++; col > 0; col = (col - 1) / 26 {
		b = append([]byte{byte('A' + (col-1)%26)}, b...)
	}
	return string(b)
}

// cellWidth returns the width a cell needs, in characters.
func cellWidth(c cell) int {
	switch c.kind {
	case kindText:
		return textWidth(c.text)
	case kindDate:
		return len(dateLayout)
	case kindDateTime:
		return len(dateTimeLayout)
	}
	return len(c.String())
}

// textWidth returns the width of the longest line of s, counting East
// Asian wide characters (李伟, 김) as two and combining marks as none.
func textWidth(s string) int {
	widest := 0
	for line := range strings.Lines(s) {
		n := 0
		for _, r := range line {
			switch {
			case r == '\n' || r == '\r' || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			case unicode.In(r, unicode.Han, unicode.Hangul, unicode.Hiragana, unicode.Katakana) || r >= 0xff00 && r <= 0xff60:
				n += 2
			default:
				n++
			}
		}
		widest = max(widest, n)
	}
	return widest
}

// sheetNames returns the name of each table's sheet, made valid and
// unique.
func sheetNames(tables []Table) []string {
	// "History" is reserved by Excel.
	used := map[string]bool{"history": true}
	names := make([]string, len(tables))
	for i, t := range tables {
		base := cleanSheetName(t.Name)
		if base == "" {
			base = "Sheet" + strconv.Itoa(i+1)
		}
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := " (" + strconv.Itoa(n) + ")"
			name = cutUTF16(base, maxSheetName-len(suffix)) + suffix
		}
		used[strings.ToLower(name)] = true
		names[i] = name
	}
	return names
}

// sheetNameChars replaces the characters Excel forbids in sheet names.
var sheetNameChars = strings.NewReplacer("/", "-", `\`, "-", ":", "-", "[", "(", "]", ")", "*", "_", "?", "_")

// cleanSheetName makes s a valid sheet name, or "": forbidden characters
// replaced, control characters and runs of spaces made one space, no
// apostrophe or space at either end, at most 31 UTF-16 units.
func cleanSheetName(s string) string {
	s = sheetNameChars.Replace(s)
	s = strings.Join(strings.FieldsFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
	s = strings.Trim(s, "' ")
	return strings.Trim(cutUTF16(s, maxSheetName), "' ")
}

// cutUTF16 returns the longest prefix of s of at most n UTF-16 units, as
// Excel counts the length of a sheet name.
func cutUTF16(s string, n int) string {
	units := 0
	for i, r := range s {
		units += utf16.RuneLen(r)
		if units > n {
			return s[:i]
		}
	}
	return s
}
