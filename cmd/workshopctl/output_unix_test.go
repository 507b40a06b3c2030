//go:build unix

package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestOutRefusesSpecialFiles checks that --out never replaces a device, a
// pipe or a folder (as root, "--out /dev/null" replaced /dev/null), and
// that certificates are not issued when their file cannot be written. A
// named pipe of the test's own stands for the device: on a broken build a
// real one would be replaced.
func TestOutRefusesSpecialFiles(t *testing.T) {
	data := demoFile(t)
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe.pdf")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	for _, args := range [][]string{
		{"badges", "--workshop", "demo", "--out", pipe},
		{"signin-sheet", "--workshop", "demo", "--session", "1", "--out", pipe},
		{"report", "--workshop", "demo", "--kind", "attendance", "--out", pipe},
		{"participants", "--workshop", "demo", "--out", pipe[:len(pipe)-4] + ".csv"},
		{"certificates", "--workshop", "demo", "--out", pipe},
		{"public-key", "--out", pipe},
		{"export", "--out", dir},
	} {
		if strings.HasSuffix(args[len(args)-1], ".csv") {
			os.Remove(args[len(args)-1])
			syscall.Mkfifo(args[len(args)-1], 0o600)
		}
		msg := wantFailure(t, runCLI(t, append([]string{"--data", data}, args...)...))
		if !strings.Contains(msg, "not a regular file") {
			t.Errorf("workshopctl %s: %q, want it to say the target is not a regular file", args[0], msg)
		}
	}
	if fi, err := os.Lstat(pipe); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", fi.Mode(), err)
	}
	out := mustRun(t, "--data", data, "--json", "eligibility", "--workshop", "demo")
	for _, e := range decode[[]eligibilityJSON](t, out) {
		if e.Certificate != "" {
			t.Fatalf("%s got certificate %s from a run whose file could not be written", e.Name, e.Certificate)
		}
	}
}
