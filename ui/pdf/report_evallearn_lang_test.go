package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// evalLearnPDFs prints the sample workshop's evaluation report and
// learning report, and its statistics report with their figures, with
// lang as its working language and returns the text pdftotext reads from
// each.
func evalLearnPDFs(t *testing.T, lang string) (eval, learning, stats string) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "workshops.db"),
		store.Options{Now: func() time.Time { return demoNow }, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	d.Workshop.Language = lang
	l, _, err := s.WorkshopLearning(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	f := store.DefaultEvaluationForm(d.Workshop.ID, d.Sessions)
	list := []store.EvaluationResponse{
		{Form: 1, Language: "fr", Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 5}, {Item: store.EvalKeyRecommend, Value: 4},
			{Item: store.EvalKeyKnowledgeBefore, Value: 2}, {Item: store.EvalKeyKnowledgeAfter, Value: 4}, {Item: "suggestions", Text: "Plus de travaux de groupe"}}},
		{Form: 2, Answers: []store.EvalAnswer{{Item: store.EvalKeySatisfaction, Value: 2}, {Item: store.EvalKeyKnowledgeBefore, Value: 3}, {Item: store.EvalKeyKnowledgeAfter, Value: 5}}},
	}
	sum := store.SummariseEvaluation(&f, list, 20, lang)
	dir := t.TempDir()
	var buf bytes.Buffer
	if err := EvaluationReport(&d.Workshop, sum, &buf, A4); err != nil {
		t.Fatal(err)
	}
	ep := filepath.Join(dir, "evaluation-"+lang+".pdf")
	os.WriteFile(ep, buf.Bytes(), 0o600)
	buf.Reset()
	if err := LearningReport(d, l, &buf, A4); err != nil {
		t.Fatal(err)
	}
	lp := filepath.Join(dir, "learning-"+lang+".pdf")
	os.WriteFile(lp, buf.Bytes(), 0o600)
	buf.Reset()
	if err := StatisticsReportWith(d, StatisticsExtras{Evaluation: sum, Learning: l}, &buf, A4); err != nil {
		t.Fatal(err)
	}
	sp := filepath.Join(dir, "statistics-"+lang+".pdf")
	os.WriteFile(sp, buf.Bytes(), 0o600)
	return string(run(t, "pdftotext", ep, "-")), string(run(t, "pdftotext", lp, "-")), string(run(t, "pdftotext", sp, "-"))
}

// TestEvaluationAndLearningReportsFollowTheWorkingLanguage prints both
// reports of a French and of a Spanish workshop: their headings, fixed
// words, the default form's items and the translated test questions are
// in the language, with no English left over.
func TestEvaluationAndLearningReportsFollowTheWorkingLanguage(t *testing.T) {
	cases := []struct {
		lang                              string
		evalWant, learningWant, statsWant []string
	}{
		{"fr", []string{"ÉVALUATION", "formulaires", "recommanderaient", "Commentaires", "Page 1 sur", "moyenne"},
			[]string{"RAPPORT D’APPRENTISSAGE", "La plupart des migrants internationaux", "Répartition des scores", "Bonnes réponses par question", "Scores par participant", "Nom de famille", "Page 1 sur"},
			[]string{"Évaluation par les participants", "satisfaits dans l’ensemble", "Apprentissage par groupe (test initial et test final)"}},
		{"es", []string{"EVALUACIÓN", "formularios", "recomendarían", "Comentarios", "Página 1 de", "media"},
			[]string{"INFORME DE APRENDIZAJE", "La mayoría de los migrantes", "Distribución de las puntuaciones", "Respuestas correctas por pregunta", "Puntuaciones por participante", "Apellidos", "Página 1 de"},
			[]string{"Evaluación de los participantes", "satisfechos en general", "Aprendizaje por grupo (prueba inicial y prueba final)"}},
	}
	english := []string{"EVALUATION AND FEEDBACK", "forms (", "would recommend", "Comments", "Items", "Other questions", "No comments yet",
		"Overall, I am satisfied", "Page 1 of", "LEARNING REPORT", "took both tests", "mean pre-test", "Score distribution",
		"Right answers by question", "Scores by participant", "Family name", "Before %", "After %", "Paired figures", "anonymous answers", "Most international migrants"}
	for _, c := range cases {
		eval, learning, stats := evalLearnPDFs(t, c.lang)
		for _, w := range c.statsWant {
			if !strings.Contains(stats, w) {
				t.Errorf("%s statistics report lacks %q", c.lang, w)
			}
		}
		for _, e := range []string{"Participants' evaluation", "satisfied overall", "Learning by group", "pre- and post-test", "Mean gain"} {
			if strings.Contains(stats, e) {
				t.Errorf("%s statistics report still says %q", c.lang, e)
			}
		}
		for _, w := range c.evalWant {
			if !strings.Contains(eval, w) {
				t.Errorf("%s evaluation report lacks %q", c.lang, w)
			}
		}
		for _, w := range c.learningWant {
			if !strings.Contains(learning, w) {
				t.Errorf("%s learning report lacks %q", c.lang, w)
			}
		}
		for _, e := range english {
			if strings.Contains(eval, e) {
				t.Errorf("%s evaluation report still says %q", c.lang, e)
			}
			if strings.Contains(learning, e) {
				t.Errorf("%s learning report still says %q", c.lang, e)
			}
		}
		if !strings.Contains(eval, store.EvalWording(c.lang, store.EvalKeySatisfaction)) {
			t.Errorf("%s evaluation report lacks the item in %s", c.lang, c.lang)
		}
	}
}
