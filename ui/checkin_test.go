package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// addisMorning is 09:05 in Addis Ababa on the second day of the sample
// workshop, which InitDemo starts the day before its clock.
var addisMorning = time.Date(2026, 11, 26, 6, 5, 0, 0, time.UTC)

// startSampleAt opens the sample workshop with every clock fixed at now,
// on its check-in screen.
func startSampleAt(t *testing.T, now time.Time) (*App, fyne.Window, *checkInView) {
	t.Helper()
	clock := func() time.Time { return now }
	path := filepath.Join(t.TempDir(), "w.db")
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1100, 720))
	u := Start(a, w, Config{DataPath: path, Version: "test", Now: clock, Open: func(p string) (*store.Store, error) {
		return store.Open(p, store.Options{NoAutoBackup: true, Now: clock})
	}})
	t.Cleanup(func() { u.Close() })
	u.openSample()
	u.showSection(sectionAttendance)
	return u, w, u.workshop.attendance.checkIn
}

// setClock moves the app's clock and opens the workshop afresh, as on a
// later start of the app.
func setClock(u *App, now time.Time) *checkInView {
	u.now = func() time.Time { return now }
	id := u.workshop.data.Workshop.ID
	u.showHome()
	u.showWorkshop(id)
	u.showSection(sectionAttendance)
	return u.workshop.attendance.checkIn
}

func participantNamed(t *testing.T, u *App, family string) store.Participant {
	t.Helper()
	for _, p := range u.workshop.data.Participants {
		if p.FamilyNames == family {
			return p
		}
	}
	t.Fatalf("no participant %s", family)
	return store.Participant{}
}

func TestCheckInOpensOnSessionHappeningNow(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	if se.Title != "Panel: Climate, land and mobility" {
		t.Errorf("check-in opens on %q, want the 09:00 panel of day 2", se.Title)
	}
	if !strings.HasPrefix(v.pick.Selected, "Day 2 09:00") {
		t.Errorf("session picker shows %q", v.pick.Selected)
	}
	// Before the first session of a day, the next one is chosen.
	v = setClock(u, time.Date(2026, 11, 27, 4, 0, 0, 0, time.UTC)) // 07:00 on day 3
	if se, _ := v.current(); se.Title != "Working group reports and recommendations" {
		t.Errorf("before the day starts, check-in opens on %q, want the first session of day 3", se.Title)
	}
}

func TestCheckInByTypingAndEnter(t *testing.T) {
	u, w, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	if w.Canvas().Focused() != v.search {
		t.Fatal("the search box should have the focus when the check-in screen opens")
	}
	test.Type(w.Canvas().Focused(), "abe") // typed where the cursor is
	if got := u.workshop.data.Participants[v.found[0]].FullName(); got != "Abebe Bekele" {
		t.Fatalf("top match for abe = %s", got)
	}
	v.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	abebe := participantNamed(t, u, "Bekele")
	a, err := u.st.Attendance(se.ID, abebe.ID)
	if err != nil || a.Status != store.Present {
		t.Fatalf("stored %+v %v, want present", a, err)
	}
	if v.message.Text != "✓ Abebe Bekele" || !strings.Contains(v.detail.Text, "Present – checked in at 09:05") {
		t.Errorf("confirmation = %q / %q", v.message.Text, v.detail.Text)
	}
	if v.search.Text != "" {
		t.Error("the search box should be cleared for the next person")
	}
	if !strings.HasPrefix(v.counts.Text, "Checked in 1 of ") {
		t.Errorf("counts = %q", v.counts.Text)
	}

	// Accents are ignored.
	test.Type(v.search, "ozturk")
	v.enter()
	if v.message.Text != "✓ Mehmet Öztürk" {
		t.Errorf("ozturk checked in %q", v.message.Text)
	}

	// The same person again: nothing recorded twice.
	test.Type(v.search, "Bekele")
	v.enter()
	if !strings.Contains(v.detail.Text, "Already checked in at 09:05") {
		t.Errorf("second check-in says %q", v.detail.Text)
	}
	hist, _ := u.st.AttendanceHistory(se.ID, abebe.ID)
	if len(hist) != 1 {
		t.Errorf("history has %d versions after a repeated check-in, want 1", len(hist))
	}
}

