package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"

	"github.com/workshopdesk/workshopdesk/ui/shell"
)

// lastFolderPref is where Fyne's file dialog keeps the folder it was last
// left in (fyne.io/fyne/v2/dialog).
const lastFolderPref = "fyne:fileDialogLastFolder"

// startInDocuments makes a file dialog open in the user's Documents folder
// until one has been used: from then on Fyne opens it where the last one
// was left. Without a Documents folder, Fyne's default (the home folder)
// stays.
func startInDocuments(a fyne.App, d *dialog.FileDialog) {
	if loc := documentsLocation(a); loc != nil {
		d.SetLocation(loc)
	}
}

// documentsLocation is the folder a file dialog starts in when none has
// been used yet: the Documents folder; nil otherwise.
func documentsLocation(a fyne.App) fyne.ListableURI {
	if a.Preferences().String(lastFolderPref) != "" {
		return nil
	}
	dir := shell.Documents()
	if dir == "" {
		return nil
	}
	loc, err := storage.ListerForURI(storage.NewFileURI(dir))
	if err != nil {
		return nil
	}
	return loc
}
