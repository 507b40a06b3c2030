package ui

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// autoExchangeEvery is how often a shared workshop exchanges on its own
// while its screen is open and the folder is reachable.
var autoExchangeEvery = 30 * time.Second

// laptopsSection is Workshop › Laptops: sharing the workshop with other
// laptops through a folder (see the README, "Several laptops").
type laptopsSection struct {
	ws      *workshopScreen
	content *fyne.Container
	status  *widget.Label
	now     *widget.Button
	busy    *widget.ProgressBarInfinite
	auto    *widget.Check
	came    *widget.Button // reload the workshop after changes came in
	folder  *widget.Entry  // the start form's folder, while not shared
	name    *commitEntry   // this laptop's name, once shared
}

// commitEntry is an entry that commits its text on Enter and when it loses
// the focus, so that a value typed and left is not lost.
type commitEntry struct {
	widget.Entry
	commit func(string)
}

func newCommitEntry(commit func(string)) *commitEntry {
	e := &commitEntry{commit: commit}
	e.ExtendBaseWidget(e)
	e.OnSubmitted = commit
	return e
}

// FocusLost commits the text.
func (e *commitEntry) FocusLost() {
	e.Entry.FocusLost()
	e.commit(e.Text)
}

// exchanging serialises exchanges: a click while the automatic one runs
// waits for nothing and starts nothing.
var exchanging sync.Mutex

func newLaptopsSection(ws *workshopScreen) *laptopsSection {
	l := &laptopsSection{ws: ws, content: container.NewStack()}
	ws.laptops = l
	l.show()
	return l
}

// show builds the section afresh from the store.
func (l *laptopsSection) show() {
	id := l.ws.data.Workshop.ID
	cfg, err := l.ws.u.st.SyncSettings(id)
	switch {
	case errors.Is(err, store.ErrNotShared):
		l.content.Objects = []fyne.CanvasObject{l.startForm()}
	case err != nil:
		l.content.Objects = []fyne.CanvasObject{wrapLabel(err.Error())}
	default:
		l.content.Objects = []fyne.CanvasObject{l.sharedView(cfg)}
		startAutoExchange(l.ws.u)
	}
	l.content.Refresh()
}

// startForm offers to share the workshop through a folder.
func (l *laptopsSection) startForm() fyne.CanvasObject {
	intro := wrapLabel(lang.L("Share this workshop with other laptops (a second check-in desk, a co-facilitator) through a folder: a USB stick, a network share, or a folder Syncthing keeps in step. Each laptop keeps its own data file; changes travel as sealed files, readable only with the join code."))
	folder := widget.NewEntry()
	folder.SetPlaceHolder(lang.L("Shared folder"))
	l.folder = folder
	choose := widget.NewButtonWithIcon(lang.L("Choose…"), theme.FolderOpenIcon(), func() {
		d := dialog.NewFolderOpen(func(dir fyne.ListableURI, err error) {
			if err == nil && dir != nil {
				folder.SetText(dir.Path())
			}
		}, l.ws.u.win)
		d.Show()
	})
	name := widget.NewEntry()
	name.SetText(defaultLaptopName())
	start := widget.NewButtonWithIcon(lang.L("Start sharing"), theme.MediaPlayIcon(), nil)
	start.Importance = widget.HighImportance
	start.OnTapped = func() {
		dir := strings.TrimSpace(folder.Text)
		if dir == "" {
			l.ws.u.showError(errors.New(lang.L("Choose the shared folder first.")))
			return
		}
		runInBackground(l.ws.u, lang.L("Start sharing"), func() error {
			_, _, err := l.ws.u.st.StartSharing(l.ws.data.Workshop.ID, dir, strings.TrimSpace(name.Text))
			return syncProblem(err)
		}, l.show)
	}
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Shared folder"), container.NewBorder(nil, nil, nil, choose, folder)),
		widget.NewFormItem(lang.L("This laptop's name"), name),
	)
	join := wrapLabel(lang.L("To join a workshop another laptop shares, use “Join a shared workshop…” in the File menu, with the join code shown on that laptop."))
	return container.NewVScroll(container.NewVBox(intro, form, container.NewHBox(start), widget.NewSeparator(), join))
}

