package store

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/google/uuid"
)

// RoomKey returns the form of a room's name used to tell whether two
// sessions share a room: trimmed, with inner runs of spaces made one, and
// folded as Fold does, so that "Main hall", " main  hall " and "Main Hall"
// are the same room. An empty or blank room gives "".
func RoomKey(room string) string {
	return Fold(strings.Join(strings.Fields(room), " "))
}

// Overlaps finds the sessions that clash: held on the same date in the same
// room (compared by RoomKey) at times that overlap, that is a.Start < b.End
// and b.Start < a.End, so a session ending at 10:00 does not clash with one
// starting at 10:00. A session with no room never clashes, since parallel
// sessions without a room may be anywhere, and nor does a deleted one.
//
// The result maps the ID of every session that clashes to the IDs of the
// sessions it clashes with, in agenda order; a session with no clash has no
// entry. The map is empty, never nil, when nothing clashes.
func Overlaps(sessions []Session) map[uuid.UUID][]uuid.UUID {
	type slot struct {
		date Date
		room string
	}
	groups := make(map[slot][]Session)
	for _, se := range sessions {
		room := RoomKey(se.Room)
		if room == "" || se.Deleted() || se.End <= se.Start {
			continue
		}
		k := slot{se.Date, room}
		groups[k] = append(groups[k], se)
	}
	out := make(map[uuid.UUID][]uuid.UUID)
	for _, group := range groups {
		SortSessions(group)
		// Sorted by start, so the sessions that can overlap a come right
		// after it, up to the first that starts when a has ended.
		for i, a := range group {
			for _, b := range group[i+1:] {
				if b.Start >= a.End {
					break
				}
				out[a.ID] = append(out[a.ID], b.ID)
				out[b.ID] = append(out[b.ID], a.ID)
			}
		}
	}
	// Give each list in agenda order whatever order the input had.
	order := make(map[uuid.UUID]int, len(sessions))
	sorted := slices.Clone(sessions)
	SortSessions(sorted)
	for i, se := range sorted {
		order[se.ID] = i
	}
	for _, ids := range out {
		slices.SortFunc(ids, func(a, b uuid.UUID) int { return cmp.Compare(order[a], order[b]) })
	}
	return out
}

// AgendaHours returns the hours of programme of each day and of the whole
// agenda. Breaks are left out. Time covered by sessions held in parallel,
// such as working groups in different rooms, is counted once: a day's hours
// are the length of the union of its sessions' times, so two groups from
// 11:30 to 13:00 make 1.5 h, not 3 h. Days with no session other than
// breaks have no entry in perDay; total is the sum of perDay.
func AgendaHours(sessions []Session) (perDay map[Date]time.Duration, total time.Duration) {
	byDay := make(map[Date][]Session)
	for _, se := range sessions {
		if se.Type == Break || se.Deleted() || se.End <= se.Start {
			continue
		}
		byDay[se.Date] = append(byDay[se.Date], se)
	}
	perDay = make(map[Date]time.Duration, len(byDay))
	for day, list := range byDay {
		SortSessions(list)
		var minutes Clock
		start, end := list[0].Start, list[0].End
		for _, se := range list[1:] {
			if se.Start > end {
				minutes += end - start
				start, end = se.Start, se.End
				continue
			}
			end = max(end, se.End)
		}
		minutes += end - start
		perDay[day] = time.Duration(minutes) * time.Minute
		total += perDay[day]
	}
	return perDay, total
}
