package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// The schema-1 layout, spelled out here rather than taken from buckets.go
// so that later schemas cannot change what the oldest files look like:
// every bucket of schema 2 except badge_codes and attendance_marks.
var schema1Buckets = []string{
	"meta",
	"workshops", "workshop_codes",
	"sessions", "sessions_by_workshop",
	"participants", "participants_by_workshop",
	"attendance", "attendance_history",
	"certificates", "certificates_by_participant",
}

const (
	schema1Device  = "0196f0a4-5c00-7000-8000-00000000d0d0"
	schema1Fixture = "testdata/schema1.db"
	writeFixture   = "WORKSHOPDESK_WRITE_TESTDATA"
)

var schema1Base = time.Date(2026, 5, 28, 8, 0, 0, 0, time.UTC)

// fixedID returns a deterministic UUIDv7: the fixture's base time in
// milliseconds, version 7, RFC 4122 variant, and n.
func fixedID(n uint16) uuid.UUID {
	var u uuid.UUID
	binary.BigEndian.PutUint64(u[:8], uint64(schema1Base.UnixMilli())<<16) // 48-bit milliseconds
	binary.BigEndian.PutUint16(u[6:], 0x7000|n&0x0fff)                     // version 7
	u[8] = 0x80                                                            // RFC 4122 variant
	copy(u[9:], "fixture")
	return u
}

// schema1Data is the content of a schema-1 file.
type schema1Data struct {
	workshops    []Workshop
	sessions     []Session
	participants []Participant // live and deleted
	attendance   []Attendance  // current records
	history      []Attendance  // every version, keyed by historyIDs
	historyIDs   []uuid.UUID
}

// Fixture IDs.
var (
	s1W1, s1W2             = fixedID(1), fixedID(2)
	s1S1, s1S2, s1S3       = fixedID(10), fixedID(11), fixedID(12)
	s1P1, s1P2, s1P3       = fixedID(20), fixedID(21), fixedID(22) // P1 and P2 share HJKM; P3 has no code
	s1Tomb, s1P4, s1P6     = fixedID(23), fixedID(24), fixedID(25) // a tombstone and P4 share WXYZ; P6 has HJKM in W2
	s1Lower                = fixedID(26)                           // only in the lower-case variant
	s1A1, s1A2, s1A3, s1A4 = fixedID(40), fixedID(41), fixedID(42), fixedID(43)
)

