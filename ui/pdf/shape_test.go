package pdf

import (
	"bufio"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"
)

// shapedName is a name of testdata/shaping/names.tsv, whose reference
// image HarfBuzz's hb-view made (testdata/shaping/make-refs.sh).
type shapedName struct{ id, font, name string }

func shapedNames(t testing.TB) []shapedName {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "shaping", "names.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []shapedName
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if l := sc.Text(); l != "" && !strings.HasPrefix(l, "#") {
			p := strings.Split(l, "\t")
			out = append(out, shapedName{p[0], p[1], p[2]})
		}
	}
	return out
}

// The tolerance against hb-view: the ink boxes may differ by shapeBoxPx
// pixels each way (rounding of two rasterisers); within them at most
// shapeDiffShare of the pixels may differ by more than pixelTolerance
// (anti-aliasing). A missing conjunct, a mark on the wrong letter or an
// unreordered vowel sign moves far more than that.
const (
	shapeBoxPx     = 3
	shapeDiffShare = 0.04
)

// TestShapedScripts prints one name a page in every script at 40 pt and
// compares each page, at 72 dpi (1 px a point), with the image HarfBuzz
// makes of the same name in the same font at 40 px per em; pdftotext gives
// every name back.
func TestShapedScripts(t *testing.T) {
	names := shapedNames(t)
	doc, err := NewDoc(A4, Landscape, CreationDate(fixedDate))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range names {
		doc.AddPage()
		doc.Text(40*ptMM, 100*ptMM, n.name, 40, "") // on whole pixels at 72 dpi
	}
	path := writePDF(t, doc, "shaped.pdf")
	run(t, "qpdf", "--check", path)
	dir := t.TempDir()
	run(t, "pdftoppm", "-r", "72", "-gray", "-png", path, filepath.Join(dir, "p"))
	pages, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pages) != len(names) {
		t.Fatalf("%d pages rendered, want %d", len(pages), len(names))
	}
	var worst float64
	for i, n := range names {
		text := string(run(t, "pdftotext", "-f", fmt.Sprint(i+1), "-l", fmt.Sprint(i+1), path, "-"))
		text = strings.Map(func(r rune) rune {
			if r >= 0x202A && r <= 0x202E { // embeddings pdftotext adds around RTL text
				return -1
			}
			return r
		}, text)
		// Arabic comes back as presentation forms (NFKC folds them).
		if !strings.Contains(norm.NFKC.String(text), norm.NFKC.String(n.name)) {
			t.Errorf("%s: %q not in the extracted text %q", n.id, n.name, text)
		}
		got := inkBox(readGray(t, pages[i]))
		want := inkBox(readGray(t, filepath.Join("testdata", "shaping", n.id+".png")))
		share, err := inkDiff(got, want)
		worst = max(worst, share)
		t.Logf("%-11s %5.2f%% of the pixels differ", n.id, 100*share)
		if err != nil || share > shapeDiffShare {
			t.Errorf("%s %q: differs from hb-view's rendering: %.2f%% of the pixels (at most %.2f%%) %v",
				n.id, n.name, 100*share, 100*shapeDiffShare, err)
			writeGray(filepath.Join(os.TempDir(), "wsd-shaped-"+n.id+".png"), got)
		}
	}
	// The comparison sees unshaped text: the names of the scripts that
	// reorder and join, drawn letter by letter (each letter shaped alone,
	// as a renderer without shaping would), fail it.
	naive, err := NewDoc(A4, Landscape, CreationDate(fixedDate))
	if err != nil {
		t.Fatal(err)
	}
	var controls []shapedName
	for _, n := range names {
		switch strings.Split(n.id, "-")[0] {
		case "hindi", "nepali", "marathi", "bengali", "tamil", "sinhala", "khmer", "myanmar":
			controls = append(controls, n)
			naive.AddPage()
			x := 40 * ptMM
			for _, r := range n.name {
				naive.Text(x, 100*ptMM, string(r), 40, "")
				x += naive.Width(string(r), 40, "")
			}
		}
	}
	npath := writePDF(t, naive, "naive.pdf")
	ndir := t.TempDir()
	run(t, "pdftoppm", "-r", "72", "-gray", "-png", npath, filepath.Join(ndir, "p"))
	npages, _ := filepath.Glob(filepath.Join(ndir, "p-*.png"))
	for i, n := range controls {
		share, err := inkDiff(inkBox(readGray(t, npages[i])), inkBox(readGray(t, filepath.Join("testdata", "shaping", n.id+".png"))))
		t.Logf("%-11s unshaped: %5.2f%% %v", n.id, 100*share, err)
		if err == nil && share <= shapeDiffShare {
			t.Errorf("%s drawn unshaped matches hb-view's rendering (%.2f%%): the tolerance is too loose", n.id, 100*share)
		}
	}
	t.Logf("worst: %.2f%%", 100*worst)
}

func readGray(t testing.TB, path string) *image.Gray {
	t.Helper()
	f, err := os.Open(path)
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

func writeGray(path string, g *image.Gray) {
	if f, err := os.Create(path); err == nil {
		png.Encode(f, g)
		f.Close()
	}
}

// inkBox crops g to the pixels darker than mid grey.
func inkBox(g *image.Gray) *image.Gray {
	b := g.Bounds()
	box := image.Rectangle{}
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if g.GrayAt(x, y).Y < 128 {
				box = box.Union(image.Rect(x, y, x+1, y+1))
			}
		}
	}
	return g.SubImage(box).(*image.Gray)
}

// inkDiff compares two ink boxes aligned on their top left corners (the best
// of the alignments within a pixel): the
// share of the pixels of the larger box that differ by more than
// pixelTolerance from every pixel of the other image within one pixel
// (two rasterisers place edges a fraction of a pixel apart), either way,
// and an error when the boxes' sizes differ by more than shapeBoxPx.
func inkDiff(a, b *image.Gray) (float64, error) {
	best, err := 1.0, error(nil)
	for dy := -1; dy <= 1; dy++ {
		for dx := -1; dx <= 1; dx++ {
			var share float64
			share, err = inkDiffAt(a, b, dx, dy)
			best = min(best, share)
		}
	}
	return best, err
}

// inkDiffAt is inkDiff with b moved by (dx, dy) pixels.
func inkDiffAt(a, b *image.Gray, dx, dy int) (float64, error) {
	sa, sb := a.Bounds().Size(), b.Bounds().Size()
	if abs(sa.X-sb.X) > shapeBoxPx || abs(sa.Y-sb.Y) > shapeBoxPx {
		return 1, fmt.Errorf("ink box %v, reference %v", sa, sb)
	}
	w, h := max(sa.X, sb.X), max(sa.Y, sb.Y)
	at := func(g *image.Gray, x, y int) int {
		p := image.Pt(g.Bounds().Min.X+x, g.Bounds().Min.Y+y)
		if !p.In(g.Bounds()) {
			return 255
		}
		return int(g.GrayAt(p.X, p.Y).Y)
	}
	near := func(g *image.Gray, x, y, v int) bool {
		for dy := -1; dy <= 1; dy++ {
			for dx := -1; dx <= 1; dx++ {
				if abs(at(g, x+dx, y+dy)-v) <= pixelTolerance {
					return true
				}
			}
		}
		return false
	}
	n := 0
	for y := range h {
		for x := range w {
			if !near(b, x+dx, y+dy, at(a, x, y)) || !near(a, x, y, at(b, x+dx, y+dy)) {
				n++
			}
		}
	}
	return float64(n) / float64(w*h), nil
}
