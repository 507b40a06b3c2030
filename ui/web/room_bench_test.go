package web

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// Scripted load of BenchmarkRoom200Phones: 200 phones answer a test of 20
// questions, each at random moments over 5 minutes of the script's time
// (4,000 answers, 13 a second on average). The script is played
// WORKSHOPDESK_LOAD_SPEED times faster than real time: 10 by default (30
// seconds, 133 answers a second, ten times the room's pace), 1 for the
// room's real pace (5 minutes).
const (
	loadPhones    = 200
	loadQuestions = 20
	loadScript    = 5 * time.Minute
)

func loadSpeed() int64 {
	if n, err := strconv.Atoi(os.Getenv("WORKSHOPDESK_LOAD_SPEED")); err == nil && n >= 1 {
		return int64(n)
	}
	return 10
}

// BenchmarkRoom200Phones plays the scripted load against a room on the
// loopback address and reports the 99th percentile of the time to save an
// answer (request sent → "saved" received, fsync included), the answers
// lost (said saved but not in the file afterwards; must be 0) and the
// memory the process took from the system (phones' clients included).
//
//	go test ./ui/web/ -run '^$' -bench Room200Phones -benchtime 1x
//	WORKSHOPDESK_LOAD_SPEED=1 go test ./ui/web/ -run '^$' -bench Room200Phones -benchtime 1x -timeout 20m
func BenchmarkRoom200Phones(b *testing.B) {
	for range b.N {
		b.StopTimer()
		path := filepath.Join(b.TempDir(), "load.db")
		st, err := store.Open(path, store.Options{NoAutoBackup: true})
		if err != nil {
			b.Fatal(err)
		}
		d := fillRoomData(b, st, path, loadPhones, loadQuestions)
		r := d.open(b, true, false)
		rng := rand.New(rand.NewPCG(17, 2027))
		scripts := make([][]time.Duration, loadPhones) // when each phone answers each question
		for i := range scripts {
			for range loadQuestions {
				scripts[i] = append(scripts[i], time.Duration(rng.Int64N(int64(loadScript))))
			}
			slices.Sort(scripts[i])
		}
		var peak atomic.Uint64
		stopSampling := make(chan struct{})
		go func() {
			var ms runtime.MemStats
			for {
				runtime.ReadMemStats(&ms)
				if ms.Sys > peak.Load() {
					peak.Store(ms.Sys)
				}
				select {
				case <-stopSampling:
					return
				case <-time.After(200 * time.Millisecond):
				}
			}
		}()
		b.StartTimer()

		speed := loadSpeed()
		start := time.Now()
		var mu sync.Mutex
		var latencies []time.Duration
		var failed atomic.Int64
		var wg sync.WaitGroup
		for i := range loadPhones {
			wg.Add(1)
			go func() {
				defer wg.Done()
				p := newPhone(b, r)
				if p.join(r.Code(), d.badges[i]) != 303 {
					failed.Add(loadQuestions)
					return
				}
				for n, at := range scripts[i] {
					time.Sleep(time.Until(start.Add(at / time.Duration(speed))))
					t0 := time.Now()
					status, body, ok := p.tryAnswer(n+1, crashAnswer(0, n+1))
					lat := time.Since(t0)
					if !ok || status != 200 || body != "Saved" {
						failed.Add(1)
						continue
					}
					mu.Lock()
					latencies = append(latencies, lat)
					mu.Unlock()
				}
			}()
		}
		wg.Wait()
		b.StopTimer()
		close(stopSampling)

		sheets, err := st.Sheets(d.pre.ID)
		if err != nil {
			b.Fatal(err)
		}
		lost := 0
		for _, p := range d.ps {
			for n := range loadQuestions {
				if sheets[p.ID].Responses[d.pre.QuestionIDs[n]] != crashAnswer(0, n+1) {
					lost++
				}
			}
		}
		slices.Sort(latencies)
		p99 := latencies[len(latencies)*99/100]
		b.ReportMetric(float64(p99.Microseconds())/1000, "p99-save-ms")
		b.ReportMetric(float64(latencies[len(latencies)/2].Microseconds())/1000, "p50-save-ms")
		b.ReportMetric(float64(lost), "lost-answers")
		b.ReportMetric(float64(failed.Load()), "failed-saves")
		b.ReportMetric(float64(peak.Load())/(1<<20), "peak-sys-MB")
		if lost > 0 || failed.Load() > 0 {
			b.Errorf("%d answers lost, %d saves failed", lost, failed.Load())
		}
		r.Close()
	}
}
