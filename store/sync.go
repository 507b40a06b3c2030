package store

import (
	"bytes"
	"crypto/ed25519"
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"sync"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"

	"github.com/workshopdesk/workshopdesk/store/changelog"
)

// payloadFormat is the format of a log file's payload this version writes.
const payloadFormat = 1

// SyncReport is what one exchange did.
type SyncReport struct {
	Folder string `json:"folder"`
	// Quiet is true when nothing had changed here or in the folder since
	// the last exchange: nothing was read or written.
	Quiet bool `json:"quiet"`
	// Sent is the number of changes written to SentFile ("" when none).
	Sent     int    `json:"sent"`
	SentFile string `json:"sent_file,omitempty"`
	// Received lists the files applied from other laptops.
	Received []SyncReceived `json:"received"`
	// Skipped lists the files that could not be applied, and why; they are
	// tried again at the next exchange.
	Skipped []SyncProblem `json:"skipped"`
	// ToReview is the number of changes added to the list to review.
	ToReview int `json:"to_review"`
}

// SyncReceived is one file applied from another laptop.
type SyncReceived struct {
	File    string `json:"file"`
	Laptop  string `json:"laptop"`
	Device  string `json:"device"`
	Changes int    `json:"changes"`
}

// SyncProblem names a file skipped and why.
type SyncProblem struct {
	File    string `json:"file"`
	Problem string `json:"problem"`
}

// FolderUnreachableError is returned when the shared folder cannot be
// reached (a USB stick not plugged in, a share not mounted).
type FolderUnreachableError struct {
	Folder string
	Err    error
}

func (e *FolderUnreachableError) Error() string {
	return fmt.Sprintf("the shared folder %s cannot be reached (%v): plug in the stick or connect the share, then exchange again; nothing is lost meanwhile", e.Folder, e.Err)
}

func (e *FolderUnreachableError) Unwrap() error { return e.Err }

// foundFile is a log file of another laptop read before an exchange.
type foundFile struct {
	path    string
	device  string
	seq     uint64
	payload *syncPayload
}

// Exchange writes this laptop's new changes to the shared folder and
// applies the other laptops' new files, in one committed transaction:
// this laptop's file is written (temporary name, synced, renamed) before
// the transaction commits. Files that are cut short, damaged, from a newer
// version or not sealed with the workshop's key are named in the report,
// skipped and tried again at the next exchange.
func (s *Store) Exchange(workshopID uuid.UUID) (SyncReport, error) {
	var cfg *SyncConfig
	var quiet bool
	seen := map[string]bool{}
	err := s.view(func(tx *bolt.Tx) (err error) {
		if cfg, err = syncConfigTx(tx, workshopID); err != nil {
			return err
		}
		if fi, err := os.Stat(cfg.Folder); err != nil || !fi.IsDir() {
			if err == nil {
				err = errors.New("it is not a folder")
			}
			return &FolderUnreachableError{Folder: cfg.Folder, Err: err}
		}
		if cfg.QuietTx == uint64(tx.ID()) && cfg.QuietFolder == folderState(cfg.dir()) {
			quiet = true
			return nil
		}
		if b := tx.Bucket(bucketSyncSeen); b != nil {
			c := b.Cursor()
			for k, _ := c.Seek(workshopID[:]); k != nil && bytes.HasPrefix(k, workshopID[:]); k, _ = c.Next() {
				seen[string(k[16:])] = true
			}
		}
		return nil
	})
	report := SyncReport{Folder: cfg.dirOrEmpty(), Received: []SyncReceived{}, Skipped: []SyncProblem{}}
	if err != nil || quiet {
		report.Quiet = quiet
		return report, err
	}
	found, problems, ownSeqs := s.readFolder(cfg, seen)
	report.Skipped = append(report.Skipped, problems...)
	err = s.update(func(tx *bolt.Tx) error {
		if err := syncBuckets(tx); err != nil {
			return err
		}
		cfg, err := syncConfigTx(tx, workshopID)
		if err != nil {
			return err
		}
		if err := s.sendTx(tx, cfg, ownSeqs, &report); err != nil {
			return err
		}
		if err := s.receiveTx(tx, cfg, found, &report); err != nil {
			return err
		}
		cfg.LastExchange = s.opts.Now()
		cfg.QuietTx = uint64(tx.ID())
		cfg.QuietFolder = folderState(cfg.dir())
		if len(report.Skipped) > 0 {
			cfg.QuietFolder = "" // try the skipped files again
		}
		return putSyncConfig(tx, cfg)
	})
	if err != nil {
		return SyncReport{}, fmt.Errorf("exchange with %s: %w", cfg.dir(), err)
	}
	return report, nil
}

