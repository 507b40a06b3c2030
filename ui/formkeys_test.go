package ui

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// ctrlS is Ctrl+S (Cmd+S on macOS) as the desktop driver reports it.
var ctrlS = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}

// pressShortcut sends s as the desktop driver does: to the focused widget
// when it takes shortcuts, else to the window's canvas.
func pressShortcut(w fyne.Window, s fyne.Shortcut) {
	c := w.Canvas()
	if f, ok := c.Focused().(fyne.Shortcutable); ok {
		f.TypedShortcut(s)
		return
	}
	c.(fyne.Shortcutable).TypedShortcut(s)
}

// pressKey sends a key as the desktop driver does: to the focused widget,
// else to the canvas's key handler.
func pressKey(w fyne.Window, name fyne.KeyName) {
	c := w.Canvas()
	ev := &fyne.KeyEvent{Name: name}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// typeIn focuses e and types text at the end of its line, as a user would.
func typeIn(w fyne.Window, e fyne.Focusable, text string) {
	w.Canvas().Focus(e)
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(e, text)
}

// dialogButtonNamed returns the button of the top dialog labelled text.
func dialogButtonNamed(t *testing.T, w fyne.Window, text string) *dialogButton {
	t.Helper()
	for _, o := range test.LaidOutObjects(w.Canvas().Overlays().Top()) {
		if b, ok := o.(*dialogButton); ok && b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q in the dialog", text)
	return nil
}

// dialogOpen reports whether the form of k is still the top dialog.
func dialogOpen(w fyne.Window, k *formKeys) bool {
	return k.overlay != nil && w.Canvas().Overlays().Top() == k.overlay
}

// checkClosed fails the test unless the form of k is closed.
func checkClosed(t *testing.T, w fyne.Window, k *formKeys, what string) {
	t.Helper()
	if dialogOpen(w, k) {
		t.Errorf("%s: the form is still open", what)
	}
}

// TestFormsSaveOnCtrlSAndCancelOnEscape opens each form of the sample
// workshop, types into a field, and saves with Ctrl+S, then types again
// and cancels with Escape: one shared behaviour, whichever field has the
// focus (a text, a choice, a date, nothing).
func TestFormsSaveOnCtrlSAndCancelOnEscape(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	wid := u.workshop.data.Workshop.ID

	t.Run("workshop", func(t *testing.T) {
		f := showWorkshopForm(u, &u.workshop.data.Workshop)
		typeIn(w, f.title, " (revised)")
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S")
		got, _ := u.st.Workshop(wid)
		if !strings.HasSuffix(got.Title, " (revised)") {
			t.Fatalf("Ctrl+S saved the title %q", got.Title)
		}
		// Ctrl+S while a drop-down list has the focus reaches the canvas.
		f = showWorkshopForm(u, &u.workshop.data.Workshop)
		typeIn(w, f.organ, " and partners")
		w.Canvas().Focus(f.language)
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S on the language")
		if got, _ := u.st.Workshop(wid); !strings.HasSuffix(got.Organiser, " and partners") {
			t.Errorf("Ctrl+S on a choice saved the organiser %q", got.Organiser)
		}
		// Escape in a date, on a choice, on the Save button, with nothing
		// focused: nothing saved.
		for i := range 5 {
			f = showWorkshopForm(u, &u.workshop.data.Workshop)
			typeIn(w, f.city, " Centre")
			focus := []fyne.Focusable{f.start, f.language, f.notes, dialogButtonNamed(t, w, "Save"), nil}[i]
			if focus == nil {
				w.Canvas().Unfocus()
			} else {
				w.Canvas().Focus(focus)
			}
			pressKey(w, fyne.KeyEscape)
			checkClosed(t, w, &f.keys, "Escape")
			if got, _ := u.st.Workshop(wid); strings.HasSuffix(got.City, " Centre") {
				t.Fatalf("Escape with the focus on %T saved the city %q", focus, got.City)
			}
		}
		// Enter on a choice saves too; in the notes it starts a new line.
		f = showWorkshopForm(u, &u.workshop.data.Workshop)
		f.notes.SetText("")
		typeIn(w, f.notes, "line one")
		pressKey(w, fyne.KeyReturn)
		if !dialogOpen(w, &f.keys) || f.notes.Text != "line one\n" {
			t.Errorf("Enter in the notes should start a new line: %q", f.notes.Text)
		}
		w.Canvas().Focus(f.language)
		pressKey(w, fyne.KeyReturn)
		checkClosed(t, w, &f.keys, "Enter on the language")
		if got, _ := u.st.Workshop(wid); got.Notes != "line one" {
			t.Errorf("Enter on a choice saved the notes %q", got.Notes)
		}
	})

	t.Run("invalid stays open", func(t *testing.T) {
		f := showWorkshopForm(u, &u.workshop.data.Workshop)
		f.title.SetText("")
		w.Canvas().Focus(f.code)
		pressShortcut(w, ctrlS)
		if !dialogOpen(w, &f.keys) || !f.errs["title"].Visible() {
			t.Fatal("Ctrl+S on an invalid form should keep it open with the problem shown")
		}
		pressKey(w, fyne.KeyEscape)
		checkClosed(t, w, &f.keys, "Escape")
	})

	t.Run("session", func(t *testing.T) {
		av := showAgenda(t, u)
		r := rowTitled(t, av, "Opening plenary")
		test.Tap(r.edit)
		f := av.form
		typeIn(w, f.speakers, "; Guest")
		w.Canvas().Focus(f.mandatory)
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S")
		if got, _ := u.st.Session(r.session.ID); !strings.HasSuffix(got.Speakers, "; Guest") {
			t.Fatalf("Ctrl+S saved the speakers %q", got.Speakers)
		}
		av = showAgenda(t, u)
		test.Tap(rowTitled(t, av, "Opening plenary").edit)
		f = av.form
		typeIn(w, f.title, " again")
		w.Canvas().Focus(f.kind)
		pressKey(w, fyne.KeyEscape)
		checkClosed(t, w, &f.keys, "Escape")
		if got, _ := u.st.Session(r.session.ID); strings.HasSuffix(got.Title, " again") {
			t.Fatalf("Escape saved the title %q", got.Title)
		}
	})

	t.Run("participant", func(t *testing.T) {
		p := u.workshop.data.Participants[0]
		f := showParticipantForm(u.workshop, &p)
		typeIn(w, f.position, " (acting)")
		w.Canvas().Focus(f.gender)
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S")
		if got, _ := u.st.Participant(p.ID); !strings.HasSuffix(got.Position, " (acting)") {
			t.Fatalf("Ctrl+S saved the position %q", got.Position)
		}
		p = u.workshop.data.Participants[0]
		f = showParticipantForm(u.workshop, &p)
		typeIn(w, f.country, "x")
		pressKey(w, fyne.KeyEscape)
		checkClosed(t, w, &f.keys, "Escape")
		if got, _ := u.st.Participant(p.ID); got.Country != p.Country {
			t.Fatalf("Escape saved the country %q", got.Country)
		}
	})

	t.Run("rule", func(t *testing.T) {
		f := showRulesForm(u.workshop)
		f.minPercent.SetText("")
		typeIn(w, f.minPercent, "70")
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S")
		if got, _ := u.st.Workshop(wid); got.Rule.Effective().MinPercent != 70 {
			t.Fatalf("Ctrl+S saved the rule %+v", got.Rule)
		}
		f = showRulesForm(u.workshop)
		f.minPercent.SetText("")
		typeIn(w, f.minPercent, "90")
		w.Canvas().Focus(f.lateCounts)
		pressKey(w, fyne.KeyEscape)
		checkClosed(t, w, &f.keys, "Escape")
		if got, _ := u.st.Workshop(wid); got.Rule.Effective().MinPercent != 70 {
			t.Fatalf("Escape saved the rule %+v", got.Rule)
		}
	})

	t.Run("grid note", func(t *testing.T) {
		u.showSection(sectionAttendance)
		u.workshop.attendance.tabs.SelectIndex(tabGrid)
		g := u.workshop.attendance.grid
		f := showCellDialog(g, 0, 0)
		f.status.SetSelected(f.status.Options[0])
		typeIn(w, f.note, "came with the minister")
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S")
		a, err := u.st.Attendance(f.se.ID, f.p.ID)
		if err != nil || a.Note != "came with the minister" {
			t.Fatalf("Ctrl+S saved %+v, %v", a, err)
		}
		f = showCellDialog(u.workshop.attendance.grid, 0, 0)
		typeIn(w, f.note, " and left")
		pressKey(w, fyne.KeyEscape)
		checkClosed(t, w, &f.keys, "Escape")
		if a, _ := u.st.Attendance(f.se.ID, f.p.ID); a.Note != "came with the minister" {
			t.Fatalf("Escape saved the note %q", a.Note)
		}
	})

	// Last, as it opens the copy.
	t.Run("duplicate as template", func(t *testing.T) {
		f := showTemplateForm(u.workshop)
		typeIn(w, f.code, "dakar-2027")
		pressKey(w, fyne.KeyEscape)
		checkClosed(t, w, &f.keys, "Escape")
		if _, err := u.st.FindWorkshop("dakar-2027"); err == nil {
			t.Fatal("Escape created the copy")
		}
		f = showTemplateForm(u.workshop)
		typeIn(w, f.code, "dakar-2027")
		w.Canvas().Focus(f.start)
		pressShortcut(w, ctrlS)
		checkClosed(t, w, &f.keys, "Ctrl+S")
		if _, err := u.st.FindWorkshop("dakar-2027"); err != nil {
			t.Fatalf("Ctrl+S did not create the copy: %v", err)
		}
	})
}

// TestWalkInFormKeys saves a walk-in with Ctrl+S and cancels one with
// Escape.
func TestWalkInFormKeys(t *testing.T) {
	u, w, v := startSampleAt(t, addisMorning)
	n := len(u.workshop.data.Participants)
	f := showWalkIn(v)
	typeIn(w, f.given, "Selam")
	typeIn(w, f.family, "Tadesse")
	pressKey(w, fyne.KeyEscape)
	checkClosed(t, w, &f.keys, "Escape")
	if len(u.workshop.data.Participants) != n {
		t.Fatal("Escape registered the walk-in")
	}
	f = showWalkIn(u.workshop.attendance.checkIn)
	typeIn(w, f.given, "Selam")
	typeIn(w, f.family, "Tadesse")
	w.Canvas().Focus(f.country)
	pressShortcut(w, ctrlS)
	checkClosed(t, w, &f.keys, "Ctrl+S")
	participantNamed(t, u, "Tadesse")
}

// TestCertificateFormsKeys saves and cancels the grant, refuse, void and
// design forms from the keyboard.
func TestCertificateFormsKeys(t *testing.T) {
	u, w, s := startCertificates(t)
	wid := u.workshop.data.Workshop.ID

	i := firstRow(t, s, func(r store.EligibilityRow) bool { return !r.Eligible })
	pid := s.rows[i].ParticipantID
	f := s.askOverride(i, true)
	typeIn(w, f.reason, "attended online")
	pressKey(w, fyne.KeyEscape)
	checkClosed(t, w, &f.keys, "grant: Escape")
	if ov, _ := u.st.Overrides(wid); len(ov) != 0 {
		t.Fatal("Escape granted the certificate")
	}
	f = s.askOverride(i, true)
	typeIn(w, f.reason, "attended")
	pressKey(w, fyne.KeyReturn) // a reason of several lines: Enter starts a new line
	typeIn(w, f.reason, "online")
	if f.reason.Text != "attended\nonline" {
		t.Fatalf("the reason reads %q", f.reason.Text)
	}
	pressShortcut(w, ctrlS)
	checkClosed(t, w, &f.keys, "grant: Ctrl+S")
	if ov, _ := u.st.Overrides(wid); len(ov) != 1 || ov[pid].Reason != "attended online" {
		t.Fatalf("Ctrl+S granted %+v", ov)
	}
	f = s.askOverride(i, false)
	typeIn(w, f.reason, "left early")
	pressShortcut(w, ctrlS)
	checkClosed(t, w, &f.keys, "refuse: Ctrl+S")
	if r := s.rows[i]; r.ParticipantID != pid || r.Eligible {
		t.Fatalf("Ctrl+S did not refuse: %+v", r)
	}

	j := firstRow(t, s, func(r store.EligibilityRow) bool { return r.Eligible })
	if _, err := u.st.Issue([]uuid.UUID{s.rows[j].ParticipantID}, u.now()); err != nil {
		t.Fatal(err)
	}
	s.reload()
	v := s.askVoid(j)
	typeIn(w, v.reason, "misspelt")
	pressKey(w, fyne.KeyEscape)
	checkClosed(t, w, &v.keys, "void: Escape")
	if v.confirm != nil {
		t.Fatal("Escape asked to void")
	}
	v = s.askVoid(j)
	typeIn(w, v.reason, "misspelt")
	pressShortcut(w, ctrlS)
	checkClosed(t, w, &v.keys, "void: Ctrl+S")
	if v.confirm == nil {
		t.Fatal("Ctrl+S should go on to the confirmation")
	}
	test.Tap(button(t, w, "Void certificate"))
	if c, _ := u.st.CertificateOf(s.rows[j].ParticipantID); !c.Voided() || c.VoidReason != "misspelt" {
		t.Fatalf("voided %+v", c)
	}

	d := showCertDesignForm(u.workshop)
	typeIn(w, d.signers[0].name, "Hiwot Girma")
	pressKey(w, fyne.KeyEscape)
	checkClosed(t, w, &d.keys, "design: Escape")
	if ws, _ := u.st.Workshop(wid); len(ws.Certificate.Signatories) != 0 {
		t.Fatal("Escape saved the design")
	}
	d = showCertDesignForm(u.workshop)
	typeIn(w, d.signers[0].name, "Hiwot Girma")
	w.Canvas().Focus(d.border)
	pressShortcut(w, ctrlS)
	checkClosed(t, w, &d.keys, "design: Ctrl+S")
	if ws, _ := u.st.Workshop(wid); len(ws.Certificate.Signatories) != 1 {
		t.Fatalf("Ctrl+S saved %+v", ws.Certificate.Signatories)
	}
}
