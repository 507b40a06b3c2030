package store

import (
	"bytes"
	"crypto/ed25519"
	"encoding/base64"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// signedFixture is a store with one issued and signed certificate.
type signedFixture struct {
	s      *Store
	clock  *testClock
	w      Workshop
	p      Participant
	c      CertificateIssue
	fields CertificateFields
	qr     string
	code   string
}

func newSignedFixture(t *testing.T, path string) *signedFixture {
	t.Helper()
	f := &signedFixture{clock: newClock(t0)}
	f.s = openAt(t, path, Options{NoAutoBackup: true, Now: f.clock.Now})
	f.w = newWorkshop(t, "addis-2027", "2027-03-09")
	f.w.Title, f.w.Country, f.w.City = "Regional workshop on labour migration statistics", "ET", "Addis Ababa"
	if err := f.s.SaveWorkshop(&f.w); err != nil {
		t.Fatal(err)
	}
	f.p = Participant{WorkshopID: f.w.ID, GivenNames: "Almaz", FamilyNames: "Tesfaye", NativeName: "አልማዝ ተስፋዬ"}
	if err := f.s.SaveParticipant(&f.p); err != nil {
		t.Fatal(err)
	}
	f.c = issue(t, f.s, time.Date(2027, 3, 11, 17, 0, 0, 0, time.UTC), f.p)[0]
	f.fields = NewCertificateFields(&f.w, &f.p, &f.c, "5 of 5 sessions")
	var err error
	if f.qr, f.code, err = f.s.Sign(f.c, f.fields); err != nil {
		t.Fatal(err)
	}
	return f
}

func pubKey(t testing.TB, s *Store) ed25519.PublicKey {
	t.Helper()
	pub, err := s.PublicKey()
	if err != nil {
		t.Fatal(err)
	}
	return pub
}

func TestSignQRLayout(t *testing.T) {
	f := newSignedFixture(t, filepath.Join(t.TempDir(), "workshops.db"))
	want := "WD1:ADDIS-2027-001|Almaz Tesfaye|አልማዝ ተስፋዬ|Regional workshop on labour migration statistics|2027-03-09..2027-03-11|5 of 5 sessions|2027-03-11|"
	if !strings.HasPrefix(f.qr, want) || len(f.qr) != len(want)+86 || len(f.qr) > MaxQRLen {
		t.Errorf("QR text %q (%d bytes), want %q + 86 characters of signature", f.qr, len(f.qr), want)
	}
	t.Logf("QR text (%d bytes): %s", len(f.qr), f.qr)
	t.Logf("code: %s", f.code)
	if f.code != f.c.Code || !codeShape.MatchString(f.code) {
		t.Errorf("code %q, certificate's %q", f.code, f.c.Code)
	}
	// Deterministic: a reprint signs to the same text.
	again := issue(t, f.s, f.clock.Now(), f.p)[0]
	qr2, code2, err := f.s.Sign(again, NewCertificateFields(&f.w, &f.p, &again, "5 of 5 sessions"))
	if err != nil || qr2 != f.qr || code2 != f.code {
		t.Errorf("reprint signs to %q, %q, %v; want the same text and code", qr2, code2, err)
	}
	got, err := VerifyQR(f.qr, pubKey(t, f.s))
	if err != nil || got != f.fields {
		t.Errorf("VerifyQR = %+v, %v; want %+v", got, err, f.fields)
	}

	// Fields are canonicalised, "|" cannot break the layout.
	odd := f.fields
	odd.Name, odd.Attended = " Almaz |  Tesfaye\n", "a\u0065\u0301"
	qr, _, err := f.s.Sign(f.c, odd)
	if err != nil {
		t.Fatal(err)
	}
	got, err = VerifyQR(qr, pubKey(t, f.s))
	if err != nil || got.Name != "Almaz / Tesfaye" || got.Attended != "a\u00e9" {
		t.Errorf("canonical fields = %+v, %v", got, err)
	}

	// A long title is shortened to fit; names that cannot fit are refused.
	long := f.fields
	long.Workshop = strings.Repeat("Strengthening national statistical systems ", 12)
	qr, _, err = f.s.Sign(f.c, long)
	if err != nil {
		t.Fatal(err)
	}
	got, err = VerifyQR(qr, pubKey(t, f.s))
	if err != nil || len(qr) > MaxQRLen || !strings.HasSuffix(got.Workshop, "…") || !strings.HasPrefix(long.Workshop, strings.TrimSuffix(got.Workshop, "…")) {
		t.Errorf("long title: %d bytes, title %q, %v", len(qr), got.Workshop, err)
	}
	huge := f.fields
	huge.NativeName = strings.Repeat("አልማዝ", 30)
	_, _, err = f.s.Sign(f.c, huge)
	wantFieldError(t, err, "name")

	// The fields must be this certificate's, and complete.
	other := f.fields
	other.Number = "ADDIS-2027-002"
	_, _, err = f.s.Sign(f.c, other)
	wantFieldError(t, err, "number")
	empty := f.fields
	empty.Name, empty.NativeName, empty.Workshop = "", " ", ""
	_, _, err = f.s.Sign(f.c, empty)
	wantFieldError(t, wantFieldError(t, err, "name"), "workshop")
	if _, _, err := f.s.Sign(CertificateIssue{Record: Record{ID: NewID()}, Number: "ADDIS-2027-001"}, f.fields); !errors.Is(err, ErrNotFound) {
		t.Errorf("Sign of a certificate not in the register = %v", err)
	}
	byNumber := CertificateIssue{Number: "addis-2027-001"}
	if qr, _, err := f.s.Sign(byNumber, CertificateFields{Name: f.fields.Name, NativeName: f.fields.NativeName,
		Workshop: f.fields.Workshop, Start: f.fields.Start, End: f.fields.End, Attended: f.fields.Attended, Issued: f.fields.Issued}); err != nil || qr != f.qr {
		t.Errorf("Sign by number with the number left empty = %q, %v", qr, err)
	}
}

func TestVerifyQR(t *testing.T) {
	f := newSignedFixture(t, filepath.Join(t.TempDir(), "workshops.db"))
	pub := pubKey(t, f.s)
	other := openTest(t, Options{NoAutoBackup: true})
	otherPub := pubKey(t, other)
	if bytes.Equal(pub, otherPub) {
		t.Fatal("two data files have the same key")
	}
	// replace alters the n-th "|"-separated part of the QR text.
	replace := func(part int, old, new string) string {
		parts := strings.Split(f.qr, "|")
		if !strings.Contains(parts[part], old) {
			t.Fatalf("part %d %q lacks %q", part, parts[part], old)
		}
		parts[part] = strings.Replace(parts[part], old, new, 1)
		return strings.Join(parts, "|")
	}
	sig := f.qr[strings.LastIndexByte(f.qr, '|')+1:]
	flipped := []byte(sig)
	flipped[10] ^= 1
	if flipped[10] == sig[10] || !strings.ContainsRune("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_", rune(flipped[10])) {
		flipped[10] = 'A' + (sig[10]-'A'+1)%26
	}

	for _, tc := range []struct {
		name, text string
		pub        ed25519.PublicKey
		want       error
		msg        string
	}{
		{"genuine", f.qr, pub, nil, ""},
		{"genuine with a scanner's newline", f.qr + "\r\n", pub, nil, ""},
		{"altered name", replace(1, "Almaz", "Almas"), pub, ErrNotGenuine, "not genuine: the signature does not match"},
		{"altered native name", replace(2, "አልማዝ", "አልማ"), pub, ErrNotGenuine, "not genuine"},
		{"altered date", replace(4, "2027-03-11", "2027-03-12"), pub, ErrNotGenuine, "not genuine: the signature does not match"},
		{"altered number", replace(0, "-001", "-002"), pub, ErrNotGenuine, "not genuine"},
		{"altered attendance", replace(5, "5 of 5", "9 of 9"), pub, ErrNotGenuine, "not genuine"},
		{"altered signature", strings.TrimSuffix(f.qr, sig) + string(flipped), pub, ErrNotGenuine, "not genuine"},
		{"wrong key", f.qr, otherPub, ErrNotGenuine, "signed by another Workshop Desk data file"},
		{"garbage", "hello world", pub, ErrNotCertificateCode, "not a Workshop Desk certificate code"},
		{"empty", "", pub, ErrNotCertificateCode, "not a Workshop Desk certificate code"},
		{"a web address", "https://example.org/certificate/123", pub, ErrNotCertificateCode, "not a Workshop Desk certificate code"},
		{"newer format", "WD2:" + strings.TrimPrefix(f.qr, "WD1:"), pub, ErrNotCertificateCode, "format WD2 is newer"},
		{"truncated signature", f.qr[:len(f.qr)-10], pub, ErrNotCertificateCode, "cut short"},
		{"truncated fields", f.qr[:60], pub, ErrNotCertificateCode, "cut short"},
		{"extra part", f.qr + "|x", pub, ErrNotCertificateCode, "9 parts"},
		{"bad signature alphabet", strings.TrimSuffix(f.qr, sig) + strings.Repeat("*", 86), pub, ErrNotCertificateCode, "damaged"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := VerifyQR(tc.text, tc.pub)
			if tc.want == nil {
				if err != nil || got != f.fields {
					t.Errorf("VerifyQR = %+v, %v; want %+v", got, err, f.fields)
				}
				return
			}
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), tc.msg) {
				t.Errorf("VerifyQR = %v, want %v saying %q", err, tc.want, tc.msg)
			}
			if got != (CertificateFields{}) {
				t.Errorf("fields returned with an error: %+v", got)
			}
			// The store gives the same verdict with its own key.
			if tc.pub != nil && bytes.Equal(tc.pub, pub) {
				if _, err := f.s.Verify(tc.text); !errors.Is(err, tc.want) {
					t.Errorf("Verify = %v, want %v", err, tc.want)
				}
			}
		})
	}
	if _, err := other.Verify(f.qr); !errors.Is(err, ErrNotGenuine) {
		t.Errorf("another file's Verify of the QR = %v, want ErrNotGenuine", err)
	}
	if _, err := other.Verify(f.code); !errors.Is(err, ErrNotGenuine) {
		t.Errorf("another file's Verify of the code = %v, want ErrNotGenuine", err)
	}
	if _, err := VerifyQR(f.qr, pub[:16]); err == nil {
		t.Error("a short public key was accepted")
	}
}

