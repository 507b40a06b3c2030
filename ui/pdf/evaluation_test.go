package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// evalFormsFile prints the demo workshop's default form for sheets and
// returns the PDF's path.
func evalFormsFile(t testing.TB, d *store.WorkshopData, paper PageSize, named bool, sheets ...EvalSheet) string {
	t.Helper()
	f := store.DefaultEvaluationForm(d.Workshop.ID, d.Sessions)
	f.Named = named
	var buf bytes.Buffer
	if err := EvaluationForms(&buf, EvalFormsSpec{Workshop: d.Workshop, Form: f, Sheets: sheets, Paper: paper}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "forms.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvaluationFormsContent(t *testing.T) {
	d := demoData(t)
	path := evalFormsFile(t, d, A4, false, EvalSheet{Number: 7, Language: "es"}, EvalSheet{Number: 8, Language: "ru"})
	text := string(run(t, "pdftotext", "-layout", path, "-"))
	for _, want := range []string{"Evaluación y comentarios", "Formulario n.º 7", "Sus respuestas son anónimas", "En general, estoy satisfecho/a con el taller.",
		"Muy de", "No aplica", "9. Opening plenary", "¿Qué temas deberían abordar los próximos seminarios?",
		"Анкета № 8", "В целом я доволен(льна) семинаром."} {
		if !strings.Contains(text, want) {
			t.Errorf("the forms lack %q", want)
		}
	}
	for _, se := range d.Sessions {
		if se.Type == store.Break && strings.Contains(text, se.Title) {
			t.Errorf("the break %q is on the form", se.Title)
		}
	}
	if strings.Contains(text, "Nombre:") {
		t.Error("an anonymous form has a name line")
	}
	named := string(run(t, "pdftotext", evalFormsFile(t, d, Letter, true, EvalSheet{Number: 1, Language: "fr"}), "-"))
	if !strings.Contains(named, "Nom:") || strings.Contains(named, "anonymes") {
		t.Errorf("the named form:\n%.300s", named)
	}
}

// TestEvaluationFormsQR: the QR code of each form holds its number, for a
// scanner in the keyed-entry box; Arabic and Chinese forms print.
func TestEvaluationFormsQR(t *testing.T) {
	d := demoData(t)
	path := evalFormsFile(t, d, A4, false, EvalSheet{Number: 123, Language: "ar"})
	page := filepath.Join(t.TempDir(), "p")
	run(t, "pdftoppm", "-r", "150", "-f", "1", "-l", "1", "-aaVector", "no", "-gray", "-png", "-singlefile", path, page)
	if got := strings.TrimSpace(string(run(t, "zbarimg", "-q", page+".png"))); got != "QR-Code:123" {
		t.Errorf("zbarimg reads %q; want the form number 123", got)
	}
	text := string(run(t, "pdftotext", path, "-"))
	if !strings.Contains(text, "123") {
		t.Error("the form number is not printed")
	}
	zh := string(run(t, "pdftotext", evalFormsFile(t, d, A4, false, EvalSheet{Number: 2, Language: "zh"}), "-"))
	if !strings.Contains(zh, "评估与反馈") || !strings.Contains(zh, "非常同意") {
		t.Errorf("the Chinese form:\n%.300s", zh)
	}
}

func TestEvaluationReportContent(t *testing.T) {
	d := demoData(t)
	f := store.DefaultEvaluationForm(d.Workshop.ID, d.Sessions)
	list := []store.EvaluationResponse{
		{Form: 1, Language: "fr", Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 5}, {Item: "suggestions", Text: "Plus de travaux de groupe"}}},
		{Form: 2, Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 2}, {Item: "future_topics", Text: "气候变化与农村移民"}}},
	}
	sum := store.SummariseEvaluation(&f, list, 20, "en")
	var buf bytes.Buffer
	if err := EvaluationReport(&d.Workshop, sum, &buf, A4); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "e.pdf")
	os.WriteFile(path, buf.Bytes(), 0o600)
	text := string(run(t, "pdftotext", path, "-"))
	for _, want := range []string{"EVALUATION AND FEEDBACK", "10.0%", "Plus de travaux de groupe", "气候变化与农村移民", "ZH", "FR", "Overall, I am satisfied with the workshop.", "50.0%"} {
		if !strings.Contains(text, want) {
			t.Errorf("the report lacks %q", want)
		}
	}
	var stats bytes.Buffer
	if err := StatisticsReportWith(d, StatisticsExtras{Evaluation: sum}, &stats, A4); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(path, stats.Bytes(), 0o600)
	if text := string(run(t, "pdftotext", path, "-")); !strings.Contains(text, "Participants' evaluation") || !strings.Contains(text, "response rate (2 forms, 20 attended)") {
		t.Error("the statistics report lacks the evaluation headline")
	}
}

// BenchmarkEvaluationForms1000 prints 1,000 forms of the sample workshop
// in the six languages (target: under 3 s).
func BenchmarkEvaluationForms1000(b *testing.B) {
	d := demoData(b)
	f := store.DefaultEvaluationForm(d.Workshop.ID, d.Sessions)
	sheets := make([]EvalSheet, 1000)
	for i := range sheets {
		sheets[i] = EvalSheet{Number: i + 1, Language: store.CertificateLanguages[i*len(store.CertificateLanguages)/len(sheets)]}
	}
	b.ResetTimer()
	for b.Loop() {
		var buf bytes.Buffer
		if err := EvaluationForms(&buf, EvalFormsSpec{Workshop: d.Workshop, Form: f, Sheets: sheets, Paper: A4}); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(buf.Len())/1e6, "MB")
	}
}
