package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestSecondOpener checks that a file open elsewhere fails within 3 s with
// a message saying so.
func TestSecondOpener(t *testing.T) {
	path := demoFile(t)
	st, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() }) // after the parallel subtests
	backup := filepath.Join(t.TempDir(), "backup.db")
	if err := st.BackupTo(backup); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"workshops"},
		{"check"},
		{"participants", "--workshop", "demo"},
		{"add-workshop", "--code", "x-1", "--title", "T", "--city", "Dakar", "--country", "SN", "--start", "2027-01-01", "--end", "2027-01-02"},
		{"restore", backup},
	} {
		t.Run(args[0], func(t *testing.T) {
			t.Parallel()
			start := time.Now()
			r := runCLI(t, append([]string{"--data", path}, args...)...)
			elapsed := time.Since(start)
			msg := wantFailure(t, r)
			if !strings.Contains(msg, "already open") {
				t.Errorf("message %q does not say the file is already open", msg)
			}
			if elapsed > 3*time.Second {
				t.Errorf("gave up after %v, want at most 3s", elapsed)
			}
		})
	}
}

// TestCheck checks a healthy file.
func TestCheck(t *testing.T) {
	path := demoFile(t)
	if out := mustRun(t, "--data", path, "check"); !strings.HasPrefix(out, "ok: no problems found") {
		t.Errorf("check printed %q", out)
	}
	got := decode[map[string]any](t, mustRun(t, "--data", path, "check", "--json"))
	if got["ok"] != true || got["path"] != path || len(got["problems"].([]any)) != 0 {
		t.Errorf("check --json printed %v", got)
	}

	// Checking a backup writes nothing: no backups folder of its own.
	list, err := store.Backups(path)
	if err != nil || len(list) == 0 {
		t.Fatalf("no backup to check (%v)", err)
	}
	backup := list[0].Path
	if out := mustRun(t, "--data", backup, "check"); !strings.HasPrefix(out, "ok: no problems found") {
		t.Errorf("check of a backup printed %q", out)
	}
	if _, err := os.Stat(store.BackupDir(backup)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("checking %s made a backups folder beside it (%v)", backup, err)
	}
}

// TestDamagedFile checks that a damaged file fails with one line and stays
// byte for byte as it was, and that it can be restored from a backup.
func TestDamagedFile(t *testing.T) {
	dir := t.TempDir()
	noise := make([]byte, 64<<10)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range noise {
		noise[i] = byte(r.Uint32())
	}
	for _, tt := range []struct {
		name    string
		content []byte
	}{
		{"random bytes", noise},
		{"empty file", nil},
		{"text file", []byte("participants.csv\nname,country\n")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".db")
			if err := os.WriteFile(path, tt.content, 0o600); err != nil {
				t.Fatal(err)
			}
			for _, args := range [][]string{
				{"workshops"}, {"check"}, {"init-demo"}, {"backup"},
				{"sessions", "--workshop", "demo"},
				{"export", "--out", filepath.Join(dir, "export.json")},
			} {
				msg := wantFailure(t, runCLI(t, append([]string{"--data", path}, args...)...))
				if !strings.Contains(msg, "cannot be used") || !strings.Contains(msg, path) {
					t.Errorf("%v: message %q does not say that %s cannot be used", args, msg, path)
				}
				if got, err := os.ReadFile(path); err != nil || !bytes.Equal(got, tt.content) {
					t.Fatalf("%v changed the damaged file (err %v)", args, err)
				}
			}
		})
	}

	// A damaged file can be restored from a backup without being opened;
	// the damaged file is kept.
	path := filepath.Join(dir, "random-bytes.db")
	good := demoFile(t)
	out := mustRun(t, "--data", path, "restore", good)
	_, saved, ok := strings.Cut(out, "the previous file was saved as ")
	if !ok {
		t.Fatalf("restore printed %q", out)
	}
	if got, err := os.ReadFile(strings.TrimSpace(saved)); err != nil || !bytes.Equal(got, noise) {
		t.Errorf("the damaged file was not kept as %s (err %v)", saved, err)
	}
	if out := mustRun(t, "--data", path, "workshops"); !strings.Contains(out, "demo") {
		t.Errorf("after restoring, workshops printed %q", out)
	}
}

