package pdf

import (
	"bytes"
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"golang.org/x/text/unicode/bidi"
)

// sampleNames are the names of the brief, one script each.
var sampleNames = []struct {
	script string
	names  []string
	exact  bool // pdftotext gives them back exactly
}{
	{"Latin", []string{"Şule Çağlar", "Nguyễn Văn Đức", "Łukasz Wróbel", "Søren Østergaard", "Rhodri Llŵyd", "Zoë Müller — 12 €"}, true},
	{"Cyrillic", []string{"Дмитрий Иванов", "Айгерим Нурланова", "Олена Коваленко"}, true},
	{"Greek", []string{"Ελένη Παπαδοπούλου", "Γιώργος Ιωάννου"}, true},
	{"Arabic", []string{"محمد الأمين", "فاطمة الزهراء الإدريسي", "عمر حداد", "ليلى منصور", "لا", "Dr. محمد Al-Amin"}, false},
	{"Ethiopic", []string{"አበበ በቀለ", "አልማዝ ተስፋዬ", "ሕይወት ግርማ"}, false},
	{"Chinese", []string{"李伟", "王芳", "Wei Li 李伟"}, false},
}

// scriptsDoc draws one page per script: every sample name at two sizes,
// regular and bold, left, centred and right aligned.
func scriptsDoc(t testing.TB) *Doc {
	t.Helper()
	doc, err := NewDoc(A4, Portrait, CreationDate(fixedDate), Title("Scripts"))
	if err != nil {
		t.Fatal(err)
	}
	for _, sc := range sampleNames {
		doc.AddPage()
		doc.Text(20, 20, sc.script, 10, "B")
		y := 35.0
		for _, n := range sc.names {
			doc.Text(20, y, n, 14, "")
			doc.TextRight(190, y, n, 14, "B")
			doc.TextCentre(105, y+9, n, 10, "")
			y += 24
		}
		// a long name shrunk to fit a 60 mm line, with its box
		long := strings.Join(sc.names, " · ")
		doc.SetDrawColor(200, 200, 200)
		doc.Rect(20, y, 60, 10, "D")
		doc.TextFit(20, y+7, 60, long, 14, 6, "B", AlignLeft)
	}
	if err := doc.Err(); err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestScriptsPDF(t *testing.T) {
	path := writePDF(t, scriptsDoc(t), "scripts.pdf")
	run(t, "qpdf", "--check", path)

	// Latin, Cyrillic and Greek names come back exactly as text.
	for page, sc := range sampleNames {
		if !sc.exact {
			continue
		}
		text := string(run(t, "pdftotext", "-f", fmt.Sprint(page+1), "-l", fmt.Sprint(page+1), path, "-"))
		for _, n := range sc.names {
			if !strings.Contains(text, n) {
				t.Errorf("page %d (%s): %q not in the extracted text:\n%s", page+1, sc.script, n, text)
			}
		}
	}

	// Every font is embedded, none is a core font. gofpdf embeds subsets
	// (the 4 MB Chinese font makes a few kilobytes) but does not tag their
	// names, so pdffonts says "sub no": the file size shows the subsetting.
	fontList := string(run(t, "pdffonts", path))
	for _, fam := range []string{FamilySans, FamilyArabic, FamilyEthiopic, FamilyCJK} {
		if !strings.Contains(fontList, "utf8"+strings.ToLower(fam)) {
			t.Errorf("pdffonts lists no %s:\n%s", fam, fontList)
		}
	}
	lines := strings.Split(strings.TrimSpace(fontList), "\n")[2:]
	if len(lines) < 7 {
		t.Errorf("pdffonts lists %d fonts, want the 7 styles used:\n%s", len(lines), fontList)
	}
	for _, l := range lines {
		f := strings.Fields(l)
		// name type encoding emb sub uni object ID
		if len(f) < 7 || f[len(f)-5] != "yes" || !strings.HasPrefix(f[1], "CID") {
			t.Errorf("font not embedded as a CID TrueType font: %s", l)
		}
	}

	if fi, err := os.Stat(path); err != nil || fi.Size() > 300<<10 {
		t.Errorf("%d bytes: are the fonts subset?", fi.Size())
	}

	// Each page looks like its reviewed reference.
	for page, sc := range sampleNames {
		compareRef(t, render(t, path, page+1, 60), "scripts-"+strings.ToLower(sc.script)+".png")
	}
}

func TestReproducible(t *testing.T) {
	var a, b bytes.Buffer
	if _, err := scriptsDoc(t).WriteTo(&a); err != nil {
		t.Fatal(err)
	}
	if _, err := scriptsDoc(t).WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two runs with the same creation date give different bytes")
	}
	if !bytes.Contains(a.Bytes(), []byte("/CreationDate (D:20270301")) {
		t.Error("the fixed creation date is not in the document")
	}
}

