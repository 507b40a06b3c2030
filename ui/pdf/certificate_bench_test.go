package pdf

import (
	"bytes"
	"fmt"
	"runtime"
	"testing"

	"github.com/jung-kurt/gofpdf"
)

// benchCertificates is a run of 1,000 certificates: two logos, three
// signature images, a signed-size QR code each, names in every script.
func benchCertificates(b *testing.B) CertificateJob {
	certs := make([]CertificateInput, 0, 1000)
	for i := range 1000 {
		p := certPeople[i%len(certPeople)].p
		p.GivenNames = fmt.Sprintf("%s %d", p.GivenNames, i) // every page different
		certs = append(certs, certInput(p, i+1))
	}
	return certJob(b, certs...)
}

// BenchmarkCertificates1000 prints 1,000 certificates into one PDF and
// reports the bytes per certificate and the peak heap the process reached.
func BenchmarkCertificates1000(b *testing.B) {
	job := benchCertificates(b)
	var buf bytes.Buffer
	runtime.GC()
	b.ReportAllocs()
	for b.Loop() {
		buf.Reset()
		if err := Certificates(job, &buf); err != nil {
			b.Fatal(err)
		}
	}
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	b.ReportMetric(float64(buf.Len())/1000, "bytes/cert")
	b.ReportMetric(float64(ms.HeapSys)/(1<<20), "MB-heap-sys")
}

// BenchmarkPlainGofpdf1000 is the baseline: gofpdf writing one line of
// text on each of 1,000 pages. It uses a core font (Helvetica), which the
// product code never does (cp1252 only, nothing embedded); here it only
// measures what gofpdf costs by itself.
func BenchmarkPlainGofpdf1000(b *testing.B) {
	b.ReportAllocs()
	var size int
	for b.Loop() {
		p := gofpdf.New("L", "mm", "A4", "")
		p.SetCompression(true)
		p.SetFont("Helvetica", "", 12)
		for i := range 1000 {
			p.AddPage()
			p.Text(20, 20, fmt.Sprintf("Certificate %d", i+1))
		}
		var w countWriter
		if err := p.Output(&w); err != nil {
			b.Fatal(err)
		}
		size = int(w)
	}
	b.ReportMetric(float64(size)/1000, "bytes/page")
}

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
