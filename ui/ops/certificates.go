package ops

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// CertificateSorts are the orders of a certificate run, as
// pdf.SortCertificates names them.
var CertificateSorts = []string{"family", "country", "organisation"}

// CertificateRequest is what a certificate run prints.
type CertificateRequest struct {
	Workshop uuid.UUID
	// People are the participants to print for; nil means everyone
	// eligible at Now. Each must be eligible, or hold a certificate that
	// is not voided (a reprint, under the same number).
	People []uuid.UUID
	// Sort is the order of the pages and of new numbers: one of
	// CertificateSorts; "" is "family".
	Sort string
	// Out is the PDF of every certificate, for the printer; Dir the folder
	// of one PDF per participant. Either may be empty, not both.
	Out, Dir string
	// AllowMissingGlyphs prints names with characters no font can draw
	// (as empty boxes); AllowLostLetters prints names that still hold a
	// "?" standing for a letter lost to an 8-bit export.
	AllowMissingGlyphs, AllowLostLetters bool
	// Now is the moment eligibility is decided and certificates issued.
	Now time.Time
	// Provisional prints also for those on track ("print for everyone on
	// track"): not eligible yet, but eligible if they attend the sessions
	// still to come. Their certificates are issued as provisional in the
	// register (the paper is the same) and confirmed by
	// store.SettleProvisional once they qualify.
	Provisional bool
}

// IssuedCertificate is one certificate of a run.
type IssuedCertificate struct {
	Participant  store.Participant
	Number, Code string
	QR           string // the signed text of its QR code
	Kind         store.CertificateKind
	New          bool // a new number; false for a reprint
	Provisional  bool // issued as provisional: on track, not eligible yet
}

// CertificateRun is what a certificate run did.
type CertificateRun struct {
	Workshop     store.Workshop
	Certificates []IssuedCertificate // in print order
	New          int                 // new numbers
	Reprints     int
	Provisional  int // certificates issued or kept as provisional
	// Settled is what the run found of the provisional certificates
	// issued before: confirmed now, or to withdraw.
	Settled store.Settlement
	Path    string   // the combined PDF, if written
	Dir     string   // the folder of single PDFs, if written
	Files   []string // the single PDFs
	// The problems allowed by the request, printed anyway.
	GlyphProblems []pdf.GlyphProblem
	LostLetters   []LostLetterName
}

// LostLetterName is a participant whose name still holds a lost letter.
type LostLetterName struct {
	Participant store.Participant
	Fields      []string // "given_names", "family_name", "native_name"
}

// NameProblem is a certificate that cannot be signed as it stands (a name
// too long for the QR code, for instance).
type NameProblem struct {
	Participant store.Participant
	Err         error
}

// CheckFailed is a run stopped by its checks, before anything was issued
// or written.
type CheckFailed struct {
	Glyphs      []pdf.GlyphProblem // characters no font can draw (not allowed)
	LostLetters []LostLetterName   // names with lost letters (not allowed)
	Names       []NameProblem      // certificates that cannot be signed
}

func (e *CheckFailed) Error() string {
	var parts []string
	if n := len(e.Names); n > 0 {
		names := make([]string, n)
		for i, p := range e.Names {
			names[i] = fmt.Sprintf("%s (%v)", p.Participant.FullName(), p.Err)
		}
		parts = append(parts, "cannot be printed as they stand: "+strings.Join(names, "; "))
	}
	if n := len(e.LostLetters); n > 0 {
		parts = append(parts, "names with a lost letter (\"?\"): "+LostLetterList(e.LostLetters))
	}
	if n := len(e.Glyphs); n > 0 {
		parts = append(parts, fmt.Sprintf("%d texts with characters that no font can draw", n))
	}
	return strings.Join(parts, "; ") + "; nothing was issued"
}

// LostLetterList names the people, "Ş?ule Ça?lar, J?rg Müller".
func LostLetterList(list []LostLetterName) string {
	names := make([]string, len(list))
	for i, l := range list {
		names[i] = strings.TrimSpace(l.Participant.FullName() + " " + l.Participant.NativeName)
	}
	return strings.Join(names, ", ")
}

// ErrNobodyEligible is the failure of a run for everyone eligible when
// nobody is.
var ErrNobodyEligible = errors.New("nobody is eligible for a certificate yet")

// certPlan is a run chosen and ordered, before anything is issued.
type certPlan struct {
	d      *store.WorkshopData
	now    time.Time
	people []store.Participant
	rows   []store.EligibilityRow
	live   []*store.CertificateIssue // each one's certificate, nil when none or voided
	images map[string][]byte
}

