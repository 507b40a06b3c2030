package store

import "syscall"

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
