package main

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestEveryCommandPrintsJSON runs every command with --json, in the order
// help lists them, on one data file, and checks that what it prints on
// standard output is one JSON value, whether it succeeds or not. A new
// command needs a case here.
func TestEveryCommandPrintsJSON(t *testing.T) {
	defer func(f func() (context.Context, context.CancelFunc)) { untilInterrupted = f }(untilInterrupted)
	dir := t.TempDir()
	data := filepath.Join(dir, "workshopdesk.db")
	out := func(name string) string { return filepath.Join(dir, name) }
	var badge string
	cases := map[string]func() []string{
		"init-demo": func() []string { return nil },
		"add-workshop": func() []string {
			return []string{"--code", "dakar-2027", "--title", "Labour migration statistics", "--city", "Dakar",
				"--country", "SN", "--start", "2027-03-01", "--end", "2027-03-03"}
		},
		"add-session": func() []string {
			return []string{"--workshop", "dakar-2027", "--date", "2027-03-01", "--start", "09:00", "--end", "10:30", "--title", "Opening plenary"}
		},
		"workshops": func() []string { return nil },
		"sessions":  func() []string { return []string{"--workshop", "demo"} },
		"participants": func() []string {
			people := decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo"))
			badge, _ = people[0]["badge_code"].(string)
			return []string{"--workshop", "demo"}
		},
		"import": func() []string { return []string{"--workshop", "demo", fixture(t, "participants-addis-utf8-bom.csv")} },
		"import-attendance": func() []string {
			marks := out("marks.csv")
			if err := os.WriteFile(marks, []byte("Badge code,Session,Status\n"+badge+",1,present\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			return []string{"--workshop", "demo", marks}
		},
		"checkin": func() []string {
			return []string{"--workshop", "demo", "--session", "1", "--code", badge, "--status", "present"}
		},
		"attendance":   func() []string { return []string{"--workshop", "demo"} },
		"badges":       func() []string { return []string{"--workshop", "demo", "--out", out("badges.pdf")} },
		"signin-sheet": func() []string { return []string{"--workshop", "demo", "--session", "1", "--out", out("sheet.pdf")} },
		"report":       func() []string { return []string{"--workshop", "demo", "--kind", "agenda", "--out", out("agenda.pdf")} },
		"eligibility":  func() []string { return []string{"--workshop", "demo"} },
		"certificates": func() []string {
			return []string{"--workshop", "demo", "--out", out("certificates.pdf"), "--allow-missing-glyphs"}
		},
		"verify":      func() []string { return []string{"HJKM-CEFG-3479"} },
		"public-key":  func() []string { return nil },
		"verify-page": func() []string { return []string{"--workshop", "demo", "--out", out("verify.html")} },
		"check":       func() []string { return nil },
		"backup":      func() []string { return []string{"--out", out("backup.db")} },
		"backups":     func() []string { return nil },
		"restore":     func() []string { return []string{out("backup.db")} },
		"export":      func() []string { return []string{"--out", out("export.json")} },
		"passphrase": func() []string {
			t.Setenv(newPassphraseEnv, "a json passphrase")
			t.Setenv(passphraseEnv, "a json passphrase")
			return []string{"set"}
		},
		"evaluation-forms": func() []string {
			return []string{"--workshop", "demo", "--out", out("forms.pdf"), "--language", "fr", "--copies", "2"}
		},
		"record-evaluation": func() []string {
			return []string{"--workshop", "demo", "--form", "500", "--ratings", strings.TrimSpace(strings.Repeat("4 ", 19)), "--comment", "suggestions=Plus de pauses"}
		},
		"import-evaluations": func() []string {
			os.WriteFile(out("answers.csv"), []byte("Form,1\n501,Strongly agree\n"), 0o600)
			return []string{"--workshop", "demo", out("answers.csv"), "--yes"}
		},
		"evaluation": func() []string { return []string{"--workshop", "demo"} },
		"import-questions": func() []string {
			os.WriteFile(out("bank.gift"), []byte("::Q::Is it true?{T}\n\n::E::Essay{}\n"), 0o600)
			return []string{"--workshop", "demo", out("bank.gift"), "--test", "post"}
		},
		"questions":        func() []string { return []string{"--workshop", "demo"} },
		"export-questions": func() []string { return []string{"--workshop", "demo", "--out", out("bank-out.gift")} },
		"test-sheets":      func() []string { return []string{"--workshop", "demo", "--test", "pre", "--out", out("pre.pdf")} },
		"record-answers": func() []string {
			return []string{"--workshop", "demo", "--test", "pre", "--code", badge, "--answers", `T F B AB 2007 "Bishoftu"`}
		},
		"import-answers": func() []string {
			os.WriteFile(out("form.csv"), []byte("badge,1,2\n"+badge+",Vrai,F\n"), 0o600)
			return []string{"--workshop", "demo", "--test", "post", out("form.csv")}
		},
		"results":       func() []string { return []string{"--workshop", "demo"} },
		"test-settings": func() []string { return []string{"--workshop", "demo", "--test", "post", "--pass-mark", "60"} },
		"purge":         func() []string { return []string{"--workshop", "dakar-2027"} },
		"person":        func() []string { return []string{"--workshop", "demo", "--participant", badge} },
		"erase-person":  func() []string { return []string{"--workshop", "demo", "--participant", badge} },
		"sync": func() []string {
			os.Mkdir(out("shared"), 0o700)
			return []string{"--workshop", "demo", "--folder", out("shared"), "--name", "Desk A"}
		},
		"join": func() []string {
			l := decode[map[string]any](t, mustRun(t, "--data", data, "--json", "laptops", "--workshop", "demo"))
			code, _ := l["join_code"].(string)
			return []string{"--folder", out("shared"), "--code", code, "--name", "Desk A"}
		},
		"laptops": func() []string { return []string{"--workshop", "demo"} },
		// serve runs until Ctrl+C, here at once.
		"serve": func() []string {
			untilInterrupted = func() (context.Context, context.CancelFunc) {
				ctx, cancel := context.WithCancel(context.Background())
				cancel()
				return ctx, cancel
			}
			return []string{"--workshop", "demo", "--open", "pre", "--listen", "127.0.0.1:0"}
		},
	}
	for _, cmd := range commands() {
		args, ok := cases[cmd.name]
		if !ok {
			t.Errorf("no --json case for the command %s: add one to this test", cmd.name)
			continue
		}
		all := append([]string{"--data", data, "--json", cmd.name}, args()...)
		r := runCLI(t, all...)
		if r.code == exitUsage {
			t.Errorf("workshopctl %s: called wrongly:\n%s", strings.Join(all, " "), r)
			continue
		}
		var v any
		dec := json.NewDecoder(strings.NewReader(r.stdout))
		if err := dec.Decode(&v); err != nil {
			t.Errorf("workshopctl %s does not print JSON: %v\n%s", strings.Join(all, " "), err, r)
			continue
		}
		if dec.More() {
			t.Errorf("workshopctl %s prints more than one JSON value:\n%s", strings.Join(all, " "), r)
		}
	}
}

// TestPublicKeyJSON checks that public-key --json prints the fingerprint
// and the PEM block as fields, with the file written when --out is given.
func TestPublicKeyJSON(t *testing.T) {
	data := demoFile(t)
	type keyJSON struct {
		Fingerprint string `json:"fingerprint"`
		PEM         string `json:"pem"`
		Path        string `json:"path"`
	}
	k := decode[keyJSON](t, mustRun(t, "--data", data, "--json", "public-key"))
	pub, err := store.ParsePublicKey(k.PEM)
	if err != nil || !strings.HasPrefix(k.PEM, "-----BEGIN PUBLIC KEY-----\n") {
		t.Fatalf("pem %q: %v", k.PEM, err)
	}
	if k.Fingerprint != store.KeyFingerprint(pub) || k.Path != "" {
		t.Errorf("fingerprint %q, path %q; want %q and no path", k.Fingerprint, k.Path, store.KeyFingerprint(pub))
	}
	file := filepath.Join(t.TempDir(), "key.pem")
	w := decode[keyJSON](t, mustRun(t, "--data", data, "public-key", "--out", file, "--json"))
	if w.Fingerprint != k.Fingerprint || w.PEM != k.PEM || w.Path != file {
		t.Errorf("with --out: %+v", w)
	}
	if written, err := os.ReadFile(file); err != nil || !strings.Contains(string(written), k.PEM) {
		t.Errorf("the key file holds %q, %v", written, err)
	}
}
