package importer

import (
	"sync"

	"github.com/workshopdesk/workshopdesk/store"
)

// honorifics are the titles found before names, in English, French and
// Spanish, compacted.
var honorifics = set("mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "he", "hon", "rev", "sir",
	"m", "mme", "mlle", "me", "pr", "monsieur", "madame", "mademoiselle", "docteur", "dre", "sem",
	"sr", "sra", "srta", "don", "dona", "doña", "dra", "lic", "lcda", "lcdo", "ing", "excmo", "excma",
	"mrdr", "msdr", "amb", "ambassador", "ambassadeur", "embajador", "embajadora")

// isHonorific reports whether s looks like an honorific ("Mr.", "Mme",
// "Sra.", "H.E.").
func isHonorific(s string) bool { return honorifics[compact(s)] }

// genderWords maps the usual ways of writing a gender, compacted, in
// English, French and Spanish. "M" is male, as in English and French
// forms, although Spanish forms sometimes use it for "mujer".
var genderWords = map[string]store.Gender{
	"f": store.Female, "female": store.Female, "woman": store.Female, "w": store.Female, "femme": store.Female,
	"feminin": store.Female, "feminine": store.Female, "fem": store.Female, "mujer": store.Female,
	"femenino": store.Female, "femenina": store.Female, "girl": store.Female, "women": store.Female,
	"m": store.Male, "male": store.Male, "man": store.Male, "homme": store.Male, "h": store.Male,
	"masculin": store.Male, "masculine": store.Male, "masc": store.Male, "hombre": store.Male,
	"masculino": store.Male, "varon": store.Male, "men": store.Male,
	"other": store.OtherGender, "autre": store.OtherGender, "otro": store.OtherGender, "otra": store.OtherGender,
	"nonbinary": store.OtherGender, "nonbinaire": store.OtherGender, "nobinario": store.OtherGender,
	"nobinarie": store.OtherGender, "x": store.OtherGender, "diverse": store.OtherGender,
	"prefernottosay": store.GenderPreferNotSay, "prefernottoanswer": store.GenderPreferNotSay,
	"prefernottodisclose": store.GenderPreferNotSay, "nepassepronconcer": store.GenderPreferNotSay,
	"jepreferenepasrepondre": store.GenderPreferNotSay, "nesouhaitepasrepondre": store.GenderPreferNotSay,
	"prefereneparsrepondre": store.GenderPreferNotSay, "prefierenodecir": store.GenderPreferNotSay,
	"prefieronodecir": store.GenderPreferNotSay, "prefieronoresponder": store.GenderPreferNotSay,
	"prefieronocontestar": store.GenderPreferNotSay, "preferenepasrepondre": store.GenderPreferNotSay,
	"prefierenodecirlo": store.GenderPreferNotSay,
}

// roleWords maps role words in English, French and Spanish, compacted.
var roleWords = map[string]store.Role{
	"participant": store.RoleParticipant, "participante": store.RoleParticipant, "attendee": store.RoleParticipant,
	"delegate": store.RoleParticipant, "delegue": store.RoleParticipant, "delegado": store.RoleParticipant,
	"delegada": store.RoleParticipant, "trainee": store.RoleParticipant, "stagiaire": store.RoleParticipant,
	"apprenant": store.RoleParticipant, "asistente": store.RoleParticipant, "participants": store.RoleParticipant,
	"speaker": store.RoleSpeaker, "intervenant": store.RoleSpeaker, "orateur": store.RoleSpeaker,
	"oratrice": store.RoleSpeaker, "conferencier": store.RoleSpeaker, "conferenciere": store.RoleSpeaker,
	"panelist": store.RoleSpeaker, "panellist": store.RoleSpeaker, "paneliste": store.RoleSpeaker,
	"panelista": store.RoleSpeaker, "presenter": store.RoleSpeaker, "presentateur": store.RoleSpeaker,
	"ponente": store.RoleSpeaker, "orador": store.RoleSpeaker, "oradora": store.RoleSpeaker,
	"conferencista": store.RoleSpeaker, "expositor": store.RoleSpeaker, "expositora": store.RoleSpeaker,
	"keynotespeaker": store.RoleSpeaker, "resourceperson": store.RoleSpeaker, "personneressource": store.RoleSpeaker,
	"facilitator": store.RoleFacilitator, "facilitateur": store.RoleFacilitator, "facilitatrice": store.RoleFacilitator,
	"facilitador": store.RoleFacilitator, "facilitadora": store.RoleFacilitator, "moderator": store.RoleFacilitator,
	"moderateur": store.RoleFacilitator, "moderatrice": store.RoleFacilitator, "moderador": store.RoleFacilitator,
	"moderadora": store.RoleFacilitator, "trainer": store.RoleFacilitator, "formateur": store.RoleFacilitator,
	"formatrice": store.RoleFacilitator, "formador": store.RoleFacilitator, "formadora": store.RoleFacilitator,
	"capacitador": store.RoleFacilitator, "capacitadora": store.RoleFacilitator, "animateur": store.RoleFacilitator,
	"animatrice": store.RoleFacilitator,
	"observer":   store.RoleObserver, "observateur": store.RoleObserver, "observatrice": store.RoleObserver,
	"observador": store.RoleObserver, "observadora": store.RoleObserver,
	"organiser": store.RoleOrganiser, "organizer": store.RoleOrganiser, "organisateur": store.RoleOrganiser,
	"organisatrice": store.RoleOrganiser, "organizador": store.RoleOrganiser, "organizadora": store.RoleOrganiser,
	"staff": store.RoleOrganiser, "secretariat": store.RoleOrganiser, "secretaria": store.RoleOrganiser,
	"organisingcommittee": store.RoleOrganiser, "organizingcommittee": store.RoleOrganiser,
	"comiteorganisateur": store.RoleOrganiser, "comiteorganizador": store.RoleOrganiser,
}

