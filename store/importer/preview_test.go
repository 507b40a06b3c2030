package importer

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// previewCSV reads a CSV text and previews it with the suggested mapping.
func previewCSV(t *testing.T, text string, o Options) *Preview {
	t.Helper()
	tb := readBytes(t, "test.csv", []byte(text))
	return NewPreview(tb, Suggest(tb), o)
}

// kinds lists the kinds of a row's problems.
func kinds(r *RowPreview) []ProblemKind {
	var out []ProblemKind
	for _, p := range r.Problems {
		out = append(out, p.Kind)
	}
	return out
}

func TestPreviewProblems(t *testing.T) {
	text := "Name,Email,Country,Gender,Role,Organisation type,Badge\n" +
		"Moussa Diop,moussa@example.org,Sénégal,Homme,Intervenant,Gouvernement,\n" + // 2: fine
		",nobody@example.org,Mali,F,,,\n" + // 3: no name
		"Awa Ndiaye,awa@example,Senegal,F,,,\n" + // 4: bad email
		"Ana Cruz,ana@example.org,Atlantis,Mujer,Chef,Cooperative,\n" + // 5: unknown values
		"Li Wei,\"li@example.org; wei.li@example.cn\",CN,f,,,AB\n" + // 6: two emails, bad badge
		"Abebe Bekele,<Abebe.Bekele@Example.ORG>,ET,M,,,K7H3-M\n" // 7: display form, badge with dash
	p := previewCSV(t, text, Options{})
	want := map[int]string{
		2: "[]",
		3: "[missing name]",
		4: "[bad email]",
		5: "[unknown country unknown value unknown value]",
		6: "[several emails bad badge code]",
		7: "[]",
	}
	for num, w := range want {
		if got := fmt.Sprint(kinds(p.Row(num))); got != w {
			t.Errorf("row %d problems %s, want %s (%v)", num, got, w, p.Row(num).Problems)
		}
	}
	if r := p.Row(2).Participant; r.Country != "SN" || r.Gender != store.Male || r.Role != store.RoleSpeaker || r.OrgType != store.OrgGovernment {
		t.Errorf("row 2 = %+v", r)
	}
	if r := p.Row(3); !r.Blocked() || r.Choice != Skip || r.Problems[0].Error() != "row 3, family name: no name: the row has neither a given nor a family name" {
		t.Errorf("row 3: blocked %v choice %s %v", r.Blocked(), r.Choice, r.Problems)
	}
	if got := p.Row(4).Problems[0].Error(); got != `row 4, email: "awa@example" is not an email address` {
		t.Errorf("row 4: %s", got)
	}
	r5 := p.Row(5)
	if r5.Blocked() || r5.Participant.Country != "" || r5.Participant.Gender != store.Female || r5.Participant.Role != "" {
		t.Errorf("row 5 = %+v", r5.Participant)
	}
	if got := r5.Problems[0].Error(); got != `row 5, country: "Atlantis" is not a country known by name or ISO code; it is left empty` {
		t.Errorf("row 5: %s", got)
	}
	if r := p.Row(6).Participant; r.Email != "li@example.org" || r.BadgeCode != "" {
		t.Errorf("row 6 = %q %q", r.Email, r.BadgeCode)
	}
	if r := p.Row(7).Participant; r.Email != "abebe.bekele@example.org" || r.BadgeCode != "K7H3M" {
		t.Errorf("row 7 = %q %q", r.Email, r.BadgeCode)
	}
	if got, want := p.Tally(), (Tally{Rows: 6, Add: 4, Skip: 2, Blocked: 2, Problems: 7}); got != want {
		t.Errorf("Tally = %+v, want %+v", got, want)
	}
	if err := p.SetChoice(3, Add); err == nil || !strings.Contains(err.Error(), "row 3 cannot be imported: no name") {
		t.Errorf("SetChoice on a blocked row: %v", err)
	}
}

