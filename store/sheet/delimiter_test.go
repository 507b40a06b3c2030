package sheet

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestWriteCSVSemicolon writes the sample for Excel set to French (or
// Spanish, German…), which splits CSV lines at semicolons and reads a
// decimal comma: decimals get a comma, fields holding a semicolon are
// quoted, a comma alone no longer needs quotes.
func TestWriteCSVSemicolon(t *testing.T) {
	var b bytes.Buffer
	if err := WriteCSVDelimited(&b, sample(), ';'); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "\uFEFFName;Native name;Count;Rate;Day;Joined at;Since;Notes\r\n") {
		t.Errorf("header line: %q", strings.SplitN(out, "\n", 2)[0])
	}
	for _, want := range []string{
		"\r\nDiop, Moussa;李伟;12345678;1234,5;;;;\"says \"\"hello\"\"\r\non two lines\"\r\n",
		"Abebe Bekele;አበበ በቀለ;3;0,75;2027-05-04;2027-05-05 09:30;2027-05-04;plain\r\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("CSV lacks %q:\n%s", want, out)
		}
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(out, "\uFEFF")))
	r.Comma = ';'
	recs, err := r.ReadAll()
	if err != nil || len(recs) != 4 || !slices.Equal(recs[2][:4], []string{"Diop, Moussa", "李伟", "12345678", "1234,5"}) {
		t.Fatalf("read back: %q, %v", recs, err)
	}
}

func TestWriteCSVSemicolonQuotesSemicolons(t *testing.T) {
	var b bytes.Buffer
	tb := Table{Name: "T", Header: []string{"A"}, Rows: [][]any{{"Dakar; Sénégal"}, {"=1;2"}}}
	if err := WriteCSVDelimited(&b, tb, ';'); err != nil {
		t.Fatal(err)
	}
	if want := "\uFEFFA\r\n\"Dakar; Sénégal\"\r\n\"'=1;2\"\r\n"; b.String() != want {
		t.Errorf("got %q, want %q", b.String(), want)
	}
}

func TestWriteCSVDelimitedRejectsOthers(t *testing.T) {
	for _, d := range []rune{'"', '\n', 'a', 0} {
		if err := WriteCSVDelimited(&bytes.Buffer{}, sample(), d); err == nil {
			t.Errorf("delimiter %q accepted", d)
		}
	}
}

func TestWriteFileDelimited(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "Zoë Ðorđević", "Mes exports")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "participants été.csv")
	if err := WriteFileDelimited(path, ';', sample()); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("\uFEFFName;Native name;")) {
		t.Errorf("file starts %q", data[:30])
	}
	// An XLSX workbook has no delimiter: the same call writes it.
	if err := WriteFileDelimited(filepath.Join(dir, "p.xlsx"), ';', sample()); err != nil {
		t.Fatal(err)
	}
}

func TestParseDelimiter(t *testing.T) {
	for in, want := range map[string]rune{",": ',', "comma": ',', "": ',', ";": ';', "Semicolon": ';', "tab": '\t', "\t": '\t'} {
		if got, err := ParseDelimiter(in); err != nil || got != want {
			t.Errorf("ParseDelimiter(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"|", "colon", ";;"} {
		if _, err := ParseDelimiter(in); err == nil || !strings.Contains(err.Error(), "semicolon") {
			t.Errorf("ParseDelimiter(%q) = %v, want an error naming the choices", in, err)
		}
	}
}
