package store

import (
	"math"
	"strconv"
	"strings"
)

// A response is one participant's answer to one question, as a string:
// "T" or "F" for true/false, a letter ("B") for multiple choice, letters
// ("AC") for several answers, the typed text for a short answer and the
// number for a numeric question; "" means unanswered.

// scorer scores responses to one question; it is built once per question
// so that scoring a class is only comparisons.
type scorer struct {
	kind    QuestionKind
	weights []float64          // choice kinds: weight of each option, per cent
	short   map[string]float64 // short answer: normalised text → weight
	seen    map[string]float64 // short answer: response as typed → weight, as scored before
	values  []numericValue     // numeric
}

type numericValue struct{ value, tolerance, weight float64 }

func newScorer(q *Question) scorer {
	sc := scorer{kind: q.Kind, weights: make([]float64, len(q.Options))}
	for i, o := range q.Options {
		sc.weights[i] = o.Weight
	}
	switch q.Kind {
	case ShortAnswer:
		sc.short = make(map[string]float64, len(q.Options))
		sc.seen = map[string]float64{}
		for _, o := range q.Options {
			k := normalizeShort(o.Text)
			sc.short[k] = max(sc.short[k], o.Weight)
		}
	case Numeric:
		for _, o := range q.Options {
			if v, err := strconv.ParseFloat(o.Text, 64); err == nil {
				sc.values = append(sc.values, numericValue{v, o.Tolerance, o.Weight})
			}
		}
	}
	return sc
}

// credit returns the credit of a response, from 0 to 1.
func (sc *scorer) credit(resp string) float64 {
	if resp == "" {
		return 0
	}
	w := 0.0
	switch sc.kind {
	case TrueFalse:
		switch resp {
		case "T":
			w = sc.weights[0]
		case "F":
			w = sc.weights[1]
		}
	case MultipleChoice:
		if i := int(resp[0]) - 'A'; len(resp) == 1 && i >= 0 && i < len(sc.weights) {
			w = sc.weights[i]
		}
	case MultipleAnswer:
		for j := 0; j < len(resp); j++ {
			if i := int(resp[j]) - 'A'; i >= 0 && i < len(sc.weights) {
				w += sc.weights[i]
			}
		}
	case ShortAnswer:
		if v, ok := sc.short[resp]; ok { // the common case: typed as accepted
			w = v
		} else if v, ok := sc.seen[resp]; ok { // typed so before
			w = v
		} else {
			w = sc.short[normalizeShort(resp)]
			if len(sc.seen) < 100_000 {
				sc.seen[resp] = w
			}
		}
	case Numeric:
		v, err := strconv.ParseFloat(resp, 64)
		if err != nil {
			v, err = strconv.ParseFloat(strings.ReplaceAll(resp, ",", "."), 64)
		}
		if err != nil {
			return 0
		}
		for _, nv := range sc.values {
			if math.Abs(v-nv.value) <= nv.tolerance+1e-9 {
				w = max(w, nv.weight)
			}
		}
	}
	return min(max(w/100, 0), 1)
}

// Score is a participant's result at one test.
type Score struct {
	Points   float64 `json:"points"`   // sum of the credits, one point per question
	Max      float64 `json:"max"`      // number of questions
	Percent  float64 `json:"percent"`  // Points / Max × 100
	Answered int     `json:"answered"` // questions given an answer
	// Credits holds each question's credit (0 to 1), in the test's order.
	Credits []float64 `json:"credits,omitempty"`
}

// Right reports whether the question at position i was answered fully right.
func (s *Score) Right(i int) bool { return i < len(s.Credits) && s.Credits[i] >= 0.999 }

// TestScorer scores answer sheets of one test.
type TestScorer struct {
	scorers []scorer
}

// NewTestScorer prepares the scoring of sheets answering questions, in order.
func NewTestScorer(questions []Question) *TestScorer {
	ts := &TestScorer{scorers: make([]scorer, len(questions))}
	for i := range questions {
		ts.scorers[i] = newScorer(&questions[i])
	}
	return ts
}

// Score scores responses, in the test's order; missing ones are unanswered.
func (ts *TestScorer) Score(responses []string) Score {
	s := Score{Max: float64(len(ts.scorers)), Credits: make([]float64, len(ts.scorers))}
	for i := range ts.scorers {
		if i >= len(responses) || responses[i] == "" {
			continue
		}
		s.Answered++
		c := ts.scorers[i].credit(responses[i])
		s.Credits[i] = c
		s.Points += c
	}
	if s.Max > 0 {
		s.Percent = s.Points / s.Max * 100
	}
	return s
}

// ScoreResponse returns the credit (0 to 1) of one response to q.
func ScoreResponse(q *Question, resp string) float64 {
	sc := newScorer(q)
	return sc.credit(resp)
}
