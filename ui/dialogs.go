package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
)

// newKeepOpenDialog makes a dialog with Cancel and a confirm button that
// closes only when onConfirm reports success, so that a form with invalid
// input stays open with its problems shown.
// It returns the dialog and its confirm button.
func newKeepOpenDialog(title, confirm string, content fyne.CanvasObject, onConfirm func() bool, win fyne.Window) (*dialog.CustomDialog, *widget.Button) {
	d := dialog.NewCustomWithoutButtons(title, content, win)
	cancel := widget.NewButton(lang.L("Cancel"), d.Hide)
	ok := widget.NewButton(confirm, func() {
		if onConfirm() {
			d.Hide()
		}
	})
	ok.Importance = widget.HighImportance
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	return d, ok
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
