package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// TestExportHeadings checks that Suggest maps every heading of the export
// to its own field, exactly.
func TestExportHeadings(t *testing.T) {
	want := []Field{Honorific, GivenNames, FamilyNames, NativeName, Organisation, OrgType, Position, Country,
		Gender, Email, Phone, Role, BadgeCode, JoinedAt, Notes, ConsentPhotos, ConsentShare, ConsentFollowUp}
	for lang, header := range exportHeaders {
		if len(want) != len(header) {
			t.Fatalf("%s: %d headings, %d fields", lang, len(header), len(want))
		}
		tb := &Table{Rows: []Row{{Num: 1, Cells: header}}}
		m := Suggest(tb)
		if m.HeaderRow != 0 {
			t.Fatalf("%s: header row %d", lang, m.HeaderRow)
		}
		for col, f := range want {
			if c, ok := m.Column(f); !ok || c != col {
				t.Errorf("%s: %s: column %d (mapped %v), want %d %q", lang, f, c, ok, col, header[col])
			}
		}
		if len(m.Columns) != len(want) {
			t.Errorf("%s: mapping %s", lang, m.Describe(tb))
		}
		if exportSheet[lang] == "" {
			t.Errorf("%s: no sheet name", lang)
		}
	}
	if got := ExportTableIn(nil, nil, "zh"); got.Header[0] != "Honorific" || got.Name != "Participants" {
		t.Errorf("a language the importer does not read: %q %q", got.Name, got.Header)
	}
}

// demoStore opens a new data file holding the sample workshop, with a
// phone, notes that need quoting and a participant without an email added.
func demoStore(t *testing.T) (*store.Store, store.Workshop, []store.Participant) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "workshops.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w, err := st.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	ps, err := st.Participants(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 40 {
		t.Fatalf("%d sample participants, want 40", len(ps))
	}
	ps[0].Phone = "+251 911 234 567"
	ps[0].Notes = "Vegetarian, arrives \"late\";\nneeds a visa letter"
	ps[4].Phone = "0042 123"
	ps[7].Email = "" // recognised by name and organisation
	ps[0].ConsentPhotos, ps[0].ConsentShare, ps[0].ConsentFollowUp = store.ConsentNo, store.ConsentYes, store.ConsentNo
	ps[4].ConsentPhotos, ps[4].ConsentShare = store.ConsentYes, store.ConsentNo
	edit := []*store.Participant{&ps[0], &ps[4], &ps[7]}
	if err := st.SaveParticipants(edit); err != nil {
		t.Fatal(err)
	}
	if ps, err = st.Participants(w.ID); err != nil {
		t.Fatal(err)
	}
	return st, w, ps
}

// TestExportRoundTrip exports the sample workshop to CSV and XLSX and reads
// each file back as the import would: every row maps to its participant,
// field by field, and is recognised as already in the workshop, with no
// other problem.
func TestExportRoundTrip(t *testing.T) {
	_, w, ps := demoStore(t)
	// Held in UTC (as an imported RFC 3339 time is), a late joiner's time
	// is still written on the workshop's clock.
	utc := slices.Clone(ps)
	for i := range utc {
		utc[i].JoinedAt = utc[i].JoinedAt.UTC()
	}
	for _, lang := range []string{"en", "fr", "es"} {
		t.Run(lang, func(t *testing.T) { exportRoundTrip(t, w, ps, ExportTableIn(utc, w.Location(), lang)) })
	}
}

