package store

import (
	"encoding/binary"
	"fmt"
	"io"
	"os"
)

// rawPagesProblem walks the trees of the bbolt file at path from the valid
// meta page of transaction txid (the one a read transaction sees) the way
// bbolt will, reading the file itself: every page
// must lie inside the file, identify itself by its own number, be a branch
// or leaf page, hold its elements inside its bounds and be reached once.
// It returns "" or what is wrong. bbolt trusts all of this; a page that
// breaks it can make bbolt read outside its memory or recurse forever, in
// its own checker's goroutine where no recover reaches.
// A meta page since overwritten by two newer commits of this process
// cannot be found again: the walk is then skipped.
func rawPagesProblem(path string, txid int) string {
	f, err := os.Open(path)
	if err != nil {
		return "the file cannot be read: " + err.Error()
	}
	defer f.Close()
	m, ok := metaOf(f, uint64(txid))
	if !ok {
		return ""
	}
	w := rawWalker{f: f, m: m, seen: map[uint64]bool{}}
	// One read of the whole file is far faster than one per page; a very
	// big file is read page by page instead.
	if fi, err := f.Stat(); err == nil && fi.Size() <= 64<<20 {
		// Only the pages in use: bbolt grows the file well ahead of them.
		data := make([]byte, min(fi.Size(), int64(m.pgid)*int64(m.pageSize)))
		if _, err := io.ReadFull(f, data); err == nil {
			w.data = data
		}
	}
	return w.page(m.root, 0)
}

// openPagesProblem is rawPagesProblem for the newest transaction, the one
// bbolt opens the file at.
func openPagesProblem(path string) string {
	f, err := os.Open(path)
	if err != nil {
		return "" // bbolt reports the real problem
	}
	m, ok := newestMeta(f)
	f.Close()
	if !ok {
		return ""
	}
	return rawPagesProblem(path, int(m.txid))
}

// newestMeta returns the valid meta page of the newest transaction, the one
// bbolt opens the file at.
func newestMeta(f *os.File) (boltMetaPage, bool) {
	var best boltMetaPage
	found := false
	for _, m := range metaPages(f) {
		if m.parsed && (!found || m.txid > best.txid) {
			best, found = m.boltMetaPage, true
		}
	}
	return best, found
}

// metaOf returns the valid meta page of transaction txid.
func metaOf(f *os.File, txid uint64) (boltMetaPage, bool) {
	for _, m := range metaPages(f) {
		if m.parsed && m.txid == txid {
			return m.boltMetaPage, true
		}
	}
	return boltMetaPage{}, false
}

type rawWalker struct {
	f    *os.File
	data []byte // the whole file, when it was read at once
	m    boltMetaPage
	seen map[uint64]bool
}

// read returns n bytes of the file at off, or false.
func (w *rawWalker) read(off, n int64) ([]byte, bool) {
	if w.data != nil {
		if off < 0 || off+n > int64(len(w.data)) {
			return nil, false
		}
		return w.data[off : off+n], true
	}
	buf := make([]byte, n)
	_, err := w.f.ReadAt(buf, off)
	return buf, err == nil
}

// maxDepth bounds the nesting of pages and buckets: far beyond any real
// file, short of a stack overflow.
const maxDepth = 256

func (w *rawWalker) page(id uint64, depth int) string {
	le := binary.LittleEndian
	switch {
	case depth > maxDepth:
		return fmt.Sprintf("page %d: the tree is nested too deep", id)
	case id < 2 || id >= w.m.pgid:
		return fmt.Sprintf("a page number (%d) points outside the file", id)
	case w.seen[id]:
		return fmt.Sprintf("page %d is reached twice", id)
	}
	w.seen[id] = true
	hdr, ok := w.read(int64(id)*int64(w.m.pageSize), 16)
	if !ok {
		return fmt.Sprintf("page %d cannot be read", id)
	}
	if got := le.Uint64(hdr); got != id {
		return fmt.Sprintf("page %d identifies itself as page %d", id, got)
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if id+overflow >= w.m.pgid {
		return fmt.Sprintf("page %d runs past the end of the file", id)
	}
	buf, ok := w.read(int64(id)*int64(w.m.pageSize), int64(overflow+1)*int64(w.m.pageSize))
	if !ok {
		return fmt.Sprintf("page %d cannot be read", id)
	}
	return w.elements(buf, id, -1, depth)
}

// elements checks the elements of a branch or leaf page held in buf, page
// id or (bucket >= 0) the inline page of its bucket entry, and walks the
// pages they point to.
func (w *rawWalker) elements(buf []byte, id uint64, bucket, depth int) string {
	le := binary.LittleEndian
	name := fmt.Sprintf("page %d", id)
	if bucket >= 0 {
		name = fmt.Sprintf("page %d: bucket %d", id, bucket)
	}
	if len(buf) < 16 {
		return name + " is cut short"
	}
	flags, count := le.Uint16(buf[8:]), int(le.Uint16(buf[10:]))
	switch {
	case flags != leafPage && (flags != branchPage || bucket >= 0):
		// bbolt takes any page that is not a leaf for a branch, and an
		// inline bucket's page is always a leaf.
		return fmt.Sprintf("%s has an unexpected type (%#x)", name, flags)
	case flags == branchPage && count == 0:
		return name + " is a branch to nowhere"
	case 16+16*count > len(buf):
		return name + ": its element count does not fit in it"
	}
	for i := range count {
		e := 16 + 16*i
		switch flags {
		case branchPage:
			pos, ks := uint64(le.Uint32(buf[e:])), uint64(le.Uint32(buf[e+4:]))
			if uint64(e)+pos+ks > uint64(len(buf)) {
				return fmt.Sprintf("%s: key %d lies outside it", name, i)
			}
			if p := w.page(le.Uint64(buf[e+8:]), depth+1); p != "" {
				return p
			}
		case leafPage:
			elemFlags := le.Uint32(buf[e:])
			pos, ks, vs := uint64(le.Uint32(buf[e+4:])), uint64(le.Uint32(buf[e+8:])), uint64(le.Uint32(buf[e+12:]))
			start := uint64(e) + pos + ks
			if start+vs > uint64(len(buf)) {
				return fmt.Sprintf("%s: entry %d lies outside it", name, i)
			}
			if elemFlags&1 == 0 { // a value, not a nested bucket
				continue
			}
			v := buf[start : start+vs]
			if len(v) < 16 {
				return fmt.Sprintf("%s: bucket %d has a damaged header", name, i)
			}
			var p string
			if root := le.Uint64(v); root == 0 {
				p = w.elements(v[16:], id, i, depth+1)
			} else {
				p = w.page(root, depth+1)
			}
			if p != "" {
				return p
			}
		}
	}
	return ""
}
