package ui

import (
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// holdBigLoads makes every workshop big enough to load in the background
// and holds each load until the returned function is called.
func holdBigLoads(t *testing.T) (release func()) {
	t.Helper()
	from, load := backgroundLoadFrom, loadWorkshop
	t.Cleanup(func() { backgroundLoadFrom, loadWorkshop = from, load })
	gate := make(chan struct{})
	backgroundLoadFrom = 1
	loadWorkshop = func(st *store.Store, id uuid.UUID) (*store.WorkshopData, error) {
		<-gate
		return load(st, id)
	}
	return func() { close(gate) }
}

// sampleID creates the sample workshop and returns to the list.
func sampleID(t *testing.T, u *App) uuid.UUID {
	t.Helper()
	u.openSample()
	id := u.workshop.data.Workshop.ID
	u.showHome()
	return id
}

// spinning reports whether a turning spinner and "Loading…" show.
func spinning(w fyne.Window) bool {
	for _, o := range objects(w) {
		if a, ok := o.(*widget.Activity); ok && a.Visible() {
			return hasText(w, "Loading…")
		}
	}
	return false
}

// waitLoaded waits until the background load of ws has been dealt with.
func waitLoaded(t *testing.T, ws *workshopScreen) {
	t.Helper()
	select {
	case <-ws.ready:
	case <-time.After(30 * time.Second):
		t.Fatal("the workshop was not loaded within 30 s")
	}
}

// TestBigWorkshopShowsASpinnerThenTheSection: a big workshop's frame shows
// at once with a spinner where the section will be; a section chosen, keys
// typed and menus used meanwhile reach nothing; once loaded, the section
// chosen replaces its spinner.
func TestBigWorkshopShowsASpinnerThenTheSection(t *testing.T) {
	u, w, _ := startTest(t)
	id := sampleID(t, u)
	release := holdBigLoads(t)

	u.showWorkshop(id)
	ws := u.loading
	if ws == nil || u.workshop != nil || ws.data != nil {
		t.Fatal("the big workshop was not being loaded in the background")
	}
	if !spinning(w) {
		t.Error("no spinner and “Loading…” where the section will be")
	}
	if sample, _ := u.st.Workshop(id); !hasText(w, sample.Title) {
		t.Error("the frame does not show the workshop's title")
	}
	ws.tabs.SelectIndex(sectionParticipants)
	test.TypeOnCanvas(w.Canvas(), "a")
	u.findParticipant()
	u.checkInBox()
	if ws.participants != nil || ws.attendance != nil || ws.sectionContent(sectionParticipants) != nil {
		t.Fatal("a section was built before the workshop was loaded")
	}
	if !spinning(w) {
		t.Error("the section chosen while loading shows no spinner")
	}

	release()
	waitLoaded(t, ws)
	if u.workshop != ws || ws.data == nil {
		t.Fatal("the loaded workshop is not the open one")
	}
	if ws.participants == nil || ws.tabs.Selected().Content != ws.participants.content {
		t.Error("the section chosen while loading did not replace its spinner")
	}
	if spinning(w) || hasText(w, "Loading…") {
		t.Error("the spinner still shows after loading")
	}
	ws.tabs.SelectIndex(sectionOverview)
	if ws.sectionContent(sectionOverview) == nil || spinning(w) {
		t.Error("the Overview, waiting since the start, was not built when shown")
	}
}

// TestLeavingABigWorkshopWhileItLoads: going back to the list while the
// workshop loads keeps the list; the loaded workshop is not shown.
func TestLeavingABigWorkshopWhileItLoads(t *testing.T) {
	u, w, _ := startTest(t)
	id := sampleID(t, u)
	release := holdBigLoads(t)
	u.showWorkshop(id)
	ws := u.loading
	test.Tap(ws.back)
	release()
	waitLoaded(t, ws)
	if u.workshop != nil || u.home == nil || spinning(w) {
		t.Error("the workshop left while loading was shown once loaded")
	}
}
