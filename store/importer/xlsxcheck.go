package importer

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// checkWorkbook refuses a workbook that would expand past MaxPartSize, in
// any one part or in all, from the sizes its ZIP directory declares,
// before anything is expanded. (Reading a part then counts its bytes:
// see scanSheet, and archive/zip refuses a part longer than declared.)
func checkWorkbook(data []byte) (*zip.Reader, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("%w: it is a ZIP archive but not a readable XLSX workbook (%v)", ErrUnknownFormat, err)
	}
	var total uint64
	for _, f := range zr.File {
		total += f.UncompressedSize64
		if f.UncompressedSize64 > MaxPartSize || total > MaxPartSize {
			return nil, fmt.Errorf("the workbook expands to more than %d MB (%s alone is %s); the limit is %d MB: this is not a participant list, or the file is damaged or forged",
				MaxPartSize>>20, f.Name, megabytes(f.UncompressedSize64), MaxPartSize>>20)
		}
	}
	return zr, nil
}

// megabytes formats a size in bytes as "1,150 MB".
func megabytes(n uint64) string {
	if n < 1<<20 {
		return strconv.FormatUint(n, 10) + " bytes"
	}
	return thousands(int(n>>20)) + " MB"
}

// sheetParts maps the workbook's sheet names to the paths of their XML
// parts, as xl/workbook.xml and its relationships give them.
func sheetParts(zr *zip.Reader) (map[string]string, error) {
	ids := map[string]string{} // sheet name → relationship ID
	err := eachElement(zr, "xl/workbook.xml", func(e xml.StartElement) {
		if e.Name.Local != "sheet" {
			return
		}
		for _, a := range e.Attr {
			if a.Name.Local == "id" && a.Name.Space != "" {
				ids[attr(e, "name")] = a.Value
			}
		}
	})
	if err != nil {
		return nil, err
	}
	targets := map[string]string{} // relationship ID → part
	err = eachElement(zr, "xl/_rels/workbook.xml.rels", func(e xml.StartElement) {
		if e.Name.Local != "Relationship" {
			return
		}
		t := strings.ReplaceAll(attr(e, "Target"), `\`, "/")
		if strings.HasPrefix(t, "/") {
			t = strings.TrimPrefix(t, "/")
		} else {
			t = path.Join("xl", t)
		}
		targets[attr(e, "Id")] = t
	})
	if err != nil {
		return nil, err
	}
	parts := map[string]string{}
	for name, id := range ids {
		parts[name] = targets[id]
	}
	return parts, nil
}

// findPart returns the part of the archive at name, ignoring case as Excel
// does; nil when there is none.
func findPart(zr *zip.Reader, name string) *zip.File {
	for _, f := range zr.File {
		if strings.EqualFold(strings.ReplaceAll(f.Name, `\`, "/"), name) {
			return f
		}
	}
	return nil
}

// eachElement calls fn with every start element of a small XML part of
// the workbook.
func eachElement(zr *zip.Reader, name string, fn func(xml.StartElement)) error {
	f := findPart(zr, name)
	if f == nil {
		return fmt.Errorf("%w: it is a ZIP archive without %s, so not an XLSX workbook", ErrUnknownFormat, name)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("the workbook's %s cannot be read: %w", name, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(limitedPart(rc, name))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("the workbook's %s is damaged: %w", name, err)
		}
		if e, ok := tok.(xml.StartElement); ok {
			fn(e)
		}
	}
}

// errPartTooLarge is the error of a part that expands past MaxPartSize
// although its declared size is smaller.
type errPartTooLarge string

func (e errPartTooLarge) Error() string {
	return fmt.Sprintf("%s expands to more than %d MB, the limit", string(e), MaxPartSize>>20)
}

// partReader counts the bytes read from a part and fails past MaxPartSize.
type partReader struct {
	r    io.Reader
	name string
	n    int64
}

func limitedPart(r io.Reader, name string) io.Reader { return &partReader{r: r, name: name} }

func (p *partReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	p.n += int64(n)
	if p.n > MaxPartSize {
		return n, errPartTooLarge(p.name)
	}
	return n, err
}

// sharedLengths reads the shared strings of the workbook, strictly, and
// returns the length in characters of each. When the part is damaged, it
// returns the lengths of the strings before the damage and the error.
func sharedLengths(zr *zip.Reader) ([]int, error) {
	f := findPart(zr, "xl/sharedStrings.xml")
	if f == nil {
		return nil, nil
	}
	rc, err := f.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	d := xml.NewDecoder(limitedPart(rc, f.Name))
	var lens []int
	n, inT := 0, false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return lens, nil
		}
		if err != nil {
			return lens, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "si":
				n = 0
			case "t":
				inT = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "si":
				lens = append(lens, n)
			case "t":
				inT = false
			}
		case xml.CharData:
			if inT {
				n += utf8.RuneCount(t)
			}
		}
	}
}

// scanSheet reads the XML of a sheet strictly before excelize does, which
// stops silently at damage and would import the rows before it: damage,
// more than MaxRows rows with data and cells beyond MaxCellLength are
// refused, naming the sheet, the row and the cell. lens are the lengths of
// the shared strings, sstErr the damage found in them, if any.
func scanSheet(zr *zip.Reader, part, sheet string, lens []int, sstErr error) error {
	f := findPart(zr, part)
	if f == nil {
		return fmt.Errorf("the XLSX sheet %q cannot be read: the workbook has no part %s", sheet, part)
	}
	rc, err := f.Open()
	if err != nil {
		return fmt.Errorf("the XLSX sheet %q cannot be read: %w", sheet, err)
	}
	defer rc.Close()
	d := xml.NewDecoder(limitedPart(rc, f.Name))
	var (
		row, col, dataRows int
		cell, cellType     string
		rowHasData, inText bool
		text               int // characters of the current cell's value
	)
	where := func() string {
		switch {
		case cell != "":
			return fmt.Sprintf("sheet %q, row %d, cell %s", sheet, row, cell)
		case row > 0:
			return fmt.Sprintf("sheet %q, row %d", sheet, row)
		}
		return fmt.Sprintf("sheet %q", sheet)
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			var big errPartTooLarge
			if errors.As(err, &big) {
				return fmt.Errorf("%s: the sheet %s; this is not a participant list, or the file is damaged or forged", where(), big.Error())
			}
			return fmt.Errorf("%s: the sheet is damaged here and cannot be read (%v); nothing was imported: open the file in Excel or LibreOffice, save it again and try again", where(), err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "row":
				if r, err := strconv.Atoi(attr(t, "r")); err == nil && r > 0 {
					row = r
				} else {
					row++
				}
				col, cell, rowHasData = 0, "", false
			case "c":
				col++
				cell, cellType, text = attr(t, "r"), attr(t, "t"), 0
				if cell == "" {
					cell = columnName(col-1) + strconv.Itoa(row)
				} else if c, _, err := excelize.CellNameToCoordinates(cell); err == nil {
					col = c
				}
			case "v", "t":
				inText = true
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "v", "t":
				inText = false
			case "c":
				if text > MaxCellLength {
					return fmt.Errorf("%s: the cell holds %s characters; a cell may hold at most %s (Excel's own limit)", where(), thousands(text), thousands(MaxCellLength))
				}
				cell = ""
			case "row":
				if rowHasData {
					dataRows++
					if dataRows > MaxRows {
						return fmt.Errorf("sheet %q has more than %s rows with data (row %d is one too many); a list may have at most %s",
							sheet, thousands(MaxRows), row, thousands(MaxRows))
					}
				}
				cell = ""
			}
		case xml.CharData:
			if !inText || cell == "" {
				continue
			}
			rowHasData = true
			if cellType != "s" {
				text += utf8.RuneCount(t)
				continue
			}
			i, err := strconv.Atoi(strings.TrimSpace(string(t)))
			switch {
			case err == nil && i >= 0 && i < len(lens):
				text += lens[i]
			case sstErr != nil:
				return fmt.Errorf("%s: the text of the cell is damaged and cannot be read (%v); nothing was imported: open the file in Excel or LibreOffice, save it again and try again", where(), sstErr)
			}
		}
	}
}

// attr returns the value of the attribute of e named name, or "".
func attr(e xml.StartElement, name string) string {
	for _, a := range e.Attr {
		if a.Name.Local == name {
			return a.Value
		}
	}
	return ""
}
