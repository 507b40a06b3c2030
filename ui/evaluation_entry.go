package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// evalEntry is keyed entry of paper forms: the form number (typed, or
// scanned from its QR code), the ratings as one line, then each comment;
// Enter moves on and, after the last, records. The form recorded is
// shown back for a check, with Undo.
type evalEntry struct {
	s        *evaluationSection
	number   *widget.Entry
	ratings  *widget.Entry
	hint     *widget.Label
	comments []*widget.Entry
	keys     []string // the open questions' keys, as comments
	language *widget.Select
	problem  *widget.Label
	back     *widget.Label // the form last recorded, shown back
	undo     *widget.Button
	count    *widget.Label
	box      *fyne.Container // the comment entries
	recorded []int           // form numbers recorded here, newest last, for Undo
	content  fyne.CanvasObject
}

// entryLanguages are the language choices: not known, then the six.
var entryLanguages = []string{"", "en", "fr", "es", "ar", "ru", "zh"}

func newEvalEntry(s *evaluationSection) *evalEntry {
	e := &evalEntry{s: s}
	e.number = widget.NewEntry()
	e.number.SetPlaceHolder(lang.L("Form number"))
	e.number.OnSubmitted = func(string) { e.numberDone() }
	e.ratings = widget.NewEntry()
	e.ratings.SetPlaceHolder("5 4 4 5 3 - 4 …")
	e.ratings.OnSubmitted = func(string) { e.ratingsDone() }
	e.hint = widget.NewLabel("")
	e.hint.Wrapping = fyne.TextWrapWord
	e.hint.Importance = widget.LowImportance
	labels := []string{lang.L("Not known (guessed from the comments)")}
	for _, l := range entryLanguages[1:] {
		labels = append(labels, strings.ToUpper(l))
	}
	e.language = widget.NewSelect(labels, nil)
	e.language.SetSelectedIndex(0)
	e.problem = widget.NewLabel("")
	e.problem.Importance = widget.DangerImportance
	e.problem.Wrapping = fyne.TextWrapWord
	e.back = widget.NewLabel("")
	e.back.Wrapping = fyne.TextWrapWord
	e.undo = widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), e.undoLast)
	e.undo.Disable()
	e.count = widget.NewLabel("")
	e.box = container.NewVBox()
	record := widget.NewButtonWithIcon(lang.L("Record form"), theme.ConfirmIcon(), e.record)
	record.Importance = widget.HighImportance
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Form number"), e.number),
		widget.NewFormItem(lang.L("Ratings"), container.NewVBox(e.ratings, e.hint)),
		widget.NewFormItem(lang.L("Language"), e.language),
	)
	// The problem sits under the number and ratings, where the eyes are:
	// below the comments it was out of sight on a long form.
	left := container.NewVBox(
		heading(lang.L("Key in a paper form")),
		form,
		e.problem,
		e.box,
		container.NewHBox(record, e.count),
	)
	right := container.NewVBox(heading(lang.L("Recorded")), e.back, container.NewHBox(e.undo))
	e.content = container.NewVScroll(container.NewPadded(container.NewGridWithColumns(2, left, right)))
	e.refresh()
	return e
}

// refresh rebuilds the comment entries and hint from the form.
func (e *evalEntry) refresh() {
	f := &e.s.form
	e.hint.SetText(fmt.Sprintf(lang.L("%d answers, one per item but the open questions: 1–5, - not answered, 0 not applicable, y/n for yes/no, a choice's number (several: 1,3)."), len(f.Rated())))
	e.comments, e.keys = nil, nil
	var rows []fyne.CanvasObject
	for i, it := range f.Items {
		if it.Kind != store.EvalText {
			continue
		}
		c := widget.NewEntry()
		c.SetPlaceHolder(lang.L("Comment as written"))
		n := len(e.comments)
		c.OnSubmitted = func(string) { e.commentDone(n) }
		e.comments = append(e.comments, c)
		e.keys = append(e.keys, it.Key)
		label := widget.NewLabel(e.s.itemText(i))
		label.Wrapping = fyne.TextWrapWord
		rows = append(rows, label, c)
	}
	e.box.Objects = rows
	e.box.Refresh()
	e.count.SetText(fmt.Sprintf(lang.L("%d forms recorded"), len(e.s.list)))
}

// focus puts the cursor in o.
func (e *evalEntry) focus(o fyne.Focusable) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(e.number); c != nil {
		c.Focus(o)
	}
}

func (e *evalEntry) focusNumber() { e.focus(e.number) }

// formNumber reads the number box.
func (e *evalEntry) formNumber() (int, error) {
	text := strings.TrimSpace(e.number.Text)
	n, err := strconv.Atoi(text)
	if err != nil || n < 1 || n > store.MaxFormNumber {
		return 0, fmt.Errorf(lang.L("“%s” is not a form number (1 to %d)"), text, store.MaxFormNumber)
	}
	if slices.ContainsFunc(e.s.list, func(r store.EvaluationResponse) bool { return r.Form == n }) {
		return n, fmt.Errorf(lang.L("Form %d is already recorded"), n)
	}
	return n, nil
}

