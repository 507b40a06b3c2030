package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
	"github.com/workshopdesk/workshopdesk/store/sheet"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// exportRecord asks where to save everything held about p, as a PDF in
// the working language or as JSON (by the name's extension), and writes it.
func (v *participantsView) exportRecord(p store.Participant) {
	u := v.ws.u
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		language := v.ws.data.Workshop.Language
		runInBackground(u, lang.L("Writing the person's record…"), func() (err error) {
			path, err = ops.WritePersonRecord(u.st, p.ID, path, language)
			return err
		}, func() {
			dialog.ShowInformation(lang.L("Record exported"), fmt.Sprintf(lang.L("Everything held about %s was written to\n%s"), p.FullName(), path), u.win)
		})
	}, u.win)
	d.SetFileName(store.NormalizeBadgeCode(p.BadgeCode) + "-" + v.ws.data.Workshop.Code + "-record.pdf")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf", ".json"}))
	startInDocuments(u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// eraseMessage says what erasing a participant removes and what it means
// for the reports.
func eraseMessage(p store.ErasePlan) string {
	msg := fmt.Sprintf(lang.L("Erase %s entirely, on their request? This removes every field of their record, %d attendance records with their history, %d answer sheets and %d certificate decisions. It cannot be undone.\n\nReports will no longer count them: attendance, statistics and learning figures change."),
		p.Participant.FullName(), p.Marks, p.AnswerSheets, p.Decisions)
	if p.Certificates > 0 {
		msg += "\n\n" + fmt.Sprintf(lang.L("Their %d certificates stay in the register as number, dates and a fingerprint of the name, so that a printed certificate still verifies."), p.Certificates)
	}
	return msg
}

// confirmErase shows what erasing p means and erases them when confirmed.
func (v *participantsView) confirmErase(p store.Participant) {
	u := v.ws.u
	plan, err := u.st.ErasePreview(p.ID)
	if err != nil {
		u.showError(err)
		return
	}
	d := dialog.NewConfirm(lang.L("Erase this person"), eraseMessage(plan), func(ok bool) {
		if !ok {
			return
		}
		if _, err := u.st.ErasePerson(p.ID); err != nil {
			u.showError(err)
			return
		}
		v.closeForm()
		v.ws.changed()
		dialog.ShowInformation(lang.L("Person erased"), fmt.Sprintf(lang.L("%s was erased."), p.FullName()), u.win)
	}, u.win)
	d.SetConfirmText(lang.L("Erase"))
	d.SetDismissText(lang.L("Cancel"))
	d.Show()
}

// chooseSharingExport asks where to save the participants list for
// sharing with the other participants: those who did not decline, with
// names, organisation, position, country and email only.
func (v *participantsView) chooseSharingExport() {
	u := v.ws.u
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		if !strings.EqualFold(filepath.Ext(path), ".csv") && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
			path += ".xlsx"
		}
		table := importer.SharingTable(v.people, v.ws.data.Workshop.Language)
		delim := u.csvDelimiter()
		runInBackground(u, lang.L("Exporting the participants…"), func() error {
			return sheet.WriteFileDelimited(path, delim, table)
		}, func() {
			dialog.ShowInformation(lang.L("List for sharing exported"), fmt.Sprintf(lang.L("%d of %d participants written to\n%s\n(those who declined are left out)"), len(table.Rows), len(v.people), path), u.win)
		})
	}, u.win)
	d.SetFileName(v.ws.data.Workshop.Code + "-participants-for-sharing.xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	startInDocuments(u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}
