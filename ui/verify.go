package ui

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// verifyDialog checks a certificate against this data file: the text of
// its QR code, or the short code printed under it.
type verifyDialog struct {
	u      *App
	input  *widget.Entry
	check  *widget.Button
	status *widget.Label            // Genuine / Not genuine / Voided / Not in the register
	detail *widget.Label            // the reason, or what the register adds
	fields *fyne.Container          // holds the form of the signed fields
	values map[string]*widget.Label // the signed fields by name
	key    *widget.Label
	export *widget.Button
	dialog *dialog.CustomDialog
	result *store.VerifyResult // the last genuine result, nil otherwise
}

// The signed fields shown, in order.
var verifyFields = []string{"Number", "Name", "Workshop", "Dates", "Attended", "Issued"}

// showVerify opens the Verify dialog; the Help menu can call it.
func (u *App) showVerify() {
	if u.st != nil {
		showVerifyDialog(u)
	}
}

func showVerifyDialog(u *App) *verifyDialog {
	v := &verifyDialog{u: u, input: widget.NewEntry(), values: map[string]*widget.Label{}}
	v.input.SetPlaceHolder(lang.L("Paste the text of the QR code, or type the code printed under it, e.g. HJKM-CEFG-3479"))
	v.input.OnSubmitted = func(string) { v.verify() }
	v.check = widget.NewButton(lang.L("Check"), v.verify)
	v.check.Importance = widget.HighImportance
	v.status = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.status.Wrapping = fyne.TextWrapWord
	v.detail = widget.NewLabel("")
	v.detail.Wrapping = fyne.TextWrapWord
	v.fields = container.NewStack()
	v.key = widget.NewLabel("")
	v.key.Importance = widget.LowImportance
	v.key.Wrapping = fyne.TextWrapWord
	if pub, err := u.st.PublicKey(); err == nil {
		v.key.SetText(fmt.Sprintf(lang.L("This data file signs with the key %s. Give the exported key to those who check certificates without Workshop Desk's data file."), store.KeyFingerprint(pub)))
	}
	v.export = widget.NewButton(lang.L("Export public key…"), v.chooseExport)

	intro := widget.NewLabel(lang.L("A scanned QR code is checked with this data file's signature key; a typed code is looked up in its register of certificates."))
	intro.Wrapping = fyne.TextWrapWord
	entry := container.NewBorder(nil, nil, nil, v.check, v.input)
	result := container.NewVBox(v.status, v.detail, v.fields)
	bottom := container.NewVBox(widget.NewSeparator(), v.key, container.NewHBox(v.export))
	content := container.NewBorder(container.NewVBox(intro, entry), bottom, nil, nil, container.NewVScroll(result))
	v.dialog = dialog.NewCustom(lang.L("Verify a certificate"), lang.L("Close"), content, u.win)
	v.dialog.Resize(fyne.NewSize(700, 640))
	v.dialog.Show()
	u.win.Canvas().Focus(v.input)
	return v
}

