package importer

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
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
