package store

import (
	"fmt"
	"os"
	"path/filepath"
)

// The check made before the first write reads every record, which takes
// seconds on a big file: too slow for every workshopctl run at the door. So
// a Store that found the file sound, and wrote to it only through itself,
// notes the file's size, modification time and last transaction when it
// closes, in a small hidden file beside it. The next Store skips the check
// when the file still matches that note; any change made by other means
// (an edit, a copy, another program) changes the modification time, and the
// file is checked again. Damage that changes none of them (a failing disk)
// is found by the next check or backup instead. Open also skips, for such
// a file, its walk of the structure of every page (rawPagesProblem).

// fileState is what the note records of the data file.
type fileState struct {
	size, modTime int64
	txid          int
}

// notePath returns the path of the note kept beside the data file at path.
func notePath(path string) string {
	return filepath.Join(filepath.Dir(path), "."+filepath.Base(path)+".checked")
}

// fileStateOf returns the state of the data file at path, or false.
func fileStateOf(path string) (fileState, bool) {
	f, err := os.Open(path)
	if err != nil {
		return fileState{}, false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fileState{}, false
	}
	m, ok := newestMeta(f)
	if !ok {
		return fileState{}, false
	}
	return fileState{fi.Size(), fi.ModTime().UnixNano(), int(m.txid)}, true
}

func (f fileState) String() string { return fmt.Sprintf("%d %d %d\n", f.size, f.modTime, f.txid) }

// knownSound reports whether the note beside the file at path matches its
// state.
func knownSound(path string) bool {
	cur, ok := fileStateOf(path)
	if !ok {
		return false
	}
	note, err := os.ReadFile(notePath(path))
	return err == nil && string(note) == cur.String()
}

// noteSound writes the note of the file's current state; failing to is
// harmless (the next Store checks the file again).
func (s *Store) noteSound() {
	if cur, ok := fileStateOf(s.path); ok {
		os.WriteFile(notePath(s.path), []byte(cur.String()), 0o600)
	}
}
