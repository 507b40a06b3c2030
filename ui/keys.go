package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// Shortcuts shared by the menus and the forms.
var (
	shortcutNewWorkshop    = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNewParticipant = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
	shortcutFind           = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutImport         = &desktop.CustomShortcut{KeyName: fyne.KeyI, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutBackup         = &desktop.CustomShortcut{KeyName: fyne.KeyB, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutSave           = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
)

// Shortcuts that move around the app without a mouse.
var (
	// shortcutSections are Ctrl+1 … Ctrl+9: the workshop's sections, in
	// tab order.
	shortcutSections = func() []*desktop.CustomShortcut {
		keys := []fyne.KeyName{fyne.Key1, fyne.Key2, fyne.Key3, fyne.Key4, fyne.Key5, fyne.Key6, fyne.Key7, fyne.Key8, fyne.Key9}
		out := make([]*desktop.CustomShortcut, len(keys))
		for i, k := range keys {
			out[i] = &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault}
		}
		return out
	}()
	shortcutCheckIn    = &desktop.CustomShortcut{KeyName: fyne.KeyK, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNotArrived = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutNextTab    = &desktop.CustomShortcut{KeyName: fyne.KeyPageDown, Modifier: fyne.KeyModifierShortcutDefault}
	shortcutPrevTab    = &desktop.CustomShortcut{KeyName: fyne.KeyPageUp, Modifier: fyne.KeyModifierShortcutDefault}
)

// stepSelect is a Select whose ↑ and ↓ move one option up or down (and
// stop at the ends), as in a list, rather than opening the menu with the
// last option marked; Space still opens the menu.
type stepSelect struct {
	widget.Select
}

func newStepSelect(options []string, changed func(string)) *stepSelect {
	s := &stepSelect{}
	s.Options, s.OnChanged = options, changed
	s.PlaceHolder = "(Select one)"
	s.ExtendBaseWidget(s)
	return s
}

// TypedKey moves on ↑ and ↓ and otherwise behaves as a Select.
func (s *stepSelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp:
		if i := s.SelectedIndex(); i > 0 {
			s.SetSelectedIndex(i - 1)
		}
	case fyne.KeyDown:
		if i := s.SelectedIndex(); i < len(s.Options)-1 {
			s.SetSelectedIndex(i + 1)
		}
	default:
		s.Select.TypedKey(ev)
	}
}

// focusArea holds a screen and calls onTap when a click lands on no
// control of it (a label, the background, a banner), as a window does
// when it takes the focus away: the screen can then give it back to
// where typing belongs.
type focusArea struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onTap   func()
}

func newFocusArea(content fyne.CanvasObject, onTap func()) *focusArea {
	f := &focusArea{content: content, onTap: onTap}
	f.ExtendBaseWidget(f)
	return f
}

// CreateRenderer shows the content.
func (f *focusArea) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(f.content) }

// Tapped calls onTap.
func (f *focusArea) Tapped(*fyne.PointEvent) { f.onTap() }
