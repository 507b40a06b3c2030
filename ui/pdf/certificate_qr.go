package pdf

import (
	"errors"
	"fmt"
	"sync"
)

// A QR code encoder for the certificates: byte mode (the UTF-8 text as it
// is), after the ECI designator 26 (UTF-8) when the text is not all ASCII,
// error correction level M, versions 1 to 40, the mask chosen by the penalty rules of ISO/IEC
// 18004. boombuler's encoder takes about 7 ms per certificate code, most
// of it scoring the masks bit by bit, which made 1,000 certificates take
// 9 s; this one takes a fraction of a millisecond. The tables of the
// versions are generated from ZXing's (certificate_qrtables.go), and the
// tests compare whole symbols with ZXing's encoder and decode them.

// qrVersion is what a version holds at level M: all codewords, the error
// correction codewords of each block, the blocks (shorter ones first) and
// the centres of the alignment patterns.
type qrVersion struct {
	total, ecPerBlock int
	groups            []qrGroup
	align             []int
}

// qrGroup is count blocks of data codewords each.
type qrGroup struct{ count, data int }

func (v qrVersion) dataCodewords() int {
	n := 0
	for _, g := range v.groups {
		n += g.count * g.data
	}
	return n
}

// qrSymbol is an encoded QR code: dark[y*size+x].
type qrSymbol struct {
	size int
	dark []bool
	mask int
}

// errQRTooLong is returned for a text longer than a version 40 symbol at
// level M holds (2,331 bytes).
var errQRTooLong = errors.New("the text is too long for a QR code")

// gf256 holds the exponent and logarithm tables of GF(256) with the QR
// polynomial x⁸ + x⁴ + x³ + x² + 1.
var gfExp, gfLog = func() (exp [512]byte, log [256]byte) {
	x := 1
	for i := range 255 {
		exp[i] = byte(x)
		log[x] = byte(i)
		x <<= 1
		if x&0x100 != 0 {
			x ^= 0x11D
		}
	}
	for i := 255; i < 512; i++ {
		exp[i] = exp[i-255]
	}
	return
}()

// rsGenerators caches the generator polynomials by degree; certificates
// encode their QR codes on several goroutines, so the cache is locked.
var rsGenerators = struct {
	sync.Mutex
	byDegree map[int][]byte
}{byDegree: map[int][]byte{}}

// rsGenerator returns the coefficients (highest first, leading 1 left out)
// of ∏ (x − αⁱ) for i < n.
func rsGenerator(n int) []byte {
	rsGenerators.Lock()
	defer rsGenerators.Unlock()
	if g, ok := rsGenerators.byDegree[n]; ok {
		return g
	}
	g := []byte{1}
	for i := range n {
		next := make([]byte, len(g)+1)
		for j, c := range g {
			next[j] ^= c
			if c != 0 {
				next[j+1] ^= gfExp[int(gfLog[c])+i]
			}
		}
		g = next
	}
	g = g[1:]
	rsGenerators.byDegree[n] = g
	return g
}

// rsRemainder returns the n error correction codewords of data.
func rsRemainder(data []byte, n int) []byte {
	gen := rsGenerator(n)
	rem := make([]byte, n)
	for _, d := range data {
		f := d ^ rem[0]
		copy(rem, rem[1:])
		rem[n-1] = 0
		if f != 0 {
			lf := int(gfLog[f])
			for i, g := range gen {
				if g != 0 {
					rem[i] ^= gfExp[lf+int(gfLog[g])]
				}
			}
		}
	}
	return rem
}

// eciUTF8 is the ECI designator of UTF-8. Without it a decoder guesses the
// character set of a byte segment: zbar, behind many scanner apps, reads
// "Fernández" as "Fern獺ndez".
const eciUTF8 = 26

