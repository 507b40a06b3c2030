package ui

import (
	"cmp"
	"fmt"
	"image/color"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// The grid's columns: the participant and their standing stay in place on
// the left while the sessions scroll, so that the status of everyone is
// visible with 30 sessions as with 5.
const (
	gridColName = iota
	gridColStatus
	gridColPercent
	gridColSessions
	gridColHours
	gridFirstSession // the first session column; one column per session in agenda order
)

// The widths of the grid's columns.
const (
	gridNameWidth    = 210
	gridSessionWidth = 104
	gridBreakWidth   = 56
	gridHeaderHeight = 70
	gridMenuWidth    = 28 // the session menu button in the heading
)

var gridSummaryWidths = [gridFirstSession]float32{gridNameWidth, 124, 56, 92, 96}

// The filters of the grid, in the order of its filter select.
const (
	filterEveryone = iota
	filterAtRisk
	filterNotEligible
	filterEligible
	filterOnTrack
)

var gridFilterLabels = []string{"Everyone", "At risk", "Not eligible", "Eligible", "On track"}

// The icons of present and absent cells; the other statuses are letters.
var (
	gridPresentIcon fyne.Resource = theme.NewSuccessThemedResource(theme.ConfirmIcon())
	gridAbsentIcon  fyne.Resource = theme.NewErrorThemedResource(theme.CancelIcon())
)

// gridView shows every participant by every session, with each one's
// standing for a certificate (store.EligibilityRow.Standing, as in
// Certificates and the reports): who is eligible, on track, at risk or not
// eligible. It is a virtualised
// table, so only the visible cells exist, and a change of one mark
// recomputes the statistics in place, keeping the scroll position.
type gridView struct {
	a      *attendanceSection
	data   *store.WorkshopData
	stats  *store.AttendanceStats
	elig   []store.EligibilityRow // everyone's standing, from stats and the decisions taken by hand
	order  []int                  // positions in data.Participants by family, then given names
	names  []string               // per position: "Family, Given"
	widths []float32              // per session column
	// summaryWidths are the widths of the columns before the sessions;
	// the figures' columns grow to their widest text.
	summaryWidths [gridFirstSession]float32
	rows          []int // the shown rows: order, filtered
	index         *store.ParticipantIndex
	focus         int // the position whose standing the detail line explains; -1 for none

	rule       *widget.Label
	changeRule *widget.Button
	filter     *widget.Select
	search     *widget.Entry
	summary    *widget.Label
	table      *widget.Table
	detail     *widget.Label
	cell       *cellDialog // the cell dialog last opened
	rules      *rulesForm  // the rule form last opened
	content    fyne.CanvasObject
}

func newGridView(a *attendanceSection) *gridView {
	g := &gridView{a: a, data: a.ws.data, focus: -1}
	d := g.data
	g.stats, g.elig = a.standings()
	g.names = make([]string, len(d.Participants))
	family := make([]string, len(d.Participants))
	given := make([]string, len(d.Participants))
	g.order = make([]int, len(d.Participants))
	for i := range d.Participants {
		p := &d.Participants[i]
		g.names[i] = familyFirst(p)
		family[i], given[i] = store.Fold(p.FamilyNames), store.Fold(p.GivenNames)
		g.order[i] = i
	}
	slices.SortStableFunc(g.order, func(x, y int) int {
		return cmp.Or(strings.Compare(family[x], family[y]), strings.Compare(given[x], given[y]),
			strings.Compare(d.Participants[x].BadgeCode, d.Participants[y].BadgeCode))
	})

	g.rule = widget.NewLabel("")
	g.rule.Wrapping = fyne.TextWrapWord
	g.changeRule = widget.NewButtonWithIcon(lang.L("Change rule…"), theme.SettingsIcon(), func() { g.rules = showRulesForm(a.ws) })
	labels := make([]string, len(gridFilterLabels))
	for i, l := range gridFilterLabels {
		labels[i] = lang.L(l)
	}
	g.filter = widget.NewSelect(labels, func(string) { g.apply(true) })
	g.search = widget.NewEntry()
	g.search.SetPlaceHolder(lang.L("Search: name, organisation, country, badge"))
	g.search.OnChanged = func(string) { g.apply(true) }
	g.summary = widget.NewLabel("")
	g.detail = widget.NewLabel(lang.L("Tap a name for the reason of its standing, a cell to change the mark."))
	g.detail.Wrapping = fyne.TextWrapWord
	g.table = g.newTable()
	g.filter.SetSelectedIndex(filterEveryone) // applies
	if old := previousAttendance(a); old != nil && old.grid != nil {
		g.carry(old.grid)
	}

	switch {
	case len(d.Sessions) == 0:
		g.content = emptyState(lang.L("Add sessions to the agenda first: attendance is taken session by session."))
		return g
	case len(d.Participants) == 0:
		g.content = emptyState(lang.L("No participants yet: add or import them in Participants."))
		return g
	}
	top := container.NewVBox(
		container.NewBorder(nil, nil, nil, g.changeRule, g.rule),
		container.NewBorder(nil, nil, g.filter, g.summary, g.search),
		gridLegend(),
	)
	// Two lines for the detail, so that the table does not jump when a
	// long reason wraps.
	lines := 2*fyne.MeasureText("M", theme.TextSize(), fyne.TextStyle{}).Height + 2*theme.InnerPadding()
	detail := container.New(atLeast{Height: lines}, g.detail)
	body := container.NewBorder(container.NewPadded(top), container.NewPadded(detail), nil, nil, g.table)
	g.content = newShowHook(body, g.sync)
	return g
}

// previousAttendance returns the attendance section of the workshop screen
// being replaced, when the same workshop is being redrawn after a change,
// so that the views can keep what the facilitator was doing.
func previousAttendance(a *attendanceSection) *attendanceSection {
	u := a.ws.u
	if u == nil || u.workshop == nil || u.workshop == a.ws || u.workshop.data.Workshop.ID != a.ws.data.Workshop.ID {
		return nil
	}
	return u.workshop.attendance
}

// carry keeps the filter, the search and the explained participant of the
// grid being replaced.
func (g *gridView) carry(old *gridView) {
	g.filter.SetSelectedIndex(old.filter.SelectedIndex())
	g.search.SetText(old.search.Text)
	if old.focus >= 0 && old.focus < len(old.data.Participants) {
		id := old.data.Participants[old.focus].ID
		g.focus = slices.IndexFunc(g.data.Participants, func(p store.Participant) bool { return p.ID == id })
		g.showDetail()
	}
}

// familyFirst writes a name as the grid and the sign-in sheet sort it:
// "Family, Given".
func familyFirst(p *store.Participant) string {
	if p.GivenNames == "" || p.FamilyNames == "" {
		return p.FamilyNames + p.GivenNames
	}
	return p.FamilyNames + ", " + p.GivenNames
}

func (g *gridView) newTable() *widget.Table {
	t := widget.NewTable(
		func() (int, int) { return len(g.rows), gridFirstSession + len(g.data.Sessions) },
		newGridCell,
		g.updateCell)
	t.ShowHeaderRow = true
	t.StickyColumnCount = gridFirstSession
	t.CreateHeader = newGridHeader
	t.UpdateHeader = g.updateHeader
	t.SetRowHeight(-1, gridHeaderHeight)
	g.summaryWidths = gridSummaryWidths
	for c, w := range g.summaryWidths {
		t.SetColumnWidth(c, w)
	}
	g.table = t
	g.sizeColumns()
	t.OnSelected = g.selected
	return t
}

// sizeColumns makes each session column wide enough for its counts, which
// take more room with thousands of participants, and each figure's column
// (percent, sessions, hours) wide enough for its longest text; columns only
// grow, so that they do not jump as marks come in.
func (g *gridView) sizeColumns() {
	for _, col := range []int{gridColPercent, gridColSessions, gridColHours} {
		if w := g.widestFigure(col); w > g.summaryWidths[col] {
			g.summaryWidths[col] = w
			g.table.SetColumnWidth(col, w)
		}
	}
	if g.widths == nil {
		g.widths = make([]float32, len(g.data.Sessions))
	}
	size, pad := theme.CaptionTextSize(), theme.Padding()
	for i, se := range g.data.Sessions {
		w := float32(gridSessionWidth)
		if se.Type == store.Break {
			w = gridBreakWidth
		} else {
			counts := fyne.MeasureText(compactCounts(&g.stats.Sessions[i]), size, fyne.TextStyle{}).Width
			w = max(w, counts+2*pad+gridMenuWidth)
		}
		if w > g.widths[i] {
			g.widths[i] = w
			g.table.SetColumnWidth(gridFirstSession+i, w)
		}
	}
}

// widestFigure is the width that the longest text of a figure's column
// needs, padding included. Only the texts with the most characters are
// measured: the digits have one width.
func (g *gridView) widestFigure(col int) float32 {
	var longest []string
	most := 0
	for i := range g.stats.Participants {
		ps := &g.stats.Participants[i]
		var text string
		switch col {
		case gridColPercent:
			text = ps.PercentText(g.stats.Rule.MinPercent)
		case gridColSessions:
			text = ps.SessionsText()
		default:
			text = ps.HoursText()
		}
		switch n := len(text); {
		case n > most:
			most, longest = n, append(longest[:0], text)
		case n == most && len(longest) < 4:
			longest = append(longest, text)
		}
	}
	var w float32
	for _, text := range longest {
		w = max(w, fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width)
	}
	return w + 2*theme.InnerPadding()
}

// sync brings the grid up to date with marks recorded elsewhere (check-in,
// paper sign-in) when it comes into view.
func (g *gridView) sync() {
	g.recompute()
}

// recompute measures everyone again after marks changed and redraws the
// visible cells, keeping the scroll position and the filter.
func (g *gridView) recompute() {
	g.stats, g.elig = g.a.standings()
	g.sizeColumns()
	g.apply(false)
	g.showDetail()
}

// apply shows the rows matching the filter and the search, in name order.
func (g *gridView) apply(toTop bool) {
	if g.table == nil {
		return
	}
	var match []bool
	if q := strings.TrimSpace(g.search.Text); q != "" {
		if g.index == nil {
			g.index = store.NewParticipantIndex(g.data.Participants)
		}
		match = make([]bool, len(g.data.Participants))
		for _, i := range g.index.Search(q, 0) {
			match[i] = true
		}
	}
	filter := g.filter.SelectedIndex()
	g.rows = g.rows[:0]
	for _, i := range g.order {
		if (match == nil || match[i]) && g.wants(filter, i) {
			g.rows = append(g.rows, i)
		}
	}
	st := g.stats
	text := store.CountStandings(g.elig).String()
	if len(g.rows) != len(g.data.Participants) {
		text += " · " + fmt.Sprintf(lang.L("showing %d of %d"), len(g.rows), len(g.data.Participants))
	}
	g.summary.SetText(text)
	g.rule.SetText(lang.L("Certificate rule:") + " " + st.Rule.String())
	g.table.Refresh()
	if toTop {
		g.table.ScrollToTop()
	}
}

// wants reports whether participant i's standing passes a filter.
func (g *gridView) wants(filter, i int) bool {
	switch filter {
	case filterAtRisk:
		return g.elig[i].Standing() == store.StandingAtRisk
	case filterNotEligible:
		return g.elig[i].Standing() == store.StandingNotEligible
	case filterEligible:
		return g.elig[i].Standing() == store.StandingEligible
	case filterOnTrack:
		return g.elig[i].Standing() == store.StandingOnTrack
	}
	return true
}

// standing returns the word for a participant's standing and how to
// colour it.
func standing(r *store.EligibilityRow) (string, widget.Importance) {
	switch s := r.Standing(); s {
	case store.StandingEligible:
		return lang.L(string(s)), widget.SuccessImportance
	case store.StandingNotEligible:
		return lang.L(string(s)), widget.DangerImportance
	case store.StandingAtRisk:
		return lang.L(string(s)), widget.WarningImportance
	default:
		return lang.L(string(s)), widget.MediumImportance
	}
}

// gridCell is one cell of the grid, which takes its own taps. The table
// works a tap's column out from its scroll offset, and with sticky columns
// it is off by one while a column is half scrolled out of view: a tap on a
// mark would open another session's. The cell knows which it is.
type gridCell struct {
	widget.BaseWidget
	content *fyne.Container
	id      widget.TableCellID
	tapped  func(widget.TableCellID)
}

// CreateRenderer draws the cell's content.
func (c *gridCell) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(c.content) }

