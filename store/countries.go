package store

//go:generate go run ./internal/gencountries

import (
	"slices"
	"strings"
	"sync"
	"unicode"
)

// Country is a country or territory of ISO 3166-1.
type Country struct {
	// Code is the ISO 3166-1 alpha-2 code, upper case ("ET").
	Code string
	// Name is the English short name ("Ethiopia"), the common name when
	// ISO gives one ("Bolivia", "Taiwan").
	Name string
	// Zone is the country's main IANA time zone ("Africa/Addis_Ababa"), ""
	// if none is known.
	Zone string
}

// countryAliases are common English names that differ from the table's
// names and from the other ISO names, keyed by name.
var countryAliases = map[string]string{
	"Britain":                          "GB",
	"Brunei":                           "BN",
	"Burma":                            "MM",
	"Cape Verde":                       "CV",
	"Congo-Brazzaville":                "CG",
	"Congo-Kinshasa":                   "CD",
	"Czech Republic":                   "CZ",
	"Democratic Republic of the Congo": "CD",
	"DR Congo":                         "CD",
	"DRC":                              "CD",
	"East Timor":                       "TL",
	"England":                          "GB",
	"Great Britain":                    "GB",
	"Holland":                          "NL",
	"Ivory Coast":                      "CI",
	"Macedonia":                        "MK",
	"Micronesia":                       "FM",
	"Palestine":                        "PS",
	"Republic of Congo":                "CG",
	"Republic of the Congo":            "CG",
	"Russia":                           "RU",
	"Scotland":                         "GB",
	"Swaziland":                        "SZ",
	"The Gambia":                       "GM",
	"The Netherlands":                  "NL",
	"Turkey":                           "TR",
	"U.K.":                             "GB",
	"U.S.":                             "US",
	"U.S.A.":                           "US",
	"UK":                               "GB",
	"United States of America":         "US",
	"USA":                              "US",
	"Vatican":                          "VA",
	"Vatican City":                     "VA",
	"Wales":                            "GB",
}

type countryIndex struct {
	byCode map[string]Country // upper-case alpha-2 code
	byName map[string]string  // folded name → code
}

var countryIdx = sync.OnceValue(func() countryIndex {
	idx := countryIndex{
		byCode: make(map[string]Country, len(countries)),
		byName: make(map[string]string, len(countries)+len(countryISONames)+len(countryAliases)),
	}
	for _, c := range countries {
		idx.byCode[c.Code] = c
	}
	// Later sources do not override earlier ones: table names win over
	// other ISO names, which win over the hand-written aliases.
	add := func(name, code string) {
		k := foldCountryName(name)
		if _, ok := idx.byName[k]; !ok && k != "" {
			idx.byName[k] = code
		}
	}
	for _, c := range countries {
		add(c.Name, c.Code)
	}
	for n, code := range countryISONames {
		add(n, code)
	}
	for n, code := range countryAliases {
		add(n, code)
	}
	return idx
})

// foldCountryName returns the look-up key of a country name: accents
// removed, lower case, and every run of other characters than letters and
// digits (spaces, commas, apostrophes, dots, hyphens) turned into a single
// space.
func foldCountryName(s string) string {
	var b strings.Builder
	space := false
	for _, r := range Fold(s) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		case r == '\'' || r == '’' || r == '.':
			// "Cote d'Ivoire" ~ "Cote dIvoire", "U.S.A." ~ "USA"
		default:
			space = true
		}
	}
	return b.String()
}

// Countries returns a copy of the country table sorted by name, ignoring
// case and accents (for pickers).
func Countries() []Country {
	out := slices.Clone(countries)
	slices.SortStableFunc(out, func(a, b Country) int {
		if c := strings.Compare(foldCountryName(a.Name), foldCountryName(b.Name)); c != 0 {
			return c
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// CountryName returns the English name of the country with the given
// alpha-2 code (case-insensitive, surrounding spaces ignored) and whether
// the code is known.
func CountryName(code string) (string, bool) {
	c, ok := countryIdx().byCode[strings.ToUpper(strings.TrimSpace(code))]
	return c.Name, ok
}

// DefaultTimeZone returns the main IANA time zone of the country with the
// given alpha-2 code (case-insensitive), or "" if the code is unknown or the
// country has no time zone.
func DefaultTimeZone(code string) string {
	return countryIdx().byCode[strings.ToUpper(strings.TrimSpace(code))].Zone
}

// CountryCode returns the alpha-2 code of the country given either by its
// alpha-2 code or by an English name, ignoring case, accents and
// punctuation ("cote d'ivoire" → "CI"). Besides the ISO names it knows some
// common alternates such as "Turkey", "Ivory Coast", "Russia", "UK" and
// "DR Congo". It reports false if s names no country.
func CountryCode(s string) (string, bool) {
	idx := countryIdx()
	s = strings.TrimSpace(s)
	if len(s) == 2 {
		if c, ok := idx.byCode[strings.ToUpper(s)]; ok {
			return c.Code, true
		}
	}
	code, ok := idx.byName[foldCountryName(s)]
	return code, ok
}
