package sheet

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/xuri/excelize/v2"
)

// sample is a table with every kind of cell and the text that needs care
// in CSV.
func sample() Table {
	addis := time.FixedZone("EAT", 3*60*60)
	return Table{
		Name:   "Participants",
		Header: []string{"Name", "Native name", "Count", "Rate", "Day", "Joined at", "Since", "Notes"},
		Rows: [][]any{
			{"Abebe Bekele", "አበበ በቀለ", 3, 0.75, store.Date{Year: 2027, Month: 5, Day: 4},
				time.Date(2027, 5, 5, 9, 30, 0, 0, addis), time.Date(2027, 5, 4, 0, 0, 0, 0, time.UTC), "plain"},
			{`Diop, Moussa`, "李伟", 12345678, 1234.5, nil, nil, nil, "says \"hello\"\non two lines"},
			{"Zoë", "", int64(-2), 1e21, store.Date{}, time.Time{}, nil, "0042"},
		},
	}
}

func TestWriteCSV(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSV(&b, sample()); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\xEF\xBB\xBF") {
		t.Fatalf("no UTF-8 byte order mark: %q", out[:10])
	}
	if !strings.HasPrefix(out, "\uFEFFName,Native name,Count,Rate,Day,Joined at,Since,Notes\r\n") {
		t.Errorf("header line: %q", strings.SplitN(out, "\n", 2)[0])
	}
	for _, want := range []string{
		"\r\n\"Diop, Moussa\",李伟,12345678,1234.5,,,,\"says \"\"hello\"\"\r\non two lines\"\r\n",
		"Abebe Bekele,አበበ በቀለ,3,0.75,2027-05-04,2027-05-05 09:30,2027-05-04,plain\r\n",
		"Zoë,,-2,1000000000000000000000,,,,0042\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	// Every line ends in CRLF, and so does the line break inside the
	// quoted field (encoding/csv writes it so; readers make it one break).
	if n, lf := strings.Count(out, "\r\n"), strings.Count(out, "\n"); n != 5 || lf != 5 {
		t.Errorf("%d CRLF line ends and %d LF, want 5 and 5:\n%q", n, lf, out)
	}

	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("read back: %v", err)
	}
	want := [][]string{
		{"Name", "Native name", "Count", "Rate", "Day", "Joined at", "Since", "Notes"},
		{"Abebe Bekele", "አበበ በቀለ", "3", "0.75", "2027-05-04", "2027-05-05 09:30", "2027-05-04", "plain"},
		{"Diop, Moussa", "李伟", "12345678", "1234.5", "", "", "", "says \"hello\"\non two lines"},
		{"Zoë", "", "-2", "1000000000000000000000", "", "", "", "0042"},
	}
	if len(recs) != len(want) {
		t.Fatalf("read back %d records, want %d: %q", len(recs), len(want), recs)
	}
	for i := range want {
		if !slices.Equal(recs[i], want[i]) {
			t.Errorf("record %d:\n got %q\nwant %q", i, recs[i], want[i])
		}
	}
}

func TestWriteCSVShortRowsAndSeconds(t *testing.T) {
	var b bytes.Buffer
	tb := Table{Header: []string{"a", "b", "c"}, Rows: [][]any{{"x"}, {1, 2, 3, 4}, {time.Date(2027, 1, 2, 3, 4, 5, 0, time.UTC)}}}
	if err := WriteCSV(&b, tb); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), bom))).ReadAll()
	if err != nil {
		t.Fatalf("read back (same number of fields on every line): %v\n%s", err, b.String())
	}
	if got := recs[3][0]; got != "2027-01-02 03:04:05" {
		t.Errorf("date-time with seconds = %q", got)
	}
	if len(recs[0]) != 4 || recs[0][3] != "" || len(recs[1]) != 4 {
		t.Errorf("records not padded: %q", recs)
	}
}