// Tapped selects the cell in the table, as a tap on the table would.
func (c *gridCell) Tapped(*fyne.PointEvent) {
	if c.tapped != nil {
		c.tapped(c.id)
	}
}

// tapCell selects the cell tapped and gives the table the keyboard focus,
// for the arrow keys.
func (g *gridView) tapCell(id widget.TableCellID) {
	g.table.Select(id)
	if c := fyne.CurrentApp().Driver().CanvasForObject(g.table); c != nil {
		c.Focus(g.table)
	}
}

// newGridCell makes a cell: a background, a label for text columns, and an
// icon or a letter for session columns.
func newGridCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(color.Transparent)
	label := widget.NewLabel("")
	label.Truncation = fyne.TextTruncateEllipsis
	icon := canvas.NewImageFromResource(gridPresentIcon)
	icon.FillMode = canvas.ImageFillContain
	icon.SetMinSize(fyne.NewSquareSize(18))
	sym := canvas.NewText("", theme.Color(theme.ColorNameForeground))
	sym.TextStyle.Bold = true
	sym.Alignment = fyne.TextAlignCenter
	iconBox, symBox := container.NewCenter(icon), container.NewCenter(sym)
	iconBox.Hide()
	symBox.Hide()
	c := &gridCell{content: container.NewStack(bg, label, iconBox, symBox)}
	c.ExtendBaseWidget(c)
	return c
}

