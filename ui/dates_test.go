package ui

import (
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// TestWorkshopFormTakesISODates types the days as ISO 8601, the one date
// format of the app and the command line, which the placeholder shows.
func TestWorkshopFormTakesISODates(t *testing.T) {
	u, w, _ := startTest(t)
	test.Tap(button(t, w, "Create a workshop"))
	f := u.form
	if f.start.PlaceHolder != "YYYY-MM-DD" || f.end.PlaceHolder != "YYYY-MM-DD" {
		t.Errorf("placeholders %q, %q: they should show the format", f.start.PlaceHolder, f.end.PlaceHolder)
	}
	test.Type(f.title, "Atelier régional")
	test.Type(f.city, "Dakar")
	test.Type(&f.country.Entry, "Senegal")
	test.Type(f.start, "2026-12-14")
	test.Type(f.end, "14/12/2026")
	if f.code.Text != "dakar-2026" {
		t.Errorf("suggested code %q: the typed date's year should be used", f.code.Text)
	}
	test.Tap(f.saveBtn)
	if l := f.errs["end_date"]; u.form == nil || !l.Visible() || l.Text != `"14/12/2026" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-14` {
		t.Fatalf("a day-first date should be refused, naming the format; got %q", f.errs["end_date"].Text)
	}
	f.end.SetText("")
	test.Type(f.end, "2026-12-16")
	test.Tap(f.saveBtn)
	if u.form != nil {
		t.Fatalf("ISO dates refused: %q", f.problem.Text)
	}
	got, err := u.st.FindWorkshop("dakar-2026")
	if err != nil {
		t.Fatal(err)
	}
	if got.StartDate.String() != "2026-12-14" || got.EndDate.String() != "2026-12-16" {
		t.Errorf("saved %s to %s", got.StartDate, got.EndDate)
	}

	// Editing shows the dates as they are typed.
	f = showWorkshopForm(u, &got)
	if f.start.Text != "2026-12-14" || f.end.Text != "2026-12-16" {
		t.Errorf("the form shows %q to %q", f.start.Text, f.end.Text)
	}
	// The calendar writes the same format.
	day := time.Date(2026, 12, 15, 0, 0, 0, 0, time.Local)
	f.start.SetDate(&day)
	if f.start.Text != "2026-12-15" {
		t.Errorf("a day picked shows as %q", f.start.Text)
	}
}

// TestParticipantJoinedAtISO types a late joiner's arrival in ISO 8601,
// with a "T" as some tools write it.
func TestParticipantJoinedAtISO(t *testing.T) {
	u, _ := openSampleParticipants(t)
	u.newParticipant()
	f := u.workshop.participants.form
	if !strings.Contains(f.joined.PlaceHolder, "YYYY-MM-DD HH:MM") {
		t.Errorf("placeholder %q should show the format", f.joined.PlaceHolder)
	}
	test.Type(f.given, "Awa")
	test.Type(f.family, "Diallo")
	start := u.workshop.data.Workshop.StartDate
	test.Type(f.joined, start.String()+"T10:30")
	test.Tap(f.saveBtn)
	if u.workshop.participants.form != nil {
		t.Fatalf("the arrival was refused: %q", f.errs["joined_at"].Text)
	}
	for _, p := range u.workshop.participants.people {
		if p.FamilyNames == "Diallo" && p.GivenNames == "Awa" {
			loc := u.workshop.data.Workshop.Location()
			if got := p.JoinedAt.In(loc).Format("2006-01-02 15:04"); got != start.String()+" 10:30" {
				t.Errorf("joined at %s", got)
			}
			return
		}
	}
	t.Error("Awa Diallo was not saved")
}

// TestTemplateFormTakesISODate types the first day of a copied workshop
// as ISO 8601.
func TestTemplateFormTakesISODate(t *testing.T) {
	u, _, _ := startTest(t)
	u.openSample()
	f := showTemplateForm(u.workshop)
	if f.start.PlaceHolder != "YYYY-MM-DD" {
		t.Errorf("placeholder %q", f.start.PlaceHolder)
	}
	test.Type(f.code, "lome-2027")
	f.start.SetText("")
	test.Type(f.start, "2027-09-13")
	test.Tap(f.saveBtn)
	if u.workshop == nil || u.workshop.data.Workshop.Code != "lome-2027" || u.workshop.data.Workshop.StartDate.String() != "2027-09-13" {
		t.Fatalf("the copy was not made on 2027-09-13: %q", f.errs["start_date"].Text)
	}
}
