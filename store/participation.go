package store

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// The keys of the rows for values missing from the records.
const (
	// KeyNotGiven is the key of the row of people whose field is empty
	// (gender, organisation type, country or role not given).
	KeyNotGiven = ""
	// KeyUnknownCountry is the key of the region rows of people whose
	// country code is not in the country table. Their country rows keep
	// the code as key.
	KeyUnknownCountry = "?"
)

// CountRow is one line of a breakdown: how many people have one value.
type CountRow struct {
	// Key is the value counted: a Gender, OrgType or Role as stored, a
	// country code, or a region name; KeyNotGiven ("") for people with no
	// value, KeyUnknownCountry for region rows of unknown codes.
	Key string
	// Label is the value in words, for display ("Prefer not to say",
	// "International organisation", "Ethiopia", "Not given").
	Label string
	Count int
	// Percent is Count as a share of the breakdown's Total, rounded to one
	// decimal (0 when Total is 0). Because each row is rounded on its
	// own, the rows' percentages may add up to slightly more or less than
	// 100 (e.g. three rows of 1 make 33.3 + 33.3 + 33.3 = 99.9).
	Percent float64
}

// Breakdown counts people by one field. Every person is in exactly one
// row, so the counts add up to Total: missing and unknown values have rows
// of their own and are never dropped.
type Breakdown struct {
	Total int
	// Rows are sorted by count, largest first, then by label (ignoring
	// case and accents).
	Rows []CountRow
}

// Row returns the row with the given key, and whether there is one.
func (b Breakdown) Row(key string) (CountRow, bool) {
	i := slices.IndexFunc(b.Rows, func(r CountRow) bool { return r.Key == key })
	if i < 0 {
		return CountRow{}, false
	}
	return b.Rows[i], true
}

// Category is one row or column heading of a cross-table.
type Category struct {
	Key   string // as CountRow.Key
	Label string
}

// CrossTable counts people by two fields at once: Counts[i][j] people have
// the value Rows[i] of the first field and Cols[j] of the second.
// Headings are in display order (the order of Genders, OrgTypes, …, then
// "Not given", then any value outside the lists as stored), not by count.
type CrossTable struct {
	Rows, Cols []Category
	Counts     [][]int // [row][column]
	RowTotals  []int   // the sum of each row
	ColTotals  []int   // the sum of each column
	Total      int     // the sum of all counts: everyone
}

// Count returns the count of row key r and column key c, 0 if either is
// absent.
func (t *CrossTable) Count(r, c string) int {
	i := slices.IndexFunc(t.Rows, func(x Category) bool { return x.Key == r })
	j := slices.IndexFunc(t.Cols, func(x Category) bool { return x.Key == c })
	if i < 0 || j < 0 {
		return 0
	}
	return t.Counts[i][j]
}

// Demographics breaks a group of people down by the fields donors ask
// about. Every breakdown has the same Total, the number of people.
//
// The gender, organisation type and role breakdowns always list every
// declared value, with a count of 0 if need be, so that tables compare
// from one report to the next; gender and organisation type also always
// have a "Not given" row. Countries and regions are listed only where
// someone comes from.
type Demographics struct {
	Total int
	// ByGender: female, male, other, prefer not to say, not given.
	ByGender Breakdown
	// ByCountry: one row per country code, labelled with the country's
	// name; a code missing from the country table is labelled "XX
	// (unknown code)", an empty one "Not given".
	ByCountry Breakdown
	// ByRegion, BySubRegion and ByIntermediateRegion are by UN M49 region
	// (RegionOf): continental region; sub-region; and intermediate region
	// where M49 has one, else the sub-region (Region.Finest), which splits
	// Sub-Saharan Africa and Latin America and the Caribbean. People with
	// no country are "Not given", those with an unknown code "Unknown
	// country" (key KeyUnknownCountry).
	ByRegion             Breakdown
	BySubRegion          Breakdown
	ByIntermediateRegion Breakdown
	// ByOrgType: the organisation types and "Not given".
	ByOrgType Breakdown
	// ByRole: participant, speaker, facilitator, observer, organiser.
	ByRole Breakdown
	// GenderByOrgType has a row per gender and a column per organisation
	// type, both including "Not given".
	GenderByOrgType CrossTable
}

