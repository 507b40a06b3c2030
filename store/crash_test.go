package store

import (
	"bufio"
	"bytes"
	"io"
	"math/rand/v2"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// buildCrashChild builds ./internal/crashchild into a temporary folder.
func buildCrashChild(t *testing.T) string {
	t.Helper()
	goBin, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the crash tests build a helper program and need the go command: %v", err)
	}
	bin := filepath.Join(t.TempDir(), "crashchild")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	cmd := exec.Command(goBin, "build", "-o", bin, "./internal/crashchild")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./internal/crashchild: %v\n%s", err, out)
	}
	return bin
}

// child is a running crashchild whose complete stdout lines arrive on lines.
type child struct {
	cmd    *exec.Cmd
	lines  chan string
	stderr *bytes.Buffer
}

func startChild(t *testing.T, bin, mode, path string, stdin io.Reader) *child {
	t.Helper()
	cmd := exec.Command(bin, mode, path)
	cmd.Stdin = stdin
	c := &child{cmd: cmd, lines: make(chan string, 1024), stderr: &bytes.Buffer{}}
	cmd.Stderr = c.stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
	})
	go func() {
		defer close(c.lines)
		r := bufio.NewReader(out)
		for {
			line, err := r.ReadString('\n')
			if err != nil {
				return // a line cut short by the kill was never complete
			}
			c.lines <- strings.TrimSuffix(line, "\n")
		}
	}()
	return c
}

// waitReady waits for the child's "ready" line.
func (c *child) waitReady(t *testing.T) {
	t.Helper()
	select {
	case line, ok := <-c.lines:
		if !ok || line != "ready" {
			c.cmd.Wait()
			t.Fatalf("crashchild said %q instead of ready (stderr: %s)", line, c.stderr)
		}
	case <-time.After(30 * time.Second):
		t.Fatalf("crashchild not ready after 30s (stderr: %s)", c.stderr)
	}
}

func nextStatus(st Status) Status {
	for i, v := range Statuses {
		if v == st {
			return Statuses[(i+1)%len(Statuses)]
		}
	}
	return Statuses[0]
}

// TestCrashKeepsCommittedWrites kills a writing process at a random moment,
// five times over on the same file: every write it reported as committed
// must be in the file, and the file must pass Check.
func TestCrashKeepsCommittedWrites(t *testing.T) {
	bin := buildCrashChild(t)
	path := filepath.Join(t.TempDir(), "workshops.db")
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d", seed)
	rng := rand.New(rand.NewPCG(seed, seed>>7))

	committed := map[uuid.UUID]Status{}
	var anchorLast Status
	anchorWrites := 0
	for round := range 5 {
		c := startChild(t, bin, "write", path, nil)
		c.waitReady(t)
		delay := 50*time.Millisecond + time.Duration(rng.Int64N(int64(350*time.Millisecond)))
		timer := time.After(delay)
		var lines []string
	collect:
		for {
			select {
			case line, ok := <-c.lines:
				if !ok {
					t.Fatalf("round %d: crashchild stopped by itself: %v", round, c.stderr)
				}
				lines = append(lines, line)
			case <-timer:
				break collect
			}
		}
		if err := c.cmd.Process.Kill(); err != nil {
			t.Fatal(err)
		}
		for line := range c.lines { // printed before it died
			lines = append(lines, line)
		}
		c.cmd.Wait()

		for _, line := range lines {
			f := strings.Fields(line)
			switch {
			case len(f) == 3 && f[0] == "P":
				committed[uuid.MustParse(f[1])] = Status(f[2])
			case len(f) == 2 && f[0] == "A":
				anchorLast = Status(f[1])
				anchorWrites++
			default:
				t.Fatalf("round %d: unexpected line %q", round, line)
			}
		}
		t.Logf("round %d: killed after %v, %d lines", round, delay, len(lines))

		s, err := Open(path, Options{NoAutoBackup: true, Timeout: 5 * time.Second})
		if err != nil {
			t.Fatalf("round %d: reopen after the kill: %v", round, err)
		}
		w, err := s.FindWorkshop("crash-test")
		if err != nil {
			t.Fatal(err)
		}
		sessions, err := s.Sessions(w.ID)
		if err != nil || len(sessions) != 1 {
			t.Fatalf("sessions: %v, %v", sessions, err)
		}
		se := sessions[0]
		for id, st := range committed {
			if _, err := s.Participant(id); err != nil {
				t.Errorf("round %d: committed participant %s is missing: %v", round, id, err)
				continue
			}
			a, err := s.Attendance(se.ID, id)
			if err != nil || a.Status != st {
				t.Errorf("round %d: committed attendance of %s = %q, %v; want %s", round, id, a.Status, err, st)
			}
		}
		anchor, err := s.ParticipantByBadge(w.ID, "ANCHR")
		if err != nil {
			t.Fatal(err)
		}
		if anchorWrites > 0 {
			a, err := s.Attendance(se.ID, anchor.ID)
			if err != nil || (a.Status != anchorLast && a.Status != nextStatus(anchorLast)) {
				t.Errorf("round %d: anchor status %q, %v; last committed %s (or the next, %s, written but not reported)",
					round, a.Status, err, anchorLast, nextStatus(anchorLast))
			}
			hist, err := s.AttendanceHistory(se.ID, anchor.ID)
			if err != nil || len(hist) < anchorWrites || len(hist) > anchorWrites+round+1 {
				t.Errorf("round %d: anchor history has %d versions (%v); %d reported, at most one more per round",
					round, len(hist), err, anchorWrites)
			}
		}
		people, err := s.Participants(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		// Beyond the anchor and the reported ones, at most one participant
		// per round was committed and not reported.
		if extra := len(people) - 1 - len(committed); extra < 0 || extra > round+1 {
			t.Errorf("round %d: %d participants stored, %d reported", round, len(people)-1, len(committed))
		}
		mustCheck(t, s)
		if err := s.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if len(committed) == 0 {
		t.Fatal("the child reported no committed write in five rounds")
	}
	t.Logf("%d committed participants checked", len(committed))
}

func TestSecondOpenInAnotherProcessIsLocked(t *testing.T) {
	bin := buildCrashChild(t)
	path := filepath.Join(t.TempDir(), "workshops.db")
	stdin, release := io.Pipe()
	c := startChild(t, bin, "hold", path, stdin)
	c.waitReady(t)

	start := time.Now()
	s, err := Open(path, Options{NoAutoBackup: true, Timeout: 500 * time.Millisecond})
	elapsed := time.Since(start)
	if err == nil {
		s.Close()
	}
	assertLocked(t, err, elapsed)

	// Once the other process closes the file, it opens.
	release.Close()
	if err := c.cmd.Wait(); err != nil {
		t.Fatalf("crashchild hold: %v (%s)", err, c.stderr)
	}
	s = openAt(t, path, Options{NoAutoBackup: true, Timeout: 2 * time.Second})
	if _, err := s.Workshops(); err != nil {
		t.Error(err)
	}
}
