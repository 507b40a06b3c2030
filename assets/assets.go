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

// The fonts the PDF outputs (package ui/pdf) embed, TrueType (glyf)
// outlines only: Noto Sans for Latin, Cyrillic and Greek; Noto Sans Arabic;
// Noto Sans Ethiopic; Droid Sans Fallback Full for Chinese (regular only).
// The Noto fonts are under the SIL Open Font License 1.1 (fonts/OFL.txt),
// Droid Sans Fallback under the Apache License 2.0
// (fonts/LICENSE-DroidSansFallback.txt).
var (
	//go:embed fonts/NotoSans-Regular.ttf
	NotoSansRegular []byte
	//go:embed fonts/NotoSans-Bold.ttf
	NotoSansBold []byte
	//go:embed fonts/NotoSansArabic-Regular.ttf
	NotoSansArabicRegular []byte
	//go:embed fonts/NotoSansArabic-Bold.ttf
	NotoSansArabicBold []byte
	//go:embed fonts/NotoSansEthiopic-Regular.ttf
	NotoSansEthiopicRegular []byte
	//go:embed fonts/NotoSansEthiopic-Bold.ttf
	NotoSansEthiopicBold []byte
	//go:embed fonts/DroidSansFallbackFull.ttf
	DroidSansFallbackFull []byte
)

// The licence texts of the embedded fonts, shipped beside them (for an
// "about" screen).
var (
	//go:embed fonts/OFL.txt
	NotoFontLicense string
	//go:embed fonts/LICENSE-DroidSansFallback.txt
	DroidFontLicense string
)
