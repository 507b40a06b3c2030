package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// liveQuiz shows the test one question at a time on the projector, full
// screen: the question, the answers arriving as a bar chart, then the
// right answer with its explanation and source.
type liveQuiz struct {
	v        *phonesView
	win      fyne.Window
	i        int // the question shown, from 0
	number   *widget.Label
	question *widget.Label
	chart    *barChart
	answered *widget.Label
	answer   *widget.Label
	show     *widget.Button
	prev     *widget.Button
	next     *widget.Button
	revealed bool
}

// showLiveQuiz opens the live quiz window (or brings it forward).
func (v *phonesView) showLiveQuiz() {
	if v.live != nil {
		v.live.win.RequestFocus()
		return
	}
	q := &liveQuiz{v: v}
	v.live = q
	q.win = v.u.app.NewWindow(fmt.Sprintf(lang.L("%s — live quiz"), v.title))
	q.number = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q.question = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	q.question.Wrapping = fyne.TextWrapWord
	q.question.SizeName = theme.SizeNameHeadingText
	q.chart = newBarChart(nil, 0)
	q.answered = widget.NewLabel("")
	q.answer = widget.NewLabel("")
	q.answer.Wrapping = fyne.TextWrapWord
	q.answer.Hide()
	q.show = widget.NewButtonWithIcon(lang.L("Show answer"), theme.VisibilityIcon(), q.reveal)
	q.show.Importance = widget.HighImportance
	q.prev = widget.NewButtonWithIcon(lang.L("Previous"), theme.NavigateBackIcon(), func() { q.goTo(q.i - 1) })
	q.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), func() { q.goTo(q.i + 1) })
	closeBtn := widget.NewButton(lang.L("Leave the live quiz"), func() { q.win.Close() })
	// Leaving sits at the top right, apart from the buttons used question
	// after question, so that the row fits a 1024-pixel projector in
	// every language.
	top := container.NewVBox(container.NewBorder(nil, nil, nil, closeBtn, q.number), q.question)
	bottom := container.NewVBox(q.answered, q.answer, container.NewHBox(q.prev, q.show, q.next))
	// The question and buttons in the projector's sizes; the chart keeps
	// the app's, which its layout measures with.
	big := projectorTheme{fyne.CurrentApp().Settings().Theme()}
	q.win.SetContent(container.NewPadded(container.NewBorder(container.NewThemeOverride(top, big),
		container.NewThemeOverride(bottom, big), nil, nil, q.chart)))
	q.win.SetOnClosed(func() { v.live = nil })
	q.win.Resize(fyne.NewSize(1024, 700))
	q.win.SetFullScreen(true)
	q.goTo(0)
	q.win.Show()
}

// goTo shows question i, its answer hidden.
func (q *liveQuiz) goTo(i int) {
	qs := q.v.room.Questions()
	if i < 0 || i >= len(qs) {
		return
	}
	q.i, q.revealed = i, false
	q.number.SetText(fmt.Sprintf(lang.L("Question %d of %d"), i+1, len(qs)))
	q.question.SetText(questionLine(qs[i]))
	q.answer.Hide()
	q.show.Enable()
	if i == 0 {
		q.prev.Disable()
	} else {
		q.prev.Enable()
	}
	if i == len(qs)-1 {
		q.next.Disable()
	} else {
		q.next.Enable()
	}
	q.update()
}

// update reads the answers to the question shown into the chart.
func (q *liveQuiz) update() {
	qs := q.v.room.Questions()
	counts, answered, err := q.v.room.Tally(q.i)
	if err != nil {
		q.answered.SetText(err.Error())
		return
	}
	qq := qs[q.i]
	rows := make([]chartRow, len(counts))
	for k := range counts {
		label := store.Letter(k) + ". " + qq.Options[k].Text
		if qq.Kind == store.TrueFalse {
			label = []string{lang.L("True"), lang.L("False")}[k]
		}
		if q.revealed && qq.Options[k].Weight > 0 {
			label = "✓ " + label
		}
		pct := 0.0
		if answered > 0 {
			pct = float64(counts[k]) / float64(answered) * 100
		}
		rows[k] = chartRow{Label: label, Count: counts[k], Percent: pct, Muted: q.revealed && qq.Options[k].Weight <= 0}
	}
	q.chart.SetRows(rows, answered)
	q.answered.SetText(fmt.Sprintf(lang.L("Answers: %d"), answered))
}

// reveal shows the right answer, the explanation and the source.
func (q *liveQuiz) reveal() {
	qq := q.v.room.Questions()[q.i]
	q.revealed = true
	text := fmt.Sprintf(lang.L("Right answer: %s"), liveRightAnswer(&qq))
	if qq.Feedback != "" {
		text += "\n" + qq.Feedback
	}
	if qq.Source != "" {
		text += "\n" + fmt.Sprintf(lang.L("Source: %s"), qq.Source)
	}
	q.answer.SetText(text)
	q.answer.Show()
	q.show.Disable()
	q.update()
}

// liveRightAnswer is the right answer in words: True or False, the
// right options with their letters, else the accepted answer.
func liveRightAnswer(q *store.Question) string {
	switch q.Kind {
	case store.TrueFalse:
		if q.TrueFalseAnswer() {
			return lang.L("True")
		}
		return lang.L("False")
	case store.MultipleChoice, store.MultipleAnswer:
		var right []string
		for k, o := range q.Options {
			if o.Weight >= 100 || q.Kind == store.MultipleAnswer && o.Weight > 0 {
				right = append(right, store.Letter(k)+". "+o.Text)
			}
		}
		return strings.Join(right, " · ")
	}
	return store.RightAnswer(q)
}

// projectorTheme is the app's theme with text and spacing twice as large,
// to be read from the back of the room.
type projectorTheme struct{ fyne.Theme }

// Size implements fyne.Theme.
func (t projectorTheme) Size(n fyne.ThemeSizeName) float32 { return 2 * t.Theme.Size(n) }
