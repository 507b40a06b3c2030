package ui

import (
	"errors"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// This file holds the print run of the Certificates section: it asks about
// the problems the checks of ops.IssueCertificates find, asks where to
// write, runs it in the background and says what it did.

// eligiblePeople returns the rows of everyone eligible, in print order.
func (s *certificatesSection) eligiblePeople() []int {
	var out []int
	for _, i := range s.order {
		if s.rows[i].Eligible {
			out = append(out, i)
		}
	}
	return out
}

// printEligible checks every certificate, asks where to write, and prints
// the certificates of everyone eligible.
func (s *certificatesSection) printEligible() {
	s.reload() // decide at this moment
	s.provisional = false
	people := s.eligiblePeople()
	if len(people) == 0 {
		dialog.ShowInformation(lang.L("No certificates to print"), lang.L("Nobody is eligible yet."), s.ws.u.win)
		return
	}
	s.checkFirst(people, func() { s.chooseOutput(people, s.outputChoice()) })
}

// reprint prints row i's certificate again, under the same number.
func (s *certificatesSection) reprint(i int) {
	s.provisional = false
	s.checkFirst([]int{i}, func() { s.chooseOutput([]int{i}, outputCombined) })
}

// request is the print run of rows, writing to path and dir, with what
// the user allowed.
func (s *certificatesSection) request(rows []int, path, dir string) ops.CertificateRequest {
	ids := make([]uuid.UUID, len(rows))
	for k, i := range rows {
		ids[k] = s.participant(i).ID
	}
	return ops.CertificateRequest{Workshop: s.ws.data.Workshop.ID, People: ids, Sort: s.sortBy, Out: path, Dir: dir,
		AllowMissingGlyphs: s.allowGlyphs, AllowLostLetters: s.allowLost, Now: s.ws.u.now(), Provisional: s.provisional}
}

// checkFirst runs the checks of the print run of rows and asks about what
// they find, one question at a time: names that cannot be printed as they
// stand stop the run; names with a lost letter and characters no font can
// draw may be printed anyway. then runs once everything is answered.
func (s *certificatesSection) checkFirst(rows []int, then func()) {
	s.allowGlyphs, s.allowLost = false, false
	var ask func()
	ask = func() {
		err := ops.CheckCertificates(s.ws.u.st, s.request(rows, "", ""))
		var failed *ops.CheckFailed
		switch {
		case errors.As(err, &failed) && len(failed.Names) > 0:
			s.ws.u.showError(err)
		case errors.As(err, &failed) && len(failed.LostLetters) > 0:
			s.askLostLetters(failed.LostLetters, func() { s.allowLost = true; ask() })
		case errors.As(err, &failed):
			s.showGlyphs(failed.Glyphs, func() { s.allowGlyphs = true; ask() })
		case err != nil:
			s.ws.u.showError(err)
		default:
			then()
		}
	}
	ask()
}

// askLostLetters names the people whose names still hold a "?" standing
// for a letter lost to an 8-bit export, and runs then if the user prints
// anyway.
func (s *certificatesSection) askLostLetters(list []ops.LostLetterName, then func()) {
	s.lostLetters = askLostLetters(s.ws.u, list, then)
}

// glyphDialog lists the names some characters of which no font can draw.
type glyphDialog struct {
	dialog   *dialog.CustomDialog
	lines    []string
	fix, any *widget.Button
}

// showGlyphs lists the characters no font can draw, and runs then if the
// user prints anyway.
func (s *certificatesSection) showGlyphs(problems []pdf.GlyphProblem, then func()) {
	g := &glyphDialog{}
	list := container.NewVBox()
	for _, p := range problems {
		line := glyphProblemText(p)
		g.lines = append(g.lines, line)
		l := widget.NewLabel(line)
		l.Wrapping = fyne.TextWrapWord
		list.Add(l)
	}
	intro := widget.NewLabel(lang.L("No font of Workshop Desk can draw these characters: they would print as empty boxes. Correct the names (or their spelling in Latin letters), or print anyway."))
	intro.Wrapping = fyne.TextWrapWord
	g.dialog = dialog.NewCustomWithoutButtons(lang.L("Characters that cannot be printed"),
		container.NewBorder(intro, nil, nil, nil, container.NewVScroll(list)), s.ws.u.win)
	g.fix = widget.NewButton(lang.L("Fix names"), g.dialog.Hide)
	g.any = widget.NewButton(lang.L("Print anyway"), func() {
		g.dialog.Hide()
		then()
	})
	g.any.Importance = widget.DangerImportance
	g.dialog.SetButtons([]fyne.CanvasObject{g.fix, g.any})
	g.dialog.Resize(fyne.NewSize(640, 420))
	g.dialog.Show()
	s.glyphs = g
}

// runeList shows characters as "ส U+0E2A, ม U+0E21".
func runeList(rs []rune) string {
	parts := make([]string, len(rs))
	for i, r := range rs {
		parts[i] = fmt.Sprintf("%c %U", r, r)
	}
	return strings.Join(parts, ", ")
}

// chooseOutput asks where to write the certificates of rows, then prints.
func (s *certificatesSection) chooseOutput(rows []int, output int) {
	name := s.ws.data.Workshop.Code + "-certificates.pdf"
	if len(rows) == 1 {
		p := s.participant(rows[0])
		name = pdf.SafeFileName(s.ws.data.Workshop.Code+" certificate "+p.FamilyNames+" "+p.GivenNames) + ".pdf"
	}
	askFolder := func(path string) {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err != nil {
				s.ws.u.showError(err)
				return
			}
			if dir != nil {
				s.printTo(rows, path, dir.Path(), nil)
			}
		}, s.ws.u.win)
		startInDocuments(s.ws.u.app, d)
		d.Resize(fyne.NewSize(900, 600))
		d.Show()
	}
	if output == outputFolder {
		askFolder("")
		return
	}
	askSavePath(s.ws.u, name, ".pdf", func(path string) {
		if output == outputBoth {
			askFolder(path)
			return
		}
		s.printTo(rows, path, "", nil)
	})
}

