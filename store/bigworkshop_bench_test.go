package store

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
	"time"

	"github.com/google/uuid"
)

// The BenchmarkBigWorkshop* benchmarks measure issue 15's table on one
// 5,000-participant × 30-session workshop with 150,000 attendance marks,
// filled through RecordAttendances (one transaction per session). The file
// is built once and kept beside the benchmarks' folders
// (workshopdesk-big-5000x30-schemaN.db under $WORKSHOPDESK_BENCH_DIR or
// /var/tmp); each benchmark works on its own copy. Run them all with
// `make bench-big`.

const bigPeople, bigSessions = 5000, 30

// bigWorkshop is the cached file and the IDs the benchmarks need.
type bigWorkshop struct {
	path       string
	workshopID uuid.UUID
	sessions   []uuid.UUID
	people     []uuid.UUID
	fillTime   time.Duration // RecordAttendances for all marks, 0 when the file was cached
}

var (
	bigOnce sync.Once
	bigFile bigWorkshop
	bigErr  error
)

// bigWorkshopCopy returns a private copy of the big file in a new folder.
func bigWorkshopCopy(b *testing.B) bigWorkshop {
	b.Helper()
	bigOnce.Do(func() { bigFile, bigErr = buildBigWorkshop(b) })
	if bigErr != nil {
		b.Fatal(bigErr)
	}
	w := bigFile
	w.path = filepath.Join(benchDir(b), "workshopdesk.db")
	if err := copyFile(bigFile.path, w.path); err != nil {
		b.Fatal(err)
	}
	return w
}

// buildBigWorkshop builds the big file, or reuses the one built by an
// earlier run of this schema.
func buildBigWorkshop(b *testing.B) (bigWorkshop, error) {
	base := filepath.Dir(benchDir(b))
	w := bigWorkshop{path: filepath.Join(base, fmt.Sprintf("workshopdesk-big-%dx%d-schema%d.db", bigPeople, bigSessions, currentSchema))}
	if _, err := os.Stat(w.path); err != nil {
		tmp := w.path + ".building"
		os.Remove(tmp)
		if err := fillBigWorkshop(b, tmp, &w); err != nil {
			return w, err
		}
		if err := os.Rename(tmp, w.path); err != nil {
			return w, err
		}
	}
	s, err := Open(w.path, Options{NoAutoBackup: true})
	if err != nil {
		return w, err
	}
	defer s.Close()
	list, err := s.Workshops()
	if err != nil || len(list) != 1 {
		return w, fmt.Errorf("big workshop file %s: %d workshops, %v", w.path, len(list), err)
	}
	d, err := s.LoadWorkshop(list[0].Workshop.ID)
	if err != nil {
		return w, err
	}
	w.workshopID = d.Workshop.ID
	w.sessions, w.people = nil, nil
	for _, se := range d.Sessions {
		w.sessions = append(w.sessions, se.ID)
	}
	for _, p := range d.Participants {
		w.people = append(w.people, p.ID)
	}
	return w, nil
}

func fillBigWorkshop(b *testing.B, path string, bw *bigWorkshop) error {
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		return err
	}
	defer s.Close()
	w := newWorkshop(b, "big-2027", "2027-03-01")
	w.EndDate = w.StartDate.AddDays(bigSessions/3 - 1)
	if err := s.SaveWorkshop(&w); err != nil {
		return err
	}
	var sessions []Session
	for i := range bigSessions {
		sessions = append(sessions, addSession(b, s, w, 1+i/3, []string{"09:00", "11:00", "14:00"}[i%3],
			[]string{"10:30", "12:30", "15:30"}[i%3], fmt.Sprintf("Session %d", i+1)))
	}
	people := benchPeople(b, s, w, bigPeople, 1000)
	start := time.Now()
	for si, se := range sessions {
		list := make([]*Attendance, len(people))
		for i, p := range people {
			list[i] = &Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Statuses[(i+si)%len(Statuses)],
				RecordedAt: se.StartsAt(time.UTC)}
		}
		if err := s.RecordAttendances(list); err != nil {
			return err
		}
	}
	bw.fillTime = time.Since(start)
	return nil
}

