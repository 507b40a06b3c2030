package pdf

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/google/uuid"
	"github.com/jung-kurt/gofpdf"
	"golang.org/x/text/unicode/norm"

	"github.com/workshopdesk/workshopdesk/store"
)

// Certificates.
//
// A certificate is one page: a border, the logos across the top, the title
// in the accent colour, "This certificate is presented to", the name very
// large (in NameBoth mode the name in the person's own script above the
// Latin one), the body with its placeholders filled in, the signatories
// across the bottom, and the small print: the certificate number bottom
// left, the QR code bottom right with the short code and "Verify: scan or
// type the code" under it. Arabic certificates are mirrored: the number
// right, the QR code left, the first signatory on the right.
//
// The page background (border, logos, signature images and lines) is drawn
// once per document as a gofpdf template and placed on every page, and
// each image is embedded once per file, so a run of 1,000 certificates
// carries its logos once. The QR code is drawn as vector rectangles at
// error correction level M (store.Sign keeps the text within version 15
// at M, 77 modules: 0.32 mm each at 25 mm).

// CertificateInput is one certificate to print. Number, QR and Code are
// given as issued and signed (store.Issue, store.Sign); an empty QR or
// Code leaves it out.
type CertificateInput struct {
	Participant store.Participant
	Number      string // "ADDIS-2027-007"
	QR          string // the signed QR text
	Code        string // the short code, "HJKM-CEFG-3479"

	SessionsAttended, SessionsTotal int     // {sessions}; total 0 leaves them out of the default body
	Hours                           float64 // {hours}, attended; 0 leaves them out of the default body

	// Appreciation prints a certificate of appreciation (speakers,
	// facilitators, organisers) with its own title and body.
	Appreciation bool
	// Completion prints a certificate of completion: the attendance
	// wording under its own title (the post-test rule; see
	// store.ApplyCompletion).
	Completion bool
	// Language overrides the template's language for this certificate
	// (one of store.CertificateLanguages); "" is the template's.
	Language string
}

// CertificateJob is a run of certificates of one workshop.
type CertificateJob struct {
	Workshop store.Workshop
	Template store.CertificateTemplate
	// Images holds the logos and signatures by image ID: PNG or JPEG bytes.
	Images       map[string][]byte
	Certificates []CertificateInput
	// Created is the documents' creation date; fixed, it makes the output
	// the same byte for byte. Zero means now.
	Created time.Time
	// Preview marks every page "PREVIEW — not a certificate" across the
	// page and in the number's place: a preview is never mistaken for a
	// certificate, and carries no number, code or QR code of one.
	Preview bool
}

// PreviewMark is the mark across every page of a preview.
const PreviewMark = "PREVIEW — not a certificate"

// GlyphProblem is text on a certificate with characters that no embedded
// font can draw; they would print as empty boxes. The screens list the
// problems before printing.
type GlyphProblem struct {
	// Index is the certificate's position in CertificateJob.Certificates,
	// or -1 for text printed on every certificate (the workshop, the
	// template's wording, the signatories).
	Index         int
	ParticipantID uuid.UUID
	Name          string // the participant's name, "" when Index is -1
	Field         string // "name", "native name", "number", "code", "workshop", "title", "body", "signatory 1 name"…
	Text          string
	Runes         []rune // the characters that cannot be drawn, each once
}

// Certificates writes the certificates of job, one page each in the order
// given, as one PDF to w. A long run is written as it is drawn: on an
// error, part of it may have been written to w.
func Certificates(job CertificateJob, w io.Writer) error {
	if len(job.Certificates) <= certBatch {
		return certificateParts(&job, func(part []byte) error {
			_, err := w.Write(part)
			return err
		})
	}
	mg := newPDFMerger(w)
	if err := certificateParts(&job, mg.add); err != nil {
		return err
	}
	return mg.finish()
}

// certificateParts draws the certificates of job as PDFs of at most
// certBatch pages each (see pdfMerger), handing each to part as it is
// made.
func certificateParts(job *CertificateJob, part func([]byte) error) error {
	if len(job.Certificates) == 0 {
		return errors.New("certificates: there is no certificate to print")
	}
	des, err := newCertDesign(job)
	if err != nil {
		return err
	}
	lang := des.lang
	if l := job.Certificates[0].language(); l != "" && len(job.Certificates) == 1 {
		lang = l
	}
	key := wDocTitle
	if len(job.Certificates) == 1 && job.Certificates[0].Appreciation {
		key = wDocTitleApp
	}
	title := word(lang, key) + " – " + job.Workshop.Title
	if len(job.Certificates) == 1 {
		title += " – " + certListName(&job.Certificates[0].Participant)
	}
	qrs, stop := qrCodes(job.Certificates)
	defer stop()
	// The batches are drawn here and compressed in a goroutine of their
	// own, batch k while batch k+1 is drawn: drawing is one goroutine's
	// work (one gofpdf document), and compressing was a quarter of the
	// time that the second processor spent waiting (on a busy machine,
	// time slices made the wall clock much longer than the processor
	// time). The next batch is drawn while one is compressed, no further,
	// so the heap holds at most one batch more than before.
	drawn := make(chan []byte)
	compressed := make(chan error, 1)
	quit := make(chan struct{})
	go func() {
		var err error
		for b := range drawn {
			if err == nil {
				err = compressedPart(b, part)
			}
			if err != nil {
				close(quit)
				for range drawn {
				}
			}
		}
		compressed <- err
	}()
	err = func() error {
		defer close(drawn)
		for first := 0; first < len(job.Certificates); first += certBatch {
			cd, err := des.newDoc(title)
			if err != nil {
				return err
			}
			for i := first; i < min(first+certBatch, len(job.Certificates)); i++ {
				sym, err := qrs(i)
				if err == nil {
					err = cd.certificate(&job.Certificates[i], sym)
				}
				if err != nil {
					return fmt.Errorf("certificate %d (%s): %w", i+1, certListName(&job.Certificates[i].Participant), err)
				}
			}
			b, err := cd.output()
			if err != nil {
				return err
			}
			select {
			case drawn <- b:
			case <-quit:
				return nil // the error comes from compressing
			}
		}
		return nil
	}()
	return cmp.Or(err, <-compressed)
}

// compressedPart hands the PDF b, drawn without compression when
// certOwnCompression is set, to part once compressed.
func compressedPart(b []byte, part func([]byte) error) error {
	if certOwnCompression {
		var err error
		if b, err = compressStreams(b); err != nil {
			return err
		}
	}
	return part(b)
}

