package web

import (
	"bufio"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// noSheet fails when participant i of d has answers stored.
func (d *roomData) noSheet(t *testing.T, i int) {
	t.Helper()
	if a, ok, _ := d.st.Sheet(d.pre.ID, d.ps[i].ID); ok {
		t.Errorf("answers were stored: %v", a.Responses)
	}
}

func TestHostileRoomOversizedBody(t *testing.T) {
	d := newRoomData(t, 1, 5)
	r := d.open(t, true, false)
	p := newPhone(t, r)
	p.join(r.Code(), "BADGE001")
	code, _ := p.answer(4, strings.Repeat("x", 2<<20))
	if code != http.StatusRequestEntityTooLarge {
		t.Errorf("a 2 MB answer: %d", code)
	}
	d.noSheet(t, 0)
	// A header block past the limit is cut short too.
	req, _ := http.NewRequest(http.MethodGet, r.URL(), nil)
	req.Header.Set("X-Big", strings.Repeat("y", 64<<10))
	if res, err := http.DefaultClient.Do(req); err == nil {
		res.Body.Close()
		if res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("64 KB of headers: %d", res.StatusCode)
		}
	}
}

func TestHostileRoomBadUTF8(t *testing.T) {
	d := newRoomData(t, 1, 5)
	r := d.open(t, true, false)
	p := newPhone(t, r)
	p.join(r.Code(), "BADGE001")
	if code, _ := p.answer(4, "GF\xffMD"); code != http.StatusBadRequest {
		t.Errorf("bad UTF-8 in an answer: %d", code)
	}
	if code, _ := p.answer(4, "GF\x00MD"); code != http.StatusBadRequest {
		t.Errorf("a NUL in an answer: %d", code)
	}
	if code, _ := p.answer(2, "Z"); code != http.StatusBadRequest {
		t.Errorf("an option that does not exist: %d", code)
	}
	if code, _ := p.answer(99, "T"); code != http.StatusBadRequest {
		t.Errorf("a question that does not exist: %d", code)
	}
	d.noSheet(t, 0)
}

// TestHostileRoomScriptInAnswers: what a participant types comes back as
// text, never as markup, and the pages allow no inline script.
func TestHostileRoomScriptInAnswers(t *testing.T) {
	d := newRoomData(t, 1, 5)
	r := d.open(t, true, false)
	p := newPhone(t, r)
	p.join(r.Code(), "BADGE001")
	evil := `"><script>alert(1)</script><img src=x onerror=alert(2)>`
	if code, body := p.answer(4, evil); code != 200 {
		t.Fatalf("saving the text: %d %s", code, body)
	}
	res, err := p.c.Get(r.URL() + "test")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	var b strings.Builder
	bufio.NewReader(res.Body).WriteTo(&b)
	body := b.String()
	if strings.Contains(body, "<script>alert") || strings.Contains(body, "<img src=x") || !strings.Contains(body, "&lt;script&gt;alert(1)") {
		t.Errorf("the answer is not escaped:\n%s", body)
	}
	csp := res.Header.Get("Content-Security-Policy")
	for _, want := range []string{"default-src 'none'", "script-src 'self'", "frame-ancestors 'none'", "form-action 'self'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("CSP %q lacks %q", csp, want)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || res.Header.Get("X-Content-Type-Options") != "nosniff" {
		t.Errorf("headers %v", res.Header)
	}
	if strings.Contains(body, "<script>") || strings.Contains(body, " style=") || strings.Contains(body, " onclick") {
		t.Error("the page holds inline script or style, which the CSP forbids")
	}
	// In the evaluation too.
	de := newRoomData(t, 0, 0)
	re := de.open(t, false, false)
	pe := newPhone(t, re)
	pe.join(re.Code(), "")
	pe.get("/eval")
	if code, body := pe.post("/eval", url.Values{"i12": {evil}}, false); code != 200 || strings.Contains(body, "<script>alert") {
		t.Errorf("evaluation comment: %d", code)
	}
}

