package store

import (
	"bytes"
	"fmt"
	"maps"
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
	// Marks holds the current attendance: session ID → participant ID →
	// mark. A participant with no mark at a session was not recorded there.
	Marks map[uuid.UUID]map[uuid.UUID]Mark
}

// Clone returns a copy of d that shares nothing mutable with it: the
// sessions, participants and marks can change in d (a check-in, an edit in
// the grid) while the copy is read elsewhere, e.g. by a report written in
// the background.
func (d *WorkshopData) Clone() *WorkshopData {
	c := &WorkshopData{Workshop: d.Workshop, Sessions: slices.Clone(d.Sessions), Participants: slices.Clone(d.Participants),
		Marks: make(map[uuid.UUID]map[uuid.UUID]Mark, len(d.Marks))}
	for id, marks := range d.Marks {
		c.Marks[id] = maps.Clone(marks)
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
// ids (sorted, as participantRecords returns them). Within a session the
// attendance keys are sorted by participant too, so the two lists are
// walked side by side.
func loadMarks(tx *bolt.Tx, d *WorkshopData, ids []uuid.UUID) error {
	d.Marks = make(map[uuid.UUID]map[uuid.UUID]Mark, len(d.Sessions))
	c := tx.Bucket(bucketAttendance).Cursor()
	for _, se := range d.Sessions {
		marks := make(map[uuid.UUID]Mark, len(ids))
		prefix := se.ID[:]
		j := 0
		for k, v := c.Seek(prefix); k != nil && bytes.HasPrefix(k, prefix); k, v = c.Next() {
			m, err := markOf(v)
			if err != nil {
				return err
			}
			pid := k[16:32]
			for j < len(ids) && bytes.Compare(ids[j][:], pid) < 0 {
				j++
			}
			if j < len(ids) && bytes.Equal(ids[j][:], pid) {
				marks[ids[j]] = m
			}
		}
		d.Marks[se.ID] = marks
	}
	return nil
}
