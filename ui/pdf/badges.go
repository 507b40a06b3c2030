package pdf

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/jung-kurt/gofpdf"
	"github.com/workshopdesk/workshopdesk/store"
)

// BadgeLayout is how name badges are put on paper.
type BadgeLayout string

// The badge layouts.
const (
	// BadgeA4x8 puts eight 90 × 55 mm badges on an A4 sheet, two columns by
	// four rows, with cutting marks at their corners.
	BadgeA4x8 BadgeLayout = "a4-8"
	// BadgeA6 prints one badge per A6 page, for A6 badge holders.
	BadgeA6 BadgeLayout = "a6"
)

// BadgeLayouts lists the layouts in display order.
var BadgeLayouts = []BadgeLayout{BadgeA4x8, BadgeA6}

// rgb is a colour.
type rgb struct{ r, g, b int }

// roleColours gives each role its band colour, distinct hues that keep
// white text legible; the band also names the role, so the colour is never
// the only sign.
var roleColours = map[store.Role]rgb{
	store.RoleParticipant: {0x1F, 0x5F, 0xAA}, // blue
	store.RoleSpeaker:     {0xC0, 0x39, 0x2B}, // red
	store.RoleFacilitator: {0x1E, 0x84, 0x49}, // green
	store.RoleObserver:    {0x6C, 0x4A, 0x9E}, // purple
	store.RoleOrganiser:   {0xD9, 0x7A, 0x06}, // amber
}

// RoleColour returns the band colour of role as red, green, blue (0–255);
// an unknown role is grey.
func RoleColour(role store.Role) (r, g, b int) {
	c, ok := roleColours[role]
	if !ok {
		c = rgb{0x60, 0x60, 0x60}
	}
	return c.r, c.g, c.b
}

var (
	ink   = rgb{0x1A, 0x1A, 0x1A} // body text
	muted = rgb{0x5F, 0x63, 0x68} // secondary text
	faint = rgb{0xB8, 0xBC, 0xC2} // frames and rules
)

// badgeSpec places everything on one badge, in millimetres from its top
// left corner; font sizes in points.
type badgeSpec struct {
	w, h          float64
	margin        float64 // left and right
	bandH         float64
	roleSize      float64
	nameBase      float64 // baseline of the first name line
	nameLead      float64 // baseline to baseline of name lines, per point of size
	nameMax       float64
	nameMin       float64
	orgBase       float64 // baseline of the organisation's first line
	orgSize       float64
	orgMin        float64
	countryGap    float64 // from the organisation's last baseline
	countrySize   float64
	textW         float64 // width of organisation and country
	centred       bool    // organisation and country centred (else left)
	qrX, qrY, qrS float64
	codeBase      float64
	codeSize      float64
	titleBase     float64
	titleSize     float64
	titleW        float64
	rounded       float64 // corner radius of the band and frame (0: square)
}

// cardSpec is the 90 × 55 mm badge of the A4 sheet: names across the
// top, the QR code bottom right with the code under it, the organisation
// and country to its left.
var cardSpec = badgeSpec{
	w: 90, h: 55, margin: 5,
	bandH: 9, roleSize: 9.5,
	nameBase: 17.6, nameLead: 0.43, nameMax: 19, nameMin: 9,
	orgBase: 33.5, orgSize: 8.5, orgMin: 7, countryGap: 4.4, countrySize: 8,
	textW: 59, qrX: 69, qrY: 30.5, qrS: 16, codeBase: 51.3, codeSize: 8,
	titleBase: 51.3, titleSize: 6.5, titleW: 59,
}

// a6Spec is the badge on an A6 page (105 × 148 mm), drawn a6Inset inside
// the page edge, which every printer can print: everything centred, the QR
// code large.
var a6Spec = badgeSpec{
	w: 105 - 2*a6Inset, h: 148 - 2*a6Inset, margin: 8,
	bandH: 19, roleSize: 16,
	nameBase: 39, nameLead: 0.45, nameMax: 28, nameMin: 12,
	orgBase: 67, orgSize: 12, orgMin: 9.5, countryGap: 6, countrySize: 11,
	textW: 77, centred: true, qrX: 31.5, qrY: 86, qrS: 30, codeBase: 123.5, codeSize: 12,
	titleBase: 131, titleSize: 7.5, titleW: 77, rounded: 3,
}

