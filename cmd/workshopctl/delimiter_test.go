package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store/importer"
)

// readCSVWith reads a CSV file written with a byte order mark and delim.
func readCSVWith(t *testing.T, path string, delim rune) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r := csv.NewReader(strings.NewReader(strings.TrimPrefix(string(b), "\uFEFF")))
	r.Comma = delim
	recs, err := r.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestDelimiterSemicolon exports the participants and a report for Excel
// set to French (--delimiter semicolon), into a folder named like a
// Windows user's, and the import reads the list back as semicolon CSV.
func TestDelimiterSemicolon(t *testing.T) {
	data := demoFile(t)
	dir := filepath.Join(t.TempDir(), "Zoë Ðorđević", "Mes exports")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	list := filepath.Join(dir, "participants été.csv")
	mustRun(t, "--data", data, "participants", "--workshop", "demo", "--out", list, "--delimiter", "semicolon")
	recs := readCSVWith(t, list, ';')
	if len(recs) != 41 || len(recs[0]) != 18 || recs[0][2] != "Family name" {
		t.Fatalf("%d records, header %q", len(recs), recs[0])
	}
	tb, err := importer.ReadFile(list, "")
	if err != nil || tb.Delimiter != ';' || len(tb.Rows) != 41 {
		t.Fatalf("import reads %v rows with %q: %v", len(tb.Rows), tb.Delimiter, err)
	}

	att := filepath.Join(dir, "présences.csv")
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "attendance", "--out", att, "--delimiter", ";")
	for _, f := range []string{att, filepath.Join(dir, "présences-sessions.csv")} {
		recs := readCSVWith(t, f, ';')
		if len(recs) < 10 || len(recs[0]) < 5 {
			t.Errorf("%s: %d records of %d fields", f, len(recs), len(recs[0]))
		}
	}

	// The default stays the comma.
	mustRun(t, "--data", data, "participants", "--workshop", "demo", "--out", list)
	if recs := readCSV(t, list); len(recs[0]) != 18 {
		t.Errorf("default export: header %q", recs[0])
	}
}

func TestDelimiterMisuse(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"participants", "--workshop", "demo", "--out", filepath.Join(dir, "p.csv"), "--delimiter", "|"}, "semicolon"},
		{[]string{"participants", "--workshop", "demo", "--out", filepath.Join(dir, "p.xlsx"), "--delimiter", ";"}, "--delimiter is for CSV"},
		{[]string{"participants", "--workshop", "demo", "--delimiter", ";"}, "--delimiter is for CSV"},
		{[]string{"report", "--workshop", "demo", "--kind", "agenda", "--out", filepath.Join(dir, "a.pdf"), "--delimiter", ";"}, "--delimiter is for CSV"},
		{[]string{"report", "--workshop", "demo", "--kind", "agenda", "--out", filepath.Join(dir, "a.csv"), "--delimiter", "colon"}, "semicolon"},
	} {
		r := runCLI(t, append([]string{"--data", data}, tt.args...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tt.want) {
			t.Errorf("workshopctl %s: want a usage error saying %q, got:\n%s", strings.Join(tt.args, " "), tt.want, r)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a refused export wrote %d files", len(entries))
	}
}
