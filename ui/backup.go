package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// backupNow writes a backup of the open file in the background and says
// where; done, if set, is called after.
func (u *App) backupNow(done func()) {
	if u.st == nil {
		return
	}
	st, path := u.st, ""
	runInBackground(u, lang.L("Writing a backup…"), func() (err error) {
		if path, err = st.Backup(); err != nil {
			return fmt.Errorf(lang.L("the backup could not be written: %w"), err)
		}
		return nil
	}, func() {
		dialog.ShowInformation(lang.L("Backup saved"), path, u.win)
		if done != nil {
			done()
		}
	})
}

// restoreBackup lets the user pick a backup, confirms, then replaces the
// open file with it (the current file is kept as a backup first). A
// locked app offers nothing behind its lock screen.
func (u *App) restoreBackup() {
	if u.unlock != nil {
		return
	}
	chooseBackup(u, func(backup string) {
		msg := lang.L("Replace all current data with this backup? The current data is kept as a backup first, so this can be undone by restoring that one.")
		dialog.ShowConfirm(lang.L("Restore backup"), msg+"\n\n"+backup, func(ok bool) {
			if !ok {
				return
			}
			if err := u.closeStore(); err != nil {
				u.showError(err)
				return
			}
			saved, err := store.Restore(u.path, backup)
			u.openData()
			if err != nil {
				u.showError(err)
				return
			}
			dialog.ShowInformation(lang.L("Backup restored"),
				fmt.Sprintf(lang.L("The data was restored. The file it replaced was kept as:\n%s"), saved), u.win)
		}, u.win)
	})
}

// chooseBackup shows the backups of the data file, newest first, and calls
// pick with the one chosen.
func chooseBackup(u *App, pick func(path string)) {
	list, err := store.Backups(u.path)
	if err != nil {
		u.showError(err)
		return
	}
	if len(list) == 0 {
		dialog.ShowInformation(lang.L("No backups"), lang.L("There are no backups of this data file yet.")+"\n"+store.BackupDir(u.path), u.win)
		return
	}
	p := &backupPicker{}
	u.lastPicker = p
	var d dialog.Dialog
	p.list = widget.NewList(func() int { return len(list) },
		func() fyne.CanvasObject { return widget.NewLabel("2026-11-26 23:59 local · 9999 KB") },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			b := list[i]
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %d KB", b.Time.Local().Format("2006-01-02 15:04:05"), (b.Size+1023)/1024))
		})
	p.list.OnSelected = func(i widget.ListItemID) {
		d.Hide()
		pick(list[i].Path)
	}
	content := container.NewBorder(widget.NewLabel(lang.L("Choose the backup to restore:")), nil, nil, nil, p.list)
	d = dialog.NewCustom(lang.L("Backups"), lang.L("Cancel"), container.NewGridWrap(fyne.NewSize(420, 300), content), u.win)
	d.Show()
}

// backupPicker is the list of backups shown by chooseBackup.
type backupPicker struct {
	list *widget.List
}
