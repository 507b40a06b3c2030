package ops

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// BadgeRequest is what a badge run prints.
type BadgeRequest struct {
	Data   *store.WorkshopData
	People []store.Participant // in print order
	Layout pdf.BadgeLayout
	Out    string
	// AllowLostLetters prints names that still hold a "?" standing for a
	// lost letter.
	AllowLostLetters bool
	// Language is the language to print in (store.CertificateLanguages);
	// "" is the workshop's working language.
	Language string
}

// BadgeRun is what a badge run wrote.
type BadgeRun struct {
	Path          string
	Badges, Pages int
	LostLetters   []LostLetterName // allowed, printed anyway
}

// Badges writes the badges of req.People. Names with a lost letter stop
// it with a *CheckFailed naming them, unless allowed.
func Badges(req BadgeRequest) (BadgeRun, error) {
	run := BadgeRun{Path: req.Out, Badges: len(req.People), Pages: BadgePages(len(req.People), req.Layout)}
	if len(req.People) == 0 {
		return run, fmt.Errorf("%s has no participants yet: no badges to print", req.Data.Workshop.Code)
	}
	if err := store.CheckWriteTarget(req.Out); err != nil {
		return run, err
	}
	lost := LostLetterNames(req.People)
	if len(lost) > 0 && !req.AllowLostLetters {
		return run, &CheckFailed{LostLetters: lost}
	}
	run.LostLetters = lost
	if err := writeRendered(req.Out, func(b *bytes.Buffer) error {
		return pdf.Badges(req.Data, req.People, req.Layout, b, pdf.Language(req.Language))
	}); err != nil {
		return run, fmt.Errorf("badges not written: %w", err)
	}
	return run, nil
}

// BadgePages returns the number of pages of n badges in layout: eight to
// an A4 sheet, one to an A6 page, and at least one page.
func BadgePages(n int, layout pdf.BadgeLayout) int {
	if layout == pdf.BadgeA4x8 {
		n = (n + 7) / 8
	}
	return max(n, 1)
}

// SignInRun is what writing a sign-in sheet did.
type SignInRun struct {
	Path          string
	People, Pages int
}

// SignInRowsPerPage is the number of participants on a page of the
// sign-in sheet. It mirrors the fixed rows per page of ui/pdf (siRowsPage,
// not exported); TestSignInPages checks it against the PDFs.
const SignInRowsPerPage = 24

// SignInPages returns the number of pages of a sign-in sheet of n people;
// a sheet has at least one page.
func SignInPages(n int) int { return max(1, (n+SignInRowsPerPage-1)/SignInRowsPerPage) }

// SignInSheet writes the paper sign-in sheet of session se to out.
func SignInSheet(d *store.WorkshopData, se store.Session, out string) (SignInRun, error) {
	return SignInSheetIn(d, se, out, "")
}

// SignInSheetIn is SignInSheet in language (store.CertificateLanguages;
// "" is the workshop's working language).
func SignInSheetIn(d *store.WorkshopData, se store.Session, out, language string) (SignInRun, error) {
	if se.Type == store.Break {
		return SignInRun{}, fmt.Errorf("“%s” is a break: no attendance is taken there, so it has no sign-in sheet", se.Title)
	}
	if err := store.CheckWriteTarget(out); err != nil {
		return SignInRun{}, err
	}
	people := len(pdf.SignInOrder(d, se))
	if err := writeRendered(out, func(b *bytes.Buffer) error { return pdf.SignInSheet(d, se, b, pdf.Language(language)) }); err != nil {
		return SignInRun{}, fmt.Errorf("sign-in sheet not written: %w", err)
	}
	return SignInRun{Path: out, People: people, Pages: SignInPages(people)}, nil
}

// SignInFileName suggests the name of a session's sign-in sheet.
func SignInFileName(w *store.Workshop, se store.Session) string {
	return fmt.Sprintf("%s-sign-in-%s-%s.pdf", w.Code, se.Date, strings.ReplaceAll(se.Start.String(), ":", ""))
}

// PreviewPrefix begins the name of every preview PDF.
const PreviewPrefix = "certificate-preview-"

// PreviewCertificate writes a preview of a participant's certificate with
// the workshop's current design into a temporary folder (PreviewDir) and
// returns its path. The preview is marked "PREVIEW — not a certificate"
// and carries no number, code or QR code: nothing is issued or signed.
func PreviewCertificate(st *store.Store, workshopID, participantID uuid.UUID, now time.Time) (string, error) {
	d, err := st.LoadWorkshop(workshopID)
	if err != nil {
		return "", fmt.Errorf("read the workshop: %w", err)
	}
	ov, err := st.Overrides(workshopID)
	if err != nil {
		return "", fmt.Errorf("read the certificate decisions: %w", err)
	}
	rows := store.Eligibility(d, ov, now)
	i := -1
	for k := range d.Participants {
		if d.Participants[k].ID == participantID {
			i = k
		}
	}
	if i < 0 {
		return "", fmt.Errorf("participant %s is not one of %s", participantID, d.Workshop.Code)
	}
	images, err := templateImages(st, d.Workshop.Certificate)
	if err != nil {
		return "", err
	}
	kind := rows[i].Kind
	if c, err := st.CertificateOf(participantID); err == nil && !c.Voided() {
		kind = c.Kind // the wording it was issued with
	}
	job := certificateJob(d.Workshop, now, images)
	job.Preview = true
	job.Certificates = []pdf.CertificateInput{certificateInput(d.Participants[i], rows[i], store.CertificateIssue{Kind: kind}, "", "")}
	f, err := os.CreateTemp(PreviewDir(), PreviewPrefix+pdf.SafeFileName(d.Workshop.Code)+"-*.pdf")
	if err != nil {
		return "", fmt.Errorf("write the preview: %w", err)
	}
	path := f.Name()
	f.Close()
	if err := writeRendered(path, func(b *bytes.Buffer) error { return pdf.Certificates(job, b) }); err != nil {
		os.Remove(path)
		return "", fmt.Errorf("write the preview: %w", err)
	}
	return path, nil
}

// PreviewDir returns the folder for preview PDFs: WorkshopDesk/previews in
// the user's cache folder, made if need be, after removing the previews
// there more than an hour old (a viewer may still hold a recent one open),
// so that they do not pile up. Only files named like previews are
// removed, and a folder that is a symbolic link is not used. If the folder
// cannot be used, "": the system's temporary folder.
func PreviewDir() string {
	cache, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	dir := filepath.Join(cache, "WorkshopDesk", "previews")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return ""
	}
	if info, err := os.Lstat(dir); err != nil || !info.IsDir() {
		return ""
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		name := e.Name()
		if !e.Type().IsRegular() || !strings.HasPrefix(name, PreviewPrefix) || filepath.Ext(name) != ".pdf" {
			continue
		}
		if info, err := e.Info(); err == nil && time.Since(info.ModTime()) > time.Hour {
			os.Remove(filepath.Join(dir, name))
		}
	}
	return dir
}
