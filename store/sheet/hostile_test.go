package sheet

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// Hostile cases: files we write must not attack the program that opens
// them. Run the whole hostile suite with: go test ./... -run Hostile

// formulas are cell texts that LibreOffice and Excel evaluate when a CSV
// file is opened, unless escaped.
var formulas = []string{
	`=HYPERLINK("http://x","click")`,
	`=cmd|' /C calc'!A0`,
	"+1", "-1", "@SUM(1+1)*cmd|' /C calc'!A0",
	"\t=1+1", "'=1+1", "''+1",
}

// startsLive reports whether a CSV field would be read as a formula.
func startsLive(s string) bool {
	return s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0]))
}

func TestHostileCSVFormulaInjection(t *testing.T) {
	tb := Table{Header: []string{"Name", "=1+1", "Count"}}
	for _, f := range formulas {
		tb.Rows = append(tb.Rows, []any{f, "Ok", -2})
	}
	var b bytes.Buffer
	if err := WriteCSV(&b, tb); err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), bom))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if recs[0][1] != "'=1+1" {
		t.Errorf("heading %q, want it escaped as '=1+1", recs[0][1])
	}
	for i, rec := range recs[1:] {
		if startsLive(rec[0]) {
			t.Errorf("%q is written as %q: a live formula", formulas[i], rec[0])
		}
		if rec[0] != "'"+formulas[i] {
			t.Errorf("%q is written as %q, want a leading apostrophe", formulas[i], rec[0])
		}
		if got := UnescapeFormula(rec[0]); got != formulas[i] {
			t.Errorf("UnescapeFormula(%q) = %q, want %q", rec[0], got, formulas[i])
		}
		if rec[2] != "-2" {
			t.Errorf("the number -2 is written as %q: numbers are not text and keep their sign", rec[2])
		}
	}
	// A carriage return (which CSV readers drop or take as a line end)
	// is escaped too.
	if got := EscapeFormula("\r=1+1"); got != "'\r=1+1" || UnescapeFormula(got) != "\r=1+1" {
		t.Errorf("EscapeFormula(\"\\r=1+1\") = %q", got)
	}
	// Text that does not start a formula is written as it is, and read
	// back as it is.
	for _, s := range []string{"'quoted", "O'Brien", "a=b", "Zoë", "'", "''"} {
		if EscapeFormula(s) != s || UnescapeFormula(s) != s {
			t.Errorf("%q escaped %q, unescaped %q: want it unchanged", s, EscapeFormula(s), UnescapeFormula(s))
		}
	}
}

// TestHostileXLSXHasNoFormulas: the XLSX export writes every text cell as
// a string, never as a formula, so it needs no escaping.
func TestHostileXLSXHasNoFormulas(t *testing.T) {
	tb := Table{Name: "Participants", Header: []string{"Name", "=1+1"}}
	for _, f := range formulas {
		tb.Rows = append(tb.Rows, []any{f, 3})
	}
	f := openXLSX(t, tb)
	for r := range len(formulas) + 1 {
		at := ref(0, r+1)
		if fo, err := f.GetCellFormula("Participants", at); err != nil || fo != "" {
			t.Errorf("%s has the formula %q (%v)", at, fo, err)
		}
		v, err := f.GetCellValue("Participants", at)
		want := tb.Header[0]
		if r > 0 {
			want = formulas[r-1]
		}
		if err != nil || v != want {
			t.Errorf("%s = %q, %v; want the text %q as written", at, v, err, want)
		}
	}
	// No <f> element anywhere in the sheet.
	var b bytes.Buffer
	if err := WriteXLSX(&b, tb); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(b.Bytes()), int64(b.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		xml, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(xml, []byte("<f>")) || bytes.Contains(xml, []byte("<f ")) {
			t.Errorf("%s holds a formula:\n%s", zf.Name, xml)
		}
	}
}

// TestHostileXLSXNeverCutsText: a text longer than an XLSX cell holds is
// refused, naming the cell, rather than cut short without a word.
func TestHostileXLSXNeverCutsText(t *testing.T) {
	tb := Table{Name: "Participants", Header: []string{"Name"}, Rows: [][]any{{"Abebe"}, {strings.Repeat("x", 10<<20)}}}
	var b bytes.Buffer
	err := WriteXLSX(&b, tb)
	if err == nil || !strings.Contains(err.Error(), "cell A3") || !strings.Contains(err.Error(), "32767") {
		t.Errorf("WriteXLSX = %v, want an error naming cell A3 and the limit", err)
	}
}
