package store

import (
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func mustZone(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

// TestClockReadingDST reads clock times around the changes of summer time:
// a time the clocks jump over is read with the offset before the jump (as
// calendars do: 00:30 is 01:30 new time), a time that happens twice is the
// first, whatever Go's time.Date picks in that zone.
func TestClockReadingDST(t *testing.T) {
	utc := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		zone, day, clock  string
		first, last       string
		skipped, repeated bool
	}{
		{"America/Santiago", "2026-09-06", "00:30", "2026-09-06T04:30:00Z", "2026-09-06T04:30:00Z", true, false},
		{"America/Santiago", "2026-09-06", "00:00", "2026-09-06T04:00:00Z", "2026-09-06T04:00:00Z", true, false},
		{"America/Santiago", "2026-09-06", "01:00", "2026-09-06T04:00:00Z", "2026-09-06T04:00:00Z", false, false},
		{"America/Santiago", "2026-09-05", "23:59", "2026-09-06T03:59:00Z", "2026-09-06T03:59:00Z", false, false},
		{"America/Santiago", "2026-04-04", "23:30", "2026-04-05T02:30:00Z", "2026-04-05T03:30:00Z", false, true},
		{"America/Santiago", "2026-04-05", "00:00", "2026-04-05T04:00:00Z", "2026-04-05T04:00:00Z", false, false},
		{"Europe/London", "2026-10-25", "01:30", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z", false, true},
		{"Europe/London", "2026-03-29", "01:30", "2026-03-29T01:30:00Z", "2026-03-29T01:30:00Z", true, false},
		{"America/New_York", "2026-03-08", "02:30", "2026-03-08T07:30:00Z", "2026-03-08T07:30:00Z", true, false},
		{"America/New_York", "2026-11-01", "01:30", "2026-11-01T05:30:00Z", "2026-11-01T06:30:00Z", false, true},
		{"Australia/Sydney", "2026-04-05", "02:30", "2026-04-04T15:30:00Z", "2026-04-04T16:30:00Z", false, true},
		{"Africa/Addis_Ababa", "2026-09-06", "00:30", "2026-09-05T21:30:00Z", "2026-09-05T21:30:00Z", false, false},
	} {
		loc := mustZone(t, tc.zone)
		d, c := mustDate(t, tc.day), mustClock(t, tc.clock)
		r := d.Reading(c, loc)
		if !r.First.Equal(utc(tc.first)) || !r.Last.Equal(utc(tc.last)) || r.Skipped != tc.skipped || r.Repeated != tc.repeated {
			t.Errorf("%s %s %s: %+v, want %s, %s, skipped %v, repeated %v", tc.zone, tc.day, tc.clock, r, tc.first, tc.last, tc.skipped, tc.repeated)
		}
		if got := d.In(c, loc); !got.Equal(r.First) || got.Location() != loc {
			t.Errorf("%s %s %s: In = %v, want %v in the zone", tc.zone, tc.day, tc.clock, got, r.First)
		}
	}
}

// TestCheckInDST checks in at sessions that start in the hour the clocks
// jump over (America/Santiago, 2026-09-06) and in the hour that happens
// twice (2026-04-04, and Europe/London's 2026-10-25): lateness is counted
// on instants, from the latest instant the start's clock time can mean, so
// no one whose clock shows them within the grace time is late; the session
// form's warnings say what happens.
func TestCheckInDST(t *testing.T) {
	s := openAt(t, filepath.Join(t.TempDir(), "dst.db"), Options{NoAutoBackup: true})
	at := func(s string) time.Time {
		v, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, tc := range []struct {
		zone, country, first, day, start, end string
		warning                               string
		checkIns                              map[string]Status
	}{
		{"America/Santiago", "CL", "2026-09-05", "2026-09-06", "00:30", "02:00",
			"00:30 does not exist on Sun 6 Sep 2026 in America/Santiago: the clocks go forward from 00:00 to 01:00, so the session starts at 01:30",
			map[string]Status{"2026-09-06T01:05:00-03:00": Present, "2026-09-06T01:35:00-03:00": Present, "2026-09-06T01:45:00-03:00": Late}},
		{"America/Santiago", "CL", "2026-04-03", "2026-04-04", "23:30", "23:55",
			"23:30 happens twice on Sat 4 Apr 2026 in America/Santiago: the clocks go back from 00:00 to 23:00; the session starts at the first 23:30, and check-ins are late only 10 min after the second",
			map[string]Status{"2026-04-04T23:35:00-03:00": Present, "2026-04-04T23:35:00-04:00": Present, "2026-04-04T23:45:00-04:00": Late}},
		{"Europe/London", "GB", "2026-10-24", "2026-10-25", "01:00", "02:30",
			"01:00 happens twice on Sun 25 Oct 2026 in Europe/London: the clocks go back from 02:00 to 01:00; the session starts at the first 01:00, and check-ins are late only 10 min after the second",
			map[string]Status{"2026-10-25T01:05:00+01:00": Present, "2026-10-25T01:05:00Z": Present, "2026-10-25T01:15:00Z": Late}},
		{"Europe/London", "GB", "2026-10-20", "2026-10-21", "09:00", "10:00", "",
			map[string]Status{"2026-10-21T09:10:00+01:00": Present, "2026-10-21T09:11:00+01:00": Late}},
	} {
		w := Workshop{Code: "dst-" + strings.ToLower(tc.country) + "-" + tc.day, Title: "Summer time", City: "Somewhere", Country: tc.country,
			TimeZone: tc.zone, StartDate: mustDate(t, tc.first), EndDate: mustDate(t, tc.first).AddDays(2)}
		if err := s.SaveWorkshop(&w); err != nil {
			t.Fatal(err)
		}
		se := Session{WorkshopID: w.ID, Date: mustDate(t, tc.day), Start: mustClock(t, tc.start), End: mustClock(t, tc.end), Title: "Night plenary", Counts: true}
		warnings := se.ClockWarnings(&w)
		if tc.warning == "" && len(warnings) > 0 || tc.warning != "" && (len(warnings) == 0 || warnings[0] != tc.warning) {
			t.Errorf("%s %s %s: warnings %q, want %q", tc.zone, tc.day, tc.start, warnings, tc.warning)
		}
		if err := s.SaveSession(&se); err != nil {
			t.Fatal(err)
		}
		for when, want := range tc.checkIns {
			p := addParticipant(t, s, w, "Check", when, "")
			res, err := s.CheckIn(se.ID, p.ID, at(when))
			if err != nil {
				t.Fatal(err)
			}
			if res.Attendance.Status != want {
				t.Errorf("%s: session at %s on %s, check-in at %s: %s, want %s", tc.zone, tc.start, tc.day, when, res.Attendance.Status, want)
			}
		}
	}
}