func TestCheckInByBadgeCode(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	li := participantNamed(t, u, "Li")
	// A keyboard-style scanner types the code and Enter.
	test.Type(v.search, li.BadgeCode)
	v.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if a, err := u.st.Attendance(se.ID, li.ID); err != nil || a.Status != store.Present {
		t.Fatalf("badge %s: %+v %v", li.BadgeCode, a, err)
	}
	// Lower case and a dash, as a person may type it.
	wang := participantNamed(t, u, "Wang")
	test.Type(v.search, strings.ToLower(wang.BadgeCode[:2]+"-"+wang.BadgeCode[2:]))
	v.enter()
	if a, err := u.st.Attendance(se.ID, wang.ID); err != nil || a.Status != store.Present {
		t.Fatalf("typed badge: %+v %v", a, err)
	}
}

// TestCheckInBeforeJoining checks in someone registered as joining on the
// last day at a session of the day before: recorded, with a warning that
// it does not count and how to change it.
func TestCheckInBeforeJoining(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	jp := participantNamed(t, u, "Habimana")
	if !jp.JoinedAt.After(se.StartsAt(u.workshop.data.Workshop.Location())) {
		t.Fatalf("%s joins %v, not after %q", jp.FullName(), jp.JoinedAt, se.Title)
	}
	test.Type(v.search, jp.BadgeCode)
	v.enter()
	if a, err := u.st.Attendance(se.ID, jp.ID); err != nil || a.Status != store.Present {
		t.Fatalf("not recorded: %+v %v", a, err)
	}
	if !strings.Contains(v.detail.Text, "registered as joining on") || !strings.Contains(v.detail.Text, "does not count") {
		t.Errorf("the check-in of a later joiner says %q", v.detail.Text)
	}
	// The longer message wraps, and the banner grows with it over Undo.
	drv := fyne.CurrentApp().Driver()
	detailBottom := drv.AbsolutePositionForObject(v.detail).Y + v.detail.MinSize().Height
	if undoTop := drv.AbsolutePositionForObject(v.undo).Y; undoTop < detailBottom {
		t.Errorf("Undo (top %.0f) overlaps the message (bottom %.0f)", undoTop, detailBottom)
	}
}

// TestCheckInAfterAMiss scans a code that matches nobody, then a good
// one: the second scan replaces the first in the box and checks in.
func TestCheckInAfterAMiss(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	test.Type(v.search, "XXXXX")
	v.enter()
	if !strings.HasPrefix(v.message.Text, "No one found") {
		t.Fatalf("a code matching nobody says %q", v.message.Text)
	}
	li := participantNamed(t, u, "Li")
	test.Type(v.search, li.BadgeCode)
	if v.search.Text != li.BadgeCode {
		t.Errorf("the box holds %q after the second scan, want %q", v.search.Text, li.BadgeCode)
	}
	v.enter()
	if a, err := u.st.Attendance(se.ID, li.ID); err != nil || a.Status != store.Present {
		t.Errorf("the scan after a miss did not check in: %+v %v", a, err)
	}
}

