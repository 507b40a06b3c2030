package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// quizEntry keys answers in at desk speed: the badge code (typed, or
// scanned from the sheet's QR code), Enter, the answers as one line in
// the order printed, Enter; the sheet comes back scored, and the badge
// field is ready for the next one. Undo brings back the previous answers.
type quizEntry struct {
	s       *quizSection
	badge   *widget.Entry
	answers *widget.Entry
	scored  *widget.Label
	status  *widget.Label
	undo    *widget.Button
	last    uuid.UUID // the participant whose sheet was last recorded
	content fyne.CanvasObject
}

func newQuizEntry(s *quizSection) *quizEntry {
	e := &quizEntry{s: s}
	e.badge = widget.NewEntry()
	e.badge.SetPlaceHolder(lang.L("Badge code"))
	e.answers = widget.NewEntry()
	e.answers.SetPlaceHolder(`T F B AC 1990 "global forum" -`)
	e.scored = widget.NewLabel("")
	e.scored.TextStyle = fyne.TextStyle{Monospace: true}
	e.status = widget.NewLabel("")
	e.status.Wrapping = fyne.TextWrapWord
	e.undo = widget.NewButton(lang.L("Undo"), e.undoLast)
	e.undo.Disable()
	e.badge.OnSubmitted = func(string) { e.badgeDone() }
	e.answers.OnSubmitted = func(string) { e.record() }
	help := widget.NewLabel(lang.L("Answers in the order printed, separated by spaces: T or F, a letter (B), letters for several answers (AC), a number, text in double quotes, - for no answer."))
	help.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("Badge code"), e.badge), widget.NewFormItem(lang.L("Answers"), e.answers))
	e.content = container.NewBorder(container.NewVBox(help, form, container.NewHBox(widget.NewButton(lang.L("Record"), e.record), e.undo), e.status),
		nil, nil, nil, container.NewVScroll(e.scored))
	return e
}

// badgeDone moves on to the answers once the badge code names someone;
// else it stays in the badge field and says why, so that a scanner's next
// code does not land in the answer line.
func (e *quizEntry) badgeDone() {
	u := e.s.ws.u
	code := strings.TrimSpace(e.badge.Text)
	if code == "" {
		e.status.SetText(lang.L("Type or scan a badge code first."))
		return
	}
	if _, err := u.st.ParticipantByBadge(e.s.ws.data.Workshop.ID, code); err != nil {
		e.status.SetText(fmt.Sprintf(lang.L("No participant has the badge code %s."), code))
		e.badge.SetText("")
		return
	}
	e.status.SetText("")
	u.win.Canvas().Focus(e.answers)
}

// testChanged clears what was shown for another test.
func (e *quizEntry) testChanged() {
	e.scored.SetText("")
	e.status.SetText("")
	e.last = uuid.Nil
	e.undo.Disable()
}

// record records the line for the badge code and shows the sheet scored.
func (e *quizEntry) record() {
	u := e.s.ws.u
	if strings.TrimSpace(e.badge.Text) == "" {
		u.win.Canvas().Focus(e.badge)
		return
	}
	sheet, err := u.st.RecordAnswerLine(e.s.ws.data.Workshop.ID, e.s.key(), e.badge.Text, e.answers.Text, "keyboard")
	if err != nil {
		e.status.SetText(fmt.Sprintf(lang.L("Not recorded: %v"), storeMessage(err.Error())))
		return
	}
	e.last = sheet.Participant.ID
	e.undo.Enable()
	e.show(sheet, lang.L("Recorded"))
	e.badge.SetText("")
	e.answers.SetText("")
	u.win.Canvas().Focus(e.badge)
	e.s.reloadData()
}

// show writes the scored sheet: a line per question with the answer, ✓ ✗
// ½ or – and the right answer.
func (e *quizEntry) show(sheet store.ScoredSheet, what string) {
	var b strings.Builder
	for i, q := range sheet.Questions {
		fmt.Fprintf(&b, "%2d  %s  %-20s  %s\n", i+1, sheet.Mark(i), sheet.Responses[i], store.RightAnswer(&q))
	}
	e.scored.SetText(b.String())
	e.status.SetText(fmt.Sprintf(lang.L("%s: %s (%s), %s of %s points, %s"), what, sheet.Participant.FullName(),
		sheet.Participant.BadgeCode, number(sheet.Score.Points, 1), number(sheet.Score.Max, 0), wholePercent(sheet.Score.Percent)))
}

// undoLast brings back the answers recorded before the last ones.
func (e *quizEntry) undoLast() {
	u := e.s.ws.u
	z := e.s.quiz()
	if z == nil || e.last == uuid.Nil {
		return
	}
	if _, err := u.st.UndoAnswers(e.s.ws.data.Workshop.ID, z.ID, e.last); err != nil {
		u.showError(err)
		return
	}
	sheet, err := u.st.ScoredSheet(e.s.ws.data.Workshop.ID, z.ID, e.last)
	if err != nil {
		u.showError(err)
		return
	}
	e.undo.Disable()
	e.last = uuid.Nil
	e.show(sheet, lang.L("Undone; now"))
	e.s.reloadData()
}

// carry takes over what the previous screen's keying in showed: the test,
// the tab, the fields as typed, the sheet shown back and its Undo.
func (s *quizSection) carry(old *quizSection) {
	if i := old.test.SelectedIndex(); i >= 0 && i < len(s.keys) {
		s.test.SetSelectedIndex(i)
	}
	s.tabs.SelectIndex(old.tabs.SelectedIndex())
	e, o := s.entry, old.entry
	e.badge.SetText(o.badge.Text)
	e.answers.SetText(o.answers.Text)
	e.scored.SetText(o.scored.Text)
	e.status.SetText(o.status.Text)
	e.last = o.last
	if !o.undo.Disabled() {
		e.undo.Enable()
	}
}
