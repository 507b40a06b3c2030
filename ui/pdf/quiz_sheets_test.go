package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/unicode/norm"

	"github.com/workshopdesk/workshopdesk/store"
)

func sheetQuestions() []store.Question {
	tf := store.NewTrueFalse("Most international migrants are refugees.", false)
	tf.Translations = map[string]store.QuestionText{"fr": {Text: "La plupart des migrants internationaux sont des réfugiés."},
		"ar": {Text: "معظم المهاجرين الدوليين لاجئون."}}
	return []store.Question{tf,
		{Kind: store.MultipleChoice, Text: "Where was the Compact adopted?", Options: []store.Option{{Text: "Geneva"}, {Text: "Marrakech", Weight: 100}},
			Translations: map[string]store.QuestionText{"fr": {Text: "Où le Pacte a-t-il été adopté ?", Options: []string{"Genève"}}}},
		{Kind: store.ShortAnswer, Text: "Name the forum.", Options: []store.Option{{Text: "GFMD", Weight: 100}}},
		{Kind: store.Numeric, Text: "The GFMD first met in", After: "in Brussels.", Options: []store.Option{{Text: "2007", Weight: 100}}},
	}
}

// TestAnswerSheets: one sheet per participant in family-name order, each
// with its badge code as text and QR code, in the participant's language
// where the question has a translation, else the workshop's.
func TestAnswerSheets(t *testing.T) {
	w := store.Workshop{Title: "Migration and rural development", Language: "en"}
	people := []store.Participant{
		{GivenNames: "Zoë", FamilyNames: "Müller", BadgeCode: "MULL01"},
		{GivenNames: "Aminata", FamilyNames: "Traoré", BadgeCode: "TRAO01", CertificateLanguage: "fr"},
		{GivenNames: "Layla", FamilyNames: "Mansour", NativeName: "ليلى منصور", BadgeCode: "MANS01", CertificateLanguage: "ar"},
	}
	for _, size := range []PageSize{A4, Letter} {
		path := filepath.Join(t.TempDir(), "sheets.pdf")
		var b bytes.Buffer
		if err := AnswerSheets(SheetsRequest{Workshop: w, Quiz: store.Quiz{Kind: store.PreTest}, Questions: sheetQuestions(), Participants: people, Size: size}, &b, CreationDate(fixedDate)); err != nil {
			t.Fatal(err)
		}
		os.WriteFile(path, b.Bytes(), 0o600)
		pages := make([]string, 3)
		for i := range pages {
			// Arabic comes out in presentation forms: NFKC gives the letters back.
			pages[i] = norm.NFKC.String(string(run(t, "pdftotext", "-f", fmt.Sprint(i+1), "-l", fmt.Sprint(i+1), path, "-")))
		}
		for i, want := range []struct{ code, text, not string }{
			{"MANS01", "معظم", "Most international"},
			{"MULL01", "Most international migrants are refugees.", "réfugiés"},
			{"TRAO01", "La plupart des migrants", "Most international"},
		} {
			if !strings.Contains(pages[i], want.code) || !strings.Contains(pages[i], want.text) || strings.Contains(pages[i], want.not) {
				t.Errorf("%s page %d: want %s and %q, not %q:\n%s", size, i+1, want.code, want.text, want.not, pages[i])
			}
		}
		if !strings.Contains(pages[2], "Vrai") || !strings.Contains(pages[2], "Genève") || !strings.Contains(pages[2], "Marrakech") {
			t.Errorf("French sheet lacks its words or falls back per option:\n%s", pages[2])
		}
		if !strings.Contains(pages[1], "The GFMD first met in ________ in Brussels.") {
			t.Errorf("missing-word question not printed with its blank:\n%s", pages[1])
		}
		if size == A4 {
			run(t, "pdftoppm", "-r", "150", "-f", "2", "-l", "2", "-png", path, filepath.Join(filepath.Dir(path), "p"))
			pngs, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "p*.png"))
			if got := strings.TrimSpace(string(run(t, "zbarimg", "-q", pngs[0]))); got != "QR-Code:MULL01" {
				t.Errorf("the QR code reads %q, want the badge code", got)
			}
		}
	}
}

func TestAnswerGridBooklet(t *testing.T) {
	var b bytes.Buffer
	people := []store.Participant{{GivenNames: "A", FamilyNames: "B", BadgeCode: "BBBB01"}}
	var qs []store.Question
	for i := range 40 {
		qs = append(qs, sheetQuestions()[i%4])
	}
	if err := AnswerSheets(SheetsRequest{Workshop: store.Workshop{Title: "T"}, Quiz: store.Quiz{Kind: store.PostTest}, Questions: qs, Participants: people, Size: A4, Booklet: true}, &b); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "grid.pdf")
	os.WriteFile(path, b.Bytes(), 0o600)
	run(t, "pdftotext", path, filepath.Join(filepath.Dir(path), "grid.txt"))
	text, _ := os.ReadFile(filepath.Join(filepath.Dir(path), "grid.txt"))
	pages := strings.Split(string(text), "\f")
	grid := pages[len(pages)-2] // the text ends with a form feed
	if !strings.Contains(pages[0], "QUESTION BOOKLET") || strings.Contains(string(text[:len(text)-len(grid)-1]), "BBBB01") ||
		!strings.Contains(grid, "BBBB01") || !strings.Contains(grid, "ANSWER GRID") || !strings.Contains(grid, "40") {
		t.Fatalf("want the booklet, then all 40 questions on one grid page:\n%s", text)
	}
}

// BenchmarkAnswerSheets1000 prints sheets of 12 questions for 1,000
// participants (target ≤ 3 s).
func BenchmarkAnswerSheets1000(b *testing.B) {
	var people []store.Participant
	for i := range 1000 {
		people = append(people, store.Participant{GivenNames: "Given", FamilyNames: fmt.Sprintf("Family %04d", (i*7919)%1000), BadgeCode: fmt.Sprintf("B%05d", i)})
	}
	var qs []store.Question
	for i := range 12 {
		qs = append(qs, sheetQuestions()[i%4])
	}
	req := SheetsRequest{Workshop: store.Workshop{Title: "Migration and rural development"}, Quiz: store.Quiz{Kind: store.PreTest}, Questions: qs, Participants: people, Size: A4}
	for b.Loop() {
		var buf bytes.Buffer
		if err := AnswerSheets(req, &buf); err != nil {
			b.Fatal(err)
		}
	}
}