// TestExport checks that export writes valid JSON holding the sample
// workshop with the same participants as participants --json.
func TestExport(t *testing.T) {
	path := demoFile(t)
	out := filepath.Join(t.TempDir(), "archive.json")
	if got := mustRun(t, "--data", path, "export", "--out", out); got != "exported 1 workshop to "+out+"\n" {
		t.Errorf("export printed %q", got)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var archive struct {
		Workshops []struct {
			Workshop     map[string]any   `json:"workshop"`
			Sessions     []map[string]any `json:"sessions"`
			Participants []map[string]any `json:"participants"`
		} `json:"workshops"`
	}
	if err := json.Unmarshal(data, &archive); err != nil {
		t.Fatalf("the export is not valid JSON: %v", err)
	}
	if len(archive.Workshops) != 1 || archive.Workshops[0].Workshop["code"] != "demo" {
		t.Fatalf("export holds %d workshops, want the demo", len(archive.Workshops))
	}
	listed := decode[[]map[string]any](t, mustRun(t, "--data", path, "--json", "participants", "--workshop", "demo"))
	exported := archive.Workshops[0].Participants
	if len(exported) != 40 || len(exported) != len(listed) {
		t.Fatalf("export holds %d participants, participants lists %d, want 40", len(exported), len(listed))
	}
	for i, p := range exported {
		if p["badge_code"] != listed[i]["badge_code"] || p["family_name"] != listed[i]["family_name"] || p["native_name"] != listed[i]["native_name"] {
			t.Errorf("participant %d: exported %v, listed %v", i, p, listed[i])
		}
	}
	if len(archive.Workshops[0].Sessions) != 10 {
		t.Errorf("export holds %d sessions, want 10", len(archive.Workshops[0].Sessions))
	}

	got := decode[map[string]any](t, mustRun(t, "--data", path, "--json", "export", "--out", out))
	if got["path"] != out || got["workshops"] != 1.0 {
		t.Errorf("export --json printed %v", got)
	}
}

// TestRefusesToOverwriteTheDataFile checks that backup, export and restore
// refuse to use the data file itself as the other file.
func TestRefusesToOverwriteTheDataFile(t *testing.T) {
	path := demoFile(t)
	before, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	same := filepath.Join(filepath.Dir(path), ".", filepath.Base(path))
	for _, args := range [][]string{
		{"export", "--out", path},
		{"backup", "--out", same},
		{"restore", path},
	} {
		msg := wantFailure(t, runCLI(t, append([]string{"--data", path}, args...)...))
		if !strings.Contains(msg, "another file than the data file") {
			t.Errorf("%v: %q", args, msg)
		}
	}
	if after, err := os.ReadFile(path); err != nil || !bytes.Equal(before, after) {
		t.Errorf("the data file changed (err %v)", err)
	}
}

// TestCheckFindsDamage damages a page deep inside the sample file: check
// lists the problem, exits 1 and says how to put a backup of that very
// file back.
func TestCheckFindsDamage(t *testing.T) {
	path := demoFile(t)
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteAt(bytes.Repeat([]byte{0xff}, 4096), 5*4096); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	r := runCLI(t, "--data", path, "check")
	msg := wantFailure(t, r)
	if !strings.HasPrefix(r.stdout, "a damaged page was found") {
		t.Errorf("check printed %q", r.stdout)
	}
	for _, want := range []string{"check found 1 problem in " + path, "workshopctl --data " + path + " backups", "workshopctl --data " + path + " restore FILE"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message %q lacks %q", msg, want)
		}
	}
}

func TestShellWord(t *testing.T) {
	for in, want := range map[string]string{
		"/data/w.db":        "/data/w.db",
		"/my data/w.db":     "'/my data/w.db'",
		"/data/o'brien.db":  `'/data/o'\''brien.db'`,
		`C:\Workshops\w.db`: `'C:\Workshops\w.db'`,
		"/data/$HOME/w.db":  "'/data/$HOME/w.db'",
	} {
		if got := shellWord(in); got != want {
			t.Errorf("shellWord(%q) = %s, want %s", in, got, want)
		}
	}
}