func TestVerifyAgainstRegister(t *testing.T) {
	f := newSignedFixture(t, filepath.Join(t.TempDir(), "workshops.db"))
	plain := strings.ReplaceAll(f.code, "-", "")
	spaced := strings.ReplaceAll(f.code, "-", " ")
	for _, input := range []string{
		f.code, strings.ToLower(f.code), plain, strings.ToLower(plain), "  " + spaced + " ",
		"ADDIS-2027-001 " + f.code, "addis-2027-001 " + strings.ToLower(plain), spaced + " addis-2027-001", "ADDIS-2027-001, " + f.code,
		f.qr,
	} {
		r, err := f.s.Verify(input)
		if err != nil {
			t.Errorf("Verify(%q): %v", input, err)
			continue
		}
		fromQR := strings.HasPrefix(input, "WD1:")
		if !r.Genuine || !r.Valid() || r.Voided || r.FromQR != fromQR || r.Certificate == nil || r.Certificate.ID != f.c.ID ||
			!strings.HasPrefix(r.Status, "genuine: ADDIS-2027-001, issued to Almaz Tesfaye (አልማዝ ተስፋዬ)") {
			t.Errorf("Verify(%q) = %+v", input, r)
		}
		want := f.fields
		if !fromQR {
			want.Attended = "" // the register does not keep the printed attendance text
		}
		if r.Fields != want {
			t.Errorf("Verify(%q) fields %+v, want %+v", input, r.Fields, want)
		}
	}

	// A code of the right shape that is not this certificate's.
	wrong := []byte(plain)
	wrong[0] = badgeAlphabet[(strings.IndexByte(badgeAlphabet, wrong[0])+1)%len(badgeAlphabet)]
	for input, msg := range map[string]string{
		string(wrong):                     "no certificate of this data file has the code",
		"ADDIS-2027-001 " + string(wrong): "does not match certificate ADDIS-2027-001",
		"ADDIS-2027-099 " + f.code:        "no certificate ADDIS-2027-099",
	} {
		if _, err := f.s.Verify(input); !errors.Is(err, ErrNotGenuine) || !strings.Contains(err.Error(), msg) {
			t.Errorf("Verify(%q) = %v, want ErrNotGenuine saying %q", input, err, msg)
		}
	}
	for _, input := range []string{"", "HJKM-CEFG", "OOOO-0000-1111", "ADDIS-2027-001", f.code + "X", "HJKM-CEFG-347Ü"} {
		if _, err := f.s.Verify(input); !errors.Is(err, ErrNotCertificateCode) {
			t.Errorf("Verify(%q) = %v, want ErrNotCertificateCode", input, err)
		}
	}

	// Voided: the QR signature stays valid offline; the register says no.
	voidAt := f.clock.Advance(48 * time.Hour)
	if err := f.s.Void(f.c.ID, "misspelt name"); err != nil {
		t.Fatal(err)
	}
	if _, err := VerifyQR(f.qr, pubKey(t, f.s)); err != nil {
		t.Errorf("offline check of a voided certificate's QR: %v (the signature stays valid)", err)
	}
	for _, input := range []string{f.qr, f.code, "ADDIS-2027-001 " + f.code} {
		r, err := f.s.Verify(input)
		if err != nil {
			t.Fatalf("Verify(%q) of a voided certificate: %v", input, err)
		}
		if !r.Genuine || r.Valid() || !r.Voided || !r.VoidedAt.Equal(voidAt) || r.VoidReason != "misspelt name" ||
			!strings.HasPrefix(r.Status, "voided on 2027-03-12: misspelt name") {
			t.Errorf("Verify(%q) of a voided certificate = %+v", input, r)
		}
	}
}

