package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// popplerTool runs a poppler-utils tool on a PDF and returns its standard
// output. The PDF tests fail, never skip, without the tools.
func popplerTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	bin, err := exec.LookPath(name)
	if err != nil {
		t.Fatalf("%s is not installed: the PDF tests read the PDFs with poppler-utils (apt-get install poppler-utils)", name)
	}
	var out, errb bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, errb.String())
	}
	return out.String()
}

// pdfPages returns the page count of the PDF at path, as pdfinfo reads it.
func pdfPages(t *testing.T, path string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)$`).FindStringSubmatch(popplerTool(t, "pdfinfo", path))
	if m == nil {
		t.Fatalf("pdfinfo gives no page count for %s", path)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// pdfText returns the text of the PDF at path, as pdftotext extracts it.
func pdfText(t *testing.T, path string) string {
	t.Helper()
	return popplerTool(t, "pdftotext", path, "-")
}

// wantPDF checks that the file at path is a PDF.
func wantPDF(t *testing.T, path string) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("%PDF-")) {
		t.Fatalf("%s does not start with %%PDF-: %q", path, b[:min(len(b), 16)])
	}
}

// wantOnly checks that dir holds exactly the files named, so that no
// temporary file was left behind.
func wantOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, " ") != strings.Join(names, " ") {
		t.Errorf("%s holds %v, want %v", dir, got, names)
	}
}

// noSpace removes every space from s (the badge code is letter-spaced
// with thin spaces).
func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// TestBadges writes badges in both layouts, for everyone and for a few,
// and reads them back.
func TestBadges(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	ps := d.Participants
	tests := []struct {
		name   string
		args   []string
		people []store.Participant
		pages  int
	}{
		{"a4-8 by default", nil, ps, 5},
		{"a4-8", []string{"--layout", "a4-8"}, ps, 5},
		{"a6", []string{"--layout", "A6"}, ps, 40},
		{"a4-8, only three", []string{"--only", strings.ToLower(ps[12].BadgeCode) + ", " + ps[0].BadgeCode, "--only", ps[5].BadgeCode + "," + ps[0].BadgeCode},
			[]store.Participant{ps[12], ps[0], ps[5]}, 1},
		{"a6, only one", []string{"--layout", "a6", "--only", ps[9].BadgeCode}, []store.Participant{ps[9]}, 1},
		{"a4-8, nine", []string{"--only", codes(ps[:9])}, ps[:9], 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "badges.pdf")
			// An older file is replaced.
			if err := os.WriteFile(out, []byte("old"), 0o644); err != nil {
				t.Fatal(err)
			}
			got := mustRun(t, append([]string{"--data", path, "badges", "--workshop", "demo", "--out", out}, tt.args...)...)
			want := fmt.Sprintf("wrote %s (%s) to %s\n", plural(len(tt.people), "badge"), plural(tt.pages, "page"), out)
			if got != want {
				t.Errorf("badges printed %q, want %q", got, want)
			}
			wantPDF(t, out)
			wantOnly(t, dir, "badges.pdf")
			if n := pdfPages(t, out); n != tt.pages {
				t.Errorf("%d pages, want %d", n, tt.pages)
			}
			text := pdfText(t, out)
			flat := noSpace(text)
			for _, p := range tt.people {
				if !strings.Contains(text, p.GivenNames) || !strings.Contains(text, p.FamilyNames) || !strings.Contains(flat, p.BadgeCode) {
					t.Errorf("the badges lack %s or the code %s:\n%s", p.FullName(), p.BadgeCode, text)
				}
			}
			if len(tt.people) < len(ps) && strings.Contains(flat, ps[39].BadgeCode) {
				t.Errorf("the badge of %s was printed too", ps[39].FullName())
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "b.pdf")
		got := decode[map[string]any](t, mustRun(t, "--data", path, "--json", "badges", "--workshop", "demo", "--out", out, "--layout", "a6", "--only", codes(ps[:3])))
		want := map[string]any{"path": out, "workshop": "demo", "layout": "a6", "badges": 3.0, "pages": 3.0}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %v, want %v", k, got[k], v)
			}
		}
	})
}

// codes returns the badge codes of people, separated by commas.
func codes(people []store.Participant) string {
	list := make([]string, len(people))
	for i, p := range people {
		list[i] = p.BadgeCode
	}
	return strings.Join(list, ",")
}

// TestBadgePages checks the page count for the layouts.
func TestBadgePages(t *testing.T) {
	for _, tt := range []struct {
		n      int
		layout pdf.BadgeLayout
		want   int
	}{{0, pdf.BadgeA4x8, 1}, {1, pdf.BadgeA4x8, 1}, {8, pdf.BadgeA4x8, 1}, {9, pdf.BadgeA4x8, 2}, {40, pdf.BadgeA4x8, 5},
		{0, pdf.BadgeA6, 1}, {1, pdf.BadgeA6, 1}, {40, pdf.BadgeA6, 40}} {
		if got := ops.BadgePages(tt.n, tt.layout); got != tt.want {
			t.Errorf("ops.BadgePages(%d, %s) = %d, want %d", tt.n, tt.layout, got, tt.want)
		}
	}
}

// TestPrintErrors checks that failed or wrong calls of badges and
// signin-sheet write no file and leave an existing one as it was.
func TestPrintErrors(t *testing.T) {
	path := demoFile(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "out.pdf")
	if err := os.WriteFile(out, []byte("keep"), 0o644); err != nil {
		t.Fatal(err)
	}
	failures := []struct {
		name string
		args []string
		want string
	}{
		{"unknown codes", []string{"badges", "--workshop", "demo", "--out", out, "--only", "zzzz9,yy-yy8"}, "badge codes ZZZZ9, YYYY8"},
		{"data file as output", []string{"badges", "--workshop", "demo", "--out", path}, "must be another file than the data file"},
		{"missing folder", []string{"badges", "--workshop", "demo", "--out", filepath.Join(dir, "no", "b.pdf")}, "does not exist"},
		{"break", []string{"signin-sheet", "--workshop", "demo", "--session", "coffee", "--out", out}, "“Coffee break” is a break"},
		{"ambiguous session", []string{"signin-sheet", "--workshop", "demo", "--session", "panel", "--out", out}, `"panel" matches 2 sessions`},
		{"data file as sheet", []string{"signin-sheet", "--workshop", "demo", "--session", "1", "--out", path}, "must be another file than the data file"},
	}
	for _, tt := range failures {
		t.Run(tt.name, func(t *testing.T) {
			msg := wantFailure(t, runCLI(t, append([]string{"--data", path}, tt.args...)...))
			if !strings.Contains(msg, tt.want) {
				t.Errorf("message %q does not say %q", msg, tt.want)
			}
		})
	}
	usage := []struct {
		name string
		args []string
		want string
	}{
		{"unknown layout", []string{"badges", "--workshop", "demo", "--out", out, "--layout", "a5"}, `"a5" is not a badge layout`},
		{"empty --only", []string{"badges", "--workshop", "demo", "--out", out, "--only", " , "}, "no badge code given"},
		{"no --out", []string{"badges", "--workshop", "demo"}, "--out is required"},
		{"no session", []string{"signin-sheet", "--workshop", "demo", "--out", out}, "--session is required"},
	}
	for _, tt := range usage {
		t.Run(tt.name, func(t *testing.T) {
			r := runCLI(t, append([]string{"--data", path}, tt.args...)...)
			if first, _, _ := strings.Cut(r.stderr, "\n"); r.code != exitUsage || !strings.Contains(first, tt.want) {
				t.Errorf("want exit status 2 saying %q, got:\n%s", tt.want, r)
			}
		})
	}
	if b, err := os.ReadFile(out); err != nil || string(b) != "keep" {
		t.Errorf("the existing file was changed: %q, %v", b, err)
	}
	wantOnly(t, dir, "out.pdf")
	mustRun(t, "--data", path, "check") // the data file is intact
}

// TestSignInSheet writes sign-in sheets and checks that they list the
// expected people in pdf.SignInOrder, numbered, on the pages reported.
func TestSignInSheet(t *testing.T) {
	path := demoFile(t)
	d := loadDemo(t, path)
	tests := []struct {
		session string
		title   string
	}{
		{"opening", "Opening plenary"}, // late joiners are not expected yet
		{"9", "Working group reports and recommendations"},
		{"Field VISIT", "Field visit: Farmers' cooperative in Bishoftu"},
	}
	for _, tt := range tests {
		t.Run(tt.session, func(t *testing.T) {
			se := sessionNamed(t, d, tt.title)
			order := pdf.SignInOrder(d, se)
			dir := t.TempDir()
			out := filepath.Join(dir, "sheet.pdf")
			got := mustRun(t, "--data", path, "signin-sheet", "--workshop", "demo", "--session", tt.session, "--out", out)
			pages := pdfPages(t, out)
			want := fmt.Sprintf("wrote the sign-in sheet of “%s” (%d people, %s) to %s\n", tt.title, len(order), plural(pages, "page"), out)
			if got != want {
				t.Errorf("signin-sheet printed %q, want %q", got, want)
			}
			if wantPages := ops.SignInPages(len(order)); pages != wantPages {
				t.Errorf("%d pages for %d people, want %d", pages, len(order), wantPages)
			}
			wantPDF(t, out)
			wantOnly(t, dir, "sheet.pdf")

			text := pdfText(t, out)
			if n := strings.Count(text, "Page "); n != pages {
				t.Errorf("%d page footers, want %d", n, pages)
			}
			// Each row's badge code and "Family, Given", in SignInOrder.
			rest := text
			for i, p := range order {
				name := p.FamilyNames + ", " + p.GivenNames
				at := strings.Index(rest, p.BadgeCode)
				if at < 0 {
					t.Fatalf("row %d: %s (%s) is missing or out of order:\n%s", i+1, name, p.BadgeCode, text)
				}
				rest = rest[at:]
				if at := strings.Index(rest, name); at < 0 || at > 200 {
					t.Fatalf("row %d: the name %q does not follow the code %s:\n%s", i+1, name, p.BadgeCode, text)
				}
			}
			for _, p := range d.Participants {
				if !p.JoinedAt.IsZero() && p.JoinedAt.After(se.StartsAt(d.Workshop.Location())) && strings.Contains(text, p.BadgeCode) {
					t.Errorf("%s joined after the session started but is on its sheet", p.FullName())
				}
			}
		})
	}

	t.Run("json", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "s.pdf")
		got := decode[map[string]any](t, mustRun(t, "--data", path, "signin-sheet", "--workshop", "demo", "--session", "10", "--out", out, "--json"))
		closing := d.Sessions[9]
		want := map[string]any{"path": out, "workshop": "demo", "session_id": closing.ID.String(), "number": 10.0,
			"session": closing.Title, "people": 40.0, "pages": 2.0}
		for k, v := range want {
			if got[k] != v {
				t.Errorf("%s = %v, want %v", k, got[k], v)
			}
		}
	})
}

// TestSignInPages checks the page count that signin-sheet reports against
// the sheets ui/pdf makes, around the page breaks.
func TestSignInPages(t *testing.T) {
	d := loadDemo(t, demoFile(t))
	se := d.Sessions[0]
	base := d.Participants
	for _, n := range []int{0, 1, ops.SignInRowsPerPage, ops.SignInRowsPerPage + 1, 2 * ops.SignInRowsPerPage, 2*ops.SignInRowsPerPage + 1} {
		people := make([]store.Participant, n)
		for i := range people {
			people[i] = base[i%len(base)]
			people[i].ID = store.NewID()
			people[i].JoinedAt = time.Time{}
			people[i].BadgeCode = fmt.Sprintf("K%04d", i)
		}
		dd := *d
		dd.Participants = people
		var buf bytes.Buffer
		if err := pdf.SignInSheet(&dd, se, &buf); err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(t.TempDir(), "sheet.pdf")
		if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
			t.Fatal(err)
		}
		if got, want := pdfPages(t, path), ops.SignInPages(n); got != want {
			t.Errorf("%d people: the sheet has %d pages, signin-sheet would report %d", n, got, want)
		}
	}
}
