package importer

import (
	"strings"
	"sync"

	"github.com/workshopdesk/workshopdesk/store"
)

// countryNames are country names in French and Spanish, and a few
// nationalities, for the countries that come up in workshop lists;
// store.CountryCode knows the codes and the English names.
var countryNames = map[string]string{
	// French
	"Afrique du Sud": "ZA", "Algérie": "DZ", "Allemagne": "DE", "Angleterre": "GB", "Arabie saoudite": "SA",
	"Argentine": "AR", "Australie": "AU", "Autriche": "AT", "Belgique": "BE", "Bénin": "BJ", "Biélorussie": "BY",
	"Birmanie": "MM", "Bolivie": "BO", "Brésil": "BR", "Bulgarie": "BG", "Cambodge": "KH", "Cameroun": "CM",
	"Cap-Vert": "CV", "Chili": "CL", "Chine": "CN", "Chypre": "CY", "Colombie": "CO", "Comores": "KM",
	"République du Congo": "CG", "Congo-Brazzaville": "CG", "République démocratique du Congo": "CD", "RDC": "CD",
	"RD Congo": "CD", "Corée du Sud": "KR", "Corée du Nord": "KP", "Croatie": "HR", "Danemark": "DK",
	"Égypte": "EG", "Émirats arabes unis": "AE", "Équateur": "EC", "Érythrée": "ER", "Espagne": "ES",
	"Estonie": "EE", "États-Unis": "US", "États-Unis d'Amérique": "US", "Éthiopie": "ET", "Finlande": "FI",
	"Gambie": "GM", "Géorgie": "GE", "Grèce": "GR", "Guinée": "GN", "Guinée-Bissau": "GW", "Guinée équatoriale": "GQ",
	"Haïti": "HT", "Hongrie": "HU", "Inde": "IN", "Indonésie": "ID", "Irak": "IQ", "Irlande": "IE",
	"Islande": "IS", "Italie": "IT", "Jamaïque": "JM", "Japon": "JP", "Jordanie": "JO", "Koweït": "KW",
	"Liban": "LB", "Libéria": "LR", "Libye": "LY", "Lituanie": "LT", "Malaisie": "MY", "Maroc": "MA",
	"Maurice": "MU", "Mauritanie": "MR", "Mexique": "MX", "Namibie": "NA", "Népal": "NP", "Nigéria": "NG",
	"Norvège": "NO", "Nouvelle-Zélande": "NZ", "Ouganda": "UG", "Ouzbékistan": "UZ", "Pays-Bas": "NL",
	"Pérou": "PE", "Pologne": "PL", "République centrafricaine": "CF", "Centrafrique": "CF",
	"République dominicaine": "DO", "République tchèque": "CZ", "Tchéquie": "CZ", "Roumanie": "RO",
	"Royaume-Uni": "GB", "Russie": "RU", "Sénégal": "SN", "Singapour": "SG", "Slovaquie": "SK",
	"Somalie": "SO", "Soudan": "SD", "Soudan du Sud": "SS", "Suède": "SE", "Suisse": "CH", "Syrie": "SY",
	"Tanzanie": "TZ", "Tchad": "TD", "Thaïlande": "TH", "Tunisie": "TN", "Turquie": "TR", "Viêt Nam": "VN",
	"Yémen": "YE", "Zambie": "ZM",
	// Spanish
	"Alemania": "DE", "Arabia Saudita": "SA", "Arabia Saudí": "SA", "Argelia": "DZ", "Bélgica": "BE",
	"Benín": "BJ", "Brasil": "BR", "Cabo Verde": "CV", "Camerún": "CM", "Canadá": "CA", "Corea del Sur": "KR",
	"Costa de Marfil": "CI", "Croacia": "HR", "Dinamarca": "DK", "Egipto": "EG", "Emiratos Árabes Unidos": "AE",
	"España": "ES", "Estados Unidos": "US", "Estados Unidos de América": "US", "EE. UU.": "US", "EEUU": "US",
	"Etiopía": "ET", "Filipinas": "PH", "Finlandia": "FI", "Francia": "FR", "Grecia": "GR",
	"Guinea Ecuatorial": "GQ", "Haití": "HT", "Hungría": "HU", "Irán": "IR", "Irlanda": "IE", "Italia": "IT",
	"Japón": "JP", "Jordania": "JO", "Kenia": "KE", "Líbano": "LB", "Libia": "LY", "Malasia": "MY",
	"Malí": "ML", "Marruecos": "MA", "México": "MX", "Méjico": "MX", "Níger": "NE", "Noruega": "NO",
	"Nueva Zelanda": "NZ", "Países Bajos": "NL", "Holanda": "NL", "Pakistán": "PK", "Panamá": "PA",
	"Perú": "PE", "Polonia": "PL", "Reino Unido": "GB", "República Centroafricana": "CF", "República Checa": "CZ",
	"Chequia": "CZ", "República Democrática del Congo": "CD", "República Dominicana": "DO", "Rumanía": "RO",
	"Rumania": "RO", "Rusia": "RU", "Siria": "SY", "Sudáfrica": "ZA", "Sudán": "SD", "Sudán del Sur": "SS",
	"Suecia": "SE", "Suiza": "CH", "Tailandia": "TH", "Túnez": "TN", "Turquía": "TR", "Ucrania": "UA",
	"Zimbabue": "ZW",
	// Nationalities, for a "Nationality" column
	"Ethiopian": "ET", "Éthiopien": "ET", "Éthiopienne": "ET", "Etíope": "ET", "Senegalese": "SN",
	"Sénégalais": "SN", "Sénégalaise": "SN", "Senegalés": "SN", "Senegalesa": "SN", "Chilean": "CL",
	"Chilien": "CL", "Chilienne": "CL", "Chileno": "CL", "Chilena": "CL", "Moroccan": "MA", "Marocain": "MA",
	"Marocaine": "MA", "Marroquí": "MA", "Malian": "ML", "Malien": "ML", "Malienne": "ML", "Ivorian": "CI",
	"Ivoirien": "CI", "Ivoirienne": "CI", "Marfileño": "CI", "Nigerian": "NG", "Nigérian": "NG", "Nigériane": "NG",
	"Ghanaian": "GH", "Kenyan": "KE", "Sudanese": "SD", "Egyptian": "EG", "Égyptien": "EG", "Égyptienne": "EG",
	"Egipcio": "EG", "Egipcia": "EG", "French": "FR", "Français": "FR", "Française": "FR", "Francés": "FR",
	"Francesa": "FR", "Spanish": "ES", "Espagnol": "ES", "Espagnole": "ES", "Español": "ES", "Española": "ES",
	"German": "DE", "Allemand": "DE", "Allemande": "DE", "Alemán": "DE", "Alemana": "DE", "Mexican": "MX",
	"Mexicain": "MX", "Mexicaine": "MX", "Mexicano": "MX", "Mexicana": "MX", "Peruvian": "PE", "Péruvien": "PE",
	"Peruano": "PE", "Peruana": "PE", "Brazilian": "BR", "Brésilien": "BR", "Brasileño": "BR", "Brasileña": "BR",
	"Argentinian": "AR", "Argentino": "AR", "Colombian": "CO", "Colombiano": "CO",
	"Colombiana": "CO", "American": "US", "Américain": "US", "Américaine": "US", "Estadounidense": "US",
	"British": "GB", "Britannique": "GB", "Británico": "GB", "Británica": "GB", "Indian": "IN", "Chinese": "CN",
	"Chinois": "CN", "Chino": "CN", "Turkish": "TR", "Turc": "TR", "Turco": "TR",
}

var countryNameIndex = sync.OnceValue(func() map[string]string {
	idx := make(map[string]string, len(countryNames)+250)
	for n, code := range countryNames {
		idx[compact(n)] = code
	}
	// The English names once more, spacing and punctuation ignored
	// altogether ("Cote d Ivoire", "GuineaBissau").
	for _, c := range store.Countries() {
		if _, ok := idx[compact(c.Name)]; !ok {
			idx[compact(c.Name)] = c.Code
		}
	}
	return idx
})

// ParseCountry returns the ISO 3166-1 alpha-2 code of the country s
// names: by code ("SN"), English name (as store.CountryCode), or French
// or Spanish name ("Sénégal", "Estados Unidos", "Turquía"), ignoring case,
// accents and punctuation. Empty s is "", true; ok is false for a country
// it does not know.
func ParseCountry(s string) (code string, ok bool) {
	s = strings.TrimSpace(s)
	if code, ok := store.CountryCode(s); ok {
		return code, true // before the empty words: "NA" is Namibia
	}
	if emptyWords[compact(s)] {
		return "", true
	}
	code, ok = countryNameIndex()[compact(s)]
	return code, ok
}
