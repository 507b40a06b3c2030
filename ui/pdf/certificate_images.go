package pdf

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/jpeg"
	"image/png"
	"slices"
)

// Logos and signatures are printed at most about 18 mm tall, so an image
// is scaled down to certImageMaxH pixels high (about 300 dpi there) and
// certImageMaxW wide: a 4,000-pixel photo of a logo would otherwise make
// every certificate file megabytes.
const (
	certImageMaxH      = 220
	certImageMaxW      = 1800
	certImageMaxPixels = 50_000_000 // refuse larger images before decoding them
	certJPEGQuality    = 90
)

// certImage is a logo or signature ready to embed: flattened on white (the
// page is white, so it looks the same, and needs no soft mask), scaled
// down, and encoded as PNG (from PNG) or JPEG (from JPEG).
type certImage struct {
	name string // name in the gofpdf document
	kind string // "PNG" or "JPG"
	data []byte
	w, h int // pixels
}

// aspect is the image's width over its height.
func (im *certImage) aspect() float64 { return float64(im.w) / float64(im.h) }

// prepareImages decodes and normalises the images with the given IDs (in
// use order; duplicates once). Every prepared image has a width in pixels
// that no other has: gofpdf writes images sorted by width from a map, so
// two images of the same width could come out in either order and the
// same input would not give the same bytes. A white column added on the
// right (invisible on the white page) makes the widths differ.
func prepareImages(ids []string, images map[string][]byte) (map[string]*certImage, error) {
	out := map[string]*certImage{}
	widths := map[int]bool{}
	var order []string
	for _, id := range ids {
		if slices.Contains(order, id) {
			continue
		}
		order = append(order, id)
	}
	for _, id := range order {
		data, ok := images[id]
		if !ok || len(data) == 0 {
			return nil, fmt.Errorf("image %s is missing", shortID(id))
		}
		m, format, err := decodeImage(data)
		if err != nil {
			return nil, fmt.Errorf("image %s: %w", shortID(id), err)
		}
		m = scaleDown(m, certImageMaxW, certImageMaxH)
		for widths[m.Bounds().Dx()] {
			m = padRight(m)
		}
		widths[m.Bounds().Dx()] = true
		var buf bytes.Buffer
		kind := "PNG"
		if format == "jpeg" {
			kind = "JPG"
			err = jpeg.Encode(&buf, m, &jpeg.Options{Quality: certJPEGQuality})
		} else {
			err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, m)
		}
		if err != nil {
			return nil, fmt.Errorf("image %s: %w", shortID(id), err)
		}
		out[id] = &certImage{name: "img" + fmt.Sprint(len(out)+1), kind: kind, data: buf.Bytes(),
			w: m.Bounds().Dx(), h: m.Bounds().Dy()}
	}
	return out, nil
}

// shortID shortens an image ID (a SHA-256 in hex) for messages.
func shortID(id string) string {
	if len(id) > 12 {
		return id[:12] + "…"
	}
	return id
}

// decodeImage decodes a PNG or JPEG and returns it flattened on white, as
// *image.Gray when it has no colour, else as opaque *image.RGBA.
func decodeImage(data []byte) (image.Image, string, error) {
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("not a PNG or JPEG image: %w", err)
	}
	if format != "png" && format != "jpeg" {
		return nil, "", fmt.Errorf("a %s image; use PNG or JPEG", format)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 || cfg.Width*cfg.Height > certImageMaxPixels {
		return nil, "", fmt.Errorf("%d × %d pixels is too large", cfg.Width, cfg.Height)
	}
	src, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return nil, "", fmt.Errorf("damaged %s image: %w", format, err)
	}
	b := src.Bounds()
	rgba := image.NewRGBA(image.Rect(0, 0, b.Dx(), b.Dy()))
	draw.Draw(rgba, rgba.Bounds(), image.White, image.Point{}, draw.Src)
	draw.Draw(rgba, rgba.Bounds(), src, b.Min, draw.Over)
	gray := true
	for i := 0; i < len(rgba.Pix) && gray; i += 4 {
		gray = rgba.Pix[i] == rgba.Pix[i+1] && rgba.Pix[i] == rgba.Pix[i+2]
	}
	if !gray {
		return rgba, format, nil
	}
	g := image.NewGray(rgba.Bounds())
	for i := range g.Pix {
		g.Pix[i] = rgba.Pix[4*i]
	}
	return g, format, nil
}

