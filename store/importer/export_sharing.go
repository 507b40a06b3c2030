package importer

import (
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// sharingHeaders are the headings of a participants list for sharing.
var sharingHeaders = map[string][]string{
	"en": {"Honorific", "Given names", "Family name", "Name in native script", "Organisation", "Position", "Country", "Email"},
	"fr": {"Civilité", "Prénoms", "Nom de famille", "Nom en écriture originale", "Organisation", "Fonction", "Pays", "Courriel"},
	"es": {"Tratamiento", "Nombres", "Apellidos", "Nombre en escritura original", "Organización", "Cargo", "País", "Correo electrónico"},
}

// SharingTable returns the participants list to share with the other
// participants: those who did not refuse it (store.ForSharing), with only
// what such a list shows (names, organisation, position, country in words,
// email), headings in lang (English, French or Spanish; English for any
// other). Phones, notes, badge codes and consent answers are left out.
func SharingTable(ps []store.Participant, lang string) sheet.Table {
	lang = store.PrintLanguage(lang)
	header, ok := sharingHeaders[lang]
	if !ok {
		lang, header = "en", sharingHeaders["en"]
	}
	shared := store.ForSharing(ps, false)
	t := sheet.Table{Name: exportSheet[lang], Header: header, Rows: make([][]any, len(shared))}
	for i, p := range shared {
		country, _ := store.CountryName(p.Country)
		t.Rows[i] = []any{p.Honorific, p.GivenNames, p.FamilyNames, p.NativeName, p.Organisation, p.Position, country, p.Email}
	}
	return t
}
