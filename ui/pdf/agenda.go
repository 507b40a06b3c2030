package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// The agenda's columns, in millimetres at A4 width (scaled to Letter).
const (
	agTimeW = 28.0
	agRoomW = 38.0
)

// AgendaPDF writes the programme of d as participants receive it, as a PDF
// to w on portrait A4 or Letter (size), in language (en, fr, es, ar, ru,
// zh; "" for the workshop's language; English when unknown): a heading per
// day ("Day 1 – Thursday 26 November 2026", "Jour 1 – jeudi 26 novembre
// 2026"), then each session of report.Agenda with its times, title, type
// (and whether it is mandatory for a certificate), speakers and room.
// Breaks are shaded. The column headings repeat on every page, with the
// day's heading when a day runs over; "Page x of y" in the footer.
func AgendaPDF(d *store.WorkshopData, w io.Writer, size PageSize, language string, opts ...Option) error {
	r, err := agendaDoc(d, report.Agenda(d), size, language, opts...)
	if err != nil {
		return err
	}
	return r.finish(w)
}

// agendaItem is one session as the agenda draws it.
type agendaItem struct {
	time      string
	title     []string
	meta      []string // type, "mandatory"; speakers
	room      []string
	isBreak   bool
	titleSize float64
}

func agendaDoc(d *store.WorkshopData, t sheet.Table, size PageSize, language string, opts ...Option) (*reportDoc, error) {
	ws := &d.Workshop
	if strings.TrimSpace(language) == "" {
		language = ws.Language
	}
	lang := store.PrintLanguage(language)
	a := agendaWording[lang]
	r, err := newReport(size, Portrait, a.programme+" – "+ws.Title, opts...)
	if err != nil {
		return nil, err
	}
	r.kicker = strings.ToUpper(a.programme)
	r.title = ws.Title
	r.subtitle = venueText(lang, ws)
	if org := strings.TrimSpace(ws.Organiser); org != "" {
		r.subtitle = strings.TrimPrefix(r.subtitle+" · "+org, " · ")
	}
	r.corner = ws.Series
	r.footLeft = ws.Title
	r.page = func(n, of int) string { return fmt.Sprintf(a.page, n, of) }

	typeOf := map[string]store.SessionType{}
	for _, st := range store.SessionTypes {
		typeOf[report.TypeLabel(st)] = st
	}
	scale := r.width / 186
	timeW, roomW := agTimeW*scale, agRoomW*scale
	sessW := r.width - timeW - roomW

	headH := 7.0
	drawHead := func(y float64) {
		r.SetFillColor(headFill.r, headFill.g, headFill.b)
		r.Rect(rpMargin, y, r.width, headH, "F")
		r.SetTextColor(255, 255, 255)
		r.Text(rpMargin+2, y+4.7, a.time, 8, "B")
		r.Text(rpMargin+timeW+2, y+4.7, a.session, 8, "B")
		r.Text(rpMargin+timeW+sessW+2, y+4.7, a.room, 8, "B")
		r.SetTextColor(ink.r, ink.g, ink.b)
	}
	const bandH = 8.5
	drawBand := func(y float64, s string) {
		r.SetFillColor(totalFill.r, totalFill.g, totalFill.b)
		r.Rect(rpMargin, y+1.5, r.width, bandH-1.5, "F")
		r.SetFillColor(headFill.r, headFill.g, headFill.b)
		r.Rect(rpMargin, y+1.5, 1.2, bandH-1.5, "F")
		r.SetTextColor(ink.r, ink.g, ink.b)
		r.TextFit(rpMargin+4, y+6.6, r.width-6, s, 10.5, 8, "B", AlignLeft)
	}
	pageHead := func() {
		y := r.y
		r.op(func() { drawHead(y) })
		r.y += headH
	}
	band := func(s string) {
		y := r.y
		r.op(func() { drawBand(y, s) })
		r.y += bandH
	}

	if len(t.Rows) == 0 {
		pageHead()
		y := r.y
		r.op(func() {
			r.SetTextColor(muted.r, muted.g, muted.b)
			r.Text(rpMargin+2, y+6, a.noSessions, 9, "")
		})
		return r, nil
	}
	pageHead()
	lastDay := -1
	dayTitle := ""
	for _, row := range t.Rows {
		dayN, _ := row[0].(int)
		date, _ := row[1].(store.Date)
		item := r.agendaItem(a, row, typeOf[plainCell(row[5])], sessW-4, roomW-4)
		h := 3.2 + float64(len(item.title))*item.titleSize*ptMM*1.25 + float64(len(item.meta))*7.5*ptMM*1.3 + 1.6
		h = max(h, 3.2+float64(len(item.room))*8.5*ptMM*1.3+1.6, 8.5)
		newDay := dayN != lastDay
		need := h
		if newDay {
			need += bandH
		}
		if r.y+need > r.bottom {
			r.newPage()
			pageHead()
			if !newDay {
				band(dayTitle)
			}
		}
		if newDay {
			lastDay = dayN
			dayTitle = dayHeading(lang, dayN, date)
			band(dayTitle)
		}
		y := r.y
		r.op(func() { r.drawAgendaItem(item, y, h, timeW, sessW) })
		r.y += h
	}
	return r, nil
}

