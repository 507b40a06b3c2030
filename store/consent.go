package store

import "strings"

// Consent is a participant's answer to a consent question: yes, no, or ""
// when the question was not asked.
type Consent string

// Consent answers.
const (
	ConsentNotAsked Consent = ""
	ConsentYes      Consent = "yes"
	ConsentNo       Consent = "no"
)

// Consents lists the answers in the order forms offer them.
var Consents = []Consent{ConsentNotAsked, ConsentYes, ConsentNo}

// Refused reports whether the answer is no.
func (c Consent) Refused() bool { return c == ConsentNo }

// consentWords are the answers ParseConsent reads, in English, French and
// Spanish, after lower-casing and trimming.
var consentWords = map[string]Consent{
	"yes": ConsentYes, "y": ConsentYes, "oui": ConsentYes, "o": ConsentYes, "sí": ConsentYes, "si": ConsentYes,
	"true": ConsentYes, "1": ConsentYes, "x": ConsentYes, "i agree": ConsentYes, "i consent": ConsentYes,
	"agree": ConsentYes, "d'accord": ConsentYes, "j'accepte": ConsentYes, "acepto": ConsentYes, "de acuerdo": ConsentYes,
	"no": ConsentNo, "n": ConsentNo, "non": ConsentNo, "false": ConsentNo, "0": ConsentNo,
	"i do not agree": ConsentNo, "i don't agree": ConsentNo, "je refuse": ConsentNo, "no acepto": ConsentNo,
	"": ConsentNotAsked, "-": ConsentNotAsked, "not asked": ConsentNotAsked, "n/a": ConsentNotAsked,
}

// ParseConsent reads a yes/no answer as forms write it ("Yes", "Oui",
// "Sí", "No", "Non", "yes, I agree"); ok is false for anything else.
func ParseConsent(s string) (c Consent, ok bool) {
	k := strings.ToLower(strings.TrimSpace(s))
	if c, ok = consentWords[k]; ok {
		return c, true
	}
	// "Yes, I agree", "Non merci", "Sí, acepto": the first word decides.
	first := strings.FieldsFunc(k, func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == ';' || r == '!' })
	if len(first) > 0 {
		if c, ok = consentWords[first[0]]; ok && c != ConsentNotAsked {
			return c, true
		}
	}
	return ConsentNotAsked, false
}

// validateConsent adds a problem for each consent field that holds
// something other than yes, no or nothing.
func (p *Participant) validateConsent(pr *problems) {
	for _, f := range []struct {
		field string
		value Consent
	}{{"consent_photos", p.ConsentPhotos}, {"consent_share", p.ConsentShare}, {"consent_follow_up", p.ConsentFollowUp}} {
		if !validEnum(f.value, Consents, true) {
			pr.add(f.field, "%q is not yes, no or empty (not asked)", string(f.value))
		}
	}
}

// ForSharing returns the participants who may appear on a list shared
// with the other participants: those who did not refuse (consent "no").
// Whether "not asked" may be shared is the organiser's call: strict
// leaves them out too.
func ForSharing(list []Participant, strict bool) []Participant {
	out := make([]Participant, 0, len(list))
	for _, p := range list {
		if p.ConsentShare == ConsentNo || (strict && p.ConsentShare != ConsentYes) {
			continue
		}
		out = append(out, p)
	}
	return out
}
