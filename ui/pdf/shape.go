package pdf

// Complex scripts (Devanagari, Bengali, Tamil, Sinhala, Thai, Khmer,
// Myanmar, Hebrew, Georgian, Armenian) are shaped the way browsers shape
// them, with go-text/typesetting (a Go port of HarfBuzz, already in the
// module graph through Fyne): conjuncts, reordered vowel signs and stacked
// marks become glyphs that have no code point of their own, which gofpdf
// (it addresses glyphs only through code points) cannot show. So a shaped
// run is drawn as the glyphs' outlines, filled as vector paths in the
// text colour, and the original text is written underneath in the same
// font with text render mode 3 (invisible): copy, search and pdftotext
// give the name back in its own letters, and the page shows what a browser
// shows. The outlines of a run are built once (in thousandths of an em,
// cached across documents) and placed with one transformation matrix.

import (
	"bytes"
	"fmt"
	"math"
	"strconv"
	"sync"

	"github.com/go-text/typesetting/di"
	"github.com/go-text/typesetting/font"
	ot "github.com/go-text/typesetting/font/opentype"
	"github.com/go-text/typesetting/language"
	"github.com/go-text/typesetting/shaping"
	"golang.org/x/image/math/fixed"
)

// fontShaper is the shaping side of a Font: its go-text face, parsed once.
// A face and a shaper are not safe for concurrent use: mu guards both.
type fontShaper struct {
	once sync.Once
	face *font.Face
	err  error

	mu sync.Mutex
	hb shaping.HarfbuzzShaper
}

// shapedRun is a run of text shaped in one font.
type shapedRun struct {
	units int    // advance in thousandths of an em
	path  []byte // PDF path operators in thousandths of an em, y up, origin at the run's start
	text  string // the text to write invisibly, in the order pdftotext reads back
}

type shapeKey struct {
	font *Font
	text string
	rtl  bool
}

// shapeCache keeps the shaped runs of every document (a name shaped for
// one certificate file is reused by the next); it is emptied when full.
var shapeCache = struct {
	sync.Mutex
	m map[shapeKey]*shapedRun
}{m: map[shapeKey]*shapedRun{}}

const shapeCacheMax = 1 << 14

// shapeText shapes rs (logical order, one script) in f, right to left when
// rtl.
func shapeText(f *Font, rs []rune, rtl bool) (*shapedRun, error) {
	k := shapeKey{f, string(rs), rtl}
	shapeCache.Lock()
	r, ok := shapeCache.m[k]
	shapeCache.Unlock()
	if ok {
		return r, nil
	}
	r, err := f.shape(rs, rtl)
	if err != nil {
		return nil, err
	}
	shapeCache.Lock()
	if len(shapeCache.m) >= shapeCacheMax {
		clear(shapeCache.m)
	}
	shapeCache.m[k] = r
	shapeCache.Unlock()
	return r, nil
}

// shape shapes rs with HarfBuzz's rules and builds the outline path.
func (f *Font) shape(rs []rune, rtl bool) (*shapedRun, error) {
	s := &f.shaper
	s.once.Do(func() {
		s.face, s.err = font.ParseTTF(bytes.NewReader(f.data))
		if s.err != nil {
			s.err = fmt.Errorf("font %s: %w", f.Name, s.err)
		}
	})
	if s.err != nil {
		return nil, s.err
	}
	dir := di.DirectionLTR
	if rtl {
		dir = di.DirectionRTL
	}
	script := language.Common
	for _, r := range rs {
		if sc := language.LookupScript(r); sc != language.Common && sc != language.Inherited {
			script = sc
			break
		}
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	out := s.hb.Shape(shaping.Input{
		Text: rs, RunStart: 0, RunEnd: len(rs), Direction: dir, Face: s.face,
		Size: fixed.I(1000), Script: script, Language: language.NewLanguage(scriptLanguage[script]),
	})
	scale := 1000 / float64(s.face.Upem())
	var p pathBuilder
	pen := 0.0
	for _, g := range out.Glyphs {
		x := pen + fixedF(g.XOffset)
		y := fixedF(g.YOffset)
		if o, ok := s.face.GlyphData(g.GlyphID).(font.GlyphOutline); ok {
			p.glyph(o.Segments, x, y, scale)
		}
		pen += fixedF(g.XAdvance)
	}
	text := string(rs)
	if rtl {
		// pdftotext reads a right-to-left line from right to left: the
		// invisible text is written in visual order, as Arabic is.
		text = reverseRunes(rs)
	}
	return &shapedRun{units: int(math.Round(pen)), path: p.b, text: text}, nil
}

// scriptLanguage is the language a script's shaping assumes (Devanagari
// is shaped the same for Hindi, Nepali and Marathi).
var scriptLanguage = map[language.Script]string{
	language.Devanagari: "hi", language.Bengali: "bn", language.Tamil: "ta",
	language.Sinhala: "si", language.Thai: "th", language.Khmer: "km",
	language.Myanmar: "my", language.Hebrew: "he", language.Georgian: "ka",
	language.Armenian: "hy",
}

func fixedF(v fixed.Int26_6) float64 { return float64(v) / 64 }

func reverseRunes(rs []rune) string {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[len(rs)-1-i] = r
	}
	return string(out)
}

