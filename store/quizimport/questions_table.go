package quizimport

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// The columns of a question sheet (CSV or XLSX), found by their headings
// in the first row, in any order and case: kind, title, question, A to J
// (the options), answer, feedback, source, category, and per language
// question_fr, feedback_fr, options_fr ("option A | option B | …").
var kindNames = map[string]store.QuestionKind{
	"tf": store.TrueFalse, "truefalse": store.TrueFalse, "true/false": store.TrueFalse, "true-false": store.TrueFalse,
	"mc": store.MultipleChoice, "multichoice": store.MultipleChoice, "multiple choice": store.MultipleChoice,
	"multi": store.MultipleAnswer, "multianswer": store.MultipleAnswer, "multiple answers": store.MultipleAnswer,
	"short": store.ShortAnswer, "shortanswer": store.ShortAnswer, "short answer": store.ShortAnswer,
	"numeric": store.Numeric, "numerical": store.Numeric, "number": store.Numeric,
}

// ParseQuestionTable reads questions from a CSV or XLSX file (the
// project's spreadsheet reader, with its limits). Each row is a question;
// a row that cannot be one is named (row number, title, reason).
func ParseQuestionTable(name string, data []byte) (*Parsed, error) {
	t, err := importer.Read(name, bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	p := &Parsed{}
	if len(t.Rows) == 0 {
		return p, nil
	}
	col := map[string]int{}
	for i, h := range t.Rows[0].Cells {
		col[strings.ToLower(strings.TrimSpace(h))] = i
	}
	if _, ok := col["question"]; !ok {
		return nil, fmt.Errorf("%s: the first row has no \"question\" heading; see the README for the columns", name)
	}
	cell := func(r int, h string) string {
		if i, ok := col[h]; ok {
			return strings.TrimSpace(t.Cell(r, i))
		}
		return ""
	}
	for r := 1; r < len(t.Rows); r++ {
		line := t.Rows[r].Num
		q := store.Question{Title: cell(r, "title"), Text: cell(r, "question"), Feedback: cell(r, "feedback"),
			Source: cell(r, "source"), Category: cell(r, "category")}
		for i := range store.MaxOptions {
			if o := cell(r, strings.ToLower(store.Letter(i))); o != "" {
				q.Options = append(q.Options, store.Option{Text: o})
			}
		}
		if err := tableAnswer(&q, cell(r, "kind"), cell(r, "answer")); err != nil {
			p.fail(line, label(q), "%s", err)
			continue
		}
		for _, lang := range store.CertificateLanguages {
			tr := store.QuestionText{Text: cell(r, "question_"+lang), Feedback: cell(r, "feedback_"+lang)}
			if o := cell(r, "options_"+lang); o != "" {
				for _, s := range strings.Split(o, "|") {
					tr.Options = append(tr.Options, strings.TrimSpace(s))
				}
			}
			if tr.Text != "" || tr.Feedback != "" || len(tr.Options) > 0 {
				if q.Translations == nil {
					q.Translations = map[string]store.QuestionText{}
				}
				q.Translations[lang] = tr
			}
		}
		p.add(line, q)
	}
	return p, nil
}

// tableAnswer sets the kind and the right answers of a question row.
func tableAnswer(q *store.Question, kindCell, answer string) error {
	kind, ok := kindNames[strings.ToLower(kindCell)]
	if kindCell != "" && !ok {
		return fmt.Errorf("kind %q is not tf, mc, multi, short or numeric", kindCell)
	}
	if kindCell == "" {
		kind = guessKind(q, answer)
	}
	if answer == "" {
		return fmt.Errorf("the answer column is empty")
	}
	q.Kind = kind
	switch kind {
	case store.TrueFalse:
		r, err := store.CheckResponse(&store.Question{Kind: store.TrueFalse}, answer)
		if err != nil {
			return err
		}
		*q = withTrueFalse(*q, r == "T")
	case store.MultipleChoice:
		i := int(strings.ToUpper(answer)[0]) - 'A'
		if len(answer) != 1 || i < 0 || i >= len(q.Options) {
			return fmt.Errorf("the answer %q is not one of the option letters A to %s", answer, store.Letter(max(len(q.Options), 1)-1))
		}
		q.Options[i].Weight = 100
	case store.MultipleAnswer:
		// "A C" (equal shares) or "A:50 C:50 D:-100".
		parts := strings.FieldsFunc(answer, func(r rune) bool { return r == ' ' || r == ',' || r == ';' })
		equal := 100 / float64(len(parts))
		for _, part := range parts {
			letter, w, weighted := strings.Cut(part, ":")
			i := int(strings.ToUpper(letter)[0]) - 'A'
			if len(letter) != 1 || i < 0 || i >= len(q.Options) {
				return fmt.Errorf("%q is not one of the option letters", letter)
			}
			q.Options[i].Weight = equal
			if weighted {
				v, err := strconv.ParseFloat(strings.TrimSuffix(w, "%"), 64)
				if err != nil {
					return fmt.Errorf("the weight %q is not a number", w)
				}
				q.Options[i].Weight = v
			}
		}
	case store.ShortAnswer:
		if len(q.Options) > 0 {
			return fmt.Errorf("a short-answer question has no options A–J; put the accepted answers in the answer column, separated by |")
		}
		for _, a := range strings.Split(answer, "|") {
			q.Options = append(q.Options, store.Option{Text: strings.TrimSpace(a), Weight: 100})
		}
	case store.Numeric:
		for _, a := range strings.Split(answer, "|") {
			v, tol, err := numericValue(a)
			if err != nil {
				return err
			}
			q.Options = append(q.Options, store.Option{Text: v, Tolerance: tol, Weight: 100})
		}
	}
	return nil
}

func guessKind(q *store.Question, answer string) store.QuestionKind {
	if len(q.Options) > 0 {
		if len(strings.Fields(strings.ReplaceAll(answer, ",", " "))) > 1 {
			return store.MultipleAnswer
		}
		return store.MultipleChoice
	}
	if _, err := store.CheckResponse(&store.Question{Kind: store.TrueFalse}, answer); err == nil {
		if _, err := strconv.Atoi(answer); err != nil {
			return store.TrueFalse
		}
	}
	if _, _, err := numericValue(strings.Split(answer, "|")[0]); err == nil {
		return store.Numeric
	}
	return store.ShortAnswer
}

// ParseQuestions reads a question file by its extension: .gift or .txt
// (GIFT; a .txt file in Aiken form is read as Aiken), .aiken, .csv, .xlsx.
func ParseQuestions(name string, data []byte) (*Parsed, error) {
	switch strings.ToLower(filepath.Ext(name)) {
	case ".csv", ".xlsx", ".tsv":
		return ParseQuestionTable(name, data)
	case ".aiken":
		return ParseAiken(data)
	case ".txt":
		if bytes.Contains(data, []byte("ANSWER:")) && !bytes.ContainsAny(data, "{}") {
			return ParseAiken(data)
		}
	}
	return ParseGIFT(data)
}
