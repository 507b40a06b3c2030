package main

import (
	"strings"
	"testing"
)

// TestInitDemoAndWorkshops creates the sample workshop and lists it as a
// table and as JSON.
func TestInitDemoAndWorkshops(t *testing.T) {
	path := newDataFile(t)
	out := mustRun(t, "--data", path, "init-demo")
	for _, want := range []string{`"demo"`, "Migration and sustainable rural development", "Addis Ababa, Ethiopia", "sessions      10", "participants  40"} {
		if !strings.Contains(out, want) {
			t.Errorf("init-demo output lacks %q:\n%s", want, out)
		}
	}
	msg := wantFailure(t, runCLI(t, "--data", path, "init-demo"))
	if !strings.Contains(msg, "already exists") {
		t.Errorf("second init-demo: %q", msg)
	}

	t.Run("human", func(t *testing.T) {
		out := mustRun(t, "--data", path, "workshops")
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 2 {
			t.Fatalf("want a heading and one workshop, got:\n%s", out)
		}
		for _, want := range []string{"CODE", "TITLE", "SERIES", "COUNTRY", "DATES", "SESSIONS", "PARTICIPANTS"} {
			if !strings.Contains(lines[0], want) {
				t.Errorf("heading lacks %s: %q", want, lines[0])
			}
		}
		fields := strings.Fields(lines[1])
		if fields[0] != "demo" || fields[len(fields)-2] != "10" || fields[len(fields)-1] != "40" {
			t.Errorf("workshop line: %q", lines[1])
		}
		if !strings.Contains(lines[1], "Ethiopia") || !strings.Contains(lines[1], " – ") ||
			!strings.Contains(lines[1], "  Regional workshops on migration policy  ") {
			t.Errorf("workshop line lacks the country name, the date range or the series: %q", lines[1])
		}
	})

	t.Run("json", func(t *testing.T) {
		list := decode[[]map[string]any](t, mustRun(t, "--data", path, "--json", "workshops"))
		if len(list) != 1 {
			t.Fatalf("want one workshop, got %d", len(list))
		}
		w := list[0]
		want := map[string]any{"code": "demo", "city": "Addis Ababa", "country": "ET", "time_zone": "Africa/Addis_Ababa",
			"sessions": 10.0, "participants": 40.0}
		for k, v := range want {
			if w[k] != v {
				t.Errorf("%s = %v, want %v", k, w[k], v)
			}
		}
		for _, k := range []string{"id", "title", "start_date", "end_date", "created_at"} {
			if _, ok := w[k]; !ok {
				t.Errorf("no field %q in %v", k, w)
			}
		}
	})
}

// TestParticipants lists the sample participants as JSON (snake_case
// fields) and as a table whose columns stay aligned after native names.
func TestParticipants(t *testing.T) {
	path := demoFile(t)

	t.Run("json", func(t *testing.T) {
		list := decode[[]map[string]any](t, mustRun(t, "--data", path, "participants", "--workshop", "demo", "--json"))
		if len(list) != 40 {
			t.Fatalf("want 40 participants, got %d", len(list))
		}
		for _, k := range []string{"id", "workshop_id", "badge_code", "family_name", "given_names", "role", "email"} {
			if _, ok := list[0][k]; !ok {
				t.Errorf("no field %q in %v", k, list[0])
			}
		}
		var li map[string]any
		for _, p := range list {
			if p["family_name"] == "Li" {
				li = p
			}
		}
		if li == nil || li["native_name"] != "李伟" || li["given_names"] != "Wei" || li["country"] != "CN" {
			t.Errorf("Li Wei: %v", li)
		}
	})

	t.Run("human", func(t *testing.T) {
		out := mustRun(t, "--data", path, "participants", "--workshop", "DEMO")
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != 41 {
			t.Fatalf("want a heading and 40 participants, got %d lines", len(lines))
		}
		// The column after the native names starts at the same terminal
		// column on every line, whatever the script.
		col := func(line, cell string) int {
			i := strings.Index(line, cell)
			if i < 0 {
				t.Fatalf("%q not in %q", cell, line)
			}
			return displayWidth(line[:i])
		}
		want := col(lines[0], "COUNTRY")
		for _, tt := range []struct{ name, country string }{
			{"李伟", " CN "}, {"አበበ በቀለ", " ET "}, {"Дмитрий Иванов", " RU "}, {"Çağlar", " TR "},
		} {
			for _, line := range lines {
				if strings.Contains(line, tt.name) {
					if got := col(line, tt.country) + 1; got != want {
						t.Errorf("country of %s at column %d, want %d:\n%s\n%s", tt.name, got, want, lines[0], line)
					}
				}
			}
		}
		if !strings.Contains(out, "Bekele         Abebe           አበበ በቀለ") {
			t.Errorf("the native name is not beside the Latin one:\n%s", out)
		}
	})
}

