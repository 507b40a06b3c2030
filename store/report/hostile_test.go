package report

import (
	"bytes"
	"encoding/csv"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// TestHostileAttendanceCSVFormulas: names, organisations and session titles
// that look like formulas come out of the attendance report's CSV files as
// text, with the leading apostrophe OWASP recommends. Part of the hostile
// suite (go test ./... -run Hostile).
func TestHostileAttendanceCSVFormulas(t *testing.T) {
	d, overrides := fixture()
	d.Participants[0].FamilyNames = `=HYPERLINK("http://x","click")`
	d.Participants[0].Organisation = "=cmd|' /C calc'!A0"
	d.Participants[1].GivenNames = "@SUM(1+1)"
	d.Sessions[0].Title = "+1"
	d.Sessions[2].Title = "-1"
	perSession, perParticipant := AttendanceWithOverrides(d, overrides, fixtureNow)
	seen := map[string]bool{}
	for _, tb := range []sheet.Table{perSession, perParticipant} {
		var b bytes.Buffer
		if err := sheet.WriteCSV(&b, tb); err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(strings.NewReader(strings.TrimPrefix(b.String(), "\uFEFF"))).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		for i, rec := range recs {
			for j, f := range rec {
				seen[f] = true
				if f != "" && strings.ContainsRune("=+@\t\r", rune(f[0])) || strings.HasPrefix(f, "-") && !isNumber(f) {
					t.Errorf("%s, line %d, field %d: %q starts a formula", tb.Name, i+1, j+1, f)
				}
			}
		}
	}
	for _, want := range []string{`'=HYPERLINK("http://x","click")`, "'=cmd|' /C calc'!A0", "'@SUM(1+1)", "'+1", "'-1"} {
		if !seen[want] {
			t.Errorf("no field %q in the report", want)
		}
	}
}

// isNumber reports whether s is a number as WriteCSV writes one.
func isNumber(s string) bool {
	return strings.Trim(s, "-0123456789.") == ""
}
