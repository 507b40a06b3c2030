package ui

import (
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/workshopdesk/workshopdesk/store"
)

// sampleSeries opens the series view on the sample workshop and a second
// workshop of the same series a year later, with two people: one from the
// sample (same email in other case) and a newcomer who gave no gender.
func sampleSeries(t *testing.T) (*App, *seriesView, store.Workshop, *store.WorkshopData) {
	t.Helper()
	u, _, _ := startSampleAt(t, addisMorning)
	sample := u.workshop.data
	start := sample.Workshop.StartDate
	start.Year++
	next, err := u.st.DuplicateWorkshop(sample.Workshop.ID, "addis-next", "The next one", start)
	if err != nil {
		t.Fatal(err)
	}
	again := participantNamed(t, u, "Håkansson")
	people := []*store.Participant{
		{WorkshopID: next.ID, GivenNames: again.GivenNames, FamilyNames: again.FamilyNames, Email: " " + swapCase(again.Email),
			Organisation: again.Organisation, Country: again.Country, Role: store.RoleParticipant},
		{WorkshopID: next.ID, GivenNames: "Pat", FamilyNames: "Newcomer", Email: "pat@example.org", Country: "KE",
			OrgType: store.OrgMedia, Role: store.RoleParticipant},
	}
	if err := u.st.SaveParticipants(people); err != nil {
		t.Fatal(err)
	}
	v := u.showSeries()
	if v == nil || u.workshop != nil {
		t.Fatal("the series view did not open in place of the workshop")
	}
	return u, v, next, sample
}

func swapCase(s string) string {
	b := []byte(s)
	for i, c := range b {
		switch {
		case c >= 'a' && c <= 'z':
			b[i] = c - 32
		case c >= 'A' && c <= 'Z':
			b[i] = c + 32
		}
	}
	return string(b)
}

func TestSeriesDistinctPersons(t *testing.T) {
	u, v, _, sample := sampleSeries(t)
	w := u.win
	st := v.stats
	if st.Series != "" || st.Year != 0 || len(st.Workshops) != 2 {
		t.Fatalf("series view opens on %q %d with %d workshops, want all 2", st.Series, st.Year, len(st.Workshops))
	}
	if st.Participants != 42 || st.Persons != 41 {
		t.Errorf("%d registrations, %d persons; want 42 and 41", st.Participants, st.Persons)
	}
	if st.Persons >= st.Participants {
		t.Errorf("distinct persons %d not fewer than registrations %d", st.Persons, st.Participants)
	}
	for label, want := range map[string]string{
		"Workshops held": "1 + 1 planned", "Registrations": "42", "Distinct persons": "41",
		"Sessions": strconv.Itoa(st.Sessions), "Certificates": strconv.Itoa(st.Certificates),
	} {
		if got := v.cards[label].Text; got != want {
			t.Errorf("card %s shows %s, want %s", label, got, want)
		}
	}
	if st.Sessions == 0 || st.Sessions%2 != 0 {
		t.Errorf("%d sessions for two workshops with the same agenda", st.Sessions)
	}
	// The workshops held, oldest first.
	if len(v.list.rows) != 2 || v.list.text(0, 0) != store.DemoCode || v.list.text(1, 0) != "addis-next" || v.list.text(1, 4) != "2" {
		t.Errorf("workshops listed: %v / %v", v.list.text(0, 0), v.list.text(1, 0))
	}
	// The charts count persons: the gender chart adds up to 41, with the
	// newcomer as "Not given".
	checkChart(t, "persons by gender", v.charts[0], st.People.ByGender)
	if c := v.charts[0]; c.total != 41 {
		t.Errorf("gender chart total %d", c.total)
	}
	before, _ := store.Participation(sample).Registered.ByGender.Row(store.KeyNotGiven)
	if row, _ := st.People.ByGender.Row(store.KeyNotGiven); row.Count != before.Count+1 {
		t.Errorf("Not given %d, want the sample's %d and the newcomer", row.Count, before.Count)
	}
	for _, text := range []string{"Across workshops", "Workshops held", "Workshops", "Distinct persons", "The next one", "Gender", "Region", "Organisation type"} {
		if !hasText(w, text) {
			t.Errorf("no %q on the series view", text)
		}
	}
}

func TestSeriesFilters(t *testing.T) {
	_, v, next, _ := sampleSeries(t)
	if !slices.Contains(v.series.Options, "Regional workshops on migration policy") || v.series.Options[0] != "All workshops" {
		t.Errorf("series options %v", v.series.Options)
	}
	want := []string{"All years", strconv.Itoa(next.StartDate.Year), strconv.Itoa(next.StartDate.Year - 1)}
	if !slices.Equal(v.year.Options, want) {
		t.Errorf("year options %v, want %v", v.year.Options, want)
	}
	v.year.SetSelected(strconv.Itoa(next.StartDate.Year))
	if len(v.stats.Workshops) != 1 || v.stats.Participants != 2 || v.cards["Distinct persons"].Text != "2" {
		t.Errorf("year %d: %d workshops, %d registrations", next.StartDate.Year, len(v.stats.Workshops), v.stats.Participants)
	}
	v.series.SetSelected("Regional workshops on migration policy")
	v.year.SetSelectedIndex(0)
	if v.stats.Series != "Regional workshops on migration policy" || len(v.stats.Workshops) != 2 {
		t.Errorf("series filter: %q, %d workshops", v.stats.Series, len(v.stats.Workshops))
	}
	// A year with none of them: an empty view, no export.
	v.year.SetSelected(want[2])
	v.series.SetSelectedIndex(0)
	if len(v.stats.Workshops) != 1 {
		t.Errorf("%s: %d workshops", want[2], len(v.stats.Workshops))
	}
}

func TestSeriesEmpty(t *testing.T) {
	u, w, _ := startTest(t)
	v := u.showSeries()
	if len(v.stats.Workshops) != 0 || !v.export.Disabled() || !hasText(w, "No workshop matches this series and year.") {
		t.Errorf("empty file: %d workshops, export disabled %v", len(v.stats.Workshops), v.export.Disabled())
	}
	u.showHome()
}

func TestSeriesExports(t *testing.T) {
	_, v, _, _ := sampleSeries(t)
	dir := t.TempDir()
	for _, f := range []exportFormat{formatPDF, formatXLSX} {
		path := filepath.Join(dir, v.fileName(f))
		if err := v.exportTo(f, path); err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		checkFile(t, path)
	}
	x, err := excelize.OpenFile(filepath.Join(dir, "all-workshops.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := x.GetSheetList(); len(got) < 3 || got[0] != "Summary" || got[1] != "Workshops" {
		t.Errorf("sheets %v", got)
	}
	if n, _ := x.GetCellValue("Summary", "B6"); n != "41" {
		t.Errorf("distinct persons in the workbook: %q", n)
	}
}