func (c *SyncConfig) dirOrEmpty() string {
	if c == nil {
		return ""
	}
	return c.dir()
}

// sendTx writes this laptop's changes since its last file to a new file.
// When some of its earlier files are missing or damaged, everything is
// written again in the first of them (the others are written empty), so
// that nothing it sent is lost and the damaged files are mended.
func (s *Store) sendTx(tx *bolt.Tx, cfg *SyncConfig, ownSeqs map[uint64]bool, report *SyncReport) error {
	var broken []uint64
	for seq := uint64(1); seq < cfg.NextSeq; seq++ {
		if !ownSeqs[seq] {
			broken = append(broken, seq)
		}
	}
	since := cfg.Exported
	if len(broken) > 0 {
		since = time.Time{}
	}
	now := s.now()
	entries, err := s.exportTx(tx, cfg.WorkshopID, since)
	if err != nil {
		return err
	}
	write := func(seq uint64, entries []syncEntry) (string, error) {
		p := &syncPayload{Format: payloadFormat, Device: s.device, Laptop: cfg.LaptopName, Tag: cfg.Tag,
			Seq: seq, Made: now, Entries: entries}
		p.packMarks()
		payload, err := p.encode()
		if err != nil {
			return "", err
		}
		place := changelog.Place{Workshop: cfg.Code, Device: s.device, Seq: seq}
		return changelog.Write(filepath.Join(cfg.dir(), s.device), cfg.Key, place, payload)
	}
	cfg.Exported = now
	if len(broken) > 0 {
		for i, seq := range broken {
			var list []syncEntry
			if i == 0 {
				list = entries
			}
			path, err := write(seq, list)
			if err != nil {
				return err
			}
			if i == 0 {
				report.Sent, report.SentFile = len(entries), path
			}
		}
		return nil
	}
	if len(entries) == 0 && cfg.QuietTx != 0 {
		return nil
	}
	seq := cfg.NextSeq
	for n := range ownSeqs {
		seq = max(seq, n+1)
	}
	path, err := write(seq, entries)
	if err != nil {
		return err
	}
	cfg.NextSeq = seq + 1
	report.Sent, report.SentFile = len(entries), path
	return nil
}

// readFolder reads the other laptops' files not applied yet, and lists
// this laptop's own files that are sound. Files are opened on every
// processor: decoding is most of the time of a big merge.
func (s *Store) readFolder(cfg *SyncConfig, seen map[string]bool) (found []foundFile, problems []SyncProblem, own map[uint64]bool) {
	own = map[uint64]bool{}
	devices, err := os.ReadDir(cfg.dir())
	if err != nil {
		return nil, nil, own
	}
	type job struct {
		f   foundFile
		err error
	}
	var jobs []*job
	for _, d := range devices {
		if !d.IsDir() || uuid.Validate(d.Name()) != nil {
			continue
		}
		files, err := os.ReadDir(filepath.Join(cfg.dir(), d.Name()))
		if err != nil {
			problems = append(problems, SyncProblem{File: filepath.Join(cfg.dir(), d.Name()), Problem: err.Error()})
			continue
		}
		for _, f := range files {
			seq, ok := changelog.ParseFileName(f.Name())
			if !ok || d.Name() != s.device && seen[seenKey(d.Name(), seq)] {
				continue
			}
			jobs = append(jobs, &job{f: foundFile{path: filepath.Join(cfg.dir(), d.Name(), f.Name()), device: d.Name(), seq: seq}})
		}
	}
	next := make(chan *job)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), max(len(jobs), 1)) {
		wg.Go(func() {
			for j := range next {
				j.f.payload, j.err = readLogFile(j.f.path, cfg, j.f.device, j.f.seq)
			}
		})
	}
	for _, j := range jobs {
		next <- j
	}
	close(next)
	wg.Wait()
	for _, j := range jobs {
		mine := j.f.device == s.device
		switch {
		case j.err != nil && mine:
			problems = append(problems, SyncProblem{File: j.f.path, Problem: j.err.Error() + "; this laptop writes its changes again"})
		case j.err != nil:
			problems = append(problems, SyncProblem{File: j.f.path, Problem: j.err.Error()})
		case mine:
			own[j.f.seq] = true
		default:
			found = append(found, j.f)
		}
	}
	sort.Slice(found, func(i, j int) bool {
		if found[i].device != found[j].device {
			return found[i].device < found[j].device
		}
		return found[i].seq < found[j].seq
	})
	return found, problems, own
}

