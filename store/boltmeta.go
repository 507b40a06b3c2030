package store

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"slices"
)

// bbolt maps the file into memory: a page beyond the end of a truncated
// file is not a Go panic but a SIGBUS that kills the process. checkLength
// reads bbolt's two meta pages the way bbolt does and refuses a file
// shorter than the pages its newest valid meta page says it has.
//
// Layout of a meta page (bbolt 1.x, little-endian on every platform we
// build for): a 16-byte page header, then magic, version, page size, flags
// (4 bytes each), the root bucket (16), the freelist page (8), the high
// water mark pgid (8), the transaction ID (8) and an FNV-64a checksum of
// the meta fields before it (8).
const (
	boltMagic        = 0xED0CDAED
	boltMetaOffset   = 16
	boltMetaChecksum = boltMetaOffset + 56
	boltMetaEnd      = boltMetaChecksum + 8
)

type boltMetaPage struct {
	pageSize uint32
	root     uint64 // page of the root bucket
	freelist uint64 // page of the freelist, or noFreelist
	pgid     uint64
	txid     uint64
}

// notDataFile is the reason given for a file that is no bbolt file at all.
const notDataFile = "it is not a Workshop Desk data file"

// Page flags and the freelist marker, as bbolt writes them.
const (
	branchPage   = 0x01
	leafPage     = 0x02
	metaPage     = 0x04
	freelistPage = 0x10
	noFreelist   = ^uint64(0)
)

// checkLength returns a *DamagedError when the file is shorter than its
// meta pages require or its root or freelist page is not what the meta
// page says, and nil otherwise (including when no meta page is
// valid: bbolt itself then reports the file as invalid).
func checkLength(path string) error {
	f, err := os.Open(path)
	if err != nil {
		return nil // bbolt reports the real problem
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return nil
	}
	first := make([]byte, boltMetaEnd)
	if _, err := io.ReadFull(f, first); err != nil {
		return damaged(path, "it is too short to be a Workshop Desk data file")
	}
	var best *boltMetaPage
	m0, ok0 := parseBoltMetaPage(first)
	if ok0 {
		best = &m0
	}
	// The second meta page sits one page further; use the first page's
	// page size, or the usual 4096 when the first meta page is damaged.
	size := int64(4096)
	if ok0 {
		size = int64(m0.pageSize)
	}
	second := make([]byte, boltMetaEnd)
	if _, err := f.ReadAt(second, size); err == nil {
		if m1, ok := parseBoltMetaPage(second); ok && (best == nil || m1.txid > best.txid) {
			best = &m1
		}
	}
	if best == nil {
		if !hasMagic(first) && !hasMagic(second) {
			return damaged(path, notDataFile)
		}
		return damaged(path, "it is not a Workshop Desk data file, or both of its header pages are damaged")
	}
	if need := int64(best.pgid) * int64(best.pageSize); fi.Size() < need {
		return damaged(path, fmt.Sprintf("the file is cut short (%d bytes of the %d it should have)", fi.Size(), need))
	}
	// bbolt panics while opening when these pages are wrong, after taking
	// the file lock, which a panic would then never release.
	if !pageHas(f, best, best.root, branchPage, leafPage) {
		return damaged(path, "its root page is damaged")
	}
	if best.freelist != noFreelist && !freelistSound(f, best) {
		return damaged(path, "its free-page list is damaged")
	}
	return nil
}

// freshBolt reports whether the file at path is a bbolt file as bbolt
// creates it: two valid meta pages, and no page beyond them, the free-page
// list and an empty root page. (A file whose newest meta page is damaged
// may fall back to the empty first state of the database.)
func freshBolt(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	var pgid uint64
	for _, m := range metaPages(f) {
		if !m.parsed {
			return false // bbolt fell back to the other one: not as created
		}
		pgid = max(pgid, m.pgid)
	}
	return pgid > 0 && pgid <= 4
}

// readMeta is one of the two meta pages of a bbolt file as read from it.
type readMeta struct {
	boltMetaPage
	parsed bool // bbolt would use it: magic, version and checksum right
	whole  bool // parsed, and the page header names it meta page 0 or 1
}

// metaPages reads both meta pages of the bbolt file f; the second is read
// at the page size the first gives when it parses, else at 4096.
func metaPages(f *os.File) [2]readMeta {
	var out [2]readMeta
	size := int64(4096)
	for i := range out {
		page := make([]byte, boltMetaEnd)
		if _, err := f.ReadAt(page, int64(i)*size); err != nil {
			continue
		}
		m, ok := parseBoltMetaPage(page)
		if !ok {
			continue
		}
		if i == 0 {
			size = int64(m.pageSize)
		}
		le := binary.LittleEndian
		out[i] = readMeta{boltMetaPage: m, parsed: true,
			whole: le.Uint64(page[0:]) == uint64(i) && le.Uint16(page[8:]) == metaPage}
	}
	return out
}

