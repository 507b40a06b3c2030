package importer

import (
	"strings"
	"testing"
)

// table builds a table from rows of cells, numbered from 1.
func table(rows ...[]string) *Table {
	t := &Table{Format: CSV}
	for i, r := range rows {
		t.Rows = append(t.Rows, Row{Num: i + 1, Cells: r})
	}
	return t
}

func TestMatchHeader(t *testing.T) {
	cases := map[string]Field{
		// English
		"Title": Honorific, "First name": GivenNames, "Given name(s)": GivenNames, "FIRST_NAME": GivenNames,
		"Last name": FamilyNames, "Surname": FamilyNames, "Family Name": FamilyNames, "Full name": FullName,
		"Name in native script": NativeName, "Native name": NativeName, "Organisation": Organisation,
		"Organization": Organisation, "Institution": Organisation, "Organisation type": OrgType,
		"Type of organization": OrgType, "Position": Position, "Job title": Position, "Country": Country,
		"Nationality": Country, "Gender": Gender, "Sex": Gender, "E-mail": Email, "Email address": Email,
		"Phone": Phone, "Telephone": Phone, "Mobile": Phone, "Role": Role, "Badge": BadgeCode, "Code": BadgeCode,
		"Notes": Notes, "Participant's e-mail": Email, "Country of work": Country, "WhatsApp number": Phone,
		// French
		"Civilité": Honorific, "Prénom": GivenNames, "Prénom(s)": GivenNames, "Nom de famille": FamilyNames,
		"Nom complet": FullName, "Nom et prénom": FullName, "Nom en écriture originale": NativeName,
		"Nom (écriture d'origine)": NativeName, "Organisme": Organisation, "Type d'organisation": OrgType,
		"Fonction": Position, "Poste": Position, "Pays": Country, "Sexe": Gender, "Genre": Gender,
		"Courriel": Email, "Adresse électronique": Email, "Téléphone": Phone, "Rôle": Role, "Remarques": Notes,
		// Spanish
		"Tratamiento": Honorific, "Nombres": GivenNames, "Nombre(s)": GivenNames, "Apellido": FamilyNames,
		"Apellidos": FamilyNames, "Apellido(s)": FamilyNames, "Nombre completo": FullName,
		"Nombre en escritura original": NativeName, "Organismo": Organisation, "Institución": Organisation,
		"Organización": Organisation, "Tipo de organización": OrgType, "Cargo": Position, "País": Country,
		"Género": Gender, "Sexo": Gender, "Correo electrónico": Email, "Correo": Email, "Teléfono": Phone,
		"Celular": Phone, "Rol": Role, "Observaciones": Notes,
	}
	for h, want := range cases {
		m, ok := matchHeader(h)
		if !ok || m.field != want {
			t.Errorf("matchHeader(%q) = %v %v, want %v", h, m.field, ok, want)
		}
	}
	for _, h := range []string{"", "No.", "#", "Ministry of Foreign Affairs", "abebe@example.org", "Date of arrival"} {
		if m, ok := matchHeader(h); ok && m.exact {
			t.Errorf("matchHeader(%q) = %v, want no known heading", h, m.field)
		}
	}
}

func TestSuggestAmbiguousHeadings(t *testing.T) {
	cases := []struct {
		name  string
		rows  [][]string
		want  string
		title string
	}{
		{"Title as honorific", [][]string{{"Title", "Name", "Email"}, {"Mr.", "Moussa Diop", "m@x.org"}, {"Dra.", "Ana Cruz", "a@x.org"}},
			"honorific=Title, full_name=Name, email=Email", ""},
		{"Title as position", [][]string{{"Name", "Title", "Email"}, {"Moussa Diop", "Director", "m@x.org"}, {"Ana Cruz", "Head of Unit", "a@x.org"}},
			"full_name=Name, position=Title, email=Email", ""},
		{"French Nom beside Prénom", [][]string{{"Nom", "Prénom", "Courriel"}, {"DIOP", "Moussa", "m@x.org"}},
			"given_names=Prénom, family_name=Nom, email=Courriel", ""},
		{"French Nom alone", [][]string{{"Nom", "Courriel", "Pays"}, {"DIOP Moussa", "m@x.org", "Sénégal"}},
			"full_name=Nom, country=Pays, email=Courriel", ""},
		{"Spanish Nombre beside Apellidos", [][]string{{"Nombre", "Apellidos", "Correo"}, {"Ana", "de la Cruz", "a@x.org"}},
			"given_names=Nombre, family_name=Apellidos, email=Correo", ""},
		{"Spanish Nombre alone", [][]string{{"Nombre", "Correo", "País"}, {"Ana de la Cruz", "a@x.org", "Chile"}},
			"full_name=Nombre, country=País, email=Correo", ""},
		{"Name beside Surname", [][]string{{"Name", "Surname", "Email"}, {"Moussa", "Diop", "m@x.org"}},
			"given_names=Name, family_name=Surname, email=Email", ""},
		{"three name columns", [][]string{{"Full name", "First name", "Last name", "Email"}, {"Moussa Diop", "Moussa", "Diop", "m@x.org"}},
			"given_names=First name, family_name=Last name, email=Email", ""},
		{"first of two email columns", [][]string{{"Name", "Email", "Alternative email"}, {"Moussa Diop", "m@x.org", "m2@x.org"}},
			"full_name=Name, email=Email", ""},
	}
	for _, c := range cases {
		tb := table(c.rows...)
		m := Suggest(tb)
		if got := m.Describe(tb); got != c.want {
			t.Errorf("%s: Suggest = %s, want %s", c.name, got, c.want)
		}
	}
}

