package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestHostileParticipantFormText: the participant form refuses a name with
// a terminal escape and text past its field's limit, each shown under its
// own field, and saves nothing. Part of the hostile suite
// (go test ./... -run Hostile).
func TestHostileParticipantFormText(t *testing.T) {
	u, _ := openSampleParticipants(t)
	u.newParticipant()
	f := u.workshop.participants.form
	test.Type(f.given, "Ab\x1b[2Jebe")
	f.family.SetText(strings.Repeat("x", 101))
	f.position.SetText(strings.Repeat("p", 10<<10))
	f.notes.SetText("Vegetarian\u202e")
	test.Tap(f.saveBtn)
	if u.workshop.participants.form == nil {
		t.Fatal("an invalid participant closed the form")
	}
	for field, want := range map[string]string{
		"given_names": "U+001B", "family_name": "at most 100", "position": "10,240 characters long", "notes": "U+202E",
	} {
		if l := f.errs[field]; l == nil || !l.Visible() || !strings.Contains(l.Text, want) {
			t.Errorf("%s: problem shown under the field = %v, want one saying %q", field, l, want)
		}
	}
	if n := len(u.workshop.participants.people); n != 40 {
		t.Errorf("%d participants after an invalid save, want 40", n)
	}
}
