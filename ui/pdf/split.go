package pdf

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
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

// A run of many certificates is drawn in batches of certBatch pages, each
// a gofpdf document of its own that is written out and dropped before the
// next, then merged into one PDF (pdfMerger): gofpdf keeps every page
// uncompressed until the end, which made the heap grow by some 30 KB a
// certificate. Each batch carries its own font subsets and images, a few
// hundred kilobytes more in a file of tens of megabytes.
var certBatch = 500 // a variable for the tests

var (
	reRef      = regexp.MustCompile(`(\d+) 0 R`)
	reObjHead  = regexp.MustCompile(`^(\d+) 0 obj`)
	reMediaBox = regexp.MustCompile(`/MediaBox \[[^\]]*\]`)
)

// pdfMerger writes the pages of PDFs as gofpdf writes them, in order, as
// one PDF, with the first one's information and catalog: add each part as
// it is drawn, then finish. The objects are renumbered; streams are copied
// untouched. The file is written as it goes and each part let go once
// written, so that the heap does not grow with the run (at 5,000
// certificates the parts are some 40 MB).
type pdfMerger struct {
	b         *countingWriter
	parts     int
	next      int   // the next object number
	offs      []int // offs[n]: where object n starts
	kids      bytes.Buffer
	count     int
	media     []byte
	cat, info int
}

// pdfMergeRoot is the object number of the merged page tree.
const pdfMergeRoot = 1

func newPDFMerger(w io.Writer) *pdfMerger {
	return &pdfMerger{b: &countingWriter{w: bufio.NewWriterSize(w, 1<<16)}, next: pdfMergeRoot + 1, offs: make([]int, pdfMergeRoot+1)}
}

// add writes the objects of the next part.
func (mg *pdfMerger) add(part []byte) error {
	j := mg.parts
	mg.parts++
	p, err := parsePDF(part)
	if err != nil {
		return fmt.Errorf("merge part %d: %w", j+1, err)
	}
	m := map[int]int{p.root: pdfMergeRoot}
	for i := 1; i < p.size; i++ {
		if p.start[i] > 0 && i != p.root && (j == 0 || (i != p.cat && i != p.info)) {
			m[i] = mg.next
			mg.next++
		}
	}
	mg.offs = append(mg.offs, make([]int, mg.next-len(mg.offs))...)
	b := mg.b
	if j == 0 {
		b.Write(p.header)
		mg.media = bytes.Clone(reMediaBox.Find(p.obj(p.root)))
		mg.cat, mg.info = m[p.cat], m[p.info]
	}
	for _, pg := range p.pages {
		fmt.Fprintf(&mg.kids, "%d 0 R ", m[pg])
		mg.count++
	}
	for i := 1; i < p.size; i++ {
		n, ok := m[i]
		if !ok || n == pdfMergeRoot {
			continue
		}
		mg.offs[n] = b.Len()
		o := p.obj(i)
		dict, stream := o, []byte(nil)
		if k := bytes.Index(o, []byte("stream")); k >= 0 {
			dict, stream = o[:k], o[k:]
		}
		h := reObjHead.FindSubmatchIndex(dict)
		if h == nil {
			return fmt.Errorf("merge part %d: object %d has no header", j+1, i)
		}
		fmt.Fprintf(b, "%d 0 obj", n)
		b.Write(reRef.ReplaceAllFunc(dict[h[1]:], func(ref []byte) []byte {
			old, _ := strconv.Atoi(string(ref[:bytes.IndexByte(ref, ' ')]))
			if to, ok := m[old]; ok {
				return []byte(strconv.Itoa(to) + " 0 R")
			}
			return ref
		}))
		b.Write(stream)
	}
	return b.err
}

// finish writes the page tree, the cross-reference table and the trailer.
func (mg *pdfMerger) finish() error {
	if mg.parts == 0 {
		return errors.New("merge: no part")
	}
	b := mg.b
	mg.offs[pdfMergeRoot] = b.Len()
	fmt.Fprintf(b, "%d 0 obj\n<</Type /Pages /Kids [%s] /Count %d %s>>\nendobj\n", pdfMergeRoot, mg.kids.Bytes(), mg.count, mg.media)
	xref := b.Len()
	fmt.Fprintf(b, "xref\n0 %d\n0000000000 65535 f \n", mg.next)
	for i := 1; i < mg.next; i++ {
		fmt.Fprintf(b, "%010d 00000 n \n", mg.offs[i])
	}
	fmt.Fprintf(b, "trailer\n<<\n/Size %d\n/Root %d 0 R\n/Info %d 0 R\n>>\nstartxref\n%d\n%%%%EOF\n", mg.next, mg.cat, mg.info, xref)
	if b.err != nil {
		return b.err
	}
	return b.w.Flush()
}

// countingWriter counts the bytes written through it and keeps the first
// error.
type countingWriter struct {
	w   *bufio.Writer
	n   int
	err error
}

func (c *countingWriter) Write(p []byte) (int, error) {
	if c.err != nil {
		return 0, c.err
	}
	n, err := c.w.Write(p)
	c.n += n
	c.err = err
	return n, err
}

// Len is the number of bytes written.
func (c *countingWriter) Len() int { return c.n }