// TestVerifyQRNotInRegister checks a genuine QR text against a copy of the
// file made before the certificate was issued: not in the register, so not
// valid (it could as well have been signed with a stolen copy of the key).
func TestVerifyQRNotInRegister(t *testing.T) {
	dir := t.TempDir()
	clock := newClock(t0)
	s := openAt(t, filepath.Join(dir, "workshops.db"), Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "old-2027", "2027-03-09")
	p := addParticipant(t, s, w, "Early", "Copy", "")
	if _, err := s.PublicKey(); err != nil {
		t.Fatal(err)
	}
	old := filepath.Join(dir, "old.db")
	if err := s.BackupTo(old); err != nil {
		t.Fatal(err)
	}
	c := issue(t, s, t0, p)[0]
	qr, _, err := s.Sign(c, NewCertificateFields(&w, &p, &c, "1 of 1 session"))
	if err != nil {
		t.Fatal(err)
	}
	s2 := openAt(t, old, Options{NoAutoBackup: true, Now: clock.Now})
	r, err := s2.Verify(qr)
	if err != nil || !r.Genuine || r.Valid() || !r.NotInRegister || r.Certificate != nil || !strings.HasPrefix(r.Status, "NOT IN THE REGISTER: OLD-2027-001 ") ||
		!strings.Contains(r.Status, "or this is an older copy of the file") {
		t.Errorf("Verify on an older copy = %+v, %v", r, err)
	}
}