// readLogFile reads and decodes one log file.
func readLogFile(path string, cfg *SyncConfig, device string, seq uint64) (*syncPayload, error) {
	data, err := changelog.Read(path, cfg.Key, changelog.Place{Workshop: cfg.Code, Device: device, Seq: seq})
	if err != nil {
		return nil, err
	}
	var p syncPayload
	if err := p.decode(data); err != nil {
		return nil, fmt.Errorf("%w (%v)", changelog.ErrDamaged, err)
	}
	if p.Format > payloadFormat {
		return nil, fmt.Errorf("%w (payload format %d)", changelog.ErrNewer, p.Format)
	}
	if p.Device != device || p.Seq != seq {
		return nil, fmt.Errorf("%w (it names device %s, file %d)", changelog.ErrDamaged, p.Device, p.Seq)
	}
	if err := p.unpackMarks(); err != nil {
		return nil, fmt.Errorf("%w (%v)", changelog.ErrDamaged, err)
	}
	return &p, nil
}

func seenKey(device string, seq uint64) string {
	return device + "|" + string(binary.BigEndian.AppendUint64(nil, seq))
}

// receiveTx applies the files found, all their changes ordered by kind
// (workshop, sessions, participants, certificates, attendance), so that a
// record comes before what refers to it.
func (s *Store) receiveTx(tx *bolt.Tx, cfg *SyncConfig, found []foundFile, report *SyncReport) error {
	type item struct {
		file int
		e    *syncEntry
	}
	var items []item
	seenB := tx.Bucket(bucketSyncSeen)
	for i := range found {
		if seenB.Get(append(cfg.WorkshopID[:], seenKey(found[i].device, found[i].seq)...)) != nil {
			found[i].payload = nil
			continue
		}
		for j := range found[i].payload.Entries {
			items = append(items, item{i, &found[i].payload.Entries[j]})
		}
	}
	// By kind, then in key order: bbolt inserts in key order without moving
	// what a page already holds, which makes a big merge several times faster.
	slices.SortStableFunc(items, func(a, b item) int {
		if d := entryOrder[a.e.Kind] - entryOrder[b.e.Kind]; d != 0 {
			return d
		}
		switch a.e.Kind {
		case entryParticipant:
			return bytes.Compare(a.e.ID[:], b.e.ID[:])
		case entryAttendance:
			if d := bytes.Compare(a.e.Key, b.e.Key); d != 0 || len(a.e.Value) < attendanceFixed || len(b.e.Value) < attendanceFixed {
				return d
			}
			return bytes.Compare(a.e.Value[33:41], b.e.Value[33:41])
		}
		return 0
	})
	if len(items) > bigMerge {
		packPages(tx)
	}
	failed := map[int]string{}
	ap := &applier{s: s, tx: tx, cfg: cfg}
	fail := func(file int, err error) {
		if failed[file] == "" {
			failed[file] = err.Error()
		}
	}
	for i := 0; i < len(items); i++ {
		it := items[i]
		ap.from = found[it.file].device
		if it.e.Kind != entryAttendance || len(it.e.Key) != 32 {
			if err := ap.apply(it.e); err != nil {
				fail(it.file, err)
			}
			continue
		}
		// The versions of one attendance record, together.
		j := i + 1
		for j < len(items) && items[j].e.Kind == entryAttendance && bytes.Equal(items[j].e.Key, it.e.Key) {
			j++
		}
		marks := make([]Attendance, 0, j-i)
		for _, m := range items[i:j] {
			a, err := unpackMark(m.e.Key, m.e.Value)
			if err != nil {
				fail(m.file, err)
				continue
			}
			marks = append(marks, a)
		}
		if err := ap.marks(it.e.Key, marks); err != nil {
			for _, m := range items[i:j] {
				fail(m.file, err)
			}
		}
		i = j - 1
	}
	if err := saveChanges(tx, cfg.WorkshopID, ap.changes); err != nil {
		return err
	}
	report.ToReview = len(ap.changes)
	if cfg.Laptops == nil {
		cfg.Laptops = map[string]*LaptopSeen{}
	}
	for i, f := range found {
		if f.payload == nil {
			continue
		}
		l := cfg.Laptops[f.device]
		if l == nil {
			l = &LaptopSeen{Device: f.device}
			cfg.Laptops[f.device] = l
		}
		l.Name, l.Tag = f.payload.Laptop, f.payload.Tag
		if f.payload.Made.After(l.LastChange) {
			l.LastChange = f.payload.Made
		}
		l.Changes += len(f.payload.Entries)
		if msg := failed[i]; msg != "" {
			report.Skipped = append(report.Skipped, SyncProblem{File: f.path, Problem: msg + "; tried again at the next exchange"})
			continue
		}
		l.Files++
		if err := seenB.Put(append(cfg.WorkshopID[:], seenKey(f.device, f.seq)...), nil); err != nil {
			return err
		}
		report.Received = append(report.Received, SyncReceived{File: f.path, Laptop: f.payload.Laptop, Device: f.device, Changes: len(f.payload.Entries)})
	}
	return nil
}

