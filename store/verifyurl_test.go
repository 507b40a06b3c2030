package store

import (
	"crypto/ed25519"
	"errors"
	"strings"
	"testing"
)

func TestVerifyURL(t *testing.T) {
	for _, ok := range []string{"", "https://example.org/verify.html", "https://imp.example/certs/v.html?x=1", "http://localhost:8080/verify.html"} {
		if err := CheckVerifyURL(ok); err != nil {
			t.Errorf("CheckVerifyURL(%q): %v", ok, err)
		}
	}
	for _, bad := range []string{"example.org/verify.html", "http://example.org/v.html", "ftp://example.org/v", "https://example.org/v.html#x",
		"https:///v.html", "https://example.org/" + strings.Repeat("a", MaxVerifyURLLen), "javascript:alert(1)",
		// Characters a web address does not hold as they are (a hostile
		// tester's markup went into the QR codes).
		`https://example.org/"><script>alert(1)</script>`, "https://example.org/a<b", "https://example.org/a\\b", "https://example.org/a`b", "https://example.org/a{b}"} {
		if err := CheckVerifyURL(bad); err == nil {
			t.Errorf("CheckVerifyURL(%q) accepted", bad)
		}
	}
	tmpl := CertificateTemplate{VerifyURL: "http://example.org/v.html"}
	wantFieldError(t, tmpl.Validate(), "certificate.verify_url")

	// A QR text with an address verifies like the bare one, and tampering
	// with it fails.
	pub, priv, _ := ed25519.GenerateKey(nil)
	f := CertificateFields{Number: "ADDIS-2027-007", Name: "Şule Çağlar", NativeName: "محمد الأمين", Workshop: "Migration | Governance 100%",
		Start: Date{2027, 3, 9}, End: Date{2027, 3, 11}, Attended: "7 of 9 sessions", Issued: Date{2027, 3, 11}}
	qr, err := signQR(priv, f)
	if err != nil {
		t.Fatal(err)
	}
	u := QRWithURL("https://example.org/verify.html", qr)
	if !strings.HasPrefix(u, "https://example.org/verify.html#WD1:ADDIS-2027-007%7C%C5") && !strings.HasPrefix(u, "https://example.org/verify.html#WD1:ADDIS-2027-007%7CŞule%20") {
		t.Errorf("QR text %q", u)
	}
	if strings.ContainsAny(u[strings.Index(u, "#")+1:], " |%#") && strings.Contains(u, "| ") {
		t.Errorf("unescaped characters in %q", u)
	}
	got, err := VerifyQR(u, pub)
	if err != nil || got.Name != f.Name || got.NativeName != f.NativeName {
		t.Fatalf("VerifyQR(%q) = %+v, %v", u, got, err)
	}
	tampered := strings.Replace(u, "7%20of%209", "9%20of%209", 1)
	if _, err := VerifyQR(tampered, pub); !errors.Is(err, ErrNotGenuine) {
		t.Errorf("tampered %q: %v", tampered, err)
	}
	if QRWithURL("", qr) != qr {
		t.Error("no address changes the text")
	}
}