// planCertificates loads the workshop, decides eligibility at req.Now,
// chooses whom to print for and puts them in print order.
func planCertificates(st *store.Store, req CertificateRequest) (*certPlan, error) {
	d, err := st.LoadWorkshop(req.Workshop)
	if err != nil {
		return nil, fmt.Errorf("read the workshop: %w", err)
	}
	ov, err := st.Overrides(req.Workshop)
	if err != nil {
		return nil, fmt.Errorf("read the certificate decisions: %w", err)
	}
	p := &certPlan{d: d, now: req.Now}
	rows := store.Eligibility(d, ov, req.Now)
	qd, err := st.LoadQuizData(req.Workshop)
	if err != nil {
		return nil, fmt.Errorf("read the tests: %w", err)
	}
	store.ApplyCompletion(rows, store.LearningOf(d.Participants, qd)) // the post-test rule, when set
	chosen, err := p.choose(st, rows, req)
	if err != nil {
		return nil, err
	}
	people := make([]store.Participant, len(chosen))
	for k, i := range chosen {
		people[k] = d.Participants[i]
	}
	// New numbers are given in the order the pages come out.
	for _, k := range pdf.CertificateOrder(people, sortOf(req.Sort)) {
		i := chosen[k]
		p.people = append(p.people, d.Participants[i])
		p.rows = append(p.rows, rows[i])
	}
	p.live = make([]*store.CertificateIssue, len(p.people))
	for k, person := range p.people {
		if c, err := st.CertificateOf(person.ID); err == nil && !c.Voided() {
			p.live[k] = &c
		}
	}
	if p.images, err = templateImages(st, d.Workshop.Certificate); err != nil {
		return nil, err
	}
	return p, nil
}

// sortOf is the order asked for, "family" by default.
func sortOf(by string) string {
	if by == "" {
		return CertificateSorts[0]
	}
	return by
}

// choose returns the positions of the people to print for, in
// registration order.
func (p *certPlan) choose(st *store.Store, rows []store.EligibilityRow, req CertificateRequest) ([]int, error) {
	var out []int
	if req.People == nil {
		for i, r := range rows {
			if r.Eligible || (req.Provisional && onTrack(r)) {
				out = append(out, i)
			}
		}
		if len(out) == 0 {
			return nil, fmt.Errorf("%s: %w", p.d.Workshop.Code, ErrNobodyEligible)
		}
		return out, nil
	}
	pos := make(map[uuid.UUID]int, len(p.d.Participants))
	for i, person := range p.d.Participants {
		pos[person.ID] = i
	}
	seen := map[int]bool{}
	var refused []string
	for _, id := range req.People {
		i, ok := pos[id]
		switch {
		case !ok:
			return nil, fmt.Errorf("participant %s is not one of %s; nothing was issued", id, p.d.Workshop.Code)
		case seen[i]:
			continue
		case !rows[i].Eligible && !(req.Provisional && onTrack(rows[i])):
			if c, err := st.CertificateOf(id); err != nil || c.Voided() {
				refused = append(refused, fmt.Sprintf("%s (%s)", p.d.Participants[i].FullName(), rows[i].Reason))
				continue
			}
		}
		seen[i] = true
		out = append(out, i)
	}
	if len(refused) > 0 {
		return nil, fmt.Errorf("not eligible: %s; grant a certificate by hand in the app first. Nothing was issued", strings.Join(refused, "; "))
	}
	return out, nil
}

// onTrack reports whether r is not eligible yet but would be by attending
// the sessions still to come: on track or at risk.
func onTrack(r store.EligibilityRow) bool {
	s := r.Standing()
	return !r.Eligible && (s == store.StandingOnTrack || s == store.StandingAtRisk)
}

// draft is the run's job before numbers are issued: the live
// certificates' numbers and codes, none for the new ones.
func (p *certPlan) draft() pdf.CertificateJob {
	job := certificateJob(p.d.Workshop, p.now, p.images)
	for k := range p.people {
		c := store.CertificateIssue{Kind: p.rows[k].Kind}
		if p.live[k] != nil {
			c = *p.live[k]
		}
		job.Certificates = append(job.Certificates, certificateInput(p.people[k], p.rows[k], c, "", c.Code))
	}
	return job
}

