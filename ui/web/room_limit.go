package web

import (
	"sync"
	"time"
)

// wrongCodesPerMinute is how many wrong room or badge codes one client may
// give in a minute before it is made to wait.
const wrongCodesPerMinute = 10

// limiter counts failures per client over a sliding window.
type limiter struct {
	mu     sync.Mutex
	max    int
	window time.Duration
	fails  map[string][]time.Time
}

func newLimiter(max int, window time.Duration) *limiter {
	return &limiter{max: max, window: window, fails: map[string][]time.Time{}}
}

// blocked reports whether client has failed max times within the window.
func (l *limiter) blocked(client string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.recent(client, now)) >= l.max
}

// fail counts a failure of client.
func (l *limiter) fail(client string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.fails[client] = append(l.recent(client, now), now)
}

// recent drops client's failures older than the window and returns the rest.
func (l *limiter) recent(client string, now time.Time) []time.Time {
	list := l.fails[client]
	i := 0
	for i < len(list) && now.Sub(list[i]) >= l.window {
		i++
	}
	list = list[i:]
	if len(list) == 0 {
		delete(l.fails, client)
		return nil
	}
	l.fails[client] = list
	return list
}
