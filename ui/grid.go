package ui

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

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
	g.search.SetPlaceHolder(lang.L("Name, organisation, country or badge"))
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
		text := g.figure(ps, col)
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
	return w + 2*theme.InnerPadding() + gridTextMargin()
}

// figure is the text of a figure's column (percent, sessions or hours)
// for one participant.
func (g *gridView) figure(ps *store.ParticipantStats, col int) string {
	switch col {
	case gridColPercent:
		return ps.PercentText(g.stats.Rule.MinPercent)
	case gridColSessions:
		return ps.SessionsText()
	}
	return ps.HoursText()
}

// gridTextMargin is room beyond a text's measured width: the OpenGL
// driver rounds glyph positions to pixels, and a label measured to fit
// exactly was drawn with its last characters cut ("10.5/10.5 +…").
func gridTextMargin() float32 { return 2 * theme.Padding() }

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
	text := standingsText(store.CountStandings(g.elig))
	if len(g.rows) != len(g.data.Participants) {
		text += " · " + fmt.Sprintf(lang.L("showing %d of %d"), len(g.rows), len(g.data.Participants))
	}
	g.summary.SetText(text)
	g.rule.SetText(lang.L("Certificate rule:") + " " + ruleText(st.Rule))
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
