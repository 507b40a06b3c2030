package web

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// crashChildEnv, when set to a data file, makes TestRoomCrashChild serve
// the file's pre-test until it is killed.
const crashChildEnv = "WORKSHOPDESK_ROOM_CRASH_CHILD"

// TestRoomCrashChild is the serving process of TestRoomKill9LosesNoSavedAnswer;
// on its own it does nothing.
func TestRoomCrashChild(t *testing.T) {
	path := os.Getenv(crashChildEnv)
	if path == "" {
		t.Skip("only run as the child of TestRoomKill9LosesNoSavedAnswer")
	}
	st, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	ws, err := st.Workshops()
	if err != nil || len(ws) != 1 {
		fmt.Println("ERROR workshops", err)
		os.Exit(1)
	}
	r, err := OpenRoom(RoomConfig{Store: st, WorkshopID: ws[0].ID, Listen: "127.0.0.1:0", Test: &store.QuizKey{Kind: store.PreTest}})
	if err != nil {
		fmt.Println("ERROR", err)
		os.Exit(1)
	}
	fmt.Printf("ROOM %s %s\n", r.URL(), r.Code())
	select {} // until killed
}

// TestRoomKill9LosesNoSavedAnswer: phones answer a test while the serving
// process is killed with SIGKILL; every answer a phone was told was saved
// is in the data file afterwards.
func TestRoomKill9LosesNoSavedAnswer(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	path := filepath.Join(t.TempDir(), "crash.db")
	st, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	d := fillRoomData(t, st, path, 8, 20)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	for round := range 3 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestRoomCrashChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), crashChildEnv+"="+path)
		out, _ := cmd.StdoutPipe()
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, err := bufio.NewReader(out).ReadString('\n')
		f := strings.Fields(line)
		if err != nil || len(f) != 3 || f[0] != "ROOM" {
			cmd.Process.Kill()
			cmd.Wait()
			t.Fatalf("child said %q (%v)\n%s", line, err, stderr.String())
		}
		base, code := f[1], f[2]

		// Each phone answers questions one after another, each with a
		// value of this round, until the process dies.
		type ack struct{ participant, question int }
		var mu sync.Mutex
		var acks []ack
		var wg sync.WaitGroup
		for i := range d.ps {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := &phone{t: t, base: strings.TrimSuffix(base, "/")}
				p.c = newPhoneClient()
				if p.join(code, d.badges[i]) != 303 {
					return
				}
				for n := 1; ; n = n%20 + 1 {
					status, body, ok := p.tryAnswer(n, crashAnswer(round, n))
					if !ok {
						return
					}
					if status == 200 && body == "Saved" {
						mu.Lock()
						acks = append(acks, ack{i, n})
						mu.Unlock()
					}
				}
			}()
		}
		// The kill comes after a number of acknowledged answers, not after a
		// fixed time: on a busy machine a fixed time saw only two answers.
		want := 20 + round*40
		for deadline := time.Now().Add(60 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
			mu.Lock()
			n := len(acks)
			mu.Unlock()
			if n >= want {
				break
			}
		}
		cmd.Process.Kill() // SIGKILL on Unix
		cmd.Wait()
		wg.Wait()

		st, err := store.Open(path, store.Options{NoAutoBackup: true})
		if err != nil {
			t.Fatalf("round %d: reopening after kill -9: %v", round, err)
		}
		sheets, err := st.Sheets(d.pre.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(acks) < 20 {
			t.Errorf("round %d: only %d answers were saved before the kill; the test proves little", round, len(acks))
		}
		for _, a := range acks {
			sh := sheets[d.ps[a.participant].ID]
			if got := sh.Responses[d.pre.QuestionIDs[a.question-1]]; got != crashAnswer(round, a.question) {
				t.Errorf("round %d: participant %d question %d was said to be saved, the file holds %q", round, a.participant+1, a.question, got)
			}
		}
		if problems, err := st.Check(); err != nil || len(problems) > 0 {
			t.Errorf("round %d: the file after kill -9: %v %v", round, problems, err)
		}
		st.Close()
		t.Logf("round %d: %d answers acknowledged, all found after kill -9", round, len(acks))
	}
}

// crashAnswer is the answer given to question n (from 1) in round: each
// round changes every answer, so that an old one cannot pass for a new one.
func crashAnswer(round, n int) string {
	switch (n - 1) % 5 {
	case 0:
		return []string{"T", "F", "T"}[round]
	case 1:
		return []string{"A", "B", "C"}[round]
	case 2:
		return []string{"A", "B", "AB"}[round]
	case 3:
		return fmt.Sprintf("round %d answer %d", round, n)
	}
	return fmt.Sprint(1990 + round)
}
