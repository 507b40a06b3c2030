package pdf

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBadgeQRCodesAreASCII checks how badge QR codes are made: they hold
// only the badge code, which the store keeps to A–Z and 0–9, so no badge
// QR code needs a character-set designator; zbar reads every code of a
// printed page as it is. A non-ASCII text is refused rather than printed
// unmarked (decoders would guess its character set).
func TestBadgeQRCodesAreASCII(t *testing.T) {
	d := demoData(t)
	path := badgesFile(t, d, d.Participants[:8], BadgeA4x8)
	page := filepath.Join(t.TempDir(), "p")
	run(t, "pdftoppm", "-r", "200", "-aaVector", "no", "-gray", "-png", "-singlefile", path, page)
	var got, want []string
	for _, line := range strings.Split(strings.TrimSpace(string(run(t, "zbarimg", "-q", page+".png"))), "\n") {
		got = append(got, strings.TrimPrefix(line, "QR-Code:"))
	}
	for _, p := range d.Participants[:8] {
		want = append(want, p.BadgeCode)
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("zbarimg reads %q, want the badge codes %q", got, want)
	}
	for _, text := range []string{"ÄB12", "Fernández", "አበበ"} {
		if _, err := QRModules(text); err == nil || !strings.Contains(err.Error(), "not ASCII") {
			t.Errorf("QRModules(%q) = %v, want a refusal of text that is not ASCII", text, err)
		}
	}
}
