package ui

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// shortcut runs the main menu item bound to s, failing if there is none.
func shortcut(t *testing.T, w fyne.Window, s *desktop.CustomShortcut) {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil && it.Shortcut.ShortcutName() == s.ShortcutName() {
				it.Action()
				return
			}
		}
	}
	t.Fatalf("no menu item for %s", s.ShortcutName())
}

// TestCheckInUndoSeveral checks three people in, takes back the last two
// with Undo last check-in and the first from its row of the Recent list,
// which names the session and survives leaving the workshop.
func TestCheckInUndoSeveral(t *testing.T) {
	u, w, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	var people []store.Participant
	for i, family := range []string{"Li", "Wang", "Bello"} {
		p := participantNamed(t, u, family)
		people = append(people, p)
		v.search.SetText(p.BadgeCode)
		v.a.now = func() time.Time { return addisMorning.Add(time.Duration(i) * time.Minute) }
		pressEnter(v)
	}
	if !strings.Contains(v.recent.head.Text, "Panel: Climate, land and mobility") {
		t.Errorf("the Recent list's heading %q does not name the session", v.recent.head.Text)
	}
	id := u.workshop.data.Workshop.ID
	u.showHome()
	u.showWorkshop(id)
	u.showSection(sectionAttendance)
	v = u.workshop.attendance.checkIn
	if len(v.recent.rows) != 3 || v.recent.rows[0].p.ID != people[2].ID {
		t.Fatalf("after leaving and coming back, Recent has %d rows", len(v.recent.rows))
	}
	test.Tap(v.undo)
	test.Tap(v.undo)
	if recorded(t, u, se, people[2]) || recorded(t, u, se, people[1]) || !recorded(t, u, se, people[0]) {
		t.Error("two Undos should take back the last two check-ins and only them")
	}
	// The remaining one from its row.
	var undo *widget.Button
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == "Undo" && b.Visible() {
			undo = b
		}
	}
	if undo == nil {
		t.Fatal("no Undo on the Recent list's row")
	}
	test.Tap(undo)
	if recorded(t, u, se, people[0]) || len(v.recent.rows) != 0 || !v.undo.Disabled() {
		t.Errorf("after undoing from the row: recorded %v, %d rows", recorded(t, u, se, people[0]), len(v.recent.rows))
	}
}

// TestNotYetArrived opens the list of those expected and not in with
// Ctrl+E, from another section, and checks in the second of it.
func TestNotYetArrived(t *testing.T) {
	u, w, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	li := participantNamed(t, u, "Li")
	v.search.SetText(li.BadgeCode)
	pressEnter(v)
	u.showSection(sectionReports)
	shortcut(t, w, shortcutNotArrived)
	if u.workshop.tabs.SelectedIndex() != sectionAttendance || w.Canvas().Focused() != v.search {
		t.Fatal("Ctrl+E should show the check-in screen with the cursor in the box")
	}
	in, _, expected := sessionCounts(u.workshop.data, se)
	if !v.waiting || len(v.found) != expected-in {
		t.Fatalf("not yet arrived lists %d, want %d", len(v.found), expected-in)
	}
	for _, i := range v.found {
		if u.workshop.data.Participants[i].ID == li.ID {
			t.Error("Li Wei, checked in, is listed as not yet arrived")
		}
	}
	// In the sign-in sheet's order, accents folded: Gonçalves before
	// González, as on paper.
	sheet := pdf.SignInOrder(u.workshop.data, se)
	var want []uuid.UUID
	for _, p := range sheet {
		if slices.ContainsFunc(v.found, func(i int) bool { return u.workshop.data.Participants[i].ID == p.ID }) {
			want = append(want, p.ID)
		}
	}
	for k, i := range v.found {
		if k < len(want) && u.workshop.data.Participants[i].ID != want[k] {
			t.Fatalf("not yet arrived, row %d: %s, the sheet has %s there", k+1, u.workshop.data.Participants[i].FullName(), want[k])
		}
	}
	second := u.workshop.data.Participants[v.found[1]]
	v.search.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	pressEnter(v)
	if !recorded(t, u, se, second) {
		t.Errorf("↓ and Enter on the list did not check in %s", second.FullName())
	}
	if !v.waiting || len(v.found) != expected-in-1 {
		t.Errorf("the list should stay open and shrink: waiting %v, %d", v.waiting, len(v.found))
	}
}

