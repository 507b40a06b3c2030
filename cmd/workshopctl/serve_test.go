package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// lockedBuffer is a buffer written by the command while the test reads it.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestServeUntilCtrlC: serve prints the address and the room code, a phone
// signs in with them and a badge code and saves an answer (in the data
// file at once), the name shows in the output, and Ctrl+C (SIGINT) ends
// the command cleanly with the data file closed.
func TestServeUntilCtrlC(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Ctrl+C cannot be sent to the own process on Windows")
	}
	data := demoFile(t)
	people := decode[[]map[string]any](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo"))
	badge, _ := people[0]["badge_code"].(string)
	var stdout, stderr lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"--data", data, "serve", "--workshop", "demo", "--open", "pre", "--listen", "127.0.0.1:0"}, &stdout, &stderr)
	}()
	var addr, code string
	re := regexp.MustCompile(`Address:\s+(\S+)\nRoom code: (\S+)`)
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if m := re.FindStringSubmatch(stdout.String()); m != nil {
			addr, code = m[1], m[2]
			break
		}
	}
	if addr == "" {
		t.Fatalf("no address printed:\n%s\n%s", stdout.String(), stderr.String())
	}
	if !strings.HasPrefix(addr, "http://127.0.0.1:") || !strings.Contains(stdout.String(), "?r="+code) {
		t.Errorf("output:\n%s", stdout.String())
	}

	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	page := func(res *http.Response, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		b, _ := io.ReadAll(res.Body)
		return string(b)
	}
	csrf := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindStringSubmatch(page(client.Get(addr)))
	if csrf == nil {
		t.Fatal("no form on the landing page")
	}
	if res, err := client.PostForm(addr+"join", url.Values{"csrf": {csrf[1]}, "room": {code}, "badge": {badge}}); err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("join: %v %v", res, err)
	}
	req, _ := http.NewRequest(http.MethodPost, addr+"answer", strings.NewReader(url.Values{"csrf": {csrf[1]}, "n": {"1"}, "a": {"T"}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Requested-With", "fetch")
	if body := page(client.Do(req)); body != "Saved" {
		t.Fatalf("answer: %q", body)
	}
	for deadline := time.Now().Add(5 * time.Second); time.Now().Before(deadline) && !strings.Contains(stdout.String(), "answering: "); {
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(stdout.String(), "answering: ") {
		t.Errorf("the name of who answers is not printed:\n%s", stdout.String())
	}

	p, _ := os.FindProcess(os.Getpid())
	if err := p.Signal(os.Interrupt); err != nil {
		t.Fatal(err)
	}
	select {
	case status := <-done:
		if status != exitOK || stderr.String() != "" {
			t.Fatalf("after Ctrl+C: status %d\n%s", status, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("serve did not end on Ctrl+C")
	}
	if !strings.Contains(stdout.String(), "Closed: 1 answered") {
		t.Errorf("no closing line:\n%s", stdout.String())
	}
	if _, err := http.Get(addr); err == nil {
		t.Error("the server still answers after Ctrl+C")
	}
	st, err := store.Open(data, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatalf("the data file after serve: %v", err)
	}
	defer st.Close()
	ws, _ := st.Workshops()
	z, err := st.FindQuiz(ws[0].ID, store.QuizKey{Kind: store.PreTest})
	if err != nil {
		t.Fatal(err)
	}
	sheets, _ := st.Sheets(z.ID)
	found := false
	for _, a := range sheets {
		if a.Source == "phone" && a.Responses[z.QuestionIDs[0]] == "T" {
			found = true
		}
	}
	if !found {
		t.Error("the answer given on the phone is not in the data file")
	}
}

// TestServeRefusesAllInterfaces: an address without a host is refused,
// and so is something that is neither a test nor the evaluation.
func TestServeRefusesAllInterfaces(t *testing.T) {
	data := demoFile(t)
	msg := wantFailure(t, runCLI(t, "--data", data, "serve", "--workshop", "demo", "--open", "pre", "--listen", ":8080"))
	if !strings.Contains(msg, "names no interface") {
		t.Errorf("message %q", msg)
	}
	if r := runCLI(t, "--data", data, "serve", "--workshop", "demo", "--open", "lunch", "--listen", "127.0.0.1:0"); r.code != exitUsage {
		t.Errorf("--open lunch: %s", r)
	}
}
