package ui

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// afterLastSession is 20:00 in Addis Ababa on the last day of the sample
// workshop, after its closing session.
var afterLastSession = time.Date(2026, 11, 27, 17, 0, 0, 0, time.UTC)

// startCertificates opens the sample workshop's Certificates section at
// the end of its last day, with the attendance of every day recorded: the
// sample records days 1 and 2 (its clock is the evening of day 2), and
// day 3 is marked here, present but for every seventh person.
func startCertificates(t *testing.T) (*App, fyne.Window, *certificatesSection) {
	t.Helper()
	u, w, _ := startSampleAt(t, time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC))
	d := u.workshop.data
	loc := d.Workshop.Location()
	var marks []*store.Attendance
	for _, se := range d.Sessions {
		if se.Date != d.Workshop.EndDate || se.Type == store.Break {
			continue
		}
		for i, p := range d.Participants {
			st := store.Present
			if i%7 == 3 {
				st = store.Absent
			}
			marks = append(marks, &store.Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: st, RecordedAt: se.StartsAt(loc)})
		}
	}
	if err := u.st.RecordAttendances(marks); err != nil {
		t.Fatal(err)
	}
	setClock(u, afterLastSession)
	u.showSection(sectionCertificates)
	return u, w, u.workshop.certificates
}

// rowNamed returns the position in s.rows of the participant with the
// family name given.
func rowNamed(t *testing.T, s *certificatesSection, family string) int {
	t.Helper()
	for i, p := range s.ws.data.Participants {
		if p.FamilyNames == family {
			return i
		}
	}
	t.Fatalf("no participant %s", family)
	return -1
}

// firstRow returns the first row that meets want.
func firstRow(t *testing.T, s *certificatesSection, want func(r store.EligibilityRow) bool) int {
	t.Helper()
	for i, r := range s.rows {
		if want(r) {
			return i
		}
	}
	t.Fatal("no such row")
	return -1
}

// rowView draws row i as the list does and returns its widgets.
func rowView(s *certificatesSection, i int) *certRowView {
	o := s.newRow()
	for k, j := range s.order {
		if j == i {
			s.updateRow(k, o)
		}
	}
	return s.rowViews[o.(*fyne.Container)]
}

// printAndWait prints the rows through printTo and waits for the run.
func printAndWait(t *testing.T, s *certificatesSection, rows []int, path, dir string) printRun {
	t.Helper()
	type result struct {
		run printRun
		err error
	}
	done := make(chan result, 1)
	s.printTo(rows, path, dir, func(r printRun, err error) { done <- result{r, err} })
	select {
	case r := <-done:
		if r.err != nil {
			t.Fatalf("printing failed: %v", r.err)
		}
		return r.run
	case <-time.After(60 * time.Second):
		t.Fatal("the certificates were not written within 60 s")
	}
	return printRun{}
}

var pdfPageObject = regexp.MustCompile(`/Type\s*/Page[^s]`)

// pdfPageCount counts the page objects of a PDF.
func pdfPageCount(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %v", path, err)
	}
	return len(pdfPageObject.FindAll(data, -1))
}

