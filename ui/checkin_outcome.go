package ui

import (
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
)

// outcome is what a check-in came to, as the banner shows it: each has
// its colour and word, to be told apart from a metre away.
type outcome int

// The outcomes of a check-in.
const (
	outcomeReady   outcome = iota // waiting for the next person
	outcomeIn                     // green: checked in, on time
	outcomeAlready                // blue: already checked in, nothing recorded
	outcomeLate                   // amber: late, or recorded with a warning, or a question
	outcomeMiss                   // red: not found, not registered, not recorded
	outcomeChoose                 // several match: choose one
)

// outcomeColours are the banner's colours: fixed rather than the theme's,
// so that the four stay distinct whatever the system's accent colour, in
// a dark shade for a light theme; outcomeColoursDark are the light shades
// that read on a dark theme.
var (
	outcomeColours = map[outcome]color.NRGBA{
		outcomeIn:      {R: 0x1b, G: 0x7f, B: 0x3b, A: 0xff}, // green
		outcomeAlready: {R: 0x15, G: 0x65, B: 0xc0, A: 0xff}, // blue
		outcomeLate:    {R: 0xa8, G: 0x5f, B: 0x00, A: 0xff}, // amber
		outcomeMiss:    {R: 0xc6, G: 0x28, B: 0x28, A: 0xff}, // red
	}
	outcomeColoursDark = map[outcome]color.NRGBA{
		outcomeIn:      {R: 0x69, G: 0xdb, B: 0x7c, A: 0xff},
		outcomeAlready: {R: 0x74, G: 0xc0, B: 0xfc, A: 0xff},
		outcomeLate:    {R: 0xff, G: 0xc1, B: 0x07, A: 0xff},
		outcomeMiss:    {R: 0xff, G: 0x6b, B: 0x6b, A: 0xff},
	}
)

// outcomeColour returns the colour of an outcome for the theme in use.
func outcomeColour(o outcome) (color.NRGBA, bool) {
	if fyne.CurrentApp().Settings().ThemeVariant() == theme.VariantDark {
		c, ok := outcomeColoursDark[o]
		return c, ok
	}
	c, ok := outcomeColours[o]
	return c, ok
}

// show puts a big message in the confirmation banner, in the outcome's
// colour, with a short flash so that a glance catches the change, and
// plays the outcome's sound unless the sounds are turned off.
func (v *checkInView) show(o outcome, word, title, detail string) {
	v.outcome = o
	v.a.ws.u.playOutcome(o)
	v.word.Text = word
	v.message.Text = title
	c, ok := outcomeColour(o)
	if ok {
		v.word.Color, v.message.Color = c, c
		v.banner.FillColor = color.NRGBA{R: c.R, G: c.G, B: c.B, A: 0x38}
		v.banner.StrokeColor, v.banner.StrokeWidth = c, 4
		v.flash(c)
	} else {
		fg := theme.Color(theme.ColorNameForeground)
		v.word.Color, v.message.Color = fg, fg
		v.banner.FillColor = theme.Color(theme.ColorNameInputBackground)
		v.banner.StrokeWidth = 0
	}
	v.detail.SetText(detail)
	v.word.Refresh()
	v.message.Refresh()
	v.banner.Refresh()
	if v.side != nil {
		v.side.Refresh() // a detail of two or three lines pushes Undo down
	}
}

// ready shows that the desk waits for the next person.
func (v *checkInView) ready() {
	v.show(outcomeReady, lang.L("READY"), lang.L("Next, please"), lang.L("Type a name or scan a badge."))
}

// flash fills the banner with the full colour and fades it back to the
// tint in half a second.
func (v *checkInView) flash(c color.NRGBA) {
	tint := v.banner.FillColor
	a := canvas.NewColorRGBAAnimation(c, tint, 500*time.Millisecond, func(c color.Color) {
		v.banner.FillColor = c
		v.banner.Refresh()
	})
	a.Curve = fyne.AnimationEaseOut
	a.Start()
}

// durationText writes a duration for people, to the minute: "2 h 40 min",
// "45 min".
func durationText(d time.Duration) string {
	m := int(d.Round(time.Minute) / time.Minute)
	switch {
	case m < 60:
		return fmt.Sprintf(lang.L("%d min"), m)
	case m%60 == 0:
		return fmt.Sprintf(lang.L("%d h"), m/60)
	}
	return fmt.Sprintf(lang.L("%d h %d min"), m/60, m%60)
}