// gridCellParts takes a cell made by newGridCell apart.
func gridCellParts(o fyne.CanvasObject) (bg *canvas.Rectangle, label *widget.Label, iconBox *fyne.Container, icon *canvas.Image, symBox *fyne.Container, sym *canvas.Text) {
	c := o.(*gridCell).content
	iconBox, symBox = c.Objects[2].(*fyne.Container), c.Objects[3].(*fyne.Container)
	return c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label),
		iconBox, iconBox.Objects[0].(*canvas.Image), symBox, symBox.Objects[0].(*canvas.Text)
}

// tint is a theme colour made faint, for cell backgrounds.
func tint(name fyne.ThemeColorName, alpha uint8) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return rgba(r, g, b, alpha)
}

func (g *gridView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	cell := o.(*gridCell)
	cell.id, cell.tapped = id, g.tapCell
	bg, label, iconBox, icon, symBox, sym := gridCellParts(o)
	if id.Row < 0 || id.Row >= len(g.rows) {
		return
	}
	pi := g.rows[id.Row]
	ps := &g.stats.Participants[pi]
	var fill color.Color = color.Transparent
	if id.Col >= gridFirstSession {
		label.Hide()
		iconBox.Hide()
		symBox.Hide()
		si := id.Col - gridFirstSession
		cell := g.stats.Cell(pi, si)
		switch cell {
		case store.CellPresent, store.CellAbsent:
			res := gridPresentIcon
			if cell == store.CellAbsent {
				res = gridAbsentIcon
			}
			if icon.Resource != res {
				icon.Resource = res
				icon.Refresh()
			}
			iconBox.Show()
		case store.CellNone:
			fill = tint(theme.ColorNameDisabledButton, 0x60)
		default:
			text, colour := cellLetter(cell)
			if cell == store.CellMissed {
				fill = tint(theme.ColorNameError, 0x22)
			}
			if c := theme.Color(colour); sym.Text != text || sym.Color != c {
				sym.Text, sym.Color = text, c
				sym.Refresh()
			}
			symBox.Show()
		}
		if bg.FillColor != fill {
			bg.FillColor = fill
			bg.Refresh()
		}
		return
	}
	iconBox.Hide()
	symBox.Hide()
	label.Show()
	imp, bold, align := widget.MediumImportance, false, fyne.TextAlignTrailing
	var text string
	switch id.Col {
	case gridColName:
		align = fyne.TextAlignLeading
		text = g.names[pi]
	case gridColStatus:
		align = fyne.TextAlignLeading
		text, imp = standing(&g.elig[pi])
		switch g.elig[pi].Standing() {
		case store.StandingNotEligible:
			fill = tint(theme.ColorNameError, 0x38)
			bold = true
		case store.StandingAtRisk:
			fill = tint(theme.ColorNameWarning, 0x38)
			bold = true
		case store.StandingEligible:
			fill = tint(theme.ColorNameSuccess, 0x26)
		}
	case gridColPercent:
		text = ps.PercentText(g.stats.Rule.MinPercent)
	case gridColSessions:
		text = ps.SessionsText()
	case gridColHours:
		text = ps.HoursText()
	}
	if bg.FillColor != fill {
		bg.FillColor = fill
		bg.Refresh()
	}
	if label.Text != text || label.Importance != imp || label.TextStyle.Bold != bold || label.Alignment != align {
		label.Importance, label.TextStyle.Bold, label.Alignment = imp, bold, align
		label.SetText(text) // refreshes; unchanged cells are not redrawn
	}
}

