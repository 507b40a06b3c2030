package ui

import (
	"slices"
	"strings"
	"sync"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// countryName names the country with the alpha-2 code in the screens'
// language, as the printouts do ("Éthiopie" in French), and says whether
// the code is known.
func countryName(code string) (string, bool) {
	if _, ok := store.CountryName(code); !ok {
		return "", false
	}
	return pdf.CountryName(Language(), code), true
}

// screenCountryName names the country with the alpha-2 code in the
// screens' language, "" when the code is unknown (for the search index).
func screenCountryName(code string) string {
	name, _ := countryName(code)
	return name
}

// countryCode returns the alpha-2 code of the country s names: in the
// screens' language as countryName writes it, by its code, or by an
// English, French or Spanish name the importer knows, ignoring case and
// accents. It reports false if s names no country.
func countryCode(s string) (string, bool) {
	if code, ok := countriesIn(Language()).byName[store.Fold(strings.TrimSpace(s))]; ok {
		return code, true
	}
	if code, ok := importer.ParseCountry(s); ok && code != "" {
		return code, true
	}
	return "", false
}

// countryTable is the countries named in one language: sorted by name
// (case and accents ignored) for the suggestions, and by folded name.
type countryTable struct {
	sorted []store.Country // Name in the language
	byName map[string]string
}

// countryTables holds a countryTable by language, each built on first use.
var countryTables = struct {
	sync.Mutex
	byLang map[string]*countryTable
}{byLang: map[string]*countryTable{}}

// countriesIn returns the countries named in the printed language lang.
func countriesIn(lang string) *countryTable {
	lang = store.PrintLanguage(lang)
	countryTables.Lock()
	defer countryTables.Unlock()
	t, ok := countryTables.byLang[lang]
	if !ok {
		t = &countryTable{byName: map[string]string{}}
		for _, c := range store.Countries() {
			c.Name = pdf.CountryName(lang, c.Code)
			t.sorted = append(t.sorted, c)
			t.byName[store.Fold(c.Name)] = c.Code
		}
		slices.SortStableFunc(t.sorted, func(a, b store.Country) int {
			return strings.Compare(store.Fold(a.Name), store.Fold(b.Name))
		})
		countryTables.byLang[lang] = t
	}
	return t
}

// countryOptions lists at most 12 countries matching the typed text (in
// the name in the screens' language, or the code): the names that begin
// with it first.
func countryOptions(typed string) []string {
	q := store.Fold(strings.TrimSpace(typed))
	var first, then []string // names that begin with what was typed, then the rest
	for _, c := range countriesIn(Language()).sorted {
		name := store.Fold(c.Name)
		switch {
		case q == "" || strings.HasPrefix(name, q) || strings.EqualFold(c.Code, q):
			first = append(first, c.Name)
		case strings.Contains(name, q):
			then = append(then, c.Name)
		}
		if len(first) == 12 {
			break
		}
	}
	out := append(first, then...)
	return out[:min(len(out), 12)]
}
