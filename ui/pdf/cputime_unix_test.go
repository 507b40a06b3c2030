//go:build unix

package pdf

import (
	"syscall"
	"time"
)

// cpuTime is the processor time the process has used (user and system),
// a fairer measure than the clock on a machine shared with other work.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
