package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// Reports: the attendance report, participation statistics and the series
// report (this file and chart.go), and the printed agenda (agenda.go).
//
// Every report draws the tables of package store/report, the same tables
// that go to CSV and XLSX, so a figure reads the same in all three. The
// pages are laid out first and drawn afterwards (reportDoc), so that the
// footer can say "Page x of y" with the real count, for the reasons the
// package doc gives against AliasNbPages; a table that runs over a page
// repeats its header row at the top of the next.

// Report page geometry, in millimetres, and colours.
const (
	rpMargin   = 12.0 // left, right
	rpTop      = 36.0 // content starts below the page header
	rpFootGap  = 15.0 // content ends this far above the bottom edge
	rpRowH     = 6.0  // a one-line table row
	rpLineH    = 3.3  // each further line of a wrapped cell
	rpCellPad  = 1.6  // space between a cell's edge and its text
	rpTextSize = 8.0  // table text, points
	rpHeadSize = 7.2  // table headings, points
)

var (
	headFill  = rgb{0x2B, 0x3A, 0x4A} // table header rows
	zebraFill = rgb{0xF3, 0xF5, 0xF7} // every other row
	totalFill = rgb{0xE4, 0xE8, 0xEE} // total rows
	goodInk   = rgb{0x1E, 0x7B, 0x3A} // "yes"
	badInk    = rgb{0xB0, 0x2A, 0x2A} // "no"
)

// reportDoc lays out a report page by page: each page is a list of drawing
// operations, run by finish once the number of pages is known.
type reportDoc struct {
	*Doc
	pageW, pageH float64
	width        float64 // between the margins
	bottom       float64 // content ends here
	pages        [][]func()
	y            float64 // where the next block goes on the last page

	// header draws the page header (kicker, title, subtitle); footer
	// left is the small print at the bottom left of every page; page
	// formats "Page x of y".
	kicker, title, subtitle, corner string
	footLeft                        string
	page                            func(n, of int) string

	// lang is the printed language, words its fixed texts.
	lang  string
	words reportWords
}

// setLanguage prints the report in lang (one of
// store.CertificateLanguages): its fixed texts, page numbers, dates and
// numbers.
func (r *reportDoc) setLanguage(lang string) {
	r.lang, r.words = lang, reportWording[lang]
	r.page = func(n, of int) string { return fmt.Sprintf(r.words.page, n, of) }
}

// newReport starts a report on paper of the given size and orientation.
func newReport(size PageSize, o Orientation, docTitle string, opts ...Option) (*reportDoc, error) {
	if size != A4 && size != Letter {
		return nil, fmt.Errorf("pdf: reports are printed on A4 or Letter, not %q", size)
	}
	doc, err := NewDoc(size, o, append([]Option{Title(docTitle)}, opts...)...)
	if err != nil {
		return nil, err
	}
	w, h := pageMM(size)
	if o == Landscape {
		w, h = h, w
	}
	r := &reportDoc{Doc: doc, pageW: w, pageH: h, width: w - 2*rpMargin, bottom: h - rpFootGap}
	r.setLanguage("en")
	r.newPage()
	return r, nil
}

// newPage starts a new page of content.
func (r *reportDoc) newPage() {
	r.pages = append(r.pages, nil)
	r.y = rpTop
}

// op adds a drawing operation to the current page.
func (r *reportDoc) op(f func()) {
	r.pages[len(r.pages)-1] = append(r.pages[len(r.pages)-1], f)
}

// room makes sure h millimetres fit below y, starting a new page if they
// do not (unless the page is still empty).
func (r *reportDoc) room(h float64) {
	if r.y+h > r.bottom && r.y > rpTop {
		r.newPage()
	}
}

// finish draws every page with its header and footer and writes the PDF.
func (r *reportDoc) finish(w io.Writer) error {
	n := len(r.pages)
	for i, ops := range r.pages {
		r.AddPage()
		r.drawHeader()
		for _, f := range ops {
			f()
		}
		r.drawFooter(i+1, n)
	}
	if err := r.Err(); err != nil {
		return err
	}
	_, err := r.WriteTo(w)
	return err
}

