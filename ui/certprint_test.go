package ui

import (
	"os/exec"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// shownPath reports whether an entry on screen holds path, to copy.
func shownPath(u *App, path string) bool {
	for _, o := range objects(u.win) {
		if e, ok := o.(*widget.Entry); ok && e.Text == path {
			return true
		}
	}
	return false
}

// TestPreviewAlwaysSaysWhere checks that a preview always says where its
// file is, whether or not the system has a program to open it: with a
// viewer that accepts the request and shows nothing, nothing happened.
func TestPreviewAlwaysSaysWhere(t *testing.T) {
	u, w, s := startCertificates(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	for _, viewer := range []string{"accepts", "missing"} {
		if viewer == "missing" {
			u.app = noViewerApp{u.app}
		}
		u.lastPreview = nil
		s.showPreview()
		if u.lastPreview == nil {
			t.Fatalf("viewer %s: no message after Preview", viewer)
		}
		path, err := s.writePreview(s.previewRow())
		if err != nil {
			t.Fatal(err)
		}
		_ = path
		found := false
		for _, o := range objects(w) {
			if e, ok := o.(*widget.Entry); ok && strings.Contains(e.Text, "certificate-preview-") {
				found = true
			}
		}
		if !found {
			t.Errorf("viewer %s: the message does not give the preview's path", viewer)
		}
		if viewer == "missing" && !containsText(w, "No program to open it was found") {
			t.Error("without a viewer, the message does not say so")
		}
		u.lastPreview.Hide()
	}
}

// TestPreviewIsMarkedAndHasNoNumber checks that a preview PDF says
// "PREVIEW — not a certificate" and carries no certificate number, even
// for someone who holds one, and issues nothing.
func TestPreviewIsMarkedAndHasNoNumber(t *testing.T) {
	u, _, s := startCertificates(t)
	t.Setenv("XDG_CACHE_HOME", t.TempDir())
	i := firstRow(t, s, func(r store.EligibilityRow) bool { return r.Eligible })
	run := printAndWait(t, s, []int{i}, t.TempDir()+"/one.pdf", "")
	c, err := u.st.CertificateOf(s.rows[i].ParticipantID)
	if err != nil || run.issued != 1 {
		t.Fatalf("not issued: %v", err)
	}
	before, _ := u.st.Certificates(s.ws.data.Workshop.ID)
	path, err := s.writePreview(i)
	if err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("pdftotext", path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext (poppler-utils): %v", err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	if !strings.Contains(text, "PREVIEW — not a certificate") {
		t.Errorf("the preview is not marked:\n%s", text)
	}
	if strings.Contains(text, c.Number) || strings.Contains(text, c.Code) {
		t.Errorf("the preview carries the real number %s or code %s:\n%s", c.Number, c.Code, text)
	}
	after, _ := u.st.Certificates(s.ws.data.Workshop.ID)
	if len(after) != len(before) {
		t.Errorf("the preview changed the register: %d → %d", len(before), len(after))
	}
	if again, _ := u.st.CertificateOf(c.ParticipantID); again.Reprints != c.Reprints {
		t.Error("the preview counted a reprint")
	}
}

// TestCertificatesRefuseLostLetters checks that printing stops at names
// that still hold a "?" for a lost letter, naming them, and issues nothing
// unless the user prints anyway.
func TestCertificatesRefuseLostLetters(t *testing.T) {
	u, w, _ := startCertificates(t)
	p := store.Participant{WorkshopID: u.workshop.data.Workshop.ID, GivenNames: "?ule", FamilyNames: "Ça?lar", Country: "TR", Role: store.RoleSpeaker}
	if err := u.st.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	u.workshop.changed()
	u.showSection(sectionCertificates)
	s := u.workshop.certificates
	s.printEligible()
	if s.lostLetters == nil || !containsText(w, "?ule Ça?lar") {
		t.Fatal("no question names the name with a lost letter")
	}
	test.Tap(button(t, w, "Fix names"))
	if reg, _ := u.st.Certificates(u.workshop.data.Workshop.ID); len(reg) != 0 {
		t.Errorf("%d certificates issued after Fix names", len(reg))
	}
}

// TestBadgesRefuseLostLetters checks that badges name the people whose
// names still hold a lost letter before asking where to save, and that
// "Fix names" writes nothing.
func TestBadgesRefuseLostLetters(t *testing.T) {
	u, w := openSampleParticipants(t)
	people := append([]store.Participant(nil), u.workshop.data.Participants[:3]...)
	people[1].GivenNames, people[1].FamilyNames = "?ule", "Ça?lar"
	printBadges(u.workshop, people)
	test.Tap(button(t, w, "Save PDF…"))
	if u.lastLostLetters == nil || !containsText(w, "?ule Ça?lar") {
		t.Fatal("no question names the name with a lost letter")
	}
	test.Tap(button(t, w, "Fix names"))
	if containsText(w, "?ule Ça?lar") {
		t.Error("the question is still open after Fix names")
	}
}
