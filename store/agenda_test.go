package store

import (
	"cmp"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
)

// agendaSession is a session in a table of agenda tests: day of March 2027,
// times as "HH:MM", title (which is also its name in the expectations).
type agendaSession struct {
	day        int
	start, end string
	title      string
	room       string
	typ        SessionType
}

// agendaRows turns the table rows into sessions with stable IDs and returns
// them with a map from title to ID.
func agendaRows(t *testing.T, rows []agendaSession) ([]Session, map[string]uuid.UUID) {
	t.Helper()
	ids := make(map[string]uuid.UUID)
	var list []Session
	for i, r := range rows {
		se := Session{Date: Date{2027, 3, r.day}, Title: r.title, Room: r.room, Type: cmp.Or(r.typ, Plenary)}
		se.ID = uuid.NewSHA1(uuid.NameSpaceOID, []byte{byte(i)})
		var err error
		if se.Start, err = ParseClock(r.start); err != nil {
			t.Fatal(err)
		}
		if se.End, err = ParseClock(r.end); err != nil {
			t.Fatal(err)
		}
		ids[r.title] = se.ID
		list = append(list, se)
	}
	return list, ids
}

func TestOverlaps(t *testing.T) {
	tests := []struct {
		name     string
		sessions []agendaSession
		want     map[string][]string // title → titles it clashes with
	}{
		{name: "empty agenda"},
		{
			name: "back to back in one room",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "10:00", title: "A", room: "Main hall"},
				{day: 10, start: "10:00", end: "11:00", title: "B", room: "Main hall"},
			},
		},
		{
			name: "same room, overlapping times",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "10:30", title: "A", room: "Main hall"},
				{day: 10, start: "10:00", end: "11:00", title: "B", room: "Main hall"},
			},
			want: map[string][]string{"A": {"B"}, "B": {"A"}},
		},
		{
			name: "room compared folded and trimmed",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "10:30", title: "A", room: "Salle Étoile"},
				{day: 10, start: "09:30", end: "10:00", title: "B", room: "  salle  etoile "},
			},
			want: map[string][]string{"A": {"B"}, "B": {"A"}},
		},
		{
			name: "different rooms in parallel",
			sessions: []agendaSession{
				{day: 10, start: "11:30", end: "13:00", title: "Group 1", room: "Room A"},
				{day: 10, start: "11:30", end: "13:00", title: "Group 2", room: "Room B"},
			},
		},
		{
			name: "no room never clashes",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "10:00", title: "A"},
				{day: 10, start: "09:00", end: "10:00", title: "B", room: "  "},
			},
		},
		{
			name: "same room and time on different days",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "10:00", title: "A", room: "Main hall"},
				{day: 11, start: "09:00", end: "10:00", title: "B", room: "Main hall"},
			},
		},
		{
			name: "one long session clashes with two, which do not clash with each other",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "12:00", title: "Long", room: "Main hall"},
				{day: 10, start: "09:30", end: "10:00", title: "Early", room: "Main hall"},
				{day: 10, start: "11:00", end: "11:30", title: "Late", room: "Main hall"},
				{day: 10, start: "12:00", end: "13:00", title: "After", room: "Main hall"},
			},
			want: map[string][]string{"Long": {"Early", "Late"}, "Early": {"Long"}, "Late": {"Long"}},
		},
		{
			name: "contained session, given out of order",
			sessions: []agendaSession{
				{day: 10, start: "10:00", end: "10:15", title: "Inner", room: "Foyer"},
				{day: 10, start: "09:00", end: "11:00", title: "Outer", room: "Foyer"},
			},
			want: map[string][]string{"Inner": {"Outer"}, "Outer": {"Inner"}},
		},
		{
			name: "breaks clash like any session",
			sessions: []agendaSession{
				{day: 10, start: "11:00", end: "11:30", title: "Coffee", room: "Main hall", typ: Break},
				{day: 10, start: "10:00", end: "11:15", title: "Panel", room: "Main hall", typ: Panel},
			},
			want: map[string][]string{"Coffee": {"Panel"}, "Panel": {"Coffee"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, ids := agendaRows(t, tt.sessions)
			got := Overlaps(list)
			if got == nil {
				t.Fatal("Overlaps returned nil, want an empty map")
			}
			want := make(map[uuid.UUID][]uuid.UUID)
			for title, others := range tt.want {
				for _, o := range others {
					want[ids[title]] = append(want[ids[title]], ids[o])
				}
			}
			if !maps.EqualFunc(got, want, slices.Equal) {
				names := make(map[uuid.UUID]string)
				for title, id := range ids {
					names[id] = title
				}
				for id, others := range got {
					var o []string
					for _, x := range others {
						o = append(o, names[x])
					}
					t.Logf("got %s → %v", names[id], o)
				}
				t.Errorf("Overlaps = %v, want %v", got, tt.want)
			}
		})
	}
}