// check runs every check of the run: output paths, glyphs, lost letters
// and what the QR code must hold. Allowed problems come back in run.
func (p *certPlan) check(req CertificateRequest, run *CertificateRun) error {
	if req.Out != "" {
		if err := store.CheckWriteTarget(req.Out); err != nil {
			return err
		}
	}
	if req.Dir != "" {
		if info, err := os.Stat(req.Dir); err == nil && !info.IsDir() {
			return fmt.Errorf("write into %s: it is not a folder", req.Dir)
		}
	}
	failed := &CheckFailed{}
	glyphs := pdf.CertificateGlyphProblems(p.draft())
	if req.AllowMissingGlyphs {
		run.GlyphProblems = glyphs
	} else {
		failed.Glyphs = glyphs
	}
	lost := LostLetterNames(p.people)
	if req.AllowLostLetters {
		run.LostLetters = lost
	} else {
		failed.LostLetters = lost
	}
	// The numbers to come are at most this long.
	w := p.d.Workshop
	longest := store.CertificateNumber(w.Code, len(p.d.Participants)+len(p.people)+1)
	for k := range p.people {
		c := store.CertificateIssue{Number: longest, IssuedAt: p.now, Kind: p.rows[k].Kind}
		if p.live[k] != nil {
			c = *p.live[k]
		}
		f := store.NewCertificateFields(&w, &p.people[k], &c, attendedText(p.rows[k], c))
		if err := store.CheckCertificateFields(f); err != nil {
			failed.Names = append(failed.Names, NameProblem{p.people[k], err})
		}
	}
	if len(failed.Glyphs)+len(failed.LostLetters)+len(failed.Names) > 0 {
		return failed
	}
	return nil
}

// LostLetterNames lists the people whose names still hold a lost letter
// (store.HasLostLetter).
func LostLetterNames(people []store.Participant) []LostLetterName {
	var out []LostLetterName
	for i := range people {
		if f := people[i].LostLetterFields(); f != nil {
			out = append(out, LostLetterName{people[i], f})
		}
	}
	return out
}

// CheckCertificates makes the checks of IssueCertificates, issuing
// nothing: nil when the run would go ahead, a *CheckFailed naming the
// problems the request does not allow, or another error (nobody eligible,
// an output that cannot be written).
func CheckCertificates(st *store.Store, req CertificateRequest) error {
	p, err := planCertificates(st, req)
	if err != nil {
		return err
	}
	return p.check(req, &CertificateRun{})
}

// IssueCertificates runs a certificate run: it decides eligibility at
// req.Now, chooses whom to print for, checks every certificate, and only
// then issues (a new number to each one without a live certificate, a
// reprint to the others), signs, renders and writes them. When a check
// fails, nothing is issued and the error is a *CheckFailed. It is
// PrepareCertificates, then Write.
func IssueCertificates(st *store.Store, req CertificateRequest) (CertificateRun, error) {
	issued, err := PrepareCertificates(st, req)
	if err != nil {
		return issued.run, err
	}
	return issued.Write()
}

// IssuedRun is a certificate run issued and signed, not yet written.
type IssuedRun struct {
	req CertificateRequest
	job pdf.CertificateJob
	run CertificateRun
}