// TestAddWorkshopAndSessions adds a workshop and sessions and reads them
// back, naming the workshop by code, ID and ID prefix.
func TestAddWorkshopAndSessions(t *testing.T) {
	path := newDataFile(t)
	out := mustRun(t, "--data", path, "add-workshop", "--code", "Addis-2027", "--title", " Labour migration statistics ",
		"--city", "Addis Ababa", "--country", "Ethiopia", "--start", "2027-03-01", "--end", "2027-03-03",
		"--series", "Regional workshops", "--organiser", "IMP", "--partners", "AU; ILO", "--language", "en")
	if !strings.HasPrefix(out, "added workshop addis-2027 with ID ") {
		t.Errorf("add-workshop printed %q", out)
	}
	id := strings.TrimSpace(strings.TrimPrefix(out, "added workshop addis-2027 with ID "))

	list := decode[[]map[string]any](t, mustRun(t, "--data", path, "--json", "workshops"))
	if len(list) != 1 {
		t.Fatalf("want one workshop, got %v", list)
	}
	want := map[string]any{"id": id, "code": "addis-2027", "title": "Labour migration statistics", "country": "ET",
		"time_zone": "Africa/Addis_Ababa", "start_date": "2027-03-01", "end_date": "2027-03-03",
		"series": "Regional workshops", "organiser": "IMP", "partners": "AU; ILO", "language": "en", "sessions": 0.0}
	for k, v := range want {
		if list[0][k] != v {
			t.Errorf("%s = %v, want %v", k, list[0][k], v)
		}
	}

	// A country by another name, and an explicit time zone.
	w := decode[map[string]any](t, mustRun(t, "--data", path, "--json", "add-workshop", "--code", "abidjan", "--title", "T",
		"--city", "Abidjan", "--country", "ivory coast", "--tz", "Africa/Abidjan", "--start", "2027-05-01", "--end", "2027-05-01"))
	if w["country"] != "CI" || w["time_zone"] != "Africa/Abidjan" {
		t.Errorf("workshop in Ivory Coast: %v", w)
	}

	// Sessions, naming the workshop by code, ID and ID prefix (long enough
	// to pass the time-ordered part of a UUIDv7, which two workshops made
	// in the same millisecond share).
	sessions := []struct {
		ref       string
		args      []string
		title     string
		typ       string
		counts    bool
		mandatory bool
	}{
		{"addis-2027", []string{"--date", "2027-03-01", "--start", "09:00", "--end", "10:30", "--mandatory"}, "Opening", "plenary", true, true},
		{id, []string{"--date", "2027-03-01", "--start", "10:30", "--end", "11:00", "--type", "break", "--room", "Foyer"}, "Coffee", "break", false, false},
		{id[:28], []string{"--date", "2027-03-02", "--start", "09:00", "--end", "12:00", "--type", "working group", "--speakers", "A; B"}, "Groups", "working_group", true, false},
		{"ADDIS-2027", []string{"--date", "2027-03-03", "--start", "14:00", "--end", "17:00", "--type", "field-visit", "--no-count"}, "Visit", "field_visit", false, false},
	}
	for _, se := range sessions {
		args := append([]string{"--data", path, "add-session", "--workshop", se.ref, "--title", se.title}, se.args...)
		if out := mustRun(t, args...); !strings.Contains(out, `added session "`+se.title+`" to addis-2027`) {
			t.Errorf("add-session printed %q", out)
		}
	}
	got := decode[[]map[string]any](t, mustRun(t, "--data", path, "sessions", "--workshop", "addis-2027", "--json"))
	if len(got) != len(sessions) {
		t.Fatalf("want %d sessions, got %d", len(sessions), len(got))
	}
	for i, se := range sessions {
		g := got[i]
		if g["title"] != se.title || g["type"] != se.typ || g["counts"] != se.counts || g["mandatory"] != se.mandatory || g["workshop_id"] != id {
			t.Errorf("session %d = %v, want %+v", i, g, se)
		}
	}
	if got[0]["start"] != "09:00" || got[0]["end"] != "10:30" || got[0]["date"] != "2027-03-01" {
		t.Errorf("first session: %v", got[0])
	}

	human := mustRun(t, "--data", path, "sessions", "--workshop", "addis-2027")
	for _, want := range []string{"09:00–10:30", "yes, mandatory", "working group", "Foyer"} {
		if !strings.Contains(human, want) {
			t.Errorf("sessions output lacks %q:\n%s", want, human)
		}
	}
	if !strings.Contains(human, "\n2  2027-03-01  10:30–11:00  Coffee") {
		t.Errorf("sessions output does not number the sessions as checkin --session takes them:\n%s", human)
	}
	for _, w := range decode[[]map[string]any](t, mustRun(t, "--data", path, "--json", "workshops")) {
		if w["code"] == "addis-2027" && w["sessions"] != float64(len(sessions)) {
			t.Errorf("workshops counts %v sessions for addis-2027, want %d", w["sessions"], len(sessions))
		}
	}

	// A session in a room already taken is added, with a note; the list
	// flags both.
	out = mustRun(t, "--data", path, "add-session", "--workshop", "addis-2027", "--title", "Press", "--date", "2027-03-01",
		"--start", "10:45", "--end", "11:15", "--room", " foyer")
	if !strings.HasSuffix(out, "\nnote: foyer is also taken by session 2 “Coffee”, 10:30–11:00\n") {
		t.Errorf("add-session into a taken room printed %q", out)
	}
	human = mustRun(t, "--data", path, "sessions", "--workshop", "addis-2027")
	for _, want := range []string{"Foyer (clash with 3)", "foyer (clash with 2)", "\n2 sessions share a room at the same time"} {
		if !strings.Contains(human, want) {
			t.Errorf("sessions output lacks %q:\n%s", want, human)
		}
	}
}

