package store

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"runtime"
	"slices"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// WorkshopData is everything about one workshop that the screens show,
// read in one consistent transaction.
type WorkshopData struct {
	Workshop     Workshop
	Sessions     []Session     // agenda order
	Participants []Participant // registration order
	// Marks holds the current attendance: session ID → the session's
	// marks by participant (Mark and SetMark reach one). A session may be
	// missing: it has no mark.
	Marks map[uuid.UUID]*SessionMarks
}

// Clone returns a copy of d that shares nothing mutable with it: the
// sessions, participants and marks can change in d (a check-in, an edit in
// the grid) while the copy is read elsewhere, e.g. by a report written in
// the background.
func (d *WorkshopData) Clone() *WorkshopData {
	c := &WorkshopData{Workshop: d.Workshop, Sessions: slices.Clone(d.Sessions), Participants: slices.Clone(d.Participants),
		Marks: make(map[uuid.UUID]*SessionMarks, len(d.Marks))}
	for id, marks := range d.Marks {
		c.Marks[id] = marks.Clone()
	}
	return c
}

// LoadWorkshop reads a workshop with its sessions, participants and their
// current attendance.
func (s *Store) LoadWorkshop(id uuid.UUID) (*WorkshopData, error) {
	d := &WorkshopData{}
	err := s.view(func(tx *bolt.Tx) error {
		if err := liveWorkshop(tx, id, &d.Workshop); err != nil {
			return err
		}
		var err error
		if d.Sessions, err = sessionsOf(tx, id); err != nil {
			return err
		}
		ids, raw, err := participantRecords(tx, id)
		if err != nil {
			return err
		}
		// The participants' JSON is decoded on other processors while the
		// marks are read here: the two are most of the time of a load.
		cloneAll(raw)
		d.Participants = make([]Participant, len(ids))
		decoded := make(chan error, 1)
		go func() { decoded <- decodeCloned(raw, d.Participants, runtime.GOMAXPROCS(0)) }()
		if err := loadMarks(tx, d, ids); err != nil {
			<-decoded
			return fmt.Errorf("load workshop %s: %w", id, err)
		}
		return <-decoded
	})
	if err != nil {
		return nil, err
	}
	return d, nil
}

// loadMarks reads the current marks of d's sessions for the participants
// ids (sorted, as participantRecords returns them), the participant at
// ids[i] in slot i. Within a session the attendance keys are sorted by
// participant too, so the two lists are walked side by side.
func loadMarks(tx *bolt.Tx, d *WorkshopData, ids []uuid.UUID) error {
	slots := make(map[uuid.UUID]int32, len(ids))
	for i, id := range ids {
		slots[id] = int32(i)
	}
	d.Marks = make(map[uuid.UUID]*SessionMarks, len(d.Sessions))
	c := tx.Bucket(bucketAttendance).Cursor()
	for _, se := range d.Sessions {
		marks := newSessionMarks(slots)
		j := 0
		// Keys are compared as IDs (two machine words), not as bytes.
		for k, v := c.Seek(se.ID[:]); len(k) >= 32 && uuid.UUID(k[:16]) == se.ID; k, v = c.Next() {
			v, err := unseal(v) // a file with a passphrase seals every mark
			if err != nil {
				return fmt.Errorf("attendance %x: %w", k, err)
			}
			if len(v) < attendanceFixed || v[0] < 1 || int(v[0]) > len(Statuses) {
				return errBadAttendance
			}
			pid := uuid.UUID(k[16:32])
			for j < len(ids) && ids[j] != pid && bytes.Compare(ids[j][:], pid[:]) < 0 {
				j++
			}
			if j < len(ids) && ids[j] == pid {
				marks.codes[j] = v[0]
				marks.times[j] = int64(binary.BigEndian.Uint64(v[1:9]))
				marks.n++
			}
		}
		d.Marks[se.ID] = marks
	}
	return nil
}
