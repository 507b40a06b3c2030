package main

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/xuri/excelize/v2"
)

// fixture copies a participant list of the importer's test data (copies of
// the lists facilitators really receive) into a temporary folder and
// returns its path there.
func fixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", "store", "importer", "testdata", name))
	if err != nil {
		t.Fatalf("fixture: %v", err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// participantCount returns the number of participants of the sample
// workshop in the data file.
func participantCount(t *testing.T, data string) int {
	t.Helper()
	return len(decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo")))
}

// wantLines checks that out holds every one of want, each as a whole line.
func wantLines(t *testing.T, out string, want ...string) {
	t.Helper()
	lines := strings.Split(out, "\n")
	for _, w := range want {
		if !slices.Contains(lines, w) {
			t.Errorf("output lacks the line %q:\n%s", w, out)
		}
	}
}

// TestImportDryRunThenYes previews a list, imports it and imports it
// again.
func TestImportDryRunThenYes(t *testing.T) {
	data := demoFile(t)
	file := fixture(t, "participants-addis-utf8-bom.csv")

	out := mustRun(t, "--data", data, "import", "--workshop", "demo", file)
	wantLines(t, out,
		"File: participants-addis-utf8-bom.csv (CSV, UTF-8 with BOM, comma-separated, header on row 1)",
		"Workshop: demo, 40 participants",
		`  honorific     ← "Title" (A)`,
		`  given_names   ← "First name" (B)`,
		`  native_name   ← "Name in native script" (D)`,
		`  role          ← "Role" (L)`,
		"62 rows: 60 to add, 0 to update, 2 to skip; 0 problems",
		"Duplicates (2 within the file, 0 already in the workshop):",
		"  row 62: repeats row 5 exactly → skip",
		"  row 63: same email as row 12 → skip",
		"nothing written; run again with --yes to import",
	)
	if strings.Contains(out, "Problems:") || strings.Contains(out, "Ignored rows:") || strings.Contains(out, "Imported") {
		t.Errorf("unexpected section:\n%s", out)
	}
	if n := participantCount(t, data); n != 40 {
		t.Fatalf("the dry run changed the participants: %d, want 40", n)
	}

	out = mustRun(t, "--data", data, "import", "--workshop", "demo", file, "--yes")
	wantLines(t, out,
		"62 rows: 60 to add, 0 to update, 2 to skip; 0 problems",
		"Imported into demo: 60 added, 0 updated, 2 skipped; demo now has 100 participants",
		"  row 62: repeats row 5 exactly",
		"  row 63: the same person as row 12 (same email)",
	)
	if strings.Contains(out, "nothing written") {
		t.Errorf("--yes says nothing was written:\n%s", out)
	}
	list := decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo"))
	if len(list) != 100 {
		t.Fatalf("%d participants after the import, want 100", len(list))
	}
	var found bool
	for _, p := range list {
		if p["email"] == "abebe.bekele0@example.org" {
			found = true
			if p["native_name"] != "አበበ በቀለ" || p["organisation"] != "Permanent Mission to the United Nations" || p["country"] != "ET" {
				t.Errorf("imported row 2 = %v", p)
			}
		}
	}
	if !found {
		t.Error("row 2 was not imported")
	}

	// Again: everyone is already there, with nothing new.
	out = mustRun(t, "--data", data, "import", "--workshop", "demo", file)
	wantLines(t, out,
		"Workshop: demo, 100 participants",
		"62 rows: 0 to add, 0 to update, 60 unchanged, 2 to skip; 0 problems",
		"Duplicates (2 within the file, 60 already in the workshop):",
		"nothing written; run again with --yes to import",
	)
	// Every duplicate is listed, as the README says: a facilitator reads
	// them in a terminal, not in the JSON.
	if n := strings.Count(out, ": already in the workshop as "); n != 60 || strings.Contains(out, " more (--json") {
		t.Errorf("the text lists %d of the 60 already in the workshop:\n%s", n, out)
	}
	if !strings.Contains(out, "  row 2: already in the workshop as Abebe Bekele, badge ") {
		t.Errorf("row 2 is not reported as already in the workshop:\n%s", out)
	}
	rep := decode[map[string]any](t, mustRun(t, "--data", data, "--json", "import", "--workshop", "demo", file))
	counts := rep["counts"].(map[string]any)
	if counts["add"] != 0.0 || counts["update"] != 0.0 || counts["unchanged"] != 60.0 || counts["skip"] != 2.0 || counts["duplicates"] != 62.0 {
		t.Errorf("counts %v", counts)
	}
	dups := rep["duplicates"].([]any)
	for _, d := range dups {
		d := d.(map[string]any)
		if d["participant_id"] == nil || d["badge_code"] == nil {
			t.Errorf("row %v is not found in the workshop: %v", d["row"], d)
		}
	}
	if len(dups) != 62 || rep["written"] != false || rep["summary"] != nil {
		t.Errorf("%d duplicates, written %v, summary %v", len(dups), rep["written"], rep["summary"])
	}
	if n := participantCount(t, data); n != 100 {
		t.Errorf("%d participants, want 100", n)
	}
}

// TestImportJSON checks the JSON of a preview and of an import.
func TestImportJSON(t *testing.T) {
	data := demoFile(t)
	file := fixture(t, "participants-dakar-excel-fr.csv")
	rep := decode[map[string]any](t, mustRun(t, "--data", data, "--json", "import", "--workshop", "demo", file))
	f := rep["file"].(map[string]any)
	if f["name"] != "participants-dakar-excel-fr.csv" || f["format"] != "csv" || f["encoding"] != "Windows-1252" ||
		f["delimiter"] != ";" || f["header_row"] != 1.0 {
		t.Errorf("file %v", f)
	}
	m := rep["mapping"].([]any)
	if len(m) != 12 {
		t.Fatalf("mapping %v", m)
	}
	if first := m[1].(map[string]any); first["field"] != "given_names" || first["column"] != "B" || first["heading"] != "Prénom" {
		t.Errorf("mapping[1] = %v", first)
	}
	counts := rep["counts"].(map[string]any)
	// The six rows with a "?" for a lost letter wait for a correction.
	if counts["rows"] != 45.0 || counts["add"] != 39.0 || counts["skip"] != 6.0 || counts["lost_letters"] != 6.0 ||
		counts["problems"] != 9.0 || counts["blocked"] != 0.0 {
		t.Errorf("counts %v", counts)
	}
	pr := rep["problems"].([]any)[0].(map[string]any)
	if pr["row"] != 22.0 || pr["field"] != "given_names" || pr["kind"] != "lost characters" || pr["blocking"] != false {
		t.Errorf("problem %v", pr)
	}
	for _, k := range []string{"unmapped_columns", "warnings", "duplicates", "ignored"} {
		if list, ok := rep[k].([]any); !ok || len(list) != 0 {
			t.Errorf("%s = %v, want []", k, rep[k])
		}
	}

	rep = decode[map[string]any](t, mustRun(t, "--data", data, "--json", "import", "--workshop", "demo", file, "--yes"))
	sum, ok := rep["summary"].(map[string]any)
	if !ok || rep["written"] != true {
		t.Fatalf("written %v, summary %v", rep["written"], rep["summary"])
	}
	if sum["added"] != 39.0 || sum["updated"] != 0.0 || sum["participants"] != 79.0 || len(sum["skipped"].([]any)) != 6 {
		t.Errorf("summary %v", sum)
	}
}

// TestImportProblems imports a list with a title row, a bad email, a
// guessed name split, a repeated row, a total and an extra column.
func TestImportProblems(t *testing.T) {
	data := demoFile(t)
	file := filepath.Join(t.TempDir(), "inscrits.csv")
	content := "Liste des participants;;;;\r\n" +
		"Nom complet;Sexe;Pays;Courriel;Rôle;Allergies\r\n" +
		"Kebede Alemu;H;Éthiopie;kebede@example.org;Intervenant;\r\n" +
		"Awa Ndiaye;F;Sénégal;awa.ndiaye@example;Participante;noix\r\n" +
		"María José Núñez Ibáñez;Femme;Chili;maria@example.org;;\r\n" +
		"Kebede Alemu;H;Éthiopie;kebede@example.org;Intervenant;\r\n" +
		"Total : 4;;;;\r\n"
	if err := os.WriteFile(file, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	out := mustRun(t, "--data", data, "import", "--workshop", "demo", file)
	wantLines(t, out,
		"File: inscrits.csv (CSV, UTF-8, semicolon-separated, header on row 2)",
		`  full_name  ← "Nom complet" (A)`,
		`  not imported: "Allergies" (F)`,
		"4 rows: 2 to add, 0 to update, 2 to skip; 2 problems (1 row cannot be imported as written)",
		`  row 4, email: "awa.ndiaye@example" is not an email address (the row is skipped)`,
		"  row 6: repeats row 3 exactly → skip",
		"Ignored rows:",
		"  row 7: a total row after the data",
	)
	if !strings.Contains(out, `  row 5, full name: "María José Núñez Ibáñez" was split as given names`) {
		t.Errorf("no name-split warning:\n%s", out)
	}

	// --map reads the allergies into the notes; repeated or comma-separated.
	for _, args := range [][]string{{"--map", "notes=Allergies"}, {"--map", "notes=F,email=Courriel"}, {"--map", "notes=6", "--map", "email=D"}} {
		out = mustRun(t, append([]string{"--data", data, "import", "--workshop", "demo", file}, args...)...)
		wantLines(t, out, `  notes      ← "Allergies" (F)`, `  email      ← "Courriel" (D)`)
		if strings.Contains(out, "not imported") {
			t.Errorf("%v: a column is still not imported:\n%s", args, out)
		}
	}
	out = mustRun(t, "--data", data, "import", "--workshop", "demo", file, "--map", "gender=,country=")
	if strings.Contains(out, "  gender ") || strings.Contains(out, "  country ") {
		t.Errorf("gender= and country= left the fields mapped:\n%s", out)
	}
	wantLines(t, out, `  not imported: "Sexe" (B), "Pays" (C), "Allergies" (F)`)

	out = mustRun(t, "--data", data, "import", "--workshop", "demo", file, "--yes")
	wantLines(t, out,
		"Imported into demo: 2 added, 0 updated, 2 skipped; demo now has 42 participants",
		"Skipped:",
		`  row 4: "awa.ndiaye@example" is not an email address`,
		"  row 6: repeats row 3 exactly",
	)
}

// TestImportMap swaps two columns with --map.
func TestImportMap(t *testing.T) {
	data := demoFile(t)
	file := fixture(t, "participants-addis-utf8-bom.csv")
	out := mustRun(t, "--data", data, "import", "--workshop", "demo", file, "--map", "organisation=Position, position=Organisation", "--yes")
	wantLines(t, out,
		`  organisation  ← "Position" (I)`,
		`  position      ← "Organisation" (G)`,
		"Imported into demo: 60 added, 0 updated, 2 skipped; demo now has 100 participants",
	)
	for _, p := range decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo")) {
		if p["email"] == "abebe.bekele0@example.org" && (p["organisation"] != "Researcher" || p["position"] != "Permanent Mission to the United Nations") {
			t.Errorf("row 2 with the columns swapped = %v", p)
		}
	}

	for _, tt := range []struct{ spec, message string }{
		{"email=Nowhere", `no column "Nowhere"; columns are "Title", "First name"`},
		{"shoe_size=B", `"shoe_size" is not a field`},
		{"email", `"email": write field=Header`},
	} {
		r := runCLI(t, "--data", data, "import", "--workshop", "demo", file, "--map", tt.spec)
		if tt.spec == "email" {
			// A malformed flag value is a usage error.
			if r.code != exitUsage || !strings.Contains(r.stderr, tt.message) {
				t.Errorf("--map %s:\n%s", tt.spec, r)
			}
			continue
		}
		if msg := wantFailure(t, r); !strings.Contains(msg, tt.message) {
			t.Errorf("--map %s: %q lacks %q", tt.spec, msg, tt.message)
		}
	}
	if n := participantCount(t, data); n != 100 {
		t.Errorf("%d participants, want 100", n)
	}
}

func TestMapSpecs(t *testing.T) {
	var m mapSpecs
	for _, s := range []string{"email=E-mail, personal,notes=", "given_names = Prénom", " , "} {
		if err := m.Set(s); err != nil {
			t.Fatal(err)
		}
	}
	if want := []string{"email=E-mail, personal", "notes=", "given_names = Prénom"}; !slices.Equal(m, want) {
		t.Errorf("specs %q, want %q", m, want)
	}
}

// TestImportSheet reads the Santiago workbook by sheet name.
func TestImportSheet(t *testing.T) {
	data := demoFile(t)
	file := fixture(t, "participants-santiago.xlsx")
	for _, sheet := range []string{"participants-santiago", "Participants Santiago"} {
		out := mustRun(t, "--data", data, "import", "--workshop", "demo", file, "--sheet", sheet)
		wantLines(t, out,
			`File: participants-santiago.xlsx (XLSX, sheet "participants-santiago", header on row 1)`,
			`  given_names   ← "Nombre" (B)`,
			`  family_name   ← "Apellidos" (C)`,
			`  email         ← "Correo electrónico" (J)`,
			"38 rows: 38 to add, 0 to update, 0 to skip; 0 problems",
		)
	}
	msg := wantFailure(t, runCLI(t, "--data", data, "import", "--workshop", "demo", file, "--sheet", "Hoja2"))
	if want := `read participants-santiago.xlsx: the XLSX sheet "Hoja2" does not exist; sheets are: "participants-santiago"`; msg != want {
		t.Errorf("unknown sheet: %q\nwant %q", msg, want)
	}
	// --sheet on a CSV file is ignored, with a warning.
	out := mustRun(t, "--data", data, "import", "--workshop", "demo", fixture(t, "participants-addis-utf8-bom.csv"), "--sheet", "x")
	wantLines(t, out, "Warning: --sheet is ignored: a CSV file has no sheets")
}

// TestImportUnreadable checks that a file that is not a list fails in one
// line and changes nothing.
func TestImportUnreadable(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	pngFile := filepath.Join(dir, "logo.png")
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pngFile, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		pngFile:                        "read logo.png: this is not a CSV or XLSX file: it is a PNG image",
		filepath.Join(dir, "none.csv"): "read the spreadsheet: open " + filepath.Join(dir, "none.csv") + ": no such file or directory",
	} {
		for _, yes := range []string{"--yes", "--json"} {
			msg := wantFailure(t, runCLI(t, "--data", data, "import", "--workshop", "demo", file, yes))
			if msg != want {
				t.Errorf("%s: %q\nwant %q", filepath.Base(file), msg, want)
			}
		}
	}
	if n := participantCount(t, data); n != 40 {
		t.Errorf("%d participants, want 40", n)
	}
	msg := wantFailure(t, runCLI(t, "--data", data, "import", "--workshop", "nope", fixture(t, "participants-santiago.xlsx")))
	if !strings.Contains(msg, `no workshop has the code or ID "nope"`) {
		t.Errorf("unknown workshop: %q", msg)
	}
}

// TestImportUsage checks the calls that are wrong whatever the file.
func TestImportUsage(t *testing.T) {
	data := demoFile(t)
	for _, tt := range []struct {
		args    []string
		message string
	}{
		{[]string{"import", "--workshop", "demo"}, "expected --workshop W FILE"},
		{[]string{"import", "--workshop", "demo", "a.csv", "b.csv"}, "expected --workshop W FILE"},
		{[]string{"import", "a.csv"}, "--workshop is required"},
	} {
		r := runCLI(t, append([]string{"--data", data}, tt.args...)...)
		if r.code != exitUsage || !strings.HasPrefix(r.stderr, "workshopctl import: ") || !strings.Contains(r.stderr, tt.message) {
			t.Errorf("%v:\n%s", tt.args, r)
		}
	}
}

// TestParticipantsOut exports the sample participants to CSV and XLSX and
// imports each file back: nothing to add, everyone to update.
func TestParticipantsOut(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()

	csvFile := filepath.Join(dir, "participants.csv")
	out := mustRun(t, "--data", data, "participants", "--workshop", "demo", "--out", csvFile)
	if out != "wrote 40 participants to "+csvFile+"\n" {
		t.Errorf("output %q", out)
	}
	raw, err := os.ReadFile(csvFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(raw, []byte("\xEF\xBB\xBFHonorific,Given names,Family name,Name in native script,")) {
		t.Errorf("CSV starts with %q", raw[:min(len(raw), 60)])
	}
	if !bytes.Contains(raw, []byte("Dr.,Abebe,Bekele,አበበ በቀለ,Ministry of Labour and Skills,government,")) {
		t.Errorf("CSV lacks Abebe Bekele:\n%s", raw)
	}
	if n := bytes.Count(raw, []byte("\r\n")); n != 41 {
		t.Errorf("%d CRLF lines, want 41", n)
	}

	xlsxFile := filepath.Join(dir, "participants.xlsx")
	rep := decode[map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo", "--out", xlsxFile))
	if rep["path"] != xlsxFile || rep["participants"] != 40.0 || rep["workshop"] != "demo" {
		t.Errorf("JSON %v", rep)
	}
	f, err := excelize.OpenFile(xlsxFile)
	if err != nil {
		t.Fatalf("excelize cannot open the export: %v", err)
	}
	rows, err := f.GetRows("Participants")
	f.Close()
	if err != nil || len(rows) != 41 || rows[0][0] != "Honorific" || rows[1][3] != "አበበ በቀለ" {
		t.Errorf("XLSX rows: %v, %d rows, first %q", err, len(rows), rows[:min(len(rows), 2)])
	}

	for _, file := range []string{csvFile, xlsxFile} {
		out := mustRun(t, "--data", data, "import", "--workshop", "demo", file)
		wantLines(t, out,
			`  badge_code         ← "Badge code" (M)`,
			`  joined_at          ← "Joined at" (N)`,
			`  consent_follow_up  ← "Consent to follow-up contact" (R)`,
			"40 rows: 0 to add, 0 to update, 40 unchanged, 0 to skip; 0 problems",
			"Duplicates (0 within the file, 40 already in the workshop):",
		)
	}

	// A late joiner's time edited in the exported file comes back, read
	// in the workshop's time zone.
	before := loadDemo(t, data)
	var late store.Participant
	for _, p := range before.Participants {
		if !p.JoinedAt.IsZero() {
			late = p
			break
		}
	}
	loc := before.Workshop.Location()
	was := late.JoinedAt.In(loc).Format("2006-01-02 15:04")
	moved := late.JoinedAt.In(loc).Add(150 * time.Minute)
	edited := bytes.Replace(raw, []byte(late.BadgeCode+","+was), []byte(late.BadgeCode+","+moved.Format("2006-01-02 15:04")), 1)
	if bytes.Equal(edited, raw) {
		t.Fatalf("the CSV has no %q for %s", late.BadgeCode+","+was, late.FullName())
	}
	editedFile := filepath.Join(t.TempDir(), "edited.csv")
	if err := os.WriteFile(editedFile, edited, 0o600); err != nil {
		t.Fatal(err)
	}
	out = mustRun(t, "--data", data, "import", "--workshop", "demo", "--yes", editedFile)
	wantLines(t, out, "Imported into demo: 0 added, 1 updated, 39 unchanged, 0 skipped; demo now has 40 participants")
	for _, p := range loadDemo(t, data).Participants {
		if p.ID == late.ID && !p.JoinedAt.Equal(moved) {
			t.Errorf("%s joined at %v after the import, want %v", p.FullName(), p.JoinedAt, moved)
		}
	}

	msg := wantFailure(t, runCLI(t, "--data", data, "participants", "--workshop", "demo", "--out", filepath.Join(dir, "list.txt")))
	if !strings.Contains(msg, "must end in .csv or .xlsx") {
		t.Errorf("--out list.txt: %q", msg)
	}
	msg = wantFailure(t, runCLI(t, "--data", data, "participants", "--workshop", "demo", "--out", filepath.Join(dir, "missing", "list.csv")))
	if !strings.Contains(msg, "does not exist") {
		t.Errorf("--out into a missing folder: %q", msg)
	}
	msg = wantFailure(t, runCLI(t, "--data", data, "participants", "--workshop", "demo", "--out", data))
	if !strings.Contains(msg, "must be another file than the data file") {
		t.Errorf("--out the data file: %q", msg)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 2 {
		t.Errorf("%d files in the folder, want the 2 exports", len(entries))
	}
}
