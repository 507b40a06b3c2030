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
// Noto Sans Ethiopic; Droid Sans Fallback Full for Chinese (regular only);
// Noto Sans Devanagari, Bengali, Tamil, Sinhala, Thai, Khmer, Myanmar,
// Hebrew, Georgian and Armenian, whose text is shaped (ui/pdf/shape.go).
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
	//go:embed fonts/NotoSansDevanagari-Regular.ttf
	NotoSansDevanagariRegular []byte
	//go:embed fonts/NotoSansDevanagari-Bold.ttf
	NotoSansDevanagariBold []byte
	//go:embed fonts/NotoSansBengali-Regular.ttf
	NotoSansBengaliRegular []byte
	//go:embed fonts/NotoSansBengali-Bold.ttf
	NotoSansBengaliBold []byte
	//go:embed fonts/NotoSansTamil-Regular.ttf
	NotoSansTamilRegular []byte
	//go:embed fonts/NotoSansTamil-Bold.ttf
	NotoSansTamilBold []byte
	//go:embed fonts/NotoSansSinhala-Regular.ttf
	NotoSansSinhalaRegular []byte
	//go:embed fonts/NotoSansSinhala-Bold.ttf
	NotoSansSinhalaBold []byte
	//go:embed fonts/NotoSansThai-Regular.ttf
	NotoSansThaiRegular []byte
	//go:embed fonts/NotoSansThai-Bold.ttf
	NotoSansThaiBold []byte
	//go:embed fonts/NotoSansKhmer-Regular.ttf
	NotoSansKhmerRegular []byte
	//go:embed fonts/NotoSansKhmer-Bold.ttf
	NotoSansKhmerBold []byte
	//go:embed fonts/NotoSansMyanmar-Regular.ttf
	NotoSansMyanmarRegular []byte
	//go:embed fonts/NotoSansMyanmar-Bold.ttf
	NotoSansMyanmarBold []byte
	//go:embed fonts/NotoSansHebrew-Regular.ttf
	NotoSansHebrewRegular []byte
	//go:embed fonts/NotoSansHebrew-Bold.ttf
	NotoSansHebrewBold []byte
	//go:embed fonts/NotoSansGeorgian-Regular.ttf
	NotoSansGeorgianRegular []byte
	//go:embed fonts/NotoSansGeorgian-Bold.ttf
	NotoSansGeorgianBold []byte
	//go:embed fonts/NotoSansArmenian-Regular.ttf
	NotoSansArmenianRegular []byte
	//go:embed fonts/NotoSansArmenian-Bold.ttf
	NotoSansArmenianBold []byte
)

// The licence texts of the embedded fonts, shipped beside them (for an
// "about" screen).
var (
	//go:embed fonts/OFL.txt
	NotoFontLicense string
	//go:embed fonts/LICENSE-DroidSansFallback.txt
	DroidFontLicense string
)
