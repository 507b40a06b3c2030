package main

import (
	"strings"
	"testing"
)

// TestAddSessionSummerTime adds sessions starting in the hour the clocks
// jump over in Santiago de Chile and in the hour that happens twice: each
// is added, with a note saying what the session does.
func TestAddSessionSummerTime(t *testing.T) {
	path := newDataFile(t)
	mustRun(t, "--data", path, "add-workshop", "--code", "scl-2026", "--title", "Trabajo nocturno", "--city", "Santiago",
		"--country", "CL", "--tz", "America/Santiago", "--start", "2026-09-05", "--end", "2026-09-07")
	got := mustRun(t, "--data", path, "add-session", "--workshop", "scl-2026", "--date", "2026-09-06",
		"--start", "00:30", "--end", "02:00", "--title", "Night plenary")
	if !strings.Contains(got, "\nnote: 00:30 does not exist on Sun 6 Sep 2026 in America/Santiago: the clocks go forward from 00:00 to 01:00, so the session starts at 01:30\n") {
		t.Errorf("add-session in the skipped hour:\n%s", got)
	}
	got = mustRun(t, "--data", path, "add-session", "--workshop", "scl-2026", "--date", "2026-09-06",
		"--start", "09:00", "--end", "10:00", "--title", "Morning plenary")
	if strings.Contains(got, "note:") {
		t.Errorf("add-session at an ordinary time:\n%s", got)
	}
	mustRun(t, "--data", path, "add-workshop", "--code", "scl-2026b", "--title", "Trabajo nocturno", "--city", "Santiago",
		"--country", "CL", "--tz", "America/Santiago", "--start", "2026-04-03", "--end", "2026-04-05")
	got = mustRun(t, "--data", path, "add-session", "--workshop", "scl-2026b", "--date", "2026-04-04",
		"--start", "23:10", "--end", "23:50", "--title", "Night plenary")
	if !strings.Contains(got, "\nnote: 23:10 happens twice on Sat 4 Apr 2026 in America/Santiago: the clocks go back from 00:00 to 23:00; the session starts at the first 23:10") {
		t.Errorf("add-session in the repeated hour:\n%s", got)
	}
}
