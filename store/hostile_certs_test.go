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
