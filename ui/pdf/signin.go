package pdf

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// SignInOrder returns the participants expected at session, in the order
// of its sign-in sheet: everyone registered by the session's start (a late
// joiner's JoinedAt at or before the start, in the workshop's time zone),
// sorted by family name, then given names, ignoring case and accents
// (store.Fold). Row n of the sheet is element n-1, so the tick-back
// screen can show the same numbers.
func SignInOrder(d *store.WorkshopData, session store.Session) []store.Participant {
	start := session.StartsAt(d.Workshop.Location())
	// The sort keys are folded once, not at every comparison: the sheet
	// order is also the tick-back screen's, recomputed on every change.
	type row struct {
		p                     store.Participant
		foldFamily, foldGiven string
		family, given         string
	}
	var rows []row
	for _, p := range d.Participants {
		if p.Deleted() || (!p.JoinedAt.IsZero() && p.JoinedAt.After(start)) {
			continue
		}
		family, given := p.FamilyNames, p.GivenNames
		if family == "" {
			family, given = given, ""
		}
		rows = append(rows, row{p, store.Fold(family), store.Fold(given), family, given})
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		return cmp.Or(
			strings.Compare(a.foldFamily, b.foldFamily),
			strings.Compare(a.foldGiven, b.foldGiven),
			strings.Compare(a.family, b.family),
			strings.Compare(a.given, b.given),
			strings.Compare(a.p.BadgeCode, b.p.BadgeCode),
		)
	})
	out := make([]store.Participant, len(rows))
	for i, r := range rows {
		out[i] = r.p
	}
	return out
}

// The sign-in sheet: A4 portrait, 15 mm margins.
const (
	siMargin    = 15.0
	siPageW     = 210.0
	siPageH     = 297.0
	siTableTop  = 58.0
	siHeadH     = 7.0
	siRowH      = 9.0
	siRowsPage  = 24 // rows end at 281 mm
	siFooterY   = 288.0
	siTextWidth = siPageW - 2*siMargin
)

// siColumn is one column of the sign-in table: its heading and width.
type siColumn struct {
	title func(signInWords) string
	w     float64
}

var siColumns = []siColumn{
	{func(w signInWords) string { return w.number }, 10},
	{func(w signInWords) string { return w.code }, 16},
	{func(w signInWords) string { return w.name }, 70},
	{func(w signInWords) string { return w.organisation }, 47},
	{func(w signInWords) string { return w.signature }, 37},
}

// SignInSheet writes the sign-in sheet of session as a PDF to w: a header
// with the workshop and session title, date, time, room and venue; then a
// numbered row per participant in SignInOrder with badge code, name (the
// name in the person's script beside the Latin one), organisation and an
// empty signature box; "Page x of y" in the footer and the table header
// on every page. It is in the workshop's working language, or the one an
// option gives (Language).
func SignInSheet(d *store.WorkshopData, session store.Session, w io.Writer, opts ...Option) error {
	doc, err := signInDoc(d, session, opts...)
	if err != nil {
		return err
	}
	_, err = doc.WriteTo(w)
	return err
}

func signInDoc(d *store.WorkshopData, session store.Session, opts ...Option) (*Doc, error) {
	lang := printLanguage(&d.Workshop, opts)
	sw := signInWording[lang]
	opts = append([]Option{Title(sw.docTitle + " – " + session.Title)}, opts...)
	doc, err := NewDoc(A4, Portrait, opts...)
	if err != nil {
		return nil, err
	}
	people := SignInOrder(d, session)
	// The page count is known before drawing (fixed rows per page), so the
	// footer writes it directly; see the package doc on AliasNbPages.
	pages := max(1, (len(people)+siRowsPage-1)/siRowsPage)
	for page := 1; page <= pages; page++ {
		doc.AddPage()
		doc.signInHeader(d, session, lang)
		y := doc.signInTableHead(sw)
		from := (page - 1) * siRowsPage
		for i := from; i < min(from+siRowsPage, len(people)); i++ {
			doc.signInRow(i+1, people[i], y)
			y += siRowH
		}
		if len(people) == 0 {
			doc.SetTextColor(muted.r, muted.g, muted.b)
			doc.TextFit(siMargin+2, y+6, siTextWidth-4, sw.noParticipants, 9.5, 7, "", AlignLeft)
		}
		doc.signInFooter(session, lang, page, pages)
	}
	return doc, doc.Err()
}

