package ui

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// buildWorkshopctl builds the command line into a temporary folder.
func buildWorkshopctl(t *testing.T) string {
	t.Helper()
	goTool, err := exec.LookPath("go")
	if err != nil {
		t.Fatal("no go command to build workshopctl with")
	}
	bin := filepath.Join(t.TempDir(), "workshopctl")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	build := exec.Command(goTool, "build", "-o", bin, "../cmd/workshopctl")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build workshopctl: %v\n%s", err, out)
	}
	return bin
}

// addRandomWorkshop adds a workshop "random" running from yesterday to
// tomorrow in a far time zone, with a random agenda, rule, participants of
// every role (some joining late), marks on the sessions already over and
// decisions taken by hand.
func addRandomWorkshop(t *testing.T, st *store.Store, r *rand.Rand) {
	t.Helper()
	loc, _ := time.LoadLocation("America/Santiago")
	today := store.DateOf(time.Now().In(loc))
	minPct, late, mandatory := 50+r.IntN(51), r.IntN(2) == 0, r.IntN(2) == 0
	w := store.Workshop{Code: "random", Title: "Random workshop", City: "Santiago", Country: "CL", TimeZone: loc.String(),
		StartDate: today.AddDays(-1), EndDate: today.AddDays(1),
		Rule: store.AttendanceRule{MinPercent: &minPct, LateCounts: &late, ExcusedCounts: r.IntN(2) == 0, MandatoryRequired: &mandatory}}
	if r.IntN(3) == 0 {
		w.Rule.Basis = store.BasisHours
	}
	if err := st.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	var sessions []store.Session
	for day := range 3 {
		start := 8*60 + r.IntN(60)
		for k := range 2 + r.IntN(4) {
			length := 30 + 15*r.IntN(8)
			se := store.Session{WorkshopID: w.ID, Date: w.StartDate.AddDays(day), Title: fmt.Sprintf("Day %d session %d", day+1, k+1),
				Type: store.Plenary, Counts: r.IntN(6) > 0, Mandatory: r.IntN(5) == 0,
				Start: store.Clock(start), End: store.Clock(start + length)}
			if r.IntN(6) == 0 {
				se.Type, se.Counts, se.Mandatory = store.Break, false, false
			}
			if err := st.SaveSession(&se); err != nil {
				t.Fatalf("session %+v: %v", se, err)
			}
			sessions = append(sessions, se)
			start += length + r.IntN(30)
		}
	}
	roles := []store.Role{store.RoleParticipant, store.RoleParticipant, store.RoleParticipant, store.RoleObserver,
		store.RoleSpeaker, store.RoleFacilitator, store.RoleOrganiser}
	var people []store.Participant
	for i := range 15 + r.IntN(20) {
		p := store.Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", i), FamilyNames: fmt.Sprintf("Family%d", i),
			Country: "CL", Role: roles[r.IntN(len(roles))]}
		if r.IntN(8) == 0 {
			se := sessions[r.IntN(len(sessions))]
			p.JoinedAt = se.StartsAt(loc).Add(time.Duration(r.IntN(60)) * time.Minute)
		}
		if err := st.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
		people = append(people, p)
	}
	statuses := []store.Status{store.Present, store.Present, store.Present, store.Late, store.Excused, store.Absent}
	var marks []*store.Attendance
	for _, se := range sessions {
		if se.Type == store.Break || time.Now().Before(se.EndsAt(loc)) && r.IntN(2) == 0 {
			continue
		}
		for _, p := range people {
			if r.IntN(7) > 0 && (p.JoinedAt.IsZero() || p.JoinedAt.Before(se.StartsAt(loc))) {
				marks = append(marks, &store.Attendance{SessionID: se.ID, ParticipantID: p.ID,
					Status: statuses[r.IntN(len(statuses))], RecordedAt: se.StartsAt(loc)})
			}
		}
	}
	if err := st.RecordAttendances(marks); err != nil {
		t.Fatal(err)
	}
	for range 1 + r.IntN(3) {
		p := people[r.IntN(len(people))]
		if _, err := st.SetOverride(p.ID, r.IntN(2) == 0, "decided in the random test"); err != nil {
			t.Fatal(err)
		}
	}
}

// cliStandings is what workshopctl attendance --json says of the counts.
type cliStandings struct {
	Now          time.Time `json:"now"`
	Eligible     int       `json:"eligible"`
	Appreciation int       `json:"appreciation"`
	OnTrack      int       `json:"on_track"`
	AtRisk       int       `json:"at_risk"`
	NotEligible  int       `json:"not_eligible"`
	Participants []struct {
		Status string `json:"status"`
	} `json:"participants"`
}

