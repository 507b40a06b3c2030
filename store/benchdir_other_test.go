//go:build !linux

package store

import "time"

// onTmpfs reports whether dir is on a RAM file system; only checked on Linux.
func onTmpfs(dir string) bool { return false }

// cpuTime is measured on Linux only.
func cpuTime() time.Duration { return 0 }
