package store

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// benchDir returns a new folder on a real disk for a benchmark's data file,
// so that fsync costs what it costs on a laptop: $WORKSHOPDESK_BENCH_DIR,
// else the system's temporary folder unless it is a RAM file system, else
// /var/tmp. The folder is removed afterwards.
func benchDir(b *testing.B) string {
	b.Helper()
	base := os.Getenv("WORKSHOPDESK_BENCH_DIR")
	if base == "" {
		base = os.TempDir()
		if onTmpfs(base) {
			base = "/var/tmp"
		}
	}
	if onTmpfs(base) {
		b.Logf("%s is on tmpfs: fsync is free there and the figures are too good", base)
	}
	dir, err := os.MkdirTemp(base, "workshopdesk-bench-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

func openBench(b *testing.B, path string) *Store {
	b.Helper()
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// reportMedian reports the median of per-operation durations in
// milliseconds.
func reportMedian(b *testing.B, durs []time.Duration) time.Duration {
	b.Helper()
	if len(durs) == 0 {
		return 0
	}
	slices.Sort(durs)
	median := durs[len(durs)/2]
	b.ReportMetric(float64(median)/float64(time.Millisecond), "median-ms")
	return median
}

// bulkRecordAttendance records many statuses through RecordAttendances,
// for building large fixtures.
func bulkRecordAttendance(s *Store, recs []Attendance) error {
	list := make([]*Attendance, len(recs))
	for i := range recs {
		list[i] = &recs[i]
	}
	return s.RecordAttendances(list)
}

// benchPeople saves n participants of w in transactions of batch.
func benchPeople(b *testing.B, s *Store, w Workshop, n, batch int) []*Participant {
	b.Helper()
	all := make([]*Participant, 0, n)
	for len(all) < n {
		ps := make([]*Participant, min(batch, n-len(all)))
		for i := range ps {
			k := len(all) + i
			ps[i] = &Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", k), FamilyNames: "Family",
				Organisation: "Ministry of Labour", OrgType: OrgGovernment, Country: "ET", Gender: Female,
				Email: fmt.Sprintf("person%d@example.org", k), Position: "Officer"}
		}
		if err := s.SaveParticipants(ps); err != nil {
			b.Fatal(err)
		}
		all = append(all, ps...)
	}
	return all
}

func BenchmarkRecordAttendance(b *testing.B) {
	s := openBench(b, filepath.Join(benchDir(b), "workshops.db"))
	w := addWorkshop(b, s, "bench-2027", "2027-03-09")
	se := addSession(b, s, w, 1, "09:00", "10:30", "Opening")
	people := benchPeople(b, s, w, 100, 100)
	var durs []time.Duration
	i := 0
	for b.Loop() {
		p := people[i%len(people)]
		st := Present
		if (i/len(people))%2 == 1 {
			st = Late // every write changes the status, so every write commits
		}
		a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: st}
		start := time.Now()
		if err := s.RecordAttendance(&a); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
		i++
	}
	reportMedian(b, durs)
}

func BenchmarkLoadWorkshop(b *testing.B) {
	const nPeople, nSessions = 5000, 30
	s := openBench(b, filepath.Join(benchDir(b), "workshops.db"))
	w := newWorkshop(b, "big-2027", "2027-03-01")
	w.EndDate = w.StartDate.AddDays(nSessions/3 - 1)
	if err := s.SaveWorkshop(&w); err != nil {
		b.Fatal(err)
	}
	var sessions []Session
	for i := range nSessions {
		start := []string{"09:00", "11:00", "14:00"}[i%3]
		end := []string{"10:30", "12:30", "15:30"}[i%3]
		sessions = append(sessions, addSession(b, s, w, 1+i/3, start, end, fmt.Sprintf("Session %d", i)))
	}
	people := benchPeople(b, s, w, nPeople, 1000)
	for si, se := range sessions {
		recs := make([]Attendance, len(people))
		for i, p := range people {
			recs[i] = Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Statuses[(i+si)%len(Statuses)],
				RecordedAt: se.StartsAt(time.UTC).Add(time.Duration(i%20) * time.Minute)}
		}
		if err := bulkRecordAttendance(s, recs); err != nil {
			b.Fatal(err)
		}
	}

	var durs []time.Duration
	var d *WorkshopData
	for b.Loop() {
		start := time.Now()
		var err error
		if d, err = s.LoadWorkshop(w.ID); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	marks := 0
	for _, m := range d.Marks {
		marks += m.Len()
	}
	if len(d.Participants) != nPeople || len(d.Sessions) != nSessions || marks != nPeople*nSessions {
		b.Fatalf("LoadWorkshop: %d participants, %d sessions, %d marks", len(d.Participants), len(d.Sessions), marks)
	}
	if fi, err := os.Stat(s.Path()); err == nil { // after the loop, which resets reported metrics
		b.ReportMetric(float64(fi.Size())/(1<<20), "file-MiB")
	}
	if m := reportMedian(b, durs); m > 50*time.Millisecond {
		b.Logf("median LoadWorkshop %v is over the 50 ms target", m)
	}
}

func BenchmarkOpen(b *testing.B) {
	const nWorkshops, nPeople = 100, 200
	path := filepath.Join(benchDir(b), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	for i := range nWorkshops {
		w := addWorkshop(b, s, fmt.Sprintf("ws-%03d", i), Date{2020 + i/12, time.Month(1 + i%12), 1}.String())
		benchPeople(b, s, w, nPeople, nPeople)
	}
	s.Close()

	var durs []time.Duration
	for b.Loop() {
		start := time.Now()
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		list, err := s.Workshops()
		if err != nil || len(list) != nWorkshops || list[0].Participants != nPeople {
			b.Fatalf("Workshops: %d, %v", len(list), err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
	}
	if m := reportMedian(b, durs); m > 200*time.Millisecond {
		b.Logf("median Open+Workshops+Close %v is over the 200 ms target", m)
	}
}

func BenchmarkSaveParticipants5000(b *testing.B) {
	const n = 5000
	s := openBench(b, filepath.Join(benchDir(b), "workshops.db"))
	var durs []time.Duration
	i := 0
	for b.Loop() {
		b.StopTimer()
		w := addWorkshop(b, s, fmt.Sprintf("batch-%04d", i), "2027-03-09")
		ps := make([]*Participant, n)
		for k := range ps {
			ps[k] = &Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", k), FamilyNames: "Family",
				Country: "SN", Email: fmt.Sprintf("p%d@example.org", k)}
		}
		b.StartTimer()
		start := time.Now()
		if err := s.SaveParticipants(ps); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
		i++
	}
	if m := reportMedian(b, durs); m > 0 {
		b.ReportMetric(n/m.Seconds(), "participants/s")
	}
}
