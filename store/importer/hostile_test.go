package importer

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// Hostile cases: damaged, oversized and forged files given to the
// importer, and files of ours that must not attack their reader. Run the
// whole hostile suite with: go test ./... -run Hostile

// TestHostileCSVFormulaRoundTrip exports participants whose fields look
// like formulas to CSV: no field of the file starts a formula, and the
// file reads back exactly as it was (the importer removes the apostrophe
// the export added, and only that).
func TestHostileCSVFormulaRoundTrip(t *testing.T) {
	st, w, ps := demoStore(t)
	edits := []struct{ given, family, org, phone, notes string }{
		{`=HYPERLINK("http://x","click")`, "Bekele", "=cmd|' /C calc'!A0", "+251 911 234 567", "@SUM(1+1)"},
		{"Amina", "-1", "+1", "-", "'=1+1"},
		{"'Quoted", "O'Brien", "@home", "+33 1 23 45 67 89", "=1+1\n=2+2"},
	}
	var edit []*store.Participant
	for i, e := range edits {
		p := &ps[i]
		p.GivenNames, p.FamilyNames, p.Organisation, p.Phone, p.Notes = e.given, e.family, e.org, e.phone, e.notes
		edit = append(edit, p)
	}
	if err := st.SaveParticipants(edit); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "participants.csv")
	if err := sheet.WriteFile(path, ExportTable(ps, w.Location())); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	recs, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	for i, rec := range recs {
		for j, f := range rec {
			if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) {
				t.Errorf("line %d, field %d: %q starts a formula", i+1, j+1, f)
			}
		}
	}
	tb, err := Read("participants.csv", bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	p := NewPreview(tb, Suggest(tb), Options{WorkshopID: w.ID, Existing: ps, Location: w.Location()})
	for i := range edits {
		got, want := p.Rows[i].Participant, ps[i]
		if got.GivenNames != want.GivenNames || got.FamilyNames != want.FamilyNames || got.Organisation != want.Organisation ||
			got.Phone != want.Phone || got.Notes != want.Notes {
			t.Errorf("row %d read back as %q %q %q %q %q, want %q %q %q %q %q", i+2,
				got.GivenNames, got.FamilyNames, got.Organisation, got.Phone, got.Notes,
				want.GivenNames, want.FamilyNames, want.Organisation, want.Phone, want.Notes)
		}
	}
}
