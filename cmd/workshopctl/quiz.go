package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/quizimport"
)

// importQuestionsCommand imports a question bank into a workshop.
var importQuestionsCommand = &command{
	name:     "import-questions",
	synopsis: "--workshop W (FILE | --from-workshop CODE) [--test pre|post|both|check:SESSION] [--yes]",
	summary:  "import questions from GIFT, Aiken, CSV or XLSX, or from another workshop",
	details: `Reads a question bank: Moodle GIFT (.gift, .txt), Aiken (.aiken, or a .txt in
Aiken form), or a CSV/XLSX sheet with the columns the README lists; or, with
--from-workshop, the bank of another workshop. Prints the questions found and
each one that cannot be taken (line, title, reason). Nothing is written
without --yes; then the questions that could be read are added to the bank
in one go and, with --test, at the end of the pre-test, the post-test, both,
or a session's quick check (check:SESSION, the session's ID or title).`,
	positional:  1,
	optionalArg: true,
	required:    []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f importQuestionsFlags
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.test, "test", "", "add the questions to the `TEST`: pre, post, both or check:SESSION")
		fs.StringVar(&f.from, "from-workshop", "", "copy the questions of the workshop `CODE` instead of reading a file")
		fs.BoolVar(&f.yes, "yes", false, "import; without it nothing is written")
		return func(args []string) error {
			switch {
			case len(args) == 1 && f.from != "":
				return usageError{"give FILE or --from-workshop, not both"}
			case len(args) == 0 && f.from == "":
				return usageError{"FILE or --from-workshop is required"}
			case len(args) == 1:
				f.file = args[0]
			}
			return c.importQuestions(f)
		}
	},
}

type importQuestionsFlags struct {
	workshop, file, from, test string
	yes                        bool
}

// questionProblemJSON is a question that could not be imported.
type importQuestionsJSON struct {
	Workshop  string               `json:"workshop"`
	Questions int                  `json:"questions"`
	Problems  []quizimport.Problem `json:"problems"`
	Imported  bool                 `json:"imported"`
	Tests     []string             `json:"tests"`
}

func (c *cli) importQuestions(f importQuestionsFlags) (err error) {
	var parsed *quizimport.Parsed
	if f.file != "" {
		data, err := readLimited(f.file, quizimport.MaxFileSize)
		if err != nil {
			return err
		}
		if parsed, err = quizimport.ParseQuestions(f.file, data); err != nil {
			return fmt.Errorf("%s: %w", f.file, err)
		}
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := findWorkshop(st, f.workshop)
	if err != nil {
		return err
	}
	if f.from != "" {
		src, err := findWorkshop(st, f.from)
		if err != nil {
			return err
		}
		qs, err := st.Questions(src.ID)
		if err != nil {
			return err
		}
		parsed = &quizimport.Parsed{}
		for _, q := range qs {
			q.Record, q.Position = store.Record{}, 0
			parsed.Questions = append(parsed.Questions, q)
		}
	}
	var keys []store.QuizKey
	if f.test != "" {
		if keys, err = c.quizKeys(st, w, f.test, true); err != nil {
			return err
		}
	}
	rep := importQuestionsJSON{Workshop: w.Code, Questions: len(parsed.Questions), Problems: parsed.Problems, Tests: []string{}}
	for _, k := range keys {
		rep.Tests = append(rep.Tests, string(k.Kind))
	}
	if rep.Problems == nil {
		rep.Problems = []quizimport.Problem{}
	}
	if f.yes && len(parsed.Questions) > 0 {
		qs := make([]*store.Question, len(parsed.Questions))
		for i := range parsed.Questions {
			parsed.Questions[i].WorkshopID = w.ID
			qs[i] = &parsed.Questions[i]
		}
		if err := st.AddQuestions(qs, keys); err != nil {
			return fmt.Errorf("nothing was imported: %w", err)
		}
		rep.Imported = true
	}
	if c.json {
		return c.printJSON(rep)
	}
	for i, q := range parsed.Questions {
		c.printf("%3d  %-11s  %s\n", i+1, q.Kind, shortText(q.Text, 70))
	}
	for _, p := range parsed.Problems {
		c.printf("cannot import: %s\n", p.String())
	}
	switch {
	case rep.Imported:
		c.printf("imported %s into %s\n", plural(len(parsed.Questions), "question"), w.Code)
	case len(parsed.Questions) == 0:
		return errors.New("no question could be read")
	default:
		c.printf("%s can be imported; nothing was written: run again with --yes\n", plural(len(parsed.Questions), "question"))
	}
	return nil
}

// quizKeys reads --test: pre, post, check:SESSION and, when both is
// allowed, both.
func (c *cli) quizKeys(st *store.Store, w store.Workshop, spec string, both bool) ([]store.QuizKey, error) {
	if both && strings.EqualFold(strings.TrimSpace(spec), "both") {
		return []store.QuizKey{{Kind: store.PreTest}, {Kind: store.PostTest}}, nil
	}
	sessions, err := st.Sessions(w.ID)
	if err != nil {
		return nil, err
	}
	k, err := store.ParseQuizKey(spec, sessions)
	if err != nil {
		return nil, usageError{"--test: " + err.Error()}
	}
	return []store.QuizKey{k}, nil
}

// findQuiz returns the workshop's test named by --test.
func (c *cli) findQuiz(st *store.Store, w store.Workshop, spec string) (store.Quiz, error) {
	keys, err := c.quizKeys(st, w, spec, false)
	if err != nil {
		return store.Quiz{}, err
	}
	z, err := st.FindQuiz(w.ID, keys[0])
	if errors.Is(err, store.ErrNotFound) {
		return z, fmt.Errorf("%s has no %s test; add questions to it with \"workshopctl import-questions --test %s\"", w.Code, spec, spec)
	}
	return z, err
}

func readLimited(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if fi.Size() > limit {
		return nil, fmt.Errorf("%s is %s; at most %s are read", path, byteSize(fi.Size()), byteSize(limit))
	}
	return os.ReadFile(path)
}

// questionsCommand lists a workshop's question bank.
var questionsCommand = &command{
	name:     "questions",
	synopsis: "--workshop W",
	summary:  "list a workshop's questions, their right answers and tests",
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.questions(ref) }
	},
}

