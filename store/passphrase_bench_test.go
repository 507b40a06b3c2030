package store

import (
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkUnlock is what a passphrase adds to opening a file: reading the
// header and deriving the key with Argon2id (argonTime, argonMemory,
// argonThreads). Target: well under a second on a 2-core laptop.
func BenchmarkUnlock(b *testing.B) {
	path := filepath.Join(b.TempDir(), "workshopdesk.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	addWorkshop(b, s, "unlock", "2027-03-01")
	s.Close()
	if _, err := SetPassphrase(path, Secret{}, "bench passphrase", Options{}); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if err := Unlock(path, Secret{Passphrase: "bench passphrase"}); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBigWorkshopLoadSealed is BenchmarkBigWorkshopLoad on the big
// file protected by a passphrase: every participant and mark is decrypted.
func BenchmarkBigWorkshopLoadSealed(b *testing.B) {
	w := bigWorkshopCopy(b)
	if _, err := SetPassphrase(w.path, Secret{}, "bench passphrase", Options{}); err != nil {
		b.Fatal(err)
	}
	s := openBench(b, w.path)
	var durs []time.Duration
	cpu0 := cpuTime()
	for b.Loop() {
		start := time.Now()
		d, err := s.LoadWorkshop(w.workshopID)
		if err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
		if len(d.Marks) != bigSessions || len(d.Participants) != bigPeople {
			b.Fatalf("%d sessions, %d participants loaded", len(d.Marks), len(d.Participants))
		}
	}
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(len(durs))/float64(time.Millisecond), "cpu-ms")
	reportMedian(b, durs)
}
