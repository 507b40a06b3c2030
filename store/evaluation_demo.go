package store

import (
	"fmt"
	"hash/fnv"

	"github.com/google/uuid"
)

// demoComments are comments of the sample evaluation, in the languages
// participants wrote them in: item key, language, text.
var demoComments = []struct{ item, lang, text string }{
	{"most_useful", "en", "The field visit and the exchange with the cooperatives."},
	{"most_useful", "fr", "Les échanges entre pairs sur les transferts de fonds."},
	{"most_useful", "es", "El panel sobre migración laboral y los ejemplos de la región."},
	{"least_useful", "en", "The opening speeches were long."},
	{"suggestions", "fr", "Prévoir plus de temps pour les travaux de groupe."},
	{"suggestions", "ar", "نقترح توفير الترجمة الفورية إلى العربية في جميع الجلسات."},
	{"suggestions", "ru", "Больше практических примеров из Центральной Азии."},
	{"future_topics", "zh", "气候变化与农村移民"},
	{"future_topics", "es", "Migración y cambio climático en zonas rurales."},
	{"future_topics", "en", "Skills recognition for returning migrants."},
}

// demoEvaluation records some filled-in forms for the sample workshop:
// ratings spread as real forms are, for the sessions already held, with
// comments in several languages.
func (s *Store) demoEvaluation(w Workshop) error {
	f, _, err := s.EvaluationForm(w.ID)
	if err != nil {
		return err
	}
	sessions, err := s.Sessions(w.ID)
	if err != nil {
		return err
	}
	held := map[string]bool{}
	for _, se := range sessions {
		held[sessionKey(se.ID)] = !se.EndsAt(w.Location()).After(s.now())
	}
	langs := []string{"en", "en", "fr", "es", "en", "ar", "ru", "fr", "en", "es", "zh", "en"}
	var list []*EvaluationResponse
	for n := 1; n <= 14; n++ {
		r := &EvaluationResponse{WorkshopID: w.ID, Form: n, Language: langs[n%len(langs)]}
		for _, it := range f.Items {
			h := fnv.New32a()
			fmt.Fprintf(h, "%s/%d", it.Key, n)
			v := h.Sum32() % 100
			switch {
			case it.Kind == EvalText, it.SessionID != uuid.Nil && !held[it.Key]:
				continue
			case v < 4:
				continue // not answered
			case it.Key == EvalKeyKnowledgeBefore:
				r.Answers = append(r.Answers, EvalAnswer{Item: it.Key, Value: 1 + int(v%3)})
			case it.Key == EvalKeyKnowledgeAfter:
				r.Answers = append(r.Answers, EvalAnswer{Item: it.Key, Value: 3 + int(v%3)})
			case it.Kind == EvalAgreement && v < 8:
				r.Answers = append(r.Answers, EvalAnswer{Item: it.Key, NA: true})
			default: // mostly 4 and 5, a few lower
				r.Answers = append(r.Answers, EvalAnswer{Item: it.Key, Value: []int{5, 5, 4, 4, 4, 5, 3, 4, 2, 5}[v%10]})
			}
		}
		list = append(list, r)
	}
	for i, c := range demoComments {
		r := list[i%len(list)]
		r.Answers = append(r.Answers, EvalAnswer{Item: c.item, Text: c.text})
		r.Language = c.lang
	}
	if err := s.RecordEvaluations(w.ID, list); err != nil {
		return fmt.Errorf("sample evaluation: %w", err)
	}
	return nil
}
