package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"math"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// certWorkshop is the workshop of the certificate tests.
func certWorkshop() store.Workshop {
	return store.Workshop{Code: "addis-2026", Title: "Regional Workshop on Labour Migration Governance",
		City: "Addis Ababa", Country: "ET", TimeZone: "Africa/Addis_Ababa",
		StartDate: store.Date{Year: 2026, Month: 11, Day: 25}, EndDate: store.Date{Year: 2026, Month: 11, Day: 27},
		Organiser: "Institute for Migration Policy"}
}

// certPeople are the sample names of every script, as participants.
var certPeople = []struct {
	script string
	p      store.Participant
	want   []string // text pdftotext must give back ("" for none)
}{
	{"latin", store.Participant{GivenNames: "Şule", FamilyNames: "Çağlar", Country: "TR", Organisation: "Presidency of Migration Management", Gender: store.Female}, []string{"Şule Çağlar"}},
	{"vietnamese", store.Participant{GivenNames: "Văn Đức", FamilyNames: "Nguyễn", NativeName: "Nguyễn Văn Đức", Country: "VN", Organisation: "Ministry of Labour, Invalids and Social Affairs", Gender: store.Male}, []string{"Nguyễn Văn Đức"}},
	{"cyrillic", store.Participant{GivenNames: "Dmitry", FamilyNames: "Ivanov", NativeName: "Дмитрий Иванов", Country: "RU", Organisation: "Ministry of Foreign Affairs", Gender: store.Male}, []string{"Дмитрий Иванов", "Dmitry Ivanov"}},
	{"greek", store.Participant{GivenNames: "Eleni", FamilyNames: "Papadopoulou", NativeName: "Ελένη Παπαδοπούλου", Country: "GR", Organisation: "Hellenic Migration Policy Institute", Gender: store.Female}, []string{"Ελένη Παπαδοπούλου", "Eleni Papadopoulou"}},
	{"arabic", store.Participant{GivenNames: "Mohamed", FamilyNames: "Al-Amin", NativeName: "محمد الأمين", Country: "SD", Organisation: "Ministry of Interior", Gender: store.Male}, []string{"Mohamed Al-Amin"}},
	{"ethiopic", store.Participant{GivenNames: "Abebe", FamilyNames: "Bekele", NativeName: "አበበ በቀለ", Country: "ET", Organisation: "Ministry of Labour and Skills", Role: store.RoleSpeaker, Gender: store.Male}, []string{"Abebe Bekele"}},
	{"chinese", store.Participant{GivenNames: "Wei", FamilyNames: "Li", NativeName: "李伟", Country: "CN", Organisation: "Ministry of Commerce", Gender: store.Male}, []string{"Wei Li"}},
	{"hindi", store.Participant{GivenNames: "Priya", FamilyNames: "Krishnamurthy", NativeName: "प्रिया कृष्णमूर्ति", Country: "IN", Organisation: "Ministry of External Affairs", Gender: store.Female}, []string{"प्रिया कृष्णमूर्ति", "Priya Krishnamurthy"}},
	{"nepali", store.Participant{GivenNames: "Sushil", FamilyNames: "Koirala", NativeName: "सुशील कोइराला", Country: "NP", Organisation: "Department of Foreign Employment", Gender: store.Male}, []string{"सुशील कोइराला", "Sushil Koirala"}},
	{"bengali", store.Participant{GivenNames: "Soumitra", FamilyNames: "Chattopadhyay", NativeName: "সৌমিত্র চট্টোপাধ্যায়", Country: "BD", Organisation: "Bureau of Manpower, Employment and Training", Gender: store.Male}, []string{"সৌমিত্র চট্টোপাধ্যায়", "Soumitra Chattopadhyay"}},
	{"tamil", store.Participant{GivenNames: "Muthulakshmi", FamilyNames: "Raman", NativeName: "முத்துலட்சுமி ராமன்", Country: "LK", Organisation: "Ministry of Labour", Gender: store.Female}, []string{"முத்துலட்சுமி ராமன்", "Muthulakshmi Raman"}},
	{"sinhala", store.Participant{GivenNames: "Kumara", FamilyNames: "Sangakkara", NativeName: "කුමාර සංගක්කාර", Country: "LK", Organisation: "Sri Lanka Bureau of Foreign Employment", Gender: store.Male}, []string{"කුමාර සංගක්කාර", "Kumara Sangakkara"}},
	{"thai", store.Participant{GivenNames: "Somsak", FamilyNames: "Srisuk", NativeName: "สมศักดิ์ ศรีสุข", Country: "TH", Organisation: "Ministry of Labour", Gender: store.Male}, []string{"สมศักดิ์ ศรีสุข", "Somsak Srisuk"}},
	{"khmer", store.Participant{GivenNames: "Sok", FamilyNames: "Sreymom", NativeName: "សុខ ស្រីមុំ", Country: "KH", Organisation: "Ministry of Labour and Vocational Training", Gender: store.Female}, []string{"សុខ ស្រីមុំ", "Sok Sreymom"}},
	{"myanmar", store.Participant{GivenNames: "Aung", FamilyNames: "Min", NativeName: "အောင်မင်း", Country: "MM", Organisation: "Ministry of Labour", Gender: store.Male}, []string{"အောင်မင်း", "Aung Min"}},
	{"hebrew", store.Participant{GivenNames: "David", FamilyNames: "Cohen", NativeName: "דָּוִד כֹּהֵן", Country: "IL", Organisation: "Population and Immigration Authority", Gender: store.Male}, []string{"דָּוִד כֹּהֵן", "David Cohen"}},
	{"georgian", store.Participant{GivenNames: "Nino", FamilyNames: "Beridze", NativeName: "ნინო ბერიძე", Country: "GE", Organisation: "Ministry of Internally Displaced Persons", Gender: store.Female}, []string{"ნინო ბერიძე", "Nino Beridze"}},
	{"armenian", store.Participant{GivenNames: "Aram", FamilyNames: "Khachatryan", NativeName: "Արամ Խաչատրյան", Country: "AM", Organisation: "Migration Service", Gender: store.Male}, []string{"Արամ Խաչատրյան", "Aram Khachatryan"}},
}

