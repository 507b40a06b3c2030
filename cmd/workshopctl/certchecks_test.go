package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// issuedCount returns how many certificates the register of the sample
// workshop holds.
func issuedCount(t *testing.T, path string) int {
	t.Helper()
	n := 0
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		list, err := st.Certificates(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		n = len(list)
	})
	return n
}

// addSpeaker adds a speaker (eligible for appreciation) to the sample
// workshop.
func addSpeaker(t *testing.T, path, given, family string) {
	t.Helper()
	addSpeakerNative(t, path, given, family, "")
}

// addSpeakerNative adds a speaker with a name in their own script.
func addSpeakerNative(t *testing.T, path, given, family, native string) {
	t.Helper()
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		p := store.Participant{WorkshopID: w.ID, GivenNames: given, FamilyNames: family, NativeName: native, Country: "ET", Role: store.RoleSpeaker}
		if err := st.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
	})
}

// TestCertificatesCheckBeforeIssuing checks that names too long for the
// QR code together (each within its field's limit: 100 Latin letters in
// each name and 100 Ethiopic ones, three bytes each, in their own script)
// stop the run before any number is issued: on main the run failed after
// issuing every number.
func TestCertificatesCheckBeforeIssuing(t *testing.T) {
	path := demoFile(t)
	addSpeakerNative(t, path, strings.Repeat("Abcdefghij", 10), strings.Repeat("Klmnopqrst", 10), strings.Repeat("አበበ በቀለ ", 11)+"ሀ")
	out := filepath.Join(t.TempDir(), "all.pdf")
	msg := wantFailure(t, runCLI(t, "--data", path, "certificates", "--workshop", "demo", "--out", out))
	if !strings.Contains(msg, "too long for the QR code") || !strings.Contains(msg, "nothing was issued") {
		t.Errorf("message %q, want it to name the QR code and say nothing was issued", msg)
	}
	if n := issuedCount(t, path); n != 0 {
		t.Errorf("%d certificates issued by a run that failed", n)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the PDF was written")
	}
}

// TestLostLettersRefused checks that badges and certificates refuse names
// that still hold a "?" for a letter lost to an 8-bit export, naming the
// people, and print them when allowed.
func TestLostLettersRefused(t *testing.T) {
	path := demoFile(t)
	addSpeaker(t, path, "?ule", "Ça?lar")
	dir := t.TempDir()
	badges, certs := filepath.Join(dir, "badges.pdf"), filepath.Join(dir, "certs.pdf")
	for _, args := range [][]string{
		{"badges", "--workshop", "demo", "--out", badges},
		{"certificates", "--workshop", "demo", "--out", certs},
	} {
		msg := wantFailure(t, runCLI(t, append([]string{"--data", path}, args...)...))
		if !strings.Contains(msg, "?ule Ça?lar") || !strings.Contains(msg, "--allow-lost-letters") {
			t.Errorf("%s: %q, want the name and the flag that allows it", args[0], msg)
		}
	}
	if n := issuedCount(t, path); n != 0 {
		t.Errorf("%d certificates issued by a refused run", n)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("files written by refused runs: %v", entries)
	}
	mustRun(t, "--data", path, "badges", "--workshop", "demo", "--out", badges, "--allow-lost-letters")
	mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", certs, "--allow-lost-letters")
	if !strings.Contains(pdfText(t, certs), "?ule") || !strings.Contains(pdfText(t, badges), "?ule") {
		t.Error("the name allowed is not printed")
	}
}
