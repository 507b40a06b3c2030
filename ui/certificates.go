package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
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
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// Preference keys of the Certificates section.
const (
	prefCertSort   = "certificates_sort"
	prefCertOutput = "certificates_output"
)

// certSorts are the orders of the list and of the printed certificates:
// the values of pdf.SortCertificates and their labels.
var certSorts = []struct{ by, label string }{
	{"family", "Family name"}, {"country", "Country"}, {"organisation", "Organisation"},
}

// The output choices of a print run.
const (
	outputCombined = iota // one PDF for the printer
	outputFolder          // one PDF per participant, in a folder
	outputBoth
)

var certOutputs = []string{"One PDF for the printer", "One PDF per participant, in a folder", "Both"}

// certificatesSection lists every participant with their standing for a
// certificate (the rule's verdict or an override by hand, with the reason
// in numbers), the certificate issued if any, and prints the certificates
// of everyone eligible in one run.
type certificatesSection struct {
	ws *workshopScreen

	rows    []store.EligibilityRow // in the order of ws.data.Participants
	current map[uuid.UUID]store.CertificateIssue
	order   []int // positions in rows, in the chosen sort order
	sortBy  string

	counts   *widget.Label
	rule     *widget.Label
	problem  *widget.Label
	sortSel  *widget.Select
	output   *widget.Select // a drop-down: three radio buttons in a row made the window 1,190 px wide
	detail   *widget.Label  // the selected participant's whole reason
	list     *widget.List
	selected int // position in order of the row selected for Preview; -1 for none
	design   *widget.Button
	preview  *widget.Button
	verify   *widget.Button
	print    *widget.Button
	rowViews map[*fyne.Container]*certRowView
	content  fyne.CanvasObject

	// The dialogs last shown, for tests.
	override    *overrideForm
	voidForm    *voidForm
	glyphs      *glyphDialog
	designForm  *certDesignForm
	verifyForm  *verifyDialog
	lastSummary string
}

// certRowView is the widgets of one row of the list.
type certRowView struct {
	name, native, status, kind, number, reason *widget.Label
	grant, refuse, clear, reprint, void        *widget.Button
}

// newCertificatesSection builds the section and registers it on ws.
func newCertificatesSection(ws *workshopScreen) *certificatesSection {
	s := &certificatesSection{ws: ws, selected: -1, rowViews: map[*fyne.Container]*certRowView{}}
	ws.certificates = s
	prefs := ws.u.app.Preferences()

	s.counts = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.counts.Wrapping = fyne.TextWrapWord // beside the buttons, in two lines if need be
	s.rule = widget.NewLabel("")
	s.rule.TextStyle = fyne.TextStyle{Italic: true} // set apart in italics, not in the faint colour of LowImportance
	s.rule.Wrapping = fyne.TextWrapWord
	s.detail = widget.NewLabel(lang.L("Select a participant to read the whole reason and to preview their certificate."))
	s.detail.Wrapping = fyne.TextWrapWord
	s.problem = widget.NewLabel("")
	s.problem.Importance = widget.DangerImportance
	s.problem.Wrapping = fyne.TextWrapWord
	s.problem.Hide()

	sortLabels := make([]string, len(certSorts))
	for i, o := range certSorts {
		sortLabels[i] = lang.L(o.label)
	}
	s.sortSel = widget.NewSelect(sortLabels, func(string) {
		i := max(0, s.sortSel.SelectedIndex())
		s.sortBy = certSorts[i].by
		prefs.SetString(prefCertSort, s.sortBy)
		s.sortRows()
		s.list.UnselectAll()
		s.list.Refresh()
	})
	outputLabels := make([]string, len(certOutputs))
	for i, o := range certOutputs {
		outputLabels[i] = lang.L(o)
	}
	s.output = widget.NewSelect(outputLabels, func(string) {
		prefs.SetInt(prefCertOutput, s.outputChoice())
	})

	s.list = widget.NewList(func() int { return len(s.order) }, s.newRow, s.updateRow)
	s.list.OnSelected = func(id widget.ListItemID) {
		s.selected = id
		s.showDetail()
	}
	s.list.OnUnselected = func(widget.ListItemID) { s.selected = -1 }

	s.design = widget.NewButtonWithIcon(lang.L("Design…"), theme.ColorPaletteIcon(), func() { showCertDesignForm(ws) })
	s.preview = widget.NewButtonWithIcon(lang.L("Preview"), theme.VisibilityIcon(), s.showPreview)
	s.verify = widget.NewButtonWithIcon(lang.L("Verify…"), theme.ConfirmIcon(), func() { s.verifyForm = showVerifyDialog(ws.u) })
	s.print = widget.NewButtonWithIcon(lang.L("Print eligible…"), theme.DocumentPrintIcon(), s.printEligible)
	s.print.Importance = widget.HighImportance

	s.sortBy = prefs.StringWithFallback(prefCertSort, certSorts[0].by)
	sortIndex := 0
	for i, o := range certSorts {
		if o.by == s.sortBy {
			sortIndex = i
		}
	}
	s.reload()
	s.sortSel.SetSelectedIndex(sortIndex)
	s.output.SetSelected(outputLabels[min(max(prefs.IntWithFallback(prefCertOutput, outputCombined), 0), len(certOutputs)-1)])

	buttons := container.NewHBox(s.design, s.verify, s.preview, s.print)
	first := container.NewBorder(nil, nil, nil, buttons, s.counts)
	second := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Sort by")), s.sortSel, widget.NewLabel(lang.L("Output"))), nil, s.output)
	top := container.NewVBox(first, s.rule, second, s.problem, widget.NewSeparator())
	if len(ws.data.Participants) == 0 {
		empty := emptyState(lang.L("No participants yet: certificates are printed for the participants of the workshop."))
		s.content = container.NewBorder(container.NewPadded(top), nil, nil, nil, empty)
		return s
	}
	bottom := container.NewVBox(widget.NewSeparator(), s.detail)
	s.content = container.NewBorder(container.NewPadded(top), container.NewPadded(bottom), nil, nil, s.list)
	return s
}

