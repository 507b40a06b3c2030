package store

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// laptop is one simulated laptop: its own data file and clock.
type laptop struct {
	name  string
	s     *Store
	clock *testClock
}

// newLaptop opens a new data file for a simulated laptop whose clock is
// off by skew.
func newLaptop(t testing.TB, name string, skew time.Duration) *laptop {
	t.Helper()
	c := newClock(t0.Add(skew))
	s := openAt(t, filepath.Join(t.TempDir(), name+".db"), Options{Now: func() time.Time { return c.Advance(time.Millisecond) }, NoAutoBackup: true})
	return &laptop{name: name, s: s, clock: c}
}

// sharedPair starts sharing a new workshop from a laptop A and joins a
// laptop B, through folder.
func sharedPair(t testing.TB, folder string) (a, b *laptop, w Workshop, code string) {
	t.Helper()
	a, b = newLaptop(t, "a", 0), newLaptop(t, "b", -3*time.Minute)
	w = addWorkshop(t, a.s, "ADDIS-2027", "2027-03-10")
	cfg, _, err := a.s.StartSharing(w.ID, folder, "Desk A")
	if err != nil {
		t.Fatalf("StartSharing: %v", err)
	}
	if _, _, err := b.s.Join(folder, cfg.JoinCode, "Desk B"); err != nil {
		t.Fatalf("Join: %v", err)
	}
	return a, b, w, cfg.JoinCode
}

func exchange(t testing.TB, l *laptop, w Workshop) SyncReport {
	t.Helper()
	r, err := l.s.Exchange(w.ID)
	if err != nil {
		t.Fatalf("%s: Exchange: %v", l.name, err)
	}
	return r
}

// canonical is a workshop as every laptop must hold it after exchanging
// everything: every record, every attendance version, every certificate,
// in a fixed order; a participant without the stamps of its last write,
// which differ when a save changed nothing.
func canonical(t testing.TB, s *Store, workshopID uuid.UUID) string {
	t.Helper()
	var out []string
	err := s.view(func(tx *bolt.Tx) error {
		out = append(out, "workshop "+plainOf(tx.Bucket(bucketWorkshops).Get(workshopID[:])))
		var sessions []uuid.UUID
		var lines []string
		tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
			se, _ := decodeRecord[Session](v)
			if se.WorkshopID == workshopID {
				sessions = append(sessions, se.ID)
				lines = append(lines, "session "+plainOf(v))
			}
			return nil
		})
		tx.Bucket(bucketParticipants).ForEach(func(k, v []byte) error {
			p, _ := decodeRecord[Participant](v)
			if p.WorkshopID == workshopID {
				m, _ := rawJSON(&p)
				delete(m, "updated_at")
				delete(m, "device_id")
				data, _ := json.Marshal(m)
				lines = append(lines, "participant "+string(data))
			}
			return nil
		})
		tx.Bucket(bucketCertificates).ForEach(func(k, v []byte) error {
			c, _ := decodeRecord[CertificateIssue](v)
			if c.WorkshopID == workshopID {
				lines = append(lines, "certificate "+plainOf(v))
			}
			return nil
		})
		for _, id := range sessions {
			c := tx.Bucket(bucketAttendance).Cursor()
			for k, v := c.Seek(id[:]); k != nil && bytes.HasPrefix(k, id[:]); k, v = c.Next() {
				lines = append(lines, "current "+hex.EncodeToString(k)+" "+hex.EncodeToString([]byte(plainOf(v))))
			}
			c = tx.Bucket(bucketAttendanceHistory).Cursor()
			for k, v := c.Seek(id[:]); k != nil && bytes.HasPrefix(k, id[:]); k, v = c.Next() {
				lines = append(lines, "version "+hex.EncodeToString(k[:32])+" "+hex.EncodeToString([]byte(plainOf(v))))
			}
		}
		if w, err := decodeRecord[Workshop](tx.Bucket(bucketWorkshops).Get(workshopID[:])); err == nil {
			lines = append(lines, canonicalKeyed(tx, &w)...)
		}
		slices.Sort(lines)
		out = append(out, lines...)
		return nil
	})
	if err != nil {
		t.Fatalf("canonical: %v", err)
	}
	return strings.Join(out, "\n")
}

// firstDifference shows where two canonical exports part.
func firstDifference(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(la), len(lb)) {
		var x, y string
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n  %s\n  %s", i+1, x, y)
		}
	}
	return "none"
}

// plainOf is a stored value as plain bytes, sealed or not.
func plainOf(v []byte) string {
	plain, err := unseal(v)
	if err != nil {
		return "unreadable " + err.Error()
	}
	return string(plain)
}
