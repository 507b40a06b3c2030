package importer

import (
	"bytes"
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// openWorkbook opens XLSX data, explaining in words why it cannot be.
func openWorkbook(data []byte) (*excelize.File, error) {
	if bytes.Contains(data[:min(len(data), 200)], []byte("mimetypeapplication/vnd.oasis.opendocument")) {
		return nil, fmt.Errorf("%w: it is an OpenDocument file (.ods); save it as .xlsx or as CSV UTF-8 and try again", ErrUnknownFormat)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, fmt.Errorf("%w: it is a ZIP archive but not a readable XLSX workbook (%v)", ErrUnknownFormat, err)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, fmt.Errorf("%w: it is a ZIP archive without any spreadsheet", ErrUnknownFormat)
	}
	return f, nil
}

// xlsxSheets lists the sheets of a workbook.
func xlsxSheets(data []byte) ([]string, error) {
	f, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetSheetList(), nil
}

// readXLSX reads one sheet of a workbook, cells as displayed. An empty
// sheet name means the first visible sheet with a filled cell.
func readXLSX(data []byte, sheet string) (*Table, error) {
	f, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	sheets := f.GetSheetList()
	t := &Table{Format: XLSX, Sheets: sheets}
	if sheet != "" {
		name, ok := findSheet(sheets, sheet)
		if !ok {
			return nil, &SheetError{Sheet: sheet, Sheets: sheets}
		}
		t.Sheet = name
		if t.Rows, err = sheetRows(f, name); err != nil {
			return nil, err
		}
		if len(t.Rows) == 0 {
			return nil, fmt.Errorf("the XLSX sheet %q is empty: %w", name, ErrEmpty)
		}
		return t, nil
	}
	for _, hidden := range []bool{false, true} {
		for _, name := range sheets {
			if visible, _ := f.GetSheetVisible(name); visible == hidden {
				continue
			}
			rows, err := sheetRows(f, name)
			if err != nil {
				return nil, err
			}
			if len(rows) > 0 {
				t.Sheet, t.Rows = name, rows
				return t, nil
			}
		}
	}
	return nil, fmt.Errorf("every sheet of the workbook is empty: %w", ErrEmpty)
}

// findSheet finds a sheet by exact name, or else ignoring case, accents
// and spaces.
func findSheet(sheets []string, want string) (string, bool) {
	for _, s := range sheets {
		if s == want {
			return s, true
		}
	}
	for _, s := range sheets {
		if compact(s) == compact(want) {
			return s, true
		}
	}
	return "", false
}

// sheetRows returns the non-blank rows of a sheet with their numbers.
func sheetRows(f *excelize.File, sheet string) ([]Row, error) {
	all, err := f.GetRows(sheet)
	if err != nil {
		var missing excelize.ErrSheetNotExist
		if errors.As(err, &missing) {
			return nil, &SheetError{Sheet: sheet, Sheets: f.GetSheetList()}
		}
		return nil, fmt.Errorf("the XLSX sheet %q cannot be read: %w", sheet, err)
	}
	var rows []Row
	for i, cells := range all {
		if !blank(cells) {
			rows = append(rows, Row{Num: i + 1, Cells: cells})
		}
	}
	return rows, nil
}