func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc := scriptsDoc(t)
	if err := doc.Write(path); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("written file: %v %.10q", err, b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("folder holds %d files after Write, want 1 (no temporary file left)", len(entries))
	}

	// A document in error leaves the old file alone and no temporary file.
	bad, err := NewDoc(A4, Portrait)
	if err != nil {
		t.Fatal(err)
	}
	bad.AddPage()
	bad.pdf.SetErrorf("broken")
	if err := bad.Write(path); err == nil {
		t.Fatal("Write of a broken document succeeded")
	}
	if b2, _ := os.ReadFile(path); !bytes.Equal(b, b2) {
		t.Fatal("a failed Write changed the file")
	}
	// A folder that does not exist: an error, nothing written.
	if err := scriptsDoc(t).Write(filepath.Join(dir, "missing", "out.pdf")); err == nil {
		t.Fatal("Write into a missing folder succeeded")
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Fatalf("folder holds %d files after failed Writes, want 1", len(entries))
	}
}

// TestWidthsMatchGofpdf checks that our measure is gofpdf's: the widths we
// read from the fonts are the ones the PDF's /W arrays carry.
func TestWidthsMatchGofpdf(t *testing.T) {
	doc, err := NewDoc(A4, Portrait)
	if err != nil {
		t.Fatal(err)
	}
	doc.AddPage()
	for _, sc := range sampleNames {
		for _, n := range sc.names {
			for _, style := range []string{"", "B"} {
				for _, p := range doc.layout(n, style).pieces {
					if p.font == nil {
						t.Fatalf("%q: no font for %q", n, p.text)
					}
					doc.use(p.font, 10)
					got := float64(p.units) * 10 / 1000 * ptMM
					want := doc.pdf.GetStringWidth(p.text)
					if d := got - want; d > 1e-9 || d < -1e-9 {
						t.Errorf("%q in %s: width %.4f mm, gofpdf %.4f mm", p.text, p.font.Name, got, want)
					}
				}
			}
		}
	}
}

func TestFontsPerScript(t *testing.T) {
	doc, err := NewDoc(A4, Portrait)
	if err != nil {
		t.Fatal(err)
	}
	fontsOf := func(s, style string) []string {
		var out []string
		for _, p := range doc.layout(s, style).pieces {
			out = append(out, p.font.Name)
		}
		return out
	}
	for _, c := range []struct {
		s, style string
		want     []string
	}{
		{"Şule Çağlar", "", []string{"Noto Sans Regular"}},
		{"Дмитрий Иванов", "B", []string{"Noto Sans Bold"}},
		{"محمد الأمين", "", []string{"Noto Sans Arabic Regular"}},
		{"አበበ በቀለ", "B", []string{"Noto Sans Ethiopic Bold"}},
		{"李伟 王芳", "B", []string{"Droid Sans Fallback Full"}}, // no bold: emboldened
		{"Wei Li 李伟", "", []string{"Noto Sans Regular", "Droid Sans Fallback Full"}},
		{"Dr. محمد Al-Amin", "", []string{"Noto Sans Regular", "Noto Sans Arabic Regular", "Noto Sans Regular"}},
	} {
		if got := fontsOf(c.s, c.style); !slices.Equal(got, c.want) {
			t.Errorf("%q: fonts %q, want %q", c.s, got, c.want)
		}
	}
}

func TestFitSize(t *testing.T) {
	doc, err := NewDoc(A4, Portrait)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.FitSize("Ana", 80, 20, 8, "B"); got != 20 {
		t.Errorf("short name: size %v, want the maximum 20", got)
	}
	long := "Deutsche Gesellschaft für Internationale Zusammenarbeit"
	got := doc.FitSize(long, 80, 20, 6, "B")
	if got >= 20 || got < 6 || doc.Width(long, got, "B") > 80 || doc.Width(long, got+0.1, "B") <= 80 {
		t.Errorf("long name: size %v (width %.1f mm) is not the largest that fits 80 mm", got, doc.Width(long, got, "B"))
	}
	if got := doc.FitSize(long, 10, 20, 6, "B"); got != 6 {
		t.Errorf("too long: size %v, want the minimum 6", got)
	}
	// Decomposed accents are normalised: same width as precomposed.
	if a, b := doc.Width("Nguye\u0302\u0303n", 12, ""), doc.Width("Nguyễn", 12, ""); a != b {
		t.Errorf("decomposed %v mm, precomposed %v mm", a, b)
	}
}