func TestSuggestNoHeader(t *testing.T) {
	tb := table([]string{"Moussa Diop", "m@x.org"}, []string{"Awa Ndiaye", "a@x.org"})
	m := Suggest(tb)
	if m.HeaderRow != -1 || len(m.Columns) != 0 {
		t.Fatalf("Suggest = %+v, want no header", m)
	}
	p := NewPreview(tb, m, Options{})
	if len(p.Rows) != 2 || len(p.Warnings) != 1 || !p.Rows[0].Has(MissingName) {
		t.Errorf("preview without mapping: rows %d warnings %v", len(p.Rows), p.Warnings)
	}
	if err := m.Apply(tb, "full_name=1", "email=B"); err != nil {
		t.Fatal(err)
	}
	p = NewPreview(tb, m, Options{})
	if r := p.Rows[1].Participant; r.GivenNames != "Awa" || r.FamilyNames != "Ndiaye" || r.Email != "a@x.org" || p.Rows[0].Row != 1 {
		t.Errorf("mapped by number and letter: %+v", r)
	}
}

func TestMappingApply(t *testing.T) {
	tb := table([]string{"Prénom", "Nom", "Courriel", "Adresse", "Remarques"}, []string{"Moussa", "Diop", "m@x.org", "Dakar", "végétarien"})
	m := Suggest(tb)
	if err := m.Apply(tb, "notes=", "email=adresse", "first name=Courriel"); err != nil {
		t.Fatal(err)
	}
	if got, want := m.Describe(tb), "given_names=Courriel, family_name=Nom, email=Adresse"; got != want {
		t.Errorf("after Apply: %s, want %s", got, want)
	}
	if got, want := m.String(), "given_names=3, family_name=2, email=4"; got != want {
		t.Errorf("String = %s, want %s", got, want)
	}
	m2 := Mapping{HeaderRow: 0}
	if err := m2.Apply(tb, strings.Split(m.Describe(tb), ", ")...); err != nil || m2.Describe(tb) != m.Describe(tb) {
		t.Errorf("round trip: %v %s", err, m2.Describe(tb))
	}
	for spec, want := range map[string]string{
		"email":          `write it as field=column`,
		"colour=Nom":     `"colour" is not a field; fields are honorific, given_names`,
		"email=Mail":     `no column "Mail"; columns are "Prénom", "Nom", "Courriel", "Adresse", "Remarques"`,
		"email=9":        `there is no column 9; the file has 5`,
		"given_names=ZZ": `no column "ZZ"`,
	} {
		err := m.Apply(tb, spec)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("Apply(%q) = %v, want an error saying %q", spec, err, want)
		}
	}
}

func TestColumnName(t *testing.T) {
	for col, want := range map[int]string{0: "A", 2: "C", 25: "Z", 26: "AA", 27: "AB", 701: "ZZ", 702: "AAA"} {
		if got := ColumnName(col); got != want {
			t.Errorf("ColumnName(%d) = %s, want %s", col, got, want)
		}
		if n, ok := columnLetter(want); !ok || n != col {
			t.Errorf("columnLetter(%s) = %d", want, n)
		}
	}
}

func TestParseField(t *testing.T) {
	for s, want := range map[string]Field{"email": Email, "E-mail": Email, "given_names": GivenNames, "given-names": GivenNames,
		"First name": GivenNames, "Prénom": GivenNames, "apellidos": FamilyNames, "family name": FamilyNames, "full name": FullName,
		"Badge code": BadgeCode, "org type": OrgType} {
		if got, err := ParseField(s); err != nil || got != want {
			t.Errorf("ParseField(%q) = %v, %v; want %v", s, got, err, want)
		}
	}
}
