package ui

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// importRow is one row of step 3 of the import wizard: the row's number,
// the name and details, the problems wrapped below them, and on the right
// the choice and, for a name to correct, a button to correct it.
type importRow struct {
	widget.BaseWidget
	num, name, detail, issue *widget.Label
	choice                   *widget.Select
	edit                     *widget.Button
	texts, content           *fyne.Container
}

func newImportRow() *importRow {
	r := &importRow{
		num:    widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}),
		name:   widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		detail: widget.NewLabel(""),
		issue:  widget.NewLabel(""),
		choice: widget.NewSelect(nil, nil),
		edit:   widget.NewButtonWithIcon(lang.L("Correct name…"), theme.DocumentCreateIcon(), nil),
	}
	r.name.Truncation = fyne.TextTruncateEllipsis
	r.detail.Truncation = fyne.TextTruncateEllipsis
	r.issue.Wrapping = fyne.TextWrapWord
	r.edit.Importance = widget.LowImportance
	r.issue.Hide() // shown for a row with notes
	r.edit.Hide()  // shown for a name to correct
	// The number's width is fixed, so that every row wraps its text at
	// the same width.
	numWidth := widget.NewLabelWithStyle("00000", fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true}).MinSize().Width
	right := container.NewVBox(container.NewGridWrap(fyne.NewSize(170, 36), r.choice), r.edit)
	r.texts = container.NewVBox(container.NewGridWithColumns(2, r.name, r.detail), r.issue)
	r.content = container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(numWidth, 36), r.num), right, r.texts)
	r.ExtendBaseWidget(r)
	return r
}

// CreateRenderer lays out the row.
func (r *importRow) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(r.content) }

// nameProblem reports whether the row's name needs a look: a letter lost
// to an encoding, a doubtful split or no name at all.
func nameProblem(r *importer.RowPreview) bool {
	return r.Has(importer.LostCharacters) || r.Has(importer.NameSplit) || r.Has(importer.MissingName)
}

// nameField returns the name field f of p.
func nameField(p store.Participant, f importer.Field) string {
	switch f {
	case importer.GivenNames:
		return p.GivenNames
	case importer.FamilyNames:
		return p.FamilyNames
	}
	return p.NativeName
}

// setRow shows the preview of row r in o.
func (w *importWizard) setRow(r *importer.RowPreview, o *importRow) {
	pp := r.Participant
	o.num.SetText(fmt.Sprint(r.Row))
	name := pp.FullName()
	if pp.NativeName != "" {
		name += " · " + pp.NativeName
	}
	o.name.SetText(name)
	country, _ := countryName(pp.Country)
	o.detail.SetText(strings.Join(nonEmpty(pp.Organisation, country, pp.Email), " · "))
	notes := rowNotes(r)
	o.issue.Importance = widget.WarningImportance
	if r.Blocked() {
		o.issue.Importance = widget.DangerImportance
	}
	o.issue.Hidden = notes == ""
	o.issue.SetText(notes)
	o.texts.Refresh() // the problem text's height follows its new text

	num := r.Row
	o.edit.Hidden = !nameProblem(r)
	o.edit.OnTapped = func() { w.correctName(num) }
	o.edit.Refresh()
	o.setChoice(w, r)
}

// rowNotes returns what is shown under a row: its problems, a change of
// case, or that it brings nothing new.
func rowNotes(r *importer.RowPreview) string {
	pp := r.Participant
	var notes, lost []string
	for _, pr := range r.Problems {
		if pr.Kind == importer.LostCharacters {
			lost = append(lost, strconv.Quote(nameField(pp, pr.Field)))
			continue
		}
		notes = append(notes, pr.Message)
	}
	if len(lost) > 0 {
		// One sentence for the row's damaged names rather than one each.
		notes = append(notes, fmt.Sprintf(lang.L("%s: a \"?\" stands for a letter lost when the file was saved in an 8-bit encoding (such as Excel's \"CSV (semicolon)\"); correct the name, or save the file as \"CSV UTF-8\" and import it again. Until then the row is skipped."),
			strings.Join(lost, ", ")))
	}
	if r.Name.CaseChanged {
		notes = append(notes, fmt.Sprintf(lang.L("name written %s %s in the file"), r.Name.FileGiven, r.Name.FileFamily))
	}
	if r.Unchanged() {
		notes = append(notes, lang.L("nothing new in the file: left as it is"))
	}
	return strings.Join(notes, "; ")
}