// qrEncode encodes text in byte mode at level M in the smallest version
// that holds it, marked as UTF-8 (an ECI segment first) unless it is all
// ASCII, which every decoder reads alike.
func qrEncode(text string) (*qrSymbol, error) {
	data := []byte(text)
	eci := false
	for _, b := range data {
		if b >= 0x80 {
			eci = true
			break
		}
	}
	header := 4 // the byte mode indicator
	if eci {
		header += 4 + 8 // the ECI mode indicator and a one-byte designator
	}
	ver := 0
	for v := 1; v <= 40; v++ {
		countBits := 8
		if v >= 10 {
			countBits = 16
		}
		if header+countBits+8*len(data) <= 8*qrVersionsM[v-1].dataCodewords() {
			ver = v
			break
		}
	}
	if ver == 0 {
		return nil, fmt.Errorf("%w (%d bytes)", errQRTooLong, len(data))
	}
	info := qrVersionsM[ver-1]
	capacity := info.dataCodewords()

	// The bit stream: ECI, mode, count, data, terminator, padding.
	bits := make([]byte, 0, capacity)
	var acc uint32
	n := 0
	put := func(v uint32, width int) {
		for i := width - 1; i >= 0; i-- {
			acc = acc<<1 | (v>>i)&1
			n++
			if n == 8 {
				bits = append(bits, byte(acc))
				acc, n = 0, 0
			}
		}
	}
	if eci {
		put(0b0111, 4)
		put(eciUTF8, 8)
	}
	put(0b0100, 4)
	if ver >= 10 {
		put(uint32(len(data)), 16)
	} else {
		put(uint32(len(data)), 8)
	}
	for _, b := range data {
		put(uint32(b), 8)
	}
	for i := 0; i < 4 && len(bits)*8+n < capacity*8; i++ {
		put(0, 1)
	}
	if n > 0 {
		put(0, 8-n)
	}
	for i := 0; len(bits) < capacity; i++ {
		bits = append(bits, []byte{0xEC, 0x11}[i%2])
	}

	// Blocks, their error correction, interleaved.
	var blocks, ecc [][]byte
	at := 0
	for _, g := range info.groups {
		for range g.count {
			blocks = append(blocks, bits[at:at+g.data])
			ecc = append(ecc, rsRemainder(bits[at:at+g.data], info.ecPerBlock))
			at += g.data
		}
	}
	codewords := make([]byte, 0, info.total)
	for i := 0; ; i++ {
		added := false
		for _, b := range blocks {
			if i < len(b) {
				codewords = append(codewords, b[i])
				added = true
			}
		}
		if !added {
			break
		}
	}
	for i := range info.ecPerBlock {
		for _, e := range ecc {
			codewords = append(codewords, e[i])
		}
	}

	// The symbol: function patterns, then the data in every mask; the
	// mask with the lowest penalty wins.
	m := newQRMatrix(ver)
	m.placeData(codewords)
	best := m.bestMask()
	work := make([]byte, len(m.dark))
	m.masked(best, work)
	out := make([]bool, len(work))
	for i, c := range work {
		out[i] = c == 1
	}
	return &qrSymbol{size: m.size, dark: out, mask: best}, nil
}

// qrMatrix is a symbol under construction: the modules, and which of
// them belong to function patterns (not data, not masked).
type qrMatrix struct {
	size     int
	version  int
	dark     []bool
	function []bool
}

func newQRMatrix(version int) *qrMatrix {
	size := 17 + 4*version
	m := &qrMatrix{size: size, version: version, dark: make([]bool, size*size), function: make([]bool, size*size)}
	set := func(x, y int, d bool) {
		m.dark[y*size+x] = d
		m.function[y*size+x] = true
	}
	// Finder patterns with their separators.
	for _, c := range [][2]int{{0, 0}, {size - 7, 0}, {0, size - 7}} {
		for dy := -1; dy <= 7; dy++ {
			for dx := -1; dx <= 7; dx++ {
				x, y := c[0]+dx, c[1]+dy
				if x < 0 || y < 0 || x >= size || y >= size {
					continue
				}
				ring := max(abs(dx-3), abs(dy-3))
				set(x, y, ring != 2 && ring != 4)
			}
		}
	}
	// Timing patterns.
	for i := 8; i < size-8; i++ {
		set(i, 6, i%2 == 0)
		set(6, i, i%2 == 0)
	}
	// Alignment patterns, but not over the finders.
	centres := qrVersionsM[version-1].align
	last := len(centres) - 1
	for i, cy := range centres {
		for j, cx := range centres {
			if i == 0 && j == 0 || i == 0 && j == last || i == last && j == 0 {
				continue // a finder is there
			}
			for dy := -2; dy <= 2; dy++ {
				for dx := -2; dx <= 2; dx++ {
					set(cx+dx, cy+dy, max(abs(dx), abs(dy)) != 1)
				}
			}
		}
	}
	// The reserved format areas (written with the mask) and the dark
	// module.
	for i := range 9 {
		if !m.function[8*size+i] {
			set(i, 8, false)
		}
		if !m.function[i*size+8] {
			set(8, i, false)
		}
	}
	for i := range 8 {
		set(size-1-i, 8, false)
		set(8, size-1-i, false)
	}
	set(8, size-8, true)
	// Version information from version 7.
	if version >= 7 {
		v := version << 12
		rem := v
		for i := 17; i >= 12; i-- {
			if rem>>i&1 != 0 {
				rem ^= 0x1F25 << (i - 12)
			}
		}
		bits := v | rem
		for i := range 18 {
			d := bits>>i&1 != 0
			a, b := size-11+i%3, i/3
			set(a, b, d)
			set(b, a, d)
		}
	}
	return m
}

