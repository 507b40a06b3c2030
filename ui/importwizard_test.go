package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// fixture is a participant list kept by the importer's tests.
func fixture(name string) string {
	return filepath.Join("..", "store", "importer", "testdata", name)
}

// emptyWorkshop creates a workshop with no participants and opens it.
func emptyWorkshop(t *testing.T) (*App, fyne.Window) {
	t.Helper()
	u, w, _ := startTest(t)
	ws := store.Workshop{Code: "dakar-2027", Title: "Regional workshop", City: "Dakar", Country: "SN",
		StartDate: store.Date{Year: 2027, Month: 3, Day: 8}, EndDate: store.Date{Year: 2027, Month: 3, Day: 10}}
	if err := u.st.SaveWorkshop(&ws); err != nil {
		t.Fatal(err)
	}
	u.showWorkshop(ws.ID)
	return u, w
}

func TestImportWizardFromFileToSummary(t *testing.T) {
	u, w := emptyWorkshop(t)
	u.importParticipants()
	wiz := u.workshop.importer
	if wiz == nil || !wiz.choose.Visible() {
		t.Fatal("the wizard should open on choosing a file")
	}
	path := fixture("participants-dakar-excel-fr.csv")
	wiz.loaded(path, readFixture(t, path), nil)

	// Step 2: the French headings are mapped.
	if got := wiz.columns[importer.GivenNames].Selected; !strings.HasSuffix(got, "Prénom") {
		t.Errorf("given names mapped to %q, want the Prénom column", got)
	}
	if got := wiz.columns[importer.Email].Selected; !strings.HasSuffix(got, "Courriel") {
		t.Errorf("email mapped to %q, want Courriel", got)
	}
	if n, _ := u.st.Participants(u.workshop.data.Workshop.ID); len(n) != 0 {
		t.Fatal("nothing may be written before the import is confirmed")
	}
	test.Tap(wiz.next)

	// Step 3: every row with what will be done; the six names with a "?"
	// for a lost letter wait for a correction.
	if wiz.preview == nil || len(wiz.preview.Rows) != 45 {
		t.Fatalf("preview rows = %v, want 45", wiz.preview)
	}
	if !strings.HasPrefix(wiz.tally.Text, "45 rows: 39 to add, 0 to update, 6 to skip") {
		t.Errorf("tally = %q", wiz.tally.Text)
	}
	if wiz.next.Text != "Import 39 participants" {
		t.Errorf("import button = %q", wiz.next.Text)
	}
	// Leave the first row out.
	first := wiz.preview.Rows[0]
	if err := wiz.preview.SetChoice(first.Row, importer.Skip); err != nil {
		t.Fatal(err)
	}
	wiz.refreshPreview()
	if wiz.next.Text != "Import 38 participants" {
		t.Errorf("after skipping a row the button says %q", wiz.next.Text)
	}
	if n, _ := u.st.Participants(u.workshop.data.Workshop.ID); len(n) != 0 {
		t.Fatal("nothing may be written before the import is confirmed")
	}

	// Step 4: import, in one transaction, and the summary.
	wiz.committed(importer.Commit(u.st, wiz.preview))
	if !strings.HasPrefix(wiz.result.Text, "38 added, 0 updated, 7 skipped.") {
		t.Errorf("summary = %q", wiz.result.Text)
	}
	test.Tap(wiz.next) // Done
	people := u.workshop.participants.people
	if len(people) != 38 {
		t.Fatalf("after import the table shows %d participants, want 38", len(people))
	}
	found := false
	for _, p := range people {
		if p.GivenNames == "Aïssatou" && p.FamilyNames == "Bâ" && p.Country == "GN" {
			found = true
		}
	}
	if !found {
		t.Error("Windows-1252 accents should be decoded (Aïssatou Bâ from Guinea)")
	}
	_ = w
}

func TestImportWizardFlagsPeopleAlreadyThere(t *testing.T) {
	u, _ := emptyWorkshop(t)
	path := fixture("participants-santiago.xlsx")
	wiz := showImportWizard(u.workshop)
	wiz.loaded(path, readFixture(t, path), nil)
	wiz.toPreview()
	wiz.committed(importer.Commit(u.st, wiz.preview))
	wiz.dialog.Hide()

	again := showImportWizard(u.workshop)
	again.loaded(path, readFixture(t, path), nil)
	again.toPreview()
	tally := again.preview.Tally()
	if tally.Add != 0 || tally.Update != 0 || tally.Unchanged != tally.Rows {
		t.Errorf("re-import tally %+v: every row should match someone already there, with nothing new", tally)
	}
	want := fmt.Sprintf("%d rows: 0 to add, 0 to update, 0 to skip · %d already in the workshop with nothing new", tally.Rows, tally.Rows)
	if !strings.HasPrefix(again.tally.Text, want) {
		t.Errorf("tally text = %q, want it to begin %q", again.tally.Text, want)
	}
	if !again.next.Disabled() {
		t.Error("with nothing to add or update, the import button should be disabled")
	}
	row := again.rows.CreateItem()
	again.rows.UpdateItem(0, row)
	issue := row.(*importRow).issue
	if !strings.HasSuffix(issue.Text, "nothing new in the file: left as it is") || issue.Hidden {
		t.Errorf("an unchanged row says %q", issue.Text)
	}
}

func TestImportWizardExplainsUnreadableFile(t *testing.T) {
	u, w := emptyWorkshop(t)
	wiz := showImportWizard(u.workshop)
	path := filepath.Join("..", "assets", "icon.png")
	_, err := importer.ReadFile(path, "")
	wiz.loaded(path, nil, err)
	if !containsText(w, "Icon.png cannot be imported") { // dialogs capitalise the first letter
		t.Error("an unreadable file should be explained in a dialog naming it")
	}
	if wiz.table != nil {
		t.Error("the wizard should stay on choosing a file")
	}
}

func readFixture(t *testing.T, path string) *importer.Table {
	t.Helper()
	tab, err := importer.ReadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	return tab
}
