// Package quizimport reads question banks from the formats they live in —
// Moodle GIFT, Aiken, CSV and XLSX — and writes them back to GIFT, and
// reads participants' answers from online-form exports. Nothing here
// writes to the store: the caller shows the preview and saves on
// confirmation.
package quizimport

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/workshopdesk/workshopdesk/store"
)

// MaxFileSize is the largest question or answer file read (8 MiB): a bank
// of a thousand questions is a few hundred kilobytes.
const MaxFileSize = 8 << 20

// Problem names a question the reader could not take: the line (or row)
// where it starts, its title or the start of its text, and why.
type Problem struct {
	Line   int    `json:"line"`
	Title  string `json:"title"`
	Reason string `json:"reason"`
}

func (p Problem) String() string {
	if p.Title == "" {
		return fmt.Sprintf("line %d: %s", p.Line, p.Reason)
	}
	return fmt.Sprintf("line %d (%s): %s", p.Line, p.Title, p.Reason)
}

// Parsed is what a reader found: the questions it can take, each with the
// line it starts on, and the problems.
type Parsed struct {
	Questions []store.Question
	Lines     []int // Lines[i] is where Questions[i] starts
	Problems  []Problem
}

// add validates q and keeps it, or names the problem.
func (p *Parsed) add(line int, q store.Question) {
	q.Normalize()
	if err := q.Validate(); err != nil {
		p.Problems = append(p.Problems, Problem{Line: line, Title: label(q), Reason: err.Error()})
		return
	}
	p.Questions = append(p.Questions, q)
	p.Lines = append(p.Lines, line)
}

func (p *Parsed) fail(line int, title, format string, args ...any) {
	p.Problems = append(p.Problems, Problem{Line: line, Title: title, Reason: fmt.Sprintf(format, args...)})
}

// label is how a question is named in a problem: its title, else the
// start of its text.
func label(q store.Question) string {
	if q.Title != "" {
		return q.Title
	}
	return shorten(q.Text, 40)
}

func shorten(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n-1]) + "…"
}

// cleanText removes a UTF-8 byte order mark and turns CRLF and CR into LF.
func cleanText(data []byte) (string, error) {
	if len(data) > MaxFileSize {
		return "", fmt.Errorf("the file is %d bytes; at most %d are read", len(data), MaxFileSize)
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if !utf8.Valid(data) {
		return "", fmt.Errorf("the file is not UTF-8 text; save it as UTF-8 and try again")
	}
	s := strings.ReplaceAll(string(data), "\r\n", "\n")
	return strings.ReplaceAll(s, "\r", "\n"), nil
}

// ParseGIFT reads a Moodle GIFT file: categories ($CATEGORY:), titles
// (::title::), true/false ({T}, {FALSE}), choices (=right ~wrong,
// ~%50%partial), several right answers (weights adding to 100 %),
// short answers (all =), numeric ({#1990}, {#1990:2}, {#1..5},
// {#=1990:0 =%50%1990:5}), missing-word questions (text after the
// braces), feedback (#) and general feedback (####), escapes (\: \= \~ \#
// \{ \} \\ \n), // comments, CRLF or LF, with or without a BOM. A
// "// source:" comment just before a question is kept as its source.
// Essay, matching and description items are named as problems.
func ParseGIFT(data []byte) (*Parsed, error) {
	text, err := cleanText(data)
	if err != nil {
		return nil, err
	}
	p := &Parsed{}
	category, source := "", ""
	var block []string
	start := 0
	flush := func() {
		if len(block) > 0 {
			p.giftQuestion(start, strings.Join(block, "\n"), category, source)
		}
		block, source = nil, ""
	}
	for i, line := range strings.Split(text, "\n") {
		trimmed := strings.TrimSpace(line)
		switch {
		case strings.HasPrefix(trimmed, "//"):
			if s, ok := strings.CutPrefix(strings.TrimSpace(trimmed[2:]), "source:"); ok && len(block) == 0 {
				source = strings.TrimSpace(s)
			}
		case trimmed == "":
			flush()
		case len(block) == 0 && strings.HasPrefix(trimmed, "$CATEGORY:"):
			category = strings.TrimSpace(strings.TrimPrefix(trimmed, "$CATEGORY:"))
			category = strings.TrimPrefix(category, "$course$/")
		default:
			if len(block) == 0 {
				start = i + 1
			}
			block = append(block, line)
			// A question ends at its closing brace only when the next
			// line is blank; many banks also run questions together
			// without a blank line, which the brace count below allows.
			if closesQuestion(strings.Join(block, "\n")) {
				flush()
			}
		}
	}
	flush()
	return p, nil
}

// closesQuestion reports whether s holds a complete answer block followed
// by nothing but a line end: a question on one line, then the next.
func closesQuestion(s string) bool {
	open, close := findBlock(s)
	return open >= 0 && close >= 0 && strings.TrimSpace(s[close+1:]) == "" && strings.HasSuffix(strings.TrimSpace(s), "}")
}

// findBlock returns the positions of the first unescaped { and its
// closing }, or −1.
func findBlock(s string) (open, close int) {
	open, close = -1, -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '\\':
			i++
		case '{':
			if open < 0 {
				open = i
			}
		case '}':
			if open >= 0 {
				return open, i
			}
		}
	}
	return open, close
}

