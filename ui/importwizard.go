package ui

import (
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store/importer"
)

// importWizard imports a participant list in four steps: choose the file,
// check the columns, review every row with its problems and duplicates,
// then import. Nothing is written before the last step, and then
// everything in one transaction. Reading and importing run in the
// background with a progress bar, so big lists do not freeze the window.
type importWizard struct {
	ws      *workshopScreen
	path    string
	table   *importer.Table
	mapping importer.Mapping
	preview *importer.Preview
	summary importer.Summary

	dialog   *dialog.CustomDialog
	step     *fyne.Container // the current step's content
	title    *widget.Label
	busy     *widget.ProgressBarInfinite
	back     *widget.Button
	next     *widget.Button
	choose   *widget.Button
	sheet    *widget.Select
	columns  map[importer.Field]*widget.Select
	tally    *widget.Label
	rows     *widget.List
	listBox  *fyne.Container        // holds rows
	shown    []*importer.RowPreview // the rows listed
	heights  []float32              // the height given to each row listed
	measured map[*importer.RowPreview]rowHeight
	fitWidth float32         // the width the rows were measured at
	filter   *widget.Check   // only the rows with problems
	nameForm *importNameForm // the name being corrected, if any
	keepCase *widget.Button
	result   *widget.Label
	onNext   func()
	onBack   func()
}

func showImportWizard(ws *workshopScreen) *importWizard {
	w := &importWizard{ws: ws, step: container.NewStack(), busy: widget.NewProgressBarInfinite()}
	w.title = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.busy.Hide()
	w.back = widget.NewButtonWithIcon(lang.L("Back"), theme.NavigateBackIcon(), func() { w.onBack() })
	w.next = widget.NewButtonWithIcon(lang.L("Next"), theme.NavigateNextIcon(), func() { w.onNext() })
	w.next.Importance = widget.HighImportance
	w.choose = widget.NewButtonWithIcon(lang.L("Choose a CSV or Excel file…"), theme.FolderOpenIcon(), w.chooseFile)
	content := container.NewBorder(container.NewVBox(w.title, w.busy), nil, nil, nil, w.step)
	w.dialog = dialog.NewCustomWithoutButtons(lang.L("Import participants"), content, ws.u.win)
	cancel := widget.NewButton(lang.L("Cancel"), w.dialog.Hide)
	w.dialog.SetButtons([]fyne.CanvasObject{cancel, w.back, w.next})
	w.dialog.Resize(fyne.NewSize(980, 640))
	w.dialog.SetOnClosed(func() {
		if w.summary.Added+w.summary.Updated > 0 {
			ws.changed()
		}
	})
	ws.importer = w
	w.showChoose()
	w.dialog.Show()
	return w
}

func (w *importWizard) setStep(title string, o fyne.CanvasObject, back, next func(), nextLabel string) {
	w.title.SetText(title)
	w.step.Objects = []fyne.CanvasObject{o}
	w.step.Refresh()
	w.onBack, w.onNext = back, next
	w.back.Hidden, w.next.Hidden = back == nil, next == nil
	w.next.SetText(nextLabel)
	w.dialog.Refresh() // the buttons' widths follow their labels
}

// showChoose is step 1: choose the file.
func (w *importWizard) showChoose() {
	help := widget.NewLabel(lang.L("Import the list of participants you were sent: CSV from any Excel or online form (any encoding, comma or semicolon), or an Excel workbook (.xlsx). Headings in English, French or Spanish are recognised, and so are the questions of online forms (Google Forms, Microsoft Forms, KoboToolbox, Typeform). Nothing is saved until you have checked every row."))
	help.Wrapping = fyne.TextWrapWord
	w.setStep(lang.L("1. Choose the file"), container.NewVBox(help, container.NewHBox(w.choose)), nil, nil, "")
}

