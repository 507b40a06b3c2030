package ui

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// storeProblems are the formats of the problems store finds with a form
// (store's validation and date parsing, in English) that the screens word
// in their language: the translation key is the format. A message store
// words otherwise shows as it is.
var storeProblems = []string{
	"%q is not a date: write it as %s, e.g. 2026-12-14",
	"%q is not a date and time: write it as %s, e.g. 2026-12-14 09:30",
	"%s is not a real calendar date",
	"a title is required",
	"the workshop title is required",
	"the venue city is required",
	"a short code is required, e.g. addis-2027",
	"use 2 to 32 lower-case letters, digits or dashes, e.g. addis-2027",
	"the code %q is already used by another workshop",
	"%q is not an ISO 3166 country code such as ET, SN or CL",
	"%q is not an ISO 3166 country code",
	"a start date is required",
	"an end date is required",
	"the end date %s is before the start date %s",
	"a workshop cannot last more than a year",
	"%q is not a known time zone",
	"a time zone is required, e.g. Africa/Addis_Ababa",
	"a date is required",
	"%s is outside the workshop's dates (%s to %s)",
	"the end time %s must be after the start time %s",
	"a given or family name is required",
	"%q is not an email address",
	"use 4 to 8 letters or digits",
	"the text is %s characters long; at most %d are allowed",
	"the text holds bytes that are not UTF-8",
	// Keyed answer lines (store/quiz_line.go, quiz_keyed.go, quiz_answers.go).
	"answer %d: the quote opened at character %d is not closed",
	"no participant has the badge code %q",
	"the test is closed; open it to record answers",
}

// problemPattern reads a message back into the arguments of its format.
type problemPattern struct {
	format string
	re     *regexp.Regexp
	verbs  []byte // the verb of each argument: 'q', 'd', 's' or 'v'
}

var storeVerb = regexp.MustCompile(`%[qdsv%]`)

// problemPatterns are storeProblems as patterns, built on first use.
var problemPatterns = sync.OnceValue(func() []problemPattern {
	out := make([]problemPattern, len(storeProblems))
	for i, f := range storeProblems {
		p := problemPattern{format: f}
		var re strings.Builder
		re.WriteString("^")
		last := 0
		for _, m := range storeVerb.FindAllStringIndex(f, -1) {
			re.WriteString(regexp.QuoteMeta(f[last:m[0]]))
			switch v := f[m[0]+1]; v {
			case '%':
				re.WriteString("%")
			case 'q':
				re.WriteString(`("(?:[^"\\]|\\.)*")`)
				p.verbs = append(p.verbs, v)
			case 'd':
				re.WriteString(`(-?\d+)`)
				p.verbs = append(p.verbs, v)
			default:
				re.WriteString(`(.*?)`)
				p.verbs = append(p.verbs, v)
			}
			last = m[1]
		}
		re.WriteString(regexp.QuoteMeta(f[last:]) + "$")
		p.re = regexp.MustCompile(re.String())
		out[i] = p
	}
	return out
})

// storeMessage words a message of store (a field's problem, a date that
// cannot be read) in the screens' language when it is one of
// storeProblems; any other message as it is.
func storeMessage(msg string) string {
	for _, p := range problemPatterns() {
		m := p.re.FindStringSubmatch(msg)
		if m == nil {
			continue
		}
		args := make([]any, len(p.verbs))
		for i, v := range p.verbs {
			s := m[i+1]
			args[i] = s
			switch {
			case v == 'q':
				if u, err := strconv.Unquote(s); err == nil {
					args[i] = u
				}
			case v == 'd':
				args[i], _ = strconv.Atoi(s)
			case s == store.DateHint:
				args[i] = lang.X("date.hint", store.DateHint)
			case s == store.DateTimeHint:
				args[i] = lang.X("datetime.hint", store.DateTimeHint)
			}
		}
		return fmt.Sprintf(lang.L(p.format), args...)
	}
	return msg
}
