package ui

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
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
	eventually(t, "the message", func() bool { return containsText(w, "n'ouvre aucun") })
	if containsText(w, "opens none") {
		t.Error("a wrong join code is said in English")
	}
}
