package importer

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/unicode"
)

// readBytes reads data as a file named name and fails the test on error.
func readBytes(t *testing.T, name string, data []byte) *Table {
	t.Helper()
	tb, err := Read(name, bytes.NewReader(data))
	if err != nil {
		t.Fatalf("Read(%s): %v", name, err)
	}
	return tb
}

// rowNums returns the row numbers of the table.
func rowNums(tb *Table) []int {
	out := make([]int, len(tb.Rows))
	for i, r := range tb.Rows {
		out[i] = r.Num
	}
	return out
}

func TestReadEmpty(t *testing.T) {
	for name, data := range map[string]string{
		"empty.csv":       "",
		"blank.csv":       " \r\n\r\n\t\n",
		"commas.csv":      ",,,\r\n,,\r\n",
		"semicolons.csv":  ";;;\r\n;;;\r\n",
		"bom-only.csv":    "\xEF\xBB\xBF",
		"bom-blanks.csv":  "\xEF\xBB\xBF,,\r\n",
		"nbsp-blanks.csv": "\u00a0,\u00a0\n",
	} {
		_, err := Read(name, strings.NewReader(data))
		if !errors.Is(err, ErrEmpty) {
			t.Errorf("%s: err = %v, want ErrEmpty", name, err)
			continue
		}
		if want := "read " + name + ": the file is empty"; err.Error() != want {
			t.Errorf("%s: error %q, want %q", name, err, want)
		}
	}
}

func TestReadHeaderOnly(t *testing.T) {
	tb := readBytes(t, "header.csv", []byte("First name,Last name,Email\r\n"))
	if len(tb.Rows) != 1 {
		t.Fatalf("rows = %d, want 1", len(tb.Rows))
	}
	m := Suggest(tb)
	if m.HeaderRow != 0 || len(m.Columns) != 3 {
		t.Fatalf("Suggest = %+v, want header 0 and 3 columns", m)
	}
	p := NewPreview(tb, m, Options{})
	if len(p.Rows) != 0 || len(p.Problems()) != 0 {
		t.Errorf("preview of a header-only file: %d rows, problems %v", len(p.Rows), p.Problems())
	}
}

func TestReadNotATable(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"photo.csv", png, "this is not a CSV or XLSX file: it is a PNG image"},
		{"doc.csv", []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), "it is a PDF document"},
		{"old.xls", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00\x00"), "old Excel 97-2003 workbook (.xls)"},
		{"data.bin", []byte("ab\x00\x01\x02\x03cd\x00\x00\x05"), "it holds binary data, not text"},
		{"archive.xlsx", zipOf(t, "readme.txt", "hello"), "it is a ZIP archive but not a readable XLSX workbook"},
	}
	for _, c := range cases {
		_, err := Read(c.name, bytes.NewReader(c.data))
		if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: err = %v, want ErrUnknownFormat saying %q", c.name, err, c.want)
		}
	}
}

func TestReadRagged(t *testing.T) {
	data := "Name,Email,Country,Notes\n" +
		"Moussa Diop,moussa@example.org\n" + // short
		"Awa Ndiaye,awa@example.org,Senegal,vegetarian,extra,cells\n" + // long
		"Ana Cruz\n"
	tb := readBytes(t, "ragged.csv", []byte(data))
	if got := []int{len(tb.Rows[1].Cells), len(tb.Rows[2].Cells), len(tb.Rows[3].Cells)}; fmt.Sprint(got) != "[2 6 1]" {
		t.Errorf("cell counts = %v, want [2 6 1]", got)
	}
	p := NewPreview(tb, Suggest(tb), Options{})
	if len(p.Rows) != 3 {
		t.Fatalf("preview rows = %d, want 3", len(p.Rows))
	}
	if r := p.Rows[1].Participant; r.Country != "SN" || r.Notes != "vegetarian" || r.FamilyNames != "Ndiaye" {
		t.Errorf("long row = %+v", r)
	}
	if r := p.Rows[2].Participant; r.FamilyNames != "Cruz" || r.Email != "" {
		t.Errorf("short row = %+v", r)
	}
}