// cellLetter is how a session cell that is not present or absent shows.
func cellLetter(c store.CellStatus) (string, fyne.ThemeColorName) {
	switch c {
	case store.CellLate:
		return "L", theme.ColorNameWarning
	case store.CellExcused:
		return "E", theme.ColorNamePrimary
	case store.CellMissed:
		return "?", theme.ColorNameError
	case store.CellPending:
		return "·", theme.ColorNameForeground
	case store.CellNotApplicable:
		return "–", theme.ColorNamePlaceHolder
	}
	return "", theme.ColorNameForeground
}

// gridLegend explains the symbols of the session cells.
func gridLegend() fyne.CanvasObject {
	item := func(sym fyne.CanvasObject, text string) fyne.CanvasObject {
		l := widget.NewLabel(text)
		l.SizeName = theme.SizeNameCaptionText
		return container.NewHBox(sym, l)
	}
	icon := func(res fyne.Resource) fyne.CanvasObject {
		i := canvas.NewImageFromResource(res)
		i.FillMode = canvas.ImageFillContain
		i.SetMinSize(fyne.NewSquareSize(16))
		return container.NewCenter(i)
	}
	letter := func(c store.CellStatus) fyne.CanvasObject {
		text, colour := cellLetter(c)
		t := canvas.NewText(text, theme.Color(colour))
		t.TextStyle.Bold = true
		return container.NewCenter(t)
	}
	box := container.NewHBox(
		item(icon(gridPresentIcon), lang.L("present")),
		item(letter(store.CellLate), lang.L("late")),
		item(letter(store.CellExcused), lang.L("excused")),
		item(icon(gridAbsentIcon), lang.L("absent")),
		item(letter(store.CellMissed), lang.L("not marked, counts as absent")),
		item(letter(store.CellPending), lang.L("to come")),
		item(letter(store.CellNotApplicable), lang.L("joined later")),
		item(container.NewCenter(canvas.NewText("*", theme.Color(theme.ColorNameForeground))), lang.L("mandatory")),
	)
	return box
}

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

