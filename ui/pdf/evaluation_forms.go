package pdf

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// EvalSheet is one printed evaluation form: its number and language.
type EvalSheet struct {
	Number   int
	Language string
}

// EvalFormsSpec is what EvaluationForms prints.
type EvalFormsSpec struct {
	Workshop store.Workshop
	Form     store.EvaluationForm
	Sheets   []EvalSheet
	Paper    PageSize // A4 or Letter
}

// Evaluation form geometry, in millimetres.
const (
	efMargin  = 14.0
	efBox     = 4.2  // a tick box
	efColW    = 15.5 // a box column
	efLineH   = 4.6  // a line of item text
	efTextPt  = 9.5  // item text
	efSmallPt = 7.0  // column labels
	efQR      = 17.0 // the QR code of the form number
)

// evalForm draws the forms of one spec.
type evalForm struct {
	*Doc
	spec         *EvalFormsSpec
	pageW, pageH float64
	lang         string
	rtl          bool
	number       int
	y            float64
	page         int
	// wrapped caches wrap: every form prints the same texts.
	wrapped map[wrapKey][]string
}

// wrapKey is one text wrapped to a width at a size.
type wrapKey struct {
	s           string
	width, size float64
}

// EvaluationForms writes the printed evaluation forms to w: per sheet, the
// form in the sheet's language (right to left in Arabic), the workshop,
// the form number printed and, on its first page, as a QR code (its
// digits, for a scanner in the keyed-entry box), then each section: the workshop items with five
// agreement boxes and "not applicable", the sessions and the knowledge
// before and after rated 1 to 5, yes/no and choice items with their
// boxes, the open questions with lines to write on. An item is numbered
// as in keyed entry. A form that runs over a page repeats its number at
// the top of the next. An anonymous form says so and has no name line.
func EvaluationForms(w io.Writer, spec EvalFormsSpec) error {
	size := spec.Paper
	if size == "" {
		size = A4
	}
	if size != A4 && size != Letter {
		return fmt.Errorf("pdf: evaluation forms are printed on A4 or Letter, not %q", size)
	}
	doc, err := NewDoc(size, Portrait, Title("Evaluation forms – "+spec.Workshop.Title))
	if err != nil {
		return err
	}
	pw, ph := pageMM(size)
	f := &evalForm{Doc: doc, spec: &spec, pageW: pw, pageH: ph}
	for _, s := range spec.Sheets {
		if err := f.sheet(s); err != nil {
			return err
		}
	}
	if err := doc.Err(); err != nil {
		return err
	}
	_, err = doc.WriteTo(w)
	return err
}

// word returns the form's fixed wording in the sheet's language.
func (f *evalForm) word(key string) string { return store.EvalWording(f.lang, key) }

// x returns the left edge of a box w wide that starts at x from the
// leading edge: the left in left-to-right languages, the right in Arabic.
func (f *evalForm) x(x, w float64) float64 {
	if f.rtl {
		return f.pageW - x - w
	}
	return x
}

// align is the alignment of text on the leading side.
func (f *evalForm) align() Align {
	if f.rtl {
		return AlignRight
	}
	return AlignLeft
}

// textAt draws s on the leading side within w, at baseline y.
func (f *evalForm) textAt(x, y, w float64, s string, size float64, style string) {
	f.TextFit(f.x(x, w), y, w, s, size, size*0.7, style, f.align())
}

// sheet draws one form.
func (f *evalForm) sheet(s EvalSheet) error {
	f.lang, f.number, f.page = s.Language, s.Number, 0
	f.rtl = s.Language == "ar"
	if err := f.newPage(); err != nil {
		return err
	}
	width := f.pageW - 2*efMargin
	f.SetTextColor(ink.r, ink.g, ink.b)
	f.textAt(efMargin, f.y+6, width-efQR-30, f.word("title"), 16, "B")
	f.SetTextColor(muted.r, muted.g, muted.b)
	intro := f.word("intro_anonymous")
	if f.spec.Form.Named {
		intro = f.word("intro_named")
	}
	f.y += 10
	for _, l := range f.wrap(intro, width-efQR-30, 8.5) {
		f.textAt(efMargin, f.y+3.5, width-efQR-30, l, 8.5, "")
		f.y += 4.2
	}
	f.SetTextColor(ink.r, ink.g, ink.b)
	f.y = max(f.y+3, efMargin+efQR+6)
	if f.spec.Form.Named {
		f.textAt(efMargin, f.y+4, 30, f.word("name")+":", efTextPt, "B")
		f.SetDrawColor(muted.r, muted.g, muted.b)
		f.Line(f.x(efMargin+30, width-30), f.y+5, f.x(efMargin+30, width-30)+width-30, f.y+5)
		f.y += 10
	}
	items := f.spec.Form.Items
	for _, sec := range store.EvalSections {
		first := true
		for i := range items {
			it := &items[i]
			if it.Section() != sec {
				continue
			}
			if first {
				f.section(sec, it)
				first = false
			}
			if err := f.item(i, it); err != nil {
				return err
			}
		}
	}
	f.room(10)
	f.SetTextColor(muted.r, muted.g, muted.b)
	f.textAt(efMargin, f.y+6, width, f.word("thanks"), 9, "I")
	f.SetTextColor(ink.r, ink.g, ink.b)
	return nil
}