// newSchema1Data returns the fixture: two workshops, three sessions, six
// participants (two sharing a badge code, one without a code, one deleted)
// and attendance, with one record changed once. extra participants of the
// first workshop are added.
func newSchema1Data(extra ...Participant) schema1Data {
	rec := func(id uuid.UUID, minutes int) Record {
		at := schema1Base.Add(time.Duration(minutes) * time.Minute)
		return Record{ID: id, CreatedAt: at, UpdatedAt: at, DeviceID: schema1Device}
	}
	d1, _ := ParseDate("2026-06-01")
	d2, _ := ParseDate("2026-09-07")
	deletedAt := schema1Base.Add(50 * time.Minute)
	tomb := Participant{Record: rec(s1Tomb, 5), WorkshopID: s1W1, GivenNames: "Registered", FamilyNames: "Twice",
		Role: RoleParticipant, BadgeCode: "WXYZ"}
	tomb.DeletedAt, tomb.UpdatedAt = &deletedAt, deletedAt
	d := schema1Data{
		workshops: []Workshop{
			{Record: rec(s1W1, 0), Code: "nairobi-2026", Title: "Regional workshop on labour migration", City: "Nairobi",
				Country: "KE", TimeZone: "Africa/Nairobi", StartDate: d1, EndDate: d1.AddDays(2), Language: "en"},
			{Record: rec(s1W2, 1), Code: "lima-2026", Title: "Taller regional", City: "Lima",
				Country: "PE", TimeZone: "America/Lima", StartDate: d2, EndDate: d2.AddDays(1), Language: "es"},
		},
		sessions: []Session{
			{Record: rec(s1S1, 2), WorkshopID: s1W1, Date: d1, Start: 9 * 60, End: 10*60 + 30, Title: "Opening plenary",
				Type: Plenary, Counts: true, Mandatory: true},
			{Record: rec(s1S2, 3), WorkshopID: s1W1, Date: d1.AddDays(1), Start: 9 * 60, End: 12 * 60, Title: "Working groups",
				Type: WorkingGroup, Counts: true},
			{Record: rec(s1S3, 4), WorkshopID: s1W2, Date: d2, Start: 9 * 60, End: 10 * 60, Title: "Apertura",
				Type: Plenary, Counts: true},
		},
		participants: []Participant{
			{Record: rec(s1P1, 5), WorkshopID: s1W1, GivenNames: "Grace", FamilyNames: "Wanjiru", Country: "KE",
				Email: "grace@example.org", Role: RoleParticipant, BadgeCode: "HJKM"},
			{Record: rec(s1P2, 6), WorkshopID: s1W1, GivenNames: "Kwame", FamilyNames: "Mensah", Country: "GH",
				Role: RoleSpeaker, BadgeCode: "HJKM"},
			{Record: rec(s1P3, 7), WorkshopID: s1W1, GivenNames: "Amani", FamilyNames: "Mwakyusa", Country: "TZ",
				Role: RoleParticipant, BadgeCode: ""},
			tomb,
			{Record: rec(s1P4, 8), WorkshopID: s1W1, GivenNames: "Chidi", FamilyNames: "Okafor", Country: "NG",
				Role: RoleParticipant, BadgeCode: "WXYZ"},
			{Record: rec(s1P6, 9), WorkshopID: s1W2, GivenNames: "Rafael", FamilyNames: "Peña", Country: "PE",
				Role: RoleParticipant, BadgeCode: "HJKM"},
		},
	}
	d.participants = append(d.participants, extra...)

	at := func(h, m int) time.Time { return time.Date(2026, 6, 1, h, m, 0, 0, time.UTC) }
	version := func(id, se, p uuid.UUID, st Status, recorded time.Time, updated time.Time, created time.Time) Attendance {
		return Attendance{Record: Record{ID: id, CreatedAt: created, UpdatedAt: updated, DeviceID: schema1Device},
			SessionID: se, ParticipantID: p, Status: st, RecordedAt: recorded}
	}
	a1 := version(s1A1, s1S1, s1P1, Present, at(6, 2), at(6, 2), at(6, 2))
	a2old := version(s1A2, s1S1, s1P2, Absent, at(6, 0), at(6, 0), at(6, 0))
	a2 := version(s1A2, s1S1, s1P2, Late, at(6, 20), at(6, 21), at(6, 0))
	a2.Note = "flight delayed"
	a3 := version(s1A3, s1S2, s1P3, Excused, at(24+6, 5), at(24+6, 5), at(24+6, 5)) // the next day
	a4 := version(s1A4, s1S3, s1P6, Present, time.Date(2026, 9, 7, 14, 1, 0, 0, time.UTC),
		time.Date(2026, 9, 7, 14, 1, 0, 0, time.UTC), time.Date(2026, 9, 7, 14, 1, 0, 0, time.UTC))
	d.attendance = []Attendance{a1, a2, a3, a4}
	d.history = []Attendance{a1, a2old, a2, a3, a4}
	d.historyIDs = []uuid.UUID{fixedID(60), fixedID(61), fixedID(62), fixedID(63), fixedID(64)}
	return d
}

func cat(ids ...uuid.UUID) []byte {
	var k []byte
	for _, id := range ids {
		k = append(k, id[:]...)
	}
	return k
}

// writeSchema1 writes d as a schema-1 data file with plain bbolt calls.
func writeSchema1(t testing.TB, path string, d schema1Data) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := map[string]*bolt.Bucket{}
		for _, name := range schema1Buckets {
			var err error
			if b[name], err = tx.CreateBucket([]byte(name)); err != nil {
				return err
			}
		}
		put := func(bucket string, key []byte, v any) error {
			data := []byte(nil)
			if v != nil {
				var err error
				if data, err = json.Marshal(v); err != nil {
					return err
				}
			}
			return b[bucket].Put(key, data)
		}
		errs := []error{
			b["meta"].Put([]byte("app"), []byte("workshopdesk")),
			b["meta"].Put([]byte("schema"), []byte{0, 0, 0, 1}),
			b["meta"].Put([]byte("device_id"), []byte(schema1Device)),
			b["meta"].Put([]byte("created_at"), []byte(schema1Base.Format(time.RFC3339))),
		}
		for _, w := range d.workshops {
			errs = append(errs, put("workshops", w.ID[:], &w), b["workshop_codes"].Put([]byte(w.Code), w.ID[:]))
		}
		for _, se := range d.sessions {
			errs = append(errs, put("sessions", se.ID[:], &se), put("sessions_by_workshop", cat(se.WorkshopID, se.ID), nil))
		}
		for _, p := range d.participants {
			errs = append(errs, put("participants", p.ID[:], &p))
			if !p.Deleted() {
				errs = append(errs, put("participants_by_workshop", cat(p.WorkshopID, p.ID), nil))
			}
		}
		for _, a := range d.attendance {
			errs = append(errs, put("attendance", cat(a.SessionID, a.ParticipantID), &a))
		}
		for i, a := range d.history {
			errs = append(errs, put("attendance_history", cat(a.SessionID, a.ParticipantID, d.historyIDs[i]), &a))
		}
		return errors.Join(errs...)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// dumpBolt returns every bucket, key and value of a bbolt file.