// sessionMenu lists a session's counts and its bulk actions.
func (g *gridView) sessionMenu(si int) *fyne.Menu {
	se := &g.data.Sessions[si]
	st := &g.stats.Sessions[si]
	title := fyne.NewMenuItem(se.Title+" – "+g.dayTime(se), nil)
	title.Disabled = true
	counts := fyne.NewMenuItem(shortCounts(st), nil)
	counts.Disabled = true
	absent := fyne.NewMenuItem(fmt.Sprintf(lang.L("Mark %d unmarked as absent…"), st.Unmarked), func() { g.confirmMarkUnmarked(si, store.Absent) })
	excused := fyne.NewMenuItem(fmt.Sprintf(lang.L("Mark %d unmarked as excused…"), st.Unmarked), func() { g.confirmMarkUnmarked(si, store.Excused) })
	absent.Disabled, excused.Disabled = st.Unmarked == 0, st.Unmarked == 0
	return fyne.NewMenu("", title, counts, fyne.NewMenuItemSeparator(), absent, excused)
}

func (g *gridView) showSessionMenu(si int, from fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(from)
	if c == nil {
		return
	}
	se := &g.data.Sessions[si]
	g.detail.SetText(se.Title + " – " + g.dayTime(se) + ": " + fullCounts(&g.stats.Sessions[si]))
	widget.ShowPopUpMenuAtRelativePosition(g.sessionMenu(si), c, fyne.NewPos(0, from.Size().Height), from)
}

