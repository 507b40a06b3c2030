package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestVerifyPage writes the page with an address: the workshop keeps the
// address, the page holds the key, and the certificates printed next have
// QR codes that hold the address and "#WD1:", which verify accepts.
func TestVerifyPage(t *testing.T) {
	path := demoFile(t)
	page := filepath.Join(t.TempDir(), "verify.html")
	r := runCLI(t, "--data", path, "verify-page", "--workshop", "demo", "--out", page, "--url", "http://example.org/v.html")
	if msg := wantFailure(t, r); !strings.Contains(msg, "https://") {
		t.Errorf("a plain http address: %s", msg)
	}
	out := mustRun(t, "--data", path, "verify-page", "--workshop", "demo", "--out", page, "--url", "https://example.org/verify.html")
	key := strings.TrimSpace(mustRun(t, "--data", path, "public-key"))
	fp := strings.Fields(key)[4]
	html, err := os.ReadFile(page)
	if err != nil || !strings.Contains(string(html), fp) || !strings.Contains(out, "https://example.org/verify.html") {
		t.Fatalf("page (%v) or output %q lacks the key %s or the address", err, out, fp)
	}
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		if w.Certificate.VerifyURL != "https://example.org/verify.html" {
			t.Errorf("the workshop's address is %q", w.Certificate.VerifyURL)
		}
	})
	pdf := filepath.Join(t.TempDir(), "c.pdf")
	mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", pdf)
	if _, err := exec.LookPath("zbarimg"); err != nil {
		t.Skip("zbarimg is not installed: the printed QR code was not read")
	}
	png := filepath.Join(t.TempDir(), "p")
	if err := exec.Command("pdftoppm", "-r", "200", "-f", "1", "-l", "1", "-png", "-singlefile", pdf, png).Run(); err != nil {
		t.Fatal(err)
	}
	qr, err := exec.Command("zbarimg", "-q", "--raw", png+".png").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.TrimSpace(string(qr))
	if !strings.HasPrefix(text, "https://example.org/verify.html#WD1:DEMO-") {
		t.Fatalf("the QR code holds %q", text)
	}
	if got := mustRun(t, "--data", path, "verify", text); !strings.HasPrefix(got, "genuine") {
		t.Errorf("verify of the address: %s", got)
	}
}
