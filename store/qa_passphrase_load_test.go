package store

import (
	"path/filepath"
	"testing"
)

// marksHeld counts the current marks a load holds.
func marksHeld(d *WorkshopData) int {
	n := 0
	for _, m := range d.Marks {
		n += m.n
	}
	return n
}

// A workshop with attendance opens once a passphrase is set: the load
// read the sealed attendance values as plain ones and called them
// malformed, so no protected workshop with a check-in could be opened.
func TestProtectedWorkshopWithAttendanceLoads(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshopdesk.db")
	s := openAt(t, path, Options{NoAutoBackup: true})
	if _, err := s.InitDemo(); err != nil {
		t.Fatal(err)
	}
	want := marksHeld(loadOnly(t, s))
	if want == 0 {
		t.Fatal("the sample has no attendance")
	}
	s.Close()
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	forgetFileKey(t, path)
	s = openAt(t, path, Options{Secret: Secret{Passphrase: testPassphrase}, NoAutoBackup: true})
	defer s.Close()
	if got := marksHeld(loadOnly(t, s)); got != want {
		t.Fatalf("%d marks after the passphrase was set, want %d", got, want)
	}
}
