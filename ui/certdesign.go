package ui

import (
	"errors"
	"fmt"
	"image/color"
	"io"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// The choices of the design form, each a stored value and its label.
var (
	certBorders = []struct {
		value store.BorderStyle
		label string
	}{{store.BorderDouble, "Double line"}, {store.BorderSingle, "Single line"}, {store.BorderNone, "No border"}}
	certPageSizes    = []string{"A4", "Letter"}
	certOrientations = []string{"Landscape", "Portrait"}
	certLanguages    = []struct{ code, name string }{
		{"en", "English"}, {"fr", "French – français"}, {"es", "Spanish – español"},
		{"ar", "Arabic"}, {"ru", "Russian – русский"}, {"zh", "Chinese"},
	}
	certNameModes = []struct {
		value store.NameMode
		label string
	}{
		{store.NameBoth, "Both: own script above Latin letters"},
		{store.NameLatin, "Latin letters only"},
		{store.NameNative, "Own script where there is one"},
	}
)

// defaultAccent is the navy of the default design, shown in the swatch
// while the accent is left empty.
var defaultAccent = color.NRGBA{R: 0x1F, G: 0x3A, B: 0x5F, A: 0xFF}

// certDesignForm edits how a workshop's certificates look and read (its
// store.CertificateTemplate): wording, signatories, logos, colour, border,
// page and language. Nothing is saved until every field is valid; problems
// are shown under their fields.
type certDesignForm struct {
	ws   *workshopScreen
	keys formKeys

	title, body, appTitle, appBody *formEntry
	signers                        [3]*signatorySlot
	logos                          []string
	logoBox                        *fyne.Container
	addLogo                        *widget.Button
	accent                         *formEntry
	verifyURL                      *formEntry // the verification address
	swatch                         *canvas.Rectangle
	border, page, orientation      *formSelect
	language, nameMode             *formSelect
	reset                          *widget.Button

	errs    map[string]*widget.Label
	problem *widget.Label
	dialog  *dialog.CustomDialog
	saveBtn *widget.Button
}

// signatorySlot is one of the three people who may sign.
type signatorySlot struct {
	name, title *formEntry
	signature   string // image ID, "" for none
	status      *widget.Label
	choose      *widget.Button
	remove      *widget.Button
}

func (sl *signatorySlot) used() bool {
	return strings.TrimSpace(sl.name.Text) != "" || strings.TrimSpace(sl.title.Text) != "" || sl.signature != ""
}

func (sl *signatorySlot) setSignature(id string) {
	sl.signature = id
	if id == "" {
		sl.status.SetText(lang.L("no signature image"))
		sl.status.Importance = widget.LowImportance
		sl.remove.Hide()
	} else {
		sl.status.SetText(lang.L("image set ✓"))
		sl.status.Importance = widget.SuccessImportance
		sl.remove.Show()
	}
	sl.status.Refresh()
}

func showCertDesignForm(ws *workshopScreen) *certDesignForm {
	f := &certDesignForm{ws: ws, errs: map[string]*widget.Label{}, problem: widget.NewLabel("")}
	f.problem.Importance = widget.DangerImportance
	f.problem.Wrapping = fyne.TextWrapWord
	k := &f.keys
	f.title, f.appTitle = k.entry(), k.entry()
	f.body, f.appBody = k.multiLine(), k.multiLine()
	for _, e := range []*formEntry{f.body, f.appBody} {
		e.SetMinRowsVisible(3)
		e.SetPlaceHolder(lang.L("Empty: the standard wording, in the certificate's language"))
	}
	f.title.SetPlaceHolder(lang.L("Empty: “Certificate of Attendance”, in the certificate's language"))
	f.appTitle.SetPlaceHolder(lang.L("Empty: “Certificate of Appreciation”, in the certificate's language"))
	for i := range f.signers {
		sl := &signatorySlot{name: k.entry(), title: k.entry(), status: widget.NewLabel("")}
		sl.name.SetPlaceHolder(lang.L("Name"))
		sl.title.SetPlaceHolder(lang.L("Title, e.g. Director"))
		sl.choose = widget.NewButton(lang.L("Signature image…"), func() { f.chooseImage(func(id string) { sl.setSignature(id) }) })
		sl.remove = widget.NewButton(lang.L("Remove"), func() { sl.setSignature("") })
		sl.remove.Importance = widget.LowImportance
		sl.setSignature("")
		f.signers[i] = sl
	}
	f.logoBox = container.NewVBox()
	f.addLogo = widget.NewButton(lang.L("Add logo…"), func() { f.chooseImage(f.addLogoID) })
	f.accent = k.entry()
	f.accent.SetPlaceHolder(lang.L("Empty: navy, #1F3A5F"))
	f.verifyURL = k.entry()
	f.verifyURL.SetPlaceHolder(lang.L("Empty: the QR code holds the bare code; e.g. https://example.org/verify.html"))
	f.swatch = canvas.NewRectangle(defaultAccent)
	f.swatch.SetMinSize(fyne.NewSize(36, 28))
	f.swatch.CornerRadius = 4
	f.accent.OnChanged = func(string) { f.updateSwatch() }
	borders := make([]string, len(certBorders))
	for i, b := range certBorders {
		borders[i] = lang.L(b.label)
	}
	f.border = k.choice(borders, nil)
	f.page = k.choice(certPageSizes, nil)
	orientations := make([]string, len(certOrientations))
	for i, o := range certOrientations {
		orientations[i] = lang.L(o)
	}
	f.orientation = k.choice(orientations, nil)
	languages := make([]string, len(certLanguages))
	for i, l := range certLanguages {
		languages[i] = lang.L(l.name) + " (" + l.code + ")"
	}
	f.language = k.choice(languages, nil)
	modes := make([]string, len(certNameModes))
	for i, m := range certNameModes {
		modes[i] = lang.L(m.label)
	}
	f.nameMode = k.choice(modes, nil)
	f.reset = widget.NewButton(lang.L("Reset to default"), func() {
		// The verification address is where the page is, not design: kept.
		f.fill(store.CertificateTemplate{VerifyURL: strings.TrimSpace(f.verifyURL.Text)})
	})
	f.fill(ws.data.Workshop.Certificate)

	field := func(name string, o fyne.CanvasObject) fyne.CanvasObject { return withProblem(o, name, f.errs) }
	places := widget.NewLabel(lang.L("Placeholders:") + " " + strings.Join(store.Placeholders, "  "))
	places.Wrapping = fyne.TextWrapWord
	places.Importance = widget.LowImportance
	signers := container.NewVBox()
	for i, sl := range f.signers {
		row := container.NewGridWithColumns(2, sl.name, sl.title)
		image := container.NewHBox(sl.choose, sl.status, sl.remove)
		signers.Add(field(fmt.Sprintf("certificate.signatories[%d].name", i), container.NewVBox(row, image)))
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Title"), field("certificate.title", f.title)),
		widget.NewFormItem(lang.L("Body"), field("certificate.body", container.NewVBox(f.body, places))),
		widget.NewFormItem(lang.L("Appreciation title"), field("certificate.appreciation", f.appTitle)),
		widget.NewFormItem(lang.L("Appreciation body"), field("certificate.appreciation_body", f.appBody)),
		widget.NewFormItem(lang.L("Signed by"), field("certificate.signatories", signers)),
		widget.NewFormItem(lang.L("Logos"), field("certificate.logos", container.NewVBox(f.logoBox, container.NewHBox(f.addLogo)))),
		widget.NewFormItem(lang.L("Accent colour"), field("certificate.accent", container.NewBorder(nil, nil, f.swatch, nil, f.accent))),
		widget.NewFormItem(lang.L("Border"), field("certificate.border", f.border)),
		widget.NewFormItem(lang.L("Page size"), field("certificate.page_size", f.page)),
		widget.NewFormItem(lang.L("Orientation"), f.orientation),
		widget.NewFormItem(lang.L("Language"), field("certificate.language", f.language)),
		widget.NewFormItem(lang.L("Name shown"), field("certificate.name_mode", f.nameMode)),
		widget.NewFormItem(lang.L("Verification address"), field("certificate.verify_url", f.verifyURL)),
	)
	form.Items[1].HintText = lang.L("Speakers, facilitators and organisers get the appreciation wording")
	form.Items[4].HintText = lang.L("Up to three people; a signature is a PNG or JPEG image")
	form.Items[5].HintText = lang.L("Up to four, PNG or JPEG, printed across the top")
	form.Items[10].HintText = lang.L("The fixed wording and the date format")
	content := container.NewBorder(nil, container.NewVBox(f.problem, container.NewHBox(f.reset)), nil, nil, container.NewVScroll(form))
	f.dialog, f.saveBtn = k.dialog(lang.L("Certificate design"), lang.L("Save"), content, f.save, ws.u.win)
	f.dialog.Resize(fyne.NewSize(820, 680))
	k.show()
	if s := ws.certificates; s != nil {
		s.designForm = f
	}
	return f
}

// fill shows a template in the form.
func (f *certDesignForm) fill(t store.CertificateTemplate) {
	f.title.SetText(t.Title)
	f.body.SetText(t.Body)
	f.appTitle.SetText(t.Appreciation)
	f.appBody.SetText(t.AppreciationBody)
	for i, sl := range f.signers {
		var sg store.Signatory
		if i < len(t.Signatories) {
			sg = t.Signatories[i]
		}
		sl.name.SetText(sg.Name)
		sl.title.SetText(sg.Title)
		sl.setSignature(sg.Signature)
	}
	f.logos = slices.Clone(t.Logos)
	f.showLogos()
	f.accent.SetText(t.Accent)
	f.verifyURL.SetText(t.VerifyURL)
	f.border.SetSelectedIndex(max(0, slices.IndexFunc(certBorders, func(b struct {
		value store.BorderStyle
		label string
	}) bool {
		return b.value == t.Border
	})))
	f.page.SetSelectedIndex(max(0, slices.Index(certPageSizes, t.PageSize)))
	if t.Portrait {
		f.orientation.SetSelectedIndex(1)
	} else {
		f.orientation.SetSelectedIndex(0)
	}
	f.language.SetSelectedIndex(max(0, slices.IndexFunc(certLanguages, func(l struct{ code, name string }) bool { return l.code == t.Language })))
	f.nameMode.SetSelectedIndex(max(0, slices.IndexFunc(certNameModes, func(m struct {
		value store.NameMode
		label string
	}) bool {
		return m.value == t.NameMode
	})))
}

// template reads the form. Signatory slots left empty are left out; the
// second result maps each signatory to its slot.
func (f *certDesignForm) template() (store.CertificateTemplate, []int) {
	t := store.CertificateTemplate{
		Title: strings.TrimSpace(f.title.Text), Body: strings.TrimSpace(f.body.Text),
		Appreciation: strings.TrimSpace(f.appTitle.Text), AppreciationBody: strings.TrimSpace(f.appBody.Text),
		Logos: slices.Clone(f.logos), Accent: strings.TrimSpace(f.accent.Text),
		Border:   certBorders[max(0, f.border.SelectedIndex())].value,
		PageSize: certPageSizes[max(0, f.page.SelectedIndex())], Portrait: f.orientation.SelectedIndex() == 1,
		Language:  certLanguages[max(0, f.language.SelectedIndex())].code,
		NameMode:  certNameModes[max(0, f.nameMode.SelectedIndex())].value,
		VerifyURL: strings.TrimSpace(f.verifyURL.Text),
	}
	var slots []int
	for i, sl := range f.signers {
		if sl.used() {
			t.Signatories = append(t.Signatories, store.Signatory{Name: strings.TrimSpace(sl.name.Text),
				Title: strings.TrimSpace(sl.title.Text), Signature: sl.signature})
			slots = append(slots, i)
		}
	}
	// The defaults are stored as the zero value, so that a later change
	// of the defaults reaches workshops that kept them.
	if t.Border == store.BorderDouble {
		t.Border = ""
	}
	if t.PageSize == "A4" {
		t.PageSize = ""
	}
	if t.Language == "en" {
		t.Language = ""
	}
	if t.NameMode == store.NameBoth {
		t.NameMode = ""
	}
	return t, slots
}

// updateSwatch shows the accent colour typed, or the default while empty.
func (f *certDesignForm) updateSwatch() {
	c, ok := parseHexColour(strings.TrimSpace(f.accent.Text))
	switch {
	case strings.TrimSpace(f.accent.Text) == "":
		c = defaultAccent
	case !ok:
		c = color.NRGBA{A: 0} // nothing shown for an unfinished colour
	}
	f.swatch.FillColor = c
	f.swatch.StrokeColor = color.NRGBA{R: 0x80, G: 0x80, B: 0x80, A: 0xFF}
	f.swatch.StrokeWidth = 1
	f.swatch.Refresh()
}

// parseHexColour reads "#RRGGBB".
func parseHexColour(s string) (color.NRGBA, bool) {
	if len(s) != 7 || s[0] != '#' {
		return color.NRGBA{}, false
	}
	v, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.NRGBA{}, false
	}
	return color.NRGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}, true
}

