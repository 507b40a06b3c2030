package pdf

import "golang.org/x/text/unicode/bidi"

// Bidirectional ordering.
//
// A PDF draws glyphs left to right, so a line that mixes Latin and Arabic
// ("Dr. محمد Al-Amin") must be put in visual order before it is drawn.
// gofpdf's RTL() only reverses the characters of a whole string, which
// turns the Latin parts backwards.
//
// golang.org/x/text/unicode/bidi (v0.34) classifies characters correctly
// but its ordering is not usable: Paragraph.Order returns the runs in
// logical order, split by the parity of their level only, and never
// reorders them (its Reorder is still "unimplemented"); the resolved
// embedding levels that rule L2 needs stay unexported. "Room محمد 12", for
// example, comes back as the runs "Room ", "محمد ", "12" with the number
// marked left-to-right, from which the correct visual order "Room 12 دمحم"
// cannot be rebuilt. So this file implements the subset of the Unicode
// Bidirectional Algorithm (UAX #9) that one line of names, titles and
// places needs, with the classes from x/text:
//
//   - paragraph level from the first strong character (P2, P3), or given;
//   - weak types: NSM (W1), European numbers after Arabic letters become
//     Arabic numbers (W2), AL→R (W3), number separators and terminators
//     (W4–W6), European numbers after Latin (W7);
//   - neutrals between strong runs of the same direction take that
//     direction, others the embedding direction (N1, N2); numbers count as
//     R for this;
//   - implicit levels (I1, I2), trailing whitespace to the paragraph level
//     (L1), reversal from the highest level (L2) and mirrored brackets in
//     right-to-left runs (L4).
//
// Left out: explicit embeddings, overrides and isolates (LRE…PDI: dropped
// as if absent), bracket pairs (N0) and several paragraphs in one string.
// Names and titles typed into the app do not use them.

// Direction is the base direction of a line of text.
type Direction int

// The directions: Auto takes the direction of the first strong character
// (left to right when there is none).
const (
	Auto Direction = iota
	LeftToRight
	RightToLeft
)

// mirrors holds the bracket pairs mirrored in right-to-left runs.
var mirrors = map[rune]rune{
	'(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<',
	'«': '»', '»': '«', '‹': '›', '›': '‹',
}

