package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// evaluationFormsCommand prints the evaluation forms.
var evaluationFormsCommand = &command{
	name:     "evaluation-forms",
	synopsis: "--workshop W --out FILE.pdf [--language participants|en|fr|es|ar|ru|zh] [--copies N] [--paper a4|letter]",
	summary:  "print the evaluation forms, numbered, to a PDF",
	details: `Prints the workshop's evaluation form (the default one, made from the agenda,
until it is edited in the app): with --language participants (the default),
one form per participant (everyone but organisers and facilitators) in their
language (their certificate language, else the workshop's), grouped by
language and shuffled within it before numbering, so that a form number says
nothing of who got it; with a language, --copies forms in it (default: as many
as participants). Forms are numbered on from the last printing; the number is
printed and as a QR code. The file is replaced atomically.`,
	required: []string{"workshop", "out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, out, lang, paper string
		var copies int
		workshopFlag(fs, &ref)
		fs.StringVar(&out, "out", "", "the PDF `FILE` to write (replaced if it exists)")
		fs.StringVar(&lang, "language", ops.EvalParticipants, "`participants` (each in their language) or one language: en, fr, es, ar, ru, zh")
		fs.IntVar(&copies, "copies", 0, "with a --language: print `N` forms in it")
		fs.StringVar(&paper, "paper", "a4", "the `PAPER`: a4 or letter")
		return func([]string) error { return c.evaluationForms(ref, out, lang, paper, copies) }
	},
}

func (c *cli) evaluationForms(ref, out, lang, paper string, copies int) (err error) {
	size, err := paperFlag(paper)
	if err != nil {
		return err
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return fmt.Errorf("read %s: %w", w.Code, err)
	}
	run, err := ops.PrintEvaluationForms(st, ops.EvalFormsRequest{Data: d, Language: lang, Copies: copies, Paper: size, Out: out,
		CheckPath: func(path string) error { return c.notDataFile(path, "--out") }})
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(run)
	}
	var langs []string
	for _, l := range store.CertificateLanguages {
		if n := run.ByLanguage[l]; n > 0 {
			langs = append(langs, fmt.Sprintf("%d in %s", n, l))
		}
	}
	mode := "anonymous"
	if !run.Anonymous {
		mode = "named"
	}
	c.printf("wrote %s (numbers %d to %d; %s; %s) to %s\n", plural(run.Forms, "evaluation form"), run.First, run.Last, strings.Join(langs, ", "), mode, run.Path)
	return nil
}

// paperFlag reads --paper.
func paperFlag(v string) (pdf.PageSize, error) {
	switch strings.ToLower(strings.TrimSpace(v)) {
	case "a4":
		return pdf.A4, nil
	case "letter":
		return pdf.Letter, nil
	}
	return "", usageError{fmt.Sprintf("--paper %q is not a4 or letter", v)}
}

// commentsFlag is the value of --comment: ITEM=TEXT, repeated.
type commentsFlag map[string]string

func (c commentsFlag) String() string { return "" }

// Set adds one comment.
func (c commentsFlag) Set(v string) error {
	item, text, ok := strings.Cut(v, "=")
	if !ok || strings.TrimSpace(item) == "" {
		return errors.New("write --comment ITEM=TEXT, ITEM being the question's number or key")
	}
	c[strings.TrimSpace(item)] = text
	return nil
}

// recordEvaluationCommand records one form keyed in.
var recordEvaluationCommand = &command{
	name:     "record-evaluation",
	synopsis: `--workshop W --form N --ratings "5 4 - 3 …" [--comment ITEM=TEXT]... [--language LANGUAGE]`,
	summary:  "record one filled-in evaluation form",
	details: `Records a paper form: --ratings holds one answer per item that is not an open
question, in the form's order, separated by spaces: 1 to 5 on a scale, - for
no answer, 0 for "not applicable" on an agreement item, 1 or y for yes and 2
or n for no, a choice's number, several choices' numbers joined by commas
(1,3). Each --comment gives an open question's answer, the question named by
its number on the form or its key (--comment 21="More group work"). The
language is --language, or else guessed from the comments' script. A number
already recorded, a rating out of range or an unknown item is refused, naming
it, and nothing is recorded. Prints the form back as recorded.`,
	required: []string{"workshop", "form", "ratings"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, ratings, lang string
		var form int
		comments := commentsFlag{}
		workshopFlag(fs, &ref)
		fs.IntVar(&form, "form", 0, "the form `N`umber printed on the form")
		fs.StringVar(&ratings, "ratings", "", "the `RATINGS`, one per item that is not an open question")
		fs.Var(comments, "comment", "an open question's answer: `ITEM=TEXT` (repeat for each)")
		fs.StringVar(&lang, "language", "", "the `LANGUAGE` the form was answered in: en, fr, es, ar, ru or zh")
		return func([]string) error { return c.recordEvaluation(ref, form, ratings, comments, lang) }
	},
}

