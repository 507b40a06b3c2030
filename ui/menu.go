package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// mainMenu builds the File and Help menus.
func (u *App) mainMenu() *fyne.MainMenu {
	newWorkshop := fyne.NewMenuItem(lang.L("New workshop…"), u.newWorkshop)
	newWorkshop.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	backup := fyne.NewMenuItem(lang.L("Back up now"), u.backupNow)
	backup.Shortcut = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	file := fyne.NewMenu(lang.L("File"),
		newWorkshop,
		fyne.NewMenuItem(lang.L("Open the sample workshop"), u.openSample),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("All workshops"), func() {
			if u.st != nil {
				u.showHome()
			}
		}),
		fyne.NewMenuItemSeparator(),
		backup,
		fyne.NewMenuItem(lang.L("Restore a backup…"), u.restoreBackup),
	)
	help := fyne.NewMenu(lang.L("Help"), fyne.NewMenuItem(lang.L("About Workshop Desk"), u.showAbout))
	return fyne.NewMainMenu(file, help)
}

// addShortcuts registers the window's keyboard shortcuts (the menu's are
// registered by the menu itself on desktop drivers).
func (u *App) addShortcuts() {
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.newWorkshop() })
	u.win.Canvas().AddShortcut(&desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault},
		func(fyne.Shortcut) { u.backupNow() })
}

func (u *App) newWorkshop() {
	if u.st != nil {
		showWorkshopForm(u, nil)
	}
}

// showAbout shows the version and where the data and its backups live.
func (u *App) showAbout() {
	version := widget.NewLabel(fmt.Sprintf(lang.L("Version %s"), u.version))
	data := widget.NewLabel(u.path)
	data.Wrapping = fyne.TextWrapBreak
	backups := widget.NewLabel(store.BackupDir(u.path))
	backups.Wrapping = fyne.TextWrapBreak
	about := widget.NewLabel(lang.L("Runs training workshops offline: participants, agenda, attendance and certificates."))
	about.Wrapping = fyne.TextWrapWord
	content := container.NewVBox(about, version,
		widget.NewLabelWithStyle(lang.L("Data file"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), data,
		widget.NewLabelWithStyle(lang.L("Backups"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), backups)
	d := dialog.NewCustom(lang.L("About Workshop Desk"), lang.L("Close"), content, u.win)
	d.Resize(fyne.NewSize(520, 360))
	d.Show()
}
