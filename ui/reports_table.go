package ui

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// summaryNumberWidth is the least width of a column of numbers.
const summaryNumberWidth = 72

// summaryTable is a small read-only table of labels, for figures that fit
// on a page (a row per session, per gender, per workshop): unlike a
// widget.Table it has no scroller of its own, so it sits in a scrolling
// page without catching the mouse wheel, and its columns fit their text.
// One column, flex, takes the room the others leave and cuts its text
// short with an ellipsis; the others are as wide as their widest text.
type summaryTable struct {
	header  []*widget.Label
	rows    [][]*widget.Label
	stripes []*canvas.Rectangle // behind the header and every other row
	flex    int
	content *fyne.Container
}

// tableRow is one row of a summaryTable.
type tableRow struct {
	cells []string
	bold  bool // a total
}

// newSummaryTable makes a table; columns from the first on are numbers,
// aligned to the right, when numeric says so.
func newSummaryTable(header []string, rows []tableRow, flex int, numeric func(col int) bool) *summaryTable {
	t := &summaryTable{flex: flex}
	align := func(col int) fyne.TextAlign {
		if numeric != nil && numeric(col) {
			return fyne.TextAlignTrailing
		}
		return fyne.TextAlignLeading
	}
	var objects []fyne.CanvasObject
	stripe := func() {
		r := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
		t.stripes = append(t.stripes, r)
		objects = append(objects, r)
	}
	stripe()
	for i, h := range header {
		l := widget.NewLabelWithStyle(h, align(i), fyne.TextStyle{Bold: true})
		l.Truncation = fyne.TextTruncateEllipsis
		t.header = append(t.header, l)
	}
	for i, row := range rows {
		if i%2 == 1 {
			stripe()
		}
		cells := make([]*widget.Label, len(header))
		for j := range header {
			text := ""
			if j < len(row.cells) {
				text = row.cells[j]
			}
			cells[j] = widget.NewLabelWithStyle(text, align(j), fyne.TextStyle{Bold: row.bold})
			cells[j].Truncation = fyne.TextTruncateEllipsis
		}
		t.rows = append(t.rows, cells)
	}
	for _, l := range t.header {
		objects = append(objects, l)
	}
	for _, row := range t.rows {
		for _, l := range row {
			objects = append(objects, l)
		}
	}
	t.content = container.New(&summaryTableLayout{t: t}, objects...)
	return t
}

// text returns the text of a cell of row (0 for the first row under the
// header) and column.
func (t *summaryTable) text(row, col int) string { return t.rows[row][col].Text }

// summaryTableLayout places the cells of a summaryTable.
type summaryTableLayout struct {
	t       *summaryTable
	natural []float32 // the columns' natural widths, once measured
	rowH    float32
}

// widths returns each column's natural width and the height of a row,
// measured once: the cells' text does not change.
func (l *summaryTableLayout) widths() ([]float32, float32) {
	if l.natural == nil {
		l.natural, l.rowH = l.measure()
	}
	return slices.Clone(l.natural), l.rowH
}

func (l *summaryTableLayout) measure() ([]float32, float32) {
	t := l.t
	w := make([]float32, len(t.header))
	var rowH float32
	measure := func(cells []*widget.Label) {
		for j, c := range cells {
			cw, ch := naturalSize(c)
			w[j], rowH = max(w[j], cw), max(rowH, ch)
		}
	}
	measure(t.header)
	for _, row := range t.rows {
		measure(row)
	}
	// Numbers get room to breathe, so that narrow columns do not run
	// together.
	for j := range w {
		if j != t.flex && t.header[j].Alignment == fyne.TextAlignTrailing {
			w[j] = max(w[j], summaryNumberWidth)
		}
	}
	return w, rowH
}

// columns fits the natural widths to width: the flexible column gets what
// the others leave, or, when there is room to spare, the spare room too.
func (l *summaryTableLayout) columns(width float32) ([]float32, float32) {
	w, rowH := l.widths()
	fixed := float32(0)
	for j, x := range w {
		if j != l.t.flex {
			fixed += x
		}
	}
	w[l.t.flex] = max(width-fixed, 0)
	return w, rowH
}

// Layout implements fyne.Layout.
func (l *summaryTableLayout) Layout(_ []fyne.CanvasObject, size fyne.Size) {
	t := l.t
	w, rowH := l.columns(size.Width)
	place := func(cells []*widget.Label, y float32) {
		x := float32(0)
		for j, c := range cells {
			c.Move(fyne.NewPos(x, y))
			c.Resize(fyne.NewSize(w[j], rowH))
			x += w[j]
		}
	}
	place(t.header, 0)
	t.stripes[0].Move(fyne.NewPos(0, 0))
	t.stripes[0].Resize(fyne.NewSize(size.Width, rowH))
	for i, row := range t.rows {
		y := float32(i+1) * rowH
		place(row, y)
		if i%2 == 1 {
			s := t.stripes[(i+1)/2]
			s.Move(fyne.NewPos(0, y))
			s.Resize(fyne.NewSize(size.Width, rowH))
		}
	}
}

// MinSize implements fyne.Layout: every row, with the flexible column at
// least wide enough for a few letters.
func (l *summaryTableLayout) MinSize([]fyne.CanvasObject) fyne.Size {
	w, rowH := l.widths()
	total := float32(0)
	for j, x := range w {
		if j == l.t.flex {
			x = min(x, 120)
		}
		total += x
	}
	return fyne.NewSize(total, rowH*float32(len(l.t.rows)+1))
}

// cardGrid lays cards out in a fixed number of columns; each row is as
// tall as its tallest card, so a short card does not stretch the others'
// rows.
type cardGrid struct{ cols int }

// Layout implements fyne.Layout.
func (g cardGrid) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	cols := g.cols
	w := (size.Width - pad*float32(cols-1)) / float32(cols)
	y := float32(0)
	for i := 0; i < len(objects); i += cols {
		row := objects[i:min(i+cols, len(objects))]
		h := float32(0)
		for _, o := range row {
			h = max(h, o.MinSize().Height)
		}
		for j, o := range row {
			o.Move(fyne.NewPos(float32(j)*(w+pad), y))
			o.Resize(fyne.NewSize(w, h))
		}
		y += h + pad
	}
}

// MinSize implements fyne.Layout.
func (g cardGrid) MinSize(objects []fyne.CanvasObject) fyne.Size {
	pad := theme.Padding()
	var width, height float32
	for i := 0; i < len(objects); i += g.cols {
		row := objects[i:min(i+g.cols, len(objects))]
		var w, h float32
		for _, o := range row {
			m := o.MinSize()
			w = max(w, m.Width)
			h = max(h, m.Height)
		}
		width = max(width, w*float32(g.cols)+pad*float32(g.cols-1))
		if i > 0 {
			height += pad
		}
		height += h
	}
	return fyne.NewSize(width, height)
}
