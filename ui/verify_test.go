package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestHostileVerifyDialogRegister checks in the Verify dialog a QR text
// signed with the key of a stolen backup under a number this file never
// issued, and a genuine print whose name was corrected since: neither is
// shown as genuine, and the register's own facts are named.
func TestHostileVerifyDialogRegister(t *testing.T) {
	u, w, _ := startSampleAt(t, time.Date(2026, 11, 26, 20, 0, 0, 0, time.UTC))
	ws := u.workshop.data.Workshop
	people := u.workshop.data.Participants
	issued, err := u.st.Issue([]uuid.UUID{people[0].ID}, u.now())
	if err != nil {
		t.Fatal(err)
	}
	genuine, _, err := u.st.Sign(issued[0], store.NewCertificateFields(&ws, &people[0], &issued[0], "7 of 9 sessions"))
	if err != nil {
		t.Fatal(err)
	}
	stolen := filepath.Join(t.TempDir(), "stolen.db")
	if err := u.st.BackupTo(stolen); err != nil {
		t.Fatal(err)
	}
	thief, err := store.Open(stolen, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	mallory := store.Participant{WorkshopID: ws.ID, GivenNames: "Mallory", FamilyNames: "Forger"}
	if err := thief.SaveParticipant(&mallory); err != nil {
		t.Fatal(err)
	}
	c, err := thief.Issue([]uuid.UUID{mallory.ID}, u.now())
	if err != nil {
		t.Fatal(err)
	}
	forged, _, err := thief.Sign(c[0], store.NewCertificateFields(&ws, &mallory, &c[0], "9 of 9 sessions"))
	thief.Close()
	if err != nil {
		t.Fatal(err)
	}

	v := showVerifyDialog(u)
	v.input.SetText(forged)
	v.verify()
	if v.status.Text != "✗ Not in the register" || v.status.Importance != widget.DangerImportance ||
		!strings.Contains(v.detail.Text, "this data file never issued "+c[0].Number) || !containsText(w, "Mallory Forger") {
		t.Errorf("forged with a stolen backup: %q, %q", v.status.Text, v.detail.Text)
	}

	v.input.SetText(genuine)
	v.verify()
	if v.status.Text != "✓ Genuine" {
		t.Errorf("genuine: %q, %q", v.status.Text, v.detail.Text)
	}
	p := people[0]
	p.GivenNames = "Corrected"
	if err := u.st.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	v.verify()
	if v.status.Text != "✗ Differs from the register" || v.status.Importance != widget.DangerImportance ||
		!strings.Contains(v.detail.Text, "Corrected "+p.FamilyNames) || !strings.Contains(v.detail.Text, "another name") {
		t.Errorf("a print from before the name was corrected: %q, %q", v.status.Text, v.detail.Text)
	}
}
