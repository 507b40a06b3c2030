package ui

import (
	"os"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
)

// TestMain runs the tests in English whatever the system's language: they
// look for the English texts.
func TestMain(m *testing.M) {
	setLanguage("en")
	os.Exit(m.Run())
}

// inLanguage shows the screens in code for the rest of the test.
func inLanguage(t *testing.T, code string) {
	t.Helper()
	setLanguage(code)
	t.Cleanup(func() { setLanguage("en") })
}

// languageItem finds Help > Language > label.
func languageItem(t *testing.T, u *App, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		for _, it := range m.Items {
			if it.ChildMenu == nil || it.Label != lang.L("Language") {
				continue
			}
			for _, c := range it.ChildMenu.Items {
				if c.Label == label {
					return c
				}
			}
		}
	}
	t.Fatalf("no language item %q", label)
	return nil
}

// TestChooseLanguageFromTheMenu switches the open workshop to French and
// then Spanish from Help > Language, staying in the same section, keeps
// the choice for the next start, and goes back to the system's language.
func TestChooseLanguageFromTheMenu(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	u, w, _ := startTest(t)
	u.openSample()
	u.showSection(2) // Participants
	languageItem(t, u, "Français").Action()
	if got := u.workshop.tabs.Selected().Text; got != "Participants" || u.workshop.tabs.SelectedIndex() != 2 {
		t.Errorf("after French: section %d %q, want 2 Participants", u.workshop.tabs.SelectedIndex(), got)
	}
	if got := u.workshop.tabs.Items[1].Text; got != "Programme" {
		t.Errorf("agenda tab in French = %q, want Programme", got)
	}
	if got := w.MainMenu().Items[0].Label; got != "Fichier" {
		t.Errorf("first menu in French = %q, want Fichier", got)
	}
	if got := u.app.Preferences().String(prefLanguage); got != "fr" {
		t.Errorf("language kept = %q, want fr", got)
	}
	if !languageItem(t, u, "Français").Checked {
		t.Error("Français is not ticked in the menu")
	}
	languageItem(t, u, "Español").Action()
	if got := u.workshop.tabs.Items[4].Text; got != "Certificados" {
		t.Errorf("certificates tab in Spanish = %q, want Certificados", got)
	}

	// The next start uses the choice.
	setLanguage("en")
	applyLanguagePreference(u.app.Preferences())
	if Language() != "es" {
		t.Errorf("language at start = %q, want es", Language())
	}

	// The system's language again.
	t.Setenv("LANGUAGE", "")
	t.Setenv("LC_ALL", "")
	t.Setenv("LC_MESSAGES", "")
	t.Setenv("LANG", "fr_SN.UTF-8")
	languageItem(t, u, lang.L("Same as the system")).Action()
	if u.app.Preferences().String(prefLanguage) != "" || Language() != "fr" {
		t.Errorf("system language: kept %q, shown in %q; want nothing kept, fr (from LANG)", u.app.Preferences().String(prefLanguage), Language())
	}
}

// TestCountsInEachLanguage checks the singular and plural of counts: French
// puts 0 and 1 in the singular.
func TestCountsInEachLanguage(t *testing.T) {
	for _, c := range []struct {
		lang string
		n    int
		want string
	}{
		{"en", 0, "0 participants"}, {"en", 1, "1 participant"}, {"en", 2, "2 participants"},
		{"fr", 0, "0 participant"}, {"fr", 1, "1 participant"}, {"fr", 2, "2 participants"},
		{"es", 0, "0 participantes"}, {"es", 1, "1 participante"}, {"es", 2, "2 participantes"},
	} {
		setLanguage(c.lang)
		if got := count(c.n, "{{.Count}} participant", "{{.Count}} participants"); got != c.want {
			t.Errorf("%s: count(%d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	setLanguage("en")
}

// TestUnknownLanguageGivesEnglish checks that a language with no
// translations shows English, and that a regional variant finds its
// language.
func TestUnknownLanguageGivesEnglish(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	for code, want := range map[string]string{"de": "en", "es-CL": "es", "fr-SN": "fr", "xx": "en", "": "en"} {
		t.Setenv("LANGUAGE", "")
		t.Setenv("LC_ALL", "C")
		setLanguage(code)
		if Language() != want {
			t.Errorf("setLanguage(%q): %q, want %q", code, Language(), want)
		}
	}
	setLanguage("fr")
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("Fyne's Cancel in French = %q, want Annuler", got)
	}
}
