package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// minColumnScale is how far fitColumns narrows columns: below it, the
// table scrolls sideways rather than cut every cell to a few letters.
const minColumnScale = 0.7

// fitColumns lays out one table over its whole space, narrowing its
// columns in proportion (down to minColumnScale of their widths) so that
// all of them show at 1024 × 768 instead of the last ones lying off
// screen.
type fitColumns struct {
	table  *widget.Table
	widths []float32 // the columns' full widths
}

// newFitColumns returns a container holding t, whose columns have the
// given full widths.
func newFitColumns(t *widget.Table, widths []float32) *fyne.Container {
	return container.New(&fitColumns{table: t, widths: widths}, t)
}

// Layout scales the columns to the width and fills the space with the
// table.
func (f *fitColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var total float32
	for _, w := range f.widths {
		total += w
	}
	scale := float32(1)
	if avail := size.Width - theme.Size(theme.SizeNameScrollBar) - theme.Padding(); total > 0 && avail < total {
		scale = max(avail/total, minColumnScale)
	}
	for i, w := range f.widths {
		f.table.SetColumnWidth(i, w*scale)
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the table's.
func (f *fitColumns) MinSize(objects []fyne.CanvasObject) fyne.Size {
	return f.table.MinSize()
}
