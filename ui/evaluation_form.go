package ui

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// evalFormView shows the workshop's evaluation form and edits it: the
// items, anonymous or named, the session ratings brought in line with
// the agenda, a copy of another workshop's form of the series; and it
// prints the forms and imports answers.
type evalFormView struct {
	s       *evaluationSection
	named   *widget.Check
	note    *widget.Label
	items   *fyne.Container
	content fyne.CanvasObject
}

func newEvalFormView(s *evaluationSection) *evalFormView {
	v := &evalFormView{s: s, items: container.NewVBox()}
	v.named = widget.NewCheck(lang.L("Named form (small expert meetings): ask for the respondent's name"), v.setNamed)
	v.note = widget.NewLabel("")
	v.note.Wrapping = fyne.TextWrapWord
	v.note.Importance = widget.LowImportance
	// Two columns: the longest French and Spanish labels side by side still
	// fit a 1024-pixel screen.
	buttons := container.NewGridWithColumns(2,
		widget.NewButtonWithIcon(lang.L("Print forms…"), theme.DocumentPrintIcon(), v.print),
		widget.NewButtonWithIcon(lang.L("Import answers…"), theme.FolderOpenIcon(), v.importAnswers),
		widget.NewButtonWithIcon(lang.L("Add item…"), theme.ContentAddIcon(), func() { v.editItem(-1) }),
		widget.NewButtonWithIcon(lang.L("Update sessions from the agenda"), theme.ViewRefreshIcon(), v.syncSessions),
		widget.NewButtonWithIcon(lang.L("Copy the form of another workshop…"), theme.ContentCopyIcon(), v.copyFrom),
	)
	v.content = container.NewBorder(container.NewPadded(container.NewVBox(buttons, v.named, v.note)), nil, nil, nil,
		container.NewVScroll(container.NewPadded(v.items)))
	v.refresh()
	return v
}

// refresh redraws the items.
func (v *evalFormView) refresh() {
	f := &v.s.form
	v.named.OnChanged = nil
	v.named.SetChecked(f.Named)
	v.named.OnChanged = v.setNamed
	note := lang.L("Anonymous: a form keeps its number, language and answers, never a name.")
	if f.Named {
		note = lang.L("Named: the printed form has a line for the name, and each response keeps it.")
	}
	if !v.s.saved {
		note += " " + lang.L("This is the default form; its session ratings follow the agenda until it is saved.")
	}
	v.note.SetText(note)
	var rows []fyne.CanvasObject
	section := store.EvalSection("")
	for i, it := range f.Items {
		if sec := it.Section(); sec != section {
			section = sec
			rows = append(rows, heading(store.EvalWording(v.s.lang(), "section_"+string(sec))))
		}
		label := widget.NewLabel(v.s.itemText(i) + "  (" + kindLabel(it.Kind) + ")")
		label.Wrapping = fyne.TextWrapWord
		if it.SessionID != uuid.Nil {
			rows = append(rows, label)
			continue
		}
		i := i
		edit := widget.NewButtonWithIcon("", theme.DocumentCreateIcon(), func() { v.editItem(i) })
		remove := widget.NewButtonWithIcon("", theme.DeleteIcon(), func() { v.removeItem(i) })
		rows = append(rows, container.NewBorder(nil, nil, nil, container.NewHBox(edit, remove), label))
	}
	v.items.Objects = rows
	v.items.Refresh()
}

// save stores f as the workshop's form and redraws; a problem is shown
// and nothing changes.
func (v *evalFormView) save(f store.EvaluationForm) bool {
	if err := v.s.ws.u.st.SaveEvaluationForm(&f); err != nil {
		dialog.ShowError(errors.New(problemText(err)), v.s.ws.u.win)
		v.s.reload()
		return false
	}
	v.s.reload()
	return true
}

func (v *evalFormView) setNamed(on bool) {
	f := v.s.form
	f.Named = on
	v.save(f)
}

func (v *evalFormView) syncSessions() {
	f := v.s.form
	f.Items = slices.Clone(f.Items)
	f.SyncSessions(v.s.ws.data.Sessions)
	v.save(f)
}

func (v *evalFormView) removeItem(i int) {
	f := v.s.form
	text := v.s.itemText(i)
	dialog.ShowConfirm(lang.L("Remove item"), fmt.Sprintf(lang.L("Remove “%s” from the form?"), text), func(ok bool) {
		if ok {
			f.Items = slices.Delete(slices.Clone(f.Items), i, i+1)
			v.save(f)
		}
	}, v.s.ws.u.win)
}

// itemKinds are the kinds offered for a new item, in EvalKinds order.
func itemKindLabels() []string {
	out := make([]string, len(store.EvalKinds))
	for i, k := range store.EvalKinds {
		out[i] = kindLabel(k)
	}
	return out
}

