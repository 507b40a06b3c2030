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

// rgba makes a colour from 16-bit channels (as color.Color.RGBA returns)
// and an 8-bit alpha.
func rgba(r, g, b uint32, a uint8) color.NRGBA {
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: a}
}
