package store

import (
	"bytes"
	"errors"
	"image"
	"image/color"
	"image/png"
	"testing"
)

func TestImagesKeptOnceAndChecked(t *testing.T) {
	s := openTest(t)
	img := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.NRGBA{R: 200, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	id, err := s.SaveImage(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	again, err := s.SaveImage(buf.Bytes())
	if err != nil || again != id || len(id) != 64 {
		t.Fatalf("second save = %q, %v; want the same 64-hex ID %q", again, err, id)
	}
	got, err := s.Images(id)
	if err != nil || !bytes.Equal(got[id], buf.Bytes()) {
		t.Fatalf("Images = %v, %v", len(got[id]), err)
	}
	if _, err := s.SaveImage([]byte("GIF89a not really")); err == nil {
		t.Error("a file that is not PNG or JPEG should be refused")
	}
	if _, err := s.Images("00"); !errors.Is(err, ErrNotFound) {
		t.Errorf("unknown image: %v, want ErrNotFound", err)
	}
}

func TestCertificateTemplateValidatedWithWorkshop(t *testing.T) {
	s := openTest(t)
	w := Workshop{Code: "tpl-2027", Title: "T", City: "Dakar", Country: "SN",
		StartDate: Date{2027, 3, 1}, EndDate: Date{2027, 3, 2},
		Certificate: CertificateTemplate{Accent: "navy", Body: "for {nmae}", Language: "de",
			Signatories: []Signatory{{Name: "A"}, {Name: "B"}, {Name: "C"}, {Name: "D"}}}}
	err := s.SaveWorkshop(&w)
	var v ValidationError
	if !errors.As(err, &v) {
		t.Fatalf("SaveWorkshop = %v, want a ValidationError", err)
	}
	for _, field := range []string{"certificate.accent", "certificate.body", "certificate.language", "certificate.signatories"} {
		if v.For(field) == "" {
			t.Errorf("no problem reported for %s in %v", field, v)
		}
	}
	w.Certificate = CertificateTemplate{Accent: "#1F3A5F", Body: "Awarded to {name} for {workshop}", Language: "fr",
		Signatories: []Signatory{{Name: "Hiwot Girma", Title: "Coordinator"}}}
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	back, _ := s.Workshop(w.ID)
	if back.Certificate.Language != "fr" || back.Certificate.Signatories[0].Name != "Hiwot Girma" {
		t.Errorf("template not kept: %+v", back.Certificate)
	}
}

func TestParticipantCertificateLanguage(t *testing.T) {
	s := openTest(t)
	w := Workshop{Code: "lang-2027", Title: "T", City: "Dakar", Country: "SN",
		StartDate: Date{2027, 3, 1}, EndDate: Date{2027, 3, 2}}
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	p := Participant{WorkshopID: w.ID, FamilyNames: "Diop", CertificateLanguage: "wo"}
	var v ValidationError
	if err := s.SaveParticipant(&p); !errors.As(err, &v) || v.For("certificate_language") == "" {
		t.Fatalf("an unknown certificate language: %v, want a problem under certificate_language", err)
	}
	p.CertificateLanguage = "fr"
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	if back, _ := s.Participant(p.ID); back.CertificateLanguage != "fr" {
		t.Errorf("kept %q, want fr", back.CertificateLanguage)
	}
}