// CertificateFiles writes each certificate of job as its own PDF into dir
// (created if need be), named by number and name ("ADDIS-2027-007 Bekele
// Abebe.pdf", see SafeFileName; a name met twice gets " (2)"), each file
// replaced atomically. It returns the paths in the order of the
// certificates (on an error, those written).
//
// The certificates are drawn once, as one PDF, which is then cut into a
// file per page sharing its fonts and images (split.go); the files are
// written by a worker per processor (at least four: writing waits on the
// disk more than on the processor).
func CertificateFiles(job CertificateJob, dir string) ([]string, error) {
	if len(job.Certificates) == 0 {
		return nil, errors.New("certificates: there is no certificate to print")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	des, err := newCertDesign(&job)
	if err != nil {
		return nil, err
	}
	used := map[string]bool{}
	names := make([]string, len(job.Certificates))
	titles := make([]string, len(job.Certificates))
	for i := range job.Certificates {
		in := &job.Certificates[i]
		base := certFileBase(in)
		name := base
		for n := 2; used[store.Fold(name)]; n++ {
			name = SafeFileName(fmt.Sprintf("%s (%d)", base, n))
		}
		used[store.Fold(name)] = true
		names[i] = filepath.Join(dir, name+".pdf")
		lang := cmp.Or(in.language(), des.lang)
		key := wDocTitle
		if in.Appreciation {
			key = wDocTitleApp
		}
		titles[i] = word(lang, key) + " – " + job.Workshop.Title + " – " + certListName(&in.Participant)
	}
	var parts [][]byte
	if err := certificateParts(&job, func(b []byte) error {
		parts = append(parts, b)
		return nil
	}); err != nil {
		return nil, err
	}
	type pageOf struct {
		pf *pdfFile
		k  int
	}
	var pages []pageOf
	for _, b := range parts {
		pf, err := parsePDF(b)
		if err != nil {
			return nil, fmt.Errorf("certificates: %w", err)
		}
		for k := range pf.pages {
			pages = append(pages, pageOf{pf, k})
		}
	}
	if len(pages) != len(names) {
		return nil, fmt.Errorf("certificates: split: %d pages for %d certificates", len(pages), len(names))
	}
	errs := make([]error, len(names))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(4, runtime.GOMAXPROCS(0)) {
		wg.Go(func() {
			var b bytes.Buffer
			for {
				i := int(next.Add(1) - 1)
				if i >= len(names) {
					return
				}
				b.Reset()
				pages[i].pf.page(pages[i].k, titles[i], &b)
				errs[i] = store.WriteFileAtomic(names[i], func(w io.Writer) error {
					_, err := w.Write(b.Bytes())
					return err
				})
			}
		})
	}
	wg.Wait()
	paths := make([]string, 0, len(names))
	for i, path := range names {
		if errs[i] != nil {
			return paths, errs[i]
		}
		paths = append(paths, path)
	}
	return paths, nil
}

// certFileBase is the file name of a certificate without ".pdf": number,
// family names, given names ("ADDIS-2027-007 Bekele Abebe"), or the native
// name when there is no Latin one.
func certFileBase(in *CertificateInput) string {
	p := &in.Participant
	name := strings.TrimSpace(p.FamilyNames + " " + p.GivenNames)
	if name == "" {
		name = p.NativeName
	}
	return SafeFileName(strings.TrimSpace(in.Number + " " + name))
}

// maxFileNameBytes caps a file name (before ".pdf") well under the 255
// bytes of Linux and macOS and the 255 UTF-16 units of Windows, leaving
// room in Windows' 260-character paths.
const maxFileNameBytes = 120

// windowsReserved are the device names Windows forbids as a file name,
// with or without an extension.
var windowsReserved = map[string]bool{"CON": true, "PRN": true, "AUX": true, "NUL": true, "CONIN$": true, "CONOUT$": true}

func init() {
	// gofpdf writes the image list of a template's resources in map order
	// unless its package-wide catalog sort is on (Fpdf.SetCatalogSort, which
	// NewDoc sets, does not reach it): without this the same certificates
	// would not give the same bytes twice.
	gofpdf.SetDefaultCatalogSort(true)
	for _, d := range []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "¹", "²", "³"} {
		windowsReserved["COM"+d] = true
		windowsReserved["LPT"+d] = true
	}
}