func TestPreviewNames(t *testing.T) {
	text := "Nom complet;Organisation;Courriel\n" +
		"DIOP Moussa;Ministère;m@example.org\n" + // 2: capitals convention
		"MOUSSA NDIAYE;Ministère;mn@example.org\n" + // 3: shouted
		"Núñez Ibáñez, María José;ONG;maria@example.org\n" + // 4: comma
		"María José Núñez Ibáñez;ONG;maria2@example.org\n" + // 5: guess
		"KHALID AL-MANSOURI;Chambre;k@example.org\n" // 6: particles
	p := previewCSV(t, text, Options{})
	cases := []struct {
		row            int
		given, family  string
		changed        bool
		rule           SplitRule
		fileG, fileFam string
	}{
		{2, "Moussa", "Diop", true, SplitCapitals, "Moussa", "DIOP"},
		{3, "Moussa", "Ndiaye", true, SplitLastWord, "MOUSSA", "NDIAYE"},
		{4, "María José", "Núñez Ibáñez", false, SplitComma, "María José", "Núñez Ibáñez"},
		{5, "María José Núñez", "Ibáñez", false, SplitLastWord, "María José Núñez", "Ibáñez"},
		{6, "Khalid", "al-Mansouri", true, SplitLastWord, "KHALID", "AL-MANSOURI"},
	}
	for _, c := range cases {
		r := p.Row(c.row)
		if r.Participant.GivenNames != c.given || r.Participant.FamilyNames != c.family || r.Name.CaseChanged != c.changed ||
			r.Name.Split != c.rule || r.Name.FileGiven != c.fileG || r.Name.FileFamily != c.fileFam {
			t.Errorf("row %d: %q / %q changed %v rule %s file %q / %q", c.row, r.Participant.GivenNames, r.Participant.FamilyNames,
				r.Name.CaseChanged, r.Name.Split, r.Name.FileGiven, r.Name.FileFamily)
		}
	}
	if !p.Row(5).Has(NameSplit) || p.Row(3).Has(NameSplit) || p.Row(4).Has(NameSplit) {
		t.Errorf("name split warnings: %v / %v / %v", p.Row(5).Problems, p.Row(3).Problems, p.Row(4).Problems)
	}
	// The caller corrects the split and declines a case change.
	if err := p.SetName(5, "María José", "Núñez Ibáñez"); err != nil {
		t.Fatal(err)
	}
	if r := p.Row(5); r.Has(NameSplit) || r.Participant.FamilyNames != "Núñez Ibáñez" {
		t.Errorf("after SetName: %+v %v", r.Participant, r.Problems)
	}
	// Rows 4 and 5 are now the same name in the same organisation, with
	// two addresses: flagged, but added by default.
	if r := p.Row(5); r.Duplicate.FileRow != 4 || r.Duplicate.InFile != SameName || r.Choice != AddAnyway {
		t.Errorf("row 5 duplicate %+v choice %s", r.Duplicate, r.Choice)
	}
	if err := p.KeepFileCase(2); err != nil {
		t.Fatal(err)
	}
	if r := p.Row(2); r.Participant.FamilyNames != "DIOP" || r.Name.CaseChanged || !p.Row(3).Name.CaseChanged {
		t.Errorf("after KeepFileCase(2): %+v", r.Participant)
	}
	if err := p.KeepFileCase(0); err != nil || p.Row(3).Participant.GivenNames != "MOUSSA" {
		t.Errorf("after KeepFileCase(0): %v %q", err, p.Row(3).Participant.GivenNames)
	}
}

