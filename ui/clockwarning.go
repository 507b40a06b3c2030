package ui

import (
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
)

// warnClock shows, once for each warning, the store's word that the
// computer's clock looks wrong: a change dated before the newest one
// already in the file, or long after it. The change was saved all the
// same; the times of check-ins (and so who is late) follow the clock.
// It is called after a check-in and when a section is shown, so that a
// change made anywhere is warned about soon.
func (u *App) warnClock() {
	if u.st == nil {
		return
	}
	w := u.st.ClockWarning()
	if w == "" || w == u.clockWarned {
		return
	}
	u.clockWarned = w
	dialog.ShowInformation(lang.L("Check the computer's clock"), w, u.win)
}