// SafeFileName turns s into a file name that Windows, macOS and Linux all
// accept, keeping letters of every script: NFC; the characters <>:"/\|?*
// replaced by "-"; control and invisible format characters (such as
// right-to-left overrides) dropped; runs of spaces as one; no leading or
// trailing dots, dashes or spaces; at most maxFileNameBytes bytes, cut at a
// character; a Windows device name (CON, PRN, AUX, NUL, COM1…, LPT1…, also
// before an extension) gets "_" after it. An empty result is
// "certificate". Add the extension after it.
func SafeFileName(s string) string {
	var b strings.Builder
	for _, r := range norm.NFC.String(s) { // a name typed on a Mac may arrive decomposed
		switch {
		case strings.ContainsRune(`<>:"/\|?*`, r):
			b.WriteByte('-')
		case r == '\t' || r == '\n' || r == '\r' || unicode.IsSpace(r):
			b.WriteByte(' ')
		case unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\uFFFD' ||
			unicode.Is(unicode.Co, r) || unicode.Is(unicode.Cs, r) || unicode.Is(unicode.Variation_Selector, r):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	out := strings.Join(strings.Fields(b.String()), " ")
	for strings.Contains(out, "--") {
		out = strings.ReplaceAll(out, "--", "-")
	}
	trim := func(s string) string { return strings.Trim(s, " .-") }
	out = trim(out)
	if len(out) > maxFileNameBytes {
		cut := maxFileNameBytes
		for cut > 0 && !utf8RuneStart(out[cut]) {
			cut--
		}
		out = trim(out[:cut])
	}
	if out == "" {
		return "certificate"
	}
	stem, _, _ := strings.Cut(out, ".")
	if windowsReserved[strings.ToUpper(strings.TrimRight(stem, " "))] {
		out = stem + "_" + out[len(stem):]
	}
	return out
}

func utf8RuneStart(b byte) bool { return b&0xC0 != 0x80 }

// CertificateOrder returns the positions of people in the order
// SortCertificates prints them by, so that the numbers of certificates
// issued together can run with the pages.
func CertificateOrder(people []store.Participant, by string) []int {
	list := make([]CertificateInput, len(people))
	pos := make(map[uuid.UUID]int, len(people))
	for i, p := range people {
		list[i] = CertificateInput{Participant: p}
		pos[p.ID] = i
	}
	SortCertificates(list, by)
	order := make([]int, len(list))
	for k, in := range list {
		order[k] = pos[in.Participant.ID]
	}
	return order
}

// SortCertificates sorts list in place, stably, by "family" (family
// names, then given names), "country" (the country's English name, then
// family and given names) or "organisation" (then family and given
// names), ignoring case and accents (store.Fold); any other value sorts by
// certificate number.
func SortCertificates(list []CertificateInput, by string) {
	family := func(p *store.Participant) (string, string) {
		f, g := p.FamilyNames, p.GivenNames
		if strings.TrimSpace(f) == "" {
			f, g = g, ""
		}
		if strings.TrimSpace(f) == "" {
			f = p.NativeName
		}
		return store.Fold(f), store.Fold(g)
	}
	byName := func(a, b *CertificateInput) int {
		af, ag := family(&a.Participant)
		bf, bg := family(&b.Participant)
		return cmp.Or(strings.Compare(af, bf), strings.Compare(ag, bg))
	}
	byNumber := func(a, b *CertificateInput) int { return compareNumbers(a.Number, b.Number) }
	var key func(a, b *CertificateInput) int
	switch by {
	case "family":
		key = func(a, b *CertificateInput) int { return cmp.Or(byName(a, b), byNumber(a, b)) }
	case "country":
		country := func(p *store.Participant) string {
			n, ok := store.CountryName(p.Country)
			if !ok {
				return "\uffff" // people with no country last
			}
			return store.Fold(n)
		}
		key = func(a, b *CertificateInput) int {
			return cmp.Or(strings.Compare(country(&a.Participant), country(&b.Participant)), byName(a, b), byNumber(a, b))
		}
	case "organisation":
		org := func(p *store.Participant) string {
			if o := strings.TrimSpace(p.Organisation); o != "" {
				return store.Fold(o)
			}
			return "\uffff"
		}
		key = func(a, b *CertificateInput) int {
			return cmp.Or(strings.Compare(org(&a.Participant), org(&b.Participant)), byName(a, b), byNumber(a, b))
		}
	default:
		key = byNumber
	}
	slices.SortStableFunc(list, func(a, b CertificateInput) int { return key(&a, &b) })
}

// compareNumbers orders certificate numbers with their running counts as
// numbers: ADDIS-2027-099 before ADDIS-2027-1000.
func compareNumbers(a, b string) int {
	split := func(s string) (string, int) {
		i := strings.LastIndexByte(s, '-')
		if n, err := strconv.Atoi(s[i+1:]); err == nil && i >= 0 {
			return s[:i], n
		}
		return s, -1
	}
	ap, an := split(strings.ToUpper(a))
	bp, bn := split(strings.ToUpper(b))
	return cmp.Or(strings.Compare(ap, bp), cmp.Compare(an, bn), strings.Compare(a, b))
}

// certListName is a participant's name for messages and file titles.
func certListName(p *store.Participant) string {
	if n := strings.TrimSpace(p.FullName()); n != "" {
		return n
	}
	return strings.TrimSpace(p.NativeName)
}

// CertificateGlyphProblems lists the text of job's certificates that has
// characters no embedded font can draw (see MissingGlyphs): the names of
// each participant as the template prints them, the numbers and codes,
// and once (Index -1) the text every certificate shares. An empty list
// means every character prints.
func CertificateGlyphProblems(job CertificateJob) []GlyphProblem {
	var out []GlyphProblem
	check := func(i int, p *store.Participant, field, text string) {
		if rs := MissingGlyphs(text); len(rs) > 0 {
			g := GlyphProblem{Index: i, Field: field, Text: text, Runes: rs}
			if p != nil {
				g.ParticipantID, g.Name = p.ID, certListName(p)
			}
			out = append(out, g)
		}
	}
	w, t := &job.Workshop, &job.Template
	check(-1, nil, "workshop", w.Title)
	check(-1, nil, "venue", w.City)
	check(-1, nil, "organiser", w.Organiser)
	check(-1, nil, "title", t.Title)
	check(-1, nil, "appreciation title", t.Appreciation)
	check(-1, nil, "body", t.Body)
	check(-1, nil, "appreciation body", t.AppreciationBody)
	for i, s := range t.Signatories {
		check(-1, nil, fmt.Sprintf("signatory %d name", i+1), s.Name)
		check(-1, nil, fmt.Sprintf("signatory %d title", i+1), s.Title)
	}
	for i := range job.Certificates {
		in := &job.Certificates[i]
		top, main := certNames(&in.Participant, t.NameMode)
		if top != "" {
			check(i, &in.Participant, "native name", top)
			check(i, &in.Participant, "name", main)
		} else if main == strings.TrimSpace(in.Participant.NativeName) {
			check(i, &in.Participant, "native name", main)
		} else {
			check(i, &in.Participant, "name", main)
		}
		check(i, &in.Participant, "number", in.Number)
		check(i, &in.Participant, "code", in.Code)
	}
	return out
}

// certNames returns the names a certificate prints in mode: main, very
// large, and top, the line above it ("" for none). In NameBoth mode a
// native name in another script goes above the Latin one; a native name in
// Latin letters ("Nguyễn Văn Đức", the order and letters the person
// writes) replaces the Latin one; one equal to it is not repeated.
func certNames(p *store.Participant, mode store.NameMode) (top, main string) {
	latin := strings.Join(strings.Fields(p.FullName()), " ")
	native := strings.Join(strings.Fields(p.NativeName), " ")
	switch {
	case latin == "":
		return "", native
	case native == "":
		return "", latin
	}
	switch mode {
	case store.NameLatin:
		return "", latin
	case store.NameNative:
		return "", native
	}
	if store.Fold(native) == store.Fold(latin) || latinScript(native) {
		return "", native
	}
	return native, latin
}

// latinScript reports whether every letter of s is a Latin letter.
func latinScript(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) {
			return false
		}
	}
	return true
}

// certPlan is the text of one certificate, resolved.
type certPlan struct {
	lang      string
	rtl       bool
	title     string
	presented string
	top, name string // see certNames
	body      string
	number    string
	code      string
	qr        string
}

// language is the language of this certificate's fixed wording: the
// input's, else the participant's own choice; "" means the template's.
func (in *CertificateInput) language() string {
	return strings.ToLower(strings.TrimSpace(cmp.Or(in.Language, in.Participant.CertificateLanguage)))
}