// outputChoice is the output chosen: outputCombined, outputFolder or
// outputBoth.
func (s *certificatesSection) outputChoice() int {
	for i, o := range certOutputs {
		if lang.L(o) == s.output.Selected {
			return i
		}
	}
	return outputCombined
}

// showDetail shows the selected participant's standing in full.
func (s *certificatesSection) showDetail() {
	if s.selected < 0 || s.selected >= len(s.order) {
		return
	}
	i := s.order[s.selected]
	p, r := s.participant(i), s.rows[i]
	text := strings.TrimSpace(p.FullName()+"  "+p.NativeName) + " – " + r.Reason
	if o := r.Override; o != nil {
		text += "\n" + fmt.Sprintf(lang.L("Decided by hand on %s."), o.At.In(s.ws.data.Workshop.Location()).Format("2006-01-02 15:04"))
	}
	if c, ok := s.current[p.ID]; ok {
		line := fmt.Sprintf(lang.L("Certificate %s, code %s, issued %s"), c.Number, c.Code, c.IssuedAt.In(s.ws.data.Workshop.Location()).Format("2006-01-02"))
		if c.Reprints > 0 {
			line += fmt.Sprintf(lang.L(", reprinted %d times"), c.Reprints)
		}
		if c.Voided() {
			line += fmt.Sprintf(lang.L("; voided on %s: %s"), c.VoidedAt.In(s.ws.data.Workshop.Location()).Format("2006-01-02"), c.VoidReason)
		}
		text += "\n" + line + "."
	}
	s.detail.SetText(text)
}

// reload reads the overrides and the register again and decides every
// participant's standing at the app's clock.
func (s *certificatesSection) reload() {
	st, id := s.ws.u.st, s.ws.data.Workshop.ID
	err := func() error {
		ov, err := st.Overrides(id)
		if err != nil {
			return err
		}
		register, err := st.Certificates(id)
		if err != nil {
			return err
		}
		s.current = map[uuid.UUID]store.CertificateIssue{}
		for _, c := range register {
			if old, ok := s.current[c.ParticipantID]; !ok || !c.CreatedAt.Before(old.CreatedAt) {
				s.current[c.ParticipantID] = c
			}
		}
		s.rows = store.Eligibility(s.ws.data, ov, s.ws.u.now())
		return nil
	}()
	if err != nil {
		s.problem.SetText(fmt.Sprintf(lang.L("The certificates cannot be read: %v"), err))
		s.problem.Show()
	} else {
		s.problem.Hide()
	}
	standings, issued, appreciation := map[store.Standing]int{}, 0, 0
	for _, r := range s.rows {
		standings[r.Standing()]++
		if r.Eligible && r.Kind == store.KindAppreciation {
			appreciation++
		}
		if c, ok := s.current[r.ParticipantID]; ok && !c.Voided() {
			issued++
		}
	}
	eligible := standings[store.StandingEligible]
	counts := fmt.Sprintf(lang.L("%d eligible"), eligible)
	if appreciation > 0 {
		// The attendance grid counts only those eligible by attendance.
		counts += " " + fmt.Sprintf(lang.L("(%d for appreciation)"), appreciation)
	}
	if open := standings[store.StandingOnTrack] + standings[store.StandingAtRisk]; open > 0 {
		counts += " · " + fmt.Sprintf(lang.L("%d on track · %d at risk"), standings[store.StandingOnTrack], standings[store.StandingAtRisk])
	}
	counts += " · " + fmt.Sprintf(lang.L("%d not eligible · %d issued"), standings[store.StandingNotEligible], issued)
	s.counts.SetText(counts)
	s.rule.SetText(lang.L("Rule:") + " " + s.ws.data.Workshop.Rule.Effective().String())
	s.print.SetText(fmt.Sprintf(lang.L("Print %d eligible…"), eligible))
	if eligible == 0 {
		s.print.Disable()
	} else {
		s.print.Enable()
	}
	s.sortRows()
	s.list.Refresh()
	s.showDetail()
}

