package importer

import (
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// The consent fields: the form questions "Do you consent to photos?",
// "Consent to share my details", "Acceptez-vous d'être recontacté(e) pour
// un suivi ?", answered yes or no.
const (
	ConsentPhotos   Field = "consent_photos"
	ConsentShare    Field = "consent_share"
	ConsentFollowUp Field = "consent_follow_up"
)

// consentWords say that a heading asks for consent, in English, French and
// Spanish (folded, no accents).
var consentWords = set("consent", "consents", "consenting", "consentement", "consentez", "consens", "consiento",
	"consentimiento", "consiente", "agree", "agreement", "accept", "accepte", "acceptez", "accepto", "acepto", "acepta",
	"autorizo", "autoriza", "autorizacion", "autorise", "autorisez", "autorisation", "authorise", "authorize",
	"authorisation", "authorization", "permission", "allow", "permiso", "permite", "ok", "happy")

// askWords begin a question that may ask for consent without saying so
// ("May we contact you after the workshop?").
var askWords = set("may", "can", "could", "peut", "pouvons", "puisje", "podemos", "puede", "pueden")

// consentField tells which consent field a heading asks about, if any.
func consentField(h string) (Field, bool) {
	words := tokens(h)
	if len(words) == 0 {
		return "", false
	}
	consent, ask := false, askWords[words[0]] || yesNoQuestions[words[0]]
	var photo, share, follow, contact bool
	for _, w := range words {
		consent = consent || consentWords[w]
		photo = photo || strings.HasPrefix(w, "photo") || strings.HasPrefix(w, "foto") || w == "image" || w == "images" ||
			w == "imagen" || w == "imagenes" || w == "picture" || w == "pictures" || w == "filmed" || w == "filme"
		share = share || strings.HasPrefix(w, "shar") || strings.HasPrefix(w, "partag") || strings.HasPrefix(w, "compart") ||
			w == "directory" || w == "annuaire" || w == "directorio" || w == "diffusion" || w == "difusion"
		follow = follow || w == "follow" || w == "followup" || w == "suivi" || w == "seguimiento"
		contact = contact || strings.Contains(w, "contact")
	}
	switch {
	case !consent && !ask:
		return "", false
	case photo:
		return ConsentPhotos, true
	case share:
		return ConsentShare, true
	case follow || contact && (consent || askWords[words[0]]):
		return ConsentFollowUp, true
	}
	return "", false
}

// consentValue reads a consent cell into *dst, or reports the problem.
func (r *RowPreview) consentValue(f Field, v string, dst *store.Consent, warn func(Field, ProblemKind, string, ...any)) {
	if v == "" {
		return
	}
	if c, ok := store.ParseConsent(v); ok {
		*dst = c
		return
	}
	warn(f, UnknownValue, "%q is not yes or no; the consent is left as not asked", v)
}

// consentAnswers are yes and no in each language of an exported list.
var consentAnswers = map[string][2]string{"en": {"yes", "no"}, "fr": {"oui", "non"}, "es": {"sí", "no"}}

// consentCell writes a consent answer in lang for an exported list.
func consentCell(lang string, c store.Consent) string {
	switch c {
	case store.ConsentYes:
		return consentAnswers[lang][0]
	case store.ConsentNo:
		return consentAnswers[lang][1]
	}
	return ""
}