// plan resolves the wording of certificate in.
func (des *certDesign) plan(in *CertificateInput) (certPlan, error) {
	lang := cmp.Or(in.language(), des.lang)
	if _, ok := wordings[lang]; !ok {
		return certPlan{}, fmt.Errorf("language %q is not one of %s", lang, strings.Join(store.CertificateLanguages, ", "))
	}
	t, w, p := &des.job.Template, &des.job.Workshop, &in.Participant
	pl := certPlan{lang: lang, rtl: rtlLanguage(lang), number: strings.TrimSpace(in.Number),
		code: strings.TrimSpace(in.Code), qr: strings.TrimSpace(in.QR)}
	pl.top, pl.name = certNames(p, t.NameMode)
	body := ""
	if in.Appreciation {
		pl.title = cmp.Or(strings.TrimSpace(t.Appreciation), word(lang, wTitleApp))
		pl.presented = word(lang, wPresentedApp)
		body = cmp.Or(strings.TrimSpace(t.AppreciationBody), word(lang, wBodyApp))
	} else {
		pl.title = cmp.Or(strings.TrimSpace(t.Title), word(lang, wTitle))
		if in.Completion {
			pl.title = word(lang, wTitleCompletion)
		}
		pl.presented = word(lang, wPresented)
		body = strings.TrimSpace(t.Body)
		if body == "" {
			body = word(lang, wBody)
			switch {
			case in.Hours > 0 && in.SessionsTotal > 0:
				body += word(lang, wClauseBoth)
			case in.Hours > 0:
				body += word(lang, wClauseHours)
			case in.SessionsTotal > 0:
				body += word(lang, wClauseSessions)
			}
		}
	}
	name := pl.name
	if pl.top != "" && !latinScript(name) {
		name = pl.top
	}
	dates := datesText(lang, w.StartDate, w.EndDate)
	if strings.HasSuffix(dates, ".") { // "2026 г." ends the sentence itself
		body = strings.ReplaceAll(body, "{dates}.", "{dates}")
	}
	body = strings.NewReplacer(
		"{name}", name,
		"{workshop}", strings.TrimSpace(w.Title),
		"{dates}", dates,
		"{venue}", venueText(lang, w),
		"{hours}", hoursText(lang, in.Hours),
		"{sessions}", sessionsText(lang, in.SessionsAttended, in.SessionsTotal),
		"{organiser}", strings.TrimSpace(w.Organiser),
		"{role}", roleText(lang, p.Role, p.Gender),
	).Replace(body)
	if !in.Appreciation && strings.TrimSpace(t.Body) == "" {
		end := word(lang, wBodyEnd)
		if !(end == "." && strings.HasSuffix(body, ".")) {
			body += end
		}
	}
	pl.body = collapseSpaces(body)
	return pl, nil
}

// collapseSpaces turns runs of spaces, tabs and line breaks into one space
// and trims them, keeping no-break spaces.
func collapseSpaces(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r'
	}), " ")
}

// certDesign is a job's template resolved: page, colours and the layout of
// everything that is the same on every page.
type certDesign struct {
	job    *CertificateJob
	size   PageSize
	orient Orientation
	w, h   float64
	accent rgb
	border store.BorderStyle
	lang   string

	images  map[string]*certImage
	logos   []*certImage
	signers []certSigner

	// layout, millimetres from the top left corner of the page
	margin    float64 // of the content from the page edge
	logoY     float64
	logoH     float64 // 0: no logos
	qrSize    float64
	qrTop     float64
	footBase  float64 // baseline of the lowest line of small print
	sideW     float64 // width of the number and QR zones at the bottom
	sigLine   float64 // y of the signature lines
	sigX0     float64 // left end of the signatories' zone
	sigW      float64 // width of the signatories' zone
	middleTop float64 // the title, name and body are centred between these
	middleBot float64
	scale     float64 // of the type: 1 on A4 landscape
	portrait  bool
}

// certSigner is a signatory with its signature image (nil: none).
type certSigner struct {
	name, title string
	img         *certImage
}

// Colours of the certificate: ink for names and body, muted for the small
// print.
var (
	certInk   = rgb{0x1A, 0x1A, 0x1A}
	certBody  = rgb{0x33, 0x33, 0x33}
	certMuted = rgb{0x5F, 0x63, 0x68}
	navy      = rgb{0x1F, 0x3A, 0x5F}
)

// newCertDesign resolves the template of job and prepares its images.
func newCertDesign(job *CertificateJob) (*certDesign, error) {
	t := &job.Template
	if err := t.Validate(); err != nil {
		return nil, fmt.Errorf("certificate template: %w", err)
	}
	des := &certDesign{job: job, size: A4, orient: Landscape, accent: navy, border: t.Border, lang: cmp.Or(t.Language, "en")}
	if t.PageSize == "Letter" {
		des.size = Letter
	}
	if t.Portrait {
		des.orient = Portrait
	}
	if t.Accent != "" {
		v, _ := strconv.ParseUint(t.Accent[1:], 16, 32)
		des.accent = rgb{int(v >> 16 & 0xFF), int(v >> 8 & 0xFF), int(v & 0xFF)}
	}
	if des.border == "" {
		des.border = store.BorderDouble
	}
	var ids []string
	ids = append(ids, t.Logos...)
	for _, s := range t.Signatories {
		if s.Signature != "" {
			ids = append(ids, s.Signature)
		}
	}
	imgs, err := prepareImages(ids, job.Images)
	if err != nil {
		return nil, fmt.Errorf("certificate template: %w", err)
	}
	des.images = imgs
	for _, id := range t.Logos {
		des.logos = append(des.logos, imgs[id])
	}
	for _, s := range t.Signatories {
		des.signers = append(des.signers, certSigner{name: strings.TrimSpace(s.Name), title: strings.TrimSpace(s.Title), img: imgs[s.Signature]})
	}
	if job.Created.IsZero() {
		job.Created = time.Now()
	}
	des.layout()
	return des, nil
}

