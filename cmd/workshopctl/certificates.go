package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// refsFlag is the value of --only: participant IDs (or unique prefixes),
// certificate numbers or badge codes, as one comma-separated list or by
// repeating the flag.
type refsFlag []string

func (r *refsFlag) String() string { return strings.Join(*r, ",") }

// Set adds the references of a comma-separated list.
func (r *refsFlag) Set(v string) error {
	n := len(*r)
	for _, part := range strings.Split(v, ",") {
		if part = strings.TrimSpace(part); part != "" {
			*r = append(*r, part)
		}
	}
	if len(*r) == n {
		return errors.New("nobody given: write --only ID,NUMBER,BADGE,...")
	}
	return nil
}

// certificatesCommand issues and prints certificates.
var certificatesCommand = &command{
	name:     "certificates",
	synopsis: "--workshop W (--out FILE.pdf | --split DIR) [--sort family|country|organisation] [--only ID|NUMBER|BADGE,...] [--allow-missing-glyphs] [--allow-lost-letters]",
	summary:  "issue and print the certificates of everyone eligible",
	details: `Decides who is eligible now, as the Certificates section of the app does:
participants and observers under the workshop's attendance rule, speakers,
facilitators and organisers for a certificate of appreciation, and the
decisions taken by hand ("workshopctl eligibility" lists them with the
reasons). Each eligible person without a certificate gets the workshop's next
number; one who has a certificate keeps its number (a reprint). Every
certificate carries a QR code signed with the data file's key and a short
code to type ("workshopctl verify").

--out writes all the certificates in one PDF for the printer, replaced
atomically; --split writes one PDF per participant into a folder, named by
number and name; give either or both. --only prints for the people named by
participant ID (or a unique prefix), certificate number or badge code; each
must be eligible, or hold a certificate, which is reprinted under its number.

Before anything is issued, every certificate is checked: when a character of
a name cannot be printed, the list of names and characters (with their
U+XXXX code points) is printed and nothing is issued, unless
--allow-missing-glyphs is given; a name that still holds a "?" standing for
a letter lost to an 8-bit export stops the run, naming the people, unless
--allow-lost-letters is given; a name too long for the QR code, or an --out
that is not a regular file, stops it too.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		f := certFlags{sort: "family"}
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.out, "out", "", "write all the certificates to this PDF `FILE` (replaced if it exists)")
		fs.StringVar(&f.split, "split", "", "write one PDF per participant into this folder `DIR` (created if need be)")
		fs.StringVar(&f.sort, "sort", f.sort, "the `ORDER` of the certificates: family (name), country or organisation")
		fs.Var(&f.only, "only", "print only for these `PEOPLE`: participant IDs, certificate numbers or badge codes, separated by commas")
		fs.BoolVar(&f.allowGlyphs, "allow-missing-glyphs", false, "print even when some characters of a name cannot be drawn (they print as empty boxes)")
		fs.BoolVar(&f.allowLost, "allow-lost-letters", false, "print even names that still hold a \"?\" standing for a letter lost to an 8-bit export")
		return func([]string) error { return c.certificates(f) }
	},
}

// certFlags holds the flags of certificates as typed.
type certFlags struct {
	workshop, out, split, sort string
	only                       refsFlag
	allowGlyphs, allowLost     bool
}

// certificateJSON is one certificate printed, for --json.
type certificateJSON struct {
	Number        string `json:"number"`
	Code          string `json:"code"`
	ParticipantID string `json:"participant_id"`
	Name          string `json:"name"`
	NativeName    string `json:"native_name"`
	Kind          string `json:"kind"`
	New           bool   `json:"new"`
}

// glyphJSON is one text with characters no font can draw, for --json.
type glyphJSON struct {
	ParticipantID string   `json:"participant_id,omitempty"`
	Name          string   `json:"name"`
	Field         string   `json:"field"`
	Text          string   `json:"text"`
	Characters    []string `json:"characters"` // "U+0E2A ส"
}

// certificates issues the certificates and writes the PDFs.
func (c *cli) certificates(f certFlags) (err error) {
	if f.out == "" && f.split == "" {
		return usageError{"give --out FILE.pdf, --split DIR or both"}
	}
	if !contains(ops.CertificateSorts, f.sort) {
		return usageError{fmt.Sprintf("--sort %q: use family, country or organisation", f.sort)}
	}
	for _, path := range []string{f.out, f.split} {
		if path != "" {
			if err := c.notDataFile(path, "--out and --split"); err != nil {
				return err
			}
		}
	}
	w, issued, err := c.issueCertificates(f)
	run := ops.CertificateRun{}
	if err == nil {
		run, err = issued.Write() // the data file is closed again
	}
	var failed *ops.CheckFailed
	switch {
	case errors.As(err, &failed):
		return c.certificateChecks(failed)
	case errors.Is(err, ops.ErrNobodyEligible):
		return fmt.Errorf("nobody of %s is eligible for a certificate yet; \"workshopctl eligibility --workshop %s\" says why", w.Code, w.Code)
	case err != nil:
		return err
	case len(run.GlyphProblems) > 0 && !c.json:
		c.printGlyphProblems(run.GlyphProblems)
	}
	n := len(run.Certificates)
	if c.json {
		list := make([]certificateJSON, n)
		for i, in := range run.Certificates {
			list[i] = certificateJSON{Number: in.Number, Code: in.Code, ParticipantID: in.Participant.ID.String(),
				Name: in.Participant.FullName(), NativeName: in.Participant.NativeName, Kind: string(in.Kind), New: in.New}
		}
		return c.printJSON(struct {
			Workshop      string            `json:"workshop"`
			Path          string            `json:"path,omitempty"`
			Dir           string            `json:"dir,omitempty"`
			Files         []string          `json:"files"`
			Issued        int               `json:"issued"`
			New           int               `json:"new"`
			Reprints      int               `json:"reprints"`
			Certificates  []certificateJSON `json:"certificates"`
			GlyphProblems []glyphJSON       `json:"glyph_problems"`
		}{w.Code, f.out, f.split, orEmpty(run.Files), n, run.New, run.Reprints, list, glyphList(run.GlyphProblems)})
	}
	var where []string
	if f.out != "" {
		where = append(where, f.out)
	}
	if f.split != "" {
		where = append(where, plural(len(run.Files), "file")+" in "+f.split)
	}
	c.printf("issued %s (%s, %s) to %s\n", plural(n, "certificate"), plural(run.New, "new number"),
		plural(run.Reprints, "reprint"), strings.Join(where, " and "))
	if today := store.DateOf(time.Now().In(w.Location())); len(f.only) == 0 && !today.After(w.EndDate) {
		c.printf("note: %s runs until %s; those still on track or at risk are not eligible yet (\"workshopctl eligibility\" lists them)\n", w.Code, w.EndDate)
	}
	return nil
}

// issueCertificates checks, issues and signs the certificates the flags
// ask for, and closes the data file again before they are written.
func (c *cli) issueCertificates(f certFlags) (w store.Workshop, issued *ops.IssuedRun, err error) {
	st, err := c.open(false)
	if err != nil {
		return w, nil, err
	}
	defer closeStore(st, &err)
	if w, err = findWorkshop(st, f.workshop); err != nil {
		return w, nil, err
	}
	req := ops.CertificateRequest{Workshop: w.ID, Sort: f.sort, Out: f.out, Dir: f.split,
		AllowMissingGlyphs: f.allowGlyphs, AllowLostLetters: f.allowLost, Now: time.Now()}
	if len(f.only) > 0 {
		if req.People, err = findCertified(st, w, f.only); err != nil {
			return w, nil, err
		}
	}
	issued, err = ops.PrepareCertificates(st, req)
	return w, issued, err
}

// certificateChecks presents the checks that stopped a run, nothing
// issued: the list on standard output (or in JSON), and the error naming
// the flag that would print anyway.
func (c *cli) certificateChecks(failed *ops.CheckFailed) error {
	if c.json {
		if err := c.printJSON(struct {
			GlyphProblems []glyphJSON      `json:"glyph_problems"`
			LostLetters   []lostLetterJSON `json:"lost_letters"`
			Names         []string         `json:"names_not_printable"`
		}{glyphList(failed.Glyphs), lostLetterList(failed.LostLetters), nameProblems(failed.Names)}); err != nil {
			return err
		}
	} else if len(failed.Glyphs) > 0 {
		c.printGlyphProblems(failed.Glyphs)
	}
	var msgs []string
	if len(failed.Names) > 0 {
		msgs = append(msgs, "cannot be printed as they stand: "+strings.Join(nameProblems(failed.Names), "; ")+"; correct them")
	}
	if len(failed.LostLetters) > 0 {
		msgs = append(msgs, "names still hold a lost letter (\"?\"): "+ops.LostLetterList(failed.LostLetters)+
			"; correct them, or give --allow-lost-letters to print anyway")
	}
	if len(failed.Glyphs) > 0 {
		msgs = append(msgs, plural(len(failed.Glyphs), "text")+" with characters that no font can draw; correct them, or give --allow-missing-glyphs to print anyway")
	}
	return errors.New(strings.Join(msgs, "; ") + "; nothing was issued")
}

// lostLetterJSON is a name with a lost letter, for --json.
type lostLetterJSON struct {
	ParticipantID string   `json:"participant_id"`
	Name          string   `json:"name"`
	Fields        []string `json:"fields"`
}

// lostLetterList is the names with lost letters for --json.
func lostLetterList(list []ops.LostLetterName) []lostLetterJSON {
	out := make([]lostLetterJSON, len(list))
	for i, l := range list {
		out[i] = lostLetterJSON{l.Participant.ID.String(), l.Participant.FullName(), l.Fields}
	}
	return out
}

// nameProblems says which certificates cannot be signed and why.
func nameProblems(list []ops.NameProblem) []string {
	out := make([]string, len(list))
	for i, p := range list {
		out[i] = fmt.Sprintf("%s (%v)", p.Participant.FullName(), p.Err)
	}
	return out
}

// findCertified returns the participants named by refs, each a
// certificate number of the workshop, a badge code, or a participant ID or
// a prefix of one that only they have; it fails naming every reference
// that matches nobody.
func findCertified(st *store.Store, w store.Workshop, refs []string) ([]uuid.UUID, error) {
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", w.Code, err)
	}
	register, err := st.Certificates(w.ID)
	if err != nil {
		return nil, err
	}
	byNumber := map[string]uuid.UUID{}
	for _, c := range register {
		byNumber[strings.ToUpper(c.Number)] = c.ParticipantID
	}
	pos := map[uuid.UUID]int{}
	for i, p := range d.Participants {
		pos[p.ID] = i
	}
	var out []uuid.UUID
	var unknown []string
	for _, ref := range refs {
		i, err := findCertifiedRef(d, byNumber, pos, ref)
		switch {
		case err != nil:
			return nil, err
		case i < 0:
			unknown = append(unknown, ref)
		default:
			out = append(out, d.Participants[i].ID)
		}
	}
	if len(unknown) > 0 {
		return nil, fmt.Errorf("no participant of %s has the ID, certificate number or badge code %s; nothing was issued", w.Code, strings.Join(unknown, ", "))
	}
	return out, nil
}

// findCertifiedRef returns the position of the participant named by ref:
// a certificate number of the workshop, a badge code, or a participant ID
// or a prefix of one that only they have; -1 when none.
func findCertifiedRef(d *store.WorkshopData, byNumber map[string]uuid.UUID, pos map[uuid.UUID]int, ref string) (int, error) {
	if id, ok := byNumber[strings.ToUpper(strings.TrimSpace(ref))]; ok {
		if i, ok := pos[id]; ok {
			return i, nil
		}
		return -1, fmt.Errorf("certificate %s belongs to a participant who was deleted", ref)
	}
	code := store.NormalizeBadgeCode(ref)
	for i, p := range d.Participants {
		if code != "" && store.NormalizeBadgeCode(p.BadgeCode) == code {
			return i, nil
		}
	}
	ref = strings.ToLower(strings.TrimSpace(ref))
	if !isIDPrefix(ref) {
		return -1, nil
	}
	found := -1
	for i, p := range d.Participants {
		if strings.HasPrefix(p.ID.String(), ref) {
			if found >= 0 {
				return -1, fmt.Errorf("several participants have IDs starting with %q; give more of the ID", ref)
			}
			found = i
		}
	}
	return found, nil
}

// printGlyphProblems lists the texts with characters no font can draw.
func (c *cli) printGlyphProblems(problems []pdf.GlyphProblem) {
	c.printf("characters that no font can draw (they would print as empty boxes):\n")
	for _, p := range problems {
		who := p.Name
		if p.Index < 0 || who == "" {
			who = "every certificate"
		}
		chars := make([]string, len(p.Runes))
		for i, r := range p.Runes {
			chars[i] = fmt.Sprintf("%c %U", r, r)
		}
		c.printf("  %s, %s “%s”: %s\n", who, p.Field, p.Text, strings.Join(chars, ", "))
	}
}

// glyphList is the glyph problems for --json.
func glyphList(problems []pdf.GlyphProblem) []glyphJSON {
	out := make([]glyphJSON, len(problems))
	for i, p := range problems {
		g := glyphJSON{Name: p.Name, Field: p.Field, Text: p.Text, Characters: make([]string, len(p.Runes))}
		if p.ParticipantID != uuid.Nil {
			g.ParticipantID = p.ParticipantID.String()
		}
		for k, r := range p.Runes {
			g.Characters[k] = fmt.Sprintf("%U %c", r, r)
		}
		out[i] = g
	}
	return out
}

// contains reports whether list holds s.
func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// verifyCommand checks a certificate.
var verifyCommand = &command{
	name:       "verify",
	synopsis:   "[--key FILE] CODE_OR_QR_TEXT",
	summary:    "check that a certificate is genuine",
	positional: 1,
	details: `Checks a certificate against the data file: the text of its QR code
(beginning "WD1:", quoted as one argument), checked with the file's signing
key, or the short code printed under it, with or without dashes, in any case,
optionally with the certificate number before it ("DEMO-001 HJKM-CEFG-3479"),
looked up in the register.

Prints "genuine" and the facts signed (number, name, workshop, dates,
attendance, issue day). Prints "NOT GENUINE: reason" and exits with status 1
when a field was altered or the code matches no certificate; "NOT A
CERTIFICATE CODE: reason" and status 1 when the text is not a certificate
code at all; "voided on DATE: reason" and status 1 when the certificate has
been voided. A QR text signed with the file's key is also held against the
register: "NOT IN THE REGISTER: ..." and status 1 when this file never
issued its number, "DIFFERS FROM THE REGISTER: ..." and status 1 when the
register gives the number another name or other dates (every backup holds
the signing key, so a signature alone does not prove it was issued).

With --key, checks a QR text with a public key alone (from "workshopctl
public-key" or the app's Export public key…), without any data file: for a
secretariat or an employer away from the laptop that issued it. That proves
only that the key signed it: only the issuing data file knows whether it
issued the number and whether it was voided since, and short codes need its
register; with --json, "valid" is false and "register_checked" false for
that reason.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var key string
		fs.StringVar(&key, "key", "", "check with the public key in `FILE` instead of the data file")
		return func(args []string) error { return c.verify(args[0], key) }
	},
}