// TestValidationErrors checks that invalid records fail with one line that
// names the flag to correct, and save nothing.
func TestValidationErrors(t *testing.T) {
	path := demoFile(t)
	demo := decode[[]map[string]any](t, mustRun(t, "--data", path, "--json", "workshops"))[0]
	workshop := func(changes ...string) []string {
		flags := map[string]string{"--code": "new-one", "--title": "T", "--city": "Dakar", "--country": "SN",
			"--start": "2027-02-01", "--end": "2027-02-03"}
		for i := 0; i < len(changes); i += 2 {
			flags[changes[i]] = changes[i+1]
		}
		args := []string{"--data", path, "add-workshop"}
		for k, v := range flags {
			args = append(args, k, v)
		}
		return args
	}
	session := func(changes ...string) []string {
		flags := map[string]string{"--workshop": "demo", "--title": "T", "--start": "09:00", "--end": "10:00", "--date": demo["start_date"].(string)}
		for i := 0; i < len(changes); i += 2 {
			flags[changes[i]] = changes[i+1]
		}
		args := []string{"--data", path, "add-session"}
		for k, v := range flags {
			args = append(args, k, v)
		}
		return args
	}
	tests := []struct {
		name string
		args []string
		want []string // in the message
	}{
		{"end before start", workshop("--end", "2027-01-31"), []string{"--end", "before the start date"}},
		{"impossible date", workshop("--end", "2027-02-30"), []string{"--end", "2027-02-30"}},
		{"malformed date", workshop("--start", "1/2/2027"), []string{"--start", "1/2/2027"}},
		{"unknown country", workshop("--country", "Narnia"), []string{"--country", "Narnia"}},
		{"duplicate code", workshop("--code", "demo"), []string{"--code", "already used"}},
		{"bad code", workshop("--code", "a b"), []string{"--code"}},
		{"unknown time zone", workshop("--tz", "Mars/Olympus"), []string{"--tz", "Mars/Olympus"}},
		{"several problems", workshop("--title", "", "--country", "XX", "--end", "2027-02-30"), []string{"--title", "--country", "--end"}},
		{"session outside the workshop", session("--date", "1999-01-01"), []string{"--date", "outside"}},
		{"session without a date", session("--date", ""), []string{"--date", "required"}},
		{"session ends before it starts", session("--start", "11:00", "--end", "10:00"), []string{"--end", "after the start"}},
		{"impossible time", session("--start", "25:10"), []string{"--start", "25:10"}},
		{"unknown session type", session("--type", "lunch"), []string{"--type", "lunch"}},
	}
	before := mustRun(t, "--data", path, "--json", "workshops")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			msg := wantFailure(t, runCLI(t, tt.args...))
			for _, want := range tt.want {
				if !strings.Contains(msg, want) {
					t.Errorf("message %q does not mention %q", msg, want)
				}
			}
		})
	}
	if after := mustRun(t, "--data", path, "--json", "workshops"); after != before {
		t.Errorf("a failed command changed the data:\nbefore %s\nafter %s", before, after)
	}
}

// TestUnknownWorkshop checks the message for a workshop that does not exist.
func TestUnknownWorkshop(t *testing.T) {
	path := demoFile(t)
	for _, args := range [][]string{
		{"sessions", "--workshop", "nowhere"},
		{"participants", "--workshop", "nowhere"},
		{"add-session", "--workshop", "nowhere", "--date", "2027-01-01", "--start", "09:00", "--end", "10:00", "--title", "x"},
		{"participants", "--workshop", "ffffffff-ffff-7fff-bfff-ffffffffffff"},
	} {
		msg := wantFailure(t, runCLI(t, append([]string{"--data", path}, args...)...))
		if !strings.Contains(msg, `no workshop has the code or ID "`) || !strings.Contains(msg, args[2]) {
			t.Errorf("%v: message %q does not name the unknown workshop", args, msg)
		}
	}
}