func TestReadDelimiters(t *testing.T) {
	cases := []struct {
		name, data string
		delim      rune
	}{
		{"comma", "Name,Organisation,Email\nDiop\\, M,\"Ministère, Dakar\",m@x.org\n", ','},
		{"semicolon", "Nom;Prénom;Organisation\nDiop;Moussa;Ministère de l'Intérieur, Dakar\nNdiaye;Awa;ONG, Thiès\n", ';'},
		{"tab", "Name\tOrganisation\tEmail\nMoussa Diop\tMinistry, Dakar\tm@x.org\nAwa Ndiaye\tNGO; Thiès\ta@x.org\n", '\t'},
		{"pipe", "Name|Email\nMoussa Diop|m@x.org\n", '|'},
		{"quoted commas in a semicolon file", "Nom;Prénom;Note\n\"Diop, junior\";Moussa;\"a, b, c\"\nNdiaye;Awa;\"d, e\"\n", ';'},
	}
	for _, c := range cases {
		tb := readBytes(t, c.name, []byte(c.data))
		if tb.Delimiter != c.delim {
			t.Errorf("%s: delimiter %q, want %q", c.name, tb.Delimiter, c.delim)
		}
	}
}

func TestReadSepLine(t *testing.T) {
	tb := readBytes(t, "sep.csv", []byte("sep=;\r\nName;Email\r\nMoussa Diop;m@x.org\r\n"))
	if tb.Delimiter != ';' || len(tb.Rows) != 2 || tb.Rows[0].Num != 1 || tb.Rows[0].Cells[0] != "Name" {
		t.Errorf("sep= line: delimiter %q rows %v", tb.Delimiter, tb.Rows)
	}
}

func TestReadQuotedLineBreakAndRowNumbers(t *testing.T) {
	data := "Name,Notes,Email\r\n" + // row 1
		"Moussa Diop,\"arrives late;\r\nneeds a visa letter\",m@x.org\r\n" + // row 2, two lines
		"\r\n" + // row 3, blank
		"Awa Ndiaye,,a@x.org\r\n" + // row 4
		"\"Ana\nde la Cruz\",\"one\n\ntwo\",ana@x.org\r\n" + // row 5, three lines
		"Li Wei,,li@x.org\r\n" // row 6
	tb := readBytes(t, "multiline.csv", []byte(data))
	if got := fmt.Sprint(rowNums(tb)); got != "[1 2 4 5 6]" {
		t.Errorf("row numbers %s, want [1 2 4 5 6] as Excel shows them", got)
	}
	if got := tb.Rows[1].Cells[1]; got != "arrives late;\nneeds a visa letter" {
		t.Errorf("multi-line cell = %q", got)
	}
	p := NewPreview(tb, Suggest(tb), Options{})
	if got := p.Row(2).Participant.Notes; got != "arrives late;\nneeds a visa letter" {
		t.Errorf("notes = %q", got)
	}
	if r := p.Row(5).Participant; r.GivenNames != "Ana" || r.FamilyNames != "de la Cruz" {
		t.Errorf("name with a line break = %q / %q, want Ana / de la Cruz", r.GivenNames, r.FamilyNames)
	}
}

func TestReadLF(t *testing.T) {
	tb := readBytes(t, "lf.csv", []byte("Name,Email\nMoussa Diop,m@x.org\nAwa Ndiaye,a@x.org"))
	if len(tb.Rows) != 3 || tb.Rows[2].Cells[1] != "a@x.org" {
		t.Errorf("rows = %v", tb.Rows)
	}
	tb = readBytes(t, "cr.csv", []byte("Name,Email\rMoussa Diop,m@x.org\rAwa Ndiaye,a@x.org\r"))
	if len(tb.Rows) != 3 || tb.Rows[2].Num != 3 {
		t.Errorf("CR-only rows = %v", tb.Rows)
	}
}

func TestReadStrayQuotes(t *testing.T) {
	data := "Name;Organisation;Email\nMoussa Diop;Université \"Cheikh Anta Diop\";m@x.org\nAwa Ndiaye;ONG;a@x.org\n"
	tb := readBytes(t, "quotes.csv", []byte(data))
	if got := tb.Rows[1].Cells[1]; got != `Université "Cheikh Anta Diop"` {
		t.Errorf("cell with stray quotes = %q", got)
	}
}

