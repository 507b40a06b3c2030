package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// formKeys is the keyboard behaviour every form in a dialog shares: Enter
// in a one-line field, on a choice or on a tick box saves (in a text of
// several lines it starts a new line); Ctrl+S (Cmd+S) saves wherever the
// focus is; Escape cancels wherever the focus is. Saving keeps the form
// open, with its problems shown, until it is valid.
//
// A form makes its fields with the constructors of its formKeys (entry,
// multiLine, selectEntry, dateEntry, choice, check), its dialog with
// dialog, and shows it with show. Keys typed while no field has the focus,
// or while one that does not take shortcuts has it, are caught on the
// window's canvas for as long as the form is the top dialog.
type formKeys struct {
	save    func() bool // saves the form; false keeps it open
	dlg     *dialog.CustomDialog
	win     fyne.Window
	overlay fyne.CanvasObject // the dialog's pop-up, while shown
	// afterClose, when set by save, runs once the form has closed: a
	// dialog it opens then stays (one opened while the form is still
	// shown would be taken down with it).
	afterClose func()
}

// submit saves the form and closes it once saved.
func (k *formKeys) submit() {
	if k.dlg == nil || k.save == nil {
		return
	}
	if k.save() {
		k.dlg.Hide()
	}
}

// cancel closes the form without saving.
func (k *formKeys) cancel() {
	if k.dlg != nil {
		k.dlg.Hide()
	}
}

// typedKey handles Escape, and Enter when enterSaves; it reports whether
// it took the key.
func (k *formKeys) typedKey(ev *fyne.KeyEvent, enterSaves bool) bool {
	switch {
	case ev.Name == fyne.KeyEscape:
		k.cancel()
	case enterSaves && (ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter):
		k.submit()
	default:
		return false
	}
	return true
}

// typedShortcut saves on Ctrl+S; it reports whether it took s.
func (k *formKeys) typedShortcut(s fyne.Shortcut) bool {
	if s.ShortcutName() != shortcutSave.ShortcutName() {
		return false
	}
	k.submit()
	return true
}

// dialog makes the form's dialog with Cancel and a confirm button that
// closes it only when save reports success; see newKeepOpenDialog.
func (k *formKeys) dialog(title, confirm string, content fyne.CanvasObject, save func() bool, win fyne.Window) (*dialog.CustomDialog, *widget.Button) {
	d, ok := newKeepOpenDialog(title, confirm, content, save, win)
	k.dlg, k.save, k.win = d, save, win
	return d, ok
}

// show shows the dialog and catches the form's keys on the window's canvas
// until it closes.
func (k *formKeys) show() {
	k.dlg.Show()
	c := k.win.Canvas()
	k.overlay = c.Overlays().Top()
	onTop := func() bool { return k.overlay != nil && c.Overlays().Top() == k.overlay }
	previous := c.OnTypedKey()
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if onTop() && k.typedKey(ev, false) {
			return
		}
		if previous != nil {
			previous(ev)
		}
	})
	c.AddShortcut(shortcutSave, func(s fyne.Shortcut) {
		if onTop() {
			k.typedShortcut(s)
		}
	})
	k.dlg.SetOnClosed(func() {
		k.overlay = nil
		c.RemoveShortcut(shortcutSave)
		c.SetOnTypedKey(previous)
		if then := k.afterClose; then != nil {
			k.afterClose = nil
			then()
		}
	})
}

// entry makes a one-line field: Enter saves.
func (k *formKeys) entry() *formEntry {
	e := &formEntry{keys: k}
	e.OnSubmitted = func(string) { k.submit() }
	e.ExtendBaseWidget(e)
	return e
}

// multiLine makes a field of several lines, wrapped at words: Enter starts
// a new line, Ctrl+S saves.
func (k *formKeys) multiLine() *formEntry {
	e := &formEntry{keys: k}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	return e
}

// selectEntry makes a field that may be typed or picked from options.
func (k *formKeys) selectEntry(options []string) *formSelectEntry {
	e := &formSelectEntry{keys: k}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetOptions(options)
	e.OnSubmitted = func(string) { k.submit() }
	return e
}

