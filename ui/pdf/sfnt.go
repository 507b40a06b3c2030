package pdf

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// ttf is what this package needs to know of a TrueType font file: which
// characters it maps to a glyph and how wide they are. It reads the same
// cmap subtable as gofpdf (the first Unicode format-4 one), so that
// Coverage is exactly what gofpdf can draw: gofpdf encodes text as 16-bit
// CIDs and ignores format-12 subtables, so nothing outside the Basic
// Multilingual Plane is drawable, whatever the font holds.
type ttf struct {
	unitsPerEm int
	cov        Coverage
	// widths holds each covered character's advance in thousandths of an
	// em, rounded exactly as gofpdf rounds the /W array it writes, so that
	// what we measure is what the viewer draws.
	widths []uint16
}

// parseTTF reads the tables of a TrueType (glyf-outline) font. A CFF
// font (OpenType "OTTO", a .otf or Noto CJK) is refused: gofpdf cannot
// embed it.
func parseTTF(b []byte) (*ttf, error) {
	if len(b) < 12 {
		return nil, errors.New("not a font file: too short")
	}
	switch tag := string(b[:4]); tag {
	case "\x00\x01\x00\x00", "true":
	case "OTTO":
		return nil, errors.New("a CFF (PostScript-outline) font: gofpdf embeds TrueType glyf outlines only")
	case "ttcf":
		return nil, errors.New("a font collection (.ttc): gofpdf reads single fonts only")
	default:
		return nil, fmt.Errorf("not a TrueType font (tag %q)", tag)
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	tables := make(map[string][]byte, n)
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			return nil, errors.New("table directory runs past the end of the file")
		}
		tag := string(b[rec : rec+4])
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		length := int(binary.BigEndian.Uint32(b[rec+12:]))
		if off < 0 || length < 0 || off+length > len(b) {
			return nil, fmt.Errorf("table %q runs past the end of the file", tag)
		}
		tables[tag] = b[off : off+length]
	}
	for _, t := range []string{"head", "hhea", "hmtx", "maxp", "cmap", "glyf", "loca"} {
		if tables[t] == nil {
			return nil, fmt.Errorf("no %q table (gofpdf needs TrueType glyf outlines)", t)
		}
	}
	f := &ttf{}
	head, hhea, maxp := tables["head"], tables["hhea"], tables["maxp"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 {
		return nil, errors.New("head, hhea or maxp table too short")
	}
	f.unitsPerEm = int(binary.BigEndian.Uint16(head[18:]))
	if f.unitsPerEm == 0 {
		return nil, errors.New("unitsPerEm is zero")
	}
	nMetrics := int(binary.BigEndian.Uint16(hhea[34:]))
	nGlyphs := int(binary.BigEndian.Uint16(maxp[4:]))
	hmtx := tables["hmtx"]
	if nMetrics == 0 || len(hmtx) < 4*nMetrics {
		return nil, errors.New("hmtx table too short")
	}
	advance := func(gid int) int {
		if gid >= nMetrics {
			gid = nMetrics - 1
		}
		a := int(binary.BigEndian.Uint16(hmtx[4*gid:]))
		if a >= 1<<15 { // as gofpdf does
			a = 0
		}
		return a
	}
	glyphs, err := cmap4(tables["cmap"])
	if err != nil {
		return nil, err
	}
	scale := 1000 / float64(f.unitsPerEm)
	f.widths = make([]uint16, 1<<16)
	for r, gid := range glyphs {
		if gid == 0 || gid >= nGlyphs || r == 0 || r == 0xFFFF {
			continue
		}
		f.cov.add(rune(r))
		f.widths[r] = uint16(math.Round(scale * float64(advance(gid))))
	}
	return f, nil
}

// cmap4 returns the glyph of every character of the font's first Unicode
// format-4 cmap subtable (platform 0, or platform 3 encoding 1), the one
// gofpdf uses, indexed by character.
func cmap4(cm []byte) ([]int, error) {
	if len(cm) < 4 {
		return nil, errors.New("cmap table too short")
	}
	n := int(binary.BigEndian.Uint16(cm[2:]))
	sub := -1
	for i := range n {
		rec := 4 + 8*i
		if rec+8 > len(cm) {
			break
		}
		platform := binary.BigEndian.Uint16(cm[rec:])
		encoding := binary.BigEndian.Uint16(cm[rec+2:])
		off := int(binary.BigEndian.Uint32(cm[rec+4:]))
		if (platform == 3 && encoding == 1 || platform == 0) && off+2 <= len(cm) &&
			binary.BigEndian.Uint16(cm[off:]) == 4 {
			sub = off
			break
		}
	}
	if sub < 0 {
		return nil, errors.New("no Unicode format-4 cmap subtable (gofpdf needs one)")
	}
	t := cm[sub:]
	if len(t) < 14 {
		return nil, errors.New("cmap format-4 subtable too short")
	}
	segs := int(binary.BigEndian.Uint16(t[6:])) / 2
	ends := 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	offsets := deltas + 2*segs
	if offsets+2*segs > len(t) {
		return nil, errors.New("cmap format-4 segments run past the table")
	}
	u16 := func(p int) int { return int(binary.BigEndian.Uint16(t[p:])) }
	glyphs := make([]int, 1<<16)
	for s := range segs {
		end, start := u16(ends+2*s), u16(starts+2*s)
		delta, ro := u16(deltas+2*s), u16(offsets+2*s)
		for c := start; c <= end && c <= 0xFFFF; c++ {
			var g int
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else {
				p := offsets + 2*s + ro + 2*(c-start)
				if p+2 > len(t) {
					continue
				}
				if g = u16(p); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			glyphs[c] = g
		}
	}
	return glyphs, nil
}

// Coverage is the set of characters a font can draw (through gofpdf: the
// Basic Multilingual Plane only).
type Coverage struct {
	bits [1 << 16 / 64]uint64
	n    int
}

func (c *Coverage) add(r rune) {
	if r < 0 || r > 0xFFFF || c.Has(r) {
		return
	}
	c.bits[r>>6] |= 1 << (r & 63)
	c.n++
}

// Has reports whether the font maps r to a glyph.
func (c *Coverage) Has(r rune) bool {
	return r >= 0 && r <= 0xFFFF && c.bits[r>>6]&(1<<(r&63)) != 0
}

// Len returns the number of characters covered.
func (c *Coverage) Len() int { return c.n }
