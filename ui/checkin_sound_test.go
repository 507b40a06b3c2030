package ui

import (
	"path/filepath"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// fakeSound records the sounds asked for instead of playing them.
type fakeSound struct{ played []SoundKind }

func (f *fakeSound) Play(k SoundKind) { f.played = append(f.played, k) }

// take returns the sounds played since the last call.
func (f *fakeSound) take() []SoundKind {
	p := f.played
	f.played = nil
	return p
}

// startSampleWithSound opens the sample workshop's check-in screen at now,
// in app a, with its sounds going to f.
func startSampleWithSound(t *testing.T, a fyne.App, now time.Time, f *fakeSound) (*App, *checkInView) {
	t.Helper()
	clock := func() time.Time { return now }
	path := filepath.Join(t.TempDir(), "w.db")
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1100, 720))
	u := Start(a, w, Config{DataPath: path, Version: "test", Now: clock, Sound: f, Open: func(p string) (*store.Store, error) {
		return store.Open(p, store.Options{NoAutoBackup: true, Now: clock})
	}})
	t.Cleanup(func() { u.Close() })
	u.openSample()
	u.showSection(sectionAttendance)
	return u, u.workshop.attendance.checkIn
}

// soundMenuItem finds the check-in sound setting in the window's menus.
func soundMenuItem(t *testing.T, u *App) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == "Check-in sounds" {
				return it
			}
		}
	}
	t.Fatal("no “Check-in sounds” menu item")
	return nil
}

// TestCheckInSoundPerOutcome checks that each outcome plays its own sound,
// on by default, and that a question (several match) plays none.
func TestCheckInSoundPerOutcome(t *testing.T) {
	f := &fakeSound{}
	u, v := startSampleWithSound(t, test.NewTempApp(t), addisMorning, f)
	if it := soundMenuItem(t, u); !it.Checked {
		t.Error("check-in sounds are off by default, want on")
	}
	hear := func(what string, want ...SoundKind) {
		t.Helper()
		if got := f.take(); !slices.Equal(got, want) {
			t.Errorf("%s played %v, want %v", what, got, want)
		}
	}
	hear("opening the screen")
	test.Type(v.search, "ozturk")
	pressEnter(v)
	hear("checked in", SoundCheckedIn)
	test.Type(v.search, "ozturk")
	pressEnter(v)
	hear("already in", SoundAlreadyIn)
	test.Type(v.search, "XXXXX")
	pressEnter(v)
	hear("not found", SoundNotFound)
	test.Type(v.search, "bel")
	pressEnter(v)
	hear("several match")
	v = setClock(u, addisMorning.Add(20*time.Minute)) // 09:25: late
	test.Type(v.search, "traore")
	pressEnter(v)
	hear("late", SoundLate)
}

// TestCheckInSoundOff checks that the menu setting silences the check-in,
// is kept in the preferences, and turns the sounds back on.
func TestCheckInSoundOff(t *testing.T) {
	a := test.NewTempApp(t)
	f := &fakeSound{}
	u, v := startSampleWithSound(t, a, addisMorning, f)
	it := soundMenuItem(t, u)
	it.Action()
	if it.Checked {
		t.Error("the menu item is still checked after turning the sounds off")
	}
	test.Type(v.search, "ozturk")
	pressEnter(v)
	test.Type(v.search, "XXXXX")
	pressEnter(v)
	if v.outcome != outcomeMiss {
		t.Fatalf("outcome %v, want not found", v.outcome)
	}
	if len(f.played) > 0 {
		t.Errorf("sounds off, yet %v played", f.played)
	}

	// The next start of the app remembers the setting.
	f2 := &fakeSound{}
	u2, v2 := startSampleWithSound(t, a, addisMorning, f2)
	it2 := soundMenuItem(t, u2)
	if it2.Checked {
		t.Error("after a restart the sounds are on again, want off as left")
	}
	test.Type(v2.search, "XXXXX")
	pressEnter(v2)
	if len(f2.played) > 0 {
		t.Errorf("sounds off after a restart, yet %v played", f2.played)
	}
	it2.Action()
	test.Type(v2.search, "XXXXX")
	pressEnter(v2)
	if !slices.Equal(f2.played, []SoundKind{SoundNotFound}) || !it2.Checked {
		t.Errorf("turned back on: played %v, checked %v", f2.played, it2.Checked)
	}
}

// TestCheckInWithoutSoundPlayer checks that an app given no player (as in
// tests and headless runs) checks people in silently.
func TestCheckInWithoutSoundPlayer(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	test.Type(v.search, "ozturk")
	pressEnter(v)
	if v.outcome != outcomeIn {
		t.Fatalf("outcome %v, want checked in", v.outcome)
	}
	soundMenuItem(t, u)
}
