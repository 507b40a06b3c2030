package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/term"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestPassphraseCommands sets a passphrase from the environment, then
// opens, checks, backs up, exports and restores the sealed file as a new
// process would (the key forgotten), recovers with the recovery key and
// removes the passphrase.
func TestPassphraseCommands(t *testing.T) {
	data := demoFile(t)
	people := decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo"))
	name, _ := people[0]["family_name"].(string)
	email, _ := people[0]["email"].(string)
	if name == "" || email == "" {
		t.Fatalf("demo participant without a name or email: %v", people[0])
	}
	sheet := filepath.Join(t.TempDir(), "recovery.pdf")
	t.Setenv(newPassphraseEnv, "first passphrase")
	out := mustRun(t, "--data", data, "passphrase", "set", "--sheet", sheet, "--language", "fr")
	_, key, ok := strings.Cut(out, "Recovery key (shown once; keep it apart from the laptop): ")
	key, _, _ = strings.Cut(key, "\n")
	if !ok || len(key) != 39 {
		t.Fatalf("no recovery key printed:\n%s", out)
	}
	if st, err := os.Stat(sheet); err != nil || st.Size() == 0 {
		t.Fatalf("recovery sheet: %v", err)
	}
	raw, _ := os.ReadFile(data)
	if bytes.Contains(raw, []byte(name)) || bytes.Contains(raw, []byte(email)) {
		t.Fatal("the sealed file holds a participant's name or email")
	}

	store.ForgetKeys() // as a new process
	if !term.IsTerminal(int(os.Stdin.Fd())) {
		msg := wantFailure(t, runCLI(t, "--data", data, "workshops"))
		if !strings.Contains(msg, "WORKSHOPDESK_PASSPHRASE") {
			t.Errorf("without the passphrase: %s", msg)
		}
	}
	t.Setenv(passphraseEnv, "wrong passphrase")
	if msg := wantFailure(t, runCLI(t, "--data", data, "workshops")); !strings.Contains(msg, "passphrase is wrong") {
		t.Errorf("wrong passphrase: %s", msg)
	}
	t.Setenv(passphraseEnv, "first passphrase")
	if out := mustRun(t, "--data", data, "participants", "--workshop", "demo"); !strings.Contains(out, name) {
		t.Errorf("participants with the passphrase:\n%s", out)
	}
	store.ForgetKeys()
	if out := mustRun(t, "--data", data, "check"); !strings.Contains(out, "ok: no problems found") {
		t.Errorf("check: %s", out)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	mustRun(t, "--data", data, "backup", "--out", backup)
	if raw, _ := os.ReadFile(backup); bytes.Contains(raw, []byte(name)) {
		t.Error("the backup holds a participant's name")
	}
	export := filepath.Join(t.TempDir(), "export.json")
	mustRun(t, "--data", data, "export", "--out", export)
	store.ForgetKeys()
	mustRun(t, "--data", data, "restore", backup)

	// Forgotten passphrase: the recovery key sets a new one.
	store.ForgetKeys()
	t.Setenv(passphraseEnv, "")
	t.Setenv(recoveryEnv, strings.ToLower(key))
	t.Setenv(newPassphraseEnv, "second passphrase")
	if out := mustRun(t, "--data", data, "passphrase", "change", "--recovery"); !strings.Contains(out, "is changed") {
		t.Errorf("change --recovery: %s", out)
	}
	store.ForgetKeys()
	t.Setenv(passphraseEnv, "second passphrase")
	mustRun(t, "--data", data, "workshops")
	store.ForgetKeys()
	mustRun(t, "--data", data, "passphrase", "remove")
	store.ForgetKeys()
	os.Unsetenv(passphraseEnv)
	if out := mustRun(t, "--data", data, "participants", "--workshop", "demo"); !strings.Contains(out, name) {
		t.Errorf("after remove:\n%s", out)
	}
}

// TestSecretsAreNeverFlags checks that no command takes a passphrase or a
// key as a flag: flags show in the process list and the shell's history.
func TestSecretsAreNeverFlags(t *testing.T) {
	for _, cmd := range commands() {
		for _, f := range ownFlags(cmd) {
			if strings.Contains(f, "passphrase") || strings.Contains(f, "password") || f == "recovery-key" {
				t.Errorf("%s has a flag --%s", cmd.name, f)
			}
		}
	}
	if r := runCLI(t, "passphrase", "set", "--passphrase", "x"); r.code != exitUsage {
		t.Errorf("--passphrase accepted:\n%s", r)
	}
}
