package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestMain points the default data file into a temporary folder, so that
// no test can touch a real one; every test names its own with --data.
func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "workshopctl-test-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	os.Setenv(store.DataEnv, filepath.Join(dir, "default.db"))
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of workshopctl did.
type result struct {
	code           int
	stdout, stderr string
}

// String shows the whole result, for test failures.
func (r result) String() string {
	return fmt.Sprintf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
}

// runCLI runs workshopctl with args.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return result{code, stdout.String(), stderr.String()}
}

// mustRun runs workshopctl and fails the test unless it succeeds; it
// returns standard output.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	r := runCLI(t, args...)
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("workshopctl %s:\n%s", strings.Join(args, " "), r)
	}
	return r.stdout
}

// wantFailure checks that r is a failure: exit status 1 and exactly one
// line "workshopctl: ..." on standard error. It returns the message.
func wantFailure(t *testing.T, r result) string {
	t.Helper()
	if r.code != exitFail {
		t.Fatalf("want exit status 1, got:\n%s", r)
	}
	msg, ok := strings.CutPrefix(r.stderr, "workshopctl: ")
	if !ok || !strings.HasSuffix(msg, "\n") || strings.Count(r.stderr, "\n") != 1 {
		t.Fatalf("want one line \"workshopctl: ...\" on stderr, got:\n%s", r)
	}
	return strings.TrimSuffix(msg, "\n")
}

// newDataFile returns the path of a data file that does not exist yet.
func newDataFile(t *testing.T) string {
	return filepath.Join(t.TempDir(), "workshopdesk.db")
}

// demoFile returns a new data file holding the sample workshop.
func demoFile(t *testing.T) string {
	t.Helper()
	path := newDataFile(t)
	mustRun(t, "--data", path, "init-demo")
	return path
}

// decode decodes JSON output into a T.
func decode[T any](t *testing.T, out string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("output is not the JSON expected: %v\n%s", err, out)
	}
	return v
}

// TestHelp checks that help and COMMAND -h list every command and flag.
func TestHelp(t *testing.T) {
	for _, args := range [][]string{{"help"}, {"-h"}, {"--help"}} {
		r := runCLI(t, args...)
		if r.code != exitOK || r.stderr != "" {
			t.Fatalf("%v:\n%s", args, r)
		}
		for _, cmd := range commands() {
			if !strings.Contains(r.stdout, "\n  "+cmd.name) {
				t.Errorf("%v does not list the command %s", args, cmd.name)
			}
		}
		for _, want := range []string{"--data FILE", "--json", "Exit status"} {
			if !strings.Contains(r.stdout, want) {
				t.Errorf("%v does not mention %q", args, want)
			}
		}
	}
	for _, cmd := range commands() {
		for _, args := range [][]string{{cmd.name, "-h"}, {cmd.name, "--help"}, {"help", cmd.name}} {
			r := runCLI(t, args...)
			if r.code != exitOK || r.stderr != "" {
				t.Fatalf("%v:\n%s", args, r)
			}
			fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
			cmd.define(&cli{}, fs)
			(&cli{}).globalFlags(fs)
			fs.VisitAll(func(f *flag.Flag) {
				if !strings.Contains(r.stdout, "\n  --"+f.Name) {
					t.Errorf("%v does not list the flag --%s", args, f.Name)
				}
			})
			if !strings.Contains(r.stdout, "Usage: workshopctl [--data FILE] [--json] "+cmd.name) {
				t.Errorf("%v has no usage line:\n%s", args, r.stdout)
			}
			if strings.Contains(r.stdout, "(default 0)") || strings.Contains(r.stdout, "(default false)") {
				t.Errorf("%v shows the zero value as a default:\n%s", args, r.stdout)
			}
		}
	}
}

// TestUsageErrors checks that wrong calls exit with 2 and the usage.
func TestUsageErrors(t *testing.T) {
	path := demoFile(t)
	tests := []struct {
		name    string
		args    []string
		message string // expected in the first line of stderr
	}{
		{"no command", nil, "no command given"},
		{"unknown command", []string{"frobnicate"}, `unknown command "frobnicate"`},
		{"unknown global flag", []string{"--verbose", "workshops"}, "-verbose"},
		{"unknown flag", []string{"workshops", "--verbose"}, "-verbose"},
		{"missing workshop", []string{"sessions"}, "--workshop is required"},
		{"empty workshop", []string{"participants", "--workshop", " "}, "--workshop is required"},
		{"missing workshop for a session", []string{"add-session", "--title", "x"}, "--workshop is required"},
		{"extra argument", []string{"workshops", "now"}, `unexpected argument "now"`},
		{"restore without a file", []string{"restore"}, "expected FILE"},
		{"restore with two files", []string{"restore", "a.db", "b.db"}, "expected FILE"},
		{"export without --out", []string{"export"}, "--out is required"},
		{"help for no command", []string{"help", "frobnicate"}, "frobnicate"},
		{"flag without value", []string{"sessions", "--workshop"}, "workshop"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{"--data", path}, tt.args...)...)
			if r.code != exitUsage {
				t.Fatalf("want exit status 2, got:\n%s", r)
			}
			first, _, _ := strings.Cut(r.stderr, "\n")
			if !strings.HasPrefix(first, "workshopctl") || !strings.Contains(first, tt.message) {
				t.Errorf("first line %q does not say %q", first, tt.message)
			}
			if !strings.Contains(r.stderr, "Usage: workshopctl") {
				t.Errorf("no usage after the error:\n%s", r.stderr)
			}
			if r.stdout != "" {
				t.Errorf("stdout should be empty, got %q", r.stdout)
			}
		})
	}
}

