package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

// gofpdf compresses each page's contents with a new zlib writer, and a new
// writer clears some 800 KB of memory: for a certificate, more time than
// compressing its page. The certificates are drawn without gofpdf's
// compression and their page contents and backgrounds (form XObjects)
// compressed afterwards here, the way gofpdf does it (zlib at best speed,
// the same dictionary) with one writer for the whole batch: the file is
// the same byte for byte (TestCertificatesCompressedAsGofpdfDoes).

// certOwnCompression is false in the test that compares with gofpdf's own
// compression.
var certOwnCompression = true

var (
	reStreamLength = regexp.MustCompile(`/Length (\d+)( ?>>)$`)
	formXObject    = []byte("<</Type /XObject\n/Subtype /Form\n")
)

// compressStreams returns data, a PDF gofpdf wrote without compression,
// with its page contents and form XObjects compressed as gofpdf would
// have, and the cross-reference table made anew.
func compressStreams(data []byte) ([]byte, error) {
	p, err := parsePDF(data)
	if err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	target := make([]bool, p.size)
	for _, c := range p.conts {
		target[c[0]] = true
	}
	var order []int
	for i := 1; i < p.size; i++ {
		if p.start[i] == 0 {
			continue
		}
		order = append(order, i)
		o := p.obj(i)
		if k := bytes.Index(o, []byte("<<")); k >= 0 && bytes.HasPrefix(o[k:], formXObject) {
			target[i] = true
		}
	}
	slices.SortFunc(order, func(a, b int) int { return p.start[a] - p.start[b] })
	xref := reStartXref.FindSubmatchIndex(data)
	trailer := bytes.LastIndex(data[:xref[0]], []byte("trailer\n"))
	if trailer < 0 {
		return nil, errors.New("compress: no trailer")
	}

	// Each stream is found, then all are compressed on every processor
	// (one zlib writer each), then the file is put together in order.
	type stream struct {
		d, s, m2, m3, body, n int
		z                     []byte
	}
	streams := make([]stream, p.size)
	var todo []int
	for _, i := range order {
		if !target[i] {
			continue
		}
		o := p.obj(i)
		// "i 0 obj\n<<…/Length n>>\nstream\n" n bytes "\nendstream\nendobj\n"
		d := bytes.Index(o, []byte("<<"))
		s := bytes.Index(o, []byte(">>\nstream\n"))
		if d < 0 || s < d {
			return nil, fmt.Errorf("compress: object %d is not a stream", i)
		}
		s += 2
		m := reStreamLength.FindSubmatchIndex(o[:s])
		if m == nil {
			return nil, fmt.Errorf("compress: object %d has no length", i)
		}
		n, _ := strconv.Atoi(string(o[m[2]:m[3]]))
		body := s + len("\nstream\n")
		if body+n > len(o) || !bytes.HasPrefix(o[body+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("compress: object %d: the stream is not %d bytes", i, n)
		}
		streams[i] = stream{d: d, s: s, m2: m[2], m3: m[3], body: body, n: n}
		todo = append(todo, i)
	}
	errs := make([]error, len(todo))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(todo), 1)) {
		wg.Go(func() {
			var z bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
			for k := int(next.Add(1) - 1); k < len(todo); k = int(next.Add(1) - 1) {
				i := todo[k]
				st := &streams[i]
				z.Reset()
				zw.Reset(&z)
				zw.Write(p.obj(i)[st.body : st.body+st.n])
				if err := zw.Close(); err != nil {
					errs[k] = fmt.Errorf("compress: object %d: %w", i, err)
				}
				st.z = bytes.Clone(z.Bytes())
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	var out bytes.Buffer
	out.Grow(len(data) / 3)
	out.Write(p.header)
	offs := make([]int, p.size)
	for _, i := range order {
		offs[i] = out.Len()
		o := p.obj(i)
		if !target[i] {
			out.Write(o)
			continue
		}
		st := &streams[i]
		out.Write(o[:st.d+2])
		out.WriteString("/Filter /FlateDecode ")
		out.Write(o[st.d+2 : st.m2])
		out.WriteString(strconv.Itoa(len(st.z)))
		out.Write(o[st.m3:st.s])
		out.WriteString("\nstream\n")
		out.Write(st.z)
		out.Write(o[st.body+st.n:])
	}
	at := out.Len()
	fmt.Fprintf(&out, "xref\n0 %d\n0000000000 65535 f \n", p.size)
	for i := 1; i < p.size; i++ {
		if p.start[i] == 0 {
			out.WriteString("0000000000 65535 f \n")
			continue
		}
		fmt.Fprintf(&out, "%010d 00000 n \n", offs[i])
	}
	out.Write(data[trailer:xref[0]])
	fmt.Fprintf(&out, "startxref\n%d\n%%%%EOF\n", at)
	return out.Bytes(), nil
}