// tinyPNG is a small image for logos and signatures.
func tinyPNG(t *testing.T, c color.Color) []byte {
	t.Helper()
	m := image.NewNRGBA(image.Rect(0, 0, 40, 16))
	for x := range 40 {
		for y := range 16 {
			m.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, m); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestCertificatesListEveryoneWithReasons(t *testing.T) {
	_, w, s := startCertificates(t)
	if len(s.rows) != 40 || s.list.Length() != 40 {
		t.Fatalf("%d rows, %d in the list; want the 40 participants", len(s.rows), s.list.Length())
	}
	eligible := 0
	for i, r := range s.rows {
		p := s.participant(i)
		if r.Reason == "" {
			t.Errorf("%s has no reason", p.FullName())
		}
		if r.Kind == store.KindAttendance && !strings.Contains(r.Reason, "sessions") {
			t.Errorf("the reason of %s is not in numbers: %q", p.FullName(), r.Reason)
		}
		if r.Eligible {
			eligible++
		}
	}
	if eligible == 0 || eligible == 40 {
		t.Fatalf("%d eligible: the sample should have some of each", eligible)
	}
	// After the last session everyone is decided: eligible or not.
	want := fmt.Sprintf("%d eligible (%d for appreciation) · 0 on track · 0 at risk · %d not eligible · 0 issued", eligible, appreciationDue(s), 40-eligible)
	if s.counts.Text != want {
		t.Errorf("counts = %q, want %q", s.counts.Text, want)
	}
	if want := fmt.Sprintf("Print %d eligible…", eligible); s.print.Text != want {
		t.Errorf("print button says %q, want %q", s.print.Text, want)
	}
	// Sorted by family name by default: Al-Amin before Bekele.
	first := s.participant(s.order[0])
	if first.FamilyNames != "Al-Amin" {
		t.Errorf("the list starts with %s, want Al-Amin (sorted by family name)", first.FullName())
	}
	if !containsText(w, first.FullName()) || !containsText(w, first.NativeName) || !containsText(w, s.rows[s.order[0]].Reason) {
		t.Error("the first row should show the name, the native name and the reason")
	}
	// A speaker gets a certificate of appreciation whatever the attendance.
	i := rowNamed(t, s, "Raman")
	if !s.rows[i].Eligible || s.rows[i].Kind != store.KindAppreciation {
		t.Errorf("the speaker Priya Raman: %+v", s.rows[i])
	}
	if v := rowView(s, i); v.kind.Text != "Appreciation" || v.status.Text != "✓ Eligible" || v.number.Text != "not issued" {
		t.Errorf("the row of a speaker shows %q, %q, %q", v.status.Text, v.kind.Text, v.number.Text)
	}
}

// TestCertificatesMidWorkshop checks that, with sessions still to come,
// those not yet eligible show as on track or at risk, not "Not eligible",
// and are counted so.
func TestCertificatesMidWorkshop(t *testing.T) {
	u, _, _ := startSampleAt(t, time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC))
	u.showSection(sectionCertificates)
	s := u.workshop.certificates
	standings := map[store.Standing]int{}
	statusText := map[store.Standing]string{store.StandingEligible: "✓ Eligible", store.StandingOnTrack: "On track",
		store.StandingAtRisk: "At risk", store.StandingNotEligible: "Not eligible"}
	for i, r := range s.rows {
		standings[r.Standing()]++
		if got := rowView(s, i).status.Text; got != statusText[r.Standing()] {
			p := s.participant(i)
			t.Errorf("%s (%s) shows %q, want %q", p.FullName(), r.Reason, got, statusText[r.Standing()])
		}
	}
	if standings[store.StandingOnTrack] == 0 {
		t.Fatalf("standings %v: mid-workshop the sample should have people on track", standings)
	}
	want := fmt.Sprintf("%d eligible (%d for appreciation) · %d on track · %d at risk · %d not eligible · 0 issued", standings[store.StandingEligible],
		appreciationDue(s), standings[store.StandingOnTrack], standings[store.StandingAtRisk], standings[store.StandingNotEligible])
	if s.counts.Text != want {
		t.Errorf("counts = %q, want %q", s.counts.Text, want)
	}

	// A check-in elsewhere shows here when the section comes back into
	// view: the section's figures are not those of the workshop's opening.
	i := firstRow(t, s, func(r store.EligibilityRow) bool { return r.Standing() == store.StandingOnTrack })
	before := s.rows[i].Reason
	p := s.participant(i)
	var next store.Session
	for _, se := range s.ws.data.Sessions {
		if _, marked := s.ws.data.Marks[se.ID].Get(p.ID); !marked && se.Counts {
			next = se
			break
		}
	}
	u.showSection(sectionAttendance)
	if _, err := u.st.CheckIn(next.ID, p.ID, time.Time{}); err != nil {
		t.Fatal(err)
	}
	u.workshop.data.SetMark(next.ID, p.ID, store.Mark{Status: store.Present}) // as the check-in screen does
	u.showSection(sectionCertificates)
	if after := s.rows[i].Reason; after == before {
		t.Errorf("after a check-in, %s's reason is still %q", p.FullName(), before)
	}
}

// appreciationDue counts the certificates of appreciation due.
func appreciationDue(s *certificatesSection) int {
	n := 0
	for _, r := range s.rows {
		if r.Eligible && r.Kind == store.KindAppreciation {
			n++
		}
	}
	return n
}

func TestCertificatesGrantAndRefuseByHand(t *testing.T) {
	u, w, s := startCertificates(t)
	i := firstRow(t, s, func(r store.EligibilityRow) bool { return !r.Eligible })
	pid := s.rows[i].ParticipantID
	if v := rowView(s, i); !v.grant.Visible() || v.refuse.Visible() || v.clear.Visible() || v.status.Text == "✓ Eligible" {
		t.Error("a row not eligible should offer Grant… only")
	}

	// Without a reason: the problem is shown and nothing is saved.
	f := s.askOverride(i, true)
	if !containsText(w, "The rule says: "+s.rows[i].RuleReason) {
		t.Error("the dialog should show what the rule says")
	}
	f.okBtn.OnTapped()
	if !f.errs["reason"].Visible() || !strings.Contains(f.errs["reason"].Text, "reason") {
		t.Errorf("no problem shown for a missing reason: %q", f.errs["reason"].Text)
	}
	if ov, _ := u.st.Overrides(u.workshop.data.Workshop.ID); len(ov) != 0 {
		t.Fatalf("an override without reason was saved: %v", ov)
	}

	f.reason.SetText("attended the missed session online")
	f.okBtn.OnTapped()
	if f.errs["reason"].Visible() {
		t.Fatalf("problem shown after giving a reason: %s", f.errs["reason"].Text)
	}
	r := s.rows[i]
	if !r.Eligible || !strings.HasPrefix(r.Reason, "granted by hand: attended the missed session online (") {
		t.Errorf("after granting: eligible %v, reason %q", r.Eligible, r.Reason)
	}
	if r.ParticipantID != pid {
		t.Fatal("rows moved")
	}
	if v := rowView(s, i); !strings.HasPrefix(v.reason.Text, "granted by hand") || !v.clear.Visible() || !v.refuse.Visible() || v.status.Text != "✓ Eligible" {
		t.Errorf("the row shows %q / %q and should offer Refuse… and Clear override", v.status.Text, v.reason.Text)
	}
	if !strings.HasPrefix(u.workshop.certificates.counts.Text, fmt.Sprintf("%d eligible", len(s.eligiblePeople()))) {
		t.Errorf("counts not updated: %q", s.counts.Text)
	}

	// Refuse instead, then let the rule decide again.
	f = s.askOverride(i, false)
	f.reason.SetText("left on the first day")
	f.okBtn.OnTapped()
	if r := s.rows[i]; r.Eligible || !strings.HasPrefix(r.Reason, "refused by hand: left on the first day") {
		t.Errorf("after refusing: %v %q", r.Eligible, r.Reason)
	}
	s.clearOverride(i)
	if r := s.rows[i]; r.Eligible || r.Override != nil {
		t.Errorf("after clearing: %+v", r)
	}
	hist, _ := u.st.OverrideHistory(pid)
	if len(hist) != 2 || !hist[0].Granted || hist[1].Granted || !hist[1].Deleted() {
		t.Errorf("history %+v, want granted, then refused and cleared", hist)
	}
}

func TestCertificatesPrintEligibleWritesOnePagePerCertificate(t *testing.T) {
	u, w, s := startCertificates(t)
	rows := s.eligiblePeople()
	dir := t.TempDir()
	path := filepath.Join(dir, "all.pdf")
	split := filepath.Join(dir, "single")
	if err := os.Mkdir(split, 0o755); err != nil {
		t.Fatal(err)
	}
	run := printAndWait(t, s, rows, path, split)
	if run.issued != len(rows) || run.fresh != len(rows) || run.reprints != 0 {
		t.Errorf("run = %+v, want %d new", run, len(rows))
	}
	if n := pdfPageCount(t, path); n != len(rows) {
		t.Errorf("the PDF has %d pages, want one per eligible participant (%d)", n, len(rows))
	}
	entries, _ := os.ReadDir(split)
	if len(entries) != len(rows) || len(run.files) != len(rows) {
		t.Errorf("%d files in the folder (%d reported), want %d", len(entries), len(run.files), len(rows))
	}
	if !containsText(w, fmt.Sprintf("Issued %d certificates: %d new numbers, 0 reprints.", len(rows), len(rows))) || !containsText(w, path) {
		t.Errorf("the summary says %q", s.lastSummary)
	}
	button(t, w, "Open folder")
	register, _ := u.st.Certificates(u.workshop.data.Workshop.ID)
	if len(register) != len(rows) {
		t.Errorf("%d certificates in the register, want %d", len(register), len(rows))
	}
	s = u.workshop.certificates
	if !strings.HasSuffix(s.counts.Text, fmt.Sprintf("· %d issued", len(rows))) {
		t.Errorf("counts after printing: %q", s.counts.Text)
	}
}

func TestCertificatesReprintKeepsNumberAndVoidNeedsReason(t *testing.T) {
	u, w, s := startCertificates(t)
	i := rowNamed(t, s, "Raman")
	path := filepath.Join(t.TempDir(), "one.pdf")
	printAndWait(t, s, []int{i}, path, "")
	first, err := u.st.CertificateOf(s.rows[i].ParticipantID)
	if err != nil {
		t.Fatal(err)
	}
	if v := rowView(s, i); v.number.Text != first.Number || !v.reprint.Visible() || !v.void.Visible() {
		t.Errorf("the row shows %q, want %s with Reprint and Void…", v.number.Text, first.Number)
	}
	run := printAndWait(t, s, []int{i}, path, "")
	again, _ := u.st.CertificateOf(s.rows[i].ParticipantID)
	if again.Number != first.Number || again.Reprints != 1 || run.fresh != 0 || run.reprints != 1 {
		t.Errorf("reprint: %s (reprints %d), run %+v; want %s kept", again.Number, again.Reprints, run, first.Number)
	}
	if n := pdfPageCount(t, path); n != 1 {
		t.Errorf("reprint has %d pages", n)
	}

	// Voiding needs a reason, then a confirmation.
	f := s.askVoid(i)
	if f == nil {
		t.Fatal("no void form for an issued certificate")
	}
	f.okBtn.OnTapped()
	if !f.errs["void_reason"].Visible() || f.confirm != nil {
		t.Error("voiding without a reason should show a problem and ask nothing")
	}
	f.reason.SetText("name misspelt")
	f.okBtn.OnTapped()
	if f.confirm == nil {
		t.Fatal("no confirmation asked")
	}
	if c, _ := u.st.CertificateOf(s.rows[i].ParticipantID); c.Voided() {
		t.Fatal("voided before the confirmation")
	}
	test.Tap(button(t, w, "Void certificate"))
	c, _ := u.st.CertificateOf(s.rows[i].ParticipantID)
	if !c.Voided() || c.VoidReason != "name misspelt" {
		t.Fatalf("not voided: %+v", c)
	}
	if v := rowView(s, i); v.number.Text != first.Number+" voided" || v.reprint.Visible() || v.void.Visible() {
		t.Errorf("the row of a voided certificate shows %q", v.number.Text)
	}
	// Printing again gives a new number.
	run = printAndWait(t, s, []int{i}, path, "")
	c, _ = u.st.CertificateOf(s.rows[i].ParticipantID)
	if c.Number == first.Number || run.fresh != 1 {
		t.Errorf("after voiding, printing gave %s (run %+v), want a new number", c.Number, run)
	}
}

func TestCertificatesGlyphCheckListsCharactersNoFontHas(t *testing.T) {
	u, w, s := startCertificates(t)
	p := store.Participant{WorkshopID: u.workshop.data.Workshop.ID, GivenNames: "Jignesh", FamilyNames: "Patel",
		NativeName: "જિગ્નેશ પટેલ", Country: "IN", Role: store.RoleSpeaker}
	if err := u.st.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	u.workshop.changed()
	u.showSection(sectionCertificates)
	s = u.workshop.certificates
	s.printEligible()
	if s.glyphs == nil {
		t.Fatal("no glyph check shown for a Gujarati name (no font draws it)")
	}
	text := strings.Join(s.glyphs.lines, "\n")
	if !strings.Contains(text, "Jignesh Patel") || !strings.Contains(text, "જ U+0A9C") {
		t.Errorf("glyph check says:\n%s", text)
	}
	if !containsText(w, "જ U+0A9C") {
		t.Error("the rune and its code point are not on screen")
	}
	test.Tap(button(t, w, "Fix names"))
	if reg, _ := u.st.Certificates(u.workshop.data.Workshop.ID); len(reg) != 0 {
		t.Errorf("%d certificates issued after Fix names", len(reg))
	}
	button(t, w, fmt.Sprintf("Print %d eligible…", len(s.eligiblePeople()))) // still there to try again
}

func TestCertificatesPreviewWritesOneCertificate(t *testing.T) {
	_, _, s := startCertificates(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	// Previews an hour old are cleared away; a recent one may still be
	// open in a viewer and stays, and so does anything else.
	cache, err := os.UserCacheDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(cache, "WorkshopDesk", "previews")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	old, recent := filepath.Join(dir, "certificate-preview-demo-1.pdf"), filepath.Join(dir, "certificate-preview-demo-2.pdf")
	other := filepath.Join(dir, "notes.docx")
	for _, f := range []string{old, recent, other} {
		if err := os.WriteFile(f, []byte("%PDF-"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{old, other} {
		if err := os.Chtimes(f, time.Now().Add(-2*time.Hour), time.Now().Add(-2*time.Hour)); err != nil {
			t.Fatal(err)
		}
	}
	i := s.previewRow()
	if i < 0 || !s.rows[i].Eligible {
		t.Fatal("preview should default to the first eligible")
	}
	path, err := s.writePreview(i)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Dir(path) != dir {
		t.Errorf("preview written to %s, want it in %s", path, dir)
	}
	if _, err := os.Stat(old); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a preview two hours old is still there (%v)", err)
	}
	if _, err := os.Stat(recent); err != nil {
		t.Errorf("a recent preview was removed: %v", err)
	}
	if _, err := os.Stat(other); err != nil {
		t.Errorf("a file not named like a preview was removed: %v", err)
	}
	if n := pdfPageCount(t, path); n != 1 {
		t.Errorf("preview has %d pages", n)
	}
	if reg, _ := s.ws.u.st.Certificates(s.ws.data.Workshop.ID); len(reg) != 0 {
		t.Error("the preview issued a certificate")
	}
}

func TestCertDesignFormSavesAndRejectsBadColour(t *testing.T) {
	u, _, s := startCertificates(t)
	f := showCertDesignForm(s.ws)
	f.signers[0].name.SetText("Hiwot Girma")
	f.signers[0].title.SetText("Workshop Coordinator")
	id, err := f.saveImage(tinyPNG(t, color.Black))
	if err != nil {
		t.Fatal(err)
	}
	f.signers[0].setSignature(id)
	if f.signers[0].status.Text != "image set ✓" || !f.signers[0].remove.Visible() {
		t.Errorf("signature status %q", f.signers[0].status.Text)
	}
	logo, _ := f.saveImage(tinyPNG(t, color.NRGBA{R: 200, A: 255}))
	f.addLogoID(logo)
	f.language.SetSelectedIndex(1) // French
	f.accent.SetText("#12")
	f.saveBtn.OnTapped()
	if l := f.errs["certificate.accent"]; !l.Visible() || !strings.Contains(l.Text, "#12") {
		t.Errorf("no problem shown for #12: %q", l.Text)
	}
	if w, _ := u.st.Workshop(s.ws.data.Workshop.ID); len(w.Certificate.Signatories) != 0 {
		t.Fatal("saved with a bad colour")
	}
	// A verification address that is not https.
	f.accent.SetText("#2A6F4E")
	f.verifyURL.SetText("http://example.org/verify.html")
	f.saveBtn.OnTapped()
	if l := f.errs["certificate.verify_url"]; !l.Visible() || !strings.Contains(l.Text, "https://") {
		t.Errorf("no problem shown for an http address: %q", l.Text)
	}
	f.verifyURL.SetText("https://example.org/verify.html")
	// A signatory with a title but no name.
	f.signers[1].title.SetText("Director")
	f.saveBtn.OnTapped()
	if l := f.errs["certificate.signatories[1].name"]; !l.Visible() {
		t.Error("no problem shown for a signatory without a name")
	}
	f.signers[1].title.SetText("")
	f.saveBtn.OnTapped()
	w, _ := u.st.Workshop(s.ws.data.Workshop.ID)
	c := w.Certificate
	if len(c.Signatories) != 1 || c.Signatories[0].Name != "Hiwot Girma" || c.Signatories[0].Signature != id ||
		c.Language != "fr" || c.Accent != "#2A6F4E" || len(c.Logos) != 1 || c.VerifyURL != "https://example.org/verify.html" {
		t.Errorf("saved %+v", c)
	}
	if u.workshop.data.Workshop.Certificate.Language != "fr" {
		t.Error("the screen was not reloaded")
	}
	// The form shows the saved design again, and Reset empties it.
	f = showCertDesignForm(u.workshop)
	if f.signers[0].name.Text != "Hiwot Girma" || f.signers[0].signature != id || f.language.SelectedIndex() != 1 {
		t.Error("the form does not show the saved design")
	}
	f.reset.OnTapped()
	if tpl, _ := f.template(); tpl.Language != "" || len(tpl.Signatories) != 0 || tpl.Accent != "" || len(tpl.Logos) != 0 {
		t.Errorf("after reset: %+v", tpl)
	}
}

func TestVerifyDialog(t *testing.T) {
	u, w, s := startCertificates(t)
	i := rowNamed(t, s, "Bekele")
	run, err := ops.IssueCertificates(u.st, ops.CertificateRequest{Workshop: s.ws.data.Workshop.ID,
		People: []uuid.UUID{s.participant(i).ID}, Out: filepath.Join(t.TempDir(), "c.pdf"), Now: u.now()})
	if err != nil {
		t.Fatal(err)
	}
	qr, code := run.Certificates[0].QR, run.Certificates[0].Code
	v := showVerifyDialog(u)

	v.input.SetText(qr)
	v.verify()
	if v.status.Text != "✓ Genuine" || !containsText(w, "Abebe Bekele") || !containsText(w, run.Certificates[0].Number) {
		t.Errorf("genuine QR: %q", v.status.Text)
	}
	if v.values["Attended"] == nil || v.values["Attended"].Text != "speaker" {
		t.Errorf("attended field: %v", v.values["Attended"])
	}

	altered := strings.Replace(qr, "Abebe", "Abeba", 1)
	v.input.SetText(altered)
	v.verify()
	if !strings.HasPrefix(v.status.Text, "✗ Not genuine: ") || containsText(w, "Abeba Bekele") {
		t.Errorf("altered QR: %q", v.status.Text)
	}

	v.input.SetText("hello, is this a certificate?")
	v.verify()
	if !strings.HasPrefix(v.status.Text, "✗ Not genuine: ") {
		t.Errorf("garbage: %q", v.status.Text)
	}

	v.input.SetText(strings.ToLower(code))
	v.verify()
	if v.status.Text != "✓ Genuine" || !containsText(w, "Abebe Bekele") {
		t.Errorf("short code %s: %q", strings.ToLower(code), v.status.Text)
	}

	// Voided: a warning with the date and reason.
	c, _ := u.st.CertificateOf(s.rows[i].ParticipantID)
	if err := u.st.Void(c.ID, "issued in error"); err != nil {
		t.Fatal(err)
	}
	v.input.SetText(qr)
	v.verify()
	if !strings.HasPrefix(v.status.Text, "Voided on ") || !strings.HasSuffix(v.status.Text, ": issued in error") {
		t.Errorf("voided: %q", v.status.Text)
	}

	// The public key for offline checks.
	path := filepath.Join(t.TempDir(), "key.pem")
	if err := v.exportKey(path); err != nil {
		t.Fatal(err)
	}
	data, _ := os.ReadFile(path)
	pub, err := store.ParsePublicKey(string(data))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.VerifyQR(qr, pub); err != nil {
		t.Errorf("the exported key does not verify the QR text: %v", err)
	}
	if !containsText(w, store.KeyFingerprint(pub)) {
		t.Error("the key's fingerprint is not shown")
	}
}

// TestCertificatesShowTheCompletionRule: with the rule "post-test ≥ pass
// mark" set, the Certificates section gives the eligible who passed a
// certificate of completion and says why, as the CLI's eligibility does.
func TestCertificatesShowTheCompletionRule(t *testing.T) {
	u, _, s := startCertificates(t)
	quizzes, err := u.st.Quizzes(u.workshop.data.Workshop.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, z := range quizzes {
		if z.Kind == store.PostTest {
			z.PassMark, z.Completion = 50, true
			if err := u.st.SaveQuiz(&z); err != nil {
				t.Fatal(err)
			}
		}
	}
	s.reload()
	completion, reasons := 0, 0
	for _, r := range s.rows {
		if r.Kind == store.KindCompletion {
			completion++
		}
		if strings.Contains(r.Reason, "post-test") {
			reasons++
		}
	}
	if completion == 0 || reasons == 0 {
		t.Errorf("%d certificates of completion, %d reasons naming the post-test; want some of each", completion, reasons)
	}
}
