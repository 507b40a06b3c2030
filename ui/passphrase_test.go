package ui

import (
	"crypto/sha256"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

const uiPassphrase = "tea at the plenary"

// lockClock is a settable clock for the idle lock.
type lockClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *lockClock) now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *lockClock) advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// protectedDemo makes a data file with the sample workshop, protected by
// uiPassphrase, whose key this process has forgotten (as at a new start).
// It returns the path and the recovery key.
func protectedDemo(t *testing.T) (string, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workshopdesk.db")
	st, err := testOpener(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.InitDemo(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	key, err := store.SetPassphrase(path, store.Secret{}, uiPassphrase, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	store.ForgetKeys()
	return path, key
}

// startClocked starts the UI on path with the clock c.
func startClocked(t *testing.T, path string, c *lockClock) (*App, fyne.Window) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1024, 768))
	u := Start(a, w, Config{DataPath: path, Open: testOpener, Version: "test", Now: c.now})
	t.Cleanup(func() {
		if err := u.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		w.Close()
	})
	return u, w
}

func sha(t *testing.T, path string) [32]byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return sha256.Sum256(data)
}

// lastButton is the newest button labelled text (that of the dialog
// shown last).
func lastButton(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	for _, o := range objects(w) {
		if d, ok := o.(*dialogButton); ok {
			o = &d.Button
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text {
			found = b
		}
	}
	if found == nil {
		t.Fatalf("no button %q on screen", text)
	}
	return found
}

// passwordEntries returns the password fields on screen, in order.
func passwordEntries(w fyne.Window) []*widget.Entry {
	var out []*widget.Entry
	for _, o := range objects(w) {
		if e, ok := o.(*widget.Entry); ok && e.Password && e.Visible() {
			out = append(out, e)
		}
	}
	return out
}

func TestPassphrasePromptAtOpenAndWrongPassphrase(t *testing.T) {
	path, _ := protectedDemo(t)
	before := sha(t, path)
	u, w := startClocked(t, path, &lockClock{t: time.Now()})
	if u.st != nil || u.unlock == nil || !hasText(w, "This data file is protected by a passphrase") {
		t.Fatal("a protected file opened without its passphrase, or no prompt")
	}
	if containsText(w, "Abebe") {
		t.Error("a participant's name shows before the passphrase")
	}
	test.Type(u.unlock.entry, "not the passphrase")
	test.Tap(u.unlock.open)
	if !hasText(w, "The passphrase is wrong. Nothing was changed.") || u.st != nil {
		t.Fatal("no message for a wrong passphrase")
	}
	if sha(t, path) != before {
		t.Fatal("a wrong passphrase changed the file")
	}
	test.Type(u.unlock.entry, uiPassphrase)
	test.Tap(u.unlock.open)
	if u.st == nil || u.unlock != nil {
		t.Fatal("the right passphrase did not open the file")
	}
}

func TestRecoveryKeyAtOpenAsksForANewPassphrase(t *testing.T) {
	path, key := protectedDemo(t)
	u, w := startClocked(t, path, &lockClock{t: time.Now()})
	test.Tap(u.unlock.recovery)
	test.Type(u.unlock.entry, strings.ToLower(key))
	test.Tap(u.unlock.open)
	if u.st == nil {
		t.Fatal("the recovery key did not open the file")
	}
	fields := passwordEntries(w)
	if len(fields) != 2 || !hasText(w, "Choose a new passphrase") {
		t.Fatalf("no form for a new passphrase (%d fields)", len(fields))
	}
	test.Type(fields[0], "a fresh passphrase")
	test.Type(fields[1], "a fresh passphrase")
	test.Tap(button(t, w, "Set passphrase"))
	if err := u.closeStore(); err != nil {
		t.Fatal(err)
	}
	store.ForgetKeys()
	if err := store.Unlock(path, store.Secret{Passphrase: "a fresh passphrase"}); err != nil {
		t.Fatalf("the new passphrase does not open the file: %v", err)
	}
}

func TestIdleLockAfterFifteenMinutes(t *testing.T) {
	path, _ := protectedDemo(t)
	clock := &lockClock{t: time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)}
	u, w := startClocked(t, path, clock)
	test.Type(u.unlock.entry, uiPassphrase)
	test.Tap(u.unlock.open)
	u.openSample()
	if u.workshop == nil {
		t.Fatal("the sample workshop did not open")
	}
	u.checkIdle()
	clock.advance(time.Hour)
	u.checkIdle()
	if u.st == nil {
		t.Fatal("locked although the idle lock is off (the default)")
	}
	u.idleLockMenuItem().Action()
	if u.idleMinutes() != 15 {
		t.Fatalf("idle lock: %d minutes", u.idleMinutes())
	}
	clock.advance(14 * time.Minute)
	u.checkIdle()
	if u.st == nil {
		t.Fatal("locked after 14 minutes")
	}
	u.lock.touch() // a mouse move
	clock.advance(14 * time.Minute)
	u.checkIdle()
	if u.st == nil {
		t.Fatal("locked 14 minutes after the last use")
	}
	u.showPassphraseMenu() // a dialog open when the lock comes
	clock.advance(2 * time.Minute)
	u.checkIdle()
	if u.st != nil || u.unlock == nil || !hasText(w, "Workshop Desk is locked") {
		t.Fatal("not locked after 16 minutes idle")
	}
	if n := len(w.Canvas().Overlays().List()); n != 0 {
		t.Errorf("%d dialogs still show over the lock screen", n)
	}
	if containsText(w, "Abebe") || containsText(w, store.DemoCode) {
		t.Error("the locked window shows the workshop")
	}
	test.Type(u.unlock.entry, "wrong")
	test.Tap(u.unlock.open)
	if !hasText(w, "The passphrase is wrong. Nothing was changed.") {
		t.Error("no message for a wrong passphrase at the lock")
	}
	test.Type(u.unlock.entry, uiPassphrase)
	test.Tap(u.unlock.open)
	if u.st == nil || u.workshop == nil {
		t.Fatal("unlocking did not bring the workshop back")
	}
}