// dateEntry makes a date field, typed as YYYY-MM-DD or picked from a
// calendar.
func (k *formKeys) dateEntry() *formDateEntry {
	e := &formDateEntry{keys: k}
	e.ExtendBaseWidget(e)
	e.setUp(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.OnSubmitted = func(string) { k.submit() }
	return e
}

// country makes a country box that suggests while typing (see
// countryInput); Enter with no suggestion showing saves.
func (k *formKeys) country(onChange func(string)) *countryInput {
	c := newCountryInput(onChange)
	c.keys = k
	c.OnSubmitted = func(string) { k.submit() }
	return c
}

// choice makes a drop-down list of options.
func (k *formKeys) choice(options []string, changed func(string)) *formSelect {
	s := &formSelect{keys: k}
	s.Options, s.OnChanged = options, changed
	s.ExtendBaseWidget(s)
	return s
}

// check makes a tick box.
func (k *formKeys) check(label string, changed func(bool)) *formCheck {
	c := &formCheck{keys: k}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

// dialogButton is a button of a dialog: Escape on it closes the dialog.
type dialogButton struct {
	widget.Button
	onEscape func()
}

func newDialogButton(label string, tapped, escape func()) *dialogButton {
	b := &dialogButton{onEscape: escape}
	b.Text, b.OnTapped = label, tapped
	b.ExtendBaseWidget(b)
	return b
}

// TypedKey closes the dialog on Escape; Space and Enter press the button.
func (b *dialogButton) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyEscape:
		b.onEscape()
	case fyne.KeyReturn, fyne.KeyEnter:
		b.Button.TypedKey(&fyne.KeyEvent{Name: fyne.KeySpace}) // Fyne's buttons take only Space
	default:
		b.Button.TypedKey(ev)
	}
}

// formEntry is a text field of a form; see formKeys.
type formEntry struct {
	widget.Entry
	keys *formKeys
}

// TypedKey cancels on Escape and otherwise types as usual (Enter submits
// a one-line field through OnSubmitted).
func (e *formEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.keys.typedKey(ev, false) {
		e.Entry.TypedKey(ev)
	}
}

// TypedShortcut saves on Ctrl+S and otherwise behaves as an entry.
func (e *formEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.keys.typedShortcut(s) {
		e.Entry.TypedShortcut(s)
	}
}

// formSelectEntry is a field of a form typed or picked from options.
type formSelectEntry struct {
	widget.SelectEntry
	keys *formKeys
}

// TypedKey cancels on Escape and otherwise types as usual.
func (e *formSelectEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.keys.typedKey(ev, false) {
		e.SelectEntry.TypedKey(ev)
	}
}

// TypedShortcut saves on Ctrl+S and otherwise behaves as an entry.
func (e *formSelectEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.keys.typedShortcut(s) {
		e.SelectEntry.TypedShortcut(s)
	}
}

// formDateEntry is a date field of a form.
type formDateEntry struct {
	dateEntry
	keys *formKeys
}

// TypedKey cancels on Escape and otherwise types as usual.
func (e *formDateEntry) TypedKey(ev *fyne.KeyEvent) {
	if !e.keys.typedKey(ev, false) {
		e.dateEntry.TypedKey(ev)
	}
}

// TypedShortcut saves on Ctrl+S and otherwise behaves as an entry.
func (e *formDateEntry) TypedShortcut(s fyne.Shortcut) {
	if !e.keys.typedShortcut(s) {
		e.dateEntry.TypedShortcut(s)
	}
}

// formSelect is a drop-down list of a form. It takes no shortcuts, so
// Ctrl+S reaches the canvas, where formKeys catches it.
type formSelect struct {
	widget.Select
	keys *formKeys
}

// TypedKey saves on Enter, cancels on Escape, and otherwise moves through
// the options as usual.
func (s *formSelect) TypedKey(ev *fyne.KeyEvent) {
	if !s.keys.typedKey(ev, true) {
		s.Select.TypedKey(ev)
	}
}

// formCheck is a tick box of a form; Space ticks it.
type formCheck struct {
	widget.Check
	keys *formKeys
}

// TypedKey saves on Enter and cancels on Escape.
func (c *formCheck) TypedKey(ev *fyne.KeyEvent) {
	if !c.keys.typedKey(ev, true) {
		c.Check.TypedKey(ev)
	}
}