// bidiLevels returns the resolved embedding level of every character of
// s, and the paragraph level.
func bidiLevels(s []rune, dir Direction) (levels []uint8, para uint8) {
	n := len(s)
	cls := make([]bidi.Class, n)
	for i, r := range s {
		p, _ := bidi.LookupRune(r)
		c := p.Class()
		switch c {
		case bidi.LRE, bidi.RLE, bidi.LRO, bidi.RLO, bidi.PDF, bidi.LRI, bidi.RLI, bidi.FSI, bidi.PDI:
			c = bidi.BN
		case bidi.B, bidi.S:
			c = bidi.WS
		}
		cls[i] = c
	}
	switch dir {
	case RightToLeft:
		para = 1
	case Auto:
		for _, c := range cls {
			if c == bidi.L {
				break
			}
			if c == bidi.R || c == bidi.AL {
				para = 1
				break
			}
		}
	}
	sos := bidi.L
	if para == 1 {
		sos = bidi.R
	}
	// W1: a mark takes the type of what it follows (BN is skipped).
	prevType := sos
	for i, c := range cls {
		switch c {
		case bidi.NSM:
			cls[i] = prevType
		case bidi.BN:
		default:
			prevType = c
		}
	}
	// W2, W3: numbers after Arabic letters are Arabic numbers; AL is R.
	lastStrong := sos
	for i, c := range cls {
		switch c {
		case bidi.L, bidi.R:
			lastStrong = c
		case bidi.AL:
			lastStrong = c
			cls[i] = bidi.R
		case bidi.EN:
			if lastStrong == bidi.AL {
				cls[i] = bidi.AN
			}
		}
	}
	// W4: one separator between two numbers of the same kind joins them.
	for i := 1; i+1 < n; i++ {
		a, b := cls[i-1], cls[i+1]
		switch {
		case cls[i] == bidi.ES && a == bidi.EN && b == bidi.EN:
			cls[i] = bidi.EN
		case cls[i] == bidi.CS && a == b && (a == bidi.EN || a == bidi.AN):
			cls[i] = a
		}
	}
	// W5: terminators (%, currency) next to European numbers are numbers.
	for i := 0; i < n; i++ {
		if cls[i] != bidi.ET {
			continue
		}
		j := i
		for j < n && cls[j] == bidi.ET {
			j++
		}
		if (i > 0 && cls[i-1] == bidi.EN) || (j < n && cls[j] == bidi.EN) {
			for k := i; k < j; k++ {
				cls[k] = bidi.EN
			}
		}
		i = j - 1
	}
	// W6: what is left of separators and terminators is neutral.
	for i, c := range cls {
		if c == bidi.ES || c == bidi.ET || c == bidi.CS {
			cls[i] = bidi.ON
		}
	}
	// W7: European numbers after Latin (or at the start of a left-to-right
	// line) are left to right.
	lastStrong = sos
	for i, c := range cls {
		switch c {
		case bidi.L, bidi.R:
			lastStrong = c
		case bidi.EN:
			if lastStrong == bidi.L {
				cls[i] = bidi.L
			}
		}
	}
	// N1, N2: neutrals between two strong types of the same direction
	// (numbers count as R) take it; others the embedding direction.
	strongDir := func(c bidi.Class) (bidi.Class, bool) {
		switch c {
		case bidi.L:
			return bidi.L, true
		case bidi.R, bidi.EN, bidi.AN:
			return bidi.R, true
		}
		return 0, false
	}
	for i := 0; i < n; i++ {
		if _, strong := strongDir(cls[i]); strong {
			continue
		}
		j := i
		for j < n {
			if _, strong := strongDir(cls[j]); strong {
				break
			}
			j++
		}
		before, after := sos, sos
		if i > 0 {
			before, _ = strongDir(cls[i-1])
		}
		if j < n {
			after, _ = strongDir(cls[j])
		}
		dir := sos
		if before == after {
			dir = before
		}
		for k := i; k < j; k++ {
			cls[k] = dir
		}
		i = j - 1
	}
	// I1, I2: implicit levels.
	levels = make([]uint8, n)
	for i, c := range cls {
		switch {
		case para == 0 && c == bidi.R:
			levels[i] = 1
		case para == 0 && (c == bidi.AN || c == bidi.EN):
			levels[i] = 2
		case para == 1 && (c == bidi.L || c == bidi.AN || c == bidi.EN):
			levels[i] = 2
		default:
			levels[i] = para
		}
	}
	// L1: trailing whitespace goes back to the paragraph level.
	for i := n - 1; i >= 0; i-- {
		p, _ := bidi.LookupRune(s[i])
		if c := p.Class(); c != bidi.WS && c != bidi.BN && c != bidi.S && c != bidi.B {
			break
		}
		levels[i] = para
	}
	return levels, para
}

// visualOrder returns the indices of the characters with the given levels
// in the order they are drawn left to right (rule L2).
func visualOrder(levels []uint8) []int {
	order := make([]int, len(levels))
	var highest, lowestOdd uint8 = 0, 255
	for i, l := range levels {
		order[i] = i
		highest = max(highest, l)
		if l%2 == 1 {
			lowestOdd = min(lowestOdd, l)
		}
	}
	if lowestOdd == 255 {
		lowestOdd = 1
	}
	for lvl := highest; lvl >= lowestOdd && lvl > 0; lvl-- {
		for i := 0; i < len(order); {
			if levels[order[i]] < lvl {
				i++
				continue
			}
			j := i
			for j < len(order) && levels[order[j]] >= lvl {
				j++
			}
			for a, b := i, j-1; a < b; a, b = a+1, b-1 {
				order[a], order[b] = order[b], order[a]
			}
			i = j
		}
	}
	return order
}

// Visual returns s as it is drawn left to right: NFC-normalised, Arabic
// shaped to presentation forms, and reordered by the bidi algorithm with
// brackets mirrored in right-to-left runs. It is exported for tests and
// for screens that must show the same order as the printouts.
func Visual(s string, dir Direction) string {
	rs := prepare(s)
	levels, _ := bidiLevels(rs, dir)
	out := make([]rune, 0, len(rs))
	for _, i := range visualOrder(levels) {
		r := rs[i]
		if m, ok := mirrors[r]; ok && levels[i]%2 == 1 {
			r = m
		}
		out = append(out, r)
	}
	return string(out)
}