// numberDone checks the number and moves on to the ratings.
func (e *evalEntry) numberDone() {
	if _, err := e.formNumber(); err != nil {
		e.problem.SetText(err.Error())
		return
	}
	e.problem.SetText("")
	e.focus(e.ratings)
}

// ratingsDone checks the ratings line and moves on to the first comment.
func (e *evalEntry) ratingsDone() {
	if _, err := e.s.form.ParseRatings(e.ratings.Text); err != nil {
		e.problem.SetText(problemText(err))
		return
	}
	e.problem.SetText("")
	if len(e.comments) == 0 {
		e.record()
		return
	}
	e.focus(e.comments[0])
}

// commentDone moves to the next comment, or records after the last.
func (e *evalEntry) commentDone(i int) {
	if i+1 < len(e.comments) {
		e.focus(e.comments[i+1])
		return
	}
	e.record()
}

// problemText writes a validation error one problem a line.
func problemText(err error) string {
	var ve store.ValidationError
	if errors.As(err, &ve) {
		lines := make([]string, len(ve))
		for i, fe := range ve {
			lines[i] = fe.Error()
		}
		return strings.Join(lines, "\n")
	}
	return err.Error()
}

// record records the form keyed in and shows it back.
func (e *evalEntry) record() {
	n, err := e.formNumber()
	if err != nil {
		e.problem.SetText(err.Error())
		e.focusNumber()
		return
	}
	comments := map[string]string{}
	for i, c := range e.comments {
		comments[e.keys[i]] = c.Text
	}
	lg := entryLanguages[max(e.language.SelectedIndex(), 0)]
	r, f, err := ops.RecordKeyed(e.s.ws.u.st, e.s.ws.data.Workshop.ID, n, e.ratings.Text, comments, lg)
	if err != nil {
		e.problem.SetText(problemText(err))
		return
	}
	e.problem.SetText("")
	e.recorded = append(e.recorded, n)
	e.back.SetText(shownBack(&f, &r, e.s.lang()))
	e.undo.Enable()
	e.number.SetText("")
	e.ratings.SetText("")
	for _, c := range e.comments {
		c.SetText("")
	}
	e.s.reload()
	e.focusNumber()
}

// shownBack writes a recorded form for a check: its number, then each
// answer under its item's number.
func shownBack(f *store.EvaluationForm, r *store.EvaluationResponse, lg string) string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("Form %d"), r.Form)
	if r.Language != "" {
		b.WriteString(" · " + strings.ToUpper(r.Language))
	}
	b.WriteString("\n" + lang.L("Ratings") + ": " + f.RatingsLine(r))
	for i, it := range f.Items {
		a, ok := r.Answer(it.Key)
		if !ok {
			continue
		}
		text := []rune(it.Text.In(lg))
		if len(text) > 48 {
			text = append(text[:47], '…')
		}
		fmt.Fprintf(&b, "\n%d. %s — %s", i+1, string(text), answerShown(it, a))
	}
	return b.String()
}

// answerShown writes one answer.
func answerShown(it store.EvalItem, a store.EvalAnswer) string {
	switch {
	case a.NA:
		return lang.L("not applicable")
	case a.Text != "":
		return "“" + a.Text + "”"
	case it.Kind == store.EvalYesNo && a.Value == 1:
		return lang.L("yes")
	case it.Kind == store.EvalYesNo:
		return lang.L("no")
	case len(a.Choices) > 0:
		parts := make([]string, len(a.Choices))
		for i, c := range a.Choices {
			parts[i] = it.Choices[c-1].In("en")
		}
		return strings.Join(parts, ", ")
	case it.Kind == store.EvalChoice:
		return it.Choices[a.Value-1].In("en")
	}
	return strconv.Itoa(a.Value)
}

// undoLast takes back the form last recorded here.
func (e *evalEntry) undoLast() {
	if len(e.recorded) == 0 {
		return
	}
	n := e.recorded[len(e.recorded)-1]
	if err := e.s.ws.u.st.DeleteEvaluation(e.s.ws.data.Workshop.ID, n); err != nil {
		e.s.ws.u.showError(err)
		return
	}
	e.recorded = e.recorded[:len(e.recorded)-1]
	e.back.SetText(fmt.Sprintf(lang.L("Form %d taken back."), n))
	if len(e.recorded) == 0 {
		e.undo.Disable()
	}
	e.s.reload()
	e.focusNumber()
}

// carry takes over what the previous screen's keying in showed: the tab,
// the fields as typed, the form shown back and its Undo.
func (s *evaluationSection) carry(old *evaluationSection) {
	s.tabs.SelectIndex(old.tabs.SelectedIndex())
	e, o := s.entry, old.entry
	e.number.SetText(o.number.Text)
	e.ratings.SetText(o.ratings.Text)
	if len(e.comments) == len(o.comments) {
		for i, c := range o.comments {
			e.comments[i].SetText(c.Text)
		}
	}
	e.language.SetSelectedIndex(o.language.SelectedIndex())
	e.problem.SetText(o.problem.Text)
	e.back.SetText(o.back.Text)
	e.recorded = o.recorded
	if !o.undo.Disabled() {
		e.undo.Enable()
	}
}
