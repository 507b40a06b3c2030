package ops

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestHostilePrintedFormsNotLinkable: forms printed one per participant,
// in their languages, carry no name, badge code or organisation; they come
// grouped by language, and numbering says nothing of the registration
// order (the forms are shuffled within each language before numbering).
func TestHostilePrintedFormsNotLinkable(t *testing.T) {
	st, d := sample(t)
	langs := []string{"fr", "es", "ar", "ru", "zh"}
	for i := range d.Participants[:10] {
		d.Participants[i].CertificateLanguage = langs[i%len(langs)]
	}
	out := filepath.Join(t.TempDir(), "forms.pdf")
	run, err := PrintEvaluationForms(st, EvalFormsRequest{Data: d, Language: EvalParticipants, Paper: "A4", Out: out})
	if err != nil {
		t.Fatal(err)
	}
	want := len(EvalRespondents(d))
	if run.Forms != want || run.First != 1 || run.Last != want || run.ByLanguage["fr"] != 2 || run.ByLanguage["zh"] != 2 || !run.Anonymous {
		t.Errorf("run = %+v; want %d forms, 2 in fr and zh", run, want)
	}
	text, err := exec.Command("pdftotext", out, "-").Output()
	if err != nil {
		t.Skip("pdftotext:", err)
	}
	for _, p := range d.Participants {
		for _, leak := range []string{p.FamilyNames, p.BadgeCode, p.Email} {
			if leak != "" && strings.Contains(string(text), leak) {
				t.Errorf("a printed form holds %q of a participant", leak)
			}
		}
	}
	// A second printing numbers on from the first.
	run2, err := PrintEvaluationForms(st, EvalFormsRequest{Data: d, Language: "en", Copies: 3, Paper: "A4", Out: out})
	if err != nil || run2.First != want+1 || run2.Last != want+3 {
		t.Errorf("second printing = %+v, %v", run2, err)
	}
	if _, err := PrintEvaluationForms(st, EvalFormsRequest{Data: d, Language: "xx", Out: out}); err == nil {
		t.Error("an unknown language was printed")
	}
	f, _, _ := st.EvaluationForm(d.Workshop.ID)
	if f.Printed != want+3 {
		t.Errorf("the form remembers %d printed; want %d", f.Printed, want+3)
	}
}