// scaleDown shrinks m, keeping its aspect ratio, to fit maxW × maxH pixels
// by averaging the source pixels under each new pixel; a smaller image is
// returned as it is.
func scaleDown(m image.Image, maxW, maxH int) image.Image {
	b := m.Bounds()
	sw, sh := b.Dx(), b.Dy()
	scale := min(1, float64(maxW)/float64(sw), float64(maxH)/float64(sh))
	if scale >= 1 {
		return m
	}
	dw, dh := max(1, int(float64(sw)*scale+0.5)), max(1, int(float64(sh)*scale+0.5))
	channels := 4
	if _, ok := m.(*image.Gray); ok {
		channels = 1
	}
	pix := func(x, y int) []uint8 {
		switch im := m.(type) {
		case *image.Gray:
			i := im.PixOffset(b.Min.X+x, b.Min.Y+y)
			return im.Pix[i : i+1]
		case *image.RGBA:
			i := im.PixOffset(b.Min.X+x, b.Min.Y+y)
			return im.Pix[i : i+4]
		}
		c := color.RGBAModel.Convert(m.At(b.Min.X+x, b.Min.Y+y)).(color.RGBA)
		return []uint8{c.R, c.G, c.B, c.A}
	}
	// weights of the source columns (rows) under each destination one
	type span struct {
		from int
		w    []float64
	}
	spans := func(src, dst int) []span {
		out := make([]span, dst)
		ratio := float64(src) / float64(dst)
		for i := range out {
			lo, hi := float64(i)*ratio, float64(i+1)*ratio
			from := int(lo)
			for s := from; float64(s) < hi && s < src; s++ {
				w := min(hi, float64(s+1)) - max(lo, float64(s))
				out[i].w = append(out[i].w, w/ratio)
			}
			out[i].from = from
		}
		return out
	}
	xs, ys := spans(sw, dw), spans(sh, dh)
	acc := make([]float64, channels)
	var gray *image.Gray
	var rgba *image.RGBA
	if channels == 1 {
		gray = image.NewGray(image.Rect(0, 0, dw, dh))
	} else {
		rgba = image.NewRGBA(image.Rect(0, 0, dw, dh))
	}
	for dy, ysp := range ys {
		for dx, xsp := range xs {
			clear(acc)
			for j, wy := range ysp.w {
				for i, wx := range xsp.w {
					p := pix(xsp.from+i, ysp.from+j)
					for c := range channels {
						acc[c] += float64(p[c]) * wx * wy
					}
				}
			}
			if channels == 1 {
				gray.Pix[gray.PixOffset(dx, dy)] = uint8(min(255, acc[0]+0.5))
			} else {
				o := rgba.PixOffset(dx, dy)
				for c := range 4 {
					rgba.Pix[o+c] = uint8(min(255, acc[c]+0.5))
				}
			}
		}
	}
	if channels == 1 {
		return gray
	}
	return rgba
}

// padRight returns m with one white column added on the right.
func padRight(m image.Image) image.Image {
	b := m.Bounds()
	r := image.Rect(0, 0, b.Dx()+1, b.Dy())
	var dst draw.Image
	if _, ok := m.(*image.Gray); ok {
		dst = image.NewGray(r)
	} else {
		dst = image.NewRGBA(r)
	}
	draw.Draw(dst, r, image.White, image.Point{}, draw.Src)
	draw.Draw(dst, b.Sub(b.Min), m, b.Min, draw.Src)
	return dst
}
