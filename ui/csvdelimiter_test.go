package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"

	"github.com/workshopdesk/workshopdesk/store/importer"
)

// menuItem finds the item labelled label in the window's main menu.
func menuItem(t *testing.T, w fyne.Window, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range w.MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no menu item %q", label)
	return nil
}

// TestCSVSemicolonSetting: the View menu's item switches the participant
// export and the reports to semicolons (for Excel in French), is kept in
// the preferences, and the import reads such a file back.
func TestCSVSemicolonSetting(t *testing.T) {
	u, _ := openSampleParticipants(t)
	it := menuItem(t, u.win, "Semicolons in CSV files (Excel in French, Spanish…)")
	if it.Checked || u.csvDelimiter() != ',' {
		t.Fatalf("semicolons on by default (checked %v)", it.Checked)
	}
	it.Action()
	if !it.Checked || !u.app.Preferences().Bool(prefCSVSemicolon) || u.csvDelimiter() != ';' {
		t.Fatalf("after the menu item: checked %v, delimiter %q", it.Checked, u.csvDelimiter())
	}

	dir := filepath.Join(t.TempDir(), "Zoë Ðorđević", "Mes exports")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	v := u.workshop.participants
	path, err := exportParticipants(filepath.Join(dir, "liste été.csv"), v.people, u.workshop.data.Workshop.Location(), "en", u.csvDelimiter())
	if err != nil {
		t.Fatal(err)
	}
	tab, err := importer.ReadFile(path, "")
	if err != nil || tab.Delimiter != ';' || len(tab.Rows) != 41 {
		t.Fatalf("read back %s: delimiter %q, %d rows, %v", path, tab.Delimiter, len(tab.Rows), err)
	}

	u.workshop.ensure(sectionReports)
	req, err := u.workshop.reports.job().request(reportAttendance, "csv", filepath.Join(dir, "présences.csv"))
	if err != nil || req.Delimiter != ';' {
		t.Fatalf("report request: delimiter %q, %v", req.Delimiter, err)
	}

	it.Action()
	if it.Checked || u.csvDelimiter() != ',' {
		t.Errorf("second click: checked %v, delimiter %q", it.Checked, u.csvDelimiter())
	}
}