// confirmMarkUnmarked asks, naming the session and how many people it
// affects, then gives every applicable participant without a mark at the
// session the status, in one transaction.
func (g *gridView) confirmMarkUnmarked(si int, status store.Status) {
	se := g.data.Sessions[si]
	n := g.stats.Sessions[si].Unmarked
	win := g.a.ws.u.win
	if n == 0 {
		dialog.ShowInformation(lang.L("Nobody to mark"), fmt.Sprintf(lang.L("Everyone expected at “%s” has a mark."), se.Title), win)
		return
	}
	msg := fmt.Sprintf(lang.L("Mark the %d people with no mark at “%s” (%s) as %s?"), n, se.Title, g.dayTime(&se), lang.L(string(status)))
	switch loc := g.data.Workshop.Location(); {
	case g.a.now().Before(se.StartsAt(loc)):
		msg += "\n\n" + lang.L("The session has not started yet.")
	case g.a.now().Before(se.EndsAt(loc)):
		msg += "\n\n" + lang.L("The session has not ended yet.")
	}
	d := dialog.NewConfirm(fmt.Sprintf(lang.L("Mark unmarked as %s"), lang.L(string(status))), msg, func(ok bool) {
		if !ok {
			return
		}
		got, err := g.a.ws.u.st.MarkUnmarked(se.ID, status)
		if err != nil {
			g.a.ws.u.showError(err)
			return
		}
		g.reloadMarks()
		g.detail.SetText(fmt.Sprintf(lang.L("%d marked %s at “%s”."), got, lang.L(string(status)), se.Title))
	}, win)
	d.SetConfirmText(fmt.Sprintf(lang.L("Mark %d %s"), n, lang.L(string(status))))
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
}

// reloadMarks reads the current marks from the store after a bulk change
// and recomputes.
func (g *gridView) reloadMarks() {
	fresh, err := g.a.ws.u.st.LoadWorkshop(g.data.Workshop.ID)
	if err != nil {
		g.a.ws.u.showError(err)
		return
	}
	g.data.Marks = fresh.Marks
	g.recompute()
}

// marked puts a mark just recorded into the workshop's data, shared by the
// attendance views, and recomputes.
func (g *gridView) marked(sessionID, participantID uuid.UUID, m store.Mark) {
	setMark(g.data, sessionID, participantID, m)
	g.recompute()
}

// setMark puts a recorded mark into the loaded data.
func setMark(d *store.WorkshopData, sessionID, participantID uuid.UUID, m store.Mark) {
	if d.Marks == nil {
		d.Marks = map[uuid.UUID]map[uuid.UUID]store.Mark{}
	}
	if d.Marks[sessionID] == nil {
		d.Marks[sessionID] = map[uuid.UUID]store.Mark{}
	}
	d.Marks[sessionID][participantID] = m
}