func (r *reportDoc) drawHeader() {
	x := rpMargin
	r.SetTextColor(muted.r, muted.g, muted.b)
	r.Text(x, 14, r.kicker, 7.5, "B")
	if r.corner != "" {
		r.TextFit(x+r.width/2, 14, r.width/2, r.corner, 7.5, 6, "", AlignRight)
	}
	r.SetTextColor(ink.r, ink.g, ink.b)
	r.TextFit(x, 22, r.width, r.title, 15, 10, "B", AlignLeft)
	r.SetTextColor(muted.r, muted.g, muted.b)
	r.TextFit(x, 28, r.width, r.subtitle, 9, 7, "", AlignLeft)
	r.SetDrawColor(faint.r, faint.g, faint.b)
	r.SetLineWidth(0.3)
	r.Line(x, 31, x+r.width, 31)
	r.SetTextColor(ink.r, ink.g, ink.b)
}

func (r *reportDoc) drawFooter(page, pages int) {
	y := r.pageH - 7
	r.SetDrawColor(faint.r, faint.g, faint.b)
	r.SetLineWidth(0.2)
	r.Line(rpMargin, y-4, rpMargin+r.width, y-4)
	r.SetTextColor(muted.r, muted.g, muted.b)
	r.TextFit(rpMargin, y, r.width-40, r.footLeft, 7, 5.5, "", AlignLeft)
	r.TextRight(rpMargin+r.width, y, r.page(page, pages), 7.5, "")
	r.SetTextColor(ink.r, ink.g, ink.b)
}

// heading adds a section heading, kept on the page with at least keep
// millimetres of what follows it.
func (r *reportDoc) heading(s string, keep float64) {
	if r.y > rpTop {
		r.y += 4
	}
	r.room(8 + keep)
	y := r.y
	r.op(func() {
		r.SetTextColor(ink.r, ink.g, ink.b)
		r.Text(rpMargin, y+5, s, 11.5, "B")
	})
	r.y += 8
}

// note adds a line of small grey text (wrapped to at most three lines).
func (r *reportDoc) note(s string) {
	lines, size := r.wrapFit(s, r.width, 8, 7, "", 3)
	h := float64(len(lines))*size*ptMM*1.35 + 1.5
	r.room(h)
	y := r.y
	r.op(func() {
		r.SetTextColor(muted.r, muted.g, muted.b)
		for i, l := range lines {
			r.Text(rpMargin, y+size*ptMM*(1+1.35*float64(i)), l, size, "")
		}
		r.SetTextColor(ink.r, ink.g, ink.b)
	})
	r.y += h
}

// tile is one figure of a row of key figures: a big number and its label.
type tile struct{ value, label string }

// tiles adds a row of key figures in boxes.
func (r *reportDoc) tiles(ts []tile) {
	if len(ts) == 0 {
		return
	}
	const h, gap = 17.0, 3.0
	r.room(h + 3)
	y := r.y
	w := (r.width - gap*float64(len(ts)-1)) / float64(len(ts))
	r.op(func() {
		for i, t := range ts {
			x := rpMargin + float64(i)*(w+gap)
			r.SetFillColor(zebraFill.r, zebraFill.g, zebraFill.b)
			r.Rect(x, y, w, h, "F")
			r.SetFillColor(headFill.r, headFill.g, headFill.b)
			r.Rect(x, y, 1.2, h, "F")
			r.SetTextColor(ink.r, ink.g, ink.b)
			r.TextFit(x+4, y+8.5, w-6, t.value, 15, 9, "B", AlignLeft)
			r.SetTextColor(muted.r, muted.g, muted.b)
			r.TextFit(x+4, y+13.5, w-6, t.label, 7.5, 6, "", AlignLeft)
		}
		r.SetTextColor(ink.r, ink.g, ink.b)
	})
	r.y += h + 3
}

// column is one column of a drawn table.
type column struct {
	title string
	w     float64 // share of the table's width (any unit; scaled to fit)
	src   int     // the cell of the row it shows
	align Align
	// lines is the most lines a cell may wrap to; 0 or 1: one line,
	// shrunk then condensed to fit.
	lines int
	style string
	// format turns a cell into text; nil: plainCell.
	format func(any) string
	// colour picks the text colour of a cell; nil: ink.
	colour func(any) rgb
	// bar, when set, makes the column draw a bar instead of text.
	bar *barColumn
}

