package ui

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// openSampleParticipants opens the sample workshop on its Participants
// section.
func openSampleParticipants(t *testing.T) (*App, fyne.Window) {
	t.Helper()
	u, w, _ := startTest(t)
	u.openSample()
	u.showSection(sectionParticipants)
	return u, w
}

// shownNames lists the names in the participants table, in order.
func shownNames(v *participantsView) []string {
	var names []string
	for _, i := range v.shown {
		names = append(names, v.people[i].FullName())
	}
	return names
}

func TestAddParticipantThroughForm(t *testing.T) {
	u, _ := openSampleParticipants(t)
	u.newParticipant()
	f := u.workshop.participants.form
	if f == nil {
		t.Fatal("New participant did not open the form")
	}
	test.Type(f.given, "Khadija")
	test.Type(f.family, "Benali")
	test.Type(f.native, "خديجة بن علي")
	test.Type(f.org, "Ministère de l'Intérieur")
	test.Type(&f.country.Entry, "Morocco")
	test.Type(f.email, "K.Benali@Example.org")
	f.role.SetSelected("speaker")
	f.certLang.SetSelected("French")
	test.Tap(f.saveBtn)
	if u.workshop.participants.form != nil {
		t.Fatalf("form still open: %q", f.problem.Text)
	}
	v := u.workshop.participants
	if len(v.people) != 41 || v.count.Text != "41 of 41" {
		t.Fatalf("after adding: %d people, count %q", len(v.people), v.count.Text)
	}
	var got store.Participant
	for _, p := range v.people {
		if p.FamilyNames == "Benali" {
			got = p
		}
	}
	if got.Country != "MA" || got.Email != "k.benali@example.org" || got.Role != store.RoleSpeaker || len(got.BadgeCode) != 5 || got.CertificateLanguage != "fr" {
		t.Errorf("saved %+v", got)
	}
}

func TestParticipantFormShowsProblemsAndSavesNothing(t *testing.T) {
	u, _ := openSampleParticipants(t)
	u.newParticipant()
	f := u.workshop.participants.form
	test.Type(f.email, "not-an-email")
	test.Type(f.joined, "2026-13-01 09:00")
	test.Tap(f.saveBtn)
	if u.workshop.participants.form == nil {
		t.Fatal("an invalid participant closed the form")
	}
	if l := f.errs["family_name"]; !l.Visible() || !strings.Contains(l.Text, "name is required") {
		t.Errorf("name problem = %q", l.Text)
	}
	if l := f.errs["joined_at"]; !l.Visible() {
		t.Error("an impossible joining time should be shown under its field")
	}
	test.Type(f.family, "Diallo")
	f.joined.SetText("")
	test.Tap(f.saveBtn)
	if l := f.errs["email"]; !l.Visible() || !strings.Contains(l.Text, "not an email address") {
		t.Errorf("email problem = %q", l.Text)
	}
	if n := len(u.workshop.participants.people); n != 40 {
		t.Errorf("%d participants after invalid saves, want 40", n)
	}
	// Escape closes the form without saving.
	f.email.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.workshop.participants.form != nil {
		t.Error("Escape should close the form")
	}
}

func TestEditParticipantFromTable(t *testing.T) {
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	v.table.Select(fyneCell(0))
	f := v.form
	if f == nil || f.edit == nil {
		t.Fatal("selecting a row should open the participant for editing")
	}
	id := f.edit.ID
	f.position.SetText("Minister Counsellor")
	f.keys.submit()
	p, err := u.st.Participant(id)
	if err != nil || p.Position != "Minister Counsellor" {
		t.Fatalf("after edit: %+v %v", p, err)
	}
}

func TestDeleteParticipantAndUndo(t *testing.T) {
	u, w := openSampleParticipants(t)
	v := u.workshop.participants
	p := v.people[v.shown[0]]
	v.confirmDelete(p)
	test.Tap(button(t, w, "Yes"))
	if len(u.workshop.participants.people) != 39 {
		t.Fatal("the participant should be gone from the table")
	}
	test.Tap(button(t, w, "Undo"))
	if len(u.workshop.participants.people) != 40 {
		t.Fatal("undo should bring the participant back")
	}
	back, err := u.st.Participant(p.ID)
	if err != nil || back.BadgeCode != p.BadgeCode {
		t.Errorf("restored %+v, %v", back, err)
	}
}

func TestSearchIgnoresCaseAndAccents(t *testing.T) {
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	cases := []struct{ query, want string }{
		{"traore", "Aminata Traoré"},
		{"ozturk", "Mehmet Öztürk"},
		{"SULE", "Şule Çağlar"},
		{"አበበ", "Abebe Bekele"},
		{"李", "Wei Li"},
		{"Иванов", "Dmitry Ivanov"},
		{"cheikh anta", "Moussa Diop"},
		{"priya.raman@", "Priya Raman"},
	}
	for _, c := range cases {
		test.Type(v.search, c.query)
		got := shownNames(v)
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("search %q shows %v, want %s first", c.query, got, c.want)
		}
		v.search.SetText("")
	}
	badge := v.people[7].BadgeCode
	v.search.SetText(strings.ToLower(badge))
	if got := shownNames(v); len(got) != 1 || got[0] != v.people[7].FullName() {
		t.Errorf("badge %s shows %v", badge, got)
	}
	v.search.SetText("")
	if v.count.Text != "40 of 40" {
		t.Errorf("count after clearing = %q", v.count.Text)
	}
}

