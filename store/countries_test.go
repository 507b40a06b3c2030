package store

import (
	"strings"
	"testing"
)

func TestCountryName(t *testing.T) {
	tests := []struct {
		code, want string
		ok         bool
	}{
		{"et", "Ethiopia", true},
		{"ET", "Ethiopia", true},
		{" sn ", "Senegal", true},
		{"BO", "Bolivia", true},
		{"TW", "Taiwan", true},
		{"ZZ", "", false},
		{"", "", false},
		{"ETH", "", false},
	}
	for _, tt := range tests {
		got, ok := CountryName(tt.code)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CountryName(%q) = %q, %v; want %q, %v", tt.code, got, ok, tt.want, tt.ok)
		}
	}
}

func TestDefaultTimeZone(t *testing.T) {
	tests := []struct{ code, want string }{
		{"ET", "Africa/Addis_Ababa"},
		{"SN", "Africa/Dakar"},
		{"CL", "America/Santiago"},
		{"TR", "Europe/Istanbul"},
		{"US", "America/New_York"},
		{"us", "America/New_York"},
		{"GB", "Europe/London"},
		{"BV", ""}, // no zone in zone.tab
		{"ZZ", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := DefaultTimeZone(tt.code); got != tt.want {
			t.Errorf("DefaultTimeZone(%q) = %q, want %q", tt.code, got, tt.want)
		}
	}
}

func TestCountryCode(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		// codes
		{"ET", "ET", true},
		{"sn", "SN", true},
		{" cl ", "CL", true},
		// names
		{"Ethiopia", "ET", true},
		{"senegal", "SN", true},
		{"  CHILE ", "CL", true},
		{"Bolivia, Plurinational State of", "BO", true},
		{"United States of America", "US", true},
		// accents and punctuation
		{"Côte d'Ivoire", "CI", true},
		{"cote d'ivoire", "CI", true},
		{"Cote d’Ivoire", "CI", true},
		{"Türkiye", "TR", true},
		{"turkiye", "TR", true},
		{"Åland Islands", "AX", true},
		{"Reunion", "RE", true},
		{"curacao", "CW", true},
		// alternates
		{"Turkey", "TR", true},
		{"Ivory Coast", "CI", true},
		{"Russia", "RU", true},
		{"Russian Federation", "RU", true},
		{"South Korea", "KR", true},
		{"North Korea", "KP", true},
		{"Iran", "IR", true},
		{"Syria", "SY", true},
		{"Vietnam", "VN", true},
		{"Viet Nam", "VN", true},
		{"Laos", "LA", true},
		{"Bolivia", "BO", true},
		{"Venezuela", "VE", true},
		{"Tanzania", "TZ", true},
		{"Moldova", "MD", true},
		{"Czech Republic", "CZ", true},
		{"Czechia", "CZ", true},
		{"United States", "US", true},
		{"USA", "US", true},
		{"usa", "US", true},
		{"U.S.A.", "US", true},
		{"UK", "GB", true},
		{"United Kingdom", "GB", true},
		{"Great Britain", "GB", true},
		{"DR Congo", "CD", true},
		{"Democratic Republic of the Congo", "CD", true},
		{"Republic of the Congo", "CG", true},
		{"Congo", "CG", true},
		// unknown
		{"ZZ", "", false},
		{"Atlantis", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := CountryCode(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("CountryCode(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestCountriesSortedByName(t *testing.T) {
	cs := Countries()
	if len(cs) <= 240 {
		t.Fatalf("len(Countries()) = %d, want > 240", len(cs))
	}
	for i := 1; i < len(cs); i++ {
		a, b := foldCountryName(cs[i-1].Name), foldCountryName(cs[i].Name)
		if a > b {
			t.Errorf("Countries() not sorted by name: %q before %q", cs[i-1].Name, cs[i].Name)
		}
	}
	if cs[0].Code != "AF" {
		t.Errorf("Countries()[0] = %+v, want Afghanistan", cs[0])
	}
	// It is a copy.
	cs[0].Name = "changed"
	if Countries()[0].Name == "changed" {
		t.Error("Countries() returned the table itself, not a copy")
	}
}

func TestCountryTable(t *testing.T) {
	for i, c := range countries {
		if len(c.Code) != 2 || strings.ToUpper(c.Code) != c.Code {
			t.Errorf("bad code %q", c.Code)
		}
		if c.Name == "" {
			t.Errorf("%s has no name", c.Code)
		}
		if i > 0 && countries[i-1].Code >= c.Code {
			t.Errorf("table not sorted by code or duplicate: %s then %s", countries[i-1].Code, c.Code)
		}
	}
	// No two countries share a folded name, and no alias points at an
	// unknown code.
	seen := map[string]string{}
	for _, c := range countries {
		k := foldCountryName(c.Name)
		if other, dup := seen[k]; dup {
			t.Errorf("%s and %s share the name key %q", other, c.Code, k)
		}
		seen[k] = c.Code
	}
	for _, m := range []map[string]string{countryISONames, countryAliases} {
		for n, code := range m {
			if _, ok := CountryName(code); !ok {
				t.Errorf("name %q maps to unknown code %q", n, code)
			}
			if got, ok := CountryCode(n); !ok || got != code {
				t.Errorf("CountryCode(%q) = %q, %v; want %q (shadowed by another name?)", n, got, ok, code)
			}
		}
	}
}
