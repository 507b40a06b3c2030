package ui

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// clipped lists the labels and buttons of w whose text does not fit the
// space they were given (labels that wrap or end in "…" on purpose aside).
func clipped(w fyne.Window) []string {
	var out []string
	for _, o := range objects(w) {
		if !o.Visible() {
			continue
		}
		var text string
		switch x := o.(type) {
		case *widget.Label:
			if x.Wrapping != fyne.TextWrapOff || x.Truncation != fyne.TextTruncateOff || x.Text == "" {
				continue
			}
			text = x.Text
		case *widget.Button:
			if x.Text == "" {
				continue // an icon
			}
			text = x.Text
		case *widget.Check:
			text = x.Text
		default:
			continue
		}
		if min, size := o.MinSize(), o.Size(); min.Width > size.Width+1 && size.Width > 0 {
			out = append(out, fmt.Sprintf("%q needs %.0f, has %.0f", text, min.Width, size.Width))
		}
	}
	return out
}

// missingKeys are the keys asked for in language code that it has no
// translation for, since the program started.
func missingKeys(code string) []string {
	tr.RLock()
	defer tr.RUnlock()
	var out []string
	for k := range tr.missing {
		if l, key, _ := strings.Cut(k, "\x00"); l == code {
			out = append(out, key)
		}
	}
	return out
}

// TestScreensFit1024InFrenchAndSpanish opens every section of the sample
// workshop (and the three views of attendance) in a 1024 × 768 window in
// French and in Spanish: the screen must not need more room than that,
// no label or button is cut, and no text was asked for that has no
// translation.
func TestScreensFit1024InFrenchAndSpanish(t *testing.T) {
	for _, code := range []string{"fr", "es"} {
		t.Run(code, func(t *testing.T) {
			inLanguage(t, code)
			u, w := openAttendanceAt(t, day2Afternoon, tabCheckIn)
			w.Resize(fyne.NewSize(1024, 768-30)) // less the title bar
			views := map[string]func(){}
			for i, it := range u.workshop.tabs.Items {
				if i == sectionAttendance {
					for j, name := range []string{"check-in", "grid", "paper"} {
						views[it.Text+" "+name] = func() {
							u.showSection(i)
							u.workshop.attendance.tabs.SelectIndex(j)
						}
					}
					continue
				}
				views[it.Text] = func() { u.showSection(i) }
			}
			views["home"] = u.showHome
			for name, show := range views {
				show()
				if s := w.Content().MinSize(); s.Width > 1024 || s.Height > 738 {
					t.Errorf("%s needs %.0f × %.0f", name, s.Width, s.Height)
				}
				for _, c := range clipped(w) {
					t.Errorf("%s: %s", name, c)
				}
				if name == "home" {
					u.openSample()
				}
			}
			if m := missingKeys(code); len(m) > 0 {
				t.Errorf("texts with no translation: %q", m)
			}
		})
	}
}

// TestDialogsFit1024InFrenchAndSpanish opens the forms and dialogs in a
// 1024 × 768 window in French and in Spanish: no label or button cut, no
// text without a translation.
func TestDialogsFit1024InFrenchAndSpanish(t *testing.T) {
	for _, code := range []string{"fr", "es"} {
		t.Run(code, func(t *testing.T) {
			inLanguage(t, code)
			u, w := openAttendanceAt(t, day2Afternoon, tabCheckIn)
			w.Resize(fyne.NewSize(1024, 738))
			dialogs := map[string]func(){
				"new participant":    u.newParticipant,
				"new workshop":       u.newWorkshop,
				"import":             u.importParticipants,
				"verify":             u.showVerify,
				"about":              u.showAbout,
				"certificate rule":   func() { showRulesForm(u.workshop) },
				"certificate design": func() { showCertDesignForm(u.workshop) },
				"walk-in": func() {
					u.showSection(sectionAttendance)
					showWalkIn(u.workshop.attendance.checkIn)
				},
			}
			for name, show := range dialogs {
				show()
				if w.Canvas().Overlays().Top() == nil {
					t.Errorf("%s: no dialog", name)
				}
				for _, c := range clipped(w) {
					t.Errorf("%s: %s", name, c)
				}
				for w.Canvas().Overlays().Top() != nil {
					w.Canvas().Overlays().Remove(w.Canvas().Overlays().Top())
				}
			}
			if m := missingKeys(code); len(m) > 0 {
				t.Errorf("texts with no translation: %q", m)
			}
		})
	}
}