// TestGlobalFlagsAfterCommand checks that --data and --json work on either
// side of the command name, and after positional arguments.
func TestGlobalFlagsAfterCommand(t *testing.T) {
	path := demoFile(t)
	before := mustRun(t, "--data", path, "--json", "workshops")
	for _, args := range [][]string{
		{"workshops", "--data", path, "--json"},
		{"--json", "workshops", "--data", path},
		{"--data", filepath.Join(t.TempDir(), "other.db"), "workshops", "--data", path, "--json"},
	} {
		if got := mustRun(t, args...); got != before {
			t.Errorf("%v printed\n%s\nwant\n%s", args, got, before)
		}
	}
	// Flags may follow a positional argument too.
	backup := filepath.Join(t.TempDir(), "copy.db")
	mustRun(t, "--data", path, "backup", "--out", backup)
	out := mustRun(t, "restore", backup, "--data", path, "--json")
	if got := decode[map[string]string](t, out); got["path"] != path || got["from"] != backup {
		t.Errorf("restore FILE --data X --json printed %v", got)
	}
}

// TestMissingDataFile checks that commands other than init-demo and
// add-workshop do not create a missing data file.
func TestMissingDataFile(t *testing.T) {
	path := newDataFile(t)
	for _, args := range [][]string{
		{"workshops"}, {"sessions", "--workshop", "demo"}, {"participants", "--workshop", "demo"},
		{"check"}, {"backup"}, {"export", "--out", filepath.Join(t.TempDir(), "x.json")},
		{"add-session", "--workshop", "demo", "--date", "2027-01-01", "--start", "09:00", "--end", "10:00", "--title", "x"},
	} {
		msg := wantFailure(t, runCLI(t, append([]string{"--data", path}, args...)...))
		if !strings.Contains(msg, "no data file at "+path) {
			t.Errorf("%v: message %q does not say that there is no data file", args, msg)
		}
		if _, err := os.Stat(path); err == nil {
			t.Fatalf("%v created the data file", args)
		}
	}
	r := runCLI(t, "--data", path, "backups")
	if r.code != exitOK || !strings.Contains(r.stdout, "no backups") {
		t.Errorf("backups without a data file:\n%s", r)
	}
	if got := mustRun(t, "--data", path, "--json", "backups"); strings.TrimSpace(got) != "[]" {
		t.Errorf("backups --json without backups printed %q, want []", got)
	}
}

// TestDisplayWidth checks terminal widths across scripts.
func TestDisplayWidth(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0}, {"Bekele", 6}, {"Öztürk", 6}, {"李伟", 4}, {"አበበ በቀለ", 7},
		{"Дмитрий", 7}, {"e\u0301", 1}, {"김민준", 6}, {"ＡＢ", 4},
	}
	for _, tt := range tests {
		if got := displayWidth(tt.s); got != tt.want {
			t.Errorf("displayWidth(%q) = %d, want %d", tt.s, got, tt.want)
		}
	}
}

// TestTable checks that tables align wide characters and clean cells.
func TestTable(t *testing.T) {
	var b bytes.Buffer
	tb := newTable("NAME", "NATIVE", "N").alignRight(2)
	tb.add("Li", "李伟", "7")
	tb.add("Ivanov", "Дмитрий\tИванов", "12")
	if err := tb.write(&b); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"NAME    NATIVE           N\n" +
		"Li      李伟             7\n" +
		"Ivanov  Дмитрий Иванов  12\n"
	if b.String() != want {
		t.Errorf("table:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestByteSize checks the sizes shown by backups.
func TestByteSize(t *testing.T) {
	for n, want := range map[int64]string{0: "0 B", 1023: "1023 B", 1024: "1.0 KiB", 409600: "400 KiB", 5 << 20: "5.0 MiB"} {
		if got := byteSize(n); got != want {
			t.Errorf("byteSize(%d) = %q, want %q", n, got, want)
		}
	}
}
