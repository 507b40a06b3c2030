package store

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// trueWords and falseWords are how true and false are written in English,
// French and Spanish answers, on paper and in online forms (folded).
var (
	trueWords  = []string{"t", "true", "v", "vrai", "verdadero", "1", "yes", "oui", "si"}
	falseWords = []string{"f", "false", "faux", "falso", "0", "no", "non"}
)

// CheckResponse turns what a participant answered to q into a response as
// stored ("T", "B", "AC", the text or the number), or says why it cannot
// be one: an option letter out of range, text that is no option, a word
// that is neither true nor false, something that is not a number. A blank
// is "" (unanswered). Option letters may be given as the option's text.
func CheckResponse(q *Question, raw string) (string, error) {
	raw = nfc(strings.TrimSpace(raw))
	if raw == "" {
		return "", nil
	}
	switch q.Kind {
	case TrueFalse:
		f := Fold(raw)
		switch {
		case slices.Contains(trueWords, f):
			return "T", nil
		case slices.Contains(falseWords, f):
			return "F", nil
		}
		return "", fmt.Errorf("%q is neither true (T) nor false (F)", raw)
	case MultipleChoice:
		return choiceLetter(q, raw)
	case MultipleAnswer:
		if i := optionByText(q, raw); i >= 0 {
			return Letter(i), nil
		}
		var letters []byte
		for _, part := range strings.FieldsFunc(raw, func(r rune) bool { return r == ',' || r == ';' || r == ' ' || r == '+' }) {
			if i := optionByText(q, part); i >= 0 {
				letters = append(letters, byte('A'+i))
				continue
			}
			for _, r := range strings.ToUpper(part) {
				i := int(r - 'A')
				if i < 0 || i >= len(q.Options) {
					return "", fmt.Errorf("%q: the options are A to %s", raw, Letter(len(q.Options)-1))
				}
				letters = append(letters, byte(r))
			}
		}
		slices.Sort(letters)
		return string(slices.Compact(letters)), nil
	case ShortAnswer:
		if utf8.RuneCountInString(raw) > QuestionLimits["option"] {
			return "", fmt.Errorf("the answer is longer than %d characters", QuestionLimits["option"])
		}
		if what := firstForbidden(raw); what != "" {
			return "", fmt.Errorf("the answer holds %s", what)
		}
		return raw, nil
	case Numeric:
		v, err := strconv.ParseFloat(strings.ReplaceAll(strings.ReplaceAll(raw, " ", ""), ",", "."), 64)
		if err != nil {
			return "", fmt.Errorf("%q is not a number", raw)
		}
		return strconv.FormatFloat(v, 'f', -1, 64), nil
	}
	return "", fmt.Errorf("question kind %q cannot be answered", q.Kind)
}

func choiceLetter(q *Question, raw string) (string, error) {
	if len(raw) == 1 {
		i := int(strings.ToUpper(raw)[0]) - 'A'
		if i >= 0 && i < len(q.Options) {
			return Letter(i), nil
		}
		if i >= 0 && i < 26 {
			return "", fmt.Errorf("%q: the options are A to %s", raw, Letter(len(q.Options)-1))
		}
	}
	if i := optionByText(q, raw); i >= 0 {
		return Letter(i), nil
	}
	return "", fmt.Errorf("%q is not one of the options A to %s", raw, Letter(len(q.Options)-1))
}

// optionByText returns the option whose text matches raw, or −1.
func optionByText(q *Question, raw string) int {
	for i, o := range q.Options {
		if ShortAnswersMatch(o.Text, raw) {
			return i
		}
		for _, t := range q.Translations {
			if i < len(t.Options) && t.Options[i] != "" && ShortAnswersMatch(t.Options[i], raw) {
				return i
			}
		}
	}
	return -1
}

func firstForbidden(s string) string {
	for _, r := range s {
		if what := forbiddenRune(r); what != "" {
			return what
		}
	}
	return ""
}