// unescape turns GIFT escapes into their characters and lines into one.
func unescape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c == '\\' && i+1 < len(s) {
			i++
			if s[i] == 'n' {
				b.WriteByte(' ')
				continue
			}
			b.WriteByte(s[i])
			continue
		}
		b.WriteByte(c)
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

func (p *Parsed) giftQuestion(line int, s, category, source string) {
	q := store.Question{Category: category, Source: source}
	rest := strings.TrimSpace(s)
	if strings.HasPrefix(rest, "::") {
		end := indexUnescaped(rest[2:], "::")
		if end < 0 {
			p.fail(line, "", "the title opened with :: is not closed")
			return
		}
		q.Title = unescape(rest[2 : 2+end])
		rest = strings.TrimSpace(rest[2+end+2:])
	}
	if strings.HasPrefix(rest, "[") {
		if end := strings.IndexByte(rest, ']'); end > 0 && !strings.Contains(rest[1:end], " ") {
			rest = rest[end+1:] // [html], [moodle], [markdown], [plain]: the text is kept as typed
		}
	}
	open, close := findBlock(rest)
	switch {
	case open < 0:
		q.Text = unescape(rest)
		p.fail(line, label(q), "a description with no answers is not a question")
		return
	case close < 0:
		q.Text = unescape(rest[:open])
		p.fail(line, label(q), "the answers opened with { are not closed with }")
		return
	}
	q.Text = unescape(rest[:open])
	q.After = unescape(rest[close+1:])
	body := rest[open+1 : close]
	if q.Text == "" && q.After != "" {
		q.Text, q.After = q.After, ""
	}
	if err := giftAnswers(&q, body); err != nil {
		p.fail(line, label(q), "%s", err)
		return
	}
	p.add(line, q)
}

// indexUnescaped returns the index of sep in s outside escapes, or −1.
func indexUnescaped(s, sep string) int {
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if strings.HasPrefix(s[i:], sep) {
			return i
		}
	}
	return -1
}

// splitUnescaped splits s before each unescaped byte of seps, keeping it.
func splitUnescaped(s string, seps string) []string {
	var parts []string
	last := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' {
			i++
			continue
		}
		if strings.IndexByte(seps, s[i]) >= 0 && i > last {
			parts = append(parts, s[last:i])
			last = i
		}
	}
	return append(parts, s[last:])
}

// giftAnswers reads the body of an answer block into q.
func giftAnswers(q *store.Question, body string) error {
	body, general := cutGeneral(body)
	q.Feedback = unescape(general)
	trimmed := strings.TrimSpace(body)
	switch {
	case trimmed == "":
		return fmt.Errorf("an essay question (empty braces) cannot be scored")
	case indexUnescaped(trimmed, "->") >= 0:
		return fmt.Errorf("matching questions are not supported")
	case trimmed[0] == '#':
		return giftNumeric(q, strings.TrimSpace(trimmed[1:]))
	}
	head, fb := cutFeedback(trimmed)
	switch strings.ToUpper(strings.TrimSpace(head)) {
	case "T", "TRUE", "F", "FALSE":
		right := strings.HasPrefix(strings.ToUpper(strings.TrimSpace(head)), "T")
		*q = withTrueFalse(*q, right)
		// {T#feedback for a wrong answer#feedback for a right one}
		wrong, rightFb := cutFeedback(fb)
		ri, wi := 0, 1
		if !right {
			ri, wi = 1, 0
		}
		q.Options[wi].Feedback, q.Options[ri].Feedback = unescape(wrong), unescape(rightFb)
		return nil
	}
	if trimmed[0] != '=' && trimmed[0] != '~' {
		return fmt.Errorf("the answers must start with = or ~, T or F, or # for a number")
	}
	equals, tildes := 0, 0
	for _, part := range splitUnescaped(trimmed, "=~") {
		if strings.TrimSpace(part) == "" {
			continue
		}
		mark := part[0]
		o, err := giftOption(part[1:], mark == '=')
		if err != nil {
			return err
		}
		if mark == '=' {
			equals++
		} else {
			tildes++
		}
		q.Options = append(q.Options, o)
	}
	switch {
	case tildes == 0:
		q.Kind = store.ShortAnswer
	case equals == 1:
		q.Kind = store.MultipleChoice
	case equals == 0:
		q.Kind = store.MultipleChoice
		positive := 0
		for _, o := range q.Options {
			if o.Weight > 0 {
				positive++
			}
		}
		if positive > 1 {
			q.Kind = store.MultipleAnswer
		}
	default:
		return fmt.Errorf("%d answers are marked right with = among ~ choices; give several right answers with weights (~%%50%%)", equals)
	}
	return nil
}

