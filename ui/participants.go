package ui

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// participantColumns are the columns of the participants table.
var participantColumns = []struct {
	title string
	width float32
	value func(p *store.Participant) string
}{
	{"Name", 220, func(p *store.Participant) string {
		if p.GivenNames == "" || p.FamilyNames == "" {
			return p.FamilyNames + p.GivenNames
		}
		return p.FamilyNames + ", " + p.GivenNames
	}},
	{"Own script", 170, func(p *store.Participant) string { return p.NativeName }},
	{"Organisation", 260, func(p *store.Participant) string { return p.Organisation }},
	{"Country", 130, func(p *store.Participant) string {
		name, _ := countryName(p.Country)
		return name
	}},
	{"Role", 100, func(p *store.Participant) string { return lang.L(store.Label(p.Role)) }},
	{"Badge", 70, func(p *store.Participant) string { return p.BadgeCode }},
	{"Email", 230, func(p *store.Participant) string { return p.Email }},
}

// participantsView lists a workshop's participants in a table that stays
// fast with thousands of rows: search as you type (case and accents
// ignored, native script, organisation, email and badge code too), sort by
// any column, add, edit, delete with undo, and merge duplicates.
type participantsView struct {
	ws       *workshopScreen
	people   []store.Participant
	index    *store.ParticipantIndex
	sortKeys [][]string // per column, the folded text of each participant
	shown    []int      // positions in people, filtered and sorted
	sortCol  int
	sortDesc bool
	dupes    [][]int

	search    *widget.Entry
	count     *widget.Label
	table     *widget.Table
	add       *widget.Button
	importBtn *widget.Button
	exportBtn *widget.Button
	shareBtn  *widget.Button // the list for sharing (consent respected)
	badgesBtn *widget.Button
	dupBtn    *widget.Button
	form      *participantForm  // the open form, if any
	dupDialog *duplicatesDialog // the duplicates list last shown
	focusOn   uuid.UUID         // show this participant after the next reload
	content   fyne.CanvasObject
}

func newParticipantsView(ws *workshopScreen) *participantsView {
	v := &participantsView{ws: ws, people: ws.data.Participants}
	v.index = store.NewParticipantIndex(v.people, screenCountryName)
	v.sortKeys = make([][]string, len(participantColumns))
	for c, col := range participantColumns {
		keys := make([]string, len(v.people))
		for i := range v.people {
			keys[i] = store.Fold(col.value(&v.people[i]))
		}
		v.sortKeys[c] = keys
	}
	v.dupes = store.Duplicates(v.people)

	v.search = widget.NewEntry()
	v.search.SetPlaceHolder(lang.L("Name, organisation, country, email or badge"))
	v.search.OnChanged = v.filter
	v.search.OnSubmitted = func(string) {
		if len(v.shown) > 0 {
			showParticipantForm(ws, &v.people[v.shown[0]])
		}
	}
	v.count = widget.NewLabel("")
	v.add = widget.NewButtonWithIcon(lang.L("Add participant"), theme.ContentAddIcon(), func() { showParticipantForm(ws, nil) })
	v.add.Importance = widget.HighImportance
	v.importBtn = widget.NewButtonWithIcon(lang.L("Import…"), theme.UploadIcon(), func() { showImportWizard(ws) })
	v.exportBtn = widget.NewButtonWithIcon(lang.L("Export…"), theme.DownloadIcon(), v.chooseExport)
	v.shareBtn = widget.NewButtonWithIcon(lang.L("Share…"), theme.MailForwardIcon(), v.chooseSharingExport)
	v.badgesBtn = widget.NewButtonWithIcon(lang.L("Badges…"), theme.DocumentPrintIcon(), func() { printBadges(ws, v.shownPeople()) })
	v.dupBtn = widget.NewButtonWithIcon("", theme.WarningIcon(), v.showDuplicates)
	if len(v.dupes) == 0 {
		v.dupBtn.Hide()
	} else {
		v.dupBtn.SetText(count(len(v.dupes), "{{.Count}} possible duplicate", "{{.Count}} possible duplicates"))
	}
	v.table = v.newTable()
	v.filter("")

	top := container.NewBorder(nil, nil, nil, container.NewHBox(v.dupBtn, v.count, v.importBtn, v.exportBtn, v.shareBtn, v.badgesBtn, v.add), v.search)
	if len(v.people) == 0 {
		empty := emptyState(lang.L("No participants yet. Add them one by one, or import the list you were sent."))
		v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, empty)
		return v
	}
	widths, shrink := make([]float32, len(participantColumns)), make([]bool, len(participantColumns))
	for i, c := range participantColumns {
		widths[i], shrink[i] = c.width, c.width > 150 // names, organisation, email
	}
	v.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, newFitColumns(v.table, widths, shrink))
	return v
}

func (v *participantsView) newTable() *widget.Table {
	t := widget.NewTableWithHeaders(
		func() (int, int) { return len(v.shown), len(participantColumns) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) {
			if id.Row < len(v.shown) {
				o.(*widget.Label).SetText(participantColumns[id.Col].value(&v.people[v.shown[id.Row]]))
			}
		})
	t.ShowHeaderColumn = false
	t.CreateHeader = func() fyne.CanvasObject {
		b := widget.NewButton("", nil)
		b.Importance = widget.LowImportance
		b.Alignment = widget.ButtonAlignLeading
		return b
	}
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		b := o.(*widget.Button)
		b.SetText(lang.L(participantColumns[id.Col].title))
		b.SetIcon(nil)
		if id.Col == v.sortCol {
			b.SetIcon(theme.MenuDropDownIcon())
			if v.sortDesc {
				b.SetIcon(theme.MenuDropUpIcon())
			}
		}
		col := id.Col
		b.OnTapped = func() { v.sortBy(col) }
	}
	for i, c := range participantColumns {
		t.SetColumnWidth(i, c.width)
	}
	t.OnSelected = func(id widget.TableCellID) {
		t.UnselectAll()
		if id.Row >= 0 && id.Row < len(v.shown) {
			showParticipantForm(v.ws, &v.people[v.shown[id.Row]])
		}
	}
	return t
}

