package importer

import (
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

func TestParseGender(t *testing.T) {
	for s, want := range map[string]store.Gender{
		"F": store.Female, "f": store.Female, "Female": store.Female, "Woman": store.Female, "Femme": store.Female,
		"Féminin": store.Female, "Mujer": store.Female, "Femenino": store.Female,
		"M": store.Male, "Male": store.Male, "Man": store.Male, "Homme": store.Male, "H": store.Male,
		"Masculin": store.Male, "Hombre": store.Male, "masculino": store.Male,
		"Other": store.OtherGender, "Autre": store.OtherGender, "Otro": store.OtherGender, "non-binary": store.OtherGender,
		"prefer_not_to_say": store.GenderPreferNotSay, "Prefer not to say": store.GenderPreferNotSay,
		"Prefiero no decir": store.GenderPreferNotSay, "Je préfère ne pas répondre": store.GenderPreferNotSay,
		"": store.GenderUnknown, "n/a": store.GenderUnknown, " - ": store.GenderUnknown,
	} {
		if got, ok := ParseGender(s); !ok || got != want {
			t.Errorf("ParseGender(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if g, ok := ParseGender("Z"); ok {
		t.Errorf("ParseGender(Z) = %q, want unknown", g)
	}
}

func TestParseRole(t *testing.T) {
	for s, want := range map[string]store.Role{
		"Participant": store.RoleParticipant, "Participante": store.RoleParticipant, "Délégué(e)": store.RoleParticipant,
		"Speaker": store.RoleSpeaker, "Intervenant": store.RoleSpeaker, "Intervenant(e)": store.RoleSpeaker,
		"Ponente": store.RoleSpeaker, "Panelist": store.RoleSpeaker, "Facilitator": store.RoleFacilitator,
		"Facilitatrice": store.RoleFacilitator, "Moderador": store.RoleFacilitator, "Observer": store.RoleObserver,
		"Observateur": store.RoleObserver, "Observadora": store.RoleObserver, "Organiser": store.RoleOrganiser,
		"Organizer": store.RoleOrganiser, "Organisateur": store.RoleOrganiser, "Staff": store.RoleOrganiser, "": "",
	} {
		if got, ok := ParseRole(s); !ok || got != want {
			t.Errorf("ParseRole(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if _, ok := ParseRole("Chef"); ok {
		t.Error("ParseRole(Chef) ok")
	}
}

func TestParseOrgType(t *testing.T) {
	for s, want := range map[string]store.OrgType{
		"Government": store.OrgGovernment, "Gouvernement": store.OrgGovernment, "Gobierno": store.OrgGovernment,
		"Ministère": store.OrgGovernment, "ONG": store.OrgCivilSociety, "NGO": store.OrgCivilSociety,
		"Civil society": store.OrgCivilSociety, "Société civile": store.OrgCivilSociety, "Sociedad civil": store.OrgCivilSociety,
		"Université": store.OrgAcademia, "Academia": store.OrgAcademia, "Universidad": store.OrgAcademia,
		"Private sector": store.OrgPrivate, "Secteur privé": store.OrgPrivate, "Sector privado": store.OrgPrivate,
		"International organization": store.OrgInternational, "Organisation internationale": store.OrgInternational,
		"Organización internacional": store.OrgInternational, "Regional organization": store.OrgInternational,
		"international_organisation": store.OrgInternational, "Media": store.OrgMedia, "Presse": store.OrgMedia,
		"Autre": store.OrgOther,
	} {
		if got, ok := ParseOrgType(s); !ok || got != want {
			t.Errorf("ParseOrgType(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
}

func TestParseCountry(t *testing.T) {
	for s, want := range map[string]string{
		"SN": "SN", "sn": "SN", "Senegal": "SN", "Sénégal": "SN", "SENEGAL": "SN", "Côte d'Ivoire": "CI",
		"Cote d Ivoire": "CI", "Costa de Marfil": "CI", "Maroc": "MA", "Marruecos": "MA", "Éthiopie": "ET",
		"Etiopía": "ET", "Égypte": "EG", "Allemagne": "DE", "Alemania": "DE", "Espagne": "ES", "España": "ES",
		"Chili": "CL", "Chile": "CL", "Pérou": "PE", "Perú": "PE", "Brasil": "BR", "Brésil": "BR",
		"México": "MX", "Mexique": "MX", "Estados Unidos": "US", "États-Unis": "US", "Turquie": "TR",
		"Turquía": "TR", "Türkiye": "TR", "Viet Nam": "VN", "Russian Federation": "RU", "Czechia": "CZ",
		"Sénégalaise": "SN", "Chileno": "CL", "NA": "NA", "": "",
	} {
		if got, ok := ParseCountry(s); !ok || got != want {
			t.Errorf("ParseCountry(%q) = %q, %v; want %q", s, got, ok, want)
		}
	}
	if c, ok := ParseCountry("Atlantis"); ok {
		t.Errorf("ParseCountry(Atlantis) = %q", c)
	}
}
