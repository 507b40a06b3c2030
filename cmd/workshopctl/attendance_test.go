package main

import (
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// withStore opens the data file at path, runs f and closes the file again,
// so that the next run of workshopctl can open it.
func withStore(t *testing.T, path string, f func(st *store.Store)) {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := st.Close(); err != nil {
			t.Fatal(err)
		}
	}()
	f(st)
}

// loadDemo reads the sample workshop of the data file at path.
func loadDemo(t *testing.T, path string) *store.WorkshopData {
	t.Helper()
	var d *store.WorkshopData
	withStore(t, path, func(st *store.Store) {
		w, err := st.FindWorkshop(store.DemoCode)
		if err != nil {
			t.Fatal(err)
		}
		if d, err = st.LoadWorkshop(w.ID); err != nil {
			t.Fatal(err)
		}
	})
	return d
}

// history returns every version of a participant's attendance at a session.
func history(t *testing.T, path string, se store.Session, p store.Participant) []store.Attendance {
	t.Helper()
	var list []store.Attendance
	withStore(t, path, func(st *store.Store) {
		var err error
		if list, err = st.AttendanceHistory(se.ID, p.ID); err != nil {
			t.Fatal(err)
		}
	})
	return list
}

// sessionNamed returns the sample session with the given title.
func sessionNamed(t *testing.T, d *store.WorkshopData, title string) store.Session {
	t.Helper()
	for _, se := range d.Sessions {
		if se.Title == title {
			return se
		}
	}
	t.Fatalf("no session %q in the sample workshop", title)
	return store.Session{}
}

// checkedIn matches what checkin prints for a check-in it recorded.
func checkedIn(name, title string) *regexp.Regexp {
	return regexp.MustCompile(`^` + regexp.QuoteMeta(name) + `: (present|late) at (\d{4}-\d\d-\d\d )?\d\d:\d\d \(` +
		regexp.QuoteMeta(title) + `\)\n$`)
}

// TestCheckin checks participants in at the closing session (tomorrow in
// the sample workshop, so nobody has a mark there yet), naming the session
// and the participant in every way checkin accepts.
func TestCheckin(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	closing := sessionNamed(t, d, "Closing plenary and evaluation")
	if d.Sessions[9].ID != closing.ID {
		t.Fatalf("the closing session is not the 10th: %v", d.Sessions[9].Title)
	}
	people := d.Participants
	tests := []struct {
		name    string
		session string
		who     []string // --code or --participant with its value
		p       store.Participant
	}{
		{"code, session by number", "10", []string{"--code", strings.ToLower(people[0].BadgeCode)}, people[0]},
		{"code with dashes, title", "closing", []string{"--code", people[1].BadgeCode[:2] + "-" + people[1].BadgeCode[2:]}, people[1]},
		{"participant ID, title in capitals and accents", "CLÓSING  Plenary", []string{"--participant", people[2].ID.String()}, people[2]},
		{"participant ID prefix, session ID prefix", closing.ID.String()[:28], []string{"--participant", people[3].ID.String()[:28]}, people[3]},
		{"participant ID in capitals, session ID", closing.ID.String(), []string{"--participant", strings.ToUpper(people[4].ID.String())}, people[4]},
		{"whole title", "closing plenary and evaluation", []string{"--code", people[5].BadgeCode}, people[5]},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			args := append([]string{"--data", path, "checkin", "--any-day", "--early", "--workshop", "demo", "--session", tt.session}, tt.who...)
			out := mustRun(t, args...)
			if !checkedIn(tt.p.FullName(), closing.Title).MatchString(out) {
				t.Errorf("checkin printed %q", out)
			}
			h := history(t, path, closing, tt.p)
			if len(h) != 1 || h[0].Status != store.Present {
				t.Fatalf("history after the check-in: %+v", h)
			}

			// Again: nothing more is recorded.
			again := mustRun(t, args...)
			want := fmt.Sprintf("%s: already checked in at %s; nothing recorded\n", tt.p.FullName(),
				recordedWhen(&d.Workshop, closing, h[0].RecordedAt))
			if again != want {
				t.Errorf("second checkin printed %q, want %q", again, want)
			}
			if h2 := history(t, path, closing, tt.p); len(h2) != 1 {
				t.Errorf("the second check-in recorded something: %d versions", len(h2))
			}
		})
	}
}