// filter shows the participants matching the query, in the current sort
// order.
func (v *participantsView) filter(query string) {
	if strings.TrimSpace(query) == "" {
		v.shown = v.shown[:0]
		for i := range v.people {
			v.shown = append(v.shown, i)
		}
	} else {
		v.shown = v.index.Search(query, 0)
	}
	v.sort()
	v.count.SetText(fmt.Sprintf(lang.L("%d of %d"), len(v.shown), len(v.people)))
	v.table.Refresh()
	v.table.ScrollToTop()
}

func (v *participantsView) sort() {
	keys := v.sortKeys[v.sortCol]
	name := v.sortKeys[0]
	slices.SortStableFunc(v.shown, func(a, b int) int {
		c := cmp.Or(strings.Compare(keys[a], keys[b]), strings.Compare(name[a], name[b]))
		if v.sortDesc {
			return -c
		}
		return c
	})
}

// sortBy sorts by a column, or reverses the order when it is already the
// sort column.
func (v *participantsView) sortBy(col int) {
	if v.sortCol == col {
		v.sortDesc = !v.sortDesc
	} else {
		v.sortCol, v.sortDesc = col, false
	}
	v.sort()
	v.table.Refresh()
}

// shownPeople returns the participants the table shows, in its order.
func (v *participantsView) shownPeople() []store.Participant {
	out := make([]store.Participant, len(v.shown))
	for i, p := range v.shown {
		out[i] = v.people[p]
	}
	return out
}

// reveal scrolls to a participant, after a save.
func (v *participantsView) reveal(id uuid.UUID) {
	for row, i := range v.shown {
		if v.people[i].ID == id {
			v.table.ScrollTo(widget.TableCellID{Row: row, Col: 0})
			return
		}
	}
}

// closeForm closes the participant form, if one is open: after its
// person was deleted or erased. Cancelling leaves it open with its edits.
func (v *participantsView) closeForm() {
	if v.form != nil {
		v.form.dialog.Hide()
	}
}

// confirmDelete asks, deletes, then offers to undo.
func (v *participantsView) confirmDelete(p store.Participant) {
	u := v.ws.u
	msg := fmt.Sprintf(lang.L("Delete %s? Their attendance is kept and comes back with Undo."), p.FullName())
	dialog.ShowConfirm(lang.L("Delete participant"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := u.st.DeleteParticipant(p.ID); err != nil {
			u.showError(err)
			return
		}
		v.closeForm()
		v.ws.changed()
		undo := dialog.NewConfirm(lang.L("Participant deleted"), fmt.Sprintf(lang.L("%s was deleted."), p.FullName()), func(undo bool) {
			if !undo {
				return
			}
			if err := u.st.UndeleteParticipant(p.ID); err != nil {
				u.showError(err)
				return
			}
			u.workshop.ensure(sectionParticipants) // the screen may show another section by now
			u.workshop.participants.focusOn = p.ID
			u.workshop.changed()
		}, u.win)
		undo.SetConfirmText(lang.L("Undo"))
		undo.SetDismissText(lang.L("OK"))
		undo.Show()
	}, u.win)
}

// chooseExport asks where to save the list, as .xlsx or .csv.
func (v *participantsView) chooseExport() {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil {
			v.ws.u.showError(err)
			return
		}
		if w == nil {
			return
		}
		path := w.URI().Path()
		w.Close()
		people := slices.Clone(v.people) // the table may be sorted meanwhile
		loc, language := v.ws.data.Workshop.Location(), v.ws.data.Workshop.Language
		delim := v.ws.u.csvDelimiter()
		runInBackground(v.ws.u, lang.L("Exporting the participants…"), func() (err error) {
			path, err = exportParticipants(path, people, loc, language, delim)
			return err
		}, func() {
			dialog.ShowInformation(lang.L("Participants exported"), fmt.Sprintf(lang.L("%d participants written to\n%s"), len(people), path), v.ws.u.win)
		})
	}, v.ws.u.win)
	d.SetFileName(v.ws.data.Workshop.Code + "-participants.xlsx")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".xlsx", ".csv"}))
	startInDocuments(v.ws.u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportParticipants writes people to path: an Excel workbook, or CSV in
// UTF-8 with a byte order mark (so that Excel reads the accents right)
// when the name ends in .csv; ".xlsx" is added to any other name, and the
// path written returned. The columns are those the importer reads; the
// time a late joiner joined is on the wall clock of loc. The headings and
// the words (role, gender…) are in language, the workshop's working
// language, as the command line writes them. A CSV file's fields are
// separated by delim (see App.csvDelimiter).
func exportParticipants(path string, people []store.Participant, loc *time.Location, language string, delim rune) (string, error) {
	if !strings.EqualFold(filepath.Ext(path), ".csv") && !strings.EqualFold(filepath.Ext(path), ".xlsx") {
		path += ".xlsx"
	}
	if err := sheet.WriteFileDelimited(path, delim, importer.ExportTableIn(people, loc, language)); err != nil {
		return "", fmt.Errorf("export participants: %w", err)
	}
	return path, nil
}
