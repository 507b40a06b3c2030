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

// mainMenu builds the File, Go, View and Help menus.
func (u *App) mainMenu() *fyne.MainMenu {
	item := func(label string, action func(), shortcut fyne.Shortcut) *fyne.MenuItem {
		i := fyne.NewMenuItem(label, action)
		i.Shortcut = shortcut
		return i
	}
	file := fyne.NewMenu(lang.L("File"),
		item(lang.L("New workshop…"), u.newWorkshop, shortcutNewWorkshop),
		item(lang.L("New participant…"), u.newParticipant, shortcutNewParticipant),
		item(lang.L("Find participant"), u.findParticipant, shortcutFind),
		item(lang.L("Import participants…"), u.importParticipants, shortcutImport),
		fyne.NewMenuItem(lang.L("Open the sample workshop"), u.openSample),
		fyne.NewMenuItem(lang.L("Join a shared workshop…"), u.joinWorkshop), // laptops_join.go
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("All workshops"), func() {
			if u.st != nil {
				u.showHome()
			}
		}),
		fyne.NewMenuItem(lang.L("Across workshops…"), func() { u.showSeries() }),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Back up now"), func() { u.backupNow(nil) }, shortcutBackup),
		fyne.NewMenuItem(lang.L("Restore a backup…"), u.restoreBackup),
		fyne.NewMenuItem(lang.L("Passphrase…"), u.showPassphraseMenu),
		fyne.NewMenuItem(lang.L("Lock now"), u.lockIfProtected),
	)
	var goItems []*fyne.MenuItem
	for i, sec := range workshopSections() {
		goItems = append(goItems, item(lang.L(sec.name), func() { u.showSection(i) }, shortcutSections[i]))
	}
	goItems = append(goItems, fyne.NewMenuItemSeparator(),
		item(lang.L("Next tab"), func() { u.stepTab(1) }, shortcutNextTab),
		item(lang.L("Previous tab"), func() { u.stepTab(-1) }, shortcutPrevTab),
		fyne.NewMenuItemSeparator(),
		item(lang.L("Check-in box"), func() { u.checkInBox() }, shortcutCheckIn),
		item(lang.L("Not yet arrived"), u.notYetArrived, shortcutNotArrived))
	goMenu := fyne.NewMenu(lang.L("Go"), goItems...)
	view := fyne.NewMenu(lang.L("View"), u.soundMenuItem(), u.csvMenuItem(), u.idleLockMenuItem())
	help := fyne.NewMenu(lang.L("Help"),
		fyne.NewMenuItem(lang.L("Verify a certificate…"), u.showVerify),
		u.languageMenuItem(),
		fyne.NewMenuItemSeparator(),
		fyne.NewMenuItem(lang.L("About Workshop Desk"), u.showAbout))
	return fyne.NewMainMenu(file, goMenu, view, help)
}

// showSection switches the open workshop to one of its sections and
// reports whether a workshop is open.
func (u *App) showSection(i int) bool {
	if u.workshop == nil {
		return false
	}
	u.workshop.tabs.SelectIndex(i)
	u.warnClock()
	return true
}

// stepTab shows the next (+1) or previous (-1) tab of the open section,
// for sections with tabs (Attendance), wrapping round.
func (u *App) stepTab(step int) {
	if u.workshop == nil || u.workshop.tabs.SelectedIndex() != sectionAttendance {
		return
	}
	tabs := u.workshop.attendance.tabs
	n := len(tabs.Items)
	tabs.SelectIndex((tabs.SelectedIndex() + step + n) % n)
}

// checkInBox shows the check-in screen with the cursor in its search box,
// from anywhere in the open workshop.
func (u *App) checkInBox() *checkInView {
	if !u.showSection(sectionAttendance) {
		return nil
	}
	a := u.workshop.attendance
	a.tabs.SelectIndex(0)
	a.checkIn.focus()
	return a.checkIn
}

// notYetArrived shows (or hides again) who is expected at the check-in
// session and has not arrived.
func (u *App) notYetArrived() {
	if v := u.checkInBox(); v != nil {
		v.toggleWaiting()
	}
}

// newParticipant opens the participant form of the open workshop.
func (u *App) newParticipant() {
	if u.showSection(sectionParticipants) {
		showParticipantForm(u.workshop, nil)
	}
}

// importParticipants opens the import wizard of the open workshop.
func (u *App) importParticipants() {
	if u.showSection(sectionParticipants) {
		showImportWizard(u.workshop)
	}
}

// findParticipant puts the cursor in the open workshop's participant search.
func (u *App) findParticipant() {
	if u.showSection(sectionParticipants) {
		u.win.Canvas().Focus(u.workshop.participants.search)
	}
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
