package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// runInBackground runs work off the UI goroutine behind a dialog titled
// title with a busy bar, so that a long write (a report of thousands of
// rows, a backup of a big file) never freezes the window. Back on the UI
// goroutine it shows work's error, or calls done.
func runInBackground(u *App, title string, work func() error, done func()) {
	wait := dialog.NewCustomWithoutButtons(title, container.NewPadded(widget.NewProgressBarInfinite()), u.win)
	wait.Show()
	go func() {
		err := work()
		fyne.Do(func() {
			wait.Hide()
			if err != nil {
				u.showError(err)
				return
			}
			if done != nil {
				done()
			}
		})
	}()
}
