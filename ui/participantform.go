package ui

import (
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// honorifics offered in the participant form; any other may be typed.
var honorifics = []string{"Mr.", "Ms.", "Mrs.", "Mx.", "Dr.", "Prof.", "H.E.", "M.", "Mme", "Sr.", "Sra."}

// participantForm adds or edits a participant with every field of the
// record; problems are shown under their fields and nothing is saved until
// the record is valid.
type participantForm struct {
	ws   *workshopScreen
	edit *store.Participant // nil when adding

	keys                                                      formKeys
	honorific                                                 *formSelectEntry
	given, family, native, org, position, email, phone, notes *formEntry
	badge, joined                                             *formEntry
	country                                                   *countryInput
	orgType, gender, role, certLang                           *formSelect
	consentPhotos, consentShare, consentFollowUp              *formSelect

	errs    map[string]*widget.Label
	problem *widget.Label
	dialog  *dialog.CustomDialog
	saveBtn *widget.Button
	delBtn  *widget.Button // edit mode only
}

// showParticipantForm opens the form to add (p nil) or edit p.
func showParticipantForm(ws *workshopScreen, p *store.Participant) *participantForm {
	ws.ensure(sectionParticipants) // the form is kept there
	f := &participantForm{ws: ws, edit: p, errs: map[string]*widget.Label{}, problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	k := &f.keys
	f.honorific = k.selectEntry(honorifics)
	for _, e := range []**formEntry{&f.given, &f.family, &f.native, &f.org, &f.position, &f.email, &f.phone, &f.badge, &f.joined} {
		*e = k.entry()
	}
	f.notes = k.multiLine()
	f.notes.SetMinRowsVisible(2)
	f.country = k.country(nil)
	f.country.SetPlaceHolder(lang.L("Type to search, e.g. Senegal or SN"))
	f.orgType = enumSelect(k, store.OrgTypes, true)
	f.gender = enumSelect(k, store.Genders, true)
	f.role = enumSelect(k, store.Roles, false)
	f.role.SetSelectedIndex(0)
	f.certLang = k.choice(certLanguageOptions(), nil)
	f.certLang.SetSelectedIndex(0)
	f.consentPhotos, f.consentShare, f.consentFollowUp = consentSelect(k), consentSelect(k), consentSelect(k)
	f.email.SetPlaceHolder(lang.L("e.g. name@example.org"))
	f.badge.SetPlaceHolder(lang.L("Made for you when left empty"))
	f.joined.SetPlaceHolder(fmt.Sprintf(lang.L("Empty: from the start; else %s"), lang.X("datetime.hint", store.DateTimeHint)))
	f.native.SetPlaceHolder(lang.L("e.g. አበበ በቀለ or محمد الأمين"))
	if p != nil {
		f.fill(p)
	}
	field := func(name string, w fyne.CanvasObject) fyne.CanvasObject { return withProblem(w, name, f.errs) }
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Honorific"), field("honorific", f.honorific)),
		widget.NewFormItem(lang.L("Given names")+" *", field("given_names", f.given)),
		widget.NewFormItem(lang.L("Family names")+" *", field("family_name", f.family)),
		widget.NewFormItem(lang.L("Name in own script"), field("native_name", f.native)),
		widget.NewFormItem(lang.L("Organisation"), field("organisation", f.org)),
		widget.NewFormItem(lang.L("Organisation type"), f.orgType),
		widget.NewFormItem(lang.L("Position"), field("position", f.position)),
		widget.NewFormItem(lang.L("Country"), field("country", f.country.field)),
		widget.NewFormItem(lang.L("Gender"), f.gender),
		widget.NewFormItem(lang.L("Email"), field("email", f.email)),
		widget.NewFormItem(lang.L("Phone"), field("phone", f.phone)),
		widget.NewFormItem(lang.L("Role"), f.role),
		widget.NewFormItem(lang.L("Badge code"), field("badge_code", f.badge)),
		widget.NewFormItem(lang.L("Joined late at"), field("joined_at", f.joined)),
		widget.NewFormItem(lang.L("Certificate language"), f.certLang),
		widget.NewFormItem(lang.L("Notes"), field("notes", f.notes)),
	)
	for _, c := range consentFields(f, &store.Participant{}) {
		form.Append(c.label, c.sel)
	}
	form.Items[1].HintText = lang.L("* a given or a family name is required")
	body := container.NewVBox(form, f.problem)
	heading := lang.L("New participant")
	if p != nil {
		heading = lang.L("Edit participant")
		f.delBtn = widget.NewButtonWithIcon(lang.L("Delete participant"), theme.DeleteIcon(), func() {
			ws.participants.confirmDelete(*p) // the form stays open below until confirmed
		})
		f.delBtn.Importance = widget.DangerImportance
		record := widget.NewButtonWithIcon(lang.L("Export this person's record…"), theme.DocumentSaveIcon(), func() {
			ws.participants.exportRecord(*p)
		})
		erase := widget.NewButtonWithIcon(lang.L("Erase this person…"), theme.ContentClearIcon(), func() {
			ws.participants.confirmErase(*p) // the form stays open below until confirmed
		})
		body.Add(container.NewHBox(f.delBtn, record, erase))
	}
	f.dialog, f.saveBtn = k.dialog(heading, lang.L("Save"), container.NewVScroll(body), f.save, ws.u.win)
	f.dialog.Resize(fyne.NewSize(640, 680))
	f.dialog.SetOnClosed(func() { ws.participants.form = nil })
	ws.participants.form = f
	k.show()
	ws.u.win.Canvas().Focus(f.given)
	return f
}

func (f *participantForm) fill(p *store.Participant) {
	f.honorific.SetText(p.Honorific)
	f.given.SetText(p.GivenNames)
	f.family.SetText(p.FamilyNames)
	f.native.SetText(p.NativeName)
	f.org.SetText(p.Organisation)
	setEnum(f.orgType, store.OrgTypes, p.OrgType, true)
	f.position.SetText(p.Position)
	if name, ok := countryName(p.Country); ok {
		f.country.SetText(name)
	}
	setEnum(f.gender, store.Genders, p.Gender, true)
	f.email.SetText(p.Email)
	f.phone.SetText(p.Phone)
	setEnum(f.role, store.Roles, p.Role, false)
	f.badge.SetText(p.BadgeCode)
	if !p.JoinedAt.IsZero() {
		f.joined.SetText(store.FormatDateTime(p.JoinedAt, f.ws.data.Workshop.Location()))
	}
	f.notes.SetText(p.Notes)
	for i, code := range store.CertificateLanguages {
		if code == p.CertificateLanguage {
			f.certLang.SetSelectedIndex(i + 1)
		}
	}
	for _, c := range consentFields(f, p) {
		setConsent(c.sel, *c.value)
	}
}

// save validates and stores the participant; it reports whether the
// dialog may close.
func (f *participantForm) save() bool {
	clearProblems(f.errs, f.problem)
	var p store.Participant
	if f.edit != nil {
		p = *f.edit
	}
	p.WorkshopID = f.ws.data.Workshop.ID
	p.Honorific, p.GivenNames, p.FamilyNames, p.NativeName = f.honorific.Text, f.given.Text, f.family.Text, f.native.Text
	p.Organisation, p.Position, p.Email, p.Phone = f.org.Text, f.position.Text, f.email.Text, f.phone.Text
	p.OrgType = enumValue(f.orgType, store.OrgTypes, true)
	p.Gender = enumValue(f.gender, store.Genders, true)
	p.Role = enumValue(f.role, store.Roles, false)
	p.BadgeCode, p.Notes = f.badge.Text, f.notes.Text
	p.CertificateLanguage = ""
	if i := f.certLang.SelectedIndex(); i > 0 {
		p.CertificateLanguage = store.CertificateLanguages[i-1]
	}
	p.Country = f.country.Text
	if code, ok := countryCode(f.country.Text); ok {
		p.Country = code
	}
	for _, c := range consentFields(f, &p) {
		*c.value = consentValue(c.sel)
	}
	var err error
	p.JoinedAt = time.Time{}
	if s := strings.TrimSpace(f.joined.Text); s != "" {
		t, perr := store.ParseDateTime(s, f.ws.data.Workshop.Location())
		if perr != nil {
			// Report the time together with every other problem.
			verr := store.ValidationError{{Field: "joined_at", Message: perr.Error()}}
			p.Normalize()
			if other, ok := p.Validate().(store.ValidationError); ok {
				verr = append(verr, other...)
			}
			err = verr
		}
		p.JoinedAt = t
	}
	if err == nil {
		err = f.ws.u.st.SaveParticipant(&p)
	}
	if err == nil {
		f.ws.participants.focusOn = p.ID
		f.ws.changed()
		return true
	}
	showProblems(err, f.errs, f.problem)
	return false
}

// enumSelect makes a select of an enumeration's labels, with a first
// "not given" choice when empty values are allowed.
func enumSelect[T ~string](k *formKeys, all []T, allowEmpty bool) *formSelect {
	var labels []string
	if allowEmpty {
		labels = append(labels, lang.L("not given"))
	}
	for _, v := range all {
		labels = append(labels, lang.L(store.Label(v)))
	}
	s := k.choice(labels, nil)
	if allowEmpty {
		s.SetSelectedIndex(0)
	}
	return s
}

func setEnum[T ~string](s *formSelect, all []T, v T, allowEmpty bool) {
	for i, x := range all {
		if x == v {
			if allowEmpty {
				i++
			}
			s.SetSelectedIndex(i)
			return
		}
	}
	if allowEmpty {
		s.SetSelectedIndex(0)
	}
}

func enumValue[T ~string](s *formSelect, all []T, allowEmpty bool) T {
	i := s.SelectedIndex()
	if allowEmpty {
		i--
	}
	if i < 0 || i >= len(all) {
		var zero T
		return zero
	}
	return all[i]
}

// certLanguageOptions lists the certificate languages, after the choice
// that keeps the workshop's.
func certLanguageOptions() []string {
	opts := []string{lang.L("As the workshop's certificates")}
	for _, code := range store.CertificateLanguages {
		opts = append(opts, languageName(code))
	}
	return opts
}
