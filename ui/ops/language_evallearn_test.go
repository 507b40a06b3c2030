package ops

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// TestEvaluationAndLearningReportLanguage checks that the evaluation and
// learning reports follow the workshop's working language in CSV, with
// the default form's items in it, and that the request's language
// overrides it in the PDF.
func TestEvaluationAndLearningReportLanguage(t *testing.T) {
	_, d := sample(t)
	d.Workshop.Language = "fr"
	dir := t.TempDir()
	f := store.DefaultEvaluationForm(d.Workshop.ID, d.Sessions)
	sum := store.SummariseEvaluation(&f, []store.EvaluationResponse{{Form: 1, Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 4}}}}, 3, "fr")
	l := &store.Learning{}
	out := filepath.Join(dir, "eval.csv")
	if _, err := WriteReport(ReportRequest{Kind: ReportEvaluation, Data: d, Evaluation: sum, Format: "csv", Out: out, Paper: pdf.A4}); err != nil {
		t.Fatal(err)
	}
	if h := readHeading(t, out); strings.Join(h[:6], "|") != "N°|Question|Type de réponse|Réponses|Non concernés|Moyenne" {
		t.Errorf("French evaluation items headings %q", h)
	}
	out = filepath.Join(dir, "learning.csv")
	if _, err := WriteReport(ReportRequest{Kind: ReportLearning, Data: d, Learning: l, Format: "csv", Out: out, Paper: pdf.A4}); err != nil {
		t.Fatal(err)
	}
	if h := readHeading(t, out); h[0] != "Code du badge" || h[4] != "Test initial (%)" {
		t.Errorf("French learning headings %q", h)
	}
	for kind, want := range map[string]string{ReportEvaluation: "EVALUACIÓN Y COMENTARIOS", ReportLearning: "INFORME DE APRENDIZAJE"} {
		out = filepath.Join(dir, kind+".pdf")
		if _, err := WriteReport(ReportRequest{Kind: kind, Data: d, Evaluation: sum, Learning: l, Format: "pdf", Out: out, Paper: pdf.A4, Language: "es"}); err != nil {
			t.Fatal(err)
		}
		text, err := exec.Command("pdftotext", out, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(text), want) {
			t.Errorf("%s report with --language es lacks %q", kind, want)
		}
	}
}