// exportRoundTrip writes table (ps exported) to CSV and XLSX and checks
// that the importer reads every column and value back as they were.
func exportRoundTrip(t *testing.T, w store.Workshop, ps []store.Participant, table sheet.Table) {
	if len(table.Rows) != 40 || len(table.Header) != len(Fields)-1 /* all but full_name */ {
		t.Fatalf("%d rows of %d columns", len(table.Rows), len(table.Header))
	}
	var late int
	for _, r := range table.Rows {
		if j, ok := r[13].(time.Time); ok {
			late++
			if h, m, _ := j.Clock(); h != 8 || m != 0 {
				t.Errorf("joined at %v, want 08:00 in Addis Ababa", j)
			}
		} else if r[13] != nil {
			t.Errorf("joined at is a %T", r[13])
		}
	}
	if late != 3 {
		t.Errorf("%d late joiners, want 3", late)
	}

	dir := t.TempDir()
	for _, name := range []string{"participants.csv", "participants.xlsx"} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(dir, name)
			if err := sheet.WriteFile(path, table); err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			tb, err := Read(name, bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			if filepath.Ext(name) == ".csv" && (tb.Format != CSV || tb.Encoding != "UTF-8 with BOM" || tb.Delimiter != ',') {
				t.Errorf("read as %s %s %q", tb.Format, tb.Encoding, tb.Delimiter)
			}
			if filepath.Ext(name) == ".xlsx" && (tb.Format != XLSX || tb.Sheet != table.Name) {
				t.Errorf("read as %s, sheet %q", tb.Format, tb.Sheet)
			}
			m := Suggest(tb)
			if m.HeaderRow != 0 || len(m.Columns) != len(Fields)-1 {
				t.Errorf("mapping: header row %d, %s", m.HeaderRow, m.Describe(tb))
			}
			p := NewPreview(tb, m, Options{WorkshopID: w.ID, Existing: ps, Location: w.Location()})
			if len(p.Rows) != 40 || len(p.Ignored) != 0 || len(p.Warnings) != 0 {
				t.Fatalf("%d rows, ignored %v, warnings %v", len(p.Rows), p.Ignored, p.Warnings)
			}
			if got := p.Tally(); got != (Tally{Rows: 40, Unchanged: 40, Problems: 40}) {
				t.Errorf("tally %+v", got)
			}
			for i, r := range p.Rows {
				want := ps[i]
				if r.Row != i+2 {
					t.Errorf("row %d is numbered %d", i+2, r.Row)
				}
				if len(r.Problems) != 1 || r.Problems[0].Kind != AlreadyInWorkshop {
					t.Errorf("row %d: problems %v", r.Row, r.Problems)
				}
				d := r.Duplicate
				wantMatch := SameEmail
				if want.Email == "" {
					wantMatch = SameName
				}
				if d.Existing == nil || d.Existing.ID != want.ID || d.InWorkshop != wantMatch || d.FileRow != 0 || r.Choice != Update {
					t.Errorf("row %d (%s): duplicate %+v, choice %s", r.Row, want.FullName(), d, r.Choice)
				}
				got := r.Participant
				got.Record, want.Record = store.Record{}, store.Record{}
				if !got.JoinedAt.Equal(want.JoinedAt) {
					t.Errorf("row %d: joined at %v, want %v", r.Row, got.JoinedAt, want.JoinedAt)
				}
				got.JoinedAt, want.JoinedAt = time.Time{}, time.Time{}
				if got != want {
					t.Errorf("row %d:\n got %+v\nwant %+v", r.Row, got, want)
				}
				if r.Name.CaseChanged {
					t.Errorf("row %d: the case of %q %q would change", r.Row, r.Name.FileGiven, r.Name.FileFamily)
				}
				// Native scripts survive byte for byte, and so do the
				// other names.
				if !bytes.Equal([]byte(r.Participant.NativeName), []byte(ps[i].NativeName)) ||
					!bytes.Equal([]byte(r.Participant.GivenNames+r.Participant.FamilyNames), []byte(ps[i].GivenNames+ps[i].FamilyNames)) {
					t.Errorf("row %d: names %q %q %q, want %q %q %q", r.Row, r.Participant.NativeName, r.Participant.GivenNames,
						r.Participant.FamilyNames, ps[i].NativeName, ps[i].GivenNames, ps[i].FamilyNames)
				}
			}
		})
	}
}

// TestExportValuesReadBack checks that every gender, role and
// organisation type, as an export writes it in each language, reads back
// as itself.
func TestExportValuesReadBack(t *testing.T) {
	for lang := range exportHeaders {
		for _, g := range store.Genders {
			if got, ok := ParseGender(valueIn(lang, g)); !ok || got != g {
				t.Errorf("%s: gender %q written %q reads %q", lang, g, valueIn(lang, g), got)
			}
		}
		for _, r := range store.Roles {
			if got, ok := ParseRole(valueIn(lang, r)); !ok || got != r {
				t.Errorf("%s: role %q written %q reads %q", lang, r, valueIn(lang, r), got)
			}
		}
		for _, o := range store.OrgTypes {
			if got, ok := ParseOrgType(valueIn(lang, o)); !ok || got != o {
				t.Errorf("%s: organisation type %q written %q reads %q", lang, o, valueIn(lang, o), got)
			}
		}
	}
	if valueIn("fr", store.RoleSpeaker) != "Intervenant" || valueIn("es", store.Female) != "Mujer" {
		t.Errorf("values not in the language: %q %q", valueIn("fr", store.RoleSpeaker), valueIn("es", store.Female))
	}
}