func TestSetPassphraseFromTheMenu(t *testing.T) {
	u, w, path := startTest(t)
	u.openSample()
	if raw, _ := os.ReadFile(path); !strings.Contains(string(raw), "Abebe") {
		t.Fatal("the sample's names should be plain before the passphrase")
	}
	u.showPassphraseMenu()
	fields := passwordEntries(w)
	if len(fields) != 2 {
		t.Fatalf("%d password fields", len(fields))
	}
	test.Type(fields[0], "short")
	test.Type(fields[1], "short")
	test.Tap(button(t, w, "Set passphrase"))
	if !containsText(w, "at least 8 characters") {
		t.Fatal("a short passphrase is not refused in words")
	}
	if u.st.HasPassphrase() {
		t.Fatal("a refused passphrase was set")
	}
	u.showPassphraseMenu()
	fields = passwordEntries(w)
	test.Type(fields[len(fields)-2], uiPassphrase)
	test.Type(fields[len(fields)-1], uiPassphrase)
	test.Tap(lastButton(t, w, "Set passphrase"))
	if u.st == nil || !u.st.HasPassphrase() {
		t.Fatal("the file is not protected")
	}
	raw, _ := os.ReadFile(path)
	if strings.Contains(string(raw), "Abebe") {
		t.Error("the protected file holds a name in plain bytes")
	}
	if !button(t, w, "Save the recovery sheet…").Visible() || !hasText(w, "Recovery key") {
		t.Fatal("the file is not open again, or the recovery key is not shown")
	}
}

func TestDamagedProtectedFileRestoresASealedBackup(t *testing.T) {
	path, _ := protectedDemo(t)
	list, err := store.Backups(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("backups: %v %v", list, err)
	}
	backup := list[0].Path
	garbage := []byte(strings.Repeat("not a database ", 2000))
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	u, w := startClocked(t, path, &lockClock{t: time.Now()})
	if u.problem == nil {
		t.Fatal("no problem screen for the damaged file")
	}
	u.problem.restoreFrom(backup)
	fields := passwordEntries(w)
	if len(fields) != 1 || !hasText(w, "This backup is protected by a passphrase") {
		t.Fatalf("no passphrase asked for the sealed backup (%d fields)", len(fields))
	}
	test.Type(fields[0], uiPassphrase)
	test.Tap(lastButton(t, w, "Open"))
	if u.st == nil || u.home == nil || len(u.home.workshops) != 1 {
		t.Fatal("the sealed backup was not restored")
	}
}

func TestFirstWorkshopOffersAPassphrase(t *testing.T) {
	u, w, _ := startTest(t)
	create := func(title, city, country string) {
		t.Helper()
		f := showWorkshopForm(u, nil)
		test.Type(f.title, title)
		test.Type(f.city, city)
		test.Type(&f.country.Entry, country)
		start := time.Date(2027, 3, 8, 0, 0, 0, 0, time.Local)
		f.start.SetDate(&start)
		f.end.SetDate(&start)
		test.Tap(f.saveBtn)
		if u.form != nil {
			t.Fatalf("not saved: %q", f.problem.Text)
		}
	}
	create("Regional workshop on labour migration", "Dakar", "Senegal")
	if !hasText(w, "Protect the participants' data?") {
		t.Fatal("the first workshop does not offer a passphrase")
	}
	test.Tap(lastButton(t, w, "Set a passphrase…"))
	if len(passwordEntries(w)) != 2 {
		t.Fatal("the passphrase form did not open")
	}
	for _, o := range w.Canvas().Overlays().List() {
		w.Canvas().Overlays().Remove(o)
	}
	create("Second workshop on labour migration", "Accra", "Ghana")
	if hasText(w, "Protect the participants' data?") {
		t.Error("the passphrase is offered again")
	}
}