// layout places what every page shares.
func (des *certDesign) layout() {
	w, h := pageMM(des.size)
	if des.orient == Landscape {
		w, h = h, w
	}
	des.w, des.h = w, h
	des.portrait = h > w
	des.margin = 20
	des.scale = 1
	cw := w - 2*des.margin
	if len(des.logos) > 0 {
		des.logoY = des.margin + 1
		des.logoH = 15
		if des.portrait {
			des.logoH = 20
		}
	}
	des.footBase = h - des.margin
	des.qrSize = 25
	des.qrTop = des.footBase - 8.6 - des.qrSize
	des.sideW = 46
	bottomTop := des.qrTop
	if n := len(des.signers); n > 0 {
		gap := 6.0
		inRow := cw - 2*des.sideW - 2*gap
		if inRow/float64(n) >= 44 {
			des.sigX0, des.sigW = des.margin+des.sideW+gap, inRow
			des.sigLine = des.qrTop + 15
		} else {
			des.sigX0, des.sigW = des.margin, cw
			des.sigLine = des.qrTop - 15
		}
		top := des.sigLine - 4
		for _, s := range des.signers {
			if s.img != nil {
				top = des.sigLine - 1.5 - des.sigImageMaxH()
			}
		}
		bottomTop = min(bottomTop, top)
	}
	des.middleTop = des.margin + 4
	if des.logoH > 0 {
		des.middleTop = des.logoY + des.logoH + 6
	}
	des.middleBot = bottomTop - 6
}

// sigImageMaxH is the height of the space for signature images.
func (des *certDesign) sigImageMaxH() float64 { return 14 }

// certDoc is a document of certificates with its page backgrounds.
type certDoc struct {
	*Doc
	des *certDesign
	bg  [2]gofpdf.Template // left to right, right to left
	rtl map[layoutKey]*line
}

// newDoc starts a document of certificates and registers the images in it,
// so that both page backgrounds share them.
func (des *certDesign) newDoc(title string) (*certDoc, error) {
	doc, err := NewDoc(des.size, des.orient, CreationDate(des.job.Created), Title(title))
	if err != nil {
		return nil, err
	}
	ids := make([]string, 0, len(des.images))
	for id := range des.images {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return strings.Compare(des.images[a].name, des.images[b].name) })
	for _, id := range ids {
		im := des.images[id]
		doc.pdf.RegisterImageOptionsReader(im.name, gofpdf.ImageOptions{ImageType: im.kind}, bytes.NewReader(im.data))
	}
	if certOwnCompression {
		doc.pdf.SetCompression(false) // compressStreams does it, faster
	}
	return &certDoc{Doc: doc, des: des, rtl: map[layoutKey]*line{}}, doc.Err()
}

// output returns the finished PDF, not compressed when certOwnCompression
// is set (compressedPart compresses it).
func (cd *certDoc) output() ([]byte, error) {
	if err := cd.pdf.Error(); err != nil {
		return nil, err
	}
	var buf sliceWriter
	if err := cd.pdf.Output(&buf); err != nil {
		return nil, err
	}
	return buf, nil
}

// sliceWriter keeps what is written to it. gofpdf's Output builds the whole
// file in its own buffer and writes it in one piece: that piece is kept
// as it is rather than copied (the document is not used again), which
// spares a copy of a batch's uncompressed pages, some 10 MB.
type sliceWriter []byte

func (w *sliceWriter) Write(p []byte) (int, error) {
	if *w == nil {
		*w = p
	} else {
		*w = append(*w, p...)
	}
	return len(p), nil
}

// background returns the page background for the direction, drawing it
// the first time.
func (cd *certDoc) background(rtl bool) gofpdf.Template {
	i := 0
	if rtl {
		i = 1
	}
	if cd.bg[i] == nil {
		cd.bg[i] = cd.pdf.CreateTemplate(func(t *gofpdf.Tpl) { cd.des.drawBackground(&t.Fpdf, rtl) })
	}
	return cd.bg[i]
}

// drawBackground draws the border, the logos, and the signature images
// and lines.
func (des *certDesign) drawBackground(p *gofpdf.Fpdf, rtl bool) {
	des.drawBorder(p)
	// Logos: one height, their own widths, centred with even gaps; smaller
	// when they would not fit.
	if n := len(des.logos); n > 0 {
		gap := 12.0
		cw := des.w - 2*des.margin - 20
		total := 0.0
		for _, l := range des.logos {
			total += l.aspect()
		}
		lh := min(des.logoH, (cw-gap*float64(n-1))/total)
		x := (des.w - (total*lh + gap*float64(n-1))) / 2
		logos := slices.Clone(des.logos)
		if rtl {
			slices.Reverse(logos)
		}
		for _, l := range logos {
			lw := lh * l.aspect()
			p.ImageOptions(l.name, x, des.logoY+(des.logoH-lh)/2, lw, lh, false, gofpdf.ImageOptions{ImageType: l.kind}, 0, "")
			x += lw + gap
		}
	}
	// Signatures above their lines.
	for i, s := range des.signersInOrder(rtl) {
		cx, colW := des.signerColumn(i)
		lineW := min(colW-8, 62)
		p.SetDrawColor(certMuted.r, certMuted.g, certMuted.b)
		p.SetLineWidth(0.25)
		p.Line(cx-lineW/2, des.sigLine, cx+lineW/2, des.sigLine)
		if s.img != nil {
			ih := des.sigImageMaxH()
			iw := ih * s.img.aspect()
			if iw > lineW {
				iw, ih = lineW, lineW/s.img.aspect()
			}
			p.ImageOptions(s.img.name, cx-iw/2, des.sigLine-1.5-ih, iw, ih, false, gofpdf.ImageOptions{ImageType: s.img.kind}, 0, "")
		}
	}
}

// signersInOrder returns the signatories left to right: reversed on a
// right-to-left certificate, where the first signs on the right.
func (des *certDesign) signersInOrder(rtl bool) []certSigner {
	s := slices.Clone(des.signers)
	if rtl {
		slices.Reverse(s)
	}
	return s
}

// signerColumn returns the centre and width of the column of the i-th
// signatory from the left.
func (des *certDesign) signerColumn(i int) (cx, colW float64) {
	n := float64(len(des.signers))
	colW = des.sigW / n
	if n == 1 {
		colW = min(des.sigW, 90)
		return des.sigX0 + des.sigW/2, colW
	}
	if n == 2 && des.sigW > 160 {
		// two signatories stand closer than the width allows
		colW = des.sigW / 2.4
		return des.sigX0 + des.sigW/2 + (float64(i)-0.5)*colW*1.3, colW
	}
	return des.sigX0 + colW*(float64(i)+0.5), colW
}