func TestReadEncodings(t *testing.T) {
	text := "Prénom\tNom\tCourriel\r\nAïssatou\tBâ\taissatou@example.org\r\nJosé\tNúñez Ibáñez\tjose@example.org\r\n"
	le, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	be, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	leNoBOM, _ := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder().Bytes([]byte(text))
	cases := []struct {
		name string
		data []byte
		enc  string
	}{
		{"utf8.csv", []byte(text), "UTF-8"},
		{"utf8-bom.csv", append([]byte("\xEF\xBB\xBF"), text...), "UTF-8 with BOM"},
		{"utf16le.txt", le, "UTF-16LE"},
		{"utf16be.txt", be, "UTF-16BE"},
		{"utf16le-nobom.txt", leNoBOM, "UTF-16LE"},
		{"cp1252.csv", []byte("Pr\xe9nom\tNom\tCourriel\r\nA\xefssatou\tB\xe2\taissatou@example.org\r\nJos\xe9\tN\xfa\xf1ez Ib\xe1\xf1ez\tjose@example.org\r\n"), "Windows-1252"},
	}
	for _, c := range cases {
		tb := readBytes(t, c.name, c.data)
		if tb.Encoding != c.enc || tb.Delimiter != '\t' {
			t.Errorf("%s: encoding %q delimiter %q, want %q and tab", c.name, tb.Encoding, tb.Delimiter, c.enc)
		}
		if len(tb.Rows) != 3 || tb.Rows[0].Cells[0] != "Prénom" || tb.Rows[1].Cells[0] != "Aïssatou" || tb.Rows[2].Cells[1] != "Núñez Ibáñez" {
			t.Errorf("%s: rows %v", c.name, tb.Rows)
		}
	}
}

func TestReadInvalidUTF8IsWindows1252(t *testing.T) {
	// Mostly UTF-8, but one byte is not: the whole file is Windows-1252
	// (Excel's "CSV (semicolon)" on a French Windows), euro and curly
	// quote included.
	data := []byte("Nom;Prénom;Notes\r\nL\xe9v\xeaque;Ana\xefs;frais 20 \x80, \x93ok\x94\r\n")
	tb := readBytes(t, "fr.csv", data)
	if tb.Encoding != "Windows-1252" {
		t.Fatalf("encoding = %q", tb.Encoding)
	}
	if got := tb.Rows[1].Cells; got[0] != "Lévêque" || got[1] != "Anaïs" || got[2] != "frais 20 €, “ok”" {
		t.Errorf("decoded %q", got)
	}
	if got := tb.Rows[0].Cells[1]; got != "PrÃ©nom" {
		// The header was UTF-8 bytes; read as Windows-1252 it is mojibake,
		// which is what Excel would show too.
		t.Errorf("header = %q", got)
	}
}

func TestReadTitleRowsAndTotals(t *testing.T) {
	data := "Liste des participants;;;\r\n" +
		"Atelier régional sur la migration, Dakar, 12-14 mars 2027;;;\r\n" +
		";;;\r\n" +
		"Prénom;Nom;Courriel;Pays\r\n" + // row 4
		"Moussa;DIOP;moussa@example.org;Sénégal\r\n" +
		"Awa;Ndiaye;awa@example.org;Sénégal\r\n" +
		"Total;;;\r\n" + // a total inside the data
		"José;Martínez Peña;jose@example.org;Chili\r\n" +
		";;;\r\n" +
		"TOTAL: 45;;;\r\n" +
		"Nombre de participants : 3;;;\r\n" +
		";45;;\r\n" +
		"3;;;\r\n"
	tb := readBytes(t, "titles.csv", []byte(data))
	m := Suggest(tb)
	if m.HeaderRow != 2 || tb.Rows[m.HeaderRow].Num != 4 {
		t.Fatalf("header row = %d (file row %d), want index 2, row 4", m.HeaderRow, tb.Rows[max(m.HeaderRow, 0)].Num)
	}
	p := NewPreview(tb, m, Options{})
	var got []string
	for _, r := range p.Rows {
		got = append(got, fmt.Sprintf("%d:%s", r.Row, r.Participant.FullName()))
	}
	if want := "[5:Moussa Diop 6:Awa Ndiaye 8:José Martínez Peña]"; fmt.Sprint(got) != want {
		t.Errorf("people = %v, want %s", got, want)
	}
	if want := "[{7 a total row} {10 a total row after the data} {11 a total row after the data} {12 only numbers after the data} {13 only numbers after the data}]"; fmt.Sprint(p.Ignored) != want {
		t.Errorf("ignored = %v, want %s", p.Ignored, want)
	}
	if r := p.Row(8).Participant; r.Country != "CL" {
		t.Errorf("Chili → %q, want CL", r.Country)
	}
}

func TestReadLarge(t *testing.T) {
	var b bytes.Buffer
	b.WriteString("\xEF\xBB\xBFFirst name,Last name,Email,Organisation,Country,Notes\r\n")
	n := 0
	for b.Len() < 10<<20 {
		n++
		fmt.Fprintf(&b, "Given%d,Family%d,person%d@example.org,\"Ministry of Labour, Social Affairs and Migration\",Ethiopia,\"note %d, \"\"quoted\"\"\"\r\n", n, n, n, n)
	}
	tb := readBytes(t, "large.csv", b.Bytes())
	if len(tb.Rows) != n+1 {
		t.Fatalf("rows = %d, want %d", len(tb.Rows), n+1)
	}
	if last := tb.Rows[n]; last.Num != n+1 || last.Cells[2] != fmt.Sprintf("person%d@example.org", n) || last.Cells[5] != fmt.Sprintf("note %d, \"quoted\"", n) {
		t.Errorf("last row = %+v", last)
	}
}

