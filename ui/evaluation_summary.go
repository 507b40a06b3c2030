package ui

import (
	"fmt"
	"image/color"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// evalSummaryView shows the evaluation's summary: the headline figures,
// each item with a stacked 5-point bar, the sessions best first, and the
// comments; and exports the evaluation report.
type evalSummaryView struct {
	s       *evaluationSection
	sum     *store.EvaluationSummary
	body    *fyne.Container
	export  *widget.Button
	content fyne.CanvasObject
}

func newEvalSummaryView(s *evaluationSection) *evalSummaryView {
	v := &evalSummaryView{s: s, body: container.NewVBox()}
	v.export = widget.NewButtonWithIcon(lang.L("Evaluation report…"), theme.DownloadIcon(), v.chooseFormat)
	v.content = container.NewBorder(container.NewPadded(container.NewHBox(v.export)), nil, nil, nil,
		container.NewVScroll(container.NewPadded(v.body)))
	v.refresh()
	return v
}

// refresh sums up afresh and redraws.
func (v *evalSummaryView) refresh() {
	s := v.s
	v.sum = store.SummariseEvaluation(&s.form, s.list, store.Attended(s.ws.data), s.lang())
	sum := v.sum
	h := sum.Headline()
	pct := func(x float64, ok bool) string {
		if !ok {
			return "–"
		}
		return percent(x)
	}
	card := func(value, label string) fyne.CanvasObject {
		figure := widget.NewLabelWithStyle(value, fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
		figure.SizeName = theme.SizeNameHeadingText
		// The label wraps: five cards side by side fit a 1024-pixel screen
		// in French and Spanish too.
		l := widget.NewLabelWithStyle(label, fyne.TextAlignCenter, fyne.TextStyle{})
		l.Wrapping = fyne.TextWrapWord
		return widget.NewCard("", "", container.NewVBox(figure, l))
	}
	knowledge := "–"
	if b, a := sum.KnowledgeBefore, sum.KnowledgeAfter; b != nil && a != nil && b.Answered > 0 && a.Answered > 0 {
		knowledge = number(b.Mean, 1) + " / " + number(a.Mean, 1)
	}
	cards := container.NewGridWithColumns(5,
		card(fmt.Sprintf("%d", sum.Responses), fmt.Sprintf(lang.L("forms (%s of %d who attended)"), percent(sum.ResponseRate), sum.Attended)),
		card(pct(h.Satisfaction, h.SatisfactionOK), lang.L("satisfied")),
		card(pct(h.Relevance, h.RelevanceOK), lang.L("found it relevant")),
		card(pct(h.Recommend, h.RecommendOK), lang.L("would recommend it")),
		card(knowledge, lang.L("knowledge before / after (1–5)")),
	)
	objs := []fyne.CanvasObject{cards}
	if sum.Responses == 0 {
		none := widget.NewLabel(lang.L("No forms recorded yet: key them in, or import an online form's answers from the Form tab."))
		none.Importance = widget.LowImportance
		v.body.Objects = append(objs, none)
		v.body.Refresh()
		v.export.Disable()
		return
	}
	v.export.Enable()
	items := container.New(&evalItemsLayout{})
	for _, it := range sum.Items {
		label := widget.NewLabel(fmt.Sprintf("%d. %s", it.Number, it.Text))
		label.Wrapping = fyne.TextWrapWord
		var bar fyne.CanvasObject = widget.NewLabel(countsLine(it))
		figures := ""
		if it.Kind.Scale() {
			bar = newStackedBar(it.Counts)
			if it.Answered > 0 {
				figures = fmt.Sprintf(lang.L("mean %s · %s agree · %d answered"), number(it.Mean, 2), wholePercent(it.AgreePct), it.Answered)
			}
		}
		items.Add(label)
		items.Add(bar)
		items.Add(widget.NewLabel(figures))
	}
	objs = append(objs, chartCard(lang.L("Items (answers from 1, red, to 5, green)"), items))
	if len(sum.Sessions) > 0 {
		rows := make([]tableRow, len(sum.Sessions))
		for i, se := range sum.Sessions {
			mean := "–"
			if se.Answered > 0 {
				mean = number(se.Mean, 2)
			}
			rows[i] = tableRow{cells: []string{fmt.Sprint(i + 1), se.Text, fmt.Sprint(se.Answered), mean, wholePercent(se.AgreePct)}}
		}
		t := newSummaryTable([]string{lang.L("Rank"), lang.L("Session"), lang.L("Answered"), lang.L("Mean"), lang.L("4–5")}, rows, 1,
			func(col int) bool { return col != 1 })
		objs = append(objs, chartCard(lang.L("Sessions, best rated first"), t.content))
	}
	comments := container.NewVBox()
	for _, c := range sum.Comments {
		comments.Add(widget.NewLabelWithStyle(fmt.Sprintf("%d. %s", c.Number, c.Text), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		if len(c.Comments) == 0 {
			none := widget.NewLabel(lang.L("No comments."))
			none.Importance = widget.LowImportance
			comments.Add(none)
		}
		for _, cm := range c.Comments {
			tag := strings.ToUpper(cm.Language)
			if tag == "" {
				tag = "–"
			}
			l := widget.NewLabel(fmt.Sprintf("%s · %s %d — %s", tag, lang.L("form"), cm.Form, cm.Text))
			l.Wrapping = fyne.TextWrapWord
			comments.Add(l)
		}
	}
	objs = append(objs, chartCard(lang.L("Comments as written"), comments))
	v.body.Objects = objs
	v.body.Refresh()
}

// countsLine writes the answers to a yes/no or choice item.
func countsLine(it store.EvalItemSummary) string {
	if it.Kind == store.EvalYesNo && len(it.Counts) == 2 {
		return fmt.Sprintf(lang.L("yes %d · no %d"), it.Counts[0], it.Counts[1])
	}
	parts := make([]string, len(it.Counts))
	for i, n := range it.Counts {
		parts[i] = fmt.Sprintf("%d: %d", i+1, n)
	}
	return strings.Join(parts, " · ")
}

// chooseFormat offers the evaluation report as PDF, XLSX or CSV.
func (v *evalSummaryView) chooseFormat() {
	item := func(label string, f exportFormat) *fyne.MenuItem {
		return fyne.NewMenuItem(label, func() { v.exportReport(f) })
	}
	menu := fyne.NewMenu("", item(lang.L("PDF…"), formatPDF), item(lang.L("Excel workbook (.xlsx)…"), formatXLSX), item(lang.L("CSV…"), formatCSV))
	c := fyne.CurrentApp().Driver().CanvasForObject(v.export)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(v.export).Add(fyne.NewPos(0, v.export.Size().Height))
	widget.ShowPopUpMenuAtPosition(menu, c, pos)
}

// exportReport asks where to save the evaluation report, then writes it.
func (v *evalSummaryView) exportReport(f exportFormat) {
	u := v.s.ws.u
	d, sum := v.s.ws.data.Clone(), v.sum
	size := defaultPaper(d.Workshop.Country)
	name := d.Workshop.Code + "-evaluation." + string(f)
	write := func(path string) ([]string, error) {
		run, err := ops.WriteReport(ops.ReportRequest{Kind: ops.ReportEvaluation, Data: d, Evaluation: sum, Format: string(f), Out: path, Paper: size})
		var files []string
		for _, file := range run.Files {
			files = append(files, file.Path)
		}
		return files, err
	}
	if f == formatPDF {
		savePDF(u, name, func(path string) error { _, err := write(path); return err }, nil)
		return
	}
	askSavePath(u, name, "."+string(f), func(path string) {
		var written []string
		runInBackground(u, lang.L("Writing the report…"), func() (err error) {
			written, err = write(path)
			return err
		}, func() {
			dialog.ShowInformation(lang.L("Report saved"), strings.Join(written, "\n"), u.win)
		})
	})
}

// evalItemsLayout lays out the item rows: text, bar, figures, in three
// columns of 45, 30 and 25 per cent.
type evalItemsLayout struct{}

// Layout implements fyne.Layout.
func (l *evalItemsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	pad := theme.Padding()
	w := [3]float32{size.Width * 0.45, size.Width * 0.30, size.Width*0.25 - 2*pad}
	y := float32(0)
	for i := 0; i+2 < len(objs); i += 3 {
		objs[i].Resize(fyne.NewSize(w[0], objs[i].MinSize().Height))
		h := max(objs[i].MinSize().Height, objs[i+2].MinSize().Height)
		objs[i].Move(fyne.NewPos(0, y))
		objs[i].Resize(fyne.NewSize(w[0], h))
		barH := min(h, 22)
		objs[i+1].Move(fyne.NewPos(w[0]+pad, y+(h-barH)/2))
		objs[i+1].Resize(fyne.NewSize(w[1], barH))
		objs[i+2].Move(fyne.NewPos(w[0]+w[1]+2*pad, y))
		objs[i+2].Resize(fyne.NewSize(w[2], h))
		y += h
	}
}

// MinSize implements fyne.Layout: the rows' heights at a nominal width.
func (l *evalItemsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for i := 0; i+2 < len(objs); i += 3 {
		h += max(objs[i].MinSize().Height, objs[i+2].MinSize().Height)
	}
	return fyne.NewSize(600, h)
}

// scaleColours are the five points of a stacked bar, red to green, as in
// the printed report.
var scaleColours = [5]color.NRGBA{
	{0xC0, 0x39, 0x2B, 0xFF}, {0xE6, 0x7E, 0x22, 0xFF}, {0xBD, 0xC3, 0xC7, 0xFF}, {0x7F, 0xB7, 0x7E, 0xFF}, {0x2E, 0x7D, 0x32, 0xFF},
}

// stackedBar is a horizontal bar of the answers 1 to 5, each value's share
// in its colour, the count written in segments wide enough.
type stackedBar struct {
	widget.BaseWidget
	counts []int
}

func newStackedBar(counts []int) *stackedBar {
	b := &stackedBar{counts: counts}
	b.ExtendBaseWidget(b)
	return b
}

// CreateRenderer implements fyne.Widget.
func (b *stackedBar) CreateRenderer() fyne.WidgetRenderer {
	r := &stackedBarRenderer{b: b, track: canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))}
	for i := range b.counts {
		rect := canvas.NewRectangle(scaleColours[i%5])
		text := canvas.NewText(fmt.Sprint(b.counts[i]), color.White)
		text.TextSize = theme.CaptionTextSize()
		text.Alignment = fyne.TextAlignCenter
		r.rects, r.texts = append(r.rects, rect), append(r.texts, text)
	}
	return r
}

type stackedBarRenderer struct {
	b     *stackedBar
	track *canvas.Rectangle
	rects []*canvas.Rectangle
	texts []*canvas.Text
}

func (r *stackedBarRenderer) Layout(size fyne.Size) {
	r.track.Resize(size)
	total := 0
	for _, n := range r.b.counts {
		total += n
	}
	x := float32(0)
	for i, n := range r.b.counts {
		w := float32(0)
		if total > 0 {
			w = size.Width * float32(n) / float32(total)
		}
		r.rects[i].Move(fyne.NewPos(x, 0))
		r.rects[i].Resize(fyne.NewSize(w, size.Height))
		r.texts[i].Move(fyne.NewPos(x, 0))
		r.texts[i].Resize(fyne.NewSize(w, size.Height))
		r.texts[i].Hidden = w < 14 || n == 0
		x += w
	}
}

func (r *stackedBarRenderer) MinSize() fyne.Size { return fyne.NewSize(120, 18) }
func (r *stackedBarRenderer) Refresh()           { r.Layout(r.b.Size()); canvas.Refresh(r.b) }
func (r *stackedBarRenderer) Destroy()           {}
func (r *stackedBarRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.track}
	for i := range r.rects {
		objs = append(objs, r.rects[i], r.texts[i])
	}
	return objs
}

// evaluationPaper is the paper of printed forms: the workshop country's.
func evaluationPaper(country string) pdf.PageSize { return defaultPaper(country) }
