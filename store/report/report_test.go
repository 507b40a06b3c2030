package report

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// wantTable checks every heading and every cell of got, value and Go type.
func wantTable(t *testing.T, got sheet.Table, name string, header []string, rows [][]any) {
	t.Helper()
	if got.Name != name {
		t.Errorf("table name %q, want %q", got.Name, name)
	}
	if !slices.Equal(got.Header, header) {
		t.Errorf("%s: header\n got %q\nwant %q", name, got.Header, header)
	}
	if len(got.Rows) != len(rows) {
		t.Errorf("%s: %d rows, want %d", name, len(got.Rows), len(rows))
	}
	for i := range min(len(got.Rows), len(rows)) {
		if len(got.Rows[i]) != len(rows[i]) {
			t.Errorf("%s row %d: %d cells, want %d: %#v", name, i+1, len(got.Rows[i]), len(rows[i]), got.Rows[i])
			continue
		}
		for j, want := range rows[i] {
			if g := got.Rows[i][j]; fmt.Sprintf("%T %#v", g, g) != fmt.Sprintf("%T %#v", want, want) {
				t.Errorf("%s row %d, %q: got %T %#v, want %T %#v", name, i+1, header[j], g, g, want, want)
			}
		}
	}
}

func day(n int) store.Date { return store.Date{Year: 2027, Month: 3, Day: 7 + n} }

func TestAttendance(t *testing.T) {
	d, overrides := fixture()
	perSession, perParticipant := AttendanceWithOverrides(d, overrides, fixtureNow)

	// At 10:00 on day 2: S1 and S2 are over; S3 is under way (two
	// unmarked: pending); S4 is to come, nobody marked. Ş. Çağlar joined
	// on day 2: not applicable on day 1. Present + late of expected.
	wantTable(t, perSession, "Sessions", sessionsHeader, [][]any{
		{day(1), "09:00", "10:30", "Opening plenary", "Plenary", 2, 1, 1, 1, 1, 0, 5, 60.0},
		{day(1), "11:00", "12:30", "Panel on data", "Panel", 3, 0, 0, 2, 1, 0, 5, 60.0},
		{day(2), "09:00", "10:30", "Working groups", "Working group", 3, 0, 0, 1, 0, 2, 6, 50.0},
		{day(2), "11:00", "12:00", "Site visit", "Field visit", 0, 0, 0, 0, 0, 6, 6, nil},
	})

	// Sorted by family name ignoring accents: Bekele, Çağlar, Diop,
	// González, Håkansson, Li. S4 does not count: three counted sessions.
	wantTable(t, perParticipant, "Participants", participantsHeader, [][]any{
		{"Bekele", "Abebe", "አበበ በቀለ", "Org of Abebe", "Ethiopia", "Participant", 3, 3, 4.5, 100.0, "yes",
			"3 of 3 sessions, 100% >= 80%"},
		{"Çağlar", "Şule", "", "Org of Şule", "Türkiye", "Participant", 1, 1, 1.5, 100.0, "yes",
			"1 of 1 session, 100% >= 80%"},
		{"Diop", "Moussa", "", "Org of Moussa", "Senegal", "Speaker", 1, 3, 1.5, 50.0, "yes",
			"speaker: certificate of appreciation whatever the attendance (1 of 2 sessions so far, 50% < 80%; 1 session to come; at most 2 of 3 sessions, 67% < 80%)"},
		{"González", "María Fernanda", "", "", "Chile", "Participant", 2, 3, 3.0, 66.7, "no",
			"2 of 3 sessions, 67% < 80%; missed mandatory: Opening plenary"},
		{"Håkansson", "Ingrid", "", "Org of Ingrid", "ZZ", "Participant", 2, 3, 3.0, 100.0, "no",
			"2 of 2 sessions so far, 100% >= 80%; 1 session to come"},
		{"Li", "Wei", "李伟", "Org of Wei", "Ethiopia", "Observer", 0, 3, 0.0, 0.0, "yes",
			"granted by hand: Chaired a working group (0 of 3 sessions, 0% < 80%; missed mandatory: Opening plenary)"},
	})

	// Without overrides Wei Li is not eligible.
	_, plain := Attendance(d, fixtureNow)
	if got := plain.Rows[5][10]; got != "no" {
		t.Errorf("without the override, Li is eligible: %v", got)
	}
}

