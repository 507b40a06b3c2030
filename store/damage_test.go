package store

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// damageCases is how many damaged copies TestRandomDamage tries; set
// WORKSHOPDESK_DAMAGE_CASES to try more.
const damageCases = 200

// TestRandomDamage damages copies of a data file at random (bytes flipped,
// a range zeroed, the file cut short) and runs on each what a user would:
// check, open and read, write, then restore the latest good backup. Nothing
// may panic; a file that fails the check is refused for writing and left
// byte for byte as it was; a write that succeeds is in the file when it is
// opened again; and restoring the good backup always works. The seed is
// logged; WORKSHOPDESK_DAMAGE_SEED replays one run.
func TestRandomDamage(t *testing.T) {
	seed := uint64(time.Now().UnixNano())
	if v, err := strconv.ParseUint(os.Getenv("WORKSHOPDESK_DAMAGE_SEED"), 10, 64); err == nil {
		seed = v
	}
	cases := damageCases
	if v, err := strconv.Atoi(os.Getenv("WORKSHOPDESK_DAMAGE_CASES")); err == nil && v > 0 {
		cases = v
	}
	randomDamage(t, seed, cases)
}

// damageSeedsThatFoundDefects are runs of TestRandomDamage that once found
// a defect, replayed every time so that it never comes back.
var damageSeedsThatFoundDefects = []uint64{
	1796313669154404429, // a panic recovered during the check before the first write deadlocked the store
}

// TestDamageFoundBefore replays the runs of TestRandomDamage that found a
// defect.
func TestDamageFoundBefore(t *testing.T) {
	for _, seed := range damageSeedsThatFoundDefects {
		t.Run(strconv.FormatUint(seed, 10), func(t *testing.T) { randomDamage(t, seed, damageCases) })
	}
}

// randomDamage is TestRandomDamage's run of cases damaged copies, drawn
// from seed.
func randomDamage(t *testing.T, seed uint64, cases int) {
	t.Logf("seed %d (WORKSHOPDESK_DAMAGE_SEED=%d replays it)", seed, seed)
	rng := rand.New(rand.NewPCG(seed, seed>>3))

	base := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(base, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	if err != nil {
		t.Fatal(err)
	}
	w := addWorkshop(t, s, "damage-2027", "2027-03-09")
	sessions := []Session{addSession(t, s, w, 1, "09:00", "10:00", "Opening"), addSession(t, s, w, 1, "10:30", "12:00", "Methods")}
	for i := range 40 {
		p := addParticipant(t, s, w, "Person", fmt.Sprint(i), "")
		for j, se := range sessions {
			recordStatus(t, s, se, p, Statuses[(i+j)%len(Statuses)])
		}
	}
	good, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// Compacted, so that nearly every byte damaged is one in use.
	compact := filepath.Join(t.TempDir(), "compact.db")
	src, err := bolt.Open(base, 0o600, &bolt.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	dst, err := bolt.Open(compact, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := bolt.Compact(dst, src, 0); err != nil {
		t.Fatal(err)
	}
	src.Close()
	dst.Close()
	clean, err := os.ReadFile(compact)
	if err != nil {
		t.Fatal(err)
	}
	m := readTestBoltMeta(t, compact)
	clean = clean[:m.pgid*uint64(m.pageSize)] // without the room bbolt grew ahead
	t.Logf("damaging copies of a %d-byte file", len(clean))
	backup, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}

	root := memTempDir(t)
	for i := range cases {
		data, what := damage(rng, clean)
		dir := filepath.Join(root, strconv.Itoa(i))
		path := filepath.Join(dir, "workshops.db")
		goodCopy := filepath.Join(BackupDir(path), filepath.Base(good))
		if err := os.MkdirAll(BackupDir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(goodCopy, backup, 0o600); err != nil {
			t.Fatal(err)
		}
		fail := func(format string, args ...any) {
			t.Helper()
			t.Errorf("case %d (%s): %s", i, what, fmt.Sprintf(format, args...))
		}
		before := fileSHA(t, path)
		problems, err := CheckFile(path)
		healthy := err == nil && len(problems) == 0

		s, err := Open(path, Options{NoAutoBackup: true, Timeout: 200 * time.Millisecond})
		var de *DamagedError
		var tn *TooNewError
		switch {
		case err == nil:
			if list, err := s.Workshops(); err == nil {
				for _, w := range list {
					s.LoadWorkshop(w.ID)
				}
			}
			p := Participant{WorkshopID: w.ID, GivenNames: "Written", FamilyNames: "After"}
			werr := s.SaveParticipant(&p)
			if err := s.Close(); err != nil {
				fail("Close: %v", err)
			}
			if !healthy && werr == nil {
				fail("a write to a file that fails the check (%v, %v) succeeded", problems, err)
			}
			if werr == nil {
				r, err := Open(path, Options{NoAutoBackup: true})
				if err != nil {
					fail("reopen after an acknowledged write: %v", err)
				} else {
					if _, err := r.Participant(p.ID); err != nil {
						fail("the acknowledged write is lost: %v", err)
					}
					r.Close()
				}
			}
		case errors.As(err, &de), errors.As(err, &tn):
		default:
			fail("Open = %v (%T), want a *DamagedError", err, err)
		}
		if !healthy && fileSHA(t, path) != before {
			fail("the damaged file was changed (check: %v)", problems)
		}
		if _, err := Restore(path, goodCopy); err != nil {
			fail("Restore from the good backup: %v", err)
			os.RemoveAll(dir)
			continue
		}
		if problems, err := CheckFile(path); err != nil || len(problems) > 0 {
			fail("after the restore, check: %v, %v", problems, err)
		}
		os.RemoveAll(dir) // thousands of cases would fill the memory of /dev/shm
	}
}

// memTempDir returns a new folder in memory (/dev/shm) where there is one,
// removed when the test ends, or else t.TempDir(): the cases fsync a few
// thousand times, which on a real disk is most of their time.
func memTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("/dev/shm", "workshopdesk-damage-")
	if err != nil {
		return t.TempDir()
	}
	t.Cleanup(func() { os.RemoveAll(dir) })
	return dir
}

// damage returns a damaged copy of data and says what was done.
func damage(rng *rand.Rand, data []byte) ([]byte, string) {
	out := append([]byte(nil), data...)
	switch rng.IntN(3) {
	case 0:
		n := 1 + rng.IntN(4)
		var offs []int
		for range n {
			off := rng.IntN(len(out))
			out[off] ^= byte(1 + rng.IntN(255))
			offs = append(offs, off)
		}
		return out, fmt.Sprintf("bytes flipped at %v", offs)
	case 1:
		off := rng.IntN(len(out))
		n := min(1+rng.IntN(4096), len(out)-off)
		clear(out[off : off+n])
		return out, fmt.Sprintf("%d bytes zeroed at %d", n, off)
	default:
		n := rng.IntN(len(out))
		return out[:n], fmt.Sprintf("cut to %d bytes", n)
	}
}
