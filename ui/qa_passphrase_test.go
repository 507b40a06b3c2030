package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// A mismatch after the recovery key opened the file must not end the
// recovery: the passphrase is forgotten, so File › Passphrase… (which asks
// for the current one) is no way back.
func TestRecoveryMismatchAsksForTheNewPassphraseAgain(t *testing.T) {
	path, key := protectedDemo(t)
	u, w := startClocked(t, path, &lockClock{t: time.Now()})
	test.Tap(u.unlock.recovery)
	test.Type(u.unlock.entry, strings.ToLower(key))
	test.Tap(u.unlock.open)
	fields := passwordEntries(w)
	if len(fields) != 2 {
		t.Fatalf("no form for a new passphrase (%d fields)", len(fields))
	}
	test.Type(fields[0], "a fresh passphrase")
	test.Type(fields[1], "a fresh passphrasf")
	test.Tap(button(t, w, "Set passphrase"))
	if !hasText(w, "The two passphrases typed differ. Nothing was changed.") {
		t.Fatal("no message for two different passphrases")
	}
	test.Tap(lastButton(t, w, "OK"))
	fields = passwordEntries(w)
	if len(fields) != 2 || !hasText(w, "Choose a new passphrase") {
		t.Fatalf("after the message, the form for a new passphrase did not come back (%d fields)", len(fields))
	}
	test.Type(fields[0], "a fresh passphrase")
	test.Type(fields[1], "a fresh passphrase")
	test.Tap(lastButton(t, w, "Set passphrase"))
	if err := u.closeStore(); err != nil {
		t.Fatal(err)
	}
	store.ForgetKeys()
	if err := store.Unlock(path, store.Secret{Passphrase: "a fresh passphrase"}); err != nil {
		t.Fatalf("the new passphrase does not open the file: %v", err)
	}
}

// A locked app offers nothing but the passphrase: File › Restore a
// backup… must not replace the file behind the lock screen.
func TestLockedAppDoesNotRestoreABackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshopdesk.db")
	st, err := testOpener(path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.InitDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Backup(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	if _, err := store.SetPassphrase(path, store.Secret{}, uiPassphrase, store.Options{}); err != nil {
		t.Fatal(err)
	}
	store.ForgetKeys()
	u, w := startClocked(t, path, &lockClock{t: time.Now()})
	if u.unlock == nil {
		t.Fatal("no lock screen")
	}
	entries, _ := os.ReadDir(store.BackupDir(path))
	if len(entries) == 0 {
		t.Fatal("no backup to offer")
	}
	u.restoreBackup()
	if hasText(w, "Choose the backup to restore:") {
		t.Fatal("the locked app offers to restore a backup")
	}
}