// ParticipationStats are the participation figures of one workshop for
// reports to donors, on two bases.
type ParticipationStats struct {
	// Registered counts every live participant, whatever their role and
	// attendance.
	Registered Demographics
	// Attended counts the participants who attended at least one session:
	// who are marked present or late at a session other than a break that
	// applies to them (one starting at or after they joined, as in
	// Compute). Excused and absent marks are not attendance. Late
	// joiners and no-shows with no such mark are left out.
	Attended Demographics
}

// person is what the demographics read of one person.
type person struct {
	gender  Gender
	orgType OrgType
	role    Role
	country string // upper case
}

func personOf(p *Participant) person {
	return person{gender: p.Gender, orgType: p.OrgType, role: p.Role,
		country: strings.ToUpper(strings.TrimSpace(p.Country))}
}

// Participation counts the participants of d by gender, country, region,
// organisation type and role, for everyone registered and for those who
// attended. It takes a few milliseconds for 5,000 participants and 30
// sessions (BenchmarkParticipation5000).
func Participation(d *WorkshopData) *ParticipationStats {
	registered := make([]person, 0, len(d.Participants))
	// waiting lists the live participants not yet seen at a session, with
	// when they joined in Unix nanoseconds (math.MinInt64 for everyone
	// there from the start); each session looks up only them, so the work
	// shrinks as people come.
	type pending struct {
		id     uuid.UUID
		i      int // position in registered
		joined int64
	}
	waiting := make([]pending, 0, len(d.Participants))
	for i := range d.Participants {
		p := &d.Participants[i]
		if p.Deleted() {
			continue
		}
		w := pending{id: p.ID, i: len(registered), joined: math.MinInt64}
		if !p.JoinedAt.IsZero() {
			w.joined = p.JoinedAt.UnixNano()
		}
		waiting = append(waiting, w)
		registered = append(registered, personOf(p))
	}
	loc := d.Workshop.Location()
	attended := make([]bool, len(registered))
	for si := range d.Sessions {
		se := &d.Sessions[si]
		marks := d.Marks[se.ID]
		if se.Type == Break || se.Deleted() || marks.Len() == 0 {
			continue
		}
		start := se.StartsAt(loc).UnixNano()
		waiting = slices.DeleteFunc(waiting, func(w pending) bool {
			if w.joined > start {
				return false
			}
			if m, ok := marks.Get(w.id); ok && m.Status.Arrived() {
				attended[w.i] = true
				return true
			}
			return false
		})
	}
	var came []person
	for i, a := range attended {
		if a {
			came = append(came, registered[i])
		}
	}
	return &ParticipationStats{Registered: demographics(registered), Attended: demographics(came)}
}

// The labels of missing values.
const (
	labelNotGiven       = "Not given"
	labelUnknownCountry = "Unknown country"
)

// demographics computes the breakdowns of people.
func demographics(people []person) Demographics {
	n := len(people)
	d := Demographics{Total: n}

	genders := newCounter(n, enumCategories(Genders, genderLabel, true))
	orgs := newCounter(n, enumCategories(OrgTypes, orgTypeLabel, true))
	roles := newCounter(n, enumCategories(Roles, roleLabel, false))
	countries := newCounter(n, nil)
	regions, subs, finest := newCounter(n, nil), newCounter(n, nil), newCounter(n, nil)
	gi := make([]int, n) // each person's gender heading, for the cross-table
	oi := make([]int, n)
	for i := range people {
		p := &people[i]
		gi[i] = genders.add(string(p.gender), func() string { return genderLabel(p.gender) })
		oi[i] = orgs.add(string(p.orgType), func() string { return orgTypeLabel(p.orgType) })
		roles.add(string(p.role), func() string { return roleLabel(p.role) })

		code := p.country
		if code == "" {
			countries.add(KeyNotGiven, nil)
			for _, c := range []*counter{regions, subs, finest} {
				c.add(KeyNotGiven, nil)
			}
			continue
		}
		countries.add(code, func() string {
			if name, ok := CountryName(code); ok {
				return name
			}
			return code + " (unknown code)"
		})
		r, ok := RegionOf(code)
		if !ok {
			for _, c := range []*counter{regions, subs, finest} {
				c.add(KeyUnknownCountry, nil)
			}
			continue
		}
		regions.add(r.Region, nil)
		sub := cmp.Or(r.SubRegion, r.Region)
		subs.add(sub, nil)
		finest.add(r.Finest(), nil)
	}
	d.ByGender = genders.breakdown()
	d.ByOrgType = orgs.breakdown()
	d.ByRole = roles.breakdown()
	d.ByCountry = countries.breakdown()
	d.ByRegion = regions.breakdown()
	d.BySubRegion = subs.breakdown()
	d.ByIntermediateRegion = finest.breakdown()

	t := CrossTable{Rows: genders.cats, Cols: orgs.cats, Total: n}
	t.Counts = make([][]int, len(t.Rows))
	for i := range t.Counts {
		t.Counts[i] = make([]int, len(t.Cols))
	}
	for i := range people {
		t.Counts[gi[i]][oi[i]]++
	}
	t.RowTotals = make([]int, len(t.Rows))
	t.ColTotals = make([]int, len(t.Cols))
	for i, row := range t.Counts {
		for j, c := range row {
			t.RowTotals[i] += c
			t.ColTotals[j] += c
		}
	}
	d.GenderByOrgType = t
	return d
}

