package store

import (
	"strings"
	"testing"
	"time"
)

func TestLocaleDates(t *testing.T) {
	d := Date{Year: 2026, Month: 12, Day: 3}
	first := Date{Year: 2026, Month: 12, Day: 1}
	nb := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, c := range []struct{ lang, long, weekday, short string }{
		{"en", "3 December 2026", "Thursday 3 December 2026", "Thu 3 Dec 2026"},
		{"fr", "3 décembre 2026", "jeudi 3 décembre 2026", "jeu. 3 déc. 2026"},
		{"fr-SN", "3 décembre 2026", "jeudi 3 décembre 2026", "jeu. 3 déc. 2026"},
		{"ES", "3 de diciembre de 2026", "jueves 3 de diciembre de 2026", "jue. 3 dic. 2026"},
		{"ru", "3 декабря 2026 г.", "четверг, 3 декабря 2026 г.", "чт, 3 дек. 2026"},
		{"ar", "3 ديسمبر 2026", "الخميس 3 ديسمبر 2026", "الخميس 3 ديسمبر 2026"},
		{"zh", "2026年12月3日", "2026年12月3日 星期四", "2026年12月3日 周四"},
		{"xx", "3 December 2026", "Thursday 3 December 2026", "Thu 3 Dec 2026"},
	} {
		if got := nb(LongDate(c.lang, d)); got != c.long {
			t.Errorf("LongDate(%s) = %q, want %q", c.lang, got, c.long)
		}
		if got := nb(WeekdayDate(c.lang, d)); got != c.weekday {
			t.Errorf("WeekdayDate(%s) = %q, want %q", c.lang, got, c.weekday)
		}
		if got := nb(ShortDate(c.lang, d)); got != c.short {
			t.Errorf("ShortDate(%s) = %q, want %q", c.lang, got, c.short)
		}
	}
	if got := nb(LongDate("fr", first)); got != "1er décembre 2026" {
		t.Errorf("first of the month in French: %q", got)
	}
	if LongDate("fr", Date{}) != "" || WeekdayDate("es", Date{}) != "" || ShortDate("en", Date{}) != "" {
		t.Error("the zero date is not empty")
	}
	at := time.Date(2026, 12, 3, 14, 5, 0, 0, time.UTC)
	if got := nb(DateTime("fr", at)); got != "3 décembre 2026, 14:05" {
		t.Errorf("DateTime fr: %q", got)
	}
}

func TestLocaleNumbers(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    float64
		dec  int
		want string
	}{
		{"en", 10.5, 1, "10.5"}, {"fr", 10.5, 1, "10,5"}, {"es", 10.5, 1, "10,5"}, {"ru", 10.5, 1, "10,5"},
		{"zh", 10.5, 1, "10.5"}, {"en", 14, 1, "14"}, {"en", 1.25, 1, "1.3"}, {"en", 1.25, 2, "1.25"},
		{"en", 1234.5, 1, "1,234.5"}, {"fr", 1234.5, 1, "1\u202f234,5"}, {"es", 1234.5, 1, "1234,5"},
		{"es", 12345, 0, "12.345"}, {"ru", 1234, 0, "1\u00a0234"}, {"en", -1234, 0, "-1,234"},
	} {
		if got := Number(c.lang, c.v, c.dec); got != c.want {
			t.Errorf("Number(%s, %v, %d) = %q, want %q", c.lang, c.v, c.dec, got, c.want)
		}
	}
	for lang, want := range map[string]string{"en": "85.5%", "fr": "85,5\u00a0%", "es": "85,5\u00a0%", "zh": "85.5%"} {
		if got := Percent(lang, 85.46); got != want {
			t.Errorf("Percent(%s) = %q, want %q", lang, got, want)
		}
	}
	for lang, want := range map[string]string{"en": "10.5\u00a0h", "fr": "10,5\u00a0h", "es": "10,5\u00a0h", "ru": "10,5\u00a0ч"} {
		if got := Hours(lang, 10.5); got != want {
			t.Errorf("Hours(%s) = %q, want %q", lang, got, want)
		}
	}
}

func TestLocalePlurals(t *testing.T) {
	nb := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, c := range []struct {
		lang  string
		n     int
		forms []string
		want  string
	}{
		{"en", 1, []string{"participant", "participants"}, "1 participant"},
		{"en", 0, []string{"participant", "participants"}, "0 participants"},
		{"fr", 0, []string{"participant", "participants"}, "0 participant"},
		{"fr", 1, []string{"participant", "participants"}, "1 participant"},
		{"fr", 2, []string{"participant", "participants"}, "2 participants"},
		{"es", 1, []string{"participante", "participantes"}, "1 participante"},
		{"es", 0, []string{"participante", "participantes"}, "0 participantes"},
		{"ru", 1, []string{"участник", "участника", "участников"}, "1 участник"},
		{"ru", 3, []string{"участник", "участника", "участников"}, "3 участника"},
		{"ru", 11, []string{"участник", "участника", "участников"}, "11 участников"},
		{"ru", 22, []string{"участник", "участника", "участников"}, "22 участника"},
		{"zh", 3, []string{"名学员"}, "3名学员"},
		{"en", 2, []string{"sheep"}, "2 sheep"},
	} {
		if got := nb(Count(c.lang, c.n, c.forms...)); got != c.want {
			t.Errorf("Count(%s, %d) = %q, want %q", c.lang, c.n, got, c.want)
		}
	}
	w := Workshop{Language: "fr"}
	if w.WorkingLanguage("") != "fr" || w.WorkingLanguage("ES") != "es" || (&Workshop{}).WorkingLanguage("") != "en" {
		t.Error("WorkingLanguage: the override, else the workshop's, else English")
	}
}

// TestDecimalKeepsItsPlaces checks the fixed-decimal numbers and the
// abbreviated names the screens take from here.
func TestDecimalKeepsItsPlaces(t *testing.T) {
	for _, c := range []struct {
		lang string
		v    float64
		want string
	}{{"en", 13, "13.0"}, {"fr", 13, "13,0"}, {"es", 10.46, "10,5"}, {"fr", 1234.5, "1\u202f234,5"}, {"en", -0.04, "0.0"}} {
		if got := Decimal(c.lang, c.v, 1); got != c.want {
			t.Errorf("Decimal(%q, %v, 1) = %q, want %q", c.lang, c.v, got, c.want)
		}
	}
	if got := ShortMonthName("fr", time.December) + " " + ShortWeekdayName("es", time.Wednesday); got != "déc. mié." {
		t.Errorf("short names %q", got)
	}
	if got := ShortMonthName("pt", time.December); got != "Dec" {
		t.Errorf("a language with no names gives %q, want English", got)
	}
}
