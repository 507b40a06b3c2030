package ui

import (
	"io"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/makiuchi-d/gozxing"
	"github.com/makiuchi-d/gozxing/qrcode"
)

// testPhone is a participant's phone talking to the room over HTTP.
type testPhone struct {
	t    *testing.T
	base string
	c    *http.Client
	csrf string
}

func newTestPhone(t *testing.T, base string) *testPhone {
	jar, _ := cookiejar.New(nil)
	return &testPhone{t: t, base: strings.TrimSuffix(base, "/"), c: &http.Client{Jar: jar,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

func (p *testPhone) send(method, path string, form url.Values) (int, string) {
	p.t.Helper()
	var body io.Reader
	if form != nil {
		form.Set("csrf", p.csrf)
		body = strings.NewReader(form.Encode())
	}
	req, _ := http.NewRequest(method, p.base+path, body)
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b); m != nil {
		p.csrf = string(m[1])
	}
	return res.StatusCode, string(b)
}

// openPhonesDialog taps "Open for phones…" in w and opens on the loopback
// address and a free port.
func openPhonesDialog(t *testing.T, u *App, w fyne.Window) *phonesView {
	t.Helper()
	test.Tap(button(t, w, "Open for phones…"))
	var network *widget.Select
	var port *widget.Entry
	for _, o := range objects(w) {
		switch x := o.(type) {
		case *widget.Select:
			if len(x.Options) > 0 && strings.Contains(strings.Join(x.Options, " "), "127.0.0.1") {
				network = x
			}
		case *widget.Entry:
			if x.Text == "8080" {
				port = x
			}
		}
	}
	if network == nil || port == nil {
		t.Fatal("the dialog shows no network to choose or no port")
	}
	for _, opt := range network.Options {
		if strings.HasPrefix(opt, "127.0.0.1 ") {
			network.SetSelected(opt)
		}
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	free := l.Addr().(*net.TCPAddr).Port
	l.Close()
	port.SetText(strconv.Itoa(free))
	test.Tap(button(t, w, "Open"))
	if u.phones == nil {
		t.Fatal("nothing was opened for phones")
	}
	if got := u.phones.room.URL(); got != "http://127.0.0.1:"+strconv.Itoa(free)+"/" {
		t.Fatalf("listening on %s", got)
	}
	return u.phones
}

// texts returns the text of every canvas.Text in w.
func canvasTexts(w fyne.Window) []string {
	var list []string
	for _, o := range test.LaidOutObjects(w.Content()) {
		if tx, ok := o.(*canvas.Text); ok {
			list = append(list, tx.Text)
		}
	}
	return list
}

// TestOpenTestForPhones: the Tests section opens the pre-test on the
// address chosen; the window shows the address, the room code and a QR
// code; a phone's answer shows its name; the live quiz charts it and
// shows the answer; closing stops the answers; Stop serving stops the
// server.
func TestOpenTestForPhones(t *testing.T) {
	u, w, _ := quizTest(t)
	v := openPhonesDialog(t, u, w)
	shown := strings.Join(canvasTexts(v.win), " ")
	if !strings.Contains(shown, v.room.Code()) || !strings.Contains(shown, strings.TrimPrefix(strings.TrimSuffix(v.room.URL(), "/"), "http://")) {
		t.Errorf("the window shows %q; want the address and room code %s", shown, v.room.Code())
	}
	qrShown := false
	for _, o := range test.LaidOutObjects(v.win.Content()) {
		if img, ok := o.(*canvas.Image); ok && img.Image != nil && img.Image.Bounds().Dx() >= 300 {
			qrShown = true
			bmp, err := gozxing.NewBinaryBitmapFromImage(img.Image)
			if err != nil {
				t.Fatal(err)
			}
			res, err := qrcode.NewQRCodeReader().Decode(bmp, nil)
			if err != nil || res.GetText() != v.room.JoinURL() {
				t.Errorf("the QR code reads %v, %v; want %s", res, err, v.room.JoinURL())
			}
		}
	}
	if !qrShown {
		t.Error("no QR code")
	}

	p := u.workshop.data.Participants[0]
	phone := newTestPhone(t, v.room.URL())
	phone.send(http.MethodGet, "/", nil)
	if code, _ := phone.send(http.MethodPost, "/join", url.Values{"room": {v.room.Code()}, "badge": {p.BadgeCode}}); code != http.StatusSeeOther {
		t.Fatalf("join: %d", code)
	}
	if code, _ := phone.send(http.MethodPost, "/answer", url.Values{"n": {"1"}, "a": {"T"}}); code != http.StatusSeeOther {
		t.Fatalf("answer: %d", code)
	}
	v.update()
	if !strings.Contains(v.names.Text, p.FullName()) || !strings.HasPrefix(v.count.Text, "Answering: 1") {
		t.Errorf("who answered: %q / %q", v.count.Text, v.names.Text)
	}

	test.Tap(button(t, v.win, "Live quiz"))
	q := v.live
	if q == nil {
		t.Fatal("no live quiz")
	}
	if !q.win.FullScreen() || q.number.Text != "Question 1 of 6" {
		t.Errorf("live quiz: full screen %v, %q", q.win.FullScreen(), q.number.Text)
	}
	if q.chart.total != 1 || q.chart.rows[0].Count != 1 || q.answered.Text != "Answers: 1" {
		t.Errorf("chart %+v of %d", q.chart.rows, q.chart.total)
	}
	if q.answer.Visible() {
		t.Error("the answer shows before Show answer")
	}
	test.Tap(q.show)
	if !q.answer.Visible() || !strings.HasPrefix(q.answer.Text, "Right answer: True") {
		t.Errorf("after Show answer: %q", q.answer.Text)
	}
	test.Tap(q.next)
	if q.number.Text != "Question 2 of 6" || q.answer.Visible() {
		t.Errorf("after Next: %q, answer shown %v", q.number.Text, q.answer.Visible())
	}

	test.Tap(button(t, v.win, "Close the answering"))
	if code, _ := phone.send(http.MethodPost, "/answer", url.Values{"n": {"2"}, "a": {"A"}}); code != http.StatusConflict {
		t.Errorf("an answer after closing: %d", code)
	}
	url := v.room.URL()
	test.Tap(button(t, v.win, "Stop serving"))
	if u.phones != nil {
		t.Error("the room is still open after Stop serving")
	}
	if _, err := http.Get(url); err == nil {
		t.Error("the server still answers after Stop serving")
	}
	// The section shows the answer given on the phone.
	sheets, _ := u.st.Sheets(u.workshop.quiz.data.Quizzes[0].ID)
	if sheets[p.ID].Source != "phone" {
		t.Errorf("sheet %+v", sheets[p.ID])
	}
}

// TestOpenEvaluationForPhones: the Evaluation section opens the
// evaluation; a phone's form is counted, not named; quitting the app
// stops the server.
func TestOpenEvaluationForPhones(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	s := newEvaluationSection(u.workshop)
	w.SetContent(s.content)
	v := openPhonesDialog(t, u, w)
	if v.room.IsTest() {
		t.Fatal("a test was opened")
	}
	phone := newTestPhone(t, v.room.URL())
	phone.send(http.MethodGet, "/", nil)
	phone.send(http.MethodPost, "/join", url.Values{"room": {v.room.Code()}})
	phone.send(http.MethodGet, "/eval", nil)
	if code, _ := phone.send(http.MethodPost, "/eval", url.Values{"i1": {"4"}}); code != http.StatusOK {
		t.Fatalf("send: %d", code)
	}
	v.update()
	if v.count.Text != "Evaluations received: 1" || v.names.Text != "" {
		t.Errorf("count %q, names %q", v.count.Text, v.names.Text)
	}
	addr := v.room.URL()
	if err := u.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(addr); err == nil {
		t.Error("the server still answers after the app quit")
	}
}
