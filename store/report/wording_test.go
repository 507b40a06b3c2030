package report

import (
	"maps"
	"reflect"
	"slices"
	"testing"
	"unicode/utf16"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// TestWordingComplete checks that every printed language has a word for
// every fixed text, none empty.
func TestWordingComplete(t *testing.T) {
	keys := slices.Sorted(maps.Keys(words["fr"]))
	for _, lang := range store.CertificateLanguages {
		if lang == "en" {
			continue
		}
		w, ok := words[lang]
		if !ok {
			t.Errorf("no words in %s", lang)
			continue
		}
		for _, k := range keys {
			if w[k] == "" {
				t.Errorf("%s: no word for %q", lang, k)
			}
		}
		if len(w) != len(keys) {
			t.Errorf("%s has %d words, fr %d", lang, len(w), len(keys))
		}
		for a := 'A'; a <= 'Z'; a++ { // every code store places in a region
			for b := 'A'; b <= 'Z'; b++ {
				r, ok := store.RegionOf(string([]rune{a, b}))
				if !ok {
					continue
				}
				for _, name := range []string{r.Region, r.SubRegion, r.Finest()} {
					if name != "" && regionWords[lang][name] == "" {
						t.Errorf("%s: no name for the region %q", lang, name)
					}
				}
			}
		}
		rw := reflect.ValueOf(reasonWording[lang])
		for i := range rw.NumField() {
			if f := rw.Field(i); f.Kind() == reflect.String && f.Len() == 0 {
				t.Errorf("%s: reason phrase %s is empty", lang, rw.Type().Field(i).Name)
			}
		}
		if len(reasonWording[lang].sessions) == 0 || len(reasonWording[lang].hours) == 0 {
			t.Errorf("%s: no reason nouns", lang)
		}
	}
}

// TestLocalizeEveryTable builds every table of the package and checks
// that each name, heading and fixed word has its translation, and that
// French and Spanish put them in place.
func TestLocalizeEveryTable(t *testing.T) {
	d, now := benchWorkshop(60, 6)
	s := &store.SeriesStats{}
	perSession, perParticipant := Attendance(d, now)
	tables := append([]sheet.Table{perSession, perParticipant, Agenda(d)}, Statistics(d)...)
	tables = append(tables, SeriesTables(s)...)
	for _, tb := range tables {
		check := func(s string) {
			if _, ok := words["fr"][s]; !ok {
				t.Errorf("table %q: %q has no translation", tb.Name, s)
			}
		}
		check(tb.Name)
		for _, h := range tb.Header {
			check(h)
		}
		loc := LocalizeCells(tb, "fr")
		cols := wordCells(tb)
		for r, row := range tb.Rows {
			for i, c := range row {
				s, ok := c.(string)
				if !ok || !cols[i] {
					continue
				}
				if tb.Name == CountryTable || tb.Name == RegionTable || tb.Name == SubRegionTable {
					if s != TotalLabel && s != "Not given" && s != "Unknown country" {
						continue // places keep their names
					}
				}
				if tb.Name == SummaryTable && i == 1 {
					continue
				}
				check(s)
				if got := loc.Rows[r][i]; got != words["fr"][s] {
					t.Errorf("table %q row %d: %q localized as %q", tb.Name, r, s, got)
				}
			}
		}
	}
	for _, lang := range store.CertificateLanguages {
		for _, tb := range tables {
			if name := Localize(tb, lang).Name; len(utf16.Encode([]rune(name))) > 31 {
				t.Errorf("%s: sheet name %q is longer than Excel's 31 characters", lang, name)
			}
		}
	}
	p := Localize(perParticipant, "es")
	if p.Name != "Participantes" || p.Header[0] != "Apellidos" || p.Header[10] != "Cumple requisitos" {
		t.Errorf("Spanish participants table: %q %q", p.Name, p.Header)
	}
	if perParticipant.Header[0] != "Family name" || perParticipant.Name != ParticipantsTable {
		t.Error("Localize changed the table it was given")
	}
	if got := Localize(perParticipant, "en"); got.Name != ParticipantsTable || got.Header[0] != "Family name" {
		t.Error("English is not left as it is")
	}
}
