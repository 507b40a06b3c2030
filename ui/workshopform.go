package ui

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// languages offered for a workshop's working language.
var languages = []struct{ code, name string }{
	{"en", "English"}, {"fr", "French"}, {"es", "Spanish"}, {"ar", "Arabic"},
	{"ru", "Russian"}, {"zh", "Chinese"}, {"pt", "Portuguese"},
}

// workshopForm creates or edits a workshop. Nothing is saved until every
// field is valid; problems are shown next to their field.
type workshopForm struct {
	u        *App
	edit     *store.Workshop // nil when creating
	keys     formKeys
	title    *formEntry
	code     *formEntry
	series   *formEntry
	city     *formEntry
	country  *countryInput
	timeZone *formSelectEntry
	start    *formDateEntry
	end      *formDateEntry
	organ    *formEntry
	partners *formEntry
	language *formSelect
	notes    *formEntry
	problem  *widget.Label            // summary of what is wrong, under the form
	errs     map[string]*widget.Label // a field's problem, shown under it
	dialog   *dialog.CustomDialog
	saveBtn  *widget.Button
	codeSet  bool // the user typed a code: stop suggesting one
	zoneSet  bool // the user chose a zone: stop following the country

	// retention is the retention period in months; empty means the
	// default (store.DefaultRetentionMonths).
	retention *formEntry
}

// showWorkshopForm opens the form to create a workshop (w nil) or edit w.
func showWorkshopForm(u *App, w *store.Workshop) *workshopForm {
	f := &workshopForm{u: u, edit: w, problem: widget.NewLabel("")}
	k := &f.keys
	f.title, f.code, f.series, f.city = k.entry(), k.entry(), k.entry(), k.entry()
	f.country, f.timeZone = k.country(nil), k.selectEntry(nil)
	f.start, f.end = k.dateEntry(), k.dateEntry()
	f.organ, f.partners, f.notes = k.entry(), k.entry(), k.multiLine()
	f.retention = k.entry()
	f.retention.SetPlaceHolder(fmt.Sprint(store.DefaultRetentionMonths))
	f.country.onChange = f.countryChanged
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	f.title.SetPlaceHolder(lang.L("e.g. Migration and sustainable rural development"))
	f.code.SetPlaceHolder(lang.L("e.g. addis-2027"))
	f.city.SetPlaceHolder(lang.L("e.g. Addis Ababa"))
	f.country.SetPlaceHolder(lang.L("Type to search, e.g. Ethiopia or ET"))
	f.timeZone.SetOptions(zoneOptions())
	f.timeZone.OnChanged = func(string) { f.zoneSet = true }
	f.code.OnChanged = func(string) { f.codeSet = true }
	f.city.OnChanged = func(string) { f.suggestCode() }
	f.start.OnChanged = func(string) { f.suggestCode() }
	names := make([]string, len(languages))
	for i, l := range languages {
		names[i] = lang.L(l.name)
	}
	f.language = k.choice(names, nil)
	f.language.SetSelectedIndex(0)
	f.notes.SetMinRowsVisible(2)
	f.errs = map[string]*widget.Label{}
	field := func(name string, w fyne.CanvasObject) fyne.CanvasObject { return withProblem(w, name, f.errs) }
	if w != nil {
		f.fill(w)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title")+" *", field("title", f.title)),
		widget.NewFormItem(lang.L("Short code")+" *", field("code", f.code)),
		widget.NewFormItem(lang.L("Series or programme"), field("series", f.series)),
		widget.NewFormItem(lang.L("Venue city")+" *", field("city", f.city)),
		widget.NewFormItem(lang.L("Country")+" *", field("country", f.country.field)),
		widget.NewFormItem(lang.L("Time zone"), field("time_zone", f.timeZone)),
		widget.NewFormItem(lang.L("First day")+" *", field("start_date", f.start)),
		widget.NewFormItem(lang.L("Last day")+" *", field("end_date", f.end)),
		widget.NewFormItem(lang.L("Organiser"), field("organiser", f.organ)),
		widget.NewFormItem(lang.L("Partners"), field("partners", f.partners)),
		widget.NewFormItem(lang.L("Working language"), f.language),
		widget.NewFormItem(lang.L("Notes"), field("notes", f.notes)),
		widget.NewFormItem(lang.L("Keep personal data for (months)"), field("retention_months", f.retention)),
	)
	form.Items[len(form.Items)-1].HintText = fmt.Sprintf(lang.L("After the last day; then the Overview offers a purge (default: %d)"), store.DefaultRetentionMonths)
	form.Items[1].HintText = lang.L("Used on the command line and in certificate numbers")
	form.Items[6].HintText = lang.L("Type the day as YYYY-MM-DD, e.g. 2027-03-09, or pick it from the calendar")
	heading := lang.L("New workshop")
	if w != nil {
		heading = lang.L("Edit workshop")
	}
	body := container.NewVScroll(container.NewVBox(form, f.problem, widget.NewLabel(lang.L("* required"))))
	f.dialog, f.saveBtn = k.dialog(heading, lang.L("Save"), body, f.save, u.win)
	f.dialog.SetOnClosed(func() { u.form = nil })
	u.form = f
	f.dialog.Resize(fyne.NewSize(640, 620))
	k.show()
	u.win.Canvas().Focus(f.title)
	return f
}

