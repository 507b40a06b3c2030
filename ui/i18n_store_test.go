package ui

import (
	"slices"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"strings"
	"testing"

	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// TestReasonsInTheScreensLanguage checks that the eligibility reasons
// store words in English show in the screens' language: in the
// certificates' list and detail, and under the attendance grid.
func TestReasonsInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	setLanguage("fr")
	_, _, s := startCertificates(t)
	i := rowNamed(t, s, "Diop")
	if got := rowView(s, i).reason.Text; !strings.Contains(got, "séances") || strings.Contains(got, "sessions") {
		t.Errorf("the reason in the French list reads %q", got)
	}
	s.selected = 0
	s.showDetail()
	if strings.Contains(s.detail.Text, " sessions") || !strings.Contains(s.detail.Text, "séances") {
		t.Errorf("the French detail reads %q", s.detail.Text)
	}

	setLanguage("es")
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	g.table.Select(widget.TableCellID{Row: rowOf(t, g, "Diop"), Col: gridColName})
	if strings.Contains(g.detail.Text, " sessions") || !strings.Contains(g.detail.Text, "sesiones") {
		t.Errorf("the Spanish grid explains %q", g.detail.Text)
	}
}

// TestCountriesInTheScreensLanguage checks that the screens name
// countries in their language, as the printouts do, suggest them so while
// typing, and read the names back when a form is saved.
func TestCountriesInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	setLanguage("fr")
	u, _, _ := startSampleAt(t, time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC))
	if got := countryOptions("séné"); len(got) == 0 || got[0] != "Sénégal" {
		t.Errorf("typing “séné” suggests %q, want Sénégal first", got)
	}
	i := slices.IndexFunc(u.workshop.data.Participants, func(p store.Participant) bool { return p.Country == "SN" })
	if i < 0 {
		t.Fatal("the sample has no one from Senegal")
	}
	p := u.workshop.data.Participants[i]
	for _, c := range participantColumns {
		if got := c.value(&p); c.title == "Country" && got != "Sénégal" {
			t.Errorf("the participants list names Senegal %q", got)
		}
	}
	f := showParticipantForm(u.workshop, &p)
	if f.country.Text != "Sénégal" {
		t.Errorf("the form names Senegal %q", f.country.Text)
	}
	f.country.SetText("Côte d’Ivoire")
	if !f.save() {
		t.Fatal("the form was not saved")
	}
	if got, _ := u.st.Participant(p.ID); got.Country != "CI" {
		t.Errorf("“Côte d’Ivoire” was saved as %q, want CI", got.Country)
	}

	setLanguage("es")
	if got, _ := countryName("CI"); got != "Côte d’Ivoire" && got != "Costa de Marfil" {
		t.Errorf("Spanish names CI %q", got)
	}
	for _, s := range []string{"Costa de Marfil", "Ivory Coast", "ci"} {
		if code, ok := countryCode(s); code != "CI" || !ok {
			t.Errorf("countryCode(%q) = %q, %v in Spanish", s, code, ok)
		}
	}
}

// TestStoreProblemsInTheScreensLanguage checks that the problems store
// finds with a form, worded in English, show in the screens' language.
func TestStoreProblemsInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	for _, c := range []struct{ lang, date, title, city string }{
		{"fr", `"14/12/2026" n’est pas une date : écrivez-la sous la forme AAAA-MM-JJ, p. ex. 2026-12-14`,
			"un titre est obligatoire", "la ville du lieu est obligatoire"},
		{"es", `"14/12/2026" no es una fecha: escríbala como AAAA-MM-DD, p. ej. 2026-12-14`,
			"el título es obligatorio", "la ciudad sede es obligatoria"},
	} {
		setLanguage(c.lang)
		u, w, _ := startTest(t)
		test.Tap(button(t, w, lang.L("Create a workshop")))
		f := u.form
		test.Type(f.start, "2026-12-14")
		test.Type(f.end, "14/12/2026")
		test.Tap(f.saveBtn)
		if got := f.errs["end_date"].Text; got != c.date {
			t.Errorf("%s: the date's problem reads %q, want %q", c.lang, got, c.date)
		}
		f.end.SetText("2026-12-16")
		test.Tap(f.saveBtn)
		if got := f.errs["title"].Text; got != c.title {
			t.Errorf("%s: the title's problem reads %q, want %q", c.lang, got, c.title)
		}
		if got := f.errs["city"].Text; got != c.city {
			t.Errorf("%s: the city's problem reads %q, want %q", c.lang, got, c.city)
		}
	}
}

// TestSearchFindsCountriesInTheScreensLanguage checks that the
// participants' search box, which shows countries in the screens'
// language, finds them by that name too.
func TestSearchFindsCountriesInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	setLanguage("es")
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	for _, q := range []string{"Etiopía", "ethiopia", "ET"} {
		v.filter(q)
		found := false
		for _, i := range v.shown {
			found = found || v.people[i].FamilyNames == "Bekele"
		}
		if !found {
			t.Errorf("searching %q does not find Abebe Bekele of Ethiopia", q)
		}
	}
}

// TestWithdrawalReasonsInTheScreensLanguage checks the reasons given for
// withdrawing provisional certificates in the screens' language.
func TestWithdrawalReasonsInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	setLanguage("fr")
	_, _, s := startCertificates(t)
	i := rowNamed(t, s, "Bello")
	line := s.withdrawLine(store.ProvisionalToWithdraw{Certificate: store.CertificateIssue{Number: "C-1"},
		Participant: s.participant(i), Reason: s.rows[i].Reason})
	if !strings.Contains(line, "séances") || strings.Contains(line, "sessions") {
		t.Errorf("the reason to withdraw reads %q", line)
	}
	gone := s.withdrawLine(store.ProvisionalToWithdraw{Certificate: store.CertificateIssue{Number: "C-2"}, Reason: "no longer registered for the workshop"})
	if strings.Contains(gone, "registered") {
		t.Errorf("the reason to withdraw a removed participant's reads %q", gone)
	}
}

// TestKeyedAnswerProblemsInTheScreensLanguage: what store says about a
// keyed answer line (an unclosed quote, a closed test) reads in the
// screens' language in the Tests section.
func TestKeyedAnswerProblemsInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	setLanguage("fr")
	u, _, _ := startTest(t)
	u.openSample()
	u.showSection(sectionTests)
	e := u.workshop.quiz.entry
	e.badge.SetText(u.workshop.data.Participants[1].BadgeCode)
	e.answers.SetText(`T "open`)
	e.record()
	if want := "réponse 2 : le guillemet ouvert au caractère 3 n’est pas fermé"; !strings.Contains(e.status.Text, want) {
		t.Errorf("an unclosed quote reads %q, want it to hold %q", e.status.Text, want)
	}
}