func TestMissingGlyphs(t *testing.T) {
	for _, c := range []struct {
		s    string
		want []rune
	}{
		// ꙮ (U+A66E, Cyrillic Extended-B) is in Noto Sans; the emoji is
		// outside the BMP, which gofpdf cannot encode.
		{"Abc\U0001F600ꙮ", []rune{0x1F600}},
		{"Abc\U0001F600ꙮ\U0001F600", []rune{0x1F600}},
		{"ก 한국", []rune{'한', '국'}}, // Thai is shaped; Hangul: no font
		{"ગુજરાત తెలుగు", []rune{'ગ', 'ુ', 'જ', 'ર', 'ા', 'ત', 'త', 'ె', 'ల', 'ు', 'గ'}}, // Gujarati, Telugu: no font
		{"e\u0301 \t\u200d\u200e", nil}, // NFC é; space, tab, ZWJ, LRM ignored
	} {
		if got := MissingGlyphs(c.s); !slices.Equal(got, c.want) {
			t.Errorf("MissingGlyphs(%q) = %U, want %U", c.s, got, c.want)
		}
	}
	for _, sc := range sampleNames {
		for _, n := range sc.names {
			if got := MissingGlyphs(n); len(got) > 0 {
				t.Errorf("MissingGlyphs(%q) = %U", n, got)
			}
		}
	}
}

func TestCoverage(t *testing.T) {
	for _, f := range Fonts() {
		if f.Coverage().Len() < 100 {
			t.Errorf("%s covers %d characters", f.Name, f.Coverage().Len())
		}
	}
	// Every presentation form shaping can produce is in both Arabic fonts.
	for _, style := range []string{"", "B"} {
		cov := face(FamilyArabic, style).Coverage()
		for base, forms := range arabicForms {
			for _, r := range append(forms[:], base) {
				if r != 0 && !cov.Has(r) {
					t.Errorf("Arabic %q: no %U", style, r)
				}
			}
		}
		for _, lig := range lamAlef {
			if !cov.Has(lig[0]) || !cov.Has(lig[1]) {
				t.Errorf("Arabic %q: no lam-alef %U", style, lig)
			}
		}
	}
	if _, err := parseTTF([]byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00")); err == nil || !strings.Contains(err.Error(), "CFF") {
		t.Errorf("a CFF font is not refused: %v", err)
	}
}

// runes joins code points into a string.
func runes(rs ...rune) string { return string(rs) }

func TestShapeArabic(t *testing.T) {
	has := face(FamilyArabic, "").Coverage().Has
	for _, c := range []struct {
		in, want string // logical order
	}{
		// meem initial, hah medial, meem medial, dal final
		{"محمد", runes(0xFEE3, 0xFEA4, 0xFEE4, 0xFEAA)},
		// lam + alef: one ligature
		{"لا", runes(0xFEFB)},
		// alef, lam+alef-hamza (isolated: alef does not join forwards),
		// meem initial, yeh medial, noon final
		{"الأمين", runes(0xFE8D, 0xFEF7, 0xFEE3, 0xFEF4, 0xFEE6)},
		// lam-alef after a joining letter: final ligature
		{"سلام", runes(0xFEB3, 0xFEFC, 0xFEE1)},
		// a fatha between two beh is transparent: they still join
		{"بَب", runes(0xFE91, 0x064E, 0xFE90)},
		// alef maksura at the end of Layla: final
		{"ليلى", runes(0xFEDF, 0xFEF4, 0xFEE0, 0xFEF0)},
		// Persian peh and farsi yeh
		{"پی", runes(0xFB58, 0xFBFD)},
		// ZWNJ breaks the join; tatweel joins both sides
		{"ب\u200cب", runes(0xFE8F, 0x200C, 0xFE8F)},
		{"بـب", runes(0xFE91, 0x0640, 0xFE90)},
		// a lone letter and text without Arabic are unchanged or isolated
		{"ب", runes(0xFE8F)},
		{"Abc", "Abc"},
	} {
		if got := string(shapeArabic([]rune(c.in), has)); got != c.want {
			t.Errorf("shape(%q) = %U, want %U", c.in, []rune(got), []rune(c.want))
		}
	}
}

