package store

import (
	"syscall"
	"time"
)

// onTmpfs reports whether dir is on a RAM file system, where fsync costs
// nothing and a benchmark of committed writes would mislead.
func onTmpfs(dir string) bool {
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		return false
	}
	const tmpfsMagic = 0x01021994
	return st.Type == tmpfsMagic
}

// cpuTime returns the processor time this process has used, all threads
// together: on a machine shared with other work it measures the work done
// more steadily than the wall clock.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
