package ui

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// previewAt opens the import wizard on a fixture in a window of the given
// size and goes to step 3.
func previewAt(t *testing.T, size fyne.Size, file string) (*App, fyne.Window, *importWizard) {
	t.Helper()
	u, w := emptyWorkshop(t)
	w.Resize(size)
	wiz := showImportWizard(u.workshop)
	path := fixture(file)
	wiz.loaded(path, readFixture(t, path), nil)
	test.Tap(wiz.next)
	if wiz.preview == nil {
		t.Fatal("no preview")
	}
	return u, w, wiz
}

// rowLabels returns the visible labels with text in the wizard's list of
// rows, with their top left and bottom right corners in the list.
func rowLabels(wiz *importWizard) map[*widget.Label][2]fyne.Position {
	out := map[*widget.Label][2]fyne.Position{}
	var walk func(o fyne.CanvasObject, at fyne.Position)
	walk = func(o fyne.CanvasObject, at fyne.Position) {
		if !o.Visible() {
			return
		}
		if l, ok := o.(*widget.Label); ok {
			if l.Text != "" {
				out[l] = [2]fyne.Position{at, at.Add(fyne.NewPos(l.Size().Width, l.Size().Height))}
			}
			return
		}
		var children []fyne.CanvasObject
		switch c := o.(type) {
		case *fyne.Container:
			children = c.Objects
		case fyne.Widget:
			children = test.WidgetRenderer(c).Objects()
		}
		for _, child := range children {
			walk(child, at.Add(child.Position()))
		}
	}
	walk(wiz.rows, fyne.NewPos(0, 0))
	return out
}

// TestImportRowsFitTheirText checks at 1024 × 768 that each row of step 3
// is as tall as its wrapped problem text: no text runs into the next row.
func TestImportRowsFitTheirText(t *testing.T) {
	for _, size := range []fyne.Size{fyne.NewSize(1024, 768), fyne.NewSize(1366, 768)} {
		t.Run(fmt.Sprint(size), func(t *testing.T) {
			_, _, wiz := previewAt(t, size, "participants-dakar-excel-fr.csv")
			// The rows with a lost letter carry the longest warnings.
			wiz.filter.SetChecked(true)
			labels := rowLabels(wiz)
			wrapped := 0
			for l, r := range labels {
				if l.Wrapping == fyne.TextWrapWord && l.MinSize().Height > 2*l.Theme().Size(theme.SizeNameText) {
					wrapped++
				}
				// The text is given the room it needs.
				if l.Size().Height+0.5 < l.MinSize().Height {
					t.Errorf("%.40q is %.0f high, needs %.0f", l.Text, l.Size().Height, l.MinSize().Height)
				}
				for m, s := range labels {
					if l != m && r[0].X < s[1].X && s[0].X < r[1].X && r[0].Y < s[1].Y && s[0].Y < r[1].Y {
						t.Errorf("%.40q overlaps %.40q", l.Text, m.Text)
					}
				}
			}
			if wrapped == 0 {
				t.Fatal("no row shows a warning on several lines: the test proves nothing")
			}
		})
	}
}

