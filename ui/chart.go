package ui

import (
	"fmt"
	"math"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// chartRow is one bar of a bar chart.
type chartRow struct {
	Label   string
	Count   int
	Percent float64 // of the chart's total, as the row is to show it
	// Muted draws the bar in a quieter colour: for the rows of missing
	// values ("Not given", "Prefer not to say", "Other countries"), shown
	// so that the counts add up, but not a category of their own.
	Muted bool
}

// barChart draws counts as horizontal bars: the label on the left, a bar
// as long as the count is against the largest one, and "count · percent"
// on the right. With a zero total it says "No data".
type barChart struct {
	widget.BaseWidget
	rows  []chartRow
	total int
}

// Chart layout, in units of the theme's padding where not in pixels.
const (
	chartMaxLabelShare = 0.45 // the label column takes at most this share of the width
	chartMinBar        = 60   // the least room left for the bars
	chartBarHeight     = 0.6  // of a row's height
)

// newBarChart makes a chart of rows, out of total people.
func newBarChart(rows []chartRow, total int) *barChart {
	c := &barChart{rows: rows, total: total}
	c.ExtendBaseWidget(c)
	return c
}

// SetRows replaces the chart's rows and total and redraws it.
func (c *barChart) SetRows(rows []chartRow, total int) {
	c.rows, c.total = rows, total
	c.Refresh()
}

// empty reports whether the chart has nothing to draw.
func (c *barChart) empty() bool { return c.total == 0 || len(c.rows) == 0 }

// CreateRenderer implements fyne.Widget.
func (c *barChart) CreateRenderer() fyne.WidgetRenderer {
	r := &barChartRenderer{c: c, none: widget.NewLabel(lang.L("No data"))}
	r.none.Importance = widget.LowImportance
	r.none.Alignment = fyne.TextAlignCenter
	r.rebuild()
	return r
}

// barChartRenderer draws a barChart: per row a label, a track, a bar and a
// value.
type barChartRenderer struct {
	c       *barChart
	labels  []*widget.Label
	tracks  []*canvas.Rectangle
	bars    []*canvas.Rectangle
	values  []*widget.Label
	none    *widget.Label // "No data"
	objects []fyne.CanvasObject

	labelW, valueW, rowH float32 // the natural widths of the columns, a row's height
}

// rebuild makes the objects of the chart's rows, reusing those it has.
func (r *barChartRenderer) rebuild() {
	n := len(r.c.rows)
	if r.c.empty() {
		n = 0
	}
	for len(r.labels) < n {
		l := widget.NewLabel("")
		l.Truncation = fyne.TextTruncateEllipsis
		v := widget.NewLabel("")
		v.Alignment = fyne.TextAlignTrailing
		track := canvas.NewRectangle(nil)
		track.CornerRadius = 2
		bar := canvas.NewRectangle(nil)
		bar.CornerRadius = 2
		r.labels, r.values = append(r.labels, l), append(r.values, v)
		r.tracks, r.bars = append(r.tracks, track), append(r.bars, bar)
	}
	r.labels, r.values, r.tracks, r.bars = r.labels[:n], r.values[:n], r.tracks[:n], r.bars[:n]
	th := r.c.Theme()
	v := fyne.CurrentApp().Settings().ThemeVariant()
	primary := th.Color(theme.ColorNamePrimary, v)
	muted := th.Color(theme.ColorNameDisabled, v)
	track := th.Color(theme.ColorNameInputBackground, v)
	for i := range n {
		row := r.c.rows[i]
		r.labels[i].SetText(row.Label)
		r.values[i].SetText(chartValue(row))
		r.tracks[i].FillColor = track
		r.bars[i].FillColor = primary
		if row.Muted {
			r.bars[i].FillColor = muted
		}
		r.tracks[i].Refresh()
		r.bars[i].Refresh()
	}
	// The columns fit the longest texts (measured once: labels that may
	// truncate do not tell).
	r.labelW, r.valueW, r.rowH = 0, 0, 0
	for i, l := range r.labels {
		w, h := naturalSize(l)
		r.labelW, r.rowH = max(r.labelW, w), max(r.rowH, h)
		w, _ = naturalSize(r.values[i])
		r.valueW = max(r.valueW, w)
	}
	r.objects = r.objects[:0]
	if n == 0 {
		r.objects = append(r.objects, r.none)
		return
	}
	for i := range n {
		r.objects = append(r.objects, r.tracks[i], r.bars[i], r.labels[i], r.values[i])
	}
}

// chartValue is the text at the right of a bar: "12 · 30.0%".
func chartValue(row chartRow) string {
	return fmt.Sprintf(lang.L("%d · %s"), row.Count, percent(row.Percent))
}

// columns returns the widths of the label and value columns for a chart
// width, and a row's height.
func (r *barChartRenderer) columns(width float32) (label, value, rowH float32) {
	label, value, rowH = r.labelW, r.valueW, r.rowH
	if width > 0 {
		label = min(label, width*chartMaxLabelShare, max(width-value-chartMinBar, 0))
	}
	return label, value, rowH
}

// naturalSize returns the size a label needs to show all its text, which
// its MinSize does not say once it may truncate. The width has a pixel or
// two to spare: a truncating label given exactly its text's width may
// still cut it, measuring its letters one by one.
func naturalSize(l *widget.Label) (float32, float32) {
	s := l.MinSize()
	if l.Truncation != fyne.TextTruncateOff {
		m := widget.NewLabelWithStyle(l.Text, l.Alignment, l.TextStyle)
		m.SizeName = l.SizeName
		s = m.MinSize()
	}
	return float32(math.Ceil(float64(s.Width))) + 2, s.Height
}

// Layout implements fyne.WidgetRenderer.
func (r *barChartRenderer) Layout(size fyne.Size) {
	if len(r.labels) == 0 {
		r.none.Resize(size)
		r.none.Move(fyne.NewPos(0, 0))
		return
	}
	labelW, valueW, rowH := r.columns(size.Width)
	pad := r.c.Theme().Size(theme.SizeNamePadding)
	barX := labelW + pad
	room := max(size.Width-labelW-valueW-2*pad, 0)
	largest := 0
	for _, row := range r.c.rows[:len(r.labels)] {
		largest = max(largest, row.Count)
	}
	barH := rowH * chartBarHeight
	for i := range r.labels {
		y := float32(i) * rowH
		r.labels[i].Move(fyne.NewPos(0, y))
		r.labels[i].Resize(fyne.NewSize(labelW, rowH))
		r.values[i].Move(fyne.NewPos(size.Width-valueW, y))
		r.values[i].Resize(fyne.NewSize(valueW, rowH))
		r.tracks[i].Move(fyne.NewPos(barX, y+(rowH-barH)/2))
		r.tracks[i].Resize(fyne.NewSize(room, barH))
		w := float32(0)
		if largest > 0 {
			w = room * float32(r.c.rows[i].Count) / float32(largest)
		}
		r.bars[i].Move(fyne.NewPos(barX, y+(rowH-barH)/2))
		r.bars[i].Resize(fyne.NewSize(w, barH))
		if w < 1 { // a rounded rectangle of no width still draws a sliver
			r.bars[i].Hide()
		} else {
			r.bars[i].Show()
		}
	}
}

// MinSize implements fyne.WidgetRenderer: every row, with room for short
// labels and a short bar.
func (r *barChartRenderer) MinSize() fyne.Size {
	if len(r.labels) == 0 {
		return r.none.MinSize()
	}
	labelW, valueW, rowH := r.columns(0)
	pad := r.c.Theme().Size(theme.SizeNamePadding)
	return fyne.NewSize(min(labelW, 120)+valueW+chartMinBar+2*pad, rowH*float32(len(r.labels)))
}

// Refresh implements fyne.WidgetRenderer.
func (r *barChartRenderer) Refresh() {
	r.rebuild()
	r.Layout(r.c.Size())
	canvas.Refresh(r.c)
}

// Objects implements fyne.WidgetRenderer.
func (r *barChartRenderer) Objects() []fyne.CanvasObject { return r.objects }

// Destroy implements fyne.WidgetRenderer.
func (r *barChartRenderer) Destroy() {}

// chartRows makes the rows of a breakdown, keeping every row; labels are
// translated when translate is set (the values of the enumerations and
// regions; not country names).
func chartRows(b store.Breakdown, translate bool) []chartRow {
	rows := make([]chartRow, len(b.Rows))
	for i, row := range b.Rows {
		label := row.Label
		if translate {
			label = lang.L(label)
		}
		rows[i] = chartRow{Label: label, Count: row.Count, Percent: row.Percent, Muted: missingKey(row.Key)}
	}
	return rows
}

// missingKey reports whether a breakdown key stands for a value not given
// or withheld.
func missingKey(key string) bool {
	return key == store.KeyNotGiven || key == store.KeyUnknownCountry || key == string(store.GenderPreferNotSay)
}

// topRows keeps the n largest rows of a breakdown whose values are given,
// sums the others into one "Other countries" row (label others), and keeps
// the rows of missing values ("Not given") apart after them, so that they
// are never folded away.
func topRows(b store.Breakdown, n int, others string) []chartRow {
	var given, missing []store.CountRow
	for _, row := range b.Rows {
		if row.Key == store.KeyNotGiven {
			missing = append(missing, row)
		} else {
			given = append(given, row)
		}
	}
	if len(given) <= n+1 { // folding one row into "others" gains nothing
		return chartRows(b, false)
	}
	rest := store.Breakdown{Total: b.Total}
	rest.Rows = slices.Clone(given[:n])
	rest.Rows = append(rest.Rows, missing...)
	rows := chartRows(rest, false)
	other := 0
	for _, row := range given[n:] {
		other += row.Count
	}
	fold := chartRow{Label: fmt.Sprintf(others, len(given)-n), Count: other, Percent: percentOf(other, b.Total), Muted: true}
	return slices.Insert(rows, n, fold)
}

// percentOf is n as a share of total, rounded to one decimal as the store
// rounds its percentages.
func percentOf(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return float64(int(float64(n)*1000/float64(total)+0.5)) / 10
}
