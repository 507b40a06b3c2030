package pdf

import (
	"bytes"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"unicode/utf16"
)

// One PDF per certificate (--split) is cut out of the one PDF of the run:
// gofpdf parses every font and image again for each document it makes,
// subsets and compresses them again and compresses the background again,
// which cost some 45 ms a file. The run's PDF is drawn once; each file
// then takes that PDF's shared objects (fonts, images, the page
// backgrounds, resources) byte for byte, its own page and content, a page
// tree of that one page and its own title. Objects of the other pages are
// left out (free in the cross-reference table). A file holds the fonts of
// the whole run, subset to the letters of every name printed in it.

// pdfFile is a PDF as gofpdf writes it (classic cross-reference table, no
// object streams), cut into its objects.
type pdfFile struct {
	data   []byte
	header []byte  // up to the first object
	start  []int   // offset of object i (0: none)
	end    []int   // end of object i: the start of the next one, or of the xref
	pages  []int   // page objects, in order
	conts  [][]int // objects only page k uses (its contents)
	root   int     // the page tree
	info   int     // the document information
	cat    int     // the catalog
	size   int     // /Size
}

var (
	reStartXref = regexp.MustCompile(`startxref\s+(\d+)\s+%%EOF\s*$`)
	reXrefHead  = regexp.MustCompile(`^xref\s+0\s+(\d+)\s+`)
	reRoot      = regexp.MustCompile(`/Root (\d+) 0 R`)
	reInfo      = regexp.MustCompile(`/Info (\d+) 0 R`)
	rePagesRef  = regexp.MustCompile(`/Pages (\d+) 0 R`)
	reKids      = regexp.MustCompile(`/Kids \[([0-9 R]*)\]`)
	reCount     = regexp.MustCompile(`/Count \d+`)
	reContents  = regexp.MustCompile(`/Contents (\d+) 0 R`)
	reTitle     = regexp.MustCompile(`/Title (\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)`)
)

// parsePDF cuts data into its objects.
func parsePDF(data []byte) (*pdfFile, error) {
	m := reStartXref.FindSubmatch(data)
	if m == nil {
		return nil, errors.New("split: no startxref")
	}
	xref, _ := strconv.Atoi(string(m[1]))
	if xref <= 0 || xref >= len(data) {
		return nil, errors.New("split: bad startxref")
	}
	h := reXrefHead.FindSubmatchIndex(data[xref:])
	if h == nil {
		return nil, errors.New("split: no cross-reference table")
	}
	n, _ := strconv.Atoi(string(data[xref+h[2] : xref+h[3]]))
	p := &pdfFile{data: data, start: make([]int, n), end: make([]int, n), size: n}
	pos := xref + h[1]
	if pos+20*n > len(data) {
		return nil, errors.New("split: cross-reference table cut short")
	}
	order := make([]int, 0, n)
	for i := range n {
		e := data[pos+20*i : pos+20*i+20]
		if e[17] == 'n' {
			off, err := strconv.Atoi(string(e[:10]))
			if err != nil || off <= 0 || off >= xref {
				return nil, fmt.Errorf("split: object %d at %q", i, e[:10])
			}
			p.start[i] = off
			order = append(order, i)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return p.start[a] - p.start[b] })
	for k, i := range order {
		if k+1 < len(order) {
			p.end[i] = p.start[order[k+1]]
		} else {
			p.end[i] = xref
		}
	}
	if len(order) == 0 {
		return nil, errors.New("split: no objects")
	}
	p.header = data[:p.start[order[0]]]
	trailer := data[xref:]
	p.cat, p.info = atoiSub(reRoot.FindSubmatch(trailer)), atoiSub(reInfo.FindSubmatch(trailer))
	p.root = atoiSub(rePagesRef.FindSubmatch(p.obj(p.cat)))
	kids := reKids.FindSubmatch(p.obj(p.root))
	if p.cat == 0 || p.root == 0 || kids == nil {
		return nil, errors.New("split: no page tree")
	}
	for _, f := range bytes.Fields(kids[1]) {
		if k, err := strconv.Atoi(string(f)); err == nil && k > 0 && k < n && p.start[k] > 0 {
			p.pages = append(p.pages, k)
		}
	}
	for _, pg := range p.pages {
		c := atoiSub(reContents.FindSubmatch(p.obj(pg)))
		if c <= 0 || c >= n || p.start[c] == 0 {
			return nil, fmt.Errorf("split: page object %d has no contents", pg)
		}
		p.conts = append(p.conts, []int{c})
	}
	return p, nil
}

func atoiSub(m [][]byte) int {
	if m == nil {
		return 0
	}
	v, _ := strconv.Atoi(string(m[1]))
	return v
}

// obj returns the bytes of object i ("i 0 obj ... endobj").
func (p *pdfFile) obj(i int) []byte {
	if i <= 0 || i >= len(p.start) || p.start[i] == 0 {
		return nil
	}
	return p.data[p.start[i]:p.end[i]]
}

// page writes page k alone as a PDF with the given title into b.
func (p *pdfFile) page(k int, title string, b *bytes.Buffer) {
	skip := make(map[int]bool, 2*len(p.pages))
	for j, pg := range p.pages {
		if j != k {
			skip[pg] = true
			for _, c := range p.conts[j] {
				skip[c] = true
			}
		}
	}
	offs := make([]int, p.size)
	b.Write(p.header)
	for i := 1; i < p.size; i++ {
		if p.start[i] == 0 || skip[i] {
			continue
		}
		offs[i] = b.Len()
		o := p.obj(i)
		switch i {
		case p.root:
			o = reKids.ReplaceAll(o, []byte("/Kids ["+strconv.Itoa(p.pages[k])+" 0 R ]"))
			o = reCount.ReplaceAll(o, []byte("/Count 1"))
		case p.info:
			o = reTitle.ReplaceAllLiteral(o, []byte("/Title "+pdfTextString(title)))
		}
		b.Write(o)
	}
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n", p.size)
	b.WriteString("0000000000 65535 f \n")
	for i := 1; i < p.size; i++ {
		if offs[i] == 0 {
			b.WriteString("0000000000 65535 f \n")
		} else {
			fmt.Fprintf(b, "%010d 00000 n \n", offs[i])
		}
	}
	fmt.Fprintf(b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", p.size, p.cat, p.info, xref)
}

// pdfTextString is s as a PDF text string: UTF-16BE with its byte order
// mark, in hexadecimal.
func pdfTextString(s string) string {
	var b bytes.Buffer
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteByte('>')
	return b.String()
}