// orgTypeWords maps organisation types in English, French and Spanish,
// compacted. Regional organisations (ECOWAS, African Union) count as
// international ones: both are intergovernmental.
var orgTypeWords = map[string]store.OrgType{
	"government": store.OrgGovernment, "governmental": store.OrgGovernment, "gov": store.OrgGovernment,
	"govt": store.OrgGovernment, "publicsector": store.OrgGovernment, "public": store.OrgGovernment,
	"ministry": store.OrgGovernment, "nationalgovernment": store.OrgGovernment, "localgovernment": store.OrgGovernment,
	"gouvernement": store.OrgGovernment, "gouvernemental": store.OrgGovernment, "etat": store.OrgGovernment,
	"secteurpublic": store.OrgGovernment, "administrationpublique": store.OrgGovernment, "ministere": store.OrgGovernment,
	"gobierno": store.OrgGovernment, "gubernamental": store.OrgGovernment, "sectorpublico": store.OrgGovernment,
	"administracionpublica": store.OrgGovernment, "ministerio": store.OrgGovernment, "estado": store.OrgGovernment,
	"internationalorganisation": store.OrgInternational, "internationalorganization": store.OrgInternational,
	"internationalorganisations": store.OrgInternational, "internationalorganizations": store.OrgInternational,
	"io": store.OrgInternational, "igo": store.OrgInternational, "un": store.OrgInternational,
	"unitednations": store.OrgInternational, "unagency": store.OrgInternational, "intergovernmental": store.OrgInternational,
	"intergovernmentalorganisation": store.OrgInternational, "intergovernmentalorganization": store.OrgInternational,
	"regionalorganisation": store.OrgInternational, "regionalorganization": store.OrgInternational,
	"organisationinternationale": store.OrgInternational, "organisationregionale": store.OrgInternational,
	"nationsunies": store.OrgInternational, "oi": store.OrgInternational, "onu": store.OrgInternational,
	"organisationintergouvernementale": store.OrgInternational,
	"organizacioninternacional":        store.OrgInternational, "organismointernacional": store.OrgInternational,
	"organizacionregional": store.OrgInternational, "organismoregional": store.OrgInternational,
	"nacionesunidas": store.OrgInternational, "organizacionintergubernamental": store.OrgInternational,
	"civilsociety": store.OrgCivilSociety, "civilsocietyorganisation": store.OrgCivilSociety,
	"civilsocietyorganization": store.OrgCivilSociety, "cso": store.OrgCivilSociety, "ngo": store.OrgCivilSociety,
	"nongovernmental": store.OrgCivilSociety, "nongovernmentalorganisation": store.OrgCivilSociety,
	"nongovernmentalorganization": store.OrgCivilSociety, "nonprofit": store.OrgCivilSociety,
	"association": store.OrgCivilSociety, "foundation": store.OrgCivilSociety, "tradeunion": store.OrgCivilSociety,
	"diaspora": store.OrgCivilSociety, "communitybasedorganisation": store.OrgCivilSociety, "cbo": store.OrgCivilSociety,
	"societecivile": store.OrgCivilSociety, "osc": store.OrgCivilSociety, "ong": store.OrgCivilSociety,
	"organisationnongouvernementale": store.OrgCivilSociety, "fondation": store.OrgCivilSociety,
	"syndicat": store.OrgCivilSociety, "sociedadcivil": store.OrgCivilSociety,
	"organizaciondelasociedadcivil": store.OrgCivilSociety, "organizacionnogubernamental": store.OrgCivilSociety,
	"fundacion": store.OrgCivilSociety, "asociacion": store.OrgCivilSociety, "sindicato": store.OrgCivilSociety,
	"academia": store.OrgAcademia, "academic": store.OrgAcademia, "university": store.OrgAcademia,
	"research": store.OrgAcademia, "researchinstitute": store.OrgAcademia, "thinktank": store.OrgAcademia,
	"academie": store.OrgAcademia, "universite": store.OrgAcademia, "universitaire": store.OrgAcademia,
	"recherche": store.OrgAcademia, "institutderecherche": store.OrgAcademia, "milieuuniversitaire": store.OrgAcademia,
	"universidad": store.OrgAcademia, "academico": store.OrgAcademia, "investigacion": store.OrgAcademia,
	"centrodeinvestigacion": store.OrgAcademia,
	"privatesector":         store.OrgPrivate, "private": store.OrgPrivate, "business": store.OrgPrivate,
	"company": store.OrgPrivate, "privatecompany": store.OrgPrivate, "employers": store.OrgPrivate,
	"secteurprive": store.OrgPrivate, "prive": store.OrgPrivate, "entreprise": store.OrgPrivate,
	"sectorprivado": store.OrgPrivate, "privado": store.OrgPrivate, "empresa": store.OrgPrivate,
	"empresaprivada": store.OrgPrivate,
	"media":          store.OrgMedia, "press": store.OrgMedia, "journalist": store.OrgMedia, "medias": store.OrgMedia,
	"presse": store.OrgMedia, "journaliste": store.OrgMedia, "medios": store.OrgMedia, "prensa": store.OrgMedia,
	"mediosdecomunicacion": store.OrgMedia, "periodista": store.OrgMedia,
	"other": store.OrgOther, "autre": store.OrgOther, "otro": store.OrgOther, "otra": store.OrgOther,
}

