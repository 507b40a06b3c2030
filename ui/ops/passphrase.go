package ops

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// WriteRecoverySheet writes the recovery sheet of the data file dataFile,
// with its recovery key, to out (through a temporary file renamed into
// place), in lang (en, fr or es; English otherwise).
func WriteRecoverySheet(out, key, dataFile, lang string, now time.Time) error {
	if abs, err := filepath.Abs(dataFile); err == nil {
		dataFile = abs
	}
	in := pdf.RecoveryInput{Key: key, File: dataFile, Made: now}
	if err := writeRendered(out, func(b *bytes.Buffer) error { return pdf.RecoverySheet(b, in, pdf.Language(lang)) }); err != nil {
		return fmt.Errorf("recovery sheet not written: %w", err)
	}
	return nil
}

// RemovePreviews deletes every certificate preview in PreviewDir: they are
// plain PDFs with a participant's name, removed when a data file with a
// passphrase is locked or closed.
func RemovePreviews() {
	dir := PreviewDir()
	if dir == "" {
		dir = os.TempDir()
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if name := e.Name(); e.Type().IsRegular() && strings.HasPrefix(name, PreviewPrefix) && filepath.Ext(name) == ".pdf" {
			os.Remove(filepath.Join(dir, name))
		}
	}
}
