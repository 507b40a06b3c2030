package store

import (
	"slices"
	"testing"
)

func TestSearchDemo(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	people, err := s.Participants(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	ix := NewParticipantIndex(people)
	if ix.Len() != len(people) {
		t.Fatalf("Len = %d", ix.Len())
	}
	names := func(pos []int) []string {
		out := make([]string, len(pos))
		for i, p := range pos {
			out[i] = people[p].FullName()
		}
		return out
	}
	cases := []struct {
		query string
		first string // the best match; "" for no match
		all   int    // how many match; 0 to skip the check
	}{
		{"traore", "Aminata Traoré", 1},
		{"TRAORÉ", "Aminata Traoré", 1},
		{"ozturk", "Mehmet Öztürk", 1},
		{"öztürk", "Mehmet Öztürk", 1},
		{"sule", "Şule Çağlar", 1},
		{"ṣule", "Şule Çağlar", 1},
		{"ŞULE caglar", "Şule Çağlar", 1},
		{"አበበ", "Abebe Bekele", 1},
		{"李", "Wei Li", 1},
		{"王芳", "Fang Wang", 1},
		{"дмитрий", "Dmitry Ivanov", 1},
		{"lukasz wrobel", "Łukasz Wróbel", 1},
		{"soren ostergaard", "Søren Østergaard", 1},
		{"nguyen duc", "Văn Đức Nguyễn", 1},
		{"llwyd", "Rhodri Llŵyd", 1},
		{"jean pierre", "Jean-Pierre Habimana", 1},
		{"reyes", "Sam Okonkwo-Reyes", 1},
		{"fatou ndiaye", "Fatou Ndiaye", 1},
		{"fatou traore", "", 0},                     // every word must match
		{"fatou.ndiaye@example", "Fatou Ndiaye", 1}, // email
		{"mali", "Aminata Traoré", 0},               // country name
		{"red crescent", "Mehmet Öztürk", 1},        // organisation
		{"rwanda", "Jean-Pierre Habimana", 0},       // country name and organisation
		{"  ", "", 0},                               // nothing to search
		{"zzzz", "", 0},
	}
	for _, c := range cases {
		got := ix.Search(c.query, 0)
		switch {
		case c.first == "" && len(got) != 0:
			t.Errorf("Search(%q) = %q, want nothing", c.query, names(got))
		case c.first != "" && (len(got) == 0 || people[got[0]].FullName() != c.first):
			t.Errorf("Search(%q) = %q, want %s first", c.query, names(got), c.first)
		case c.all > 0 && len(got) != c.all:
			t.Errorf("Search(%q) = %q, want %d matches", c.query, names(got), c.all)
		}
	}

	// A badge code finds its holder first, however it is typed.
	p := people[7]
	code := p.BadgeCode
	for _, q := range []string{code, " " + code[:2] + "-" + code[2:] + " ", Fold(code)} {
		if i, ok := ix.ExactBadge(q); !ok || i != 7 {
			t.Errorf("ExactBadge(%q) = %d, %v", q, i, ok)
		}
		if got := ix.Search(q, 3); len(got) == 0 || got[0] != 7 {
			t.Errorf("Search(%q) = %q, want %s first", q, names(got), p.FullName())
		}
	}
	if _, ok := ix.ExactBadge("QQQQQ"); ok {
		t.Error("ExactBadge found a code nobody has")
	}
}

func TestSearchRanking(t *testing.T) {
	mk := func(given, family, org, email, country, badge string) Participant {
		return Participant{GivenNames: given, FamilyNames: family, Organisation: org, Email: email, Country: country, BadgeCode: badge}
	}
	people := []Participant{
		0: mk("Rosemarie", "Dupont", "Independent", "rd@example.org", "FR", "RRRR"),   // "mari" inside a word
		1: mk("Joe", "Bloggs", "Marine Institute", "jb@example.org", "GB", "JJJJ"),    // an organisation word begins so
		2: mk("Maria", "Santos", "Bank of Lisbon", "ms@example.org", "PT", "MMMM"),    // a given name begins so
		3: mk("Ana", "Mariano", "Ministry of Labour", "am@example.org", "PE", "KKKK"), // the family name begins so
		4: mk("Zed", "Zulu", "Nowhere", "zz@example.org", "ZA", "MARI"),               // the badge code is the query
		5: mk("Ana", "Marín", "Ministerio del Interior", "ana@example.org", "CL", "TTTT"),
		6: mk("Mariam", "Okafor", "Lagos Marine", "mo@example.org", "NG", "WWWW"),
	}
	ix := NewParticipantIndex(people)
	cases := []struct {
		query string
		limit int
		want  []int
	}{
		// Badge, family prefix (registration order), given prefix
		// (registration order, a second word prefix not needed), other
		// word prefix, inside a word.
		{"mari", 0, []int{4, 3, 5, 2, 6, 1, 0}},
		{"mari", 2, []int{4, 3}},
		{"Mari", 0, []int{4, 3, 5, 2, 6, 1, 0}},
		// AND: both words, in any field.
		{"ana mari", 0, []int{3, 5}},
		{"mari ana", 0, []int{3, 5}},
		{"ana ministerio", 0, []int{5}},
		{"ana lisbon", 0, nil},
		// An email matches inside; a name prefix ranks before it.
		{"ana@", 0, []int{5}},
		{"ma", 3, []int{3, 5, 2}},
		// A typed badge with a dash matches only as a badge.
		{"ma-ri", 0, []int{4}},
		{"kenya", 0, nil},
		{"peru", 0, []int{3}},
	}
	for _, c := range cases {
		if got := ix.Search(c.query, c.limit); !slices.Equal(got, c.want) {
			t.Errorf("Search(%q, %d) = %v, want %v", c.query, c.limit, got, c.want)
		}
	}
}

func TestSearchEmptyIndex(t *testing.T) {
	ix := NewParticipantIndex(nil)
	if got := ix.Search("anything", 10); len(got) != 0 {
		t.Errorf("Search on an empty index = %v", got)
	}
	if _, ok := ix.ExactBadge(""); ok {
		t.Error("ExactBadge(\"\") found someone")
	}
}

func TestSearchConcurrent(t *testing.T) {
	people := make([]Participant, 500)
	for i := range people {
		people[i] = Participant{GivenNames: "Given", FamilyNames: "Family", Organisation: "Org", BadgeCode: NewBadgeCode()}
	}
	people[123].FamilyNames = "Traoré"
	ix := NewParticipantIndex(people)
	done := make(chan []int)
	for range 8 {
		go func() {
			var got []int
			for range 50 {
				got = ix.Search("traore given", 0)
			}
			done <- got
		}()
	}
	for range 8 {
		if got := <-done; !slices.Equal(got, []int{123}) {
			t.Errorf("concurrent Search = %v", got)
		}
	}
}