func dumpBolt(t testing.TB, path string) map[string]map[string]string {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: time.Second})
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	defer db.Close()
	out := map[string]map[string]string{}
	err = db.View(func(tx *bolt.Tx) error {
		return tx.ForEach(func(name []byte, b *bolt.Bucket) error {
			m := map[string]string{}
			out[string(name)] = m
			return b.ForEach(func(k, v []byte) error {
				m[string(k)] = string(v)
				return nil
			})
		})
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// assertMigrated checks a store opened on the schema-1 fixture at now.
func assertMigrated(t *testing.T, s *Store, d schema1Data, now time.Time) {
	t.Helper()
	err := s.view(func(tx *bolt.Tx) error {
		if v := decodeSchema(tx.Bucket(bucketMeta).Get(metaSchema)); v != currentSchema {
			t.Errorf("schema after migration = %d, want %d", v, currentSchema)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if s.DeviceID() != schema1Device {
		t.Errorf("DeviceID() = %q, want the file's %q", s.DeviceID(), schema1Device)
	}
	err = s.view(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if tx.Bucket(name) == nil {
				t.Errorf("bucket %s is missing after migration", name)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}

	// A backup of the file as it was, before migrating.
	list, err := Backups(s.Path())
	if err != nil {
		t.Fatal(err)
	}
	var pre []BackupInfo
	for _, b := range list {
		if strings.HasSuffix(b.Path, "-pre-migration.db") {
			pre = append(pre, b)
		}
	}
	if len(pre) != 1 {
		t.Fatalf("backups %v: want exactly one pre-migration backup", list)
	}
	if !pre[0].Time.Equal(now.Truncate(time.Millisecond)) {
		t.Errorf("pre-migration backup time %v, want %v", pre[0].Time, now)
	}
	old := dumpBolt(t, pre[0].Path)
	if old["meta"]["schema"] != "\x00\x00\x00\x01" {
		t.Errorf("pre-migration backup has schema %x, want 1", old["meta"]["schema"])
	}
	if _, ok := old["badge_codes"]; ok {
		t.Error("pre-migration backup already has the badge_codes bucket")
	}
	var oldP2 Participant
	if err := json.Unmarshal([]byte(old["participants"][string(s1P2[:])]), &oldP2); err != nil || oldP2.BadgeCode != "HJKM" {
		t.Errorf("pre-migration backup's shared code participant: %+v, %v", oldP2, err)
	}

	// Badge codes: unique per workshop, the first holder keeps a shared one.
	get := func(id uuid.UUID) Participant {
		t.Helper()
		p, err := s.Participant(id)
		if err != nil {
			t.Fatalf("participant %s: %v", id, err)
		}
		return p
	}
	p1, p2, p3, p4, p6 := get(s1P1), get(s1P2), get(s1P3), get(s1P4), get(s1P6)
	if p1.BadgeCode != "HJKM" || !p1.UpdatedAt.Equal(d.participants[0].UpdatedAt) {
		t.Errorf("first holder of HJKM: code %q, updated %v; want the code and record kept", p1.BadgeCode, p1.UpdatedAt)
	}
	for _, p := range []Participant{p2, p3} {
		if p.BadgeCode == "HJKM" || !validBadgeCode(p.BadgeCode) {
			t.Errorf("%s: badge code %q, want a new valid code", p.FullName(), p.BadgeCode)
		}
		if !p.UpdatedAt.Equal(now) || p.CreatedAt.Equal(now) {
			t.Errorf("%s recoded: created %v, updated %v; want the creation kept and the update now", p.FullName(), p.CreatedAt, p.UpdatedAt)
		}
	}
	if p4.BadgeCode != "WXYZ" {
		t.Errorf("the live holder of WXYZ (a deleted participant had it too) got %q", p4.BadgeCode)
	}
	if p6.BadgeCode != "HJKM" {
		t.Errorf("HJKM in the other workshop became %q", p6.BadgeCode)
	}
	live, err := s.Participants(s1W1)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]uuid.UUID{}
	for _, p := range live {
		if other, dup := seen[p.BadgeCode]; dup {
			t.Errorf("badge code %s is shared by %s and %s", p.BadgeCode, other, p.ID)
		}
		seen[p.BadgeCode] = p.ID
		got, err := s.ParticipantByBadge(s1W1, strings.ToLower(p.BadgeCode))
		if err != nil || got.ID != p.ID {
			t.Errorf("ParticipantByBadge(%s) = %v, %v; want %s", p.BadgeCode, got.ID, err, p.FullName())
		}
	}
	if len(live) != len(d.participants)-2 { // less the tombstone and the other workshop's
		t.Errorf("%d live participants in the first workshop, want %d", len(live), len(d.participants)-2)
	}
	if got, err := s.ParticipantByBadge(s1W2, "hjkm"); err != nil || got.ID != s1P6 {
		t.Errorf("ParticipantByBadge(lima, HJKM) = %v, %v", got.ID, err)
	}
	if _, err := s.Participant(s1Tomb); !errors.Is(err, ErrNotFound) {
		t.Errorf("the deleted participant is back: %v", err)
	}

	// Attendance marks.
	wd, err := s.LoadWorkshop(s1W1)
	if err != nil {
		t.Fatal(err)
	}
	want := map[uuid.UUID]map[uuid.UUID]Attendance{s1S1: {}, s1S2: {}}
	for _, a := range d.attendance {
		if want[a.SessionID] != nil {
			want[a.SessionID][a.ParticipantID] = a
		}
	}
	for se, marks := range want {
		if wd.Marks[se].Len() != len(marks) {
			t.Errorf("session %s: %d marks, want %d", se, wd.Marks[se].Len(), len(marks))
		}
		for p, a := range marks {
			m := markAt(wd, se, p)
			if m.Status != a.Status || !m.RecordedAt.Equal(a.RecordedAt) {
				t.Errorf("mark %s/%s = %+v, want %s at %v", se, p, m, a.Status, a.RecordedAt)
			}
		}
	}
	wd2, err := s.LoadWorkshop(s1W2)
	if err != nil || markAt(wd2, s1S3, s1P6).Status != Present {
		t.Errorf("second workshop's marks: %+v, %v", wd2, err)
	}
	hist, err := s.AttendanceHistory(s1S1, s1P2)
	if err != nil || len(hist) != 2 || hist[0].Status != Absent || hist[1].Status != Late {
		t.Errorf("history kept through migration = %+v, %v", hist, err)
	}
	// The migrated file takes new writes.
	a := Attendance{SessionID: s1S2, ParticipantID: p2.ID, Status: Present}
	if err := s.RecordAttendance(&a); err != nil {
		t.Errorf("recording attendance after migration: %v", err)
	}
	mustCheck(t, s)
}

func TestMigrateSchema1(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	d := newSchema1Data()
	writeSchema1(t, path, d)
	now := time.Date(2027, 1, 15, 10, 30, 0, 0, time.UTC)
	// No automatic backups: the pre-migration backup must be made anyway.
	s := openAt(t, path, Options{NoAutoBackup: true, Now: newClock(now).Now})
	assertMigrated(t, s, d, now)
	s.Close()

	// Reopening does not migrate again.
	s = openAt(t, path, Options{NoAutoBackup: true, Now: newClock(now.Add(time.Hour)).Now})
	list, _ := Backups(path)
	if len(list) != 1 {
		t.Errorf("backups after reopening: %v, want only the pre-migration one", list)
	}
	if p, err := s.Participant(s1P1); err != nil || p.BadgeCode != "HJKM" {
		t.Errorf("after reopening: %+v, %v", p, err)
	}
}

func TestMigrateCommittedSchema1File(t *testing.T) {
	data, err := os.ReadFile(schema1Fixture)
	if err != nil {
		t.Fatalf("the committed fixture is missing (write it with %s=1 go test -run TestWriteSchema1Fixture ./store/): %v", writeFixture, err)
	}
	path := filepath.Join(t.TempDir(), "workshops.db")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	now := time.Date(2027, 2, 1, 12, 0, 0, 0, time.UTC)
	s := openAt(t, path, Options{NoAutoBackup: true, Now: newClock(now).Now})
	assertMigrated(t, s, newSchema1Data(), now)
}

// TestWriteSchema1Fixture writes testdata/schema1.db when
// WORKSHOPDESK_WRITE_TESTDATA=1, and always checks that the committed file
// holds exactly what the builder writes.
func TestWriteSchema1Fixture(t *testing.T) {
	built := filepath.Join(t.TempDir(), "schema1.db")
	writeSchema1(t, built, newSchema1Data())
	if os.Getenv(writeFixture) == "1" {
		data, err := os.ReadFile(built)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(schema1Fixture), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(schema1Fixture, data, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d bytes)", schema1Fixture, len(data))
	}
	want, got := dumpBolt(t, built), dumpBolt(t, schema1Fixture)
	if len(got) != len(want) {
		t.Errorf("committed fixture has buckets %v, the builder writes %v", keys(got), keys(want))
	}
	for name, wb := range want {
		gb, ok := got[name]
		if !ok {
			t.Errorf("committed fixture lacks bucket %s", name)
			continue
		}
		for k, v := range wb {
			if gb[k] != v {
				t.Errorf("bucket %s key %x: committed %q, builder %q", name, k, gb[k], v)
			}
		}
		if len(gb) != len(wb) {
			t.Errorf("bucket %s: committed %d keys, builder %d", name, len(gb), len(wb))
		}
	}
	for _, name := range []string{"badge_codes", "attendance_marks"} {
		if _, ok := got[name]; ok {
			t.Errorf("the schema-1 fixture has the schema-2 bucket %s", name)
		}
	}
}

func keys[V any](m map[string]V) []string {
	var list []string
	for k := range m {
		list = append(list, k)
	}
	return list
}

// TestMigrateStoresNormalizedBadgeCode migrates a participant whose stored
// code is written the way people type it ("kq-7m3"): the index gets the
// normalised code, and the record must say the same.
func TestMigrateStoresNormalizedBadgeCode(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	lower := Participant{Record: Record{ID: s1Lower, CreatedAt: schema1Base, UpdatedAt: schema1Base, DeviceID: schema1Device},
		WorkshopID: s1W1, GivenNames: "Typed", FamilyNames: "By Hand", Role: RoleParticipant, BadgeCode: "kq-7m3"}
	writeSchema1(t, path, newSchema1Data(lower))
	s := openAt(t, path, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	got, err := s.ParticipantByBadge(s1W1, "KQ7M3")
	if err != nil || got.ID != s1Lower {
		t.Fatalf("ParticipantByBadge(KQ7M3) = %v, %v", got.ID, err)
	}
	if got.BadgeCode != "KQ7M3" {
		t.Errorf("the record keeps badge code %q while the index has KQ7M3", got.BadgeCode)
	}
	mustCheck(t, s)
}

func TestOpenUnknownSchema(t *testing.T) {
	for _, schema := range [][]byte{nil, {0, 0, 0, 0}, {1}} {
		t.Run(fmt.Sprintf("%x", schema), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "workshops.db")
			d := newSchema1Data()
			writeSchema1(t, path, d)
			db, err := bolt.Open(path, 0o600, nil)
			if err != nil {
				t.Fatal(err)
			}
			db.Update(func(tx *bolt.Tx) error {
				if schema == nil {
					return tx.Bucket([]byte("meta")).Delete([]byte("schema"))
				}
				return tx.Bucket([]byte("meta")).Put([]byte("schema"), schema)
			})
			db.Close()
			before := fileSHA(t, path)
			s, err := Open(path, Options{NoAutoBackup: true})
			if s != nil {
				s.Close()
			}
			var de *DamagedError
			if !errors.As(err, &de) {
				t.Errorf("Open with schema %x = %v, want *DamagedError", schema, err)
			}
			if !bytes.Equal([]byte(fileSHA(t, path)), []byte(before)) {
				t.Error("the file was changed")
			}
		})
	}
}

// writeSchema2 writes a schema-2 data file: the schema-1 fixture brought to
// schema 2 by its own migration step, plus certificates as schema 2 stored
// them (no code, no number index), one number given twice.
func writeSchema2(t *testing.T, path string, certs []CertificateIssue) {
	t.Helper()
	writeSchema1(t, path, newSchema1Data())
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	old := &Store{now: func() time.Time { return schema1Base }, device: schema1Device}
	err = db.Update(func(tx *bolt.Tx) error {
		if err := migrateBadgesAndMarks(old, tx); err != nil {
			return err
		}
		errs := []error{tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte{0, 0, 0, 2})}
		for _, c := range certs {
			errs = append(errs, putJSON(tx.Bucket([]byte("certificates")), c.ID[:], &c),
				tx.Bucket([]byte("certificates_by_participant")).Put(c.ParticipantID[:], c.ID[:]))
		}
		return errors.Join(errs...)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestMigrateSchema2Certificates(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	rec := func(n uint16) Record {
		return Record{ID: fixedID(n), CreatedAt: schema1Base, UpdatedAt: schema1Base, DeviceID: schema1Device}
	}
	issued := schema1Base.Add(72 * time.Hour)
	certs := []CertificateIssue{
		{Record: rec(80), WorkshopID: s1W1, ParticipantID: s1P1, Number: "NAIROBI-2026-004", IssuedAt: issued},
		{Record: rec(81), WorkshopID: s1W1, ParticipantID: s1P4, Number: "nbo-7", IssuedAt: issued, Reprints: 1,
			VoidedAt: issued.Add(time.Hour), VoidReason: "misspelt name"},
		{Record: rec(82), WorkshopID: s1W2, ParticipantID: s1P6, Number: "NAIROBI-2026-004", IssuedAt: issued},
	}
	writeSchema2(t, path, certs)
	now := time.Date(2027, 1, 15, 10, 30, 0, 0, time.UTC)
	s := openAt(t, path, Options{NoAutoBackup: true, Now: newClock(now).Now})

	err := s.view(func(tx *bolt.Tx) error {
		if v := decodeSchema(tx.Bucket(bucketMeta).Get(metaSchema)); v != currentSchema {
			t.Errorf("schema = %d, want %d", v, currentSchema)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	list, _ := Backups(path)
	if len(list) != 1 || dumpBolt(t, list[0].Path)["meta"]["schema"] != "\x00\x00\x00\x02" {
		t.Errorf("backups %v: want one pre-migration copy at schema 2", list)
	}
	w1, err := s.Certificates(s1W1)
	if err != nil || len(w1) != 2 {
		t.Fatalf("register of the first workshop = %+v, %v", w1, err)
	}
	// Ordered by sequence: the hand-made number (0) first.
	if w1[0].Number != "nbo-7" || w1[0].Sequence != 0 || !w1[0].Voided() || w1[0].Reprints != 1 ||
		w1[1].Number != "NAIROBI-2026-004" || w1[1].Sequence != 4 || !w1[1].UpdatedAt.Equal(schema1Base) {
		t.Errorf("migrated register %+v", w1)
	}
	w2, _ := s.Certificates(s1W2)
	if len(w2) != 1 || w2[0].Number != "NAIROBI-2026-004-2" || !w2[0].UpdatedAt.Equal(now) {
		t.Errorf("the second holder of a shared number = %+v, want NAIROBI-2026-004-2 touched now", w2)
	}
	for _, c := range append(w1, w2...) {
		if !codeShape.MatchString(c.Code) {
			t.Errorf("%s: code %q", c.Number, c.Code)
		}
		r, err := s.Verify(c.Number + " " + c.Code)
		if err != nil || r.Certificate.ID != c.ID || r.Voided != c.Voided() {
			t.Errorf("Verify(%s) = %+v, %v", c.Number, r, err)
		}
	}
	if c, err := s.CertificateByNumber("NBO-7"); err != nil || c.ID != fixedID(81) {
		t.Errorf("CertificateByNumber(NBO-7) = %+v, %v", c, err)
	}
	// The count goes on after the highest number; voided P4 gets a new one.
	got, err := s.Issue([]uuid.UUID{s1P3, s1P1, s1P4}, now)
	if err != nil {
		t.Fatal(err)
	}
	if got[0].Number != "NAIROBI-2026-005" || got[1].Number != "NAIROBI-2026-004" || got[1].Reprints != 1 ||
		got[2].Number != "NAIROBI-2026-006" {
		t.Errorf("issued after migration: %s, %s (reprints %d), %s", got[0].Number, got[1].Number, got[1].Reprints, got[2].Number)
	}
	if _, err := s.SetOverride(s1P2, true, "speaker, joined late"); err != nil {
		t.Errorf("override after migration: %v", err)
	}
	mustCheck(t, s)
}