// counter counts people by key, keeping the categories in the order they
// were first met (after the preset ones).
type counter struct {
	total  int
	cats   []Category
	counts []int
	index  map[string]int
}

func newCounter(total int, preset []Category) *counter {
	c := &counter{total: total, index: make(map[string]int, len(preset)+8)}
	for _, cat := range preset {
		c.index[cat.Key] = len(c.cats)
		c.cats = append(c.cats, cat)
		c.counts = append(c.counts, 0)
	}
	return c
}

// add counts one person under key and returns the key's position. label
// gives the label of a key met for the first time; nil means the key
// itself, or "Not given" / "Unknown country" for those keys.
func (c *counter) add(key string, label func() string) int {
	i, ok := c.index[key]
	if !ok {
		var l string
		switch {
		case label != nil:
			l = label()
		case key == KeyNotGiven:
			l = labelNotGiven
		case key == KeyUnknownCountry:
			l = labelUnknownCountry
		default:
			l = key
		}
		i = len(c.cats)
		c.index[key] = i
		c.cats = append(c.cats, Category{Key: key, Label: l})
		c.counts = append(c.counts, 0)
	}
	c.counts[i]++
	return i
}

func (c *counter) breakdown() Breakdown {
	b := Breakdown{Total: c.total, Rows: make([]CountRow, len(c.cats))}
	folded := make([]string, len(c.cats))
	for i, cat := range c.cats {
		b.Rows[i] = CountRow{Key: cat.Key, Label: cat.Label, Count: c.counts[i], Percent: percentOf(c.counts[i], c.total)}
		folded[i] = Fold(cat.Label)
	}
	order := make([]int, len(c.cats))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		return cmp.Or(cmp.Compare(c.counts[y], c.counts[x]), strings.Compare(folded[x], folded[y]),
			strings.Compare(c.cats[x].Label, c.cats[y].Label), strings.Compare(c.cats[x].Key, c.cats[y].Key))
	})
	rows := make([]CountRow, len(order))
	for i, j := range order {
		rows[i] = b.Rows[j]
	}
	b.Rows = rows
	return b
}

// percentOf returns n as a percentage of total rounded to one decimal, 0
// when total is 0.
func percentOf(n, total int) float64 {
	if total == 0 {
		return 0
	}
	return math.Round(float64(n)*1000/float64(total)) / 10
}

// enumCategories lists the values of an enumeration as headings, then
// "Not given" when notGiven.
func enumCategories[T ~string](all []T, label func(T) string, notGiven bool) []Category {
	cats := make([]Category, 0, len(all)+1)
	for _, v := range all {
		cats = append(cats, Category{Key: string(v), Label: label(v)})
	}
	if notGiven {
		cats = append(cats, Category{Key: KeyNotGiven, Label: labelNotGiven})
	}
	return cats
}

// capitalised returns the label of v with a capital first letter ("Civil
// society"), or "Not given" for the empty value.
func capitalised[T ~string](v T) string {
	l := Label(v)
	if l == "" {
		return labelNotGiven
	}
	r, n := utf8.DecodeRuneInString(l)
	return string(unicode.ToUpper(r)) + l[n:]
}

func genderLabel(g Gender) string   { return capitalised(g) }
func orgTypeLabel(o OrgType) string { return capitalised(o) }
func roleLabel(r Role) string       { return capitalised(r) }
