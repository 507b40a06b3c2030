package ui

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// On French screens, the laptops' problems a facilitator meets first (a
// folder that cannot be reached, a wrong join code) are in French; they
// showed store's English.
func TestLaptopsProblemsInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	u, w, _ := startTest(t)
	setLanguage("fr")
	u.openSample()
	u.showSection(sectionLaptops)
	u.workshop.laptops.folder.SetText(filepath.Join(t.TempDir(), "no-stick"))
	test.Tap(button(t, w, "Commencer le partage"))
	eventually(t, "the message", func() bool { return containsText(w, "est inaccessible") })
	if containsText(w, "cannot be reached") {
		t.Error("the unreachable folder is said in English")
	}

	folder := t.TempDir()
	u.workshop.laptops.folder.SetText(folder)
	test.Tap(button(t, w, "Commencer le partage"))
	eventually(t, "sharing", func() bool { return u.workshop.laptops.now != nil && u.workshop.laptops.now.Visible() })
	u.joinWorkshop()
	lastJoinForm.folder.SetText(folder)
	lastJoinForm.code.SetText("AAAA-BBBB-CCCC")
	test.Tap(lastJoinForm.join)
	eventually(t, "the message", func() bool { return containsText(w, "n'ouvre aucun des ateliers partagés dans") })
	if containsText(w, "opens none") {
		t.Error("a wrong join code is said in English")
	}
}

// An exchange's report counts in the language's singular or plural
// ("0 modifications envoyées, 1 reçues" was shown).
func TestExchangeReportCountsInTheLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	r := store.SyncReport{Sent: 1, Received: []store.SyncReceived{{Changes: 1}}, ToReview: 1}
	for lang, want := range map[string][]string{
		"en": {"1 change sent, 1 change received.", "1 change to review below."},
		"fr": {"1 modification envoyée, 1 modification reçue.", "1 modification à examiner ci-dessous."},
		"es": {"1 cambio enviado, 1 cambio recibido."},
	} {
		setLanguage(lang)
		got := reportText(r)
		for _, w := range want {
			if !strings.Contains(got, w) {
				t.Errorf("%s: %q does not say %q", lang, got, w)
			}
		}
	}
	setLanguage("fr")
	if got := laptopLine(store.Laptop{LaptopSeen: store.LaptopSeen{Name: "Accueil B", Changes: 1}}); !strings.Contains(got, "1 modification reçue") {
		t.Errorf("the other laptop's line says %q", got)
	}
}

// Joining into a data file that has its own workshop of the same code is
// said in the screens' language, without the command line's "(--data)".
func TestJoinIntoAFileWithTheSameCodeInTheLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	folder := t.TempDir()
	open := func(name string) *store.Store {
		st, err := testOpener(filepath.Join(t.TempDir(), name))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		return st
	}
	a, b := open("a.db"), open("b.db")
	w, err := a.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	cfg, _, err := a.StartSharing(w.ID, folder, "Desk A")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.InitDemo(); err != nil {
		t.Fatal(err)
	}
	_, _, err = b.Join(folder, cfg.JoinCode, "Desk B")
	if err == nil {
		t.Fatal("joined into a file with another workshop of the same code")
	}
	setLanguage("fr")
	if got := syncProblem(err).Error(); !strings.Contains(got, "contient déjà un atelier au code demo") || strings.Contains(got, "(--data)") {
		t.Errorf("said %q", got)
	}
}