// TestCheckinToday checks someone in at a session held today (the sample
// workshop's second day, in Addis Ababa) without --any-day: only other
// days need it.
func TestCheckinToday(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	today := store.DateOf(time.Now().In(d.Workshop.Location()))
	for i, se := range d.Sessions {
		if se.Date != today || se.Type == store.Break {
			continue
		}
		p := d.Participants[0]
		args := []string{"--data", path, "checkin", "--workshop", "demo", "--session", fmt.Sprint(i + 1), "--code", p.BadgeCode}
		if store.CheckInWindow(&d.Workshop, d.Sessions, se, time.Now()) != nil {
			args = append(args, "--early") // before 08:00 in Addis Ababa; see TestCheckinTooEarly
		}
		out := mustRun(t, args...)
		// Checked in now, or already, if the sample marked them present.
		if !checkedIn(p.FullName(), se.Title).MatchString(out) && !strings.HasPrefix(out, p.FullName()+": already checked in at ") {
			t.Errorf("checkin at today's session %d printed %q", i+1, out)
		}
		return
	}
	t.Fatalf("the sample workshop has no session today (%s)", today)
}

// TestCheckinStatus records an excused absence with a note, repeats it,
// and then checks the person in after all.
func TestCheckinStatus(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	closing := sessionNamed(t, d, "Closing plenary and evaluation")
	p := d.Participants[7]
	args := []string{"--data", path, "checkin", "--workshop", "demo", "--session", "closing", "--code", p.BadgeCode,
		"--status", "Excused", "--note", " Flight delayed "}

	out := mustRun(t, args...)
	re := regexp.MustCompile(`^` + regexp.QuoteMeta(p.FullName()) + `: excused at (\d{4}-\d\d-\d\d )?\d\d:\d\d \(Closing plenary and evaluation\); note: Flight delayed\n$`)
	if !re.MatchString(out) {
		t.Errorf("checkin --status printed %q", out)
	}
	h := history(t, path, closing, p)
	if len(h) != 1 || h[0].Status != store.Excused || h[0].Note != "Flight delayed" {
		t.Fatalf("history: %+v", h)
	}

	// The same status and note again: nothing recorded.
	if out := mustRun(t, args...); !strings.Contains(out, ": already excused since ") || !strings.HasSuffix(out, "; nothing recorded\n") {
		t.Errorf("repeated checkin --status printed %q", out)
	}
	again := decode[map[string]any](t, mustRun(t, append(args, "--json")...))
	if again["recorded"] != false || again["status"] != "excused" || again["note"] != "Flight delayed" {
		t.Errorf("repeated checkin --status --json: %v", again)
	}
	if h := history(t, path, closing, p); len(h) != 1 {
		t.Errorf("repeating the status recorded %d versions", len(h))
	}

	// Then the person arrives: the check-in replaces the excuse.
	rec := decode[map[string]any](t, mustRun(t, "--data", path, "--json", "checkin", "--any-day", "--early", "--workshop", "demo", "--session", "10", "--code", p.BadgeCode))
	want := map[string]any{"status": "present", "recorded": true, "session_id": closing.ID.String(), "participant_id": p.ID.String(),
		"badge_code": p.BadgeCode, "participant_name": p.FullName(), "session_title": closing.Title}
	for k, v := range want {
		if rec[k] != v {
			t.Errorf("checkin --json: %s = %v, want %v", k, rec[k], v)
		}
	}
	for _, k := range []string{"id", "recorded_at", "created_at", "updated_at"} {
		if _, ok := rec[k]; !ok {
			t.Errorf("checkin --json has no %q: %v", k, rec)
		}
	}
	if h := history(t, path, closing, p); len(h) != 2 || h[1].Status != store.Present {
		t.Errorf("history after the check-in: %+v", h)
	}
}

