//go:build !windows

package store

// initialMmapSize is how much of the data file bbolt maps into memory from
// the start. Mapping more than the file holds costs only address space
// here, and it spares the remapping bbolt does each time a transaction
// outgrows the map, which copies every record the transaction has written
// (an import of 50,000 people remapped eleven times).
const initialMmapSize = 256 << 20
