package pdf

import (
	"math/bits"
	"sync"
)

// Choosing the mask of a QR code scores the symbol under each of the eight
// masks by the penalty rules of ISO/IEC 18004 and keeps the lowest (the
// first of equals). Scoring module by module took a third of the time of a
// certificate; here every row and every column of the symbol is a bit set
// (at most 177 modules: three words), and each rule is counted for all the
// columns of a row at once, from a few word operations on neighbouring
// lines: the rules along rows are the rules along columns applied to the
// columns' bit sets.

// qrLine is a row or a column of a symbol: bit i is module i, 1 dark.
type qrLine [3]uint64

func (l *qrLine) set(i int, d bool) {
	if d {
		l[i>>6] |= 1 << (i & 63)
	} else {
		l[i>>6] &^= 1 << (i & 63)
	}
}

func (l qrLine) and(o qrLine) qrLine { return qrLine{l[0] & o[0], l[1] & o[1], l[2] & o[2]} }
func (l qrLine) or(o qrLine) qrLine  { return qrLine{l[0] | o[0], l[1] | o[1], l[2] | o[2]} }
func (l qrLine) xor(o qrLine) qrLine { return qrLine{l[0] ^ o[0], l[1] ^ o[1], l[2] ^ o[2]} }

func (l qrLine) andNot(o qrLine) qrLine {
	return qrLine{l[0] &^ o[0], l[1] &^ o[1], l[2] &^ o[2]}
}

// next shifts l by one module: bit i of the result is module i+1.
func (l qrLine) next() qrLine {
	return qrLine{l[0]>>1 | l[1]<<63, l[1]>>1 | l[2]<<63, l[2] >> 1}
}

func (l qrLine) count() int {
	return bits.OnesCount64(l[0]) + bits.OnesCount64(l[1]) + bits.OnesCount64(l[2])
}

// qrFull returns the line with the first n modules set.
func qrFull(n int) qrLine {
	var l qrLine
	for i := range n {
		l.set(i, true)
	}
	return l
}

// qrLines is a symbol as bit sets: its rows (bit x of row y is module
// (x, y)) and its columns (bit y of column x), and the light modules of
// both.
type qrLines struct {
	size                     int
	rows, cols, lrows, lcols []qrLine
}

func newQRLines(size int) *qrLines {
	return &qrLines{size: size, rows: make([]qrLine, size), cols: make([]qrLine, size),
		lrows: make([]qrLine, size), lcols: make([]qrLine, size)}
}

func (q *qrLines) set(x, y int, d bool) {
	q.rows[y].set(x, d)
	q.cols[x].set(y, d)
}

// qrBitMasks caches by version the modules each mask inverts as bit sets,
// function patterns left out.
var qrBitMasks = struct {
	sync.Mutex
	byVersion map[int]*[8]*qrLines
}{byVersion: map[int]*[8]*qrLines{}}

func qrMaskLines(m *qrMatrix) *[8]*qrLines {
	qrBitMasks.Lock()
	defer qrBitMasks.Unlock()
	if p, ok := qrBitMasks.byVersion[m.version]; ok {
		return p
	}
	p := new([8]*qrLines)
	for mask := range 8 {
		p[mask] = newQRLines(m.size)
		for y := range m.size {
			for x := range m.size {
				if !m.function[y*m.size+x] && qrMaskBit(mask, x, y) {
					p[mask].set(x, y, true)
				}
			}
		}
	}
	qrBitMasks.byVersion[m.version] = p
	return p
}