// newPage starts a page of the current form: the workshop, the form
// number and its QR code at the top.
func (f *evalForm) newPage() error {
	f.AddPage()
	f.page++
	ws := &f.spec.Workshop
	width := f.pageW - 2*efMargin
	num := f.word("form_no") + " " + strconv.Itoa(f.number)
	if f.page == 1 { // the number's QR code once a form: encoding it is the costly part
		if err := f.QR(f.x(efMargin+width-efQR, efQR), efMargin-2, efQR, strconv.Itoa(f.number)); err != nil {
			return fmt.Errorf("form %d: %w", f.number, err)
		}
	}
	f.SetTextColor(ink.r, ink.g, ink.b)
	numW := 34.0
	f.SetDrawColor(ink.r, ink.g, ink.b)
	f.SetLineWidth(0.4)
	f.Rect(f.x(efMargin+width-efQR-numW-3, numW), efMargin+1, numW, 9, "D")
	f.TextFit(f.x(efMargin+width-efQR-numW-3, numW)+1.5, efMargin+7.3, numW-3, num, 11, 7, "B", AlignCentre)
	f.SetTextColor(muted.r, muted.g, muted.b)
	line := ws.Title
	if ws.City != "" {
		line += " · " + ws.City
	}
	line += " · " + dateSpan(ws.StartDate, ws.EndDate)
	f.TextFit(f.x(efMargin+width-efQR-numW-3, numW), efMargin+14, numW, strings.ToUpper(ws.Code), 7, 5, "", AlignCentre)
	f.textAt(efMargin, f.pageH-8, width, line, 7, "")
	if f.page > 1 {
		f.TextFit(f.x(efMargin, 60), efMargin+4, 60, f.word("title"), 9, 6, "B", f.align())
		f.y = efMargin + efQR + 2
	} else {
		f.y = efMargin
	}
	f.SetTextColor(ink.r, ink.g, ink.b)
	return nil
}

// room starts a new page unless h millimetres fit.
func (f *evalForm) room(h float64) {
	if f.y+h > f.pageH-14 {
		f.newPage()
	}
}

// boxLabels returns the labels of the box columns of an item kind.
func (f *evalForm) boxLabels(k store.EvalKind) []string {
	switch k {
	case store.EvalAgreement:
		a := store.AgreementLabels(f.lang)
		return append(a[:], f.word("not_applicable"))
	case store.EvalRating:
		return []string{"1", "2", "3", "4", "5"}
	case store.EvalYesNo:
		return []string{f.word("yes"), f.word("no")}
	}
	return nil
}

// section draws a section heading and, for a scale, the labels of its box
// columns.
func (f *evalForm) section(sec store.EvalSection, first *store.EvalItem) {
	width := f.pageW - 2*efMargin
	labels := f.boxLabels(first.Kind)
	keep := 24.0 // the heading, the labels and a line
	if sec == store.SectionComments {
		keep = 50 // the heading and the first question with its lines
	}
	f.room(keep)
	f.y += 3
	f.SetFillColor(headFill.r, headFill.g, headFill.b)
	f.Rect(efMargin, f.y, width, 7, "F")
	f.SetTextColor(255, 255, 255)
	f.textAt(efMargin+2, f.y+5, width-4, f.word("section_"+string(sec)), 9.5, "B")
	f.SetTextColor(ink.r, ink.g, ink.b)
	f.y += 8
	if sec == store.SectionComments || len(labels) == 0 {
		return
	}
	f.columnLabels(labels)
}

// columnLabels draws the labels above the box columns, wrapped to three
// lines.
func (f *evalForm) columnLabels(labels []string) {
	width := f.pageW - 2*efMargin
	f.SetTextColor(muted.r, muted.g, muted.b)
	rows := 1
	wrapped := make([][]string, len(labels))
	for i, l := range labels {
		wrapped[i] = f.wrap(l, efColW-1, efSmallPt)
		rows = max(rows, min(len(wrapped[i]), 3))
	}
	for i, lines := range wrapped {
		cx := efMargin + width - float64(6-i)*efColW
		for j, l := range lines[:min(len(lines), 3)] {
			y := f.y + float64(rows-min(len(lines), 3)+j)*3 + 2.6
			f.TextFit(f.x(cx, efColW), y, efColW, l, efSmallPt, 5, "", AlignCentre)
		}
	}
	f.SetTextColor(ink.r, ink.g, ink.b)
	f.y += float64(rows)*3 + 1.5
}

