package ui

import (
	"fyne.io/fyne/v2/lang"

	"github.com/workshopdesk/workshopdesk/store"
)

// consentSelect makes a select of the consent answers, in the order of
// store.Consents: not asked, yes, no.
func consentSelect(k *formKeys) *formSelect {
	s := k.choice([]string{lang.L("not asked"), lang.L("yes"), lang.L("no")}, nil)
	s.SetSelectedIndex(0)
	return s
}

// consentFields are the consent selects of the participant form with
// their labels, and the fields of a participant they edit.
func consentFields(f *participantForm, p *store.Participant) []struct {
	label string
	sel   *formSelect
	value *store.Consent
} {
	return []struct {
		label string
		sel   *formSelect
		value *store.Consent
	}{
		{lang.L("Consents to photographs"), f.consentPhotos, &p.ConsentPhotos},
		{lang.L("Consents to the participants list being shared"), f.consentShare, &p.ConsentShare},
		{lang.L("Consents to being contacted for follow-up"), f.consentFollowUp, &p.ConsentFollowUp},
	}
}

// setConsent selects c.
func setConsent(s *formSelect, c store.Consent) {
	for i, v := range store.Consents {
		if v == c {
			s.SetSelectedIndex(i)
		}
	}
}

// consentValue returns the answer selected.
func consentValue(s *formSelect) store.Consent {
	if i := s.SelectedIndex(); i >= 0 && i < len(store.Consents) {
		return store.Consents[i]
	}
	return store.ConsentNotAsked
}