// a6Inset is the margin around the badge on an A6 page.
const a6Inset = 6

// Badges writes the name badges of people, in the given order, as a PDF
// to w. Each badge shows the name large (the Latin name, and the name in
// the person's own script where it is given, each shrunk to fit), the
// organisation and country, a band coloured by role with the role's name,
// the badge code as text and as a QR code, and the workshop title. The
// role and country are in the workshop's working language, or the one an
// option gives (Language); the role by the person's gender where the
// language has one ("INTERVENANTE").
func Badges(d *store.WorkshopData, people []store.Participant, layout BadgeLayout, w io.Writer, opts ...Option) error {
	doc, err := badgesDoc(d, people, layout, opts...)
	if err != nil {
		return err
	}
	_, err = doc.WriteTo(w)
	return err
}

func badgesDoc(d *store.WorkshopData, people []store.Participant, layout BadgeLayout, opts ...Option) (*Doc, error) {
	var size PageSize
	switch layout {
	case BadgeA4x8:
		size = A4
	case BadgeA6:
		size = A6
	default:
		return nil, fmt.Errorf("badges: unknown layout %q", layout)
	}
	lang := printLanguage(&d.Workshop, opts)
	opts = append([]Option{Title(badgeWording[lang].docTitle + " – " + d.Workshop.Title)}, opts...)
	doc, err := NewDoc(size, Portrait, opts...)
	if err != nil {
		return nil, err
	}
	if layout == BadgeA6 {
		tpl := doc.pdf.CreateTemplate(func(t *gofpdf.Tpl) {
			badgeFrame(&t.Fpdf, a6Inset, a6Inset, a6Spec)
		})
		for _, p := range people {
			doc.AddPage()
			doc.pdf.UseTemplate(tpl)
			if err := doc.badge(&d.Workshop, p, lang, a6Inset, a6Inset, a6Spec); err != nil {
				return nil, err
			}
		}
	} else {
		tpl := doc.pdf.CreateTemplate(func(t *gofpdf.Tpl) {
			for i := range 8 {
				x, y := a4Slot(i)
				badgeFrame(&t.Fpdf, x, y, cardSpec)
				cropMarks(&t.Fpdf, x, y, cardSpec.w, cardSpec.h)
			}
		})
		for i, p := range people {
			if i%8 == 0 {
				doc.AddPage()
				doc.pdf.UseTemplate(tpl)
			}
			x, y := a4Slot(i % 8)
			if err := doc.badge(&d.Workshop, p, lang, x, y, cardSpec); err != nil {
				return nil, err
			}
		}
	}
	if len(people) == 0 {
		doc.AddPage()
	}
	return doc, doc.Err()
}

// The A4 sheet: two columns of four 90 × 55 mm badges with 8 mm and 5 mm
// gutters for the cutting marks, centred on the page.
const (
	a4GutterX = 8.0
	a4GutterY = 5.0
)

func a4Slot(i int) (x, y float64) {
	const gridW = 2*90 + a4GutterX
	const gridH = 4*55 + 3*a4GutterY
	col, row := i%2, i/2
	return (210-gridW)/2 + float64(col)*(90+a4GutterX), (297-gridH)/2 + float64(row)*(55+a4GutterY)
}

// badgeFrame draws the hairline outline of a badge, a guide for scissors
// and a frame in the badge holder.
func badgeFrame(p *gofpdf.Fpdf, x, y float64, s badgeSpec) {
	p.SetDrawColor(faint.r, faint.g, faint.b)
	p.SetLineWidth(0.15)
	if s.rounded > 0 {
		p.RoundedRect(x, y, s.w, s.h, s.rounded, "1234", "D")
	} else {
		p.Rect(x, y, s.w, s.h, "D")
	}
}

// cropMarks draws cutting marks at the four corners of a badge, in the
// gutters, 1 mm away from the corner so that no mark shows on the cut
// badge.
func cropMarks(p *gofpdf.Fpdf, x, y, w, h float64) {
	const gap, length = 1.0, 1.5
	p.SetDrawColor(0, 0, 0)
	p.SetLineWidth(0.2)
	for _, c := range [][2]float64{{x, y}, {x + w, y}, {x, y + h}, {x + w, y + h}} {
		dx, dy := -1.0, -1.0 // outwards from the badge
		if c[0] > x {
			dx = 1
		}
		if c[1] > y {
			dy = 1
		}
		p.Line(c[0]+dx*gap, c[1], c[0]+dx*(gap+length), c[1]) // horizontal mark
		p.Line(c[0], c[1]+dy*gap, c[0], c[1]+dy*(gap+length)) // vertical mark
	}
}

