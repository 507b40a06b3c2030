package importer

import (
	"bytes"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"
)

// BenchmarkImport5000 imports the 5,000-row list into a fresh data file on
// disk (under /var/tmp: /tmp may be a RAM disk, where fsync costs
// nothing): read and decode, suggest the mapping, preview (values,
// problems, duplicates), and commit in one transaction.
func BenchmarkImport5000(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "participants-5000.csv"))
	if err != nil {
		b.Fatal(err)
	}
	base := "/var/tmp"
	if _, err := os.Stat(base); err != nil {
		base = "" // the system's temporary folder
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		dir, err := os.MkdirTemp(base, "importer-bench-")
		if err != nil {
			b.Fatal(err)
		}
		func() {
			defer os.RemoveAll(dir)
			st, w := newStore(b, dir)
			tb, err := Read("participants-5000.csv", bytes.NewReader(data))
			if err != nil {
				b.Fatal(err)
			}
			p := NewPreview(tb, Suggest(tb), Options{WorkshopID: w.ID})
			sum, err := Commit(st, p)
			if err != nil {
				b.Fatal(err)
			}
			if sum.Added != 5000 {
				b.Fatalf("added %d, want 5000", sum.Added)
			}
			if err := st.Close(); err != nil {
				b.Fatal(err)
			}
		}()
	}
}

// BenchmarkPreview5000 is the part before the commit: read, suggest,
// preview.
func BenchmarkPreview5000(b *testing.B) {
	data, err := os.ReadFile(filepath.Join("testdata", "participants-5000.csv"))
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		tb, err := Read("participants-5000.csv", bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		if p := NewPreview(tb, Suggest(tb), Options{}); len(p.Rows) != 5000 {
			b.Fatalf("%d rows", len(p.Rows))
		}
	}
}

// bigList returns a CSV participant list of n distinct people, made by
// numbering the names and emails of the 5,000-row list.
func bigList(b *testing.B, n int) []byte {
	b.Helper()
	src, err := Read("participants-5000.csv", mustOpen(b, filepath.Join("testdata", "participants-5000.csv")))
	if err != nil {
		b.Fatal(err)
	}
	var buf bytes.Buffer
	w := csv.NewWriter(&buf)
	w.Write(src.Rows[0].Cells)
	for i := range n {
		rec := slices.Clone(src.Rows[1+i%(len(src.Rows)-1)].Cells)
		rec[2] = fmt.Sprintf("%s %d", rec[2], i)  // family name
		rec[9] = fmt.Sprintf("p%d.%s", i, rec[9]) // email
		w.Write(rec)
	}
	w.Flush()
	return buf.Bytes()
}

func mustOpen(b *testing.B, path string) io.Reader {
	data, err := os.ReadFile(path)
	if err != nil {
		b.Fatal(err)
	}
	return bytes.NewReader(data)
}

// watchHeap samples the heap in use until the function it returns is
// called, which returns the largest growth seen over the heap at the start.
func watchHeap() func() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(20 * time.Millisecond)
		defer t.Stop()
		for {
			select {
			case <-done:
				return
			case <-t.C:
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				peak = max(peak, ms.HeapInuse)
			}
		}
	})
	return func() uint64 {
		close(done)
		wg.Wait()
		return peak - base
	}
}

// BenchmarkCommit50000 measures the commit alone (the time the data file
// is locked) of 50,000 new participants into a fresh data file on disk;
// the file is read and previewed outside the timer. Issue 10 asks for at
// most 3 s and 300 MB; peak-heap-MB is the most the heap grew during a
// commit.
func BenchmarkCommit50000(b *testing.B) { benchCommit(b, 50_000) }

// BenchmarkCommit10000 is BenchmarkCommit50000 with a fifth of the rows:
// the two show how the commit grows with the rows.
func BenchmarkCommit10000(b *testing.B) { benchCommit(b, 10_000) }

func benchCommit(b *testing.B, n int) {
	data := bigList(b, n)
	tb, err := Read("big.csv", bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	base := "/var/tmp"
	if _, err := os.Stat(base); err != nil {
		base = ""
	}
	b.ReportAllocs()
	var peak uint64
	defer func() { b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB") }()
	for b.Loop() {
		b.StopTimer()
		dir, err := os.MkdirTemp(base, "importer-bench-")
		if err != nil {
			b.Fatal(err)
		}
		st, w := newStore(b, dir)
		p := NewPreview(tb, Suggest(tb), Options{WorkshopID: w.ID})
		runtime.GC()
		stop := watchHeap()
		b.StartTimer()
		sum, err := Commit(st, p)
		b.StopTimer()
		peak = max(peak, stop())
		if err != nil {
			b.Fatal(err)
		}
		if sum.Added != n {
			b.Fatalf("added %d, want %d", sum.Added, n)
		}
		st.Close()
		os.RemoveAll(dir)
		b.StartTimer()
	}
}