// TestCheckinErrors checks the one-line failures (exit 1) and the wrong
// calls (exit 2) of checkin, none of which records anything.
func TestCheckinErrors(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	code := d.Participants[0].BadgeCode
	checkin := func(args ...string) []string {
		return append([]string{"--data", path, "checkin", "--workshop", "demo"}, args...)
	}
	failures := []struct {
		name string
		args []string
		want []string // in the message
	}{
		{"ambiguous title", checkin("--session", "plenary", "--code", code),
			[]string{`"plenary" matches 2 sessions`, "1 “Opening plenary”", "10 “Closing plenary and evaluation”", "give its number or more of the title"}},
		{"ambiguous title, many", checkin("--session", "working group", "--code", code),
			[]string{"matches 3 sessions", "4 “Working groups: Remittances", "7 “Working groups: Skills", "9 “Working group reports"}},
		{"no such title", checkin("--session", "lunch", "--code", code), []string{`"lunch"`, "workshopctl sessions"}},
		{"number out of range", checkin("--session", "11", "--code", code), []string{"no session 11", "1 to 10"}},
		{"break", checkin("--session", "3", "--code", code), []string{"“Coffee break” is a break"}},
		{"unknown code", checkin("--session", "1", "--code", "ZZZZ9"), []string{`badge code "ZZZZ9"`}},
		{"unknown participant", checkin("--session", "1", "--participant", "ffffffff"), []string{`no participant of demo has the ID "ffffffff"`}},
		{"ambiguous participant prefix", checkin("--session", "1", "--participant", d.Participants[0].ID.String()[:4]), []string{"40 participants", "give more of the ID"}},
		{"unknown workshop", []string{"--data", path, "checkin", "--workshop", "nowhere", "--session", "1", "--code", code}, []string{`"nowhere"`}},
		{"tomorrow's session", checkin("--session", "10", "--code", code),
			[]string{"“Closing plenary and evaluation” is held on " + d.Sessions[9].Date.String() + ", not today", "--status", "--any-day"}},
	}
	for _, tt := range failures {
		t.Run(tt.name, func(t *testing.T) {
			msg := wantFailure(t, runCLI(t, tt.args...))
			for _, want := range tt.want {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not say %q", msg, want)
				}
			}
		})
	}

	usage := []struct {
		name string
		args []string
		want string
	}{
		{"no participant", checkin("--session", "1"), "--participant ID or --code CODE"},
		{"both", checkin("--session", "1", "--code", code, "--participant", d.Participants[0].ID.String()), "not both"},
		{"note without status", checkin("--session", "1", "--code", code, "--note", "x"), "--note needs --status"},
		{"unknown status", checkin("--session", "1", "--code", code, "--status", "maybe"), `"maybe" is not one of present, late, excused, absent`},
		{"no session", checkin("--code", code), "--session is required"},
	}
	for _, tt := range usage {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, tt.args...)
			first, _, _ := strings.Cut(r.stderr, "\n")
			if r.code != exitUsage || !strings.Contains(first, tt.want) || !strings.Contains(r.stderr, "Usage: workshopctl [--data FILE] [--json] checkin") {
				t.Errorf("want exit status 2 saying %q with the usage, got:\n%s", tt.want, r)
			}
		})
	}
	if after := loadDemo(t, path); !reflect.DeepEqual(after.Marks, d.Marks) {
		t.Errorf("a failed checkin changed the attendance")
	}
}

// TestFindSession checks how sessions are named, on an agenda of its own.
func TestFindSession(t *testing.T) {
	w := &store.Workshop{Code: "w"}
	list := []store.Session{
		{Title: "Opening"}, {Title: "Café débat"}, {Title: "Panel"}, {Title: "Panel discussion"}, {Title: "Panel Q&A"},
	}
	for i := range list {
		list[i].ID = store.NewID()
	}
	tests := []struct {
		ref  string
		want int // 1-based; 0 for an error
	}{
		{"1", 1}, {"5", 5}, {" 2 ", 2}, {"opening", 1}, {"CAFE DEBAT", 2}, {"débat", 2},
		{"panel", 3},      // the exact title wins over longer ones
		{"discussion", 4}, // a unique part
		{"q&a", 5},
		{list[3].ID.String(), 4}, {strings.ToUpper(list[4].ID.String()), 5},
		{"0", 0}, {"6", 0}, {"pan", 0}, {"", 0}, {"nothing", 0},
	}
	for _, tt := range tests {
		se, n, err := findSession(w, list, tt.ref)
		switch {
		case tt.want == 0 && err == nil:
			t.Errorf("findSession(%q) = %d %q, want an error", tt.ref, n, se.Title)
		case tt.want != 0 && err != nil:
			t.Errorf("findSession(%q): %v", tt.ref, err)
		case tt.want != 0 && (n != tt.want || se.ID != list[tt.want-1].ID):
			t.Errorf("findSession(%q) = %d %q, want %d", tt.ref, n, se.Title, tt.want)
		}
	}
	if _, _, err := findSession(w, nil, "1"); err == nil || !strings.Contains(err.Error(), "no sessions yet") {
		t.Errorf("no sessions: %v", err)
	}
}

