package store

import (
	"iter"
	"maps"
	"slices"
	"time"

	"github.com/google/uuid"
)

// SessionMarks holds the current marks of one session, by participant: a
// participant with no mark was not recorded there.
//
// A big workshop loads 150,000 marks. Kept in a map per session they cost
// 14 MB of fresh memory, most of the time of LoadWorkshop; here they are
// two flat arrays, one slot per participant of the workshop (a position
// shared by all its sessions), holding no pointers for the garbage
// collector to scan. A participant added after the load has no position:
// their marks go into a small map beside the arrays.
//
// The zero value is an empty set of marks, ready to use; a nil
// *SessionMarks reads as empty.
type SessionMarks struct {
	at    map[uuid.UUID]int32 // participant → slot; shared, never changed
	codes []byte              // status code (statusCodes) by slot; 0: no mark
	times []int64             // recorded at, Unix nanoseconds (0: the zero time)
	extra map[uuid.UUID]Mark  // participants without a slot
	n     int                 // marks held
}

// newSessionMarks returns empty marks with a slot for each participant in
// slots.
func newSessionMarks(slots map[uuid.UUID]int32) *SessionMarks {
	return &SessionMarks{at: slots, codes: make([]byte, len(slots)), times: make([]int64, len(slots))}
}

// Get returns the participant's mark and whether there is one.
func (m *SessionMarks) Get(participant uuid.UUID) (Mark, bool) {
	if m == nil {
		return Mark{}, false
	}
	if i, ok := m.at[participant]; ok {
		return m.slot(i)
	}
	mk, ok := m.extra[participant]
	return mk, ok
}

// slot returns the mark in slot i, if any.
func (m *SessionMarks) slot(i int32) (Mark, bool) {
	c := m.codes[i]
	if c == 0 {
		return Mark{}, false
	}
	mk := Mark{Status: Statuses[c-1]}
	if t := m.times[i]; t != 0 {
		mk.RecordedAt = time.Unix(0, t)
	}
	return mk, true
}

// Set records the participant's mark, replacing any.
func (m *SessionMarks) Set(participant uuid.UUID, mk Mark) {
	i, ok := m.at[participant]
	code := statusCodes[mk.Status]
	if !ok || code == 0 {
		if ok {
			m.Delete(participant)
		}
		if m.extra == nil {
			m.extra = map[uuid.UUID]Mark{}
		}
		if _, had := m.extra[participant]; !had {
			m.n++
		}
		m.extra[participant] = mk
		return
	}
	if m.codes[i] == 0 {
		m.n++
	}
	m.codes[i] = code
	m.times[i] = int64(nanos(mk.RecordedAt))
}

// Delete removes the participant's mark, if any.
func (m *SessionMarks) Delete(participant uuid.UUID) {
	if i, ok := m.at[participant]; ok && m.codes[i] != 0 {
		m.codes[i], m.times[i] = 0, 0
		m.n--
	}
	if _, ok := m.extra[participant]; ok {
		delete(m.extra, participant)
		m.n--
	}
}

// Len returns the number of marks.
func (m *SessionMarks) Len() int {
	if m == nil {
		return 0
	}
	return m.n
}

// All yields each participant with a mark and the mark, in no particular
// order.
func (m *SessionMarks) All() iter.Seq2[uuid.UUID, Mark] {
	return func(yield func(uuid.UUID, Mark) bool) {
		if m == nil {
			return
		}
		for p, i := range m.at {
			if mk, ok := m.slot(i); ok && !yield(p, mk) {
				return
			}
		}
		for p, mk := range m.extra {
			if !yield(p, mk) {
				return
			}
		}
	}
}

// Clone returns a copy of m that shares nothing mutable with it.
func (m *SessionMarks) Clone() *SessionMarks {
	if m == nil {
		return nil
	}
	return &SessionMarks{at: m.at, codes: slices.Clone(m.codes), times: slices.Clone(m.times), extra: maps.Clone(m.extra), n: m.n}
}

// Mark returns the participant's mark at the session and whether there is
// one.
func (d *WorkshopData) Mark(session, participant uuid.UUID) (Mark, bool) {
	return d.Marks[session].Get(participant)
}

// SetMark records a participant's mark at a session in d (not in the
// store), replacing any.
func (d *WorkshopData) SetMark(session, participant uuid.UUID, mk Mark) {
	if d.Marks == nil {
		d.Marks = map[uuid.UUID]*SessionMarks{}
	}
	if d.Marks[session] == nil {
		d.Marks[session] = &SessionMarks{}
	}
	d.Marks[session].Set(participant, mk)
}
