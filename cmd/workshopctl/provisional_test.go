package main

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestCertificatesProvisional prints mid-workshop for everyone on track:
// those eligible get final certificates, those on track or at risk
// provisional ones, which the register records as provisional.
func TestCertificatesProvisional(t *testing.T) {
	path := demoFile(t)
	rows, eligible := eligibleNow(t, path)
	onTrack := 0
	for _, r := range rows {
		if s := r.Standing(); !r.Eligible && (s == store.StandingOnTrack || s == store.StandingAtRisk) {
			onTrack++
		}
	}
	if onTrack == 0 {
		t.Fatal("nobody of the sample workshop is on track")
	}
	out := filepath.Join(t.TempDir(), "all.pdf")
	type runJSON struct {
		Issued       int `json:"issued"`
		Provisional  int `json:"provisional"`
		Certificates []struct {
			Number      string `json:"number"`
			Provisional bool   `json:"provisional"`
		} `json:"certificates"`
	}
	got := decode[runJSON](t, mustRun(t, "--data", path, "--json", "certificates", "--workshop", "demo", "--provisional", "--out", out))
	if got.Issued != eligible+onTrack || got.Provisional != onTrack {
		t.Fatalf("issued %d (%d provisional), want %d eligible + %d on track", got.Issued, got.Provisional, eligible, onTrack)
	}
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		for _, c := range got.Certificates {
			rec, err := st.CertificateByNumber(c.Number)
			if err != nil || rec.Provisional != c.Provisional {
				t.Errorf("%s: register %+v (%v), run says provisional %v", c.Number, rec, err, c.Provisional)
			}
		}
		// Nothing settles while the sessions are still to come.
		s, err := st.SettleProvisional(w.ID, time.Now())
		if err != nil || len(s.Confirmed) != 0 || len(s.Pending) != onTrack-len(s.Withdraw) {
			t.Errorf("settlement %d confirmed, %d pending, %d to withdraw (%v)", len(s.Confirmed), len(s.Pending), len(s.Withdraw), err)
		}
	})
	// Without --provisional, only the eligible; the text says how to print for the others.
	text := mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", out)
	if want := "--provisional prints for them too"; !strings.Contains(text, want) {
		t.Errorf("no hint %q in:\n%s", want, text)
	}
}
