package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
)

// A person's record: A4 portrait, 18 mm margins; sections flow down the
// page and onto the next.
const (
	prMargin = 18.0
	prWidth  = 210.0 - 2*prMargin
	prBottom = 276.0
	prLabelW = 52.0
)

// personDoc is a person's record being drawn: the document, the cursor
// and the wording.
type personDoc struct {
	*Doc
	y    float64
	lang string
	pw   personWords
	loc  *time.Location
}

// PersonRecordPDF writes a person's record (store.PersonRecordOf) as a
// readable PDF: registration, consent, attendance at each session with
// every change, certificates, decisions taken on the certificate, test
// scores, and a word on the anonymous evaluation. The texts are in the
// language of opts (Language): English, French or Spanish; English for
// any other.
func PersonRecordPDF(r store.PersonRecord, w io.Writer, opts ...Option) error {
	var probe Doc
	for _, opt := range opts {
		opt(&probe)
	}
	lang := store.PrintLanguage(probe.lang)
	pw, ok := personWording[lang]
	if !ok {
		lang, pw = "en", personWording["en"]
	}
	opts = append([]Option{Title(pw.docTitle + " – " + r.Participant.FullName())}, opts...)
	doc, err := NewDoc(A4, Portrait, opts...)
	if err != nil {
		return err
	}
	loc, err := time.LoadLocation(r.Workshop.TimeZone)
	if err != nil || r.Workshop.TimeZone == "" {
		loc = time.UTC
	}
	d := &personDoc{Doc: doc, lang: lang, pw: pw, loc: loc}
	d.newPage()
	d.header(r)
	d.registration(r)
	d.consent(r.Participant)
	d.attendance(r)
	d.certificates(r)
	d.tests(r)
	d.section(pw.evaluation)
	d.paragraph(personEvaluation[lang], 10, "")
	d.footers(r.ExportedAt)
	if err := doc.Err(); err != nil {
		return err
	}
	_, err = doc.WriteTo(w)
	return err
}

func (d *personDoc) newPage() {
	d.AddPage()
	d.y = 20
}

// need starts a new page unless h millimetres are left.
func (d *personDoc) need(h float64) {
	if d.y+h > prBottom {
		d.newPage()
	}
}

func (d *personDoc) header(r store.PersonRecord) {
	d.SetTextColor(muted.r, muted.g, muted.b)
	d.TextFit(prMargin, d.y, prWidth, d.pw.kicker, 8, 6, "B", AlignLeft)
	d.y += 9
	d.SetTextColor(0, 0, 0)
	d.TextFit(prMargin, d.y, prWidth, r.Participant.FullName(), 18, 11, "B", AlignLeft)
	d.y += 7
	d.SetTextColor(muted.r, muted.g, muted.b)
	ws := r.Workshop
	d.TextFit(prMargin, d.y, prWidth, fmt.Sprintf("%s · %s · %s – %s", ws.Title, ws.City, ws.StartDate, ws.EndDate), 10, 7, "", AlignLeft)
	d.y += 7
	d.paragraph(d.pw.intro, 9, "")
	if p := r.Participant; !p.PurgedAt.IsZero() {
		d.paragraph(fmt.Sprintf(d.pw.purged, p.PurgedAt.In(d.loc).Format("2006-01-02")), 9, "B")
	}
}

// section starts a section with its heading and a rule.
func (d *personDoc) section(title string) {
	d.need(20)
	d.y += 5
	d.SetTextColor(0, 0, 0)
	d.TextFit(prMargin, d.y, prWidth, title, 12, 9, "B", AlignLeft)
	d.y += 2
	d.SetDrawColor(muted.r, muted.g, muted.b)
	d.SetLineWidth(0.2)
	d.Line(prMargin, d.y, prMargin+prWidth, d.y)
	d.y += 5
}

// paragraph writes s wrapped to the page's width.
func (d *personDoc) paragraph(s string, size float64, style string) {
	d.SetTextColor(0, 0, 0)
	for _, line := range d.wrap(s, prWidth, size, style) {
		d.need(5)
		d.Text(prMargin, d.y, line, size, style)
		d.y += size * 0.45
	}
	d.y += 1.5
}

// field writes one label and its value; an empty value is left out.
func (d *personDoc) field(label, value string) {
	if strings.TrimSpace(value) == "" {
		return
	}
	lines := d.wrap(strings.Join(strings.Fields(value), " "), prWidth-prLabelW, 10, "")
	d.need(5 * float64(len(lines)))
	d.SetTextColor(muted.r, muted.g, muted.b)
	d.TextFit(prMargin, d.y, prLabelW-2, label, 9, 6.5, "", AlignLeft)
	d.SetTextColor(0, 0, 0)
	for _, l := range lines {
		d.Text(prMargin+prLabelW, d.y, l, 10, "")
		d.y += 4.8
	}
	d.y += 0.6
}

// word writes an enumerated value in the record's language, as the
// reports name it.
func (d *personDoc) word(v string) string {
	label := store.Label(v)
	if label == "" {
		return ""
	}
	r, n := utf8.DecodeRuneInString(label)
	return report.Word(d.lang, string(unicode.ToUpper(r))+label[n:])
}

// status names an attendance status in the record's language.
func (d *personDoc) status(s store.Status) string {
	switch s {
	case store.Present:
		return d.pw.present
	case store.Late:
		return d.pw.late
	case store.Excused:
		return d.pw.excused
	case store.Absent:
		return d.pw.absent
	}
	return string(s)
}