// sortRows puts the rows in the chosen order, the order in which they
// are printed.
func (s *certificatesSection) sortRows() {
	inputs := make([]pdf.CertificateInput, len(s.rows))
	pos := make(map[uuid.UUID]int, len(s.rows))
	for i := range s.rows {
		inputs[i] = pdf.CertificateInput{Participant: s.ws.data.Participants[i]}
		pos[s.rows[i].ParticipantID] = i
	}
	pdf.SortCertificates(inputs, s.sortBy)
	s.order = s.order[:0]
	for _, in := range inputs {
		s.order = append(s.order, pos[in.Participant.ID])
	}
}

// certColumns lays out a row of cells with fixed widths; the last one takes
// the room left.
type certColumns []float32

func (c certColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	x, pad := float32(0), theme.Padding()
	for i, o := range objs {
		w := float32(0)
		if i < len(c) && i < len(objs)-1 {
			w = c[i]
		} else {
			w = max(size.Width-x, 0)
		}
		h := o.MinSize().Height
		o.Resize(fyne.NewSize(w, h))
		o.Move(fyne.NewPos(x, (size.Height-h)/2))
		x += w + pad
	}
}

func (c certColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var size fyne.Size
	for i, o := range objs {
		m := o.MinSize()
		if i < len(c) && i < len(objs)-1 {
			size.Width += c[i] + theme.Padding()
		} else {
			size.Width += m.Width
		}
		size.Height = max(size.Height, m.Height)
	}
	return size
}

// certActionsWidth gives its one object a fixed width.
type certActionsWidth float32

func (f certActionsWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Resize(fyne.NewSize(float32(f), size.Height))
		o.Move(fyne.NewPos(0, 0))
	}
}

func (f certActionsWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(float32(f), h)
}