// tableSpec is a table to draw: its columns and rows (cells as in
// sheet.Table), and whether the last row is a total.
type tableSpec struct {
	heading string // repeated, "(continued)", on the pages it runs over to
	cols    []column
	rows    [][]any
	total   bool
	// empty is the text shown when there are no rows.
	empty string
}

// laidCell is a cell ready to draw: its lines of text at a size.
type laidCell struct {
	lines []string
	size  float64
	col   rgb
}

// table adds a table: the header row at its top and again at the top of
// every page it runs over to, zebra rows, numbers aligned right.
func (r *reportDoc) table(t tableSpec) {
	xs, ws := r.columnBounds(t.cols)
	// The header row: headings wrapped to at most two lines.
	heads := make([][]string, len(t.cols))
	headSize := rpHeadSize
	headLines := 1
	for i, c := range t.cols {
		heads[i] = r.wrapWords(c.title, ws[i]-2*rpCellPad, headSize, "B")
		if len(heads[i]) > 2 {
			heads[i] = []string{strings.Join(heads[i][:1], " "), strings.Join(heads[i][1:], " ")}
		}
		headLines = max(headLines, len(heads[i]))
	}
	headH := 4.2 + float64(headLines)*headSize*ptMM*1.2
	drawHead := func(y float64) {
		r.SetFillColor(headFill.r, headFill.g, headFill.b)
		r.Rect(rpMargin, y, r.width, headH, "F")
		r.SetTextColor(255, 255, 255)
		for i, c := range t.cols {
			lines := heads[i]
			base := y + headH - 2.1 - float64(len(lines)-1)*headSize*ptMM*1.2
			for k, l := range lines {
				r.TextFit(xs[i]+rpCellPad, base+float64(k)*headSize*ptMM*1.2, ws[i]-2*rpCellPad, l, headSize, 5.5, "B", c.align)
			}
		}
		r.SetTextColor(ink.r, ink.g, ink.b)
	}
	startPage := func(first bool) {
		if !first && t.heading != "" {
			y := r.y
			r.op(func() {
				r.SetTextColor(muted.r, muted.g, muted.b)
				r.Text(rpMargin, y+3.5, t.heading+r.words.continued, 8, "B")
				r.SetTextColor(ink.r, ink.g, ink.b)
			})
			r.y += 5.5
		}
		y := r.y
		r.op(func() { drawHead(y) })
		r.y += headH
	}
	bars := barScales(t)
	if len(t.rows) == 0 {
		r.room(headH + rpRowH)
		startPage(true)
		y := r.y
		msg := t.empty
		r.op(func() {
			r.SetTextColor(muted.r, muted.g, muted.b)
			r.Text(rpMargin+rpCellPad, y+4.2, msg, rpTextSize, "")
			r.SetTextColor(ink.r, ink.g, ink.b)
		})
		r.y += rpRowH
		return
	}
	first := true
	for i, row := range t.rows {
		isTotal := t.total && i == len(t.rows)-1
		cells, lines := r.layCells(t.cols, ws, row, isTotal)
		h := rpRowH + float64(lines-1)*rpLineH
		if first {
			r.room(headH + h)
			startPage(true)
			first = false
		} else if r.y+h > r.bottom {
			r.newPage()
			startPage(false)
		}
		y, zebra := r.y, i%2 == 1 && !isTotal
		r.op(func() { r.drawRow(t.cols, xs, ws, cells, row, bars, y, h, zebra, isTotal) })
		r.y += h
	}
}

// columnBounds returns the left edge and width of each column, the shares
// scaled to the page width.
func (r *reportDoc) columnBounds(cols []column) (xs, ws []float64) {
	sum := 0.0
	for _, c := range cols {
		sum += c.w
	}
	x := rpMargin
	for _, c := range cols {
		w := c.w / sum * r.width
		xs = append(xs, x)
		ws = append(ws, w)
		x += w
	}
	return xs, ws
}

