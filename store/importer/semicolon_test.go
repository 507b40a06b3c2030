package importer

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// TestExportSemicolonRoundTrip: a participant list exported for French
// Excel (semicolons) is read back by the import as it is: the delimiter
// is recognised and every row is an already-registered participant.
func TestExportSemicolonRoundTrip(t *testing.T) {
	_, w, ps := demoStore(t)
	dir := filepath.Join(t.TempDir(), "Zoë Ðorđević")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "participants été.csv")
	if err := sheet.WriteFileDelimited(path, ';', ExportTable(ps, w.Location())); err != nil {
		t.Fatal(err)
	}
	tb, err := ReadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	if tb.Format != CSV || tb.Encoding != "UTF-8 with BOM" || tb.Delimiter != ';' {
		t.Fatalf("read as %s %s %q, want CSV, UTF-8 with BOM, ';'", tb.Format, tb.Encoding, tb.Delimiter)
	}
	m := Suggest(tb)
	if m.HeaderRow != 0 || len(m.Columns) != len(Fields)-1 {
		t.Fatalf("mapping: header row %d, %s", m.HeaderRow, m.Describe(tb))
	}
	p := NewPreview(tb, m, Options{WorkshopID: w.ID, Existing: ps, Location: w.Location()})
	if len(p.Rows) != 40 || len(p.Ignored) != 0 || len(p.Warnings) != 0 {
		t.Fatalf("%d rows, ignored %v, warnings %v", len(p.Rows), p.Ignored, p.Warnings)
	}
	if got := p.Tally(); got != (Tally{Rows: 40, Unchanged: 40, Problems: 40}) {
		t.Errorf("tally %+v, want 40 rows, all unchanged (already in the workshop)", got)
	}
	for i, r := range p.Rows {
		if d := r.Duplicate; d.Existing == nil || d.Existing.ID != ps[i].ID {
			t.Errorf("row %d (%s): not recognised as its participant: %+v", r.Row, ps[i].FullName(), d)
		}
	}
}
