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
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// Preference key: the recovery key's sheet has been offered for this file
// and the passphrase declined at the first workshop.
const prefPassphraseOffered = "passphrase_offered"

// unlockScreen asks for the passphrase of a protected data file: when it
// is opened, and when the window has locked itself after an idle time.
// Nothing of the file shows until it is unlocked.
type unlockScreen struct {
	u        *App
	title    *widget.Label
	entry    *widget.Entry
	problem  *widget.Label // "The passphrase is wrong." and the like
	open     *widget.Button
	recovery *widget.Button // switches between passphrase and recovery key
	useKey   bool
	content  fyne.CanvasObject
}

func newUnlockScreen(u *App, locked bool) *unlockScreen {
	s := &unlockScreen{u: u, entry: widget.NewPasswordEntry(), problem: widget.NewLabel("")}
	s.title = widget.NewLabelWithStyle(lang.L("This data file is protected by a passphrase"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if locked {
		s.title.SetText(lang.L("Workshop Desk is locked"))
	}
	s.entry.SetPlaceHolder(lang.L("Passphrase"))
	s.entry.OnSubmitted = func(string) { s.submit() }
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Hide()
	s.open = widget.NewButtonWithIcon(lang.L("Open"), theme.ConfirmIcon(), s.submit)
	s.open.Importance = widget.HighImportance
	s.recovery = widget.NewButton(lang.L("Use the recovery key"), s.toggle)
	what := widget.NewLabel(lang.L("Type the passphrase to see the workshops. If it is forgotten, the recovery key on the recovery sheet opens the file and lets you choose a new passphrase.") +
		"\n\n" + u.path)
	what.Wrapping = fyne.TextWrapWord
	card := container.NewVBox(container.NewHBox(widget.NewIcon(theme.VisibilityOffIcon()), s.title), what, s.entry, s.problem,
		container.NewHBox(s.open, s.recovery, widget.NewButton(lang.L("Quit"), u.app.Quit)))
	s.content = container.NewCenter(container.NewGridWrap(fyne.NewSize(620, 340), container.NewPadded(card)))
	return s
}

// toggle switches between typing the passphrase and the recovery key.
func (s *unlockScreen) toggle() {
	s.useKey = !s.useKey
	s.entry.SetText("")
	s.problem.Hide()
	if s.useKey {
		s.entry.SetPlaceHolder(lang.L("Recovery key, e.g. ABCD-EFGH-…"))
		s.recovery.SetText(lang.L("Use the passphrase"))
	} else {
		s.entry.SetPlaceHolder(lang.L("Passphrase"))
		s.recovery.SetText(lang.L("Use the recovery key"))
	}
	s.u.win.Canvas().Focus(s.entry)
}

// submit unlocks the file with what was typed and opens it; a wrong
// passphrase is said so, and nothing changes.
func (s *unlockScreen) submit() {
	secret := store.Secret{Passphrase: s.entry.Text}
	if s.useKey {
		secret = store.Secret{RecoveryKey: s.entry.Text}
	}
	if s.entry.Text == "" {
		return
	}
	if err := store.Unlock(s.u.path, secret); err != nil {
		s.problem.SetText(passphraseProblem(err))
		s.problem.Show()
		s.entry.SetText("")
		return
	}
	s.u.lock.touch()
	s.u.openData()
	if s.useKey && s.u.st != nil {
		// A forgotten passphrase: choose a new one now.
		s.u.askNewPassphrase(secret, lang.L("Choose a new passphrase"))
	}
}

// passphraseProblem says in the screen's language what is wrong with a
// passphrase or recovery key given.
func passphraseProblem(err error) string {
	var pe *store.PassphraseError
	switch {
	case errors.As(err, &pe) && pe.Recovery:
		return lang.L("The recovery key is wrong. Nothing was changed.")
	case errors.As(err, &pe) && !pe.Missing:
		return lang.L("The passphrase is wrong. Nothing was changed.")
	case errors.Is(err, store.ErrPassphraseTooShort):
		return fmt.Sprintf(lang.L("The passphrase must have at least %d characters."), store.MinPassphraseLength)
	}
	return err.Error()
}

// showPassphraseMenu is File › Passphrase…: set one, or change or remove
// the one the file has.
func (u *App) showPassphraseMenu() {
	if u.st == nil {
		return
	}
	if !u.st.HasPassphrase() {
		u.askNewPassphrase(store.Secret{}, lang.L("Protect the data file with a passphrase"))
		return
	}
	msg := widget.NewLabel(lang.L("The data file and its backups are protected by a passphrase."))
	msg.Wrapping = fyne.TextWrapWord
	var d *dialog.CustomDialog
	change := widget.NewButton(lang.L("Change the passphrase…"), func() { d.Hide(); u.askCurrent(false) })
	remove := widget.NewButton(lang.L("Remove the passphrase…"), func() { d.Hide(); u.askCurrent(true) })
	d = dialog.NewCustom(lang.L("Passphrase"), lang.L("Close"), container.NewVBox(msg, container.NewHBox(change, remove)), u.win)
	d.Resize(fyne.NewSize(520, 0))
	d.Show()
}

// askCurrent asks for the current passphrase, then for a new one
// (change) or removes it (remove).
func (u *App) askCurrent(remove bool) {
	current := widget.NewPasswordEntry()
	title, confirm, note := lang.L("Change the passphrase"), lang.L("Next"), ""
	if remove {
		title, confirm = lang.L("Remove the passphrase"), lang.L("Remove")
		note = lang.L("The records are then stored plain: anyone with the laptop or a copy of the file can read them. The backups made so far stay protected.")
	}
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Current passphrase"), current)}
	d := u.passphraseForm(title, confirm, note, items, func() {
		secret := store.Secret{Passphrase: current.Text}
		if err := store.Unlock(u.path, secret); err != nil {
			dialog.ShowInformation(title, passphraseProblem(err), u.win)
			return
		}
		if !remove {
			u.askNewPassphrase(secret, title)
			return
		}
		u.changeFile(func() (string, error) { return "", store.RemovePassphrase(u.path, secret, store.Options{}) })
	})
	current.OnSubmitted = func(string) { d.submit() }
	u.win.Canvas().Focus(current)
}

// secretForm is a dialog of password fields: Enter in the last one, or the
// confirm button, submits it.
type secretForm struct {
	dialog *dialog.ConfirmDialog
	done   func()
}

func (f *secretForm) submit() {
	f.dialog.Hide()
	f.done()
}

// passphraseForm shows a dialog with a note (optional) above the form
// items; done runs when it is confirmed.
func (u *App) passphraseForm(title, confirm, note string, items []*widget.FormItem, done func()) *secretForm {
	box := container.NewVBox()
	if note != "" {
		l := widget.NewLabel(note)
		l.Wrapping = fyne.TextWrapWord
		box.Add(l)
	}
	box.Add(widget.NewForm(items...))
	f := &secretForm{done: done}
	f.dialog = dialog.NewCustomConfirm(title, confirm, lang.L("Cancel"), box, func(ok bool) {
		if ok {
			done()
		}
	}, u.win)
	f.dialog.Resize(fyne.NewSize(560, 0))
	f.dialog.Show()
	return f
}

// askNewPassphrase asks for a new passphrase twice and sets it; current
// unlocks a file that has one.
func (u *App) askNewPassphrase(current store.Secret, title string) {
	first, again := widget.NewPasswordEntry(), widget.NewPasswordEntry()
	note := fmt.Sprintf(lang.L("Names, emails, organisations, notes, answers and comments are then unreadable without it, in the data file and in every backup. At least %d characters; a few unrelated words are easy to remember and hard to guess."), store.MinPassphraseLength)
	items := []*widget.FormItem{widget.NewFormItem(lang.L("New passphrase"), first), widget.NewFormItem(lang.L("Type it again"), again)}
	d := u.passphraseForm(title, lang.L("Set passphrase"), note, items, func() {
		var msg string
		switch {
		case len([]rune(first.Text)) < store.MinPassphraseLength:
			msg = passphraseProblem(store.ErrPassphraseTooShort)
		case first.Text != again.Text:
			msg = lang.L("The two passphrases typed differ.")
		}
		if msg != "" {
			// The form comes back: after the recovery key, the current
			// passphrase is forgotten and this is the only way to a new one.
			info := dialog.NewInformation(title, msg+" "+lang.L("Nothing was changed."), u.win)
			info.SetOnClosed(func() { u.askNewPassphrase(current, title) })
			info.Show()
			return
		}
		u.changeFile(func() (string, error) { return store.SetPassphrase(u.path, current, first.Text, store.Options{}) })
	})
	first.OnSubmitted = func(string) { u.win.Canvas().Focus(again) }
	again.OnSubmitted = func(string) { d.submit() }
	u.win.Canvas().Focus(first)
}

// changeFile closes the data file, runs change (which rewrites it:
// set, change or remove the passphrase), and opens it again; a recovery
// key change returns is shown at once.
func (u *App) changeFile(change func() (string, error)) {
	if err := u.closeStore(); err != nil {
		u.showError(err)
		return
	}
	key, err := change()
	u.openData()
	if err != nil {
		u.showError(errors.New(passphraseProblem(err)))
		return
	}
	if key != "" {
		u.showRecoveryKey(key)
		return
	}
	dialog.ShowInformation(lang.L("Passphrase"), lang.L("Done. A backup was made first."), u.win)
}

// showRecoveryKey shows the recovery key once, and saves the recovery
// sheet to print.
func (u *App) showRecoveryKey(key string) *dialog.CustomDialog {
	msg := widget.NewLabel(lang.L("Save the recovery sheet now and print it: it is the only way into the file if the passphrase is forgotten, and it is shown only this once. Keep it away from the laptop."))
	msg.Wrapping = fyne.TextWrapWord
	shown := widget.NewLabelWithStyle(key, fyne.TextAlignCenter, fyne.TextStyle{Monospace: true, Bold: true})
	shown.Selectable = true
	save := widget.NewButtonWithIcon(lang.L("Save the recovery sheet…"), theme.DocumentSaveIcon(), func() {
		savePDF(u, "workshopdesk-recovery-sheet.pdf", func(path string) error {
			return ops.WriteRecoverySheet(path, key, u.path, Language(), u.now())
		}, nil)
	})
	save.Importance = widget.HighImportance
	d := dialog.NewCustom(lang.L("Recovery key"), lang.L("Done"), container.NewVBox(msg, shown, container.NewCenter(save)), u.win)
	d.Resize(fyne.NewSize(600, 0))
	d.Show()
	return d
}

// offerFirstPassphrase asks, once per data file, whether to protect it
// with a passphrase when its first workshop has been created.
func (u *App) offerFirstPassphrase() {
	if u.st == nil || u.st.HasPassphrase() {
		return
	}
	if list, err := u.st.Workshops(); err != nil || len(list) != 1 {
		return
	}
	prefs := u.app.Preferences()
	if prefs.String(prefPassphraseOffered) == u.path {
		return
	}
	prefs.SetString(prefPassphraseOffered, u.path)
	d := dialog.NewConfirm(lang.L("Protect the participants' data?"),
		lang.L("A passphrase makes names, emails and answers unreadable to anyone who gets hold of the laptop or a backup. It can be set later from File › Passphrase…"),
		func(ok bool) {
			if ok {
				u.askNewPassphrase(store.Secret{}, lang.L("Protect the data file with a passphrase"))
			}
		}, u.win)
	d.SetConfirmText(lang.L("Set a passphrase…"))
	d.SetDismissText(lang.L("Not now"))
	d.Show()
}

// askBackupPassphrase asks for the passphrase of a protected backup (the
// data file being damaged, its key is not known yet), unlocks it and runs
// then.
func (u *App) askBackupPassphrase(backup string, then func()) {
	entry := widget.NewPasswordEntry()
	title := lang.L("This backup is protected by a passphrase")
	items := []*widget.FormItem{widget.NewFormItem(lang.L("Passphrase"), entry)}
	f := u.passphraseForm(title, lang.L("Open"), backup, items, func() {
		if err := store.Unlock(backup, store.Secret{Passphrase: entry.Text}); err != nil {
			dialog.ShowInformation(title, passphraseProblem(err), u.win)
			return
		}
		then()
	})
	entry.OnSubmitted = func(string) { f.submit() }
	u.win.Canvas().Focus(entry)
}