// TestKeyboardReachesEverySection goes through the sections with Ctrl+1…8
// (one for each section) and the Attendance tabs with Ctrl+PageDown, and back to the check-in
// box with Ctrl+K; ↑ in the session picker moves one up.
func TestKeyboardReachesEverySection(t *testing.T) {
	u, w, v := startSampleAt(t, addisMorning)
	if len(shortcutSections) != len(workshopSections()) {
		t.Errorf("%d section shortcuts for %d sections", len(shortcutSections), len(workshopSections()))
	}
	for i, s := range shortcutSections {
		shortcut(t, w, s)
		if got := u.workshop.tabs.SelectedIndex(); got != i {
			t.Errorf("%s shows section %d, want %d", s.ShortcutName(), got, i)
		}
	}
	shortcut(t, w, shortcutSections[sectionAttendance])
	tabs := u.workshop.attendance.tabs
	for _, want := range []int{1, 2, 0} {
		shortcut(t, w, shortcutNextTab)
		if tabs.SelectedIndex() != want {
			t.Errorf("Ctrl+PageDown shows tab %d, want %d", tabs.SelectedIndex(), want)
		}
	}
	shortcut(t, w, shortcutPrevTab)
	if tabs.SelectedIndex() != 2 {
		t.Errorf("Ctrl+PageUp shows tab %d, want 2", tabs.SelectedIndex())
	}
	shortcut(t, w, shortcutSections[sectionParticipants])
	shortcut(t, w, shortcutCheckIn)
	if u.workshop.tabs.SelectedIndex() != sectionAttendance || tabs.SelectedIndex() != 0 || w.Canvas().Focused() != v.search {
		t.Error("Ctrl+K should put the cursor in the check-in box")
	}
	at := v.pick.SelectedIndex()
	w.Canvas().Focus(v.pick)
	v.pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if v.pick.SelectedIndex() != at-1 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("↑ in the session picker: %d (menu open %v), want %d", v.pick.SelectedIndex(), w.Canvas().Overlays().Top() != nil, at-1)
	}
	v.pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	if v.pick.SelectedIndex() != at {
		t.Errorf("↓ in the session picker: %d, want %d", v.pick.SelectedIndex(), at)
	}
}

// TestWindowSizeRemembered resizes the window and closes it: the size is
// in the preferences when the window closes (Fyne writes them for the last
// time as the app stops, before ShowAndRun returns), and the next start
// uses it.
func TestWindowSizeRemembered(t *testing.T) {
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	u := Start(a, w, Config{DataPath: t.TempDir() + "/w.db", Open: testOpener})
	w.Resize(fyne.NewSize(1234, 700))
	w.Close()
	if got := a.Preferences().Float(prefWidth); got != 1234 {
		t.Errorf("width saved as the window closed = %v, want 1234", got)
	}
	u.closeStore()
	w2 := a.NewWindow("again")
	u2 := Start(a, w2, Config{DataPath: t.TempDir() + "/w.db", Open: testOpener})
	defer u2.Close()
	if got := w2.Canvas().Size().Width; got != 1234 {
		t.Errorf("reopened at width %v, want 1234", got)
	}
}

// TestPaperSignInPickerSteps checks that ↑ in the paper sign-in's session
// picker moves one session up, as on the check-in screen.
func TestPaperSignInPickerSteps(t *testing.T) {
	u, w, _ := startSampleAt(t, addisMorning)
	v := u.workshop.attendance.paper
	at := v.pick.SelectedIndex()
	w.Canvas().Focus(v.pick)
	v.pick.TypedKey(&fyne.KeyEvent{Name: fyne.KeyUp})
	if v.pick.SelectedIndex() != at-1 || w.Canvas().Overlays().Top() != nil {
		t.Errorf("↑ in the paper sign-in picker: %d, want %d", v.pick.SelectedIndex(), at-1)
	}
}