// pathBuilder writes PDF path operators.
type pathBuilder struct {
	b      []byte
	open   bool
	cx, cy float64 // current point
}

// glyph adds a glyph's outline (font units, y up), scaled and moved to (x, y).
func (p *pathBuilder) glyph(segs []ot.Segment, x, y, scale float64) {
	pt := func(a ot.SegmentPoint) (float64, float64) {
		return x + float64(a.X)*scale, y + float64(a.Y)*scale
	}
	for _, sg := range segs {
		switch sg.Op {
		case ot.SegmentOpMoveTo:
			p.close()
			p.cx, p.cy = pt(sg.Args[0])
			p.op("m", p.cx, p.cy)
			p.open = true
		case ot.SegmentOpLineTo:
			p.cx, p.cy = pt(sg.Args[0])
			p.op("l", p.cx, p.cy)
		case ot.SegmentOpQuadTo:
			// A quadratic Bézier as the cubic of the same curve.
			qx, qy := pt(sg.Args[0])
			ex, ey := pt(sg.Args[1])
			p.op("c", p.cx+2*(qx-p.cx)/3, p.cy+2*(qy-p.cy)/3, ex+2*(qx-ex)/3, ey+2*(qy-ey)/3, ex, ey)
			p.cx, p.cy = ex, ey
		case ot.SegmentOpCubeTo:
			x1, y1 := pt(sg.Args[0])
			x2, y2 := pt(sg.Args[1])
			p.cx, p.cy = pt(sg.Args[2])
			p.op("c", x1, y1, x2, y2, p.cx, p.cy)
		}
	}
	p.close()
}

func (p *pathBuilder) close() {
	if p.open {
		p.b = append(p.b, "h\n"...)
		p.open = false
	}
}

// op appends the coordinates, to a hundredth of a unit (a hundred-
// thousandth of an em), and the operator.
func (p *pathBuilder) op(name string, v ...float64) {
	for _, f := range v {
		p.b = strconv.AppendFloat(p.b, math.Round(f*100)/100, 'f', -1, 64)
		p.b = append(p.b, ' ')
	}
	p.b = append(p.b, name...)
	p.b = append(p.b, '\n')
}

// drawShaped draws a shaped run with the left end of its baseline at
// (x, y) mm at size points: the outlines filled in the text colour (and
// stroked when bold is asked of a font without bold), then the text
// underneath, invisible.
func (d *Doc) drawShaped(p piece, x, y, size float64, fauxBold bool) {
	const k = 72 / 25.4
	_, h := d.pdf.GetPageSize()
	s := size / 1000
	c := d.color
	buf := make([]byte, 0, len(p.shaped.path)+128)
	buf = fmt.Appendf(buf, "q %.3f %.3f %.3f rg ", float64(c[0])/255, float64(c[1])/255, float64(c[2])/255)
	paint := "f"
	if fauxBold {
		buf = fmt.Appendf(buf, "%.3f %.3f %.3f RG 35 w ", float64(c[0])/255, float64(c[1])/255, float64(c[2])/255)
		paint = "B"
	}
	buf = fmt.Appendf(buf, "%.5f 0 0 %.5f %.2f %.2f cm\n", s, s, x*k, (h-y)*k)
	buf = append(buf, p.shaped.path...)
	buf = append(buf, paint...)
	buf = append(buf, " Q"...)
	d.pdf.RawWriteStr(string(buf))
	d.use(p.font, size)
	d.pdf.SetTextRenderingMode(3)
	d.pdf.Text(x, y, p.shaped.text)
	d.pdf.SetTextRenderingMode(0)
}