func (w *importWizard) chooseFile() {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			w.ws.u.showError(err)
			return
		}
		if r == nil {
			return
		}
		path := r.URI().Path()
		r.Close()
		w.loadAsync(path, "")
	}, w.ws.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".csv", ".xlsx", ".txt", ".tsv"}))
	startInDocuments(w.ws.u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// loadAsync reads the file in the background.
func (w *importWizard) loadAsync(path, sheet string) {
	w.working(true)
	go func() {
		t, err := importer.ReadFile(path, sheet)
		fyne.Do(func() {
			w.working(false)
			w.loaded(path, t, err)
		})
	}()
}

func (w *importWizard) working(on bool) {
	if on {
		w.busy.Show()
		w.busy.Start()
		w.next.Disable()
		w.back.Disable()
		w.choose.Disable()
		return
	}
	w.busy.Stop()
	w.busy.Hide()
	w.next.Enable()
	w.back.Enable()
	w.choose.Enable()
}

// loaded takes the file read and shows step 2, or says why it could not
// be read.
func (w *importWizard) loaded(path string, t *importer.Table, err error) {
	if err != nil {
		dialog.ShowError(fmt.Errorf(lang.L("%s cannot be imported: %w"), filepath.Base(path), err), w.ws.u.win)
		return
	}
	w.path, w.table = path, t
	w.mapping = importer.Suggest(t)
	w.showMapping()
}

// showMapping is step 2: which column holds which field.
func (w *importWizard) showMapping() {
	t := w.table
	about := fmt.Sprintf(lang.L("%s: %d rows."), filepath.Base(w.path), len(t.Rows))
	if t.Format == importer.CSV {
		about += " " + fmt.Sprintf(lang.L("CSV, %s, separated by %s."), t.Encoding, delimiterName(t.Delimiter))
	}
	info := widget.NewLabel(about + " " + lang.L("Check which column holds what; a sample from the first row is shown."))
	info.Wrapping = fyne.TextWrapWord
	top := container.NewVBox(info)
	if len(t.Sheets) > 1 {
		w.sheet = widget.NewSelect(t.Sheets, nil)
		w.sheet.SetSelected(t.Sheet)
		w.sheet.OnChanged = func(s string) { w.loadAsync(w.path, s) }
		top.Add(container.NewBorder(nil, nil, widget.NewLabel(lang.L("Sheet")), nil, w.sheet))
	}
	options := []string{lang.L("(not imported)")} // the choice that leaves a field out
	for c := 0; c < t.Width(); c++ {
		options = append(options, w.columnLabel(c))
	}
	sampleRow := -1
	if w.mapping.HeaderRow+1 < len(t.Rows) {
		sampleRow = w.mapping.HeaderRow + 1
	}
	w.columns = map[importer.Field]*widget.Select{}
	form := widget.NewForm()
	for _, f := range importer.Fields {
		sample := widget.NewLabel("")
		sample.Truncation = fyne.TextTruncateEllipsis
		sel := widget.NewSelect(options, nil)
		setSample := func() {
			sample.SetText("")
			if c, ok := w.mapping.Column(f); ok && sampleRow >= 0 {
				sample.SetText(t.Cell(sampleRow, c))
			}
		}
		if c, ok := w.mapping.Column(f); ok {
			sel.SetSelectedIndex(c + 1)
		} else {
			sel.SetSelectedIndex(0)
		}
		sel.OnChanged = func(string) {
			if i := sel.SelectedIndex(); i > 0 {
				w.mapping.Set(f, i-1)
			} else {
				w.mapping.Unset(f)
			}
			setSample()
		}
		setSample()
		w.columns[f] = sel
		form.Append(lang.L(f.Label()), container.NewGridWithColumns(2, sel, sample))
	}
	w.setStep(lang.L("2. Check the columns"), container.NewBorder(top, nil, nil, nil, container.NewVScroll(form)),
		w.showChoose, w.toPreview, lang.L("Next"))
}

func (w *importWizard) columnLabel(c int) string {
	head := ""
	if h := w.mapping.HeaderRow; h >= 0 && h < len(w.table.Rows) && c < len(w.table.Rows[h].Cells) {
		head = w.table.Rows[h].Cells[c]
	}
	if head == "" {
		return importer.ColumnName(c)
	}
	return importer.ColumnName(c) + ": " + head
}

// toPreview reads every row through the mapping and shows step 3.
func (w *importWizard) toPreview() {
	existing, err := w.ws.u.st.Participants(w.ws.data.Workshop.ID)
	if err != nil {
		w.ws.u.showError(err)
		return
	}
	w.preview = importer.NewPreview(w.table, w.mapping, importer.Options{WorkshopID: w.ws.data.Workshop.ID, Existing: existing, Location: w.ws.data.Workshop.Location(),
		Start: w.ws.data.Workshop.StartDate, End: w.ws.data.Workshop.EndDate})
	w.showPreview()
}

// showPreview is step 3: every row with its problems and what will be
// done with it.
func (w *importWizard) showPreview() {
	p := w.preview
	w.tally = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	w.tally.Wrapping = fyne.TextWrapWord
	w.shown, w.heights, w.measured = nil, nil, nil
	w.rows = w.newRowList()
	w.filter = widget.NewCheck(lang.L("Only rows with problems"), func(bool) { w.refreshPreview() })
	w.keepCase = widget.NewButton(lang.L("Keep all names as written in the file"), func() {
		p.KeepFileCase(0)
		w.keepCase.Disable()
		w.refreshPreview()
	})
	top := container.NewVBox(w.tally)
	bar := container.NewHBox(w.filter)
	if hasCaseChanges(p) {
		bar.Add(w.keepCase)
	}
	top.Add(bar)
	for _, warn := range p.Warnings {
		l := widget.NewLabel(warn)
		l.Importance = widget.WarningImportance
		l.Wrapping = fyne.TextWrapWord
		top.Add(l)
	}
	w.listBox = container.New(&rowsLayout{w: w}, w.rows)
	w.setStep(lang.L("3. Check every row"), container.NewBorder(top, nil, nil, nil, w.listBox), w.showMapping, w.commitAsync, "")
	w.refreshPreview()
}

func hasCaseChanges(p *importer.Preview) bool {
	for _, r := range p.Rows {
		if r.Name.CaseChanged {
			return true
		}
	}
	return false
}

// rowChoices are the choices that make sense for a row.
func rowChoices(r *importer.RowPreview) []importer.Choice {
	switch {
	case r.Blocked():
		return []importer.Choice{importer.Skip}
	case r.Duplicate.Existing != nil:
		return []importer.Choice{importer.Update, importer.Skip, importer.AddAnyway}
	case r.Duplicate.FileRow != 0:
		return []importer.Choice{importer.Skip, importer.AddAnyway}
	}
	return []importer.Choice{importer.Add, importer.Skip}
}

func (w *importWizard) refreshPreview() {
	t := w.preview.Tally()
	text := fmt.Sprintf(lang.L("%d rows: %d to add, %d to update, %d to skip"), t.Rows, t.Add, t.Update, t.Skip)
	if t.Unchanged > 0 {
		text += " · " + count(t.Unchanged, "{{.Count}} already in the workshop with nothing new", "{{.Count}} already in the workshop with nothing new")
	}
	if t.Problems > 0 {
		text += " · " + count(t.Problems, "{{.Count}} problem shown under its row", "{{.Count}} problems shown under their rows")
	}
	if n := lostLetterRows(w.preview); n > 0 {
		text += " · " + count(n, "{{.Count}} name with a \"?\" for a lost letter: skipped until corrected",
			"{{.Count}} names with a \"?\" for a lost letter: skipped until corrected")
	}
	if n := len(w.preview.Ignored); n > 0 {
		text += " · " + count(n, "{{.Count}} row after the list left out (a total)", "{{.Count}} rows after the list left out (totals)")
	}
	w.tally.SetText(text)
	w.next.SetText(fmt.Sprintf(lang.L("Import %d participants"), t.Add+t.Update))
	w.dialog.Refresh() // the buttons' widths follow the new label
	if t.Add+t.Update == 0 {
		w.next.Disable()
	} else {
		w.next.Enable()
	}
	w.listRows()
	w.fitRows(w.fitWidth)
	w.rows.Refresh()
}

// lostLetterRows counts the rows skipped for a name with a "?" for a lost
// letter.
func lostLetterRows(p *importer.Preview) int {
	n := 0
	for _, r := range p.Rows {
		if r.Has(importer.LostCharacters) && r.Choice == importer.Skip {
			n++
		}
	}
	return n
}

// commitAsync writes the rows in one transaction in the background, then
// shows the summary.
func (w *importWizard) commitAsync() {
	w.working(true)
	go func() {
		sum, err := importer.Commit(w.ws.u.st, w.preview)
		fyne.Do(func() {
			w.working(false)
			w.committed(sum, err)
		})
	}()
}

// committed shows step 4: what was done.
func (w *importWizard) committed(sum importer.Summary, err error) {
	if err != nil {
		dialog.ShowError(fmt.Errorf(lang.L("nothing was imported: %w"), err), w.ws.u.win)
		return
	}
	w.summary = sum
	lines := []string{fmt.Sprintf(lang.L("%d added, %d updated, %d skipped."), sum.Added, sum.Updated, len(sum.Skipped))}
	if sum.Unchanged > 0 {
		lines = append(lines, count(sum.Unchanged, "{{.Count}} already in the workshop with nothing new: left as it was.",
			"{{.Count}} already in the workshop with nothing new: left as they were."))
	}
	for _, s := range sum.Skipped {
		lines = append(lines, fmt.Sprintf(lang.L("Row %d skipped: %s"), s.Row, s.Reason))
	}
	w.result = widget.NewLabel(strings.Join(lines, "\n"))
	w.result.Wrapping = fyne.TextWrapWord
	w.setStep(lang.L("4. Imported"), container.NewVScroll(w.result), nil, w.dialog.Hide, lang.L("Done"))
}

func delimiterName(r rune) string {
	switch r {
	case ',':
		return lang.L("commas")
	case ';':
		return lang.L("semicolons")
	case '\t':
		return lang.L("tabs")
	}
	return string(r)
}
