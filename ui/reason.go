package ui

import (
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
)

// reasonText words the reason of an eligibility row, which store writes
// in English, in the screens' language with the same figures (as the
// printed reports word it). rule and sessions are those the row was
// computed with.
func reasonText(r store.EligibilityRow, rule store.EffectiveRule, sessions []store.Session) string {
	return report.Reason(Language(), &r, rule, sessions)
}

// ruleReasonText words the rule's verdict on a row, leaving out any
// decision taken by hand (store's RuleReason).
func ruleReasonText(r store.EligibilityRow, rule store.EffectiveRule, sessions []store.Session) string {
	r.Reason, r.Override = r.RuleReason, nil
	return reasonText(r, rule, sessions)
}

// statsReasonText words a participant's attendance against the rule
// (store's ParticipantStats.Reason), whatever the certificate they get.
func statsReasonText(ps *store.ParticipantStats, rule store.EffectiveRule, sessions []store.Session) string {
	return reasonText(store.EligibilityRow{Kind: store.KindAttendance, Reason: ps.Reason, Stats: *ps}, rule, sessions)
}

// reason words row r of the certificates' list in the screens' language.
func (s *certificatesSection) reason(r store.EligibilityRow) string {
	return reasonText(r, s.ws.data.Workshop.Rule.Effective(), s.ws.data.Sessions)
}
