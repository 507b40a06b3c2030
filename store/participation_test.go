package store

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// participationFixture is a two-day workshop of seven live participants
// and one deleted, built in memory:
//
//	   gender      country  org type       role         marks                         attended
//	A  female      ET       government     participant  S1 present, S2 present         yes
//	B  male        SN       civil society  speaker      S1 late                        yes
//	C  (none)      CL       (none)         participant  S1 excused, S2 absent          no
//	D  prefer not  ZZ (?)   academia       participant  S2 present                     yes
//	E  female      (none)   government     facilitator  present at the break only      no
//	F  other       TR       international  participant  joins day 2; S1 present only   no
//	G  male        ET       government     participant  joins day 2; S2 present        yes
//	X  female      ET       government     participant  deleted; S1 present            -
func participationFixture() *WorkshopData {
	start := Date{2027, 3, 8}
	d := &WorkshopData{
		Workshop: Workshop{Record: Record{ID: NewID()}, Code: "fixture", TimeZone: "UTC",
			StartDate: start, EndDate: start.AddDays(1)},
		Marks: map[uuid.UUID]*SessionMarks{},
	}
	session := func(day int, from, to, title string, typ SessionType) Session {
		se := Session{Record: Record{ID: NewID()}, Date: start.AddDays(day - 1), Title: title, Type: typ, Counts: typ != Break}
		se.Start, _ = ParseClock(from)
		se.End, _ = ParseClock(to)
		return se
	}
	s1 := session(1, "09:00", "10:30", "S1", Plenary)
	brk := session(1, "10:30", "11:00", "Break", Break)
	s2 := session(2, "09:00", "10:30", "S2", Panel)
	d.Sessions = []Session{s1, brk, s2}
	day2 := start.AddDays(1).In(8*60, time.UTC)
	person := func(name string, g Gender, country string, o OrgType, r Role) Participant {
		return Participant{Record: Record{ID: NewID()}, GivenNames: name, FamilyNames: "Test",
			Gender: g, Country: country, OrgType: o, Role: r}
	}
	a := person("A", Female, "ET", OrgGovernment, RoleParticipant)
	b := person("B", Male, "SN", OrgCivilSociety, RoleSpeaker)
	c := person("C", GenderUnknown, "CL", OrgUnknown, RoleParticipant)
	dd := person("D", GenderPreferNotSay, "ZZ", OrgAcademia, RoleParticipant)
	e := person("E", Female, "", OrgGovernment, RoleFacilitator)
	f := person("F", OtherGender, "TR", OrgInternational, RoleParticipant)
	f.JoinedAt = day2
	g := person("G", Male, "et", OrgGovernment, RoleParticipant)
	g.JoinedAt = day2
	x := person("X", Female, "ET", OrgGovernment, RoleParticipant)
	x.DeletedAt = &day2
	d.Participants = []Participant{a, b, c, dd, e, f, g, x}
	mark := func(se Session, p Participant, st Status) {
		if d.Marks[se.ID] == nil {
			d.Marks[se.ID] = &SessionMarks{}
		}
		d.SetMark(se.ID, p.ID, Mark{Status: st})
	}
	mark(s1, a, Present)
	mark(s2, a, Present)
	mark(s1, b, Late)
	mark(s1, c, Excused)
	mark(s2, c, Absent)
	mark(s2, dd, Present)
	mark(brk, e, Present)
	mark(s1, f, Present) // before F joined: ignored, as in Compute
	mark(s2, g, Present)
	mark(s1, x, Present)
	mark(s1, Participant{Record: Record{ID: NewID()}}, Present) // no such participant
	return d
}

// rowsString renders a breakdown as "Key:Label=Count/Percent, …" in order.
func rowsString(b Breakdown) string {
	var parts []string
	for _, r := range b.Rows {
		parts = append(parts, fmt.Sprintf("%s:%s=%d/%g", r.Key, r.Label, r.Count, r.Percent))
	}
	return strings.Join(parts, ", ")
}

func wantRows(t *testing.T, name string, b Breakdown, total int, want string) {
	t.Helper()
	if b.Total != total {
		t.Errorf("%s: Total = %d, want %d", name, b.Total, total)
	}
	if got := rowsString(b); got != want {
		t.Errorf("%s:\n got %s\nwant %s", name, got, want)
	}
}

