package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// newKeepOpenDialog makes a dialog with Cancel and a confirm button that
// closes only when onConfirm reports success, so that a form with invalid
// input stays open with its problems shown.
// Escape on either button closes the dialog.
// It returns the dialog and its confirm button.
func newKeepOpenDialog(title, confirm string, content fyne.CanvasObject, onConfirm func() bool, win fyne.Window) (*dialog.CustomDialog, *widget.Button) {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	cancel := newDialogButton(lang.L("Cancel"), d.Hide, d.Hide)
	ok := newDialogButton(confirm, func() {
		if onConfirm() {
			d.Hide()
		}
	}, d.Hide)
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	return d, &ok.Button
}

// withProblem puts a hidden red label under a form field and registers it
// in errs under name, for the form to show the field's problem.
func withProblem(field fyne.CanvasObject, name string, errs map[string]*widget.Label) fyne.CanvasObject {
	l := widget.NewLabel("")
	l.Importance = widget.DangerImportance
	l.Wrapping = fyne.TextWrapWord
	l.Hide()
	errs[name] = l
	return container.NewVBox(field, l)
}

// clearProblems hides what an earlier attempt to save a form showed.
func clearProblems(errs map[string]*widget.Label, general *widget.Label) {
	for _, l := range errs {
		l.Hide()
	}
	general.SetText("")
	general.Hide()
}

// showProblems shows why a form was not saved: each field's problem of a
// store.ValidationError under its field (registered by withProblem), and
// the problems of other fields, or any other error, in general.
func showProblems(err error, errs map[string]*widget.Label, general *widget.Label) {
	var verr store.ValidationError
	if !errors.As(err, &verr) {
		general.SetText(storeMessage(err.Error()))
		general.Show()
		return
	}
	var other []string
	for _, fe := range verr {
		if l := errs[fe.Field]; l != nil {
			l.SetText(storeMessage(fe.Message))
			l.Show()
		} else {
			other = append(other, fe.Field+": "+storeMessage(fe.Message))
		}
	}
	general.SetText(strings.Join(other, "\n"))
	general.Hidden = len(other) == 0
	general.Refresh()
}
