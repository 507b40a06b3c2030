package importer

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// openStore opens a new data file in dir with a workshop; the store is
// closed when the test ends.
func openStore(t testing.TB, dir string) (*store.Store, *store.Workshop) {
	t.Helper()
	st, w := newStore(t, dir)
	t.Cleanup(func() {
		if err := st.Close(); err != nil {
			t.Errorf("Close: %v", err)
		}
	})
	return st, w
}

// newStore opens a new data file in dir with a workshop.
func newStore(t testing.TB, dir string) (*store.Store, *store.Workshop) {
	t.Helper()
	st, err := store.Open(filepath.Join(dir, "workshops.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatalf("store.Open: %v", err)
	}
	w := &store.Workshop{Code: "addis-2027", Title: "Regional Workshop on Labour Migration", City: "Addis Ababa",
		Country: "ET", StartDate: store.Date{Year: 2027, Month: 3, Day: 10}, EndDate: store.Date{Year: 2027, Month: 3, Day: 12}}
	if err := st.SaveWorkshop(w); err != nil {
		t.Fatalf("SaveWorkshop: %v", err)
	}
	return st, w
}

// participants returns the workshop's participants, failing on error.
func participants(t *testing.T, st *store.Store, id uuid.UUID) []store.Participant {
	t.Helper()
	ps, err := st.Participants(id)
	if err != nil {
		t.Fatal(err)
	}
	return ps
}

func TestCommitAddis(t *testing.T) {
	st, w := openStore(t, t.TempDir())
	_, p := readFixture(t, "participants-addis-utf8-bom.csv", Options{WorkshopID: w.ID, Existing: participants(t, st, w.ID)})
	// The caller corrects a name before confirming; still nothing stored.
	if err := p.SetName(7, "Fatima", "Zahra Benali"); err != nil {
		t.Fatal(err)
	}
	if n := len(participants(t, st, w.ID)); n != 0 {
		t.Fatalf("%d participants stored before Commit", n)
	}

	sum, err := Commit(st, p)
	if err != nil {
		t.Fatalf("Commit: %v", err)
	}
	if sum.Added != 60 || sum.Updated != 0 || len(sum.Skipped) != 2 || sum.String() != "60 added, 0 updated, 2 skipped" {
		t.Errorf("summary = %s %v", sum, sum.Skipped)
	}
	if want := []Skipped{{62, "repeats row 5 exactly"}, {63, "the same person as row 12 (same email)"}}; sum.Skipped[0] != want[0] || sum.Skipped[1] != want[1] {
		t.Errorf("skipped = %v, want %v", sum.Skipped, want)
	}
	stored := participants(t, st, w.ID)
	if len(stored) != 60 {
		t.Fatalf("%d participants stored, want 60", len(stored))
	}
	codes := map[string]bool{}
	for _, sp := range stored {
		if sp.ID == uuid.Nil || sp.BadgeCode == "" || codes[sp.BadgeCode] {
			t.Errorf("stored %s: ID %s badge %q", sp.FullName(), sp.ID, sp.BadgeCode)
		}
		codes[sp.BadgeCode] = true
	}
	if s := stored[0]; s.NativeName != "አበበ በቀለ" || s.Email != "abebe.bekele0@example.org" || s.Role != store.RoleParticipant {
		t.Errorf("first stored = %+v", s)
	}
	if _, err := Commit(st, p); !errors.Is(err, ErrCommitted) {
		t.Errorf("second Commit: %v", err)
	}

	// Re-import of the same file: every row is already in the workshop.
	_, again := readFixture(t, "participants-addis-utf8-bom.csv", Options{WorkshopID: w.ID, Existing: stored})
	for _, r := range again.Rows {
		if !r.Has(AlreadyInWorkshop) {
			t.Errorf("re-import, row %d not flagged as already in the workshop: %v", r.Row, r.Problems)
		}
	}
	if got := again.Tally(); got.Unchanged != 60 || got.Update != 0 || got.Skip != 2 || got.Add != 0 {
		t.Errorf("re-import tally = %+v", got)
	}
	// Nothing new: nothing is written, and the records keep their times.
	sum, err = Commit(st, again)
	if err != nil || sum.String() != "0 added, 0 updated, 60 unchanged, 2 skipped" {
		t.Errorf("re-import: %v, %v", sum, err)
	}
	before := map[uuid.UUID]time.Time{}
	for _, sp := range stored {
		before[sp.ID] = sp.UpdatedAt
	}
	for _, sp := range participants(t, st, w.ID) {
		if !sp.UpdatedAt.Equal(before[sp.ID]) {
			t.Errorf("%s was written again by an import that changes nothing", sp.FullName())
		}
	}
}

func TestCommitUpdateKeepsIDAndBadge(t *testing.T) {
	st, w := openStore(t, t.TempDir())
	old := &store.Participant{WorkshopID: w.ID, GivenNames: "Moussa", FamilyNames: "Diop", Email: "moussa@example.org",
		Organisation: "Ministère de l'Intérieur", Phone: "+221 77 000 00 00", Role: store.RoleSpeaker, Notes: "vegetarian"}
	if err := st.SaveParticipant(old); err != nil {
		t.Fatal(err)
	}
	start, _ := store.ParseClock("09:00")
	end, _ := store.ParseClock("10:30")
	se := &store.Session{WorkshopID: w.ID, Date: w.StartDate, Start: start, End: end, Title: "Opening", Type: store.Plenary, Counts: true}
	if err := st.SaveSession(se); err != nil {
		t.Fatal(err)
	}
	if err := st.RecordAttendance(&store.Attendance{SessionID: se.ID, ParticipantID: old.ID, Status: store.Present}); err != nil {
		t.Fatal(err)
	}
	text := "Prénom;Nom;Courriel;Organisation;Fonction;Badge;Remarques\r\n" +
		"Moussa;DIOP;MOUSSA@example.org;Ministère de l'Intérieur;Directeur;ZZZZ9;arrives on the 11th\r\n" +
		"Awa;Ndiaye;awa@example.org;ONG Jamra;Chargée de programme;;\r\n" +
		";;nobody@example.org;;;;\r\n" +
		"Ana;Cruz;ana@;ONG;;;\r\n"
	tb := readBytes(t, "dakar.csv", []byte(text))
	p := NewPreview(tb, Suggest(tb), Options{WorkshopID: w.ID, Existing: participants(t, st, w.ID)})
	if r := p.Row(2); r.Choice != Update || r.Duplicate.Existing.ID != old.ID {
		t.Fatalf("row 2: choice %s duplicate %+v", r.Choice, r.Duplicate)
	}
	sum, err := Commit(st, p)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Added != 1 || sum.Updated != 1 || len(sum.Skipped) != 2 {
		t.Errorf("summary %s %v", sum, sum.Skipped)
	}
	if sum.Skipped[0].Row != 4 || !strings.HasPrefix(sum.Skipped[0].Reason, "no name") ||
		sum.Skipped[1].Row != 5 || sum.Skipped[1].Reason != `"ana@" is not an email address` {
		t.Errorf("skipped = %v", sum.Skipped)
	}
	got, err := st.Participant(old.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != old.ID || got.BadgeCode != old.BadgeCode || !got.CreatedAt.Equal(old.CreatedAt) {
		t.Errorf("update changed the identity: ID %s badge %s created %v; was %s %s %v", got.ID, got.BadgeCode, got.CreatedAt, old.ID, old.BadgeCode, old.CreatedAt)
	}
	if got.Position != "Directeur" || got.FamilyNames != "Diop" || got.Phone != old.Phone || got.Role != store.RoleSpeaker ||
		got.Notes != "vegetarian\narrives on the 11th" {
		t.Errorf("updated record = %+v", got)
	}
	if a, err := st.Attendance(se.ID, old.ID); err != nil || a.Status != store.Present {
		t.Errorf("attendance after the update: %+v, %v", a, err)
	}
	if n := len(participants(t, st, w.ID)); n != 2 {
		t.Errorf("%d participants, want 2", n)
	}
}

func TestCommitAllOrNothing(t *testing.T) {
	st, w := openStore(t, t.TempDir())
	tb := readBytes(t, "two.csv", []byte("Name,Email\nMoussa Diop,m@example.org\nAwa Ndiaye,a@example.org\n"))
	p := NewPreview(tb, Suggest(tb), Options{WorkshopID: uuid.Must(uuid.NewV7())}) // no such workshop
	if _, err := Commit(st, p); err == nil || !strings.Contains(err.Error(), "nothing was saved") {
		t.Errorf("Commit into a missing workshop: %v", err)
	}
	if n := len(participants(t, st, w.ID)); n != 0 {
		t.Errorf("%d participants after a failed commit", n)
	}
	// A participant updated in the preview but deleted before the commit.
	ghost := &store.Participant{WorkshopID: w.ID, GivenNames: "Moussa", FamilyNames: "Diop", Email: "m@example.org"}
	if err := st.SaveParticipant(ghost); err != nil {
		t.Fatal(err)
	}
	p = NewPreview(tb, Suggest(tb), Options{WorkshopID: w.ID, Existing: participants(t, st, w.ID)})
	if err := st.DeleteParticipant(ghost.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := Commit(st, p); err == nil || !strings.Contains(err.Error(), "row 2: Moussa Diop is no longer in the workshop") {
		t.Errorf("Commit after a deletion: %v", err)
	}
	if n := len(participants(t, st, w.ID)); n != 0 {
		t.Errorf("%d participants after a failed commit", n)
	}
}

// TestMergeJoinedAt checks that a file's "Joined at" replaces the one kept,
// and that an empty cell keeps it.
func TestMergeJoinedAt(t *testing.T) {
	kept := time.Date(2027, 3, 9, 8, 0, 0, 0, time.UTC)
	given := time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC)
	existing := store.Participant{GivenNames: "Awa", FamilyNames: "Ndiaye", JoinedAt: kept}
	if got := Merge(existing, store.Participant{GivenNames: "Awa", JoinedAt: given}).JoinedAt; !got.Equal(given) {
		t.Errorf("a file's joined at: %v, want %v", got, given)
	}
	if got := Merge(existing, store.Participant{GivenNames: "Awa"}).JoinedAt; !got.Equal(kept) {
		t.Errorf("an empty joined at: %v, want %v kept", got, kept)
	}
}