// certInput makes the certificate of p, number seq.
func certInput(p store.Participant, seq int) CertificateInput {
	number := store.CertificateNumber("addis-2026", seq)
	return CertificateInput{Participant: p, Number: number,
		QR:   "WD1:" + number + "|" + p.FullName() + "|" + p.NativeName + "|Regional Workshop on Labour Migration Governance|2026-11-25..2026-11-27|7 of 9 sessions|2026-11-27|" + fakeSig(seq),
		Code: fmt.Sprintf("HJKM-CEFG-%04d", seq), SessionsAttended: 7, SessionsTotal: 9, Hours: 14,
		Appreciation: store.KindFor(p.Role) == store.KindAppreciation}
}

// fakeSig is 86 characters standing for a signature in base64url.
func fakeSig(seed int) string {
	const a = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	b := make([]byte, 86)
	x := uint32(seed*2654435761 + 12345)
	for i := range b {
		x = x*1664525 + 1013904223
		b[i] = a[x>>26]
	}
	return string(b)
}

// The image IDs of the test template.
const (
	logoEmblem = "logo-emblem"
	logoWide   = "logo-wide"
	sigA       = "sig-a"
	sigB       = "sig-b"
	sigC       = "sig-c"
)

// certTemplate is a full template: two logos, three signatories.
func certTemplate() store.CertificateTemplate {
	return store.CertificateTemplate{
		Logos: []string{logoEmblem, logoWide},
		Signatories: []store.Signatory{
			{Name: "Dr. Hiwot Girma", Title: "Workshop Coordinator, Institute for Migration Policy", Signature: sigA},
			{Name: "Priya Raman", Title: "Migration Specialist, International Labour Organization", Signature: sigB},
			{Name: "Abebe Bekele", Title: "Director, Migration Directorate", Signature: sigC},
		},
	}
}