// badge draws one participant's badge with its top left corner at (x, y).
// The role and country are in lang.
func (doc *Doc) badge(w *store.Workshop, p store.Participant, lang string, x, y float64, s badgeSpec) error {
	// Band with the role.
	roleName := p.Role
	if roleName == "" {
		roleName = store.RoleParticipant // as store.Participant.Normalize does
	}
	cr, cg, cb := RoleColour(roleName)
	doc.SetFillColor(cr, cg, cb)
	if s.rounded > 0 {
		doc.pdf.RoundedRect(x, y, s.w, s.bandH, s.rounded, "12", "F")
	} else {
		doc.Rect(x, y, s.w, s.bandH, "F")
	}
	doc.SetTextColor(255, 255, 255)
	role := strings.ToUpper(roleText(lang, roleName, p.Gender))
	roleX, roleW := x+s.margin, s.w-2*s.margin
	if p.ConsentPhotos.Refused() {
		// Room for the no-photo mark at the band's right end, the role
		// still centred.
		iw := noPhotoWidth(s)
		roleX, roleW = roleX+iw+1, roleW-2*(iw+1)
		noPhotoMark(doc, x+s.w-s.margin-iw, y+s.bandH/2, iw)
	}
	doc.TextFit(roleX, y+s.bandH/2+s.roleSize*ptMM*0.36, roleW, spaced(role), s.roleSize, s.roleSize*0.7, "B", AlignCentre)

	// Names: the Latin name, then the name in the person's script; with no
	// native name, given names over family names. A Latin name too long
	// for a good size on one line is split the same way.
	inner := s.w - 2*s.margin
	var names []string
	latin := []string{p.FullName()}
	if p.GivenNames != "" && p.FamilyNames != "" {
		if doc.FitSize(p.FullName(), inner, s.nameMax, s.nameMin, "B") < 0.6*s.nameMax {
			latin = []string{p.GivenNames, p.FamilyNames}
		}
	}
	native := strings.TrimSpace(p.NativeName)
	switch {
	case native != "" && native != p.FullName():
		names = append(latin, native)
	case p.GivenNames != "" && p.FamilyNames != "":
		names = []string{p.GivenNames, p.FamilyNames}
	default:
		names = latin
	}
	// One size for both lines, the largest at which both fit; the lines
	// closer together as the size shrinks, the block centred where two
	// lines of the largest size would stand.
	size := s.nameMax
	for _, n := range names {
		size = min(size, doc.FitSize(n, inner, s.nameMax, s.nameMin, "B"))
	}
	doc.SetTextColor(ink.r, ink.g, ink.b)
	centre := y + s.nameBase + s.nameMax*s.nameLead/2
	base := centre - float64(len(names)-1)*size*s.nameLead/2
	if len(names) == 1 {
		base += size * ptMM * 0.35 // optical centre of a single line
	}
	for _, n := range names {
		doc.TextFit(x+s.margin, base, inner, n, size, s.nameMin, "B", AlignCentre)
		base += size * s.nameLead
	}

	// Organisation (up to two lines) and country.
	align := AlignLeft
	if s.centred {
		align = AlignCentre
	}
	base = y + s.orgBase
	if org := strings.TrimSpace(p.Organisation); org != "" {
		doc.SetTextColor(ink.r, ink.g, ink.b)
		lines, sz := doc.wrapFit(org, s.textW, s.orgSize, s.orgMin, "", 2)
		for i, l := range lines {
			if i > 0 {
				base += sz * ptMM * 1.2
			}
			doc.TextFit(x+s.margin, base, s.textW, l, sz, s.orgMin, "", align)
		}
	}
	if name := countryText(lang, p.Country); name != "" {
		doc.SetTextColor(muted.r, muted.g, muted.b)
		cb := base + s.countryGap
		if strings.TrimSpace(p.Organisation) == "" {
			cb = base
		}
		doc.TextFit(x+s.margin, cb, s.textW, name, s.countrySize, s.countrySize*0.8, "", align)
	}

	// QR code and badge code.
	if code := strings.TrimSpace(p.BadgeCode); code != "" {
		if err := doc.QR(x+s.qrX, y+s.qrY, s.qrS, code); err != nil {
			return err
		}
		doc.SetTextColor(ink.r, ink.g, ink.b)
		doc.TextCentre(x+s.qrX+s.qrS/2, y+s.codeBase, spaced(code), s.codeSize, "B")
	}

	// Workshop title, small, at the bottom.
	doc.SetTextColor(muted.r, muted.g, muted.b)
	titleX := x + s.margin
	doc.TextFit(titleX, y+s.titleBase, s.titleW, w.Title, s.titleSize, s.titleSize*0.75, "", align)
	doc.SetTextColor(0, 0, 0)
	return doc.Err()
}

