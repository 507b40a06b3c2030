package store

import (
	"bytes"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// A log file's payload: the laptop that wrote it and the record versions
// it made since its previous file.
type syncPayload struct {
	Format  int         `json:"format"`
	Device  string      `json:"device"`
	Laptop  string      `json:"laptop"`
	Tag     string      `json:"tag,omitempty"`
	Seq     uint64      `json:"seq"`
	Made    time.Time   `json:"made"`
	Entries []syncEntry `json:"entries"`
	// Marks holds the attendance versions, packed (see packMarks): the
	// bulk of a big file, and many times quicker to read than JSON.
	Marks []byte `json:"marks,omitempty"`
}

// encode writes the payload in gob, several times quicker to read than
// JSON for the participants' fields.
func (p *syncPayload) encode() ([]byte, error) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(p); err != nil {
		return nil, fmt.Errorf("encode change log: %w", err)
	}
	return buf.Bytes(), nil
}

// decode reads a payload written by encode.
func (p *syncPayload) decode(data []byte) error {
	return gob.NewDecoder(bytes.NewReader(data)).Decode(p)
}

// packMarks moves the attendance entries of p into p.Marks: each is its
// key (session‖participant, 32 bytes), the uvarint length of its stored
// form, and the stored form.
func (p *syncPayload) packMarks() {
	keep := p.Entries[:0:0]
	for _, e := range p.Entries {
		if e.Kind != entryAttendance {
			keep = append(keep, e)
			continue
		}
		p.Marks = append(p.Marks, e.Key...)
		p.Marks = binary.AppendUvarint(p.Marks, uint64(len(e.Value)))
		p.Marks = append(p.Marks, e.Value...)
	}
	p.Entries = keep
}

// unpackMarks turns p.Marks back into attendance entries.
func (p *syncPayload) unpackMarks() error {
	p.Entries = slices.Grow(p.Entries, len(p.Marks)/(32+attendanceFixed+1))
	rest := p.Marks
	for len(rest) > 0 {
		if len(rest) < 33 {
			return errBadAttendance
		}
		key := rest[:32]
		n, w := binary.Uvarint(rest[32:])
		if w <= 0 || n > uint64(len(rest)-32-w) {
			return errBadAttendance
		}
		v := rest[32+w : 32+w+int(n)]
		p.Entries = append(p.Entries, syncEntry{Kind: entryAttendance, Key: key, Value: v})
		rest = rest[32+w+int(n):]
	}
	p.Marks = nil
	return nil
}

// Kinds of entries, in the order an exchange applies them.
const (
	entryWorkshop    = "w"
	entrySession     = "s"
	entryParticipant = "p"
	entryCertificate = "c"
	entryAttendance  = "a"
)

var entryOrder = map[string]int{entryWorkshop: 0, entrySession: 1, entryParticipant: 2, entryCertificate: 3, entryAttendance: 4}

// syncEntry is one record version in a log file. Workshops, sessions and
// certificates travel whole (Record); a participant as its fields, each
// with the stamp of the write that set it (Fields), so that edits on two
// laptops merge field by field; an attendance version in its stored form
// (Key, Value), so that every version is kept byte for byte.
type syncEntry struct {
	Kind    string          `json:"k"`
	Record  json.RawMessage `json:"r,omitempty"`
	ID      uuid.UUID       `json:"id,omitzero"`
	Created time.Time       `json:"created,omitzero"`
	Fields  fieldStamps     `json:"f,omitempty"`
	Key     []byte          `json:"key,omitempty"`
	Value   []byte          `json:"v,omitempty"`
}

// fieldStamp is the value of one participant field and the stamp of the
// write that set it: the clock reading (Unix nanoseconds, quicker to read
// than a date in text) and the laptop.
type fieldStamp struct {
	V json.RawMessage `json:"v"`
	T int64           `json:"t"`
	D string          `json:"d"`
}

// after reports whether stamp a is later than b: by clock, then device.
func (a fieldStamp) after(b fieldStamp) bool {
	if a.T != b.T {
		return a.T > b.T
	}
	return a.D > b.D
}

// time returns the stamp's clock reading.
func (a fieldStamp) time() time.Time { return time.Unix(0, a.T).UTC() }

func stampAfter(at time.Time, ad string, bt time.Time, bd string) bool {
	if !at.Equal(bt) {
		return at.After(bt)
	}
	return ad > bd
}

// fieldStamps are a participant's fields by JSON name.
type fieldStamps map[string]fieldStamp

// recordFields are the JSON fields every record has that are not merged
// field by field: identity and stamps.
var recordFields = map[string]bool{"id": true, "created_at": true, "updated_at": true, "device_id": true}

// participantFields returns a participant's mergeable fields as JSON:
// every field of the record but its identity and stamps, whatever fields
// the participant has (consent fields too). Absent fields are null.
func participantFields(p *Participant) (map[string]json.RawMessage, error) {
	m, err := rawJSON(p)
	if err != nil {
		return nil, err
	}
	for k := range recordFields {
		delete(m, k)
	}
	if _, ok := m["deleted_at"]; !ok {
		m["deleted_at"] = json.RawMessage("null")
	}
	return m, nil
}

// sameJSON compares two field values, absent and null alike.
func sameJSON(a, b json.RawMessage) bool {
	if len(a) == 0 {
		a = json.RawMessage("null")
	}
	if len(b) == 0 {
		b = json.RawMessage("null")
	}
	return bytes.Equal(a, b)
}

