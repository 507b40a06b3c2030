package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/google/uuid"
)

// EvaluationResponse is one filled-in form. An anonymous form's response
// holds its form number, language and answers: no name, no participant,
// no badge, nothing that leads to a person.
type EvaluationResponse struct {
	Record
	WorkshopID uuid.UUID `json:"workshop_id"`
	// Form is the number printed on the paper form (or given on import).
	Form int `json:"form"`
	// Language is the language the form was answered in ("" unknown).
	Language string `json:"language,omitempty"`
	// Name is the respondent's name, on a named form only.
	Name    string       `json:"name,omitempty"`
	Answers []EvalAnswer `json:"answers"`
}

// EvalAnswer is the answer to one item; an item not answered has none.
type EvalAnswer struct {
	Item string `json:"item"` // the item's key
	// Value is 1–5 on a scale, 1 yes or 2 no, or the choice's number
	// (from 1) of a one-choice item.
	Value int `json:"value,omitempty"`
	// NA marks "not applicable" on an agreement scale.
	NA bool `json:"na,omitempty"`
	// Choices are the numbers (from 1) of the choices ticked.
	Choices []int `json:"choices,omitempty"`
	// Text is a comment.
	Text string `json:"text,omitempty"`
}

// Answer returns the answer to the item with key, if any.
func (r *EvaluationResponse) Answer(key string) (EvalAnswer, bool) {
	for _, a := range r.Answers {
		if a.Item == key {
			return a, true
		}
	}
	return EvalAnswer{}, false
}

// ValidateResponse checks r against the form and lists every problem,
// naming the item by its number.
func (f *EvaluationForm) ValidateResponse(r *EvaluationResponse) error {
	var pr problems
	if r.Form < 1 || r.Form > MaxFormNumber {
		pr.add("form", "the form number %d is not between 1 and %d", r.Form, MaxFormNumber)
	}
	if r.Language != "" && !validEnum(r.Language, CertificateLanguages, false) {
		pr.add("language", "%q is not one of %s", r.Language, strings.Join(CertificateLanguages, ", "))
	}
	if r.Name != "" && !f.Named {
		pr.add("name", "the form is anonymous: no name is kept")
	}
	pr.checkText("name", r.Name, EvalLimits, false)
	seen := map[string]bool{}
	for _, a := range r.Answers {
		it, i := f.Item(a.Item)
		if i < 0 {
			pr.add("answers", "%q is not an item of the form", a.Item)
			continue
		}
		field := fmt.Sprintf("item %d", i+1)
		if seen[a.Item] {
			pr.add(field, "answered twice")
		}
		seen[a.Item] = true
		if msg := answerProblem(it, a); msg != "" {
			pr.add(field, "%s", msg)
		}
	}
	return pr.err()
}

// answerProblem says what is wrong with a as an answer to it, or "".
func answerProblem(it EvalItem, a EvalAnswer) string {
	extra := a.Text != "" && it.Kind != EvalText || len(a.Choices) > 0 && it.Kind != EvalChoices ||
		a.NA && it.Kind != EvalAgreement || a.Value != 0 && (it.Kind == EvalText || it.Kind == EvalChoices)
	switch {
	case extra:
		return "the answer does not fit a " + string(it.Kind) + " item"
	case it.Kind.Scale() && !a.NA && (a.Value < 1 || a.Value > 5):
		return fmt.Sprintf("%d is out of range: a rating is 1 to 5", a.Value)
	case it.Kind == EvalYesNo && a.Value != 1 && a.Value != 2:
		return fmt.Sprintf("%d is not 1 (yes) or 2 (no)", a.Value)
	case it.Kind == EvalChoice && (a.Value < 1 || a.Value > len(it.Choices)):
		return fmt.Sprintf("%d is out of range: choose 1 to %d", a.Value, len(it.Choices))
	case it.Kind == EvalChoices:
		for _, c := range a.Choices {
			if c < 1 || c > len(it.Choices) {
				return fmt.Sprintf("%d is out of range: choose 1 to %d", c, len(it.Choices))
			}
		}
	case it.Kind == EvalText:
		var tp problems
		tp.checkText("comment", a.Text, EvalLimits, true)
		if len(tp) > 0 {
			return tp[0].Message
		}
	}
	return ""
}

// ParseRatings reads the ratings line of a keyed-in form: one token per
// item that is not free text, in form order, separated by spaces. A scale
// takes 1–5; "-" means not answered; "0" or "na" is "not applicable" on
// an agreement item; yes/no takes 1 or y (yes) and 2 or n (no), in
// English, French or Spanish; a choice takes its number, several choices
// their numbers joined by commas ("1,3"). Every problem is listed, naming
// the item by its number.
func (f *EvaluationForm) ParseRatings(line string) ([]EvalAnswer, error) {
	tokens := strings.FieldsFunc(line, func(r rune) bool { return unicode.IsSpace(r) || r == ';' })
	rated := f.Rated()
	var pr problems
	if len(tokens) != len(rated) {
		pr.add("ratings", "%d ratings given; the form has %d items to rate (type - for one not answered)", len(tokens), len(rated))
		return nil, pr.err()
	}
	var out []EvalAnswer
	for n, tok := range tokens {
		i := rated[n]
		it := f.Items[i]
		a, msg := parseRating(it, tok)
		if msg != "" {
			pr.add(fmt.Sprintf("item %d", i+1), "%q: %s", tok, msg)
			continue
		}
		if a != nil {
			out = append(out, *a)
		}
	}
	if err := pr.err(); err != nil {
		return nil, err
	}
	return out, nil
}

