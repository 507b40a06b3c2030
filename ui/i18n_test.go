package ui

import (
	"os"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
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

// TestDatesAndNumbersInEachLanguage checks the dates, hours and
// percentages of the screens in English, French and Spanish.
func TestDatesAndNumbersInEachLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	day := time.Date(2026, 12, 2, 9, 30, 0, 0, time.UTC)
	from, to := store.Date{Year: 2026, Month: 12, Day: 2}, store.Date{Year: 2026, Month: 12, Day: 4}
	for _, c := range []struct{ lang, long, short, dates, hours, pct string }{
		{"en", "Wednesday 2 December 2026", "Wed 2 Dec", "2–4 Dec 2026", "10.5 h", "12.5%"},
		{"fr", "mercredi 2 décembre 2026", "mer. 2 déc.", "2–4 déc. 2026", "10,5 h", "12,5\u00a0%"},
		{"es", "miércoles 2 de diciembre de 2026", "mié. 2 dic.", "2–4 dic. 2026", "10,5 h", "12,5\u00a0%"},
	} {
		setLanguage(c.lang)
		if got := localDate(day, lang.L("Monday 2 January 2006")); got != c.long {
			t.Errorf("%s: long date %q, want %q", c.lang, got, c.long)
		}
		if got := localDate(day, "Mon 2 Jan"); got != c.short {
			t.Errorf("%s: short date %q, want %q", c.lang, got, c.short)
		}
		if got := formatDates(from, to); got != c.dates {
			t.Errorf("%s: workshop dates %q, want %q", c.lang, got, c.dates)
		}
		if got := hoursText(10*time.Hour + 30*time.Minute); got != c.hours {
			t.Errorf("%s: hours %q, want %q", c.lang, got, c.hours)
		}
		if got := percent(12.5); got != c.pct {
			t.Errorf("%s: percentage %q, want %q", c.lang, got, c.pct)
		}
		// The tests' and evaluation's figures: means with two decimals,
		// whole per cents.
		want := map[string]string{"en": "4.25 92%", "fr": "4,25 92\u00a0%", "es": "4,25 92\u00a0%"}[c.lang]
		if got := number(4.25, 2) + " " + wholePercent(92); got != want {
			t.Errorf("%s: mean and whole per cent %q, want %q", c.lang, got, want)
		}
	}
}

// TestStandingsAndRuleInEnglishAsStore checks that the screens' wording of
// the standings and of the rule is, in English, store's word for word (the
// CLI and the printouts use store's).
func TestStandingsAndRuleInEnglishAsStore(t *testing.T) {
	for _, c := range []store.StandingCounts{{Eligible: 6, Appreciation: 6, OnTrack: 22, NotEligible: 12}, {Eligible: 1, AtRisk: 2}} {
		if got, want := standingsText(c), c.String(); got != want {
			t.Errorf("standingsText = %q, want %q", got, want)
		}
	}
	for _, r := range []store.AttendanceRule{{}, {Basis: store.BasisHours}} {
		e := r.Effective()
		for _, flip := range []bool{false, true} {
			e.LateCounts, e.ExcusedCounts, e.MandatoryRequired = flip, !flip, flip
			if got, want := ruleText(e), e.String(); got != want {
				t.Errorf("ruleText = %q, want %q", got, want)
			}
		}
	}
	inLanguage(t, "fr")
	if got, want := standingsText(store.StandingCounts{Eligible: 6, Appreciation: 6, OnTrack: 22, NotEligible: 12}),
		"6 éligibles (6 pour reconnaissance) · 22 en bonne voie · 0 à risque · 12 non éligibles"; got != want {
		t.Errorf("French standings %q, want %q", got, want)
	}
}

// TestBrokenTranslationFileIsRefused checks that a damaged or misnamed
// translation file is refused with its name, and changes nothing.
func TestBrokenTranslationFileIsRefused(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	for name, data := range map[string]string{
		"bad.fr.json":   `{"Cancel": `,
		"bad.json":      `{"Cancel": "X"}`,
		"bad.xx_!.json": `{"Cancel": "X"}`,
		"num.fr.json":   `{"Cancel": 3}`,
	} {
		err := addTranslations([]byte(data), name)
		if err == nil || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: error %v, want one naming the file", name, err)
		}
	}
	setLanguage("fr")
	if got := lang.L("Cancel"); got != "Annuler" {
		t.Errorf("Cancel = %q after the broken files, want Annuler", got)
	}
}

// TestLanguageChangeKeepsKeyingIn: choosing a language mid-work redraws
// the screen, but the Tests section keeps its tab, the sheet shown back
// with its Undo and a badge code half typed (they were lost).
func TestLanguageChangeKeepsKeyingIn(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	u, _, _ := startTest(t)
	u.openSample()
	u.showSection(sectionTests)
	s := u.workshop.quiz
	s.tabs.SelectIndex(1)
	p := u.workshop.data.Participants[1]
	test.Type(s.entry.badge, p.BadgeCode)
	s.entry.badge.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.entry.answers, `T F B AB 2007 "bishoftu"`)
	s.entry.answers.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	test.Type(s.entry.badge, "G4H")
	languageItem(t, u, "Français").Action()
	n := u.workshop.quiz
	if n == s || n.tabs.SelectedIndex() != 1 || n.entry.badge.Text != "G4H" || n.entry.undo.Disabled() || !strings.Contains(n.entry.scored.Text, "✓") {
		t.Errorf("after French: tab %d, badge %q, undo disabled %v, sheet %q", n.tabs.SelectedIndex(), n.entry.badge.Text, n.entry.undo.Disabled(), n.entry.scored.Text)
	}
}