// editItem opens the item form: item i, or a new item when i < 0. The
// wording in each of the six languages (English required); choices one
// a line, their translations after "|" in the same order (en | fr | es |
// ar | ru | zh).
func (v *evalFormView) editItem(i int) *itemForm {
	f := v.s.form
	var it store.EvalItem
	if i >= 0 {
		it = f.Items[i]
	} else {
		it = store.EvalItem{Kind: store.EvalAgreement, Text: store.LocalText{}}
	}
	k := &formKeys{}
	kind := k.choice(itemKindLabels(), nil)
	kind.SetSelectedIndex(slices.Index(store.EvalKinds, it.Kind))
	texts := make([]*formEntry, len(store.CertificateLanguages))
	form := widget.NewForm(widget.NewFormItem(lang.L("Kind"), kind))
	for j, l := range store.CertificateLanguages {
		texts[j] = k.entry()
		texts[j].SetText(it.Text[l])
		form.Append(strings.ToUpper(l), texts[j])
	}
	choices := k.multiLine()
	choices.SetPlaceHolder(lang.L("One choice a line; translations after | in the order EN | FR | ES | AR | RU | ZH"))
	var lines []string
	for _, c := range it.Choices {
		var parts []string
		for _, l := range store.CertificateLanguages {
			parts = append(parts, c[l])
		}
		lines = append(lines, strings.TrimRight(strings.Join(parts, " | "), " |"))
	}
	choices.SetText(strings.Join(lines, "\n"))
	form.Append(lang.L("Choices"), choices)
	problem := widget.NewLabel("")
	problem.Importance = widget.DangerImportance
	problem.Wrapping = fyne.TextWrapWord
	title := lang.L("Add item")
	if i >= 0 {
		title = lang.L("Edit item")
	}
	// A problem keeps the form open with what was typed, and says what to
	// correct; Escape or Cancel closes it.
	save := func() bool {
		it.Kind = store.EvalKinds[max(kind.SelectedIndex(), 0)]
		it.Text = store.LocalText{}
		for j, l := range store.CertificateLanguages {
			if t := strings.TrimSpace(texts[j].Text); t != "" {
				it.Text[l] = t
			}
		}
		it.Choices = nil
		if it.Kind == store.EvalChoice || it.Kind == store.EvalChoices {
			for _, line := range strings.Split(choices.Text, "\n") {
				if strings.TrimSpace(line) == "" {
					continue
				}
				c := store.LocalText{}
				for j, part := range strings.Split(line, "|") {
					if j < len(store.CertificateLanguages) && strings.TrimSpace(part) != "" {
						c[store.CertificateLanguages[j]] = strings.TrimSpace(part)
					}
				}
				it.Choices = append(it.Choices, c)
			}
		}
		items := slices.Clone(f.Items)
		if i >= 0 {
			items[i] = it
		} else {
			it.Key = newItemKey(items)
			// A new item goes before the open questions (or at the end of
			// them, for a text).
			at := slices.IndexFunc(items, func(x store.EvalItem) bool { return x.Section() == store.SectionComments })
			if at < 0 || it.Kind == store.EvalText {
				at = len(items)
			}
			items = slices.Insert(items, at, it)
		}
		g := f
		g.Items = items
		if err := v.s.ws.u.st.SaveEvaluationForm(&g); err != nil {
			problem.SetText(problemText(err))
			return false
		}
		v.s.reload()
		return true
	}
	d, _ := k.dialog(title, lang.L("Save"), container.NewVScroll(container.NewVBox(form, problem)), save, v.s.ws.u.win)
	d.Resize(fyne.NewSize(640, 560))
	k.show()
	return &itemForm{texts: texts, problem: problem, keys: k}
}

// itemForm is the item dialog's fields, for tests.
type itemForm struct {
	texts   []*formEntry
	problem *widget.Label
	keys    *formKeys
}

// newItemKey returns a key no item has: "custom-N".
func newItemKey(items []store.EvalItem) string {
	for n := 1; ; n++ {
		key := "custom-" + strconv.Itoa(n)
		if !slices.ContainsFunc(items, func(it store.EvalItem) bool { return it.Key == key }) {
			return key
		}
	}
}

// copyFrom replaces the form with another workshop's of the same series,
// its session ratings made from this agenda.
func (v *evalFormView) copyFrom() {
	u, w := v.s.ws.u, v.s.ws.data.Workshop
	list, err := u.st.Workshops()
	if err != nil {
		u.showError(err)
		return
	}
	var others []store.WorkshopSummary
	var names []string
	for _, o := range list {
		if o.ID != w.ID && w.Series != "" && seriesKey(o.Series) == seriesKey(w.Series) {
			others = append(others, o)
			names = append(names, o.Code+" – "+o.Title)
		}
	}
	if len(others) == 0 {
		dialog.ShowInformation(lang.L("Copy the form of another workshop"), lang.L("No other workshop belongs to this workshop's series."), u.win)
		return
	}
	pick := widget.NewSelect(names, nil)
	pick.SetSelectedIndex(0)
	dialog.ShowForm(lang.L("Copy the form of another workshop"), lang.L("Copy"), lang.L("Cancel"),
		[]*widget.FormItem{widget.NewFormItem(lang.L("Workshop"), pick)}, func(ok bool) {
			if !ok || pick.SelectedIndex() < 0 {
				return
			}
			src, _, err := u.st.EvaluationForm(others[pick.SelectedIndex()].ID)
			if err != nil {
				u.showError(err)
				return
			}
			f := src.ForSeries(w.ID, v.s.ws.data.Sessions)
			f.Printed = v.s.form.Printed
			v.save(f)
		}, u.win)
}