func TestPreviewDuplicates(t *testing.T) {
	wid := uuid.Must(uuid.NewV7())
	existing := []store.Participant{
		{Record: store.Record{ID: uuid.Must(uuid.NewV7())}, WorkshopID: wid, GivenNames: "Aïssatou", FamilyNames: "Bâ",
			Organisation: "Université Cheikh Anta Diop", BadgeCode: "KXT4M"},
		{Record: store.Record{ID: uuid.Must(uuid.NewV7())}, WorkshopID: wid, GivenNames: "Kwame", FamilyNames: "Mensah",
			Email: "kwame@example.org", BadgeCode: "HHH77"},
	}
	text := "First name,Last name,Organisation,Email,Badge\n" +
		"Moussa,Diop,Ministère,moussa@example.org,\n" + // 2
		"Moussa,Diop,Ministère,moussa@example.org,\n" + // 3: exact repeat of 2
		"MOUSSA,DIOP,Ministère,Moussa@Example.org,\n" + // 4: same email, other case
		"Moussa,Diop,Ministere,,\n" + // 5: same name and organisation, accents aside
		"Moussa,Diop,Other Ministry,moussa.diop@example.org,\n" + // 6: same name, other organisation: not a duplicate
		"AISSATOU,BA,Universite Cheikh Anta Diop,aissatou@example.org,\n" + // 7: in the workshop by name
		"K.,Mensah,Ghana Immigration,KWAME@example.org,HHH77\n" + // 8: in the workshop by email
		"Awa,Ndiaye,ONG,awa@example.org,HHH77\n" + // 9: badge code taken
		"Ana,Cruz,ONG,ana@example.org,CRZ7A\n" + // 10
		"Ana,Cruz,ONG,ana.cruz@example.org,CRZ7A\n" // 11: same name and org, other email; badge of row 10
	p := previewCSV(t, text, Options{WorkshopID: wid, Existing: existing})
	cases := []struct {
		row     int
		fileRow int
		inFile  MatchKind
		exact   bool
		ex      string
		choice  Choice
	}{
		{2, 0, "", false, "", Add},
		{3, 2, SameEmail, true, "", Skip},
		{4, 2, SameEmail, false, "", Skip},
		{5, 2, SameName, false, "", Skip},
		{6, 0, "", false, "", Add},
		{7, 0, "", false, "KXT4M", Update},
		{8, 0, "", false, "HHH77", Update},
		{9, 0, "", false, "", Add},
		{10, 0, "", false, "", Add},
		{11, 10, SameName, false, "", AddAnyway},
	}
	for _, c := range cases {
		r := p.Row(c.row)
		d := r.Duplicate
		ex := ""
		if d.Existing != nil {
			ex = d.Existing.BadgeCode
		}
		if d.FileRow != c.fileRow || d.InFile != c.inFile || d.Exact != c.exact || ex != c.ex || r.Choice != c.choice {
			t.Errorf("row %d: duplicate %+v existing %q choice %s; want row %d %s exact %v existing %q choice %s",
				c.row, d, ex, r.Choice, c.fileRow, c.inFile, c.exact, c.ex, c.choice)
		}
		if r.Participant.WorkshopID != wid {
			t.Errorf("row %d: workshop %s", c.row, r.Participant.WorkshopID)
		}
	}
	msgs := map[int]string{
		3:  "row 3: repeats row 2 exactly",
		4:  "row 4, email: the same person as row 2 (same email)",
		5:  "row 5: possibly the same person as row 2 (same name and organisation)",
		7:  "row 7: already in the workshop as Aïssatou Bâ, badge KXT4M (same name and organisation)",
		8:  "row 8: already in the workshop as Kwame Mensah, badge HHH77 (same email)",
		9:  "row 9, badge code: the badge code HHH77 is already given to someone in the workshop; a new code will be given",
		11: "row 11, badge code: the badge code CRZ7A is also on row 10; a new code will be given",
	}
	for num, want := range msgs {
		found := false
		for _, pr := range p.Row(num).Problems {
			found = found || pr.Error() == want
		}
		if !found {
			t.Errorf("row %d: no problem %q in %v", num, want, p.Row(num).Problems)
		}
	}
	// Choices.
	if err := p.SetChoice(6, Update); err == nil {
		t.Error("Update of a row with nobody to update: no error")
	}
	if err := p.SetChoice(3, Add); err != nil || p.Row(3).Choice != AddAnyway {
		t.Errorf("Add on a duplicate: %v, choice %s", err, p.Row(3).Choice)
	}
	if err := p.SetChoice(7, Skip); err != nil || p.Row(7).Choice != Skip {
		t.Errorf("Skip: %v", err)
	}
	if err := p.SetChoice(99, Skip); err == nil {
		t.Error("SetChoice on a missing row: no error")
	}
	if err := p.SetChoice(2, "merge"); err == nil {
		t.Error(`SetChoice("merge"): no error`)
	}
}