func (s *certificatesSection) newRow() fyne.CanvasObject {
	label := func() *widget.Label {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v := &certRowView{name: label(), native: label(), status: label(), kind: label(), number: label(), reason: label()}
	v.name.TextStyle.Bold = true
	v.grant = widget.NewButton(lang.L("Grant…"), nil)
	v.refuse = widget.NewButton(lang.L("Refuse…"), nil)
	v.clear = widget.NewButton(lang.L("Clear override"), nil)
	v.reprint = widget.NewButtonWithIcon(lang.L("Reprint"), theme.DocumentPrintIcon(), nil)
	v.void = widget.NewButton(lang.L("Void…"), nil)
	for _, b := range []*widget.Button{v.grant, v.refuse, v.clear, v.reprint, v.void} {
		b.Importance = widget.LowImportance
	}
	facts := container.New(certColumns{170, 130, 110, 100}, v.name, v.native, v.status, v.kind, v.number)
	actions := container.New(certActionsWidth(270), container.NewVBox(
		container.NewHBox(v.grant, v.refuse, v.clear), container.NewHBox(v.reprint, v.void)))
	row := container.NewBorder(nil, nil, nil, actions, container.NewVBox(facts, v.reason))
	s.rowViews[row] = v
	return row
}

func (s *certificatesSection) updateRow(id widget.ListItemID, o fyne.CanvasObject) {
	v := s.rowViews[o.(*fyne.Container)]
	if v == nil || id >= len(s.order) {
		return
	}
	i := s.order[id]
	r, p := &s.rows[i], &s.ws.data.Participants[i]
	v.name.SetText(p.FullName())
	v.native.SetText(p.NativeName)
	switch r.Standing() {
	case store.StandingEligible:
		v.status.SetText("✓ " + lang.L("Eligible"))
		v.status.Importance = widget.SuccessImportance
	case store.StandingOnTrack:
		v.status.SetText(lang.L("On track"))
		v.status.Importance = widget.MediumImportance
	case store.StandingAtRisk:
		v.status.SetText(lang.L("At risk"))
		v.status.Importance = widget.WarningImportance
	default:
		v.status.SetText(lang.L("Not eligible"))
		v.status.Importance = widget.DangerImportance
	}
	v.status.Refresh()
	if r.Kind == store.KindAppreciation {
		v.kind.SetText(lang.L("Appreciation"))
	} else {
		v.kind.SetText(lang.L("Attendance"))
	}
	c, issued := s.current[p.ID]
	switch {
	case !issued:
		v.number.SetText(lang.L("not issued"))
		v.number.Importance = widget.MediumImportance // LowImportance is too faint on the dark theme
	case c.Voided():
		v.number.SetText(c.Number + " " + lang.L("voided"))
		v.number.Importance = widget.DangerImportance
	default:
		v.number.SetText(c.Number)
		v.number.Importance = widget.MediumImportance
	}
	v.number.Refresh()
	v.reason.SetText(r.Reason)
	show := func(b *widget.Button, on bool, tap func()) {
		b.OnTapped = tap
		if on {
			b.Show()
		} else {
			b.Hide()
		}
	}
	live := issued && !c.Voided()
	show(v.grant, !r.Eligible, func() { s.askOverride(i, true) })
	show(v.refuse, r.Eligible, func() { s.askOverride(i, false) })
	show(v.clear, r.Override != nil, func() { s.clearOverride(i) })
	show(v.reprint, live, func() { s.reprint(i) })
	show(v.void, live, func() { s.askVoid(i) })
}

// participant returns the participant of row i.
func (s *certificatesSection) participant(i int) store.Participant {
	return s.ws.data.Participants[i]
}

// overrideForm asks for the reason to grant or refuse a certificate by hand.
type overrideForm struct {
	s       *certificatesSection
	row     int
	granted bool
	keys    formKeys
	reason  *formEntry
	errs    map[string]*widget.Label
	dialog  *dialog.CustomDialog
	okBtn   *widget.Button
}

// askOverride opens the form to grant (or refuse) row i's certificate by
// hand; a reason is required.
func (s *certificatesSection) askOverride(i int, granted bool) *overrideForm {
	p, r := s.participant(i), s.rows[i]
	f := &overrideForm{s: s, row: i, granted: granted, errs: map[string]*widget.Label{}}
	f.reason = f.keys.multiLine()
	f.reason.SetMinRowsVisible(2)
	title, confirm := lang.L("Grant a certificate by hand"), lang.L("Grant")
	f.reason.SetPlaceHolder(lang.L("e.g. attended the missed session online"))
	if !granted {
		title, confirm = lang.L("Refuse a certificate by hand"), lang.L("Refuse")
		f.reason.SetPlaceHolder(lang.L("e.g. left on the first day for a family emergency"))
	}
	who := widget.NewLabelWithStyle(strings.TrimSpace(p.FullName()+"  "+p.NativeName), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rule := widget.NewLabel(lang.L("The rule says:") + " " + r.RuleReason)
	rule.Wrapping = fyne.TextWrapWord
	note := widget.NewLabel(lang.L("The decision and its reason are kept with the participant; “Clear override” lets the rule decide again."))
	note.Wrapping = fyne.TextWrapWord
	note.Importance = widget.LowImportance
	form := widget.NewForm(widget.NewFormItem(lang.L("Reason")+" *", withProblem(f.reason, "reason", f.errs)))
	f.dialog, f.okBtn = f.keys.dialog(title, confirm, container.NewVBox(who, rule, form, note), f.save, s.ws.u.win)
	f.dialog.Resize(fyne.NewSize(560, 360))
	f.keys.show()
	s.ws.u.win.Canvas().Focus(f.reason)
	s.override = f
	return f
}

// save records the override; it reports whether the dialog may close.
func (f *overrideForm) save() bool {
	f.errs["reason"].Hide()
	_, err := f.s.ws.u.st.SetOverride(f.s.rows[f.row].ParticipantID, f.granted, f.reason.Text)
	var verr store.ValidationError
	switch {
	case errors.As(err, &verr):
		f.errs["reason"].SetText(lang.L("Give the reason: it is kept with the decision."))
		f.errs["reason"].Show()
		return false
	case err != nil:
		f.s.ws.u.showError(err)
		return false
	}
	f.s.reload()
	return true
}

// clearOverride lets the rule decide row i again.
func (s *certificatesSection) clearOverride(i int) {
	if err := s.ws.u.st.ClearOverride(s.rows[i].ParticipantID); err != nil {
		s.ws.u.showError(err)
		return
	}
	s.reload()
}

// voidForm asks why a certificate is voided, then for confirmation.
type voidForm struct {
	s       *certificatesSection
	cert    store.CertificateIssue
	keys    formKeys
	reason  *formEntry
	errs    map[string]*widget.Label
	dialog  *dialog.CustomDialog
	okBtn   *widget.Button
	confirm *dialog.ConfirmDialog
}

// askVoid opens the form to void row i's certificate.
func (s *certificatesSection) askVoid(i int) *voidForm {
	p := s.participant(i)
	c, ok := s.current[p.ID]
	if !ok || c.Voided() {
		return nil
	}
	f := &voidForm{s: s, cert: c, errs: map[string]*widget.Label{}}
	f.reason = f.keys.entry()
	f.reason.SetPlaceHolder(lang.L("e.g. name misspelt; reprinted under a new number"))
	intro := widget.NewLabel(fmt.Sprintf(lang.L("Certificate %s of %s. A voided certificate keeps its number in the register and is reported as voided when checked; printing again gives a new number."), c.Number, p.FullName()))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(widget.NewFormItem(lang.L("Reason")+" *", withProblem(f.reason, "void_reason", f.errs)))
	f.dialog, f.okBtn = f.keys.dialog(lang.L("Void certificate"), lang.L("Void…"), container.NewVBox(intro, form), f.next, s.ws.u.win)
	f.dialog.Resize(fyne.NewSize(560, 300))
	f.keys.show()
	s.ws.u.win.Canvas().Focus(f.reason)
	s.voidForm = f
	return f
}

// next checks the reason and asks for confirmation; it always reports
// false, as the form hides itself once the reason is given.
func (f *voidForm) next() bool {
	reason := strings.Join(strings.Fields(f.reason.Text), " ")
	if reason == "" {
		f.errs["void_reason"].SetText(lang.L("Give the reason: it is shown to anyone who checks this certificate."))
		f.errs["void_reason"].Show()
		return false
	}
	f.errs["void_reason"].Hide()
	f.dialog.Hide() // before the confirmation: hiding a dialog removes the overlays above it
	msg := fmt.Sprintf(lang.L("Void certificate %s? This cannot be undone.\nReason: %s"), f.cert.Number, reason)
	f.confirm = dialog.NewConfirm(lang.L("Void certificate"), msg, func(ok bool) {
		if !ok {
			return
		}
		if err := f.s.ws.u.st.Void(f.cert.ID, reason); err != nil {
			f.s.ws.u.showError(err)
			return
		}
		f.s.reload()
	}, f.s.ws.u.win)
	f.confirm.SetConfirmText(lang.L("Void certificate"))
	f.confirm.SetDismissText(lang.L("Cancel"))
	f.confirm.Show()
	return false // already hidden
}

// eligiblePeople returns the rows of everyone eligible, in print order.
func (s *certificatesSection) eligiblePeople() []int {
	var out []int
	for _, i := range s.order {
		if s.rows[i].Eligible {
			out = append(out, i)
		}
	}
	return out
}

// printEligible checks that every name can be printed, asks where to, and
// prints the certificates of everyone eligible.
func (s *certificatesSection) printEligible() {
	s.reload() // decide at this moment
	people := s.eligiblePeople()
	if len(people) == 0 {
		dialog.ShowInformation(lang.L("No certificates to print"), lang.L("Nobody is eligible yet."), s.ws.u.win)
		return
	}
	s.checkGlyphs(people, func() { s.chooseOutput(people, s.outputChoice()) })
}

// reprint prints row i's certificate again, under the same number.
func (s *certificatesSection) reprint(i int) {
	s.checkGlyphs([]int{i}, func() { s.chooseOutput([]int{i}, outputCombined) })
}

// draftJob is the job of rows without numbers nor codes, as the glyph
// check and the preview need it.
func (s *certificatesSection) draftJob(rows []int) pdf.CertificateJob {
	job := pdf.CertificateJob{Workshop: s.ws.data.Workshop, Template: s.ws.data.Workshop.Certificate, Created: s.ws.u.now()}
	for _, i := range rows {
		job.Certificates = append(job.Certificates, certificateInput(s.participant(i), s.rows[i], store.CertificateIssue{Kind: s.rows[i].Kind}, "", ""))
	}
	return job
}

// glyphDialog lists the names some characters of which no font can draw.
type glyphDialog struct {
	dialog   *dialog.CustomDialog
	lines    []string
	fix, any *widget.Button
}

// checkGlyphs runs then when every character of the certificates of rows
// can be printed, or when the user prints anyway.
func (s *certificatesSection) checkGlyphs(rows []int, then func()) {
	problems := pdf.CertificateGlyphProblems(s.draftJob(rows))
	if len(problems) == 0 {
		then()
		return
	}
	g := &glyphDialog{}
	list := container.NewVBox()
	for _, p := range problems {
		line := glyphProblemText(p)
		g.lines = append(g.lines, line)
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		list.Add(l)
	}
	intro := widget.NewLabel(lang.L("No font of Workshop Desk can draw these characters: they would print as empty boxes. Correct the names (or their spelling in Latin letters), or print anyway."))
	intro.Wrapping = fyne.TextWrapWord
	g.dialog = dialog.NewCustomWithoutButtons(lang.L("Characters that cannot be printed"),
		container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list)), s.ws.u.win)
	g.fix = widget.NewButton(lang.L("Fix names"), g.dialog.Hide)
	g.any = widget.NewButton(lang.L("Print anyway"), func() {
		g.dialog.Hide()
		then()
	})
	g.any.Importance = widget.DangerImportance
	g.dialog.SetButtons([]fyne.CanvasObject{g.fix, g.any})
	g.dialog.Resize(fyne.NewSize(640, 420))
	g.dialog.Show()
	s.glyphs = g
}

