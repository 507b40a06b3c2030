package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// Backup rotation: the newest keepRecent backups are kept, and beyond them
// the newest backup of each day for keepDays days, as long as all together
// take at most keepBudget times the data file's size; the newest backup
// and the newest one that passes the check are never deleted.
const (
	keepRecent = 10
	keepDays   = 30
	keepBudget = 4
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
	// Seq numbers the backups of a data file in the order they were made,
	// whatever the clock said; 0 for those made before it was kept.
	Seq int `json:"seq"`
}

// Backups lists the backups of the data file at path, newest first: in the
// order they were made (their sequence number), not by the time in their
// name, which a wrong clock may have set in the future.
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
		list = append(list, BackupInfo{Path: filepath.Join(dir, name), Time: t, Size: info.Size(),
			Seq: parseSeq(rest[len(stampForm):])})
	}
	slices.SortFunc(list, func(a, b BackupInfo) int {
		if a.Seq != b.Seq {
			return b.Seq - a.Seq
		}
		return b.Time.Compare(a.Time)
	})
	return list, nil
}

// parseSeq reads the sequence number that follows the time in a backup's
// name ("-000042.db", "-000042-before-restore.db"), or returns 0.
func parseSeq(rest string) int {
	rest = strings.TrimSuffix(rest, ".db")
	digits, ok := strings.CutPrefix(rest, "-")
	if !ok {
		return 0
	}
	if i := strings.IndexByte(digits, '-'); i >= 0 {
		digits = digits[:i]
	}
	n, err := strconv.Atoi(digits)
	if err != nil || n < 0 {
		return 0
	}
	return n
}

// backupPath returns the path of a new backup of the data file at path,
// made at now, numbered one past the newest backup: name-TIME-SEQ[-tag].db.
// The caller holds the data file's lock, so no other program numbers one
// at the same time.
func backupPath(path string, now time.Time, tag string) (string, error) {
	list, err := Backups(path)
	if err != nil {
		return "", err
	}
	seq := 1
	if len(list) > 0 {
		seq = list[0].Seq + 1
	}
	name := fmt.Sprintf("%s-%s-%06d", stem(path), now.UTC().Format(stampForm), seq)
	if tag != "" {
		name += "-" + tag
	}
	return filepath.Join(BackupDir(path), name+".db"), nil
}

// latestBackup names the newest backup of path that passes the check, or
// "" when there is none.
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
// while it stays in use, rotates old backups, and returns the new path. A
// file that fails the check is not backed up (a *DamagedError): its copy
// would be no better, and it would push good backups out of the rotation.
func (s *Store) Backup() (string, error) { return s.backup("") }

func (s *Store) backup(tag string) (string, error) {
	s.backupMu.Lock()
	defer s.backupMu.Unlock()
	now := s.now().UTC()
	dst, err := backupPath(s.path, now, tag)
	if err != nil {
		return "", err
	}
	if err := s.BackupTo(dst); err != nil {
		return "", err
	}
	// The copy is checked rather than the file: it is what would be kept.
	if err := checkBackupFile(dst); err != nil {
		os.Remove(dst)
		var de *DamagedError
		if errors.As(err, &de) {
			s.setDamaged(de.Reason)
			return "", damaged(s.path, "it is damaged ("+de.Reason+"), so no backup was made")
		}
		return "", fmt.Errorf("no backup made: %w", err)
	}
	s.lastMu.Lock()
	s.lastBackup = now
	s.lastMu.Unlock()
	if err := rotateBackups(s.path, now, dst); err != nil {
		return dst, err
	}
	return dst, nil
}

// BackupTo writes a consistent, compact copy of the open file to dst
// (mode 0600), through a temporary file renamed into place: the records
// are copied into a new file with full pages, so that pages freed by
// deletes, changes and migrations are left behind.
func (s *Store) BackupTo(dst string) error {
	if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	tmp, err := os.CreateTemp(filepath.Dir(dst), ".compacting-*")
	if err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	tmp.Close()
	defer os.Remove(tmp.Name())
	if err := s.compactTo(tmp.Name()); err != nil {
		return fmt.Errorf("back up to %s: %w", dst, err)
	}
	// The compacted file ends in room bbolt grew ahead: copy only its
	// pages in use.
	return WriteFileAtomic(dst, func(w io.Writer) error {
		return viewFile(tmp.Name(), func(tx *bolt.Tx) error {
			_, err := tx.WriteTo(w)
			return err
		})
	})
}

