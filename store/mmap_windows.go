package store

// initialMmapSize is 0 on Windows: there bbolt makes the file as large as
// its map, so a larger map would be a larger file on disk.
const initialMmapSize = 0
