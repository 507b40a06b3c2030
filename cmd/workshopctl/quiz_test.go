package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestQuizCommands walks the whole flow: import a GIFT bank (preview, then
// --yes), list and export it, print sheets, key answers in, import a form's
// answers, read the results and write the learning report.
func TestQuizCommands(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	mustRun(t, "--data", data, "add-workshop", "--code", "quiz-27", "--title", "Quiz workshop", "--city", "Geneva",
		"--country", "CH", "--start", "2027-03-01", "--end", "2027-03-02")
	bank := filepath.Join(dir, "bank.gift")
	os.WriteFile(bank, []byte("::One::The GFMD first met in 2007.{T}\n\n::Two::Where was the Compact adopted?{=Marrakech ~Geneva ~New York}\n\n"+
		"::Three::Name the forum.{=GFMD =Global Forum on Migration and Development}\n\n::Four::Year?{#1990:2}\n\n::Bad::Essay{}\n"), 0o600)

	out := mustRun(t, "--data", data, "import-questions", "--workshop", "quiz-27", bank, "--test", "both")
	if !strings.Contains(out, "4 questions can be imported; nothing was written") || !strings.Contains(out, "(Bad): an essay question") {
		t.Fatalf("preview:\n%s", out)
	}
	if qs := decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "questions", "--workshop", "quiz-27")); len(qs) != 0 {
		t.Fatal("the preview wrote questions")
	}
	mustRun(t, "--data", data, "import-questions", "--workshop", "quiz-27", bank, "--test", "both", "--yes")
	qs := decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "questions", "--workshop", "quiz-27"))
	if len(qs) != 4 || qs[1]["kind"] != "multichoice" || qs[1]["test"] != "both" || qs[0]["answers"].([]any)[0] != "T" {
		t.Fatalf("questions: %v", qs)
	}
	gift := filepath.Join(dir, "out.gift")
	mustRun(t, "--data", data, "export-questions", "--workshop", "quiz-27", "--out", gift)
	if b, _ := os.ReadFile(gift); !strings.Contains(string(b), "::Two::Where was the Compact adopted? {") {
		t.Fatalf("export:\n%s", b)
	}

	// Participants to answer.
	people := filepath.Join(dir, "people.csv")
	os.WriteFile(people, []byte("given_names,family_name,email,badge_code\nAna,Zapata,ana@example.org,ZAPA01\nBo,Andersen,bo@example.org,ANDE01\n"), 0o600)
	mustRun(t, "--data", data, "import", "--workshop", "quiz-27", people, "--yes")

	sheets := filepath.Join(dir, "pre.pdf")
	mustRun(t, "--data", data, "test-sheets", "--workshop", "quiz-27", "--test", "pre", "--out", sheets)
	if text := pdfText(t, sheets); strings.Index(text, "Andersen") > strings.Index(text, "Zapata") || !strings.Contains(text, "Where was the Compact adopted?") {
		t.Fatalf("sheets are not in family-name order or lack the questions:\n%s", text)
	}

	out = mustRun(t, "--data", data, "record-answers", "--workshop", "quiz-27", "--test", "pre", "--code", "zapa01", "--answers", `F B "global forum" -`)
	if !strings.Contains(out, "0 of 4, 0 %") {
		t.Fatalf("scored sheet:\n%s", out)
	}
	msg := wantFailure(t, runCLI(t, "--data", data, "record-answers", "--workshop", "quiz-27", "--test", "pre", "--code", "ZAPA01", "--answers", "T H"))
	if !strings.Contains(msg, "question 2") {
		t.Fatalf("bad answer: %s", msg)
	}
	mustRun(t, "--data", data, "record-answers", "--workshop", "quiz-27", "--test", "post", "--code", "ZAPA01", "--answers", `T A "Global forum on migration and development" 1991`)

	form := filepath.Join(dir, "form.csv")
	os.WriteFile(form, []byte("Email,1,2,3,4\nbo@example.org,Vrai,Marrakech,gfmd,1990\nnobody@example.org,T,A,x,1\n"), 0o600)
	r := runCLI(t, "--data", data, "import-answers", "--workshop", "quiz-27", "--test", "post", form, "--yes")
	if msg := wantFailure(t, r); !strings.Contains(msg, "nothing was imported") || !strings.Contains(r.stdout, "row 3") {
		t.Fatalf("form with a bad row:\n%s", r)
	}
	os.WriteFile(form, []byte("Email,1,2,3,4\nbo@example.org,Vrai,Marrakech,gfmd,1990\n"), 0o600)
	mustRun(t, "--data", data, "import-answers", "--workshop", "quiz-27", "--test", "post", form, "--yes")
	mustRun(t, "--data", data, "record-answers", "--workshop", "quiz-27", "--test", "pre", "--code", "ANDE01", "--answers", "T A - 1990")

	type row struct {
		BadgeCode string   `json:"badge_code"`
		PrePct    *float64 `json:"pre_pct"`
		PostPct   *float64 `json:"post_pct"`
		Gain      *float64 `json:"gain"`
	}
	res := decode[struct {
		Participants []row `json:"participants"`
	}](t, mustRun(t, "--data", data, "--json", "results", "--workshop", "quiz-27"))
	if len(res.Participants) != 2 || res.Participants[1].BadgeCode != "ZAPA01" || *res.Participants[1].Gain != 100 || *res.Participants[0].PrePct != 75 {
		t.Fatalf("results: %+v", res)
	}
	report := filepath.Join(dir, "learning.pdf")
	mustRun(t, "--data", data, "report", "--workshop", "quiz-27", "--kind", "learning", "--out", report)
	if text := pdfText(t, report); !strings.Contains(text, "Right answers by question") || !strings.Contains(text, "Score distribution") {
		t.Fatalf("learning report:\n%s", text)
	}
	csv := filepath.Join(dir, "learning.csv")
	mustRun(t, "--data", data, "report", "--workshop", "quiz-27", "--kind", "learning", "--out", csv)
	if rows := readCSV(t, csv); len(rows) != 3 || rows[2][0] != "ZAPA01" {
		t.Fatalf("learning CSV: %v", rows)
	}
	if out := mustRun(t, "--data", data, "import-questions", "--workshop", "quiz-27", "--from-workshop", "demo"); !strings.Contains(out, "6 questions can be imported") {
		t.Fatalf("--from-workshop:\n%s", out)
	}
	// The certificate rule: Zapata passed the post-test, Andersen took it too.
	// A pass mark that is not a per cent is refused, not ignored.
	for _, bad := range []string{"-5", "NaN", "101", "x"} {
		if r := runCLI(t, "--data", data, "test-settings", "--workshop", "quiz-27", "--test", "post", "--pass-mark", bad); r.code != exitUsage || !strings.Contains(r.stderr, "per cent") {
			t.Errorf("--pass-mark %s: exit %d, %s", bad, r.code, r.stderr)
		}
	}
	mustRun(t, "--data", data, "test-settings", "--workshop", "quiz-27", "--test", "post", "--pass-mark", "75", "--completion", "on")
	if msg := wantFailure(t, runCLI(t, "--data", data, "test-settings", "--workshop", "quiz-27", "--test", "pre", "--completion", "on")); !strings.Contains(msg, "post-test") {
		t.Fatalf("completion on the pre-test: %s", msg)
	}
	mustRun(t, "--data", data, "test-settings", "--workshop", "quiz-27", "--test", "pre", "--closed")
	if msg := wantFailure(t, runCLI(t, "--data", data, "record-answers", "--workshop", "quiz-27", "--test", "pre", "--code", "ANDE01", "--answers", "T")); !strings.Contains(msg, "closed") {
		t.Fatalf("answers to a closed test: %s", msg)
	}
	// The demo workshop has its own tests and answers.
	if out := mustRun(t, "--data", data, "results", "--workshop", "demo"); !strings.Contains(out, "paired (took both tests): 9") {
		t.Fatalf("demo results:\n%s", out)
	}
	// The donor statistics report gains the learning figures by group.
	stats := filepath.Join(dir, "stats.csv")
	if out := mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "statistics", "--out", stats); !strings.Contains(out, "stats-learning-by-group.csv") {
		t.Fatalf("statistics report:\n%s", out)
	}
	if rows := readCSV(t, filepath.Join(dir, "stats-learning-by-group.csv")); len(rows) < 4 || rows[1][0] != "Gender" {
		t.Fatalf("learning by group: %v", rows)
	}
}