// PrepareCertificates is the part of IssueCertificates that needs the
// data file: the checks, then issuing and signing. The command line
// closes the file before the PDFs are written, so that it is not held
// while they are made.
func PrepareCertificates(st *store.Store, req CertificateRequest) (*IssuedRun, error) {
	issued := &IssuedRun{req: req}
	settled, err := st.SettleProvisional(req.Workshop, req.Now)
	if err != nil {
		return issued, err
	}
	issued.run.Settled = settled
	p, err := planCertificates(st, req)
	if err != nil {
		return issued, err
	}
	run := &issued.run
	run.Workshop = p.d.Workshop
	if req.Out == "" && req.Dir == "" {
		return issued, errors.New("certificates: give a PDF file, a folder or both")
	}
	if err := p.check(req, run); err != nil {
		return issued, err
	}
	ids := make([]uuid.UUID, len(p.people))
	prov := make([]bool, len(p.people))
	for k, person := range p.people {
		ids[k], prov[k] = person.ID, !p.rows[k].Eligible
	}
	recs, err := st.IssueProvisional(ids, prov, p.now)
	if err != nil {
		return issued, fmt.Errorf("certificates not issued: %w", err)
	}
	w := p.d.Workshop
	job := certificateJob(w, p.now, p.images)
	for k, rec := range recs {
		fields := store.NewCertificateFields(&w, &p.people[k], &rec, attendedText(p.rows[k], rec))
		qr, code, err := st.Sign(rec, fields)
		if err != nil {
			return issued, fmt.Errorf("%s: %w", p.people[k].FullName(), err)
		}
		// With a verification address the QR code opens the page with
		// any phone (store.QRWithURL).
		printed := store.QRWithURL(w.Certificate.VerifyURL, qr)
		job.Certificates = append(job.Certificates, certificateInput(p.people[k], p.rows[k], rec, printed, code))
		fresh := p.live[k] == nil
		run.Certificates = append(run.Certificates, IssuedCertificate{Participant: p.people[k], Number: rec.Number,
			Code: code, QR: qr, Kind: kindOf(p.rows[k], rec), New: fresh, Provisional: rec.Provisional})
		if rec.Provisional {
			run.Provisional++
		}
		if fresh {
			run.New++
		} else {
			run.Reprints++
		}
	}
	pdf.SortCertificates(job.Certificates, sortOf(req.Sort))
	order := make(map[string]int, len(job.Certificates))
	for i, in := range job.Certificates {
		order[in.Number] = i
	}
	sorted := make([]IssuedCertificate, len(run.Certificates))
	for _, c := range run.Certificates {
		sorted[order[c.Number]] = c
	}
	run.Certificates = sorted
	issued.job = job
	return issued, nil
}

// Write renders and writes the certificates issued: the combined PDF and
// the folder of single ones the request asked for. It needs no data file.
func (issued *IssuedRun) Write() (CertificateRun, error) {
	run, req, job := issued.run, issued.req, issued.job
	if req.Out != "" {
		if err := writeRendered(req.Out, func(b *bytes.Buffer) error { return pdf.Certificates(job, b) }); err != nil {
			return run, fmt.Errorf("the certificates were issued but the PDF was not written: %w", err)
		}
		run.Path = req.Out
	}
	if req.Dir != "" {
		run.Dir = req.Dir
		var err error
		if run.Files, err = pdf.CertificateFiles(job, req.Dir); err != nil {
			return run, fmt.Errorf("the certificates were issued but not every file was written: %w", err)
		}
	}
	return run, nil
}

// certificateJob is the one place a print job of certificates is made.
func certificateJob(w store.Workshop, now time.Time, images map[string][]byte) pdf.CertificateJob {
	return pdf.CertificateJob{Workshop: w, Template: w.Certificate, Created: now, Images: images}
}

// kindOf is the wording of a certificate: fixed at its first issue.
func kindOf(r store.EligibilityRow, c store.CertificateIssue) store.CertificateKind {
	if c.Kind != "" {
		return c.Kind
	}
	return r.Kind
}

// attendedText is what a certificate states about attendance: the numbers
// for attendance, the role for appreciation.
func attendedText(r store.EligibilityRow, c store.CertificateIssue) string {
	if kindOf(r, c) == store.KindAppreciation {
		return strings.ToLower(store.Label(r.Role))
	}
	return r.Attended
}

// certificateInput is one certificate of a print job.
func certificateInput(p store.Participant, r store.EligibilityRow, c store.CertificateIssue, qr, code string) pdf.CertificateInput {
	return pdf.CertificateInput{Participant: p, Number: c.Number, QR: qr, Code: code,
		SessionsAttended: r.Stats.Attended, SessionsTotal: r.Stats.Applicable, Hours: r.Stats.AttendedTime.Hours(),
		Appreciation: kindOf(r, c) == store.KindAppreciation, Completion: kindOf(r, c) == store.KindCompletion}
}

// templateImages reads the logos and signatures of a template.
func templateImages(st *store.Store, t store.CertificateTemplate) (map[string][]byte, error) {
	ids := append([]string(nil), t.Logos...)
	for _, sg := range t.Signatories {
		if sg.Signature != "" {
			ids = append(ids, sg.Signature)
		}
	}
	if len(ids) == 0 {
		return map[string][]byte{}, nil
	}
	images, err := st.Images(ids...)
	if err != nil {
		return nil, fmt.Errorf("the images of the certificate design: %w", err)
	}
	return images, nil
}

// writeRendered renders a file in memory, then writes it atomically: a
// rendering that fails never touches the file.
func writeRendered(path string, render func(*bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		return err
	}
	return store.WriteFileAtomic(path, func(w io.Writer) error {
		_, err := w.Write(buf.Bytes())
		return err
	})
}