func (f *workshopForm) fill(w *store.Workshop) {
	f.title.SetText(w.Title)
	f.code.SetText(w.Code)
	f.series.SetText(w.Series)
	f.city.SetText(w.City)
	if name, ok := countryName(w.Country); ok {
		f.country.SetText(name)
	}
	f.timeZone.SetText(w.TimeZone)
	start := time.Date(w.StartDate.Year, w.StartDate.Month, w.StartDate.Day, 0, 0, 0, 0, time.Local)
	end := time.Date(w.EndDate.Year, w.EndDate.Month, w.EndDate.Day, 0, 0, 0, 0, time.Local)
	f.start.SetDate(&start)
	f.end.SetDate(&end)
	f.organ.SetText(w.Organiser)
	f.partners.SetText(w.Partners)
	if i := slices.IndexFunc(languages, func(l struct{ code, name string }) bool { return l.code == w.Language }); i >= 0 {
		f.language.SetSelectedIndex(i)
	}
	f.notes.SetText(w.Notes)
	if w.RetentionMonths > 0 {
		f.retention.SetText(strconv.Itoa(w.RetentionMonths))
	}
	f.codeSet, f.zoneSet = true, true
}

// countryChanged narrows the country choices as the user types and follows
// the country's main time zone until the user picks one.
func (f *workshopForm) countryChanged(s string) {
	if code, ok := countryCode(s); ok && !f.zoneSet {
		f.timeZone.OnChanged = nil
		f.timeZone.SetText(store.DefaultTimeZone(code))
		f.timeZone.OnChanged = func(string) { f.zoneSet = true }
	}
}

// suggestCode proposes a short code from the city and year, e.g.
// "addis-ababa-2027", until the user types their own.
func (f *workshopForm) suggestCode() {
	if f.codeSet {
		return
	}
	city := strings.Join(strings.Fields(store.Fold(f.city.Text)), "-")
	city = strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		return -1
	}, city)
	if city == "" {
		return
	}
	if d, err := f.start.Day(); err == nil && !d.IsZero() {
		city += "-" + strconv.Itoa(d.Year)
	}
	f.code.OnChanged = nil
	f.code.SetText(city)
	f.code.OnChanged = func(string) { f.codeSet = true }
}

// workshop builds the record from the fields.
func (f *workshopForm) workshop() store.Workshop {
	var w store.Workshop
	if f.edit != nil {
		w = *f.edit
	}
	w.Title, w.Code, w.Series, w.City = f.title.Text, f.code.Text, f.series.Text, f.city.Text
	w.Country = f.country.Text
	if code, ok := countryCode(f.country.Text); ok {
		w.Country = code
	}
	w.TimeZone = f.timeZone.Text
	w.StartDate, _ = f.start.Day() // an error is reported by save
	w.EndDate, _ = f.end.Day()
	w.Organiser, w.Partners, w.Notes = f.organ.Text, f.partners.Text, f.notes.Text
	w.Language = languages[max(f.language.SelectedIndex(), 0)].code
	w.RetentionMonths, _ = strconv.Atoi(strings.TrimSpace(f.retention.Text)) // an error is reported by save
	return w
}

// save validates and stores the workshop; it reports whether the dialog
// may close.
func (f *workshopForm) save() bool {
	clearProblems(f.errs, f.problem)
	w := f.workshop()
	var verr store.ValidationError
	if _, err := f.start.Day(); err != nil {
		verr = append(verr, store.FieldError{Field: "start_date", Message: err.Error()})
	}
	if _, err := f.end.Day(); err != nil {
		verr = append(verr, store.FieldError{Field: "end_date", Message: err.Error()})
	}
	if t := strings.TrimSpace(f.retention.Text); t != "" {
		if n, err := strconv.Atoi(t); err != nil || n < 1 {
			verr = append(verr, store.FieldError{Field: "retention_months", Message: lang.L("Give a whole number of months, e.g. 24, or leave it empty for the default")})
		}
	}
	err := error(verr)
	if len(verr) == 0 {
		err = f.u.st.SaveWorkshop(&w)
	}
	if err == nil {
		f.u.showWorkshop(w.ID)
		if f.edit == nil {
			f.keys.afterClose = f.u.offerFirstPassphrase // over the workshop, once the form has gone
		}
		return true
	}
	showProblems(err, f.errs, f.problem)
	return false
}

// zoneOptions lists the main time zone of every country, sorted.
func zoneOptions() []string {
	var zones []string
	for _, c := range store.Countries() {
		if c.Zone != "" {
			zones = append(zones, c.Zone)
		}
	}
	slices.Sort(zones)
	return slices.Compact(zones)
}
