package store

import (
	"slices"
	"testing"
)

func TestRegionOf(t *testing.T) {
	const (
		ssa = "Sub-Saharan Africa"
		lac = "Latin America and the Caribbean"
	)
	tests := []struct {
		code string
		want Region
	}{
		{"ET", Region{"Africa", ssa, "Eastern Africa"}},
		{"SN", Region{"Africa", ssa, "Western Africa"}},
		{"CM", Region{"Africa", ssa, "Middle Africa"}},
		{"ZA", Region{"Africa", ssa, "Southern Africa"}},
		{"EG", Region{"Africa", "Northern Africa", ""}},
		{"SD", Region{"Africa", "Northern Africa", ""}},
		{"SS", Region{"Africa", ssa, "Eastern Africa"}},
		{"CL", Region{"Americas", lac, "South America"}},
		{"MX", Region{"Americas", lac, "Central America"}},
		{"JM", Region{"Americas", lac, "Caribbean"}},
		{"US", Region{"Americas", "Northern America", ""}},
		{"CA", Region{"Americas", "Northern America", ""}},
		{"TR", Region{"Asia", "Western Asia", ""}},
		{"CY", Region{"Asia", "Western Asia", ""}},
		{"CN", Region{"Asia", "Eastern Asia", ""}},
		{"KZ", Region{"Asia", "Central Asia", ""}},
		{"IN", Region{"Asia", "Southern Asia", ""}},
		{"VN", Region{"Asia", "South-eastern Asia", ""}},
		{"RU", Region{"Europe", "Eastern Europe", ""}},
		{"GB", Region{"Europe", "Northern Europe", ""}},
		{"JE", Region{"Europe", "Northern Europe", "Channel Islands"}},
		{"DE", Region{"Europe", "Western Europe", ""}},
		{"IT", Region{"Europe", "Southern Europe", ""}},
		{"AU", Region{"Oceania", "Australia and New Zealand", ""}},
		{"FJ", Region{"Oceania", "Melanesia", ""}},
		{"FM", Region{"Oceania", "Micronesia", ""}},
		{"WS", Region{"Oceania", "Polynesia", ""}},
		{"AQ", Region{"Antarctica", "", ""}},
		{" et ", Region{"Africa", ssa, "Eastern Africa"}},
	}
	for _, tt := range tests {
		got, ok := RegionOf(tt.code)
		if !ok || got != tt.want {
			t.Errorf("RegionOf(%q) = %+v, %v; want %+v, true", tt.code, got, ok, tt.want)
		}
	}
	for _, code := range []string{"", "ZZ", "XK", "ETH", "419"} {
		if got, ok := RegionOf(code); ok {
			t.Errorf("RegionOf(%q) = %+v, true; want false", code, got)
		}
	}
}

func TestRegionFinest(t *testing.T) {
	for code, want := range map[string]string{"ET": "Eastern Africa", "GB": "Northern Europe", "AQ": "Antarctica", "JM": "Caribbean"} {
		r, _ := RegionOf(code)
		if got := r.Finest(); got != want {
			t.Errorf("RegionOf(%s).Finest() = %q, want %q", code, got, want)
		}
	}
}

// TestRegionEveryCountry checks that the region table covers exactly the
// country table, with M49's names only.
func TestRegionEveryCountry(t *testing.T) {
	regions := []string{"Africa", "Americas", "Asia", "Europe", "Oceania", "Antarctica"}
	subs := map[string][]string{
		"Africa":     {"Northern Africa", "Sub-Saharan Africa"},
		"Americas":   {"Latin America and the Caribbean", "Northern America"},
		"Asia":       {"Central Asia", "Eastern Asia", "South-eastern Asia", "Southern Asia", "Western Asia"},
		"Europe":     {"Eastern Europe", "Northern Europe", "Southern Europe", "Western Europe"},
		"Oceania":    {"Australia and New Zealand", "Melanesia", "Micronesia", "Polynesia"},
		"Antarctica": {""},
	}
	intermediates := map[string][]string{
		"Sub-Saharan Africa":              {"Eastern Africa", "Middle Africa", "Southern Africa", "Western Africa"},
		"Latin America and the Caribbean": {"Caribbean", "Central America", "South America"},
		"Northern Europe":                 {"", "Channel Islands"},
	}
	seen := map[string]bool{}
	for _, c := range Countries() {
		r, ok := RegionOf(c.Code)
		if !ok {
			t.Errorf("%s (%s) has no region", c.Code, c.Name)
			continue
		}
		seen[r.SubRegion] = true
		if !slices.Contains(regions, r.Region) || !slices.Contains(subs[r.Region], r.SubRegion) {
			t.Errorf("%s (%s): %+v is not an M49 region and sub-region", c.Code, c.Name, r)
		}
		want := intermediates[r.SubRegion]
		if want == nil {
			want = []string{""}
		}
		if !slices.Contains(want, r.Intermediate) {
			t.Errorf("%s (%s): %+v has intermediate region %q, want one of %q", c.Code, c.Name, r, r.Intermediate, want)
		}
	}
	if n, m := len(countryRegions), len(Countries()); n != m {
		t.Errorf("region table has %d codes, country table %d", n, m)
	}
	for _, list := range subs {
		for _, sub := range list {
			if !seen[sub] {
				t.Errorf("no country in sub-region %q", sub)
			}
		}
	}
}
