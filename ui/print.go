package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// savePDF asks where to save a PDF (suggesting name), runs write (an
// operation of ui/ops that writes the file at path) in the background with
// a progress bar, then offers to open it in the system's PDF viewer.
func savePDF(u *App, name string, write func(path string) error, done func(path string)) {
	askSavePath(u, name, ".pdf", func(path string) { writePDF(u, path, write, done) })
}

// askSavePath asks where to save a file (suggesting name, with the
// extension ext such as ".pdf") and runs then with the path, ext added if
// the name typed lacks it. The save dialog creates the file empty: that
// empty file is removed, so that the file written is new (private, 0600)
// and nothing empty is left behind when writing fails.
func askSavePath(u *App, name, ext string, then func(path string)) {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if info, err := os.Lstat(path); err == nil && info.Mode().IsRegular() && info.Size() == 0 {
			os.Remove(path)
		}
		if !strings.EqualFold(filepath.Ext(path), ext) {
			path += ext
		}
		then(path)
	}, u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{ext}))
	startInDocuments(u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// writePDF writes the file in the background, then reports.
func writePDF(u *App, path string, write func(path string) error, done func(path string)) {
	runInBackground(u, lang.L("Writing the PDF…"), func() error { return write(path) }, func() {
		showWritten(u, path)
		if done != nil {
			done(path) // last, once the screen says where the file went
		}
	})
}

// openFile opens path with the system's viewer. Where there is none (no
// default PDF viewer, no xdg-open), it says where the file is instead of
// the system's error.
func openFile(u *App, path string) {
	if err := systemOpen(u.app, path); err != nil {
		fyne.LogError("open "+path, err)
		showPath(u, lang.L("The file could not be opened"),
			lang.L("No program to open it was found on this computer. The file is saved here; open it from your file manager or PDF viewer:"), path)
	}
}

// showPreviewFile is the one way every preview is shown: it asks the
// system's viewer to open the file and always says where the file is,
// for a system that has no PDF viewer may accept the request and show
// nothing.
func showPreviewFile(u *App, path string) {
	msg := lang.L("The preview is marked “PREVIEW — not a certificate”. It opens in your PDF viewer; if nothing opens, open it from your file manager:")
	if err := systemOpen(u.app, path); err != nil {
		fyne.LogError("open "+path, err)
		msg = lang.L("No program to open it was found on this computer. The preview is saved here; open it from your file manager or PDF viewer:")
	}
	u.lastPreview = showPath(u, lang.L("Preview"), msg, path)
}

// showPath shows a message and a path that can be selected and copied.
func showPath(u *App, title, text, path string) *dialog.CustomDialog {
	msg := widget.NewLabel(text)
	msg.Wrapping = fyne.TextWrapWord
	where := widget.NewEntry()
	where.SetText(path) // selectable, to copy
	d := dialog.NewCustom(title, lang.L("Close"), container.NewVBox(msg, where), u.win)
	d.Resize(fyne.NewSize(560, 0))
	d.Show()
	return d
}

// showWritten says where the PDF went and offers to open it.
func showWritten(u *App, path string) {
	d := dialog.NewConfirm(lang.L("PDF ready"), path, func(open bool) {
		if open {
			openFile(u, path)
		}
	}, u.win)
	d.SetConfirmText(lang.L("Open"))
	d.SetDismissText(lang.L("Close"))
	d.Show()
}

// printBadges asks for the layout, then writes the badges of people
// (ops.Badges), asking first about names with a lost letter.
func printBadges(ws *workshopScreen, people []store.Participant) {
	layouts := []string{lang.L("A4 sheets of 8 badges (90 × 55 mm, with cutting marks)"), lang.L("A6, one badge per page")}
	choice := widget.NewRadioGroup(layouts, nil)
	choice.SetSelected(layouts[0])
	intro := widget.NewLabel(fmt.Sprintf(lang.L("Badges for the %d participants listed, in the table's order: name in Latin letters and in their own script, organisation, country, role and a QR code of the badge code for check-in."), len(people)))
	intro.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Print badges"), lang.L("Save PDF…"), lang.L("Cancel"), container.NewVBox(intro, choice), func(ok bool) {
		if !ok {
			return
		}
		layout, suffix := pdf.BadgeA4x8, "badges-a4"
		if choice.Selected == layouts[1] {
			layout, suffix = pdf.BadgeA6, "badges-a6"
		}
		req := ops.BadgeRequest{Data: ws.data.Clone(), People: people, Layout: layout}
		save := func() {
			savePDF(ws.u, ws.data.Workshop.Code+"-"+suffix+".pdf", func(path string) error {
				req.Out = path
				_, err := ops.Badges(req)
				return err
			}, nil)
		}
		if lost := ops.LostLetterNames(people); len(lost) > 0 {
			ws.u.lastLostLetters = askLostLetters(ws.u, lost, func() {
				req.AllowLostLetters = true
				save()
			})
			return
		}
		save()
	}, ws.u.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// printSignInSheet writes the paper sign-in sheet of a session
// (ops.SignInSheet).
func printSignInSheet(ws *workshopScreen, se store.Session) {
	d := ws.data.Clone()
	savePDF(ws.u, ops.SignInFileName(&d.Workshop, se), func(path string) error {
		_, err := ops.SignInSheet(d, se, path)
		return err
	}, nil)
}

// askLostLetters names the people whose names still hold a "?" standing
// for a letter lost to an 8-bit export (badges and certificates refuse
// them), and runs then if the user prints anyway.
func askLostLetters(u *App, list []ops.LostLetterName, then func()) *dialog.ConfirmDialog {
	d := dialog.NewConfirm(lang.L("Names with a lost letter"),
		fmt.Sprintf(lang.L("These names still hold a \"?\" where a letter was lost when the list was saved: %s.\nCorrect them in Participants, or print anyway."),
			ops.LostLetterList(list)), func(ok bool) {
			if ok {
				then()
			}
		}, u.win)
	d.SetConfirmText(lang.L("Print anyway"))
	d.SetDismissText(lang.L("Fix names"))
	d.Show()
	return d
}
