package pdf

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

// TestCertificatesInBatches prints a run in batches of three pages merged
// into one PDF: a valid file whose pages are those of the run drawn in one
// piece, names in place, and files split from the batches as well.
func TestCertificatesInBatches(t *testing.T) {
	var certs []CertificateInput
	for i, cp := range certPeople[:8] {
		certs = append(certs, certInput(cp.p, i+1))
	}
	job := certJob(t, certs...)
	whole := certFile(t, job, "whole.pdf")
	defer func(n int) { certBatch = n }(certBatch)
	certBatch = 3
	merged := certFile(t, job, "merged.pdf")
	run(t, "qpdf", "--check", merged)
	if n := pageCount(t, merged); n != len(certs) {
		t.Fatalf("%d pages, want %d", n, len(certs))
	}
	for i := range certs {
		text := pageText(t, merged, i+1)
		for _, w := range certPeople[i].want {
			if !strings.Contains(text, w) {
				t.Errorf("page %d: %q not in %q", i+1, w, text)
			}
		}
		if share, err := pixelDiff(render(t, merged, i+1, 40), render(t, whole, i+1, 40)); err != nil || share > 0 {
			t.Errorf("page %d differs from the run drawn in one piece: %.3f%% %v", i+1, 100*share, err)
		}
	}
	paths, err := CertificateFiles(job, t.TempDir())
	if err != nil || len(paths) != len(certs) {
		t.Fatalf("%d files, %v", len(paths), err)
	}
	for i, p := range paths {
		run(t, "qpdf", "--check", p)
		if text := string(run(t, "pdftotext", p, "-")); !strings.Contains(text, certPeople[i].want[0]) {
			t.Errorf("%s: %q not in the text", p, certPeople[i].want[0])
		}
	}
}

// TestCertificatesCompressedAsGofpdfDoes prints a run (two batches) with
// the pages compressed by compressStreams and by gofpdf itself: the files
// are the same byte for byte.
func TestCertificatesCompressedAsGofpdfDoes(t *testing.T) {
	var certs []CertificateInput
	for i, cp := range certPeople {
		certs = append(certs, certInput(cp.p, i+1))
	}
	job := certJob(t, certs...)
	defer func(n int) { certBatch = n }(certBatch)
	certBatch = len(certs)/2 + 1
	var ours, theirs bytes.Buffer
	if err := Certificates(job, &ours); err != nil {
		t.Fatal(err)
	}
	certOwnCompression = false
	defer func() { certOwnCompression = true }()
	if err := Certificates(job, &theirs); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ours.Bytes(), theirs.Bytes()) {
		t.Fatalf("%d bytes, gofpdf's compression %d bytes", ours.Len(), theirs.Len())
	}
	if !bytes.Contains(ours.Bytes(), []byte("/Filter /FlateDecode /Type /XObject")) {
		t.Error("the page backgrounds are not compressed")
	}
}

// failingWriter fails every write.
type failingWriter struct{ writes int }

func (w *failingWriter) Write([]byte) (int, error) { w.writes++; return 0, errDiskFull }

var errDiskFull = errors.New("disk full")

// TestCertificatesStopAtAWriteError: batches are compressed and written
// while the next is drawn; a write that fails stops the run with its
// error, without drawing the rest or hanging.
func TestCertificatesStopAtAWriteError(t *testing.T) {
	var certs []CertificateInput
	for i, cp := range certPeople[:8] {
		certs = append(certs, certInput(cp.p, i+1))
	}
	job := certJob(t, certs...)
	defer func(n int) { certBatch = n }(certBatch)
	certBatch = 2
	var w failingWriter
	if err := Certificates(job, &w); !errors.Is(err, errDiskFull) {
		t.Fatalf("Certificates = %v, want the write's error", err)
	}
	if w.writes != 1 {
		t.Errorf("%d writes after the first failed, want none", w.writes-1)
	}
}
