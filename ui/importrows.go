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
	country, _ := store.CountryName(pp.Country)
	o.detail.SetText(strings.Join(nonEmpty(pp.Organisation, country, pp.Email), " · "))
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
	o.issue.Importance = widget.WarningImportance
	if r.Blocked() {
		o.issue.Importance = widget.DangerImportance
	}
	o.issue.Hidden = len(notes) == 0
	o.issue.SetText(strings.Join(notes, "; "))
	o.texts.Refresh() // the problem text's height follows its new text

	num := r.Row
	o.edit.Hidden = !nameProblem(r)
	o.edit.OnTapped = func() { w.correctName(num) }
	o.edit.Refresh()

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

// fitRows makes each listed row as tall as its text at the list's width,
// so that a warning wrapped on several lines does not run into the next
// row.
func (w *importWizard) fitRows() {
	width := w.rows.Size().Width
	if width <= 0 {
		return
	}
	m := newImportRow()
	m.Resize(fyne.NewSize(width, 100))
	plain := float32(-1) // the height of a row with no note and no button
	for i, r := range w.shown {
		if plain >= 0 && !nameProblem(r) && len(r.Problems) == 0 && !r.Name.CaseChanged && !r.Unchanged() {
			w.rows.SetItemHeight(i, plain)
			continue
		}
		w.setRow(r, m)
		h := m.content.MinSize().Height
		if m.issue.Hidden && m.edit.Hidden {
			plain = h
		}
		w.rows.SetItemHeight(i, h)
	}
}

// widthLayout fills its space with its objects and calls onWidth when its
// width changes.
type widthLayout struct {
	width   float32
	onWidth func()
}

// Layout gives every object the whole space.
func (l *widthLayout) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	if size.Width != l.width {
		l.width = size.Width
		l.onWidth()
	}
}

// MinSize is the largest of the objects' minimum sizes.
func (l *widthLayout) MinSize(objects []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objects {
		s = s.Max(o.MinSize())
	}
	return s
}

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
	hint := widget.NewLabel(fmt.Sprintf(lang.L("In the file: %s. Replace each \"?\" with the letter it stands for."), asRead))
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
