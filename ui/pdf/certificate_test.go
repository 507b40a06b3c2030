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
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// certLanguagePages are the participants of the per-language pages (index
// into certPeople): each language with a name of its region.
var certLanguagePages = []struct {
	lang   string
	person int
}{{"en", 0}, {"fr", 1}, {"es", 2}, {"ar", 4}, {"ru", 2}, {"zh", 6}}

// certSampleJob has one page per script (certPeople), then one per
// language (certLanguagePages).
func certSampleJob(t testing.TB) CertificateJob {
	var certs []CertificateInput
	for i, cp := range certPeople {
		certs = append(certs, certInput(cp.p, i+1))
	}
	for i, lp := range certLanguagePages {
		c := certInput(certPeople[lp.person].p, 20+i)
		c.Language = lp.lang
		certs = append(certs, c)
	}
	return certJob(t, certs...)
}

// certFile writes the certificates of job to a file in t.TempDir().
func certFile(t testing.TB, job CertificateJob, name string) string {
	t.Helper()
	var buf bytes.Buffer
	if err := Certificates(job, &buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// pageText is the text pdftotext extracts from one page.
func pageText(t testing.TB, path string, page int) string {
	p := strconv.Itoa(page)
	return string(run(t, "pdftotext", "-f", p, "-l", p, path, "-"))
}

// TestCertificatesScripts prints a certificate for a name in every script
// and one in every language, and checks them as a reader would: a valid
// PDF, the names and titles in the text layer, every font embedded, and
// each page as its reviewed reference image.
func TestCertificatesScripts(t *testing.T) {
	job := certSampleJob(t)
	path := certFile(t, job, "certificates.pdf")
	run(t, "qpdf", "--check", path)
	if n := pageCount(t, path); n != len(job.Certificates) {
		t.Fatalf("%d pages for %d certificates", n, len(job.Certificates))
	}
	// Latin (with Vietnamese), Cyrillic and Greek names come back exactly.
	for i, cp := range certPeople {
		text := pageText(t, path, i+1)
		for _, want := range cp.want {
			if !strings.Contains(text, want) {
				t.Errorf("page %d (%s): %q not in the text:\n%s", i+1, cp.script, want, text)
			}
		}
		if !strings.Contains(text, job.Certificates[i].Number) {
			t.Errorf("page %d: number %s not in the text", i+1, job.Certificates[i].Number)
		}
	}
	// Each language's title, where pdftotext extracts it reliably (Arabic
	// comes back in presentation forms, Chinese depends on the ToUnicode
	// map of the fallback font).
	for i, lp := range certLanguagePages {
		page := len(certPeople) + i + 1
		text := pageText(t, path, page)
		if lp.lang == "ar" || lp.lang == "zh" {
			continue
		}
		for _, want := range []string{word(lp.lang, wTitle), word(lp.lang, wPresented), word(lp.lang, wVerify)} {
			if !strings.Contains(text, strings.ReplaceAll(want, "\u00a0", " ")) && !strings.Contains(text, want) {
				t.Errorf("page %d (%s): %q not in the text:\n%s", page, lp.lang, want, text)
			}
		}
	}
	// Every font is embedded, as a CID TrueType font: no core font.
	fonts := string(run(t, "pdffonts", path))
	for _, l := range strings.Split(strings.TrimSpace(fonts), "\n")[2:] {
		f := strings.Fields(l)
		if len(f) < 7 || f[len(f)-5] != "yes" || !strings.HasPrefix(f[1], "CID") {
			t.Errorf("font not embedded as a CID TrueType font: %s", l)
		}
	}
	// Each page looks like its reviewed reference.
	for i, cp := range certPeople {
		compareRef(t, render(t, path, i+1, 60), "cert-"+cp.script+".png")
	}
	for i, lp := range certLanguagePages {
		compareRef(t, render(t, path, len(certPeople)+i+1, 60), "cert-lang-"+lp.lang+".png")
	}
}

// TestCertificatePlainPDF checks that the output is a plain document: no
// JavaScript, actions, forms or embedded files.
func TestCertificatePlainPDF(t *testing.T) {
	var buf bytes.Buffer
	if err := Certificates(certSampleJob(t), &buf); err != nil {
		t.Fatal(err)
	}
	// gofpdf always writes an empty /EmbeddedFiles name tree; no file is in it.
	if !regexp.MustCompile(`/EmbeddedFiles << /Names \[\s*\] >>`).Match(buf.Bytes()) {
		t.Error("the embedded files' name tree is not empty")
	}
	for _, bad := range []string{"/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/AcroForm", "/Type /EmbeddedFile", "/EF ", "/URI"} {
		if bytes.Contains(buf.Bytes(), []byte(bad)) {
			t.Errorf("the PDF contains %s", bad)
		}
	}
}

// TestCertificatesReproducible prints the same job twice with a fixed
// creation date: the same bytes. Two logos of the same pixel width would
// come out of gofpdf in map order; prepareImages makes them differ.
func TestCertificatesReproducible(t *testing.T) {
	job := certSampleJob(t)
	var twin bytes.Buffer
	png.Encode(&twin, emblemLogo(240)) // the same size as logoEmblem, other bytes
	img := image.NewGray(image.Rect(0, 0, 240, 240))
	for i := range img.Pix {
		img.Pix[i] = uint8(i % 251)
	}
	var other bytes.Buffer
	png.Encode(&other, img)
	job.Images["twin"], job.Images["other"] = twin.Bytes(), other.Bytes()
	job.Template.Logos = []string{logoEmblem, logoWide, "twin", "other"}
	var first []byte
	for i := range 4 {
		var buf bytes.Buffer
		if err := Certificates(job, &buf); err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = buf.Bytes()
			continue
		}
		if !bytes.Equal(first, buf.Bytes()) {
			t.Fatalf("run %d gives other bytes than run 1", i+1)
		}
	}
	if !bytes.Contains(first, []byte("/CreationDate (D:20270301")) {
		t.Error("the fixed creation date is not in the document")
	}
}

// TestCertificateImagesOnce prints 40 certificates: the logos and
// signatures are embedded once (the QR codes are vector paths), and the
// background is one form XObject.
func TestCertificateImagesOnce(t *testing.T) {
	var certs []CertificateInput
	for i := range 40 {
		certs = append(certs, certInput(certPeople[i%len(certPeople)].p, i+1))
	}
	job := certJob(t, certs...)
	path := certFile(t, job, "forty.pdf")
	run(t, "qpdf", "--check", path)
	list := string(run(t, "pdfimages", "-list", path))
	if n, want := countImages(list), 2+3; n != want {
		t.Errorf("%d images in the PDF, want %d (2 logos, 3 signatures, once each):\n%s", n, want, list)
	}
	data, _ := os.ReadFile(path)
	if n := bytes.Count(data, []byte("/Subtype /Form")); n != 1 {
		t.Errorf("%d form XObjects, want the one page background", n)
	}
	if per := len(data) / 40; per > 40<<10 {
		t.Errorf("%d bytes per certificate", per)
	}
}

// TestCertificateMuPDF renders pages with MuPDF as well as poppler: the
// same size and about the same ink. It needs mupdf-tools.
func TestCertificateMuPDF(t *testing.T) {
	if _, err := exec.LookPath("mutool"); err != nil {
		t.Fatal("mutool is not installed: apt-get install mupdf-tools")
	}
	path := certFile(t, certSampleJob(t), "certificates.pdf")
	for _, page := range []int{1, 5, 6, 7, 11} { // Latin, Arabic, Ethiopic, Chinese, the Arabic page
		out := filepath.Join(t.TempDir(), "mu.png")
		run(t, "mutool", "draw", "-q", "-r", "60", "-c", "gray", "-o", out, path, strconv.Itoa(page))
		f, err := os.Open(out)
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		mu, pop := toGray(img), render(t, path, page, 60)
		ms, ps := mu.Bounds().Size(), pop.Bounds().Size()
		if abs(ms.X-ps.X) > 1 || abs(ms.Y-ps.Y) > 1 {
			t.Errorf("page %d: MuPDF %v, poppler %v", page, ms, ps)
			continue
		}
		mi, pi := inkShare(mu), inkShare(pop)
		if pi == 0 || mi < pi*0.85 || mi > pi*1.15 {
			t.Errorf("page %d: ink %.4f in MuPDF, %.4f in poppler", page, mi, pi)
		}
	}
}

// countImages counts the image objects in the output of pdfimages -list:
// it lists every use on every page, with the object number.
func countImages(list string) int {
	objects := map[string]bool{}
	for _, l := range strings.Split(list, "\n")[2:] {
		if f := strings.Fields(l); len(f) > 11 && f[2] == "image" {
			objects[f[10]] = true
		}
	}
	return len(objects)
}

// inkShare is the share of dark pixels (grey below 160) in img.
func inkShare(img *image.Gray) float64 {
	n := 0
	for _, p := range img.Pix {
		if p < 160 {
			n++
		}
	}
	return float64(n) / float64(len(img.Pix))
}

// longJob has texts far too long for their places: a name of 300
// characters, a long native name, a workshop title of 200, a long body and
// signatory title.
func longJob(t testing.TB) CertificateJob {
	long := store.Participant{GivenNames: "Maria Fernanda Alejandra Guadalupe Esperanza",
		FamilyNames: "de los Santos Quispe Mamani y Gonçalves da Silva " + strings.Repeat("Wolfeschlegelsteinhausenbergerdorff ", 6),
		NativeName:  "Μαρία Φερνάντα Αλεχάντρα Γουαδαλούπε ντε λος Σάντος Κίσπε Μαμάνι",
		Role:        store.RoleFacilitator, Gender: store.Female}
	job := certJob(t, certInput(long, 1), certInput(certPeople[4].p, 2))
	job.Workshop.Title = strings.Repeat("International Conference on Sustainable Development, Labour Mobility and Regional Integration ", 2)
	job.Workshop.Organiser = strings.Repeat("Organisation ", 20)
	job.Template.Signatories[0].Title = strings.Repeat("Very Long Title of an Important Office ", 4)
	job.Template.Signatories[1].Name = strings.Repeat("Signatory ", 8)
	job.Template.Body = "awarded by {organiser} for {workshop}, {venue} {dates}: {hours}, {sessions}. " + strings.Repeat("Additional words of the body text. ", 12)
	return job
}

// TestCertificateLongTexts checks that long texts shrink and stay inside
// the frame: by computation (what the names are drawn at fits their box),
// by the text positions poppler reports, and by the rendered ink.
func TestCertificateLongTexts(t *testing.T) {
	job := longJob(t)
	for _, portrait := range []bool{false, true} {
		job.Template.Portrait = portrait
		des, err := newCertDesign(&job)
		if err != nil {
			t.Fatal(err)
		}
		cd, err := des.newDoc("test")
		if err != nil {
			t.Fatal(err)
		}
		for i := range job.Certificates {
			pl, err := des.plan(&job.Certificates[i])
			if err != nil {
				t.Fatal(err)
			}
			md, top := cd.fitMiddle(&pl)
			cw := des.w - 2*des.margin
			if md.nameW > cw || md.bodyW > cw {
				t.Errorf("name box %.1f or body %.1f wider than the content %.1f mm", md.nameW, md.bodyW, cw)
			}
			// TextFit condenses what is still too wide at the smallest size
			// to the box: the drawn width is the smaller of the two.
			for _, l := range append([]string{pl.name, pl.top}, md.bodyLines...) {
				size := md.nameSize
				if l != pl.name && l != pl.top {
					size = md.bodySize
				}
				drawn := min(cd.Width(l, size, "B"), md.nameW)
				if drawn > cw {
					t.Errorf("%q drawn %.1f mm wide in %.1f mm", l, drawn, cw)
				}
			}
			if len(md.bodyLines) > 6 {
				t.Errorf("%d body lines", len(md.bodyLines))
			}
			if top < des.middleTop || top+md.height > des.middleBot+0.5 {
				t.Errorf("the middle from %.1f to %.1f mm leaves its space %.1f–%.1f mm", top, top+md.height, des.middleTop, des.middleBot)
			}
		}
		path := certFile(t, job, "long.pdf")
		run(t, "qpdf", "--check", path)
		checkInside(t, path, des)
		name := "cert-long-landscape.png"
		if portrait {
			name = "cert-long-portrait.png"
		}
		compareRef(t, render(t, path, 1, 60), name)
	}
}

var bboxWord = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>`)

// checkInside checks that every word of the PDF at path lies inside the
// content area of des (by pdftotext -bbox), and that no ink is drawn
// between the frame and the content, away from the corner ornaments.
func checkInside(t *testing.T, path string, des *certDesign) {
	t.Helper()
	const k = 72 / 25.4
	lo, hiX, hiY := des.margin-1.5, des.w-des.margin+1.5, des.h-des.margin+1.5
	html := string(run(t, "pdftotext", "-bbox", path, "-"))
	words := bboxWord.FindAllStringSubmatch(html, -1)
	if len(words) < 20 {
		t.Fatalf("only %d words found", len(words))
	}
	for _, m := range words {
		x0, _ := strconv.ParseFloat(m[1], 64)
		y0, _ := strconv.ParseFloat(m[2], 64)
		x1, _ := strconv.ParseFloat(m[3], 64)
		y1, _ := strconv.ParseFloat(m[4], 64)
		if x0/k < lo || y0/k < lo || x1/k > hiX || y1/k > hiY {
			t.Errorf("%q at (%.1f, %.1f)–(%.1f, %.1f) mm leaves the content area", m[5], x0/k, y0/k, x1/k, y1/k)
		}
	}
	const dpi = 50
	px := func(mm float64) int { return int(mm * dpi / 25.4) }
	for page, img := range renderAll(t, path, dpi) {
		w, h := img.Bounds().Dx(), img.Bounds().Dy()
		inBand := func(x, y int) bool {
			band := func(v, size int) bool {
				return (v > px(11.5) && v < px(des.margin-2)) || (v > size-px(des.margin-2) && v < size-px(11.5))
			}
			nearCorner := (x < px(38) || x > w-px(38)) && (y < px(38) || y > h-px(38))
			return !nearCorner && (band(x, w) && y > px(11.5) && y < h-px(11.5) || band(y, h) && x > px(11.5) && x < w-px(11.5))
		}
		dark := 0
		for y := range h {
			for x := range w {
				if inBand(x, y) && img.GrayAt(x, y).Y < 200 {
					dark++
				}
			}
		}
		if dark > 0 {
			t.Errorf("page %d: %d dark pixels between the frame and the content", page+1, dark)
		}
	}
}

// TestCertificateVariants prints the other designs: portrait, Letter, each
// border, no logos, one signatory, four logos, and each name mode.
func TestCertificateVariants(t *testing.T) {
	base := certInput(certPeople[2].p, 3)
	variants := []struct {
		name string
		set  func(*CertificateJob)
	}{
		{"portrait", func(j *CertificateJob) { j.Template.Portrait = true }},
		{"letter", func(j *CertificateJob) { j.Template.PageSize = "Letter" }},
		{"letter-portrait-single", func(j *CertificateJob) {
			j.Template.Portrait, j.Template.PageSize, j.Template.Border = true, "Letter", store.BorderSingle
			j.Template.Signatories = j.Template.Signatories[:2]
		}},
		{"plain", func(j *CertificateJob) {
			j.Template.Logos, j.Template.Signatories, j.Template.Border = nil, nil, store.BorderNone
		}},
		{"one-signatory", func(j *CertificateJob) {
			j.Template.Logos, j.Template.Signatories, j.Template.Accent = nil, j.Template.Signatories[:1], "#7A1F2B"
		}},
		{"four-logos", func(j *CertificateJob) {
			j.Template.Logos = []string{logoEmblem, logoWide, sigA, logoEmblem}
			j.Template.Signatories[2].Signature = ""
		}},
		{"latin", func(j *CertificateJob) { j.Template.NameMode = store.NameLatin }},
		{"native", func(j *CertificateJob) { j.Template.NameMode = store.NameNative }},
		{"no-qr", func(j *CertificateJob) {
			j.Certificates[0].QR, j.Certificates[0].Code, j.Certificates[0].Number = "", "", ""
		}},
	}
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			job := certJob(t, base)
			v.set(&job)
			path := certFile(t, job, v.name+".pdf")
			run(t, "qpdf", "--check", path)
			des, err := newCertDesign(&job)
			if err != nil {
				t.Fatal(err)
			}
			checkInside(t, path, des)
			text := pageText(t, path, 1)
			switch v.name {
			case "latin":
				if strings.Contains(text, "Дмитрий") || !strings.Contains(text, "Dmitry Ivanov") {
					t.Errorf("latin mode:\n%s", text)
				}
			case "native":
				if !strings.Contains(text, "Дмитрий Иванов") || strings.Contains(text, "Dmitry Ivanov") {
					t.Errorf("native mode:\n%s", text)
				}
			default:
				if !strings.Contains(text, "Дмитрий Иванов") || !strings.Contains(text, "Dmitry Ivanov") {
					t.Errorf("both names expected:\n%s", text)
				}
			}
		})
	}
}

// TestCertificateErrors: what cannot be printed is refused with a reason.
func TestCertificateErrors(t *testing.T) {
	var buf bytes.Buffer
	job := certJob(t)
	if err := Certificates(job, &buf); err == nil {
		t.Error("an empty job printed")
	}
	job = certJob(t, certInput(certPeople[0].p, 1))
	delete(job.Images, sigB)
	if err := Certificates(job, &buf); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Errorf("a missing signature image: %v", err)
	}
	job = certJob(t, certInput(certPeople[0].p, 1))
	job.Images[logoWide] = []byte("GIF89a not really")
	if err := Certificates(job, &buf); err == nil {
		t.Error("a broken logo printed")
	}
	job = certJob(t, certInput(certPeople[0].p, 1))
	job.Certificates[0].Language = "de"
	if err := Certificates(job, &buf); err == nil || !strings.Contains(err.Error(), "de") {
		t.Errorf("an unknown language: %v", err)
	}
	job = certJob(t, certInput(certPeople[0].p, 1))
	job.Template.Accent = "navy"
	if err := Certificates(job, &buf); err == nil {
		t.Error("an invalid template printed")
	}
}

// TestCertificateGlyphProblems lists what no font can draw, and prints it
// as boxes rather than "?".
func TestCertificateGlyphProblems(t *testing.T) {
	odd := store.Participant{GivenNames: "Zoë", FamilyNames: "Smile", NativeName: "Zoë \U0001F600 \U00013080"}
	odd.ID[0] = 7
	job := certJob(t, certInput(certPeople[0].p, 1), certInput(odd, 2))
	job.Template.Signatories[1].Title = "Head of ☃ Unit"
	got := CertificateGlyphProblems(job)
	find := func(index int, field string) *GlyphProblem {
		for i := range got {
			if got[i].Index == index && got[i].Field == field {
				return &got[i]
			}
		}
		return nil
	}
	if g := find(1, "native name"); g == nil || !slices.Equal(g.Runes, []rune{'\U0001F600', '\U00013080'}) || g.ParticipantID != odd.ID || g.Name != "Zoë Smile" {
		t.Errorf("the native name's problem: %+v (all: %+v)", g, got)
	}
	if g := find(-1, "signatory 2 title"); g == nil || !slices.Equal(g.Runes, []rune{'☃'}) {
		t.Errorf("the signatory's problem: %+v (all: %+v)", g, got)
	}
	if len(got) != 2 {
		t.Errorf("%d problems, want 2: %+v", len(got), got)
	}
	if p := CertificateGlyphProblems(certSampleJob(t)); len(p) != 0 {
		t.Errorf("problems in the sample names: %+v", p)
	}
	// Printed all the same: the name with two boxes, no question marks.
	path := certFile(t, job, "odd.pdf")
	run(t, "qpdf", "--check", path)
	if text := pageText(t, path, 2); strings.Contains(text, "?") {
		t.Errorf("a question mark was printed:\n%s", text)
	}
}

func TestSafeFileName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"ADDIS-2027-007 Bekele Abebe", "ADDIS-2027-007 Bekele Abebe"},
		{"ADDIS-2027-014 Çağlar Şule", "ADDIS-2027-014 Çağlar Şule"},
		{"ADDIS-2027-015 Nguyễn Văn Đức", "ADDIS-2027-015 Nguyễn Văn Đức"},
		{"X-1 李伟", "X-1 李伟"},
		{"X-2 محمد الأمين", "X-2 محمد الأمين"},
		{"X-3 አበበ በቀለ", "X-3 አበበ በቀለ"},
		{"Nguye\u0302\u0303n", "Nguyễn"}, // decomposed, as typed on a Mac
		{"a/b:c*?", "a-b-c"},
		{`<x>|"y"\z`, "x-y-z"},
		{"CON", "CON_"},
		{"con", "con_"},
		{"Con.txt", "Con_.txt"},
		{"COM1", "COM1_"},
		{"LPT9", "LPT9_"},
		{"NUL .", "NUL_"},
		{"COM10", "COM10"},
		{"CONSTANTINE", "CONSTANTINE"},
		{"trailing dots...", "trailing dots"},
		{"trailing space   ", "trailing space"},
		{"..hidden", "hidden"},
		{"tab\there\nnew line", "tab here new line"},
		{"bell\x07 and del\x7f", "bell and del"},
		{"evil\u202Efdp.exe", "evilfdp.exe"}, // a right-to-left override could disguise the name
		{"zero\u200Bwidth", "zerowidth"},
		{"", "certificate"},
		{"???", "certificate"},
		{"   ", "certificate"},
	} {
		if got := SafeFileName(c.in); got != c.want {
			t.Errorf("SafeFileName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	long := SafeFileName(strings.Repeat("Ab", 150)) // 300 characters
	if len(long) > maxFileNameBytes || !strings.HasPrefix(long, "AbAb") {
		t.Errorf("300 characters: %d bytes %q", len(long), long)
	}
	wide := SafeFileName(strings.Repeat("李", 300)) // cut at a character
	if len(wide) > maxFileNameBytes || !strings.HasPrefix(wide, "李") || strings.ContainsRune(wide, '\uFFFD') || len(wide)%3 != 0 {
		t.Errorf("300 Chinese characters: %d bytes %q", len(wide), wide)
	}
	cut := SafeFileName(strings.Repeat("a", 119) + ". b")
	if strings.HasSuffix(cut, ".") || strings.HasSuffix(cut, " ") {
		t.Errorf("cut name ends with a dot or space: %q", cut)
	}
}

// TestCertificateFiles writes one file per participant with safe names.
func TestCertificateFiles(t *testing.T) {
	var certs []CertificateInput
	for i, cp := range certPeople {
		certs = append(certs, certInput(cp.p, i+1))
	}
	odd := certInput(store.Participant{GivenNames: "a/b", FamilyNames: "CON"}, 8)
	odd.Number = ""
	twin := odd // the same name twice: the second gets " (2)"
	twin.Participant.GivenNames = "A-B"
	certs = append(certs, odd, twin)
	job := certJob(t, certs...)
	dir := filepath.Join(t.TempDir(), "out")
	paths, err := CertificateFiles(job, dir)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"ADDIS-2026-001 Çağlar Şule.pdf", "ADDIS-2026-002 Nguyễn Văn Đức.pdf",
		"ADDIS-2026-003 Ivanov Dmitry.pdf", "ADDIS-2026-004 Papadopoulou Eleni.pdf",
		"ADDIS-2026-005 Al-Amin Mohamed.pdf", "ADDIS-2026-006 Bekele Abebe.pdf", "ADDIS-2026-007 Li Wei.pdf"}
	for _, cp := range certPeople[len(want):] { // the shaped scripts
		want = append(want, fmt.Sprintf("ADDIS-2026-%03d %s %s.pdf", len(want)+1, cp.p.FamilyNames, cp.p.GivenNames))
	}
	want = append(want, "CON a-b.pdf", "CON A-B (2).pdf")
	var got []string
	for _, p := range paths {
		got = append(got, filepath.Base(p))
	}
	if !slices.Equal(got, want) {
		t.Errorf("files:\n%q\nwant\n%q", got, want)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != len(want) {
		t.Errorf("%d files in the folder (temporary files left?), want %d", len(entries), len(want))
	}
	for i, p := range paths[:len(certPeople)] {
		run(t, "qpdf", "--check", p)
		if n := pageCount(t, p); n != 1 {
			t.Errorf("%s: %d pages", p, n)
		}
		text := string(run(t, "pdftotext", p, "-"))
		for _, w := range certPeople[i].want {
			if !strings.Contains(text, w) {
				t.Errorf("%s: %q not in the text", filepath.Base(p), w)
			}
		}
	}
	// Each file is titled for its participant, and its page is the page
	// of the run's PDF (the files are cut out of it).
	if info := string(run(t, "pdfinfo", "-enc", "UTF-8", paths[1])); !regexp.MustCompile(`Title:\s+Certificate.*Văn Đức`).MatchString(info) {
		t.Errorf("pdfinfo of %s:\n%s", paths[1], info)
	}
	whole := certFile(t, job, "all.pdf")
	for _, k := range []int{0, 4, 9} { // Latin, Arabic, Nepali
		if share, err := pixelDiff(render(t, paths[k], 1, 40), render(t, whole, k+1, 40)); err != nil || share > 0 {
			t.Errorf("%s differs from page %d of the run's PDF: %.3f%% %v", filepath.Base(paths[k]), k+1, 100*share, err)
		}
	}
	// Every file carries the images once.
	list := string(run(t, "pdfimages", "-list", paths[0]))
	if n := countImages(list); n != 5 {
		t.Errorf("%d images in one file, want 5:\n%s", n, list)
	}
}

func TestSortCertificates(t *testing.T) {
	mk := func(given, family, country, org, number string) CertificateInput {
		return CertificateInput{Participant: store.Participant{GivenNames: given, FamilyNames: family, Country: country, Organisation: org}, Number: number}
	}
	list := []CertificateInput{
		mk("Mehmet", "Öztürk", "TR", "Turkish Red Crescent", "X-010"),
		mk("Ana", "Ćosić", "HR", "university of Zagreb", "X-002"),
		mk("Søren", "Østergaard", "DK", "Danish Refugee Council", "X-1000"),
		mk("Aisha", "Bello", "NG", "", "X-099"),
		mk("Zara", "ndiaye", "SN", "ECOWAS", "X-005"),
		mk("Ábel", "Ndiaye", "SN", "ECOWAS", "X-006"),
	}
	order := func(by string) []string {
		l := slices.Clone(list)
		SortCertificates(l, by)
		var out []string
		for _, c := range l {
			out = append(out, c.Participant.FamilyNames)
		}
		return out
	}
	for by, want := range map[string][]string{
		"family":       {"Bello", "Ćosić", "Ndiaye", "ndiaye", "Østergaard", "Öztürk"},
		"country":      {"Ćosić", "Østergaard", "Bello", "Ndiaye", "ndiaye", "Öztürk"}, // Croatia, Denmark, Nigeria, Senegal ×2, Turkey
		"organisation": {"Østergaard", "Ndiaye", "ndiaye", "Öztürk", "Ćosić", "Bello"},
		"number":       {"Ćosić", "ndiaye", "Ndiaye", "Öztürk", "Bello", "Østergaard"},
	} {
		if got := order(by); !slices.Equal(got, want) {
			t.Errorf("by %s: %q, want %q", by, got, want)
		}
	}
	// CertificateOrder gives the same order as positions, for people not
	// numbered yet.
	var people []store.Participant
	for i, c := range list {
		c.Participant.ID = uuid.Must(uuid.NewV7())
		c.Participant.GivenNames += fmt.Sprint(i) // no ties left to the numbers
		people = append(people, c.Participant)
	}
	var byCountry []string
	for _, i := range CertificateOrder(people, "country") {
		byCountry = append(byCountry, people[i].FamilyNames)
	}
	if want := []string{"Ćosić", "Østergaard", "Bello", "Ndiaye", "ndiaye", "Öztürk"}; !slices.Equal(byCountry, want) {
		t.Errorf("CertificateOrder by country: %q, want %q", byCountry, want)
	}
}

func TestBreakSegments(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"for attending the", []string{"for", " attending", " the"}},
		{"14\u00a0hours of", []string{"14\u00a0hours", " of"}},
		{"参加了“研讨会”，特发此证。", []string{"参", "加", "了", "“研", "讨", "会”，", "特", "发", "此", "证。"}},
		{"在Addis Ababa举办", []string{"在", "Addis", " Ababa", "举", "办"}},
	} {
		var got []string
		for _, s := range breakSegments(c.in) {
			if s.space {
				got = append(got, " "+s.text)
			} else {
				got = append(got, s.text)
			}
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q: %q, want %q", c.in, got, c.want)
		}
	}
}

// TestPrepareImages: images are flattened, scaled down, and of distinct
// widths.
func TestPrepareImages(t *testing.T) {
	big := image.NewNRGBA(image.Rect(0, 0, 2000, 1000))
	for i := range big.Pix {
		big.Pix[i] = 0 // transparent black: white once flattened
	}
	big.Set(10, 10, color.NRGBA{255, 0, 0, 255})
	var b1, b2 bytes.Buffer
	png.Encode(&b1, big)
	png.Encode(&b2, emblemLogo(300))
	ims, err := prepareImages([]string{"big", "e", "big", "f"}, map[string][]byte{"big": b1.Bytes(), "e": b2.Bytes(), "f": b2.Bytes()})
	if err != nil {
		t.Fatal(err)
	}
	if len(ims) != 3 {
		t.Fatalf("%d images", len(ims))
	}
	bi, ei := ims["big"], ims["e"]
	if bi.h != certImageMaxH || bi.w != 2*certImageMaxH {
		t.Errorf("big image scaled to %d × %d", bi.w, bi.h)
	}
	if fi := ims["f"]; ei.h != certImageMaxH || fi.h != ei.h || ei.w != certImageMaxH || fi.w != ei.w+1 {
		t.Errorf("emblems %d × %d and %d × %d: want the second one pixel wider", ei.w, ei.h, fi.w, fi.h)
	}
	m, err := png.Decode(bytes.NewReader(bi.data))
	if err != nil {
		t.Fatal(err)
	}
	if r, g, b, a := m.At(100, 100).RGBA(); r>>8 != 255 || g>>8 != 255 || b>>8 != 255 || a>>8 != 255 {
		t.Errorf("transparent pixel is %d %d %d %d, want opaque white", r>>8, g>>8, b>>8, a>>8)
	}
	if _, err := prepareImages([]string{"x"}, nil); err == nil {
		t.Error("a missing image was accepted")
	}
}

// TestCertificateQRReads reads the QR code of every sample page, printed
// and rendered at 400 dpi (a phone's camera sees about as much), as
// scanners would (zbar, and ZXing's port gozxing): the signed text comes
// back, in every script.
func TestCertificateQRReads(t *testing.T) {
	job := certSampleJob(t)
	path := certFile(t, job, "certificates.pdf")
	des, err := newCertDesign(&job)
	if err != nil {
		t.Fatal(err)
	}
	for i, in := range job.Certificates {
		zbar, got, err := readCertQR(t, path, i+1, des, in)
		if err != nil || got != in.QR {
			t.Errorf("page %d: QR code reads %q (%v), want %q", i+1, got, err, in.QR)
		}
		if zbar != in.QR {
			t.Errorf("page %d: zbarimg reads %q, want %q", i+1, zbar, in.QR)
		}
	}
}

// renderCrop renders the w × h millimetres at (x, y) of a page in grey.
func renderCrop(t testing.TB, path string, page, dpi int, x, y, w, h float64) *image.Gray {
	t.Helper()
	px := func(mm float64) string { return strconv.Itoa(int(mm * float64(dpi) / 25.4)) }
	prefix := filepath.Join(t.TempDir(), "crop")
	p := strconv.Itoa(page)
	run(t, "pdftoppm", "-r", strconv.Itoa(dpi), "-f", p, "-l", p, "-x", px(x), "-y", px(y), "-W", px(w), "-H", px(h),
		"-aaVector", "no", "-gray", "-png", "-singlefile", path, prefix)
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

// TestCertificateParticipantLanguage prints, in an English run, one
// certificate for a participant who asked for French: the fixed wording of
// that page is French, the other's English.
func TestCertificateParticipantLanguage(t *testing.T) {
	fr := store.Participant{GivenNames: "Aminata", FamilyNames: "Traoré", CertificateLanguage: "fr"}
	en := store.Participant{GivenNames: "Grace", FamilyNames: "Wanjiru"}
	job := certJob(t, certInput(fr, 1), certInput(en, 2))
	job.Template.Language = "en"
	path := certFile(t, job, "languages.pdf")
	if text := pageText(t, path, 1); !strings.Contains(text, word("fr", wTitle)) {
		t.Errorf("the participant's French was not used:\n%s", text)
	}
	if text := pageText(t, path, 2); !strings.Contains(text, word("en", wTitle)) {
		t.Errorf("the template's English was not used for the other:\n%s", text)
	}
}