// parseRating reads one token of the ratings line for it: nil when not
// answered, or the problem.
func parseRating(it EvalItem, tok string) (*EvalAnswer, string) {
	tok = strings.ToLower(strings.TrimSpace(tok))
	if tok == "-" || tok == "" {
		return nil, ""
	}
	a := &EvalAnswer{Item: it.Key}
	switch it.Kind {
	case EvalAgreement, EvalRating:
		if it.Kind == EvalAgreement && (tok == "0" || tok == "na" || tok == "n/a") {
			a.NA = true
			return a, ""
		}
		v, err := strconv.Atoi(tok)
		if err != nil || v < 1 || v > 5 {
			if it.Kind == EvalAgreement {
				return nil, "out of range: give 1 to 5, 0 for not applicable or - for no answer"
			}
			return nil, "out of range: give 1 to 5 or - for no answer"
		}
		a.Value = v
	case EvalYesNo:
		switch Fold(tok) {
		case "1", "y", "yes", "o", "oui", "s", "si":
			a.Value = 1
		case "2", "n", "no", "non":
			a.Value = 2
		default:
			return nil, "give 1 or y for yes, 2 or n for no"
		}
	case EvalChoice:
		v, err := strconv.Atoi(tok)
		if err != nil || v < 1 || v > len(it.Choices) {
			return nil, fmt.Sprintf("out of range: give a choice from 1 to %d", len(it.Choices))
		}
		a.Value = v
	case EvalChoices:
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == ',' || r == '+' }) {
			v, err := strconv.Atoi(part)
			if err != nil || v < 1 || v > len(it.Choices) {
				return nil, fmt.Sprintf("out of range: give choices from 1 to %d, joined by commas", len(it.Choices))
			}
			if !slices.Contains(a.Choices, v) {
				a.Choices = append(a.Choices, v)
			}
		}
		slices.Sort(a.Choices)
	}
	return a, ""
}

// RatingsLine writes a response's answers back as a ratings line, the
// form ParseRatings reads: for showing a keyed-in form back.
func (f *EvaluationForm) RatingsLine(r *EvaluationResponse) string {
	var parts []string
	for _, i := range f.Rated() {
		a, ok := r.Answer(f.Items[i].Key)
		switch {
		case !ok:
			parts = append(parts, "-")
		case a.NA:
			parts = append(parts, "0")
		case len(a.Choices) > 0:
			s := make([]string, len(a.Choices))
			for j, c := range a.Choices {
				s[j] = strconv.Itoa(c)
			}
			parts = append(parts, strings.Join(s, ","))
		default:
			parts = append(parts, strconv.Itoa(a.Value))
		}
	}
	return strings.Join(parts, " ")
}

// GuessLanguage guesses the language of a comment from its script:
// Arabic, Cyrillic (Russian) or Chinese; "" for any other script.
func GuessLanguage(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Arabic, r):
			return "ar"
		case unicode.Is(unicode.Cyrillic, r):
			return "ru"
		case unicode.Is(unicode.Han, r):
			return "zh"
		}
	}
	return ""
}

// ItemRef finds an item by its number (from 1) or its key.
func (f *EvaluationForm) ItemRef(ref string) (EvalItem, int, error) {
	ref = strings.TrimSpace(ref)
	if n, err := strconv.Atoi(ref); err == nil {
		if n < 1 || n > len(f.Items) {
			return EvalItem{}, -1, fmt.Errorf("item %d is not on the form (items 1 to %d)", n, len(f.Items))
		}
		return f.Items[n-1], n - 1, nil
	}
	if it, i := f.Item(ref); i >= 0 {
		return it, i, nil
	}
	return EvalItem{}, -1, fmt.Errorf("%q is not an item of the form: give its number (1 to %d) or key", ref, len(f.Items))
}

// KeyedResponse builds the response of a form keyed in: its number, the
// ratings line (see ParseRatings) and the comments by item (number or
// key → text; empty texts left out). The language is lang, or else
// guessed from the comments' script; "" when neither tells. Every
// problem is listed; nothing is stored.
func (f *EvaluationForm) KeyedResponse(form int, ratings string, comments map[string]string, lang string) (EvaluationResponse, error) {
	r := EvaluationResponse{WorkshopID: f.WorkshopID, Form: form, Language: lang}
	var pr problems
	answers, err := f.ParseRatings(ratings)
	if ve, ok := err.(ValidationError); ok {
		pr = append(pr, ve...)
	}
	r.Answers = answers
	for _, ref := range slices.Sorted(func(yield func(string) bool) {
		for k := range comments {
			if !yield(k) {
				return
			}
		}
	}) {
		text := strings.TrimSpace(comments[ref])
		it, i, err := f.ItemRef(ref)
		switch {
		case err != nil:
			pr.add("comment", "%s", err.Error())
		case it.Kind != EvalText:
			pr.add("comment", "item %d is not an open question: its answer goes in the ratings line", i+1)
		case text != "":
			r.Answers = append(r.Answers, EvalAnswer{Item: it.Key, Text: text})
			if r.Language == "" {
				r.Language = GuessLanguage(text)
			}
		}
	}
	if err := pr.err(); err != nil {
		return r, err
	}
	if err := f.ValidateResponse(&r); err != nil {
		return r, err
	}
	return r, nil
}

// EvalLanguageOf returns the language of a participant's form: their
// certificate language, else the workshop's certificate or working
// language, else English.
func EvalLanguageOf(w *Workshop, p *Participant) string {
	for _, l := range []string{p.CertificateLanguage, w.Certificate.Language, w.Language} {
		if validEnum(l, CertificateLanguages, false) {
			return l
		}
	}
	return "en"
}
