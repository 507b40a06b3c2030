package web

import (
	"fmt"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// roomData is a workshop with participants and a pre-test of n questions:
// true/false, then one of each other kind, repeated.
type roomData struct {
	st     *store.Store
	path   string
	w      store.Workshop
	ps     []store.Participant
	pre    store.Quiz
	badges []string
}

func newRoomData(t testing.TB, participants, questions int) *roomData {
	t.Helper()
	path := filepath.Join(t.TempDir(), "room.db")
	st, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return fillRoomData(t, st, path, participants, questions)
}

func fillRoomData(t testing.TB, st *store.Store, path string, participants, questions int) *roomData {
	t.Helper()
	d := &roomData{st: st, path: path}
	start, _ := store.ParseDate("2027-03-10")
	d.w = store.Workshop{Code: "room-2027", Title: "Migration data workshop", City: "Nairobi", Country: "KE", StartDate: start, EndDate: start.AddDays(2)}
	if err := st.SaveWorkshop(&d.w); err != nil {
		t.Fatal(err)
	}
	list := make([]*store.Participant, participants)
	for i := range list {
		list[i] = &store.Participant{WorkshopID: d.w.ID, GivenNames: fmt.Sprintf("Person%d", i+1), FamilyNames: "Tester", BadgeCode: fmt.Sprintf("BADGE%03d", i+1)}
	}
	if err := st.SaveParticipants(list); err != nil {
		t.Fatal(err)
	}
	for _, p := range list {
		d.ps = append(d.ps, *p)
		d.badges = append(d.badges, p.BadgeCode)
	}
	var qs []*store.Question
	for i := range questions {
		var q store.Question
		switch i % 5 {
		case 0:
			q = store.NewTrueFalse(fmt.Sprintf("Statement %d: the Global Forum met first in 2007.", i+1), true)
			q.Feedback = "It met first in Brussels in 2007."
			q.Source = "GFMD website"
		case 1:
			q = store.Question{Kind: store.MultipleChoice, Text: fmt.Sprintf("Question %d: who said it?", i+1), Options: []store.Option{{Text: "Kofi Annan", Weight: 100}, {Text: "Ban Ki-moon"}, {Text: "António Guterres"}}}
		case 2:
			q = store.Question{Kind: store.MultipleAnswer, Text: fmt.Sprintf("Question %d: which are UN agencies?", i+1), Options: []store.Option{{Text: "IOM", Weight: 50}, {Text: "UNHCR", Weight: 50}, {Text: "NATO", Weight: -100}}}
		case 3:
			q = store.Question{Kind: store.ShortAnswer, Text: fmt.Sprintf("Question %d: name the forum.", i+1), Options: []store.Option{{Text: "GFMD", Weight: 100}}}
		case 4:
			q = store.Question{Kind: store.Numeric, Text: fmt.Sprintf("Question %d: in which year?", i+1), Options: []store.Option{{Text: "1990", Weight: 100}}}
		}
		q.WorkshopID = d.w.ID
		qs = append(qs, &q)
	}
	if len(qs) > 0 {
		if err := st.AddQuestions(qs, []store.QuizKey{{Kind: store.PreTest}}); err != nil {
			t.Fatal(err)
		}
		var err error
		if d.pre, err = st.FindQuiz(d.w.ID, store.QuizKey{Kind: store.PreTest}); err != nil {
			t.Fatal(err)
		}
	}
	return d
}

// open opens the pre-test (or the evaluation, when test is false) on the
// loopback address.
func (d *roomData) open(t testing.TB, test, results bool) *Room {
	t.Helper()
	cfg := RoomConfig{Store: d.st, WorkshopID: d.w.ID, Listen: "127.0.0.1:0", ShowResults: results}
	if test {
		cfg.Test = &store.QuizKey{Kind: store.PreTest}
	}
	r, err := OpenRoom(cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	return r
}

// phone is one participant's browser: cookies kept, redirects not
// followed, so that each answer is seen.
type phone struct {
	t    testing.TB
	base string
	c    *http.Client
	csrf string
	// csrfOff sends forms without a CSRF token.
	csrfOff bool
}

var csrfField = regexp.MustCompile(`name="csrf" value="([^"]+)"`)

func newPhone(t testing.TB, r *Room) *phone {
	return &phone{t: t, base: strings.TrimSuffix(r.URL(), "/"), c: newPhoneClient()}
}

// newPhoneClient is a client with its own cookies that does not follow
// redirects.
func newPhoneClient() *http.Client {
	jar, _ := cookiejar.New(nil)
	return &http.Client{Jar: jar, Timeout: 30 * time.Second,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
}

// tryAnswer is answer that reports a failed connection instead of
// failing the test (the server may be gone).
func (p *phone) tryAnswer(n int, vals ...string) (status int, body string, ok bool) {
	form := url.Values{"n": {fmt.Sprint(n)}, "a": vals, "csrf": {p.csrf}}
	req, _ := http.NewRequest(http.MethodPost, p.base+"/answer", strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Requested-With", "fetch")
	res, err := p.c.Do(req)
	if err != nil {
		return 0, "", false
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, "", false
	}
	return res.StatusCode, string(b), true
}

// get returns the page's status and body, and remembers its CSRF token.
func (p *phone) get(path string) (int, string) {
	p.t.Helper()
	res, err := p.c.Get(p.base + path)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if m := csrfField.FindSubmatch(b); m != nil {
		p.csrf = string(m[1])
	}
	return res.StatusCode, string(b)
}

// post sends a form with the CSRF token unless form holds one; fetch
// marks it as the page's script does.
func (p *phone) post(path string, form url.Values, fetch bool) (int, string) {
	p.t.Helper()
	if _, ok := form["csrf"]; !ok && !p.csrfOff {
		form.Set("csrf", p.csrf)
	}
	req, _ := http.NewRequest(http.MethodPost, p.base+path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	if fetch {
		req.Header.Set("X-Requested-With", "fetch")
	}
	res, err := p.c.Do(req)
	if err != nil {
		p.t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// join signs in with the room code and a badge code ("" for the evaluation).
func (p *phone) join(room, badge string) int {
	p.t.Helper()
	if p.csrf == "" {
		p.get("/")
	}
	form := url.Values{"room": {room}}
	if badge != "" {
		form.Set("badge", badge)
	}
	code, _ := p.post("/join", form, false)
	return code
}

// answer saves the answer to question n (from 1) as the script does.
func (p *phone) answer(n int, vals ...string) (int, string) {
	p.t.Helper()
	return p.post("/answer", url.Values{"n": {fmt.Sprint(n)}, "a": vals}, true)
}
