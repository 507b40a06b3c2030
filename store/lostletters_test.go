package store

import (
	"slices"
	"testing"
)

func TestLostLetterFields(t *testing.T) {
	for _, tc := range []struct {
		p    Participant
		want []string
	}{
		{Participant{GivenNames: "Şule", FamilyNames: "Çağlar"}, nil},
		{Participant{GivenNames: "?ule", FamilyNames: "Ça?lar"}, []string{"given_names", "family_name"}},
		{Participant{GivenNames: "Abebe", FamilyNames: "Bekele", NativeName: "\uFFFD\uFFFD"}, []string{"native_name"}},
	} {
		if got := tc.p.LostLetterFields(); !slices.Equal(got, tc.want) {
			t.Errorf("%q %q %q: got %v, want %v", tc.p.GivenNames, tc.p.FamilyNames, tc.p.NativeName, got, tc.want)
		}
	}
}