// layCells formats and wraps the cells of one row and returns them with
// the number of lines of the tallest.
func (r *reportDoc) layCells(cols []column, ws []float64, row []any, total bool) ([]laidCell, int) {
	cells := make([]laidCell, len(cols))
	lines := 1
	for i, c := range cols {
		if c.bar != nil {
			continue
		}
		var v any
		if c.src < len(row) {
			v = row[c.src]
		}
		format := c.format
		if format == nil {
			format = r.plain
		}
		s := format(v)
		colour := ink
		if c.colour != nil {
			colour = c.colour(v)
		}
		style := c.style
		if total {
			style = "B"
		}
		lc := laidCell{size: rpTextSize, col: colour}
		inner := ws[i] - 2*rpCellPad
		if c.lines > 1 && r.Width(s, rpTextSize, style) > inner {
			lc.size = rpTextSize - 0.8
			lc.lines = r.wrapWords(s, inner, lc.size, style)
			if len(lc.lines) > c.lines {
				rest := strings.Join(lc.lines[c.lines-1:], " ")
				lc.lines = append(lc.lines[:c.lines-1], rest)
			}
		} else if s != "" {
			lc.lines = []string{s}
		}
		lines = max(lines, len(lc.lines))
		cells[i] = lc
	}
	return cells, lines
}

// drawRow draws one row of a table.
func (r *reportDoc) drawRow(cols []column, xs, ws []float64, cells []laidCell, row []any, bars []float64, y, h float64, zebra, total bool) {
	switch {
	case total:
		r.SetFillColor(totalFill.r, totalFill.g, totalFill.b)
		r.Rect(rpMargin, y, r.width, h, "F")
	case zebra:
		r.SetFillColor(zebraFill.r, zebraFill.g, zebraFill.b)
		r.Rect(rpMargin, y, r.width, h, "F")
	}
	r.SetDrawColor(faint.r, faint.g, faint.b)
	r.SetLineWidth(0.12)
	r.Line(rpMargin, y+h, rpMargin+r.width, y+h)
	for i, c := range cols {
		if c.bar != nil {
			if !total {
				r.drawBar(c.bar, row, bars[i], xs[i], ws[i], y, h)
			}
			continue
		}
		lc := cells[i]
		if len(lc.lines) == 0 {
			continue
		}
		style := c.style
		if total {
			style = "B"
		}
		r.SetTextColor(lc.col.r, lc.col.g, lc.col.b)
		step := lc.size * ptMM * 1.18
		base := y + h/2 + lc.size*ptMM*0.35 - float64(len(lc.lines)-1)*step/2
		for k, l := range lc.lines {
			r.TextFit(xs[i]+rpCellPad, base+float64(k)*step, ws[i]-2*rpCellPad, l, lc.size, 5.5, style, c.align)
		}
	}
	r.SetTextColor(ink.r, ink.g, ink.b)
}

// wrapWords breaks s at spaces into lines no wider than width at size.
// Words are measured one by one (the layout cache keeps them), so that
// thousands of rows wrap quickly; a word wider than width gets a line of
// its own, condensed when drawn.
//
// Only ordinary spaces break lines: a no-break space keeps a number with
// its unit and French punctuation with its word ("« admissible »").
func (r *reportDoc) wrapWords(s string, width, size float64, style string) []string {
	words := strings.FieldsFunc(s, func(c rune) bool { return c == ' ' || c == '\t' || c == '\n' })
	if len(words) == 0 {
		return nil
	}
	space := r.Width(" ", size, style)
	var lines []string
	cur, curW := "", 0.0
	for _, w := range words {
		ww := r.Width(w, size, style)
		if cur != "" && curW+space+ww > width {
			lines = append(lines, cur)
			cur, curW = "", 0
		}
		if cur == "" {
			cur, curW = w, ww
		} else {
			cur += " " + w
			curW += space + ww
		}
	}
	return append(lines, cur)
}

// plainCell writes a cell as text: numbers plain, decimals with one
// decimal, dates as "Mon 8 Mar 2027", empty cells as nothing.
func plainCell(v any) string {
	switch v := v.(type) {
	case nil:
		return ""
	case string:
		return v
	case int:
		return strconv.Itoa(v)
	case float64:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case store.Date:
		return shortDate(v)
	case time.Time:
		return v.Format("2 Jan 2006 15:04")
	}
	return fmt.Sprint(v)
}

