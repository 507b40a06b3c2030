package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// duplicatesDialog lists the groups of participants that look like the
// same person; choosing the record to keep merges the others into it,
// keeping everyone's attendance.
type duplicatesDialog struct {
	v      *participantsView
	keep   []*widget.Button // one per member of every group, in order
	dialog *dialog.CustomDialog
}

func (v *participantsView) showDuplicates() {
	d := &duplicatesDialog{v: v}
	box := container.NewVBox(widget.NewLabel(lang.L("These records look like the same person (same email, or same name in the same organisation). Choose the one to keep: the others are merged into it, and their attendance is kept.")))
	box.Objects[0].(*widget.Label).Wrapping = fyne.TextWrapWord
	for _, group := range v.dupes {
		rows := container.NewVBox()
		for _, i := range group {
			p := v.people[i]
			others := make([]store.Participant, 0, len(group)-1)
			for _, j := range group {
				if j != i {
					others = append(others, v.people[j])
				}
			}
			detail := strings.Join(nonEmpty(p.Organisation, p.Email, p.BadgeCode, fmt.Sprintf(lang.L("%d sessions recorded"), v.ws.marksOf(p))), " · ")
			keep := widget.NewButton(lang.L("Keep this one"), func() { d.merge(p, others) })
			d.keep = append(d.keep, keep)
			rows.Add(container.NewBorder(nil, nil, nil, keep, container.NewVBox(
				widget.NewLabelWithStyle(p.FullName(), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel(detail))))
		}
		box.Add(widget.NewCard("", "", rows))
	}
	d.dialog = dialog.NewCustom(lang.L("Possible duplicates"), lang.L("Close"), container.NewVScroll(box), v.ws.u.win)
	d.dialog.Resize(fyne.NewSize(680, 520))
	v.dupDialog = d
	d.dialog.Show()
}

// merge confirms, then merges others into keep.
func (d *duplicatesDialog) merge(keep store.Participant, others []store.Participant) {
	u := d.v.ws.u
	names := make([]string, len(others))
	for i, o := range others {
		names[i] = o.FullName()
	}
	msg := fmt.Sprintf(lang.L("Merge %s into %s? Empty fields are filled in and attendance is combined; the merged records are deleted."), strings.Join(names, ", "), keep.FullName())
	dialog.ShowConfirm(lang.L("Merge participants"), msg, func(ok bool) {
		if !ok {
			return
		}
		for _, o := range others {
			if _, err := u.st.MergeParticipants(keep.ID, o.ID); err != nil {
				u.showError(err)
				break
			}
		}
		d.dialog.Hide()
		d.v.focusOn = keep.ID
		d.v.ws.changed()
	}, u.win)
}

func nonEmpty(ss ...string) []string {
	var out []string
	for _, s := range ss {
		if strings.TrimSpace(s) != "" {
			out = append(out, s)
		}
	}
	return out
}