// TestStandingsAgreeEverywhere checks that, at the same moment, the
// attendance grid, the Certificates section, the Reports section, the
// attendance report (its table and the counts its PDF prints) and
// "workshopctl attendance --json" give the same counts, on the sample
// workshop and on a random one. On main they read "0/28", "6/22" and "6
// eligible / 34 not" for one moment.
func TestStandingsAgreeEverywhere(t *testing.T) {
	if testing.Short() {
		t.Skip("builds workshopctl")
	}
	bin := buildWorkshopctl(t)
	path := filepath.Join(t.TempDir(), "w.db")
	st, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.InitDemo(); err != nil {
		t.Fatal(err)
	}
	seed := uint64(time.Now().UnixNano())
	t.Logf("random workshop seed %d", seed)
	addRandomWorkshop(t, st, rand.New(rand.NewPCG(seed, 20)))
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	for _, code := range []string{"demo", "random"} {
		out, err := exec.Command(bin, "--data", path, "--json", "attendance", "--workshop", code).Output()
		if err != nil {
			t.Fatalf("workshopctl attendance --workshop %s: %v", code, err)
		}
		var cli cliStandings
		if err := json.Unmarshal(out, &cli); err != nil {
			t.Fatal(err)
		}
		want := store.StandingCounts{Participants: len(cli.Participants), Eligible: cli.Eligible, Appreciation: cli.Appreciation,
			OnTrack: cli.OnTrack, AtRisk: cli.AtRisk, NotEligible: cli.NotEligible}
		t.Logf("%s at %s: %s", code, cli.Now, want)

		// The app, on the CLI's moment.
		now := cli.Now
		clock := func() time.Time { return now }
		a := test.NewTempApp(t)
		win := a.NewWindow("test")
		win.Resize(fyne.NewSize(1280, 800))
		u := Start(a, win, Config{DataPath: path, Version: "test", Now: clock, Open: func(p string) (*store.Store, error) {
			return store.Open(p, store.Options{NoAutoBackup: true, Now: clock})
		}})
		w, err := u.st.FindWorkshop(code)
		if err != nil {
			t.Fatal(err)
		}
		u.showWorkshop(w.ID)
		u.showSection(sectionAttendance)
		u.workshop.attendance.tabs.SelectIndex(tabGrid)
		if g := u.workshop.attendance.grid; !strings.HasPrefix(g.summary.Text, want.String()) {
			t.Errorf("%s: the grid says %q, the CLI %q", code, g.summary.Text, want)
		}
		u.showSection(sectionCertificates)
		c := u.workshop.certificates
		if !strings.HasPrefix(c.counts.Text, want.String()+" · ") {
			t.Errorf("%s: Certificates says %q, the CLI %q", code, c.counts.Text, want)
		}
		if wantPrint := fmt.Sprintf("Print %d eligible…", want.Eligible); c.print.Text != wantPrint {
			t.Errorf("%s: the print button says %q, want %q", code, c.print.Text, wantPrint)
		}
		u.showSection(sectionReports)
		if got := u.workshop.reports.standings; got != want {
			t.Errorf("%s: Reports counts %s, the CLI %s", code, got, want)
		}

		// The attendance report, as CSV (its table) and as the PDF counts it.
		d := u.workshop.data
		ov, err := u.st.Overrides(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if got := report.Standings(d, ov, now); got != want {
			t.Errorf("%s: the attendance report PDF counts %s, the CLI %s", code, got, want)
		}
		csvPath := filepath.Join(t.TempDir(), "attendance.csv")
		if _, err := ops.WriteReport(ops.ReportRequest{Kind: ops.ReportAttendance, Data: d, Overrides: ov, Format: "csv",
			Out: csvPath, Paper: pdf.A4, Now: now}); err != nil {
			t.Fatal(err)
		}
		if yes := eligibleInCSV(t, csvPath); yes != want.Eligible {
			t.Errorf("%s: the attendance report lists %d eligible, the CLI %d", code, yes, want.Eligible)
		}
		u.Close()
		win.Close()
	}
}

// eligibleInCSV counts the rows of the attendance report's participants
// table whose Eligible column says yes.
func eligibleInCSV(t *testing.T, path string) int {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	header := rows[0]
	header[0] = strings.TrimPrefix(header[0], "\uFEFF")
	col := slices.Index(header, "Eligible")
	if col < 0 {
		t.Fatalf("no Eligible column in %v", header)
	}
	n := 0
	for _, row := range rows[1:] {
		if row[col] == "yes" {
			n++
		}
	}
	return n
}

// TestRulesFormCountsAsTheGrid checks that the rule form's "Now:" line
// counts and words the standings as the grid does (it counted the rule
// alone, as "N eligible, N at risk, N cannot reach").
func TestRulesFormCountsAsTheGrid(t *testing.T) {
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	test.Tap(g.changeRule)
	want := "Now: " + store.CountStandings(g.elig).String() + "."
	if !strings.HasSuffix(g.rules.preview.Text, want) || !strings.HasPrefix(g.summary.Text, store.CountStandings(g.elig).String()) {
		t.Errorf("the rule form says %q, the grid %q; want %q", g.rules.preview.Text, g.summary.Text, want)
	}
}
