//go:build !windows

package store

// initialMmapSize is how much of the data file bbolt maps when it opens
// it. Each time a write transaction outgrows the mapping, bbolt maps the
// file again and first copies every page the transaction has touched
// onto the heap: importing 50,000 people into a new file remapped eleven
// times and allocated 1.2 GB, 0.8 GB of it those copies. Mapping 256 MB
// from the start (address space, not memory: only pages read are loaded)
// removes them. The file itself still grows as data is written, by
// bbolt's 16 MB steps.
const initialMmapSize = 256 << 20
