package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The tests check the PDFs with poppler-utils (pdftotext, pdffonts,
// pdftoppm) and qpdf, as a person would: what a viewer shows, extracts and
// accepts. They fail, never skip, without them: apt-get install
// poppler-utils qpdf.

// updateRefs makes the reference-image tests write their references
// (testdata/*.png) instead of only comparing; review every written image
// before committing it.
var updateRefs = os.Getenv("UPDATE_PDF_REFERENCES") != ""

// run runs a tool and returns its standard output.
func run(t testing.TB, name string, args ...string) []byte {
	t.Helper()
	if _, err := exec.LookPath(name); err != nil {
		t.Fatalf("%s is not installed: the PDF tests need poppler-utils and qpdf (apt-get install poppler-utils qpdf)", name)
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(name, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s%s", name, strings.Join(args, " "), err, out.String(), errb.String())
	}
	return out.Bytes()
}

// writePDF writes doc to a file in t.TempDir() and returns its path.
func writePDF(t testing.TB, doc *Doc, name string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := doc.Write(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// render renders page (1-based) of the PDF at path in grey at dpi with
// pdftoppm.
func render(t testing.TB, path string, page, dpi int) *image.Gray {
	t.Helper()
	prefix := filepath.Join(t.TempDir(), "page")
	p := fmt.Sprint(page)
	run(t, "pdftoppm", "-r", fmt.Sprint(dpi), "-f", p, "-l", p, "-gray", "-png", "-singlefile", path, prefix)
	f, err := os.Open(prefix + ".png")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return toGray(img)
}

func toGray(img image.Image) *image.Gray {
	if g, ok := img.(*image.Gray); ok {
		return g
	}
	b := img.Bounds()
	g := image.NewGray(image.Rect(0, 0, b.Dx(), b.Dy()))
	for y := 0; y < b.Dy(); y++ {
		for x := 0; x < b.Dx(); x++ {
			g.Set(x, y, color.GrayModel.Convert(img.At(b.Min.X+x, b.Min.Y+y)))
		}
	}
	return g
}

// pageCount returns the number of pages of the PDF at path (qpdf).
func pageCount(t testing.TB, path string) int {
	t.Helper()
	var n int
	fmt.Sscan(string(run(t, "qpdf", "--show-npages", path)), &n)
	return n
}

// The tolerance of compareRef: pixels whose grey differs by more than
// pixelTolerance count as different, and at most maxDiffShare of them may
// (anti-aliasing of another poppler version, not a missing name or glyph).
const (
	pixelTolerance = 64
	maxDiffShare   = 0.001
)

// compareRef compares got with the reviewed reference testdata/name. With
// UPDATE_PDF_REFERENCES set it first writes got as the new reference.
func compareRef(t *testing.T, got *image.Gray, name string) {
	t.Helper()
	ref := filepath.Join("testdata", name)
	if updateRefs {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		var buf bytes.Buffer
		if err := png.Encode(&buf, got); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(ref, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote reference %s: review it", ref)
	}
	f, err := os.Open(ref)
	if err != nil {
		t.Fatalf("reference %s: %v (create it with UPDATE_PDF_REFERENCES=1, then review it)", ref, err)
	}
	defer f.Close()
	refImg, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	want := toGray(refImg)
	share, diff := pixelDiff(got, want)
	if diff == nil && share <= maxDiffShare {
		return
	}
	out := filepath.Join(os.TempDir(), "wsd-pdf-"+name)
	if f, err := os.Create(out); err == nil {
		png.Encode(f, got)
		f.Close()
	}
	if diff != nil {
		t.Fatalf("%s: %v; got written to %s", name, diff, out)
	}
	t.Fatalf("%s: %.2f%% of the pixels differ (at most %.2f%% may); got written to %s",
		name, 100*share, 100*maxDiffShare, out)
}

// pixelDiff returns the share of pixels of a and b whose grey levels differ
// by more than pixelTolerance, and an error when the sizes differ.
func pixelDiff(a, b *image.Gray) (float64, error) {
	if a.Bounds().Size() != b.Bounds().Size() {
		return 1, fmt.Errorf("size %v, reference %v", a.Bounds().Size(), b.Bounds().Size())
	}
	w, h := a.Bounds().Dx(), a.Bounds().Dy()
	n := 0
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			d := int(a.GrayAt(a.Bounds().Min.X+x, a.Bounds().Min.Y+y).Y) - int(b.GrayAt(b.Bounds().Min.X+x, b.Bounds().Min.Y+y).Y)
			if d > pixelTolerance || d < -pixelTolerance {
				n++
			}
		}
	}
	return float64(n) / float64(w*h), nil
}

func TestPixelDiff(t *testing.T) {
	a := image.NewGray(image.Rect(0, 0, 10, 10))
	b := image.NewGray(image.Rect(0, 0, 10, 10))
	for i := range b.Pix {
		a.Pix[i], b.Pix[i] = 255, 255
	}
	if share, err := pixelDiff(a, b); err != nil || share != 0 {
		t.Fatalf("equal images: %v %v", err, share)
	}
	b.Pix[5] = 250 // within tolerance
	b.Pix[6] = 0   // a real difference
	if share, _ := pixelDiff(a, b); share != 0.01 {
		t.Fatalf("share = %v, want 0.01", share)
	}
	if _, err := pixelDiff(a, image.NewGray(image.Rect(0, 0, 10, 11))); err == nil {
		t.Fatal("different sizes compare equal")
	}
}
