//go:build !linux

package store

// onTmpfs reports whether dir is on a RAM file system; only checked on Linux.
func onTmpfs(dir string) bool { return false }
