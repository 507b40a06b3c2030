package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Backup rotation: the newest keepRecent backups are kept, and beyond them
// the newest backup of each day for keepDays days.
const (
	keepRecent = 10
	keepDays   = 30
	stampForm  = "20060102T150405.000Z"
)

// BackupDir returns the folder where backups of the data file at path are
// kept: "backups" beside the file.
func BackupDir(path string) string { return filepath.Join(filepath.Dir(path), "backups") }

// BackupInfo describes one backup file.
type BackupInfo struct {
	Path string    `json:"path"`
	Time time.Time `json:"time"`
	Size int64     `json:"size"`
}

// Backups lists the backups of the data file at path, newest first.
func Backups(path string) ([]BackupInfo, error) {
	dir := BackupDir(path)
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil
	} else if err != nil {
		return nil, fmt.Errorf("list backups: %w", err)
	}
	prefix := stem(path) + "-"
	var list []BackupInfo
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, prefix) || !strings.HasSuffix(name, ".db") {
			continue
		}
		rest := strings.TrimPrefix(name, prefix)
		if len(rest) < len(stampForm) {
			continue
		}
		t, err := time.Parse(stampForm, rest[:len(stampForm)])
		if err != nil {
			continue
		}
		info, err := e.Info()
		if err != nil {
			continue
		}
		list = append(list, BackupInfo{Path: filepath.Join(dir, name), Time: t, Size: info.Size()})
	}
	slices.SortFunc(list, func(a, b BackupInfo) int { return b.Time.Compare(a.Time) })
	return list, nil
}

// latestBackup names the newest backup of path that is itself readable and
// whole, or "" when there is none.
func latestBackup(path string) string {
	list, _ := Backups(path)
	for _, b := range list {
		if checkBackupFile(b.Path) == nil {
			return b.Path
		}
	}
	return ""
}

func stem(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(base, filepath.Ext(base))
}

// Backup writes a consistent copy of the open file into the backups folder
// while it stays in use, rotates old backups, and returns the new path.
func (s *Store) Backup() (string, error) { return s.backup("") }

func (s *Store) backup(tag string) (string, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	now := s.now().UTC()
	name := stem(s.path) + "-" + now.Format(stampForm)
	if tag != "" {
		name += "-" + tag
	}
	dst := filepath.Join(BackupDir(s.path), name+".db")
	if err := s.BackupTo(dst); err != nil {
		return "", err
	}
	// A copy of a file damaged deep inside is damaged too: keep it out of
	// the backups, or it would push the good ones out of the rotation.
	if err := checkBackupFile(dst); err != nil {
		os.Remove(dst)
		return "", fmt.Errorf("no backup made, the data file itself is damaged: %w", err)
	}
	s.lastBackup = now
	if err := rotateBackups(s.path, now); err != nil {
		return dst, err
	}
	return dst, nil
}

// BackupTo writes a consistent copy of the open file to dst (mode 0600),
// through a temporary file renamed into place.
func (s *Store) BackupTo(dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	return WriteFileAtomic(dst, func(w io.Writer) error {
		return s.view(func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// backupInBackground starts an automatic backup when the newest one is
// older than the backup interval. Close waits for it.
func (s *Store) backupInBackground() {
	s.backupMu.Lock()
	if s.lastBackup.IsZero() {
		if list, _ := Backups(s.path); len(list) > 0 {
			s.lastBackup = list[0].Time
		}
	}
	due := s.now().Sub(s.lastBackup) >= s.opts.BackupInterval
	if due {
		s.lastBackup = s.now() // claim this slot so concurrent writes start no second backup
		s.backupWG.Add(1)
	}
	s.backupMu.Unlock()
	if !due {
		return
	}
	go func() {
		defer s.backupWG.Done()
		// A failed automatic backup must not fail the write that prompted
		// it; the next write tries again.
		if _, err := s.backup(""); err != nil {
			s.backupMu.Lock()
			s.lastBackup = time.Time{}
			s.backupMu.Unlock()
		}
	}()
}

// rotateBackups deletes the backups that the rotation does not keep.
func rotateBackups(path string, now time.Time) error {
	list, err := Backups(path)
	if err != nil {
		return err
	}
	days := map[string]bool{}
	var errs []error
	for i, b := range list {
		day := b.Time.Format(time.DateOnly)
		keep := i < keepRecent || (!days[day] && now.Sub(b.Time) < keepDays*24*time.Hour)
		days[day] = true
		if !keep {
			if err := os.Remove(b.Path); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// Restore replaces the data file at path with the backup at from. The file
// must not be open: a file in use gives a *LockedError. The backup is checked
// first; the current file, even a damaged one, is copied into the backups
// folder before it is replaced, and that copy's path is returned.
func Restore(path, from string) (saved string, err error) {
	if err := checkBackupFile(from); err != nil {
		return "", err
	}
	if _, err := os.Stat(path); err == nil {
		if err := ensureNotInUse(path); err != nil {
			return "", err
		}
		saved = filepath.Join(BackupDir(path), stem(path)+"-"+time.Now().UTC().Format(stampForm)+"-before-restore.db")
		if err := os.MkdirAll(BackupDir(path), 0o700); err != nil {
			return "", fmt.Errorf("create the backups folder: %w", err)
		}
		if err := copyFile(path, saved); err != nil {
			return "", fmt.Errorf("keep a copy of the current file before restoring: %w", err)
		}
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return saved, fmt.Errorf("restore %s: %w", from, err)
	}
	if err := copyFile(from, path); err != nil {
		return saved, fmt.Errorf("restore %s: %w", from, err)
	}
	return saved, nil
}

// checkBackupFile opens a would-be backup read-only and checks that it is a
// Workshop Desk file this version can read.
func checkBackupFile(path string) (err error) {
	if err := checkLength(path); err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = damaged(path, fmt.Sprint(r))
		}
	}()
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		return &DamagedError{Path: path, Reason: "it is not a readable Workshop Desk backup (" + err.Error() + ")"}
	}
	defer db.Close()
	return db.View(func(tx *bolt.Tx) error {
		if p := walkPages(tx); p != "" {
			return &DamagedError{Path: path, Reason: "the backup is damaged: " + p}
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil || !bytes.Equal(meta.Get(metaApp), []byte(appName)) {
			return &DamagedError{Path: path, Reason: "it is not a Workshop Desk backup"}
		}
		if v := decodeSchema(meta.Get(metaSchema)); v > currentSchema {
			return &TooNewError{Path: path, Schema: v, Known: currentSchema}
		}
		var first error
		for err := range tx.Check() { // read to the end so that the checker finishes
			if first == nil {
				first = &DamagedError{Path: path, Reason: "the backup is damaged (" + err.Error() + ")"}
			}
		}
		return first
	})
}

// ensureNotInUse fails with a *LockedError when another program holds the
// file. A damaged file is not in use, and may be replaced.
func ensureNotInUse(path string) (err error) {
	if checkLength(path) != nil {
		return nil // a damaged file is not in use, and mapping it could crash
	}
	defer func() {
		if r := recover(); r != nil {
			err = nil
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return &LockedError{Path: path}
	}
	if err == nil {
		db.Close()
	}
	return nil
}

// copyFile copies src to dst atomically (temporary file, fsync, rename).
func copyFile(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	return WriteFileAtomic(dst, func(w io.Writer) error {
		_, err := io.Copy(w, in)
		return err
	})
}
