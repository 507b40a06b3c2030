package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// gridHeader is a column heading: up to four short lines and, for a
// session, a button with the session's actions. Its minimum size is small
// so that it does not make every row of the table as tall as itself.
type gridHeader struct {
	widget.BaseWidget
	lines [4]*canvas.Text
	menu  *widget.Button
}

func newGridHeader() fyne.CanvasObject {
	h := &gridHeader{}
	for i := range h.lines {
		h.lines[i] = canvas.NewText("", theme.Color(theme.ColorNameForeground))
		h.lines[i].TextSize = theme.CaptionTextSize()
	}
	h.lines[0].TextStyle.Bold = true
	h.lines[1].TextStyle.Bold = true
	h.menu = widget.NewButtonWithIcon("", theme.MoreVerticalIcon(), nil)
	h.menu.Importance = widget.LowImportance
	h.ExtendBaseWidget(h)
	return h
}

func (h *gridHeader) CreateRenderer() fyne.WidgetRenderer {
	objects := []fyne.CanvasObject{h.lines[0], h.lines[1], h.lines[2], h.lines[3], h.menu}
	return &gridHeaderRenderer{h: h, objects: objects}
}

type gridHeaderRenderer struct {
	h       *gridHeader
	objects []fyne.CanvasObject
}

func (r *gridHeaderRenderer) Layout(size fyne.Size) {
	pad := theme.Padding()
	line := (size.Height - 2*pad) / 4
	for i, l := range r.h.lines {
		l.Move(fyne.NewPos(pad, pad+float32(i)*line))
		l.Resize(fyne.NewSize(size.Width-2*pad, line))
	}
	m := fyne.NewSquareSize(gridMenuWidth)
	r.h.menu.Resize(m)
	r.h.menu.Move(fyne.NewPos(size.Width-m.Width, size.Height-m.Height))
}

func (r *gridHeaderRenderer) MinSize() fyne.Size { return fyne.NewSquareSize(8) }
func (r *gridHeaderRenderer) Refresh() {
	for _, l := range r.h.lines {
		l.Refresh()
	}
	r.h.menu.Refresh()
}
func (r *gridHeaderRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *gridHeaderRenderer) Destroy()                     {}

// set shows lines of text, each shortened to the width with an ellipsis.
func (h *gridHeader) set(width float32, lines ...string) {
	for i, l := range h.lines {
		text := ""
		if i < len(lines) {
			text = lines[i]
		}
		l.Text = fitText(text, width, l.TextSize, l.TextStyle)
		l.Color = theme.Color(theme.ColorNameForeground)
	}
	h.lines[2].Color = theme.Color(theme.ColorNamePlaceHolder)
}

// fitText shortens text with an ellipsis until it fits in width.
func fitText(text string, width, size float32, style fyne.TextStyle) string {
	if text == "" || fyne.MeasureText(text, size, style).Width <= width {
		return text
	}
	r := []rune(text)
	for len(r) > 0 {
		r = r[:len(r)-1]
		s := strings.TrimRight(string(r), " ") + "…"
		if fyne.MeasureText(s, size, style).Width <= width {
			return s
		}
	}
	return "…"
}

// wrapTwo breaks text into at most two lines that fit in width, the second
// shortened with an ellipsis when needed.
func wrapTwo(text string, width, size float32, style fyne.TextStyle) (string, string) {
	if fyne.MeasureText(text, size, style).Width <= width {
		return text, ""
	}
	words := strings.Fields(text)
	first := ""
	for i, w := range words {
		try := strings.TrimSpace(first + " " + w)
		if fyne.MeasureText(try, size, style).Width > width {
			if i == 0 {
				return fitText(text, width, size, style), ""
			}
			return first, strings.Join(words[i:], " ")
		}
		first = try
	}
	return first, ""
}

var gridSummaryTitles = [gridFirstSession][2]string{
	{"Participant", "family name, given names"},
	{"Standing", "for a certificate"},
	{"%", "so far"},
	{"Sessions", "so far +to come"},
	{"Hours", "so far +to come"},
}

func (g *gridView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	h := o.(*gridHeader)
	if id.Col < gridFirstSession {
		title := gridSummaryTitles[id.Col]
		h.menu.Hide()
		h.set(gridSummaryWidths[id.Col]-2*theme.Padding(), lang.L(title[0]), "", lang.L(title[1]))
		h.Refresh()
		return
	}
	si := id.Col - gridFirstSession
	se := &g.data.Sessions[si]
	width := g.widths[si] - 2*theme.Padding()
	if se.Type == store.Break {
		h.menu.Hide()
		a, b := wrapTwo(se.Title, width, h.lines[0].TextSize, h.lines[0].TextStyle)
		h.set(width, a, b, se.Start.String())
		h.lines[0].Color = theme.Color(theme.ColorNamePlaceHolder)
		h.lines[1].Color = theme.Color(theme.ColorNamePlaceHolder)
		h.Refresh()
		return
	}
	title := se.Title
	if se.Mandatory {
		title = "* " + title
	}
	a, b := wrapTwo(title, width, h.lines[0].TextSize, h.lines[0].TextStyle)
	h.set(width, a, b, g.dayTime(se), "")
	h.lines[3].Text = fitText(compactCounts(&g.stats.Sessions[si]), width-gridMenuWidth+theme.Padding(), h.lines[3].TextSize, h.lines[3].TextStyle)
	h.menu.Show()
	h.menu.OnTapped = func() { g.showSessionMenu(si, h.menu) }
	h.Refresh()
}

// dayTime names when a session starts: "Day 2 09:00".
func (g *gridView) dayTime(se *store.Session) string {
	return fmt.Sprintf(lang.L("Day %d %s"), g.data.Workshop.StartDate.DaysUntil(se.Date)+1, se.Start)
}

// compactCounts fits a session's counts under its heading: "P31 L4 E1 A2",
// or "38 to come" before anyone is recorded.
func compactCounts(s *store.SessionStats) string {
	if s.Pending > 0 && s.Pending == s.Expected {
		return fmt.Sprintf(lang.L("%d to come"), s.Pending)
	}
	return fmt.Sprintf(lang.L("P%d L%d E%d A%d"), s.Present, s.Late, s.Excused, s.Absent)
}

// shortCounts lists a session's counts in one short line:
// "P 31 · L 4 · E 1 · A 2 · n/a 2".
func shortCounts(s *store.SessionStats) string {
	text := fmt.Sprintf(lang.L("P %d · L %d · E %d · A %d"), s.Present, s.Late, s.Excused, s.Absent)
	if s.Pending > 0 {
		text += " · " + fmt.Sprintf(lang.L("to come %d"), s.Pending)
	}
	if s.NotApplicable > 0 {
		text += " · " + fmt.Sprintf(lang.L("n/a %d"), s.NotApplicable)
	}
	return text
}

// fullCounts says a session's counts in words.
func fullCounts(s *store.SessionStats) string {
	text := fmt.Sprintf(lang.L("Present %d · Late %d · Excused %d · Absent %d"), s.Present, s.Late, s.Excused, s.Absent)
	if s.Pending > 0 {
		text += " · " + fmt.Sprintf(lang.L("to come %d"), s.Pending)
	}
	if s.NotApplicable > 0 {
		text += " · " + fmt.Sprintf(lang.L("n/a %d"), s.NotApplicable)
	}
	if n := s.Unmarked - s.Pending; n > 0 {
		text += " " + fmt.Sprintf(lang.L("(%d of the absent not marked)"), n)
	}
	return text
}
