package store

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"

	"github.com/google/uuid"
)

// QuestionKind is how a question is answered and scored.
type QuestionKind string

// The kinds of question.
const (
	// TrueFalse is answered T or F; Options are "True" and "False", the
	// right one weighted 100.
	TrueFalse QuestionKind = "truefalse"
	// MultipleChoice has one answer among its Options (A–E…), the right
	// one weighted 100; others may carry partial credit.
	MultipleChoice QuestionKind = "multichoice"
	// MultipleAnswer has several right Options whose weights (per cent,
	// as in Moodle: 50/50/−100) add up to the credit; the score of the
	// question is never below 0.
	MultipleAnswer QuestionKind = "multianswer"
	// ShortAnswer is a typed answer matched against the accepted Options,
	// ignoring case, accents, extra spaces and punctuation.
	ShortAnswer QuestionKind = "shortanswer"
	// Numeric is a number; each Option holds a value and a tolerance.
	Numeric QuestionKind = "numerical"
)

// QuestionKinds lists every kind, in the order forms show them.
var QuestionKinds = []QuestionKind{TrueFalse, MultipleChoice, MultipleAnswer, ShortAnswer, Numeric}

// MaxOptions is the most options a choice question may have (A–J).
const MaxOptions = 10

// QuestionLimits are the longest texts, in characters, of a question's
// fields.
var QuestionLimits = map[string]int{
	"title": 200, "text": 2000, "after": 1000, "option": 500, "feedback": 2000, "source": 500, "category": 200,
}

// Option is one answer of a question: a choice, an accepted short answer
// or a numeric value, with its credit in per cent (100 for a right answer,
// negative for a penalised one) and the feedback shown when it is chosen.
type Option struct {
	Text      string  `json:"text"`
	Weight    float64 `json:"weight"`
	Tolerance float64 `json:"tolerance,omitempty"` // numeric: accepted distance from the value
	Feedback  string  `json:"feedback,omitempty"`
}

// QuestionText is a question's wording in another language: the text,
// the rest after a missing word, the options' text in order and the
// feedback. Empty fields fall back to the question's own.
type QuestionText struct {
	Text     string   `json:"text,omitempty"`
	After    string   `json:"after,omitempty"`
	Options  []string `json:"options,omitempty"`
	Feedback string   `json:"feedback,omitempty"`
}

// Question is one item of a workshop's question bank.
type Question struct {
	Record
	WorkshopID uuid.UUID    `json:"workshop_id"`
	Position   int          `json:"position"` // order in the bank, from 1
	Kind       QuestionKind `json:"kind"`
	Title      string       `json:"title,omitempty"`
	Category   string       `json:"category,omitempty"`
	// Text is the question; for a missing-word question, the text before
	// the blank, and After the text that follows it.
	Text     string   `json:"text"`
	After    string   `json:"after,omitempty"`
	Options  []Option `json:"options"`
	Feedback string   `json:"feedback,omitempty"` // general feedback or explanation
	Source   string   `json:"source,omitempty"`
	// Translations holds the wording in other languages, by language code
	// (one of CertificateLanguages).
	Translations map[string]QuestionText `json:"translations,omitempty"`
}

// MissingWord reports whether the question has a blank inside its text.
func (q *Question) MissingWord() bool { return q.After != "" }

// Letter returns the letter of option i: A, B, C…
func Letter(i int) string { return string(rune('A' + i)) }

// Wording returns the question in language lang where a translation
// exists, field by field, else in its own words.
func (q *Question) Wording(lang string) QuestionText {
	w := QuestionText{Text: q.Text, After: q.After, Feedback: q.Feedback, Options: make([]string, len(q.Options))}
	for i, o := range q.Options {
		w.Options[i] = o.Text
	}
	t, ok := q.Translations[lang]
	if !ok {
		return w
	}
	if t.Text != "" {
		w.Text = t.Text
	}
	if t.After != "" {
		w.After = t.After
	}
	if t.Feedback != "" {
		w.Feedback = t.Feedback
	}
	for i := range w.Options {
		if i < len(t.Options) && t.Options[i] != "" {
			w.Options[i] = t.Options[i]
		}
	}
	return w
}

// NewTrueFalse returns a true/false question whose right answer is right.
func NewTrueFalse(text string, right bool) Question {
	t, f := 0.0, 100.0
	if right {
		t, f = 100, 0
	}
	return Question{Kind: TrueFalse, Text: text, Options: []Option{{Text: "True", Weight: t}, {Text: "False", Weight: f}}}
}

// TrueFalseAnswer returns the right answer of a true/false question.
func (q *Question) TrueFalseAnswer() bool { return len(q.Options) > 0 && q.Options[0].Weight > 0 }

// Normalize trims the texts and puts them in Unicode normal form C.
func (q *Question) Normalize() {
	for _, f := range []*string{&q.Title, &q.Category, &q.Text, &q.After, &q.Feedback, &q.Source} {
		*f = nfc(strings.TrimSpace(*f))
	}
	for i := range q.Options {
		q.Options[i].Text = nfc(strings.TrimSpace(q.Options[i].Text))
		q.Options[i].Feedback = nfc(strings.TrimSpace(q.Options[i].Feedback))
	}
	for lang, t := range q.Translations {
		t.Text, t.After, t.Feedback = nfc(strings.TrimSpace(t.Text)), nfc(strings.TrimSpace(t.After)), nfc(strings.TrimSpace(t.Feedback))
		for i := range t.Options {
			t.Options[i] = nfc(strings.TrimSpace(t.Options[i]))
		}
		q.Translations[lang] = t
	}
}