// bigMerge is the number of changes past which an exchange fills the
// pages of the buckets it writes most.
const bigMerge = 5000

// packPages fills the pages of the buckets a big merge writes (bbolt
// leaves them half empty by default, for random inserts): the merge
// writes in key order, and the attendance history only grows. Half the
// pages to write at commit; a later insert splits a page as usual.
func packPages(tx *bolt.Tx) {
	for _, name := range [][]byte{bucketAttendance, bucketAttendanceHistory, bucketParticipants, bucketSyncFields,
		bucketParticipantsByWorkshop} {
		if b := tx.Bucket(name); b != nil {
			b.FillPercent = 0.95
		}
	}
}

// folderState sums up the names, sizes and times of the files in a
// workshop's folder: unchanged, there is nothing new to read.
func folderState(dir string) string {
	h := sha256.New()
	devices, err := os.ReadDir(dir)
	if err != nil {
		return ""
	}
	for _, d := range devices {
		files, _ := os.ReadDir(filepath.Join(dir, d.Name()))
		for _, f := range files {
			if fi, err := f.Info(); err == nil {
				fmt.Fprintf(h, "%s/%s %d %d\n", d.Name(), f.Name(), fi.Size(), fi.ModTime().UnixNano())
			}
		}
	}
	return fmt.Sprintf("%x", h.Sum(nil))
}

// joinSecret is what a join file holds, sealed with the workshop key.
type joinSecret struct {
	WorkshopID uuid.UUID `json:"workshop_id"`
	Code       string    `json:"code"`
	Title      string    `json:"title"`
	SigningKey []byte    `json:"signing_key"`
}

// ErrAlreadyShared is returned when starting to share a workshop whose
// folder already holds a shared workshop.
var ErrAlreadyShared = errors.New("a workshop with this code is already shared in this folder: join it with the join code shown on the laptop that shares it")

// StartSharing shares a workshop through folder: it writes the workshop's
// join file there, sealed with a new join code that StartSharing returns
// in the settings, and makes the first exchange.
func (s *Store) StartSharing(workshopID uuid.UUID, folder, laptopName string) (SyncConfig, SyncReport, error) {
	folder, err := filepath.Abs(folder)
	if err != nil {
		return SyncConfig{}, SyncReport{}, err
	}
	if fi, err := os.Stat(folder); err != nil || !fi.IsDir() {
		if err == nil {
			err = errors.New("it is not a folder")
		}
		return SyncConfig{}, SyncReport{}, &FolderUnreachableError{Folder: folder, Err: err}
	}
	err = s.update(func(tx *bolt.Tx) error {
		if _, err := syncConfigTx(tx, workshopID); err == nil {
			return fmt.Errorf("start sharing: the workshop is already shared")
		}
		var w Workshop
		if err := liveWorkshop(tx, workshopID, &w); err != nil {
			return err
		}
		cfg := &SyncConfig{WorkshopID: w.ID, Code: w.Code, Folder: folder, LaptopName: laptopName, NextSeq: 1,
			JoinCode: changelog.NewJoinCode()}
		joinPath := filepath.Join(cfg.dir(), changelog.JoinFileName)
		if _, err := os.Stat(joinPath); err == nil {
			return ErrAlreadyShared
		}
		priv, err := ensureKey(tx)
		if err != nil {
			return err
		}
		secret, err := json.Marshal(joinSecret{WorkshopID: w.ID, Code: w.Code, Title: w.Title, SigningKey: priv})
		if err != nil {
			return err
		}
		file, key, err := changelog.SealJoin(cfg.JoinCode, secret)
		if err != nil {
			return err
		}
		cfg.Key = key
		if err := changelog.WriteAtomic(joinPath, file); err != nil {
			return err
		}
		return putSyncConfig(tx, cfg)
	})
	if err != nil {
		return SyncConfig{}, SyncReport{}, fmt.Errorf("start sharing: %w", err)
	}
	s.clock.setStrict(true)
	report, err := s.Exchange(workshopID)
	if err != nil {
		return SyncConfig{}, report, err
	}
	cfg, err := s.SyncSettings(workshopID)
	return cfg, report, err
}