// setChoice shows the choices for row r and the one made.
func (o *importRow) setChoice(w *importWizard, r *importer.RowPreview) {
	num := r.Row
	sel := o.choice
	sel.OnChanged = nil
	choices := rowChoices(r)
	labels := make([]string, len(choices))
	for i, c := range choices {
		labels[i] = lang.L(string(c))
	}
	sel.SetOptions(labels)
	for i, c := range choices {
		if c == r.Choice || (r.Blocked() && c == importer.Skip) {
			sel.SetSelectedIndex(i)
		}
	}
	if len(choices) == 1 {
		sel.Disable()
	} else {
		sel.Enable()
	}
	sel.OnChanged = func(string) {
		if err := w.preview.SetChoice(num, choices[sel.SelectedIndex()]); err != nil {
			w.ws.u.showError(err)
		}
		w.refreshPreview()
	}
}

// listRows chooses the rows listed: every row, or with the filter only
// those with a problem.
func (w *importWizard) listRows() {
	w.shown = w.shown[:0]
	for _, r := range w.preview.Rows {
		if !w.filter.Checked || len(r.Problems) > 0 {
			w.shown = append(w.shown, r)
		}
	}
}

// newRowList returns the list of the rows shown.
func (w *importWizard) newRowList() *widget.List {
	return widget.NewList(func() int { return len(w.shown) },
		func() fyne.CanvasObject { return newImportRow() },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			if i < len(w.shown) {
				w.setRow(w.shown[i], o.(*importRow))
			}
		})
}

// rowHeight is the height a row was measured at, and the notes and button
// it was measured with.
type rowHeight struct {
	notes  string
	edit   bool
	height float32
}

// fitRows makes each listed row as tall as its text at width, so that a
// warning wrapped on several lines does not run into the next row. Only
// rows with notes are measured, each once for a given text and width.
// Setting a row's height makes the list lay itself out again, so when many
// heights change (a new width, the filter) a new list is made with them.
func (w *importWizard) fitRows(width float32) {
	if width <= 0 {
		return
	}
	if width != w.fitWidth || w.measured == nil {
		w.fitWidth, w.measured = width, map[*importer.RowPreview]rowHeight{}
	}
	plain := newImportRow().MinSize().Height // as the list's template
	var m *rowMeasure
	heights := make([]float32, len(w.shown))
	for i, r := range w.shown {
		notes, edit := rowNotes(r), nameProblem(r)
		if notes == "" && !edit {
			heights[i] = plain
			continue
		}
		if c, ok := w.measured[r]; ok && c.notes == notes && c.edit == edit {
			heights[i] = c.height
			continue
		}
		if m == nil {
			m = newRowMeasure(width)
		}
		heights[i] = m.height(notes, edit)
		w.measured[r] = rowHeight{notes, edit, heights[i]}
	}
	var changed []int
	for i, h := range heights {
		if i >= len(w.heights) || w.heights[i] != h {
			changed = append(changed, i)
		}
	}
	w.heights = heights
	if len(changed) <= 16 {
		for _, i := range changed {
			w.rows.SetItemHeight(i, heights[i])
		}
		return
	}
	w.rows = w.newRowList()
	for i, h := range heights {
		if h != plain {
			w.rows.SetItemHeight(i, h) // not shown yet: nothing laid out
		}
	}
	if w.listBox != nil {
		w.listBox.Objects = []fyne.CanvasObject{w.rows}
		w.listBox.Refresh()
	}
}

// rowMeasure measures rows at one width: the heights of a row's parts are
// taken once from a laid-out row, then only the wrapped notes are measured
// for each row (laying out a whole row each time is ten times slower).
type rowMeasure struct {
	notes                           *widget.Label // wrapped at the width of a row's notes
	top, pad, rightPlain, rightEdit float32
}

