package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// attendanceWorkshop saves two sessions and n participants (badge codes
// as the store gives them, emails personK@example.org) into a new store.
func attendanceWorkshop(t testing.TB, dir string, n int) (*store.Store, *store.WorkshopData) {
	t.Helper()
	st, w := newStore(t, dir)
	for i, title := range []string{"Opening", "Panel"} {
		se := store.Session{WorkshopID: w.ID, Date: w.StartDate, Start: store.Clock(9*60 + 120*i), End: store.Clock(10*60 + 120*i),
			Title: title, Counts: true}
		if err := st.SaveSession(&se); err != nil {
			t.Fatal(err)
		}
	}
	var ps []*store.Participant
	for i := range n {
		ps = append(ps, &store.Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", i), FamilyNames: "Family",
			Email: fmt.Sprintf("person%d@example.org", i)})
	}
	if err := st.SaveParticipants(ps); err != nil {
		t.Fatal(err)
	}
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, d
}

func readCSVText(t testing.TB, text string) *Table {
	t.Helper()
	tb, err := Read("marks.csv", strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// TestImportAttendanceBadRows: each bad row is named with its problem, and
// nothing at all is written while one is left.
func TestImportAttendanceBadRows(t *testing.T) {
	st, d := attendanceWorkshop(t, t.TempDir(), 3)
	defer st.Close()
	b0, b1 := d.Participants[0].BadgeCode, d.Participants[1].BadgeCode
	text := "Badge code,Email,Session,Status,Time,Note\n" +
		b0 + ",,1,present,09:05,\n" + // fine
		",person1@example.org,Panel,late,,bus\n" + // fine, by email and title
		"QQQQQ,,1,present,,\n" + // unknown badge
		b1 + ",,7,present,,\n" + // unknown session
		b1 + ",,Closing,present,,\n" + // unknown session title
		b1 + ",,1,maybe,,\n" + // bad status
		b0 + ",,Opening,absent,,\n" + // duplicate of row 2
		",nobody@example.org,1,present,,\n" + // unknown email
		b1 + ",,1,present,25:99,\n" // bad time
	p, err := PlanAttendance(readCSVText(t, text), d)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{
		4: `unknown badge code "QQQQQ"`, 5: "unknown session 7", 6: `unknown session "Closing"`,
		7: `bad status "maybe"`, 8: "duplicate row: row 2", 9: `unknown email "nobody@example.org"`, 10: "bad time",
	}
	if len(p.Problems) != len(want) {
		t.Errorf("%d problems, want %d: %+v", len(p.Problems), len(want), p.Problems)
	}
	for _, pr := range p.Problems {
		if w, ok := want[pr.Row]; !ok || !strings.Contains(pr.Reason, w) {
			t.Errorf("row %d: %q, want %q", pr.Row, pr.Reason, w)
		}
	}
	if len(p.Marks) != 2 || p.New != 2 {
		t.Errorf("%d marks planned (%d new), want the 2 good rows", len(p.Marks), p.New)
	}
	if err := CommitAttendance(st, p); err == nil {
		t.Fatal("a plan with problems was committed")
	}
	after, err := st.LoadWorkshop(d.Workshop.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, marks := range after.Marks {
		if marks.Len() != 0 {
			t.Fatalf("marks were written although rows had problems: %v", after.Marks)
		}
	}
}

// TestImportAttendanceRecordsMarks: a clean file records every mark in one
// go, with its time and note, as a history version when it changes one.
func TestImportAttendanceRecordsMarks(t *testing.T) {
	st, d := attendanceWorkshop(t, t.TempDir(), 2)
	defer st.Close()
	se, pp := d.Sessions[0], d.Participants[0]
	first := store.Attendance{SessionID: se.ID, ParticipantID: pp.ID, Status: store.Absent}
	if err := st.RecordAttendance(&first); err != nil {
		t.Fatal(err)
	}
	if d, _ = st.LoadWorkshop(d.Workshop.ID); d == nil {
		t.Fatal("reload")
	}
	text := "Code badge;Séance;Statut;Heure;Remarque\n" +
		pp.BadgeCode + ";1;retard;09:20;bus\n" +
		d.Participants[1].BadgeCode + ";2;P;;\n"
	p, err := PlanAttendance(readCSVText(t, text), d)
	if err != nil || len(p.Problems) > 0 {
		t.Fatalf("plan: %v, %+v", err, p)
	}
	if p.New != 1 || p.Changed != 1 {
		t.Errorf("new %d, changed %d; want 1 and 1", p.New, p.Changed)
	}
	if err := CommitAttendance(st, p); err != nil {
		t.Fatal(err)
	}
	got, err := st.Attendance(se.ID, pp.ID)
	want := time.Date(2027, 3, 10, 9, 20, 0, 0, d.Workshop.Location())
	if err != nil || got.Status != store.Late || got.Note != "bus" || !got.RecordedAt.Equal(want) {
		t.Errorf("imported mark %+v, %v; want late at %v, bus", got, err, want)
	}
	hist, _ := st.AttendanceHistory(se.ID, pp.ID)
	if len(hist) != 2 || hist[0].Status != store.Absent {
		t.Errorf("history %+v, want absent then late", hist)
	}
}

// TestImportAttendanceNeedsItsColumns: a header without a session or
// status column is refused, naming what is missing.
func TestImportAttendanceNeedsItsColumns(t *testing.T) {
	st, d := attendanceWorkshop(t, t.TempDir(), 1)
	defer st.Close()
	_, err := PlanAttendance(readCSVText(t, "Name,Organisation\nAna,ILO\n"), d)
	if err == nil || !strings.Contains(err.Error(), "a badge code or email column and a session column and a status column") {
		t.Errorf("err = %v", err)
	}
}

// BenchmarkImportAttendance150000 reads, plans and commits 150,000 marks
// (5,000 participants × 30 sessions) into a file on disk. Issue 15 asks
// for at most 10 s.
func BenchmarkImportAttendance150000(b *testing.B) {
	const people, sessions = 5000, 30
	base := "/var/tmp"
	if _, err := os.Stat(base); err != nil {
		base = ""
	}
	for b.Loop() {
		b.StopTimer()
		dir, err := os.MkdirTemp(base, "importer-bench-")
		if err != nil {
			b.Fatal(err)
		}
		st, w := newStore(b, dir)
		w.EndDate = w.StartDate.AddDays(sessions/3 - 1)
		if err := st.SaveWorkshop(w); err != nil {
			b.Fatal(err)
		}
		for i := range sessions {
			se := store.Session{WorkshopID: w.ID, Date: w.StartDate.AddDays(i / 3), Start: store.Clock(9*60 + 120*(i%3)),
				End: store.Clock(10*60 + 120*(i%3)), Title: fmt.Sprintf("Session %d", i+1), Counts: true}
			if err := st.SaveSession(&se); err != nil {
				b.Fatal(err)
			}
		}
		var ps []*store.Participant
		for i := range people {
			ps = append(ps, &store.Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", i), FamilyNames: "Family"})
		}
		if err := st.SaveParticipants(ps); err != nil {
			b.Fatal(err)
		}
		var sb strings.Builder
		sb.WriteString("Badge code,Session,Status,Time\n")
		statuses := []string{"present", "late", "excused", "absent"}
		for s := range sessions {
			for i, p := range ps {
				fmt.Fprintf(&sb, "%s,%d,%s,%02d:%02d\n", p.BadgeCode, s+1, statuses[(i+s)%4], 9+2*(s%3), i%60)
			}
		}
		file := filepath.Join(dir, "marks.csv")
		if err := os.WriteFile(file, []byte(sb.String()), 0o600); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
		tb, err := ReadFile(file, "")
		if err != nil {
			b.Fatal(err)
		}
		d, err := st.LoadWorkshop(w.ID)
		if err != nil {
			b.Fatal(err)
		}
		p, err := PlanAttendance(tb, d)
		if err != nil || len(p.Problems) > 0 || len(p.Marks) != people*sessions {
			b.Fatalf("plan: %v, %d problems, %d marks", err, len(p.Problems), len(p.Marks))
		}
		if err := CommitAttendance(st, p); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		st.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}

// TestHostileAttendanceRows: a formula for a session, a note far over the
// limit and a badge code with control characters are each named on their
// row, and nothing is written.
func TestHostileAttendanceRows(t *testing.T) {
	st, d := attendanceWorkshop(t, t.TempDir(), 2)
	defer st.Close()
	b0 := d.Participants[0].BadgeCode
	text := "Badge code,Session,Status,Note\n" +
		b0 + ",=1+1,present,\n" +
		b0 + ",2,present," + strings.Repeat("n", store.OtherLimits["note"]+1) + "\n" +
		"\"\x1b[31m" + b0 + "\",1,present,\n"
	p, err := PlanAttendance(readCSVText(t, text), d)
	if err != nil {
		t.Fatal(err)
	}
	want := map[int]string{2: `unknown session "=1+1"`, 3: "note", 4: "unknown badge code"}
	if len(p.Problems) != len(want) {
		t.Fatalf("problems %+v, want rows 2, 3 and 4", p.Problems)
	}
	for _, pr := range p.Problems {
		if !strings.Contains(pr.Reason, want[pr.Row]) {
			t.Errorf("row %d: %q, want %q", pr.Row, pr.Reason, want[pr.Row])
		}
	}
	if err := CommitAttendance(st, p); err == nil {
		t.Error("a plan with problems was committed")
	}
}
