package pdf

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// demoNow is the fixed clock of the sample workshop in tests: Wednesday
// 10 March 2027, 09:00 UTC, so the workshop runs 9–11 March 2027.
var demoNow = time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)

// fixedDate is the creation date of every PDF the tests compare.
var fixedDate = time.Date(2027, 3, 1, 12, 0, 0, 0, time.UTC)

// demoData loads the sample workshop (store.InitDemo) from a new store in
// t.TempDir().
func demoData(t testing.TB) *store.WorkshopData {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "workshops.db"),
		store.Options{Now: func() time.Time { return demoNow }, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// fixedCodes replaces the random badge codes of d with repeatable ones
// (in memory only), for outputs compared with reference images.
func fixedCodes(d *store.WorkshopData) {
	const alphabet = "ACEFGHJKMNPRTWXY34679"
	for i := range d.Participants {
		n := i*7919 + 1234
		code := make([]byte, 5)
		for j := range code {
			code[j] = alphabet[n%len(alphabet)]
			n /= len(alphabet)
			n += j * 13
		}
		d.Participants[i].BadgeCode = string(code)
	}
}