func TestParticipationRegistered(t *testing.T) {
	st := Participation(participationFixture())
	r := st.Registered
	if r.Total != 7 {
		t.Fatalf("Registered.Total = %d, want 7", r.Total)
	}
	// 2/7 = 28.6%, 1/7 = 14.3%: the rows add up to 100.1%.
	wantRows(t, "ByGender", r.ByGender, 7,
		"female:Female=2/28.6, male:Male=2/28.6, :Not given=1/14.3, other:Other=1/14.3, prefer_not_to_say:Prefer not to say=1/14.3")
	wantRows(t, "ByCountry", r.ByCountry, 7,
		"ET:Ethiopia=2/28.6, CL:Chile=1/14.3, :Not given=1/14.3, SN:Senegal=1/14.3, TR:Türkiye=1/14.3, ZZ:ZZ (unknown code)=1/14.3")
	wantRows(t, "ByRegion", r.ByRegion, 7,
		"Africa:Africa=3/42.9, Americas:Americas=1/14.3, Asia:Asia=1/14.3, :Not given=1/14.3, ?:Unknown country=1/14.3")
	wantRows(t, "BySubRegion", r.BySubRegion, 7,
		"Sub-Saharan Africa:Sub-Saharan Africa=3/42.9, Latin America and the Caribbean:Latin America and the Caribbean=1/14.3, "+
			":Not given=1/14.3, ?:Unknown country=1/14.3, Western Asia:Western Asia=1/14.3")
	wantRows(t, "ByIntermediateRegion", r.ByIntermediateRegion, 7,
		"Eastern Africa:Eastern Africa=2/28.6, :Not given=1/14.3, South America:South America=1/14.3, "+
			"?:Unknown country=1/14.3, Western Africa:Western Africa=1/14.3, Western Asia:Western Asia=1/14.3")
	wantRows(t, "ByOrgType", r.ByOrgType, 7,
		"government:Government=3/42.9, academia:Academia=1/14.3, civil_society:Civil society=1/14.3, "+
			"international_organisation:International organisation=1/14.3, :Not given=1/14.3, "+
			"media:Media=0/0, other:Other=0/0, private_sector:Private sector=0/0")
	wantRows(t, "ByRole", r.ByRole, 7,
		"participant:Participant=5/71.4, facilitator:Facilitator=1/14.3, speaker:Speaker=1/14.3, "+
			"observer:Observer=0/0, organiser:Organiser=0/0")

	x := r.GenderByOrgType
	wantCells := map[[2]string]int{
		{"female", "government"}: 2, {"male", "civil_society"}: 1, {"male", "government"}: 1,
		{"", ""}: 1, {"prefer_not_to_say", "academia"}: 1, {"other", "international_organisation"}: 1,
	}
	checkCross(t, x, 7, wantCells)
	// Headings in display order, "Not given" last.
	var rows, cols []string
	for _, c := range x.Rows {
		rows = append(rows, c.Label)
	}
	for _, c := range x.Cols {
		cols = append(cols, c.Key)
	}
	if got := strings.Join(rows, "|"); got != "Female|Male|Other|Prefer not to say|Not given" {
		t.Errorf("cross-table rows = %s", got)
	}
	if got := strings.Join(cols, "|"); got != "government|international_organisation|civil_society|academia|private_sector|media|other|" {
		t.Errorf("cross-table columns = %s", got)
	}
	if i := slices.IndexFunc(x.Rows, func(c Category) bool { return c.Key == "male" }); x.RowTotals[i] != 2 {
		t.Errorf("male row total = %d, want 2", x.RowTotals[i])
	}
	if j := slices.IndexFunc(x.Cols, func(c Category) bool { return c.Key == "government" }); x.ColTotals[j] != 3 {
		t.Errorf("government column total = %d, want 3", x.ColTotals[j])
	}
	checkDemographics(t, "Registered", r)
}