// runeList shows characters as "ส U+0E2A, ม U+0E21".
func runeList(rs []rune) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%c %U", r, r)
	}
	return strings.Join(parts, ", ")
}

// chooseOutput asks where to write the certificates of rows, then prints.
func (s *certificatesSection) chooseOutput(rows []int, output int) {
	name := s.ws.data.Workshop.Code + "-certificates.pdf"
	if len(rows) == 1 {
		p := s.participant(rows[0])
		name = pdf.SafeFileName(s.ws.data.Workshop.Code+" certificate "+p.FamilyNames+" "+p.GivenNames) + ".pdf"
	}
	askFolder := func(path string) {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				s.ws.u.showError(err)
				return
			}
			if dir != nil {
				s.printTo(rows, path, dir.Path(), nil)
			}
		}, s.ws.u.win)
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	}
	if output == outputFolder {
		askFolder("")
		return
	}
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			s.ws.u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if !strings.EqualFold(filepath.Ext(path), ".pdf") {
			os.Remove(path) // the dialog created it empty
			path += ".pdf"
		}
		if output == outputBoth {
			askFolder(path)
			return
		}
		s.printTo(rows, path, "", nil)
	}, s.ws.u.win)
	d.SetFileName(name)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pdf"}))
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// printRun is what one print run did.
type printRun struct {
	issued, fresh, reprints int
	path                    string   // the combined PDF, if written
	dir                     string   // the folder of single PDFs, if written
	files                   []string // the single PDFs
}

