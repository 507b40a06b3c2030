package ui

import (
	"errors"
	"fmt"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// templateForm makes a new workshop from the open one used as a template:
// the same settings and agenda on new dates, without the participants.
type templateForm struct {
	ws      *workshopScreen
	keys    formKeys
	title   *formEntry
	code    *formEntry
	start   *formDateEntry
	errs    map[string]*widget.Label
	saveBtn *widget.Button
}

func showTemplateForm(ws *workshopScreen) *templateForm {
	src := ws.data.Workshop
	f := &templateForm{ws: ws, errs: map[string]*widget.Label{}}
	k := &f.keys
	f.title, f.code, f.start = k.entry(), k.entry(), k.dateEntry()
	f.title.SetText(src.Title)
	next := time.Date(src.StartDate.Year+1, src.StartDate.Month, src.StartDate.Day, 0, 0, 0, 0, time.Local)
	f.start.SetDate(&next)
	f.code.SetPlaceHolder("dakar-2027")
	intro := widget.NewLabel(fmt.Sprintf(lang.L("A new workshop with the settings and the %d sessions of this one, moved to the new dates. Participants are not copied."), len(ws.data.Sessions)))
	intro.Wrapping = fyne.TextWrapWord
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title")+" *", withProblem(f.title, "title", f.errs)),
		widget.NewFormItem(lang.L("Short code")+" *", withProblem(f.code, "code", f.errs)),
		widget.NewFormItem(lang.L("First day")+" *", withProblem(f.start, "start_date", f.errs)),
	)
	d, save := k.dialog(lang.L("Duplicate as template"), lang.L("Create"), container.NewVBox(intro, form), f.save, ws.u.win)
	f.saveBtn = save
	d.Resize(fyne.NewSize(560, 340))
	k.show()
	ws.u.win.Canvas().Focus(f.code)
	ws.template = f
	return f
}

func (f *templateForm) save() bool {
	for _, l := range f.errs {
		l.Hide()
	}
	start, err := f.start.Day()
	if err == nil && start.IsZero() {
		err = errors.New(lang.L("choose the first day"))
	}
	if err != nil {
		f.errs["start_date"].SetText(err.Error())
		f.errs["start_date"].Show()
		return false
	}
	w, err := f.ws.u.st.DuplicateWorkshop(f.ws.data.Workshop.ID, f.code.Text, f.title.Text, start)
	var verr store.ValidationError
	switch {
	case err == nil:
		f.ws.u.showWorkshop(w.ID)
		return true
	case errors.As(err, &verr):
		for _, fe := range verr {
			l := f.errs[fe.Field]
			if l == nil {
				l = f.errs["code"]
			}
			l.SetText(fe.Message)
			l.Show()
		}
	default:
		f.ws.u.showError(err)
	}
	return false
}
