package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// evaluationSection is the Evaluation section of a workshop: keyed entry
// of paper forms, the summary with charts, and the form itself.
type evaluationSection struct {
	ws    *workshopScreen
	form  store.EvaluationForm
	saved bool // the form is stored, not the default made from the agenda
	list  []store.EvaluationResponse

	entry   *evalEntry
	summary *evalSummaryView
	editor  *evalFormView
	tabs    *container.AppTabs
	content fyne.CanvasObject
}

func newEvaluationSection(ws *workshopScreen) *evaluationSection {
	s := &evaluationSection{ws: ws}
	ws.evaluation = s
	s.load()
	s.entry = newEvalEntry(s)
	s.summary = newEvalSummaryView(s)
	s.editor = newEvalFormView(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Keyed entry"), theme.DocumentCreateIcon(), s.entry.content),
		container.NewTabItemWithIcon(lang.L("Summary"), theme.ListIcon(), s.summary.content),
		container.NewTabItemWithIcon(lang.L("Form"), theme.SettingsIcon(), s.editor.content),
	)
	s.tabs.OnSelected = func(*container.TabItem) {
		if s.tabs.SelectedIndex() == 0 {
			s.entry.focusNumber()
		}
	}
	s.content = newEvalPage(s)
	return s
}

// evalPage is the section's content: coming back to it reads the forms
// afresh (the response rate follows the check-ins) and, on keyed entry,
// puts the cursor in the form-number box.
type evalPage struct {
	widget.BaseWidget
	s *evaluationSection
}

func newEvalPage(s *evaluationSection) *evalPage {
	p := &evalPage{s: s}
	p.ExtendBaseWidget(p)
	return p
}

// CreateRenderer implements fyne.Widget.
func (p *evalPage) CreateRenderer() fyne.WidgetRenderer {
	phones := widget.NewButtonWithIcon(lang.L("Open for phones…"), theme.ComputerIcon(), func() {
		p.s.ws.openForPhones(nil, lang.L("Evaluation"))
	})
	return widget.NewSimpleRenderer(container.NewBorder(container.NewHBox(phones), nil, nil, nil, p.s.tabs))
}

// Show implements fyne.CanvasObject; the tabs call it on every layout, so
// only coming back from hidden reloads.
func (p *evalPage) Show() {
	hidden := !p.Visible()
	p.BaseWidget.Show()
	if hidden {
		p.s.reload()
		if p.s.tabs.SelectedIndex() == 0 {
			p.s.entry.focusNumber()
		}
	}
}

// load reads the form and the recorded forms from the store.
func (s *evaluationSection) load() {
	id := s.ws.data.Workshop.ID
	f, saved, err := s.ws.u.st.EvaluationForm(id)
	if err != nil {
		s.ws.u.showError(err)
		return
	}
	list, err := s.ws.u.st.EvaluationResponses(id)
	if err != nil {
		s.ws.u.showError(err)
		return
	}
	s.form, s.saved, s.list = f, saved, list
}

// reload reads everything afresh and redraws the views.
func (s *evaluationSection) reload() {
	s.load()
	s.entry.refresh()
	s.summary.refresh()
	s.editor.refresh()
}

// lang is the language the section shows item texts in: the workshop's
// if the form has it, else English.
func (s *evaluationSection) lang() string {
	if l := s.ws.data.Workshop.Language; l != "" {
		return l
	}
	return "en"
}

// itemText is item i's number and text, as on the printed form.
func (s *evaluationSection) itemText(i int) string {
	return fmt.Sprintf("%d. %s", i+1, s.form.Items[i].Text.In(s.lang()))
}

// kindLabel names an item kind on screen.
func kindLabel(k store.EvalKind) string {
	switch k {
	case store.EvalAgreement:
		return lang.L("Agreement 1–5")
	case store.EvalRating:
		return lang.L("Rating 1–5")
	case store.EvalYesNo:
		return lang.L("Yes/no")
	case store.EvalChoice:
		return lang.L("One choice")
	case store.EvalChoices:
		return lang.L("Several choices")
	}
	return lang.L("Free text")
}
