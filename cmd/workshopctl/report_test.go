package main

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// readCSV reads a CSV file as Excel does: the byte order mark, then
// RFC 4180 records.
func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	body, ok := strings.CutPrefix(string(b), "\uFEFF")
	if !ok {
		t.Fatalf("%s has no byte order mark", path)
	}
	recs, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return recs
}

// TestReportWorkshop writes each workshop report in each format and reads
// the files back.
func TestReportWorkshop(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }

	// Attendance as CSV: participants to FILE, sessions beside it.
	got := mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "attendance", "--format", "csv", "--out", out("att.csv"))
	if !strings.Contains(got, "to 2 CSV files") || !strings.Contains(got, out("att.csv")) || !strings.Contains(got, out("att-sessions.csv")) {
		t.Errorf("output does not list the two files:\n%s", got)
	}
	people := readCSV(t, out("att.csv"))
	if len(people) != 41 || people[0][0] != "Family name" || people[0][10] != "Eligible" {
		t.Errorf("participants CSV: %d records, header %q", len(people), people[0])
	}
	sessions := readCSV(t, out("att-sessions.csv"))
	if len(sessions) != 10 || sessions[0][0] != "Date" || sessions[1][3] != "Opening plenary" {
		t.Errorf("sessions CSV: %d records: %q", len(sessions), sessions[:2])
	}

	// Statistics as XLSX: one sheet per table, numbers as numbers.
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "statistics", "--out", out("stats.xlsx"))
	f, err := excelize.OpenFile(out("stats.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	// The eight participation tables, then the learning figures by group
	// (the sample workshop has pre- and post-test answers).
	if sheets := f.GetSheetList(); len(sheets) != 9 || sheets[0] != "By gender" || sheets[8] != "Learning by group" {
		t.Errorf("sheets %q", sheets)
	}
	rows, _ := f.GetRows("By gender")
	if last := rows[len(rows)-1]; last[0] != "Total" || last[1] != "40" {
		t.Errorf("gender total row %q", last)
	}
	if typ, _ := f.GetCellType("By gender", "B2"); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("a count is of type %v", typ)
	}

	// Statistics as CSV: a file per table.
	got = mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "statistics", "--out", out("stats.csv"))
	for _, name := range []string{"stats.csv", "stats-country.csv", "stats-region.csv", "stats-sub-region.csv",
		"stats-organisation-type.csv", "stats-role.csv", "stats-gender-by-org-type-registered.csv", "stats-gender-by-org-type-attended.csv"} {
		if !strings.Contains(got, out(name)) {
			t.Errorf("output does not list %s:\n%s", name, got)
		}
		if recs := readCSV(t, out(name)); recs[len(recs)-1][0] != "Total" {
			t.Errorf("%s: last row %q", name, recs[len(recs)-1])
		}
	}
	if g := readCSV(t, out("stats.csv")); g[0][0] != "Gender" || !slices.ContainsFunc(g, func(r []string) bool { return r[0] == "Prefer not to say" }) {
		t.Errorf("gender CSV %q", g)
	}

	// PDFs: attendance on Letter, agenda in French.
	got = mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "attendance", "--out", out("att.pdf"), "--paper", "letter")
	if got != "wrote the attendance report of demo to "+out("att.pdf")+" (Letter)\n" {
		t.Errorf("output %q", got)
	}
	wantPDF(t, out("att.pdf"))
	if text := pdfText(t, out("att.pdf")); !strings.Contains(text, "ATTENDANCE REPORT") || !strings.Contains(text, "Page 1 of ") {
		t.Errorf("attendance PDF text:\n%s", text)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "agenda", "--language", "fr", "--out", out("agenda.pdf"))
	if text := pdfText(t, out("agenda.pdf")); !strings.Contains(text, "Jour 1 – ") || !strings.Contains(text, "Page 1 sur 1") {
		t.Errorf("agenda PDF text:\n%s", text)
	}
	// The agenda as one CSV file.
	got = mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "agenda", "--out", out("agenda.csv"))
	if got != "wrote the agenda report of demo to "+out("agenda.csv")+" (10 rows)\n" {
		t.Errorf("output %q", got)
	}

	// JSON lists the files.
	type file struct {
		Path, Table string
		Rows        int
	}
	res := decode[struct {
		Subject, Kind, Format string
		Tables                int
		Files                 []file
	}](t, mustRun(t, "--data", data, "--json", "report", "--workshop", "demo", "--kind", "attendance", "--out", out("j.csv")))
	if res.Subject != "demo" || res.Kind != "attendance" || res.Format != "csv" || res.Tables != 2 || len(res.Files) != 2 ||
		res.Files[0].Table != "Participants" || res.Files[0].Rows != 40 || res.Files[1].Path != out("j-sessions.csv") {
		t.Errorf("JSON %+v", res)
	}
	wantOnly(t, dir, "agenda.csv", "agenda.pdf", "att-sessions.csv", "att.csv", "att.pdf", "j-sessions.csv", "j.csv",
		"stats-country.csv", "stats-gender-by-org-type-attended.csv", "stats-gender-by-org-type-registered.csv",
		"stats-learning-by-group.csv", "stats-organisation-type.csv", "stats-region.csv", "stats-role.csv", "stats-sub-region.csv", "stats.csv", "stats.xlsx")
}

