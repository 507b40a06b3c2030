package pdf

import (
	"math"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// ptMM is the length of a typographic point in millimetres.
const ptMM = 25.4 / 72

// missingUnits is the width, in thousandths of an em, of the box drawn for
// a character no font has.
const missingUnits = 600

// Align is the horizontal alignment of a line of text in its box.
type Align int

// The alignments.
const (
	AlignLeft Align = iota
	AlignCentre
	AlignRight
)

// piece is a run of characters, in visual order, drawn with one font
// (nil: characters no font has, drawn as boxes).
type piece struct {
	font   *Font
	text   string
	units  int        // advance in thousandths of an em
	shaped *shapedRun // the run's outlines when font.Shaped
}

// line is one line of text laid out for drawing: its pieces left to right.
type line struct {
	pieces []piece
	units  int
	bold   bool // bold asked for: a font without bold is drawn emboldened
}

type layoutKey struct{ s, style string }

// normStyle keeps the styles the fonts have: bold or regular.
func normStyle(style string) string {
	if strings.ContainsAny(style, "Bb") {
		return "B"
	}
	return ""
}

// prepare turns s into the characters to lay out, in logical order:
// NFC-normalised (so that a decomposed "e" + U+0301 prints as "é" with the
// font's own glyph), line breaks and tabs as spaces, other control
// characters dropped, and Arabic shaped to presentation forms.
func prepare(s string) []rune {
	s = norm.NFC.String(s)
	rs := make([]rune, 0, len(s))
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\u0085' || r == '\u2028' || r == '\u2029':
			r = ' '
		case unicode.IsControl(r):
			continue
		}
		rs = append(rs, r)
	}
	return shapeArabic(rs, face(FamilyArabic, "").Coverage().Has)
}

// assignFamilies picks the font family of every character: letters by
// their script (the first family covering them when the preferred one does
// not), and characters common to scripts (spaces, digits, punctuation,
// marks) by their neighbours, so that the space inside a Chinese or Arabic
// name stays in that name's font. "" means no font has the character.
func assignFamilies(rs []rune) []string {
	fams := make([]string, len(rs))
	script := make([]bool, len(rs))
	for i, r := range rs {
		if p := preferredFamily(r); p != "" {
			script[i] = true
			if covers(p, r) {
				fams[i] = p
			} else {
				fams[i] = fallbackFamily(r)
			}
		}
	}
	next := make([]string, len(rs)+1) // family of the next script character
	for i := len(rs) - 1; i >= 0; i-- {
		next[i] = next[i+1]
		if script[i] && fams[i] != "" {
			next[i] = fams[i]
		}
	}
	prev := ""
	for i, r := range rs {
		if script[i] {
			if fams[i] != "" {
				prev = fams[i]
			}
			continue
		}
		var cands [4]string
		if unicode.Is(unicode.Mn, r) && i > 0 {
			cands[0] = fams[i-1] // a mark stays with its base
		}
		cands[1], cands[2], cands[3] = prev, next[i+1], FamilySans
		for _, c := range cands {
			if c != "" && covers(c, r) {
				fams[i] = c
				break
			}
		}
		if fams[i] == "" {
			fams[i] = fallbackFamily(r)
		}
	}
	return fams
}

// layout lays s out in style; the result is cached for the document.
func (d *Doc) layout(s, style string) *line {
	style = normStyle(style)
	k := layoutKey{s, style}
	if l, ok := d.layouts[k]; ok {
		return l
	}
	l := layoutLine(s, style)
	l.bold = style == "B"
	d.layouts[k] = l
	return l
}

func layoutLine(s, style string) *line { return layoutLineDir(s, style, Auto) }