// agendaItem lays out one row of report.Agenda.
func (r *reportDoc) agendaItem(a agendaWords, row []any, typ store.SessionType, sessW, roomW float64) agendaItem {
	it := agendaItem{isBreak: typ == store.Break, titleSize: 9.5}
	it.time = plainCell(row[2]) + "–" + plainCell(row[3])
	style := "B"
	if it.isBreak {
		style, it.titleSize = "", 9
	}
	it.title = r.wrapWords(plainCell(row[4]), sessW, it.titleSize, style)
	if len(it.title) > 3 {
		it.title = append(it.title[:2], strings.Join(it.title[2:], " "))
	}
	if !it.isBreak {
		meta := a.typeText(typ)
		if row[8] == "yes" {
			meta += " · " + a.mandatory
		}
		it.meta = []string{meta}
		if sp := strings.TrimSpace(plainCell(row[6])); sp != "" {
			sl := r.wrapWords(a.speakers+sp, sessW, 7.5, "")
			if len(sl) > 2 {
				sl = append(sl[:1], strings.Join(sl[1:], " "))
			}
			it.meta = append(it.meta, sl...)
		}
	}
	it.room = r.wrapWords(plainCell(row[7]), roomW, 8.5, "")
	if len(it.room) > 2 {
		it.room = append(it.room[:1], strings.Join(it.room[1:], " "))
	}
	return it
}

// drawAgendaItem draws one session at y, h high.
func (r *reportDoc) drawAgendaItem(it agendaItem, y, h, timeW, sessW float64) {
	if it.isBreak {
		r.SetFillColor(zebraFill.r, zebraFill.g, zebraFill.b)
		r.Rect(rpMargin, y, r.width, h, "F")
	}
	r.SetDrawColor(faint.r, faint.g, faint.b)
	r.SetLineWidth(0.12)
	r.Line(rpMargin, y+h, rpMargin+r.width, y+h)
	x := rpMargin
	top := y + 3.2
	colour := ink
	if it.isBreak {
		colour = muted
	}
	r.SetTextColor(colour.r, colour.g, colour.b)
	style := "B"
	if it.isBreak {
		style = ""
	}
	r.TextFit(x+2, top+9*ptMM*0.8, timeW-3, it.time, 9, 7, style, AlignLeft)
	ty := top + it.titleSize*ptMM*0.8
	for _, l := range it.title {
		r.TextFit(x+timeW+2, ty, sessW-4, l, it.titleSize, 6.5, style, AlignLeft)
		ty += it.titleSize * ptMM * 1.25
	}
	r.SetTextColor(muted.r, muted.g, muted.b)
	ty += 7.5*ptMM*1.3 - it.titleSize*ptMM*1.25 + 0.6
	for _, l := range it.meta {
		r.TextFit(x+timeW+2, ty, sessW-4, l, 7.5, 6, "", AlignLeft)
		ty += 7.5 * ptMM * 1.3
	}
	r.SetTextColor(colour.r, colour.g, colour.b)
	ry := top + 8.5*ptMM*0.8
	for _, l := range it.room {
		r.TextFit(x+timeW+sessW+2, ry, r.width-timeW-sessW-4, l, 8.5, 6.5, "", AlignLeft)
		ry += 8.5 * ptMM * 1.3
	}
	r.SetTextColor(ink.r, ink.g, ink.b)
}