func (d *personDoc) when(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(d.loc).Format("2006-01-02 15:04")
}

func (d *personDoc) registration(r store.PersonRecord) {
	p := r.Participant
	d.section(d.pw.registration)
	d.field(d.pw.honorific, p.Honorific)
	d.field(d.pw.name, p.FullName())
	d.field(d.pw.nativeName, p.NativeName)
	d.field(d.pw.organisation, p.Organisation)
	d.field(d.pw.orgType, d.word(string(p.OrgType)))
	d.field(d.pw.position, p.Position)
	if p.Country != "" {
		d.field(d.pw.country, CountryName(d.lang, p.Country))
	}
	d.field(d.pw.gender, d.word(string(p.Gender)))
	d.field(d.pw.email, p.Email)
	d.field(d.pw.phone, p.Phone)
	d.field(d.pw.role, d.word(string(p.Role)))
	d.field(d.pw.badge, p.BadgeCode)
	d.field(d.pw.joined, d.when(p.JoinedAt))
	d.field(d.pw.certLanguage, p.CertificateLanguage)
	d.field(d.pw.notes, p.Notes)
	d.field(d.pw.registered, d.when(p.CreatedAt))
	d.field(d.pw.updated, d.when(p.UpdatedAt))
	if p.DeletedAt != nil {
		d.field(d.pw.deleted, d.when(*p.DeletedAt))
	}
}

func (d *personDoc) consent(p store.Participant) {
	d.section(d.pw.consent)
	answer := func(c store.Consent) string {
		switch c {
		case store.ConsentYes:
			return d.pw.yes
		case store.ConsentNo:
			return d.pw.no
		}
		return d.pw.notAsked
	}
	d.field(d.pw.photos, answer(p.ConsentPhotos))
	d.field(d.pw.shareList, answer(p.ConsentShare))
	d.field(d.pw.followUp, answer(p.ConsentFollowUp))
}

func (d *personDoc) attendance(r store.PersonRecord) {
	d.section(d.pw.attendance)
	if len(r.Attendance) == 0 {
		d.paragraph(d.pw.noneRecorded, 10, "")
		return
	}
	for _, a := range r.Attendance {
		se := a.Session
		label := fmt.Sprintf("%s %s", se.Date, se.Start)
		status := d.pw.notMarked
		if a.Status != "" {
			status = d.status(a.Status)
		}
		var hist []string
		for _, v := range a.History {
			h := d.status(v.Status) + " " + d.when(v.RecordedAt)
			if v.Deleted() {
				h = "(" + h + ")"
			}
			if v.Note != "" {
				h += " – " + v.Note
			}
			hist = append(hist, h)
		}
		value := se.Title + ": " + status
		if len(hist) > 1 {
			value += " (" + d.pw.history + ": " + strings.Join(hist, " → ") + ")"
		} else if len(hist) == 1 {
			value += " (" + d.when(a.History[0].RecordedAt) + ")"
		}
		d.field(label, value)
	}
}

func (d *personDoc) certificates(r store.PersonRecord) {
	d.section(d.pw.certificates)
	if len(r.Certificates) == 0 {
		d.paragraph(d.pw.noneRecorded, 10, "")
	}
	for _, c := range r.Certificates {
		value := fmt.Sprintf("%s %s · %s %d", d.pw.issued, d.when(c.IssuedAt), d.pw.reprints, c.Reprints)
		if c.Kind != "" {
			value = d.word(string(c.Kind)) + " · " + value
		}
		if c.Provisional {
			value += " · " + d.pw.provisional
		}
		if c.Voided() {
			value += " · " + fmt.Sprintf(d.pw.voided, d.when(c.VoidedAt), c.VoidReason)
		}
		d.field(c.Number, value)
	}
	if len(r.Decisions) > 0 {
		d.y += 2
		d.paragraph(d.pw.decisions, 10, "B")
		for _, o := range r.Decisions {
			v := d.pw.refused
			if o.Granted {
				v = d.pw.granted
			}
			d.field(d.when(o.At), v+" · "+d.pw.reason+": "+o.Reason)
		}
	}
}

func (d *personDoc) tests(r store.PersonRecord) {
	d.section(d.pw.tests)
	if len(r.Tests) == 0 {
		d.paragraph(d.pw.noneRecorded, 10, "")
	}
	for _, t := range r.Tests {
		name := map[store.QuizKind]string{store.PreTest: d.pw.preTest, store.PostTest: d.pw.postTest, store.QuickCheck: d.pw.check}[t.Kind]
		if t.Title != "" {
			name += " – " + t.Title
		}
		d.field(name, fmt.Sprintf("%s %.1f %% (%.1f / %.0f) · %s %s · %s %d", d.pw.score, t.Score.Percent, t.Score.Points, t.Score.Max,
			d.pw.recorded, d.when(t.RecordedAt), d.pw.versions, t.Versions))
	}
}

// footers writes the export date and the page number on every page.
func (d *personDoc) footers(exported time.Time) {
	pages := d.pdf.PageCount()
	for n := 1; n <= pages; n++ {
		d.pdf.SetPage(n)
		d.SetTextColor(muted.r, muted.g, muted.b)
		d.Text(prMargin, 288, fmt.Sprintf(d.pw.exported, d.when(exported)), 8, "")
		d.TextRight(prMargin+prWidth, 288, fmt.Sprintf(d.pw.page, n, pages), 8, "")
	}
}
