package pdf

import (
	"strings"

	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// Horizontal bar charts, drawn as gofpdf rectangles inside the rows of a
// breakdown table: each row has its label, then for each group counted
// (registered, attended; or persons) a bar, the count and the percentage.
// The bars of a table share one scale, the largest percentage of the table
// filling its column, so that the groups compare bar for bar; the numbers
// beside them give the exact figures.

// barColumn makes a table column draw a bar for the percentage in cell
// pct of each row.
type barColumn struct {
	pct    int
	colour rgb
}

// The bar colours: one group in the dark blue; two groups in a light and
// the dark blue.
var (
	barDark  = rgb{0x2F, 0x5D, 0x8C}
	barLight = rgb{0x8F, 0xAC, 0xCC}
	barTrack = rgb{0xE9, 0xEC, 0xF0}
)

// barScales returns, for each column of t, the percentage that fills a
// bar: the largest of all bar columns over the rows other than the total.
func barScales(t tableSpec) []float64 {
	top := 0.0
	rows := t.rows
	if t.total && len(rows) > 0 {
		rows = rows[:len(rows)-1]
	}
	for _, c := range t.cols {
		if c.bar == nil {
			continue
		}
		for _, row := range rows {
			if v, ok := row[c.bar.pct].(float64); ok {
				top = max(top, v)
			}
		}
	}
	scales := make([]float64, len(t.cols))
	for i := range scales {
		scales[i] = top
	}
	return scales
}

// drawBar draws the bar of one row in the column at x, w wide: a light
// track the width of the column and the bar over it, at least a hairline
// for a share above zero.
func (r *reportDoc) drawBar(b *barColumn, row []any, scale, x, w, y, h float64) {
	v, _ := row[b.pct].(float64)
	const barH = 3.2
	inner := w - 2*rpCellPad
	by := y + (h-barH)/2
	r.SetFillColor(barTrack.r, barTrack.g, barTrack.b)
	r.Rect(x+rpCellPad, by, inner, barH, "F")
	if v <= 0 || scale <= 0 {
		return
	}
	bw := max(inner*v/scale, 0.4)
	r.SetFillColor(b.colour.r, b.colour.g, b.colour.b)
	r.Rect(x+rpCellPad, by, bw, barH, "F")
}

// breakdownSpec lays out a report.LayoutBreakdown table as a bar chart:
// the label, then for each group a bar, the count and the percentage. wide
// gives the bars more room (landscape pages).
func (r *reportDoc) breakdownSpec(t sheet.Table, wide bool) tableSpec {
	groups := (len(t.Header) - 1) / 2
	labelW, barW := 50.0, 38.0
	if wide {
		labelW, barW = 62.0, 150.0/float64(groups)
	}
	cols := []column{{title: t.Header[0], w: labelW, src: 0, lines: 2}}
	for g := range groups {
		colour := barDark
		if groups > 1 && g == 0 {
			colour = barLight
		}
		count, pct := 1+2*g, 2+2*g
		cols = append(cols,
			column{title: "", w: barW, src: pct, bar: &barColumn{pct: pct, colour: colour}},
			column{title: t.Header[count], w: 17, src: count, align: AlignRight, style: "B"},
			column{title: "%", w: 13, src: pct, align: AlignRight, format: r.percent},
		)
	}
	return tableSpec{heading: t.Name, cols: cols, rows: t.Rows, total: true}
}

// crossSpec lays out a report.LayoutCross table: the label, a count per
// column category and the total in bold.
func crossSpec(t sheet.Table) tableSpec {
	cols := []column{{title: t.Header[0], w: 30, src: 0, style: "B"}}
	for i := 1; i < len(t.Header); i++ {
		c := column{title: t.Header[i], w: 16, src: i, align: AlignRight}
		if i == len(t.Header)-1 {
			c.style = "B"
		}
		cols = append(cols, c)
	}
	return tableSpec{heading: t.Name, cols: cols, rows: t.Rows, total: true}
}

// tableHeading returns the section heading of a table in lang: its name,
// with "org type" spelled out in English.
func tableHeading(lang string, t sheet.Table) string {
	if lang != "en" {
		return report.Word(lang, t.Name)
	}
	return strings.Replace(t.Name, "org type", "organisation type", 1)
}

// chartTables adds the breakdowns and cross-tables of tables, each under
// its heading.
func (r *reportDoc) chartTables(tables []sheet.Table, wide bool) {
	for _, t := range tables {
		var spec tableSpec
		switch report.LayoutOf(t) {
		case report.LayoutBreakdown:
			spec = r.breakdownSpec(t, wide)
		case report.LayoutCross:
			spec = crossSpec(t)
		default:
			continue
		}
		spec.heading = tableHeading(r.lang, t)
		t = report.LocalizeCells(LocalizeCountries(t, r.lang), r.lang)
		spec.rows = t.Rows
		for i := range spec.cols {
			if src := spec.cols[i].src; spec.cols[i].title != "" && spec.cols[i].title != "%" && src < len(t.Header) {
				spec.cols[i].title = t.Header[src]
			}
		}
		// A short table stays on one page with its heading.
		if len(t.Rows) <= 16 {
			r.room(16 + float64(len(t.Rows))*rpRowH + 8)
		}
		r.heading(spec.heading, 24)
		r.table(spec)
	}
}
