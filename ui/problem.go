package ui

import (
	"errors"
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// problemScreen is shown instead of the workshops when the data file cannot
// be opened: it says why in plain words and offers the way forward (try
// again, restore a backup, quit). It never changes the file by itself.
type problemScreen struct {
	u       *App
	title   *widget.Label
	message *widget.Label
	retry   *widget.Button
	restore *widget.Button // restore the latest backup, when there is one
	choose  *widget.Button // choose among the backups
	quit    *widget.Button
	content fyne.CanvasObject
}

func newProblemScreen(u *App, err error) *problemScreen {
	p := &problemScreen{
		u:       u,
		title:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		message: widget.NewLabel(err.Error()),
		retry:   widget.NewButtonWithIcon(lang.L("Try again"), theme.ViewRefreshIcon(), u.openData),
		quit:    widget.NewButton(lang.L("Quit"), u.app.Quit),
	}
	p.message.Wrapping = fyne.TextWrapWord
	p.retry.Importance = widget.HighImportance
	buttons := container.NewHBox(p.retry)

	var locked *store.LockedError
	var damaged *store.DamagedError
	var tooNew *store.TooNewError
	switch {
	case errors.As(err, &locked):
		p.title.SetText(lang.L("Workshop Desk is already open"))
		p.message.SetText(lang.L("The data file is in use by another Workshop Desk window or program. Switch to that window, or close it and press Try again.") +
			"\n\n" + locked.Path)
	case errors.As(err, &damaged):
		p.title.SetText(lang.L("The data file cannot be opened"))
		p.message.SetText(fmt.Sprintf("%s\n\n%s\n\n%s", damaged.Path, damaged.Reason,
			lang.L("The file has not been changed. You can restore a backup: the damaged file is kept beside the backups.")))
		p.retry.Importance = widget.MediumImportance
		if damaged.LatestBackup != "" {
			p.restore = widget.NewButtonWithIcon(lang.L("Restore latest backup"), theme.HistoryIcon(), func() {
				p.restoreFrom(damaged.LatestBackup)
			})
			p.restore.Importance = widget.HighImportance
			buttons.Add(p.restore)
		}
		p.choose = widget.NewButton(lang.L("Choose a backup…"), func() { chooseBackup(u, p.restoreFrom) })
		buttons.Add(p.choose)
	case errors.As(err, &tooNew):
		p.title.SetText(lang.L("This data file needs a newer Workshop Desk"))
		p.retry.Hide()
	default:
		p.title.SetText(lang.L("The data file cannot be opened"))
	}
	buttons.Add(p.quit)
	icon := widget.NewIcon(theme.WarningIcon())
	card := container.NewVBox(container.NewHBox(icon, p.title), p.message, buttons)
	p.content = container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 320), container.NewPadded(card)))
	return p
}

// restoreFrom replaces the data file by a backup and opens it.
func (p *problemScreen) restoreFrom(backup string) {
	saved, err := store.Restore(p.u.path, backup)
	var pe *store.PassphraseError
	if errors.As(err, &pe) && pe.Missing {
		p.u.askBackupPassphrase(backup, func() { p.restoreFrom(backup) })
		return
	}
	if err != nil {
		dialog.ShowError(err, p.u.win)
		return
	}
	p.u.openData()
	if p.u.st != nil && saved != "" {
		dialog.ShowInformation(lang.L("Backup restored"),
			fmt.Sprintf(lang.L("The data was restored. The file it replaced was kept as:\n%s"), saved), p.u.win)
	}
}