// TestPreviewJoinedAt reads the "Joined at" column in the workshop's time
// zone: as exported, with seconds, ISO, a day alone, with an offset; a
// cell that is no date and time is a warning, and the person is imported
// as there from the start.
func TestPreviewJoinedAt(t *testing.T) {
	addis, err := time.LoadLocation("Africa/Addis_Ababa")
	if err != nil {
		t.Fatal(err)
	}
	text := "Name,Joined at\n" +
		"Moussa Diop,2027-03-09 10:30\n" + // 2
		"Awa Ndiaye,2027-03-09 10:30:15\n" + // 3
		"Ana Cruz,2027-03-09T14:00\n" + // 4
		"Li Wei,2027-03-10\n" + // 5
		"Abebe Bekele,2027-03-09T10:30:00Z\n" + // 6
		"Grace Wanjiru,\n" + // 7
		"Sara Haile,tuesday morning\n" + // 8
		"Omar Haddad,2019-05-01\n" // 9: the day he joined his ministry, say
	p := previewCSV(t, text, Options{Location: addis, Start: store.Date{Year: 2027, Month: 3, Day: 9}, End: store.Date{Year: 2027, Month: 3, Day: 11}})
	want := map[int]time.Time{
		2: time.Date(2027, 3, 9, 10, 30, 0, 0, addis),
		3: time.Date(2027, 3, 9, 10, 30, 15, 0, addis),
		4: time.Date(2027, 3, 9, 14, 0, 0, 0, addis),
		5: time.Date(2027, 3, 10, 0, 0, 0, 0, addis),
		6: time.Date(2027, 3, 9, 10, 30, 0, 0, time.UTC),
		7: {},
		8: {},
		9: {},
	}
	for num, w := range want {
		r := p.Row(num)
		if got := r.Participant.JoinedAt; !got.Equal(w) {
			t.Errorf("row %d: joined at %v, want %v", num, got, w)
		}
		if num < 8 && len(r.Problems) != 0 {
			t.Errorf("row %d: problems %v", num, r.Problems)
		}
	}
	r8 := p.Row(8)
	if got := fmt.Sprint(kinds(r8)); got != "[bad joined at]" || r8.Blocked() {
		t.Fatalf("row 8: problems %s, blocked %v", got, r8.Blocked())
	}
	if got := r8.Problems[0].Error(); got != `row 8, joined at: "tuesday morning" is not a date and time like 2027-03-09 10:30; the person is imported as there from the start` {
		t.Errorf("row 8: %s", got)
	}
	if got := p.Row(9).Problems; len(got) != 1 || got[0].Kind != BadJoinedAt ||
		got[0].Error() != "row 9, joined at: 2019-05-01 is not within the workshop (2027-03-09 to 2027-03-11); the person is imported as there from the start" {
		t.Errorf("row 9: %v", got)
	}
	// A yes/no column about joining is not a time.
	tb := readBytes(t, "test.csv", []byte("Name,Joined?,Joined\nAwa Ndiaye,yes,no\n"))
	if c, ok := Suggest(tb).Column(JoinedAt); ok {
		t.Errorf("%q is mapped to joined_at", tb.Rows[0].Cells[c])
	}
	// Without a time zone, UTC.
	if got := previewCSV(t, text, Options{}).Row(2).Participant.JoinedAt; !got.Equal(time.Date(2027, 3, 9, 10, 30, 0, 0, time.UTC)) {
		t.Errorf("without a time zone: %v", got)
	}
}