// certImages draws the logos and signatures of the test template.
func certImages(t testing.TB) map[string][]byte {
	t.Helper()
	enc := func(m image.Image, asJPEG bool) []byte {
		var b bytes.Buffer
		var err error
		if asJPEG {
			err = jpeg.Encode(&b, m, &jpeg.Options{Quality: 85})
		} else {
			err = png.Encode(&b, m)
		}
		if err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	return map[string][]byte{
		logoEmblem: enc(emblemLogo(240), false),
		logoWide:   enc(wideLogo(600, 160), true),
		sigA:       enc(signature(480, 150, 1), false),
		sigB:       enc(signature(480, 150, 2), false),
		sigC:       enc(signature(420, 160, 3), false),
	}
}

// emblemLogo is a round emblem on a transparent background.
func emblemLogo(size int) image.Image {
	m := image.NewNRGBA(image.Rect(0, 0, size, size))
	c := float64(size) / 2
	for y := range size {
		for x := range size {
			dx, dy := float64(x)+0.5-c, float64(y)+0.5-c
			r := math.Hypot(dx, dy) / c
			ang := math.Atan2(dy, dx)
			switch {
			case r > 0.98:
			case r > 0.88:
				m.Set(x, y, color.NRGBA{0x1F, 0x3A, 0x5F, 255})
			case r > 0.8:
			case r < 0.62+0.12*math.Cos(5*ang):
				m.Set(x, y, color.NRGBA{0xC8, 0x9B, 0x2C, 255})
			default:
				m.Set(x, y, color.NRGBA{0x1F, 0x3A, 0x5F, 40})
			}
		}
	}
	return m
}

// wideLogo is a wide logo of coloured bars, as a photo-like JPEG.
func wideLogo(w, h int) image.Image {
	m := image.NewRGBA(image.Rect(0, 0, w, h))
	cols := []color.RGBA{{0x00, 0x6E, 0xB6, 255}, {0x2E, 0x9E, 0x5B, 255}, {0xE0, 0x8A, 0x1E, 255}}
	for y := range h {
		for x := range w {
			c := color.RGBA{255, 255, 255, 255}
			if x < h {
				band := (x + y) / (h / 2) % 3
				if (x-h/2)*(x-h/2)+(y-h/2)*(y-h/2) < (h/2-6)*(h/2-6) {
					c = cols[band]
				}
			} else if y > h/3 && y < 2*h/3 && x > h+20 {
				// a bar standing for the organisation's name
				c = color.RGBA{0x33, 0x33, 0x33, 255}
				if (x/24)%5 == 4 {
					c = color.RGBA{255, 255, 255, 255}
				}
			}
			m.Set(x, y, c)
		}
	}
	return m
}

// signature is a handwritten-looking stroke in dark blue ink on a
// transparent background.
func signature(w, h, seed int) image.Image {
	m := image.NewNRGBA(image.Rect(0, 0, w, h))
	ink := color.NRGBA{0x12, 0x24, 0x6B, 255}
	s := float64(seed)
	for i := range 4000 {
		t := float64(i) / 4000
		x := 0.08*float64(w) + t*0.84*float64(w) + 18*math.Sin(t*40+s)
		y := float64(h)/2 + float64(h)*0.28*math.Sin(t*(9+s)+s)*math.Cos(t*3) + 10*math.Sin(t*55)
		for dy := -2; dy <= 2; dy++ {
			for dx := -2; dx <= 2; dx++ {
				if dx*dx+dy*dy <= 5 {
					m.Set(int(x)+dx, int(y)+dy, ink)
				}
			}
		}
	}
	return m
}

// certJob is a job of the given certificates with the full template.
func certJob(t testing.TB, certs ...CertificateInput) CertificateJob {
	return CertificateJob{Workshop: certWorkshop(), Template: certTemplate(), Images: certImages(t),
		Certificates: certs, Created: fixedDate}
}