// layoutLineDir lays s out as a line of base direction dir: a line of an
// Arabic paragraph that begins with a Latin word is still right to left.
func layoutLineDir(s, style string, dir Direction) *line {
	rs := prepare(s)
	fams := assignFamilies(rs)
	levels, _ := bidiLevels(rs, dir)
	runs := shapedRuns(rs, fams, levels, style)
	l := &line{}
	var cur []rune
	var curFont *Font
	curUnits := 0
	started := false
	flush := func() {
		if started && len(cur) > 0 {
			l.pieces = append(l.pieces, piece{font: curFont, text: string(cur), units: curUnits})
			l.units += curUnits
		}
		cur, curUnits = cur[:0:0], 0
	}
	// Combining marks of right-to-left runs stay before their base in
	// visual order, as reversal leaves them: Noto Sans Arabic draws a
	// zero-width mark from the pen position over the glyph that follows
	// it (without GPOS anchors the placement is approximate).
	for _, i := range visualOrder(levels) {
		if sr := runs[i]; sr != nil {
			// A run of a shaped script, of one level, is contiguous in
			// visual order: it goes in whole at its first character.
			if sr.done {
				continue
			}
			sr.done = true
			flush()
			started = false
			l.pieces = append(l.pieces, sr.piece)
			l.units += sr.piece.units
			continue
		}
		r := rs[i]
		if m, ok := mirrors[r]; ok && levels[i]%2 == 1 {
			r = m
		}
		var f *Font
		units := missingUnits
		if fams[i] == "" {
			if invisible(r) {
				continue
			}
		} else {
			f = face(fams[i], style)
			t, _ := f.parse()
			units = int(t.widths[r])
		}
		if !started || f != curFont {
			flush()
			curFont, started = f, true
		}
		cur = append(cur, r)
		curUnits += units
	}
	flush()
	return l
}

// layoutRun is a run of a shaped script laid out, placed once.
type layoutRun struct {
	piece piece
	done  bool
}

// shapedRuns shapes the runs of rs whose family is shaped (maximal runs of
// one family and one bidi level) and returns, for each character, its
// run (nil for characters drawn through their code points). A run the
// shaper cannot take is drawn as boxes, as text no font has.
func shapedRuns(rs []rune, fams []string, levels []uint8, style string) []*layoutRun {
	out := make([]*layoutRun, len(rs))
	for i := 0; i < len(rs); {
		f := face(fams[i], style)
		if fams[i] == "" || f == nil || !f.Shaped {
			i++
			continue
		}
		j := i + 1
		for j < len(rs) && fams[j] == fams[i] && levels[j] == levels[i] {
			j++
		}
		lr := &layoutRun{}
		if sr, err := shapeText(f, rs[i:j], levels[i]%2 == 1); err == nil {
			lr.piece = piece{font: f, text: string(rs[i:j]), units: sr.units, shaped: sr}
		} else {
			lr.piece = piece{text: string(rs[i:j]), units: missingUnits * (j - i)}
		}
		for k := i; k < j; k++ {
			out[k] = lr
		}
		i = j
	}
	return out
}

// Width returns the width in millimetres of s drawn at size (points) in
// style ("" or "B").
func (d *Doc) Width(s string, size float64, style string) float64 {
	return float64(d.layout(s, style).units) * size / 1000 * ptMM
}

// FitSize returns the largest size, at most maxSize and in steps of a tenth
// of a point, at which s in style fits in maxWidth millimetres, but not
// less than minSize (a text that does not fit even then is condensed by
// TextFit).
func (d *Doc) FitSize(s string, maxWidth, maxSize, minSize float64, style string) float64 {
	return fitSize(d.layout(s, style), maxWidth, maxSize, minSize)
}

// fitSize is FitSize for a line laid out.
func fitSize(l *line, maxWidth, maxSize, minSize float64) float64 {
	if l.units == 0 {
		return maxSize
	}
	size := math.Floor(maxWidth/(float64(l.units)/1000*ptMM)*10) / 10
	return max(minSize, min(maxSize, size))
}

