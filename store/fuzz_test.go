package store

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// realRecords writes one record of every type through the store and
// returns the stored bytes, with a compact attendance mark.
func realRecords(f *testing.F) [][]byte {
	clock := newClock(t0)
	s, err := Open(filepath.Join(f.TempDir(), "seed.db"), Options{NoAutoBackup: true, Now: clock.Now})
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	w := addWorkshop(f, s, "seed-2027", "2027-03-09")
	w.Notes, w.Series, w.Partners = "Notes with \"quotes\", a tab\tand ünïcödé", "Series", "ILO; AU"
	if err := s.SaveWorkshop(&w); err != nil {
		f.Fatal(err)
	}
	se := addSession(f, s, w, 2, "13:30", "15:00", "Panel: Climate, land and mobility")
	p := Participant{WorkshopID: w.ID, Honorific: "Dr.", GivenNames: "Abebe", FamilyNames: "Bekele", NativeName: "አበበ በቀለ",
		Organisation: "Ministry", OrgType: OrgGovernment, Country: "ET", Gender: Male, Email: "abebe@example.org",
		Role: RoleSpeaker, JoinedAt: t0.Add(26 * time.Hour)}
	if err := s.SaveParticipant(&p); err != nil {
		f.Fatal(err)
	}
	a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Late, Note: "bus", RecordedAt: t0.Add(17 * time.Minute)}
	if err := s.RecordAttendance(&a); err != nil {
		f.Fatal(err)
	}
	c := CertificateIssue{WorkshopID: w.ID, ParticipantID: p.ID, Number: "SEED-001", Reprints: 2,
		VoidedAt: t0.Add(48 * time.Hour), VoidReason: "misspelt name"}
	if err := s.SaveCertificate(&c); err != nil {
		f.Fatal(err)
	}
	if err := s.DeleteParticipant(addParticipant(f, s, w, "Deleted", "Person", "").ID); err != nil {
		f.Fatal(err)
	}
	var seeds [][]byte
	err = s.view(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketWorkshops, bucketSessions, bucketParticipants, bucketAttendance,
			bucketAttendanceHistory, bucketCertificates} {
			tx.Bucket(b).ForEach(func(_, v []byte) error {
				seeds = append(seeds, bytes.Clone(v))
				return nil
			})
		}
		return nil
	})
	if err != nil {
		f.Fatal(err)
	}
	return seeds
}

// stable checks that a decoded value re-encodes to JSON that decodes to
// the same value and encodes to the same JSON.
func stable[T any](t *testing.T, data []byte) {
	v, err := decodeRecord[T](data)
	if err != nil {
		return
	}
	first, err := json.Marshal(&v)
	if err != nil {
		t.Fatalf("%T decoded from %q cannot be encoded again: %v", v, data, err)
	}
	again, err := decodeRecord[T](first)
	if err != nil {
		t.Fatalf("%T: re-encoded %s does not decode: %v (from %q)", v, first, err, data)
	}
	second, err := json.Marshal(&again)
	if err != nil {
		t.Fatalf("%T: second encode: %v", v, err)
	}
	if !bytes.Equal(first, second) {
		t.Fatalf("%T round trip is not stable:\n%s\n%s\n(from %q)", v, first, second, data)
	}
}

// agrees checks that decodeRecord, which uses a faster decoder than
// encoding/json, gives the same value and the same verdict on data.
func agrees[T any](t *testing.T, data []byte) {
	got, err := decodeRecord[T](data)
	var want T
	wantErr := json.Unmarshal(data, &want)
	if (err == nil) != (wantErr == nil) {
		t.Fatalf("%T from %q: decodeRecord says %v, encoding/json %v", want, data, err, wantErr)
	}
	if err == nil && !reflect.DeepEqual(got, want) {
		t.Fatalf("%T from %q: decodeRecord gives\n%+v\nencoding/json\n%+v", want, data, got, want)
	}
}

func FuzzDecodeRecord(f *testing.F) {
	for _, seed := range realRecords(f) {
		f.Add(seed)
	}
	f.Add([]byte(`{"start_date":"2027-02-30"}`))
	f.Add([]byte(`{"start":"24:00","end":"9:5"}`))
	f.Add([]byte(`{"id":"{01a21a24-2ceb-78c1-9117-92d71920e607}","deleted_at":null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		stable[Workshop](t, data)
		stable[Session](t, data)
		stable[Participant](t, data)
		stable[Attendance](t, data)
		stable[CertificateIssue](t, data)
		stable[Archive](t, data)
		agrees[Workshop](t, data)
		agrees[Session](t, data)
		agrees[Participant](t, data)
		agrees[CertificateIssue](t, data)
		key := bytes.Repeat([]byte{7}, 32)
		if a, err := decodeAttendance(key, data); err == nil {
			first := encodeAttendance(&a)
			again, err := decodeAttendance(key, first)
			if err != nil {
				t.Fatalf("attendance decoded from %x does not decode once encoded: %v", data, err)
			}
			if second := encodeAttendance(&again); !bytes.Equal(first, second) {
				t.Fatalf("attendance round trip is not stable:\n%x\n%x\n(from %x)", first, second, data)
			}
		}
		if m, err := decodeMark(data); err == nil {
			if !validEnum(m.Status, Statuses, false) {
				t.Fatalf("decodeMark(%x) gave the unknown status %q", data, m.Status)
			}
			if got := encodeMark(m); !bytes.Equal(got, data) {
				t.Fatalf("encodeMark(decodeMark(%x)) = %x", data, got)
			}
		}
	})
}