// attendanceJSONOut is the part of attendance --json that the tests read.
type attendanceJSONOut struct {
	Workshop string         `json:"workshop"`
	Now      time.Time      `json:"now"`
	Rule     map[string]any `json:"rule"`
	Eligible int            `json:"eligible"`
	AtRisk   int            `json:"at_risk"`
	Not      int            `json:"not_eligible"`
	OnTrack  int            `json:"on_track"`

	Participants []struct {
		ID              string   `json:"id"`
		BadgeCode       string   `json:"badge_code"`
		Name            string   `json:"name"`
		Attended        int      `json:"attended"`
		Applicable      int      `json:"applicable"`
		Pending         int      `json:"pending"`
		AttendedHours   float64  `json:"attended_hours"`
		ApplicableHours float64  `json:"applicable_hours"`
		Percent         float64  `json:"percent"`
		Status          string   `json:"status"`
		Eligible        bool     `json:"eligible"`
		AtRisk          bool     `json:"at_risk"`
		CannotReach     bool     `json:"cannot_reach"`
		MissedMandatory []string `json:"missed_mandatory"`
		Reason          string   `json:"reason"`
	} `json:"participants"`
	Sessions []struct {
		Number        int    `json:"number"`
		ID            string `json:"id"`
		Date          string `json:"date"`
		Start         string `json:"start"`
		Title         string `json:"title"`
		Type          string `json:"type"`
		Present       int    `json:"present"`
		Late          int    `json:"late"`
		Excused       int    `json:"excused"`
		Absent        int    `json:"absent"`
		NotApplicable int    `json:"not_applicable"`
		Pending       int    `json:"pending"`
		Expected      int    `json:"expected"`
	} `json:"sessions"`
}

// TestAttendanceJSON checks attendance --json against store.Compute at
// the instant the command reports.
func TestAttendanceJSON(t *testing.T) {
	path := demoFile(t)
	out := mustRun(t, "--data", path, "attendance", "--workshop", "demo", "--json")
	got := decode[attendanceJSONOut](t, out)
	for _, k := range []string{`"rule": {`, `"min_percent": 80`, `"late_after_minutes": 10`, `"participants": [`, `"sessions": [`, `"not_applicable"`, `"attended_hours"`} {
		if !strings.Contains(out, k) {
			t.Errorf("attendance --json lacks %s", k)
		}
	}
	d := loadDemo(t, path)
	want := store.Compute(d, got.Now)
	rows := store.EligibilityOf(d, want, nil)
	n := store.CountStandings(rows)
	if got.Workshop != "demo" || got.Rule["basis"] != "sessions" || got.Rule["text"] != want.Rule.String() {
		t.Errorf("workshop %q, rule %v", got.Workshop, got.Rule)
	}
	if got.Eligible != n.Eligible || got.AtRisk != n.AtRisk || got.Not != n.NotEligible || got.OnTrack != n.OnTrack ||
		got.Eligible+got.AtRisk+got.Not+got.OnTrack != len(d.Participants) {
		t.Errorf("totals %d/%d/%d/%d, want %s of %d", got.Eligible, got.OnTrack, got.AtRisk, got.Not, n, len(d.Participants))
	}
	if len(got.Participants) != len(d.Participants) || len(got.Sessions) != len(d.Sessions) {
		t.Fatalf("%d participants and %d sessions, want %d and %d", len(got.Participants), len(got.Sessions), len(d.Participants), len(d.Sessions))
	}
	statuses := map[string]int{}
	for i, p := range d.Participants {
		g, w := got.Participants[i], want.Participants[i]
		statuses[g.Status]++
		if g.ID != p.ID.String() || g.BadgeCode != p.BadgeCode || g.Name != p.FullName() ||
			g.Attended != w.Attended || g.Applicable != w.Applicable || g.Pending != w.Pending ||
			g.Eligible != rows[i].Eligible || g.AtRisk != w.AtRisk || g.CannotReach != w.CannotReach || g.Reason != rows[i].Reason ||
			g.Status != strings.ReplaceAll(string(rows[i].Standing()), " ", "_") || len(g.MissedMandatory) != len(w.MissedMandatory) ||
			g.ApplicableHours != round2(w.ApplicableTime.Hours()) || g.Percent != round2(w.Percent) {
			t.Errorf("participant %d (%s): got %+v, want %+v", i, p.FullName(), g, w)
		}
	}
	if statuses["on_track"] != got.OnTrack || statuses["not_eligible"] != got.Not {
		t.Errorf("statuses %v", statuses)
	}
	for i, se := range d.Sessions {
		g, w := got.Sessions[i], want.Sessions[i]
		if g.Number != i+1 || g.ID != se.ID.String() || g.Title != se.Title || g.Date != se.Date.String() || g.Start != se.Start.String() ||
			g.Present != w.Present || g.Late != w.Late || g.Excused != w.Excused || g.Absent != w.Absent ||
			g.NotApplicable != w.NotApplicable || g.Pending != w.Pending || g.Expected != w.Expected {
			t.Errorf("session %d (%s): got %+v, want %+v", i+1, se.Title, g, w)
		}
	}
	// The sample's first day is over: its sessions have marks.
	if s := got.Sessions[0]; s.Present == 0 || s.Present+s.Late+s.Excused+s.Absent+s.Pending != s.Expected || s.NotApplicable != 3 {
		t.Errorf("opening plenary: %+v", s)
	}
}

