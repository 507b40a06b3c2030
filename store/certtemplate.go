package store

import (
	"fmt"
	"regexp"
	"strings"
)

// CertificateTemplate is how a workshop's certificates look and read. The
// zero value is the default design: A4 landscape, English, a navy accent,
// a double border, both names where a participant has a native one.
// Images (logos, signatures) are kept apart from the workshop record, by
// the SHA-256 of their bytes, so that listing workshops stays fast.
type CertificateTemplate struct {
	Title            string      `json:"title,omitempty"`        // default "Certificate of Attendance", in the language
	Body             string      `json:"body,omitempty"`         // text with {name}, {workshop}, {dates}, {venue}, {hours}, {sessions}, {organiser}, {role}
	Appreciation     string      `json:"appreciation,omitempty"` // title for speakers and facilitators; default "Certificate of Appreciation"
	AppreciationBody string      `json:"appreciation_body,omitempty"`
	Signatories      []Signatory `json:"signatories,omitempty"` // up to three
	Logos            []string    `json:"logos,omitempty"`       // image IDs (SHA-256, hex), up to four
	Accent           string      `json:"accent,omitempty"`      // "#RRGGBB"; default navy
	Border           BorderStyle `json:"border,omitempty"`
	PageSize         string      `json:"page_size,omitempty"` // "A4" (default) or "Letter"
	Portrait         bool        `json:"portrait,omitempty"`  // default landscape
	Language         string      `json:"language,omitempty"`  // en (default), fr, es, ar, ru, zh: fixed wording and date format
	NameMode         NameMode    `json:"name_mode,omitempty"` // which name to show
	// VerifyURL is the verification address (see verifyurl.go): the
	// organiser's copy of the verification page; "" for plain QR texts.
	VerifyURL string `json:"verify_url,omitempty"`
}

// Signatory is a person who signs the certificates.
type Signatory struct {
	Name      string `json:"name"`
	Title     string `json:"title,omitempty"`
	Signature string `json:"signature,omitempty"` // image ID of a PNG or JPEG signature
}

// BorderStyle is the frame drawn around a certificate.
type BorderStyle string

// The border styles; empty means BorderDouble.
const (
	BorderDouble BorderStyle = "double"
	BorderSingle BorderStyle = "single"
	BorderNone   BorderStyle = "none"
)

// NameMode says which of a participant's names a certificate shows.
type NameMode string

// The name modes; empty means NameBoth.
const (
	NameBoth   NameMode = "both"   // native script above Latin where both exist
	NameLatin  NameMode = "latin"  // Latin letters only
	NameNative NameMode = "native" // native script where there is one, else Latin
)

// CertificateLanguages are the languages of the fixed wording.
var CertificateLanguages = []string{"en", "fr", "es", "ar", "ru", "zh"}

// Placeholders are the words a certificate's body may contain.
var Placeholders = []string{"{name}", "{workshop}", "{dates}", "{venue}", "{hours}", "{sessions}", "{organiser}", "{role}"}

var hexColour = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
var placeholder = regexp.MustCompile(`\{[a-z_]+\}`)

// Validate checks the template and lists every problem by field.
func (t *CertificateTemplate) Validate() error {
	var p problems
	if len(t.Signatories) > 3 {
		p.add("certificate.signatories", "at most three people can sign")
	}
	for i, s := range t.Signatories {
		if strings.TrimSpace(s.Name) == "" {
			p.add(fmt.Sprintf("certificate.signatories[%d].name", i), "a signatory needs a name")
		}
	}
	if len(t.Logos) > 4 {
		p.add("certificate.logos", "at most four logos fit")
	}
	if t.Accent != "" && !hexColour.MatchString(t.Accent) {
		p.add("certificate.accent", "%q is not a colour of the form #1F3A5F", t.Accent)
	}
	if !validEnum(t.Border, []BorderStyle{BorderDouble, BorderSingle, BorderNone}, true) {
		p.add("certificate.border", "%q is not double, single or none", t.Border)
	}
	if t.PageSize != "" && t.PageSize != "A4" && t.PageSize != "Letter" {
		p.add("certificate.page_size", "%q is not A4 or Letter", t.PageSize)
	}
	if t.Language != "" && !validEnum(t.Language, CertificateLanguages, false) {
		p.add("certificate.language", "%q is not one of %s", t.Language, strings.Join(CertificateLanguages, ", "))
	}
	if err := CheckVerifyURL(t.VerifyURL); err != nil {
		p.add("certificate.verify_url", "%v", err)
	}
	if !validEnum(t.NameMode, []NameMode{NameBoth, NameLatin, NameNative}, true) {
		p.add("certificate.name_mode", "%q is not both, latin or native", t.NameMode)
	}
	for _, body := range []struct{ field, text string }{{"certificate.body", t.Body}, {"certificate.appreciation_body", t.AppreciationBody}} {
		for _, w := range placeholder.FindAllString(body.text, -1) {
			if !validEnum(w, Placeholders, false) {
				p.add(body.field, "%s is not a placeholder; use %s", w, strings.Join(Placeholders, ", "))
			}
		}
	}
	return p.err()
}
