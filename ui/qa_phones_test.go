package ui

import (
	"net"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// A port another program holds (or a port mistyped) is said, then the
// form comes back as it was filled in, to change the port; it was closed.
func TestOpenForPhonesPortInUseKeepsTheForm(t *testing.T) {
	u, w, _ := quizTest(t)
	test.Tap(button(t, w, "Open for phones…"))
	var network *widget.Select
	var port *widget.Entry
	for _, o := range objects(w) {
		switch x := o.(type) {
		case *widget.Select:
			if strings.Contains(strings.Join(x.Options, " "), "127.0.0.1") {
				network = x
			}
		case *widget.Entry:
			if x.Text == "8080" {
				port = x
			}
		}
	}
	if network == nil || port == nil {
		t.Fatal("no network or port")
	}
	for _, opt := range network.Options {
		if strings.HasPrefix(opt, "127.0.0.1 ") {
			network.SetSelected(opt)
		}
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	taken := strconv.Itoa(busy.Addr().(*net.TCPAddr).Port)
	port.SetText(taken)
	test.Tap(button(t, w, "Open"))
	if u.phones != nil {
		t.Fatal("opened on a port another program holds")
	}
	test.Tap(lastButton(t, w, "OK"))
	if !port.Visible() || port.Text != taken || !hasButton(w, "Open") {
		t.Fatal("after the message, the form with the port typed is gone")
	}
	busy.Close()
	test.Tap(lastButton(t, w, "Open"))
	if u.phones == nil {
		t.Fatal("not opened once the port was free")
	}
}

// The live quiz fills a 1024-pixel projector in every language: in
// French its buttons ran past the right edge ("Quitter le quiz e…").
func TestLiveQuizFitsA1024Projector(t *testing.T) {
	t.Cleanup(func() { setLanguage("en") })
	u, w, _ := quizTest(t)
	v := openPhonesDialog(t, u, w)
	for _, l := range []string{"en", "fr", "es"} {
		setLanguage(l)
		v.showLiveQuiz()
		if got := v.live.win.Content().MinSize().Width; got > 1024 {
			t.Errorf("%s: the live quiz needs %.0f pixels across", l, got)
		}
		test.Tap(v.live.show)
		if got := v.live.win.Content().MinSize().Width; got > 1024 {
			t.Errorf("%s: with the answer shown, the live quiz needs %.0f pixels across", l, got)
		}
		v.live.win.Close()
	}
}
