package ui

import (
	"image/color"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// Preference key: minutes of inactivity after which the window locks
// itself (0: never, the default).
const prefIdleLock = "idle_lock_minutes"

// idleLockMinutes is the idle time offered in View › Lock when idle.
const idleLockMinutes = 15

// idleLock tracks the last use of the window: a key, a mouse move, a
// change written to the data file (a scanned check-in).
type idleLock struct {
	mu     sync.Mutex
	last   time.Time
	writes uint64
	now    func() time.Time
}

func (l *idleLock) touch() {
	l.mu.Lock()
	l.last = l.now()
	l.mu.Unlock()
}

// idleFor returns how long the window has not been used; writes is the
// data file's count of changes, which counts as use when it has moved.
func (l *idleLock) idleFor(writes uint64) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if writes != l.writes || l.last.IsZero() {
		l.writes, l.last = writes, l.now()
	}
	return l.now().Sub(l.last)
}

// activitySensor lies under the whole window's content. Fyne asks every
// object under the mouse pointer for its cursor as the pointer moves, so
// Cursor tells the idle lock the window is in use; the content's own
// cursors (text fields) are asked after it and win.
type activitySensor struct {
	widget.BaseWidget
	touch func()
}

func newActivitySensor(touch func()) *activitySensor {
	s := &activitySensor{touch: touch}
	s.ExtendBaseWidget(s)
	return s
}

// CreateRenderer draws nothing.
func (s *activitySensor) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(canvas.NewRectangle(color.Transparent))
}

// Cursor notes a mouse move and leaves the cursor as it is.
func (s *activitySensor) Cursor() desktop.Cursor {
	s.touch()
	return desktop.DefaultCursor
}

// idleMinutes is the chosen idle time; 0 means never lock.
func (u *App) idleMinutes() int { return u.app.Preferences().Int(prefIdleLock) }

// idleLockMenuItem is View › Lock after 15 minutes idle (for a data file
// with a passphrase).
func (u *App) idleLockMenuItem() *fyne.MenuItem {
	it := fyne.NewMenuItem(lang.L("Lock after 15 minutes idle"), nil)
	it.Checked = u.idleMinutes() > 0
	it.Action = func() {
		minutes := idleLockMinutes
		if u.idleMinutes() > 0 {
			minutes = 0
		}
		u.app.Preferences().SetInt(prefIdleLock, minutes)
		it.Checked = minutes > 0
		u.lock.touch()
		if m := u.win.MainMenu(); m != nil {
			m.Refresh()
		}
	}
	return it
}

// startIdleWatch checks twice a minute whether to lock.
func (u *App) startIdleWatch() {
	u.lock.touch()
	if c, ok := u.win.Canvas().(desktop.Canvas); ok {
		c.SetOnKeyDown(func(*fyne.KeyEvent) { u.lock.touch() })
	}
	ticker, stop := time.NewTicker(30*time.Second), make(chan struct{})
	u.stopIdle = func() {
		ticker.Stop()
		close(stop)
	}
	go func() {
		for {
			select {
			case <-ticker.C:
				fyne.Do(u.checkIdle)
			case <-stop:
				return
			}
		}
	}()
}

// checkIdle locks the window when it has not been used for the chosen
// idle time and the data file has a passphrase.
func (u *App) checkIdle() {
	minutes := u.idleMinutes()
	if minutes <= 0 || u.st == nil || !u.st.HasPassphrase() {
		u.lock.touch()
		return
	}
	if u.lock.idleFor(u.st.Writes()) >= time.Duration(minutes)*time.Minute {
		u.lockNow()
	}
}

// lockIfProtected is File › Lock now: it locks the window when the data
// file has a passphrase, and otherwise says that it needs one.
func (u *App) lockIfProtected() {
	if u.st == nil {
		return
	}
	if !u.st.HasPassphrase() {
		dialog.ShowInformation(lang.L("Lock now"), lang.L("Only a data file protected by a passphrase can be locked: set one from File › Passphrase…"), u.win)
		return
	}
	u.lockNow()
}

// lockNow hides everything, closes the data file, forgets its key and
// the certificate previews, and asks for the passphrase again.
func (u *App) lockNow() {
	c := u.win.Canvas()
	for _, o := range c.Overlays().List() {
		c.Overlays().Remove(o) // open dialogs would show data
	}
	if err := u.closeStore(); err != nil {
		fyne.LogError("lock", err)
	}
	store.ForgetKeys()
	ops.RemovePreviews()
	u.home, u.workshop = nil, nil
	u.unlock = newUnlockScreen(u, true)
	u.show(u.unlock.content)
	u.win.SetTitle(lang.L("Workshop Desk"))
	c.Focus(u.unlock.entry)
}
