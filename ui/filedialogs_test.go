package ui

import (
	"os"
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2/test"
)

// TestFileDialogsStartInDocuments: the first file dialog opens in the
// Documents folder (here of a user named with spaces and non-ASCII
// letters); once one has been used, Fyne's last folder wins.
func TestFileDialogsStartInDocuments(t *testing.T) {
	home := filepath.Join(t.TempDir(), "Zoë Ðorđević")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	a := test.NewTempApp(t)
	if loc := documentsLocation(a); loc != nil {
		t.Fatalf("no Documents folder yet, but start in %s", loc)
	}
	docs := filepath.Join(home, "Documents")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	loc := documentsLocation(a)
	if loc == nil || loc.Path() != docs {
		t.Fatalf("start in %v, want %s", loc, docs)
	}
	a.Preferences().SetString(lastFolderPref, "file://"+filepath.ToSlash(home))
	if loc := documentsLocation(a); loc != nil {
		t.Errorf("after a dialog was used, still start in %s", loc)
	}
}
