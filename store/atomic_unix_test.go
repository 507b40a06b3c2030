//go:build unix

package store

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestWriteFileAtomicRefusesDevices checks that a device node, a folder or
// a pipe is never replaced: only a regular file or a new name is written
// (as root, "--out /dev/null" replaced /dev/null). The test uses a named
// pipe of its own, never a real device: on a broken build it would replace
// it.
func TestWriteFileAtomicRefusesDevices(t *testing.T) {
	dir := t.TempDir()
	pipe := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(pipe, 0o600); err != nil {
		t.Skip("no named pipes here:", err)
	}
	err := writeText(pipe, "x")
	if err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Fatalf("writing to a named pipe: %v, want a refusal naming it not a regular file", err)
	}
	if fi, err := os.Lstat(pipe); err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v (%v)", fi.Mode(), err)
	}
	if err := writeText(dir, "x"); err == nil {
		t.Error("a folder was written over")
	}
	link := filepath.Join(dir, "link")
	if err := os.Symlink(pipe, link); err != nil {
		t.Fatal(err)
	}
	if err := writeText(link, "x"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a link to a pipe: %v, want a refusal", err)
	}
	if fi, err := os.Lstat(link); err != nil || fi.Mode()&os.ModeSymlink == 0 {
		t.Errorf("the link was replaced: %v %v", fi.Mode(), err)
	}
}