// TestVerifyWithKey checks a QR text with the exported public key alone:
// genuine with the signed fields; an altered text, another file's key, a
// short code or nonsense is not.
func TestVerifyWithKey(t *testing.T) {
	f := newSignedFixture(t, filepath.Join(t.TempDir(), "workshops.db"))
	text, err := f.s.ExportPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	pub, err := ParsePublicKey(text)
	if err != nil {
		t.Fatal(err)
	}
	r, err := VerifyWithKey("  "+f.qr+"\n", pub)
	if err != nil || !r.Genuine || !r.FromQR || r.Certificate != nil || r.Fields != f.fields ||
		!strings.HasPrefix(r.Status, "genuine (signed with this key; only the issuing data file knows whether it issued this number and whether it was voided since): "+f.c.Number+", issued to Almaz Tesfaye (አልማዝ ተስፋዬ)") {
		t.Errorf("VerifyWithKey = %+v, %v", r, err)
	}
	other := newSignedFixture(t, filepath.Join(t.TempDir(), "other.db"))
	for name, tc := range map[string]struct {
		input string
		pub   ed25519.PublicKey
		want  error
		says  string
	}{
		"altered":     {strings.Replace(f.qr, "Almaz", "Almas", 1), pub, ErrNotGenuine, ""},
		"other key":   {f.qr, pubKey(t, other.s), ErrNotGenuine, ""},
		"short code":  {f.code, pub, ErrNotCertificateCode, "only against the data file that issued"},
		"number+code": {f.c.Number + " " + f.code, pub, ErrNotCertificateCode, "only against the data file that issued"},
		"spaced code": {strings.ToLower(strings.ReplaceAll(f.code, "-", " ")), pub, ErrNotCertificateCode, "only against the data file that issued"},
		"nonsense":    {"hello", pub, ErrNotCertificateCode, "does not begin with WD1:"},
	} {
		if _, err := VerifyWithKey(tc.input, tc.pub); !errors.Is(err, tc.want) || !strings.Contains(fmt.Sprint(err), tc.says) {
			t.Errorf("%s: %v, want %v saying %q", name, err, tc.want, tc.says)
		}
	}
}

