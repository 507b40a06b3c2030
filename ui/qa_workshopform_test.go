package ui

import (
	"fmt"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"github.com/workshopdesk/workshopdesk/store"
)

// The retention field's hint shows whole under its field in every
// language at 1024×768 (the French one was cut: "(par défaut : 2…"), and
// names the section as its tab does.
func TestRetentionHintFitsInEveryLanguage(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	for _, l := range []string{"en", "fr", "es"} {
		setLanguage(l)
		hint := fmt.Sprintf(localize("After the last day; then the Overview offers a purge (default: %d)"), store.DefaultRetentionMonths)
		need := fyne.MeasureText(hint, theme.CaptionTextSize(), fyne.TextStyle{}).Width
		// At 1024×768 the form's fields are about 430 pixels wide, less
		// the scroll bar; the test window's form widens to its hints.
		if need > 400 {
			t.Errorf("%s: the hint %q needs %.0f pixels; a field has about 400", l, hint, need)
		}
	}
}