func TestReadTooLarge(t *testing.T) {
	_, err := Read("huge.csv", io0{n: MaxFileSize + 10})
	if err == nil || !strings.Contains(err.Error(), "larger than 64 MB") {
		t.Errorf("err = %v", err)
	}
}

// io0 is a reader of n bytes of 'a'.
type io0 struct{ n int }

func (r io0) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// workbook builds an XLSX file with the given sheets and rows (nil sheet
// rows make an empty sheet).
func workbook(t *testing.T, sheets []string, rows map[string][][]any) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s); err != nil {
			t.Fatal(err)
		}
		for r, row := range rows[s] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadXLSXSheets(t *testing.T) {
	data := workbook(t, []string{"Notes", "Inscrits", "Intervenants"}, map[string][][]any{
		"Inscrits": {
			{"Atelier de Dakar"},
			{},
			{"Prénom", "Nom", "Courriel", "Téléphone"},
			{"Moussa", "Diop", "moussa@example.org", 221771234567},
			{"Awa", "Ndiaye", "awa@example.org", "+221 77 765 43 21"},
		},
		"Intervenants": {
			{"Nombre", "Apellidos", "Correo"},
			{"María José", "Núñez Ibáñez", "maria@example.org"},
		},
	})
	// The content decides, not the name.
	tb := readBytes(t, "inscrits.csv", data)
	if tb.Format != XLSX || tb.Sheet != "Inscrits" || fmt.Sprint(tb.Sheets) != "[Notes Inscrits Intervenants]" {
		t.Fatalf("format %s sheet %q sheets %v: want the first non-empty sheet", tb.Format, tb.Sheet, tb.Sheets)
	}
	if got := fmt.Sprint(rowNums(tb)); got != "[1 3 4 5]" {
		t.Errorf("row numbers %s, want [1 3 4 5]", got)
	}
	p := NewPreview(tb, Suggest(tb), Options{})
	if r := p.Row(4).Participant; r.Phone != "221771234567" || r.FamilyNames != "Diop" {
		t.Errorf("row 4 = %+v", r)
	}
	sheets, err := Sheets(bytes.NewReader(data))
	if err != nil || len(sheets) != 3 {
		t.Errorf("Sheets = %v, %v", sheets, err)
	}

	tb, err = ReadSheet("inscrits.xlsx", bytes.NewReader(data), "intervenants")
	if err != nil {
		t.Fatal(err)
	}
	p = NewPreview(tb, Suggest(tb), Options{})
	if tb.Sheet != "Intervenants" || len(p.Rows) != 1 || p.Rows[0].Participant.FamilyNames != "Núñez Ibáñez" {
		t.Errorf("sheet %q rows %d", tb.Sheet, len(p.Rows))
	}

	_, err = ReadSheet("inscrits.xlsx", bytes.NewReader(data), "Participants")
	var se *SheetError
	if !errors.As(err, &se) || !strings.HasSuffix(err.Error(), `the XLSX sheet "Participants" does not exist; sheets are: "Notes", "Inscrits", "Intervenants"`) {
		t.Errorf("missing sheet: %v", err)
	}
	_, err = ReadSheet("inscrits.xlsx", bytes.NewReader(data), "Notes")
	if !errors.Is(err, ErrEmpty) {
		t.Errorf("empty sheet: %v", err)
	}

	empty := workbook(t, []string{"A", "B"}, nil)
	if _, err := Read("empty.xlsx", bytes.NewReader(empty)); !errors.Is(err, ErrEmpty) {
		t.Errorf("empty workbook: %v", err)
	}
	if sheets, err := Sheets(strings.NewReader("a,b\n")); err != nil || sheets != nil {
		t.Errorf("Sheets(CSV) = %v, %v", sheets, err)
	}
}

func TestReadCSVNamedXLSX(t *testing.T) {
	tb := readBytes(t, "list.xlsx", []byte("Name,Email\nMoussa Diop,m@x.org\n"))
	if tb.Format != CSV || len(tb.Rows) != 2 {
		t.Errorf("format %s rows %d", tb.Format, len(tb.Rows))
	}
}