func withTrueFalse(q store.Question, right bool) store.Question {
	tf := store.NewTrueFalse(q.Text, right)
	q.Kind, q.Options = tf.Kind, tf.Options
	return q
}

// cutGeneral splits off the general feedback after an unescaped ####.
func cutGeneral(body string) (string, string) {
	if i := indexUnescaped(body, "####"); i >= 0 {
		return body[:i], body[i+4:]
	}
	return body, ""
}

// cutFeedback splits "answer#feedback" at the first unescaped #.
func cutFeedback(s string) (string, string) {
	if i := indexUnescaped(s, "#"); i >= 0 {
		return s[:i], s[i+1:]
	}
	return s, ""
}

// giftOption reads one answer after its = or ~: an optional %weight%, the
// text and an optional #feedback.
func giftOption(s string, right bool) (store.Option, error) {
	s, fb := cutFeedback(s)
	o := store.Option{Feedback: unescape(fb)}
	if right {
		o.Weight = 100
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "%") {
		end := strings.IndexByte(s[1:], '%')
		if end < 0 {
			return o, fmt.Errorf("the weight %q is not closed with %%", s)
		}
		w, err := strconv.ParseFloat(s[1:1+end], 64)
		if err != nil {
			return o, fmt.Errorf("the weight %q is not a number", s[1:1+end])
		}
		o.Weight = w
		s = s[end+2:]
	}
	o.Text = unescape(s)
	return o, nil
}

// giftNumeric reads a numeric answer: 1990, 1990:2, 1..5, or several
// "=value:tolerance" answers with weights and feedback.
func giftNumeric(q *store.Question, body string) error {
	q.Kind = store.Numeric
	parts := []string{body}
	if strings.HasPrefix(body, "=") || strings.HasPrefix(body, "~") {
		parts = nil
		for _, part := range splitUnescaped(body, "=~") {
			if strings.TrimSpace(part) != "" {
				parts = append(parts, part)
			}
		}
	}
	for _, part := range parts {
		if part = strings.TrimSpace(part); part == "" {
			return fmt.Errorf("the numeric answer has no number")
		}
		right := true
		if part[0] == '=' || part[0] == '~' {
			right = part[0] == '='
			part = part[1:]
		}
		o, err := giftOption(part, right)
		if err != nil {
			return err
		}
		v, tol, err := numericValue(o.Text)
		if err != nil {
			return err
		}
		o.Text, o.Tolerance = v, tol
		q.Options = append(q.Options, o)
	}
	return nil
}

// numericValue reads "1990", "1990:2" or "1..5" into a value and tolerance.
func numericValue(s string) (string, float64, error) {
	s = strings.TrimSpace(s)
	if lo, hi, ok := strings.Cut(s, ".."); ok {
		a, err1 := strconv.ParseFloat(strings.TrimSpace(lo), 64)
		b, err2 := strconv.ParseFloat(strings.TrimSpace(hi), 64)
		if err1 != nil || err2 != nil || b < a {
			return "", 0, fmt.Errorf("%q is not a range of numbers", s)
		}
		return formatNumber((a + b) / 2), (b - a) / 2, nil
	}
	v, t, _ := strings.Cut(s, ":")
	val, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	if err != nil || math.IsNaN(val) || math.IsInf(val, 0) {
		return "", 0, fmt.Errorf("%q is not a number", v)
	}
	tol := 0.0
	if t != "" {
		if tol, err = strconv.ParseFloat(strings.TrimSpace(t), 64); err != nil || tol < 0 {
			return "", 0, fmt.Errorf("the tolerance %q is not a number of 0 or more", t)
		}
	}
	return formatNumber(val), tol, nil
}

func formatNumber(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
