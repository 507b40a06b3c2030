package ui

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// walkInForm registers someone who turns up at the door and checks them in
// to the current session at once: only the fields needed there and then;
// the rest can be completed later in Participants.
type walkInForm struct {
	v                         *checkInView
	keys                      formKeys
	given, family, org, email *formEntry
	country                   *countryInput
	errs                      map[string]*widget.Label
	problem                   *widget.Label
	dialog                    *dialog.CustomDialog
	saveBtn                   *widget.Button
}

func showWalkIn(v *checkInView) *walkInForm {
	f := &walkInForm{v: v, errs: map[string]*widget.Label{}, problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	k := &f.keys
	f.given, f.family, f.org, f.email = k.entry(), k.entry(), k.entry(), k.entry()
	f.country = k.country(nil)
	field := func(name string, o fyne.CanvasObject) fyne.CanvasObject { return withProblem(o, name, f.errs) }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Given names")+" *", field("given_names", f.given)),
		widget.NewFormItem(lang.L("Family names")+" *", field("family_name", f.family)),
		widget.NewFormItem(lang.L("Organisation"), f.org),
		widget.NewFormItem(lang.L("Country"), field("country", f.country.field)),
		widget.NewFormItem(lang.L("Email"), field("email", f.email)),
	)
	title := lang.L("Walk-in")
	if se, ok := v.current(); ok {
		title = fmt.Sprintf(lang.L("Walk-in: register and check in to %s"), se.Title)
	}
	f.dialog, f.saveBtn = k.dialog(title, lang.L("Register and check in"), container.NewVBox(form, f.problem), f.save, v.a.ws.u.win)
	f.dialog.Resize(fyne.NewSize(560, 420))
	v.a.walkIn = f
	k.show()
	v.a.ws.u.win.Canvas().Focus(f.given)
	return f
}

// save registers the person and checks them in, reporting whether the
// dialog may close.
func (f *walkInForm) save() bool {
	clearProblems(f.errs, f.problem)
	ws := f.v.a.ws
	p := store.Participant{WorkshopID: ws.data.Workshop.ID, GivenNames: f.given.Text, FamilyNames: f.family.Text,
		Organisation: f.org.Text, Email: f.email.Text, Country: f.country.Text, Notes: lang.L("Registered at the door")}
	if code, ok := countryCode(f.country.Text); ok {
		p.Country = code
	}
	p.JoinedAt = f.v.a.now()
	if se, ok := f.v.current(); ok && se.StartsAt(ws.data.Workshop.Location()).Before(p.JoinedAt) {
		// They join for the session under way: it counts for them.
		p.JoinedAt = se.StartsAt(ws.data.Workshop.Location())
	}
	if err := ws.u.st.SaveParticipant(&p); err != nil {
		showProblems(err, f.errs, f.problem)
		return false
	}
	ws.changed() // the new person joins the index and the tables
	v := ws.u.workshop.attendance.checkIn
	for i, q := range v.a.ws.data.Participants {
		if q.ID == p.ID {
			// Once the form has closed: an early check-in asks which
			// session is meant, and that question must outlive the form.
			f.keys.afterClose = func() { v.checkIn(i) }
		}
	}
	return true
}