// showLogos lists the logos with a Remove button each.
func (f *certDesignForm) showLogos() {
	f.logoBox.RemoveAll()
	for i := range f.logos {
		l := widget.NewLabel(fmt.Sprintf(lang.L("Logo %d ✓"), i+1))
		rm := widget.NewButton(lang.L("Remove"), func() {
			f.logos = slices.Delete(f.logos, i, i+1)
			f.showLogos()
		})
		rm.Importance = widget.LowImportance
		f.logoBox.Add(container.NewHBox(l, rm))
	}
	if len(f.logos) == 0 {
		l := widget.NewLabel(lang.L("no logo"))
		l.Importance = widget.LowImportance
		f.logoBox.Add(l)
	}
	if len(f.logos) >= 4 {
		f.addLogo.Disable()
	} else {
		f.addLogo.Enable()
	}
}

// addLogoID adds a saved image as the next logo.
func (f *certDesignForm) addLogoID(id string) {
	if len(f.logos) < 4 && !slices.Contains(f.logos, id) {
		f.logos = append(f.logos, id)
	}
	f.showLogos()
}

// chooseImage asks for a PNG or JPEG file, keeps it in the data file and
// gives its ID to use.
func (f *certDesignForm) chooseImage(use func(id string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil {
			f.ws.u.showError(err)
			return
		}
		if r == nil {
			return
		}
		defer r.Close()
		data, err := io.ReadAll(io.LimitReader(r, store.MaxImageSize+1))
		if err == nil {
			var id string
			if id, err = f.saveImage(data); err == nil {
				use(id)
				return
			}
		}
		f.ws.u.showError(err)
	}, f.ws.u.win)
	d.SetFilter(storage.NewExtensionFileFilter([]string{".png", ".jpg", ".jpeg", ".PNG", ".JPG", ".JPEG"}))
	startInDocuments(f.ws.u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// saveImage keeps an image in the data file and returns its ID.
func (f *certDesignForm) saveImage(data []byte) (string, error) {
	return f.ws.u.st.SaveImage(data)
}

// save stores the design with the workshop and redraws; it reports
// whether the dialog may close.
func (f *certDesignForm) save() bool {
	clearProblems(f.errs, f.problem)
	t, slots := f.template()
	w, err := f.ws.u.st.Workshop(f.ws.data.Workshop.ID)
	if err == nil {
		w.Certificate = t
		err = f.ws.u.st.SaveWorkshop(&w)
	}
	if err == nil {
		f.ws.changed()
		return true
	}
	// Empty signatory slots are left out: name the problems by slot.
	var verr store.ValidationError
	if errors.As(err, &verr) {
		moved := make(store.ValidationError, len(verr))
		for k, fe := range verr {
			var i int
			if n, _ := fmt.Sscanf(fe.Field, "certificate.signatories[%d].name", &i); n == 1 && i < len(slots) {
				fe.Field = fmt.Sprintf("certificate.signatories[%d].name", slots[i])
			}
			moved[k] = fe
		}
		err = moved
	}
	showProblems(err, f.errs, f.problem)
	return false
}
