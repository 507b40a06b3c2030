package pdf

import (
	"math/rand/v2"
	"testing"
)

// TestQRPenaltyMatchesReference scores random symbols of every size, dense,
// sparse and striped, with the bit-parallel rules and with the module by
// module ones they replaced (below), which must agree exactly: the mask
// chosen, and so every QR code printed, stays the same.
func TestQRPenaltyMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(15, 19))
	for version := 1; version <= 40; version++ {
		size := 17 + 4*version
		full := qrFull(size)
		g, tr := make([]byte, size*size), make([]byte, size*size)
		for trial := range 12 {
			density := []float64{0.5, 0.2, 0.8, 0.5}[trial%4]
			for i := range g {
				g[i] = 0
				if r.Float64() < density {
					g[i] = 1
				}
			}
			if trial%4 == 3 { // finder-like rows and columns, some at the edges
				pat := []byte{1, 0, 1, 1, 1, 0, 1, 0, 0, 0, 0}
				for y := 0; y < size; y += 3 {
					at := r.IntN(size - len(pat) + 1)
					if y%2 == 0 {
						at = []int{0, size - len(pat), size - 7}[y%3]
					}
					for i, c := range pat {
						if at+i < size {
							g[y*size+at+i] = c
							g[(at+i)*size+(y+1)%size] = c
						}
					}
				}
			}
			q := newQRLines(size)
			for y := range size {
				for x := range size {
					if g[y*size+x] == 1 {
						q.set(x, y, true)
					}
				}
			}
			for i := range size {
				q.lrows[i] = full.andNot(q.rows[i])
				q.lcols[i] = full.andNot(q.cols[i])
			}
			if got, want := q.penalty(full), qrPenaltyReference(g, tr, size, -1); got != want {
				t.Fatalf("version %d, trial %d: penalty %d, reference %d", version, trial, got, want)
			}
		}
	}
}

// TestQRBestMaskMatchesReference encodes texts of many lengths and checks
// the mask chosen against the lowest reference penalty of the eight.
func TestQRBestMaskMatchesReference(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 5))
	for n := 1; n < 1200; n += 1 + n/8 {
		b := make([]byte, n)
		for i := range b {
			b[i] = byte(' ' + r.IntN(95))
		}
		sym, err := qrEncode(string(b))
		if err != nil {
			t.Fatal(err)
		}
		ver := (sym.size - 17) / 4
		m := newQRMatrix(ver)
		// the data modules of the symbol unmasked again
		pat := qrMaskPatterns(m)[sym.mask]
		for i, d := range sym.dark {
			m.dark[i] = m.function[i] && m.dark[i] || !m.function[i] && (d != (pat[i] == 1))
		}
		work, tr := make([]byte, len(m.dark)), make([]byte, len(m.dark))
		best, bestScore := 0, -1
		for mask := range 8 {
			m.masked(mask, work)
			if s := qrPenaltyReference(work, tr, m.size, -1); bestScore < 0 || s < bestScore {
				best, bestScore = mask, s
			}
		}
		if best != sym.mask {
			t.Errorf("%d bytes: mask %d, reference %d", n, sym.mask, best)
		}
	}
}

// qrPenaltyReference scores a symbol (1 is dark) by the four rules of the
// standard: runs of five or more modules of one colour, 2 × 2 blocks,
// finder-like patterns, and the balance of dark and light. t is space for
// the transposed symbol. Once the score reaches limit (when limit >= 0)
// it stops and returns it: that mask cannot be the best, and a third of
// the time of a certificate went into scoring masks.
func qrPenaltyReference(g, t []byte, size, limit int) int {
	runs := make([]int, size)
	score := 0
	dark := 0
	for y := range size {
		row := g[y*size : (y+1)*size]
		score += qrLinePenaltyReference(row, runs)
		for x, c := range row {
			t[x*size+y] = c
			dark += int(c)
		}
		if y+1 < size {
			below := g[(y+1)*size : (y+2)*size]
			for x := 0; x+1 < size; x++ {
				if c := row[x]; row[x+1] == c && below[x] == c && below[x+1] == c {
					score += 3
				}
			}
		}
		if limit >= 0 && score >= limit {
			return score
		}
	}
	for x := range size {
		score += qrLinePenaltyReference(t[x*size:(x+1)*size], runs)
		if limit >= 0 && score >= limit {
			return score
		}
	}
	total := size * size
	k := abs(dark*20-total*10) / total // each 5% from half: 10 points
	return score + k*10
}

// qrLinePenaltyReference scores one row or column (1 is dark) from its runs: rule
// 1, runs of five or more, and rule 3, dark and light runs of 1:1:3:1:1
// modules with four light modules (or the edge) on one side.
func qrLinePenaltyReference(l []byte, runs []int) int {
	n := 0
	run := 1
	for x := 1; x < len(l); x++ {
		if l[x] == l[x-1] {
			run++
			continue
		}
		runs[n] = run
		n++
		run = 1
	}
	runs[n] = run
	n++
	score := 0
	for _, r := range runs[:n] {
		if r >= 5 {
			score += r - 2
		}
	}
	// runs alternate in colour; the first is dark when l[0] is
	first := 0
	if l[0] == 0 {
		first = 1
	}
	for i := first; i+4 < n; i += 2 { // i: a dark run
		if runs[i] == 1 && runs[i+1] == 1 && runs[i+2] == 3 && runs[i+3] == 1 && runs[i+4] == 1 {
			before := i == 0 || runs[i-1] >= 4
			after := i+5 >= n || runs[i+5] >= 4
			if before || after {
				score += 40
			}
		}
	}
	return score
}
