//go:build !windows

package ui

import (
	"net/url"

	"fyne.io/fyne/v2"
)

// systemOpen opens path in the system's default program through Fyne
// (xdg-open on Linux, open on macOS).
func systemOpen(a fyne.App, path string) error {
	return a.OpenURL(&url.URL{Scheme: "file", Path: path})
}
