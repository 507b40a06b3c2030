package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Attendance records are stored in a compact binary form (schema 4), about
// a fifth of their JSON: 150,000 marks are what a big workshop holds. The
// session and participant IDs are the first 32 bytes of the key. A value
// is
//
//	status code (1 byte) ‖ recorded at (8) ‖ ID (16) ‖ created at (8) ‖
//	updated at (8) ‖ deleted at (8, 0 = live) ‖ device ID (uvarint length,
//	bytes) ‖ note (uvarint length, bytes)
//
// with times as Unix nanoseconds, big-endian (0 = the zero time). Its first
// nine bytes are the mark that LoadWorkshop reads.
const attendanceFixed = 1 + 8 + 16 + 8 + 8 + 8

var errBadAttendance = errors.New("the attendance record is malformed")

// encodeAttendance packs a in the stored form.
func encodeAttendance(a *Attendance) []byte {
	b := make([]byte, attendanceFixed, attendanceFixed+2+len(a.DeviceID)+len(a.Note))
	b[0] = statusCodes[a.Status]
	binary.BigEndian.PutUint64(b[1:], nanos(a.RecordedAt))
	copy(b[9:], a.ID[:])
	binary.BigEndian.PutUint64(b[25:], nanos(a.CreatedAt))
	binary.BigEndian.PutUint64(b[33:], nanos(a.UpdatedAt))
	if a.DeletedAt != nil {
		binary.BigEndian.PutUint64(b[41:], nanos(*a.DeletedAt))
	}
	b = binary.AppendUvarint(b, uint64(len(a.DeviceID)))
	b = append(b, a.DeviceID...)
	b = binary.AppendUvarint(b, uint64(len(a.Note)))
	return append(b, a.Note...)
}

// decodeAttendance unpacks a stored attendance record kept under key
// (session‖participant, followed by a version ID in the history).
func decodeAttendance(key, v []byte) (Attendance, error) {
	var a Attendance
	v, err := unseal(v)
	if err != nil {
		return a, err
	}
	if len(key) < 32 || len(v) < attendanceFixed || v[0] < 1 || int(v[0]) > len(Statuses) {
		return a, errBadAttendance
	}
	a.SessionID, a.ParticipantID = idAt(key, 0), idAt(key, 1)
	a.Status = Statuses[v[0]-1]
	a.RecordedAt = fromNanos(v[1:])
	a.ID = uuid.UUID(v[9:25])
	a.CreatedAt = fromNanos(v[25:])
	a.UpdatedAt = fromNanos(v[33:])
	if d := binary.BigEndian.Uint64(v[41:]); d != 0 {
		t := fromNanos(v[41:])
		a.DeletedAt = &t
	}
	rest := v[attendanceFixed:]
	var ok bool
	if a.DeviceID, rest, ok = cutString(rest); !ok {
		return a, errBadAttendance
	}
	if a.Note, rest, ok = cutString(rest); !ok || len(rest) != 0 {
		return a, errBadAttendance
	}
	return a, nil
}

// markOf reads the mark at the start of a stored attendance record.
func markOf(v []byte) (Mark, error) {
	v, err := unseal(v)
	if err != nil {
		return Mark{}, err
	}
	if len(v) < attendanceFixed {
		return Mark{}, errBadAttendance
	}
	return decodeMark(v[:9])
}

// cutString reads a uvarint length and that many bytes.
func cutString(b []byte) (string, []byte, bool) {
	n, w := binary.Uvarint(b)
	if w <= 0 || n > uint64(len(b)-w) {
		return "", nil, false
	}
	return string(b[w : w+int(n)]), b[w+int(n):], true
}

func nanos(t time.Time) uint64 {
	if t.IsZero() {
		return 0
	}
	return uint64(t.UnixNano())
}

func fromNanos(b []byte) time.Time {
	n := binary.BigEndian.Uint64(b)
	if n == 0 {
		return time.Time{}
	}
	return time.Unix(0, int64(n)).UTC()
}

// getAttendance reads the attendance record under key in b; ErrNotFound
// when there is none.
func getAttendance(b *bolt.Bucket, key []byte) (Attendance, error) {
	v := b.Get(key)
	if v == nil {
		return Attendance{}, ErrNotFound
	}
	a, err := decodeAttendance(key, v)
	if err != nil {
		return a, fmt.Errorf("attendance %x: %w", key, err)
	}
	return a, nil
}

// putCurrentAttendance makes a the current record of its session and
// participant. A current record it replaces goes into the history first:
// the history holds every earlier version, and the current record is the
// newest, so a mark that never changed is stored once.
func putCurrentAttendance(tx *bolt.Tx, a *Attendance) error {
	key := join(a.SessionID, a.ParticipantID)
	cur := tx.Bucket(bucketAttendance)
	if err := keepInHistory(tx, key, cur.Get(key)); err != nil {
		return err
	}
	v, err := sealFor(tx, encodeAttendance(a))
	if err != nil {
		return err
	}
	return cur.Put(key, v)
}

// keepInHistory appends a stored record (nil: nothing) to the history of
// key (session‖participant).
func keepInHistory(tx *bolt.Tx, key, stored []byte) error {
	if stored == nil {
		return nil
	}
	hist := tx.Bucket(bucketAttendanceHistory)
	// stored lives in the page being changed: copy it before writing.
	return hist.Put(historyKey(hist, key), append([]byte(nil), stored...))
}
