package main

import (
	"errors"
	"flag"
	"fmt"
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
	synopsis: "--workshop W (--out FILE.pdf | --split DIR) [--sort family|country|organisation] [--only ID|NUMBER|BADGE,...] [--provisional] [--allow-missing-glyphs] [--allow-lost-letters]",
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

--provisional prints also for everyone on track (before the closing session):
those who will be eligible if they attend the sessions still to come. Their
certificates are provisional in the register (the paper is the same); every
certificates run confirms those whose holders have since qualified, and lists
the provisional certificates whose holders no longer can, to withdraw in the
app (Certificates › void, with a reason).

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
		fs.BoolVar(&f.provisional, "provisional", false, "print also for everyone on track, as provisional certificates, confirmed once they qualify")
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
	provisional                bool
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
	Provisional   bool   `json:"provisional"`
}

// withdrawJSON is a provisional certificate to withdraw, for --json.
type withdrawJSON struct {
	Number string `json:"number"`
	Name   string `json:"name"`
	Reason string `json:"reason"`
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
				Name: in.Participant.FullName(), NativeName: in.Participant.NativeName, Kind: string(in.Kind), New: in.New,
				Provisional: in.Provisional}
		}
		confirmed := make([]string, len(run.Settled.Confirmed))
		for i, c := range run.Settled.Confirmed {
			confirmed[i] = c.Number
		}
		withdraw := make([]withdrawJSON, len(run.Settled.Withdraw))
		for i, x := range run.Settled.Withdraw {
			withdraw[i] = withdrawJSON{x.Certificate.Number, x.Participant.FullName(), x.Reason}
		}
		return c.printJSON(struct {
			Workshop      string            `json:"workshop"`
			Path          string            `json:"path,omitempty"`
			Dir           string            `json:"dir,omitempty"`
			Files         []string          `json:"files"`
			Issued        int               `json:"issued"`
			New           int               `json:"new"`
			Reprints      int               `json:"reprints"`
			Provisional   int               `json:"provisional"`
			Confirmed     []string          `json:"confirmed"`
			ToWithdraw    []withdrawJSON    `json:"to_withdraw"`
			Certificates  []certificateJSON `json:"certificates"`
			GlyphProblems []glyphJSON       `json:"glyph_problems"`
		}{w.Code, f.out, f.split, orEmpty(run.Files), n, run.New, run.Reprints, run.Provisional, confirmed, withdraw,
			list, glyphList(run.GlyphProblems)})
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
	c.printSettlement(run)
	if today := store.DateOf(time.Now().In(w.Location())); len(f.only) == 0 && !f.provisional && !today.After(w.EndDate) {
		c.printf("note: %s runs until %s; those still on track or at risk are not eligible yet (\"workshopctl eligibility\" lists them; --provisional prints for them too)\n", w.Code, w.EndDate)
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
		AllowMissingGlyphs: f.allowGlyphs, AllowLostLetters: f.allowLost, Now: time.Now(), Provisional: f.provisional}
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

// printSettlement says what became of the provisional certificates: how
// many are provisional in this run, confirmed since, and which to withdraw.
func (c *cli) printSettlement(run ops.CertificateRun) {
	if run.Provisional > 0 {
		c.printf("%s provisional: confirmed when the remaining sessions are marked and they qualify\n", plural(run.Provisional, "certificate"))
	}
	if n := len(run.Settled.Confirmed); n > 0 {
		c.printf("%s confirmed: their holders now qualify\n", plural(n, "provisional certificate"))
	}
	if len(run.Settled.Withdraw) > 0 {
		c.printf("provisional certificates to withdraw (void them with a reason in the app's Certificates section):\n")
		for _, x := range run.Settled.Withdraw {
			c.printf("  %s  %s: %s\n", x.Certificate.Number, x.Participant.FullName(), x.Reason)
		}
	}
}