// compactTo copies every bucket of the open file, as of one read
// transaction, into the new bbolt file at path, its pages full. Nothing is
// synced: the copy is copied again before it counts.
func (s *Store) compactTo(path string) (err error) {
	defer s.recoverDamage(&err)
	dst, err := bolt.Open(path, 0o600, &bolt.Options{NoSync: true, NoGrowSync: true, NoFreelistSync: true})
	if err != nil {
		return err
	}
	defer dst.Close()
	return s.view(func(src *bolt.Tx) error {
		return dst.Update(func(out *bolt.Tx) error {
			return src.ForEach(func(name []byte, b *bolt.Bucket) error {
				nb, err := out.CreateBucket(name)
				if err != nil {
					return fmt.Errorf("create bucket %s: %w", name, err)
				}
				return compactBucket(nb, b)
			})
		})
	})
}

// compactBucket copies src into the empty dst, pages filled.
func compactBucket(dst, src *bolt.Bucket) error {
	dst.FillPercent = 1
	return copyBucket(dst, src)
}

// backupInBackground starts an automatic backup when the newest one is
// older than the backup interval. It never waits for a running backup;
// Close waits for it.
func (s *Store) backupInBackground() {
	s.lastMu.Lock()
	if s.lastBackup.IsZero() {
		if list, _ := Backups(s.path); len(list) > 0 {
			s.lastBackup = list[0].Time
		}
	}
	// A newest backup dated after now was made while the clock was wrong
	// (or is wrong now): rather back up once too often than never again.
	elapsed := s.now().Sub(s.lastBackup)
	due := elapsed >= s.opts.BackupInterval || elapsed < 0
	if due {
		s.lastBackup = s.now() // claim this slot so concurrent writes start no second backup
		s.backupWG.Add(1)
	}
	s.lastMu.Unlock()
	if !due {
		return
	}
	go func() {
		defer s.backupWG.Done()
		// A failed automatic backup must not fail the write that prompted
		// it; the next write tries again.
		if _, err := s.backup(""); err != nil {
			s.lastMu.Lock()
			s.lastBackup = time.Time{}
			s.lastMu.Unlock()
		}
	}()
}

// rotateBackups deletes the backups that the rotation does not keep; good
// is a backup known to pass the check ("" when none is known), else the
// newest backup that passes is found and kept. A backup dated after now is
// only kept while among the newest. The newest backup and good are always
// kept; then, while the total stays within keepBudget times the data
// file's size, the newest of each day (newest day first), then the rest of
// the keepRecent newest.
func rotateBackups(path string, now time.Time, good string) error {
	list, err := Backups(path)
	if err != nil {
		return err
	}
	if good == "" {
		good = latestBackup(path)
	}
	var budget int64 = -1 // no data file: no budget
	if fi, err := os.Stat(path); err == nil {
		budget = keepBudget * fi.Size()
	}
	var must, daily, recent []int
	days := map[string]bool{}
	for i, b := range list {
		day := b.Time.Format(time.DateOnly)
		age := now.Sub(b.Time)
		switch {
		case i == 0 || b.Path == good:
			must = append(must, i)
		case !days[day] && age >= 0 && age < keepDays*24*time.Hour:
			daily = append(daily, i)
		case i < keepRecent:
			recent = append(recent, i)
		}
		days[day] = true
	}
	keep := map[int]bool{}
	var total int64
	for _, i := range must {
		keep[i], total = true, total+list[i].Size
	}
	for _, i := range append(daily, recent...) {
		if budget < 0 || total+list[i].Size <= budget {
			keep[i], total = true, total+list[i].Size
		}
	}
	var errs []error
	for i, b := range list {
		if !keep[i] {
			if err := os.Remove(b.Path); err != nil {
				errs = append(errs, err)
			}
		}
	}
	return errors.Join(errs...)
}

// checkBackupFile opens a would-be backup read-only and checks that it is a
// Workshop Desk file this version can read and that it passes the check.
func checkBackupFile(path string) error {
	return viewFile(path, func(tx *bolt.Tx) error {
		if problems := pageProblems(tx, path); len(problems) > 0 {
			return &DamagedError{Path: path, Reason: "the backup is damaged (" + problems[0] + ")"}
		}
		meta := tx.Bucket(bucketMeta)
		if meta == nil || !bytes.Equal(meta.Get(metaApp), []byte(appName)) {
			return &DamagedError{Path: path, Reason: "it is not a Workshop Desk backup"}
		}
		if v := decodeSchema(meta.Get(metaSchema)); v > currentSchema {
			return &TooNewError{Path: path, Schema: v, Known: currentSchema}
		}
		if _, err := unlockTx(tx, path, Secret{}); err != nil {
			return err // sealed with a key not unlocked here: its records cannot be checked
		}
		if problems := recordProblems(tx); len(problems) > 0 {
			return &DamagedError{Path: path, Reason: "the backup is damaged (" + problems[0] + ")"}
		}
		return nil
	})
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
