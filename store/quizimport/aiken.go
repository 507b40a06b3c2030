package quizimport

import (
	"regexp"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

var (
	aikenOption = regexp.MustCompile(`^([A-Z])[.)]\s+(.*)$`)
	aikenAnswer = regexp.MustCompile(`^ANSWER:\s*([A-Z])\s*$`)
)

// ParseAiken reads an Aiken file: questions of one line, options "A." or
// "A)" on their own lines, then "ANSWER: B"; questions separated by blank
// lines. Every question is multiple choice with one right answer.
func ParseAiken(data []byte) (*Parsed, error) {
	text, err := cleanText(data)
	if err != nil {
		return nil, err
	}
	p := &Parsed{}
	var q *store.Question
	skipping := false // after a problem, until the next blank line
	start := 0
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		m, a := aikenOption.FindStringSubmatch(line), aikenAnswer.FindStringSubmatch(line)
		switch {
		case line == "":
			if q != nil {
				p.fail(start, label(*q), "no ANSWER: line ends the question")
			}
			q, skipping = nil, false
		case skipping:
		case q == nil:
			q, start = &store.Question{Kind: store.MultipleChoice, Text: line}, i+1
		case a != nil:
			if right := int(a[1][0] - 'A'); right >= len(q.Options) {
				p.fail(start, label(*q), "the answer %s is not one of the options", a[1])
			} else {
				q.Options[right].Weight = 100
				p.add(start, *q)
			}
			q, skipping = nil, true
		case m != nil && m[1] != store.Letter(len(q.Options)):
			p.fail(start, label(*q), "option %s comes where %s was expected", m[1], store.Letter(len(q.Options)))
			q, skipping = nil, true
		case m != nil:
			q.Options = append(q.Options, store.Option{Text: m[2]})
		case len(q.Options) == 0:
			q.Text += " " + line // a question over several lines
		default:
			p.fail(start, label(*q), "line %d is neither an option nor the ANSWER: line", i+1)
			q, skipping = nil, true
		}
	}
	if q != nil {
		p.fail(start, label(*q), "no ANSWER: line ends the question")
	}
	return p, nil
}
