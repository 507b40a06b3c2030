package ui

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// testOpener opens stores as the app does, without automatic backups and
// with a short lock timeout.
func testOpener(path string) (*store.Store, error) {
	return store.Open(path, store.Options{NoAutoBackup: true, Timeout: 200 * time.Millisecond})
}

// startTest starts the UI on a data file in a temporary folder.
func startTest(t *testing.T) (*App, fyne.Window, string) {
	t.Helper()
	return startOn(t, filepath.Join(t.TempDir(), "workshopdesk.db"))
}

func startOn(t *testing.T, path string) (*App, fyne.Window, string) {
	t.Helper()
	a := test.NewTempApp(t)
	w := a.NewWindow("test")
	w.Resize(fyne.NewSize(1100, 720))
	u := Start(a, w, Config{DataPath: path, Open: testOpener, Version: "test"})
	t.Cleanup(func() {
		if err := u.Close(); err != nil {
			t.Errorf("close: %v", err)
		}
		w.Close()
	})
	return u, w, path
}

// objects returns every object in the window: its content and overlays
// (dialogs), depth first.
func objects(w fyne.Window) []fyne.CanvasObject {
	all := test.LaidOutObjects(w.Content())
	for _, o := range w.Canvas().Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	return all
}

// button finds the visible button labelled text, failing the test if none.
func button(t *testing.T, w fyne.Window, text string) *widget.Button {
	t.Helper()
	for _, o := range objects(w) {
		if d, ok := o.(*dialogButton); ok {
			o = &d.Button // the Cancel and confirm buttons of a form
		}
		if b, ok := o.(*widget.Button); ok && b.Text == text && b.Visible() {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// hasText reports whether a visible label shows exactly text.
func hasText(w fyne.Window, text string) bool {
	for _, o := range objects(w) {
		if l, ok := o.(*widget.Label); ok && l.Text == text && l.Visible() {
			return true
		}
	}
	return false
}

// containsText reports whether a visible label contains part.
func containsText(w fyne.Window, part string) bool {
	for _, o := range objects(w) {
		if l, ok := o.(*widget.Label); ok && l.Visible() && strings.Contains(l.Text, part) {
			return true
		}
	}
	return false
}

// fyneCell is the first cell of a table row.
func fyneCell(row int) widget.TableCellID { return widget.TableCellID{Row: row, Col: 0} }
