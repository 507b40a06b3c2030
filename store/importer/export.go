package importer

import (
	"cmp"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// exportHeaders are the headings of an exported participant list, and
// the name of its sheet, in the languages the importer reads (English,
// French, Spanish). Each heading is one Suggest recognises, so that the
// file imports back with no change to the mapping; TestExportHeadings
// holds them to it.
var exportHeaders = map[string][]string{
	"en": {"Honorific", "Given names", "Family name", "Name in native script", "Organisation", "Organisation type",
		"Position", "Country (ISO code)", "Gender", "Email", "Phone", "Role", "Badge code", "Joined at", "Notes",
		"Consent to photos", "Consent to share details", "Consent to follow-up contact"},
	"fr": {"Civilité", "Prénoms", "Nom de famille", "Nom en écriture originale", "Organisation", "Type d'organisation",
		"Fonction", "Pays (code ISO)", "Genre", "Courriel", "Téléphone", "Rôle", "Code du badge", "A rejoint le", "Remarques",
		"Consentement aux photos", "Consentement au partage des coordonnées", "Consentement à être recontacté pour un suivi"},
	"es": {"Tratamiento", "Nombres", "Apellidos", "Nombre en escritura original", "Organización", "Tipo de organización",
		"Cargo", "País (código ISO)", "Género", "Correo electrónico", "Teléfono", "Rol", "Código de credencial", "Se incorporó el", "Observaciones",
		"Consentimiento para fotos", "Consentimiento para compartir datos", "Consentimiento para contacto de seguimiento"},
}

// exportSheet names the sheet of an exported participant list.
var exportSheet = map[string]string{"en": "Participants", "fr": "Participants", "es": "Participantes"}

// exportHeader are the English headings.
var exportHeader = exportHeaders["en"]

// ExportTable returns the participants as a table to write with package
// sheet, one row each in the order given: the columns the importer reads
// back (gender, role and organisation type in words, "prefer not to say";
// the country as its ISO code), then when a late joiner joined, as a
// date-time on the wall clock of loc (the workshop's time zone; nil means
// UTC), and the notes. Reading the file back with Suggest, and the same
// time zone in Options, maps every column to its field and gives the same
// values.
func ExportTable(ps []store.Participant, loc *time.Location) sheet.Table {
	return ExportTableIn(ps, loc, "en")
}

// ExportTableIn is ExportTable with the headings, and the gender, role and
// organisation type, in lang (a workshop's working language): English,
// French or Spanish, the languages the importer reads; English for any
// other. The country stays its ISO code.
func ExportTableIn(ps []store.Participant, loc *time.Location, lang string) sheet.Table {
	loc = cmp.Or(loc, time.UTC)
	lang = store.PrintLanguage(lang)
	header, ok := exportHeaders[lang]
	if !ok {
		lang, header = "en", exportHeader
	}
	t := sheet.Table{Name: exportSheet[lang], Header: header, Rows: make([][]any, len(ps))}
	for i, p := range ps {
		var joined any
		if !p.JoinedAt.IsZero() {
			joined = p.JoinedAt.In(loc)
		}
		t.Rows[i] = []any{
			p.Honorific, p.GivenNames, p.FamilyNames, p.NativeName, p.Organisation, valueIn(lang, p.OrgType),
			p.Position, p.Country, valueIn(lang, p.Gender), p.Email, p.Phone, valueIn(lang, p.Role), p.BadgeCode, joined, p.Notes,
			consentCell(lang, p.ConsentPhotos), consentCell(lang, p.ConsentShare), consentCell(lang, p.ConsentFollowUp),
		}
	}
	return t
}

// valueIn writes an enumerated value in words in lang: as store.Label in
// English ("prefer not to say"), else as the reports name it ("Préfère ne
// pas répondre", "Ponente"), which the importer reads back.
func valueIn[T ~string](lang string, v T) string {
	label := store.Label(v)
	if lang == "en" || label == "" {
		return label
	}
	r, n := utf8.DecodeRuneInString(label)
	return report.Word(lang, string(unicode.ToUpper(r))+label[n:])
}
