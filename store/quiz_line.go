package store

import (
	"fmt"
	"strings"
	"unicode"
)

// blankAnswers are the tokens of an answer line that mean "unanswered".
var blankAnswers = []string{"-", "_", ".", "?", "–"}

// ParseAnswerLine splits a keyed answer line into responses, in the order
// the questions are printed: tokens separated by spaces, text of several
// words in double quotes ("global forum", also “…” or «…», \" for a quote
// inside), and -, _, . or ? (or "") for a question left unanswered. The
// responses are as typed; CheckResponse turns each into its stored form.
func ParseAnswerLine(line string) ([]string, error) {
	var out []string
	rs := []rune(line)
	for i := 0; i < len(rs); {
		r := rs[i]
		switch {
		case unicode.IsSpace(r):
			i++
		case r == '"' || r == '“' || r == '«':
			closer := map[rune]rune{'"': '"', '“': '”', '«': '»'}[r]
			var b strings.Builder
			j := i + 1
			for ; j < len(rs) && rs[j] != closer && !(closer == '”' && rs[j] == '"'); j++ {
				if rs[j] == '\\' && j+1 < len(rs) {
					j++
				}
				b.WriteRune(rs[j])
			}
			if j >= len(rs) {
				return nil, fmt.Errorf("answer %d: the quote opened at character %d is not closed", len(out)+1, i+1)
			}
			out = append(out, strings.TrimSpace(b.String()))
			i = j + 1
		default:
			j := i
			for j < len(rs) && !unicode.IsSpace(rs[j]) {
				j++
			}
			tok := string(rs[i:j])
			for _, b := range blankAnswers {
				if tok == b {
					tok = ""
				}
			}
			out = append(out, tok)
			i = j
		}
	}
	return out, nil
}
