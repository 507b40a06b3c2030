package quizimport

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// Answers is what ParseAnswerTable found: a sheet per participant, the
// row each came from, the columns matched to questions and those left
// aside, and the rows it could not take.
type Answers struct {
	Sheets   []store.SheetInput
	Rows     []int
	Columns  map[int]int // column → question position (from 0)
	Ignored  []string    // headings of the columns not used
	Problems []Problem   // Line is the row number
}

var (
	badgeHeadings = []string{"badge", "badge code", "badge_code", "code", "badge number"}
	emailHeadings = []string{"email", "e-mail", "email address", "e-mail address", "courriel", "correo", "correo electronico", "adresse e-mail"}
	numbered      = regexp.MustCompile(`^(?:q|question|pregunta)?\s*#?\s*(\d+)\s*[.:)]?\s*(.*)$`)
)

// ParseAnswerTable reads answers to a test from an online form's export
// (CSV or XLSX): a badge code or email column finds the participant, and
// one column per question, its heading the question's number ("3", "Q3",
// "Question 3") or its text. Answers are checked as CheckResponse does:
// true/false in English, French or Spanish, an option letter or its text.
// A row that names no participant, or holds an answer its question cannot
// take, is named; the caller writes nothing while there are problems.
func ParseAnswerTable(name string, data []byte, participants []store.Participant, questions []store.Question) (*Answers, error) {
	t, err := importer.Read(name, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	a := &Answers{Columns: map[int]int{}}
	if len(t.Rows) < 1 {
		return a, nil
	}
	badgeCol, emailCol := -1, -1
	for i, h := range t.Rows[0].Cells {
		f := store.Fold(strings.TrimSpace(h))
		switch {
		case badgeCol < 0 && slices.Contains(badgeHeadings, f):
			badgeCol = i
		case emailCol < 0 && slices.Contains(emailHeadings, f):
			emailCol = i
		default:
			if q := matchQuestion(h, questions); q >= 0 {
				a.Columns[i] = q
			} else if n := questionNumber(h); n > len(questions) {
				return nil, fmt.Errorf("%s: column %q names question %d, but the test has only %d", name, h, n, len(questions))
			} else if strings.TrimSpace(h) != "" {
				a.Ignored = append(a.Ignored, h)
			}
		}
	}
	if badgeCol < 0 && emailCol < 0 {
		return nil, fmt.Errorf("%s: no column is headed badge code or email, to find each participant", name)
	}
	if len(a.Columns) == 0 {
		return nil, fmt.Errorf("%s: no column heading is a question's number or text", name)
	}
	byBadge, byEmail := map[string]int{}, map[string]int{}
	for i, p := range participants {
		byBadge[p.BadgeCode] = i
		if p.Email != "" {
			byEmail[strings.ToLower(p.Email)] = i
		}
	}
	for r := 1; r < len(t.Rows); r++ {
		row := t.Rows[r].Num
		pi, ok := -1, false
		badge, email := strings.TrimSpace(t.Cell(r, badgeCol)), strings.ToLower(strings.TrimSpace(t.Cell(r, emailCol)))
		if badge != "" {
			pi, ok = byBadge[store.NormalizeBadgeCode(badge)]
		}
		if !ok && email != "" {
			pi, ok = byEmail[email]
		}
		if !ok {
			who := badge
			if who == "" {
				who = email
			}
			a.Problems = append(a.Problems, Problem{Line: row, Title: who, Reason: fmt.Sprintf("no participant has the badge code or email %q", who)})
			continue
		}
		resp := make([]string, len(questions))
		bad := false
		for col, qi := range a.Columns {
			v, err := store.CheckResponse(&questions[qi], t.Cell(r, col))
			if err != nil {
				a.Problems = append(a.Problems, Problem{Line: row, Title: participants[pi].FullName(), Reason: fmt.Sprintf("question %d: %v", qi+1, err)})
				bad = true
				continue
			}
			resp[qi] = v
		}
		if !bad {
			a.Sheets = append(a.Sheets, store.SheetInput{ParticipantID: participants[pi].ID, Responses: resp})
			a.Rows = append(a.Rows, row)
		}
	}
	return a, nil
}

// matchQuestion finds the question a column heading names: by number
// ("3", "Q3", "3. Who said…") or by text; −1 when none.
func matchQuestion(h string, questions []store.Question) int {
	h = strings.TrimSpace(h)
	for i, q := range questions {
		if store.ShortAnswersMatch(h, q.Text) {
			return i
		}
		for _, tr := range q.Translations {
			if tr.Text != "" && store.ShortAnswersMatch(h, tr.Text) {
				return i
			}
		}
	}
	if m := numbered.FindStringSubmatch(strings.ToLower(h)); m != nil {
		if n, err := strconv.Atoi(m[1]); err == nil && n >= 1 && n <= len(questions) {
			return n - 1
		}
	}
	return -1
}

// questionNumber returns the question number a heading such as "Q13" or
// "Question 13" names, or 0. A bare number counts too.
func questionNumber(h string) int {
	m := numbered.FindStringSubmatch(strings.ToLower(strings.TrimSpace(h)))
	if m == nil || m[2] != "" {
		return 0
	}
	n, _ := strconv.Atoi(m[1])
	return n
}
