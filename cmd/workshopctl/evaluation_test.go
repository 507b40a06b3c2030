package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// evalSummary is the JSON of "workshopctl evaluation".
type evalSummary struct {
	Responses    int     `json:"responses"`
	Attended     int     `json:"attended"`
	ResponseRate float64 `json:"response_rate"`
	Items        []struct {
		Item     string  `json:"item"`
		Mean     float64 `json:"mean"`
		Counts   []int   `json:"counts"`
		AgreePct float64 `json:"agree_pct"`
	} `json:"items"`
}

func evaluationOf(t *testing.T, data string) evalSummary {
	t.Helper()
	return decode[evalSummary](t, mustRun(t, "--data", data, "--json", "evaluation", "--workshop", "demo"))
}

// ratingsLine returns a full ratings line for the demo form: n items.
func ratingsLine(n int, v string) string { return strings.TrimSpace(strings.Repeat(v+" ", n)) }

func TestEvaluationSummaryJSON(t *testing.T) {
	data := demoFile(t)
	sum := evaluationOf(t, data)
	if sum.Responses != 14 || sum.Attended == 0 || len(sum.Items) == 0 || sum.Items[0].Item != "satisfaction" || len(sum.Items[0].Counts) != 5 {
		t.Fatalf("evaluation --json = %+v", sum)
	}
	out := mustRun(t, "--data", data, "evaluation", "--workshop", "demo")
	if !strings.Contains(out, "demo: 14 forms of") || !strings.Contains(out, "Overall, I am satisfied with the workshop.") {
		t.Errorf("evaluation output:\n%s", out)
	}
}

func TestRecordEvaluationCommand(t *testing.T) {
	data := demoFile(t)
	items := len(evaluationOf(t, data).Items)
	line := ratingsLine(items-1, "4") + " -"
	out := mustRun(t, "--data", data, "record-evaluation", "--workshop", "demo", "--form", "40", "--ratings", line,
		"--comment", "suggestions=Больше практики")
	if !strings.Contains(out, "recorded form 40 of demo") || !strings.Contains(out, "Больше практики") {
		t.Errorf("record-evaluation output:\n%s", out)
	}
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"--form", "40", "--ratings", line}, "the form number 40 is already recorded"},
		{[]string{"--form", "41", "--ratings", "6 " + ratingsLine(items-1, "4")}, `item 1: "6": out of range`},
		{[]string{"--form", "42", "--ratings", line, "--comment", "99=x"}, "item 99 is not on the form"},
		{[]string{"--form", "43", "--ratings", "5 4"}, "2 ratings given"},
	} {
		msg := wantFailure(t, runCLI(t, append([]string{"--data", data, "record-evaluation", "--workshop", "demo"}, c.args...)...))
		if !strings.Contains(msg, c.want) {
			t.Errorf("%v: %q lacks %q", c.args, msg, c.want)
		}
	}
	if n := evaluationOf(t, data).Responses; n != 15 {
		t.Errorf("%d responses; want 14 + 1", n)
	}
}

func TestImportEvaluationsCommand(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	good := filepath.Join(dir, "answers.csv")
	os.WriteFile(good, []byte("Timestamp,Email,\"Overall, I am satisfied with the workshop.\",2,What would you suggest to improve the workshop?\n"+
		"2027-01-01,ana@example.org,Strongly agree,Muy de acuerdo,\"=HYPERLINK(\"\"x\"\")\"\n"+
		"2027-01-01,omar@example.org,Tout à fait d'accord,3,\n"), 0o600)
	out := mustRun(t, "--data", data, "import-evaluations", "--workshop", "demo", good)
	if !strings.Contains(out, "2 forms would be recorded") || !strings.Contains(out, `"Email": left out`) {
		t.Errorf("dry run:\n%s", out)
	}
	if n := evaluationOf(t, data).Responses; n != 14 {
		t.Fatalf("the dry run recorded forms: %d", n)
	}
	out = mustRun(t, "--data", data, "import-evaluations", "--workshop", "demo", good, "--yes")
	if !strings.Contains(out, "recorded 2 forms in demo") {
		t.Errorf("--yes:\n%s", out)
	}
	if n := evaluationOf(t, data).Responses; n != 16 {
		t.Errorf("%d responses after the import; want 16", n)
	}
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte("Form,1,2,Q77\n1,5,4,\n90,8,4,\n"), 0o600)
	r := runCLI(t, "--data", data, "import-evaluations", "--workshop", "demo", bad, "--yes")
	msg := wantFailure(t, r)
	for _, want := range []string{"row 2: form 1 is already recorded", `row 3: item 1 (Overall, I am satisfied with the worksh…): "8" is out of range`, `column D ("Q77"): there is no such item`} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("problems lack %q:\n%s", want, r.stdout)
		}
	}
	if !strings.Contains(msg, "nothing was imported") {
		t.Errorf("message %q", msg)
	}
	if n := evaluationOf(t, data).Responses; n != 16 {
		t.Errorf("a refused file changed the responses: %d", n)
	}
}

