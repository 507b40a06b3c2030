package pdf

import (
	"fmt"
	"io"
	"runtime"
	"slices"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jung-kurt/gofpdf"
)

// benchCertificates is a run of 1,000 certificates: two logos, three
// signature images, a signed-size QR code each, names in every script.
func benchCertificates(b *testing.B) CertificateJob {
	return benchCertificatesN(b, 1000, -1)
}

// benchCertificatesN is a run of n certificates. With share >= 0, that
// share of the names (0.3: 30 %) are in scripts other than Latin, spread
// evenly over them (shaped ones included); the others are Latin names.
// With share < 0 the names go through every script in turn.
func benchCertificatesN(b testing.TB, n int, share float64) CertificateJob {
	var latin, other []int
	for i, cp := range certPeople {
		if cp.p.NativeName == "" || latinScript(cp.p.NativeName) {
			latin = append(latin, i)
		} else {
			other = append(other, i)
		}
	}
	certs := make([]CertificateInput, 0, n)
	for i := range n {
		k := i % len(certPeople)
		if share >= 0 {
			// non-Latin when the running count of share grows here
			if int(float64(i+1)*share) > int(float64(i)*share) {
				k = other[i%len(other)]
			} else {
				k = latin[i%len(latin)]
			}
		}
		p := certPeople[k].p
		p.GivenNames = fmt.Sprintf("%s %d", p.GivenNames, i) // every page different
		certs = append(certs, certInput(p, i+1))
	}
	return certJob(b, certs...)
}

// peakHeap samples the heap in use while f runs and returns its peak.
func peakHeap(f func()) uint64 {
	runtime.GC()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var ms runtime.MemStats
		for {
			runtime.ReadMemStats(&ms)
			if ms.HeapInuse > peak.Load() {
				peak.Store(ms.HeapInuse)
			}
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	f()
	close(stop)
	<-done
	return peak.Load()
}

// benchOnePDF prints job into one PDF per iteration and reports the bytes
// per certificate and the peak heap in use.
func benchOnePDF(b *testing.B, job CertificateJob) {
	var size int
	b.ReportAllocs()
	var peak uint64
	cpu := cpuTime()
	for b.Loop() {
		peak = max(peak, peakHeap(func() {
			var w countWriter
			if err := Certificates(job, &w); err != nil {
				b.Fatal(err)
			}
			size = int(w)
		}))
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(size)/float64(len(job.Certificates)), "bytes/cert")
	b.ReportMetric(float64(peak)/(1<<20), "MB-peak-heap")
}

// BenchmarkCertificates1000 prints 1,000 certificates, names in every
// script, into one PDF.
func BenchmarkCertificates1000(b *testing.B) { benchOnePDF(b, benchCertificates(b)) }

// BenchmarkCertificates5000 is the same with 5,000 certificates (issue 15:
// at most 3 × BenchmarkPlainGofpdf5000, peak heap at most 200 MB).
func BenchmarkCertificates5000(b *testing.B) { benchOnePDF(b, benchCertificatesN(b, 5000, -1)) }

// BenchmarkCertificatesNonLatin1000 prints 1,000 certificates of which
// 30 % of the names are in other scripts than Latin (issue 19: at most
// 3 × BenchmarkPlainGofpdf1000).
func BenchmarkCertificatesNonLatin1000(b *testing.B) {
	benchOnePDF(b, benchCertificatesN(b, 1000, 0.3))
}

// BenchmarkCertificateFiles1000 writes 1,000 certificates one file each
// (--split) and reports the time per file beyond the single PDF's time
// per certificate, measured in the same run (issue 15: at most 4 ms).
func BenchmarkCertificateFiles1000(b *testing.B) {
	job := benchCertificates(b)
	n := len(job.Certificates)
	b.ReportAllocs()
	var extra time.Duration
	for b.Loop() {
		dir := b.TempDir()
		start := time.Now()
		if _, err := CertificateFiles(job, dir); err != nil {
			b.Fatal(err)
		}
		split := time.Since(start)
		b.StopTimer()
		start = time.Now()
		if err := Certificates(job, io.Discard); err != nil {
			b.Fatal(err)
		}
		one := time.Since(start)
		b.StartTimer()
		extra = (split - one) / time.Duration(n)
	}
	b.ReportMetric(float64(extra.Microseconds())/1000, "ms/file-extra")
}

// benchPlain is the baseline: gofpdf writing one line of text on each of
// n pages. It uses a core font (Helvetica), which the product code never
// does (cp1252 only, nothing embedded); here it only measures what gofpdf
// costs by itself.
func benchPlain(b *testing.B, n int) {
	b.ReportAllocs()
	var size int
	cpu := cpuTime()
	for b.Loop() {
		var err error
		if size, err = plainPDF(n); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric((cpuTime()-cpu).Seconds()/float64(b.N), "cpu-s/op")
	b.ReportMetric(float64(size)/float64(n), "bytes/page")
}

// plainPDF writes the baseline's n pages and returns the PDF's size.
func plainPDF(n int) (int, error) {
	p := gofpdf.New("L", "mm", "A4", "")
	p.SetCompression(true)
	p.SetFont("Helvetica", "", 12)
	for i := range n {
		p.AddPage()
		p.Text(20, 20, fmt.Sprintf("Certificate %d", i+1))
	}
	var w countWriter
	err := p.Output(&w)
	return int(w), err
}

// benchVersusPlain runs the baseline and then the n certificates in each
// iteration and reports the median of the certificates' time over the
// baseline's, on the clock (x-plain) and in processor time (x-plain-cpu):
// measured side by side, the two see the same load on a shared machine,
// where separate benchmarks minutes apart do not.
func benchVersusPlain(b *testing.B, n int) {
	job := benchCertificatesN(b, n, -1)
	var wall, cpu []float64
	for b.Loop() {
		t0, c0 := time.Now(), cpuTime()
		if _, err := plainPDF(n); err != nil {
			b.Fatal(err)
		}
		t1, c1 := time.Now(), cpuTime()
		if err := Certificates(job, io.Discard); err != nil {
			b.Fatal(err)
		}
		t2, c2 := time.Now(), cpuTime()
		wall = append(wall, float64(t2.Sub(t1))/float64(t1.Sub(t0)))
		cpu = append(cpu, float64(c2-c1)/float64(c1-c0))
	}
	slices.Sort(wall)
	slices.Sort(cpu)
	b.ReportMetric(wall[len(wall)/2], "x-plain")
	b.ReportMetric(cpu[len(cpu)/2], "x-plain-cpu")
}

// BenchmarkCertificatesVersusPlain1000 is issue 15's ratio at 1,000
// certificates (target: at most 3), BenchmarkCertificatesVersusPlain5000
// at 5,000.
func BenchmarkCertificatesVersusPlain1000(b *testing.B) { benchVersusPlain(b, 1000) }

// BenchmarkCertificatesVersusPlain5000: see BenchmarkCertificatesVersusPlain1000.
func BenchmarkCertificatesVersusPlain5000(b *testing.B) { benchVersusPlain(b, 5000) }

// BenchmarkPlainGofpdf1000 is the baseline of 1,000 pages.
func BenchmarkPlainGofpdf1000(b *testing.B) { benchPlain(b, 1000) }

// BenchmarkPlainGofpdf5000 is the baseline of 5,000 pages.
func BenchmarkPlainGofpdf5000(b *testing.B) { benchPlain(b, 5000) }

// countWriter counts the bytes written to it.
type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }
