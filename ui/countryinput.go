package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// maxHints is how many country suggestions show under the box.
const maxHints = 5

// countryInput is a country box that suggests countries while typing:
// the matches show as buttons right under it (not in a pop-up, which
// would take the keyboard away from the box), ↑/↓ choose one, Enter or a
// click takes it, Escape hides them. The list button still offers them
// all. Put field, not the input itself, in a form.
type countryInput struct {
	widget.SelectEntry
	field    *fyne.Container // the box and its suggestions
	hints    *fyne.Container
	options  []string // the suggestions shown
	sel      int      // the suggestion Enter takes
	typing   bool     // the box has the keyboard
	onChange func(string)
	keys     *formKeys // the form's keys, when the box is in one
}

func newCountryInput(onChange func(string)) *countryInput {
	c := &countryInput{onChange: onChange}
	c.ExtendBaseWidget(c)
	c.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	c.SetOptions(countryOptions(""))
	c.hints = container.NewVBox()
	c.hints.Hide()
	c.field = container.NewVBox(c, c.hints)
	c.OnChanged = c.changed
	return c
}

// changed narrows the choices and, while the user is typing in the box,
// shows them under it.
func (c *countryInput) changed(s string) {
	opts := countryOptions(s)
	c.SetOptions(opts)
	if !c.typing || s == "" || (len(opts) == 1 && opts[0] == s) {
		c.hide()
	} else {
		c.options, c.sel = opts[:min(len(opts), maxHints)], 0
		c.showHints()
	}
	if c.onChange != nil {
		c.onChange(s)
	}
}

func (c *countryInput) showHints() {
	c.hints.Objects = c.hints.Objects[:0]
	for i, o := range c.options {
		b := widget.NewButton(o, func() { c.take(o) })
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		if i == c.sel {
			b.Importance = widget.HighImportance
		}
		c.hints.Add(b)
	}
	c.hints.Show()
	c.hints.Refresh()
	c.field.Refresh()
}

func (c *countryInput) hide() {
	c.options = nil
	if c.hints.Visible() {
		c.hints.Hide()
		c.field.Refresh()
	}
}

// take puts a suggestion in the box.
func (c *countryInput) take(name string) {
	c.hide()
	c.SetText(name)
	c.CursorColumn = len([]rune(name))
	if cv := fyne.CurrentApp().Driver().CanvasForObject(c); cv != nil {
		cv.Focus(c)
	}
}

// TypedKey moves among the suggestions and takes one; otherwise the box
// behaves as usual.
func (c *countryInput) TypedKey(ev *fyne.KeyEvent) {
	if len(c.options) > 0 {
		switch ev.Name {
		case fyne.KeyDown:
			c.sel = min(c.sel+1, len(c.options)-1)
			c.showHints()
			return
		case fyne.KeyUp:
			c.sel = max(c.sel-1, 0)
			c.showHints()
			return
		case fyne.KeyReturn, fyne.KeyEnter:
			c.take(c.options[c.sel])
			return
		case fyne.KeyEscape:
			c.hide()
			return
		}
	}
	if c.keys != nil && c.keys.typedKey(ev, false) {
		return
	}
	c.SelectEntry.TypedKey(ev)
}

// TypedShortcut saves the form on Ctrl+S and otherwise behaves as an
// entry.
func (c *countryInput) TypedShortcut(s fyne.Shortcut) {
	if c.keys != nil && c.keys.typedShortcut(s) {
		return
	}
	c.SelectEntry.TypedShortcut(s)
}

// FocusGained notes that typing goes to the box.
func (c *countryInput) FocusGained() {
	c.typing = true
	c.SelectEntry.FocusGained()
}

// FocusLost hides the suggestions.
func (c *countryInput) FocusLost() {
	c.typing = false
	c.hide()
	c.SelectEntry.FocusLost()
}
