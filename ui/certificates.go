package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
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
	onTrack  *widget.Button // print for everyone on track (certprovisional.go)
	withdraw *widget.Label  // provisional certificates to withdraw
	rowViews map[*fyne.Container]*certRowView
	content  fyne.CanvasObject

	// What the user allowed for the print run under way.
	allowGlyphs, allowLost bool
	provisional            bool // the run prints for those on track too

	// The dialogs last shown, for tests.
	override    *overrideForm
	voidForm    *voidForm
	glyphs      *glyphDialog
	lostLetters *dialog.ConfirmDialog
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
	s.newProvisional()

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

	buttons := container.NewHBox(s.design, s.verify, s.preview, s.onTrack, s.print)
	first := container.NewBorder(nil, nil, nil, buttons, s.counts)
	second := container.NewBorder(nil, nil, container.NewHBox(widget.NewLabel(lang.L("Sort by")), s.sortSel, widget.NewLabel(lang.L("Output"))), nil, s.output)
	top := container.NewVBox(first, s.rule, second, s.problem, s.withdraw, widget.NewSeparator())
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
	text := strings.TrimSpace(p.FullName()+"  "+p.NativeName) + " – " + s.reason(r)
	if o := r.Override; o != nil {
		text += "\n" + fmt.Sprintf(lang.L("Decided by hand on %s."), o.At.In(s.ws.data.Workshop.Location()).Format("2006-01-02 15:04"))
	}
	if c, ok := s.current[p.ID]; ok {
		line := fmt.Sprintf(lang.L("Certificate %s, code %s, issued %s."), c.Number, c.Code, c.IssuedAt.In(s.ws.data.Workshop.Location()).Format("2006-01-02"))
		if c.Reprints > 0 {
			line += " " + fmt.Sprintf(lang.L("Reprinted %d times."), c.Reprints)
		}
		if c.Voided() {
			line += " " + fmt.Sprintf(lang.L("Voided on %s: %s."), c.VoidedAt.In(s.ws.data.Workshop.Location()).Format("2006-01-02"), c.VoidReason)
		}
		text += "\n" + line
	}
	s.detail.SetText(text)
}

// reload reads the overrides and the register again and decides every
// participant's standing at the app's clock.
func (s *certificatesSection) reload() {
	st, id := s.ws.u.st, s.ws.data.Workshop.ID
	err := func() error {
		if err := s.settleProvisional(); err != nil {
			return err
		}
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
		s.rows, err = s.ws.u.st.EligibilityWithTests(s.ws.data, ov, s.ws.u.now())
		return err
	}()
	if err != nil {
		s.problem.SetText(fmt.Sprintf(lang.L("The certificates cannot be read: %v"), err))
		s.problem.Show()
	} else {
		s.problem.Hide()
	}
	issued := 0
	for _, r := range s.rows {
		if c, ok := s.current[r.ParticipantID]; ok && !c.Voided() {
			issued++
		}
	}
	standings := store.CountStandings(s.rows)
	eligible := standings.Eligible
	counts := standingsText(standings) + " · " + fmt.Sprintf(lang.L("%d issued"), issued)
	s.counts.SetText(counts)
	s.rule.SetText(lang.L("Rule:") + " " + ruleText(s.ws.data.Workshop.Rule.Effective()))
	s.print.SetText(fmt.Sprintf(lang.L("Print %d eligible…"), eligible))
	if eligible == 0 {
		s.print.Disable()
	} else {
		s.print.Enable()
	}
	s.sortRows()
	s.updateOnTrack(standings)
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
	case c.Provisional:
		v.number.SetText(c.Number + " " + lang.L("provisional"))
		v.number.Importance = widget.WarningImportance
	default:
		v.number.SetText(c.Number)
		v.number.Importance = widget.MediumImportance
	}
	v.number.Refresh()
	v.reason.SetText(s.reason(*r))
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
	rule := widget.NewLabel(lang.L("The rule says:") + " " + ruleReasonText(r, s.ws.data.Workshop.Rule.Effective(), s.ws.data.Sessions))
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