func TestVisualOrder(t *testing.T) {
	mhmd := runes(0xFEAA, 0xFEE4, 0xFEA4, 0xFEE3) // محمد shaped, visual order
	ali := runes(0xFEF2, 0xFEE0, 0xFECB)          // علي shaped, visual order
	for _, c := range []struct {
		in, want string
	}{
		{"محمد", mhmd},
		{"محمد الأمين", runes(0xFEE6, 0xFEF4, 0xFEE3, 0xFEF7, 0xFE8D) + " " + mhmd},
		{"Dr. محمد Al-Amin", "Dr. " + mhmd + " Al-Amin"},
		// a number after Arabic inside a Latin line stays to the right of
		// the Latin, and reads left to right
		{"Room محمد 12", "Room 12 " + mhmd},
		// right-to-left line: the number keeps its digit order
		{"محمد 12 علي", ali + " 12 " + mhmd},
		// brackets in a right-to-left line are mirrored
		{"(محمد)", "(" + mhmd + ")"},
		{"Mohamed Al-Amin (محمد)", "Mohamed Al-Amin (" + mhmd + ")"},
		{"محمد (Al-Amin)", "(Al-Amin) " + mhmd},
		// European numbers and percent signs in Latin text
		{"Room 12, 50%", "Room 12, 50%"},
		// Arabic-Indic digits stay in order
		{"١٢٣ محمد", mhmd + " ١٢٣"},
		{"Şule Çağlar", "Şule Çağlar"},
		{"e\u0301", "é"},
	} {
		if got := Visual(c.in, Auto); got != c.want {
			t.Errorf("Visual(%q)\n got %q %U\nwant %q %U", c.in, got, []rune(got), c.want, []rune(c.want))
		}
	}
	// A forced direction: a Latin name in a right-to-left paragraph.
	if got, want := Visual("Al-Amin محمد", RightToLeft), mhmd+" Al-Amin"; got != want {
		t.Errorf("RightToLeft: %q, want %q", got, want)
	}
}

// TestXTextBidiOrder documents why bidi.go exists: x/text's Order returns
// the runs of "Room محمد 12" in logical order, with the number marked left
// to right like the Latin text, which gives the wrong visual order "Room
// دمحم 12". If this starts failing, x/text may have learnt to reorder.
func TestXTextBidiOrder(t *testing.T) {
	var p bidi.Paragraph
	if _, err := p.SetString("Room محمد 12"); err != nil {
		t.Fatal(err)
	}
	o, err := p.Order()
	if err != nil {
		t.Fatal(err)
	}
	var runs []string
	for i := range o.NumRuns() {
		r := o.Run(i)
		runs = append(runs, fmt.Sprintf("%s:%d", r.String(), r.Direction()))
	}
	want := []string{"Room :0", "محمد :1", "12:0"}
	if !slices.Equal(runs, want) {
		t.Logf("x/text bidi now orders %q (was %q): consider using it", runs, want)
	}
}

// TestReferenceCatchesUnjoinedArabic shows that the reference comparison
// is strict enough: the Arabic page with every letter unjoined (ZWNJ
// between letters gives the isolated forms, as without shaping) fails it.
func TestReferenceCatchesUnjoinedArabic(t *testing.T) {
	doc, err := NewDoc(A4, Portrait, CreationDate(fixedDate))
	if err != nil {
		t.Fatal(err)
	}
	var arabic []string
	for _, sc := range sampleNames {
		if sc.script == "Arabic" {
			arabic = sc.names
		}
	}
	unjoin := func(s string) string {
		return strings.Join(strings.Split(s, ""), "\u200c")
	}
	doc.AddPage()
	doc.Text(20, 20, "Arabic", 10, "B")
	y := 35.0
	for _, n := range arabic {
		doc.Text(20, y, unjoin(n), 14, "")
		doc.TextRight(190, y, unjoin(n), 14, "B")
		doc.TextCentre(105, y+9, unjoin(n), 10, "")
		y += 24
	}
	doc.SetDrawColor(200, 200, 200)
	doc.Rect(20, y, 60, 10, "D")
	doc.TextFit(20, y+7, 60, strings.Join(arabic, " · "), 14, 6, "B", AlignLeft)
	got := render(t, writePDF(t, doc, "unjoined.pdf"), 1, 60)
	f, err := os.Open(filepath.Join("testdata", "scripts-arabic.png"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	ref, err := png.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	share, err := pixelDiff(got, toGray(ref))
	if err != nil {
		t.Fatal(err)
	}
	if share <= maxDiffShare {
		t.Fatalf("unjoined Arabic differs from the reference in %.3f%% of pixels: within the tolerance %.3f%%", 100*share, 100*maxDiffShare)
	}
	t.Logf("unjoined Arabic: %.3f%% of pixels differ (tolerance %.3f%%)", 100*share, 100*maxDiffShare)
}
