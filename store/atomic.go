package store

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteFileAtomic writes the file dst through fill: into a temporary file
// beside it, synced to disk, then renamed into place, so that dst is either
// the old file or the whole new one, never half written. Every file
// Workshop Desk writes goes through here.
//
//   - dst must be a regular file or a new name: a device (/dev/null), a
//     pipe, a folder or a link to one of them is refused, never replaced.
//     A link to a regular file writes that file and keeps the link.
//   - An existing file keeps its permissions; a new one is private (0600:
//     lists of people hold emails and phone numbers).
//   - Temporary files of dst left by a run killed before its rename
//     (".NAME.tmp-*" beside it) are removed first.
//
// The folder must exist.
func WriteFileAtomic(dst string, fill func(io.Writer) error) (err error) {
	target, mode, err := writeTarget(dst)
	if err != nil {
		return err
	}
	dir := filepath.Dir(target)
	removeStaleTemporaries(target)
	f, err := os.CreateTemp(dir, tempPrefix(target)+"*")
	if errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("write %s: the folder %s does not exist", dst, dir)
	} else if err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err := f.Chmod(mode); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := fill(f); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := f.Sync(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if err := os.Rename(f.Name(), target); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; not all systems support syncing a folder
		d.Close()
	}
	return nil
}

// CheckWriteTarget reports whether WriteFileAtomic may write dst: a
// regular file, a link to one, or a new name. Front ends call it to refuse
// an output path before doing any work.
func CheckWriteTarget(dst string) error {
	_, _, err := writeTarget(dst)
	return err
}

// writeTarget returns the file WriteFileAtomic replaces for dst (the one a
// link points to) and the mode the new file gets.
func writeTarget(dst string) (string, fs.FileMode, error) {
	info, err := os.Lstat(dst)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return dst, 0o600, nil
	case err != nil:
		return "", 0, fmt.Errorf("write %s: %w", dst, err)
	case info.Mode()&os.ModeSymlink != 0:
		real, err := filepath.EvalSymlinks(dst)
		if err != nil {
			return "", 0, fmt.Errorf("write %s: it is a link to nothing that can be written (%w)", dst, err)
		}
		if info, err = os.Lstat(real); err != nil {
			return "", 0, fmt.Errorf("write %s: %w", dst, err)
		}
		dst = real
	}
	switch {
	case info.IsDir():
		return "", 0, fmt.Errorf("write %s: it is a folder, not a regular file", dst)
	case !info.Mode().IsRegular():
		return "", 0, fmt.Errorf("write %s: it is not a regular file (%s); give the name of a file", dst, kindOf(info.Mode()))
	}
	return dst, info.Mode().Perm(), nil
}

// kindOf names a kind of file that is not a regular one.
func kindOf(m fs.FileMode) string {
	switch {
	case m&os.ModeDevice != 0:
		return "a device"
	case m&os.ModeNamedPipe != 0:
		return "a pipe"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "a special file"
}

// tempPrefix begins the name of the temporary files of target.
func tempPrefix(target string) string { return "." + filepath.Base(target) + ".tmp-" }

// removeStaleTemporaries removes the temporary files of target that a run
// killed before its rename left behind. They are never a finished file: a
// write renames its temporary file or removes it.
func removeStaleTemporaries(target string) {
	dir, prefix := filepath.Dir(target), tempPrefix(target)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Type().IsRegular() && strings.HasPrefix(e.Name(), prefix) {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
}
