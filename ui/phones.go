package ui

import (
	"fmt"
	"image"
	"image/draw"
	"net"
	"strconv"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
	"github.com/boombuler/barcode/qr"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/web"
)

// phonesRefresh is how often the phones window reads who has answered.
const phonesRefresh = time.Second

// phonesView is a test or the evaluation open for phones: its own window
// (for the projector) with the address, the QR code, the room code, who
// has answered, and the buttons to close the answering and stop.
type phonesView struct {
	u      *App
	room   *web.Room
	win    fyne.Window
	title  string
	status *widget.Label // the answering is open or closed
	count  *widget.Label
	names  *widget.Label
	finish *widget.Button
	live   *liveQuiz
	stop   chan struct{}
	once   sync.Once
}

// openForPhones asks where to listen and opens the test of key (nil: the
// evaluation) to phones.
func (ws *workshopScreen) openForPhones(key *store.QuizKey, title string) {
	u := ws.u
	if u.phones != nil {
		u.phones.win.RequestFocus()
		dialog.ShowInformation(lang.L("Open for phones"), fmt.Sprintf(lang.L("%s is open for phones; close it first."), u.phones.title), u.win)
		return
	}
	addrs, err := web.LocalAddresses()
	if err != nil {
		u.showError(err)
		return
	}
	var choices []string
	for _, a := range addrs {
		choices = append(choices, a.IP+" ("+a.Interface+")")
	}
	network := widget.NewSelect(choices, nil)
	if len(choices) > 0 {
		network.SetSelectedIndex(0)
	}
	port := widget.NewEntry()
	port.SetText("8080")
	results := widget.NewCheck(lang.L("Show scores and explanations after closing"), nil)
	results.SetChecked(true)
	items := []*widget.FormItem{
		widget.NewFormItem(lang.L("Network"), network),
		widget.NewFormItem(lang.L("Port"), port),
	}
	if key != nil {
		items = append(items, widget.NewFormItem("", results))
	}
	hint := widget.NewLabel(lang.L("Phones must be on the same network as this laptop: the venue's Wi-Fi or the laptop's hotspot (see the README)."))
	hint.Wrapping = fyne.TextWrapWord
	items = append(items, widget.NewFormItem("", hint))
	var d dialog.Dialog
	// again says what is wrong, then shows the form again as it was
	// filled in: a port another program holds is changed, not retyped.
	again := func(err error) {
		e := dialog.NewError(err, u.win)
		e.SetOnClosed(d.Show)
		e.Show()
	}
	d = dialog.NewForm(fmt.Sprintf(lang.L("Open %s for phones"), title), lang.L("Open"), lang.L("Cancel"), items, func(ok bool) {
		if !ok {
			return
		}
		i := network.SelectedIndex()
		if i < 0 {
			again(fmt.Errorf("%s", lang.L("Choose a network.")))
			return
		}
		p, err := strconv.Atoi(strings.TrimSpace(port.Text))
		if err != nil || p < 1 || p > 65535 {
			again(fmt.Errorf("%s", lang.L("The port is a number from 1 to 65535, such as 8080.")))
			return
		}
		cfg := web.RoomConfig{Store: u.st, WorkshopID: ws.data.Workshop.ID, Test: key,
			Listen: net.JoinHostPort(addrs[i].IP, strconv.Itoa(p)), ShowResults: results.Checked}
		if err := ws.startPhones(cfg, title); err != nil {
			again(err)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 300))
	d.Show()
}

// startPhones opens the room and its window.
func (ws *workshopScreen) startPhones(cfg web.RoomConfig, title string) error {
	room, err := web.OpenRoom(cfg)
	if err != nil {
		return err
	}
	u := ws.u
	v := &phonesView{u: u, room: room, title: title, stop: make(chan struct{})}
	u.phones = v
	v.win = u.app.NewWindow(fmt.Sprintf(lang.L("%s — answers from phones"), title))
	v.win.SetContent(v.build())
	v.win.Resize(fyne.NewSize(900, 700))
	v.win.SetOnClosed(func() { v.close() })
	v.win.Show()
	go v.follow()
	return nil
}

func (v *phonesView) build() fyne.CanvasObject {
	addr := canvas.NewText(strings.TrimSuffix(strings.TrimPrefix(v.room.URL(), "http://"), "/"), theme.Color(theme.ColorNameForeground))
	addr.TextSize = 40
	addr.TextStyle.Bold = true
	code := canvas.NewText(v.room.Code(), theme.Color(theme.ColorNamePrimary))
	code.TextSize = 64
	code.TextStyle = fyne.TextStyle{Bold: true, Monospace: true}
	heading := widget.NewLabelWithStyle(v.title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	qrImage := canvas.NewImageFromImage(qrCode(v.room.JoinURL()))
	qrImage.FillMode = canvas.ImageFillContain
	qrImage.ScaleMode = canvas.ImageScalePixels
	qrImage.SetMinSize(fyne.NewSize(320, 320))
	v.status = widget.NewLabel(lang.L("Open: answers are saved as they come."))
	v.count = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	v.names = widget.NewLabel("")
	v.names.Wrapping = fyne.TextWrapWord
	v.finish = widget.NewButton(lang.L("Close the answering"), v.finishAnswering)
	stop := widget.NewButtonWithIcon(lang.L("Stop serving"), theme.CancelIcon(), func() { v.win.Close() })
	stop.Importance = widget.DangerImportance
	buttons := container.NewHBox(v.finish, stop)
	if v.room.IsTest() {
		buttons.Add(widget.NewButtonWithIcon(lang.L("Live quiz"), theme.MediaPlayIcon(), v.showLiveQuiz))
	}
	info := container.NewVBox(heading,
		widget.NewLabel(lang.L("On your phone, open:")), addr,
		widget.NewLabel(lang.L("Room code:")), code,
		v.status, v.count)
	top := container.NewBorder(nil, nil, nil, qrImage, info)
	v.update()
	return container.NewBorder(top, buttons, nil, nil, container.NewVScroll(v.names))
}

// qrCode is text as a QR code, large enough to scan from the back of the
// room, black on white with the quiet zone of four modules that scanners
// need (the app's theme may be dark).
func qrCode(text string) image.Image {
	code, err := qr.Encode(text, qr.M, qr.Auto)
	if err != nil {
		return image.NewGray(image.Rect(0, 0, 1, 1))
	}
	modules := code.Bounds().Dx()
	scale := max(1, 640/(modules+8))
	size := (modules + 8) * scale
	img := image.NewGray(image.Rect(0, 0, size, size))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	for y := range modules {
		for x := range modules {
			if r, _, _, _ := code.At(x, y).RGBA(); r < 0x8000 {
				draw.Draw(img, image.Rect((x+4)*scale, (y+4)*scale, (x+5)*scale, (y+5)*scale), image.Black, image.Point{}, draw.Src)
			}
		}
	}
	return img
}

// follow refreshes who has answered until the room stops.
func (v *phonesView) follow() {
	t := time.NewTicker(phonesRefresh)
	defer t.Stop()
	for {
		select {
		case <-v.stop:
			return
		case <-t.C:
			fyne.Do(func() {
				v.update()
				if v.live != nil {
					v.live.update()
				}
			})
		}
	}
}

// update shows who has answered: the names for a test, a number for the
// evaluation.
func (v *phonesView) update() {
	p := v.room.Progress()
	if v.room.IsTest() {
		v.count.SetText(fmt.Sprintf(lang.L("Answering: %d · handed in: %d"), len(p.Names), p.Submitted))
		v.names.SetText(strings.Join(p.Names, "\n"))
	} else {
		v.count.SetText(fmt.Sprintf(lang.L("Evaluations received: %d"), p.Evaluations))
	}
}

// finishAnswering closes the answering; phones show the scores if allowed.
func (v *phonesView) finishAnswering() {
	v.room.Finish()
	v.finish.Disable()
	v.status.SetText(lang.L("Closed: no more answers are taken. Stop serving when everyone has seen their result."))
}

// close stops the server and forgets the room (the window closing, or the
// app quitting).
func (v *phonesView) close() {
	v.once.Do(func() {
		close(v.stop)
		v.room.Close()
		if v.live != nil {
			v.live.win.Close()
		}
		if v.u.phones == v {
			v.u.phones = nil
		}
		if ws := v.u.workshop; ws != nil && ws.quiz != nil {
			ws.quiz.reload()
		}
	})
}

// stopPhones stops the phones' server, if one runs, leaving its window
// alone: as the app quits, its windows are already gone.
func (u *App) stopPhones() {
	if v := u.phones; v != nil {
		v.close()
	}
}

// closePhones stops the phones' server, if one runs, and closes its
// window (another data file is opened).
func (u *App) closePhones() {
	if v := u.phones; v != nil {
		v.close()
		v.win.Close()
	}
}

// openForPhones opens the test chosen in the section to phones.
func (s *quizSection) openForPhones() {
	i := s.test.SelectedIndex()
	if i < 0 || i >= len(s.keys) {
		return
	}
	key := s.keys[i]
	if s.data.Quiz(key) == nil || len(s.data.Quiz(key).QuestionIDs) == 0 {
		s.ws.u.showError(fmt.Errorf("%s", lang.L("This test has no questions yet: import some first.")))
		return
	}
	s.ws.openForPhones(&key, s.test.Selected)
}
