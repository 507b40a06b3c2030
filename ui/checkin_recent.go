package ui

import (
	"cmp"
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// recentMax is how many check-ins the Recent list shows, each undoable.
const recentMax = 20

// recentList shows the last check-ins of the chosen session, newest
// first, each with its Undo. It is worked out from the session's marks,
// so it survives leaving the screen and restarting the app.
type recentList struct {
	v    *checkInView
	head *widget.Label
	list *widget.List
	rows []recentRow
}

// recentRow is one check-in in the Recent list.
type recentRow struct {
	p    store.Participant
	mark store.Mark
}

func newRecentList(v *checkInView) *recentList {
	r := &recentList{v: v}
	r.head = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	r.head.Truncation = fyne.TextTruncateEllipsis
	r.list = widget.NewList(func() int { return len(r.rows) },
		func() fyne.CanvasObject {
			text := widget.NewLabel("")
			text.Truncation = fyne.TextTruncateEllipsis
			undo := widget.NewButtonWithIcon(lang.L("Undo"), theme.ContentUndoIcon(), nil)
			undo.Importance = widget.LowImportance
			return container.NewBorder(nil, nil, nil, undo, text)
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i >= len(r.rows) {
				return
			}
			row := r.rows[i]
			c := o.(*fyne.Container)
			at := row.mark.RecordedAt.In(v.a.ws.data.Workshop.Location()).Format("15:04")
			c.Objects[0].(*widget.Label).SetText(at + "  " + row.p.FullName() + " – " + lang.L(string(row.mark.Status)))
			c.Objects[1].(*widget.Button).OnTapped = func() { r.undo(row) }
		})
	r.list.OnSelected = func(widget.ListItemID) {
		r.list.UnselectAll()
		v.focus()
	}
	return r
}

// refresh reads the chosen session's check-ins again.
func (r *recentList) refresh() {
	v := r.v
	r.rows = r.rows[:0]
	se, ok := v.current()
	if !ok {
		return
	}
	d := v.a.ws.data
	marks := d.Marks[se.ID]
	for _, p := range d.Participants {
		if m, ok := marks.Get(p.ID); ok && m.Status.Arrived() {
			r.rows = append(r.rows, recentRow{p: p, mark: m})
		}
	}
	slices.SortStableFunc(r.rows, func(a, b recentRow) int { return b.mark.RecordedAt.Compare(a.mark.RecordedAt) })
	if len(r.rows) > recentMax {
		r.rows = r.rows[:recentMax]
	}
	r.head.SetText(fmt.Sprintf(lang.L("Recent at %s"), sessionLabel(d.Workshop, se)))
	if len(r.rows) == 0 {
		v.undo.Disable()
	} else {
		v.undo.Enable()
	}
	r.list.Refresh()
}

// undo takes back one check-in of the list.
func (r *recentList) undo(row recentRow) {
	v := r.v
	se, ok := v.current()
	if !ok {
		return
	}
	prev, err := v.a.ws.u.st.UndoCheckIn(se.ID, row.p.ID)
	if err != nil && !errors.Is(err, store.ErrNoCheckIn) {
		v.show(outcomeMiss, lang.L("NOT UNDONE"), row.p.FullName(), err.Error())
		return
	}
	d := v.a.ws.data
	if err != nil || prev.DeletedAt != nil || prev.Status == "" {
		if marks := d.Marks[se.ID]; marks != nil {
			marks.Delete(row.p.ID)
		}
	} else {
		d.SetMark(se.ID, row.p.ID, store.Mark{Status: prev.Status, RecordedAt: prev.RecordedAt})
	}
	v.show(outcomeReady, lang.L("UNDONE"), row.p.FullName(), fmt.Sprintf(lang.L("The check-in of %s was taken back."), row.p.FullName()))
	v.refreshCounts()
	v.focus()
}

// undoLast takes back the newest check-in of the session; pressed again,
// the one before, up to the Recent list's length.
func (v *checkInView) undoLast() {
	if len(v.recent.rows) > 0 {
		v.recent.undo(v.recent.rows[0])
	}
}

// notArrived lists those expected at the session (joined by its start)
// who have not checked in, by family name.
func (v *checkInView) notArrived() []int {
	se, ok := v.current()
	if !ok {
		return nil
	}
	d := v.a.ws.data
	start := se.StartsAt(d.Workshop.Location())
	marks := d.Marks[se.ID]
	var out []int
	for i, p := range d.Participants {
		if !p.JoinedAt.IsZero() && p.JoinedAt.After(start) {
			continue
		}
		if m, _ := marks.Get(p.ID); !m.Status.Arrived() {
			out = append(out, i)
		}
	}
	// The sign-in sheet's order: family name, then given names, folded
	// (Gonçalves before González).
	key := func(i int) string {
		p := &d.Participants[i]
		return store.Fold(p.FamilyNames) + "\x00" + store.Fold(p.GivenNames)
	}
	slices.SortStableFunc(out, func(a, b int) int { return cmp.Compare(key(a), key(b)) })
	return out
}

// toggleWaiting shows or hides the list of those not yet arrived.
func (v *checkInView) toggleWaiting() {
	v.waiting = !v.waiting
	v.search.SetText("")
	v.filter("")
	v.focus()
}