// Validate checks the question on its own and lists every problem.
func (q *Question) Validate() error {
	var pr problems
	for _, f := range []struct{ field, value string }{{"title", q.Title}, {"category", q.Category},
		{"text", q.Text}, {"after", q.After}, {"source", q.Source}} {
		pr.checkText(f.field, f.value, QuestionLimits, false)
	}
	pr.checkText("feedback", q.Feedback, QuestionLimits, true)
	if q.Text == "" {
		pr.add("text", "the question has no text")
	}
	n := len(q.Options)
	best := 0.0
	for i, o := range q.Options {
		pr.checkText("option", o.Text, QuestionLimits, false)
		pr.checkText("feedback", o.Feedback, QuestionLimits, true)
		if o.Text == "" {
			pr.add("options", "answer %d is empty", i+1)
		}
		if o.Weight < -100 || o.Weight > 100 {
			pr.add("options", "answer %d: a weight of %g%% is outside −100%% to 100%%", i+1, o.Weight)
		}
		best = max(best, o.Weight)
	}
	switch q.Kind {
	case TrueFalse:
		if n != 2 {
			pr.add("options", "a true/false question has two answers, not %d", n)
		}
	case MultipleChoice, MultipleAnswer:
		if n < 2 || n > MaxOptions {
			pr.add("options", "a choice question has 2 to %d answers, not %d", MaxOptions, n)
		}
		if q.Kind == MultipleChoice && best <= 0 {
			pr.add("options", "no answer is right")
		}
		if q.Kind == MultipleAnswer {
			sum := 0.0
			for _, o := range q.Options {
				if o.Weight > 0 {
					sum += o.Weight
				}
			}
			if sum < 99.5 || sum > 100.5 {
				pr.add("options", "the right answers' weights add up to %g%%, not 100%%", sum)
			}
		}
	case ShortAnswer:
		if n == 0 || best <= 0 {
			pr.add("options", "no answer is accepted")
		}
		for i, o := range q.Options {
			if o.Text != "" && normalizeShort(o.Text) == "" {
				pr.add("options", "answer %d holds only punctuation, which is ignored in matching", i+1)
			}
		}
	case Numeric:
		if n == 0 || best <= 0 {
			pr.add("options", "no value is accepted")
		}
		for i, o := range q.Options {
			if v, err := strconv.ParseFloat(o.Text, 64); o.Text != "" && (err != nil || math.IsNaN(v) || math.IsInf(v, 0)) {
				pr.add("options", "answer %d: %q is not a number", i+1, o.Text)
			}
			if !(o.Tolerance >= 0) || math.IsInf(o.Tolerance, 0) {
				pr.add("options", "answer %d: the tolerance is negative", i+1)
			}
		}
	default:
		pr.add("kind", "%q is not a kind of question", q.Kind)
	}
	for lang, t := range q.Translations {
		if !validEnum(lang, CertificateLanguages, false) {
			pr.add("translations", "%q is not one of %s", lang, strings.Join(CertificateLanguages, ", "))
		}
		pr.checkText("text", t.Text, QuestionLimits, false)
		if len(t.Options) > n {
			pr.add("translations", "the %s translation has %d answers; the question has %d", lang, len(t.Options), n)
		}
	}
	return pr.err()
}

// normalizeShort returns a short answer as it is compared: folded (lower
// case, no accents), punctuation dropped, spaces collapsed.
func normalizeShort(s string) string {
	f := Fold(s)
	var b strings.Builder
	b.Grow(len(f))
	space := false
	for _, r := range f {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case unicode.IsSpace(r):
			space = true
		default:
			// Punctuation joins ("e-mail" = "email"), except between
			// words where it stands for a space ("Addis, Ababa").
		}
	}
	return b.String()
}

// ShortAnswersMatch reports whether two short answers are the same once
// case, accents, extra spaces and punctuation are ignored.
func ShortAnswersMatch(a, b string) bool { return normalizeShort(a) == normalizeShort(b) }

// AcceptAnswer adds variant as a right answer of a short-answer question;
// every sheet is scored against the question as it now stands, so the
// participants who gave that variant gain the point.
func (s *Store) AcceptAnswer(questionID uuid.UUID, variant string) (Question, error) {
	q, err := s.Question(questionID)
	if err != nil {
		return q, err
	}
	if q.Kind != ShortAnswer {
		return q, fmt.Errorf("accept %q: question %d is not a short-answer question", variant, q.Position)
	}
	for _, o := range q.Options {
		if o.Weight >= 100 && ShortAnswersMatch(o.Text, variant) {
			return q, nil
		}
	}
	q.Options = append(q.Options, Option{Text: variant, Weight: 100})
	if err := s.SaveQuestions([]*Question{&q}); err != nil {
		return q, fmt.Errorf("accept %q: %w", variant, err)
	}
	return q, nil
}