func TestBadCell(t *testing.T) {
	tb := Table{Name: "x", Header: []string{"a"}, Rows: [][]any{{"ok"}, {true}}}
	if err := WriteCSV(&bytes.Buffer{}, tb); err == nil || !strings.Contains(err.Error(), "Rows[1][0]: a bool") {
		t.Errorf("CSV with a bool: %v", err)
	}
	if err := WriteXLSX(&bytes.Buffer{}, tb); err == nil || !strings.Contains(err.Error(), "Rows[1][0]: a bool") {
		t.Errorf("XLSX with a bool: %v", err)
	}
}

// openXLSX writes the tables as XLSX and opens the result.
func openXLSX(t *testing.T, tables ...Table) *excelize.File {
	t.Helper()
	var b bytes.Buffer
	if err := WriteXLSX(&b, tables...); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&b)
	if err != nil {
		t.Fatalf("excelize cannot open the workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func TestWriteXLSX(t *testing.T) {
	f := openXLSX(t, sample())
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Participants"}) {
		t.Fatalf("sheets %q", got)
	}
	const sh = "Participants"
	get := func(at string) string {
		t.Helper()
		v, err := f.GetCellValue(sh, at, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	typ := func(at string) excelize.CellType {
		t.Helper()
		c, err := f.GetCellType(sh, at)
		if err != nil {
			t.Fatal(err)
		}
		return c
	}
	numFmt := func(at string) (int, string) {
		t.Helper()
		id, err := f.GetCellStyle(sh, at)
		if err != nil {
			t.Fatal(err)
		}
		s, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		custom := ""
		if s.CustomNumFmt != nil {
			custom = *s.CustomNumFmt
		}
		return s.NumFmt, custom
	}

	// Header: the headings, in bold.
	for i, h := range sample().Header {
		at := ref(i, 1)
		if got := get(at); got != h {
			t.Errorf("%s = %q, want %q", at, got, h)
		}
		id, _ := f.GetCellStyle(sh, at)
		if s, _ := f.GetStyle(id); s == nil || s.Font == nil || !s.Font.Bold {
			t.Errorf("heading %s is not bold", at)
		}
	}
	// Text stays text, in any script, including digits with a leading zero.
	for at, want := range map[string]string{"A2": "Abebe Bekele", "B2": "አበበ በቀለ", "B3": "李伟", "A3": "Diop, Moussa",
		"H3": "says \"hello\"\non two lines", "H4": "0042", "A4": "Zoë"} {
		if got := get(at); got != want {
			t.Errorf("%s = %q, want %q", at, got, want)
		}
		if c := typ(at); c != excelize.CellTypeSharedString && c != excelize.CellTypeInlineString {
			t.Errorf("%s is of type %v, want text", at, c)
		}
	}
	// Numbers are numbers.
	for at, want := range map[string]float64{"C2": 3, "C3": 12345678, "D2": 0.75, "D3": 1234.5, "C4": -2} {
		if c := typ(at); c != excelize.CellTypeUnset && c != excelize.CellTypeNumber {
			t.Errorf("%s is of type %v, want a number", at, c)
		}
		v, err := strconv.ParseFloat(get(at), 64)
		if err != nil || v != want {
			t.Errorf("%s = %q, want the number %v", at, get(at), want)
		}
		if id, _ := numFmt(at); id != 0 {
			t.Errorf("%s has number format %d", at, id)
		}
	}
	// Dates are date serials with a date format; date-times keep the time
	// of day on their own wall clock.
	for at, want := range map[string]struct {
		serial float64
		format string
	}{
		"E2": {46511, dateNumFmt},            // 2027-05-04
		"G2": {46511, dateNumFmt},            // midnight: a date
		"F2": {46512.395833, dateTimeNumFmt}, // 2027-05-05 09:30 in Addis Ababa
	} {
		v, err := strconv.ParseFloat(get(at), 64)
		if err != nil || v < want.serial-1e-5 || v > want.serial+1e-5 {
			t.Errorf("%s = %q, want the serial %v", at, get(at), want.serial)
		}
		if _, custom := numFmt(at); custom != want.format {
			t.Errorf("%s has the number format %q, want %q", at, custom, want.format)
		}
		shown, _ := f.GetCellValue(sh, at)
		if want.format == dateNumFmt && shown != "2027-05-04" || want.format == dateTimeNumFmt && shown != "2027-05-05 09:30" {
			t.Errorf("%s is shown as %q", at, shown)
		}
	}
	// Empty cells are empty.
	for _, at := range []string{"E3", "F3", "G3", "B4", "E4", "F4"} {
		if got := get(at); got != "" {
			t.Errorf("%s = %q, want empty", at, got)
		}
	}

	// The header row is frozen.
	p, err := f.GetPanes(sh)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Freeze || p.YSplit != 1 || p.XSplit != 0 || p.TopLeftCell != "A2" {
		t.Errorf("panes = %+v, want the first row frozen", p)
	}
	// An autofilter covers the table.
	var filter bool
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm._FilterDatabase" {
			filter = true
			if !strings.Contains(d.RefersTo, "$A$1:$H$4") {
				t.Errorf("autofilter on %s, want A1:H4", d.RefersTo)
			}
		}
	}
	if !filter {
		t.Error("no autofilter")
	}
	if dim, err := f.GetSheetDimension(sh); err != nil || dim != "A1:H4" {
		t.Errorf("dimension %q, %v; want A1:H4", dim, err)
	}
	// Columns fit their content, within limits.
	for col, want := range map[string][2]float64{"A": {13, 20}, "B": {10, 15}, "C": {8, 12}, "E": {11, 14}, "F": {16, 20}, "H": {12, 30}} {
		w, err := f.GetColWidth(sh, col)
		if err != nil || w < want[0] || w > want[1] {
			t.Errorf("column %s is %v wide, want %v to %v", col, w, want[0], want[1])
		}
	}
}

