package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// SoundKind is a check-in outcome that can be heard.
type SoundKind int

// The check-in sounds, one per outcome.
const (
	SoundCheckedIn SoundKind = iota + 1 // checked in on time
	SoundAlreadyIn                      // already checked in, nothing recorded
	SoundLate                           // late, or recorded with a warning, or a question
	SoundNotFound                       // not found, not registered, not recorded
)

// SoundKinds lists every check-in sound.
var SoundKinds = []SoundKind{SoundCheckedIn, SoundAlreadyIn, SoundLate, SoundNotFound}

// String names the sound, for logs and test failures.
func (k SoundKind) String() string {
	switch k {
	case SoundCheckedIn:
		return "checked in"
	case SoundAlreadyIn:
		return "already in"
	case SoundLate:
		return "late"
	case SoundNotFound:
		return "not found"
	}
	return "no sound"
}

// Sound plays the check-in sounds. Play is called on the UI thread and
// must return at once, and never fail loudly: with no audio device it
// stays silent.
type Sound interface {
	Play(SoundKind)
}

// prefCheckInSound keeps whether the check-in plays its sounds (on unless
// turned off).
const prefCheckInSound = "checkin_sound"

// outcomeSounds maps the banner's outcomes to their sounds; the others
// (ready, a choice to make) are silent.
var outcomeSounds = map[outcome]SoundKind{
	outcomeIn:      SoundCheckedIn,
	outcomeAlready: SoundAlreadyIn,
	outcomeLate:    SoundLate,
	outcomeMiss:    SoundNotFound,
}

// soundOn reports whether the check-in sounds are on.
func (u *App) soundOn() bool {
	return u.app.Preferences().BoolWithFallback(prefCheckInSound, true)
}

// playOutcome plays the sound of a check-in outcome, if it has one and the
// sounds are on.
func (u *App) playOutcome(o outcome) {
	k, ok := outcomeSounds[o]
	if !ok || u.sound == nil || !u.soundOn() {
		return
	}
	u.sound.Play(k)
}

// soundMenuItem is the checkable menu item that turns the check-in sounds
// on and off, saved in the preferences.
func (u *App) soundMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Check-in sounds"), nil)
	it.Checked = u.soundOn()
	it.Action = func() {
		it.Checked = !u.soundOn()
		u.app.Preferences().SetBool(prefCheckInSound, it.Checked)
		if m := u.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	return it
}
