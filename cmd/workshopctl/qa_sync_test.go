package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// One check-in travels as "1 change", not "1 changes".
func TestSyncCountsOneChangeInTheSingular(t *testing.T) {
	a := demoFile(t)
	b := filepath.Join(t.TempDir(), "b.db")
	folder := filepath.Join(t.TempDir(), "shared")
	os.Mkdir(folder, 0o700)
	out := decode[map[string]any](t, mustRun(t, "--data", a, "--json", "sync", "--workshop", "demo", "--folder", folder, "--name", "Desk A"))
	code, _ := out["join_code"].(string)
	mustRun(t, "--data", b, "join", "--folder", folder, "--code", code, "--name", "Desk B")
	people := decode[[]map[string]any](t, mustRun(t, "--data", b, "--json", "participants", "--workshop", "demo"))
	mustRun(t, "--data", b, "checkin", "--workshop", "demo", "--session", "1", "--code", people[0]["badge_code"].(string), "--status", "excused")
	if got := mustRun(t, "--data", b, "sync", "--workshop", "demo"); !strings.Contains(got, "Sent 1 change:") {
		t.Fatalf("b's sync:\n%s", got)
	}
	if got := mustRun(t, "--data", a, "sync", "--workshop", "demo"); !strings.Contains(got, "Received 1 change from Desk B") {
		t.Fatalf("a's sync:\n%s", got)
	}
	if got := mustRun(t, "--data", a, "laptops", "--workshop", "demo"); !strings.Contains(got, "1 change in 2 files") {
		t.Fatalf("a's laptops:\n%s", got)
	}
}
