package importer

import (
	"bytes"
	"encoding/csv"
	"errors"
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

// problemOf returns the problems of the preview's row num, as text.
func problemsOf(p *Preview, num int) string {
	var out []string
	for _, pr := range p.Row(num).Problems {
		out = append(out, pr.Error())
	}
	return strings.Join(out, "; ")
}

// TestHostileCSVNULByte: a NUL byte in a cell blocks that row, named, and
// does not make the whole file "binary data".
func TestHostileCSVNULByte(t *testing.T) {
	data := "Given name,Family name,Email\nAbebe,Bekele,abebe@example.org\nMa\x00ría,González,maria@example.org\nMoussa,Diop,moussa@example.org\n"
	tb, err := Read("nul.csv", strings.NewReader(data))
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	p := NewPreview(tb, Suggest(tb), Options{})
	if got := problemsOf(p, 3); !strings.Contains(got, "row 3, given names:") || !strings.Contains(got, "U+0000") || !p.Row(3).Blocked() {
		t.Errorf("row 3: %q, blocked %v", got, p.Row(3).Blocked())
	}
	if p.Row(2).Blocked() || p.Row(4).Blocked() {
		t.Errorf("rows 2 and 4 blocked: %q %q", problemsOf(p, 2), problemsOf(p, 4))
	}
}

// TestHostileBinaryFiles: files that are not text are still refused as a
// whole, saying what they are.
func TestHostileBinaryFiles(t *testing.T) {
	elf := append([]byte("\x7fELF\x02\x01\x01"), make([]byte, 4000)...)
	for i := range 500 {
		elf = append(elf, byte(i), 0, 0, 1)
	}
	for _, c := range []struct {
		name string
		data []byte
		want string
	}{
		{"photo.csv", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), make([]byte, 100)...), "a PNG image"},
		{"old.xls", append([]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), make([]byte, 600)...), "Excel 97-2003"},
		{"program.csv", elf, "binary data"},
	} {
		_, err := Read(c.name, bytes.NewReader(c.data))
		if !errors.Is(err, ErrUnknownFormat) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want ErrUnknownFormat saying %q", c.name, err, c.want)
		}
	}
}

// TestHostileHugeCell: a 10 MB cell is refused when the file is read,
// naming the row, the column and the limit.
func TestHostileHugeCell(t *testing.T) {
	data := "Given name,Family name\nAbebe,Bekele\nMoussa,Diop\nAmina," + strings.Repeat("x", 10<<20) + "\n"
	_, err := Read("huge.csv", strings.NewReader(data))
	if err == nil || !strings.Contains(err.Error(), "row 4, column B") || !strings.Contains(err.Error(), "32,767") {
		t.Errorf("Read = %v, want an error naming row 4, column B and the limit of 32,767", err)
	}
}

// TestHostileLongName: a name longer than the field allows blocks its
// row, naming the row, the field and the limit.
func TestHostileLongName(t *testing.T) {
	data := "Given name,Family name\n" + strings.Repeat("Ana ", 75) + ",Bekele\nMoussa,Diop\n"
	tb, err := Read("long.csv", strings.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	p := NewPreview(tb, Suggest(tb), Options{})
	got := problemsOf(p, 2)
	if !p.Row(2).Blocked() || !strings.Contains(got, "row 2, given names:") || !strings.Contains(got, "at most 100") {
		t.Errorf("row 2: %q, blocked %v", got, p.Row(2).Blocked())
	}
	q := strings.Repeat("Bé", 60)
	tb = &Table{Rows: []Row{{Num: 1, Cells: []string{"Given name", "Family name"}}, {Num: 2, Cells: []string{"Ana", q}}}}
	p = NewPreview(tb, Suggest(tb), Options{})
	if r := p.Row(2); !r.Blocked() || r.Problems[0].Kind == MissingName || !strings.Contains(r.Problems[0].Error(), "family name: the text is 120 characters long") {
		t.Errorf("a long family name: %q", problemsOf(p, 2))
	}
}

// TestHostileNFDEmail: the same address in NFC and NFD is one person, in
// the file and against the workshop.
func TestHostileNFDEmail(t *testing.T) {
	nfc, nfd := "jose.pe\u00f1a@example.org", "jose.pen\u0303a@example.org"
	existing := []store.Participant{{GivenNames: "José", FamilyNames: "Peña", Email: nfc, BadgeCode: "JP42"}}
	tb := &Table{Rows: []Row{
		{Num: 1, Cells: []string{"Given name", "Family name", "Email"}},
		{Num: 2, Cells: []string{"Jose\u0301", "Pen\u0303a Ruiz", nfd}},
		{Num: 3, Cells: []string{"Ana", "Lopez", "ana.mun\u0303oz@example.org"}},
		{Num: 4, Cells: []string{"Anita", "López", "ana.mu\u00f1oz@example.org"}},
	}}
	p := NewPreview(tb, Suggest(tb), Options{Existing: existing})
	if d := p.Row(2).Duplicate; d.Existing == nil || d.InWorkshop != SameEmail {
		t.Errorf("row 2 (NFD email of a participant): %+v; %s", d, problemsOf(p, 2))
	}
	if d := p.Row(4).Duplicate; d.FileRow != 3 || d.InFile != SameEmail {
		t.Errorf("row 4 (NFC email of row 3): %+v; %s", d, problemsOf(p, 4))
	}
}