func TestWriteXLSXWidthCap(t *testing.T) {
	f := openXLSX(t, Table{Header: []string{"Notes"}, Rows: [][]any{{strings.Repeat("long text ", 50)}}})
	if w, _ := f.GetColWidth("Sheet1", "A"); w != maxColWidth {
		t.Errorf("width %v, want the cap %d", w, maxColWidth)
	}
}

func TestWriteXLSXTwoTables(t *testing.T) {
	a := Table{Name: "Participants", Header: []string{"Name"}, Rows: [][]any{{"Abebe"}}}
	b := Table{Name: "Attendance", Header: []string{"Session", "Present"}, Rows: [][]any{{"Opening", 38}}}
	f := openXLSX(t, a, b)
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Participants", "Attendance"}) {
		t.Fatalf("sheets %q", got)
	}
	if v, _ := f.GetCellValue("Attendance", "B2"); v != "38" {
		t.Errorf("Attendance!B2 = %q", v)
	}
	if v, _ := f.GetCellValue("Participants", "A2"); v != "Abebe" {
		t.Errorf("Participants!A2 = %q", v)
	}
	for _, sh := range []string{"Participants", "Attendance"} {
		if p, _ := f.GetPanes(sh); !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header not frozen: %+v", sh, p)
		}
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Errorf("active sheet %d, want the first", f.GetActiveSheetIndex())
	}
}

func TestSheetNames(t *testing.T) {
	long := "Participants of the regional workshop on migration"
	tables := []Table{
		{Name: "Attendance 2027/05/04"}, {Name: "Q&A [draft]: what? *"}, {Name: ""}, {Name: "participants"},
		{Name: "Participants"}, {Name: "'quoted'"}, {Name: long}, {Name: long}, {Name: "History"},
		{Name: "Участники семинара по миграции и развитию"},
	}
	want := []string{"Attendance 2027-05-04", "Q&A (draft)- what_ _", "Sheet3", "participants", "Participants (2)",
		"quoted", "Participants of the regional wo", "Participants of the regiona (2)", "History (2)",
		"Участники семинара по миграции"}
	got := sheetNames(tables)
	if !slices.Equal(got, want) {
		t.Errorf("sheet names:\n got %q\nwant %q", got, want)
	}
	for _, n := range got {
		if len([]rune(n)) > 31 {
			t.Errorf("%q is longer than 31 characters", n)
		}
	}
	// Excel (through excelize) accepts them all.
	f := openXLSX(t, tables...)
	if list := f.GetSheetList(); !slices.Equal(list, want) {
		t.Errorf("workbook sheets %q", list)
	}
	// A character outside the Basic Multilingual Plane counts twice.
	if got := cleanSheetName(strings.Repeat("𝔸", 20)); len([]rune(got)) != 15 {
		t.Errorf("%d astral characters kept, want 15", len([]rune(got)))
	}
}

