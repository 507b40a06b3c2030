// Package assets embeds the files Workshop Desk ships: the app icon, and
// (later) the fonts with their licences and default certificate artwork.
package assets

import _ "embed"

// Icon is the 512×512 PNG application icon (assets/icon.png). The desktop
// app sets it as the window and app icon; FyneApp.toml points the fyne
// packaging tool at the same file.
//
//go:embed icon.png
var Icon []byte
