package ui

import (
	"errors"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"
)

// lastJoinForm is the join form last shown, for tests.
var lastJoinForm *joinForm

// joinForm is the form of File › Join a shared workshop….
type joinForm struct {
	folder, code, name *widget.Entry
	dialog             *dialog.CustomDialog
	join               *widget.Button
}

// joinWorkshop asks for the shared folder and the join code shown on the
// laptop that shares the workshop, joins it and opens it.
func (u *App) joinWorkshop() {
	if u.st == nil {
		return
	}
	f := &joinForm{folder: widget.NewEntry(), code: widget.NewEntry(), name: widget.NewEntry()}
	f.code.SetPlaceHolder("XXXX-XXXX-XXXX")
	f.name.SetText(defaultLaptopName())
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.FolderOpenIcon(), func() {
		dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				f.folder.SetText(dir.Path())
			}
		}, u.win).Show()
	})
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Shared folder"), container.NewBorder(nil, nil, nil, choose, f.folder)),
		widget.NewFormItem(lang.L("Join code"), f.code),
		widget.NewFormItem(lang.L("This laptop's name"), f.name),
	)
	note := wrapLabel(lang.L("The join code is shown on the laptop that shares the workshop, in Workshop › Laptops."))
	cancel := widget.NewButton(lang.L("Cancel"), nil)
	f.join = widget.NewButtonWithIcon(lang.L("Join"), theme.ConfirmIcon(), nil)
	f.join.Importance = widget.HighImportance
	f.dialog = dialog.NewCustomWithoutButtons(lang.L("Join a shared workshop"),
		container.NewVBox(note, form, container.NewHBox(cancel, f.join)), u.win)
	cancel.OnTapped = f.dialog.Hide
	f.join.OnTapped = func() {
		folder, code := strings.TrimSpace(f.folder.Text), strings.TrimSpace(f.code.Text)
		if folder == "" || code == "" {
			u.showError(errors.New(lang.L("Give the shared folder and the join code.")))
			return
		}
		var id uuid.UUID
		runInBackground(u, lang.L("Join a shared workshop"), func() (err error) {
			id, _, err = u.st.Join(folder, code, strings.TrimSpace(f.name.Text))
			return syncProblem(err)
		}, func() {
			f.dialog.Hide()
			u.showWorkshop(id)
		})
	}
	f.dialog.Resize(fyne.NewSize(560, 0))
	lastJoinForm = f
	f.dialog.Show()
}
