package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// rulesForm sets the attendance rule that decides certificates: what the
// minimum is measured in, the minimum, whether late arrivals and excused
// absences count as attended, whether mandatory sessions are required, and
// when a check-in is late. Problems are shown under their fields and
// nothing is saved until the rule is valid; a preview tells how many
// participants the rule would make eligible, at risk or unable to reach it.
type rulesForm struct {
	ws   *workshopScreen
	keys formKeys

	basis                          *formSelect
	minPercent, lateAfter          *formEntry
	lateCounts, excusedCounts, mnd *formCheck
	preview                        *widget.Label
	// early is how many minutes before a session check-in opens.
	early *formEntry

	errs    map[string]*widget.Label
	problem *widget.Label
	dialog  *dialog.CustomDialog
	saveBtn *widget.Button
}

// The labels of the bases, in the order of store.Bases.
var basisLabels = []string{"share of sessions attended", "share of hours attended"}

func showRulesForm(ws *workshopScreen) *rulesForm {
	f := &rulesForm{ws: ws, errs: map[string]*widget.Label{}, problem: widget.NewLabel(""), preview: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.preview.Wrapping = fyne.TextWrapWord
	labels := make([]string, len(basisLabels))
	for i, l := range basisLabels {
		labels[i] = lang.L(l)
	}
	k := &f.keys
	f.basis = k.choice(labels, func(string) { f.update() })
	f.minPercent, f.lateAfter = k.entry(), k.entry()
	for _, e := range []*formEntry{f.minPercent, f.lateAfter} {
		e.OnChanged = func(string) { f.update() }
	}
	f.early = k.entry()
	f.early.OnChanged = func(string) { f.update() }
	f.lateCounts = k.check(lang.L("A late arrival counts as attended"), func(bool) { f.update() })
	f.excusedCounts = k.check(lang.L("An excused absence counts as attended"), func(bool) { f.update() })
	f.mnd = k.check(lang.L("Every mandatory session must be attended"), func(bool) { f.update() })

	r := ws.data.Workshop.Rule.Effective()
	f.basis.SetSelectedIndex(max(0, slices.Index(store.Bases, r.Basis)))
	f.minPercent.SetText(strconv.Itoa(r.MinPercent))
	f.lateAfter.SetText(strconv.Itoa(r.LateAfterMinutes))
	f.early.SetText(strconv.Itoa(r.EarlyCheckInMinutes))
	f.lateCounts.SetChecked(r.LateCounts)
	f.excusedCounts.SetChecked(r.ExcusedCounts)
	f.mnd.SetChecked(r.MandatoryRequired)

	field := func(name string, o fyne.CanvasObject) fyne.CanvasObject { return withProblem(o, name, f.errs) }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Measured as"), field("rule.basis", f.basis)),
		widget.NewFormItem(lang.L("Minimum %"), field("rule.min_percent", f.minPercent)),
		widget.NewFormItem("", f.lateCounts),
		widget.NewFormItem("", f.excusedCounts),
		widget.NewFormItem("", f.mnd),
		widget.NewFormItem(lang.L("Late after (minutes)"), field("rule.late_after_minutes", f.lateAfter)),
		widget.NewFormItem(lang.L("Check-in opens (minutes before)"), field("rule.early_checkin_minutes", f.early)),
	)
	form.Items[6].HintText = lang.L("An earlier check-in asks which session is meant")
	form.Items[1].HintText = lang.L("1 to 100: the least share to attend for a certificate")
	form.Items[5].HintText = lang.L("A check-in more than this many minutes after the start is late")
	f.dialog, f.saveBtn = k.dialog(lang.L("Certificate rule"), lang.L("Save"),
		container.NewVBox(form, f.preview, f.problem), f.save, ws.u.win)
	f.dialog.Resize(fyne.NewSize(560, 520))
	f.update()
	k.show()
	ws.u.win.Canvas().Focus(f.minPercent)
	return f
}

// rule reads the form; the error lists the problems by field.
func (f *rulesForm) rule() (store.AttendanceRule, error) {
	var verr store.ValidationError
	minPct, err := strconv.Atoi(strings.TrimSpace(f.minPercent.Text))
	switch {
	case err != nil:
		verr = append(verr, store.FieldError{Field: "rule.min_percent", Message: lang.L("Enter a whole number from 1 to 100.")})
	case minPct < 1 || minPct > 100:
		verr = append(verr, store.FieldError{Field: "rule.min_percent", Message: fmt.Sprintf(lang.L("Use a whole number from 1 to 100, not %d."), minPct)})
	}
	late, err := strconv.Atoi(strings.TrimSpace(f.lateAfter.Text))
	if err != nil {
		verr = append(verr, store.FieldError{Field: "rule.late_after_minutes", Message: lang.L("Enter a number of minutes, e.g. 10.")})
	}
	early, err := strconv.Atoi(strings.TrimSpace(f.early.Text))
	if err != nil {
		verr = append(verr, store.FieldError{Field: "rule.early_checkin_minutes", Message: lang.L("Enter a number of minutes, e.g. 60.")})
	}
	basis := store.BasisSessions
	if i := f.basis.SelectedIndex(); i >= 0 && i < len(store.Bases) {
		basis = store.Bases[i]
	}
	r := store.EffectiveRule{Basis: basis, MinPercent: minPct, LateCounts: f.lateCounts.Checked,
		ExcusedCounts: f.excusedCounts.Checked, MandatoryRequired: f.mnd.Checked, LateAfterMinutes: late,
		EarlyCheckInMinutes: early}.Rule()
	if len(verr) > 0 {
		return r, verr
	}
	// SaveWorkshop does not check the rule yet: check it here.
	return r, r.Validate()
}

// update shows the rule in words and what it would mean for the
// participants now, while the form is being filled in.
func (f *rulesForm) update() {
	if f.preview == nil || f.minPercent == nil || f.lateAfter == nil || f.mnd == nil || f.early == nil {
		return // still being built
	}
	r, err := f.rule()
	if err != nil {
		f.preview.SetText("")
		return
	}
	d := *f.ws.data
	d.Workshop.Rule = r
	ov, err := f.ws.u.st.Overrides(d.Workshop.ID)
	if err != nil {
		fyne.LogError("read the certificate decisions", err)
	}
	// Counted and worded as the grid and Certificates count them.
	n := store.CountStandings(store.Eligibility(&d, ov, f.ws.u.now()))
	f.preview.SetText(ruleText(r.Effective()) + "\n" + lang.L("Now:") + " " + standingsText(n) + ".")
}

// save stores the rule with the workshop and redraws; it reports whether
// the dialog may close.
func (f *rulesForm) save() bool {
	clearProblems(f.errs, f.problem)
	r, err := f.rule()
	if err == nil {
		var w store.Workshop
		if w, err = f.ws.u.st.Workshop(f.ws.data.Workshop.ID); err == nil {
			w.Rule = r
			err = f.ws.u.st.SaveWorkshop(&w)
		}
	}
	if err == nil {
		f.ws.changed()
		return true
	}
	showProblems(err, f.errs, f.problem)
	return false
}