func TestDurationText(t *testing.T) {
	for d, want := range map[time.Duration]string{45 * time.Minute: "45 min", 2 * time.Hour: "2 h", 160*time.Minute + 20*time.Second: "2 h 40 min"} {
		if got := durationText(d); got != want {
			t.Errorf("durationText(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestLateCheckInAndUndo(t *testing.T) {
	u, _, _ := startSampleAt(t, addisMorning)
	v := setClock(u, addisMorning.Add(20*time.Minute)) // 09:25, the panel began at 09:00
	se, _ := v.current()
	test.Type(v.search, "traore")
	v.enter()
	aminata := participantNamed(t, u, "Traoré")
	if a, _ := u.st.Attendance(se.ID, aminata.ID); a.Status != store.Late {
		t.Fatalf("status at 09:25 = %q, want late", a.Status)
	}
	if !strings.Contains(v.detail.Text, "Late") || !strings.HasSuffix(v.counts.Text, "1 late") {
		t.Errorf("late shown as %q, counts %q", v.detail.Text, v.counts.Text)
	}
	test.Tap(v.undo)
	if _, err := u.st.Attendance(se.ID, aminata.ID); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("after undo the record should be gone, got %v", err)
	}
	if !strings.HasPrefix(v.counts.Text, "Checked in 0 of") || v.undo.Disabled() == false {
		t.Errorf("after undo: counts %q, undo enabled %v", v.counts.Text, !v.undo.Disabled())
	}
}

func TestLateJoinersAreExpectedOnlyFromTheirArrival(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	_, _, expected := sessionCounts(u.workshop.data, se)
	// Olena Kovalenko and Łukasz Wróbel join on day 2 at 08:00, Jean-Pierre
	// Habimana on day 3: 39 are expected on day 2.
	if expected != 39 {
		t.Errorf("expected on day 2 = %d, want 39", expected)
	}
	first := v.sessions[0]
	if _, _, n := sessionCounts(u.workshop.data, first); n != 37 {
		t.Errorf("expected on day 1 = %d, want 37", n)
	}
}

func TestWalkInRegistersAndChecksIn(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	f := showWalkIn(v)
	test.Type(f.given, "Selam")
	test.Type(f.family, "Tadesse")
	test.Type(f.org, "Addis Ababa Chamber of Commerce")
	test.Type(&f.country.Entry, "Ethiopia")
	test.Tap(f.saveBtn)
	selam := participantNamed(t, u, "Tadesse")
	if selam.Country != "ET" || selam.BadgeCode == "" {
		t.Errorf("walk-in saved as %+v", selam)
	}
	if a, err := u.st.Attendance(se.ID, selam.ID); err != nil || a.Status != store.Present {
		t.Fatalf("walk-in not checked in: %+v %v", a, err)
	}
	v = u.workshop.attendance.checkIn
	if v.message.Text != "✓ Selam Tadesse" {
		t.Errorf("confirmation after walk-in = %q", v.message.Text)
	}
	// Sessions before the walk-in do not count against her.
	stats := store.Compute(u.workshop.data, addisMorning)
	for i, p := range u.workshop.data.Participants {
		if p.ID == selam.ID && stats.Participants[i].Applicable == 0 {
			t.Error("the current session should apply to the walk-in")
		}
	}
	// A walk-in without a name is refused, and nothing is saved.
	f = showWalkIn(v)
	test.Tap(f.saveBtn)
	if l := f.errs["family_name"]; !l.Visible() {
		t.Error("a walk-in without a name should be refused under the name")
	}
}

// BenchmarkCheckInEnter measures one check-in from Enter to the committed
// (fsynced) record, through the check-in screen, with 5,000 participants.
func BenchmarkCheckInEnter(b *testing.B) {
	dir, err := os.MkdirTemp(benchDir(), "checkin-bench-")
	if err != nil {
		b.Fatal(err)
	}
	defer os.RemoveAll(dir)
	test.NewTempApp(b)
	clock := func() time.Time { return time.Date(2027, 3, 8, 9, 5, 0, 0, time.UTC) }
	st, err := store.Open(filepath.Join(dir, "bench.db"), store.Options{NoAutoBackup: true, Now: clock})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	w := store.Workshop{Code: "bench", Title: "Bench", City: "Dakar", Country: "SN", TimeZone: "UTC",
		StartDate: store.Date{Year: 2027, Month: 3, Day: 8}, EndDate: store.Date{Year: 2027, Month: 3, Day: 10}}
	if err := st.SaveWorkshop(&w); err != nil {
		b.Fatal(err)
	}
	se := store.Session{WorkshopID: w.ID, Date: w.StartDate, Start: 9 * 60, End: 17 * 60, Title: "All day", Counts: true}
	if err := st.SaveSession(&se); err != nil {
		b.Fatal(err)
	}
	people := make([]*store.Participant, 5000)
	for i := range people {
		people[i] = &store.Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", i), FamilyNames: fmt.Sprintf("Family%d", i)}
	}
	if err := st.SaveParticipants(people); err != nil {
		b.Fatal(err)
	}
	a := test.NewTempApp(b)
	win := a.NewWindow("bench")
	u := Start(a, win, Config{DataPath: st.Path(), Now: clock, Open: func(string) (*store.Store, error) { return st, nil }})
	u.showWorkshop(w.ID)
	u.workshop.ensure(sectionAttendance)
	v := u.workshop.attendance.checkIn
	durations := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		v.search.SetText(people[i%len(people)].BadgeCode)
		start := time.Now()
		v.enter()
		durations = append(durations, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(durations)
	b.ReportMetric(float64(durations[len(durations)/2].Microseconds())/1000, "median-ms")
}

// benchDir is a folder on a real disk (not tmpfs), so that fsync costs what
// it costs on a laptop: $WORKSHOPDESK_BENCH_DIR, else /var/tmp.
func benchDir() string {
	if d := os.Getenv("WORKSHOPDESK_BENCH_DIR"); d != "" {
		return d
	}
	return "/var/tmp"
}
