package ui

import (
	"cmp"
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// openTickBack opens the paper sign-in screen of the sample workshop at
// 13:00 on day 2, on the 14:00 quiz, which nobody has been marked at yet.
func openTickBack(t *testing.T) (*App, fyne.Window, *tickBackView) {
	t.Helper()
	u, w := openAttendanceAt(t, day2Afternoon, tabPaper)
	v := u.workshop.attendance.paper
	if se, _ := v.current(); se.Title != "Test your knowledge: migration data quiz" {
		t.Fatalf("the sheet opens on %q, want the next session", se.Title)
	}
	return u, w, v
}

func key(e *tickEntry, name fyne.KeyName) { e.TypedKey(&fyne.KeyEvent{Name: name}) }

// statusAt returns the stored status of row i of the sheet, "" when unmarked.
func statusAt(t *testing.T, u *App, v *tickBackView, i int) (store.Status, string) {
	t.Helper()
	se, _ := v.current()
	a, err := u.st.Attendance(se.ID, v.people[i].ID)
	if errors.Is(err, store.ErrNotFound) {
		return "", ""
	}
	if err != nil {
		t.Fatal(err)
	}
	return a.Status, a.Note
}

func TestTickBackOrderAndNumbers(t *testing.T) {
	u, w, v := openTickBack(t)
	d := u.workshop.data
	se, _ := v.current()
	var want []store.Participant
	for _, p := range d.Participants {
		if p.JoinedAt.IsZero() || !p.JoinedAt.After(se.StartsAt(d.Workshop.Location())) {
			want = append(want, p)
		}
	}
	slices.SortStableFunc(want, func(a, b store.Participant) int {
		return cmp.Or(strings.Compare(store.Fold(a.FamilyNames), store.Fold(b.FamilyNames)),
			strings.Compare(store.Fold(a.GivenNames), store.Fold(b.GivenNames)), strings.Compare(a.BadgeCode, b.BadgeCode))
	})
	if len(v.people) != 39 || len(want) != 39 {
		t.Fatalf("%d rows, want the 39 who joined by day 2 (not Habimana, day 3)", len(v.people))
	}
	for i := range want {
		if v.people[i].ID != want[i].ID {
			t.Fatalf("row %d is %s, want %s", i+1, v.people[i].FullName(), want[i].FullName())
		}
	}
	o := newTickRow()
	v.updateRow(0, o)
	if !containsIn(o, "1") || !containsIn(o, "Al-Amin, Mohamed   محمد الأمين") || !containsIn(o, "Ministry of Interior") {
		t.Error("row 1 should show its number, the name with the own script, and the organisation")
	}
	if v.count.Text != "0 ticked of 39" {
		t.Errorf("count %q", v.count.Text)
	}
	if w.Canvas().Focused() != v.number {
		t.Error("the row number box should have the focus")
	}
}

// containsIn reports whether a label under o shows exactly text.
func containsIn(o fyne.CanvasObject, text string) bool {
	for _, x := range test.LaidOutObjects(o) {
		if l, ok := x.(*widget.Label); ok && l.Text == text {
			return true
		}
	}
	return false
}

func TestTickBackNumberAndEnter(t *testing.T) {
	u, _, v := openTickBack(t)
	test.Type(v.number, "x3")
	if v.number.Text != "3" {
		t.Errorf("the number box took %q; only digits belong there", v.number.Text)
	}
	key(v.number, fyne.KeyReturn)
	if st, note := statusAt(t, u, v, 2); st != store.Present || !strings.Contains(note, "paper") {
		t.Fatalf("row 3 stored %q %q, want present from paper", st, note)
	}
	if v.number.Text != "" || v.selected != 2 || v.count.Text != "1 ticked of 39" {
		t.Errorf("after Enter: box %q, selected %d, count %q", v.number.Text, v.selected, v.count.Text)
	}
	if !strings.HasPrefix(v.message.Text, "3 · "+familyFirst(&v.people[2])) {
		t.Errorf("message %q", v.message.Text)
	}
	key(v.number, fyne.KeyReturn) // Enter alone again, as by accident: nothing changes
	if st, _ := statusAt(t, u, v, 2); st != store.Present || !strings.Contains(v.message.Text, "type 3 and Enter") {
		t.Fatalf("a second Enter alone stored %q (%q), want present kept", st, v.message.Text)
	}
	test.Type(v.number, "3")
	key(v.number, fyne.KeyReturn) // the number again: toggles back
	if st, _ := statusAt(t, u, v, 2); st != store.Absent {
		t.Fatalf("3 Enter again stored %q, want absent", st)
	}
	test.Type(v.number, "3")
	key(v.number, fyne.KeyEnter)
	if st, _ := statusAt(t, u, v, 2); st != store.Present {
		t.Fatalf("3 Enter on an absent row stored %q, want present", st)
	}
	test.Type(v.number, "99")
	key(v.number, fyne.KeyReturn)
	if !strings.Contains(v.message.Text, "There is no row 99") {
		t.Errorf("message %q", v.message.Text)
	}
	// The grid sees the marks when it comes into view.
	u.workshop.attendance.tabs.SelectIndex(tabGrid)
	g := u.workshop.attendance.grid
	se, _ := v.current()
	si := slices.IndexFunc(g.data.Sessions, func(s store.Session) bool { return s.ID == se.ID })
	if got := g.stats.Sessions[si].Present; got != 1 {
		t.Errorf("grid counts %d present at the quiz, want 1", got)
	}
}

func TestTickBackArrowsAndSpace(t *testing.T) {
	u, _, v := openTickBack(t)
	key(v.number, fyne.KeyDown) // selects row 1
	key(v.number, fyne.KeyDown)
	if v.selected != 1 {
		t.Fatalf("two Downs select row %d, want 2", v.selected+1)
	}
	key(v.number, fyne.KeySpace)
	v.number.TypedRune(' ') // the space rune that follows the key types nothing
	if st, _ := statusAt(t, u, v, 1); st != store.Present {
		t.Fatalf("Space stored %q on row 2", st)
	}
	if v.number.Text != "" {
		t.Errorf("the box holds %q", v.number.Text)
	}
	key(v.number, fyne.KeyUp)
	key(v.number, fyne.KeyUp) // stays on the first row
	key(v.number, fyne.KeySpace)
	if st, _ := statusAt(t, u, v, 0); st != store.Present || v.selected != 0 {
		t.Fatalf("row 1 stored %q, selected %d", st, v.selected+1)
	}
	key(v.number, fyne.KeySpace)
	if st, _ := statusAt(t, u, v, 0); st != store.Absent {
		t.Fatalf("Space again stored %q, want absent", st)
	}
	key(v.number, fyne.KeyPageDown)
	if v.selected != 10 {
		t.Errorf("Page Down selects row %d, want 11", v.selected+1)
	}
	if v.count.Text != "1 ticked of 39" {
		t.Errorf("count %q", v.count.Text)
	}
}

func TestTickBackKeepsCheckInOnFirstEnter(t *testing.T) {
	u, _, v := openTickBack(t)
	se, _ := v.current()
	p := v.people[4]
	if _, err := u.st.CheckIn(se.ID, p.ID, se.StartsAt(u.workshop.data.Workshop.Location())); err != nil {
		t.Fatal(err)
	}
	u.workshop.changed() // as the check-in screen leaves it
	v = u.workshop.attendance.paper
	test.Type(v.number, "5")
	key(v.number, fyne.KeyReturn)
	if st, _ := statusAt(t, u, v, 4); st != store.Present || !strings.Contains(v.message.Text, "already present") {
		t.Fatalf("a checked-in row became %q on the first Enter (%q)", st, v.message.Text)
	}
	test.Type(v.number, "5")
	key(v.number, fyne.KeyReturn)
	if st, _ := statusAt(t, u, v, 4); st != store.Absent {
		t.Fatalf("the second 5 Enter stored %q, want absent", st)
	}
}

// TestTickBackEnterAloneNeverUnticks follows the sequence of issue 21: a
// person checked in at the door has their number typed and Enter pressed,
// which arms the row; an Enter alone after that must still not mark them
// absent, nor may any further Enter alone on a ticked row.
func TestTickBackEnterAloneNeverUnticks(t *testing.T) {
	u, _, v := openTickBack(t)
	se, _ := v.current()
	p := v.people[4]
	if _, err := u.st.CheckIn(se.ID, p.ID, se.StartsAt(u.workshop.data.Workshop.Location())); err != nil {
		t.Fatal(err)
	}
	u.workshop.changed()
	v = u.workshop.attendance.paper
	test.Type(v.number, "5")
	key(v.number, fyne.KeyReturn) // arms row 5
	if v.armed != 4 || v.selected != 4 {
		t.Fatalf("5 Enter: armed %d, selected %d, want row 5 armed and selected", v.armed+1, v.selected+1)
	}
	for range 3 {
		key(v.number, fyne.KeyReturn) // Enter alone, armed row selected
		if st, _ := statusAt(t, u, v, 4); st != store.Present {
			t.Fatalf("an Enter alone on the armed row stored %q, want present kept", st)
		}
	}
	if !strings.Contains(v.message.Text, "type 5 and Enter") {
		t.Errorf("message %q should say how to mark them absent", v.message.Text)
	}
	// The number and Enter still marks them absent, as the help says.
	test.Type(v.number, "5")
	key(v.number, fyne.KeyReturn)
	if st, _ := statusAt(t, u, v, 4); st != store.Absent {
		t.Fatalf("5 Enter on the armed row stored %q, want absent", st)
	}
	// A row ticked from the paper: Enter alone ticks nothing away either.
	test.Type(v.number, "5")
	key(v.number, fyne.KeyReturn)
	key(v.number, fyne.KeyReturn)
	if st, _ := statusAt(t, u, v, 4); st != store.Present {
		t.Fatalf("an Enter alone after re-ticking stored %q, want present", st)
	}
}

func TestTickBackDoneMarksTheRestAbsent(t *testing.T) {
	u, w, v := openTickBack(t)
	for _, n := range []string{"1", "7", "12"} {
		test.Type(v.number, n)
		key(v.number, fyne.KeyReturn)
	}
	// The sheet is handed in once the session has started: absences
	// are refused before (TestTickBackDoneBeforeTheSessionMarksNobody).
	v.a.now = func() time.Time { return day2Afternoon.Add(2 * time.Hour) }
	test.Tap(v.done)
	test.Tap(button(t, w, "Mark 36 absent"))
	absent := 0
	for i := range v.people {
		st, note := statusAt(t, u, v, i)
		switch {
		case i == 0 || i == 6 || i == 11:
			if st != store.Present {
				t.Errorf("ticked row %d is %q", i+1, st)
			}
		case st == store.Absent && strings.Contains(note, "paper"):
			absent++
		default:
			t.Errorf("row %d is %q %q, want absent from paper", i+1, st, note)
		}
	}
	if absent != 36 || v.count.Text != "3 ticked of 39" {
		t.Errorf("%d absent, count %q", absent, v.count.Text)
	}
	if !containsText(w, "3 there, 36 absent (36 marked just now), of 39 on the sheet") {
		t.Error("Done should sum the sheet up")
	}
	if se, err := u.st.Session(v.sessions[v.session].ID); err != nil || se.FromPaperAt.IsZero() {
		t.Errorf("the session should be marked as recorded from paper: %+v %v", se.FromPaperAt, err)
	}
	// Done again has nobody left to mark and only sums up.
	test.Tap(button(t, w, "OK"))
	test.Tap(v.done)
	if !containsText(w, "(0 marked just now)") {
		t.Error("a second Done should only sum up")
	}
}

// TestTickBackDoneBeforeTheSessionMarksNobody presses Done on the sheet of
// a session that has not started: nobody is marked absent (the paper
// sign-in marked all 81 of a session 13 hours ahead absent, and their
// standings fell), and the sheet says why.
func TestTickBackDoneBeforeTheSessionMarksNobody(t *testing.T) {
	u, w, v := openTickBack(t)
	test.Type(v.number, "1")
	key(v.number, fyne.KeyReturn)
	test.Tap(v.done)
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && strings.HasSuffix(b.Text, "absent") && b.Visible() {
			t.Fatalf("Done offers %q before the session has started", b.Text)
		}
	}
	for i := range v.people {
		if st, _ := statusAt(t, u, v, i); st == store.Absent {
			t.Fatalf("row %d marked absent before the session started", i+1)
		}
	}
	if !containsText(w, "nobody can be marked absent before it starts") {
		t.Error("the sheet does not say why nobody was marked absent")
	}
	// Read whole at 1000 points wide: the message wraps, it is not cut.
	w.Resize(fyne.NewSize(1000, 700))
	one := fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{Bold: true}).Height
	if wide := fyne.MeasureText(v.message.Text, theme.TextSize(), fyne.TextStyle{Bold: true}).Width; wide > v.message.Size().Width && v.message.MinSize().Height < 2*one {
		t.Errorf("the refusal (%.0f wide) is cut to one line of %.0f", wide, v.message.Size().Width)
	}
}