// drawBorder draws the frame: double (a thin outer line and a thicker inner
// one, with small ornaments in the corners), single, or none.
func (des *certDesign) drawBorder(p *gofpdf.Fpdf) {
	a := des.accent
	p.SetDrawColor(a.r, a.g, a.b)
	p.SetFillColor(a.r, a.g, a.b)
	w, h := des.w, des.h
	switch des.border {
	case store.BorderNone:
		return
	case store.BorderSingle:
		p.SetLineWidth(0.8)
		p.Rect(10, 10, w-20, h-20, "D")
		return
	}
	const outer, inner, orn = 7.5, 10, 13.2
	p.SetLineWidth(0.3)
	p.Rect(outer, outer, w-2*outer, h-2*outer, "D")
	p.SetLineWidth(1.1)
	p.Rect(inner, inner, w-2*inner, h-2*inner, "D")
	// Corners: a thin bracket inside the frame and a small diamond at its
	// corner.
	p.SetLineWidth(0.3)
	const arm, d = 22.0, 1.6
	for _, c := range [][2]float64{{orn, orn}, {w - orn, orn}, {orn, h - orn}, {w - orn, h - orn}} {
		sx, sy := 1.0, 1.0
		if c[0] > w/2 {
			sx = -1
		}
		if c[1] > h/2 {
			sy = -1
		}
		p.Line(c[0]+sx*(d+1), c[1], c[0]+sx*arm, c[1])
		p.Line(c[0], c[1]+sy*(d+1), c[0], c[1]+sy*arm)
		diamond(p, c[0], c[1], d, "F")
	}
}

// diamond draws a square standing on a corner, centred on (x, y), r from
// the centre to each corner.
func diamond(p *gofpdf.Fpdf, x, y, r float64, style string) {
	p.Polygon([]gofpdf.PointType{{X: x, Y: y - r}, {X: x + r, Y: y}, {X: x, Y: y + r}, {X: x - r, Y: y}}, style)
}

// certificate draws certificate in, with sym the symbol of its QR text
// (nil: none), on a new page.
func (cd *certDoc) certificate(in *CertificateInput, sym *qrSymbol) error {
	des := cd.des
	pl, err := des.plan(in)
	if err != nil {
		return err
	}
	cd.AddPage()
	cd.pdf.UseTemplate(cd.background(pl.rtl))
	rtl := pl.rtl // the wording's lines are right to left paragraphs
	s := des.scale
	cw := des.w - 2*des.margin
	cx := des.w / 2

	// The middle: title, ornament, the line above the name, the names and
	// the body, measured first and centred between the logos and the
	// signatories: on a tall page the gaps grow, and text too tall for the
	// space shrinks.
	md, off := cd.fitMiddle(&pl)
	nameW, bodyW := md.nameW, md.bodyW

	a := des.accent
	cd.SetTextColor(a.r, a.g, a.b)
	cd.fit(cx-(cw-10)/2, off+md.titleBase, cw-10, pl.title, md.titleSize, md.titleSize, "B", AlignCentre, rtl)
	// ornament: two rules with a diamond between them
	cd.SetDrawColor(a.r, a.g, a.b)
	cd.SetFillColor(a.r, a.g, a.b)
	cd.SetLineWidth(0.35)
	cd.Line(cx-30, off+md.ornY, cx-4, off+md.ornY)
	cd.Line(cx+4, off+md.ornY, cx+30, off+md.ornY)
	diamond(cd.pdf, cx, off+md.ornY, 1.5, "F")

	cd.SetTextColor(certMuted.r, certMuted.g, certMuted.b)
	cd.fit(cx-cw/2, off+md.presentedBase, cw, pl.presented, md.presentedSize, 9, "", AlignCentre, rtl)

	cd.SetTextColor(certInk.r, certInk.g, certInk.b)
	if pl.top != "" {
		cd.TextFit(cx-nameW/2, off+md.topBase, nameW, pl.top, md.topSize, md.topSize, "B", AlignCentre)
	}
	cd.TextFit(cx-nameW/2, off+md.nameBase, nameW, pl.name, md.nameSize, md.nameSize, "B", AlignCentre)
	// a hairline under the name
	ruleW := min(nameW, max(110, cd.Width(pl.name, md.nameSize, "B")+24))
	cd.SetDrawColor(0xC8, 0xCC, 0xD2)
	cd.SetLineWidth(0.25)
	cd.Line(cx-ruleW/2, off+md.ruleY, cx+ruleW/2, off+md.ruleY)

	cd.SetTextColor(certBody.r, certBody.g, certBody.b)
	for i, l := range md.bodyLines {
		cd.fit(cx-bodyW/2, off+md.bodyBase+float64(i)*md.lead, bodyW, l, md.bodySize, md.bodySize*0.8, "", AlignCentre, rtl)
	}

	// Signatories: name and title under each line.
	for i, sg := range des.signersInOrder(pl.rtl) {
		sx, colW := des.signerColumn(i)
		tw := colW - 4
		cd.SetTextColor(certInk.r, certInk.g, certInk.b)
		cd.TextFit(sx-tw/2, des.sigLine+4.6, tw, sg.name, 10.5*s, 7.5, "B", AlignCentre)
		if sg.title != "" {
			cd.SetTextColor(certMuted.r, certMuted.g, certMuted.b)
			lines, sz := cd.certWrap(sg.title, tw, 8.5*s, 7, 2, 2)
			for j, l := range lines {
				cd.TextFit(sx-tw/2, des.sigLine+8.6+float64(j)*sz*ptMM*1.25, tw, l, sz, 6.5, "", AlignCentre)
			}
		}
	}

	// Small print: the number in one bottom corner, the QR code and the
	// short code in the other.
	left, right := des.margin, des.w-des.margin-des.sideW
	numX, qrX := left, right
	if pl.rtl {
		numX, qrX = right, left
	}
	codeBase := des.footBase - 4.2
	if pl.number != "" {
		cd.SetTextColor(certMuted.r, certMuted.g, certMuted.b)
		cd.fit(numX, codeBase-4.3, des.sideW, word(pl.lang, wNumber), 7, 6, "", AlignCentre, rtl)
		cd.SetTextColor(certInk.r, certInk.g, certInk.b)
		cd.TextFit(numX, codeBase, des.sideW, pl.number, 9.5, 7, "B", AlignCentre)
	}
	if sym != nil {
		cd.certQR(qrX+(des.sideW-des.qrSize)/2, des.qrTop, des.qrSize, sym)
	}
	if pl.code != "" {
		cd.SetTextColor(certInk.r, certInk.g, certInk.b)
		cd.TextFit(qrX, codeBase, des.sideW, pl.code, 9, 7, "B", AlignCentre)
		cd.SetTextColor(certMuted.r, certMuted.g, certMuted.b)
		cd.fit(qrX-4, des.footBase, des.sideW+8, word(pl.lang, wVerify), 6.8, 5.5, "", AlignCentre, rtl)
	}
	if des.job.Preview {
		cd.previewMark(cx, numX)
	}
	cd.SetTextColor(0, 0, 0)
	return cd.Err()
}

