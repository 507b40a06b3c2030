package store

import (
	"strings"
	"testing"
	"time"
)

// TestParseDateISO reads dates typed by people: ISO 8601 with spaces
// around it, and a message naming the format for anything else.
func TestParseDateISO(t *testing.T) {
	if d, err := ParseDate(" 2026-12-14 "); err != nil || d != (Date{2026, 12, 14}) {
		t.Errorf("ParseDate with spaces = %v, %v", d, err)
	}
	_, err := ParseDate("14/12/2026")
	if err == nil || err.Error() != `"14/12/2026" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-14` {
		t.Errorf("ParseDate(14/12/2026) error %v", err)
	}
	if _, err := ParseDate("2027-02-30"); err == nil || !strings.Contains(err.Error(), "2027-02-30 is not a real calendar date") {
		t.Errorf("ParseDate(2027-02-30) error %v", err)
	}
}

// TestDateTime reads and writes a date and time (a late joiner's arrival)
// in the one format of the app and the command line.
func TestDateTime(t *testing.T) {
	dakar, err := time.LoadLocation("Africa/Dakar")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	addis, err := time.LoadLocation("Africa/Addis_Ababa")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	want := time.Date(2027, 3, 9, 10, 30, 0, 0, addis)
	for _, s := range []string{"2027-03-09 10:30", " 2027-03-09 10:30 ", "2027-03-09T10:30", "2027-03-09 10:30:00",
		"2027-03-09T10:30:00", "2027-03-09T07:30:00Z", "2027-03-09T09:30:00+02:00"} {
		if got, err := ParseDateTime(s, addis); err != nil || !got.Equal(want) || got.Location() != addis {
			t.Errorf("ParseDateTime(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
	if got, err := ParseDateTime("2027-03-09", addis); err != nil || !got.Equal(time.Date(2027, 3, 9, 0, 0, 0, 0, addis)) {
		t.Errorf("a day alone = %v, %v; want its start", got, err)
	}
	for _, s := range []string{"09/03/2027 10:30", "2027-03-09 25:00", "tuesday morning", ""} {
		_, err := ParseDateTime(s, addis)
		if err == nil || !strings.Contains(err.Error(), "YYYY-MM-DD HH:MM") {
			t.Errorf("ParseDateTime(%q) error %v, want one naming the format", s, err)
		}
	}
	if got := FormatDateTime(want, dakar); got != "2027-03-09 07:30" {
		t.Errorf("FormatDateTime = %q", got)
	}
	if got, _ := ParseDateTime(FormatDateTime(want, addis), addis); !got.Equal(want) {
		t.Error("FormatDateTime does not read back")
	}
}