// printLanguages are the printing choices: each participant in their
// language, or one language.
var printLanguages = []string{ops.EvalParticipants, "en", "fr", "es", "ar", "ru", "zh"}

// print asks what to print, then where, and prints the forms.
func (v *evalFormView) print() {
	u := v.s.ws.u
	labels := []string{lang.L("One per participant, in their language")}
	for _, l := range printLanguages[1:] {
		labels = append(labels, strings.ToUpper(l))
	}
	which := widget.NewSelect(labels, nil)
	which.SetSelectedIndex(0)
	copies := widget.NewEntry()
	copies.SetPlaceHolder(fmt.Sprint(len(ops.EvalRespondents(v.s.ws.data))))
	papers := []string{lang.L("A4"), lang.L("Letter")}
	paper := widget.NewSelect(papers, nil)
	paper.SetSelectedIndex(0)
	if evaluationPaper(v.s.ws.data.Workshop.Country) == pdf.Letter {
		paper.SetSelectedIndex(1)
	}
	dialog.ShowForm(lang.L("Print evaluation forms"), lang.L("Print…"), lang.L("Cancel"), []*widget.FormItem{
		widget.NewFormItem(lang.L("Forms"), which),
		{Text: lang.L("Copies"), Widget: copies, HintText: lang.L("For one language; empty: one per participant")},
		widget.NewFormItem(lang.L("Paper"), paper),
	}, func(ok bool) {
		if !ok {
			return
		}
		n := 0
		if t := strings.TrimSpace(copies.Text); t != "" && which.SelectedIndex() > 0 {
			var err error
			if n, err = strconv.Atoi(t); err != nil {
				u.showError(fmt.Errorf(lang.L("“%s” is not a number of copies"), t))
				return
			}
		}
		size := pdf.A4
		if paper.SelectedIndex() == 1 {
			size = pdf.Letter
		}
		req := ops.EvalFormsRequest{Data: v.s.ws.data.Clone(), Language: printLanguages[max(which.SelectedIndex(), 0)], Copies: n, Paper: size}
		savePDF(u, v.s.ws.data.Workshop.Code+"-evaluation-forms.pdf", func(path string) error {
			req.Out = path
			_, err := ops.PrintEvaluationForms(u.st, req)
			return err
		}, func(string) { v.s.reload() })
	}, u.win)
}

// importAnswers reads an online form's export, shows how it was read,
// and records it on confirmation; a file with problems is refused whole.
func (v *evalFormView) importAnswers() {
	u := v.s.ws.u
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			if err != nil {
				u.showError(err)
			}
			return
		}
		path := r.URI().Path()
		r.Close()
		v.importFile(path)
	}, u.win)
	d.Show()
}

// importFile reads path and asks before recording it.
func (v *evalFormView) importFile(path string) {
	u, w := v.s.ws.u, v.s.ws.data.Workshop
	im, err := ops.ReadEvaluationFile(u.st, &w, path, "")
	if err != nil {
		u.showError(err)
		return
	}
	var lines []string
	for i, c := range im.Columns {
		what := lang.L("left out")
		switch c.Role {
		case "item":
			what = v.s.itemText(c.Item)
		case "form":
			what = lang.L("form number")
		case "language":
			what = lang.L("language")
		case "name":
			what = lang.L("name")
		}
		lines = append(lines, fmt.Sprintf("%d. “%s” → %s", i+1, c.Heading, what))
	}
	text := widget.NewLabel(strings.Join(lines, "\n"))
	text.Wrapping = fyne.TextWrapWord
	if len(im.Problems) > 0 {
		probs := widget.NewLabel(strings.Join(im.Problems, "\n"))
		probs.Wrapping = fyne.TextWrapWord
		probs.Importance = widget.DangerImportance
		msg := fmt.Sprintf(lang.L("%d problems: nothing was imported. Correct the file and import it again."), len(im.Problems))
		content := container.NewVScroll(container.NewVBox(widget.NewLabel(msg), probs, heading(lang.L("Columns")), text))
		dlg := dialog.NewCustom(lang.L("Import answers"), lang.L("Close"), content, u.win)
		dlg.Resize(fyne.NewSize(720, 520))
		dlg.Show()
		return
	}
	content := container.NewVScroll(container.NewVBox(widget.NewLabel(fmt.Sprintf(lang.L("%d forms to record."), len(im.Responses))), text))
	dlg := dialog.NewCustomConfirm(lang.L("Import answers"), fmt.Sprintf(lang.L("Record %d forms"), len(im.Responses)), lang.L("Cancel"), content, func(ok bool) {
		if !ok {
			return
		}
		if err := ops.CommitEvaluations(u.st, w.ID, im); err != nil {
			dialog.ShowError(errors.New(problemText(err)), u.win)
			return
		}
		v.s.reload()
	}, u.win)
	dlg.Resize(fyne.NewSize(720, 520))
	dlg.Show()
}
