package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// TestGridTextFitsAt1024 opens the grid mid-workshop at 1024 × 768: the
// search box's placeholder and every figure of the summary columns
// (percent, sessions, hours so far and to come) fit their boxes whole,
// never cut with "…".
func TestGridTextFitsAt1024(t *testing.T) {
	for _, after := range []time.Duration{4 * time.Hour, 30 * time.Hour, 80 * time.Hour} {
		u, w := openAttendanceAt(t, addisMorning.Add(after), 1)
		w.Resize(fyne.NewSize(1000, 700)) // the first window on a 1024 × 768 screen
		gridTextFits(t, u.workshop.attendance.grid)
	}
}

func gridTextFits(t *testing.T, g *gridView) {
	t.Helper()
	pad := 2*theme.InnerPadding() + gridTextMargin()
	if need := fyne.MeasureText(g.search.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + pad; need > g.search.Size().Width {
		t.Errorf("search placeholder %q needs %.0f, the box is %.0f wide", g.search.PlaceHolder, need, g.search.Size().Width)
	}
	for row := range g.rows {
		for _, col := range []int{gridColPercent, gridColSessions, gridColHours} {
			text := cellText(g, row, col)
			if need := fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + pad; need > g.summaryWidths[col] {
				t.Errorf("row %d column %d: %q needs %.0f, the column is %.0f wide", row, col, text, need, g.summaryWidths[col])
			}
		}
	}
}

// TestParticipantSearchPlaceholderFitsAt1024 measures the participants'
// search placeholder against its box at 1024 × 768.
func TestParticipantSearchPlaceholderFitsAt1024(t *testing.T) {
	u, w := openSampleParticipants(t)
	w.Resize(fyne.NewSize(1000, 700))
	s := u.workshop.participants.search
	if need := fyne.MeasureText(s.PlaceHolder, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + gridTextMargin(); need > s.Size().Width {
		t.Errorf("search placeholder %q needs %.0f, the box is %.0f wide", s.PlaceHolder, need, s.Size().Width)
	}
}