func TestAttendanceEdges(t *testing.T) {
	d, _ := fixture()
	// Before anything is marked: every count pending, no percentage, in
	// the sessions and participants tables alike.
	clear(d.Marks)
	before := time.Date(2027, 3, 8, 8, 0, 0, 0, time.UTC)
	perSession, perParticipant := Attendance(d, before)
	for _, r := range perSession.Rows {
		if r[12] != nil || r[10] != r[11] {
			t.Errorf("%v: pending %v of %v expected, %% %v before anything was decided", r[3], r[10], r[11], r[12])
		}
	}
	for _, r := range perParticipant.Rows {
		if r[9] != nil || r[10] != "no" && r[5] != "Speaker" {
			t.Errorf("%v: %% %v, eligible %v before anything was decided", r[0], r[9], r[10])
		}
	}

	// 79.96 % never reads as the minimum of 80: hours basis, 1,999 of
	// 2,500 minutes attended.
	w := &store.WorkshopData{Workshop: store.Workshop{TimeZone: "UTC",
		Rule: store.AttendanceRule{Basis: store.BasisHours}}}
	p := store.Participant{Record: store.Record{ID: store.NewID()}, FamilyNames: "Near"}
	w.Participants = []store.Participant{p}
	w.Marks = map[uuid.UUID]*store.SessionMarks{}
	for i, mins := range []int{1000, 999, 501} {
		se := store.Session{Record: store.Record{ID: store.NewID()}, Date: day(1).AddDays(i), Start: 0,
			End: store.Clock(mins), Title: fmt.Sprint("S", i), Type: store.Plenary, Counts: true}
		w.Sessions = append(w.Sessions, se)
		st := store.Present
		if i == 2 {
			st = store.Absent
		}
		w.SetMark(se.ID, p.ID, store.Mark{Status: st})
	}
	_, pp := Attendance(w, time.Date(2028, 1, 1, 0, 0, 0, 0, time.UTC))
	if got := pp.Rows[0][9]; got != 79.9 {
		t.Errorf("79.96%% under an 80%% minimum reads %v, want 79.9", got)
	}
	if got := pp.Rows[0][8]; got != 33.32 {
		t.Errorf("hours attended %v, want 33.32 (1,999 minutes)", got)
	}

	// An empty workshop gives the headers and no rows.
	s, ps := Attendance(&store.WorkshopData{}, before)
	if len(s.Rows) != 0 || len(ps.Rows) != 0 || len(s.Header) != 13 || len(ps.Header) != 12 {
		t.Errorf("empty workshop: %v %v", s, ps)
	}
}