// verify checks the text typed or pasted and shows the result.
func (v *verifyDialog) verify() {
	v.result = nil
	v.values = map[string]*widget.Label{}
	v.fields.RemoveAll()
	v.detail.SetText("")
	text := strings.TrimSpace(v.input.Text)
	if text == "" {
		v.status.Importance = widget.MediumImportance
		v.status.SetText(lang.L("Paste the QR text or type the code first."))
		return
	}
	r, err := v.u.st.Verify(text)
	if err != nil {
		reason := err.Error()
		if errors.Is(err, store.ErrNotGenuine) || errors.Is(err, store.ErrNotCertificateCode) {
			// The store's message begins with the sentinel; say it once.
			reason = strings.TrimPrefix(strings.TrimPrefix(reason, store.ErrNotGenuine.Error()+": "), store.ErrNotCertificateCode.Error()+": ")
			if errors.Is(err, store.ErrNotCertificateCode) {
				reason = lang.L("this is not a Workshop Desk certificate code:") + " " + reason
			}
		}
		v.status.Importance = widget.DangerImportance
		v.status.SetText("✗ " + lang.L("Not genuine:") + " " + reason)
		return
	}
	v.result = &r
	switch {
	case r.Voided:
		v.status.Importance = widget.WarningImportance
		v.status.SetText(fmt.Sprintf(lang.L("Voided on %s: %s"), r.VoidedAt.Format("2006-01-02"), r.VoidReason))
		v.detail.SetText(lang.L("The certificate was issued by this data file but has been voided since. Do not accept it."))
	case r.NotInRegister:
		// Every backup holds the signing key: a signature alone is no proof.
		v.status.Importance = widget.DangerImportance
		v.status.SetText("✗ " + lang.L("Not in the register"))
		v.detail.SetText(fmt.Sprintf(lang.L("It is signed with this data file's key, but this data file never issued %s: it was signed with a copy of the key (every backup holds it), or this is an older copy of the file than the one that issued it. Do not accept it without asking the issuer."), r.Fields.Number))
	case len(r.Differs) > 0:
		v.status.Importance = widget.DangerImportance
		v.status.SetText("✗ " + lang.L("Differs from the register"))
		reg := r.RegisterFields
		name := strings.TrimSpace(reg.Name + "  " + reg.NativeName)
		v.detail.SetText(fmt.Sprintf(lang.L("The register gives %s to %s, %s; this QR code signs another %s: printed before a correction (reprint it), or signed with a copy of the key. Do not accept it as it is."),
			reg.Number, name, formatDates(reg.Start, reg.End), lang.L(strings.Join(r.Differs, " and "))))
	default:
		v.status.Importance = widget.SuccessImportance
		v.status.SetText("✓ " + lang.L("Genuine"))
		if r.FromQR {
			v.detail.SetText(lang.L("These are the facts signed into the QR code; compare them with the printed certificate."))
		} else {
			v.detail.SetText(lang.L("These are the facts of the register for this code; compare them with the printed certificate."))
		}
	}
	v.status.Refresh()
	f := r.Fields
	name := f.Name
	if f.NativeName != "" {
		name = strings.TrimSpace(name + "  " + f.NativeName)
	}
	issued := f.Issued.String()
	if c := r.Certificate; c != nil && c.Reprints > 0 {
		issued += "  " + fmt.Sprintf(lang.L("(reprinted %d times)"), c.Reprints)
	}
	set := map[string]string{"Number": f.Number, "Name": name, "Workshop": f.Workshop,
		"Dates": formatDates(f.Start, f.End), "Attended": f.Attended, "Issued": issued}
	form := widget.NewForm()
	for _, name := range verifyFields {
		if set[name] == "" {
			continue
		}
		l := widget.NewLabel(set[name])
		l.Wrapping = fyne.TextWrapWord
		v.values[name] = l
		form.Append(lang.L(name), l)
	}
	v.fields.Add(form)
}

// chooseExport asks where to save the public key.
func (v *verifyDialog) chooseExport() {
	d := dialog.NewFileSave(func(wc fyne.URIWriteCloser, err error) {
		if err != nil {
			v.u.showError(err)
			return
		}
		if wc == nil {
			return
		}
		path := wc.URI().Path()
		wc.Close()
		if err := v.exportKey(path); err != nil {
			v.u.showError(err)
			return
		}
		dialog.ShowInformation(lang.L("Public key saved"), path, v.u.win)
	}, v.u.win)
	d.SetFileName("workshopdesk-public-key.pem")
	d.SetFilter(storage.NewExtensionFileFilter([]string{".pem", ".txt"}))
	startInDocuments(v.u.app, d)
	d.Resize(fyne.NewSize(900, 600))
	d.Show()
}

// exportKey writes the public key, as store.ExportPublicKey gives it, to
// path.
func (v *verifyDialog) exportKey(path string) error {
	text, err := v.u.st.ExportPublicKey()
	if err != nil {
		return err
	}
	return store.WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}