// summary says what was issued and where the files are.
func (r printRun) summary() string {
	var b strings.Builder
	b.WriteString(fmt.Sprintf(lang.L("Issued %d certificates: %d new numbers, %d reprints."), r.issued, r.fresh, r.reprints))
	if r.path != "" {
		b.WriteString("\n" + lang.L("For the printer:") + " " + r.path)
	}
	if r.dir != "" {
		b.WriteString("\n" + fmt.Sprintf(lang.L("One PDF per participant (%d files) in:"), len(r.files)) + " " + r.dir)
	}
	return b.String()
}

// printTo issues the certificates of rows (new numbers for those without
// one, reprints for the others), signs them and writes them in the
// background: the combined PDF at path and the single ones in dir (either
// may be empty). Then it shows what was done; done, if set, is called
// with it last, once the screen is up to date.
func (s *certificatesSection) printTo(rows []int, path, dir string, done func(printRun, error)) {
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Issuing and writing %d certificates…"), len(rows)))
	wait := dialog.NewCustomWithoutButtons(lang.L("Printing certificates"), container.NewVBox(msg, bar), s.ws.u.win)
	wait.Show()
	people := make([]store.Participant, len(rows))
	elig := make([]store.EligibilityRow, len(rows))
	for k, i := range rows {
		people[k], elig[k] = s.participant(i), s.rows[i]
	}
	st, w, now, sortBy := s.ws.u.st, s.ws.data.Workshop, s.ws.u.now(), s.sortBy
	go func() {
		run, err := issueAndWrite(st, w, people, elig, now, sortBy, path, dir)
		fyne.Do(func() {
			wait.Hide()
			s.reload()
			if err != nil {
				s.ws.u.showError(err)
			} else {
				s.showSummary(run)
			}
			if done != nil {
				done(run, err)
			}
		})
	}()
}