// TestReportSeries writes the series report of every workshop.
func TestReportSeries(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	for _, series := range []string{"all", "", "regional workshops on MIGRATION policy"} {
		path := filepath.Join(dir, "series.xlsx")
		got := mustRun(t, "--data", data, "report", "--series", series, "--out", path)
		if !strings.Contains(got, "(10 sheets)") { // the nine of the series, and the sample's evaluation compared
			t.Errorf("--series %q: %s", series, got)
		}
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "series.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Workshops", "A2"); v != "demo" {
		t.Errorf("Workshops!A2 = %q", v)
	}
	pdfPath := filepath.Join(dir, "series.pdf")
	mustRun(t, "--data", data, "report", "--series", "all", "--out", pdfPath)
	if text := pdfText(t, pdfPath); !strings.Contains(text, "SERIES REPORT") || !strings.Contains(text, "All workshops") {
		t.Errorf("series PDF:\n%s", text)
	}
	msg := wantFailure(t, runCLI(t, "--data", data, "report", "--series", "all", "--year", "1999", "--out", pdfPath))
	if !strings.Contains(msg, "no workshop starts in 1999") {
		t.Errorf("message %q", msg)
	}
	msg = wantFailure(t, runCLI(t, "--data", data, "report", "--series", "Other series", "--out", pdfPath))
	if !strings.Contains(msg, "no workshop belongs to the series “Other series”") {
		t.Errorf("message %q", msg)
	}
}

// TestReportUsage checks the wrong calls: exit status 2 and a message.
func TestReportUsage(t *testing.T) {
	data := demoFile(t)
	out := filepath.Join(t.TempDir(), "r.pdf")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"--kind", "agenda"}, "--out is required"},
		{[]string{"--out", out}, "--workshop or --series is required"},
		{[]string{"--workshop", "demo", "--series", "x", "--out", out}, "not both"},
		{[]string{"--workshop", "demo", "--out", out}, "--kind is required"},
		{[]string{"--workshop", "demo", "--kind", "budget", "--out", out}, `--kind "budget"`},
		{[]string{"--series", "all", "--kind", "agenda", "--out", out}, "--kind is for workshop reports"},
		{[]string{"--workshop", "demo", "--kind", "agenda", "--year", "2027", "--out", out}, "--year is for series reports"},
		{[]string{"--workshop", "demo", "--kind", "agenda", "--out", "r.txt"}, "--format is required"},
		{[]string{"--workshop", "demo", "--kind", "agenda", "--format", "docx", "--out", out}, `--format "docx"`},
		{[]string{"--workshop", "demo", "--kind", "agenda", "--format", "csv", "--out", out}, "--out must end in .csv"},
		{[]string{"--workshop", "demo", "--kind", "agenda", "--paper", "a3", "--out", out}, `--paper "a3"`},
		{[]string{"--workshop", "demo", "--kind", "attendance", "--language", "xx", "--out", out}, `--language "xx"`},
		{[]string{"--workshop", "demo", "--kind", "agenda", "--language", "de", "--out", out}, `--language "de"`},
	} {
		r := runCLI(t, append([]string{"--data", data, "report"}, tt.args...)...)
		first, _, _ := strings.Cut(r.stderr, "\n")
		if r.code != exitUsage || !strings.Contains(first, tt.want) || !strings.Contains(r.stderr, "Usage: workshopctl") {
			t.Errorf("%q: want exit 2 and %q, got:\n%s", tt.args, tt.want, r)
		}
	}
	// The data file is never a report.
	odd := filepath.Join(t.TempDir(), "data.csv")
	mustRun(t, "--data", odd, "init-demo")
	msg := wantFailure(t, runCLI(t, "--data", odd, "report", "--workshop", "demo", "--kind", "agenda", "--out", odd))
	if !strings.Contains(msg, "must be another file than the data file") {
		t.Errorf("message %q", msg)
	}
	if msg := wantFailure(t, runCLI(t, "--data", data, "report", "--workshop", "nope", "--kind", "agenda", "--out", out)); !strings.Contains(msg, `"nope"`) {
		t.Errorf("message %q", msg)
	}
}
