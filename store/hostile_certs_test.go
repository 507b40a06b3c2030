package store

import (
	"errors"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// The hostile suite (go test -run Hostile ./...): inputs made by someone
// trying to forge or break a certificate check.

// TestHostileQRSingleCharacterChanges changes every character of a genuine
// QR text, one at a time, to other characters (every other base64url
// character in the signature, so also the last one, whose low bits are
// padding), deletes it, or inserts one before it: no such text verifies,
// offline or against the register. (White space before or after the whole
// text is a scanner's and is ignored.)
func TestHostileQRSingleCharacterChanges(t *testing.T) {
	f := newSignedFixture(t, filepath.Join(t.TempDir(), "workshops.db"))
	pub := pubKey(t, f.s)
	const b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	sigAt := strings.LastIndexByte(f.qr, '|') + 1
	runes := []rune(f.qr)
	sigRune := utf8.RuneCountInString(f.qr[:sigAt])
	tried, accepted := 0, 0
	check := func(how, text string) {
		tried++
		if text == f.qr {
			return
		}
		got, err := VerifyQR(text, pub)
		if err == nil {
			accepted++
			if accepted <= 5 {
				t.Errorf("%s verifies offline: %q gives %+v", how, text, got)
			}
			return
		}
		if !errors.Is(err, ErrNotGenuine) && !errors.Is(err, ErrNotCertificateCode) {
			t.Errorf("%s: %v, want ErrNotGenuine or ErrNotCertificateCode", how, err)
		}
	}
	for i, r := range runes {
		var alts []rune
		if i >= sigRune {
			alts = []rune(b64 + "=+/ .\n")
		} else {
			alts = []rune{r + 1, r - 1, ' ', '|', '/', 'A', '0', 'é', '\t', '\u00a0'}
			if lower := []rune(strings.ToLower(string(r))); lower[0] != r {
				alts = append(alts, lower[0])
			}
			if upper := []rune(strings.ToUpper(string(r))); upper[0] != r {
				alts = append(alts, upper[0])
			}
		}
		for _, a := range alts {
			if a == r {
				continue
			}
			changed := append([]rune{}, runes...)
			changed[i] = a
			check("changing character "+strconv.Itoa(i)+" to "+string(a), string(changed))
		}
		check("deleting character "+strconv.Itoa(i), string(runes[:i])+string(runes[i+1:]))
		for _, a := range []rune{'A', '=', '\n', ' '} {
			if i == 0 && (a == '\n' || a == ' ') {
				continue // white space around the text is a scanner's, and ignored
			}
			check("inserting "+string(a)+" before character "+strconv.Itoa(i), string(runes[:i])+string(a)+string(runes[i:]))
		}
	}
	if accepted > 0 {
		t.Errorf("%d of %d one-character changes verify", accepted, tried)
	}
	// The register check gives the same verdict on the last character.
	last := []byte(f.qr)
	for _, c := range []byte(b64) {
		if c == f.qr[len(f.qr)-1] {
			continue
		}
		last[len(last)-1] = c
		if _, err := f.s.Verify(string(last)); err == nil {
			t.Errorf("Verify accepts the signature ending in %q", c)
		}
	}
}

// TestHostileForgedWithStolenBackup signs certificates with the key a
// backup holds: a number the register never issued, and an issued number
// with another name. Checked against the issuing file, neither is valid;
// the public key alone cannot tell (the README says so).
func TestHostileForgedWithStolenBackup(t *testing.T) {
	dir := t.TempDir()
	f := newSignedFixture(t, filepath.Join(dir, "workshops.db"))
	stolen := filepath.Join(dir, "stolen.db")
	if err := f.s.BackupTo(stolen); err != nil {
		t.Fatal(err)
	}
	thief := openAt(t, stolen, Options{NoAutoBackup: true, Now: f.clock.Now})
	mallory := addParticipant(t, thief, f.w, "Mallory", "Forger", "")
	c := issue(t, thief, f.clock.Now(), mallory)[0]
	newNumber, _, err := thief.Sign(c, NewCertificateFields(&f.w, &mallory, &c, "5 of 5 sessions"))
	if err != nil {
		t.Fatal(err)
	}
	priv, err := thief.privateKey()
	if err != nil {
		t.Fatal(err)
	}
	renamed := f.fields
	renamed.Name, renamed.NativeName = "Mallory Forger", ""
	oldNumber, err := signQR(priv, renamed)
	if err != nil {
		t.Fatal(err)
	}
	redated := f.fields
	redated.Start = redated.Start.AddDays(-1)
	otherDates, err := signQR(priv, redated)
	if err != nil {
		t.Fatal(err)
	}

	for name, tc := range map[string]struct {
		qr, status string
		notIn      bool
		differs    []string
	}{
		"a number never issued": {newNumber, "NOT IN THE REGISTER: ADDIS-2027-002 ", true, nil},
		"an issued number, another name": {oldNumber, "DIFFERS FROM THE REGISTER: ADDIS-2027-001 is issued to Almaz Tesfaye (አልማዝ ተስፋዬ)", false,
			[]string{"name", "native name"}},
		"an issued number, other dates": {otherDates, "DIFFERS FROM THE REGISTER: ", false, []string{"dates"}},
	} {
		if _, err := VerifyQR(tc.qr, pubKey(t, f.s)); err != nil {
			t.Fatalf("%s: the forgery does not even verify with the key: %v", name, err)
		}
		r, err := f.s.Verify(tc.qr)
		if err != nil {
			t.Errorf("%s: Verify = %v, want a result that is not valid", name, err)
			continue
		}
		if r.Valid() || r.NotInRegister != tc.notIn || strings.Join(r.Differs, ",") != strings.Join(tc.differs, ",") ||
			!strings.HasPrefix(r.Status, tc.status) {
			t.Errorf("%s: Verify = valid %v, not in register %v, differs %q, status %q; want not valid, %v, %q, status beginning %q",
				name, r.Valid(), r.NotInRegister, r.Differs, r.Status, tc.notIn, tc.differs, tc.status)
		}
	}
	// The genuine certificate is still valid, and a reprint after the name
	// was corrected is valid while the old print is not.
	if r, err := f.s.Verify(f.qr); err != nil || !r.Valid() || r.NotInRegister || len(r.Differs) > 0 {
		t.Errorf("the genuine certificate: %+v, %v", r, err)
	}
	f.p.GivenNames = "Almaz B."
	if err := f.s.SaveParticipant(&f.p); err != nil {
		t.Fatal(err)
	}
	reprint, _, err := f.s.Sign(f.c, NewCertificateFields(&f.w, &f.p, &f.c, "5 of 5 sessions"))
	if err != nil {
		t.Fatal(err)
	}
	if r, err := f.s.Verify(reprint); err != nil || !r.Valid() {
		t.Errorf("the reprint with the corrected name: %+v, %v", r, err)
	}
	if r, err := f.s.Verify(f.qr); err != nil || r.Valid() || !strings.Contains(r.Status, "issued to Almaz B. Tesfaye") {
		t.Errorf("the print before the name was corrected: %+v, %v", r, err)
	}
}
