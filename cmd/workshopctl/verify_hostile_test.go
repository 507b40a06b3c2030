package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// TestHostileVerifyForgedWithStolenBackup signs a certificate with the key
// a backup holds: checked against the issuing data file it is NOT IN THE
// REGISTER, exit 1; with the public key alone it verifies, which is what
// that check can and cannot prove.
func TestHostileVerifyForgedWithStolenBackup(t *testing.T) {
	path := demoFile(t)
	stolen := filepath.Join(t.TempDir(), "stolen.db")
	mustRun(t, "--data", path, "public-key") // the key is made on first use
	mustRun(t, "--data", path, "backup", "--out", stolen)
	var forged string
	withDemo(t, stolen, func(st *store.Store, w store.Workshop) {
		p := store.Participant{WorkshopID: w.ID, GivenNames: "Mallory", FamilyNames: "Forger"}
		if err := st.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
		c, err := st.Issue([]uuid.UUID{p.ID}, time.Now())
		if err != nil {
			t.Fatal(err)
		}
		if forged, _, err = st.Sign(c[0], store.NewCertificateFields(&w, &p, &c[0], "9 of 9 sessions")); err != nil {
			t.Fatal(err)
		}
	})
	number := strings.SplitN(strings.TrimPrefix(forged, store.QRPrefix), "|", 2)[0]

	r := runCLI(t, "--data", path, "verify", forged)
	msg := wantFailure(t, r)
	if !strings.HasPrefix(r.stdout, "NOT IN THE REGISTER: "+number+" is signed with this data file's key, but this file never issued it") ||
		!strings.Contains(r.stdout, "name      Mallory Forger\n") || !strings.Contains(msg, number+" is not in the register") {
		t.Errorf("verify of a forgery:\n%s", r)
	}
	r = runCLI(t, "--data", path, "--json", "verify", forged)
	wantFailure(t, r)
	j := decode[map[string]any](t, r.stdout)
	if j["genuine"] != true || j["valid"] != false || j["in_register"] != false || j["register_checked"] != true ||
		!strings.HasPrefix(j["status"].(string), "NOT IN THE REGISTER: ") {
		t.Errorf("verify --json of a forgery: %v", j)
	}

	// The public key alone proves only that the key signed it.
	key := filepath.Join(t.TempDir(), "key.pem")
	mustRun(t, "--data", path, "public-key", "--out", key)
	if got := mustRun(t, "verify", "--key", key, forged); !strings.HasPrefix(got, "genuine: signed with the key in "+key) {
		t.Errorf("verify --key of a forgery: %q", got)
	}
}