// TestAttendanceHuman checks the tables of attendance against
// store.Compute just before and just after the run (a session may end in
// between).
func TestAttendanceHuman(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	before := store.Compute(d, time.Now())
	out := mustRun(t, "--data", path, "attendance", "--workshop", "demo")
	after := store.Compute(d, time.Now())

	for _, want := range []string{"demo – Migration and sustainable rural development\n", "Rule: " + before.Rule.String() + "\n",
		"BADGE", "NAME", "SESSIONS", "HOURS", "STATUS", "REASON", "PRESENT", "EXCUSED", "N/A", "PENDING", "EXPECTED"} {
		if !strings.Contains(out, want) {
			t.Errorf("attendance output lacks %q:\n%s", want, out)
		}
	}
	lines := strings.Split(out, "\n")
	lineOf := func(prefix string) string {
		for _, l := range lines {
			if strings.HasPrefix(strings.TrimLeft(l, " "), prefix) {
				return l
			}
		}
		t.Fatalf("no line starting with %q:\n%s", prefix, out)
		return ""
	}
	matches := func(st *store.AttendanceStats) bool {
		rows := store.EligibilityOf(d, st, nil)
		for i, p := range d.Participants {
			ps := &st.Participants[i]
			l := lineOf(p.BadgeCode + "  ")
			if !strings.Contains(l, p.FullName()) || !strings.Contains(l, " "+ps.SessionsText()+" ") ||
				!strings.Contains(l, "  "+string(rows[i].Standing())+"  ") || !strings.HasSuffix(l, rows[i].Reason) {
				return false
			}
		}
		for i, se := range d.Sessions {
			f := strings.Fields(lineOf(fmt.Sprintf("%d  %s", i+1, se.Date)))
			ss := st.Sessions[i]
			want := []string{fmt.Sprint(ss.Present), fmt.Sprint(ss.Late), fmt.Sprint(ss.Excused), fmt.Sprint(ss.Absent),
				fmt.Sprint(ss.NotApplicable), fmt.Sprint(ss.Pending), fmt.Sprint(ss.Expected)}
			if se.Type == store.Break {
				want = []string{"–", "–", "–", "–", "–", "–", "–"}
			}
			if strings.Join(f[len(f)-7:], " ") != strings.Join(want, " ") {
				return false
			}
		}
		return true
	}
	if !matches(before) && !matches(after) {
		t.Errorf("attendance does not match store.Compute:\n%s", out)
	}
	summary := func(st *store.AttendanceStats) string {
		return store.CountStandings(store.EligibilityOf(d, st, nil)).String() + "\n"
	}
	if !strings.Contains(out, summary(before)) && !strings.Contains(out, summary(after)) {
		t.Errorf("no summary %q:\n%s", summary(after), out)
	}
}