// TestImportLostLettersCorrectedInPlace opens a Windows-1252 list where
// Excel replaced letters with "?": those rows are skipped by default,
// shown alone by the filter, and import once corrected in the wizard.
func TestImportLostLettersCorrectedInPlace(t *testing.T) {
	u, w, wiz := previewAt(t, fyne.NewSize(1024, 768), "lost-letters-cp1252.csv")
	p := wiz.preview
	for _, num := range []int{3, 4, 6} {
		if c := p.Row(num).Choice; c != importer.Skip {
			t.Errorf("row %d: %q, want skip until corrected", num, c)
		}
	}
	if wiz.next.Text != "Import 2 participants" {
		t.Errorf("import button %q", wiz.next.Text)
	}
	if !strings.Contains(wiz.tally.Text, `3 names with a "?" for a lost letter: skipped until corrected`) {
		t.Errorf("tally %q", wiz.tally.Text)
	}

	// Only the rows with problems.
	if n := wiz.rows.Length(); n != 5 {
		t.Fatalf("%d rows listed, want 5", n)
	}
	test.Tap(wiz.filter)
	if n := wiz.rows.Length(); n != 3 {
		t.Fatalf("with the filter, %d rows listed, want 3", n)
	}
	if !containsText(w, "?ule Ça?lar") || containsText(w, "Aïssatou") {
		t.Error("the filter should list the damaged names and only those")
	}

	// Correct the first one in place.
	test.Tap(button(t, w, "Correct name…"))
	form := wiz.nameForm
	if form == nil || form.given.Text != "?ule" || form.family.Text != "Ça?lar" {
		t.Fatalf("the correction form should show the name as read: %+v", form)
	}
	form.given.SetText("")
	test.Type(form.given, "Şule")
	form.family.SetText("")
	test.Type(form.family, "Çağlar")
	test.Tap(button(t, w, "Save name"))

	r := p.Row(3)
	if r.Participant.GivenNames != "Şule" || r.Participant.FamilyNames != "Çağlar" || r.Choice != importer.Add || r.Has(importer.LostCharacters) {
		t.Errorf("row 3 after correction: %q %q %q %v", r.Participant.GivenNames, r.Participant.FamilyNames, r.Choice, r.Problems)
	}
	if wiz.next.Text != "Import 3 participants" {
		t.Errorf("after the correction the button says %q", wiz.next.Text)
	}
	if n := wiz.rows.Length(); n != 2 {
		t.Errorf("the corrected row should leave the problem list: %d rows", n)
	}
	wiz.committed(importer.Commit(u.st, wiz.preview))
	people, _ := u.st.Participants(u.workshop.data.Workshop.ID)
	if len(people) != 3 {
		t.Fatalf("%d imported, want 3", len(people))
	}
	for _, q := range people {
		if q.LostLetterFields() != nil {
			t.Errorf("%s imported with a lost letter", q.FullName())
		}
	}
}

// BenchmarkImportPreviewRefresh5000 times a change on the 5,000-row list
// in step 3: a change (a choice or a corrected name: the tally, the rows
// listed, the heights of the rows whose text changed), and a new width
// (every row with a note measured again).
func BenchmarkImportPreviewRefresh5000(b *testing.B) {
	u, w := emptyWorkshopB(b)
	w.Resize(fyne.NewSize(1024, 768))
	wiz := showImportWizard(u.workshop)
	path := fixture("participants-5000.csv")
	tab, err := importer.ReadFile(path, "")
	if err != nil {
		b.Fatal(err)
	}
	wiz.loaded(path, tab, nil)
	wiz.toPreview()
	if wiz.fitWidth == 0 || len(wiz.measured) < 700 {
		b.Fatalf("the rows were not measured: width %v, %d rows measured", wiz.fitWidth, len(wiz.measured))
	}
	b.Run("change", func(b *testing.B) {
		for b.Loop() {
			wiz.refreshPreview()
		}
	})
	// A new width measures every row with a note again (727 here).
	b.Run("new width", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			wiz.fitRows(900 + float32(i%2)*10)
		}
	})
}

// emptyWorkshopB is emptyWorkshop for a benchmark.
func emptyWorkshopB(b *testing.B) (*App, fyne.Window) {
	a := test.NewTempApp(b)
	w := a.NewWindow("bench")
	u := Start(a, w, Config{DataPath: filepath.Join(b.TempDir(), "workshopdesk.db"), Open: testOpener, Version: "test"})
	b.Cleanup(func() {
		u.Close()
		w.Close()
	})
	ws := store.Workshop{Code: "dakar-2027", Title: "Regional workshop", City: "Dakar", Country: "SN",
		StartDate: store.Date{Year: 2027, Month: 3, Day: 8}, EndDate: store.Date{Year: 2027, Month: 3, Day: 10}}
	if err := u.st.SaveWorkshop(&ws); err != nil {
		b.Fatal(err)
	}
	u.showWorkshop(ws.ID)
	return u, w
}
