package quizimport

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

func parseFile(t *testing.T, name string) *Parsed {
	t.Helper()
	data, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	p, err := ParseGIFT(data)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func byTitle(p *Parsed, title string) *store.Question {
	for i := range p.Questions {
		if p.Questions[i].Title == title {
			return &p.Questions[i]
		}
	}
	return nil
}

func TestGIFTReadsEveryForm(t *testing.T) {
	p := parseFile(t, "sample.gift")
	if len(p.Questions) != 12 {
		for _, q := range p.Questions {
			t.Logf("%s: %s", q.Title, q.Text)
		}
		t.Fatalf("read %d questions, want 12; problems %v", len(p.Questions), p.Problems)
	}
	q := byTitle(p, "GFMD year")
	if q.Kind != store.TrueFalse || !q.TrueFalseAnswer() || q.Category != "Migration/Global governance" || q.Source != "UN DESA, International Migration Report" {
		t.Errorf("GFMD year: %+v", q)
	}
	q = byTitle(p, "Compact")
	if q.Options[1].Feedback != "No: it was adopted in Marrakech in December 2018." || q.Options[0].Feedback != "Right: Marrakech, December 2018." {
		t.Errorf("true/false feedback: %+v", q.Options)
	}
	if q := byTitle(p, "Refugee convention"); q.TrueFalseAnswer() {
		t.Error("{FALSE} read as true")
	}
	q = byTitle(p, "Who said")
	if q.Kind != store.MultipleChoice || q.Options[0].Weight != 100 || q.Options[2].Weight != 50 || q.Feedback != "Ban Ki-moon, 2013 High-level Dialogue." || q.Options[1].Feedback != "No, but close." {
		t.Errorf("Who said: %+v", q)
	}
	q = byTitle(p, "Agencies")
	if q.Kind != store.MultipleAnswer || q.Options[2].Weight != -100 {
		t.Errorf("Agencies: %+v", q)
	}
	q = byTitle(p, "Forum name")
	if q.Kind != store.ShortAnswer || len(q.Options) != 3 || q.Options[2].Weight != 50 || q.Options[1].Feedback != "Accepted as well" {
		t.Errorf("Forum name: %+v", q)
	}
	q = byTitle(p, "First call")
	if q.Kind != store.Numeric || q.Options[0].Text != "1990" || q.Options[0].Tolerance != 2 {
		t.Errorf("First call: %+v", q)
	}
	if q := byTitle(p, "Range"); q.Options[0].Text != "4" || q.Options[0].Tolerance != 1 {
		t.Errorf("range 3..5: %+v", q.Options)
	}
	if q := byTitle(p, "Weighted numeric"); len(q.Options) != 3 || q.Options[1].Weight != 50 || q.Options[1].Tolerance != 20 || q.Options[2].Weight != 0 {
		t.Errorf("weighted numeric: %+v", q.Options)
	}
	var mw *store.Question
	for i := range p.Questions {
		if p.Questions[i].MissingWord() {
			mw = &p.Questions[i]
		}
	}
	if mw == nil || mw.Text != "The Global Compact was adopted in" || mw.After != "in Marrakech." || mw.Options[1].Text != "2018" {
		t.Errorf("missing word: %+v", mw)
	}
	q = byTitle(p, "Escapes")
	if q.Text != `A colon: an equals = a tilde ~ a hash # braces { } and a backslash \.` || q.Options[0].Text != "yes=no" {
		t.Errorf("escapes: %q / %q", q.Text, q.Options[0].Text)
	}
	want := map[string]string{"Essay": "essay", "Matching": "matching", "Broken": "not closed", "Two right": "marked right"}
	if len(p.Problems) != len(want) {
		t.Errorf("problems %v", p.Problems)
	}
	for _, pr := range p.Problems {
		if !strings.Contains(pr.Reason, want[pr.Title]) || want[pr.Title] == "" || pr.Line == 0 {
			t.Errorf("problem %v: want the title named and a reason with %q", pr, want[pr.Title])
		}
	}
}

func TestGIFTLineEndings(t *testing.T) {
	p := parseFile(t, "crlf.gift")
	if len(p.Questions) != 2 || p.Questions[0].Text != "Line one continues here." || p.Lines[1] != 4 {
		t.Fatalf("CRLF file: %+v, lines %v, problems %v", p.Questions, p.Lines, p.Problems)
	}
}

// TestGIFTRoundTrip: GIFT → import → export → import gives the same bank,
// and exporting again gives the same file.
func TestGIFTRoundTrip(t *testing.T) {
	first := parseFile(t, "sample.gift")
	var out bytes.Buffer
	if err := WriteGIFT(&out, first.Questions); err != nil {
		t.Fatal(err)
	}
	second, err := ParseGIFT(out.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Problems) > 0 {
		t.Fatalf("the export does not read back: %v\n%s", second.Problems, out.String())
	}
	a, _ := json.MarshalIndent(first.Questions, "", " ")
	b, _ := json.MarshalIndent(second.Questions, "", " ")
	if !bytes.Equal(a, b) {
		t.Fatalf("round trip changed the bank:\n%s\n---\n%s\n---\n%s", a, b, out.String())
	}
	var again bytes.Buffer
	WriteGIFT(&again, second.Questions)
	if again.String() != out.String() {
		t.Fatal("exporting the re-imported bank gave another file")
	}
}

func FuzzParseGIFT(f *testing.F) {
	for _, name := range []string{"sample.gift", "crlf.gift"} {
		data, _ := os.ReadFile("testdata/" + name)
		f.Add(data)
	}
	f.Add([]byte("::a::{#"))
	f.Add([]byte("x{~%"))
	f.Add([]byte(`\`))
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ParseGIFT(data)
		if err != nil {
			return
		}
		for _, q := range p.Questions {
			if err := q.Validate(); err != nil {
				t.Fatalf("kept an invalid question: %v", err)
			}
		}
		var out bytes.Buffer
		if err := WriteGIFT(&out, p.Questions); err != nil {
			t.Fatal(err)
		}
		again, err := ParseGIFT(out.Bytes())
		if err != nil || len(again.Questions) != len(p.Questions) {
			t.Fatalf("export of %d questions reads back as %d (%v)\n%s", len(p.Questions), len(again.Questions), err, out.String())
		}
	})
}
