package ui

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// eventually waits up to ten seconds for cond, which runs on the test
// goroutine.
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for end := time.Now().Add(10 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("%s: not within 10 s", what)
}

// Workshop › Laptops starts sharing through a folder, shows the join code,
// and Exchange now brings in a check-in and a walk-in from a second laptop,
// which it then lists with its changes.
func TestLaptopsSectionSharesAndExchanges(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	u.showSection(sectionLaptops)
	l := u.workshop.laptops
	folder := t.TempDir()
	l.folder.SetText(folder)
	test.Tap(button(t, w, "Start sharing"))
	id := u.workshop.data.Workshop.ID
	var cfg store.SyncConfig
	eventually(t, "sharing", func() bool {
		var err error
		cfg, err = u.st.SyncSettings(id)
		return err == nil && containsText(w, cfg.JoinCode)
	})

	b, err := store.Open(filepath.Join(t.TempDir(), "b.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.Join(folder, cfg.JoinCode, "Desk B"); err != nil {
		t.Fatal(err)
	}
	walkIn := store.Participant{WorkshopID: id, GivenNames: "Walk", FamilyNames: "In"}
	if err := b.SaveParticipant(&walkIn); err != nil {
		t.Fatal(err)
	}
	if _, err := b.Exchange(id); err != nil {
		t.Fatal(err)
	}
	b.Close()

	test.Tap(button(t, w, "Exchange now"))
	eventually(t, "the exchange", func() bool { return containsText(w, "Desk B:") })
	if !containsText(w, "received") {
		t.Error("the status does not say what came in")
	}
	test.Tap(button(t, w, "Show the changes that came in"))
	eventually(t, "the reload", func() bool {
		for _, p := range u.workshop.data.Participants {
			if p.ID == walkIn.ID {
				return true
			}
		}
		return false
	})
}

// An exchange with the folder gone says so in the section and loses
// nothing.
func TestLaptopsSectionFolderGone(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	u.showSection(sectionLaptops)
	folder := filepath.Join(t.TempDir(), "stick")
	if err := os.Mkdir(folder, 0o700); err != nil {
		t.Fatal(err)
	}
	u.workshop.laptops.folder.SetText(folder)
	test.Tap(button(t, w, "Start sharing"))
	eventually(t, "sharing", func() bool { return u.workshop.laptops.now != nil && u.workshop.laptops.now.Visible() })
	if err := os.Rename(folder, folder+"-out"); err != nil {
		t.Fatal(err)
	}
	test.Tap(button(t, w, "Exchange now"))
	eventually(t, "the message", func() bool { return containsText(w, "cannot be reached") })
}

// A laptop name typed and left without Enter is kept when the field loses
// the focus: the other laptops see it at the next exchange.
func TestLaptopNameKeptWithoutEnter(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	u.showSection(sectionLaptops)
	l := u.workshop.laptops
	l.folder.SetText(t.TempDir())
	test.Tap(button(t, w, "Start sharing"))
	id := u.workshop.data.Workshop.ID
	eventually(t, "sharing", func() bool { return l.name != nil })
	w.Canvas().Focus(l.name)
	l.name.SetText("Side door")
	w.Canvas().Unfocus()
	cfg, err := u.st.SyncSettings(id)
	if err != nil || cfg.LaptopName != "Side door" {
		t.Fatalf("laptop name = %q (%v), want the name typed", cfg.LaptopName, err)
	}
}
