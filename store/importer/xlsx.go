package importer

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"

	"github.com/xuri/excelize/v2"
)

// openWorkbook opens XLSX data, explaining in words why it cannot be. The
// sizes the archive declares are checked first (see checkWorkbook), and
// the workbook is held in memory: excelize writes a sheet larger than
// UnzipXMLSizeLimit to a temporary file, which a killed process would
// leave behind, so that limit is the whole workbook's.
func openWorkbook(data []byte) (*excelize.File, *zip.Reader, error) {
	if bytes.Contains(data[:min(len(data), 200)], []byte("mimetypeapplication/vnd.oasis.opendocument")) {
		return nil, nil, fmt.Errorf("%w: it is an OpenDocument file (.ods); save it as .xlsx or as CSV UTF-8 and try again", ErrUnknownFormat)
	}
	zr, err := checkWorkbook(data)
	if err != nil {
		return nil, nil, err
	}
	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: MaxPartSize, UnzipXMLSizeLimit: MaxPartSize})
	if err != nil {
		if f != nil {
			f.Close()
		}
		return nil, nil, fmt.Errorf("%w: it is a ZIP archive but not a readable XLSX workbook (%v)", ErrUnknownFormat, err)
	}
	if len(f.GetSheetList()) == 0 {
		f.Close()
		return nil, nil, fmt.Errorf("%w: it is a ZIP archive without any spreadsheet", ErrUnknownFormat)
	}
	return f, zr, nil
}

// xlsxSheets lists the sheets of a workbook.
func xlsxSheets(data []byte) ([]string, error) {
	f, _, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return f.GetSheetList(), nil
}

// readXLSX reads one sheet of a workbook, cells as displayed. An empty
// sheet name means the first visible sheet with a filled cell.
func readXLSX(data []byte, sheet string) (*Table, error) {
	f, zr, err := openWorkbook(data)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	parts, err := sheetParts(zr)
	if err != nil {
		return nil, err
	}
	lens, sstErr := sharedLengths(zr)
	// sheetRows reads one sheet, once its XML has passed scanSheet.
	sheetRows := func(name string) ([]Row, error) {
		if err := scanSheet(zr, parts[name], name, lens, sstErr); err != nil {
			return nil, err
		}
		return readSheetRows(f, name)
	}
	sheets := f.GetSheetList()
	t := &Table{Format: XLSX, Sheets: sheets}
	if sheet != "" {
		name, ok := findSheet(sheets, sheet)
		if !ok {
			return nil, &SheetError{Sheet: sheet, Sheets: sheets}
		}
		t.Sheet = name
		if t.Rows, err = sheetRows(name); err != nil {
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
			rows, err := sheetRows(name)
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

// readSheetRows returns the non-blank rows of a sheet with their numbers,
// refusing the sheet at the first row that cannot be read rather than
// returning the rows before it.
func readSheetRows(f *excelize.File, sheet string) ([]Row, error) {
	rs, err := f.Rows(sheet)
	if err != nil {
		var missing excelize.ErrSheetNotExist
		if errors.As(err, &missing) {
			return nil, &SheetError{Sheet: sheet, Sheets: f.GetSheetList()}
		}
		return nil, fmt.Errorf("the XLSX sheet %q cannot be read: %w", sheet, err)
	}
	defer rs.Close()
	var rows []Row
	for num := 1; rs.Next(); num++ {
		cells, err := rs.Columns()
		if err != nil {
			return nil, fmt.Errorf("sheet %q, row %d: the row cannot be read (%w); nothing was imported", sheet, num, err)
		}
		if !blank(cells) {
			rows = append(rows, Row{Num: num, Cells: cells})
		}
	}
	if err := rs.Error(); err != nil {
		return nil, fmt.Errorf("the XLSX sheet %q cannot be read: %w", sheet, err)
	}
	if err := checkRows(rows, fmt.Sprintf("sheet %q", sheet)); err != nil {
		return nil, err
	}
	return rows, nil
}
