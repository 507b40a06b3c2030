package pdf

import (
	"fmt"
	"image/color"

	"github.com/boombuler/barcode/qr"
)

// QRModules returns the modules of the QR code (error correction level H,
// so that a creased or scratched badge still scans) that encodes text:
// dark[y][x] is true for a dark module. There is no quiet zone. The text
// must be ASCII (badge codes are A–Z and 0–9): the encoder cannot mark a
// byte segment as UTF-8 (ECI 26), and decoders guess the character set of
// an unmarked one, so other text is refused rather than printed to be
// misread. Certificates, whose names need UTF-8, use their own encoder.
func QRModules(text string) ([][]bool, error) {
	for i := range len(text) {
		if text[i] >= 0x80 {
			return nil, fmt.Errorf("QR code for %q: the text is not ASCII", text)
		}
	}
	code, err := qr.Encode(text, qr.H, qr.Auto)
	if err != nil {
		return nil, fmt.Errorf("QR code for %q: %w", text, err)
	}
	b := code.Bounds()
	dark := make([][]bool, b.Dy())
	for y := range dark {
		dark[y] = make([]bool, b.Dx())
		for x := range dark[y] {
			g := color.GrayModel.Convert(code.At(b.Min.X+x, b.Min.Y+y)).(color.Gray)
			dark[y][x] = g.Y < 128
		}
	}
	return dark, nil
}

// QR draws the QR code of text as vector squares, size millimetres wide
// with its top left corner at (x, y), in black. Leave a light margin of
// about four modules (size/5) around it for scanners.
func (d *Doc) QR(x, y, size float64, text string) error {
	dark, err := QRModules(text)
	if err != nil {
		return err
	}
	m := size / float64(len(dark))
	fr, fg, fb := d.pdf.GetFillColor()
	d.pdf.SetFillColor(0, 0, 0)
	// One path of a rectangle per horizontal run of dark modules, filled at
	// once: no seams between touching modules in any viewer.
	for row, cells := range dark {
		for c := 0; c < len(cells); {
			if !cells[c] {
				c++
				continue
			}
			e := c
			for e < len(cells) && cells[e] {
				e++
			}
			x0, y0 := x+float64(c)*m, y+float64(row)*m
			x1, y1 := x+float64(e)*m, y0+m
			d.pdf.MoveTo(x0, y0)
			d.pdf.LineTo(x1, y0)
			d.pdf.LineTo(x1, y1)
			d.pdf.LineTo(x0, y1)
			d.pdf.ClosePath()
			c = e
		}
	}
	d.pdf.DrawPath("f")
	d.pdf.SetFillColor(fr, fg, fb)
	return nil
}
