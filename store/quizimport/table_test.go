package quizimport

import (
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

func TestQuestionTable(t *testing.T) {
	csv := "kind,title,question,A,B,C,D,answer,feedback,source,question_fr,options_fr\n" +
		"tf,GFMD,The GFMD first met in 2007.,,,,,Vrai,,UN DESA,Le FMMD s'est réuni pour la première fois en 2007.,\n" +
		"mc,Body,Which body adopted the Compact?,Security Council,General Assembly,ECOSOC,,B,,,Quel organe a adopté le Pacte ?,Conseil de sécurité | Assemblée générale | ECOSOC\n" +
		"multi,Agencies,Which are UN agencies?,IOM,UNHCR,NATO,,A:50 B:50 C:-100,,,,\n" +
		",,Name the forum.,,,,,Global Forum on Migration and Development | GFMD,,,,\n" +
		",,When did it start?,,,,,1990:2,,,,\n" +
		"mc,Bad,Pick one,x,y,,,F,,,,\n" +
		"essay,,Write,,,,,x,,,,\n"
	p, err := ParseQuestionTable("bank.csv", []byte(csv))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Questions) != 5 {
		t.Fatalf("%d questions; problems %v", len(p.Questions), p.Problems)
	}
	kinds := []store.QuestionKind{store.TrueFalse, store.MultipleChoice, store.MultipleAnswer, store.ShortAnswer, store.Numeric}
	for i, k := range kinds {
		if p.Questions[i].Kind != k {
			t.Errorf("row %d: kind %s, want %s", i+2, p.Questions[i].Kind, k)
		}
	}
	if tr := p.Questions[1].Translations["fr"]; tr.Options[1] != "Assemblée générale" || p.Questions[1].Wording("fr").Text != "Quel organe a adopté le Pacte ?" {
		t.Errorf("translation %+v", tr)
	}
	if len(p.Problems) != 2 || p.Problems[0].Line != 7 || p.Problems[0].Title != "Bad" || !strings.Contains(p.Problems[1].Reason, "essay") {
		t.Errorf("problems %v", p.Problems)
	}
}

func TestAnswerTable(t *testing.T) {
	qs := []store.Question{
		store.NewTrueFalse("The GFMD first met in 2007.", true),
		{Kind: store.MultipleChoice, Text: "Which body adopted the Compact?", Options: []store.Option{{Text: "Security Council"}, {Text: "General Assembly", Weight: 100}}},
		{Kind: store.ShortAnswer, Text: "Name the forum.", Options: []store.Option{{Text: "GFMD", Weight: 100}}},
	}
	ps := []store.Participant{
		{Record: store.Record{ID: uuid.New()}, GivenNames: "Ana", FamilyNames: "Zapata", BadgeCode: "ZAPA01", Email: "ana@example.org"},
		{Record: store.Record{ID: uuid.New()}, GivenNames: "Bo", FamilyNames: "Andersen", BadgeCode: "ANDE01"},
	}
	csv := "Timestamp,Email address,Badge,Q1,Which body adopted the Compact?,3. Name the forum\n" +
		"2027-03-10,ana@example.org,,Vrai,General Assembly,gfmd\n" +
		"2027-03-10,,ande-01,Falso,B,\n" +
		"2027-03-10,nobody@example.org,,T,A,x\n" +
		"2027-03-10,,ANDE01,maybe,E,x\n"
	a, err := ParseAnswerTable("form.csv", []byte(csv), ps, qs)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Sheets) != 2 || strings.Join(a.Sheets[0].Responses, "|") != "T|B|gfmd" || strings.Join(a.Sheets[1].Responses, "|") != "F|B|" {
		t.Fatalf("sheets %+v", a.Sheets)
	}
	if len(a.Ignored) != 1 || a.Ignored[0] != "Timestamp" {
		t.Errorf("ignored %v", a.Ignored)
	}
	if len(a.Problems) != 3 || a.Problems[0].Line != 4 || !strings.Contains(a.Problems[0].Reason, "nobody@example.org") {
		t.Errorf("problems %v", a.Problems)
	}
}

func TestAnswerTableUnknownQuestion(t *testing.T) {
	qs := []store.Question{store.NewTrueFalse("One?", true)}
	ps := []store.Participant{{Record: store.Record{ID: uuid.New()}, BadgeCode: "BBBB01", FamilyNames: "B"}}
	_, err := ParseAnswerTable("form.csv", []byte("badge,Q1,Q13\nBBBB01,T,F\n"), ps, qs)
	if err == nil || !strings.Contains(err.Error(), `column "Q13" names question 13, but the test has only 1`) {
		t.Fatalf("unknown question column: %v", err)
	}
}
