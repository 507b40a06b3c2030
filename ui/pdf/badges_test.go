package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
	"github.com/workshopdesk/workshopdesk/store"
)

// badgesFile writes the badges of people to a file in t.TempDir().
func badgesFile(t testing.TB, d *store.WorkshopData, people []store.Participant, layout BadgeLayout) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "badges-"+string(layout)+".pdf")
	var buf bytes.Buffer
	if err := Badges(d, people, layout, &buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// renderAll renders every page of the PDF at path in grey at dpi, with
// crisp (not anti-aliased) shapes as a printer prints them.
func renderAll(t testing.TB, path string, dpi int) []*image.Gray {
	t.Helper()
	dir := t.TempDir()
	run(t, "pdftoppm", "-r", fmt.Sprint(dpi), "-aaVector", "no", "-gray", "-png", path, filepath.Join(dir, "p"))
	names, err := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(names) // pdftoppm pads the page numbers
	var pages []*image.Gray
	for _, n := range names {
		f, err := os.Open(n)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		pages = append(pages, toGray(img))
	}
	return pages
}

// decodeQR reads the QR code in the part of img between the corners (in
// millimetres) at dpi with gozxing, as a scanner would: finding it first.
func decodeQR(img *image.Gray, dpi, x0, y0, x1, y1 float64) (string, error) {
	return decode(img, dpi, x0, y0, x1, y1, nil)
}

// decodeQRPure reads the QR code that alone fills the part of img between
// the corners (in millimetres) with its quiet zone, without gozxing's
// finder-pattern search. That search (ZXing's) misjudges the module size of
// about 1 in 1,000 version-1 codes even in perfect synthetic images
// (F3PJH, JARE9, WAY3G at level H; zbarimg reads them all), so the tests
// use this where the search fails, much as a person aims the scanner.
func decodeQRPure(img *image.Gray, dpi, x0, y0, x1, y1 float64) (string, error) {
	return decode(img, dpi, x0, y0, x1, y1, map[gozxing.DecodeHintType]interface{}{gozxing.DecodeHintType_PURE_BARCODE: true})
}

func decode(img *image.Gray, dpi, x0, y0, x1, y1 float64, hints map[gozxing.DecodeHintType]interface{}) (string, error) {
	px := func(mm float64) int { return int(mm * dpi / 25.4) }
	cell := img.SubImage(image.Rect(px(x0), px(y0), px(x1), px(y1)))
	bmp, err := gozxing.NewBinaryBitmapFromImage(cell)
	if err != nil {
		return "", err
	}
	res, err := qrcode.NewQRCodeReader().Decode(bmp, hints)
	if err != nil {
		return "", err
	}
	return res.GetText(), nil
}

// readBadgeQR reads the QR code of the badge at (x, y) of page: found in
// the whole badge, or else read in its place.
func readBadgeQR(t *testing.T, page *image.Gray, dpi, x, y float64, s badgeSpec) (string, error) {
	got, err := decodeQR(page, dpi, x, y, x+s.w, y+s.h)
	if err == nil {
		return got, nil
	}
	q := 1.5 // mm of quiet zone in the crop (the code's text is below)
	got, err2 := decodeQRPure(page, dpi, x+s.qrX-q, y+s.qrY-q, x+s.qrX+s.qrS+q, y+s.qrY+s.qrS+q)
	if err2 == nil {
		t.Logf("badge at (%.0f, %.0f): read in place (search failed: %v)", x, y, err)
	}
	return got, err2
}

func TestBadgesA4(t *testing.T) {
	d := demoData(t)
	path := badgesFile(t, d, d.Participants, BadgeA4x8)
	run(t, "qpdf", "--check", path)
	if n := pageCount(t, path); n != 5 {
		t.Fatalf("%d pages for 40 badges, want 5", n)
	}
	// Every badge's QR code, read back from the printed page, is the badge
	// code of the participant in that place.
	const dpi = 200
	pages := renderAll(t, path, dpi)
	for i, p := range d.Participants {
		x, y := a4Slot(i % 8)
		got, err := readBadgeQR(t, pages[i/8], dpi, x, y, cardSpec)
		if err != nil {
			t.Errorf("badge %d (%s, %s): QR code not read: %v", i+1, p.FullName(), p.BadgeCode, err)
			continue
		}
		if got != p.BadgeCode {
			t.Errorf("badge %d (%s): QR code reads %q, want %q", i+1, p.FullName(), got, p.BadgeCode)
		}
	}
	// The text layer has the Latin names, codes and roles.
	text := string(run(t, "pdftotext", path, "-"))
	for _, p := range d.Participants {
		if !strings.Contains(text, p.GivenNames) || !strings.Contains(text, p.FamilyNames) {
			t.Errorf("%s not in the text of the badges", p.FullName())
		}
	}
}

func TestBadgesA6(t *testing.T) {
	d := demoData(t)
	path := badgesFile(t, d, d.Participants, BadgeA6)
	run(t, "qpdf", "--check", path)
	if n := pageCount(t, path); n != 40 {
		t.Fatalf("%d pages for 40 badges, want 40", n)
	}
	const dpi = 100
	pages := renderAll(t, path, dpi)
	for i, p := range d.Participants {
		got, err := readBadgeQR(t, pages[i], dpi, a6Inset, a6Inset, a6Spec)
		if err != nil || got != p.BadgeCode {
			t.Errorf("page %d (%s): QR code reads %q (%v), want %q", i+1, p.FullName(), got, err, p.BadgeCode)
		}
	}
}

func TestBadgesEdgeCases(t *testing.T) {
	d := demoData(t)
	if err := Badges(d, d.Participants, "a5-4", io.Discard); err == nil {
		t.Error("unknown layout accepted")
	}
	// No one: still a valid, empty page.
	path := badgesFile(t, d, nil, BadgeA4x8)
	run(t, "qpdf", "--check", path)
	// A participant with almost nothing, an unknown role, an emoji and a
	// very long name: drawn, no error.
	odd := []store.Participant{
		{FamilyNames: "X"},
		{GivenNames: "Maria Fernanda Alejandra Guadalupe", FamilyNames: "de los Santos Quispe Mamani y Gonçalves",
			NativeName: "\U0001F600 ꙮ", Role: "guest", BadgeCode: "ABCDEFGH", Country: "ZZ",
			Organisation: strings.Repeat("Very Long Organisation Name ", 8)},
	}
	for _, l := range BadgeLayouts {
		path := badgesFile(t, d, odd, l)
		run(t, "qpdf", "--check", path)
	}
}

// TestBadgesLook compares badge pages holding every script with reviewed
// references: Arabic joined and right to left, Ethiopic, Chinese,
// Cyrillic and Greek drawn, nothing clipped.
func TestBadgesLook(t *testing.T) {
	d := demoData(t)
	fixedCodes(d)
	sheet := badgesFile(t, d, d.Participants, BadgeA4x8)
	compareRef(t, render(t, sheet, 1, 60), "badges-a4-1.png") // Ethiopic, Arabic
	compareRef(t, render(t, sheet, 2, 60), "badges-a4-2.png") // Cyrillic, Greek, Chinese
	a6 := badgesFile(t, d, d.Participants, BadgeA6)
	compareRef(t, render(t, a6, 5, 60), "badges-a6-arabic.png")
	compareRef(t, render(t, a6, 13, 60), "badges-a6-chinese.png")
}

func TestSignInOrder(t *testing.T) {
	d := demoData(t)
	names := func(ps []store.Participant) []string {
		var out []string
		for _, p := range ps {
			out = append(out, p.FamilyNames)
		}
		return out
	}
	day1, day2, day3 := d.Sessions[0], d.Sessions[5], d.Sessions[9]
	late := []string{"Kovalenko", "Wróbel", "Habimana"} // join on days 2, 2, 3
	for _, c := range []struct {
		se      store.Session
		n       int
		missing []string
	}{
		{day1, 37, late},
		{day2, 39, late[2:]},
		{day3, 40, nil},
	} {
		got := SignInOrder(d, c.se)
		if len(got) != c.n {
			t.Errorf("%s: %d participants, want %d", c.se.Title, len(got), c.n)
		}
		for _, m := range c.missing {
			if slices.Contains(names(got), m) {
				t.Errorf("%s: %s listed before joining", c.se.Title, m)
			}
		}
		if !slices.IsSortedFunc(got, func(a, b store.Participant) int {
			return strings.Compare(store.Fold(a.FamilyNames), store.Fold(b.FamilyNames))
		}) {
			t.Errorf("%s: not sorted by folded family name: %q", c.se.Title, names(got))
		}
	}
	// Accents do not move a name out of its letter.
	order := names(SignInOrder(d, day3))
	before := func(a, b string) {
		if slices.Index(order, a) > slices.Index(order, b) {
			t.Errorf("%s after %s in %q", a, b, order)
		}
	}
	before("Bello", "Çağlar")
	before("Çağlar", "Ćosić")
	before("Ćosić", "Diop")
	before("Okonkwo-Reyes", "Østergaard")
	before("Østergaard", "Öztürk")
	before("Öztürk", "Papadopoulou")

	// Same family name: given names decide.
	two := &store.WorkshopData{Workshop: d.Workshop, Participants: []store.Participant{
		{GivenNames: "Zara", FamilyNames: "Ndiaye"}, {GivenNames: "Ábel", FamilyNames: "ndiaye"}, {GivenNames: "Solo"},
	}}
	if got := names(SignInOrder(two, day1)); !slices.Equal(got, []string{"ndiaye", "Ndiaye", ""}) {
		t.Errorf("tie on family name: %q", got)
	}
}

func TestSignInSheet(t *testing.T) {
	d := demoData(t)
	se := d.Sessions[0]
	var buf bytes.Buffer
	if err := SignInSheet(d, se, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "signin.pdf")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, "qpdf", "--check", path)
	order := SignInOrder(d, se)
	pages := (len(order) + siRowsPage - 1) / siRowsPage
	if n := pageCount(t, path); n != pages || pages != 2 {
		t.Fatalf("%d pages, want %d (2)", n, pages)
	}
	text := string(run(t, "pdftotext", "-layout", path, "-"))
	lines := strings.Split(text, "\n")
	at := 0
	for i, p := range order {
		row := regexp.MustCompile(fmt.Sprintf(`^\s*%d\s+%s\s+%s, %s(\s|$)`, i+1,
			regexp.QuoteMeta(p.BadgeCode), regexp.QuoteMeta(p.FamilyNames), regexp.QuoteMeta(p.GivenNames)))
		found := false
		for ; at < len(lines); at++ {
			if row.MatchString(lines[at]) {
				found = true
				break
			}
		}
		if !found {
			t.Fatalf("row %d (%s %s, %s) not found in order in:\n%s", i+1, p.BadgeCode, p.FamilyNames, p.GivenNames, text)
		}
	}
	for _, want := range []string{"Page 1 of 2", "Page 2 of 2", d.Workshop.Title, se.Title,
		"Tuesday 9 March 2027", "09:00–09:45", se.Room, "Addis Ababa, Ethiopia"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q not on the sheet", want)
		}
	}
	// The table header is on both pages.
	if n := strings.Count(text, "Signature"); n != 2 {
		t.Errorf("table header %d times, want once per page", n)
	}
}