// sharedView shows the folder, this laptop, the others, Exchange now and
// the changes to review.
func (l *laptopsSection) sharedView(cfg store.SyncConfig) fyne.CanvasObject {
	u, id := l.ws.u, l.ws.data.Workshop.ID
	laptops, err := u.st.Laptops(id)
	if err != nil {
		return wrapLabel(err.Error())
	}
	names := map[string]string{}
	for _, lp := range laptops {
		names[lp.Device] = lp.Name
	}
	code := widget.NewLabelWithStyle(cfg.JoinCode, fyne.TextAlignLeading, fyne.TextStyle{Bold: true, Monospace: true})
	code.Selectable = true
	saved := cfg.LaptopName
	name := newCommitEntry(func(s string) {
		s = strings.TrimSpace(s)
		if s == "" || s == saved {
			return
		}
		if err := u.st.SetLaptopName(id, s); err != nil {
			u.showError(err)
			return
		}
		saved = s
	})
	name.SetText(cfg.LaptopName)
	l.name = name
	series := l.ws.data.Workshop.Code
	if cfg.Tag != "" {
		series += "-" + cfg.Tag // this laptop's own series: numbers never collide
	}
	numbers := store.CertificateNumber(series, 1) + "…"
	form := widget.NewForm(
		widget.NewFormItem(lang.L("Shared folder"), wrapLabel(cfg.Folder)),
		widget.NewFormItem(lang.L("Join code"), code),
		widget.NewFormItem(lang.L("This laptop's name"), name),
		widget.NewFormItem(lang.L("Certificate numbers"), wrapLabel(numbers)),
	)
	l.status = wrapLabel(lastExchangeText(cfg.LastExchange))
	l.busy = widget.NewProgressBarInfinite()
	l.busy.Hide()
	l.now = widget.NewButtonWithIcon(lang.L("Exchange now"), theme.ViewRefreshIcon(), func() { l.exchange(false) })
	l.now.Importance = widget.HighImportance
	l.auto = widget.NewCheck(lang.L("Exchange automatically every 30 seconds"), nil)
	l.auto.SetChecked(autoOn(id))
	l.auto.OnChanged = func(on bool) { setAutoOn(id, on) }
	l.came = widget.NewButtonWithIcon(lang.L("Show the changes that came in"), theme.ViewRefreshIcon(), l.ws.changed)
	l.came.Hide()

	others := container.NewVBox()
	for _, lp := range laptops {
		if lp.This {
			continue
		}
		others.Add(wrapLabel(laptopLine(lp)))
	}
	if len(others.Objects) == 0 {
		others.Add(wrapLabel(lang.L("No other laptop has written to the folder yet.")))
	}
	review := container.NewVBox()
	changes, err := u.st.SyncChanges(id)
	if err != nil {
		review.Add(wrapLabel(err.Error()))
	}
	for _, ch := range changes {
		from := names[ch.From]
		if from == "" {
			from = ch.From
		}
		text := fmt.Sprintf(lang.L("%s, %s: kept “%s”, replaced “%s” (from %s)"), ch.Name, fieldLabel(ch.Field), ch.Kept, ch.Replaced, from)
		dismiss := widget.NewButtonWithIcon(lang.L("Reviewed"), theme.ConfirmIcon(), func() {
			if err := u.st.DismissSyncChange(id, ch.ID); err != nil {
				u.showError(err)
				return
			}
			l.show()
		})
		review.Add(container.NewBorder(nil, nil, nil, dismiss, wrapLabel(text)))
	}
	if len(changes) == 0 {
		review.Add(wrapLabel(lang.L("Nothing to review: no value entered here was replaced by another laptop's.")))
	}
	heading := func(s string) fyne.CanvasObject {
		return widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	}
	return container.NewVScroll(container.NewVBox(form,
		container.NewHBox(l.now, l.auto), l.busy, l.status, l.came,
		heading(lang.L("Other laptops")), others,
		heading(lang.L("Changes from other laptops to review")), review))
}

// fieldLabel names a participant field in the review list as the
// participant form does; a field without a label there (a consent field,
// say) by its stored name.
func fieldLabel(field string) string {
	labels := map[string]string{
		"certificate": lang.L("certificate issued twice"), "honorific": lang.L("Honorific"),
		"given_names": lang.L("Given names"), "family_name": lang.L("Family name"), "organisation": lang.L("Organisation"),
		"org_type": lang.L("Organisation type"), "position": lang.L("Position"), "country": lang.L("Country"),
		"gender": lang.L("Gender"), "email": lang.L("Email"), "phone": lang.L("Phone"), "role": lang.L("Role"),
		"badge_code": lang.L("Badge code"), "notes": lang.L("Notes"),
	}
	if l, ok := labels[field]; ok {
		return l
	}
	return strings.ReplaceAll(field, "_", " ")
}