// selected explains the row's standing and, on a session cell, opens the
// dialog to change the mark.
func (g *gridView) selected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(g.rows) {
		return
	}
	pi := g.rows[id.Row]
	g.focus = pi
	g.showDetail()
	if id.Col < gridFirstSession {
		return
	}
	g.table.Unselect(id) // so that tapping the same cell again reopens it
	si := id.Col - gridFirstSession
	se := &g.data.Sessions[si]
	switch g.stats.Cell(pi, si) {
	case store.CellNone:
		return
	case store.CellNotApplicable:
		p := &g.data.Participants[pi]
		at := p.JoinedAt.In(g.data.Workshop.Location()).Format("2 Jan 15:04")
		dialog.ShowInformation(lang.L("Not applicable"), fmt.Sprintf(lang.L("%s joined at %s, after “%s” started, so it does not count for or against them."),
			p.FullName(), at, se.Title), g.a.ws.u.win)
		return
	}
	g.cell = showCellDialog(g, pi, si)
}

// showDetail explains the standing of the focused participant under the
// table.
func (g *gridView) showDetail() {
	if g.focus < 0 || g.focus >= len(g.stats.Participants) {
		return
	}
	ps := &g.stats.Participants[g.focus]
	word, _ := standing(&g.elig[g.focus])
	text := g.names[g.focus] + " – " + word + ": " + ps.Reason
	// The standing is the rule's; a decision taken by hand in Certificates
	// overrides it there, so say so here too.
	p := &g.data.Participants[g.focus]
	if ov, err := g.a.ws.u.st.Overrides(g.data.Workshop.ID); err != nil {
		text += " · " + fmt.Sprintf(lang.L("the certificate decisions cannot be read: %v"), err)
	} else if o, ok := ov[p.ID]; ok {
		if o.Granted {
			text += " · " + fmt.Sprintf(lang.L("certificate granted by hand: %s"), o.Reason)
		} else {
			text += " · " + fmt.Sprintf(lang.L("certificate refused by hand: %s"), o.Reason)
		}
	}
	g.detail.SetText(text)
}

// cellDialog changes one participant's mark at one session, with a note,
// and shows every earlier version of the mark.
type cellDialog struct {
	g       *gridView
	p       store.Participant
	se      store.Session
	keys    formKeys
	status  *widget.RadioGroup
	note    *formEntry
	history *widget.Label
	errs    map[string]*widget.Label
	problem *widget.Label
	dialog  *dialog.CustomDialog
	saveBtn *widget.Button
}

