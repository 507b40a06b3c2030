package quizimport

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// TestHostileQuestionFiles: damaged, oversized and malicious question
// files give a clear message or a named problem, never a panic or a
// question that breaks a printout.
func TestHostileQuestionFiles(t *testing.T) {
	if _, err := ParseGIFT(bytes.Repeat([]byte("x"), MaxFileSize+1)); err == nil || !strings.Contains(err.Error(), "at most") {
		t.Errorf("oversized file: %v", err)
	}
	if _, err := ParseGIFT([]byte("::t::caf\xe9 {T}")); err == nil || !strings.Contains(err.Error(), "UTF-8") {
		t.Errorf("Windows-1252 file: %v", err)
	}
	p, err := ParseGIFT([]byte("::long::" + strings.Repeat("a", 5000) + "{T}\n\n::bidi::Evil \u202eTEXT{T}\n\n" +
		strings.Repeat("{", 10000) + "\n\n::ctrl::bell\x07{T}\n\n{#1e400}\n\n::nan::x{#NaN}"))
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Questions) != 0 {
		t.Errorf("kept %d hostile questions: %+v", len(p.Questions), p.Questions)
	}
	for _, want := range []string{"long", "bidi", "ctrl"} {
		found := false
		for _, pr := range p.Problems {
			found = found || pr.Title == want
		}
		if !found {
			t.Errorf("no problem named %q in %v", want, p.Problems)
		}
	}
	if _, err := ParseQuestionTable("bank.xlsx", []byte("PK\x03\x04 not really a zip")); err == nil {
		t.Error("a damaged XLSX was read")
	}
	if _, err := ParseQuestionTable("bank.csv", []byte("title,kind\nx,tf\n")); err == nil || !strings.Contains(err.Error(), "question") {
		t.Errorf("sheet without a question column: %v", err)
	}
}

// TestHostileAnswerFiles: a form export with control characters, a bidi
// override or a pasted essay in an answer names the row; nothing is kept
// from it.
func TestHostileAnswerFiles(t *testing.T) {
	qs := []store.Question{{Kind: store.ShortAnswer, Text: "Name the forum.", Options: []store.Option{{Text: "GFMD", Weight: 100}}}}
	ps := []store.Participant{{Record: store.Record{ID: uuid.New()}, GivenNames: "A", FamilyNames: "B", BadgeCode: "BBBB01"}}
	for name, cell := range map[string]string{
		"bidi":  "GF\u202eMD",
		"bell":  "GFMD\x07",
		"essay": strings.Repeat("long ", 200),
	} {
		a, err := ParseAnswerTable("form.csv", []byte("badge,1\nBBBB01,\""+cell+"\"\n"), ps, qs)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if len(a.Sheets) != 0 || len(a.Problems) != 1 || a.Problems[0].Line != 2 {
			t.Errorf("%s: sheets %v, problems %v", name, a.Sheets, a.Problems)
		}
	}
	if _, err := ParseAnswerTable("form.csv", []byte("name,1\nx,y\n"), ps, qs); err == nil || !strings.Contains(err.Error(), "badge code or email") {
		t.Errorf("no identity column: %v", err)
	}
}
