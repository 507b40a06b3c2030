package pdf

import (
	"bytes"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestPrintWording checks that every wording table of the printouts has
// every text in every printed language, none empty.
func TestPrintWording(t *testing.T) {
	tables := map[string]any{"signInWording": signInWording, "badgeWording": badgeWording,
		"reportWording": reportWording, "agendaWording": agendaWording, "evalLearnWording": evalLearnWording}
	for name, table := range tables {
		m := reflect.ValueOf(table)
		if m.Len() != len(store.CertificateLanguages) {
			t.Errorf("%s has %d languages, want %d", name, m.Len(), len(store.CertificateLanguages))
		}
		for _, lang := range store.CertificateLanguages {
			v := m.MapIndex(reflect.ValueOf(lang))
			if !v.IsValid() {
				t.Errorf("%s has no %s", name, lang)
				continue
			}
			for i := range v.NumField() {
				f, field := v.Field(i), v.Type().Field(i).Name
				switch f.Kind() {
				case reflect.String:
					if f.Len() == 0 {
						t.Errorf("%s[%s].%s is empty", name, lang, field)
					}
				case reflect.Slice, reflect.Array:
					if f.Len() == 0 {
						t.Errorf("%s[%s].%s is empty", name, lang, field)
					}
					for k := range f.Len() {
						if f.Index(k).Len() == 0 {
							t.Errorf("%s[%s].%s[%d] is empty", name, lang, field, k)
						}
					}
				case reflect.Map:
					if f.Len() != len(store.SessionTypes) {
						t.Errorf("%s[%s].%s has %d entries", name, lang, field, f.Len())
					}
				}
			}
		}
	}
	for _, lang := range store.CertificateLanguages {
		for _, r := range store.Roles {
			if forms := roleWords[lang][r]; forms[0] == "" || forms[1] == "" {
				t.Errorf("%s: no role word for %s", lang, r)
			}
		}
	}
}

// printText writes what render prints to a file and returns its text,
// with every kind of space as one plain space and the letter-spacing of
// the badges' role bands undone.
func printText(t *testing.T, name string, render func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := render(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	text := string(run(t, "pdftotext", path, "-"))
	text = strings.NewReplacer("\u2009", "", "\u00a0", " ", "\u202f", " ").Replace(text)
	return strings.Join(strings.Fields(text), " ")
}

// TestPrintoutsInTheWorkingLanguage prints the badges, a sign-in sheet
// and the reports of a French, then a Spanish workshop, and of a French
// one with Language("es"), and looks for the words of the language and
// for English left over.
func TestPrintoutsInTheWorkingLanguage(t *testing.T) {
	base := demoData(t)
	for _, c := range []struct {
		name, lang, option string
		want, notWant      []string
	}{
		{"fr", "fr", "", []string{
			"PARTICIPANT", "PARTICIPANTE", "INTERVENANT", "Éthiopie",
			"FEUILLE D’ÉMARGEMENT", "HORAIRE", "SALLE", "LIEU", "Nom", "Signature", "mardi 9 mars 2027", "Page 1 sur 2",
			"RAPPORT DE PRÉSENCE", "Séances", "Présents", "Excusés", "% des attendus", "Nom de famille", "Admissible", "Règle",
			"au moins 80 %", "admissibles", "en bonne voie", "à ce jour", "à venir", "certificat de reconnaissance quelle que soit la présence",
			"STATISTIQUES DE PARTICIPATION", "Par genre", "Femme", "Homme", "Inscrits", "Genre × type d’organisation (inscrits)",
			"Les pourcentages étant arrondis", "Soudan",
		}, []string{"SPEAKER", "FACILITATOR", "SIGN-IN", "VENUE", "ROOM", "Page 1 of", "ATTENDANCE REPORT", "Sessions",
			"Family name", "on track", "at risk", "eligible", "By gender", "Female", "Registered", "Not given", "Percentages",
			"Monday", "Tuesday", "March", " Ethiopia ", "Sudan", "so far", "to come", "whatever the attendance"}},
		{"es", "es", "", []string{
			"PARTICIPANTE", "PONENTE", "Etiopía",
			"REGISTRO DE ASISTENCIA", "FECHA", "HORARIO", "SALA", "LUGAR", "Nombre", "Firma", "martes 9 de marzo de 2027", "Página 1 de 2",
			"INFORME DE ASISTENCIA", "Sesiones", "Presentes", "% de los esperados", "Apellidos", "Cumple requisitos", "Regla",
			"ESTADÍSTICAS DE PARTICIPACIÓN", "Por género", "Mujer", "Hombre", "Inscritos", "Sudán", "hasta ahora",
		}, []string{"SPEAKER", "FACILITATOR", "PARTICIPANT ", "SIGN-IN", "VENUE", "Signature", "Page 1 of", "ATTENDANCE REPORT",
			"Family name", "on track", "By gender", "Female", "Registered", "Not given", "Tuesday", "March", " Ethiopia ", "Sudan", "so far", "to come"}},
		{"fr workshop, Language(es)", "fr", "es", []string{"REGISTRO DE ASISTENCIA", "PONENTE", "INFORME DE ASISTENCIA", "Por género"},
			[]string{"FEUILLE", "INTERVENANT", "RAPPORT DE PRÉSENCE", "Par genre"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := *base
			d.Workshop.Language = c.lang
			var opts []Option
			if c.option != "" {
				opts = append(opts, Language(c.option))
			}
			texts := []string{
				printText(t, "badges.pdf", func(b *bytes.Buffer) error { return Badges(&d, d.Participants, BadgeA4x8, b, opts...) }),
				printText(t, "signin.pdf", func(b *bytes.Buffer) error { return SignInSheet(&d, d.Sessions[0], b, opts...) }),
				printText(t, "attendance.pdf", func(b *bytes.Buffer) error { return AttendanceReport(&d, demoNow, b, A4, opts...) }),
				printText(t, "statistics.pdf", func(b *bytes.Buffer) error { return StatisticsReport(&d, b, A4, opts...) }),
			}
			all := strings.Join(texts, " ")
			for _, w := range c.want {
				if !strings.Contains(all, w) {
					t.Errorf("%q not printed", w)
				}
			}
			for _, w := range c.notWant {
				if strings.Contains(all, w) {
					i := strings.Index(all, w)
					t.Errorf("%q printed: …%s…", w, all[max(0, i-60):min(len(all), i+60)])
				}
			}
		})
	}
}
