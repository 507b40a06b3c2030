package ui

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/workshopdesk/workshopdesk/assets"
)

// Noto Sans Ethiopic, put in front of Fyne's text fonts: Ethiopic names
// (አበበ በቀለ) are the ones most laptops have no system font for, and Fyne
// would draw boxes for them. The font has no Latin letters, so Latin text
// falls through to the default font; other scripts come from the system.
var (
	ethiopicRegular = fyne.NewStaticResource("NotoSansEthiopic-Regular.ttf", assets.NotoSansEthiopicRegular)
	ethiopicBold    = fyne.NewStaticResource("NotoSansEthiopic-Bold.ttf", assets.NotoSansEthiopicBold)
)

// appTheme is Fyne's default theme with the Ethiopic fonts in front.
type appTheme struct {
	fyne.Theme
}

func newTheme() fyne.Theme { return appTheme{theme.DefaultTheme()} }

// Font returns the Ethiopic face for proportional text; monospace and
// symbol text keep the default fonts.
func (t appTheme) Font(s fyne.TextStyle) fyne.Resource {
	switch {
	case s.Monospace || s.Symbol:
		return t.Theme.Font(s)
	case s.Bold:
		return ethiopicBold
	}
	return ethiopicRegular
}

// Placeholder colours, further from the text colour than Fyne's (#b2b2b2
// on #f3f3f3 text in the dark theme, #888 on #565656 in the light one),
// so that an example in an empty box does not pass for a value typed.
var (
	placeholderDark  = color.NRGBA{R: 0x80, G: 0x80, B: 0x84, A: 0xff}
	placeholderLight = color.NRGBA{R: 0xa2, G: 0xa2, B: 0xa2, A: 0xff}
)

// Color returns the placeholder colours above, and otherwise the default
// theme's.
func (t appTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	if n == theme.ColorNamePlaceHolder {
		if v == theme.VariantDark {
			return placeholderDark
		}
		return placeholderLight
	}
	return t.Theme.Color(n, v)
}

// rgba makes a colour from 16-bit channels (as color.Color.RGBA returns)
// and an 8-bit alpha.
func rgba(r, g, b uint32, a uint8) color.NRGBA {
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