func TestSortByColumn(t *testing.T) {
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	if got := shownNames(v); got[0] != "Mohamed Al-Amin" {
		t.Errorf("default order starts with %q, want Al-Amin (by family name)", got[0])
	}
	v.sortBy(3) // country
	first := v.people[v.shown[0]]
	if name, _ := store.CountryName(first.Country); name != "Bolivia" {
		t.Errorf("by country first = %s, want Bolivia", name)
	}
	v.sortBy(3) // again: descending
	if last := v.people[v.shown[0]]; last.Country != "VN" {
		t.Errorf("by country descending first = %s, want VN (Viet Nam)", last.Country)
	}
}

func TestMergeDuplicates(t *testing.T) {
	u, w := openSampleParticipants(t)
	twin := store.Participant{WorkshopID: u.workshop.data.Workshop.ID, GivenNames: "AMINATA", FamilyNames: "TRAORE",
		Organisation: "Ministère des Maliens de l'Extérieur", Phone: "+223 20 00 00 00"}
	if err := u.st.SaveParticipant(&twin); err != nil {
		t.Fatal(err)
	}
	u.workshop.changed()
	v := u.workshop.participants
	if !v.dupBtn.Visible() || v.dupBtn.Text != "1 possible duplicate" {
		t.Fatalf("duplicates button = %q visible %v", v.dupBtn.Text, v.dupBtn.Visible())
	}
	v.showDuplicates()
	test.Tap(v.dupDialog.keep[0]) // keep the original (registered first)
	test.Tap(button(t, w, "Yes"))
	v = u.workshop.participants
	if len(v.people) != 40 || v.dupBtn.Visible() {
		t.Fatalf("after merging: %d people, duplicates button visible %v", len(v.people), v.dupBtn.Visible())
	}
	for _, p := range v.people {
		if p.FamilyNames == "Traoré" && p.Phone != "+223 20 00 00 00" {
			t.Errorf("merged record should take the phone of the twin: %+v", p)
		}
	}
}

func BenchmarkFilter5000(b *testing.B) {
	test.NewTempApp(b)
	people := make([]store.Participant, 5000)
	for i := range people {
		people[i] = store.Participant{GivenNames: fmt.Sprintf("Given%d", i), FamilyNames: fmt.Sprintf("Family%04d", i),
			Organisation: fmt.Sprintf("Organisation %d", i%300), Country: []string{"SN", "ET", "CL", "TR"}[i%4],
			Email: fmt.Sprintf("p%d@example.org", i), BadgeCode: fmt.Sprintf("B%04d", i), Role: store.RoleParticipant}
	}
	people[4321].FamilyNames = "Traoré"
	ws := &workshopScreen{data: &store.WorkshopData{Participants: people}}
	v := newParticipantsView(ws)
	queries := []string{"t", "tr", "tra", "trao", "traore", "organisation 12", "family01", ""}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.filter(queries[i%len(queries)])
	}
}

func TestExportParticipantsReadsBack(t *testing.T) {
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	for _, name := range []string{"list.csv", "list.xlsx", "list"} {
		path, err := exportParticipants(filepath.Join(t.TempDir(), name), v.people, u.workshop.data.Workshop.Location(), "en", ',')
		if err != nil {
			t.Fatal(err)
		}
		if want := ".xlsx"; name == "list" && filepath.Ext(path) != want {
			t.Errorf("exported %q to %s, want the %s added", name, path, want)
		}
		tab, err := importer.ReadFile(path, "")
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		w := u.workshop.data.Workshop
		p := importer.NewPreview(tab, importer.Suggest(tab), importer.Options{WorkshopID: w.ID, Existing: v.people,
			Location: w.Location(), Start: w.StartDate, End: w.EndDate})
		if got := p.Tally(); got.Rows != 40 || got.Unchanged != 40 {
			t.Errorf("%s read back: %+v, want 40 rows all already in the workshop, unchanged", name, got)
		}
		native := false
		for _, r := range p.Rows {
			if r.Participant.NativeName == "አበበ በቀለ" {
				native = true
			}
		}
		if !native {
			t.Errorf("%s: the Ethiopic name did not survive", name)
		}
	}
}

// TestExportParticipantsInWorkingLanguage checks that the export's
// headings are in the workshop's working language, as the command line
// writes them, and that the importer still reads them back.
func TestExportParticipantsInWorkingLanguage(t *testing.T) {
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	w := u.workshop.data.Workshop
	for _, lang := range []string{"fr", "es"} {
		path, err := exportParticipants(filepath.Join(t.TempDir(), "list.csv"), v.people, w.Location(), lang, ',')
		if err != nil {
			t.Fatal(err)
		}
		tab, err := importer.ReadFile(path, "")
		if err != nil {
			t.Fatal(err)
		}
		if want := importer.ExportTableIn(nil, w.Location(), lang).Header; !slices.Equal(tab.Rows[0].Cells, want) {
			t.Errorf("%s: headings %q, want %q", lang, tab.Rows[0].Cells, want)
		}
		p := importer.NewPreview(tab, importer.Suggest(tab), importer.Options{WorkshopID: w.ID, Existing: v.people,
			Location: w.Location(), Start: w.StartDate, End: w.EndDate})
		if got := p.Tally(); got.Rows != 40 || got.Unchanged != 40 {
			t.Errorf("%s read back: %+v, want 40 rows all unchanged", lang, got)
		}
	}
}
