package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/widget"
)

// emptyState is the message of a section with nothing to show yet,
// centred and wrapped to the section's width. (A wrapping label inside
// container.NewCenter gets no width and is drawn one letter per line.)
func emptyState(text string) fyne.CanvasObject {
	l := widget.NewLabelWithStyle(text, fyne.TextAlignCenter, fyne.TextStyle{})
	l.Wrapping = fyne.TextWrapWord
	return container.NewVBox(layout.NewSpacer(), l, layout.NewSpacer())
}