// TestHostileEvaluationImportAnonymous: an online form's export with the
// respondents' emails and names imports without them: neither the data
// file nor its JSON export holds them.
func TestHostileEvaluationImportAnonymous(t *testing.T) {
	data := demoFile(t)
	file := filepath.Join(t.TempDir(), "answers.csv")
	os.WriteFile(file, []byte("Name,Email,1\nZelda Quixotic-Marsh,zelda.q@leak.example,5\n"), 0o600)
	mustRun(t, "--data", data, "import-evaluations", "--workshop", "demo", file, "--yes")
	export := filepath.Join(t.TempDir(), "all.json")
	mustRun(t, "--data", data, "export", "--out", export)
	for _, path := range []string{data, export} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, leak := range []string{"Zelda", "zelda.q@leak.example"} {
			if strings.Contains(string(raw), leak) {
				t.Errorf("%s holds %q", filepath.Base(path), leak)
			}
		}
	}
}

func TestEvaluationFormsAndReport(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	out := mustRun(t, "--data", data, "evaluation-forms", "--workshop", "demo", "--out", filepath.Join(dir, "f.pdf"), "--language", "fr", "--copies", "3")
	if !strings.Contains(out, "wrote 3 evaluation forms (numbers 1 to 3; 3 in fr; anonymous)") {
		t.Errorf("evaluation-forms:\n%s", out)
	}
	out = mustRun(t, "--data", data, "evaluation-forms", "--workshop", "demo", "--out", filepath.Join(dir, "g.pdf"))
	if !strings.Contains(out, "(numbers 4 to ") {
		t.Errorf("the second printing does not number on:\n%s", out)
	}
	if text, err := exec.Command("pdftotext", filepath.Join(dir, "f.pdf"), "-").Output(); err == nil {
		if s := string(text); !strings.Contains(s, "Formulaire n° 1") || !strings.Contains(s, "Dans l'ensemble, je suis satisfait(e) de l'atelier.") {
			t.Errorf("the French form reads:\n%.600s", s)
		}
	}
	wantFailure(t, runCLI(t, "--data", data, "evaluation-forms", "--workshop", "demo", "--out", filepath.Join(dir, "h.pdf"), "--copies", "2"))
	out = mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "evaluation", "--out", filepath.Join(dir, "e.csv"))
	if !strings.Contains(out, "e-comments.csv") {
		t.Errorf("report --kind evaluation:\n%s", out)
	}
	csv, _ := os.ReadFile(filepath.Join(dir, "e-comments.csv"))
	if !strings.Contains(string(csv), "气候变化与农村移民") {
		t.Errorf("comments CSV:\n%s", csv)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "evaluation", "--out", filepath.Join(dir, "e.pdf"))
	if text, err := exec.Command("pdftotext", filepath.Join(dir, "e.pdf"), "-").Output(); err == nil {
		for _, want := range []string{"Sessions, best rated first", "Les échanges entre pairs", "satisfied"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("the evaluation report lacks %q", want)
			}
		}
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "statistics", "--out", filepath.Join(dir, "s.pdf"))
	if text, err := exec.Command("pdftotext", filepath.Join(dir, "s.pdf"), "-").Output(); err == nil && !strings.Contains(string(text), "would recommend it") {
		t.Error("the statistics report lacks the evaluation's headline figures")
	}
}

// TestHostileEvaluationImportFiles: a file that is not a spreadsheet, or
// has a cell with a control character, is refused naming why, and nothing
// is recorded.
func TestHostileEvaluationImportFiles(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	png := filepath.Join(dir, "answers.csv")
	os.WriteFile(png, append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 512)...), 0o600)
	if msg := wantFailure(t, runCLI(t, "--data", data, "import-evaluations", "--workshop", "demo", png, "--yes")); !strings.Contains(msg, "PNG") && !strings.Contains(msg, "image") {
		t.Errorf("a PNG named .csv: %q", msg)
	}
	ctrl := filepath.Join(dir, "ctrl.csv")
	os.WriteFile(ctrl, []byte("Form,1,What would you suggest to improve the workshop?\n90,5,evil\x1b[2Jtext\n"), 0o600)
	r := runCLI(t, "--data", data, "import-evaluations", "--workshop", "demo", ctrl, "--yes")
	wantFailure(t, r)
	if !strings.Contains(r.stdout, "row 2: item 22: the text holds a control character (U+001B)") {
		t.Errorf("a control character in a comment:\n%s", r.stdout)
	}
	if n := evaluationOf(t, data).Responses; n != 14 {
		t.Errorf("hostile files recorded forms: %d", n)
	}
}

func TestSeriesReportComparesEvaluations(t *testing.T) {
	data := demoFile(t)
	out := filepath.Join(t.TempDir(), "series.csv")
	stdout := mustRun(t, "--data", data, "report", "--series", "Regional workshops on migration policy", "--out", out)
	if !strings.Contains(stdout, "series-evaluation-by-workshop.csv") {
		t.Fatalf("report --series:\n%s", stdout)
	}
	csv, _ := os.ReadFile(filepath.Join(filepath.Dir(out), "series-evaluation-by-workshop.csv"))
	if !strings.Contains(string(csv), "Addis Ababa") || !strings.Contains(string(csv), "Overall, I am satisfied with the workshop.") {
		t.Errorf("the series comparison:\n%s", csv)
	}
	pdfOut := filepath.Join(t.TempDir(), "series.pdf")
	mustRun(t, "--data", data, "report", "--series", "all", "--out", pdfOut)
	if text, err := exec.Command("pdftotext", pdfOut, "-").Output(); err == nil && !strings.Contains(string(text), "Participants' evaluation across the workshops") {
		t.Error("the series PDF lacks the evaluation comparison")
	}
}