func (doc *Doc) signInHeader(d *store.WorkshopData, se store.Session, lang string) {
	sw := signInWording[lang]
	x := siMargin
	doc.SetTextColor(muted.r, muted.g, muted.b)
	doc.TextFit(x, 19, 38, sw.kicker, 8, 6, "B", AlignLeft)
	if d.Workshop.Series != "" {
		doc.TextFit(x+40, 19, siTextWidth-40, d.Workshop.Series, 8, 6.5, "", AlignRight)
	}
	doc.SetTextColor(ink.r, ink.g, ink.b)
	doc.TextFit(x, 27.5, siTextWidth, d.Workshop.Title, 16, 11, "B", AlignLeft)
	doc.TextFit(x, 35, siTextWidth, se.Title, 12.5, 9, "B", AlignLeft)

	fields := []struct {
		label, value string
		w            float64
	}{
		{sw.date, store.WeekdayDate(lang, se.Date), 52},
		{sw.time, se.Start.String() + "–" + se.End.String(), 28},
		{sw.room, se.Room, 45},
		{sw.venue, venueText(lang, &d.Workshop), siTextWidth - 52 - 28 - 45},
	}
	doc.SetDrawColor(faint.r, faint.g, faint.b)
	doc.SetLineWidth(0.2)
	doc.Line(x, 39.5, x+siTextWidth, 39.5)
	fx := x
	for _, f := range fields {
		doc.SetTextColor(muted.r, muted.g, muted.b)
		doc.TextFit(fx, 44.5, f.w-3, f.label, 6.5, 5.5, "B", AlignLeft)
		doc.SetTextColor(ink.r, ink.g, ink.b)
		v := f.value
		if v == "" {
			v = "—"
		}
		doc.TextFit(fx, 49.5, f.w-3, v, 10, 7.5, "", AlignLeft)
		fx += f.w
	}
}

// signInTableHead draws the header row and returns the top of the first
// row.
func (doc *Doc) signInTableHead(sw signInWords) float64 {
	y := siTableTop
	doc.SetFillColor(0x2B, 0x3A, 0x4A)
	doc.Rect(siMargin, y, siTextWidth, siHeadH, "F")
	doc.SetTextColor(255, 255, 255)
	x := siMargin
	for _, c := range siColumns {
		doc.TextFit(x+2, y+4.7, c.w-3, c.title(sw), 8, 6, "B", AlignLeft)
		x += c.w
	}
	return y + siHeadH
}