func TestSigningKeyPersists(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s := openAt(t, path, Options{NoAutoBackup: true})
	err := s.view(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketMeta).Get(metaSigningKey) != nil {
			t.Error("a new file already has a signing key; it is made on first use")
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	pub := pubKey(t, s)
	if again := pubKey(t, s); !bytes.Equal(pub, again) {
		t.Error("PublicKey changed between calls")
	}
	text, err := s.ExportPublicKey()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("exported key:\n%s", text)
	fp := KeyFingerprint(pub)
	if len(fp) != 19 || !strings.Contains(text, fp) || !strings.Contains(text, "-----BEGIN PUBLIC KEY-----") {
		t.Errorf("export %q lacks the fingerprint %s or the PEM block", text, fp)
	}
	for _, form := range []string{text, base64.StdEncoding.EncodeToString(pub), base64.RawURLEncoding.EncodeToString(pub)} {
		if got, err := ParsePublicKey(form); err != nil || !bytes.Equal(got, pub) {
			t.Errorf("ParsePublicKey(%q) = %x, %v", form, got, err)
		}
	}
	if _, err := ParsePublicKey("not a key"); err == nil {
		t.Error("ParsePublicKey accepted nonsense")
	}
	priv, err := s.privateKey()
	if err != nil {
		t.Fatal(err)
	}
	// The archive export leaves the private key out.
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.RawURLEncoding} {
		if strings.Contains(buf.String(), enc.EncodeToString(priv.Seed())[:20]) {
			t.Error("the export holds the private key")
		}
	}
	s.Close()

	s = openAt(t, path, Options{NoAutoBackup: true})
	if again := pubKey(t, s); !bytes.Equal(pub, again) {
		t.Errorf("the key changed across reopen: %x, then %x", pub, again)
	}
	other := openTest(t, Options{NoAutoBackup: true})
	if bytes.Equal(pubKey(t, other), pub) {
		t.Error("two files share a key")
	}
}

func BenchmarkSign(b *testing.B) {
	s, err := Open(filepath.Join(b.TempDir(), "workshops.db"), Options{NoAutoBackup: true, Now: newClock(t0).Now})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	w := addWorkshop(b, s, "bench-2027", "2027-03-09")
	ps := make([]*Participant, 1000)
	for i := range ps {
		ps[i] = &Participant{WorkshopID: w.ID, GivenNames: "Participant", FamilyNames: strings.Repeat("N", i%20+1), NativeName: "ተሳታፊ"}
	}
	if err := s.SaveParticipants(ps); err != nil {
		b.Fatal(err)
	}
	list := make([]Participant, len(ps))
	for i, p := range ps {
		list[i] = *p
	}
	certs := issue(b, s, t0, list...)
	fields := make([]CertificateFields, len(certs))
	for i := range certs {
		fields[i] = NewCertificateFields(&w, &list[i], &certs[i], "5 of 5 sessions")
	}

	b.Run("Store.Sign/1000", func(b *testing.B) {
		for b.Loop() {
			for i := range certs {
				if _, _, err := s.Sign(certs[i], fields[i]); err != nil {
					b.Fatal(err)
				}
			}
		}
	})
	priv, err := s.privateKey()
	if err != nil {
		b.Fatal(err)
	}
	b.Run("payload", func(b *testing.B) {
		for b.Loop() {
			if _, err := signQR(priv, fields[0]); err != nil {
				b.Fatal(err)
			}
		}
	})
	qr, _ := signQR(priv, fields[0])
	pub := priv.Public().(ed25519.PublicKey)
	b.Run("VerifyQR", func(b *testing.B) {
		for b.Loop() {
			if _, err := VerifyQR(qr, pub); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("Issue/1000-reprints", func(b *testing.B) {
		for b.Loop() {
			issue(b, s, t0, list...)
		}
	})
}
