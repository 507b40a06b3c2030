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
	sectionEvaluation
	sectionTests
	sectionLaptops
)

// workshopSection is one section of a workshop's screen: a tab, built the
// first time it is shown, so that a big workshop's window appears at once.
type workshopSection struct {
	name  string // English; translated with lang.L
	icon  func() fyne.Resource
	build func(ws *workshopScreen) fyne.CanvasObject
}

// workshopSections returns the sections in tab order; the section
// constants index them. (A function: sections reopen the screen, which
// reads this list.)
func workshopSections() []workshopSection {
	return []workshopSection{
		{"Overview", theme.InfoIcon, newOverview},
		{"Agenda", theme.CalendarIcon, newAgendaView},
		{"Participants", theme.AccountIcon, func(ws *workshopScreen) fyne.CanvasObject {
			ws.participants = newParticipantsView(ws)
			return ws.participants.content
		}},
		{"Attendance", theme.ConfirmIcon, func(ws *workshopScreen) fyne.CanvasObject {
			ws.ensure(sectionParticipants) // check-in searches its index
			ws.attendance = newAttendanceSection(ws)
			return ws.attendance.content
		}},
		{"Certificates", theme.DocumentPrintIcon, func(ws *workshopScreen) fyne.CanvasObject { return newCertificatesSection(ws).content }},
		{"Reports", theme.ListIcon, func(ws *workshopScreen) fyne.CanvasObject { return newReportsSection(ws).content }},
		{"Evaluation", theme.DocumentCreateIcon, func(ws *workshopScreen) fyne.CanvasObject { return newEvaluationSection(ws).content }},
		{"Tests", theme.QuestionIcon, func(ws *workshopScreen) fyne.CanvasObject { return newQuizSection(ws).content }},
		{"Laptops", theme.ComputerIcon, func(ws *workshopScreen) fyne.CanvasObject { return newLaptopsSection(ws).content }}, // laptops.go
	}
}

// workshopScreen shows one workshop's sections: Overview, Agenda,
// Participants, Attendance, Certificates, Reports, Evaluation and Tests. A section's fields
// (participants, attendance, certificates, reports) are nil until it is
// first shown; ensure builds it. data is nil while a big workshop is
// loaded in the background (workshop_loading.go); the App does not hold
// the screen as its workshop until then.
type workshopScreen struct {
	u            *App
	id           uuid.UUID // the workshop's
	data         *store.WorkshopData
	participants *participantsView
	attendance   *attendanceSection
	certificates *certificatesSection
	reports      *reportsSection
	evaluation   *evaluationSection
	quiz         *quizSection
	laptops      *laptopsSection
	template     *templateForm // the duplicate-as-template form last shown
	importer     *importWizard // the import wizard last shown
	back         *widget.Button
	tabs         *container.AppTabs
	built        []bool            // by section: a placeholder until built
	sections     []workshopSection // workshopSections()
	content      fyne.CanvasObject
	spinners     []*widget.Activity // turning while the data is loaded
	ready        chan struct{}      // closed once loaded in the background (or dropped)
}

// newWorkshopScreen loads a workshop and builds its screen, showing its
// first section.
func newWorkshopScreen(u *App, id uuid.UUID) (*workshopScreen, error) {
	data, err := u.st.LoadWorkshop(id)
	if err != nil {
		return nil, fmt.Errorf("open workshop: %w", err)
	}
	ws := newWorkshopFrame(u, data.Workshop)
	ws.loaded(data)
	return ws, nil
}

// newWorkshopFrame builds the screen of workshop w before its data is
// loaded: the way back, the title and the sections' tabs, a section
// selected before loaded gives the data showing a spinner.
func newWorkshopFrame(u *App, w store.Workshop) *workshopScreen {
	ws := &workshopScreen{u: u, id: w.ID}
	ws.back = widget.NewButtonWithIcon(lang.L("All workshops"), theme.NavigateBackIcon(), u.showHome)
	ws.back.Importance = widget.LowImportance
	title := widget.NewLabelWithStyle(w.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	ws.sections = workshopSections()
	var items []*container.TabItem
	for _, sec := range ws.sections {
		items = append(items, container.NewTabItemWithIcon(lang.L(sec.name), sec.icon(), container.NewStack()))
	}
	ws.built = make([]bool, len(ws.sections))
	ws.tabs = container.NewAppTabs(items...)
	// Along the top: eight sections side by side fit a 1024-pixel screen
	// in French and Spanish, where down the side the last ones fell into an
	// overflow menu on a 768-pixel-high screen.
	ws.tabs.SetTabLocation(container.TabLocationTop)
	if _, err := u.st.SyncSettings(w.ID); err == nil {
		startAutoExchange(u) // laptops.go: a shared workshop exchanges every 30 s
	}
	ws.tabs.OnSelected = func(*container.TabItem) {
		i := ws.tabs.SelectedIndex()
		fresh := ws.ensure(i)
		switch {
		case ws.data == nil:
		case i == sectionAttendance:
			ws.attendance.shown()
		case i == sectionCertificates && !fresh:
			// Check-ins change the loaded marks without rebuilding the
			// screen: the standings are worked out afresh.
			ws.certificates.reload()
		}
	}
	top := container.NewBorder(nil, widget.NewSeparator(), ws.back, nil, title)
	ws.content = container.NewBorder(top, nil, nil, nil, ws.tabs)
	return ws
}

// loaded gives the screen its data and builds the section shown (in
// place of its spinner, if any).
func (ws *workshopScreen) loaded(data *store.WorkshopData) {
	ws.data = data
	for _, a := range ws.spinners {
		a.Stop()
	}
	ws.spinners = nil
	ws.ensure(ws.tabs.SelectedIndex())
}

// ensure builds section i the first time it is needed and reports
// whether it did. Before the data is loaded, the section shows a spinner.
func (ws *workshopScreen) ensure(i int) bool {
	if ws.built[i] {
		return false
	}
	if ws.data == nil {
		if _, waiting := ws.tabs.Items[i].Content.(*loadingView); !waiting {
			lv := newLoadingView()
			ws.spinners = append(ws.spinners, lv.activity)
			ws.tabs.Items[i].Content = lv
			ws.tabs.Refresh()
		}
		return false
	}
	ws.built[i] = true
	obj := ws.sections[i].build(ws)
	// The tabs show and hide the section itself: Reports reads its figures
	// afresh when it comes back into view.
	ws.tabs.Items[i].Content = obj
	ws.tabs.Refresh()
	return true
}

// sectionContent returns what section i shows once built, or nil.
func (ws *workshopScreen) sectionContent(i int) fyne.CanvasObject {
	if i < 0 || i >= len(ws.built) || !ws.built[i] {
		return nil
	}
	return ws.tabs.Items[i].Content
}

// marksOf counts the sessions at which a participant's attendance was
// recorded.
func (ws *workshopScreen) marksOf(p store.Participant) int {
	n := 0
	for _, marks := range ws.data.Marks {
		if _, ok := marks.Get(p.ID); ok {
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
