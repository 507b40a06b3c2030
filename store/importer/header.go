package importer

import (
	"slices"
	"strings"
	"sync"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store"
)

// headerAliases are the column headings recognised exactly (after compact),
// in English, French and Spanish.
var headerAliases = map[Field][]string{
	Honorific: {"honorific", "honorifics", "salutation", "civilité", "civ", "civ.", "tratamiento",
		"prefix", "prefijo", "Mr/Ms", "Mr/Mrs/Ms", "M./Mme", "Sr./Sra."},
	GivenNames: {"given_names", "first name", "first names", "firstname", "given name", "given names", "forename",
		"forenames", "other names", "prénom", "prénoms", "prénom(s)", "nombres", "nombre(s)", "nombre de pila",
		"primer nombre", "first"},
	FamilyNames: {"family_name", "last name", "last names", "lastname", "surname", "surnames", "family name",
		"family names", "nom de famille", "noms de famille", "apellido", "apellidos", "apellido(s)", "last"},
	FullName: {"full_name", "full name", "names", "full names", "participant name", "participant's name",
		"name of participant", "name of the participant", "nom complet", "nom et prénom", "nom et prénoms",
		"nom & prénom", "prénom et nom", "nom prénom", "prénom nom", "nom du participant", "nom de la participante",
		"nombre completo", "nombre y apellido", "nombre y apellidos", "apellidos y nombre", "apellidos y nombres",
		"nombres y apellidos", "nombre del participante", "nombre de la participante", "nombre y apellido(s)"},
	NativeName: {"native_name", "native name", "name in native script", "name (native script)", "native script",
		"name in original script", "name in local script", "local name", "nom en écriture originale",
		"nom (écriture d'origine)", "nom dans l'écriture d'origine", "nom en écriture d'origine",
		"nombre en escritura original", "nombre en escritura nativa", "nombre (escritura original)"},
	Organisation: {"organisation", "organization", "organisation name", "organization name", "institution",
		"institution name", "organisme", "organismo", "organización", "institución", "entidad", "agency",
		"employer", "affiliation", "company", "entreprise", "empresa", "structure", "organisation/institution",
		"organization/institution", "institution/organisation", "organisme/institution", "organización/institución"},
	OrgType: {"org_type", "organisation type", "organization type", "type of organisation", "type of organization",
		"org type", "org. type", "institution type", "type of institution", "type d'organisation",
		"type d'organisme", "type de structure", "type d'institution", "tipo de organización",
		"tipo de institución", "tipo de organismo", "tipo de entidad", "sector", "secteur", "category of organisation",
		"catégorie d'organisation", "categoría de organización"},
	Position: {"position", "job title", "job", "function", "fonction", "poste", "cargo", "designation",
		"occupation", "puesto", "post", "titre du poste", "position/title", "title/position"},
	Country: {"country", "pays", "país", "nationality", "nationalité", "nacionalidad", "country of residence",
		"pays de résidence", "país de residencia", "country/nationality", "citizenship", "country of origin",
		"pays d'origine", "país de origen"},
	Gender: {"gender", "sex", "sexe", "genre", "género", "sexo", "M/F", "F/M", "H/F", "F/H", "gender (M/F)"},
	Email: {"email", "e-mail", "mail", "email address", "e-mail address", "emails", "courriel", "adresse électronique",
		"adresse email", "adresse e-mail", "adresse mail", "correo", "correo electrónico", "correo-e", "correo e",
		"dirección de correo", "dirección de correo electrónico", "email_address"},
	Phone: {"phone", "telephone", "tel", "tel.", "mobile", "mobile phone", "mobile number", "cell", "cellphone",
		"cell phone", "phone number", "téléphone", "portable", "numéro de téléphone", "teléfono", "celular",
		"móvil", "número de teléfono", "whatsapp", "gsm"},
	Role: {"role", "rôle", "rol", "participant role", "role in the workshop", "type of participant",
		"type de participant", "tipo de participante", "participant type", "participant category", "capacity", "participation", "en calidad de",
		"en qualité de"},
	BadgeCode: {"badge_code", "badge", "badge code", "code", "code badge", "code du badge", "código",
		"código de credencial", "credential", "credencial"},
	JoinedAt: {"joined_at", "joined at", "joined on", "date joined", "joining date", "late joiner since",
		"a rejoint le", "a rejoint l'atelier le", "incorporado el", "se incorporó el"},
	Notes: {"notes", "note", "remarks", "remarques", "remarque", "comments", "comment", "commentaires",
		"commentaire", "observations", "observaciones", "observación", "comentarios", "notas", "nota"},
}

