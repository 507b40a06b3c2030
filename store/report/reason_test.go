package report

import (
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestReasonInEnglishIsStores words every reason of a large workshop, on
// the sessions and on the hours basis, with decisions taken by hand, from
// the figures alone in English and checks it is store's reason word for
// word: the translations follow the same logic. Then French and Spanish
// have no English left.
func TestReasonInEnglishIsStores(t *testing.T) {
	for _, basis := range []store.Basis{store.BasisSessions, store.BasisHours} {
		d, now := benchWorkshop(200, 9)
		d.Workshop.Rule = store.AttendanceRule{Basis: basis, MandatoryRequired: new(true)}
		for _, at := range []time.Time{now.Add(-30 * time.Hour), now, now.Add(96 * time.Hour)} {
			overrides := map[uuid.UUID]store.EligibilityOverride{
				d.Participants[0].ID: {Granted: true, Reason: "attended online"},
				d.Participants[1].ID: {Granted: false, Reason: "left early"},
			}
			st := store.Compute(d, at)
			rows := store.EligibilityOf(d, st, overrides)
			for i := range rows {
				if got := reasonIn("en", &rows[i], st.Rule, d.Sessions); got != rows[i].Reason {
					t.Fatalf("%s basis, row %d:\n got %q\nwant %q", basis, i, got, rows[i].Reason)
				}
				for _, lang := range []string{"fr", "es"} {
					got := Reason(lang, &rows[i], st.Rule, d.Sessions)
					for _, en := range []string{" of ", "so far", "to come", "session", "hour", "appreciation", "by hand", "mandatory"} {
						if strings.Contains(got, en) {
							t.Fatalf("%s: %q holds %q", lang, got, en)
						}
					}
				}
			}
		}
	}
	r := store.EligibilityRow{Stats: store.ParticipantStats{Attended: 7, Applicable: 9, Pending: 0}}
	rule := store.EffectiveRule{MinPercent: 80, Basis: store.BasisSessions}
	for lang, want := range map[string]string{
		"fr": "7 sur 9 séances, 78 % < 80 %",
		"es": "7 de 9 sesiones, 78 % < 80 %",
		"ru": "7 из 9 заседаний, 78 % < 80 %",
	} {
		if got := strings.ReplaceAll(Reason(lang, &r, rule, nil), "\u00a0", " "); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
}
