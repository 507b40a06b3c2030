//go:build windows

package store

// initialMmapSize is 0 on Windows, where bbolt grows the file to the size
// it maps: a larger first mapping would make every data file 256 MB.
const initialMmapSize = 0
