package shell

import (
	"os"
	"path/filepath"
	"testing"
)

// These run on Windows, or under Wine in CI (.ci/windows-smoke builds the
// test binary with GOOS=windows and runs it there).

// hostileDir is a folder named as the facilitator's user folder:
// spaces, and letters outside every ANSI code page but one.
func hostileDir(t *testing.T) string {
	t.Helper()
	// Not t.TempDir: under Wine 8, Go's os.RemoveAll fails ("Invalid
	// function": no FileDispositionInfoEx), which would fail the test in
	// its cleanup. Removing is best effort here.
	root, err := os.MkdirTemp("", "shell")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.RemoveAll(root) })
	dir := filepath.Join(root, "Zoë Ðorđević", "Mes documents")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestOpenFolderWithNonASCIIName(t *testing.T) {
	if err := Open(hostileDir(t)); err != nil {
		t.Fatalf("Open(folder) = %v, want the folder opened in Explorer", err)
	}
}

func TestOpenFileOfUnknownTypeSaysSo(t *testing.T) {
	path := filepath.Join(hostileDir(t), "attestations été.zzqx")
	if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Open(path); err == nil {
		t.Fatal("Open(file with no program for its type) = nil, want an error the app turns into \"open it from your file manager\"")
	}
}

func TestOpenMissingFileSaysSo(t *testing.T) {
	if err := Open(filepath.Join(hostileDir(t), "gone.pdf")); !os.IsNotExist(unwrapAll(err)) {
		t.Fatalf("Open(missing) = %v, want a not-exist error", err)
	}
}

func TestDocumentsIsAFolder(t *testing.T) {
	dir := Documents()
	if dir == "" {
		t.Fatal("Documents() = \"\", want the user's Documents folder")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("Documents() = %q: %v", dir, err)
	}
}

// unwrapAll returns the innermost wrapped error.
func unwrapAll(err error) error {
	for {
		u, ok := err.(interface{ Unwrap() error })
		if !ok || u.Unwrap() == nil {
			return err
		}
		err = u.Unwrap()
	}
}
