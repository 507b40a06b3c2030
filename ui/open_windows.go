package ui

import (
	"fyne.io/fyne/v2"

	"github.com/workshopdesk/workshopdesk/ui/shell"
)

// systemOpen opens path in its default program with ShellExecuteW (see
// package shell): Fyne's OpenURL would pass it to rundll32 url.dll as a
// file URL in the ANSI code page, losing letters of a path such as
// C:\Users\Zoë Ðorđević\Documents.
func systemOpen(_ fyne.App, path string) error {
	return shell.Open(path)
}
