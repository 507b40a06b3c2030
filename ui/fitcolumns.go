package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// minColumnScale is how far fitColumns narrows the wide columns: below
// it, the table scrolls sideways rather than cut every cell to a few
// letters.
const minColumnScale = 0.6

// fitColumns lays out one table over its whole space, narrowing its wide
// columns (names, organisations, emails) in proportion, down to
// minColumnScale of their widths, so that all the columns show at
// 1024 × 768 instead of the last ones lying off screen. Narrow columns
// (a badge code, a role) keep their width: cut, they would say nothing.
type fitColumns struct {
	table  *widget.Table
	widths []float32 // the columns' full widths
	shrink []bool    // which columns may be narrowed
}

// newFitColumns returns a container holding t, whose columns have the
// given full widths; the columns marked in shrink may be narrowed.
func newFitColumns(t *widget.Table, widths []float32, shrink []bool) *fyne.Container {
	return container.New(&fitColumns{table: t, widths: widths, shrink: shrink}, t)
}

// Layout scales the wide columns to the width and fills the space with
// the table.
func (f *fitColumns) Layout(objects []fyne.CanvasObject, size fyne.Size) {
	var fixed, wide float32
	for i, w := range f.widths {
		if f.shrink[i] {
			wide += w
		} else {
			fixed += w
		}
	}
	scale := float32(1)
	if avail := size.Width - theme.Size(theme.SizeNameScrollBar) - theme.Padding() - fixed; wide > 0 && avail < wide {
		scale = max(avail/wide, minColumnScale)
	}
	for i, w := range f.widths {
		if f.shrink[i] {
			w *= scale
		}
		f.table.SetColumnWidth(i, w)
	}
	for _, o := range objects {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

// MinSize is the table's.
func (f *fitColumns) MinSize([]fyne.CanvasObject) fyne.Size {
	return f.table.MinSize()
}
