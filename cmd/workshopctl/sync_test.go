package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Two data files share the demo workshop through a folder: a check-in
// made with one appears in the other after an exchange each way.
func TestSyncJoinLaptopsCheckInTravels(t *testing.T) {
	a := demoFile(t)
	b := filepath.Join(t.TempDir(), "b.db")
	folder := filepath.Join(t.TempDir(), "shared")
	os.Mkdir(folder, 0o700)
	if r := runCLI(t, "--data", a, "sync", "--workshop", "demo"); r.code != exitFail || !strings.Contains(r.stderr, "--folder") {
		t.Fatalf("sync without a folder the first time:\n%s", r)
	}
	out := decode[map[string]any](t, mustRun(t, "--data", a, "--json", "sync", "--workshop", "demo", "--folder", folder, "--name", "Desk A"))
	code, _ := out["join_code"].(string)
	if len(code) != 14 || out["sent"].(float64) == 0 {
		t.Fatalf("sync --json: %v", out)
	}
	if r := runCLI(t, "--data", b, "join", "--folder", folder, "--code", "AAAA-BBBB-CCCC"); r.code != exitFail || !strings.Contains(r.stderr, "opens none") {
		t.Fatalf("join with a wrong code:\n%s", r)
	}
	got := mustRun(t, "--data", b, "join", "--folder", folder, "--code", strings.ToLower(code), "--name", "Desk B")
	if !strings.Contains(got, "Joined demo") || !strings.Contains(got, "from Desk A") {
		t.Fatalf("join:\n%s", got)
	}
	people := decode[[]map[string]any](t, mustRun(t, "--data", b, "--json", "participants", "--workshop", "demo"))
	badge := people[0]["badge_code"].(string)
	mustRun(t, "--data", b, "checkin", "--workshop", "demo", "--session", "1", "--code", badge, "--status", "present")
	mustRun(t, "--data", b, "sync", "--workshop", "demo")
	got = mustRun(t, "--data", a, "sync", "--workshop", "demo")
	if !strings.Contains(got, "from Desk B") {
		t.Fatalf("a's sync:\n%s", got)
	}
	att := mustRun(t, "--data", a, "--json", "attendance", "--workshop", "demo")
	if !strings.Contains(att, badge) {
		t.Fatalf("a's attendance lacks b's check-in of %s", badge)
	}
	if got := mustRun(t, "--data", a, "sync", "--workshop", "demo"); !strings.Contains(got, "Nothing new") {
		t.Fatalf("second sync:\n%s", got)
	}
	list := mustRun(t, "--data", a, "laptops", "--workshop", "demo")
	if !strings.Contains(list, "This laptop: Desk A") || !strings.Contains(list, "Desk B (numbers ") || !strings.Contains(list, code) {
		t.Fatalf("laptops:\n%s", list)
	}
}