// previewMark writes PreviewMark in red along the top edge, faintly and
// slanted across the middle of the page, and "PREVIEW" in the number's
// corner.
func (cd *certDoc) previewMark(cx, numX float64) {
	des := cd.des
	cd.SetTextColor(0xC6, 0x28, 0x28)
	cd.TextFit(numX, des.footBase-4.2, des.sideW, "PREVIEW", 9.5, 7, "B", AlignCentre)
	cd.TextFit(cx-des.w*0.3, des.margin+4, des.w*0.6, PreviewMark, 11, 8, "B", AlignCentre)
	p := cd.pdf
	p.SetAlpha(0.35, "Normal")
	p.TransformBegin()
	p.TransformRotate(18, cx, des.h/2)
	cd.TextFit(cx-des.w*0.4, des.h/2+6, des.w*0.8, PreviewMark, 44*des.scale, 20, "B", AlignCentre)
	p.TransformEnd()
	p.SetAlpha(1, "Normal")
}

// middleLayout places the middle of a certificate, in millimetres from
// the top of the group; sizes in points.
type middleLayout struct {
	titleSize, presentedSize, topSize, nameSize, bodySize float64
	nameW, bodyW, lead                                    float64
	bodyLines                                             []string
	titleBase, ornY, presentedBase, topBase, nameBase     float64
	ruleY, bodyBase, height                               float64
}

// fitMiddle lays out the middle of certificate pl in the space between the
// logos and the signatories, and returns it with the y of its top: on a
// tall page the gaps grow, and text too tall for the space shrinks; the
// group is centred a little above the middle (the optical centre).
func (cd *certDoc) fitMiddle(pl *certPlan) (middleLayout, float64) {
	des := cd.des
	space := des.middleBot - des.middleTop
	md := cd.middle(pl, des.scale, 0)
	shrunk := false
	for k := 0.95; md.height > space && k >= 0.4; k -= 0.05 {
		md, shrunk = cd.middle(pl, des.scale*k, 0), true
	}
	if excess := space - md.height; excess > 0 && !shrunk {
		md = cd.middle(pl, des.scale, min(excess*0.35/4, 10))
	}
	return md, des.middleTop + max(0, (space-md.height)*0.46)
}

// middle measures the middle of certificate pl with type scaled by s and
// extra millimetres added to each of the four gaps between its parts.
func (cd *certDoc) middle(pl *certPlan, s, extra float64) middleLayout {
	des := cd.des
	cw := des.w - 2*des.margin
	var m middleLayout
	m.titleSize = cd.FitSize(pl.title, cw-10, 36*s, 14, "B")
	m.presentedSize = 13 * s
	m.nameW = min(cw-16, 235)
	m.nameSize = cd.FitSize(pl.name, m.nameW, 46*s, 14, "B")
	if pl.top != "" {
		m.topSize = min(m.nameSize, cd.FitSize(pl.top, m.nameW, 46*s*0.85, 12, "B"))
	}
	m.bodyW = min(cw-44, 205)
	if des.portrait {
		m.bodyW = cw - 16
	}
	m.bodyLines, m.bodySize = cd.certWrap(pl.body, m.bodyW, 13.5*s, min(10.5, 13.5*s), 4, 6)
	m.lead = m.bodySize * ptMM * 1.55

	mm := func(pt float64) float64 { return pt * ptMM }
	y := mm(m.titleSize) * 0.73
	m.titleBase = y
	y += 7.5*s + extra*0.6
	m.ornY = y
	y += 5*s + mm(m.presentedSize)*0.75 + 5.5*s + extra
	m.presentedBase = y
	y += 6.5*s + extra*0.6
	if pl.top != "" {
		y += mm(m.topSize) * 0.8
		m.topBase = y
		y += mm(m.topSize)*0.32 + 3.5*s
	}
	y += mm(m.nameSize) * 0.76
	m.nameBase = y
	y += mm(m.nameSize)*0.28 + 5*s + extra*0.4
	m.ruleY = y
	y += 6*s + mm(m.bodySize)*0.75 + extra*0.6
	m.bodyBase = y
	y += m.lead*float64(len(m.bodyLines)-1) + mm(m.bodySize)*0.25
	m.height = y
	return m
}

// line returns the layout of s; with rtl, as a right-to-left paragraph
// whatever its first letter.
func (cd *certDoc) line(s, style string, rtl bool) *line {
	if !rtl {
		return cd.layout(s, style)
	}
	k := layoutKey{s, normStyle(style)}
	l, ok := cd.rtl[k]
	if !ok {
		l = layoutLineDir(s, k.style, RightToLeft)
		l.bold = k.style == "B"
		cd.rtl[k] = l
	}
	return l
}

// fit is TextFit with the line's direction given: right to left for the
// wording of an Arabic certificate.
func (cd *certDoc) fit(x, y, w float64, s string, maxSize, minSize float64, style string, align Align, rtl bool) float64 {
	if !rtl {
		return cd.TextFit(x, y, w, s, maxSize, minSize, style, align)
	}
	return cd.fitLine(cd.line(s, style, true), x, y, w, maxSize, minSize, align)
}

// certQR draws the QR code of text at error correction level M as filled
// rectangles in one path, in module units under a transformation: a few
// kilobytes per code where one path per module would take tens.
func (cd *certDoc) certQR(x, y, size float64, sym *qrSymbol) {
	n := sym.size
	dark := func(c, r int) bool { return sym.dark[r*n+c] }
	// Horizontal runs of dark modules, merged with the same run in the rows
	// below: open[c] is the rectangle whose run in the row above starts at
	// column c (-1: none).
	type rect struct{ c, e, r, h int }
	rects := make([]rect, 0, n*n/4)
	open, next := make([]int, n), make([]int, n)
	for i := range open {
		open[i] = -1
	}
	for r := range n {
		for i := range next {
			next[i] = -1
		}
		for c := 0; c < n; {
			if !dark(c, r) {
				c++
				continue
			}
			e := c
			for e < n && dark(e, r) {
				e++
			}
			if o := open[c]; o >= 0 && rects[o].e == e {
				rects[o].h++
				next[c] = o
			} else {
				rects = append(rects, rect{c, e, r, 1})
				next[c] = len(rects) - 1
			}
			c = e
		}
		open, next = next, open
	}
	const k = 72 / 25.4 // points per millimetre
	m := size / float64(n) * k
	buf := make([]byte, 0, 16*len(rects)+64)
	buf = fmt.Appendf(buf, "q 0 g %.5f 0 0 %.5f %.3f %.3f cm\n", m, -m, x*k, (cd.des.h-y)*k)
	for _, r := range rects {
		buf = strconv.AppendInt(buf, int64(r.c), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(r.r), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(r.e-r.c), 10)
		buf = append(buf, ' ')
		buf = strconv.AppendInt(buf, int64(r.h), 10)
		buf = append(buf, " re\n"...)
	}
	buf = append(buf, "f Q"...)
	cd.pdf.RawWriteStr(string(buf))
}

