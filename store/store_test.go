package store

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// childEnv makes the test binary act as a helper process: TestMain then
// runs the childRequest in the variable (JSON), prints a childOutcome as
// JSON and exits. It lets a test survive the store crashing the process.
const childEnv = "WORKSHOPDESK_TEST_CHILD"

func TestMain(m *testing.M) {
	if req := os.Getenv(childEnv); req != "" {
		os.Exit(runChildRequest(req))
	}
	os.Exit(m.Run())
}

// childRequest is what the helper process does: "open" a data file,
// "read" it (open, then load every workshop), "check" it (the same after
// Check), or "restore" it from a backup.
type childRequest struct {
	Mode string `json:"mode"`
	Path string `json:"path"`
	From string `json:"from,omitempty"`
}

// childOutcome is what the helper process reports.
type childOutcome struct {
	Type         string   `json:"type"` // of the error of Open or Restore
	Error        string   `json:"error"`
	LatestBackup string   `json:"latest_backup"`
	Problems     []string `json:"problems"`    // from Check
	CheckError   string   `json:"check_error"` // from Check
	ReadErrors   []string `json:"read_errors"` // from Workshops and LoadWorkshop
}

func runChildRequest(data string) int {
	var req childRequest
	if err := json.Unmarshal([]byte(data), &req); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	var out childOutcome
	report := func(err error) {
		out.Type = fmt.Sprintf("%T", err)
		if err != nil {
			out.Error = err.Error()
		}
		var de *DamagedError
		if errors.As(err, &de) {
			out.LatestBackup = de.LatestBackup
		}
	}
	switch req.Mode {
	case "restore":
		_, err := Restore(req.Path, req.From)
		report(err)
	case "open", "check", "read":
		s, err := Open(req.Path, Options{NoAutoBackup: true, Timeout: 2 * time.Second})
		report(err)
		if s != nil && req.Mode == "check" {
			problems, err := s.Check()
			out.Problems = problems
			if err != nil {
				out.CheckError = err.Error()
			}
		}
		if s != nil && req.Mode != "open" {
			list, err := s.Workshops()
			if err != nil {
				out.ReadErrors = append(out.ReadErrors, err.Error())
			}
			for _, w := range list {
				if _, err := s.LoadWorkshop(w.ID); err != nil {
					out.ReadErrors = append(out.ReadErrors, err.Error())
				}
			}
		}
		if s != nil {
			s.Close()
		}
	default:
		fmt.Fprintln(os.Stderr, "unknown child mode", req.Mode)
		return 2
	}
	json.NewEncoder(os.Stdout).Encode(out)
	return 0
}

// runChild runs req in a helper process and returns its outcome; a crash
// of that process fails the test and returns false.
func runChild(t *testing.T, req childRequest) (childOutcome, bool) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	data, _ := json.Marshal(req)
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+string(data))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := stderr.String()
		if i := strings.Index(msg, "\ngoroutine "); i > 0 {
			msg = msg[:i]
		}
		t.Errorf("%s crashed the process instead of returning an error (%v):\n%s", req.Mode, err, msg)
		return childOutcome{}, false
	}
	var out childOutcome
	if err := json.Unmarshal(stdout.Bytes(), &out); err != nil {
		t.Fatalf("helper process printed %q: %v", stdout.String(), err)
	}
	return out, true
}

func openInChild(t *testing.T, path string) (childOutcome, bool) {
	t.Helper()
	return runChild(t, childRequest{Mode: "open", Path: path})
}

func TestOpenCreatesFileAndFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nested", "deeper", "workshops.db")
	s := openAt(t, path, Options{NoAutoBackup: true})
	if s.Path() != path {
		t.Errorf("Path() = %q, want %q", s.Path(), path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("the data file was not created: %v", err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("data file mode = %v, want 0600", fi.Mode().Perm())
	}
	if _, err := s.Workshops(); err != nil {
		t.Errorf("Workshops on a new file: %v", err)
	}
	if s.DeviceID() == "" {
		t.Error("a new file has no device ID")
	}
	err = s.view(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				return fmt.Errorf("bucket %s was not created", name)
			}
		}
		meta := tx.Bucket(bucketMeta)
		if got := string(meta.Get(metaApp)); got != appName {
			return fmt.Errorf("meta app = %q", got)
		}
		if got := decodeSchema(meta.Get(metaSchema)); got != currentSchema {
			return fmt.Errorf("meta schema = %d", got)
		}
		return nil
	})
	if err != nil {
		t.Error(err)
	}
}

func TestOpenFolderIsAnError(t *testing.T) {
	dir := t.TempDir()
	_, err := Open(dir, Options{NoAutoBackup: true})
	if err == nil {
		t.Fatal("Open on a folder succeeded")
	}
	var de *DamagedError
	if errors.As(err, &de) {
		t.Errorf("Open on a folder gave a DamagedError (%v); a folder is not a damaged file", err)
	}
}

func TestReopenKeepsData(t *testing.T) {
	clock := newClock(t0)
	path := filepath.Join(t.TempDir(), "workshops.db")
	s := openAt(t, path, Options{NoAutoBackup: true, Now: clock.Now})
	device := s.DeviceID()
	w := addWorkshop(t, s, "nairobi-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:30", "Opening")
	p := addParticipant(t, s, w, "Grace", "Wanjiru", "KX7M4")
	a := recordStatus(t, s, se, p, Late)
	c := CertificateIssue{WorkshopID: w.ID, ParticipantID: p.ID, Number: "NBO-2027-001"}
	if err := s.SaveCertificate(&c); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}

	s = openAt(t, path, Options{NoAutoBackup: true, Now: clock.Now})
	if s.DeviceID() != device {
		t.Errorf("device ID changed across reopen: %q, then %q", device, s.DeviceID())
	}
	gotW, err := s.Workshop(w.ID)
	if err != nil || gotW.Title != w.Title || gotW.Code != w.Code || gotW.StartDate != w.StartDate || !gotW.CreatedAt.Equal(w.CreatedAt) {
		t.Errorf("Workshop after reopen = %+v, %v; want %+v", gotW, err, w)
	}
	gotSe, err := s.Session(se.ID)
	if err != nil || gotSe.Title != se.Title || gotSe.Start != se.Start || gotSe.End != se.End || gotSe.Date != se.Date {
		t.Errorf("Session after reopen = %+v, %v; want %+v", gotSe, err, se)
	}
	gotP, err := s.ParticipantByBadge(w.ID, "kx7m4")
	if err != nil || gotP.ID != p.ID || gotP.FullName() != "Grace Wanjiru" {
		t.Errorf("ParticipantByBadge after reopen = %+v, %v", gotP, err)
	}
	gotA, err := s.Attendance(se.ID, p.ID)
	if err != nil || gotA.ID != a.ID || gotA.Status != Late || !gotA.RecordedAt.Equal(a.RecordedAt) {
		t.Errorf("Attendance after reopen = %+v, %v; want %+v", gotA, err, a)
	}
	certs, err := s.Certificates(w.ID)
	if err != nil || len(certs) != 1 || certs[0].Number != "NBO-2027-001" {
		t.Errorf("Certificates after reopen = %+v, %v", certs, err)
	}
}

func TestDeviceIDStampedOnRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s := openAt(t, path, Options{NoAutoBackup: true, DeviceID: "laptop-addis"})
	if s.DeviceID() != "laptop-addis" {
		t.Fatalf("DeviceID() = %q, want laptop-addis", s.DeviceID())
	}
	w := addWorkshop(t, s, "addis-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Almaz", "Tesfaye", "")
	a := recordStatus(t, s, se, p, Present)
	c := CertificateIssue{WorkshopID: w.ID, ParticipantID: p.ID, Number: "ADD-1"}
	if err := s.SaveCertificate(&c); err != nil {
		t.Fatal(err)
	}
	for what, dev := range map[string]string{"workshop": w.DeviceID, "session": se.DeviceID,
		"participant": p.DeviceID, "attendance": a.DeviceID, "certificate": c.DeviceID} {
		if dev != "laptop-addis" {
			t.Errorf("%s.DeviceID = %q, want laptop-addis", what, dev)
		}
	}
	stored, err := s.Participant(p.ID)
	if err != nil || stored.DeviceID != "laptop-addis" {
		t.Errorf("stored participant DeviceID = %q, %v", stored.DeviceID, err)
	}
	s.Close()

	// Without the option the file's own ID is used, the same on every open.
	s = openAt(t, path, Options{NoAutoBackup: true})
	own := s.DeviceID()
	if own == "" || own == "laptop-addis" {
		t.Fatalf("DeviceID() without the option = %q, want the file's own ID", own)
	}
	p2 := addParticipant(t, s, w, "Dawit", "Haile", "")
	if p2.DeviceID != own {
		t.Errorf("participant written without the option has DeviceID %q, want %q", p2.DeviceID, own)
	}
	s.Close()
	s = openAt(t, path, Options{NoAutoBackup: true})
	if s.DeviceID() != own {
		t.Errorf("the file's device ID changed from %q to %q", own, s.DeviceID())
	}
}

// assertLocked checks that err is a *LockedError that says so, returned in
// less than two seconds.
func assertLocked(t *testing.T, err error, elapsed time.Duration) {
	t.Helper()
	var le *LockedError
	if !errors.As(err, &le) {
		t.Fatalf("second Open: error %v (%T), want *LockedError", err, err)
	}
	if !strings.Contains(err.Error(), "already open") {
		t.Errorf("LockedError message %q does not say the file is already open", err)
	}
	if elapsed >= 2*time.Second {
		t.Errorf("second Open took %v to give up, want under 2s", elapsed)
	}
}

func TestSecondOpenInSameProcessIsLocked(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	addWorkshop(t, s, "held-2027", "2027-03-09")
	start := time.Now()
	s2, err := Open(s.Path(), Options{NoAutoBackup: true, Timeout: 500 * time.Millisecond})
	elapsed := time.Since(start)
	if err == nil {
		s2.Close()
	}
	assertLocked(t, err, elapsed)
	// The first store is still usable.
	if list, err := s.Workshops(); err != nil || len(list) != 1 {
		t.Errorf("first store after the refused second open: %d workshops, %v", len(list), err)
	}
}

// damagedCase makes a broken data file at path.
type damagedCase struct {
	name  string
	make  func(t *testing.T, path string)
	child bool // open in a helper process: Open may crash the process
}

