package ui

import (
	"errors"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// Config is what the caller gives the screens.
type Config struct {
	DataPath string // the data file, resolved by the caller
	Open     Opener // opens it
	Version  string // shown in About
	// Now returns the current time; nil means time.Now. Tests fix it.
	Now func() time.Time
	// Sound plays the check-in sounds; nil means silence.
	Sound Sound
}

// Opener opens the data file at path. The desktop app passes store.Open
// with its options; tests pass one that opens a file under t.TempDir().
type Opener func(path string) (*store.Store, error)

// Preference keys.
const (
	prefLastWorkshop = "last_workshop"
	prefWidth        = "window_width"
	prefHeight       = "window_height"
)

// App drives the main window: it opens the data file, shows the welcome or
// the workshop list, a workshop's sections, and the menus.
type App struct {
	app     fyne.App
	win     fyne.Window
	now     func() time.Time // the clock; tests fix it
	path    string
	open    Opener
	version string
	st      *store.Store // nil while the data file is not open
	sound   Sound        // nil: silent

	root     *fyne.Container // holds the current screen
	phones   *phonesView     // the test or evaluation open for phones, if any
	home     *homeScreen
	workshop *workshopScreen
	problem  *problemScreen // shown while the data file cannot be opened
	form     *workshopForm  // the workshop form while it is open

	lastPicker *backupPicker // the backup list last shown
	// The preview message and the lost-letter question last shown, for
	// tests.
	lastPreview     *dialog.CustomDialog
	lastLostLetters *dialog.ConfirmDialog

	clockWarned string // the clock warning last shown

	unlock   *unlockScreen   // shown while a protected data file is locked
	lock     idleLock        // the window's last use, for the idle lock
	stopIdle func()          // stops the idle lock's ticker
	loading  *workshopScreen // a workshop's frame while it is loaded
}

// Start opens the data file in window w and shows the first
// screen: the last workshop used, the workshop list, the welcome choices,
// or, when the file cannot be opened, what to do about it.
func Start(a fyne.App, w fyne.Window, cfg Config) *App {
	u := &App{app: a, win: w, path: cfg.DataPath, open: cfg.Open, version: cfg.Version, root: container.NewStack(), now: cfg.Now, sound: cfg.Sound}
	if u.now == nil {
		u.now = time.Now
	}
	u.lock.now = u.now
	applyLanguagePreference(a.Preferences())
	a.Settings().SetTheme(newTheme())
	w.SetContent(container.NewStack(newActivitySensor(u.lock.touch), u.root))
	w.SetMainMenu(u.mainMenu())
	u.restoreWindowSize()
	// Saved as the window closes: once the app has stopped, Fyne has
	// written its preferences for the last time (the size set after
	// ShowAndRun returned was lost).
	w.SetOnClosed(u.saveWindowSize)
	// Typing that reaches no widget (after a click took the focus away)
	// goes to the check-in box when the check-in view is showing.
	w.Canvas().SetOnTypedRune(func(r rune) {
		if v := u.checkInShowing(); v != nil {
			v.focus()
			v.search.TypedRune(r)
		}
	})
	w.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if v := u.checkInShowing(); v != nil {
			v.focus()
			v.search.TypedKey(ev)
		}
	})
	u.openData()
	u.startIdleWatch()
	return u
}

// Close saves the window size and closes the data file.
func (u *App) Close() error {
	u.saveWindowSize()
	if u.stopIdle != nil {
		u.stopIdle()
		u.stopIdle = nil
	}
	u.stopPhones() // the windows are gone already: only the server is stopped
	protected := u.st != nil && u.st.HasPassphrase()
	err := u.closeStore()
	if protected {
		ops.RemovePreviews()
	}
	return err
}

// saveWindowSize keeps the window's size for the next start.
func (u *App) saveWindowSize() {
	size := u.win.Canvas().Size()
	if size.Width < 1 || size.Height < 1 {
		return // already closed
	}
	u.app.Preferences().SetFloat(prefWidth, float64(size.Width))
	u.app.Preferences().SetFloat(prefHeight, float64(size.Height))
}

// checkInShowing returns the check-in view when it is what the window
// shows, with no dialog over it.
func (u *App) checkInShowing() *checkInView {
	if u.workshop == nil || u.workshop.attendance == nil { // not built until first shown
		return nil
	}
	if v := u.workshop.attendance.checkIn; v.showing() {
		return v
	}
	return nil
}

func (u *App) closeStore() error {
	u.closePhones()
	if u.st == nil {
		return nil
	}
	err := u.st.Close()
	u.st = nil
	return err
}

