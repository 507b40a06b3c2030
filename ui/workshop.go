package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// The sections of a workshop, in tab order.
const (
	sectionOverview = iota
	sectionAgenda
	sectionParticipants
	sectionAttendance
	sectionCertificates
	sectionReports
)

// workshopScreen shows one workshop's sections: Overview, Agenda,
// Participants, Attendance, Certificates and Reports.
type workshopScreen struct {
	u            *App
	data         *store.WorkshopData
	participants *participantsView
	attendance   *attendanceSection
	certificates *certificatesSection
	reports      *reportsSection
	template     *templateForm // the duplicate-as-template form last shown
	importer     *importWizard // the import wizard last shown
	back         *widget.Button
	tabs         *container.AppTabs
	content      fyne.CanvasObject
}

func newWorkshopScreen(u *App, id uuid.UUID) (*workshopScreen, error) {
	data, err := u.st.LoadWorkshop(id)
	if err != nil {
		return nil, fmt.Errorf("open workshop: %w", err)
	}
	ws := &workshopScreen{u: u, data: data}
	ws.back = widget.NewButtonWithIcon(lang.L("All workshops"), theme.NavigateBackIcon(), u.showHome)
	ws.back.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(data.Workshop.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	ws.participants = newParticipantsView(ws)
	ws.attendance = newAttendanceSection(ws)
	ws.tabs = container.NewAppTabs(
		container.NewTabItemWithIcon(lang.L("Overview"), theme.InfoIcon(), newOverview(ws)),
		container.NewTabItemWithIcon(lang.L("Agenda"), theme.CalendarIcon(), newAgendaView(ws)),
		container.NewTabItemWithIcon(lang.L("Participants"), theme.AccountIcon(), ws.participants.content),
		container.NewTabItemWithIcon(lang.L("Attendance"), theme.ConfirmIcon(), ws.attendance.content),
		container.NewTabItemWithIcon(lang.L("Certificates"), theme.DocumentPrintIcon(), newCertificatesSection(ws).content),
		container.NewTabItemWithIcon(lang.L("Reports"), theme.ListIcon(), newReportsSection(ws).content),
		container.NewTabItemWithIcon(lang.L("Tests"), theme.QuestionIcon(), newQuizSection(ws).content),
	)
	ws.tabs.SetTabLocation(container.TabLocationLeading)
	ws.tabs.OnSelected = func(*container.TabItem) {
		switch ws.tabs.SelectedIndex() {
		case sectionAttendance:
			ws.attendance.shown()
		case sectionCertificates:
			// Check-ins change the loaded marks without rebuilding the
			// screen: the standings are worked out afresh.
			ws.certificates.reload()
		}
	}
	top := container.NewBorder(nil, widget.NewSeparator(), ws.back, nil, title)
	ws.content = container.NewBorder(top, nil, nil, nil, ws.tabs)
	return ws, nil
}

// marksOf counts the sessions at which a participant's attendance was
// recorded.
func (ws *workshopScreen) marksOf(p store.Participant) int {
	n := 0
	for _, marks := range ws.data.Marks {
		if _, ok := marks[p.ID]; ok {
			n++
		}
	}
	return n
}

// changed reloads the workshop from the store after a section changed it
// and redraws every section, staying in the current one.
func (ws *workshopScreen) changed() {
	ws.u.showWorkshop(ws.data.Workshop.ID)
}

// deleteWorkshop asks for confirmation, deletes, and offers to undo.
func (ws *workshopScreen) deleteWorkshop() {
	w := ws.data.Workshop
	msg := fmt.Sprintf(lang.L("Delete “%s”? Its agenda, %d participants and their attendance go with it."), w.Title, len(ws.data.Participants))
	dialog.ShowConfirm(lang.L("Delete workshop"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := ws.u.st.DeleteWorkshop(w.ID); err != nil {
			ws.u.showError(err)
			return
		}
		ws.u.showHome()
		undo := dialog.NewConfirm(lang.L("Workshop deleted"), fmt.Sprintf(lang.L("“%s” was deleted."), w.Title), func(undo bool) {
			if !undo {
				return
			}
			if err := ws.u.st.UndeleteWorkshop(w.ID); err != nil {
				ws.u.showError(err)
				return
			}
			ws.u.showWorkshop(w.ID)
		}, ws.u.win)
		undo.SetConfirmText(lang.L("Undo"))
		undo.SetDismissText(lang.L("OK"))
		undo.Show()
	}, ws.u.win)
}
