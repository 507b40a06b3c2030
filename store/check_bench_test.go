package store

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

// BenchmarkFirstWrite5000x30 measures what a workshopctl write pays on a
// big file (5,000 participants × 30 sessions): open, one write, close. The
// file is as a sound Store left it, so the full check before the first
// write (seconds on this file) is skipped; each iteration leaves it so.
func BenchmarkFirstWrite5000x30(b *testing.B) {
	const nPeople, nSessions = 5000, 30
	path := filepath.Join(benchDir(b), "workshops.db")
	s := openBench(b, path)
	w := newWorkshop(b, "big-2027", "2027-03-01")
	w.EndDate = w.StartDate.AddDays(nSessions/3 - 1)
	if err := s.SaveWorkshop(&w); err != nil {
		b.Fatal(err)
	}
	var sessions []Session
	for i := range nSessions {
		sessions = append(sessions, addSession(b, s, w, 1+i/3, []string{"09:00", "11:00", "14:00"}[i%3],
			[]string{"10:30", "12:30", "15:30"}[i%3], fmt.Sprintf("Session %d", i)))
	}
	people := benchPeople(b, s, w, nPeople, 1000)
	for si, se := range sessions {
		recs := make([]Attendance, len(people))
		for i, p := range people {
			recs[i] = Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Statuses[(i+si)%len(Statuses)],
				RecordedAt: se.StartsAt(time.UTC)}
		}
		if err := bulkRecordAttendance(s, recs); err != nil {
			b.Fatal(err)
		}
	}
	s.Close()

	var durs []time.Duration
	i := 0
	for b.Loop() {
		start := time.Now()
		s, err := Open(path, Options{NoAutoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		a := Attendance{SessionID: sessions[0].ID, ParticipantID: people[i%nPeople].ID, Status: Statuses[i%2]}
		if err := s.RecordAttendance(&a); err != nil {
			b.Fatal(err)
		}
		if err := s.Close(); err != nil {
			b.Fatal(err)
		}
		durs = append(durs, time.Since(start))
		i++
	}
	if m := reportMedian(b, durs); m > 10*time.Millisecond {
		b.Logf("median open, write, close %v is over the 10 ms target", m)
	}
}