// questionJSON is one question as "questions --json" prints it.
type questionJSON struct {
	ID       string   `json:"id"`
	Position int      `json:"position"`
	Kind     string   `json:"kind"`
	Title    string   `json:"title,omitempty"`
	Text     string   `json:"text"`
	Options  []string `json:"options"`
	Answers  []string `json:"answers"`
	Test     string   `json:"test"`
}

func (c *cli) questions(ref string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	qd, err := st.LoadQuizData(w.ID)
	if err != nil {
		return err
	}
	out := []questionJSON{}
	for _, q := range qd.Questions {
		j := questionJSON{ID: q.ID.String(), Position: q.Position, Kind: string(q.Kind), Title: q.Title, Text: q.Text,
			Options: []string{}, Answers: []string{}, Test: testsOf(qd, q)}
		if q.MissingWord() {
			j.Text = q.Text + " _____ " + q.After
		}
		for _, o := range q.Options {
			if q.Kind == store.MultipleChoice || q.Kind == store.MultipleAnswer {
				j.Options = append(j.Options, o.Text)
			}
		}
		j.Answers = append(j.Answers, store.RightAnswer(&q))
		if q.Kind == store.ShortAnswer {
			j.Answers = j.Answers[:0]
			for _, o := range q.Options {
				if o.Weight >= 100 {
					j.Answers = append(j.Answers, o.Text)
				}
			}
		}
		out = append(out, j)
	}
	if c.json {
		return c.printJSON(out)
	}
	if len(out) == 0 {
		c.printf("%s has no questions; add some with \"workshopctl import-questions\"\n", w.Code)
		return nil
	}
	t := newTable("#", "KIND", "TEST", "QUESTION", "ANSWER").alignRight(0)
	for _, j := range out {
		t.add(fmt.Sprint(j.Position), j.Kind, j.Test, shortText(j.Text, 60), shortText(strings.Join(j.Answers, " | "), 30))
	}
	return t.write(c.stdout)
}

// testsOf says which tests hold q: pre, post, both, check, or "".
func testsOf(qd *store.QuizData, q store.Question) string {
	var in []string
	for _, z := range qd.Quizzes {
		for _, id := range z.QuestionIDs {
			if id == q.ID {
				in = append(in, string(z.Kind))
			}
		}
	}
	if len(in) == 2 && in[0] == "pre" && in[1] == "post" {
		return "both"
	}
	return strings.Join(in, ",")
}

