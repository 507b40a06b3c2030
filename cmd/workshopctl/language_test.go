package main

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestLanguageFlag prints badges, a sign-in sheet and reports of the
// (English) sample workshop in French and Spanish with --language, exports
// its participants under French headings and imports them back, and
// refuses a language that is not printed.
func TestLanguageFlag(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	flat := func(s string) string {
		s = strings.NewReplacer("\u2009", "", "\u00a0", " ", "\u202f", " ").Replace(s)
		return strings.Join(strings.Fields(s), " ")
	}

	mustRun(t, "--data", data, "badges", "--workshop", "demo", "--language", "fr", "--out", out("badges.pdf"))
	if text := flat(pdfText(t, out("badges.pdf"))); !strings.Contains(text, "INTERVENANT") || strings.Contains(text, "SPEAKER") {
		t.Errorf("French badges: %.300s", text)
	}
	mustRun(t, "--data", data, "signin-sheet", "--workshop", "demo", "--session", "1", "--language", "es-CL", "--out", out("signin.pdf"))
	if text := flat(pdfText(t, out("signin.pdf"))); !strings.Contains(text, "REGISTRO DE ASISTENCIA") || !strings.Contains(text, "Página 1 de 2") {
		t.Errorf("Spanish sign-in sheet: %.300s", text)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "statistics", "--language", "fr", "--out", out("stats.pdf"))
	if text := flat(pdfText(t, out("stats.pdf"))); !strings.Contains(text, "STATISTIQUES DE PARTICIPATION") || strings.Contains(text, "By gender") {
		t.Errorf("French statistics: %.300s", text)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "attendance", "--language", "es", "--format", "csv", "--out", out("att.csv"))
	if h := readCSV(t, out("att.csv"))[0]; h[0] != "Apellidos" || h[10] != "Cumple requisitos" {
		t.Errorf("Spanish attendance CSV heading %q", h)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "evaluation", "--language", "fr", "--format", "csv", "--out", out("eval.csv"))
	if h := readCSV(t, out("eval.csv"))[0]; h[1] != "Question" || h[5] != "Moyenne" {
		t.Errorf("French evaluation CSV heading %q", h)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "evaluation", "--language", "es", "--out", out("eval.pdf"))
	if text := flat(pdfText(t, out("eval.pdf"))); !strings.Contains(text, "EVALUACIÓN Y COMENTARIOS") || !strings.Contains(text, "En general, estoy satisfecho") || strings.Contains(text, "Overall, I am satisfied") {
		t.Errorf("Spanish evaluation report: %.300s", text)
	}
	mustRun(t, "--data", data, "report", "--workshop", "demo", "--kind", "learning", "--language", "fr", "--out", out("learning.pdf"))
	if text := flat(pdfText(t, out("learning.pdf"))); !strings.Contains(text, "RAPPORT D’APPRENTISSAGE") || strings.Contains(text, "Score distribution") {
		t.Errorf("French learning report: %.300s", text)
	}

	// The French export imports back with every column recognised.
	mustRun(t, "--data", data, "participants", "--workshop", "demo", "--language", "fr", "--out", out("people.csv"))
	if h := readCSV(t, out("people.csv"))[0]; h[1] != "Prénoms" || h[2] != "Nom de famille" {
		t.Errorf("French export headings %q", h)
	}
	got := mustRun(t, "--data", data, "import", "--workshop", "demo", out("people.csv"))
	for _, want := range []string{"Prénoms", "Nom de famille", "Courriel"} {
		if !strings.Contains(got, want) {
			t.Errorf("import preview does not map %q:\n%s", want, got)
		}
	}

	for _, cmd := range [][]string{
		{"badges", "--workshop", "demo", "--out", out("x.pdf")},
		{"signin-sheet", "--workshop", "demo", "--session", "1", "--out", out("x.pdf")},
		{"participants", "--workshop", "demo", "--out", out("x.csv")},
	} {
		r := runCLI(t, append(append([]string{"--data", data}, cmd...), "--language", "de")...)
		if r.code == 0 || !strings.Contains(r.stderr, `--language "de" is not one of en, fr, es, ar, ru, zh`) {
			t.Errorf("%s --language de: exit %d, %s", cmd[0], r.code, r.stderr)
		}
	}
}
