package pdf

import (
	"fmt"
	"io"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// Answer sheets for a test: one per participant, in family-name order,
// each headed by the name, badge code and a QR code of the badge code (to
// scan at the desk when keying the answers in), then the questions with
// boxes to tick and lines to write on. Or, with Booklet, one question
// booklet followed by a one-page answer grid per participant.

// Sheet page geometry, in millimetres.
const (
	qsMargin   = 18.0
	qsTop      = 48.0 // the questions start below the header
	qsContTop  = 26.0 // on continuation pages
	qsBottom   = 18.0 // above the bottom edge
	qsText     = 10.0 // question text, points
	qsLine     = 5.0  // a line of question text
	qsOptionH  = 6.5  // a line of options
	qsBox      = 3.8
	qsWriteH   = 11.0 // a line to write on
	qsQuestGap = 4.5
)

// SheetsRequest is what AnswerSheets prints.
type SheetsRequest struct {
	Workshop     store.Workshop
	Quiz         store.Quiz
	Questions    []store.Question // the test's, in order
	Participants []store.Participant
	Size         PageSize // A4 or Letter
	// Booklet prints one question booklet (in the workshop's language)
	// and a one-page answer grid per participant instead.
	Booklet bool
}

// AnswerSheets writes the answer sheets of a test as a PDF to w.
func AnswerSheets(req SheetsRequest, w io.Writer, opts ...Option) error {
	if req.Size != A4 && req.Size != Letter {
		return fmt.Errorf("pdf: answer sheets are printed on A4 or Letter, not %q", req.Size)
	}
	doc, err := NewDoc(req.Size, Portrait, append([]Option{Title(quizWording["en"].kicker(req.Quiz.Kind) + " – " + req.Workshop.Title)}, opts...)...)
	if err != nil {
		return err
	}
	people := append([]store.Participant(nil), req.Participants...)
	store.SortByFamilyName(people, func(p *store.Participant) *store.Participant { return p })
	s := &sheetDoc{Doc: doc, req: &req, wrapped: map[string][]string{}}
	s.pageW, s.pageH = pageMM(req.Size)
	s.width = s.pageW - 2*qsMargin
	if req.Booklet {
		s.booklet()
		for i := range people {
			s.grid(&people[i])
		}
	} else {
		for i := range people {
			s.sheet(&people[i])
		}
	}
	if len(people) == 0 && !req.Booklet {
		doc.AddPage()
		doc.Text(qsMargin, qsTop, "No participants are registered for this workshop.", 10, "")
	}
	if err := doc.Err(); err != nil {
		return err
	}
	_, err = doc.WriteTo(w)
	return err
}

type sheetDoc struct {
	*Doc
	req                 *SheetsRequest
	pageW, pageH, width float64
	wrapped             map[string][]string // wrapped question texts, by language and text
}

// placed is where a question goes: its page (from 0) and top.
type placed struct {
	page int
	y    float64
}

func (s *sheetDoc) lines(text string, width float64) []string {
	key := fmt.Sprintf("%.1f\x00%s", width, text)
	if l, ok := s.wrapped[key]; ok {
		return l
	}
	l := s.wrap(text, width, qsText, "")
	s.wrapped[key] = l
	return l
}

// questionText is the text of a question as printed: a missing word as a
// blank.
func questionText(w store.QuestionText) string {
	if w.After != "" {
		return w.Text + " ________ " + w.After
	}
	return w.Text
}

// height returns the height of question q in language lang.
func (s *sheetDoc) height(q *store.Question, lang string) float64 {
	w := q.Wording(lang)
	h := float64(len(s.lines(questionText(w), s.width-10)))*qsLine + 1.5
	switch q.Kind {
	case store.TrueFalse:
		h += qsOptionH
	case store.MultipleChoice, store.MultipleAnswer:
		for _, o := range w.Options {
			h += float64(max(1, len(s.lines(o, s.width-20)))) * qsOptionH
		}
	default:
		h += qsWriteH
	}
	return h + qsQuestGap
}

// sheet prints one participant's sheet over as many pages as it needs.
func (s *sheetDoc) sheet(p *store.Participant) {
	lang := sheetLanguage(&s.req.Workshop, p)
	words := quizWording[lang]
	qs := s.req.Questions
	places := make([]placed, len(qs))
	page, y := 0, qsTop+10
	for i := range qs {
		h := s.height(&qs[i], lang)
		if y+h > s.pageH-qsBottom && y > qsContTop+1 {
			page, y = page+1, qsContTop
		}
		places[i] = placed{page, y}
		y += h
	}
	pages := page + 1
	cur := -1
	for i := range qs {
		for cur < places[i].page {
			cur++
			s.AddPage()
			s.sheetHeader(p, words, cur, pages, words.instructions)
		}
		s.question(i+1, &qs[i], lang, words, places[i].y)
	}
	for cur < pages-1 { // no questions at all
		cur++
		s.AddPage()
		s.sheetHeader(p, words, cur, pages, words.instructions)
	}
}

// sheetHeader draws the header of a participant's page; note is the line
// of instructions under it on the first page.
func (s *sheetDoc) sheetHeader(p *store.Participant, words quizWords, page, pages int, note string) {
	x := qsMargin
	name := p.FamilyNames
	if p.GivenNames != "" {
		name = strings.TrimPrefix(name+", "+p.GivenNames, ", ")
	}
	s.SetTextColor(muted.r, muted.g, muted.b)
	s.TextRight(x+s.width, s.pageH-9, fmt.Sprintf(words.page, page+1, pages), 8, "")
	if page > 0 {
		s.Text(x, 14, words.kicker(s.req.Quiz.Kind)+" · "+words.continuation, 7.5, "B")
		s.SetTextColor(ink.r, ink.g, ink.b)
		s.TextFit(x, 20, s.width-40, name, 11, 8, "B", AlignLeft)
		s.TextRight(x+s.width, 20, p.BadgeCode, 11, "B")
		s.rule(23)
		return
	}
	s.Text(x, 16, words.kicker(s.req.Quiz.Kind), 8, "B")
	s.SetTextColor(ink.r, ink.g, ink.b)
	s.TextFit(x, 23, s.width-32, cmpTitle(s.req), 13, 9, "B", AlignLeft)
	s.SetTextColor(muted.r, muted.g, muted.b)
	s.Text(x, 30.5, strings.ToUpper(words.name), 6.5, "B")
	s.Text(x+s.width-60, 30.5, strings.ToUpper(words.badge), 6.5, "B")
	s.SetTextColor(ink.r, ink.g, ink.b)
	s.TextFit(x, 37, s.width-66, name, 14, 9, "B", AlignLeft)
	if native := strings.TrimSpace(p.NativeName); native != "" && native != p.FullName() {
		s.SetTextColor(muted.r, muted.g, muted.b)
		s.TextFit(x, 42.5, s.width-66, native, 10, 7, "", AlignLeft)
		s.SetTextColor(ink.r, ink.g, ink.b)
	}
	s.Text(x+s.width-60, 37, p.BadgeCode, 14, "B")
	s.QR(x+s.width-22, 10, 22, p.BadgeCode)
	s.rule(qsTop - 3)
	lines, size := s.wrapFit(note, s.width, 8.5, 7, "", 2)
	s.SetTextColor(muted.r, muted.g, muted.b)
	for i, l := range lines {
		s.Text(x, qsTop+2+float64(i)*size*ptMM*1.3, l, size, "")
	}
	s.SetTextColor(ink.r, ink.g, ink.b)
}

func cmpTitle(req *SheetsRequest) string {
	if req.Quiz.Title != "" {
		return req.Workshop.Title + " – " + req.Quiz.Title
	}
	return req.Workshop.Title
}

func (s *sheetDoc) rule(y float64) {
	s.SetDrawColor(faint.r, faint.g, faint.b)
	s.SetLineWidth(0.25)
	s.Line(qsMargin, y, qsMargin+s.width, y)
}

func (s *sheetDoc) box(x, y float64) {
	s.SetDrawColor(ink.r, ink.g, ink.b)
	s.SetLineWidth(0.3)
	s.Rect(x, y-qsBox+0.6, qsBox, qsBox, "D")
}

// question draws question n at y.
func (s *sheetDoc) question(n int, q *store.Question, lang string, words quizWords, y float64) {
	x := qsMargin
	w := q.Wording(lang)
	s.SetTextColor(ink.r, ink.g, ink.b)
	s.TextRight(x+6, y+qsLine-1, fmt.Sprintf("%d.", n), qsText, "B")
	for i, l := range s.lines(questionText(w), s.width-10) {
		s.Text(x+9, y+qsLine-1+float64(i)*qsLine, l, qsText, "")
	}
	y += float64(len(s.lines(questionText(w), s.width-10)))*qsLine + 1.5
	hint := func(t string) {
		s.SetTextColor(muted.r, muted.g, muted.b)
		s.TextRight(x+s.width, y-2, t, 7, "")
		s.SetTextColor(ink.r, ink.g, ink.b)
	}
	switch q.Kind {
	case store.TrueFalse:
		s.box(x+9, y+qsOptionH-2)
		s.Text(x+9+qsBox+2, y+qsOptionH-2, words.trueWord, qsText, "")
		s.box(x+55, y+qsOptionH-2)
		s.Text(x+55+qsBox+2, y+qsOptionH-2, words.falseWord, qsText, "")
	case store.MultipleChoice, store.MultipleAnswer:
		if q.Kind == store.MultipleAnswer {
			hint(words.several)
		}
		for i, o := range w.Options {
			s.box(x+9, y+qsOptionH-2)
			s.Text(x+9+qsBox+2, y+qsOptionH-2, store.Letter(i), qsText, "B")
			ls := s.lines(o, s.width-20)
			for k, l := range ls {
				s.Text(x+20, y+qsOptionH-2+float64(k)*qsOptionH, l, qsText, "")
			}
			y += float64(max(1, len(ls))) * qsOptionH
		}
	default:
		t := words.short
		if q.Kind == store.Numeric {
			t = words.number
		}
		hint(t)
		s.SetDrawColor(muted.r, muted.g, muted.b)
		s.SetLineWidth(0.3)
		s.Line(x+9, y+qsWriteH-3, x+s.width, y+qsWriteH-3)
	}
}

// booklet prints the questions once, in the workshop's language, without
// a name.
func (s *sheetDoc) booklet() {
	ws := &s.req.Workshop
	lang := sheetLanguage(ws, &store.Participant{})
	words := quizWording[lang]
	qs := s.req.Questions
	places := make([]placed, len(qs))
	page, y := 0, qsTop-12
	for i := range qs {
		h := s.height(&qs[i], lang)
		if y+h > s.pageH-qsBottom && y > qsContTop+1 {
			page, y = page+1, qsContTop
		}
		places[i] = placed{page, y}
		y += h
	}
	pages, cur := page+1, -1
	header := func(n int) {
		s.AddPage()
		s.SetTextColor(muted.r, muted.g, muted.b)
		s.Text(qsMargin, 16, words.booklet+" · "+words.kicker(s.req.Quiz.Kind), 8, "B")
		s.TextRight(qsMargin+s.width, s.pageH-9, fmt.Sprintf(words.page, n+1, pages), 8, "")
		s.SetTextColor(ink.r, ink.g, ink.b)
		if n == 0 {
			s.TextFit(qsMargin, 23, s.width, cmpTitle(s.req), 13, 9, "B", AlignLeft)
			s.rule(qsTop - 18)
		} else {
			s.rule(qsContTop - 4)
		}
	}
	for i := range qs {
		for cur < places[i].page {
			cur++
			header(cur)
		}
		s.question(i+1, &qs[i], lang, words, places[i].y)
	}
	if cur < 0 {
		header(0)
	}
}

// grid prints one participant's answer grid on one page: a row per
// question with its boxes (T F, or A B C…) or a line, in two columns when
// the questions are many.
func (s *sheetDoc) grid(p *store.Participant) {
	lang := sheetLanguage(&s.req.Workshop, p)
	words := quizWording[lang]
	s.AddPage()
	s.sheetHeader(p, words, 0, 1, words.grid+" · "+words.gridNote)
	qs := s.req.Questions
	top := qsTop + 10
	rowH := 8.0
	perCol := int((s.pageH - qsBottom - top) / rowH)
	cols := 1
	if len(qs) > perCol {
		cols = 2
		if len(qs) > 2*perCol {
			rowH = (s.pageH - qsBottom - top) / float64((len(qs)+1)/2)
			perCol = (len(qs) + 1) / 2
		}
	}
	colW := s.width / float64(cols)
	for i := range qs {
		c, r := i/perCol, i%perCol
		x, y := qsMargin+float64(c)*colW, top+float64(r)*rowH+rowH-2.5
		s.TextRight(x+8, y, fmt.Sprintf("%d", i+1), 10, "B")
		switch qs[i].Kind {
		case store.TrueFalse:
			s.box(x+12, y)
			s.Text(x+12+qsBox+1.5, y, words.trueWord, 9, "")
			s.box(x+42, y)
			s.Text(x+42+qsBox+1.5, y, words.falseWord, 9, "")
		case store.MultipleChoice, store.MultipleAnswer:
			for k := range qs[i].Options {
				bx := x + 12 + float64(k)*11
				s.box(bx, y)
				s.Text(bx+qsBox+1.2, y, store.Letter(k), 9, "B")
			}
		default:
			s.SetDrawColor(muted.r, muted.g, muted.b)
			s.SetLineWidth(0.3)
			s.Line(x+12, y+0.8, x+colW-4, y+0.8)
		}
	}
}
