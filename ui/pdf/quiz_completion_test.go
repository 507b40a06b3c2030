package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestCertificateOfCompletion: a certificate of completion carries its
// own title in the certificate's language, over the attendance wording.
func TestCertificateOfCompletion(t *testing.T) {
	p := store.Participant{GivenNames: "Aminata", FamilyNames: "Traoré", BadgeCode: "TRAO01"}
	job := certJob(t,
		CertificateInput{Participant: p, Number: "X-001", Completion: true},
		CertificateInput{Participant: p, Number: "X-002", Completion: true, Language: "fr"},
		CertificateInput{Participant: p, Number: "X-003"})
	var b bytes.Buffer
	if err := Certificates(job, &b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "c.pdf")
	os.WriteFile(path, b.Bytes(), 0o600)
	for page, want := range map[int]string{1: "Certificate of Completion", 2: "Attestation de réussite"} {
		if text := pageText(t, path, page); !strings.Contains(text, want) {
			t.Errorf("page %d lacks %q:\n%s", page, want, text)
		}
	}
	if text := pageText(t, path, 3); strings.Contains(text, "Completion") {
		t.Errorf("an attendance certificate says completion:\n%s", text)
	}
}
