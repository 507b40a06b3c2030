package pdf

import (
	"strings"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestWordingComplete: every language has every text.
func TestWordingComplete(t *testing.T) {
	if len(wordings) != len(store.CertificateLanguages) {
		t.Errorf("%d languages in the table, %d in store.CertificateLanguages", len(wordings), len(store.CertificateLanguages))
	}
	for _, lang := range store.CertificateLanguages {
		w, ok := wordings[lang]
		if !ok {
			t.Errorf("%s: no wording", lang)
			continue
		}
		for _, k := range wordingKeys {
			if strings.TrimSpace(w[k]) == "" {
				t.Errorf("%s: %s is empty", lang, k)
			}
		}
		if len(w) != len(wordingKeys) {
			t.Errorf("%s: %d texts, %d keys", lang, len(w), len(wordingKeys))
		}
		if lang != "zh" && len(months[lang]) != 12 {
			t.Errorf("%s: no month names", lang)
		}
		for _, r := range store.Roles {
			if f := roleWords[lang][r]; f[0] == "" || f[1] == "" {
				t.Errorf("%s: role %s has no word", lang, r)
			}
		}
		for k, v := range w {
			if rs := MissingGlyphs(v); len(rs) > 0 {
				t.Errorf("%s %s: no font has %q", lang, k, rs)
			}
		}
	}
}

func TestDatesText(t *testing.T) {
	d := func(y, m, day int) store.Date { return store.Date{Year: y, Month: timeMonth(m), Day: day} }
	nb := func(s string) string { return strings.ReplaceAll(s, "_", "\u00a0") }
	for _, c := range []struct {
		lang       string
		start, end store.Date
		want       string
	}{
		{"en", d(2026, 11, 25), d(2026, 11, 27), "from 25 to 27_November_2026"},
		{"en", d(2026, 11, 30), d(2026, 12, 2), "from 30_November to 2_December_2026"},
		{"en", d(2026, 12, 30), d(2027, 1, 2), "from 30_December_2026 to 2_January_2027"},
		{"en", d(2026, 11, 25), d(2026, 11, 25), "on 25_November_2026"},
		{"en", d(2026, 11, 25), store.Date{}, "on 25_November_2026"},
		{"fr", d(2026, 11, 25), d(2026, 11, 27), "du 25 au 27_novembre_2026"},
		{"fr", d(2026, 12, 1), d(2026, 12, 3), "du 1er au 3_décembre_2026"},
		{"fr", d(2026, 11, 30), d(2026, 12, 2), "du 30_novembre au 2_décembre_2026"},
		{"fr", d(2026, 11, 25), d(2026, 11, 25), "le 25_novembre_2026"},
		{"es", d(2026, 11, 25), d(2026, 11, 27), "del 25 al 27_de_noviembre_de_2026"},
		{"es", d(2026, 12, 30), d(2027, 1, 2), "del 30_de_diciembre_de_2026 al 2_de_enero_de_2027"},
		{"es", d(2026, 11, 25), d(2026, 11, 25), "el 25_de_noviembre_de_2026"},
		{"ru", d(2026, 11, 25), d(2026, 11, 27), "с 25 по 27_ноября_2026_г."},
		{"ru", d(2026, 11, 30), d(2026, 12, 2), "с 30_ноября по 2_декабря_2026_г."},
		{"ru", d(2026, 12, 30), d(2027, 1, 2), "с 30_декабря_2026_г. по 2_января_2027_г."},
		{"ru", d(2026, 11, 25), d(2026, 11, 25), "25_ноября_2026_г."},
		{"ar", d(2026, 11, 25), d(2026, 11, 27), "من 25 إلى 27_نوفمبر_2026"},
		{"ar", d(2026, 11, 25), d(2026, 11, 25), "في 25_نوفمبر_2026"},
		{"zh", d(2026, 11, 25), d(2026, 11, 27), "2026年11月25日至27日"},
		{"zh", d(2026, 11, 30), d(2026, 12, 2), "2026年11月30日至12月2日"},
		{"zh", d(2026, 12, 30), d(2027, 1, 2), "2026年12月30日至2027年1月2日"},
		{"zh", d(2026, 11, 25), d(2026, 11, 25), "2026年11月25日"},
	} {
		if got := datesText(c.lang, c.start, c.end); got != nb(c.want) {
			t.Errorf("%s %s..%s: %q, want %q", c.lang, c.start, c.end, got, nb(c.want))
		}
	}
	if got := datesText("en", store.Date{}, store.Date{}); got != "" {
		t.Errorf("no dates: %q", got)
	}
}

func TestCountedWords(t *testing.T) {
	sp := func(s string) string { return strings.ReplaceAll(s, "\u00a0", " ") }
	for _, c := range []struct {
		lang string
		h    float64
		want string
	}{
		{"en", 1, "1 hour"}, {"en", 14, "14 hours"}, {"en", 10.5, "10.5 hours"}, {"en", 10.25, "10.3 hours"},
		{"fr", 1.5, "1,5 heure"}, {"fr", 14, "14 heures"},
		{"es", 1, "1 hora"}, {"es", 10.5, "10,5 horas"},
		{"ru", 1, "1 час"}, {"ru", 3, "3 часа"}, {"ru", 14, "14 часов"}, {"ru", 21, "21 час"}, {"ru", 22, "22 часа"}, {"ru", 10.5, "10,5 часа"},
		{"ar", 1, "ساعة واحدة"}, {"ar", 2, "ساعتين"}, {"ar", 8, "8 ساعات"}, {"ar", 14, "14 ساعة"},
		{"zh", 14, "14小时"},
	} {
		if got := sp(hoursText(c.lang, c.h)); got != c.want {
			t.Errorf("%s %v hours: %q, want %q", c.lang, c.h, got, c.want)
		}
	}
	for _, c := range []struct {
		lang string
		a, b int
		want string
	}{
		{"en", 7, 9, "7 of 9 sessions"}, {"en", 1, 1, "1 of 1 session"},
		{"fr", 7, 9, "7 séances sur 9"}, {"fr", 1, 9, "1 séance sur 9"},
		{"es", 7, 9, "7 de 9 sesiones"},
		{"ru", 7, 9, "7 из 9 занятий"}, {"ru", 20, 21, "20 из 21 занятия"},
		{"ar", 7, 9, "7 من أصل 9 جلسات"}, {"ar", 12, 14, "12 من أصل 14 جلسة"},
		{"zh", 7, 9, "7场（共9场）"},
	} {
		if got := sp(sessionsText(c.lang, c.a, c.b)); got != c.want {
			t.Errorf("%s %d of %d: %q, want %q", c.lang, c.a, c.b, got, c.want)
		}
	}
	if roleText("fr", store.RoleSpeaker, store.Female) != "intervenante" || roleText("fr", store.RoleSpeaker, store.Male) != "intervenant" ||
		roleText("en", "", "") != "participant" || roleText("es", "guest", "") != "guest" {
		t.Error("role words")
	}
	w := certWorkshop()
	if got := venueText("fr", &w); got != "Addis\u00a0Ababa, Éthiopie" {
		t.Errorf("venue: %q", got)
	}
	if got := venueText("zh", &w); got != "埃塞俄比亚 Addis\u00a0Ababa" {
		t.Errorf("venue: %q", got)
	}
}

// TestDefaultBodies fills every default body in every language, with and
// without the figures: no placeholder is left and the sentence ends once.
func TestDefaultBodies(t *testing.T) {
	des := &certDesign{job: &CertificateJob{Workshop: certWorkshop()}, lang: "en"}
	for _, lang := range store.CertificateLanguages {
		for _, in := range []CertificateInput{
			{Hours: 14, SessionsAttended: 7, SessionsTotal: 9},
			{Hours: 14}, {SessionsAttended: 7, SessionsTotal: 9}, {},
			{Appreciation: true, Participant: store.Participant{Role: store.RoleSpeaker, Gender: store.Female}},
		} {
			in.Language = lang
			in.Participant.GivenNames, in.Participant.FamilyNames = "Ana", "Ćosić"
			pl, err := des.plan(&in)
			if err != nil {
				t.Fatal(err)
			}
			b := pl.body
			if strings.ContainsAny(b, "{}") || strings.Contains(b, "..") || strings.Contains(b, "  ") || strings.Contains(b, " ,") {
				t.Errorf("%s %+v: %q", lang, in, b)
			}
			if !strings.HasSuffix(b, ".") && !strings.HasSuffix(b, "。") {
				t.Errorf("%s: %q does not end a sentence", lang, b)
			}
			if !strings.Contains(b, "Regional Workshop on Labour Migration Governance") {
				t.Errorf("%s: no workshop in %q", lang, b)
			}
			if in.Hours > 0 && !strings.Contains(b, "14") {
				t.Errorf("%s: no hours in %q", lang, b)
			}
		}
	}
	// A template's own texts replace the defaults in every language.
	des.job.Template = store.CertificateTemplate{Title: "Diploma", Body: "{name} ({role}) attended {workshop}."}
	pl, _ := des.plan(&CertificateInput{Language: "fr", Participant: store.Participant{GivenNames: "Ana", FamilyNames: "Ćosić", Gender: store.Female}})
	if pl.title != "Diploma" || pl.body != "Ana Ćosić (participante) attended Regional Workshop on Labour Migration Governance." {
		t.Errorf("custom: %q %q", pl.title, pl.body)
	}
}

func timeMonth(m int) time.Month { return time.Month(m) }
