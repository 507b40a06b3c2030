package store

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// writeText writes text to path through WriteFileAtomic.
func writeText(path, text string) error {
	return WriteFileAtomic(path, func(w io.Writer) error {
		_, err := io.WriteString(w, text)
		return err
	})
}

// TestWriteFileAtomicKeepsMode checks that an existing file keeps its
// permissions, a new one is private (0600), and a link to a file writes
// the file, leaving the link in place.
func TestWriteFileAtomicKeepsMode(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared.pdf")
	if err := os.WriteFile(shared, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	os.Chmod(shared, 0o644)
	if err := writeText(shared, "new"); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(shared); fi.Mode().Perm() != 0o644 {
		t.Errorf("an existing 0644 file became %v", fi.Mode().Perm())
	}
	fresh := filepath.Join(dir, "fresh.pdf")
	if err := writeText(fresh, "new"); err != nil {
		t.Fatal(err)
	}
	if fi, _ := os.Stat(fresh); fi.Mode().Perm() != 0o600 {
		t.Errorf("a new file has mode %v, want 0600", fi.Mode().Perm())
	}
	link := filepath.Join(dir, "latest.pdf")
	if err := os.Symlink("shared.pdf", link); err != nil {
		t.Fatal(err)
	}
	if err := writeText(link, "through the link"); err != nil {
		t.Fatal(err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced by a file")
	}
	if b, _ := os.ReadFile(shared); string(b) != "through the link" {
		t.Errorf("the file the link points to holds %q", b)
	}
}

// TestWriteFileAtomicCleansStaleTemporaries checks that the temporary
// files a killed run left beside a target (kill -9 between create and
// rename) are removed by the next write of that target, and no others.
func TestWriteFileAtomicCleansStaleTemporaries(t *testing.T) {
	dir := t.TempDir()
	stale := []string{".demo.pdf.tmp-123456", ".demo.pdf.tmp-987"}
	for _, name := range stale {
		if err := os.WriteFile(filepath.Join(dir, name), nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	other := filepath.Join(dir, ".other.pdf.tmp-1")
	os.WriteFile(other, nil, 0o600)
	if err := writeText(filepath.Join(dir, "demo.pdf"), "pdf"); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	if strings.Join(names, " ") != ".other.pdf.tmp-1 demo.pdf" {
		t.Errorf("the folder holds %v, want the stale temporaries of demo.pdf gone", names)
	}
}