// ambiguous headings whose field Suggest settles from the other columns
// or from the values.
var ambiguousAliases = map[string]Field{
	"title": Honorific, "titre": Honorific, "titles": Honorific, "título": Honorific,
	"name": FullName, "nom": FamilyNames, "nombre": GivenNames, "noms": FamilyNames,
}

// headerMatch is what a heading says about its column.
type headerMatch struct {
	field     Field
	exact     bool // the heading is a known alias, not only a keyword match
	ambiguous bool // "Title", "Name", "Nom", "Nombre": see Suggest
}

var aliasIndex = sync.OnceValue(func() map[string]headerMatch {
	idx := map[string]headerMatch{}
	for f, list := range headerAliases {
		for _, a := range list {
			idx[compact(a)] = headerMatch{field: f, exact: true}
		}
	}
	for a, f := range ambiguousAliases {
		idx[compact(a)] = headerMatch{field: f, exact: true, ambiguous: true}
	}
	return idx
})

// keywordRules recognise headings that are not known aliases by the words
// they contain ("Participant's e-mail address", "Country of work"). The
// first rule whose sets each share a word with the heading wins.
var keywordRules = []struct {
	field Field
	sets  [][]string
}{
	{NativeName, [][]string{{"native", "script", "ecriture", "escritura", "original", "originale", "origine", "nativo", "nativa"},
		{"name", "names", "nom", "noms", "nombre", "nombres", "script", "ecriture", "escritura"}}},
	{Email, [][]string{{"email", "mail", "courriel", "correo", "emails"}}},
	{Phone, [][]string{{"phone", "telephone", "tel", "mobile", "cell", "cellphone", "celular", "movil", "telefono", "portable", "whatsapp", "gsm"}}},
	{OrgType, [][]string{{"type", "tipo", "category", "categorie", "categoria", "kind"},
		{"organisation", "organization", "organizacion", "institution", "institucion", "organisme", "organismo", "org", "entity", "entidad", "structure"}}},
	{OrgType, [][]string{{"sector", "secteur"}}},
	{Organisation, [][]string{{"organisation", "organization", "organizacion", "institution", "institucion", "organisme",
		"organismo", "entidad", "agency", "employer", "affiliation", "company", "entreprise", "empresa", "ministry", "ministere", "ministerio"}}},
	{Position, [][]string{{"position", "job", "function", "fonction", "poste", "cargo", "designation", "occupation", "puesto"}}},
	{Country, [][]string{{"country", "pays", "pais", "nationality", "nationalite", "nacionalidad", "citizenship"}}},
	{Gender, [][]string{{"gender", "sex", "sexe", "genre", "genero", "sexo"}}},
	{FullName, [][]string{{"first", "given", "prenom", "prenoms", "forename", "nombre", "nombres"},
		{"last", "surname", "family", "apellido", "apellidos", "nom", "noms"}}},
	{FullName, [][]string{{"full", "complet", "completo"}, nameWords}},
	{GivenNames, [][]string{{"first", "given"}, nameWords}},
	{GivenNames, [][]string{{"prenom", "prenoms", "forename", "forenames", "firstname", "givenname"}}},
	{FamilyNames, [][]string{{"last", "family", "famille"}, nameWords}},
	{FamilyNames, [][]string{{"surname", "surnames", "apellido", "apellidos", "lastname", "familyname"}}},
	{FullName, [][]string{nameWords}},
	{Role, [][]string{{"role", "rol", "roles"}}},
	{BadgeCode, [][]string{{"badge", "credential", "credencial"}}},
	{Notes, [][]string{{"notes", "note", "remarks", "remarques", "comments", "commentaires", "observations", "observaciones", "comentarios"}}},
	{Honorific, [][]string{{"honorific", "civilite", "tratamiento", "salutation"}}},
}

// nameWords are the words for a person's name.
var nameWords = []string{"name", "names", "nom", "noms", "nombre", "nombres"}

// yesNoQuestions begin the form questions answered by yes or no ("Would
// you like to receive our newsletter by email?"): they mention a field
// without holding it.
var yesNoQuestions = set("do", "does", "did", "would", "will", "are", "is", "have", "has", "can", "could", "should",
	"est", "estce", "souhaitez", "souhaites", "voulez", "avez", "etes", "pouvez", "acceptez", "desea", "deseas",
	"quiere", "quieres", "tiene", "tienes", "necesita", "necesitas", "puede", "acepta", "esta", "es")