func (doc *Doc) signInRow(n int, p store.Participant, y float64) {
	if n%2 == 0 {
		doc.SetFillColor(0xF3, 0xF5, 0xF7)
		doc.Rect(siMargin, y, siTextWidth, siRowH, "F")
	}
	doc.SetDrawColor(faint.r, faint.g, faint.b)
	doc.SetLineWidth(0.15)
	doc.Line(siMargin, y+siRowH, siMargin+siTextWidth, y+siRowH)
	base := y + siRowH/2 + 1.3
	x := siMargin
	col := func(i int) (float64, float64) {
		cx := siMargin
		for _, c := range siColumns[:i] {
			cx += c.w
		}
		return cx, siColumns[i].w
	}
	doc.SetTextColor(muted.r, muted.g, muted.b)
	doc.TextRight(x+siColumns[0].w-3, base, fmt.Sprint(n), 9, "")
	cx, cw := col(1)
	doc.SetTextColor(ink.r, ink.g, ink.b)
	doc.TextFit(cx+2, base, cw-3, p.BadgeCode, 9, 7, "", AlignLeft)

	// Name: "Family, Given" in Latin, family name in bold, and the name in
	// the person's script beside it in grey; all shrunk together to fit.
	cx, cw = col(2)
	family, given := p.FamilyNames, p.GivenNames
	if family == "" {
		family, given = given, ""
	}
	spans := []span{{text: family, style: "B", color: ink}}
	if given != "" {
		spans = append(spans, span{text: ", " + given, color: ink})
	}
	if native := strings.TrimSpace(p.NativeName); native != "" && native != p.FullName() {
		spans = append(spans, span{text: native, color: muted, lead: 0.9})
	}
	doc.spans(cx+2, base, cw-4, spans, 9.5, 7)

	cx, cw = col(3)
	doc.SetTextColor(ink.r, ink.g, ink.b)
	if org := strings.TrimSpace(p.Organisation); org != "" {
		lines, sz := doc.wrapFit(org, cw-3, 8, 6.5, "", 2)
		if len(lines) == 1 {
			doc.TextFit(cx+2, base, cw-3, lines[0], sz, 6.5, "", AlignLeft)
		} else {
			doc.TextFit(cx+2, y+siRowH/2-0.4, cw-3, lines[0], sz, 6.5, "", AlignLeft)
			doc.TextFit(cx+2, y+siRowH/2-0.4+sz*ptMM*1.15, cw-3, lines[1], sz, 6.5, "", AlignLeft)
		}
	}
	// Signature: a light box to sign in.
	cx, cw = col(4)
	doc.SetDrawColor(faint.r, faint.g, faint.b)
	doc.SetLineWidth(0.15)
	doc.Line(cx+2, y+siRowH-2, cx+cw-2, y+siRowH-2)
}

func (doc *Doc) signInFooter(se store.Session, lang string, page, pages int) {
	doc.SetDrawColor(faint.r, faint.g, faint.b)
	doc.SetLineWidth(0.2)
	doc.Line(siMargin, siFooterY-4, siMargin+siTextWidth, siFooterY-4)
	doc.SetTextColor(muted.r, muted.g, muted.b)
	left := se.Title + " · " + store.LongDate(lang, se.Date)
	doc.TextFit(siMargin, siFooterY, siTextWidth-40, left, 7.5, 6, "", AlignLeft)
	doc.TextRight(siMargin+siTextWidth, siFooterY, fmt.Sprintf(signInWording[lang].page, page, pages), 8, "")
	doc.SetTextColor(0, 0, 0)
}

// span is a piece of a line in its own style and colour, lead ems after
// the piece before it. Each span is laid out on its own, so a right-to-left
// name beside a Latin one keeps its own direction.
type span struct {
	text  string
	style string
	color rgb
	lead  float64
}

// spans draws pieces of text one after the other from x on baseline y, at
// the largest size from maxSize down to minSize at which together they fit
// in width; condensed to width if they fit at no size.
func (doc *Doc) spans(x, y, width float64, sp []span, maxSize, minSize float64) {
	total := 0.0 // width at 1 pt
	for _, s := range sp {
		total += doc.Width(s.text, 1, s.style) + s.lead*ptMM
	}
	if total == 0 {
		return
	}
	size := max(minSize, min(maxSize, float64(int(width/total*10))/10))
	scale := 1.0
	if total*size > width {
		scale = width / (total * size)
		doc.pdf.TransformBegin()
		doc.pdf.TransformScaleX(100*scale, x, y)
	}
	for _, s := range sp {
		x += s.lead * size * ptMM
		doc.SetTextColor(s.color.r, s.color.g, s.color.b)
		doc.Text(x, y, s.text, size, s.style)
		x += doc.Width(s.text, size, s.style)
	}
	if scale != 1 {
		doc.pdf.TransformEnd()
	}
}