// issueAndWrite issues, signs and writes the certificates; it is safe to
// call off the UI goroutine.
func issueAndWrite(st *store.Store, w store.Workshop, people []store.Participant, rows []store.EligibilityRow,
	now time.Time, sortBy, path, dir string) (printRun, error) {
	run := printRun{path: path, dir: dir}
	// New numbers are given in the order the pages come out.
	order := pdf.CertificateOrder(people, sortBy)
	sortedPeople, sortedRows := make([]store.Participant, len(order)), make([]store.EligibilityRow, len(order))
	for k, i := range order {
		sortedPeople[k], sortedRows[k] = people[i], rows[i]
	}
	people, rows = sortedPeople, sortedRows
	job, fresh, err := issueJob(st, w, people, rows, now)
	if err != nil {
		return run, err
	}
	pdf.SortCertificates(job.Certificates, sortBy)
	run.issued, run.fresh, run.reprints = len(people), fresh, len(people)-fresh
	if path != "" {
		if err := store.WriteFileAtomic(path, func(out io.Writer) error { return pdf.Certificates(job, out) }); err != nil {
			return run, fmt.Errorf(lang.L("the certificates were issued but the PDF was not written: %w"), err)
		}
	}
	if dir != "" {
		run.files, err = pdf.CertificateFiles(job, dir)
		if err != nil {
			return run, fmt.Errorf(lang.L("the certificates were issued but not every file was written: %w"), err)
		}
	}
	return run, nil
}

// issueJob issues the certificates of people (rows are their standings,
// in the same order), signs each one and returns the print job with the
// template's images, and how many numbers are new.
func issueJob(st *store.Store, w store.Workshop, people []store.Participant, rows []store.EligibilityRow, now time.Time) (pdf.CertificateJob, int, error) {
	job := pdf.CertificateJob{Workshop: w, Template: w.Certificate, Created: now}
	ids := make([]uuid.UUID, len(people))
	fresh := 0
	for i, p := range people {
		ids[i] = p.ID
		if c, err := st.CertificateOf(p.ID); err != nil || c.Voided() {
			fresh++
		}
	}
	recs, err := st.Issue(ids, now)
	if err != nil {
		return job, 0, err
	}
	for i, rec := range recs {
		fields := store.NewCertificateFields(&w, &people[i], &rec, attendedText(rows[i], rec))
		qr, code, err := st.Sign(rec, fields)
		if err != nil {
			return job, 0, fmt.Errorf("%s: %w", people[i].FullName(), err)
		}
		job.Certificates = append(job.Certificates, certificateInput(people[i], rows[i], rec, qr, code))
	}
	job.Images, err = templateImages(st, w.Certificate)
	return job, fresh, err
}

// attendedText is what a certificate states about attendance: the numbers
// for attendance, the role for appreciation.
func attendedText(r store.EligibilityRow, c store.CertificateIssue) string {
	if c.Kind == store.KindAppreciation || (c.Kind == "" && r.Kind == store.KindAppreciation) {
		return strings.ToLower(store.Label(r.Role))
	}
	return r.Attended
}

// certificateInput is one certificate of the print job.
func certificateInput(p store.Participant, r store.EligibilityRow, c store.CertificateIssue, qr, code string) pdf.CertificateInput {
	kind := c.Kind
	if kind == "" {
		kind = r.Kind
	}
	return pdf.CertificateInput{Participant: p, Number: c.Number, QR: qr, Code: code,
		SessionsAttended: r.Stats.Attended, SessionsTotal: r.Stats.Applicable, Hours: r.Stats.AttendedTime.Hours(),
		Appreciation: kind == store.KindAppreciation}
}

// templateImages reads the logos and signatures of a template.
func templateImages(st *store.Store, t store.CertificateTemplate) (map[string][]byte, error) {
	ids := append([]string(nil), t.Logos...)
	for _, sg := range t.Signatories {
		if sg.Signature != "" {
			ids = append(ids, sg.Signature)
		}
	}
	if len(ids) == 0 {
		return map[string][]byte{}, nil
	}
	return st.Images(ids...)
}