// bestMask returns the mask with the lowest penalty (the first of equals).
func (m *qrMatrix) bestMask() int {
	size := m.size
	base := newQRLines(size)
	for y := range size {
		for x := range size {
			if m.dark[y*size+x] {
				base.set(x, y, true)
			}
		}
	}
	pats := qrMaskLines(m)
	full := qrFull(size)
	q := newQRLines(size)
	best, bestScore := 0, -1
	for mask := range 8 {
		pat := pats[mask]
		for i := range size {
			q.rows[i] = base.rows[i].xor(pat.rows[i])
			q.cols[i] = base.cols[i].xor(pat.cols[i])
		}
		f := qrFormatBits[mask]
		for i := range 15 {
			d := f>>i&1 != 0
			a, b := qrFormatCells(size, i)
			q.set(a%size, a/size, d)
			q.set(b%size, b/size, d)
		}
		for i := range size {
			q.lrows[i] = full.andNot(q.rows[i])
			q.lcols[i] = full.andNot(q.cols[i])
		}
		if s := q.penalty(full); bestScore < 0 || s < bestScore {
			best, bestScore = mask, s
		}
	}
	return best
}

// penalty scores the symbol by the four rules: runs of five or more
// modules of one colour (3 points, and 1 more for each module beyond
// five), 2 × 2 blocks of one colour (3 each), dark and light runs of
// 1:1:3:1:1 with four light modules (or the edge) on one side (40 each),
// and 10 points for each 5 % of dark modules away from half.
func (q *qrLines) penalty(full qrLine) int {
	size := q.size
	score := qrRunPenalty(q.rows) + qrRunPenalty(q.lrows) +
		qrRunPenalty(q.cols) + qrRunPenalty(q.lcols) +
		qrFinderPenalty(q.rows, q.lrows, full) + qrFinderPenalty(q.cols, q.lcols, full)
	// 2 × 2 blocks: rows y and y+1 alike at x and at x+1, and x alike
	// with x+1.
	inner := qrFull(size - 1)
	dark := 0
	for y := range size {
		r := q.rows[y]
		dark += r.count()
		if y+1 < size {
			same := full.andNot(r.xor(q.rows[y+1]))
			along := inner.andNot(r.xor(r.next()))
			score += 3 * same.and(same.next()).and(along).count()
		}
	}
	total := size * size
	k := abs(dark*20-total*10) / total // each 5% from half: 10 points
	return score + k*10
}

// qrRunPenalty scores rule 1 for one colour across lines (set bits: that
// colour), along the order of the lines: every module that starts five of
// the colour in a row counts 1, and the first of each run 2 more, so that
// a run of n ≥ 5 costs n − 2.
func qrRunPenalty(lines []qrLine) int {
	score := 0
	for k := 0; k+4 < len(lines); k++ {
		five := lines[k].and(lines[k+1]).and(lines[k+2]).and(lines[k+3]).and(lines[k+4])
		score += five.count()
		if k > 0 {
			five = five.andNot(lines[k-1])
		}
		score += 2 * five.count()
	}
	return score
}

// qrFinderPenalty scores rule 3 across lines (dark and light the same
// lines' modules), along their order: dark, light, three dark, light, dark
// exactly (light or the edge on both sides), with four light modules or
// the edge before or after.
func qrFinderPenalty(dark, light []qrLine, full qrLine) int {
	n := len(dark)
	count := 0
	for k := 0; k+6 < n; k++ {
		p := dark[k].and(light[k+1]).and(dark[k+2]).and(dark[k+3]).and(dark[k+4]).and(light[k+5]).and(dark[k+6])
		if p == (qrLine{}) {
			continue
		}
		var before, after qrLine
		switch {
		case k == 0:
			before = full
		case k >= 4:
			p = p.and(light[k-1])
			before = light[k-1].and(light[k-2]).and(light[k-3]).and(light[k-4])
		default:
			p = p.and(light[k-1])
		}
		switch {
		case k+7 == n:
			after = full
		case k+10 < n:
			p = p.and(light[k+7])
			after = light[k+7].and(light[k+8]).and(light[k+9]).and(light[k+10])
		default:
			p = p.and(light[k+7])
		}
		count += p.and(before.or(after)).count()
	}
	return 40 * count
}