// printRun is what one print run did.
type printRun struct {
	issued, fresh, reprints int
	provisional             int      // issued or kept as provisional
	path                    string   // the combined PDF, if written
	dir                     string   // the folder of single PDFs, if written
	files                   []string // the single PDFs
}

// summary says what was issued and where the files are.
func (r printRun) summary() string {
	var b strings.Builder
	b.WriteString(fmt.Sprintf(lang.L("Issued %d certificates: %d new numbers, %d reprints."), r.issued, r.fresh, r.reprints))
	if r.provisional > 0 {
		b.WriteString("\n" + fmt.Sprintf(lang.L("%d of them provisional: confirmed when the remaining sessions are marked and they qualify."), r.provisional))
	}
	if r.path != "" {
		b.WriteString("\n" + lang.L("For the printer:") + " " + r.path)
	}
	if r.dir != "" {
		b.WriteString("\n" + fmt.Sprintf(lang.L("One PDF per participant (%d files) in:"), len(r.files)) + " " + r.dir)
	}
	return b.String()
}

// printTo runs ops.IssueCertificates for rows in the background: the
// combined PDF at path and the single ones in dir (either may be empty).
// Then it shows what was done; done, if set, is called with it last, once
// the screen is up to date.
func (s *certificatesSection) printTo(rows []int, path, dir string, done func(printRun, error)) {
	bar := widget.NewProgressBarInfinite()
	msg := widget.NewLabel(fmt.Sprintf(lang.L("Issuing and writing %d certificates…"), len(rows)))
	wait := dialog.NewCustomWithoutButtons(lang.L("Printing certificates"), container.NewVBox(msg, bar), s.ws.u.win)
	wait.Show()
	st, req := s.ws.u.st, s.request(rows, path, dir)
	go func() {
		r, err := ops.IssueCertificates(st, req)
		run := printRun{issued: len(r.Certificates), fresh: r.New, reprints: r.Reprints, provisional: r.Provisional,
			path: r.Path, dir: r.Dir, files: r.Files}
		fyne.Do(func() {
			wait.Hide()
			s.reload()
			if err != nil {
				s.ws.u.showError(err)
			} else {
				s.showSummary(run)
			}
			if done != nil {
				done(run, err)
			}
		})
	}()
}

// showSummary says what a print run did and offers to open the files.
func (s *certificatesSection) showSummary(run printRun) {
	s.lastSummary = run.summary()
	text := widget.NewLabel(s.lastSummary)
	text.Wrapping = fyne.TextWrapBreak
	d := dialog.NewCustomWithoutButtons(lang.L("Certificates printed"), text, s.ws.u.win)
	open := func(path string) func() {
		return func() {
			openFile(s.ws.u, path)
		}
	}
	var buttons []fyne.CanvasObject
	if run.path != "" {
		buttons = append(buttons, widget.NewButton(lang.L("Open"), open(run.path)))
	}
	if run.dir != "" {
		buttons = append(buttons, widget.NewButton(lang.L("Open folder"), open(run.dir)))
	}
	closeBtn := widget.NewButton(lang.L("Close"), d.Hide)
	closeBtn.Importance = widget.HighImportance
	d.SetButtons(append(buttons, closeBtn))
	d.Resize(fyne.NewSize(620, 260))
	d.Show()
}

// previewRow is the row Preview shows: the one selected, else the first
// eligible, else the first.
func (s *certificatesSection) previewRow() int {
	if s.selected >= 0 && s.selected < len(s.order) {
		return s.order[s.selected]
	}
	if e := s.eligiblePeople(); len(e) > 0 {
		return e[0]
	}
	if len(s.order) > 0 {
		return s.order[0]
	}
	return -1
}

// showPreview writes the preview of one certificate with the current
// design (ops.PreviewCertificate: marked as a preview, no number, nothing
// issued) and shows it.
func (s *certificatesSection) showPreview() {
	i := s.previewRow()
	if i < 0 {
		return
	}
	path, err := s.writePreview(i)
	if err != nil {
		s.ws.u.showError(err)
		return
	}
	showPreviewFile(s.ws.u, path)
}

// writePreview writes the preview of row i to a temporary file.
func (s *certificatesSection) writePreview(i int) (string, error) {
	return ops.PreviewCertificate(s.ws.u.st, s.ws.data.Workshop.ID, s.participant(i).ID, s.ws.u.now())
}

// glyphProblemText is one line of the glyph check: whose text (or the
// text every certificate shares), which field, and which characters, each
// with its code point.
func glyphProblemText(p pdf.GlyphProblem) string {
	who := p.Name
	if p.Index < 0 || who == "" {
		who = lang.L("Every certificate")
	}
	return fmt.Sprintf("%s – %s “%s”: %s", who, lang.L(p.Field), p.Text, runeList(p.Runes))
}