func TestParticipationAttended(t *testing.T) {
	a := Participation(participationFixture()).Attended
	// A, B, D and G: not C (excused, absent), E (a break only) nor F (a
	// mark from before joining).
	if a.Total != 4 {
		t.Fatalf("Attended.Total = %d, want 4", a.Total)
	}
	wantRows(t, "ByGender", a.ByGender, 4,
		"male:Male=2/50, female:Female=1/25, prefer_not_to_say:Prefer not to say=1/25, :Not given=0/0, other:Other=0/0")
	wantRows(t, "ByCountry", a.ByCountry, 4, "ET:Ethiopia=2/50, SN:Senegal=1/25, ZZ:ZZ (unknown code)=1/25")
	wantRows(t, "ByRegion", a.ByRegion, 4, "Africa:Africa=3/75, ?:Unknown country=1/25")
	wantRows(t, "ByOrgType", a.ByOrgType, 4,
		"government:Government=2/50, academia:Academia=1/25, civil_society:Civil society=1/25, "+
			"international_organisation:International organisation=0/0, media:Media=0/0, :Not given=0/0, "+
			"other:Other=0/0, private_sector:Private sector=0/0")
	wantRows(t, "ByRole", a.ByRole, 4,
		"participant:Participant=3/75, speaker:Speaker=1/25, facilitator:Facilitator=0/0, observer:Observer=0/0, organiser:Organiser=0/0")
	checkCross(t, a.GenderByOrgType, 4, map[[2]string]int{
		{"female", "government"}: 1, {"male", "government"}: 1, {"male", "civil_society"}: 1, {"prefer_not_to_say", "academia"}: 1,
	})
	checkDemographics(t, "Attended", a)
}

func TestParticipationEmpty(t *testing.T) {
	st := Participation(&WorkshopData{})
	for name, d := range map[string]Demographics{"Registered": st.Registered, "Attended": st.Attended} {
		if d.Total != 0 || len(d.ByCountry.Rows) != 0 || len(d.ByGender.Rows) != 5 {
			t.Errorf("%s of nobody = %+v", name, d)
		}
		checkDemographics(t, name, d)
	}
}

// An unexpected stored value is counted under itself, never dropped.
func TestParticipationOddValues(t *testing.T) {
	d := &WorkshopData{Participants: []Participant{
		{Record: Record{ID: NewID()}, Gender: "nonbinary", OrgType: "foundation", Role: ""},
	}}
	r := Participation(d).Registered
	wantRows(t, "ByGender", r.ByGender, 1,
		"nonbinary:Nonbinary=1/100, female:Female=0/0, male:Male=0/0, :Not given=0/0, other:Other=0/0, prefer_not_to_say:Prefer not to say=0/0")
	if row, ok := r.ByOrgType.Row("foundation"); !ok || row.Count != 1 {
		t.Errorf("ByOrgType foundation = %+v, %v", row, ok)
	}
	if row, ok := r.ByRole.Row(KeyNotGiven); !ok || row.Count != 1 || row.Label != "Not given" {
		t.Errorf("ByRole not given = %+v, %v", row, ok)
	}
	checkCross(t, r.GenderByOrgType, 1, map[[2]string]int{{"nonbinary", "foundation"}: 1})
	checkDemographics(t, "Registered", r)
}

func TestParticipationDemo(t *testing.T) {
	s := openTest(t, Options{Now: newClock(t0).Now, NoAutoBackup: true})
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	st := Participation(d)
	if st.Registered.Total != len(demoPeople) || st.Attended.Total == 0 || st.Attended.Total > st.Registered.Total {
		t.Errorf("demo: %d registered, %d attended", st.Registered.Total, st.Attended.Total)
	}
	checkDemographics(t, "Registered", st.Registered)
	checkDemographics(t, "Attended", st.Attended)
	// Every demo country is in the table: no unknown or missing region.
	for _, b := range []Breakdown{st.Registered.ByRegion, st.Registered.BySubRegion} {
		for _, k := range []string{KeyNotGiven, KeyUnknownCountry} {
			if row, ok := b.Row(k); ok {
				t.Errorf("demo region row %+v", row)
			}
		}
	}
}

func TestPercentOf(t *testing.T) {
	tests := []struct {
		n, total int
		want     float64
	}{{0, 0, 0}, {1, 3, 33.3}, {2, 3, 66.7}, {1, 8, 12.5}, {5, 5, 100}, {1, 7, 14.3}, {0, 9, 0}}
	for _, tt := range tests {
		if got := percentOf(tt.n, tt.total); got != tt.want {
			t.Errorf("percentOf(%d, %d) = %g, want %g", tt.n, tt.total, got, tt.want)
		}
	}
}

