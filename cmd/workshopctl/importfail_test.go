package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportYesFailsWhenNothingImported checks that import --yes exits
// with status 1 when no column is mapped to a name or no row could be
// imported, so that a script does not take an empty import for success.
func TestImportYesFailsWhenNothingImported(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	noName := write("no-name.csv", "Timestamp,Participant ID,Email address,Organisation\n"+
		"2027/02/10 9:14:03,P-1,abebe@example.org,Ministry of Foreign Affairs\n")
	r := runCLI(t, "--data", data, "import", "--workshop", "demo", noName, "--yes")
	msg := wantFailure(t, r)
	if !strings.Contains(msg, "no column is mapped to a name") || !strings.Contains(msg, "--map full_name=") {
		t.Errorf("no name column: %q", msg)
	}
	if !strings.Contains(r.stdout, "Warning: no column is mapped to a name") {
		t.Errorf("the preview should still be printed:\n%s", r.stdout)
	}

	badRows := write("bad.csv", "Full name,Email\nAwa Ndiaye,awa.ndiaye@example\n,moussa@example.org\n")
	for _, args := range [][]string{{"--yes"}, {"--yes", "--json"}} {
		r = runCLI(t, append([]string{"--data", data, "import", "--workshop", "demo", badRows}, args...)...)
		if msg := wantFailure(t, r); msg != "nothing was imported: none of the 2 rows could be imported; correct the file and import it again" {
			t.Errorf("%v: %q", args, msg)
		}
	}
	if n := participantCount(t, data); n != 40 {
		t.Fatalf("%d participants after failed imports, want 40", n)
	}

	// A dry run of the same files succeeds: it only says what would happen.
	mustRun(t, "--data", data, "import", "--workshop", "demo", noName)
	mustRun(t, "--data", data, "import", "--workshop", "demo", badRows)
}

// TestImportLostLettersSkipped imports a Windows-1252 list in which Excel
// replaced letters with "?": those rows are skipped, saying why, and the
// others are imported.
func TestImportLostLettersSkipped(t *testing.T) {
	data := newDataFile(t)
	mustRun(t, "--data", data, "add-workshop", "--code", "dakar-2027", "--title", "Atelier régional", "--city", "Dakar",
		"--country", "SN", "--start", "2027-03-08", "--end", "2027-03-10")
	file := fixture(t, "lost-letters-cp1252.csv")
	out := mustRun(t, "--data", data, "import", "--workshop", "dakar-2027", file)
	wantLines(t, out, `5 rows: 2 to add, 0 to update, 3 to skip; 5 problems (names with a "?" for a lost letter are skipped until corrected)`)
	out = mustRun(t, "--data", data, "import", "--workshop", "dakar-2027", file, "--yes")
	wantLines(t, out, "Imported into dakar-2027: 2 added, 0 updated, 3 skipped; dakar-2027 now has 2 participants")
	if !strings.Contains(out, `  row 3: "?ule" has a "?" where a letter was probably lost`) {
		t.Errorf("the skipped row should say why:\n%s", out)
	}
	if strings.Contains(mustRun(t, "--data", data, "participants", "--workshop", "dakar-2027"), "?ule") {
		t.Error("a damaged name was imported")
	}
}

// TestImportFormExport imports an online-form export whose name column is
// headed by the question asked.
func TestImportFormExport(t *testing.T) {
	data := demoFile(t)
	out := mustRun(t, "--data", data, "import", "--workshop", "demo", fixture(t, "form-google-en.csv"), "--yes")
	wantLines(t, out,
		`  full_name     ← "Full name (as it should appear on your certificate)" (C)`,
		"Imported into demo: 3 added, 1 updated, 0 skipped; demo now has 43 participants")
}

// TestDateFlagsISO gives the days of a workshop and a session as ISO 8601
// (spaces around them are forgiven) and names the format for anything
// else.
func TestDateFlagsISO(t *testing.T) {
	data := newDataFile(t)
	mustRun(t, "--data", data, "add-workshop", "--code", "lome-2026", "--title", "Atelier", "--city", "Lomé",
		"--country", "TG", "--start", "2026-12-14", "--end", " 2026-12-16")
	mustRun(t, "--data", data, "add-session", "--workshop", "lome-2026", "--date", "2026-12-15", "--start", "09:00", "--end", "10:30", "--title", "Ouverture")
	msg := wantFailure(t, runCLI(t, "--data", data, "add-workshop", "--code", "kara-2026", "--title", "Atelier", "--city", "Kara",
		"--country", "TG", "--start", "14/12/2026", "--end", "2026-12-16"))
	if !strings.Contains(msg, `"14/12/2026" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-14`) {
		t.Errorf("a day-first date: %q", msg)
	}
}
