package importer

import "testing"

// TestFormExports reads exports of the online-form tools facilitators
// use, whose headings are the questions asked, often long, after a
// timestamp or a response number: every name, address and organisation
// is found, and the tools' own columns (times, IDs, the "anonymous"
// account of Microsoft Forms) are left out.
func TestFormExports(t *testing.T) {
	for _, tc := range []struct {
		file, mapping string
		rows          int
		first         [3]string // given names, family name and email of the first row
	}{
		{"form-google-en.csv",
			"full_name=Full name (as it should appear on your certificate), organisation=Organisation, position=Job title, " +
				"country=Country of residence, gender=Gender, email=Email Address",
			4, [3]string{"Abebe", "Bekele", "abebe.bekele@example.org"}},
		{"form-google-fr.csv",
			"full_name=Nom complet (tel qu'il doit apparaître sur votre attestation), organisation=Organisation / Institution, " +
				"position=Fonction, country=Pays, gender=Sexe, email=Adresse e-mail",
			3, [3]string{"Aminata", "Traoré", "aminata.traore@example.org"}},
		{"form-google-es.csv",
			"given_names=Nombre(s), family_name=Apellido(s), organisation=Institución u organización, position=Cargo, " +
				"country=País, gender=Género, email=Dirección de correo electrónico",
			3, [3]string{"José", "Martínez Peña", "jose.martinez@example.org"}},
		{"form-microsoft-en.csv",
			"given_names=First name, family_name=Surname, organisation=Organisation, position=Job title, country=Country",
			3, [3]string{"Ngozi", "Okonkwo", ""}},
		{"form-microsoft-fr.csv",
			"full_name=Nom complet (tel qu'il doit figurer sur le certificat), organisation=Institution, position=Fonction, " +
				"country=Pays, email=Adresse e-mail de contact",
			2, [3]string{"Ousmane", "Sèye", "ousmane.seye@example.org"}},
		{"form-kobo-fr.csv",
			"given_names=Prénom(s), family_name=Nom de famille, organisation=Organisation, country=Pays de résidence, " +
				"gender=Sexe, email=Courriel",
			2, [3]string{"Jean-Baptiste", "Kaboré", "jb.kabore@example.org"}},
		{"form-typeform-en.csv",
			"given_names=What's your first name?, family_name=And your last name?, organisation=Which organisation do you work for?, " +
				"position=What's your job title?, country=Which country are you based in?, email=What's your email address?",
			2, [3]string{"Zuzana", "Dvořáková", "zuzana.dvorakova@example.org"}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			tb, p := readFixture(t, tc.file, Options{})
			if got := p.Mapping.Describe(tb); got != tc.mapping {
				t.Errorf("mapping:\n got %s\nwant %s", got, tc.mapping)
			}
			if p.Mapping.HeaderRow != 0 || len(p.Rows) != tc.rows || len(p.Warnings) != 0 {
				t.Fatalf("header row %d, %d rows, warnings %v; want header 0, %d rows", p.Mapping.HeaderRow, len(p.Rows), p.Warnings, tc.rows)
			}
			if got := p.Tally(); got.Add != tc.rows {
				t.Errorf("tally %+v, problems %v", got, p.Problems())
			}
			r := p.Rows[0].Participant
			if got := [3]string{r.GivenNames, r.FamilyNames, r.Email}; got != tc.first {
				t.Errorf("first row %q, want %q", got, tc.first)
			}
		})
	}
}

// TestMatchHeaderByWords recognises headings by their words, in English,
// French and Spanish, and leaves alone the questions that only mention a
// field.
func TestMatchHeaderByWords(t *testing.T) {
	for h, want := range map[string]Field{
		"Full name (as it should appear on your certificate)":                   FullName,
		"Name as it should appear on your certificate":                          FullName,
		"Please write your name exactly as it should appear on the certificate": FullName,
		"Votre nom tel qu'il doit figurer sur l'attestation":                    FullName,
		"Nombre completo tal como debe aparecer en el certificado":              FullName,
		"Nom complet (tel qu'il doit apparaître sur votre certificat)":          FullName,
		"Nombre completo (como debe aparecer en su certificado)":                FullName,
		"What is your full name?":                                               FullName,
		"Full name:":                                                            FullName,
		"First name *":                                                          GivenNames,
		"Your first name(s), as in your passport":                               GivenNames,
		"Prénom(s) (comme sur le passeport)":                                    GivenNames,
		"Surname / family name":                                                 FamilyNames,
		"Nom de famille (en majuscules)":                                        FamilyNames,
		"Apellido(s)":                                                           FamilyNames,
		"Last name (as in your passport)":                                       FamilyNames,
		"E-mail address we can reach you at":                                    Email,
		"Name of your organisation or institution":                              Organisation,
	} {
		if m, ok := matchHeader(h); !ok || m.field != want {
			t.Errorf("%q: %v %v, want %s", h, m.field, ok, want)
		}
	}
	for _, h := range []string{
		"Last modified time", "Start time", "Timestamp", "Horodateur", "Marca temporal", "Submit Date (UTC)",
		"Would you like to receive our newsletter by email?", "Do you need a visa invitation letter?",
		"Souhaitez-vous recevoir la lettre d'information par courriel ?", "¿Desea recibir el boletín por correo electrónico?",
		"First time attending?", "Last workshop you attended",
	} {
		if m, ok := matchHeader(h); ok {
			t.Errorf("%q read as %s", h, m.field)
		}
	}
}