// BenchmarkBigWorkshopFill reports the size of the big file and, when this
// run built it, how long RecordAttendances took for the 150,000 marks.
// Target: at most 60 MB.
func BenchmarkBigWorkshopFill(b *testing.B) {
	w := bigWorkshopCopy(b)
	fi, err := os.Stat(w.path)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
	}
	b.ReportMetric(float64(fi.Size())/1e6, "file-MB")
	if bigFile.fillTime > 0 {
		b.ReportMetric(bigFile.fillTime.Seconds(), "fill-s")
	}
}

// BenchmarkBigWorkshopList is `workshopctl workshops` when an automatic
// backup is due (there is none yet): open with the default options, list
// the workshops, close. Target: 50 ms.
func BenchmarkBigWorkshopList(b *testing.B) {
	w := bigWorkshopCopy(b)
	var durs []time.Duration
	for b.Loop() {
		b.StopTimer()
		os.RemoveAll(BackupDir(w.path))
		b.StartTimer()
		start := time.Now()
		s, err := Open(w.path, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if _, err := s.Workshops(); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	reportMedian(b, durs)
}

// BenchmarkBigWorkshopBackups makes a change every six hours for four
// days, each in its own program run with the default backup options, and
// reports the size of the backups kept against the data file's. Target:
// at most 4 × the data file.
func BenchmarkBigWorkshopBackups(b *testing.B) {
	w := bigWorkshopCopy(b)
	var total, size int64
	var kept int
	for b.Loop() {
		b.StopTimer()
		os.RemoveAll(BackupDir(w.path))
		b.StartTimer()
		now := time.Date(2027, 3, 1, 7, 0, 0, 0, time.UTC)
		for i := range 16 {
			s, err := Open(w.path, Options{Now: func() time.Time { return now }})
			if err != nil {
				b.Fatal(err)
			}
			a := Attendance{SessionID: w.sessions[0], ParticipantID: w.people[i], Status: Excused}
			if err := s.RecordAttendance(&a); err != nil {
				b.Fatal(err)
			}
			if err := s.Close(); err != nil {
				b.Fatal(err)
			}
			now = now.Add(6 * time.Hour)
		}
		list, err := Backups(w.path)
		if err != nil {
			b.Fatal(err)
		}
		total, kept = 0, len(list)
		for _, bk := range list {
			total += bk.Size
		}
		fi, err := os.Stat(w.path)
		if err != nil {
			b.Fatal(err)
		}
		size = fi.Size()
	}
	b.ReportMetric(float64(total)/1e6, "backups-MB")
	b.ReportMetric(float64(kept), "backups")
	b.ReportMetric(float64(total)/float64(size), "x-file")
}

// BenchmarkBigWorkshopCheck is `workshopctl check`. Target: 0.5 s.
func BenchmarkBigWorkshopCheck(b *testing.B) {
	w := bigWorkshopCopy(b)
	s := openBench(b, w.path)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		stop := watchHeap()
		problems, err := s.Check()
		peak = max(peak, stop())
		if err != nil || len(problems) > 0 {
			b.Fatal(err, problems)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkBigWorkshopExport is `workshopctl export` (JSON). Target:
// at most 100 MB of heap at its peak.
func BenchmarkBigWorkshopExport(b *testing.B) {
	w := bigWorkshopCopy(b)
	s := openBench(b, w.path)
	var peak uint64
	for b.Loop() {
		runtime.GC()
		stop := watchHeap()
		err := s.Export(io.Discard)
		peak = max(peak, stop())
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// BenchmarkBigWorkshopLoad is LoadWorkshop. Target: 30 ms.
func BenchmarkBigWorkshopLoad(b *testing.B) {
	w := bigWorkshopCopy(b)
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
		if len(d.Marks) != bigSessions {
			b.Fatalf("%d sessions loaded", len(d.Marks))
		}
	}
	// The processor time, all threads together, per load: steadier than
	// the wall clock on a shared machine.
	b.ReportMetric(float64(cpuTime()-cpu0)/float64(len(durs))/float64(time.Millisecond), "cpu-ms")
	reportMedian(b, durs)
}

// watchHeap samples the heap in use every 10 ms until the returned
// function is called, which returns how far it grew above its start.
func watchHeap() func() uint64 {
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	base, peak := ms.HeapInuse, ms.HeapInuse
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		t := time.NewTicker(10 * time.Millisecond)
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
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		peak = max(peak, ms.HeapInuse)
		return peak - base
	}
}
