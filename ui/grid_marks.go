package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

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
	if status == store.Absent {
		if err := store.AbsentTooSoon(&se, g.data.Workshop.Location(), g.a.now()); err != nil {
			dialog.ShowInformation(lang.L("Not yet"), err.Error(), win)
			return
		}
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
	g.data.SetMark(sessionID, participantID, m)
	g.recompute()
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
		at := localDate(p.JoinedAt.In(g.data.Workshop.Location()), "2 Jan 15:04")
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
	text := g.names[g.focus] + " – " + word + ": " + statsReasonText(ps, g.stats.Rule, g.data.Sessions)
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