func (c *cli) recordEvaluation(ref string, form int, ratings string, comments map[string]string, lang string) (err error) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	r, f, err := ops.RecordKeyed(st, w.ID, form, ratings, comments, lang)
	if err != nil {
		return fmt.Errorf("form %d not recorded: %w", form, err)
	}
	if c.json {
		return c.printJSON(r)
	}
	c.printf("recorded form %d of %s (%s):\n", r.Form, w.Code, plural(len(r.Answers), "answer"))
	t := newTable().alignRight(0)
	for i, it := range f.Items {
		a, ok := r.Answer(it.Key)
		if !ok {
			continue
		}
		t.add(strconv.Itoa(i+1), cleanCell(shortText(it.Text.In(cmpOr(r.Language, w.Language)), 60)), answerText(it, a))
	}
	return t.write(c.stdout)
}

// cmpOr returns the first non-empty string, or "en".
func cmpOr(s ...string) string {
	for _, v := range s {
		if v != "" {
			return v
		}
	}
	return "en"
}

// answerText writes an answer for people.
func answerText(it store.EvalItem, a store.EvalAnswer) string {
	switch {
	case a.NA:
		return "not applicable"
	case a.Text != "":
		return cleanCell(a.Text)
	case it.Kind == store.EvalYesNo:
		return map[int]string{1: "yes", 2: "no"}[a.Value]
	case len(a.Choices) > 0:
		parts := make([]string, len(a.Choices))
		for i, n := range a.Choices {
			parts[i] = it.Choices[n-1].In("en")
		}
		return strings.Join(parts, ", ")
	case it.Kind == store.EvalChoice:
		return it.Choices[a.Value-1].In("en")
	}
	return strconv.Itoa(a.Value)
}

