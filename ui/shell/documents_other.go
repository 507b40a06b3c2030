//go:build !windows

package shell

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
)

// Documents returns the user's Documents folder: XDG_DOCUMENTS_DIR from
// ~/.config/user-dirs.dirs where the desktop names it (a translated
// "Dokumente", "Documentos"…), else ~/Documents; "" if that folder does
// not exist, so that the caller keeps its own default.
func Documents() string {
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	dir := filepath.Join(home, "Documents")
	if cfg, err := os.UserConfigDir(); err == nil {
		if d := xdgDocuments(filepath.Join(cfg, "user-dirs.dirs"), home); d != "" {
			dir = d
		}
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// xdgDocuments reads XDG_DOCUMENTS_DIR="$HOME/…" from a user-dirs.dirs
// file; "" when the file or the line is missing, or names the home folder
// itself (the desktop's way of saying "none").
func xdgDocuments(file, home string) string {
	f, err := os.Open(file)
	if err != nil {
		return ""
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		v, ok := strings.CutPrefix(strings.TrimSpace(sc.Text()), "XDG_DOCUMENTS_DIR=")
		if !ok {
			continue
		}
		v = strings.Trim(v, `"`)
		if rest, ok := strings.CutPrefix(v, "$HOME"); ok {
			v = home + rest
		}
		if !filepath.IsAbs(v) || filepath.Clean(v) == filepath.Clean(home) {
			return ""
		}
		return filepath.Clean(v)
	}
	return ""
}
