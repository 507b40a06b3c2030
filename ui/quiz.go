package ui

import (
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/quizimport"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// quizSection is the Tests section of a workshop: the question bank with
// its import, the pre-test, post-test and quick checks with their
// settings, keyboard entry of answers and the results.
type quizSection struct {
	ws   *workshopScreen
	data *store.QuizData

	test     *widget.Select // which test the section works on
	keys     []store.QuizKey
	passMark *widget.Entry
	closed   *widget.Check
	complete *widget.Check
	list     *widget.List
	count    *widget.Label

	tabs    *container.AppTabs // questions, key in answers, results
	entry   *quizEntry
	results *quizResults
	content fyne.CanvasObject
}

func newQuizSection(ws *workshopScreen) *quizSection {
	s := &quizSection{ws: ws}
	ws.quiz = s
	s.test = widget.NewSelect(nil, func(string) { s.testChosen() })
	s.passMark = widget.NewEntry()
	s.passMark.SetPlaceHolder(lang.L("none"))
	s.closed = widget.NewCheck(lang.L("Closed (takes no answers)"), nil)
	s.complete = widget.NewCheck(lang.L("Certificate of completion for those who pass"), nil)
	save := widget.NewButton(lang.L("Save settings"), s.saveSettings)
	s.count = widget.NewLabel("")
	s.list = widget.NewList(func() int { return len(s.questions()) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			qs := s.questions()
			if i < len(qs) {
				q := qs[i]
				o.(*widget.Label).SetText(fmt.Sprintf("%d. [%s] %s — %s", i+1, questionKindLabel(q.Kind), questionLine(q), store.RightAnswer(&q)))
			}
		})
	importBtn := widget.NewButton(lang.L("Import questions…"), s.chooseImport)
	exportBtn := widget.NewButton(lang.L("Export GIFT…"), s.exportGIFT)
	sheets := widget.NewButton(lang.L("Print answer sheets…"), func() { s.printSheets(false) })
	booklet := widget.NewButton(lang.L("Print booklet and grids…"), func() { s.printSheets(true) })
	phones := widget.NewButtonWithIcon(lang.L("Open for phones…"), theme.ComputerIcon(), s.openForPhones)
	mark := container.NewGridWrap(fyne.NewSize(90, s.passMark.MinSize().Height), s.passMark)
	settings := container.NewVBox(
		container.NewHBox(widget.NewLabel(lang.L("Test")), s.test, widget.NewLabel(lang.L("Pass mark (%)")), mark, save, phones),
		container.NewHBox(s.closed, s.complete))
	questions := container.NewBorder(
		container.NewVBox(container.NewHBox(importBtn, exportBtn, sheets, booklet), s.count), nil, nil, nil, s.list)
	s.entry = newQuizEntry(s)
	s.results = newQuizResults(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem(lang.L("Questions"), questions),
		container.NewTabItem(lang.L("Key in answers"), s.entry.content),
		container.NewTabItem(lang.L("Results"), s.results.content),
	)
	s.tabs.OnSelected = func(*container.TabItem) {
		if s.tabs.SelectedIndex() == 1 { // keying in starts with the badge code
			s.ws.u.win.Canvas().Focus(s.entry.badge)
		}
	}
	s.content = container.NewBorder(container.NewVBox(settings, widget.NewSeparator()), nil, nil, nil, s.tabs)
	s.reload()
	return s
}

// questionKindLabel names a kind of question for the screen.
func questionKindLabel(k store.QuestionKind) string {
	switch k {
	case store.TrueFalse:
		return lang.L("True/false")
	case store.MultipleChoice:
		return lang.L("One answer")
	case store.MultipleAnswer:
		return lang.L("Several answers")
	case store.ShortAnswer:
		return lang.L("Short answer")
	}
	return lang.L("Numeric")
}

func questionLine(q store.Question) string {
	if q.MissingWord() {
		return q.Text + " _____ " + q.After
	}
	return q.Text
}

// reload reads the bank, tests and answers again.
func (s *quizSection) reload() {
	qd, err := s.ws.u.st.LoadQuizData(s.ws.data.Workshop.ID)
	if err != nil {
		s.ws.u.showError(err)
		return
	}
	s.data = qd
	keys := []store.QuizKey{{Kind: store.PreTest}, {Kind: store.PostTest}}
	names := []string{lang.L("Pre-test"), lang.L("Post-test")}
	for _, z := range qd.Quizzes {
		if z.Kind == store.QuickCheck {
			keys = append(keys, z.Key())
			names = append(names, fmt.Sprintf(lang.L("Quick check: %s"), s.sessionTitle(z.SessionID.String())))
		}
	}
	s.keys = keys
	sel := s.test.SelectedIndex()
	s.test.Options = names
	if sel < 0 || sel >= len(names) {
		sel = 0
	}
	s.test.SetSelectedIndex(sel) // calls testChosen
	s.results.refresh()
}

func (s *quizSection) sessionTitle(id string) string {
	for _, se := range s.ws.data.Sessions {
		if se.ID.String() == id {
			return se.Title
		}
	}
	return id
}

// key is the test chosen.
func (s *quizSection) key() store.QuizKey {
	if i := s.test.SelectedIndex(); i >= 0 && i < len(s.keys) {
		return s.keys[i]
	}
	return store.QuizKey{Kind: store.PreTest}
}

// quiz is the test chosen, nil when it has no questions yet.
func (s *quizSection) quiz() *store.Quiz {
	if s.data == nil {
		return nil
	}
	return s.data.Quiz(s.key())
}

// questions are the chosen test's questions.
func (s *quizSection) questions() []store.Question {
	z := s.quiz()
	if z == nil {
		return nil
	}
	return store.QuizQuestions(z, s.data.Questions)
}

func (s *quizSection) testChosen() {
	z := s.quiz()
	s.passMark.SetText("")
	s.closed.SetChecked(false)
	s.complete.SetChecked(false)
	if s.key().Kind == store.PostTest {
		s.complete.Enable()
	} else {
		s.complete.Disable()
	}
	if z != nil {
		if z.PassMark > 0 {
			s.passMark.SetText(strconv.FormatFloat(z.PassMark, 'f', -1, 64))
		}
		s.closed.SetChecked(z.Closed)
		s.complete.SetChecked(z.Completion)
	}
	n := len(s.questions())
	s.count.SetText(fmt.Sprintf(lang.L("%d questions in this test, %d in the bank."), n, len(s.data.Questions)))
	if n == 0 {
		s.count.SetText(lang.L("This test has no questions yet: import a bank (GIFT, Aiken, CSV or XLSX)."))
	}
	s.list.Refresh()
	if s.entry != nil {
		s.entry.testChanged()
	}
}

// passMarkValue is the pass mark typed, 0 (none) when empty; "70", "70 %"
// and "72,5" are read.
func (s *quizSection) passMarkValue() float64 {
	t := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s.passMark.Text), "%"))
	if t == "" {
		return 0
	}
	v, err := strconv.ParseFloat(strings.ReplaceAll(t, ",", "."), 64)
	if err != nil {
		return math.NaN()
	}
	return v
}