// item draws item i.
func (f *evalForm) item(i int, it *store.EvalItem) error {
	width := f.pageW - 2*efMargin
	text := fmt.Sprintf("%d. %s", i+1, it.Text.In(f.lang))
	switch it.Kind {
	case store.EvalAgreement, store.EvalRating, store.EvalYesNo:
		textW := width - 6*efColW - 2
		lines := f.wrap(text, textW, efTextPt)
		h := max(float64(len(lines))*efLineH+2.2, efBox+3)
		if f.y+h > f.pageH-14 {
			f.newPage()
			f.columnLabels(f.boxLabels(it.Kind))
		}
		for j, l := range lines {
			f.textAt(efMargin, f.y+efLineH*float64(j)+3.8, textW, l, efTextPt, "")
		}
		labels := f.boxLabels(it.Kind)
		for b := range labels {
			cx := efMargin + width - float64(6-b)*efColW
			if it.Kind == store.EvalYesNo {
				// Under another scale's column labels: each box with its word.
				f.tickBox(f.x(cx+1, efBox), f.y+(h-efBox)/2-0.6)
				f.TextFit(f.x(cx+2+efBox, efColW-efBox-2), f.y+h/2+0.9, efColW-efBox-2, labels[b], efSmallPt+0.5, 5, "", f.align())
				continue
			}
			f.tickBox(f.x(cx+(efColW-efBox)/2, efBox), f.y+(h-efBox)/2-0.6)
		}
		f.SetDrawColor(faint.r, faint.g, faint.b)
		f.SetLineWidth(0.15)
		f.Line(efMargin, f.y+h, efMargin+width, f.y+h)
		f.y += h
	case store.EvalChoice, store.EvalChoices:
		lines := f.wrap(text, width, efTextPt)
		f.room(float64(len(lines))*efLineH + 8)
		for j, l := range lines {
			f.textAt(efMargin, f.y+efLineH*float64(j)+3.8, width, l, efTextPt, "")
		}
		f.y += float64(len(lines))*efLineH + 1.5
		x := 4.0
		for _, choice := range it.Choices {
			label := choice.In(f.lang)
			w := min(f.Width(label, efTextPt-0.5, "")+efBox+5, width-4)
			if x+w > width {
				x = 4
				f.y += efLineH + 1.5
				f.room(efLineH + 2)
			}
			f.tickBox(f.x(efMargin+x, efBox), f.y+0.3)
			f.TextFit(f.x(efMargin+x+efBox+1.5, w-efBox-1.5), f.y+3.6, w-efBox-1.5, label, efTextPt-0.5, 6, "", f.align())
			x += w + 3
		}
		f.y += efLineH + 3
	case store.EvalText:
		lines := f.wrap(text, width, efTextPt)
		f.room(float64(len(lines))*efLineH + 4*7.5 + 2)
		for j, l := range lines {
			f.textAt(efMargin, f.y+efLineH*float64(j)+3.8, width, l, efTextPt, "B")
		}
		f.y += float64(len(lines))*efLineH + 1
		f.SetDrawColor(muted.r, muted.g, muted.b)
		f.SetLineWidth(0.2)
		for range 4 {
			f.y += 7.5
			f.Line(efMargin, f.y, efMargin+width, f.y)
		}
		f.y += 3
	}
	return nil
}

// tickBox draws an empty box to tick with its top left corner at (x, y).
func (f *evalForm) tickBox(x, y float64) {
	f.SetDrawColor(ink.r, ink.g, ink.b)
	f.SetLineWidth(0.3)
	f.Rect(x, y, efBox, efBox, "D")
}

// wrap breaks s into lines no wider than width at size, at spaces and
// between Chinese characters.
func (f *evalForm) wrap(s string, width, size float64) []string {
	key := wrapKey{s, width, size}
	if lines, ok := f.wrapped[key]; ok {
		return lines
	}
	if f.wrapped == nil {
		f.wrapped = map[wrapKey][]string{}
	}
	lines := f.wrapText(s, width, size)
	f.wrapped[key] = lines
	return lines
}

// wrapText is wrap without the cache.
func (f *evalForm) wrapText(s string, width, size float64) []string {
	segs := breakSegments(s)
	var lines []string
	var cur strings.Builder
	curW := 0.0
	space := f.Width(" ", size, "")
	for _, sg := range segs {
		w := f.Width(sg.text, size, "")
		add := w
		if sg.space && cur.Len() > 0 {
			add += space
		}
		if cur.Len() > 0 && curW+add > width {
			lines = append(lines, cur.String())
			cur.Reset()
			curW, add = 0, w
		}
		if sg.space && cur.Len() > 0 {
			cur.WriteByte(' ')
		}
		cur.WriteString(sg.text)
		curW += add
	}
	if cur.Len() > 0 {
		lines = append(lines, cur.String())
	}
	return lines
}
