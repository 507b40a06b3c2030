package ui

import (
	"bytes"
	"errors"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// waitForPDF writes through writePDF and waits for it to finish.
func waitForPDF(t *testing.T, u *App, path string, write func(path string) error) {
	t.Helper()
	done := make(chan string, 1)
	writePDF(u, path, write, func(p string) { done <- p })
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the PDF was not written within 30 s")
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.HasPrefix(data, []byte("%PDF-")) {
		t.Fatalf("%s is not a PDF: %v", path, err)
	}
}

func TestPrintBadgesOfShownParticipants(t *testing.T) {
	u, w := openSampleParticipants(t)
	v := u.workshop.participants
	v.search.SetText("ethiopia")
	people := v.shownPeople()
	if len(people) != 4 {
		t.Fatalf("search for ethiopia shows %d people, want 4", len(people))
	}
	path := filepath.Join(t.TempDir(), "badges.pdf")
	waitForPDF(t, u, path, func(path string) error {
		_, err := ops.Badges(ops.BadgeRequest{Data: u.workshop.data, People: people, Layout: pdf.BadgeA6, Out: path})
		return err
	})
	if !hasText(w, path) {
		t.Error("the app should say where the PDF went and offer to open it")
	}
	button(t, w, "Open") // the offer to open it in the PDF viewer
}

func TestPrintSignInSheetOfCurrentSession(t *testing.T) {
	u, _, v := startSampleAt(t, addisMorning)
	se, _ := v.current()
	if !v.sheet.Visible() {
		t.Fatal("the check-in screen should offer the sign-in sheet")
	}
	path := filepath.Join(t.TempDir(), "sheet.pdf")
	waitForPDF(t, u, path, func(path string) error {
		_, err := ops.SignInSheet(u.workshop.data, se, path)
		return err
	})
	if _, err := os.Stat(path + ".tmp"); err == nil {
		t.Error("a temporary file was left behind")
	}
}

// noViewerApp is an app whose system has nothing to open files with.
type noViewerApp struct{ fyne.App }

func (noViewerApp) OpenURL(*url.URL) error {
	return errors.New(`exec: "xdg-open": executable file not found in $PATH`)
}

// TestOpenFileWithoutViewer checks that, with no program to open a PDF,
// the app says where the file is, in words, not the system's error.
func TestOpenFileWithoutViewer(t *testing.T) {
	u, w, _ := startTest(t)
	u.app = noViewerApp{u.app}
	path := filepath.Join(t.TempDir(), "preview.pdf")
	openFile(u, path)
	if !containsText(w, "The file could not be opened") || !containsText(w, "No program to open it was found") {
		t.Error("no dialog says the file could not be opened")
	}
	if containsText(w, "xdg-open") {
		t.Error("the system's error is shown to the facilitator")
	}
	found := false
	for _, o := range objects(w) {
		if e, ok := o.(*widget.Entry); ok && e.Text == path {
			found = true
		}
	}
	if !found {
		t.Errorf("the dialog does not give the path %s to copy", path)
	}
}