func TestWriteXLSXNoTable(t *testing.T) {
	if err := WriteXLSX(&bytes.Buffer{}); err == nil {
		t.Error("no error for a workbook without a table")
	}
}

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	tb := sample()

	csvPath := filepath.Join(dir, "list.CSV")
	if err := WriteFile(csvPath, tb); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(csvPath)
	if err != nil || !bytes.HasPrefix(data, []byte(bom+"Name,")) {
		t.Fatalf("CSV file: %v %q", err, data[:min(len(data), 20)])
	}

	xlsxPath := filepath.Join(dir, "list.xlsx")
	if err := WriteFile(xlsxPath, tb, Table{Name: "Other", Header: []string{"x"}}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(xlsxPath)
	if err != nil {
		t.Fatal(err)
	}
	if got := f.GetSheetList(); !slices.Equal(got, []string{"Participants", "Other"}) {
		t.Errorf("sheets %q", got)
	}
	f.Close()

	// Replacing a file leaves the new content and nothing else.
	if err := WriteFile(csvPath, Table{Header: []string{"only"}}); err != nil {
		t.Fatal(err)
	}
	if data, _ := os.ReadFile(csvPath); string(data) != bom+"only\r\n" {
		t.Errorf("replaced CSV = %q", data)
	}
	if info, err := os.Stat(csvPath); err == nil && info.Mode().Perm()&0o077 != 0 && os.PathSeparator == '/' {
		t.Errorf("mode %v: the list holds personal data", info.Mode().Perm())
	}
	wantFiles(t, dir, "list.CSV", "list.xlsx")

	for name, tables := range map[string][]Table{
		"two.csv":  {tb, tb},
		"none.csv": nil,
		"list.txt": {tb},
		"list":     {tb},
	} {
		if err := WriteFile(filepath.Join(dir, name), tables...); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
	wantFiles(t, dir, "list.CSV", "list.xlsx")
}

// TestWriteFileFailure checks that a failed write leaves nothing behind
// and the previous file as it was.
func TestWriteFileFailure(t *testing.T) {
	dir := t.TempDir()
	err := WriteFile(filepath.Join(dir, "missing", "list.xlsx"), sample())
	if err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("write into a missing folder: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "missing")); !os.IsNotExist(err) {
		t.Errorf("the missing folder was created")
	}
	wantFiles(t, dir)

	// A cell that cannot be written fails after the temporary file was
	// created: it is removed and the old file kept.
	old := filepath.Join(dir, "list.csv")
	if err := os.WriteFile(old, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	bad := Table{Header: []string{"a"}, Rows: [][]any{{struct{}{}}}}
	for _, name := range []string{"list.csv", "list.xlsx"} {
		if err := WriteFile(filepath.Join(dir, name), bad); err == nil {
			t.Errorf("%s: no error for a bad cell", name)
		}
	}
	if data, _ := os.ReadFile(old); string(data) != "old" {
		t.Errorf("the old file became %q", data)
	}
	wantFiles(t, dir, "list.csv")

	// A folder in the way is reported, not replaced.
	if err := os.Mkdir(filepath.Join(dir, "dir.xlsx"), 0o700); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "dir.xlsx"), sample()); err == nil {
		t.Error("no error writing over a folder")
	}
	wantFiles(t, dir, "dir.xlsx", "list.csv")
}

// wantFiles checks that dir holds exactly the named entries.
func wantFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	slices.Sort(got)
	slices.Sort(names)
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}