// openData opens the data file and shows the first screen, or the problem.
func (u *App) openData() {
	st, err := u.open(u.path)
	var pe *store.PassphraseError
	if errors.As(err, &pe) && pe.Missing {
		u.unlock = newUnlockScreen(u, false)
		u.show(u.unlock.content)
		u.win.Canvas().Focus(u.unlock.entry)
		return
	}
	if err != nil {
		u.problem = newProblemScreen(u, err)
		u.show(u.problem.content)
		return
	}
	u.st, u.problem, u.unlock = st, nil, nil
	if id, err := uuid.Parse(u.app.Preferences().String(prefLastWorkshop)); err == nil {
		if _, err := st.Workshop(id); err == nil {
			u.showWorkshop(id)
			return
		}
	}
	u.showHome()
}

func (u *App) show(o fyne.CanvasObject) {
	u.loading = nil
	u.root.Objects = []fyne.CanvasObject{o}
	u.root.Refresh()
}

// showHome shows the workshop list, or the welcome choices when there is
// no workshop yet.
func (u *App) showHome() {
	u.workshop = nil
	u.app.Preferences().RemoveValue(prefLastWorkshop)
	u.home = newHomeScreen(u)
	u.show(u.home.content)
	u.win.SetTitle(lang.L("Workshop Desk"))
}

// showWorkshop opens a workshop's sections: a big one from elsewhere is
// loaded in the background behind its frame (workshop_loading.go).
func (u *App) showWorkshop(id uuid.UUID) {
	if old := u.workshop; old == nil || old.data.Workshop.ID != id {
		if w, big := u.bigWorkshop(id); big {
			u.openInBackground(w)
			return
		}
	}
	ws, err := newWorkshopScreen(u, id)
	if err != nil {
		u.showError(err)
		u.showHome()
		return
	}
	if old := u.workshop; old != nil && old.data.Workshop.ID == id {
		ws.tabs.SelectIndex(old.tabs.SelectedIndex()) // stay in the same section
		if old.participants != nil && old.participants.focusOn != uuid.Nil {
			ws.ensure(sectionParticipants)
			ws.participants.reveal(old.participants.focusOn)
		}
		if old.attendance != nil {
			ws.ensure(sectionAttendance)
			ws.attendance.carry(old.attendance)
		}
		// Keying in goes on where it was: the tab, what was typed, the
		// sheet or form shown back and its Undo (a language chosen
		// mid-work redraws the screen).
		if old.quiz != nil {
			ws.ensure(sectionTests)
			ws.quiz.carry(old.quiz)
		}
		if old.evaluation != nil {
			ws.ensure(sectionEvaluation)
			ws.evaluation.carry(old.evaluation)
		}
	}
	u.home = nil
	u.workshop = ws
	u.app.Preferences().SetString(prefLastWorkshop, id.String())
	u.show(ws.content)
	u.win.SetTitle(ws.data.Workshop.Title + " – " + lang.L("Workshop Desk"))
}

// openSample creates the sample workshop (or finds it) and opens it.
func (u *App) openSample() {
	if u.st == nil {
		return
	}
	w, err := u.st.FindWorkshop(store.DemoCode)
	if errors.Is(err, store.ErrNotFound) {
		w, err = u.st.InitDemo()
	}
	if err != nil {
		u.showError(err)
		return
	}
	u.showWorkshop(w.ID)
}

// showError shows err in plain words.
func (u *App) showError(err error) {
	dialog.ShowError(err, u.win)
}

func (u *App) restoreWindowSize() {
	p := u.app.Preferences()
	w, h := p.FloatWithFallback(prefWidth, 1000), p.FloatWithFallback(prefHeight, 700) // fits 1024 × 768
	u.win.Resize(fyne.NewSize(float32(max(w, 640)), float32(max(h, 480))))
}

// formatDates renders a workshop's dates as "25–27 Nov 2026".
func formatDates(from, to store.Date) string {
	if from.IsZero() {
		return ""
	}
	a := time.Date(from.Year, from.Month, from.Day, 0, 0, 0, 0, time.UTC)
	b := time.Date(to.Year, to.Month, to.Day, 0, 0, 0, 0, time.UTC)
	switch {
	case from == to:
		return localDate(a, "2 Jan 2006")
	case from.Year == to.Year && from.Month == to.Month:
		return a.Format("2") + "–" + localDate(b, "2 Jan 2006")
	case from.Year == to.Year:
		return localDate(a, "2 Jan") + " – " + localDate(b, "2 Jan 2006")
	}
	return localDate(a, "2 Jan 2006") + " – " + localDate(b, "2 Jan 2006")
}

// count renders a number with its noun through the translations, in the
// language's singular or plural form: one and many are the English forms,
// with {{.Count}} for n, and one is the key of the translations.
func count(n int, one, many string) string { return plural(n, one, many) }
