package importer

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// evalForm is the default form of a workshop with two sessions.
func evalForm() store.EvaluationForm {
	sessions := []store.Session{
		{Record: store.Record{ID: uuid.New()}, Title: "Opening plenary"},
		{Record: store.Record{ID: uuid.New()}, Title: "Panel on remittances"},
	}
	return store.DefaultEvaluationForm(uuid.New(), sessions)
}

func readEval(t *testing.T, csv string, existing ...store.EvaluationResponse) *EvalImport {
	t.Helper()
	tab, err := Read("answers.csv", strings.NewReader(csv))
	if err != nil {
		t.Fatal(err)
	}
	f := evalForm()
	return ReadEvaluations(tab, &f, existing, "en")
}

func TestReadEvaluationsWordsAndNumbers(t *testing.T) {
	// An online form's export: a timestamp and an email (left out), the
	// questions by text in French, answers as words and numbers.
	csv := "Horodateur;Adresse e-mail;Formulaire;Dans l'ensemble, je suis satisfait(e) de l'atelier.;2. L'atelier était pertinent;Q11;Opening plenary;Que suggérez-vous pour améliorer l'atelier ?\n" +
		"2027-03-03 17:00;ana@example.org;12;Tout à fait d’accord;Sans objet;4;5 - Excellent;Plus de pauses\n" +
		"2027-03-03 17:01;omar@example.org;13;Muy de acuerdo;Strongly disagree;;3;Больше практики\n"
	im := readEval(t, csv)
	if len(im.Problems) != 0 {
		t.Fatalf("problems: %q", im.Problems)
	}
	if !im.Numbered || len(im.Responses) != 2 || im.Responses[0].Form != 12 {
		t.Fatalf("responses = %+v", im.Responses)
	}
	roles := []string{}
	for _, c := range im.Columns {
		roles = append(roles, c.Role)
	}
	if got := strings.Join(roles, ","); got != ",,form,item,item,item,item,item" {
		t.Errorf("columns read as %s", got)
	}
	r := im.Responses[0]
	sat, _ := r.Answer(store.EvalKeySatisfaction)
	rel, _ := r.Answer(store.EvalKeyRelevance)
	if sat.Value != 5 || !rel.NA {
		t.Errorf("row 2 = %+v", r.Answers)
	}
	if a, _ := im.Responses[1].Answer(store.EvalKeyRelevance); a.Value != 1 {
		t.Errorf("Strongly disagree read as %+v", a)
	}
	for _, resp := range im.Responses {
		if strings.Contains(resp.Name+resp.Language, "@") {
			t.Errorf("the email address came in: %+v", resp)
		}
	}
}

func TestReadEvaluationsBadRowsNamed(t *testing.T) {
	existing := []store.EvaluationResponse{{Form: 5}}
	csv := "Form,1,2,Q99,16\n" +
		"5,5,4,,Fine\n" +
		"6,7,4,,\n" +
		"6,4,Maybe,,\n"
	im := readEval(t, csv, existing...)
	want := []string{
		`column D ("Q99"): there is no such item`,
		"row 2: form 5 is already recorded",
		`row 3: item 1 (Overall, I am satisfied with the worksh…): "7" is out of range`,
		`row 4: item 2 (The workshop was relevant to my work.): "Maybe" is not an answer`,
		"row 4: form 6 is also on row 3",
	}
	got := strings.Join(im.Problems, "\n")
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("problems lack %q:\n%s", w, got)
		}
	}
}

func TestReadEvaluationsNumbersAfterExisting(t *testing.T) {
	im := readEval(t, "1,2\n5,4\n4,4\n", store.EvaluationResponse{Form: 30})
	if len(im.Problems) != 0 || im.Numbered || im.Responses[0].Form != 31 || im.Responses[1].Form != 32 {
		t.Errorf("unnumbered rows = %+v, %q", im.Responses, im.Problems)
	}
}

func TestReadEvaluationsXLSX(t *testing.T) {
	var buf bytes.Buffer
	err := sheet.WriteXLSX(&buf, sheet.Table{Name: "Respuestas", Header: []string{"Formulario", "En general, estoy satisfecho/a con el taller.", "Idioma"},
		Rows: [][]any{{1, "De acuerdo", "Español"}, {2, 5, "es"}}})
	if err != nil {
		t.Fatal(err)
	}
	tab, err := Read("respuestas.xlsx", &buf)
	if err != nil {
		t.Fatal(err)
	}
	f := evalForm()
	im := ReadEvaluations(tab, &f, nil, "en")
	if len(im.Problems) != 0 || len(im.Responses) != 2 || im.Responses[0].Language != "es" {
		t.Fatalf("XLSX: %+v %q", im.Responses, im.Problems)
	}
	if a, _ := im.Responses[0].Answer(store.EvalKeySatisfaction); a.Value != 4 {
		t.Errorf("De acuerdo read as %+v", a)
	}
}
