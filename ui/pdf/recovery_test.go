package pdf

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestRecoverySheet checks the recovery sheet's text in each of its
// languages, and that its QR code reads back as the key.
func TestRecoverySheet(t *testing.T) {
	const key = "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567"
	for lang, want := range map[string][]string{
		"en": {"Recovery sheet", "Recovery key", "cannot be printed again", "workshopctl passphrase change --recovery"},
		"fr": {"Feuille de secours", "Clé de secours", "ne peut pas être réimprimée"},
		"es": {"Hoja de recuperación", "Clave de recuperación", "no se puede volver a imprimir"},
		"ru": {"Recovery sheet"}, // no wording of its own: English
	} {
		path := filepath.Join(t.TempDir(), "recovery-"+lang+".pdf")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		in := RecoveryInput{Key: key, File: "/home/ana/.config/WorkshopDesk/workshopdesk.db", Made: time.Date(2026, 12, 3, 10, 0, 0, 0, time.UTC)}
		if err := RecoverySheet(f, in, Language(lang), CreationDate(in.Made)); err != nil {
			t.Fatal(err)
		}
		f.Close()
		text := strings.Join(strings.Fields(string(run(t, "pdftotext", path, "-"))), " ")
		for _, w := range append(want, "ABCD-EFGH-IJKL-MNOP", "QRST-UVWX-YZ23-4567", "workshopdesk.db", "2026-12-03") {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the sheet lacks %q:\n%s", lang, w, text)
			}
		}
		if lang != "en" {
			continue
		}
		page := filepath.Join(t.TempDir(), "p")
		run(t, "pdftoppm", "-r", "150", "-aaVector", "no", "-gray", "-png", "-singlefile", path, page)
		if got := strings.TrimSpace(string(run(t, "zbarimg", "-q", page+".png"))); got != "QR-Code:"+key {
			t.Errorf("zbarimg reads %q, want the key", got)
		}
	}
}