// exportQuestionsCommand writes a workshop's bank as GIFT.
var exportQuestionsCommand = &command{
	name:     "export-questions",
	synopsis: "--workshop W --out FILE.gift",
	summary:  "write a workshop's questions to a Moodle GIFT file",
	details: `Writes every question of the bank, in order, with categories, titles,
feedback and sources, so that the bank goes back to Moodle or into another
workshop. Translations are not part of GIFT and are left out.`,
	required: []string{"workshop", "out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, out string
		workshopFlag(fs, &ref)
		fs.StringVar(&out, "out", "", "the GIFT `FILE` to write (replaced if it exists)")
		return func([]string) error { return c.exportQuestions(ref, out) }
	},
}

func (c *cli) exportQuestions(ref, out string) (err error) {
	if err := c.notDataFile(out, "--out"); err != nil {
		return err
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	qs, err := st.Questions(w.ID)
	if err != nil {
		return err
	}
	if err := store.WriteFileAtomic(out, func(wr io.Writer) error { return quizimport.WriteGIFT(wr, qs) }); err != nil {
		return fmt.Errorf("write %s: %w", out, err)
	}
	if c.json {
		return c.printJSON(struct {
			File      string `json:"file"`
			Questions int    `json:"questions"`
		}{out, len(qs)})
	}
	c.printf("wrote %s of %s to %s\n", plural(len(qs), "question"), w.Code, out)
	return nil
}

// testSettingsCommand sets a test's pass mark, state and certificate rule.
var testSettingsCommand = &command{
	name:     "test-settings",
	synopsis: "--workshop W --test pre|post|check:SESSION [--pass-mark PCT] [--closed|--open] [--completion on|off]",
	summary:  "set a test's pass mark, open or closed state and certificate of completion rule",
	required: []string{"workshop", "test"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, test, completion string
		var pass float64 = -1
		var closed, open bool
		workshopFlag(fs, &ref)
		fs.StringVar(&test, "test", "", "the `TEST`: pre, post or check:SESSION")
		fs.Func("pass-mark", "the pass mark in per cent, `PCT` from 0 (none) to 100", func(v string) error {
			f, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
			if err != nil || math.IsNaN(f) || f < 0 || f > 100 {
				return fmt.Errorf("%q is not a per cent from 0 to 100", v)
			}
			pass = f
			return nil
		})
		fs.BoolVar(&closed, "closed", false, "close the test: it takes no more answers")
		fs.BoolVar(&open, "open", false, "open the test again")
		fs.StringVar(&completion, "completion", "", "post-test: `on` gives those who reach the pass mark a certificate of\ncompletion, off turns the rule off")
		return func([]string) error {
			if closed && open {
				return usageError{"give --closed or --open, not both"}
			}
			return c.testSettings(ref, test, pass, closed, open, completion)
		}
	},
}

func (c *cli) testSettings(ref, test string, pass float64, closed, open bool, completion string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	z, err := c.findQuiz(st, w, test)
	if err != nil {
		return err
	}
	if pass >= 0 {
		z.PassMark = pass
	}
	z.Closed = (z.Closed || closed) && !open
	switch strings.ToLower(completion) {
	case "":
	case "on":
		z.Completion = true
	case "off":
		z.Completion = false
	default:
		return usageError{fmt.Sprintf("--completion %q is not on or off", completion)}
	}
	if err := st.SaveQuiz(&z); err != nil {
		return fmt.Errorf("the test was not changed: %w", err)
	}
	if c.json {
		return c.printJSON(struct {
			Test       string  `json:"test"`
			Questions  int     `json:"questions"`
			PassMark   float64 `json:"pass_mark"`
			Closed     bool    `json:"closed"`
			Completion bool    `json:"completion"`
		}{z.Key().String(), len(z.QuestionIDs), z.PassMark, z.Closed, z.Completion})
	}
	state := "open"
	if z.Closed {
		state = "closed"
	}
	c.printf("%s test of %s: %s, pass mark %g %%, %s, certificates of completion %s\n", z.Kind, w.Code,
		plural(len(z.QuestionIDs), "question"), z.PassMark, state, map[bool]string{true: "on", false: "off"}[z.Completion])
	return nil
}
