package report

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// TestXLSX writes the attendance and statistics tables to one workbook and
// reads it back cell by cell with excelize: every sheet, heading and cell,
// numbers as numbers, dates as dates with a date format, text as text and
// empty cells empty.
func TestXLSX(t *testing.T) {
	d, overrides := fixture()
	perSession, perParticipant := AttendanceWithOverrides(d, overrides, fixtureNow)
	tables := append([]sheet.Table{perSession, perParticipant, Agenda(d)}, Statistics(d)...)
	path := filepath.Join(t.TempDir(), "report.xlsx")
	if err := sheet.WriteFile(path, tables...); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var want []string
	for _, tb := range tables {
		want = append(want, tb.Name)
	}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	cells := 0
	for _, tb := range tables {
		sh := tb.Name
		for j, h := range tb.Header {
			at, _ := excelize.CoordinatesToCellName(j+1, 1)
			if v, _ := f.GetCellValue(sh, at); v != h {
				t.Errorf("%s!%s = %q, want the heading %q", sh, at, v, h)
			}
		}
		if p, _ := f.GetPanes(sh); !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: header row not frozen", sh)
		}
		for i, row := range tb.Rows {
			for j, v := range row {
				at, _ := excelize.CoordinatesToCellName(j+1, i+2)
				checkCell(t, f, sh, at, v)
				cells++
			}
		}
	}
	if cells < 200 {
		t.Errorf("only %d cells checked", cells)
	}
}

// checkCell checks that the cell at sh!at holds v with its type.
func checkCell(t *testing.T, f *excelize.File, sh, at string, v any) {
	t.Helper()
	raw, err := f.GetCellValue(sh, at, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	typ, _ := f.GetCellType(sh, at)
	numFmt := func() string {
		id, _ := f.GetCellStyle(sh, at)
		s, _ := f.GetStyle(id)
		if s == nil || s.CustomNumFmt == nil {
			return ""
		}
		return *s.CustomNumFmt
	}
	number := func(want float64) {
		if typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s!%s is of type %v, want a number", sh, at, typ)
		}
		if got, err := strconv.ParseFloat(raw, 64); err != nil || got != want {
			t.Errorf("%s!%s = %q, want the number %v", sh, at, raw, want)
		}
	}
	switch v := v.(type) {
	case nil:
		if raw != "" {
			t.Errorf("%s!%s = %q, want empty", sh, at, raw)
		}
	case string:
		if raw != v {
			t.Errorf("%s!%s = %q, want %q", sh, at, raw, v)
		}
		if v != "" && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
			t.Errorf("%s!%s (%q) is of type %v, want text", sh, at, v, typ)
		}
	case int:
		number(float64(v))
	case float64:
		number(v)
	case interface{ String() string }: // store.Date
		shown, _ := f.GetCellValue(sh, at)
		if shown != v.String() || numFmt() != "yyyy-mm-dd" {
			t.Errorf("%s!%s is shown %q in format %q, want the date %s", sh, at, shown, numFmt(), v)
		}
		if _, err := strconv.ParseFloat(raw, 64); err != nil {
			t.Errorf("%s!%s = %q, not a date serial", sh, at, raw)
		}
	default:
		t.Fatalf("%s!%s: unexpected cell %T", sh, at, v)
	}
}

// TestCSV writes the participants table as CSV and reads it back as Excel
// does: a UTF-8 byte order mark, then RFC 4180 fields (quoted where they
// hold commas or quotes).
func TestCSV(t *testing.T) {
	d, overrides := fixture()
	_, perParticipant := AttendanceWithOverrides(d, overrides, fixtureNow)
	var b bytes.Buffer
	if err := sheet.WriteCSV(&b, perParticipant); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	body, ok := strings.CutPrefix(out, "\uFEFF")
	if !ok {
		t.Fatalf("no byte order mark: %q", out[:12])
	}
	// The reason of Diop holds commas and is quoted.
	if !strings.Contains(body, `,yes,"speaker: certificate of appreciation whatever the attendance (1 of 2 sessions so far, 50% < 80%; `) {
		t.Errorf("reason not quoted:\n%s", body)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != len(perParticipant.Rows)+1 || !slices.Equal(recs[0], perParticipant.Header) {
		t.Fatalf("read back %d records, header %q", len(recs), recs[0])
	}
	want := [][]string{
		{"Bekele", "Abebe", "አበበ በቀለ", "Org of Abebe", "Ethiopia", "Participant", "3", "3", "4.5", "100", "yes", "3 of 3 sessions, 100% >= 80%"},
		{"Çağlar", "Şule", "", "Org of Şule", "Türkiye", "Participant", "1", "1", "1.5", "100", "yes", "1 of 1 session, 100% >= 80%"},
		{"Diop", "Moussa", "", "Org of Moussa", "Senegal", "Speaker", "1", "3", "1.5", "50", "yes",
			"speaker: certificate of appreciation whatever the attendance (1 of 2 sessions so far, 50% < 80%; 1 session to come; at most 2 of 3 sessions, 67% < 80%)"},
		{"González", "María Fernanda", "", "", "Chile", "Participant", "2", "3", "3", "66.7", "no",
			"2 of 3 sessions, 67% < 80%; missed mandatory: Opening plenary"},
		{"Håkansson", "Ingrid", "", "Org of Ingrid", "ZZ", "Participant", "2", "3", "3", "100", "no",
			"2 of 2 sessions so far, 100% >= 80%; 1 session to come"},
		{"Li", "Wei", "李伟", "Org of Wei", "Ethiopia", "Observer", "0", "3", "0", "0", "yes",
			"granted by hand: Chaired a working group (0 of 3 sessions, 0% < 80%; missed mandatory: Opening plenary)"},
	}
	for i, w := range want {
		if !slices.Equal(recs[i+1], w) {
			t.Errorf("record %d:\n got %q\nwant %q", i+1, recs[i+1], w)
		}
	}

	// The sessions table: dates ISO, an empty percentage empty.
	perSession, _ := Attendance(d, fixtureNow)
	b.Reset()
	if err := sheet.WriteCSV(&b, perSession); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimPrefix(b.String(), "\uFEFF"), "\r\n")
	for i, w := range []string{
		"Date,Start,End,Session,Type,Present,Late,Excused,Absent,Not applicable,Pending,Expected,% of expected",
		"2027-03-08,09:00,10:30,Opening plenary,Plenary,2,1,1,1,1,0,5,60",
		"2027-03-08,11:00,12:30,Panel on data,Panel,3,0,0,2,1,0,5,60",
		"2027-03-09,09:00,10:30,Working groups,Working group,3,0,0,1,0,2,6,50",
		"2027-03-09,11:00,12:00,Site visit,Field visit,0,0,0,0,0,6,6,",
		"",
	} {
		if i >= len(lines) || lines[i] != w {
			t.Errorf("line %d: got %q, want %q", i+1, fmt.Sprint(lines[min(i, len(lines)-1)]), w)
		}
	}
}