func showCellDialog(g *gridView, pi, si int) *cellDialog {
	d := g.data
	f := &cellDialog{g: g, p: d.Participants[pi], se: d.Sessions[si], errs: map[string]*widget.Label{}, problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	loc := d.Workshop.Location()
	labels := make([]string, len(store.Statuses))
	for i, s := range store.Statuses {
		labels[i] = lang.L(string(s))
	}
	f.status = widget.NewRadioGroup(labels, nil)
	f.status.Horizontal = true
	f.note = f.keys.entry()
	f.note.SetPlaceHolder(lang.L("Optional, e.g. left at noon, medical appointment"))

	now := lang.L("Not marked.")
	switch cell := g.stats.Cell(pi, si); cell {
	case store.CellMissed:
		now = lang.L("Not marked – the session has ended, so this counts as absent.")
	case store.CellPending:
		now = lang.L("Not marked yet – the session has not ended.")
	}
	history, err := g.a.ws.u.st.AttendanceHistory(f.se.ID, f.p.ID)
	if err != nil {
		f.problem.SetText(err.Error())
	}
	if cur, err := g.a.ws.u.st.Attendance(f.se.ID, f.p.ID); err == nil {
		f.status.SetSelected(lang.L(string(cur.Status)))
		f.note.SetText(cur.Note)
		now = fmt.Sprintf(lang.L("Now: %s, recorded %s."), lang.L(string(cur.Status)), cur.RecordedAt.In(loc).Format("2 Jan 15:04"))
	}
	var lines []string
	for i := len(history) - 1; i >= 0; i-- { // newest first
		h := history[i]
		line := h.RecordedAt.In(loc).Format("2 Jan 15:04") + "   " + lang.L(string(h.Status))
		if h.Deleted() {
			line = h.DeletedAt.In(loc).Format("2 Jan 15:04") + "   " + lang.L("taken back")
		}
		if h.Note != "" {
			line += " – " + h.Note
		}
		lines = append(lines, line)
	}
	if len(lines) == 0 {
		lines = append(lines, lang.L("Nothing recorded yet."))
	}
	f.history = widget.NewLabel(strings.Join(lines, "\n"))
	f.history.Wrapping = fyne.TextWrapWord

	where := fmt.Sprintf(lang.L("Day %d · %s–%s"), d.Workshop.StartDate.DaysUntil(f.se.Date)+1, f.se.Start, f.se.End)
	if f.se.Room != "" {
		where += " · " + f.se.Room
	}
	if f.se.Mandatory {
		where += " · " + lang.L("mandatory")
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Status"), withProblem(f.status, "status", f.errs)),
		widget.NewFormItem(lang.L("Note"), f.note),
	)
	historyTitle := widget.NewLabelWithStyle(lang.L("History"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	scroll := container.NewVScroll(f.history)
	scroll.SetMinSize(fyne.NewSize(0, 110))
	body := container.NewBorder(
		container.NewVBox(widget.NewLabel(where), widget.NewLabel(now), form, f.problem, historyTitle), nil, nil, nil, scroll)
	title := familyFirst(&f.p) + " – " + f.se.Title
	f.dialog, f.saveBtn = f.keys.dialog(title, lang.L("Save"), body, f.save, g.a.ws.u.win)
	f.dialog.Resize(fyne.NewSize(600, 460))
	f.keys.show()
	g.a.ws.u.win.Canvas().Focus(f.note)
	return f
}

// save records the chosen status and note; it reports whether the dialog
// may close.
func (f *cellDialog) save() bool {
	for _, l := range f.errs {
		l.Hide()
	}
	f.problem.SetText("")
	i := slices.IndexFunc(store.Statuses, func(s store.Status) bool { return lang.L(string(s)) == f.status.Selected })
	if i < 0 {
		l := f.errs["status"]
		l.SetText(lang.L("Choose a status."))
		l.Show()
		return false
	}
	g := f.g
	a := store.Attendance{SessionID: f.se.ID, ParticipantID: f.p.ID, Status: store.Statuses[i], Note: f.note.Text, RecordedAt: g.a.now()}
	if err := g.a.ws.u.st.RecordAttendance(&a); err != nil {
		f.problem.SetText(err.Error())
		return false
	}
	g.marked(a.SessionID, a.ParticipantID, store.Mark{Status: a.Status, RecordedAt: a.RecordedAt})
	return true
}

// atLeast lays out objects on top of each other, at least as large as
// the size.
type atLeast fyne.Size

func (a atLeast) MinSize(objects []fyne.CanvasObject) fyne.Size {
	m := fyne.Size(a)
	for _, o := range objects {
		m = m.Max(o.MinSize())
	}
	return m
}

func (a atLeast) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.Position{})
		o.Resize(size)
	}
}

// showHook shows content and calls onShow each time it comes into view
// after being hidden, as when its tab is chosen, so that a view can catch
// up with changes made in the other tabs.
type showHook struct {
	widget.BaseWidget
	content fyne.CanvasObject
	onShow  func()
}

func newShowHook(content fyne.CanvasObject, onShow func()) *showHook {
	h := &showHook{content: content, onShow: onShow}
	h.ExtendBaseWidget(h)
	return h
}

func (h *showHook) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(h.content) }

// Show shows the content and, when it was hidden, calls onShow.
func (h *showHook) Show() {
	hidden := !h.Visible()
	h.BaseWidget.Show()
	if hidden && h.onShow != nil {
		h.onShow()
	}
}
