package importer

import (
	"strings"
	"testing"
)

// TestLostLettersDefaultToSkip reads a Windows-1252 export in which Excel
// saved the letters it could not encode as "?": those rows are skipped
// until their names are corrected, and import once corrected.
func TestLostLettersDefaultToSkip(t *testing.T) {
	st, w := openStore(t, t.TempDir())
	_, p := readFixture(t, "lost-letters-cp1252.csv", Options{WorkshopID: w.ID})
	if len(p.Rows) != 5 {
		t.Fatalf("%d rows, want 5", len(p.Rows))
	}
	want := map[int]Choice{2: Add, 3: Skip, 4: Skip, 5: Add, 6: Skip}
	for row, c := range want {
		if got := p.Row(row).Choice; got != c {
			t.Errorf("row %d: choice %q, want %q", row, got, c)
		}
	}
	if got := p.Tally(); got.Add != 2 || got.Skip != 3 || got.Blocked != 0 {
		t.Errorf("tally = %+v, want 2 to add and 3 skipped (not blocked)", got)
	}

	// Corrected in place, the row is added.
	if err := p.SetName(3, "Şule", "Çağlar"); err != nil {
		t.Fatal(err)
	}
	if r := p.Row(3); r.Choice != Add || r.Has(LostCharacters) {
		t.Errorf("corrected row 3: choice %q, problems %v", r.Choice, r.Problems)
	}
	// The native-script name is corrected on its own.
	if err := p.SetNativeName(6, "Дмитрий Иванов"); err != nil {
		t.Fatal(err)
	}
	if r := p.Row(6); r.Choice != Add || r.Has(LostCharacters) || r.Participant.NativeName != "Дмитрий Иванов" {
		t.Errorf("corrected row 6: choice %q, problems %v", r.Choice, r.Problems)
	}
	// A half-corrected name keeps the row skipped.
	if err := p.SetName(4, "Nguyễn", "V?n Đức"); err != nil {
		t.Fatal(err)
	}
	if r := p.Row(4); r.Choice != Skip || !r.Has(LostCharacters) {
		t.Errorf("half-corrected row 4: choice %q", r.Choice)
	}

	sum, err := Commit(st, p)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 4 || len(sum.Skipped) != 1 || sum.Skipped[0].Row != 4 {
		t.Fatalf("summary %+v", sum)
	}
	if r := sum.Skipped[0].Reason; !strings.Contains(r, `"V?n Đức"`) || !strings.Contains(r, "correct") {
		t.Errorf("skip reason %q should name the damaged name and say to correct it", r)
	}
	for _, q := range sum.Saved {
		if fields := q.LostLetterFields(); fields != nil {
			t.Errorf("%s saved with a lost letter in %v", q.FullName(), fields)
		}
	}
}

// TestLostLettersChosenAdd keeps a damaged name the user chose to add.
func TestLostLettersChosenAdd(t *testing.T) {
	_, p := readFixture(t, "lost-letters-cp1252.csv", Options{})
	if err := p.SetChoice(3, Add); err != nil {
		t.Fatal(err)
	}
	if r := p.Row(3); r.Choice != Add || !r.Has(LostCharacters) {
		t.Errorf("row 3 chosen to add: choice %q", r.Choice)
	}
}
