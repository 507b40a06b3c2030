package store

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"slices"
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
// one consistent transaction.
func (s *Store) Export(w io.Writer) error {
	arc := Archive{ExportedAt: s.now().UTC(), Schema: currentSchema, DeviceID: s.device, Workshops: []ArchiveWorkshop{}}
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketWorkshopCodes).ForEach(func(_, id []byte) error {
			var aw ArchiveWorkshop
			if err := getJSON(tx.Bucket(bucketWorkshops), id, &aw.Workshop); err != nil {
				return err
			}
			var err error
			if aw.Sessions, err = sessionsOf(tx, aw.Workshop.ID); err != nil {
				return err
			}
			if aw.Participants, err = participantsOf(tx, aw.Workshop.ID); err != nil {
				return err
			}
			live := make(map[uuid.UUID]bool, len(aw.Participants))
			for _, p := range aw.Participants {
				live[p.ID] = true
			}
			keep := func(list []Attendance) []Attendance {
				return slices.DeleteFunc(list, func(a Attendance) bool { return !live[a.ParticipantID] })
			}
			for _, se := range aw.Sessions {
				if aw.Attendance, err = appendPrefix(tx.Bucket(bucketAttendance), se.ID[:], aw.Attendance); err != nil {
					return err
				}
				if aw.AttendanceHistory, err = appendPrefix(tx.Bucket(bucketAttendanceHistory), se.ID[:], aw.AttendanceHistory); err != nil {
					return err
				}
			}
			aw.Attendance, aw.AttendanceHistory = keep(aw.Attendance), keep(aw.AttendanceHistory)
			err = tx.Bucket(bucketCertificates).ForEach(func(k, v []byte) error {
				c, err := decodeRecord[CertificateIssue](v)
				if err != nil {
					return fmt.Errorf("certificate %x: %w", k, err)
				}
				if c.WorkshopID == aw.Workshop.ID && !c.Deleted() && live[c.ParticipantID] {
					aw.Certificates = append(aw.Certificates, c)
				}
				return nil
			})
			if err != nil {
				return err
			}
			ob := tx.Bucket(bucketOverrides)
			aw.Overrides = []EligibilityOverride{}
			for _, p := range aw.Participants {
				var o EligibilityOverride
				if getJSON(ob, p.ID[:], &o) == nil && !o.Deleted() {
					aw.Overrides = append(aw.Overrides, o)
				}
			}
			arc.Workshops = append(arc.Workshops, aw)
			return nil
		})
	})
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(&arc); err != nil {
		return fmt.Errorf("export: %w", err)
	}
	return nil
}

// ExportFile writes the export to path atomically.
func (s *Store) ExportFile(path string) error {
	return WriteFileAtomic(path, s.Export)
}

func appendPrefix(b *bolt.Bucket, prefix []byte, list []Attendance) ([]Attendance, error) {
	c := b.Cursor()
	for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
		a, err := decodeRecord[Attendance](v)
		if err != nil {
			return nil, fmt.Errorf("attendance %x: %w", k, err)
		}
		list = append(list, a)
	}
	return list, nil
}
