package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// TestReasonsInTheScreensLanguage checks that the eligibility reasons
// store words in English show in the screens' language: in the
// certificates' list and detail, and under the attendance grid.
func TestReasonsInTheScreensLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	setLanguage("fr")
	_, _, s := startCertificates(t)
	i := rowNamed(t, s, "Diop")
	if got := rowView(s, i).reason.Text; !strings.Contains(got, "séances") || strings.Contains(got, "sessions") {
		t.Errorf("the reason in the French list reads %q", got)
	}
	s.selected = 0
	s.showDetail()
	if strings.Contains(s.detail.Text, " sessions") || !strings.Contains(s.detail.Text, "séances") {
		t.Errorf("the French detail reads %q", s.detail.Text)
	}

	setLanguage("es")
	u, _ := openAttendanceAt(t, day2Afternoon, tabGrid)
	g := u.workshop.attendance.grid
	g.table.Select(widget.TableCellID{Row: rowOf(t, g, "Diop"), Col: gridColName})
	if strings.Contains(g.detail.Text, " sessions") || !strings.Contains(g.detail.Text, "sesiones") {
		t.Errorf("the Spanish grid explains %q", g.detail.Text)
	}
}