// spaced letter-spaces a short word of capitals or code characters with
// thin spaces (U+2009), for the role band and the badge code.
func spaced(s string) string {
	rs := []rune(s)
	var b strings.Builder
	for i, r := range rs {
		if i > 0 {
			b.WriteRune('\u2009')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// wrapFit breaks s into at most maxLines lines no wider than width, at
// the largest size from size down to minSize at which it fits; if it fits
// at no size, the lines at minSize with the last one cut short with "…".
// It returns the lines and the size.
func (doc *Doc) wrapFit(s string, width, size, minSize float64, style string, maxLines int) ([]string, float64) {
	if doc.Width(s, size, style) <= width {
		return []string{s}, size
	}
	for sz := size; sz >= minSize-1e-9; sz -= 0.5 {
		if lines := doc.wrap(s, width, sz, style); len(lines) <= maxLines {
			return lines, sz
		}
	}
	lines := doc.wrap(s, width, minSize, style)
	if len(lines) > maxLines {
		last := strings.Fields(strings.Join(lines[maxLines-1:], " "))
		for len(last) > 1 && doc.Width(strings.Join(last, " ")+"…", minSize, style) > width {
			last = last[:len(last)-1]
		}
		lines = append(lines[:maxLines-1], strings.Join(last, " ")+"…")
	}
	return lines, minSize
}

// wrap breaks s at spaces into lines no wider than width (a single word
// wider than width gets a line of its own), and Chinese, Japanese or
// Korean text, which has no spaces, between its characters (wrapTokens).
// A no-break space does not break.
func (doc *Doc) wrap(s string, width, size float64, style string) []string {
	var lines []string
	cur := ""
	for _, tok := range wrapTokens(s) {
		try := tok.text
		if cur != "" {
			if tok.glued {
				try = cur + tok.text
			} else {
				try = cur + " " + tok.text
			}
		}
		if cur != "" && doc.Width(try, size, style) > width {
			lines = append(lines, cur)
			cur = tok.text
			continue
		}
		cur = try
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// wrapToken is a piece of text a line may break before; glued: with no
// space before it.
type wrapToken struct {
	text  string
	glued bool
}

// closingMarks are the punctuation marks that never begin a line of
// Chinese, Japanese or Korean text.
const closingMarks = "，。、；：！？）」』】》〉"

// wrapTokens splits s at ordinary spaces into words, and a word holding
// Chinese, Japanese or Korean characters further before each such
// character (but a closing mark) and before each run of other characters.
func wrapTokens(s string) []wrapToken {
	var out []wrapToken
	for _, w := range strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || c == '\t' || c == '\n' }) {
		if !strings.ContainsFunc(w, isCJK) {
			out = append(out, wrapToken{text: w})
			continue
		}
		first, prevCJK := true, false
		for _, r := range w {
			cjk := isCJK(r)
			switch {
			case first:
				out = append(out, wrapToken{text: string(r)})
			case strings.ContainsRune(closingMarks, r) || (!cjk && !prevCJK):
				out[len(out)-1].text += string(r)
			default:
				out = append(out, wrapToken{text: string(r), glued: true})
			}
			first, prevCJK = false, cjk
		}
	}
	return out
}

// isCJK reports whether r is a Chinese, Japanese or Korean character or
// punctuation mark.
func isCJK(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		(r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}
