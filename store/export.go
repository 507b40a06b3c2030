package store

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"github.com/google/uuid"

	bolt "go.etcd.io/bbolt"
)

// Archive is the whole content of a data file as exported for archiving:
// every live workshop with its agenda, participants, attendance (current
// and history) and certificates.
type Archive struct {
	ExportedAt time.Time         `json:"exported_at"`
	Schema     int               `json:"schema"`
	DeviceID   string            `json:"device_id"`
	Workshops  []ArchiveWorkshop `json:"workshops"`
}

// ArchiveWorkshop is one workshop in an Archive.
type ArchiveWorkshop struct {
	Workshop          Workshop           `json:"workshop"`
	Sessions          []Session          `json:"sessions"`
	Participants      []Participant      `json:"participants"`
	Attendance        []Attendance       `json:"attendance"`
	AttendanceHistory []Attendance       `json:"attendance_history"`
	Certificates      []CertificateIssue `json:"certificates"`
	// Overrides are the eligibility decisions taken by hand.
	Overrides []EligibilityOverride `json:"eligibility_overrides"`
}

// Export writes every live workshop as one indented JSON document, read in
// one consistent transaction. The document is written as it is read, one
// record at a time, so that a big workshop's 150,000 attendance records
// are never all in memory.
func (s *Store) Export(w io.Writer) error {
	js := &jsonStream{w: bufio.NewWriterSize(w, 64<<10)}
	err := s.view(func(tx *bolt.Tx) error {
		js.raw("{\n")
		js.field("  ", "exported_at", s.now().UTC(), false)
		js.field("  ", "schema", currentSchema, false)
		js.field("  ", "device_id", s.device, false)
		js.raw(`  "workshops": [`)
		n := 0
		err := tx.Bucket(bucketWorkshopCodes).ForEach(func(_, id []byte) error {
			if n > 0 {
				js.raw(",")
			}
			n++
			js.raw("\n    {\n")
			if err := exportWorkshop(tx, js, id); err != nil {
				return err
			}
			js.raw("    }")
			return js.err
		})
		if err != nil {
			return err
		}
		if n > 0 {
			js.raw("\n  ")
		}
		js.raw("]\n}\n")
		return js.flush()
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// exportWorkshop writes the fields of one ArchiveWorkshop.
func exportWorkshop(tx *bolt.Tx, js *jsonStream, id []byte) error {
	const in = "      "
	var wk Workshop
	if err := getJSON(tx.Bucket(bucketWorkshops), id, &wk); err != nil {
		return err
	}
	sessions, err := sessionsOf(tx, wk.ID)
	if err != nil {
		return err
	}
	people, err := participantsOf(tx, wk.ID)
	if err != nil {
		return err
	}
	live := make(map[uuid.UUID]bool, len(people))
	for _, p := range people {
		live[p.ID] = true
	}
	js.field(in, "workshop", &wk, false)
	js.array(in, "sessions", func(item func(any)) error {
		for i := range sessions {
			item(&sessions[i])
		}
		return nil
	})
	js.array(in, "participants", func(item func(any)) error {
		for i := range people {
			item(&people[i])
		}
		return nil
	})
	js.array(in, "attendance", func(item func(any)) error {
		c := tx.Bucket(bucketAttendance).Cursor()
		for _, se := range sessions {
			for k, v := c.Seek(se.ID[:]); k != nil && bytes.HasPrefix(k, se.ID[:]); k, v = c.Next() {
				a, err := decodeAttendance(k, v)
				if err != nil {
					return fmt.Errorf("attendance %x: %w", k, err)
				}
				if live[a.ParticipantID] {
					item(&a)
				}
			}
		}
		return nil
	})
	js.array(in, "attendance_history", func(item func(any)) error {
		for _, se := range sessions {
			if err := eachVersion(tx, se.ID[:], func(a *Attendance) {
				if live[a.ParticipantID] {
					item(a)
				}
			}); err != nil {
				return err
			}
		}
		return nil
	})
	js.array(in, "certificates", func(item func(any)) error {
		return tx.Bucket(bucketCertificates).ForEach(func(k, v []byte) error {
			c, err := decodeRecord[CertificateIssue](v)
			if err != nil {
				return fmt.Errorf("certificate %x: %w", k, err)
			}
			if c.WorkshopID == wk.ID && !c.Deleted() && live[c.ParticipantID] {
				item(&c)
			}
			return nil
		})
	})
	js.last = true
	js.array(in, "eligibility_overrides", func(item func(any)) error {
		ob := tx.Bucket(bucketOverrides)
		for _, p := range people {
			var o EligibilityOverride
			if getJSON(ob, p.ID[:], &o) == nil && !o.Deleted() {
				item(&o)
			}
		}
		return nil
	})
	js.last = false
	return js.err
}

// eachVersion calls fn with every version of every attendance record
// whose key starts with prefix, in key order, each record's earlier
// versions (from the history) before its current one.
func eachVersion(tx *bolt.Tx, prefix []byte, fn func(a *Attendance)) error {
	hc, cc := tx.Bucket(bucketAttendanceHistory).Cursor(), tx.Bucket(bucketAttendance).Cursor()
	hk, hv := hc.Seek(prefix)
	ck, cv := cc.Seek(prefix)
	for {
		hOK, cOK := hk != nil && bytes.HasPrefix(hk, prefix), ck != nil && bytes.HasPrefix(ck, prefix)
		switch {
		case !hOK && !cOK:
			return nil
		case hOK && (!cOK || bytes.Compare(hk[:32], ck) <= 0):
			a, err := decodeAttendance(hk, hv)
			if err != nil {
				return fmt.Errorf("attendance history %x: %w", hk, err)
			}
			fn(&a)
			hk, hv = hc.Next()
		default:
			a, err := decodeAttendance(ck, cv)
			if err != nil {
				return fmt.Errorf("attendance %x: %w", ck, err)
			}
			fn(&a)
			ck, cv = cc.Next()
		}
	}
}

// jsonStream writes an indented JSON document piece by piece, as
// json.Encoder with SetIndent("", "  ") would write it whole. The first
// error stops it.
type jsonStream struct {
	w    *bufio.Writer
	err  error
	last bool // the next array is the object's last field
}

func (j *jsonStream) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v indented as at indent.
func (j *jsonStream) value(indent string, v any) {
	if j.err != nil {
		return
	}
	data, err := json.MarshalIndent(v, indent, "  ")
	if err != nil {
		j.err = err
		return
	}
	_, j.err = j.w.Write(data)
}

// field writes `indent"name": value` and a comma unless last.
func (j *jsonStream) field(indent, name string, v any, last bool) {
	j.raw(indent + `"` + name + `": `)
	j.value(indent, v)
	if !last {
		j.raw(",")
	}
	j.raw("\n")
}

// array writes `indent"name": [ ... ]` with the items fill gives.
func (j *jsonStream) array(indent, name string, fill func(item func(any)) error) {
	last := j.last
	j.raw(indent + `"` + name + `": [`)
	n := 0
	err := fill(func(v any) {
		if n > 0 {
			j.raw(",")
		}
		n++
		j.raw("\n" + indent + "  ")
		j.value(indent+"  ", v)
	})
	if err != nil && j.err == nil {
		j.err = err
	}
	if n > 0 {
		j.raw("\n" + indent)
	}
	j.raw("]")
	if !last {
		j.raw(",")
	}
	j.raw("\n")
}

func (j *jsonStream) flush() error {
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// ExportFile writes the export to path atomically.
func (s *Store) ExportFile(path string) error {
	return WriteFileAtomic(path, s.Export)
}