// emptyWords are values that mean "not given".
var emptyWords = set("", "na", "nd", "none", "nil", "aucun", "ninguno", "sansobjet", "noaplica", "unknown", "inconnu", "desconocido")

// ParseGender returns the gender s names in English, French or Spanish
// ("F", "Femme", "Mujer", "Woman" → female), or as the store writes it.
// Empty and "n/a" are GenderUnknown. ok is false for a value it does not
// know.
func ParseGender(s string) (g store.Gender, ok bool) { return lookup(s, genders()) }

// ParseRole returns the role s names in English, French or Spanish
// ("Intervenant", "Ponente" → speaker). Empty is "", which the store
// turns into participant.
func ParseRole(s string) (store.Role, bool) { return lookup(s, roles()) }

// ParseOrgType returns the organisation type s names in English, French or
// Spanish ("Gouvernement", "ONG", "Sociedad civil", "Université",
// "Regional organization" → international organisation).
func ParseOrgType(s string) (store.OrgType, bool) { return lookup(s, orgTypes()) }

var (
	genders  = sync.OnceValue(func() map[string]store.Gender { return withValues(genderWords, store.Genders) })
	roles    = sync.OnceValue(func() map[string]store.Role { return withValues(roleWords, store.Roles) })
	orgTypes = sync.OnceValue(func() map[string]store.OrgType { return withValues(orgTypeWords, store.OrgTypes) })
)

// withValues returns words with the store's own values and labels added
// ("prefer_not_to_say", "prefer not to say"), compacted.
func withValues[T ~string](words map[string]T, all []T) map[string]T {
	m := make(map[string]T, len(words)+2*len(all))
	for k, v := range words {
		m[compact(k)] = v
	}
	for _, v := range all {
		m[compact(string(v))] = v
		m[compact(store.Label(v))] = v
	}
	return m
}

// lookup finds s among the words, compacted: case, accents, punctuation
// and the "(e)" or "(s)" of feminine and plural endings do not matter.
func lookup[T ~string](s string, words map[string]T) (T, bool) {
	var zero T
	k := compact(s)
	if emptyWords[k] {
		return zero, true
	}
	v, ok := words[k]
	return v, ok
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[compact(w)] = true
	}
	return m
}