// qrCodes encodes the QR texts of certs ahead of the pages, on the other
// processors while the pages are drawn: get(i) waits for the i-th. stop
// ends the work early.
func qrCodes(certs []CertificateInput) (get func(i int) (*qrSymbol, error), stop func()) {
	type result struct {
		sym *qrSymbol
		err error
	}
	slots := make([]chan result, len(certs))
	for i := range slots {
		slots[i] = make(chan result, 1)
	}
	var next atomic.Int64
	done := make(chan struct{})
	workers := max(1, min(runtime.GOMAXPROCS(0), 4))
	// At most ahead symbols wait for their page: the heap stays the same
	// whatever the number of certificates.
	ahead := make(chan struct{}, 4*workers)
	for range workers {
		go func() {
			for {
				select {
				case ahead <- struct{}{}:
				case <-done:
					return
				}
				i := int(next.Add(1) - 1)
				if i >= len(certs) {
					return
				}
				select {
				case <-done:
					return
				default:
				}
				var r result
				if text := strings.TrimSpace(certs[i].QR); text != "" {
					r.sym, r.err = qrEncode(text)
				}
				slots[i] <- r
			}
		}()
	}
	get = func(i int) (*qrSymbol, error) {
		r := <-slots[i]
		<-ahead
		return r.sym, r.err
	}
	return get, sync.OnceFunc(func() { close(done) })
}

// certWrap breaks s into lines no wider than width at the largest size
// from size down to minSize (in half points) that needs at most fewLines
// lines; at minSize it allows up to maxLines, and cuts the last with "…"
// beyond. Lines break at spaces (not at no-break spaces) and between
// Chinese or Japanese characters, never before closing punctuation nor
// after opening.
func (d *Doc) certWrap(s string, width, size, minSize float64, fewLines, maxLines int) ([]string, float64) {
	segs := breakSegments(s)
	if len(segs) == 0 {
		return nil, size
	}
	widths := make([]float64, len(segs)) // at 1 pt
	for i, sg := range segs {
		widths[i] = d.measure(sg.text)
	}
	space := d.measure(" ")
	fill := func(sz, width float64) []string {
		var lines []string
		var cur strings.Builder
		curW := 0.0
		for i, sg := range segs {
			w := widths[i] * sz
			sep := 0.0
			if cur.Len() > 0 && sg.space {
				sep = space * sz
			}
			if cur.Len() > 0 && curW+sep+w > width {
				lines = append(lines, cur.String())
				cur.Reset()
				curW, sep = 0, 0
			}
			if sep > 0 {
				cur.WriteByte(' ')
			}
			cur.WriteString(sg.text)
			curW += sep + w
		}
		if cur.Len() > 0 {
			lines = append(lines, cur.String())
		}
		return lines
	}
	// balance evens out the lines of a centred paragraph: the narrowest
	// measure that still needs no more lines than width does.
	balance := func(lines []string, sz float64) []string {
		if len(lines) < 2 {
			return lines
		}
		lo, hi := width/2, width
		for range 12 {
			mid := (lo + hi) / 2
			if len(fill(sz, mid)) <= len(lines) {
				hi = mid
			} else {
				lo = mid
			}
		}
		return fill(sz, hi)
	}
	for sz := size; sz >= minSize-1e-9; sz -= 0.5 {
		if lines := fill(sz, width); len(lines) <= fewLines {
			return balance(lines, sz), sz
		}
	}
	lines := fill(minSize, width)
	if len(lines) > maxLines {
		last := []rune(strings.Join(lines[maxLines-1:], " "))
		for len(last) > 1 && d.measure(string(last)+"…")*minSize > width {
			last = last[:len(last)-1]
		}
		lines = append(lines[:maxLines-1], strings.TrimRight(string(last), " ")+"…")
	}
	return lines, minSize
}

// measure returns the width of s at 1 pt in the regular style, keeping
// the width but not the layout: the words of the bodies repeat from page to
// page, their lines do not.
func (d *Doc) measure(s string) float64 {
	if w, ok := d.measured[s]; ok {
		return w
	}
	w := float64(layoutLine(s, "").units) / 1000 * ptMM
	if d.measured == nil {
		d.measured = map[string]float64{}
	}
	if len(d.measured) < 1<<16 { // the words of a run repeat; names do not
		d.measured[s] = w
	}
	return w
}

// segment is a piece of text that cannot be broken, and whether a space
// stood before it.
type segment struct {
	text  string
	space bool
}

// noBreakBefore and noBreakAfter are the punctuation that a line may not
// begin or end with in Chinese and Japanese text.
const (
	noBreakBefore = "，。、；：？！）》」』”’〉】,.;:?!)]}%"
	noBreakAfter  = "（《「『“‘〈【([{"
)

// breakSegments splits s at the places a line may break.
func breakSegments(s string) []segment {
	var out []segment
	for i, word := range strings.Split(s, " ") {
		if word == "" {
			continue
		}
		rs := []rune(word)
		start := 0
		for j := 1; j < len(rs); j++ {
			if (wide(rs[j-1]) || wide(rs[j])) &&
				!strings.ContainsRune(noBreakBefore, rs[j]) && !strings.ContainsRune(noBreakAfter, rs[j-1]) {
				out = append(out, segment{text: string(rs[start:j]), space: start == 0 && i > 0})
				start = j
			}
		}
		out = append(out, segment{text: string(rs[start:]), space: start == 0 && i > 0})
	}
	if len(out) > 0 {
		out[0].space = false
	}
	return out
}

// wide reports whether r is a Chinese or Japanese character, between any
// two of which a line may break.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFF60)
}