// percentCell writes a percentage with one decimal, "–" when empty.
func percentCell(v any) string {
	if f, ok := v.(float64); ok {
		return strconv.FormatFloat(f, 'f', 1, 64)
	}
	return "–"
}

// shortDate writes a date as "Mon 8 Mar 2027".
func shortDate(d store.Date) string {
	if d.IsZero() {
		return ""
	}
	t := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	return t.Format("Mon 2 Jan 2006")
}

// plain writes a cell as plainCell does, in the report's language:
// decimals with its separator, dates as store.ShortDate ("jeu. 3 déc.
// 2026"), instants as store.DateTime.
func (r *reportDoc) plain(v any) string {
	if r.lang == "en" {
		return plainCell(v)
	}
	switch v := v.(type) {
	case float64:
		return fixed1(r.lang, v)
	case store.Date:
		return store.ShortDate(r.lang, v)
	case time.Time:
		return store.DateTime(r.lang, v)
	}
	return plainCell(v)
}

// percent writes a percentage as percentCell does, in the report's
// language: "85.5", "85,5".
func (r *reportDoc) percent(v any) string {
	if f, ok := v.(float64); ok {
		return fixed1(r.lang, f)
	}
	return percentCell(v)
}

// hours writes hours with at most two decimals, in the report's
// language: "4.5", "4,5", "1,25", "3".
func (r *reportDoc) hours(v any) string {
	if f, ok := v.(float64); ok {
		return store.Number(r.lang, f, 2)
	}
	return r.plain(v)
}

// yesNo colours "yes" green and "no" red, in the report's language.
func (r *reportDoc) yesNo(v any) rgb {
	switch v {
	case report.Word(r.lang, "yes"):
		return goodInk
	case report.Word(r.lang, "no"):
		return badInk
	}
	return ink
}

// fixed1 writes v with exactly one decimal, with lang's decimal separator.
func fixed1(lang string, v float64) string {
	s := strconv.FormatFloat(v, 'f', 1, 64)
	if store.Number(lang, 0.5, 1) == "0,5" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// workshopLine describes a workshop in one line in the report's language:
// "8–9 March 2027 · Addis Ababa, Ethiopia", "8–9 mars 2027 · Addis Ababa,
// Éthiopie".
func (r *reportDoc) workshopLine(w *store.Workshop) string {
	if r.lang == "en" {
		return workshopLine(w)
	}
	return strings.TrimPrefix(strings.TrimSuffix(periodText(r.lang, w.StartDate, w.EndDate)+" · "+venueText(r.lang, w), " · "), " · ")
}

// dateSpan writes a period in English: "8–9 March 2027", "30 November –
// 2 December 2027", "30 December 2027 – 2 January 2028", one day "8 March
// 2027".
func dateSpan(start, end store.Date) string {
	if start.IsZero() {
		return ""
	}
	if end.IsZero() || end.Before(start) {
		end = start
	}
	switch {
	case start == end:
		return fmt.Sprintf("%d %s %d", start.Day, start.Month, start.Year)
	case start.Year == end.Year && start.Month == end.Month:
		return fmt.Sprintf("%d–%d %s %d", start.Day, end.Day, end.Month, end.Year)
	case start.Year == end.Year:
		return fmt.Sprintf("%d %s – %d %s %d", start.Day, start.Month, end.Day, end.Month, end.Year)
	}
	return fmt.Sprintf("%d %s %d – %d %s %d", start.Day, start.Month, start.Year, end.Day, end.Month, end.Year)
}

// workshopLine describes a workshop in one line: "8–9 March 2027 · Addis
// Ababa, Ethiopia".
func workshopLine(w *store.Workshop) string {
	parts := []string{}
	if s := dateSpan(w.StartDate, w.EndDate); s != "" {
		parts = append(parts, s)
	}
	venue := strings.TrimSpace(w.City)
	if c, ok := store.CountryName(w.Country); ok {
		venue = strings.TrimPrefix(venue+", "+c, ", ")
	}
	if venue != "" {
		parts = append(parts, venue)
	}
	return strings.Join(parts, " · ")
}

// findTable returns the table called name, and whether there is one.
func findTable(tables []sheet.Table, name string) (sheet.Table, bool) {
	for _, t := range tables {
		if t.Name == name {
			return t, true
		}
	}
	return sheet.Table{}, false
}
