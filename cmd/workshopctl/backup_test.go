package main

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestBackupRestore backs up, adds a workshop, restores, and checks that the
// workshop is gone and the replaced file was kept.
func TestBackupRestore(t *testing.T) {
	for _, tt := range []struct {
		name string
		out  bool // back up with --out rather than into the backups folder
	}{
		{"backups folder", false},
		{"out", true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := demoFile(t)
			args := []string{"--data", path, "--json", "backup"}
			if tt.out {
				args = append(args, "--out", filepath.Join(t.TempDir(), "before.db"))
			}
			backup := decode[map[string]string](t, mustRun(t, args...))["path"]
			if _, err := os.Stat(backup); err != nil {
				t.Fatalf("backup printed %q: %v", backup, err)
			}
			if !tt.out {
				if dir := filepath.Join(filepath.Dir(path), "backups"); filepath.Dir(backup) != dir {
					t.Errorf("backup written to %s, not into %s", backup, dir)
				}
				listed := decode[[]map[string]any](t, mustRun(t, "--data", path, "backups", "--json"))
				if !slices.ContainsFunc(listed, func(b map[string]any) bool { return b["path"] == backup }) {
					t.Errorf("backups does not list %s: %v", backup, listed)
				}
				if human := mustRun(t, "--data", path, "backups"); !strings.Contains(human, backup) || !strings.HasPrefix(human, "LOCAL TIME") {
					t.Errorf("backups printed:\n%s", human)
				}
			}

			mustRun(t, "--data", path, "add-workshop", "--code", "later", "--title", "Added after the backup",
				"--city", "Dakar", "--country", "SN", "--start", "2027-01-01", "--end", "2027-01-02")
			if out := mustRun(t, "--data", path, "workshops"); !strings.Contains(out, "later") {
				t.Fatalf("the new workshop is not listed:\n%s", out)
			}

			out := mustRun(t, "--data", path, "restore", backup)
			if !strings.HasPrefix(out, "restored "+path+" from "+backup+"\n") {
				t.Errorf("restore printed %q", out)
			}
			_, saved, ok := strings.Cut(out, "the previous file was saved as ")
			if !ok {
				t.Fatalf("restore does not say where the previous file went: %q", out)
			}
			saved = strings.TrimSpace(saved)
			if _, err := os.Stat(saved); err != nil {
				t.Errorf("the previous file is not at %s: %v", saved, err)
			}

			list := decode[[]map[string]any](t, mustRun(t, "--data", path, "--json", "workshops"))
			if len(list) != 1 || list[0]["code"] != "demo" {
				t.Errorf("after the restore, workshops are %v; want only demo", list)
			}
			// The saved copy still holds the workshop added after the backup.
			if out := mustRun(t, "--data", saved, "workshops"); !strings.Contains(out, "later") {
				t.Errorf("the saved previous file lacks the later workshop:\n%s", out)
			}
		})
	}
}

// TestRestoreRejectsABadBackup checks that a bad or missing backup leaves
// the data file alone.
func TestRestoreRejectsABadBackup(t *testing.T) {
	path := demoFile(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(bad, []byte("not a database, not at all"), 0o600); err != nil {
		t.Fatal(err)
	}
	for from, want := range map[string]string{
		bad:                                      "too short to be a Workshop Desk data file",
		filepath.Join(t.TempDir(), "missing.db"): "there is no file",
	} {
		msg := wantFailure(t, runCLI(t, "--data", path, "restore", from))
		if !strings.Contains(msg, from) || !strings.Contains(msg, want) {
			t.Errorf("message %q does not name %s and say %q", msg, from, want)
		}
	}
	if after, err := os.ReadFile(path); err != nil || string(after) != string(before) {
		t.Errorf("a failed restore changed the data file (err %v)", err)
	}
}