// exportTx collects the record versions of a workshop this laptop made at
// or after since (all versions, whoever made them, when since is zero),
// and brings the participants' field stamps up to date.
func (s *Store) exportTx(tx *bolt.Tx, workshopID uuid.UUID, since time.Time) ([]syncEntry, error) {
	all := since.IsZero()
	me := []byte(`"device_id":"` + s.device + `"`)
	// A quick look at a plain record before decoding it (a sealed one is
	// decoded to see).
	mine := func(data []byte) bool { return all || len(data) == 0 || data[0] != '{' || bytes.Contains(data, me) }
	fresh := func(r *Record) bool { return all || (r.DeviceID == s.device && !r.UpdatedAt.Before(since)) }
	var out []syncEntry
	var w Workshop
	// whole adds a record that travels whole, as plain JSON whatever form
	// it is stored in.
	whole := func(kind string, v any) error {
		data, err := json.Marshal(v)
		out = append(out, syncEntry{Kind: kind, Record: data})
		return err
	}
	if data := tx.Bucket(bucketWorkshops).Get(workshopID[:]); data != nil {
		var err error
		if w, err = decodeRecord[Workshop](data); err != nil {
			return nil, fmt.Errorf("workshop %s: %w", workshopID, err)
		}
		if fresh(&w.Record) {
			if err := whole(entryWorkshop, &w); err != nil {
				return nil, err
			}
		}
	}
	var sessionIDs []uuid.UUID
	err := tx.Bucket(bucketSessions).ForEach(func(k, data []byte) error {
		se, err := decodeRecord[Session](data)
		if err != nil {
			return fmt.Errorf("session %x: %w", k, err)
		}
		if se.WorkshopID != workshopID {
			return nil
		}
		sessionIDs = append(sessionIDs, se.ID)
		if fresh(&se.Record) {
			return whole(entrySession, &se)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	fields := tx.Bucket(bucketSyncFields)
	err = tx.Bucket(bucketParticipants).ForEach(func(k, data []byte) error {
		if !mine(data) {
			return nil
		}
		p, err := decodeRecord[Participant](data)
		if err != nil {
			return fmt.Errorf("participant %x: %w", k, err)
		}
		if p.WorkshopID != workshopID || !fresh(&p.Record) {
			return nil
		}
		e, changed, err := stampParticipant(fields, &p)
		if err != nil || !changed && !all && !stampedBy(e.Fields, &p) {
			return err
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = tx.Bucket(bucketCertificates).ForEach(func(k, data []byte) error {
		if !mine(data) {
			return nil
		}
		c, err := decodeRecord[CertificateIssue](data)
		if err != nil {
			return fmt.Errorf("certificate %x: %w", k, err)
		}
		if c.WorkshopID == workshopID && fresh(&c.Record) {
			return whole(entryCertificate, &c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for _, b := range [][]byte{bucketAttendance, bucketAttendanceHistory} {
		c := tx.Bucket(b).Cursor()
		for _, id := range sessionIDs {
			for k, v := c.Seek(id[:]); k != nil && bytes.HasPrefix(k, id[:]); k, v = c.Next() {
				a, err := decodeAttendance(k, v)
				if err != nil {
					return nil, fmt.Errorf("attendance %x: %w", k, err)
				}
				if !fresh(&a.Record) {
					continue
				}
				out = append(out, syncEntry{Kind: entryAttendance, Key: bytes.Clone(k[:32]), Value: packMark(&a)})
			}
		}
	}
	if w.ID != workshopID {
		return out, nil
	}
	return s.exportKeyedTx(tx, &w, since, out)
}

// packMark is a mark's form in a log file; unpackMark reads it. It is the
// stored form of attendance_codec.go as a plain value: should stored marks
// come to be sealed on disk, these two keep to the plain form, since the
// file is sealed with the workshop's key instead.
func packMark(a *Attendance) []byte { return encodeAttendance(a) }

func unpackMark(key, v []byte) (Attendance, error) { return decodeAttendance(key, v) }

// stampParticipant compares a participant with its field stamps: a field
// whose value differs from the stamped one was changed by the record's
// last write, and is stamped with it. It returns the participant's entry
// and whether any field changed; the stamps are saved.
func stampParticipant(b *bolt.Bucket, p *Participant) (syncEntry, bool, error) {
	cur, err := participantFields(p)
	if err != nil {
		return syncEntry{}, false, err
	}
	st := fieldStamps{}
	if err := getJSON(b, p.ID[:], &st); err != nil && err != ErrNotFound {
		return syncEntry{}, false, err
	}
	changed := false
	for k, v := range cur {
		if old, ok := st[k]; !ok || !sameJSON(old.V, v) {
			st[k] = fieldStamp{V: v, T: p.UpdatedAt.UnixNano(), D: p.DeviceID}
			changed = true
		}
	}
	for k, old := range st {
		if _, ok := cur[k]; !ok && !sameJSON(old.V, nil) {
			st[k] = fieldStamp{V: json.RawMessage("null"), T: p.UpdatedAt.UnixNano(), D: p.DeviceID}
			changed = true
		}
	}
	if changed {
		if err := putJSON(b, p.ID[:], st); err != nil {
			return syncEntry{}, false, err
		}
	}
	return syncEntry{Kind: entryParticipant, ID: p.ID, Created: p.CreatedAt, Fields: st}, changed, nil
}