// freelistSound reads the freelist page as bbolt does when it opens a file
// for writing: its element count (0xFFFF means the count is in the first
// element) must fit the page and its overflow, and every free page must
// lie inside the file.
func freelistSound(f *os.File, m *boltMetaPage) bool {
	if !pageHas(f, m, m.freelist, freelistPage) {
		return false
	}
	le := binary.LittleEndian
	hdr := make([]byte, 24)
	if _, err := f.ReadAt(hdr, int64(m.freelist)*int64(m.pageSize)); err != nil {
		return false
	}
	count, first := uint64(le.Uint16(hdr[10:])), int64(16)
	if count == 0xFFFF {
		count, first = le.Uint64(hdr[16:]), 24
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if m.freelist+overflow >= m.pgid {
		return false // bbolt's checker would count every page up to there
	}
	space := int64(overflow+1) * int64(m.pageSize) // the page and its overflow pages
	if count > uint64(space/8) || first+int64(count)*8 > space {
		return false
	}
	ids := make([]byte, count*8)
	if _, err := f.ReadAt(ids, int64(m.freelist)*int64(m.pageSize)+first); err != nil {
		return false
	}
	for i := 0; i < len(ids); i += 8 {
		if id := le.Uint64(ids[i:]); id < 2 || id >= m.pgid {
			return false
		}
	}
	return true
}

// pageHas reports whether page id lies inside the file and is of one of the
// types (bbolt compares a page's flags for equality).
func pageHas(f *os.File, m *boltMetaPage, id uint64, types ...uint16) bool {
	if id < 2 || id >= m.pgid {
		return false
	}
	hdr := make([]byte, 16)
	if _, err := f.ReadAt(hdr, int64(id)*int64(m.pageSize)); err != nil {
		return false
	}
	return slices.Contains(types, binary.LittleEndian.Uint16(hdr[8:]))
}

// hasMagic reports whether a would-be meta page carries bbolt's magic number.
func hasMagic(page []byte) bool {
	return len(page) >= boltMetaOffset+4 && binary.LittleEndian.Uint32(page[boltMetaOffset:]) == boltMagic
}

// headerPagesProblem describes damage to the pages that bbolt's own
// consistency check (tx.Check) reads in a goroutine of its own, where a
// panic on a damaged page could not be recovered: the meta pages and the
// free-page list. It returns "" when they are sound, and skip when
// tx.Check must not run (a file without a stored free-page list, which
// tx.Check would rebuild by reading every page in that goroutine).
//
// One damaged meta page is not damage: bbolt keeps two so that a write of
// one torn by a power cut leaves the other, and the file as of the
// transaction before (the torn one was never acknowledged). bbolt opens
// the file at the sound one and the next change rewrites the torn one.
// Refusing writes there would send the facilitator to an older backup
// for nothing. Only both damaged is a problem; with one, tx.Check (which
// asserts on both pages) must not run.
func headerPagesProblem(path string) (problem string, skip bool) {
	f, err := os.Open(path)
	if err != nil {
		return "the file cannot be read: " + err.Error(), true
	}
	defer f.Close()
	var best *boltMetaPage
	torn := false
	for _, m := range metaPages(f) {
		if !m.whole {
			torn = true
			continue
		}
		if best == nil || m.txid > best.txid {
			best = &m.boltMetaPage
		}
	}
	if best == nil {
		return "both header pages of the file are damaged", true
	}
	if best.freelist == noFreelist {
		return "", true
	}
	hdr := make([]byte, 16)
	if _, err := f.ReadAt(hdr, int64(best.freelist)*int64(best.pageSize)); err != nil ||
		binary.LittleEndian.Uint64(hdr) != best.freelist || !freelistSound(f, best) {
		return "the list of free pages is damaged", true
	}
	return "", torn
}

func parseBoltMetaPage(page []byte) (boltMetaPage, bool) {
	le := binary.LittleEndian
	m := page[boltMetaOffset:]
	if le.Uint32(m[0:]) != boltMagic {
		return boltMetaPage{}, false
	}
	h := fnv.New64a()
	h.Write(page[boltMetaOffset:boltMetaChecksum])
	if h.Sum64() != le.Uint64(page[boltMetaChecksum:]) {
		return boltMetaPage{}, false
	}
	meta := boltMetaPage{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		pgid: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	if meta.pageSize < 512 || meta.pageSize > 1<<16 {
		return boltMetaPage{}, false
	}
	return meta, true
}