func lastExchangeText(t time.Time) string {
	if t.IsZero() {
		return lang.L("Not exchanged yet.")
	}
	return fmt.Sprintf(lang.L("Last exchange: %s."), t.Local().Format("15:04:05"))
}

// exchange runs one exchange in the background: the window stays usable.
// auto exchanges say nothing when the folder cannot be reached.
func (l *laptopsSection) exchange(auto bool) {
	if !exchanging.TryLock() {
		return
	}
	id, st := l.ws.data.Workshop.ID, l.ws.u.st
	l.busy.Show()
	l.now.Disable()
	go func() {
		r, err := st.Exchange(id)
		exchanging.Unlock()
		fyne.Do(func() { l.exchanged(r, err, auto) })
	}()
}

// exchanged shows an exchange's outcome.
func (l *laptopsSection) exchanged(r store.SyncReport, err error, auto bool) {
	l.busy.Hide()
	l.now.Enable()
	var fu *store.FolderUnreachableError
	switch {
	case errors.As(err, &fu):
		l.status.SetText(lang.L("The shared folder cannot be reached: plug in the stick or connect the share. Nothing is lost meanwhile."))
		return
	case err != nil:
		err = syncProblem(err)
		if !auto {
			l.ws.u.showError(err)
		}
		l.status.SetText(err.Error())
		return
	}
	l.show() // the other laptops and the changes to review, afresh
	l.status.SetText(reportText(r))
	if len(r.Received) > 0 {
		l.came.Show()
	}
}

// reportText sums up an exchange in one paragraph.
// laptopLine names another laptop, its last change and the number of
// changes received from it.
func laptopLine(lp store.Laptop) string {
	last := lang.L("no change yet")
	if !lp.LastChange.IsZero() {
		last = fmt.Sprintf(lang.L("last change %s"), lp.LastChange.Local().Format("2006-01-02 15:04"))
	}
	return lp.Name + ": " + last + ", " + count(lp.Changes, "{{.Count}} change received", "{{.Count}} changes received")
}

func reportText(r store.SyncReport) string {
	if r.Quiet {
		return lastExchangeText(time.Now()) + " " + lang.L("Nothing new.")
	}
	in := 0
	for _, f := range r.Received {
		in += f.Changes
	}
	parts := []string{lastExchangeText(time.Now()), count(r.Sent, "{{.Count}} change sent", "{{.Count}} changes sent") + ", " +
		count(in, "{{.Count}} change received", "{{.Count}} changes received") + "."}
	for _, s := range r.Skipped {
		parts = append(parts, fmt.Sprintf(lang.L("Skipped %s: %s"), filepath.Base(s.File), s.Problem))
	}
	if r.ToReview > 0 {
		parts = append(parts, count(r.ToReview, "{{.Count}} change to review below.", "{{.Count}} changes to review below."))
	}
	return strings.Join(parts, " ")
}

// Automatic exchange: one ticker per app, exchanging the open workshop when
// it is shared and its switch is on.
var (
	autoMu      sync.Mutex
	autoStarted = map[*App]bool{}
	autoOff     = map[uuid.UUID]bool{}
)

func autoOn(id uuid.UUID) bool {
	autoMu.Lock()
	defer autoMu.Unlock()
	return !autoOff[id]
}

func setAutoOn(id uuid.UUID, on bool) {
	autoMu.Lock()
	defer autoMu.Unlock()
	autoOff[id] = !on
}

// startAutoExchange starts the app's automatic exchange, once.
func startAutoExchange(u *App) {
	autoMu.Lock()
	defer autoMu.Unlock()
	if autoStarted[u] {
		return
	}
	autoStarted[u] = true
	go func() {
		for range time.Tick(autoExchangeEvery) {
			fyne.Do(func() { autoExchange(u) })
		}
	}()
}

// autoExchange exchanges the open workshop, on the UI goroutine only to
// find it: the exchange itself runs in the background.
func autoExchange(u *App) {
	ws := u.workshop
	if ws == nil || u.st == nil || !autoOn(ws.data.Workshop.ID) {
		return
	}
	if ws.laptops == nil {
		if _, err := u.st.SyncSettings(ws.data.Workshop.ID); err != nil {
			return
		}
		ws.ensure(sectionLaptops)
	}
	if ws.laptops.now != nil {
		ws.laptops.exchange(true)
	}
}

// defaultLaptopName is the computer's name, as the other laptops see it.
func defaultLaptopName() string {
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "laptop"
}
