package store

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"github.com/workshopdesk/workshopdesk/store/changelog"
)

// benchFolder writes the log files of devices laptops, each with perDevice
// changes (participants, then three versions of their marks at three
// sessions), for a workshop shared under key; it returns the sessions.
func benchFolder(b *testing.B, dir string, w Workshop, key []byte, devices, perDevice int) {
	b.Helper()
	sessions := []uuid.UUID{NewID(), NewID(), NewID()}
	for d := range devices {
		dev := NewID().String()
		var entries []syncEntry
		people := perDevice / 10
		at := t0
		for i := range people {
			at = at.Add(time.Millisecond)
			p := Participant{Record: Record{ID: NewID(), CreatedAt: at, UpdatedAt: at, DeviceID: dev}, WorkshopID: w.ID,
				GivenNames: fmt.Sprintf("Given %d", i), FamilyNames: fmt.Sprintf("Family %d-%d", d, i), Email: fmt.Sprintf("p%d.%d@example.org", d, i),
				Role: RoleParticipant, BadgeCode: derivedBadgeCode(NewID(), 0)}
			f, _ := participantFields(&p)
			st := fieldStamps{}
			for k, v := range f {
				st[k] = fieldStamp{V: v, T: at.UnixNano(), D: dev}
			}
			entries = append(entries, syncEntry{Kind: entryParticipant, ID: p.ID, Created: at, Fields: st})
			for _, se := range sessions {
				for _, status := range []Status{Present, Absent, Late} {
					if len(entries) >= perDevice {
						break
					}
					at = at.Add(time.Millisecond)
					a := Attendance{Record: Record{ID: NewID(), CreatedAt: at, UpdatedAt: at, DeviceID: dev}, SessionID: se, ParticipantID: p.ID,
						Status: status, RecordedAt: at}
					entries = append(entries, syncEntry{Kind: entryAttendance, Key: join(se, p.ID), Value: encodeAttendance(&a)})
				}
			}
		}
		sp := &syncPayload{Format: payloadFormat, Device: dev, Laptop: "laptop " + dev[:4], Seq: 1, Made: t0, Entries: entries}
		sp.packMarks()
		payload, _ := sp.encode()
		if _, err := changelog.Write(filepath.Join(dir, w.Code, dev), key, changelog.Place{Workshop: w.Code, Device: dev, Seq: 1}, payload); err != nil {
			b.Fatal(err)
		}
	}
}

// benchShared opens a laptop sharing a workshop through folder with key,
// without deriving a key from a join code.
func benchShared(b *testing.B, folder string, key []byte) (*Store, Workshop) {
	s := openTest(b, Options{NoAutoBackup: true})
	w := addWorkshop(b, s, "BENCH-2027", "2027-03-10")
	err := s.update(func(tx *bolt.Tx) error {
		return putSyncConfig(tx, &SyncConfig{WorkshopID: w.ID, Code: w.Code, Folder: folder, Key: key, NextSeq: 1, LaptopName: "bench"})
	})
	if err != nil {
		b.Fatal(err)
	}
	s.clock.setStrict(true)
	return s, w
}

// BenchmarkSyncMerge10Laptops applies 10 laptops' files of 10,000 changes
// each (target: 1 s). It also reports the processor time the merge takes
// (cpu-s/op, every thread of the process), which a machine busy with
// other work changes far less than the time on the clock.
func BenchmarkSyncMerge10Laptops(b *testing.B) {
	key := make([]byte, changelog.KeySize)
	var cpu time.Duration
	for b.Loop() {
		b.StopTimer()
		folder := b.TempDir()
		s, w := benchShared(b, folder, key)
		benchFolder(b, folder, w, key, 10, 10000)
		runtime.GC()
		b.StartTimer()
		before := processTime()
		r, err := s.Exchange(w.ID)
		cpu += processTime() - before
		if err != nil || len(r.Received) != 10 || len(r.Skipped) != 0 {
			b.Fatalf("%+v %v", r, err)
		}
	}
	b.ReportMetric(cpu.Seconds()/float64(b.N), "cpu-s/op")
}

// BenchmarkSyncExchangeNothingNew is an exchange when nothing changed
// here or in the folder since the last one (target: 20 ms).
func BenchmarkSyncExchangeNothingNew(b *testing.B) {
	key := make([]byte, changelog.KeySize)
	folder := b.TempDir()
	s, w := benchShared(b, folder, key)
	benchFolder(b, folder, w, key, 10, 10000)
	if _, err := s.Exchange(w.ID); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		r, err := s.Exchange(w.ID)
		if err != nil || !r.Quiet {
			b.Fatalf("%+v %v", r, err)
		}
	}
}
