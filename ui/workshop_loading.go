package ui

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// A big workshop is opened in two steps: its frame (the way back, the
// title, the sections' tabs) at once, with a spinner where the section
// will be, while the workshop is loaded in the background; then the
// section. A smaller one is loaded before it is shown: faster than a
// spinner could be seen.

// backgroundLoadFrom is the size, in participants × sessions, from which
// a workshop opened from elsewhere (the list, the start) is loaded in the
// background. Reopening the workshop shown (after a change) loads it at
// once, keeping the section and what was typed.
var backgroundLoadFrom = 20_000

// loadWorkshop reads a workshop for the screen; tests hold it back.
var loadWorkshop = func(st *store.Store, id uuid.UUID) (*store.WorkshopData, error) {
	return st.LoadWorkshop(id)
}

// loadingView stands where a section will be while the workshop is
// loaded: a spinner and "Loading…".
type loadingView struct {
	widget.BaseWidget
	activity *widget.Activity
	label    *widget.Label
}

func newLoadingView() *loadingView {
	v := &loadingView{activity: widget.NewActivity(), label: widget.NewLabel(lang.L("Loading…"))}
	v.ExtendBaseWidget(v)
	v.activity.Start()
	return v
}

// CreateRenderer shows the spinner above the label, in the middle.
func (v *loadingView) CreateRenderer() fyne.WidgetRenderer {
	return widget.NewSimpleRenderer(container.NewCenter(container.NewVBox(v.activity, v.label)))
}

// bigWorkshop reports whether workshop id is big enough to be loaded in
// the background, with the workshop itself (for the frame's title).
func (u *App) bigWorkshop(id uuid.UUID) (store.Workshop, bool) {
	list, err := u.st.Workshops()
	if err != nil {
		return store.Workshop{}, false // the load names the problem
	}
	for _, sum := range list {
		if sum.Workshop.ID == id {
			return sum.Workshop, sum.Participants*max(sum.Sessions, 1) >= backgroundLoadFrom
		}
	}
	return store.Workshop{}, false
}

// openInBackground shows the frame of workshop w at once and loads it in
// the background; the section appears when it is loaded, unless another
// screen was shown meanwhile. Until then the App has no open workshop:
// menus and keys that act on one do nothing.
func (u *App) openInBackground(w store.Workshop) {
	ws := newWorkshopFrame(u, w)
	ws.ensure(ws.tabs.SelectedIndex()) // the spinner
	u.app.Preferences().SetString(prefLastWorkshop, w.ID.String())
	u.show(ws.content)
	u.home, u.workshop, u.loading = nil, nil, ws
	u.win.SetTitle(w.Title + " – " + lang.L("Workshop Desk"))
	st := u.st
	ws.ready = make(chan struct{})
	go func() {
		data, err := loadWorkshop(st, w.ID)
		fyne.Do(func() {
			defer close(ws.ready)
			if u.loading != ws {
				return // another screen was shown meanwhile
			}
			u.loading = nil
			if err != nil {
				u.showError(err)
				u.showHome()
				return
			}
			ws.loaded(data)
			u.workshop = ws
		})
	}()
}
