package pdf

import (
	"fmt"
	"io"
	"time"
)

// RecoveryInput is what the recovery sheet shows.
type RecoveryInput struct {
	Key  string    // the recovery key, as store.SetPassphrase returned it
	File string    // the data file's path
	Made time.Time // when the passphrase was set
}

// RecoverySheet writes the recovery sheet of a data file protected by a
// passphrase: one A4 page with the recovery key in large letters, its QR
// code, and what it is for, in the language Language gives (English by
// default; en, fr and es have their own wording).
func RecoverySheet(out io.Writer, in RecoveryInput, opts ...Option) error {
	lang := printLanguage(nil, opts)
	words, ok := recoveryWording[lang]
	if !ok {
		words = recoveryWording["en"]
	}
	d, err := NewDoc(A4, Portrait, append([]Option{Title(words.title)}, opts...)...)
	if err != nil {
		return err
	}
	d.AddPage()
	const left, width = 20.0, 170.0
	d.SetTextColor(90, 90, 90)
	d.Text(left, 24, words.kicker, 9, "B")
	d.SetTextColor(0, 0, 0)
	d.Text(left, 38, words.title, 24, "B")
	d.Text(left, 52, words.file, 9, "B")
	d.TextFit(left+40, 52, width-40, in.File, 10, 6, "", AlignLeft)
	d.Text(left, 59, words.made, 9, "B")
	d.Text(left+40, 59, in.Made.Format(time.DateOnly), 10, "")

	d.SetDrawColor(0, 0, 0)
	d.SetLineWidth(0.6)
	d.Rect(left, 70, width, 62, "D")
	d.Text(left+6, 80, words.keyLabel, 11, "B")
	// In two lines of four groups: large enough to copy without mistakes.
	const half = 4 * 5
	first, second := in.Key, ""
	if len(in.Key) > half {
		first, second = in.Key[:half-1], in.Key[half:]
	}
	d.Text(left+6, 97, first, 20, "B")
	d.Text(left+6, 112, second, 20, "B")
	if err := d.QR(left+width-52, 74, 46, in.Key); err != nil {
		return fmt.Errorf("recovery sheet: %w", err)
	}

	y := 148.0
	for _, para := range []string{words.what, words.keep, words.use, words.once} {
		for _, line := range d.wrap(para, width, 11, "") {
			d.Text(left, y, line, 11, "")
			y += 5.6
		}
		y += 4
	}
	if err := d.Err(); err != nil {
		return err
	}
	_, err = d.WriteTo(out)
	return err
}
