package store

import (
	"cmp"
	"fmt"
	"regexp"
	"strings"
	"time"
)

// Date is a calendar day with no time zone, stored as "YYYY-MM-DD".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// The one format of dates and of dates with a time, wherever one is typed
// or written (forms, command-line flags, files), ISO 8601: ParseDate and
// Date.String, ParseDateTime and FormatDateTime read and write them.
const (
	DateHint       = "YYYY-MM-DD"       // how a date is written, for placeholders and messages
	DateTimeHint   = "YYYY-MM-DD HH:MM" // how a date and time is written
	dateTimeLayout = "2006-01-02 15:04"
)

var dateShape = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// ParseDate parses a "YYYY-MM-DD" day (ISO 8601; spaces around it are
// ignored) and rejects impossible dates such as 2027-02-30.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		if dateShape.MatchString(s) {
			return Date{}, fmt.Errorf("%s is not a real calendar date", s)
		}
		return Date{}, fmt.Errorf("%q is not a date: write it as %s, e.g. 2026-12-14", s, DateHint)
	}
	return DateOf(t), nil
}

// dateTimeLayouts are the forms ParseDateTime reads besides RFC 3339: with
// a space or a "T", with or without seconds, and a day alone.
var dateTimeLayouts = []string{dateTimeLayout, "2006-01-02 15:04:05", "2006-01-02T15:04", "2006-01-02T15:04:05", time.DateOnly}

// ParseDateTime parses a date and time as FormatDateTime writes it
// ("2027-03-09 10:30", a wall clock time in loc), also with a "T" or
// seconds, a day alone (its start), or an instant with its offset (RFC
// 3339, returned in loc). Spaces around it are ignored.
func ParseDateTime(s string, loc *time.Location) (time.Time, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t.In(loc), nil
	}
	for _, layout := range dateTimeLayouts {
		if t, err := time.ParseInLocation(layout, s, loc); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a date and time: write it as %s, e.g. 2026-12-14 09:30", s, DateTimeHint)
}

// FormatDateTime writes t as a wall clock time in loc, "2027-03-09 10:30":
// what ParseDateTime reads back.
func FormatDateTime(t time.Time, loc *time.Location) string {
	return t.In(loc).Format(dateTimeLayout)
}

// DateOf returns the calendar day of t in t's location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether the date is unset.
func (d Date) IsZero() bool { return d == Date{} }

// String formats the date as "YYYY-MM-DD" (empty when unset).
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// In returns the instant of clock c on day d in loc: Reading's First. A
// time the clocks jump over that day is read with the offset before the
// jump, as calendars do (00:30, when the clocks go from 00:00 to 01:00, is
// 01:30 new time); a time that happens twice is the first. Go's time.Date
// leaves both to the zone (00:30 would be 23:30 the day before in
// America/Santiago, the second 01:30 in Europe/London).
func (d Date) In(c Clock, loc *time.Location) time.Time {
	return d.Reading(c, loc).First
}

// ClockReading is what a clock time of a day means in a time zone.
type ClockReading struct {
	// First and Last are the instants it can mean, in the zone: the same
	// but when it happens twice.
	First, Last time.Time
	// Skipped: the clocks jump over it that day (summer time begins);
	// First is read with the offset before the jump.
	Skipped bool
	// Repeated: it happens twice (the clocks went back); Last is the
	// second.
	Repeated bool
}

// Reading tells what clock c on day d means in loc (UTC when nil).
func (d Date) Reading(c Clock, loc *time.Location) ClockReading {
	if loc == nil {
		loc = time.UTC
	}
	wall := time.Date(d.Year, d.Month, d.Day, int(c)/60, int(c)%60, 0, 0, time.UTC)
	// The offsets in force around that day; a zone changes at most once
	// in a day and a half.
	var offsets [3]int
	n := 0
	for _, probe := range [...]time.Duration{-36 * time.Hour, 0, 36 * time.Hour} {
		_, off := wall.Add(probe).In(loc).Zone()
		if n == 0 || off != offsets[0] && (n < 2 || off != offsets[1]) {
			offsets[n] = off
			n++
		}
	}
	var r ClockReading
	var skipped time.Time
	for _, off := range offsets[:n] {
		u := wall.Add(-time.Duration(off) * time.Second).In(loc)
		switch _, actual := u.Zone(); {
		case actual == off: // the clock shows c at u
			switch {
			case r.First.IsZero():
				r.First, r.Last = u, u
			case u.Before(r.First):
				r.First, r.Repeated = u, true
			case u.After(r.Last):
				r.Last, r.Repeated = u, true
			}
		case actual > off && u.After(skipped):
			// Read with the offset before the clocks went forward, u is
			// past the jump: what a skipped time means.
			skipped = u
		}
	}
	switch {
	case !r.First.IsZero():
	case !skipped.IsZero():
		r.First, r.Last, r.Skipped = skipped, skipped, true
	default: // cannot be; keep Go's reading
		r.First = time.Date(d.Year, d.Month, d.Day, int(c)/60, int(c)%60, 0, 0, loc)
		r.Last = r.First
	}
	return r
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e.
func (d Date) Compare(e Date) int {
	switch {
	case d.Year != e.Year:
		return cmp.Compare(d.Year, e.Year)
	case d.Month != e.Month:
		return cmp.Compare(d.Month, e.Month)
	default:
		return cmp.Compare(d.Day, e.Day)
	}
}

// AddDays returns the date n days after d.
func (d Date) AddDays(n int) Date {
	return DateOf(time.Date(d.Year, d.Month, d.Day+n, 12, 0, 0, 0, time.UTC))
}

// DaysUntil returns the number of days from d to e (negative if e is before d).
func (d Date) DaysUntil(e Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	b := time.Date(e.Year, e.Month, e.Day, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// MarshalText encodes the date as "YYYY-MM-DD".
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText decodes "YYYY-MM-DD"; an empty text is the zero date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Clock is a wall-clock time of day in minutes since midnight, stored as "HH:MM".
type Clock int

// ParseClock parses "HH:MM" (24-hour) and rejects impossible times such as 25:10.
func ParseClock(s string) (Clock, error) {
	t, err := time.Parse("15:04", s)
	if err != nil {
		return 0, fmt.Errorf("%q is not a time of the form HH:MM", s)
	}
	return Clock(t.Hour()*60 + t.Minute()), nil
}

// String formats the clock as "HH:MM".
func (c Clock) String() string { return fmt.Sprintf("%02d:%02d", int(c)/60, int(c)%60) }

// MarshalText encodes the clock as "HH:MM".
func (c Clock) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText decodes "HH:MM".
func (c *Clock) UnmarshalText(b []byte) error {
	v, err := ParseClock(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
