package pdf

import (
	"cmp"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode/decoder"
	"github.com/makiuchi-d/gozxing/qrcode/encoder"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestCertificateQRDecodersUTF8 signs certificates for names with accents,
// in Arabic and in Ethiopic, prints them, renders each page and reads its
// QR code with zbar (zbarimg, as many scanner apps do, which guesses the
// character set of a byte segment without an ECI designator) and with
// gozxing: both give back the signed text, which verifies.
func TestCertificateQRDecodersUTF8(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "w.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w := certWorkshop()
	if err := st.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	people := []store.Participant{
		{GivenNames: "María José", FamilyNames: "Fernández", Country: "CL"},
		{GivenNames: "Mohamed", FamilyNames: "Al-Amin", NativeName: "محمد الأمين", Country: "SD"},
		{GivenNames: "Abebe", FamilyNames: "Bekele", NativeName: "አበበ በቀለ", Country: "ET"},
		{GivenNames: "Zoë", FamilyNames: "Ñúñez-Çağlar", NativeName: "Ελένη Παπαδοπούλου", Country: "GR"},
	}
	var ids []uuid.UUID
	for i := range people {
		people[i].WorkshopID = w.ID
		if err := st.SaveParticipant(&people[i]); err != nil {
			t.Fatal(err)
		}
		ids = append(ids, people[i].ID)
	}
	issued, err := st.Issue(ids, time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	var certs []CertificateInput
	for i, c := range issued {
		in := certInput(people[i], i+1)
		in.Number = c.Number
		if in.QR, in.Code, err = st.Sign(c, store.NewCertificateFields(&w, &people[i], &c, "7 of 9 sessions")); err != nil {
			t.Fatal(err)
		}
		certs = append(certs, in)
	}
	pub, err := st.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	job := certJob(t, certs...)
	path := certFile(t, job, "utf8.pdf")
	des, err := newCertDesign(&job)
	if err != nil {
		t.Fatal(err)
	}
	for i, in := range job.Certificates {
		zbar, zx, err := readCertQR(t, path, i+1, des, in)
		for decoder, got := range map[string]string{"zbarimg": zbar, "gozxing": zx} {
			if got != in.QR {
				t.Errorf("%s: %s reads %q (%v), want %q", in.Participant.FullName(), decoder, got, err, in.QR)
				continue
			}
			if f, err := store.VerifyQR(got, pub); err != nil || f.Name != in.Participant.FullName() {
				t.Errorf("%s: what %s reads does not verify: %+v, %v", in.Participant.FullName(), decoder, f, err)
			}
		}
	}
}

// TestQREncodeECI encodes non-ASCII texts: the symbol is ZXing's with the
// UTF-8 ECI designator (26) before the byte segment; ASCII texts have none.
func TestQREncodeECI(t *testing.T) {
	for _, text := range []string{
		"WD1:X|María José Fernández|", "محمد الأمين", "አበበ በቀለ", strings.Repeat("é", 150), strings.Repeat("李", 130) + "x",
	} {
		ours, err := qrEncode(text)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := encoder.Encoder_encode(text, decoder.ErrorCorrectionLevel_M, map[gozxing.EncodeHintType]interface{}{
			gozxing.EncodeHintType_QR_MASK_PATTERN: ours.mask, gozxing.EncodeHintType_CHARACTER_SET: "UTF-8"})
		if err != nil {
			t.Fatal(err)
		}
		mx := theirs.GetMatrix()
		if mx.GetWidth() != ours.size {
			t.Errorf("%q: size %d, ZXing %d", text, ours.size, mx.GetWidth())
			continue
		}
		diff := 0
		for y := range ours.size {
			for x := range ours.size {
				if (mx.Get(x, y) == 1) != ours.dark[y*ours.size+x] {
					diff++
				}
			}
		}
		if diff > 0 {
			t.Errorf("%q: %d modules differ from ZXing's with the UTF-8 ECI", text, diff)
		}
	}
	// store.MaxQRLen bytes, with the ECI, still fit version 15.
	sym, err := qrEncode(strings.Repeat("é", store.MaxQRLen/2))
	if err != nil || sym.size > 17+4*15 {
		t.Errorf("%d bytes of UTF-8: %v, %d modules wide, want version 15 at most", store.MaxQRLen, err, sym.size)
	}
}

// readCertQR reads the QR code of a certificate page, rendered at 400 dpi
// (a phone's camera sees about as much), with zbarimg and with gozxing.
// gozxing's finder-pattern search misjudges the module size of a few
// symbols at one resolution (see decodeQRPure), so, as a person moves the
// phone, it gets a second look at 600 dpi.
func readCertQR(t *testing.T, path string, page int, des *certDesign, in CertificateInput) (zbar, zx string, err error) {
	t.Helper()
	const q = 2.5 // millimetres of quiet zone in the crop
	x := des.w - des.margin - des.sideW
	if rtlLanguage(cmp.Or(in.Language, des.lang)) {
		x = des.margin
	}
	x += (des.sideW - des.qrSize) / 2
	for _, dpi := range []int{400, 600} {
		img := renderCrop(t, path, page, dpi, x-q, des.qrTop-q, des.qrSize+2*q, des.qrSize+2*q)
		if dpi == 400 {
			file := filepath.Join(t.TempDir(), "qr.png")
			writePNG(t, file, img)
			zbar = strings.TrimSuffix(string(run(t, "zbarimg", "-q", "--raw", file)), "\n")
		}
		zx, err = decodeQRPure(img, float64(dpi), 0, 0, des.qrSize+2*q, des.qrSize+2*q)
		if err != nil {
			zx, err = decodeQR(img, float64(dpi), 0, 0, des.qrSize+2*q, des.qrSize+2*q)
		}
		if err == nil {
			if dpi != 400 {
				t.Logf("page %d: gozxing read the QR code at %d dpi", page, dpi)
			}
			break
		}
	}
	return zbar, zx, err
}

// writePNG writes img to path.
func writePNG(t testing.TB, path string, img image.Image) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}
