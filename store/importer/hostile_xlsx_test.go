package importer

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"
)

// Hostile XLSX workbooks: damaged sheets, zip bombs, oversized sheets and
// cells. Part of the hostile suite: go test ./... -run Hostile

// workbookParts are the parts of a minimal workbook with one sheet,
// "Participants", whose XML is given to xlsxOf.
var workbookParts = map[string]string{
	"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
	"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
	"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
		`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Participants" sheetId="1" r:id="rId1"/></sheets></workbook>`,
	"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
}

// sheetXML wraps rows of a sheet in a worksheet.
func sheetXML(rows string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>` +
		rows + `</sheetData></worksheet>`
}

// inlineRow is a row of inline-string cells.
func inlineRow(num int, cells ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<row r="%d">`, num)
	for i, c := range cells {
		fmt.Fprintf(&b, `<c r="%c%d" t="inlineStr"><is><t>%s</t></is></c>`, 'A'+i, num, c)
	}
	b.WriteString(`</row>`)
	return b.String()
}

// participantRows are rows 1 to 8 of a list, with cell B5 replaced.
func participantRows(b5 string) string {
	rows := inlineRow(1, "Given name", "Family name")
	for i, n := range []string{"Abebe Bekele", "Moussa Diop", "Amina Yusuf", "María X", "Li Wei", "Sara Haile", "Omar Haddad"} {
		given, family, _ := strings.Cut(n, " ")
		if i+2 == 5 {
			family = b5
		}
		rows += inlineRow(i+2, given, family)
	}
	return rows
}