func newRowMeasure(width float32) *rowMeasure {
	r := newImportRow()
	r.issue.Show()
	r.issue.SetText("x")
	r.Resize(fyne.NewSize(width, 200))
	right := r.content.Objects[2] // Border: center, left, right
	m := &rowMeasure{notes: widget.NewLabel(""), top: r.texts.Objects[0].MinSize().Height,
		pad: r.Theme().Size(theme.SizeNamePadding), rightPlain: right.MinSize().Height}
	r.edit.Show()
	m.rightEdit = right.MinSize().Height
	m.notes.Wrapping = fyne.TextWrapWord
	m.notes.Resize(r.issue.Size())
	return m
}

// height returns the height of a row with these notes and, if edit, the
// button to correct the name.
func (m *rowMeasure) height(notes string, edit bool) float32 {
	right := m.rightPlain
	if edit {
		right = m.rightEdit
	}
	left := m.top
	if notes != "" {
		m.notes.SetText(notes)
		left += m.pad + m.notes.MinSize().Height
	}
	return max(left, right)
}

// rowsLayout gives the list of rows its whole space and fits the rows to
// a new width.
type rowsLayout struct{ w *importWizard }

// Layout fits the rows to the width, then gives the list the space.
func (l *rowsLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	if size.Width != l.w.fitWidth {
		l.w.fitRows(size.Width)
	}
	l.w.rows.Move(fyne.NewPos(0, 0))
	l.w.rows.Resize(size)
}

// MinSize is the list's.
func (l *rowsLayout) MinSize([]fyne.CanvasObject) fyne.Size { return l.w.rows.MinSize() }

// importNameForm corrects the name of one row of the preview.
type importNameForm struct {
	given, family, native *widget.Entry
	dialog                *dialog.FormDialog
}

// correctName opens the form that corrects the name of row num, with the
// name as read, "?" and all.
func (w *importWizard) correctName(num int) {
	r := w.preview.Row(num)
	if r == nil {
		return
	}
	f := &importNameForm{given: widget.NewEntry(), family: widget.NewEntry(), native: widget.NewEntry()}
	f.given.SetText(r.Participant.GivenNames)
	f.family.SetText(r.Participant.FamilyNames)
	f.native.SetText(r.Participant.NativeName)
	asRead := r.Name.Full
	if asRead == "" {
		asRead = strings.TrimSpace(r.Name.FileGiven + " " + r.Name.FileFamily)
	}
	text := fmt.Sprintf(lang.L("In the file: %s."), asRead)
	switch {
	case asRead == "":
		text = lang.L("The file gives no name on this row.")
	case r.Has(importer.LostCharacters):
		text += " " + lang.L("Replace each \"?\" with the letter it stands for.")
	}
	hint := widget.NewLabel(text)
	hint.Wrapping = fyne.TextWrapWord
	items := []*widget.FormItem{
		widget.NewFormItem("", hint),
		widget.NewFormItem(lang.L("Given names"), f.given),
		widget.NewFormItem(lang.L("Family name"), f.family),
	}
	if _, mapped := w.preview.Mapping.Column(importer.NativeName); mapped || r.Participant.NativeName != "" {
		items = append(items, widget.NewFormItem(lang.L("Name in native script"), f.native))
	}
	native := r.Participant.NativeName
	f.dialog = dialog.NewForm(fmt.Sprintf(lang.L("Correct the name on row %d"), num), lang.L("Save name"), lang.L("Cancel"), items,
		func(ok bool) {
			w.nameForm = nil
			if !ok {
				return
			}
			err := w.preview.SetName(num, f.given.Text, f.family.Text)
			if err == nil && f.native.Text != native {
				err = w.preview.SetNativeName(num, f.native.Text)
			}
			if err != nil {
				w.ws.u.showError(err)
			}
			w.refreshPreview()
		}, w.ws.u.win)
	for _, e := range []*widget.Entry{f.given, f.family, f.native} {
		e.OnSubmitted = func(string) { f.dialog.Submit() }
	}
	w.nameForm = f
	f.dialog.Resize(fyne.NewSize(560, f.dialog.MinSize().Height))
	f.dialog.Show()
	w.ws.u.win.Canvas().Focus(f.given)
}