func TestHostileRoomCSRFMissing(t *testing.T) {
	d := newRoomData(t, 2, 5)
	r := d.open(t, true, false)
	p := newPhone(t, r)
	p.join(r.Code(), "BADGE001")
	for name, token := range map[string]string{"missing": "-", "empty": "", "forged": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"} {
		form := url.Values{"n": {"1"}, "a": {"T"}, "csrf": {token}}
		if token == "-" {
			form = url.Values{"n": {"1"}, "a": {"T"}, "csrf2": {p.csrf}}
			p.csrfOff = true
		}
		code, _ := p.post("/answer", form, true)
		p.csrfOff = false
		if code != http.StatusForbidden {
			t.Errorf("%s token: %d", name, code)
		}
	}
	// Another phone's token does not work with this phone's cookie.
	other := newPhone(t, r)
	other.get("/")
	form := url.Values{"n": {"1"}, "a": {"T"}, "csrf": {other.csrf}}
	if code, _ := p.post("/answer", form, true); code != http.StatusForbidden {
		t.Errorf("another phone's token: %d", code)
	}
	// A page posted from elsewhere has no cookie at all.
	res, err := http.PostForm(r.URL()+"join", url.Values{"room": {r.Code()}, "badge": {"BADGE002"}, "csrf": {p.csrf}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusForbidden {
		t.Errorf("a cross-site sign-in: %d", res.StatusCode)
	}
	d.noSheet(t, 0)
}

func TestHostileRoomWrongRoomCode(t *testing.T) {
	d := newRoomData(t, 1, 2)
	r := d.open(t, true, false)
	p := newPhone(t, r)
	if code := p.join("AAAAAA", "BADGE001"); code != http.StatusForbidden {
		t.Errorf("wrong room code: %d", code)
	}
	if code := p.join(r.Code(), "NOBODY"); code != http.StatusForbidden {
		t.Errorf("wrong badge code: %d", code)
	}
	if code := p.join(r.Code(), ""); code != http.StatusForbidden {
		t.Errorf("no badge code: %d", code)
	}
	if code, _ := p.get("/test"); code != http.StatusSeeOther {
		t.Errorf("the test page without signing in: %d", code)
	}
	if code, _ := p.answer(1, "T"); code != http.StatusForbidden {
		t.Errorf("an answer without signing in: %d", code)
	}
	d.noSheet(t, 0)
	// The evaluation also wants the room code.
	de := newRoomData(t, 0, 0)
	re := de.open(t, false, false)
	pe := newPhone(t, re)
	pe.get("/")
	if code, _ := pe.post("/eval", url.Values{"i1": {"5"}}, false); code != http.StatusForbidden {
		t.Errorf("an evaluation without the room code: %d", code)
	}
	if _, list, _ := de.st.Evaluation(de.w.ID); len(list) != 0 {
		t.Error("an evaluation was recorded without the room code")
	}
}

// TestHostileRoomRateLimit: after 10 wrong codes in a minute a phone is
// made to wait, even with the right code; a minute later it may try
// again; other phones are not held up.
func TestHostileRoomRateLimit(t *testing.T) {
	d := newRoomData(t, 2, 2)
	var mu sync.Mutex
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	r, err := OpenRoom(RoomConfig{Store: d.st, WorkshopID: d.w.ID, Listen: "127.0.0.1:0", Test: &store.QuizKey{Kind: store.PreTest}, Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	p := newPhone(t, r)
	for i := range 10 {
		if code := p.join(r.Code(), "WRONG"+string(rune('A'+i))); code != http.StatusForbidden {
			t.Fatalf("guess %d: %d", i+1, code)
		}
	}
	if code := p.join(r.Code(), "BADGE001"); code != http.StatusTooManyRequests {
		t.Errorf("the 11th try within a minute: %d", code)
	}
	mu.Lock()
	now = now.Add(61 * time.Second)
	mu.Unlock()
	if code := p.join(r.Code(), "BADGE001"); code != http.StatusSeeOther {
		t.Errorf("a minute later, the right codes: %d", code)
	}
	_ = d.ps
}

// TestHostileRoomAnotherParticipantsAnswers: a participant reads and
// changes only their own answers, whatever they send; no page lists
// participants.
func TestHostileRoomAnotherParticipantsAnswers(t *testing.T) {
	d := newRoomData(t, 2, 5)
	r := d.open(t, true, false)
	a, b := newPhone(t, r), newPhone(t, r)
	a.join(r.Code(), "BADGE001")
	b.join(r.Code(), "BADGE002")
	a.answer(4, "secret answer of A")
	// B names A in every way a form could.
	form := url.Values{"n": {"4"}, "a": {"B was here"}, "participant": {d.ps[0].ID.String()}, "p": {d.ps[0].ID.String()}, "badge": {"BADGE001"}}
	if code, _ := b.post("/answer?participant="+d.ps[0].ID.String(), form, true); code != 200 {
		t.Fatalf("B's answer: %d", code)
	}
	sa, _, _ := d.st.Sheet(d.pre.ID, d.ps[0].ID)
	sb, _, _ := d.st.Sheet(d.pre.ID, d.ps[1].ID)
	if sa.Responses[d.pre.QuestionIDs[3]] != "secret answer of A" || sb.Responses[d.pre.QuestionIDs[3]] != "B was here" {
		t.Errorf("A %v, B %v", sa.Responses, sb.Responses)
	}
	_, body := b.get("/test?participant=" + d.ps[0].ID.String())
	if strings.Contains(body, "secret answer of A") || strings.Contains(body, "Person1") || !strings.Contains(body, "Person2") {
		t.Errorf("B's page shows A:\n%s", body)
	}
	for _, path := range []string{"/participants", "/admin", "/results", "/sheets", "/../", "/test/../participants", "/debug/pprof/"} {
		if code, body := b.get(path); code != http.StatusNotFound && code != http.StatusMovedPermanently && code != http.StatusOK || strings.Contains(body, "Person1") {
			t.Errorf("%s: %d", path, code)
		}
	}
	if code, _ := b.get("/anything"); code != http.StatusNotFound {
		t.Errorf("an unknown page: %d", code)
	}
	req, _ := http.NewRequest(http.MethodPut, r.URL()+"answer", nil)
	if res, err := http.DefaultClient.Do(req); err != nil || res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("PUT: %v %v", res, err)
	}
}

// TestHostileRoomEvaluationValues: values that are no answer to their
// item are refused and nothing is recorded.
func TestHostileRoomEvaluationValues(t *testing.T) {
	d := newRoomData(t, 0, 0)
	r := d.open(t, false, false)
	p := newPhone(t, r)
	p.join(r.Code(), "")
	p.get("/eval")
	for _, form := range []url.Values{{"i1": {"9"}}, {"i1": {"x"}}, {"i1": {"1", "2"}}, {"i9": {"na"}}, {"i12": {strings.Repeat("é", 5000)}}} {
		if code, _ := p.post("/eval", form, false); code != http.StatusBadRequest {
			t.Errorf("%v: %d", form, code)
		}
	}
	if _, list, _ := d.st.Evaluation(d.w.ID); len(list) != 0 {
		t.Errorf("%d evaluations recorded", len(list))
	}
}

// TestHostileRoomSlowClient: a client that opens a connection and sends
// nothing is cut off after the header time limit; others are served
// meanwhile.
func TestHostileRoomSlowClient(t *testing.T) {
	d := newRoomData(t, 1, 1)
	r := d.open(t, true, false)
	if r.srv.ReadHeaderTimeout == 0 || r.srv.ReadTimeout == 0 || r.srv.WriteTimeout == 0 || r.srv.MaxHeaderBytes == 0 {
		t.Fatalf("server without limits: %+v", r.srv)
	}
	conn, err := net.Dial("tcp", strings.TrimSuffix(strings.TrimPrefix(r.URL(), "http://"), "/"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.Write([]byte("GET / HTTP/1.1\r\nHost: x\r\n")) // and never the end of the headers
	if code, _ := newPhone(t, r).get("/"); code != 200 {
		t.Errorf("another phone meanwhile: %d", code)
	}
	conn.SetReadDeadline(time.Now().Add(readHeaderTimeout + 5*time.Second))
	start := time.Now()
	buf := make([]byte, 512)
	for {
		if _, err := conn.Read(buf); err != nil {
			if ne, ok := err.(net.Error); ok && ne.Timeout() {
				t.Fatalf("the slow client still holds its connection after %s", time.Since(start))
			}
			break
		}
	}
}
