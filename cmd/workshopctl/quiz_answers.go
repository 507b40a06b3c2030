package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/quizimport"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// recordAnswersCommand records one participant's answers keyed as a line.
var recordAnswersCommand = &command{
	name:     "record-answers",
	synopsis: `--workshop W --test pre|post|check:SESSION --code BADGE --answers "T F B 1990 \"global forum\" -"`,
	summary:  "record a participant's answers to a test, keyed as one line, and show them scored",
	details: `The answers are in the order printed on the sheet, separated by spaces: T or
F (also V, Vrai, Verdadero, 1, 0…), an option letter (B), several letters for
several answers (AC), a number (1990), text of several words in double quotes,
and - (or _ . ?) for a question left unanswered. Answers recorded again replace
the earlier ones, which stay in the history. Prints the sheet scored.`,
	required: []string{"workshop", "test", "code", "answers"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, test, code, answers string
		workshopFlag(fs, &ref)
		fs.StringVar(&test, "test", "", "the `TEST`: pre, post or check:SESSION")
		fs.StringVar(&code, "code", "", "the participant's badge `CODE`")
		fs.StringVar(&answers, "answers", "", "the `ANSWERS`, as one line")
		return func([]string) error { return c.recordAnswers(ref, test, code, answers) }
	},
}

func (c *cli) recordAnswers(ref, test, code, answers string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	z, err := c.findQuiz(st, w, test)
	if err != nil {
		return err
	}
	sheet, err := st.RecordAnswerLine(w.ID, z.Key(), code, answers, "keyboard")
	if err != nil {
		return fmt.Errorf("nothing was recorded: %w", err)
	}
	if c.json {
		return c.printJSON(sheetJSON(sheet))
	}
	c.printf("%s (%s), %s test: %s of %s, %s\n", sheet.Participant.FullName(), sheet.Participant.BadgeCode, z.Kind,
		points(sheet.Score.Points), points(sheet.Score.Max), percent(sheet.Score.Percent))
	t := newTable("#", "ANSWER", "", "RIGHT ANSWER").alignRight(0)
	for i, q := range sheet.Questions {
		t.add(fmt.Sprint(i+1), sheet.Responses[i], sheet.Mark(i), store.RightAnswer(&q))
	}
	return t.write(c.stdout)
}

type scoredJSON struct {
	BadgeCode string    `json:"badge_code"`
	Name      string    `json:"name"`
	Test      string    `json:"test"`
	Points    float64   `json:"points"`
	Max       float64   `json:"max"`
	Percent   float64   `json:"percent"`
	Answers   []string  `json:"answers"`
	Credits   []float64 `json:"credits"`
}

func sheetJSON(s store.ScoredSheet) scoredJSON {
	return scoredJSON{s.Participant.BadgeCode, s.Participant.FullName(), string(s.Quiz.Kind), round2(s.Score.Points), s.Score.Max,
		round2(s.Score.Percent), s.Responses, s.Score.Credits}
}

func points(v float64) string {
	return strings.TrimSuffix(strings.TrimSuffix(fmt.Sprintf("%.2f", v), "0"), ".0")
}

func percent(v float64) string { return fmt.Sprintf("%.0f %%", v) }

// importAnswersCommand imports answers from an online form's export.
var importAnswersCommand = &command{
	name:     "import-answers",
	synopsis: "--workshop W --test pre|post|check:SESSION FILE [--yes]",
	summary:  "import answers to a test from an online form's CSV or XLSX export",
	details: `Each row is one participant, found by a column headed badge code or email;
each question has a column headed by its number (3, Q3, Question 3) or its
text. True/false answers may be True/False, Vrai/Faux, Verdadero/Falso, T/F,
V, 1/0; choices an option letter or the option's text. Other columns
(timestamps, names) are listed and left aside. A row naming no participant,
or holding an answer its question cannot take, is named; while there is one,
nothing is written. Without --yes nothing is written either.`,
	positional: 1,
	required:   []string{"workshop", "test"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, test string
		var yes bool
		workshopFlag(fs, &ref)
		fs.StringVar(&test, "test", "", "the `TEST`: pre, post or check:SESSION")
		fs.BoolVar(&yes, "yes", false, "import; without it nothing is written")
		return func(args []string) error { return c.importAnswers(ref, test, args[0], yes) }
	},
}

