package main

import (
	"strings"
	"testing"
)

// The list for sharing printed rather than written to a file holds what
// the file holds and no more: it printed every field (badge code, gender,
// phone, IDs) of those who agreed, to be redirected into a file and handed
// out.
func TestHostileSharingListPrintedHoldsOnlySharedFields(t *testing.T) {
	data := demoFile(t)
	ps := setConsent(t, data)
	for _, args := range [][]string{
		{"--data", data, "participants", "--workshop", "demo", "--for-sharing"},
		{"--data", data, "--json", "participants", "--workshop", "demo", "--for-sharing"},
	} {
		out := mustRun(t, args...)
		if strings.Contains(out, ps[0].FamilyNames) && ps[0].FamilyNames != ps[1].FamilyNames {
			t.Errorf("%v: lists %s, who declined", args[2:], ps[0].FamilyNames)
		}
		if !strings.Contains(out, ps[1].FamilyNames) || !strings.Contains(out, ps[1].Email) {
			t.Errorf("%v: leaves out %s", args[2:], ps[1].FamilyNames)
		}
		for _, private := range []string{ps[1].BadgeCode, ps[1].ID.String(), "gender", "GENDER", "badge", "BADGE", "role", "ROLE"} {
			if strings.Contains(out, private) {
				t.Errorf("%v: shows %q:\n%s", args[2:], private, out[:min(len(out), 600)])
			}
		}
	}
}
