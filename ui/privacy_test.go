package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// hasButton reports whether a visible button labelled text is on screen.
func hasButton(w fyne.Window, text string) bool {
	for _, o := range objects(w) {
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return true
		}
	}
	return false
}

// until waits up to 10 s for cond, letting the app's background work and
// its callbacks run.
func until(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); {
		if time.Now().After(deadline) {
			t.Fatalf("%s did not happen within 10 s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestPurgeOfferOnOverview: the Overview shows the retention period and
// its end; no purge is offered before then; after it, the offer's
// confirmation says what goes and what stays, and confirming purges the
// workshop, which the Overview then says.
func TestPurgeOfferOnOverview(t *testing.T) {
	u, w, _ := startSampleAt(t, addisMorning)
	u.showSection(sectionOverview)
	wsd := u.workshop.data.Workshop
	if !containsText(w, "Kept until") || !containsText(w, "(24 months after the last day)") {
		t.Fatal("the Overview does not show the retention period")
	}
	if hasButton(w, "Purge personal data…") {
		t.Fatal("a purge is offered before the end of the retention period")
	}
	end := wsd.RetentionEnds()
	u.now = func() time.Time { return time.Date(end.Year, end.Month, end.Day+1, 12, 0, 0, 0, time.UTC) }
	u.showHome()
	u.showWorkshop(wsd.ID)
	u.showSection(sectionOverview)
	if containsText(w, "Kept until") || !containsText(w, "The retention period ended on") {
		t.Error("after the retention period, the Overview still says the data is kept until a day past")
	}
	test.Tap(button(t, w, "Purge personal data…"))
	for _, part := range []string{"Removed for good", "of 40 participants", "Kept:", "reports give the same figures", "which still verify"} {
		if !containsText(w, part) {
			t.Errorf("the confirmation does not say %q", part)
		}
	}
	test.Tap(button(t, w, "Purge"))
	until(t, "the purge", func() bool {
		got, err := u.st.Workshop(wsd.ID)
		return err == nil && !got.PurgedAt.IsZero()
	})
	until(t, "the Overview saying it", func() bool { return containsText(w, "Purged on") })
	people, _ := u.st.Participants(wsd.ID)
	for _, p := range people {
		if p.Email != "" || p.GivenNames != "" || p.FamilyNames != p.BadgeCode {
			t.Fatalf("not purged: %+v", p)
		}
	}
}

// TestPersonActionsOnParticipants: the participant form of a selected
// person offers their record and their erasure; the record is written
// (PDF and JSON); erasing asks first, says reports no longer count them,
// and removes them.
func TestPersonActionsOnParticipants(t *testing.T) {
	u, w := openSampleParticipants(t)
	v := u.workshop.participants
	v.table.Select(fyneCell(0))
	p := v.people[v.shown[0]]
	button(t, w, "Export this person's record…")
	for _, name := range []string{"record.pdf", "record.json"} {
		path, err := ops.WritePersonRecord(u.st, p.ID, filepath.Join(t.TempDir(), name), "fr")
		if err != nil {
			t.Fatal(err)
		}
		raw, _ := os.ReadFile(path)
		if len(raw) == 0 || strings.HasSuffix(name, ".json") && !strings.Contains(string(raw), p.Email) {
			t.Errorf("%s: %d bytes", name, len(raw))
		}
	}
	test.Tap(button(t, w, "Erase this person…"))
	if !containsText(w, "no longer count them") || !containsText(w, p.FullName()) {
		t.Fatal("the erasure's confirmation does not say what it means for reports")
	}
	test.Tap(button(t, w, "Erase"))
	if n := len(u.workshop.data.Participants); n != 39 {
		t.Errorf("%d participants after the erasure, want 39", n)
	}
	if got, _ := u.st.Participant(p.ID); got.Email != "" {
		t.Errorf("the erased record still holds %q", got.Email)
	}
}

// TestConsentInParticipantForm: the consent answers are saved from the
// participant form and shown again.
func TestConsentInParticipantForm(t *testing.T) {
	u, _ := openSampleParticipants(t)
	v := u.workshop.participants
	v.table.Select(fyneCell(0))
	p := v.people[v.shown[0]]
	f := v.form
	f.consentPhotos.SetSelectedIndex(2) // no
	f.consentShare.SetSelectedIndex(1)  // yes
	test.Tap(f.saveBtn)
	got, _ := u.st.Participant(p.ID)
	if got.ConsentPhotos != store.ConsentNo || got.ConsentShare != store.ConsentYes || got.ConsentFollowUp != store.ConsentNotAsked {
		t.Fatalf("consent saved as %q %q %q", got.ConsentPhotos, got.ConsentShare, got.ConsentFollowUp)
	}
	f = showParticipantForm(u.workshop, &got)
	if f.consentPhotos.SelectedIndex() != 2 || f.consentShare.SelectedIndex() != 1 || f.consentFollowUp.SelectedIndex() != 0 {
		t.Error("the form does not show the consent saved")
	}
}
