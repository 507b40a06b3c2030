package ui

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestSessionFormWarnsOfSummerTime types, in a workshop in Santiago de
// Chile, a start in the hour the clocks jump over (2026-09-06) and one in
// the hour that happens twice (2026-04-04): the form says what the session
// does then, and still saves it; an ordinary time gets no warning.
func TestSessionFormWarnsOfSummerTime(t *testing.T) {
	u, _, _ := startTest(t)
	for _, tc := range []struct {
		first, day, start, end, want string
	}{
		{"2026-09-05", "2026-09-06", "00:30", "02:00", "00:30 does not exist on Sun 6 Sep 2026 in America/Santiago: the clocks go forward from 00:00 to 01:00, so the session starts at 01:30"},
		{"2026-04-03", "2026-04-04", "23:15", "23:45", "23:15 happens twice on Sat 4 Apr 2026 in America/Santiago"},
	} {
		first, _ := store.ParseDate(tc.first)
		day, _ := store.ParseDate(tc.day)
		w := store.Workshop{Code: "santiago-" + tc.day, Title: "Noche de trabajo", City: "Santiago", Country: "CL",
			TimeZone: "America/Santiago", StartDate: first, EndDate: first.AddDays(2)}
		if err := u.st.SaveWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		u.showWorkshop(w.ID)
		av := showAgenda(t, u)
		test.Tap(av.add)
		f := av.form
		if f == nil {
			t.Fatal("Add session did not open the form")
		}
		f.day.SetSelectedIndex(slices.Index(f.days, day))
		f.start.SetText("09:00")
		f.end.SetText("10:00")
		if !f.clash.Hidden {
			t.Errorf("09:00 warns: %q", f.clash.Text)
		}
		f.start.SetText(tc.start)
		f.end.SetText(tc.end)
		if f.clash.Hidden || !strings.HasPrefix(f.clash.Text, tc.want) {
			t.Errorf("start %s on %s: warning %q (hidden %v), want %q", tc.start, tc.day, f.clash.Text, f.clash.Hidden, tc.want)
		}
		test.Type(f.title, "Night plenary")
		test.Tap(f.saveBtn)
		if av.form != nil {
			t.Fatalf("the session was not saved: %q", f.problem.Text)
		}
	}
}
