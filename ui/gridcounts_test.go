package ui

import (
	"encoding/json"
	"testing"

	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// withTranslations makes lang.L translate the keys of tr for the rest of
// the test in English, and undoes it afterwards.
func withTranslations(t *testing.T, tr map[string]string) {
	t.Helper()
	add := func(m map[string]string) {
		data, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		if err := addTranslations(data, "test.en.json"); err != nil {
			t.Fatal(err)
		}
	}
	probe := "workshopdesk test probe"
	tr[probe] = "translated"
	undo := map[string]string{}
	for k := range tr {
		undo[k] = k
	}
	add(tr)
	t.Cleanup(func() { add(undo) })
	if lang.L(probe) != "translated" {
		t.Fatal("the test translation is not used")
	}
}

// TestGridCountsAreTranslated checks that the counts under and beside a
// session's heading in the grid go through the translations.
func TestGridCountsAreTranslated(t *testing.T) {
	withTranslations(t, map[string]string{
		"P %d · L %d · E %d · A %d": "Pr %d · Re %d · Ex %d · Ab %d",
		"P%d L%d E%d A%d":           "Pr%d Re%d Ex%d Ab%d",
		"n/a %d":                    "s.o. %d",
	})
	s := &store.SessionStats{Present: 31, Late: 4, Excused: 1, Absent: 2, NotApplicable: 3, Expected: 38}
	if got, want := shortCounts(s), "Pr 31 · Re 4 · Ex 1 · Ab 2 · s.o. 3"; got != want {
		t.Errorf("shortCounts = %q, want %q", got, want)
	}
	if got, want := compactCounts(s), "Pr31 Re4 Ex1 Ab2"; got != want {
		t.Errorf("compactCounts = %q, want %q", got, want)
	}
}
