package store

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// WriteFileAtomic writes the file dst through fill: into a temporary file
// beside it, synced to disk, then renamed into place, so that dst is either
// the old file or the whole new one, never half written. The file has mode
// 0600 (lists of people hold emails and phone numbers). The folder must
// exist. Every file Workshop Desk writes goes through here.
func WriteFileAtomic(dst string, fill func(io.Writer) error) (err error) {
	dir := filepath.Dir(dst)
	if info, err := os.Stat(dst); err == nil && info.IsDir() {
		return fmt.Errorf("write %s: it is a folder", dst)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(dst)+".tmp-*")
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
	if err := f.Chmod(0o600); err != nil {
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
	if err := os.Rename(f.Name(), dst); err != nil {
		return fmt.Errorf("write %s: %w", dst, err)
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // make the rename durable; not all systems support syncing a folder
		d.Close()
	}
	return nil
}
