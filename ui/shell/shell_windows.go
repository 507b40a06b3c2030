package shell

import (
	"fmt"
	"os"

	"golang.org/x/sys/windows"
)

// Documents returns the user's Documents folder (FOLDERID_Documents, which
// follows a folder moved to OneDrive or another drive); "" if Windows does
// not name one or it does not exist.
func Documents() string {
	dir, err := windows.KnownFolderPath(windows.FOLDERID_Documents, 0)
	if err != nil {
		return ""
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return ""
	}
	return dir
}

// Open opens a file in its default program, or a folder in Explorer, as
// a double click would (ShellExecuteW, "open"), with the path in UTF-16 so
// that any letter survives. It returns once the program is started; the
// error says when no program is associated with the file's type.
func Open(path string) error {
	verb, err := windows.UTF16PtrFromString("open")
	if err != nil {
		return err
	}
	file, err := windows.UTF16PtrFromString(path)
	if err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	if err := windows.ShellExecute(0, verb, file, nil, nil, windows.SW_SHOWNORMAL); err != nil {
		return fmt.Errorf("open %s: %w", path, err)
	}
	return nil
}
