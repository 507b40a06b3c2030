package pdf

import (
	"bytes"
	"fmt"
	"io"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/workshopdesk/workshopdesk/store"
)

// PageSize names a paper size.
type PageSize string

// The paper sizes.
const (
	A4     PageSize = "A4"
	A5     PageSize = "A5"
	A6     PageSize = "A6"
	Letter PageSize = "Letter"
)

// Orientation is portrait or landscape.
type Orientation string

// The orientations.
const (
	Portrait  Orientation = "P"
	Landscape Orientation = "L"
)

// Option configures NewDoc.
type Option func(*Doc)

// CreationDate fixes the document's creation and modification dates (by
// default the time of NewDoc). With a fixed date the same input gives the
// same bytes, as tests and reproducible exports need.
func CreationDate(t time.Time) Option {
	return func(d *Doc) { d.created = t }
}

// Title sets the document title shown by PDF viewers.
func Title(s string) Option {
	return func(d *Doc) { d.title = s }
}

// Doc is a PDF document in millimetres whose text can be in any script the
// embedded fonts cover. All gofpdf calls of the app live in this package.
type Doc struct {
	pdf      *gofpdf.Fpdf
	created  time.Time
	title    string
	lang     string // the printed language (Language); "" is the workshop's
	loaded   map[*Font]bool
	layouts  map[layoutKey]*line
	color    [3]int             // text colour
	measured map[string]float64 // widths of words at 1 pt (certWrap)
}

// NewDoc starts a document of the given paper size. Every embedded font is
// checked and available to Text; a font is added to the PDF (as a subset of
// the characters used) the first time text needs it, so a document embeds
// only the fonts it uses.
func NewDoc(size PageSize, o Orientation, opts ...Option) (*Doc, error) {
	for _, f := range fonts {
		if _, err := f.parse(); err != nil {
			return nil, err
		}
	}
	switch o {
	case Portrait, Landscape:
	default:
		return nil, fmt.Errorf("pdf: orientation %q is not P or L", o)
	}
	switch size {
	case A4, A5, A6, Letter:
	default:
		return nil, fmt.Errorf("pdf: unknown page size %q", size)
	}
	d := &Doc{created: time.Now(), loaded: map[*Font]bool{}, layouts: map[layoutKey]*line{}}
	for _, opt := range opts {
		opt(d)
	}
	var p *gofpdf.Fpdf
	if o == Landscape {
		// A landscape page is made as a portrait page of the turned size
		// (the same MediaBox): gofpdf's templates (CreateTemplate,
		// UseTemplate) take their box and position from the unturned page
		// size and would clip and shift a landscape page.
		w, h := pageMM(size)
		p = gofpdf.NewCustom(&gofpdf.InitType{OrientationStr: "P", UnitStr: "mm", Size: gofpdf.SizeType{Wd: h, Ht: w}})
	} else {
		p = gofpdf.New(string(o), "mm", string(size), "")
	}
	p.SetCreationDate(d.created)
	p.SetModificationDate(d.created)
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.SetCreator("Workshop Desk", true)
	p.SetProducer("Workshop Desk (gofpdf)", true)
	if d.title != "" {
		p.SetTitle(d.title, true)
	}
	p.SetAutoPageBreak(false, 0)
	p.SetMargins(0, 0, 0)
	d.pdf = p
	return d, p.Error()
}

// pageMM returns the width and height of a paper size in portrait, in
// millimetres.
func pageMM(size PageSize) (w, h float64) {
	switch size {
	case A5:
		return 148, 210
	case A6:
		return 105, 148
	case Letter:
		return 215.9, 279.4
	}
	return 210, 297
}

// AddPage starts a new page.
func (d *Doc) AddPage() { d.pdf.AddPage() }

// PageNo returns the number of the current page.
func (d *Doc) PageNo() int { return d.pdf.PageNo() }

// PageSize returns the width and height of the page in millimetres.
func (d *Doc) PageSize() (w, h float64) { return d.pdf.GetPageSize() }

// Err returns the first error met while building the document.
func (d *Doc) Err() error { return d.pdf.Error() }

// SetTextColor sets the colour of the text drawn next (0–255 each).
func (d *Doc) SetTextColor(r, g, b int) {
	d.color = [3]int{r, g, b}
	d.pdf.SetTextColor(r, g, b)
}

// SetFillColor sets the colour of filled shapes.
func (d *Doc) SetFillColor(r, g, b int) { d.pdf.SetFillColor(r, g, b) }

// SetDrawColor sets the colour of lines and outlines.
func (d *Doc) SetDrawColor(r, g, b int) { d.pdf.SetDrawColor(r, g, b) }

// SetLineWidth sets the width of lines in millimetres.
func (d *Doc) SetLineWidth(w float64) { d.pdf.SetLineWidth(w) }

// Rect draws a rectangle; style is "D" (outline), "F" (fill) or "FD".
func (d *Doc) Rect(x, y, w, h float64, style string) { d.pdf.Rect(x, y, w, h, style) }

// Line draws a line.
func (d *Doc) Line(x1, y1, x2, y2 float64) { d.pdf.Line(x1, y1, x2, y2) }

// WriteTo writes the finished document to w. The document cannot be
// changed afterwards.
func (d *Doc) WriteTo(w io.Writer) (int64, error) {
	if err := d.pdf.Error(); err != nil {
		return 0, err
	}
	var buf bytes.Buffer
	if err := d.pdf.Output(&buf); err != nil {
		return 0, err
	}
	return buf.WriteTo(w)
}

// Write writes the finished document to path atomically: to a temporary
// file in the same folder, synced to disk, then renamed over path. On
// failure path is left as it was and the temporary file is removed.
func (d *Doc) Write(path string) (err error) {
	if err := d.pdf.Error(); err != nil {
		return err
	}
	return store.WriteFileAtomic(path, func(w io.Writer) error { return d.pdf.Output(w) })
}

// use makes sure font f is registered with the gofpdf document and selects
// it at size (points).
func (d *Doc) use(f *Font, size float64) {
	if !d.loaded[f] {
		d.loaded[f] = true
		d.pdf.AddUTF8FontFromBytes(f.Family, f.Style, f.data)
		if d.pdf.Error() == nil && d.pdf.GetFontDesc(f.Family, f.Style).Ascent == 0 {
			// gofpdf prints, but does not record, a font it cannot read.
			d.pdf.SetErrorf("pdf: gofpdf could not read font %s", f.Name)
		}
	}
	d.pdf.SetFont(f.Family, f.Style, size)
}
