package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// badges returns the demo workshop's badge codes, in the list's order.
func demoBadges(t *testing.T, data string) []string {
	t.Helper()
	var codes []string
	for _, line := range strings.Split(mustRun(t, "--data", data, "participants", "--workshop", "demo"), "\n")[1:] {
		if f := strings.Fields(line); len(f) > 0 {
			codes = append(codes, f[0])
		}
	}
	return codes
}

// TestImportAttendanceCommand: the preview names each bad row, writes
// nothing and exits 1 (as import-evaluations does); --yes refuses while a
// row has a problem, then records a clean file.
func TestImportAttendanceCommand(t *testing.T) {
	data := demoFile(t)
	codes := demoBadges(t, data)
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	text := "Badge code,Session,Status,Time,Note\n" +
		codes[0] + ",1,present,09:02,\n" +
		"ZZZZZ,1,present,,\n" +
		codes[1] + ",99,present,,\n" +
		codes[1] + ",2,maybe,,\n" +
		codes[0] + ",1,late,,\n"
	if err := os.WriteFile(bad, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	before := mustRun(t, "--data", data, "attendance", "--workshop", "demo")
	r := runCLI(t, "--data", data, "import-attendance", "--workshop", "demo", bad)
	if msg := wantFailure(t, r); !strings.Contains(msg, "nothing was written: 4 rows have problems") {
		t.Errorf("preview with bad rows: %q", msg)
	}
	out := r.stdout
	for _, want := range []string{`row 3: unknown badge code "ZZZZZ"`, "row 4: unknown session 99", `row 5: bad status "maybe"`,
		"row 6: duplicate row: row 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("preview lacks %q:\n%s", want, out)
		}
	}
	msg := wantFailure(t, runCLI(t, "--data", data, "import-attendance", "--workshop", "demo", bad, "--yes"))
	if !strings.Contains(msg, "nothing was imported: 4 rows have problems") {
		t.Errorf("--yes with bad rows: %q", msg)
	}
	if after := mustRun(t, "--data", data, "attendance", "--workshop", "demo"); after != before {
		t.Errorf("the attendance changed although nothing was to be imported:\n%s\n%s", before, after)
	}

	good := filepath.Join(dir, "good.csv")
	if err := os.WriteFile(good, []byte("Badge,Session,Status\n"+codes[2]+",1,excused\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, "--data", data, "import-attendance", "--workshop", "demo", good, "--yes")
	if !strings.Contains(out, "were recorded") {
		t.Errorf("import output:\n%s", out)
	}
	rep := decode[importAttendanceReport](t, mustRun(t, "--data", data, "--json", "import-attendance", "--workshop", "demo", good))
	if rep.Unchanged != 1 || rep.Written || len(rep.Problems) != 0 {
		t.Errorf("importing the same file again: %+v, want one unchanged mark", rep)
	}
}