func damagedCases() []damagedCase {
	return []damagedCase{
		{"truncated", func(t *testing.T, path string) {
			// A real file with some content, its pages in use cut in half
			// (bbolt grows a file ahead of its data: cutting that room
			// away loses nothing).
			demoFile(t, path)
			m := readTestBoltMeta(t, path)
			if err := os.Truncate(path, int64(m.pgid)*int64(m.pageSize)/2); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"truncated before its freelist page", func(t *testing.T, path string) {
			// Cut at the page that holds the freelist: the file still maps,
			// but its last pages are gone.
			demoFile(t, path)
			m := readTestBoltMeta(t, path)
			if err := os.Truncate(path, int64(m.freelist)*int64(m.pageSize)); err != nil {
				t.Fatal(err)
			}
		}, true},
		{"random bytes", func(t *testing.T, path string) {
			data := make([]byte, 64<<10)
			rand.Read(data)
			if err := os.WriteFile(path, data, 0o600); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"empty", func(t *testing.T, path string) {
			if err := os.WriteFile(path, nil, 0o600); err != nil {
				t.Fatal(err)
			}
		}, false},
		{"another bbolt file", func(t *testing.T, path string) {
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			err = db.Update(func(tx *bolt.Tx) error {
				b, err := tx.CreateBucket([]byte("foo"))
				if err != nil {
					return err
				}
				return b.Put([]byte("k"), []byte("v"))
			})
			if err != nil {
				t.Fatal(err)
			}
			db.Close()
		}, false},
	}
}

// validStoreBytes returns the bytes of a freshly created, closed data file.
func validStoreBytes(t *testing.T) []byte {
	t.Helper()
	path := filepath.Join(t.TempDir(), "good.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestOpenDamagedFile(t *testing.T) {
	good := validStoreBytes(t)
	for _, tc := range damagedCases() {
		for _, withBackup := range []bool{false, true} {
			t.Run(fmt.Sprintf("%s/backup=%v", tc.name, withBackup), func(t *testing.T) {
				dir := t.TempDir()
				path := filepath.Join(dir, "workshops.db")
				tc.make(t, path)
				var newest string
				if withBackup {
					bdir := BackupDir(path)
					if err := os.MkdirAll(bdir, 0o700); err != nil {
						t.Fatal(err)
					}
					for name, content := range map[string][]byte{
						"workshops-20270301T101500.000Z.db":               good,
						"workshops-20270308T174512.250Z.db":               good,        // the newest whole one
						"workshops-20270309T080000.000Z.db":               []byte("x"), // newer, but damaged
						"workshops-20270215T090000.000Z-pre-migration.db": good,
						"other-20280101T000000.000Z.db":                   good, // another data file's backup
						"notes.txt":                                       []byte("x"),
					} {
						if err := os.WriteFile(filepath.Join(bdir, name), content, 0o600); err != nil {
							t.Fatal(err)
						}
					}
					newest = filepath.Join(bdir, "workshops-20270308T174512.250Z.db")
				}
				before := fileSHA(t, path)

				var typ, latest, msg string
				if tc.child {
					out, ok := openInChild(t, path)
					if ok {
						typ, latest, msg = out.Type, out.LatestBackup, out.Error
					}
				} else {
					s, err := Open(path, Options{NoAutoBackup: true, Timeout: 500 * time.Millisecond})
					if s != nil {
						s.Close()
					}
					typ = fmt.Sprintf("%T", err)
					var de *DamagedError
					if errors.As(err, &de) {
						latest, msg = de.LatestBackup, err.Error()
					}
				}
				if typ != "" && typ != "*store.DamagedError" {
					t.Errorf("Open gave %s (%s), want *store.DamagedError", typ, msg)
				}
				if typ == "*store.DamagedError" {
					if latest != newest {
						t.Errorf("LatestBackup = %q, want %q", latest, newest)
					}
					if !strings.Contains(msg, "has not been changed") {
						t.Errorf("message %q does not say the file was left alone", msg)
					}
					if withBackup && !strings.Contains(msg, newest) {
						t.Errorf("message %q does not name the latest backup", msg)
					}
				}
				if after := fileSHA(t, path); after != before {
					t.Error("Open changed the damaged file")
				}
			})
		}
	}
}

// lockDamages are damaged files on which bbolt panics inside bolt.Open,
// after taking the file lock.
var lockDamages = []struct {
	name   string
	damage func(t *testing.T, path string)
}{
	{"zeroed pages", zeroAfterMeta},
	{"freelist count overflow", overflowFreelistCount},
}

// TestOpenDamagedFileReleasesIt opens a file that bbolt rejects with a
// panic, then opens it again: the failed first Open must not keep the file
// locked.
func TestOpenDamagedFileReleasesIt(t *testing.T) {
	for _, d := range lockDamages {
		t.Run(d.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "workshops.db")
			s, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			addWorkshop(t, s, "zeroed-2027", "2027-03-09")
			s.Close()
			d.damage(t, path)

			var de *DamagedError
			_, err = Open(path, Options{NoAutoBackup: true, Timeout: 300 * time.Millisecond})
			if !errors.As(err, &de) {
				t.Fatalf("first Open: %v (%T), want *DamagedError", err, err)
			}
			_, err = Open(path, Options{NoAutoBackup: true, Timeout: 300 * time.Millisecond})
			var le *LockedError
			if errors.As(err, &le) {
				t.Fatalf("second Open: %v — the failed first Open left the file locked", err)
			}
			if !errors.As(err, &de) {
				t.Fatalf("second Open: %v (%T), want *DamagedError", err, err)
			}
		})
	}
}

// overflowFreelistCount damages the freelist page's count the way bbolt
// reads a large freelist (count 0xFFFF, then the real count in the first
// element): the count no longer fits an int.
func overflowFreelistCount(t *testing.T, path string) {
	t.Helper()
	m := readTestBoltMeta(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	page := data[int(m.freelist)*int(m.pageSize):]
	binary.LittleEndian.PutUint16(page[10:], 0xFFFF)
	binary.LittleEndian.PutUint64(page[16:], 1<<63)
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

// zeroAfterMeta zeroes every page after the two meta pages of a bbolt file,
// keeping its size.
func zeroAfterMeta(t *testing.T, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	pageSize := os.Getpagesize()
	clear(data[2*pageSize:])
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
}

func TestOpenNewerSchema(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	addWorkshop(t, s, "future-2030", "2030-01-07")
	s.Close()
	setSchema(t, path, 99)
	before := fileSHA(t, path)

	s, err = Open(path, Options{}) // automatic backups on: none must be made
	if s != nil {
		s.Close()
	}
	var tn *TooNewError
	if !errors.As(err, &tn) {
		t.Fatalf("Open: %v (%T), want *TooNewError", err, err)
	}
	if tn.Schema != 99 || tn.Known != currentSchema || tn.Path != path {
		t.Errorf("TooNewError = %+v, want schema 99, known %d, path %s", tn, currentSchema, path)
	}
	if !strings.Contains(err.Error(), "newer") {
		t.Errorf("message %q does not say the file is newer", err)
	}
	if fileSHA(t, path) != before {
		t.Error("Open changed a file of a newer schema")
	}
	if list, _ := Backups(path); len(list) != 0 {
		t.Errorf("Open of a too-new file made backups: %v", list)
	}
}

// testBoltMeta is the newest valid meta page of a bbolt file.
type testBoltMeta struct {
	pageSize uint32
	root     uint64 // page of the root bucket
	freelist uint64 // page of the freelist
	pgid     uint64 // high-water mark: pages in use
	txid     uint64
}

// readTestBoltMeta reads the meta pages of a bbolt file (page header 16 bytes,
// then magic, version, page size, flags, root bucket, freelist, pgid, txid,
// little-endian) and returns the one of the latest transaction.
func readTestBoltMeta(t *testing.T, path string) testBoltMeta {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var best testBoltMeta
	for off := 0; off <= os.Getpagesize() && off+88 <= len(data); off += os.Getpagesize() {
		m := data[off+16:]
		if binary.LittleEndian.Uint32(m[0:]) != 0xED0CDAED {
			continue
		}
		bm := testBoltMeta{pageSize: binary.LittleEndian.Uint32(m[8:]), root: binary.LittleEndian.Uint64(m[16:]), freelist: binary.LittleEndian.Uint64(m[32:]),
			pgid: binary.LittleEndian.Uint64(m[40:]), txid: binary.LittleEndian.Uint64(m[48:])}
		if bm.txid >= best.txid {
			best = bm
		}
	}
	if best.pageSize == 0 {
		t.Fatalf("%s has no bbolt meta page", path)
	}
	return best
}

// pointBucketPastEnd damages a data file the way a flipped bit in a page
// pointer does: the named top-level bucket's root page is set to the first
// page past those in use, which holds zeros. The meta, root and freelist
// pages stay intact, so bbolt opens the file.
func pointBucketPastEnd(t *testing.T, path, bucket string) {
	t.Helper()
	pointBucketAt(t, path, bucket, 0)
}

// pointBucketAt sets the named top-level bucket's root page to page, or to
// the first page past those in use when page is 0.
func pointBucketAt(t *testing.T, path, bucket string, page uint64) {
	t.Helper()
	m := readTestBoltMeta(t, path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if int64(m.pgid+1)*int64(m.pageSize) > int64(len(data)) {
		t.Fatalf("%s has no spare page past the %d in use", path, m.pgid)
	}
	if page == 0 {
		page = m.pgid
	}
	root := data[int(m.root)*int(m.pageSize):]
	const branchFlag, leafFlag = 0x01, 0x02
	// With many top-level buckets the root is a branch: go down to the
	// leaf whose key range holds the bucket's name.
	for binary.LittleEndian.Uint16(root[8:]) == branchFlag {
		child := uint64(0)
		for i := range int(binary.LittleEndian.Uint16(root[10:])) {
			e := root[16+16*i:] // pos, key size, page
			pos, ks := binary.LittleEndian.Uint32(e), binary.LittleEndian.Uint32(e[4:])
			if i > 0 && string(e[pos:pos+ks]) > bucket {
				break
			}
			child = binary.LittleEndian.Uint64(e[8:])
		}
		root = data[int(child)*int(m.pageSize):]
	}
	if flags := binary.LittleEndian.Uint16(root[8:]); flags != leafFlag {
		t.Fatalf("the root page has flags %#x; this helper handles a leaf", flags)
	}
	count := int(binary.LittleEndian.Uint16(root[10:]))
	for i := range count {
		e := root[16+16*i:] // flags, pos, key size, value size
		pos, ks := binary.LittleEndian.Uint32(e[4:]), binary.LittleEndian.Uint32(e[8:])
		if string(e[pos:pos+ks]) != bucket {
			continue
		}
		v := e[pos+ks:] // a bucket header: root page, sequence
		if binary.LittleEndian.Uint64(v) == 0 {
			t.Fatalf("bucket %s is inline; fill it first", bucket)
		}
		binary.LittleEndian.PutUint64(v, page)
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Fatalf("bucket %s not found in the root page", bucket)
}

// demoFile writes a data file holding the demo workshop.
func demoFile(t *testing.T, path string) {
	t.Helper()
	s, err := Open(path, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.InitDemo(); err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestCheckReportsDamagedPage damages a page pointer in a file that still
// opens: Check must report the damage (as problems or a *DamagedError),
// and reading must give errors, without crashing the program.
func TestCheckReportsDamagedPage(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	demoFile(t, path)
	pointBucketPastEnd(t, path, "participants")
	out, ok := runChild(t, childRequest{Mode: "check", Path: path})
	if !ok {
		return
	}
	if out.Type == "*store.DamagedError" {
		return // refusing the file at once is fine
	}
	if out.Type != "<nil>" {
		t.Fatalf("Open = %s (%s), want success or *DamagedError", out.Type, out.Error)
	}
	if len(out.Problems) == 0 && out.CheckError == "" {
		t.Error("Check found nothing wrong with a damaged page")
	}
	if len(out.ReadErrors) == 0 {
		t.Error("reading the demo workshop's participants through a damaged page gave no error")
	}
}

// TestReadThroughWildPagePointer damages a page pointer so that it points
// far outside the file: reading must give a *DamagedError, not kill the
// program with a memory fault.
func TestReadThroughWildPagePointer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	demoFile(t, path)
	pointBucketAt(t, path, "participants", 1<<30)
	out, ok := runChild(t, childRequest{Mode: "read", Path: path})
	if !ok || out.Type == "*store.DamagedError" {
		return
	}
	if out.Type != "<nil>" {
		t.Fatalf("Open = %s (%s), want success or *DamagedError", out.Type, out.Error)
	}
	if len(out.ReadErrors) == 0 {
		t.Error("reading participants through a wild page pointer gave no error")
	}
	for _, e := range out.ReadErrors {
		if !strings.Contains(e, "cannot be used") {
			t.Errorf("read error %q is not a DamagedError", e)
		}
	}
}

// setSchema writes the meta schema of a bbolt data file directly.
func setSchema(t *testing.T, path string, v int) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, byte(v)})
	})
	if err != nil {
		t.Fatal(err)
	}
}