// shortText cuts s to n characters.
func shortText(s string, n int) string {
	if r := []rune(s); len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

// importEvaluationsCommand imports forms from an online-form export.
var importEvaluationsCommand = &command{
	name:       "import-evaluations",
	synopsis:   "--workshop W FILE [--sheet NAME] [--yes]",
	summary:    "import evaluation forms from a CSV or XLSX export of an online form",
	positional: 1,
	details: `Reads a CSV or XLSX file (the same reader and limits as the participant
import) whose first row names the columns: each item by its number (3, Q3,
"3. The materials…") or its text in any language of the form; a form-number
column (Form, Formulaire, Formulario; without one, the rows are numbered on
from the highest number used), a language column (Language, Langue, Idioma).
Other columns (timestamp, email, name on an anonymous form) are left out and
never stored. Answers: 1 to 5, or the agreement words in English, French or
Spanish ("Strongly agree", "Tout à fait d'accord", "Muy de acuerdo", "Not
applicable", "Sans objet", "No aplica"…), yes/no, a choice's text or number.
Prints how each column was read and every problem, by row (a form number
already recorded or repeated, a rating out of range, an unknown item); writes
nothing without --yes, and nothing at all while any row has a problem.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, sheet string
		var yes bool
		workshopFlag(fs, &ref)
		fs.StringVar(&sheet, "sheet", "", "the XLSX `SHEET` to read (default: the first)")
		fs.BoolVar(&yes, "yes", false, "record the forms (without it, only show what would be recorded)")
		return func(args []string) error { return c.importEvaluations(ref, args[0], sheet, yes) }
	},
}

func (c *cli) importEvaluations(ref, path, sheet string, yes bool) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	im, err := ops.ReadEvaluationFile(st, &w, path, sheet)
	if err != nil {
		return err
	}
	if c.json {
		if yes && len(im.Problems) == 0 {
			if err := ops.CommitEvaluations(st, w.ID, im); err != nil {
				return fmt.Errorf("nothing was imported: %w", err)
			}
		}
		if err := c.printJSON(struct {
			Columns   []string `json:"columns"`
			Forms     int      `json:"forms"`
			Problems  []string `json:"problems"`
			Committed bool     `json:"committed"`
		}{columnsRead(im.Columns), len(im.Responses), append([]string{}, im.Problems...), yes && len(im.Problems) == 0}); err != nil {
			return err
		}
		if len(im.Problems) > 0 {
			return fmt.Errorf("%s in %s; nothing was imported", plural(len(im.Problems), "problem"), path)
		}
		return nil
	}
	c.printf("columns:\n")
	for _, s := range columnsRead(im.Columns) {
		c.printf("  %s\n", cleanCell(s))
	}
	if len(im.Problems) > 0 {
		c.printf("%s:\n", plural(len(im.Problems), "problem"))
		for _, p := range im.Problems {
			c.printf("  %s\n", cleanCell(p))
		}
		return fmt.Errorf("%s in %s; nothing was imported: correct the file and import it again", plural(len(im.Problems), "problem"), path)
	}
	if !yes {
		c.printf("%s would be recorded; run again with --yes to record them\n", plural(len(im.Responses), "form"))
		return nil
	}
	if err := ops.CommitEvaluations(st, w.ID, im); err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	c.printf("recorded %s in %s\n", plural(len(im.Responses), "form"), w.Code)
	return nil
}

// columnsRead says how each column was read.
func columnsRead(cols []importer.EvalColumn) []string {
	out := make([]string, len(cols))
	for i, col := range cols {
		what := "left out"
		switch col.Role {
		case "item":
			what = "item " + strconv.Itoa(col.Item+1)
		case "form":
			what = "form number"
		case "language":
			what = "language"
		case "name":
			what = "name"
		}
		out[i] = fmt.Sprintf("%s %q: %s", columnLetter(i), col.Heading, what)
	}
	return out
}

// columnLetter returns a column's letter: A, B, … AA.
func columnLetter(i int) string {
	s := ""
	for i++; i > 0; i = (i - 1) / 26 {
		s = string(rune('A'+(i-1)%26)) + s
	}
	return s
}

// evaluationCommand prints a workshop's evaluation summary.
var evaluationCommand = &command{
	name:     "evaluation",
	synopsis: "--workshop W",
	summary:  "sum up a workshop's evaluation forms",
	details: `Prints the response rate (forms of participants who attended), then per item
its mean, median, the answers per value 1 to 5 and the share agreeing (the top
two boxes, or yes), the sessions best rated first, and the number of comments
per open question. With --json: {"responses", "attended", "response_rate",
"items": [{"item", "text", "mean", "median", "counts", "agree_pct", …}],
"sessions", "knowledge_before", "knowledge_after", "comments"}.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.evaluation(ref) }
	},
}

func (c *cli) evaluation(ref string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return fmt.Errorf("read %s: %w", w.Code, err)
	}
	sum, _, err := ops.SummariseEvaluation(st, d)
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(sum)
	}
	c.printf("%s: %s of %d who attended (%.1f%%)\n", w.Code, plural(sum.Responses, "form"), sum.Attended, sum.ResponseRate)
	t := newTable("No.", "Item", "Answered", "Mean", "Median", "1", "2", "3", "4", "5", "Agree %").alignRight(0, 2, 3, 4, 5, 6, 7, 8, 9, 10)
	for _, it := range sum.Items {
		row := []string{strconv.Itoa(it.Number), cleanCell(shortText(it.Text, 50)), strconv.Itoa(it.Answered), "", "", "", "", "", "", "", ""}
		if it.Kind.Scale() && it.Answered > 0 {
			row[3], row[4] = strconv.FormatFloat(it.Mean, 'f', 2, 64), strconv.FormatFloat(it.Median, 'f', 1, 64)
		}
		for v := range min(5, len(it.Counts)) {
			row[5+v] = strconv.Itoa(it.Counts[v])
		}
		if it.Answered > 0 && it.Kind != store.EvalChoice && it.Kind != store.EvalChoices {
			row[10] = strconv.FormatFloat(it.AgreePct, 'f', 1, 64)
		}
		t.add(row...)
	}
	if err := t.write(c.stdout); err != nil {
		return err
	}
	for _, cm := range sum.Comments {
		c.printf("%d. %s: %s\n", cm.Number, cleanCell(shortText(cm.Text, 60)), plural(len(cm.Comments), "comment"))
	}
	return nil
}