// Text draws s with the left end of its baseline at (x, y), in millimetres,
// at size points in style ("" or "B"). Each run is drawn with the font of
// its script, Arabic joined, and mixed-direction text in visual order.
func (d *Doc) Text(x, y float64, s string, size float64, style string) {
	d.draw(d.layout(s, style), x, y, size)
}

// TextCentre draws s centred on x.
func (d *Doc) TextCentre(x, y float64, s string, size float64, style string) {
	l := d.layout(s, style)
	d.draw(l, x-d.lineWidth(l, size)/2, y, size)
}

// TextRight draws s with its right end at x.
func (d *Doc) TextRight(x, y float64, s string, size float64, style string) {
	l := d.layout(s, style)
	d.draw(l, x-d.lineWidth(l, size), y, size)
}

// TextFit draws s in the box from x to x+w, aligned, at the largest size
// from maxSize down to minSize at which it fits; a text too wide even at
// minSize is condensed horizontally to the box, never clipped or spilled.
// It returns the size used.
func (d *Doc) TextFit(x, y, w float64, s string, maxSize, minSize float64, style string, align Align) float64 {
	return d.fitLine(d.layout(s, style), x, y, w, maxSize, minSize, align)
}

// fitLine is TextFit for a line laid out.
func (d *Doc) fitLine(l *line, x, y, w, maxSize, minSize float64, align Align) float64 {
	size := fitSize(l, w, maxSize, minSize)
	width := d.lineWidth(l, size)
	if width > w {
		d.pdf.TransformBegin()
		d.pdf.TransformScaleX(100*w/width, x, y)
		d.draw(l, x, y, size)
		d.pdf.TransformEnd()
		return size
	}
	switch align {
	case AlignCentre:
		x += (w - width) / 2
	case AlignRight:
		x += w - width
	}
	d.draw(l, x, y, size)
	return size
}

func (d *Doc) lineWidth(l *line, size float64) float64 {
	return float64(l.units) * size / 1000 * ptMM
}

func (d *Doc) draw(l *line, x, y, size float64) {
	for _, p := range l.pieces {
		w := float64(p.units) * size / 1000 * ptMM
		switch {
		case p.font == nil:
			d.drawMissing(x, y, size, len([]rune(p.text)))
		case p.shaped != nil:
			d.drawShaped(p, x, y, size, l.bold && p.font.Style != "B")
		default:
			d.use(p.font, size)
			if l.bold && p.font.Style != "B" {
				d.fauxBold(x, y, size, p.text)
			} else {
				d.pdf.Text(x, y, p.text)
			}
		}
		x += w
	}
}

// fauxBold draws text of a font that has no bold (Chinese) emboldened:
// filled and stroked with a thin outline in the text colour.
func (d *Doc) fauxBold(x, y, size float64, text string) {
	r, g, b := d.pdf.GetDrawColor()
	lw := d.pdf.GetLineWidth()
	d.pdf.SetDrawColor(d.color[0], d.color[1], d.color[2])
	d.pdf.SetLineWidth(size * ptMM * 0.035)
	d.pdf.SetTextRenderingMode(2)
	d.pdf.Text(x, y, text)
	d.pdf.SetTextRenderingMode(0)
	d.pdf.SetDrawColor(r, g, b)
	d.pdf.SetLineWidth(lw)
}

// drawMissing draws n empty boxes, one per character no font has, so that
// the gap is visible; MissingGlyphs lists such characters before printing.
func (d *Doc) drawMissing(x, y, size float64, n int) {
	em := size * ptMM
	r, g, b := d.pdf.GetDrawColor()
	lw := d.pdf.GetLineWidth()
	d.pdf.SetDrawColor(d.color[0], d.color[1], d.color[2])
	d.pdf.SetLineWidth(em * 0.05)
	for i := range n {
		bx := x + float64(i)*em*missingUnits/1000
		d.pdf.Rect(bx+em*0.08, y-em*0.7, em*0.44, em*0.7, "D")
	}
	d.pdf.SetDrawColor(r, g, b)
	d.pdf.SetLineWidth(lw)
}