// checkPassMark says what is wrong with the pass mark typed, or "".
func (s *quizSection) checkPassMark() string {
	if v := s.passMarkValue(); math.IsNaN(v) || v < 0 || v > 100 {
		return fmt.Sprintf(lang.L("The pass mark %q is not a per cent from 0 to 100."), s.passMark.Text)
	}
	return ""
}

func (s *quizSection) saveSettings() {
	z := s.quiz()
	if z == nil {
		s.ws.u.showError(fmt.Errorf("%s", lang.L("The test has no questions yet: import some first.")))
		return
	}
	if msg := s.checkPassMark(); msg != "" {
		s.ws.u.showError(errors.New(msg))
		return
	}
	pass := s.passMarkValue()
	c := *z
	c.PassMark, c.Closed, c.Completion = pass, s.closed.Checked, s.complete.Checked
	if err := s.ws.u.st.SaveQuiz(&c); err != nil {
		s.ws.u.showError(err)
		return
	}
	s.reload()
}

// chooseImport asks for a question file, then shows its preview.
func (s *quizSection) chooseImport() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if err != nil {
				s.ws.u.showError(err)
			}
			return
		}
		defer r.Close()
		path := r.URI().Path()
		data, err := os.ReadFile(path)
		if err != nil {
			s.ws.u.showError(err)
			return
		}
		s.previewImport(r.URI().Name(), data)
	}, s.ws.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".gift", ".txt", ".aiken", ".csv", ".xlsx"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// previewImport reads a question file and shows what it holds and each