// TestCheckinTooEarly refuses a check-in more than an hour before its
// session, naming the session running now, unless --early. The workshop's
// time zone puts the local time at about 10:00, whatever the hour of the
// test.
func TestCheckinTooEarly(t *testing.T) {
	path := newDataFile(t)
	offset := (10-time.Now().UTC().Hour()+12+24)%24 - 12 // local 10:xx, -12..+11 hours
	zone := fmt.Sprintf("Etc/GMT%+d", -offset)           // Etc/GMT signs are reversed
	loc, err := time.LoadLocation(zone)
	if err != nil {
		t.Fatal(err)
	}
	today := store.DateOf(time.Now().In(loc))
	var p store.Participant
	withStore(t, path, func(st *store.Store) {
		w := store.Workshop{Code: "early", Title: "Early", City: "Dakar", Country: "SN", TimeZone: zone, StartDate: today, EndDate: today}
		if err := st.SaveWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		for _, se := range []store.Session{
			{WorkshopID: w.ID, Date: today, Start: 9 * 60, End: 12*60 + 30, Title: "Morning", Counts: true},
			{WorkshopID: w.ID, Date: today, Start: 15 * 60, End: 17 * 60, Title: "Afternoon", Counts: true},
		} {
			if err := st.SaveSession(&se); err != nil {
				t.Fatal(err)
			}
		}
		p = store.Participant{WorkshopID: w.ID, GivenNames: "Awa", FamilyNames: "Ndiaye"}
		if err := st.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
	})
	msg := wantFailure(t, runCLI(t, "--data", path, "checkin", "--workshop", "early", "--session", "Afternoon", "--code", p.BadgeCode))
	for _, want := range []string{"Awa Ndiaye not checked in", "“Afternoon”", "“Morning” (09:00)", "--early"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the refusal %q does not say %q", msg, want)
		}
	}
	out := mustRun(t, "--data", path, "checkin", "--early", "--workshop", "early", "--session", "Afternoon", "--code", p.BadgeCode)
	if !checkedIn("Awa Ndiaye", "Afternoon").MatchString(out) {
		t.Errorf("with --early: %q", out)
	}
}

// TestCheckinAnyDayKeepsTheWindow checks in at a session of tomorrow with
// --any-day: the check-in window still holds (it is hours early), and
// only --early as well records it. --any-day used to lift both rules.
func TestCheckinAnyDayKeepsTheWindow(t *testing.T) {
	path := newDataFile(t)
	loc := time.UTC
	today := store.DateOf(time.Now().In(loc))
	var p store.Participant
	withStore(t, path, func(st *store.Store) {
		w := store.Workshop{Code: "twoday", Title: "Two days", City: "Dakar", Country: "SN", TimeZone: "UTC", StartDate: today, EndDate: today.AddDays(1)}
		if err := st.SaveWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		se := store.Session{WorkshopID: w.ID, Date: today.AddDays(1), Start: 9 * 60, End: 12 * 60, Title: "Tomorrow", Counts: true}
		if err := st.SaveSession(&se); err != nil {
			t.Fatal(err)
		}
		p = store.Participant{WorkshopID: w.ID, GivenNames: "Awa", FamilyNames: "Ndiaye"}
		if err := st.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
	})
	msg := wantFailure(t, runCLI(t, "--data", path, "checkin", "--any-day", "--workshop", "twoday", "--session", "Tomorrow", "--code", p.BadgeCode))
	if !strings.Contains(msg, "not checked in") || !strings.Contains(msg, "--early") {
		t.Errorf("--any-day alone, hours before the session: %q", msg)
	}
	out := mustRun(t, "--data", path, "checkin", "--any-day", "--early", "--workshop", "twoday", "--session", "Tomorrow", "--code", p.BadgeCode)
	if !checkedIn("Awa Ndiaye", "Tomorrow").MatchString(out) {
		t.Errorf("with --any-day --early: %q", out)
	}
}
