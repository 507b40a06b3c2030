package store

import "fmt"

// demoQuestions are the sample workshop's pre- and post-test, from its own
// topics, with French and Spanish wording for some.
func demoQuestions(w Workshop) []*Question {
	tf := func(text string, right bool, fr, es string) *Question {
		q := NewTrueFalse(text, right)
		q.Translations = map[string]QuestionText{"fr": {Text: fr}, "es": {Text: es}}
		return &q
	}
	qs := []*Question{
		tf("Remittances to low- and middle-income countries are larger than official development assistance.", true,
			"Les envois de fonds vers les pays à revenu faible et intermédiaire dépassent l'aide publique au développement.",
			"Las remesas a los países de ingresos bajos y medianos superan la asistencia oficial para el desarrollo."),
		tf("Most international migrants are refugees.", false,
			"La plupart des migrants internationaux sont des réfugiés.",
			"La mayoría de los migrantes internacionales son refugiados."),
		{Kind: MultipleChoice, Text: "Where was the Global Compact for Safe, Orderly and Regular Migration adopted?",
			Options:  []Option{{Text: "Geneva"}, {Text: "Marrakech", Weight: 100}, {Text: "New York"}, {Text: "Addis Ababa"}},
			Feedback: "At an intergovernmental conference in Marrakech, December 2018.", Source: "UN General Assembly resolution 73/195"},
		{Kind: MultipleAnswer, Text: "Which of these are UN agencies working on migration?",
			Options: []Option{{Text: "IOM", Weight: 50}, {Text: "ILO", Weight: 50}, {Text: "NATO", Weight: -100}}},
		{Kind: Numeric, Text: "In which year did the Global Forum on Migration and Development first meet?",
			Options: []Option{{Text: "2007", Weight: 100}}, Source: "gfmd.org"},
		{Kind: ShortAnswer, Text: "Which city hosted the workshop's field visit to a farmers' cooperative?",
			Options: []Option{{Text: "Bishoftu", Weight: 100}, {Text: "Debre Zeyit", Weight: 100}}},
	}
	for _, q := range qs {
		q.WorkshopID = w.ID
		q.Category = "Migration and rural development"
	}
	return qs
}

// demoAnswers are a few participants' answers (by position in
// demoPeople) before and after: most improve.
var demoAnswers = []struct {
	person    int
	pre, post []string
}{
	{1, []string{"F", "T", "A", "A", "2010", ""}, []string{"T", "F", "B", "AB", "2007", "Bishoftu"}},
	{2, []string{"T", "T", "B", "A", "", ""}, []string{"T", "F", "B", "AB", "2007", "bishoftu"}},
	{4, []string{"F", "F", "C", "AC", "2007", ""}, []string{"T", "F", "B", "A", "2007", "Debre Zeyit"}},
	{5, []string{"T", "F", "B", "AB", "2006", ""}, []string{"T", "F", "B", "AB", "2007", "Bishoftu"}},
	{6, []string{"F", "T", "D", "", "", ""}, []string{"F", "T", "B", "A", "2008", ""}},
	{9, []string{"T", "T", "A", "B", "2000", "Adama"}, []string{"T", "F", "B", "AB", "2007", "Bishoftu"}},
	{12, []string{"F", "T", "C", "A", "", ""}, []string{"T", "F", "B", "AB", "2007", "Bishoftu"}},
	{17, []string{"T", "F", "B", "AB", "2007", ""}, []string{"T", "F", "B", "AB", "2007", "Bishoftu"}},
	{20, []string{"F", "T", "A", "A", "1990", ""}, []string{"T", "T", "B", "AB", "2007", "Bichoftu"}},
}

// addDemoQuiz gives the sample workshop a pre-test and a post-test of the
// same questions, a pass mark of 70 % and a few participants' answers.
func (s *Store) addDemoQuiz(w Workshop, people []*Participant) error {
	if err := s.AddQuestions(demoQuestions(w), []QuizKey{{Kind: PreTest}, {Kind: PostTest}}); err != nil {
		return fmt.Errorf("sample questions: %w", err)
	}
	for _, key := range []QuizKey{{Kind: PreTest}, {Kind: PostTest}} {
		z, err := s.FindQuiz(w.ID, key)
		if err != nil {
			return err
		}
		if key.Kind == PostTest {
			z.PassMark = 70
			if err := s.SaveQuiz(&z); err != nil {
				return err
			}
		}
		var sheets []SheetInput
		for _, a := range demoAnswers {
			resp := a.pre
			if key.Kind == PostTest {
				resp = a.post
			}
			sheets = append(sheets, SheetInput{ParticipantID: people[a.person].ID, Responses: resp})
		}
		if _, err := s.RecordAnswers(z.ID, w.ID, sheets, "keyboard"); err != nil {
			return fmt.Errorf("sample answers: %w", err)
		}
	}
	return nil
}
