package ops

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// readHeading returns the first record of the CSV file at path (UTF-8
// with a byte order mark).
func readHeading(t *testing.T, path string) []string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(b, []byte("\ufeff")))).Read()
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestReportLanguage checks that a CSV report follows the workshop's
// working language, that the request's language overrides it, and that
// every table's headings and sheet follow.
func TestReportLanguage(t *testing.T) {
	_, d := sample(t)
	dir := t.TempDir()
	d.Workshop.Language = "fr"
	for _, c := range []struct {
		lang, people, sessions, agenda string
	}{{"", "Nom de famille", "Date", "Jour"}, {"es", "Apellidos", "Fecha", "Día"}, {"en", "Family name", "Date", "Day"}} {
		out := filepath.Join(dir, "att-"+c.lang+".csv")
		if _, err := WriteReport(ReportRequest{Kind: ReportAttendance, Data: d, Format: "csv", Out: out, Paper: pdf.A4,
			Now: time.Now(), Language: c.lang}); err != nil {
			t.Fatal(err)
		}
		if h := readHeading(t, out); h[0] != c.people {
			t.Errorf("language %q: participants heading %q, want %q", c.lang, h, c.people)
		}
		if h := readHeading(t, filepath.Join(dir, "att-"+c.lang+"-sessions.csv")); h[0] != c.sessions {
			t.Errorf("language %q: sessions heading %q, want %q", c.lang, h, c.sessions)
		}
		out = filepath.Join(dir, "agenda-"+c.lang+".csv")
		if _, err := WriteReport(ReportRequest{Kind: ReportAgenda, Data: d, Format: "csv", Out: out, Language: c.lang}); err != nil {
			t.Fatal(err)
		}
		if h := readHeading(t, out); h[0] != c.agenda {
			t.Errorf("language %q: agenda heading %q, want %q", c.lang, h, c.agenda)
		}
	}
}