// publicKeyCommand prints or writes the certificate public key.
var publicKeyCommand = &command{
	name:     "public-key",
	synopsis: "[--out FILE]",
	summary:  "print the public key that checks this data file's certificates",
	details: `Prints the certificate public key of the data file (its fingerprint, then
a PEM "PUBLIC KEY" block), or writes it to FILE. Give it to whoever checks
certificates away from this laptop: "workshopctl verify --key FILE QR_TEXT".
With --json, prints {"fingerprint": ..., "pem": ...}, and "path" with --out.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var out string
		fs.StringVar(&out, "out", "", "write the key to `FILE` (replaced if it exists)")
		return func([]string) error { return c.publicKey(out) }
	},
}

// publicKey prints the public key, or writes it to out.
func (c *cli) publicKey(out string) (err error) {
	if out != "" {
		if err := c.notDataFile(out, "--out"); err != nil {
			return err
		}
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	text, err := st.ExportPublicKey()
	if err != nil {
		return fmt.Errorf("read the public key of %s: %w", st.Path(), err)
	}
	if out != "" {
		if err := store.WriteFileAtomic(out, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
			return fmt.Errorf("write the public key: %w", err)
		}
	}
	switch {
	case c.json:
		pub, err := st.PublicKey()
		if err != nil {
			return fmt.Errorf("read the public key of %s: %w", st.Path(), err)
		}
		pemText := text[strings.Index(text, "-----BEGIN"):]
		return c.printJSON(struct {
			Fingerprint string `json:"fingerprint"`
			PEM         string `json:"pem"`
			Path        string `json:"path,omitempty"` // the file written, with --out
		}{store.KeyFingerprint(pub), pemText, out})
	case out == "":
		c.printf("%s", text)
	default:
		c.printf("wrote the public key to %s\n", out)
	}
	return nil
}

// notValid is the failure of a check that found the certificate not
// genuine, or voided; the result has been printed on standard output.
type notValid struct{ msg string }

func (e *notValid) Error() string { return e.msg }

// verify checks a QR text or short code and prints the result: against
// the data file, or with the public key in keyFile when one is given.
func (c *cli) verify(input, keyFile string) (err error) {
	var r store.VerifyResult
	var verr error
	if keyFile != "" {
		data, err := os.ReadFile(keyFile)
		if err != nil {
			return fmt.Errorf("read the public key: %w", err)
		}
		pub, err := store.ParsePublicKey(string(data))
		if err != nil {
			return fmt.Errorf("%s: %w", keyFile, err)
		}
		r, verr = store.VerifyWithKey(input, pub)
	} else {
		var st *store.Store
		if st, err = c.open(false); err != nil {
			return err
		}
		defer closeStore(st, &err)
		r, verr = st.Verify(input)
	}
	if verr != nil && !errors.Is(verr, store.ErrNotGenuine) && !errors.Is(verr, store.ErrNotCertificateCode) {
		return verr
	}
	type verifyJSON struct {
		Genuine    bool   `json:"genuine"`
		Valid      bool   `json:"valid"`
		Voided     bool   `json:"voided"`
		VoidedAt   string `json:"voided_at,omitempty"`
		VoidReason string `json:"void_reason,omitempty"`
		Reason     string `json:"reason,omitempty"`
		FromQR     bool   `json:"from_qr"`
		InRegister bool   `json:"in_register"`
		// Differs names the signed facts the register states otherwise.
		Differs []string `json:"differs,omitempty"`
		// RegisterChecked is false with --key: whether the certificate
		// was voided is unknown, so it is not called valid.
		RegisterChecked bool   `json:"register_checked"`
		Number          string `json:"number,omitempty"`
		Name            string `json:"name,omitempty"`
		NativeName      string `json:"native_name,omitempty"`
		Workshop        string `json:"workshop,omitempty"`
		Start           string `json:"start,omitempty"`
		End             string `json:"end,omitempty"`
		Attended        string `json:"attended,omitempty"`
		Issued          string `json:"issued,omitempty"`
		Reprints        int    `json:"reprints"`
		Status          string `json:"status"`
	}
	if verr != nil {
		// A text that is no code at all is told apart from a code that
		// matches no certificate: the first is most often a typing slip.
		verdict, reason, msg := "NOT GENUINE", verr.Error(), "the certificate is not genuine"
		if errors.Is(verr, store.ErrNotGenuine) {
			reason = strings.TrimPrefix(reason, store.ErrNotGenuine.Error()+": ")
		} else {
			verdict, msg = "NOT A CERTIFICATE CODE", "the text given is not a certificate code that can be checked here"
			reason = strings.TrimPrefix(reason, store.ErrNotCertificateCode.Error()+": ")
		}
		if c.json {
			if err := c.printJSON(verifyJSON{Reason: reason, Status: verdict + ": " + reason}); err != nil {
				return err
			}
		} else {
			c.printf("%s: %s\n", verdict, reason)
		}
		return &notValid{msg}
	}
	f := r.Fields
	if c.json {
		j := verifyJSON{Genuine: r.Genuine, Valid: r.Valid() && keyFile == "", RegisterChecked: keyFile == "",
			Voided: r.Voided, VoidReason: r.VoidReason, FromQR: r.FromQR,
			InRegister: r.Certificate != nil, Differs: r.Differs, Number: f.Number, Name: f.Name, NativeName: f.NativeName, Workshop: f.Workshop,
			Start: f.Start.String(), End: f.End.String(), Attended: f.Attended, Issued: f.Issued.String(), Status: r.Status}
		if r.Voided {
			j.VoidedAt = r.VoidedAt.Format("2006-01-02")
		}
		if r.Certificate != nil {
			j.Reprints = r.Certificate.Reprints
		}
		if err := c.printJSON(j); err != nil {
			return err
		}
	} else {
		switch {
		case r.Voided:
			c.printf("voided on %s: %s\n", r.VoidedAt.Format("2006-01-02"), r.VoidReason)
		case keyFile != "":
			c.printf("genuine: signed with the key in %s (only the issuing data file knows whether it issued this number and whether it was voided since)\n", keyFile)
		case r.Problem() != "":
			c.printf("%s\n", r.Problem())
		default:
			c.printf("genuine\n")
		}
		t := newTable()
		name := f.Name
		if f.NativeName != "" {
			name = strings.TrimSpace(name + " (" + f.NativeName + ")")
		}
		t.add("number", f.Number)
		t.add("name", name)
		t.add("workshop", f.Workshop)
		t.add("dates", dateRange(f.Start, f.End))
		if f.Attended != "" {
			t.add("attended", f.Attended)
		}
		t.add("issued", f.Issued.String())
		if r.Certificate != nil && r.Certificate.Reprints > 0 {
			t.add("reprints", fmt.Sprint(r.Certificate.Reprints))
		}
		if err := t.write(c.stdout); err != nil {
			return err
		}
	}
	switch {
	case r.Voided:
		return &notValid{fmt.Sprintf("certificate %s was voided on %s", f.Number, r.VoidedAt.Format("2006-01-02"))}
	case r.NotInRegister:
		return &notValid{fmt.Sprintf("certificate %s is not in the register of this data file", f.Number)}
	case len(r.Differs) > 0:
		return &notValid{fmt.Sprintf("certificate %s differs from the register (%s)", f.Number, strings.Join(r.Differs, ", "))}
	}
	return nil
}

// eligibilityCommand lists who gets a certificate and why.
var eligibilityCommand = &command{
	name:     "eligibility",
	synopsis: "--workshop W",
	summary:  "list who is eligible for a certificate, and why",
	details: `Lists every participant, in registration order, with the certificate due
(attendance, or appreciation for speakers, facilitators and organisers),
whether it is due now, the reason in numbers ("7 of 9 sessions, 78% < 80%",
or a decision taken by hand with its reason) and the number of the
certificate issued, if any. Ends with the counts.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.eligibility(ref) }
	},
}

