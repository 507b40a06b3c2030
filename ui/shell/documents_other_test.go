//go:build !windows

package shell

import (
	"os"
	"path/filepath"
	"testing"
)

func TestXDGDocumentsReadsTheTranslatedFolder(t *testing.T) {
	home := filepath.Join(t.TempDir(), "Zoë Ðorđević")
	cfg := filepath.Join(t.TempDir(), "user-dirs.dirs")
	cases := []struct{ file, want string }{
		{"XDG_DESKTOP_DIR=\"$HOME/Bureau\"\nXDG_DOCUMENTS_DIR=\"$HOME/Mes documents\"\n", filepath.Join(home, "Mes documents")},
		{"# none\nXDG_DOCUMENTS_DIR=\"$HOME/\"\n", ""},
		{"XDG_DOCUMENTS_DIR=\"/srv/Dokumente ä\"\n", "/srv/Dokumente ä"},
		{"XDG_DOCUMENTS_DIR=\"relative\"\n", ""},
		{"", ""},
	}
	for _, c := range cases {
		if err := os.WriteFile(cfg, []byte(c.file), 0o644); err != nil {
			t.Fatal(err)
		}
		if got := xdgDocuments(cfg, home); got != c.want {
			t.Errorf("xdgDocuments(%q) = %q, want %q", c.file, got, c.want)
		}
	}
	if got := xdgDocuments(filepath.Join(t.TempDir(), "missing"), home); got != "" {
		t.Errorf("xdgDocuments(missing file) = %q, want \"\"", got)
	}
}

func TestDocumentsFollowsHome(t *testing.T) {
	home := filepath.Join(t.TempDir(), "Zoë Ðorđević")
	t.Setenv("HOME", home)
	t.Setenv("XDG_CONFIG_HOME", filepath.Join(home, ".config"))
	if got := Documents(); got != "" {
		t.Fatalf("Documents() with no folder = %q, want \"\"", got)
	}
	docs := filepath.Join(home, "Documents")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	if got := Documents(); got != docs {
		t.Fatalf("Documents() = %q, want %q", got, docs)
	}
}
