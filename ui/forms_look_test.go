package ui

import (
	"image/color"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TestCountrySuggestsWhileTyping types part of a country in the
// participant form: suggestions show under the box without opening the
// list, ↓ and Enter take one.
func TestCountrySuggestsWhileTyping(t *testing.T) {
	u, w := openSampleParticipants(t)
	u.newParticipant()
	f := u.workshop.participants.form
	w.Canvas().Focus(f.country)
	test.Type(f.country, "sene")
	if !f.country.hints.Visible() || len(f.country.hints.Objects) == 0 {
		t.Fatal("no suggestions under the country box while typing")
	}
	if b := f.country.hints.Objects[0].(*widget.Button); b.Text != "Senegal" {
		t.Errorf("first suggestion for “sene” = %q", b.Text)
	}
	if w.Canvas().Focused() != f.country {
		t.Error("the suggestions took the keyboard away from the box")
	}
	f.country.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.country.Text != "Senegal" || f.country.hints.Visible() {
		t.Errorf("Enter on the suggestion: box %q, suggestions shown %v", f.country.Text, f.country.hints.Visible())
	}
	// Typing "a" offers several; ↓ takes the second.
	f.country.SetText("")
	test.Type(f.country, "an")
	if len(f.country.options) < 2 {
		t.Fatalf("“an” suggests %v", f.country.options)
	}
	second := f.country.options[1]
	f.country.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	f.country.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.country.Text != second {
		t.Errorf("↓ Enter took %q, want %q", f.country.Text, second)
	}
}

// TestPlaceholdersDoNotLookLikeValues checks that examples in empty boxes
// say "e.g." and are drawn in a colour well apart from typed text.
func TestPlaceholdersDoNotLookLikeValues(t *testing.T) {
	u, _, _ := startTest(t)
	f := showWorkshopForm(u, nil)
	for _, e := range []*formEntry{f.title, f.code, f.city} {
		if !strings.HasPrefix(e.PlaceHolder, "e.g. ") {
			t.Errorf("placeholder %q reads as a value", e.PlaceHolder)
		}
	}
	lum := func(c color.Color) float64 {
		r, g, b, _ := c.RGBA()
		return (0.2126*float64(r) + 0.7152*float64(g) + 0.0722*float64(b)) / 0xffff
	}
	th := newTheme()
	for _, v := range []fyne.ThemeVariant{theme.VariantLight, theme.VariantDark} {
		fg, ph := th.Color(theme.ColorNameForeground, v), th.Color(theme.ColorNamePlaceHolder, v)
		if d := lum(fg) - lum(ph); d < 0.25 && d > -0.25 {
			t.Errorf("variant %d: placeholder %v too close to text %v (%.2f apart)", v, ph, fg, d)
		}
	}
}

// TestParticipantColumnsFitAt1024 shows the participants at 1024 × 768:
// every column, down to Email, is on screen.
func TestParticipantColumnsFitAt1024(t *testing.T) {
	u, w := openSampleParticipants(t)
	w.Resize(fyne.NewSize(1024, 740))
	u.workshop.participants.table.Refresh()
	drv := fyne.CurrentApp().Driver()
	for _, title := range []string{"Name", "Badge", "Email"} {
		found := false
		for _, o := range objects(w) {
			if b, ok := o.(*widget.Button); ok && b.Text == title && b.Visible() {
				found = true
				if right := drv.AbsolutePositionForObject(b).X + b.Size().Width; right > 1024 {
					t.Errorf("column %s ends at %.0f, off screen", title, right)
				}
			}
		}
		if !found {
			t.Errorf("column %s not shown at 1024 wide", title)
		}
	}
	if ph := u.workshop.participants.search.PlaceHolder; len([]rune(ph)) > 50 {
		t.Errorf("search placeholder %q is cut at 1024 wide", ph)
	}
}

// TestAccentSwatchClearOfScrollBar checks that the certificate design's
// colour swatch sits left of its box, where the form's scroll bar cannot
// cover it, and that the box's example reads as one.
func TestAccentSwatchClearOfScrollBar(t *testing.T) {
	u, _ := openSampleParticipants(t)
	f := showCertDesignForm(u.workshop)
	drv := fyne.CurrentApp().Driver()
	if drv.AbsolutePositionForObject(f.swatch).X >= drv.AbsolutePositionForObject(f.accent).X {
		t.Error("the swatch lies right of the accent box, under the scroll bar")
	}
	if !strings.HasPrefix(f.accent.PlaceHolder, "Empty: ") {
		t.Errorf("the accent placeholder %q reads as a value", f.accent.PlaceHolder)
	}
}