// question it cannot take; nothing is written until Import is pressed.
func (s *quizSection) previewImport(name string, data []byte) {
	if len(data) > quizimport.MaxFileSize {
		s.ws.u.showError(fmt.Errorf(lang.L("%s is too large for a question bank."), name))
		return
	}
	p, err := quizimport.ParseQuestions(name, data)
	if err != nil {
		s.ws.u.showError(fmt.Errorf("%s: %w", name, err))
		return
	}
	var lines []string
	for i, q := range p.Questions {
		lines = append(lines, fmt.Sprintf("%d. [%s] %s", i+1, questionKindLabel(q.Kind), questionLine(q)))
	}
	for _, pr := range p.Problems {
		lines = append(lines, fmt.Sprintf(lang.L("Cannot import, line %d (%s): %s"), pr.Line, pr.Title, pr.Reason))
	}
	found := widget.NewLabel(fmt.Sprintf(lang.L("%d questions can be imported; %d cannot."), len(p.Questions), len(p.Problems)))
	body := widget.NewLabel(strings.Join(lines, "\n"))
	body.Wrapping = fyne.TextWrapWord
	into := widget.NewRadioGroup([]string{lang.L("Pre- and post-test"), lang.L("Pre-test only"), lang.L("Post-test only"), lang.L("Bank only")}, nil)
	into.SetSelected(lang.L("Pre- and post-test"))
	scroll := container.NewVScroll(body)
	scroll.SetMinSize(fyne.NewSize(700, 360))
	content := container.NewBorder(container.NewVBox(found, into), nil, nil, nil, scroll)
	d := dialog.NewCustomConfirm(fmt.Sprintf(lang.L("Import questions from %s"), name), lang.L("Import"), lang.L("Cancel"), content, func(ok bool) {
		if !ok || len(p.Questions) == 0 {
			return
		}
		var keys []store.QuizKey
		switch into.Selected {
		case lang.L("Pre- and post-test"):
			keys = []store.QuizKey{{Kind: store.PreTest}, {Kind: store.PostTest}}
		case lang.L("Pre-test only"):
			keys = []store.QuizKey{{Kind: store.PreTest}}
		case lang.L("Post-test only"):
			keys = []store.QuizKey{{Kind: store.PostTest}}
		}
		s.importQuestions(p.Questions, keys)
	}, s.ws.u.win)
	d.Show()
}

func (s *quizSection) importQuestions(list []store.Question, keys []store.QuizKey) {
	qs := make([]*store.Question, len(list))
	for i := range list {
		list[i].WorkshopID = s.ws.data.Workshop.ID
		qs[i] = &list[i]
	}
	if err := s.ws.u.st.AddQuestions(qs, keys); err != nil {
		s.ws.u.showError(fmt.Errorf("%s: %w", lang.L("Nothing was imported"), err))
		return
	}
	s.reload()
}

func (s *quizSection) exportGIFT() {
	bank := s.data.Questions
	askSavePath(s.ws.u, s.ws.data.Workshop.Code+"-questions.gift", ".gift", func(path string) {
		if err := store.WriteFileAtomic(path, func(w io.Writer) error { return quizimport.WriteGIFT(w, bank) }); err != nil {
			s.ws.u.showError(err)
			return
		}
		showWritten(s.ws.u, path)
	})
}

func (s *quizSection) printSheets(booklet bool) {
	if len(s.questions()) == 0 {
		s.ws.u.showError(fmt.Errorf("%s", lang.L("The test has no questions yet: import some first.")))
		return
	}
	w, key, st := s.ws.data.Workshop, s.key(), s.ws.u.st
	size := defaultPaper(w.Country)
	savePDF(s.ws.u, w.Code+"-"+string(key.Kind)+"-sheets.pdf", func(path string) error {
		_, err := ops.WriteAnswerSheets(st, w, key, path, size, booklet)
		return err
	}, nil)
}

// reloadData reads the answers again after a change and refreshes the
// results, keeping the test chosen and what the entry shows.
func (s *quizSection) reloadData() {
	qd, err := s.ws.u.st.LoadQuizData(s.ws.data.Workshop.ID)
	if err != nil {
		s.ws.u.showError(err)
		return
	}
	s.data = qd
	s.results.refresh()
}