func TestSignInSheetLook(t *testing.T) {
	d := demoData(t)
	fixedCodes(d)
	doc, err := signInDoc(d, d.Sessions[0], CreationDate(fixedDate))
	if err != nil {
		t.Fatal(err)
	}
	path := writePDF(t, doc, "signin.pdf")
	compareRef(t, render(t, path, 1, 60), "signin-1.png")
	compareRef(t, render(t, path, 2, 60), "signin-2.png")
}

func TestSignInSheetEmpty(t *testing.T) {
	d := demoData(t)
	d.Participants = nil
	var buf bytes.Buffer
	if err := SignInSheet(d, d.Sessions[0], &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "empty.pdf")
	os.WriteFile(path, buf.Bytes(), 0o644)
	text := string(run(t, "pdftotext", path, "-"))
	if !strings.Contains(text, "Page 1 of 1") || !strings.Contains(text, "No participants") {
		t.Errorf("empty sheet:\n%s", text)
	}
}

// BenchmarkBadges1000 prints 1,000 badges on A4 sheets (125 pages).
func BenchmarkBadges1000(b *testing.B) {
	d := demoData(b)
	people := make([]store.Participant, 0, 1000)
	for i := range 1000 {
		p := d.Participants[i%len(d.Participants)]
		p.BadgeCode = fmt.Sprintf("K%04d", i)
		people = append(people, p)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := Badges(d, people, BadgeA4x8, io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// TestQRHardCodes prints the codes gozxing's search cannot find and reads
// them in place on the page.
func TestQRHardCodes(t *testing.T) {
	d := demoData(t)
	people := d.Participants[:3]
	for i, code := range []string{"F3PJH", "JARE9", "WAY3G"} {
		people[i].BadgeCode = code
	}
	path := badgesFile(t, d, people, BadgeA4x8)
	const dpi = 200
	page := renderAll(t, path, dpi)[0]
	for i, p := range people {
		x, y := a4Slot(i)
		if got, err := readBadgeQR(t, page, dpi, x, y, cardSpec); err != nil || got != p.BadgeCode {
			t.Errorf("%s: read %q (%v)", p.BadgeCode, got, err)
		}
	}
}