// Join joins the workshop shared in folder that the join code opens: the
// workshop, its signing key and everything the other laptops wrote come
// into this file. It returns the workshop's ID and the first exchange's
// report.
func (s *Store) Join(folder, joinCode, laptopName string) (uuid.UUID, SyncReport, error) {
	folder, err := filepath.Abs(folder)
	if err != nil {
		return uuid.Nil, SyncReport{}, err
	}
	dirs, err := os.ReadDir(folder)
	if err != nil {
		return uuid.Nil, SyncReport{}, &FolderUnreachableError{Folder: folder, Err: err}
	}
	var secret joinSecret
	var key []byte
	var problems []error
	tried := 0
	for _, d := range dirs {
		path := filepath.Join(folder, d.Name(), changelog.JoinFileName)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		tried++
		data, k, err := changelog.OpenJoin(path, joinCode)
		if errors.Is(err, changelog.ErrWrongKey) {
			continue
		}
		if err == nil {
			err = json.Unmarshal(data, &secret)
		}
		if err != nil {
			problems = append(problems, fmt.Errorf("%s: %w", path, err))
			continue
		}
		key = k
		break
	}
	if key == nil {
		if len(problems) > 0 {
			return uuid.Nil, SyncReport{}, fmt.Errorf("join: %w", errors.Join(problems...))
		}
		return uuid.Nil, SyncReport{}, fmt.Errorf("join: the join code opens none of the %d shared workshops in %s: check the code shown on the first laptop (Workshop › Laptops)", tried, folder)
	}
	if len(secret.SigningKey) != ed25519.PrivateKeySize || secret.WorkshopID == uuid.Nil {
		return uuid.Nil, SyncReport{}, fmt.Errorf("join: the workshop's join file is incomplete")
	}
	err = s.update(func(tx *bolt.Tx) error {
		if _, err := syncConfigTx(tx, secret.WorkshopID); err == nil {
			return nil // joined before
		}
		if owner := tx.Bucket(bucketWorkshopCodes).Get([]byte(secret.Code)); owner != nil && !bytes.Equal(owner, secret.WorkshopID[:]) {
			return fmt.Errorf("this data file already has another workshop with the code %s: join with another data file (--data)", secret.Code)
		}
		if err := adoptKey(tx, secret.SigningKey); err != nil {
			return err
		}
		taken := map[string]bool{}
		cfg := &SyncConfig{WorkshopID: secret.WorkshopID, Code: secret.Code, Folder: folder, JoinCode: changelog.FormatJoinCode(joinCode),
			Key: key, LaptopName: laptopName, NextSeq: 1, Tag: deviceTag(s.device, taken)}
		return putSyncConfig(tx, cfg)
	})
	if err != nil {
		return uuid.Nil, SyncReport{}, fmt.Errorf("join: %w", err)
	}
	s.clock.setStrict(true)
	report, err := s.Exchange(secret.WorkshopID)
	return secret.WorkshopID, report, err
}

// adoptKey makes the shared workshop's signing key this file's, so that
// its certificates verify here: refused when this file already signed
// certificates with another key.
func adoptKey(tx *bolt.Tx, shared []byte) error {
	cur, err := signingKey(tx)
	if err != nil {
		return err
	}
	if bytes.Equal(cur, shared) {
		return nil
	}
	if cur != nil {
		if k, _ := tx.Bucket(bucketCertificates).Cursor().First(); k != nil {
			return errors.New("this data file already holds certificates signed with its own key: join with a new data file (--data), or the certificates here would no longer verify")
		}
	}
	return tx.Bucket(bucketMeta).Put(metaSigningKey, bytes.Clone(shared))
}

// SharedWorkshops lists the IDs of the workshops this file shares.
func (s *Store) SharedWorkshops() ([]uuid.UUID, error) {
	var out []uuid.UUID
	err := s.view(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSyncWorkshops)
		if b == nil {
			return nil
		}
		return b.ForEach(func(k, _ []byte) error {
			if len(k) == 16 {
				out = append(out, uuid.UUID(k))
			}
			return nil
		})
	})
	return out, err
}