// showSummary says what a print run did and offers to open the files.
func (s *certificatesSection) showSummary(run printRun) {
	s.lastSummary = run.summary()
	text := widget.NewLabel(s.lastSummary)
	text.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomWithoutButtons(lang.L("Certificates printed"), text, s.ws.u.win)
	open := func(path string) func() {
		return func() {
			openFile(s.ws.u, path)
		}
	}
	var buttons []fyne.CanvasObject
	if run.path != "" {
		buttons = append(buttons, widget.NewButton(lang.L("Open"), open(run.path)))
	}
	if run.dir != "" {
		buttons = append(buttons, widget.NewButton(lang.L("Open folder"), open(run.dir)))
	}
	closeBtn := widget.NewButton(lang.L("Close"), d.Hide)
	closeBtn.Importance = widget.HighImportance
	d.SetButtons(append(buttons, closeBtn))
	d.Resize(fyne.NewSize(620, 260))
	d.Show()
}

// previewRow is the row Preview shows: the one selected, else the first
// eligible, else the first.
func (s *certificatesSection) previewRow() int {
	if s.selected >= 0 && s.selected < len(s.order) {
		return s.order[s.selected]
	}
	if e := s.eligiblePeople(); len(e) > 0 {
		return e[0]
	}
	if len(s.order) > 0 {
		return s.order[0]
	}
	return -1
}

// showPreview writes one certificate to a temporary file, with the
// current design, and opens it in the PDF viewer. Nothing is issued: a
// participant without a certificate gets a sample number.
func (s *certificatesSection) showPreview() {
	i := s.previewRow()
	if i < 0 {
		return
	}
	path, err := s.writePreview(i)
	if err != nil {
		s.ws.u.showError(err)
		return
	}
	openFile(s.ws.u, path)
}

// writePreview writes the preview of row i to a temporary file.
func (s *certificatesSection) writePreview(i int) (string, error) {
	p, r := s.participant(i), s.rows[i]
	w := s.ws.data.Workshop
	rec := store.CertificateIssue{Kind: r.Kind, Number: store.CertificateNumber(w.Code, 0), IssuedAt: s.ws.u.now()}
	qr, code := "PREVIEW", "PREV-IEW0-0000"
	if c, ok := s.current[p.ID]; ok && !c.Voided() {
		rec = c
		var err error
		if qr, code, err = s.ws.u.st.Sign(c, store.NewCertificateFields(&w, &p, &c, attendedText(r, c))); err != nil {
			return "", err
		}
	}
	job := pdf.CertificateJob{Workshop: w, Template: w.Certificate, Created: s.ws.u.now(),
		Certificates: []pdf.CertificateInput{certificateInput(p, r, rec, qr, code)}}
	var err error
	if job.Images, err = templateImages(s.ws.u.st, w.Certificate); err != nil {
		return "", err
	}
	f, err := os.CreateTemp(previewDir(), previewPrefix+pdf.SafeFileName(w.Code)+"-*.pdf")
	if err != nil {
		return "", err
	}
	path := f.Name()
	f.Close()
	if err := store.WriteFileAtomic(path, func(out io.Writer) error { return pdf.Certificates(job, out) }); err != nil {
		return "", err
	}
	return path, nil
}

// previewPrefix begins the name of every preview PDF.
const previewPrefix = "certificate-preview-"

// previewDir returns the folder for preview PDFs: WorkshopDesk/previews in
// the user's cache folder, made if need be, after removing the previews
// there more than an hour old (a viewer may still hold a recent one open),
// so that they do not pile up. Only files named like previews are
// removed, and a folder that is a symbolic link is not used. If the folder
// cannot be used, "": the system's temporary folder.
func previewDir() string {
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir := filepath.Join(cache, "WorkshopDesk", "previews")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return ""
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, previewPrefix) || filepath.Ext(name) != ".pdf" {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, name))
		}
	}
	return dir
}

// glyphProblemText is one line of the glyph check: whose text (or the
// text every certificate shares), which field, and which characters, each
// with its code point.
func glyphProblemText(p pdf.GlyphProblem) string {
	who := p.Name
	if p.Index < 0 || who == "" {
		who = lang.L("Every certificate")
	}
	return fmt.Sprintf("%s – %s “%s”: %s", who, lang.L(p.Field), p.Text, runeList(p.Runes))
}