func TestStatistics(t *testing.T) {
	d, _ := fixture()
	tables := Statistics(d)
	var names []string
	for _, tb := range tables {
		names = append(names, tb.Name)
	}
	wantNames := []string{"By gender", "By country", "By region", "By sub-region", "By organisation type", "By role",
		"Gender × org type (registered)", "Gender × org type (attended)"}
	if !slices.Equal(names, wantNames) {
		t.Fatalf("tables %q, want %q", names, wantNames)
	}
	h := func(dim string) []string {
		return []string{dim, "Registered", "Registered %", "Attended", "Attended %"}
	}
	// Six registered (the deleted one left out); five attended at least
	// one session (present or late where it applied): everyone but Li.
	wantTable(t, tables[0], "By gender", h("Gender"), [][]any{
		{"Female", 2, 33.3, 2, 40.0},
		{"Male", 2, 33.3, 1, 20.0},
		{"Not given", 1, 16.7, 1, 20.0},
		{"Prefer not to say", 1, 16.7, 1, 20.0},
		{"Other", 0, 0.0, 0, 0.0},
		{"Total", 6, 100.0, 5, 100.0},
	})
	wantTable(t, tables[1], "By country", h("Country"), [][]any{
		{"Ethiopia", 2, 33.3, 1, 20.0},
		{"Chile", 1, 16.7, 1, 20.0},
		{"Senegal", 1, 16.7, 1, 20.0},
		{"Türkiye", 1, 16.7, 1, 20.0},
		{"ZZ (unknown code)", 1, 16.7, 1, 20.0},
		{"Total", 6, 100.0, 5, 100.0},
	})
	wantTable(t, tables[2], "By region", h("Region"), [][]any{
		{"Africa", 3, 50.0, 2, 40.0},
		{"Americas", 1, 16.7, 1, 20.0},
		{"Asia", 1, 16.7, 1, 20.0},
		{"Unknown country", 1, 16.7, 1, 20.0},
		{"Total", 6, 100.0, 5, 100.0},
	})
	wantTable(t, tables[3], "By sub-region", h("Sub-region"), [][]any{
		{"Sub-Saharan Africa", 3, 50.0, 2, 40.0},
		{"Latin America and the Caribbean", 1, 16.7, 1, 20.0},
		{"Unknown country", 1, 16.7, 1, 20.0},
		{"Western Asia", 1, 16.7, 1, 20.0},
		{"Total", 6, 100.0, 5, 100.0},
	})
	wantTable(t, tables[4], "By organisation type", h("Organisation type"), [][]any{
		{"Government", 2, 33.3, 1, 20.0},
		{"Academia", 1, 16.7, 1, 20.0},
		{"Civil society", 1, 16.7, 1, 20.0},
		{"International organisation", 1, 16.7, 1, 20.0},
		{"Not given", 1, 16.7, 1, 20.0},
		{"Media", 0, 0.0, 0, 0.0},
		{"Other", 0, 0.0, 0, 0.0},
		{"Private sector", 0, 0.0, 0, 0.0},
		{"Total", 6, 100.0, 5, 100.0},
	})
	wantTable(t, tables[5], "By role", h("Role"), [][]any{
		{"Participant", 4, 66.7, 4, 80.0},
		{"Observer", 1, 16.7, 0, 0.0},
		{"Speaker", 1, 16.7, 1, 20.0},
		{"Facilitator", 0, 0.0, 0, 0.0},
		{"Organiser", 0, 0.0, 0, 0.0},
		{"Total", 6, 100.0, 5, 100.0},
	})
	crossHeader := []string{"Gender", "Government", "International organisation", "Civil society", "Academia",
		"Private sector", "Media", "Other", "Not given", "Total"}
	wantTable(t, tables[6], "Gender × org type (registered)", crossHeader, [][]any{
		{"Female", 1, 1, 0, 0, 0, 0, 0, 0, 2},
		{"Male", 1, 0, 1, 0, 0, 0, 0, 0, 2},
		{"Other", 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{"Prefer not to say", 0, 0, 0, 1, 0, 0, 0, 0, 1},
		{"Not given", 0, 0, 0, 0, 0, 0, 0, 1, 1},
		{"Total", 2, 1, 1, 1, 0, 0, 0, 1, 6},
	})
	wantTable(t, tables[7], "Gender × org type (attended)", crossHeader, [][]any{
		{"Female", 1, 1, 0, 0, 0, 0, 0, 0, 2},
		{"Male", 0, 0, 1, 0, 0, 0, 0, 0, 1},
		{"Other", 0, 0, 0, 0, 0, 0, 0, 0, 0},
		{"Prefer not to say", 0, 0, 0, 1, 0, 0, 0, 0, 1},
		{"Not given", 0, 0, 0, 0, 0, 0, 0, 1, 1},
		{"Total", 1, 1, 1, 1, 0, 0, 0, 1, 5},
	})
	for i, tb := range tables {
		want := LayoutBreakdown
		if i >= 6 {
			want = LayoutCross
		}
		if LayoutOf(tb) != want {
			t.Errorf("LayoutOf(%s) = %v, want %v", tb.Name, LayoutOf(tb), want)
		}
	}
}

func TestSeriesTables(t *testing.T) {
	d, _ := fixture()
	s := &store.SeriesStats{
		Series: "Migration dialogues", Year: 2027,
		Workshops: []store.SeriesWorkshop{
			{Code: "addis-2027", Title: "Addis workshop", Series: "Migration dialogues", City: "Addis Ababa", Country: "ET",
				StartDate: day(1), EndDate: day(2), Participants: 6, Sessions: 4, Hours: 330 * time.Minute, Certificates: 3},
			{Code: "dakar-2027", Title: "Atelier de Dakar", Series: "Migration dialogues", City: "Dakar", Country: "SN",
				StartDate: store.Date{Year: 2027, Month: 11, Day: 25}, EndDate: store.Date{Year: 2027, Month: 11, Day: 27},
				Participants: 0, Sessions: 0},
		},
		Participants: 6, Persons: 6, Sessions: 4, Hours: 330 * time.Minute, Certificates: 3,
		People: store.Participation(d).Registered,
	}
	tables := SeriesTables(s)
	if len(tables) != 9 {
		t.Fatalf("%d tables", len(tables))
	}
	wantTable(t, tables[0], "Summary", []string{"Measure", "Value"}, [][]any{
		{"Series", "Migration dialogues"}, {"Year", 2027}, {"Workshops", 2}, {"Registrations", 6},
		{"Distinct persons", 6}, {"Sessions", 4}, {"Programme hours", 5.5}, {"Certificates issued", 3},
	})
	wantTable(t, tables[1], "Workshops", []string{"Code", "Title", "Series", "City", "Country", "Start", "End",
		"Participants", "Sessions", "Hours", "Certificates"}, [][]any{
		{"addis-2027", "Addis workshop", "Migration dialogues", "Addis Ababa", "Ethiopia", day(1), day(2), 6, 4, 5.5, 3},
		{"dakar-2027", "Atelier de Dakar", "Migration dialogues", "Dakar", "Senegal",
			store.Date{Year: 2027, Month: 11, Day: 25}, store.Date{Year: 2027, Month: 11, Day: 27}, 0, 0, 0.0, 0},
	})
	wantTable(t, tables[2], "By gender", []string{"Gender", "Persons", "Persons %"}, [][]any{
		{"Female", 2, 33.3}, {"Male", 2, 33.3}, {"Not given", 1, 16.7}, {"Prefer not to say", 1, 16.7},
		{"Other", 0, 0.0}, {"Total", 6, 100.0},
	})
	wantTable(t, tables[6], "By organisation type", []string{"Organisation type", "Persons", "Persons %"}, [][]any{
		{"Government", 2, 33.3}, {"Academia", 1, 16.7}, {"Civil society", 1, 16.7},
		{"International organisation", 1, 16.7}, {"Not given", 1, 16.7}, {"Media", 0, 0.0}, {"Other", 0, 0.0},
		{"Private sector", 0, 0.0}, {"Total", 6, 100.0},
	})
	if tables[8].Name != "Gender × org type" || LayoutOf(tables[8]) != LayoutCross || LayoutOf(tables[0]) != LayoutSummary {
		t.Errorf("layouts: %s %v", tables[8].Name, LayoutOf(tables[8]))
	}
	if got := tables[8].Rows[len(tables[8].Rows)-1]; got[len(got)-1] != 6 {
		t.Errorf("cross total %v", got)
	}
	// Every series, every year.
	all := SeriesTables(&store.SeriesStats{})
	wantTable(t, all[0], "Summary", []string{"Measure", "Value"}, [][]any{
		{"Series", "All series"}, {"Year", "All years"}, {"Workshops", 0}, {"Registrations", 0},
		{"Distinct persons", 0}, {"Sessions", 0}, {"Programme hours", 0.0}, {"Certificates issued", 0},
	})
	if g := all[2].Rows[len(all[2].Rows)-1]; g[1] != 0 || g[2] != 0.0 {
		t.Errorf("empty total row %v", g)
	}
}

func TestAgenda(t *testing.T) {
	d, _ := fixture()
	// Out of order in memory: the table is in agenda order.
	slices.Reverse(d.Sessions)
	wantTable(t, Agenda(d), "Agenda", []string{"Day", "Date", "Start", "End", "Session", "Type", "Speakers", "Room", "Mandatory"}, [][]any{
		{1, day(1), "09:00", "10:30", "Opening plenary", "Plenary", "Abebe Bekele", "Main hall", "yes"},
		{1, day(1), "10:30", "11:00", "Coffee break", "Break", "", "", nil},
		{1, day(1), "11:00", "12:30", "Panel on data", "Panel", "", "", "no"},
		{2, day(2), "09:00", "10:30", "Working groups", "Working group", "Moussa Diop", "Room A", "no"},
		{2, day(2), "11:00", "12:00", "Site visit", "Field visit", "", "", "no"},
	})
	// Without a start date, days count from the first session.
	d.Workshop.StartDate = store.Date{}
	if got := Agenda(d).Rows[4][0]; got != 2 {
		t.Errorf("day without a start date: %v", got)
	}
}