// longHeading is the length, in words or characters, past which a heading
// is a form question ("Name as it should appear on your certificate")
// rather than a label; questionWords is the length past which it is a
// sentence, not a heading at all.
const (
	longHeading     = 6
	longHeadingText = 50
	questionWords   = 20
)

// asides ends a heading's label: what follows explains it ("Full name (as
// it should appear on your certificate)", "Email: the one you read").
var asides = strings.NewReplacer("(", "\x00", "[", "\x00", ":", "\x00", " - ", "\x00", " – ", "\x00", "?", "\x00", "*", "\x00", ",", "\x00")

// matchHeader tells which field a column heading names, if any: a known
// heading ("Prénom"), a known heading followed by an explanation ("Full
// name (as it should appear on your certificate)"), or failing those the
// words it holds ("What's your first name?", "Name as it should appear on
// your certificate"), in English, French and Spanish.
func matchHeader(h string) (headerMatch, bool) {
	k := compact(h)
	if k == "" || strings.Contains(h, "@") {
		return headerMatch{}, false // "@" : a value, not a heading
	}
	if m, ok := aliasIndex()[k]; ok {
		return m, true
	}
	if f, ok := consentField(h); ok {
		return headerMatch{field: f}, true
	}
	if label, _, cut := strings.Cut(asides.Replace(h), "\x00"); cut {
		if m, ok := aliasIndex()[compact(label)]; ok && !m.ambiguous {
			return m, true
		}
	}
	words := tokens(h)
	if len(words) > longHeading || len(h) > longHeadingText {
		if len(words) > questionWords || yesNoQuestions[words[0]] {
			return headerMatch{}, false
		}
		// French "tel que" is "such as", not a phone.
		words = slices.DeleteFunc(words, func(w string) bool { return w == "tel" || w == "telle" })
	}
rules:
	for _, r := range keywordRules {
		for _, set := range r.sets {
			if !shareWord(words, set) {
				continue rules
			}
		}
		return headerMatch{field: r.field}, true
	}
	return headerMatch{}, false
}

func shareWord(words, set []string) bool {
	for _, w := range words {
		for _, s := range set {
			if w == s {
				return true
			}
		}
	}
	return false
}

// headerScanRows is how many rows from the top may hold the header.
const headerScanRows = 15

// FindHeader returns the index in t.Rows of the header row, or -1 when no
// row looks like one. Title and blank rows may come first: each of the
// first rows is scored by how many distinct fields its cells name (a known
// heading counts twice a keyword match) and the best wins, the earliest on
// a tie. A header must name at least two fields, one of them exactly, or,
// as the questions of an online form, three fields by their words, one of
// them a name.
func FindHeader(t *Table) int {
	best, bestScore := -1, 0
	for i := 0; i < len(t.Rows) && i < headerScanRows; i++ {
		if s := headerScore(t.Rows[i].Cells); s > bestScore {
			best, bestScore = i, s
		}
	}
	return best
}

// headerScore scores a row as a header; 0 when it cannot be one.
func headerScore(cells []string) int {
	seen := map[Field]bool{}
	score, exact := 0, 0
	for _, c := range cells {
		m, ok := matchHeader(clean(c))
		if !ok || seen[m.field] {
			continue
		}
		seen[m.field] = true
		if m.exact {
			score += 2
			exact++
		} else {
			score++
		}
	}
	names := seen[FullName] || seen[GivenNames] || seen[FamilyNames]
	switch {
	case len(seen) < 2:
		return 0
	case exact == 0 && (len(seen) < 3 || !names):
		return 0 // a form's questions name three fields, one a name
	}
	return score
}

// endings are the written-out feminine and plural endings compact drops.
var endings = strings.NewReplacer("(s)", "", "(es)", "", "(e)", "", "(a)", "", "(as)", "")

// compact returns s folded (lower case, no accents) with every character
// but letters and digits removed, and without the "(s)" or "(e)" of
// "Nombre(s)" or "Invité(e)": the key headings and values are compared by.
func compact(s string) string {
	f := store.Fold(s)
	if strings.Contains(f, "(") {
		f = endings.Replace(f)
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, f)
}

// tokens returns the words of s, folded: runs of letters and digits.
func tokens(s string) []string {
	return strings.FieldsFunc(store.Fold(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}