func (c *cli) importAnswers(ref, test, file string, yes bool) (err error) {
	data, err := readLimited(file, quizimport.MaxFileSize)
	if err != nil {
		return err
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	z, err := c.findQuiz(st, w, test)
	if err != nil {
		return err
	}
	ps, err := st.Participants(w.ID)
	if err != nil {
		return err
	}
	bank, err := st.Questions(w.ID)
	if err != nil {
		return err
	}
	a, err := quizimport.ParseAnswerTable(file, data, ps, store.QuizQuestions(&z, bank))
	if err != nil {
		return err
	}
	imported := false
	if yes && len(a.Problems) == 0 && len(a.Sheets) > 0 {
		if _, err := st.RecordAnswers(z.ID, w.ID, a.Sheets, "import"); err != nil {
			return fmt.Errorf("nothing was imported: %w", err)
		}
		imported = true
	}
	if c.json {
		probs := a.Problems
		if probs == nil {
			probs = []quizimport.Problem{}
		}
		return c.printJSON(struct {
			Sheets   int                  `json:"sheets"`
			Problems []quizimport.Problem `json:"problems"`
			Ignored  []string             `json:"ignored_columns"`
			Imported bool                 `json:"imported"`
		}{len(a.Sheets), probs, append([]string{}, a.Ignored...), imported})
	}
	if len(a.Ignored) > 0 {
		c.printf("columns left aside: %s\n", strings.Join(a.Ignored, ", "))
	}
	for _, p := range a.Problems {
		c.printf("row %d (%s): %s\n", p.Line, p.Title, p.Reason)
	}
	switch {
	case len(a.Problems) > 0:
		return fmt.Errorf("nothing was imported: %s to correct in %s", plural(len(a.Problems), "row"), file)
	case imported:
		c.printf("imported the answers of %s to the %s test\n", plural(len(a.Sheets), "participant"), z.Kind)
	case len(a.Sheets) == 0:
		return errors.New("the file holds no answers")
	default:
		c.printf("the answers of %s can be imported; nothing was written: run again with --yes\n", plural(len(a.Sheets), "participant"))
	}
	return nil
}

// resultsCommand prints a workshop's learning results.
var resultsCommand = &command{
	name:     "results",
	synopsis: "--workshop W",
	summary:  "print each participant's pre- and post-test scores and the learning gain",
	details: `Per participant: the pre- and post-test scores in per cent and the gain in
points. Then the paired figures, over those who took both tests: mean pre,
mean post, mean normalised gain (Hake: (post − pre) / (100 − pre), over those
with pre < 100), the share who improved and, with a pass mark, who passed.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.results(ref) }
	},
}

type resultJSON struct {
	BadgeCode string   `json:"badge_code"`
	Name      string   `json:"name"`
	PrePct    *float64 `json:"pre_pct"`
	PostPct   *float64 `json:"post_pct"`
	Gain      *float64 `json:"gain"`
	Passed    bool     `json:"passed"`
}

func (c *cli) results(ref string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	l, _, err := st.WorkshopLearning(w.ID)
	if err != nil {
		return err
	}
	rows := []resultJSON{}
	for _, r := range l.Rows {
		j := resultJSON{BadgeCode: r.Participant.BadgeCode, Name: r.Participant.FullName(), Passed: r.Passed}
		if r.Pre != nil {
			v := round2(r.Pre.Percent)
			j.PrePct = &v
		}
		if r.Post != nil {
			v := round2(r.Post.Percent)
			j.PostPct = &v
		}
		if r.Paired() {
			v := round2(r.Gain)
			j.Gain = &v
		}
		rows = append(rows, j)
	}
	if c.json {
		return c.printJSON(struct {
			Workshop     string       `json:"workshop"`
			Participants []resultJSON `json:"participants"`
			Paired       int          `json:"paired"`
			MeanPre      float64      `json:"mean_pre"`
			MeanPost     float64      `json:"mean_post"`
			MeanNormGain float64      `json:"mean_normalised_gain"`
			Improved     float64      `json:"improved_pct"`
			Passed       *float64     `json:"passed_pct"`
		}{w.Code, rows, l.Paired, round2(l.MeanPre), round2(l.MeanPost), round2(l.MeanNormGain), round2(l.Improved), passedPtr(l)})
	}
	if len(rows) == 0 {
		c.printf("no answers are recorded for %s yet\n", w.Code)
		return nil
	}
	t := newTable("BADGE", "NAME", "PRE", "POST", "GAIN").alignRight(2, 3, 4)
	opt := func(v *float64, f string) string {
		if v == nil {
			return "–"
		}
		return fmt.Sprintf(f, *v)
	}
	for _, r := range rows {
		t.add(r.BadgeCode, r.Name, opt(r.PrePct, "%.0f %%"), opt(r.PostPct, "%.0f %%"), opt(r.Gain, "%+.0f"))
	}
	if err := t.write(c.stdout); err != nil {
		return err
	}
	c.printf("\npaired (took both tests): %d\nmean pre: %s  mean post: %s  mean normalised gain: %.2f\nimproved: %s",
		l.Paired, percent(l.MeanPre), percent(l.MeanPost), l.MeanNormGain, percent(l.Improved))
	if l.HasPassMark {
		c.printf("  passed the post-test: %s", percent(l.Passed))
	}
	c.printf("\n")
	return nil
}

func passedPtr(l *store.Learning) *float64 {
	if !l.HasPassMark {
		return nil
	}
	v := round2(l.Passed)
	return &v
}

// testSheetsCommand prints the answer sheets of a test.
var testSheetsCommand = &command{
	name:     "test-sheets",
	synopsis: "--workshop W --test pre|post|check:SESSION --out FILE.pdf [--paper a4|letter] [--booklet]",
	summary:  "print a test's answer sheets, one per participant, to a PDF",
	details: `One sheet per participant in family-name order: name, badge code and a QR
code of the badge code (scan it when keying the answers in), then the
questions with boxes to tick (true/false, A–E) and lines to write short
answers and numbers on. Each sheet is in the participant's certificate
language where the questions have a translation in it, else the workshop's.
With --booklet: one question booklet, then a one-page answer grid per
participant.`,
	required: []string{"workshop", "test", "out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, test, out, paper string
		var booklet bool
		workshopFlag(fs, &ref)
		fs.StringVar(&test, "test", "", "the `TEST`: pre, post or check:SESSION")
		fs.StringVar(&out, "out", "", "the PDF `FILE` to write (replaced if it exists)")
		fs.StringVar(&paper, "paper", "a4", "the `PAPER`: a4 or letter")
		fs.BoolVar(&booklet, "booklet", false, "print a question booklet and a one-page answer grid per participant")
		return func([]string) error { return c.testSheets(ref, test, out, paper, booklet) }
	},
}

func (c *cli) testSheets(ref, test, out, paper string, booklet bool) (err error) {
	size := pdf.A4
	switch strings.ToLower(strings.TrimSpace(paper)) {
	case "a4":
	case "letter":
		size = pdf.Letter
	default:
		return usageError{fmt.Sprintf("--paper %q is not a4 or letter", paper)}
	}
	if err := c.notDataFile(out, "--out"); err != nil {
		return err
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	z, err := c.findQuiz(st, w, test)
	if err != nil {
		return err
	}
	run, err := ops.WriteAnswerSheets(st, w, z.Key(), out, size, booklet)
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(struct {
			File         string `json:"file"`
			Test         string `json:"test"`
			Participants int    `json:"participants"`
			Questions    int    `json:"questions"`
		}{out, z.Key().String(), run.Participants, run.Questions})
	}
	c.printf("wrote the %s-test sheets of %s (%s) to %s\n", z.Kind, plural(run.Participants, "participant"), plural(run.Questions, "question"), out)
	return nil
}

// learning works out the learning results of a loaded workshop.
func (c *cli) learning(d *store.WorkshopData) (l *store.Learning, err error) {
	st, err := c.open(false)
	if err != nil {
		return nil, err
	}
	defer closeStore(st, &err)
	qd, err := st.LoadQuizData(d.Workshop.ID)
	if err != nil {
		return nil, err
	}
	return store.LearningOf(d.Participants, qd), nil
}