func TestOverlapsIgnoresDeleted(t *testing.T) {
	list, _ := agendaRows(t, []agendaSession{
		{day: 10, start: "09:00", end: "10:00", title: "A", room: "Main hall"},
		{day: 10, start: "09:00", end: "10:00", title: "B", room: "Main hall"},
	})
	now := t0
	list[1].DeletedAt = &now
	if got := Overlaps(list); len(got) != 0 {
		t.Errorf("a deleted session clashes: %v", got)
	}
}

func TestAgendaHours(t *testing.T) {
	tests := []struct {
		name     string
		sessions []agendaSession
		perDay   map[int]float64 // day of March → hours
		total    float64
	}{
		{name: "empty agenda", perDay: map[int]float64{}},
		{
			name: "breaks excluded",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "11:00", title: "Panel"},
				{day: 10, start: "11:00", end: "11:30", title: "Coffee", typ: Break},
				{day: 10, start: "11:30", end: "13:00", title: "Plenary"},
			},
			perDay: map[int]float64{10: 3.5},
			total:  3.5,
		},
		{
			name: "parallel working groups counted once",
			sessions: []agendaSession{
				{day: 10, start: "11:30", end: "13:00", title: "Group 1", room: "Room A", typ: WorkingGroup},
				{day: 10, start: "11:30", end: "13:00", title: "Group 2", room: "Room B", typ: WorkingGroup},
			},
			perDay: map[int]float64{10: 1.5},
			total:  1.5,
		},
		{
			name: "partly overlapping and contained sessions make their union",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "10:00", title: "A"},
				{day: 10, start: "09:30", end: "11:00", title: "B"},
				{day: 10, start: "09:45", end: "10:15", title: "C"},
				{day: 10, start: "14:00", end: "15:00", title: "D"},
			},
			perDay: map[int]float64{10: 3},
			total:  3,
		},
		{
			name: "several days, one with breaks only",
			sessions: []agendaSession{
				{day: 10, start: "09:00", end: "12:00", title: "A"},
				{day: 11, start: "10:00", end: "10:30", title: "Coffee", typ: Break},
				{day: 12, start: "09:00", end: "10:30", title: "B"},
				{day: 12, start: "10:30", end: "12:00", title: "C"},
			},
			perDay: map[int]float64{10: 3, 12: 3},
			total:  6,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			list, _ := agendaRows(t, tt.sessions)
			perDay, total := AgendaHours(list)
			want := make(map[Date]time.Duration)
			for day, h := range tt.perDay {
				want[Date{2027, 3, day}] = time.Duration(h * float64(time.Hour))
			}
			if !maps.Equal(perDay, want) {
				t.Errorf("perDay = %v, want %v", perDay, want)
			}
			if wantTotal := time.Duration(tt.total * float64(time.Hour)); total != wantTotal {
				t.Errorf("total = %v, want %v", total, wantTotal)
			}
		})
	}
}

// The sample workshop's agenda: 13 hours over three days, no clashes.
func TestAgendaOfSampleWorkshop(t *testing.T) {
	s := openTest(t, Options{Now: newClock(t0).Now})
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	list, err := s.Sessions(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	perDay, total := AgendaHours(list)
	if total != 13*time.Hour || perDay[w.StartDate] != 6*time.Hour {
		t.Errorf("hours = %v (day 1 %v), want 13h (day 1 6h)", total, perDay[w.StartDate])
	}
	if got := Overlaps(list); len(got) != 0 {
		t.Errorf("the sample agenda has clashes: %v", got)
	}
}

func TestRoomKey(t *testing.T) {
	for in, want := range map[string]string{
		"Main hall": "main hall", "  MAIN   hall ": "main hall", "Salle Étoile": "salle etoile", "": "", "   ": "",
	} {
		if got := RoomKey(in); got != want {
			t.Errorf("RoomKey(%q) = %q, want %q", in, got, want)
		}
	}
}