// placeData writes the codewords in the zigzag of the standard: pairs of
// columns from the right, up and down in turn, skipping the timing column.
func (m *qrMatrix) placeData(codewords []byte) {
	size := m.size
	bit := 0
	total := len(codewords) * 8
	up := true
	for right := size - 1; right > 0; right -= 2 {
		if right == 6 {
			right = 5
		}
		for i := range size {
			y := i
			if up {
				y = size - 1 - i
			}
			for dx := 0; dx < 2; dx++ {
				x := right - dx
				if m.function[y*size+x] {
					continue
				}
				if bit < total {
					m.dark[y*size+x] = codewords[bit>>3]>>(7-bit&7)&1 != 0
				}
				bit++
			}
		}
		up = !up
	}
}

// qrMasks caches by version the modules each mask inverts (1), function
// patterns left out.
var qrMasks = struct {
	sync.Mutex
	byVersion map[int]*[8][]byte
}{byVersion: map[int]*[8][]byte{}}

func qrMaskPatterns(m *qrMatrix) *[8][]byte {
	qrMasks.Lock()
	defer qrMasks.Unlock()
	if p, ok := qrMasks.byVersion[m.version]; ok {
		return p
	}
	p := new([8][]byte)
	for mask := range 8 {
		p[mask] = make([]byte, len(m.dark))
		for y := range m.size {
			for x := range m.size {
				if i := y*m.size + x; !m.function[i] && qrMaskBit(mask, x, y) {
					p[mask][i] = 1
				}
			}
		}
	}
	qrMasks.byVersion[m.version] = p
	return p
}

// qrMaskBit reports whether mask inverts the module at (x, y).
func qrMaskBit(mask, x, y int) bool {
	switch mask {
	case 0:
		return (x+y)%2 == 0
	case 1:
		return y%2 == 0
	case 2:
		return x%3 == 0
	case 3:
		return (x+y)%3 == 0
	case 4:
		return (y/2+x/3)%2 == 0
	case 5:
		return x*y%2+x*y%3 == 0
	case 6:
		return (x*y%2+x*y%3)%2 == 0
	}
	return ((x+y)%2+x*y%3)%2 == 0
}

// qrFormatBits are the 15 format bits of level M with each mask.
var qrFormatBits = func() (out [8]int) {
	for mask := range 8 {
		v := (0b00<<3 | mask) << 10 // level M is 00
		rem := v
		for i := 14; i >= 10; i-- {
			if rem>>i&1 != 0 {
				rem ^= 0x537 << (i - 10)
			}
		}
		out[mask] = (v | rem) ^ 0x5412
	}
	return
}()

// masked writes into out the symbol with mask applied to the data and the
// format information of that mask written.
func (m *qrMatrix) masked(mask int, out []byte) {
	size := m.size
	pat := qrMaskPatterns(m)[mask]
	for i, d := range m.dark {
		var b byte
		if d {
			b = 1
		}
		out[i] = b ^ pat[i]
	}
	f := qrFormatBits[mask]
	for i := range 15 {
		d := byte(f >> i & 1)
		a, b := qrFormatCells(size, i)
		out[a] = d
		out[b] = d
	}
}

// qrFormatCells returns where the i-th format bit goes (y*size+x): around
// the top left finder, and beside one of the other two.
func qrFormatCells(size, i int) (a, b int) {
	switch {
	case i < 6:
		a = i*size + 8
	case i < 8:
		a = (i+1)*size + 8
	case i == 8:
		a = 8*size + 7
	default:
		a = 8*size + 14 - i
	}
	if i < 8 {
		b = 8*size + size - 1 - i
	} else {
		b = (size-15+i)*size + 8
	}
	return a, b
}

func abs(x int) int { return max(x, -x) }