// checkCross checks the cells, totals and sums of a cross-table.
func checkCross(t *testing.T, x CrossTable, total int, want map[[2]string]int) {
	t.Helper()
	if x.Total != total {
		t.Errorf("cross-table Total = %d, want %d", x.Total, total)
	}
	for i, r := range x.Rows {
		for j, c := range x.Cols {
			if got, w := x.Counts[i][j], want[[2]string{r.Key, c.Key}]; got != w {
				t.Errorf("cross-table [%q][%q] = %d, want %d", r.Key, c.Key, got, w)
			}
			if x.Count(r.Key, c.Key) != x.Counts[i][j] {
				t.Errorf("Count(%q, %q) disagrees with Counts", r.Key, c.Key)
			}
		}
	}
	sum := 0
	for i := range x.Rows {
		sum += x.RowTotals[i]
	}
	colSum := 0
	for j := range x.Cols {
		colSum += x.ColTotals[j]
	}
	if sum != total || colSum != total {
		t.Errorf("cross-table row totals sum to %d, column totals to %d, want %d", sum, colSum, total)
	}
}

// checkDemographics checks what holds of any breakdown: rows add up to the
// total, sorted by count then label, percentages within rounding of 100.
func checkDemographics(t *testing.T, name string, d Demographics) {
	t.Helper()
	for bn, b := range map[string]Breakdown{
		"ByGender": d.ByGender, "ByCountry": d.ByCountry, "ByRegion": d.ByRegion, "BySubRegion": d.BySubRegion,
		"ByIntermediateRegion": d.ByIntermediateRegion, "ByOrgType": d.ByOrgType, "ByRole": d.ByRole,
	} {
		if b.Total != d.Total {
			t.Errorf("%s.%s: Total %d, want %d", name, bn, b.Total, d.Total)
		}
		n, pct := 0, 0.0
		keys := map[string]bool{}
		for i, r := range b.Rows {
			n += r.Count
			pct += r.Percent
			if keys[r.Key] {
				t.Errorf("%s.%s: key %q twice", name, bn, r.Key)
			}
			keys[r.Key] = true
			if r.Label == "" {
				t.Errorf("%s.%s: row %q has no label", name, bn, r.Key)
			}
			if i > 0 {
				p := b.Rows[i-1]
				if p.Count < r.Count || (p.Count == r.Count && Fold(p.Label) > Fold(r.Label)) {
					t.Errorf("%s.%s: %q (%d) before %q (%d)", name, bn, p.Label, p.Count, r.Label, r.Count)
				}
			}
		}
		if n != d.Total {
			t.Errorf("%s.%s: rows add up to %d, want %d", name, bn, n, d.Total)
		}
		if d.Total > 0 && math.Abs(pct-100) > 0.05*float64(len(b.Rows))+1e-9 {
			t.Errorf("%s.%s: percentages add up to %g", name, bn, pct)
		}
	}
	checkCrossSums(t, name, d.GenderByOrgType, d.Total)
}

func checkCrossSums(t *testing.T, name string, x CrossTable, total int) {
	t.Helper()
	if x.Total != total || len(x.Counts) != len(x.Rows) || len(x.RowTotals) != len(x.Rows) || len(x.ColTotals) != len(x.Cols) {
		t.Fatalf("%s cross-table: bad shape %+v", name, x)
	}
	sum := 0
	for i, row := range x.Counts {
		rs := 0
		for _, c := range row {
			rs += c
		}
		if rs != x.RowTotals[i] {
			t.Errorf("%s cross-table: row %q sums to %d, total says %d", name, x.Rows[i].Key, rs, x.RowTotals[i])
		}
		sum += rs
	}
	if sum != total {
		t.Errorf("%s cross-table: cells sum to %d, want %d", name, sum, total)
	}
}

func BenchmarkParticipation5000(b *testing.B) {
	d := benchWorkshopData(b, 5000, 30)
	countries := []string{"ET", "SN", "CL", "TR", "RU", "", "ZZ", "FJ", "US", "IN"}
	for i := range d.Participants {
		p := &d.Participants[i]
		p.Gender = append([]Gender{GenderUnknown}, Genders...)[i%5]
		p.OrgType = append([]OrgType{OrgUnknown}, OrgTypes...)[i%8]
		p.Role = Roles[i%len(Roles)]
		p.Country = countries[i%len(countries)]
	}
	var st *ParticipationStats
	var durs []time.Duration
	for b.Loop() {
		start := time.Now()
		st = Participation(d)
		durs = append(durs, time.Since(start))
	}
	if st.Registered.Total != 5000 || st.Attended.Total == 0 {
		b.Fatalf("Participation: %d registered, %d attended", st.Registered.Total, st.Attended.Total)
	}
	statsBenchMedian(b, durs)
}
