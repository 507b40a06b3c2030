package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// retentionText says on the Overview how long personal data is kept and
// until when, or when it was purged.
func retentionText(w *store.Workshop, today store.Date) string {
	if !w.PurgedAt.IsZero() {
		return fmt.Sprintf(lang.L("Purged on %s: names, contacts, notes, answers and comments removed; statistics and certificate register kept"),
			localDate(w.PurgedAt.In(w.Location()), "2 Jan 2006"))
	}
	end := w.RetentionEnds()
	day := localDate(time.Date(end.Year, end.Month, end.Day, 0, 0, 0, 0, time.UTC), "2 Jan 2006")
	if w.RetentionPassed(today) {
		return fmt.Sprintf(lang.L("The retention period ended on %s (%d months after the last day)"), day, w.Retention())
	}
	return fmt.Sprintf(lang.L("Kept until %s (%d months after the last day)"), day, w.Retention())
}

// purgeOffer is the Overview's offer to purge the workshop's personal
// data once its retention period is over; nil before then and once done.
func purgeOffer(ws *workshopScreen) fyne.CanvasObject {
	w := &ws.data.Workshop
	if !w.RetentionPassed(store.DateOf(ws.u.now().In(w.Location()))) {
		return nil
	}
	msg := widget.NewLabel(lang.L("The retention period of this workshop's personal data is over. Purge it: the statistics, attendance figures, test scores and certificate register stay."))
	msg.Wrapping = fyne.TextWrapWord
	msg.Importance = widget.WarningImportance
	btn := widget.NewButtonWithIcon(lang.L("Purge personal data…"), theme.DeleteIcon(), ws.confirmPurge)
	btn.Importance = widget.DangerImportance
	return widget.NewCard("", "", container.NewBorder(nil, nil, nil, btn, msg))
}

// purgeMessage says exactly what a purge removes and keeps, counted.
func purgeMessage(p store.PurgePlan) string {
	var b strings.Builder
	fmt.Fprintf(&b, lang.L("Removed for good:\n• names, titles, names in own script, organisations, positions, emails, phones and notes of %d participants (the family name becomes the badge code)\n• %d attendance notes\n• typed answers of %d answer sheets and %d earlier versions\n• %d evaluation comments and the names on named forms\n• %d reasons of certificate decisions\n• the backups made before today"),
		p.Participants, p.AttendanceNotes, p.AnswerSheets, p.AnswerVersions, p.Comments, p.OverrideReasons)
	b.WriteString("\n\n")
	fmt.Fprintf(&b, lang.L("Kept:\n• gender, country, organisation type, role, badge code and consent\n• %d attendance marks with their history, test scores and evaluation ratings: reports give the same figures\n• %d certificates in the register, which still verify"),
		p.Marks, p.Certificates)
	return b.String()
}

// confirmPurge shows what a purge removes and keeps and purges when
// confirmed.
func (ws *workshopScreen) confirmPurge() {
	w := ws.data.Workshop
	plan, err := ws.u.st.PurgePreview(w.ID)
	if err != nil {
		ws.u.showError(err)
		return
	}
	text := widget.NewLabel(purgeMessage(plan))
	text.Wrapping = fyne.TextWrapWord
	d := dialog.NewCustomConfirm(lang.L("Purge personal data"), lang.L("Purge"), lang.L("Cancel"),
		container.NewVScroll(text), func(ok bool) {
			if !ok {
				return
			}
			var res ops.PurgeResult
			runInBackground(ws.u, lang.L("Purging personal data…"), func() (err error) {
				res, err = ops.PurgeWorkshop(ws.u.st, w.ID)
				return err
			}, func() {
				ws.u.showWorkshop(w.ID)
				dialog.ShowInformation(lang.L("Personal data purged"), purgeDoneMessage(res, w.Code), ws.u.win)
			})
		}, ws.u.win)
	d.Resize(fyne.NewSize(600, 460))
	d.Show()
}

// purgeDoneMessage says what a purge did, each count in the language's
// singular or plural, and how to compact the file afterwards.
func purgeDoneMessage(res ops.PurgeResult, code string) string {
	return fmt.Sprintf(lang.L("%s; %s. Removed text may remain in the data file's free space until it is compacted: close the app and run “workshopctl purge --workshop %s --yes”."),
		count(res.Participants, "{{.Count}} participant purged", "{{.Count}} participants purged"),
		count(len(res.DeletedBackups), "{{.Count}} older backup deleted", "{{.Count}} older backups deleted"), code)
}