// xlsxOf returns a workbook whose sheet is sheet and whose shared strings
// are sst ("" for none).
func xlsxOf(t testing.TB, sheet, sst string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	parts := map[string]string{"xl/worksheets/sheet1.xml": sheet}
	for k, v := range workbookParts {
		parts[k] = v
	}
	if sst != "" {
		parts["xl/sharedStrings.xml"] = sst
	}
	for name, content := range parts {
		f, err := w.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte(content))
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestHostileXLSXMinimalWorkbookReads(t *testing.T) {
	tb, err := Read("ok.xlsx", bytes.NewReader(xlsxOf(t, sheetXML(participantRows("Fernández")), "")))
	if err != nil {
		t.Fatal(err)
	}
	if len(tb.Rows) != 8 || tb.Cell(4, 1) != "Fernández" || tb.Rows[7].Num != 8 {
		t.Errorf("%d rows, B5 %q", len(tb.Rows), tb.Cell(4, 1))
	}
}

// TestHostileXLSXDamagedSheet: a sheet whose XML is damaged in row 5 is
// refused, naming the sheet, the row and the cell, rather than imported up
// to row 4.
func TestHostileXLSXDamagedSheet(t *testing.T) {
	sst := `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">` +
		`<si><t>Diop</t></si><si><t>Ye` + "\x01" + `o</t></si></sst>`
	for name, data := range map[string][]byte{
		"raw U+0001":        xlsxOf(t, sheetXML(participantRows("Fern\x01ndez")), ""),
		"bad token":         xlsxOf(t, sheetXML(participantRows("Fern<ndez")), ""),
		"U+0001 in strings": xlsxOf(t, sheetXML(strings.Replace(participantRows("X"), `<c r="B5" t="inlineStr"><is><t>X</t></is></c>`, `<c r="B5" t="s"><v>1</v></c>`, 1)), sst),
	} {
		t.Run(name, func(t *testing.T) {
			tb, err := Read("damaged.xlsx", bytes.NewReader(data))
			if err == nil {
				t.Fatalf("read %d rows without an error", len(tb.Rows))
			}
			if !strings.Contains(err.Error(), `sheet "Participants", row 5, cell B5`) {
				t.Errorf("error %q does not name the sheet, row 5 and cell B5", err)
			}
		})
	}
}

// deflated returns data compressed as a ZIP entry stores it.
func deflated(t testing.TB, data []byte) []byte {
	var b bytes.Buffer
	w, _ := flate.NewWriter(&b, flate.BestSpeed)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// bomb returns a workbook whose sheet is content, stored with the
// uncompressed size declared.
func bomb(t testing.TB, content []byte, declared uint64) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for name, c := range workbookParts {
		f, _ := w.Create(name)
		f.Write([]byte(c))
	}
	raw := deflated(t, content)
	h := &zip.FileHeader{Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, UncompressedSize64: declared,
		CompressedSize64: uint64(len(raw)), Modified: time.Now()}
	f, err := w.CreateRaw(h)
	if err != nil {
		t.Fatal(err)
	}
	f.Write(raw)
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// TestHostileXLSXZipBomb: a sheet declared to expand past the limit is
// refused before anything is expanded; one that lies about its size is
// refused when it grows past what it declared.
func TestHostileXLSXZipBomb(t *testing.T) {
	rows := sheetXML(strings.Repeat(`<row><c t="inlineStr"><is><t>x</t></is></c></row>`, 200_000))
	_, err := Read("bomb.xlsx", bytes.NewReader(bomb(t, []byte(rows), 1<<30)))
	if err == nil || !strings.Contains(err.Error(), "200 MB") {
		t.Errorf("declared 1 GB: %v, want a refusal naming the 200 MB limit", err)
	}
	if _, err := Read("liar.xlsx", bytes.NewReader(bomb(t, []byte(rows), 4096))); err == nil {
		t.Error("a sheet larger than it declares was read")
	}
}

// TestHostileXLSXTooManyRows: a sheet with more rows than the limit is
// refused while scanning, naming the limit.
func TestHostileXLSXTooManyRows(t *testing.T) {
	var b strings.Builder
	b.WriteString(inlineRow(1, "Given name", "Family name"))
	for i := 2; i <= MaxRows+1; i++ {
		fmt.Fprintf(&b, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>P%d</t></is></c></row>`, i, i, i)
	}
	_, err := Read("many.xlsx", bytes.NewReader(xlsxOf(t, sheetXML(b.String()), "")))
	if err == nil || !strings.Contains(err.Error(), "more than 200,000 rows") {
		t.Errorf("%d rows: %v, want a refusal naming the limit", MaxRows+1, err)
	}
}

// TestHostileXLSXLongCell: a cell longer than Excel allows is refused,
// naming the cell and the limit.
func TestHostileXLSXLongCell(t *testing.T) {
	_, err := Read("long.xlsx", bytes.NewReader(xlsxOf(t, sheetXML(participantRows(strings.Repeat("é", MaxCellLength+1))), "")))
	if err == nil || !strings.Contains(err.Error(), `sheet "Participants", row 5, cell B5`) || !strings.Contains(err.Error(), "32,767") {
		t.Errorf("error %v, want one naming cell B5 and the limit of 32,767", err)
	}
}

// TestHostileXLSXNoTemporaryFile: excelize writes a sheet larger than
// 16 MB to a temporary file, which stays behind if the process is killed;
// the importer keeps every workbook in memory.
func TestHostileXLSXNoTemporaryFile(t *testing.T) {
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	var b strings.Builder
	b.WriteString(inlineRow(1, "Given name", "Notes"))
	long := strings.Repeat("n", 9000)
	for i := 2; i <= 2000; i++ {
		b.WriteString(inlineRow(i, fmt.Sprint("P", i), long))
	}
	data := xlsxOf(t, sheetXML(b.String()), "")
	f, _, err := openWorkbook(data)
	if err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(tmp)
	f.Close()
	if len(entries) != 0 {
		t.Errorf("opening an 18 MB sheet left %d temporary files, e.g. %s", len(entries), entries[0].Name())
	}
	tb, err := Read("big.xlsx", bytes.NewReader(data))
	if err != nil || len(tb.Rows) != 2000 {
		t.Fatalf("Read: %v", err)
	}
	if entries, _ := os.ReadDir(tmp); len(entries) != 0 {
		t.Errorf("reading left %d temporary files", len(entries))
	}
}