// eligibilityJSON is one participant's standing, for --json.
type eligibilityJSON struct {
	ParticipantID string `json:"participant_id"`
	Name          string `json:"name"`
	NativeName    string `json:"native_name"`
	BadgeCode     string `json:"badge_code"`
	Role          string `json:"role"`
	Kind          string `json:"kind"`
	Eligible      bool   `json:"eligible"`
	Standing      string `json:"standing"`
	Reason        string `json:"reason"`
	RuleEligible  bool   `json:"rule_eligible"`
	RuleReason    string `json:"rule_reason"`
	Override      *struct {
		Granted bool   `json:"granted"`
		Reason  string `json:"reason"`
		At      string `json:"at"`
	} `json:"override"`
	Attended    string `json:"attended"`
	Certificate string `json:"certificate"`
	Voided      bool   `json:"voided"`
}

// eligibility prints everyone's standing.
func (c *cli) eligibility(ref string) (err error) {
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := findWorkshop(st, ref)
	if err != nil {
		return err
	}
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return fmt.Errorf("read %s: %w", w.Code, err)
	}
	ov, err := st.Overrides(w.ID)
	if err != nil {
		return err
	}
	register, err := st.Certificates(w.ID)
	if err != nil {
		return err
	}
	current := map[uuid.UUID]store.CertificateIssue{}
	for _, cert := range register {
		if old, ok := current[cert.ParticipantID]; !ok || !cert.CreatedAt.Before(old.CreatedAt) {
			current[cert.ParticipantID] = cert
		}
	}
	rows := store.Eligibility(d, ov, time.Now())
	list := make([]eligibilityJSON, len(rows))
	for i, r := range rows {
		p := d.Participants[i]
		e := eligibilityJSON{ParticipantID: p.ID.String(), Name: p.FullName(), NativeName: p.NativeName, BadgeCode: p.BadgeCode,
			Role: string(p.Role), Kind: string(r.Kind), Eligible: r.Eligible, Standing: string(r.Standing()), Reason: r.Reason,
			RuleEligible: r.RuleEligible, RuleReason: r.RuleReason, Attended: r.Attended}
		if o := r.Override; o != nil {
			e.Override = &struct {
				Granted bool   `json:"granted"`
				Reason  string `json:"reason"`
				At      string `json:"at"`
			}{o.Granted, o.Reason, o.At.UTC().Format(time.RFC3339)}
		}
		if cert, ok := current[p.ID]; ok {
			e.Certificate, e.Voided = cert.Number, cert.Voided()
		}
		list[i] = e
	}
	if c.json {
		return c.printJSON(list)
	}
	t := newTable("NAME", "ROLE", "CERTIFICATE", "STANDING", "NUMBER", "REASON")
	for _, e := range list {
		number := e.Certificate
		if e.Voided {
			number += " (voided)"
		}
		t.add(strings.TrimSpace(e.Name+"  "+e.NativeName), store.Label(store.Role(e.Role)), e.Kind, e.Standing, number, e.Reason)
	}
	if err := t.write(c.stdout); err != nil {
		return err
	}
	c.printf("%s; rule: %s\n", store.CountStandings(rows), d.Workshop.Rule.Effective().String())
	return nil
}
