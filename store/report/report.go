// Package report builds the reports of Workshop Desk as tables: plain typed
// rows (text, whole numbers, decimals, dates) under a header, one
// sheet.Table per table. The same tables go to CSV and XLSX (package
// sheet) and to the PDF reports (package ui/pdf), so the three always
// agree: a figure is computed once, here.
//
// The reports are:
//
//   - Attendance: a row per session (how many present, late, excused,
//     absent, not applicable, pending, of how many expected) and a row per
//     participant (sessions and hours attended, share, certificate
//     eligibility and why), measured at an instant against the workshop's
//     attendance rule (store.Compute, store.Eligibility);
//   - Statistics: participation for donors, by gender, country, UN M49
//     region and sub-region, organisation type and role, for everyone
//     registered and for those who attended, and the gender ×
//     organisation type cross-tables (store.Participation);
//   - SeriesTables: the same for a series of workshops or a year, with a
//     row per workshop (store.Series);
//   - Agenda: the programme, a row per session.
//
// Missing values are rows of their own ("Not given", "Prefer not to
// say"), never dropped, so counts add up to the totals. Percentages are
// rounded to one decimal each, so a column may add up to 99.9 or 100.1.
//
// The package knows nothing of Fyne or PDF.
package report

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// The names of the tables, which are also the names of the XLSX sheets.
const (
	SessionsTable     = "Sessions"
	ParticipantsTable = "Participants"
	AgendaTable       = "Agenda"
	SummaryTable      = "Summary"
	WorkshopsTable    = "Workshops"
	GenderTable       = "By gender"
	CountryTable      = "By country"
	RegionTable       = "By region"
	SubRegionTable    = "By sub-region"
	OrgTypeTable      = "By organisation type"
	RoleTable         = "By role"
	// CrossTable is the gender × organisation type table of a series.
	CrossTable = "Gender × org type"
	// CrossRegisteredTable and CrossAttendedTable are those of a
	// workshop, for the registered and for those who attended.
	CrossRegisteredTable = "Gender × org type (registered)"
	CrossAttendedTable   = "Gender × org type (attended)"
)

// Layout is how a table of this package is built, so that the PDF can draw
// it: as a list, as a breakdown with bars, as a cross-table or as a
// summary of measures.
type Layout int

// The layouts.
const (
	// LayoutList: a row per item (session, participant, workshop).
	LayoutList Layout = iota
	// LayoutBreakdown: a label column, then pairs of columns, a count
	// (int) and its percentage (float64), one pair per basis (registered
	// and attended, or persons); the last row is "Total".
	LayoutBreakdown
	// LayoutCross: a label column, a count column per category of the
	// second field and a "Total" column; the last row is "Total".
	LayoutCross
	// LayoutSummary: two columns, a measure and its value.
	LayoutSummary
)

// LayoutOf returns the layout of a table made by this package, by its name.
func LayoutOf(t sheet.Table) Layout {
	switch t.Name {
	case GenderTable, CountryTable, RegionTable, SubRegionTable, OrgTypeTable, RoleTable:
		return LayoutBreakdown
	case CrossTable, CrossRegisteredTable, CrossAttendedTable:
		return LayoutCross
	case SummaryTable:
		return LayoutSummary
	}
	return LayoutList
}

// TotalLabel is the label of the total rows of breakdowns and cross-tables.
const TotalLabel = "Total"

// yes and no are the text of yes/no cells.
const (
	yes = "yes"
	no  = "no"
)

// live returns d without its deleted participants and sessions (as
// LoadWorkshop gives it, but a WorkshopData built otherwise may hold
// tombstones); d itself when there are none.
func live(d *store.WorkshopData) *store.WorkshopData {
	dead := func(r store.Record) bool { return r.Deleted() }
	if !slices.ContainsFunc(d.Participants, func(p store.Participant) bool { return dead(p.Record) }) &&
		!slices.ContainsFunc(d.Sessions, func(s store.Session) bool { return dead(s.Record) }) {
		return d
	}
	c := *d
	c.Participants = slices.DeleteFunc(slices.Clone(d.Participants), func(p store.Participant) bool { return dead(p.Record) })
	c.Sessions = slices.DeleteFunc(slices.Clone(d.Sessions), func(s store.Session) bool { return dead(s.Record) })
	return &c
}

// Standings counts the live participants of d by their standing for a
// certificate at instant now (store.CountStandings), as the attendance
// report shows them.
func Standings(d *store.WorkshopData, overrides map[uuid.UUID]store.EligibilityOverride, now time.Time) store.StandingCounts {
	return store.CountStandings(store.Eligibility(live(d), overrides, now))
}

// Attendance returns the attendance report of d at instant now, without
// overrides; see AttendanceWithOverrides.
func Attendance(d *store.WorkshopData, now time.Time) (perSession, perParticipant sheet.Table) {
	return AttendanceWithOverrides(d, nil, now)
}

// The headings of the attendance tables.
var (
	sessionsHeader = []string{"Date", "Start", "End", "Session", "Type", "Present", "Late", "Excused",
		"Absent", "Not applicable", "Pending", "Expected", "% of expected"}
	participantsHeader = []string{"Family name", "Given names", "Native name", "Organisation", "Country", "Role",
		"Sessions attended", "Sessions applicable", "Hours attended", "Attendance %", "Eligible", "Reason"}
)

// AttendanceWithOverrides returns the attendance report of d at instant
// now, measured against the workshop's rule (store.Compute), with the
// certificate decisions of store.Eligibility, overrides (keyed by
// participant ID, as store.Store.Overrides returns them; nil for none)
// included.
//
// perSession ("Sessions") has a row per session other than breaks, in
// agenda order: date (store.Date), start and end ("09:00"), title, type,
// the counts present, late, excused, absent (marked absent, or unmarked
// once the session has ended), not applicable (joined after it started),
// pending (unmarked before its end) and expected (everyone but the not
// applicable), and the share of the expected who attended under the rule
// (present, late when late counts, excused when excused counts), as a
// float rounded to one decimal; empty while nothing is decided.
//
// perParticipant ("Participants") has a row per participant, sorted by
// family name then given names ignoring case and accents: names,
// organisation, country (its English name), role, counted sessions
// attended and applicable, hours attended (float, two decimals), the share
// attended of the decided sessions or hours by the rule's basis (one
// decimal, never shown as reaching the minimum when it does not: 79.96 is
// 79.9, not 80.0; empty while nothing is decided), eligible ("yes" or
// "no") and the reason in words.
func AttendanceWithOverrides(d *store.WorkshopData, overrides map[uuid.UUID]store.EligibilityOverride, now time.Time) (perSession, perParticipant sheet.Table) {
	return AttendanceIn(d, overrides, now, "en")
}

// AttendanceIn is AttendanceWithOverrides with the reasons worded in lang
// (Reason); the rest of the tables is English, for Localize.
func AttendanceIn(d *store.WorkshopData, overrides map[uuid.UUID]store.EligibilityOverride, now time.Time, lang string) (perSession, perParticipant sheet.Table) {
	d = live(d)
	st := store.Compute(d, now)
	perSession = sheet.Table{Name: SessionsTable, Header: slices.Clone(sessionsHeader)}
	for i := range d.Sessions {
		se := &d.Sessions[i]
		if se.Type == store.Break {
			continue
		}
		ss := st.Sessions[i]
		var pct any
		attended := ss.Present
		if st.Rule.LateCounts {
			attended += ss.Late
		}
		if st.Rule.ExcusedCounts {
			attended += ss.Excused
		}
		if ss.Expected > 0 && ss.Pending < ss.Expected {
			pct = round1(100 * float64(attended) / float64(ss.Expected))
		}
		perSession.Rows = append(perSession.Rows, []any{
			se.Date, se.Start.String(), se.End.String(), se.Title, TypeLabel(se.Type),
			ss.Present, ss.Late, ss.Excused, ss.Absent, ss.NotApplicable, ss.Pending, ss.Expected, pct,
		})
	}

	elig := store.Eligibility(d, overrides, now)
	order := nameOrder(d.Participants)
	perParticipant = sheet.Table{Name: ParticipantsTable, Header: slices.Clone(participantsHeader),
		Rows: make([][]any, 0, len(order))}
	minPct := float64(st.Rule.MinPercent)
	for _, i := range order {
		p, ps, e := &d.Participants[i], &st.Participants[i], &elig[i]
		var pct any
		if ps.Applicable > ps.Pending {
			v := round1(ps.Percent)
			if ps.Percent < minPct && v >= minPct {
				v = math.Floor(ps.Percent*10) / 10
			}
			pct = v
		}
		perParticipant.Rows = append(perParticipant.Rows, []any{
			p.FamilyNames, p.GivenNames, p.NativeName, p.Organisation, countryCell(p.Country), RoleLabel(p.Role),
			ps.Attended, ps.Applicable, round2(ps.AttendedTime.Hours()), pct, yesNo(e.Eligible), Reason(lang, e, st.Rule, d.Sessions),
		})
	}
	return perSession, perParticipant
}

// nameOrder returns the positions of people sorted by family name, then
// given names, ignoring case and accents (store.Fold), then as typed; a
// person with only given names sorts by them.
func nameOrder(people []store.Participant) []int {
	type key struct {
		i                     int
		foldFamily, foldGiven string
		family, given         string
	}
	keys := make([]key, len(people))
	for i := range people {
		family, given := people[i].FamilyNames, people[i].GivenNames
		if strings.TrimSpace(family) == "" {
			family, given = given, ""
		}
		keys[i] = key{i, store.Fold(family), store.Fold(given), family, given}
	}
	slices.SortStableFunc(keys, func(a, b key) int {
		return cmp.Or(strings.Compare(a.foldFamily, b.foldFamily), strings.Compare(a.foldGiven, b.foldGiven),
			strings.Compare(a.family, b.family), strings.Compare(a.given, b.given))
	})
	out := make([]int, len(keys))
	for i, k := range keys {
		out[i] = k.i
	}
	return out
}

// Statistics returns the participation tables of d for donors
// (store.Participation), in this order:
//
//   - by gender, country, region (UN M49), sub-region, organisation type
//     and role (LayoutBreakdown): the value in words, then the number and
//     percentage of the registered, then of those who attended at least
//     one session, and a Total row. Every registered value has a row,
//     with 0 attended if need be; "Not given" and "Prefer not to say" are
//     rows like any other;
//   - gender × organisation type for the registered, then for those who
//     attended (LayoutCross), with row and column totals.
func Statistics(d *store.WorkshopData) []sheet.Table {
	ps := store.Participation(d)
	reg, att := &ps.Registered, &ps.Attended
	bases := func(r, a store.Breakdown) []basis {
		return []basis{{"Registered", r}, {"Attended", a}}
	}
	return []sheet.Table{
		breakdownTable(GenderTable, "Gender", bases(reg.ByGender, att.ByGender)),
		breakdownTable(CountryTable, "Country", bases(reg.ByCountry, att.ByCountry)),
		breakdownTable(RegionTable, "Region", bases(reg.ByRegion, att.ByRegion)),
		breakdownTable(SubRegionTable, "Sub-region", bases(reg.BySubRegion, att.BySubRegion)),
		breakdownTable(OrgTypeTable, "Organisation type", bases(reg.ByOrgType, att.ByOrgType)),
		breakdownTable(RoleTable, "Role", bases(reg.ByRole, att.ByRole)),
		crossTable(CrossRegisteredTable, &reg.GenderByOrgType),
		crossTable(CrossAttendedTable, &att.GenderByOrgType),
	}
}

// basis is one group of people counted in a breakdown table.
type basis struct {
	name string // "Registered", "Attended", "Persons"
	b    store.Breakdown
}

// breakdownTable makes a LayoutBreakdown table. The rows are those of the
// first basis, in its order (largest first); the other bases are looked up
// by key, with 0 where they have no such row, and a row they have that the
// first lacks is added at the end.
func breakdownTable(name, dimension string, bases []basis) sheet.Table {
	t := sheet.Table{Name: name, Header: []string{dimension}}
	for _, b := range bases {
		t.Header = append(t.Header, b.name, b.name+" %")
	}
	type row struct{ key, label string }
	var rows []row
	seen := map[string]bool{}
	for _, b := range bases {
		for _, r := range b.b.Rows {
			if !seen[r.Key] {
				seen[r.Key] = true
				rows = append(rows, row{r.Key, r.Label})
			}
		}
	}
	for _, r := range rows {
		cells := []any{r.label}
		for _, b := range bases {
			c, _ := b.b.Row(r.key)
			cells = append(cells, c.Count, c.Percent)
		}
		t.Rows = append(t.Rows, cells)
	}
	total := []any{TotalLabel}
	for _, b := range bases {
		pct := 0.0
		if b.b.Total > 0 {
			pct = 100
		}
		total = append(total, b.b.Total, pct)
	}
	t.Rows = append(t.Rows, total)
	return t
}

// crossTable makes a LayoutCross table: a row per gender, a column per
// organisation type, the totals last.
func crossTable(name string, c *store.CrossTable) sheet.Table {
	t := sheet.Table{Name: name, Header: []string{"Gender"}}
	for _, col := range c.Cols {
		t.Header = append(t.Header, col.Label)
	}
	t.Header = append(t.Header, TotalLabel)
	for i, r := range c.Rows {
		cells := []any{r.Label}
		for j := range c.Cols {
			cells = append(cells, c.Counts[i][j])
		}
		t.Rows = append(t.Rows, append(cells, c.RowTotals[i]))
	}
	total := []any{TotalLabel}
	for j := range c.Cols {
		total = append(total, c.ColTotals[j])
	}
	t.Rows = append(t.Rows, append(total, c.Total))
	return t
}

// SeriesTables returns the tables of a series report, in this order:
//
//   - "Summary" (LayoutSummary): the series and year reported (all when
//     unset), the number of workshops, registrations, distinct persons,
//     sessions, programme hours and certificates issued;
//   - "Workshops": a row per workshop, oldest first: code, title, series,
//     city, country, first and last day, participants, sessions, hours,
//     certificates;
//   - the distinct persons by gender, country, region, sub-region,
//     organisation type and role (LayoutBreakdown, one basis "Persons"),
//     and gender × organisation type (LayoutCross).
func SeriesTables(s *store.SeriesStats) []sheet.Table {
	series, year := any(s.Series), any(s.Year)
	if s.Series == "" {
		series = "All series"
	}
	if s.Year == 0 {
		year = "All years"
	}
	summary := sheet.Table{Name: SummaryTable, Header: []string{"Measure", "Value"}, Rows: [][]any{
		{"Series", series},
		{"Year", year},
		{"Workshops", len(s.Workshops)},
		{"Registrations", s.Participants},
		{"Distinct persons", s.Persons},
		{"Sessions", s.Sessions},
		{"Programme hours", round2(s.Hours.Hours())},
		{"Certificates issued", s.Certificates},
	}}
	ws := sheet.Table{Name: WorkshopsTable, Header: []string{"Code", "Title", "Series", "City", "Country",
		"Start", "End", "Participants", "Sessions", "Hours", "Certificates"}}
	for _, w := range s.Workshops {
		ws.Rows = append(ws.Rows, []any{w.Code, w.Title, w.Series, w.City, countryCell(w.Country),
			w.StartDate, w.EndDate, w.Participants, w.Sessions, round2(w.Hours.Hours()), w.Certificates})
	}
	p := &s.People
	one := func(b store.Breakdown) []basis { return []basis{{"Persons", b}} }
	return []sheet.Table{
		summary, ws,
		breakdownTable(GenderTable, "Gender", one(p.ByGender)),
		breakdownTable(CountryTable, "Country", one(p.ByCountry)),
		breakdownTable(RegionTable, "Region", one(p.ByRegion)),
		breakdownTable(SubRegionTable, "Sub-region", one(p.BySubRegion)),
		breakdownTable(OrgTypeTable, "Organisation type", one(p.ByOrgType)),
		breakdownTable(RoleTable, "Role", one(p.ByRole)),
		crossTable(CrossTable, &p.GenderByOrgType),
	}
}

// Agenda returns the programme of d ("Agenda"): a row per session,
// breaks included, in agenda order: the day of the workshop (1 for its
// first day), date, start, end, title, type, speakers, room and whether
// the session is mandatory for a certificate ("yes" or "no"; empty for a
// break).
func Agenda(d *store.WorkshopData) sheet.Table {
	d = live(d)
	sessions := slices.Clone(d.Sessions)
	store.SortSessions(sessions)
	t := sheet.Table{Name: AgendaTable, Header: []string{"Day", "Date", "Start", "End", "Session", "Type",
		"Speakers", "Room", "Mandatory"}, Rows: make([][]any, 0, len(sessions))}
	for _, se := range sessions {
		var mandatory any
		if se.Type != store.Break {
			mandatory = yesNo(se.Counts && se.Mandatory)
		}
		t.Rows = append(t.Rows, []any{DayNumber(d.Workshop, sessions, se.Date), se.Date, se.Start.String(), se.End.String(),
			se.Title, TypeLabel(se.Type), se.Speakers, se.Room, mandatory})
	}
	return t
}

// DayNumber returns the day of the workshop that date is: 1 for its start
// date. Without a start date, or for a date before it, the days are
// counted from the first date of sessions.
func DayNumber(w store.Workshop, sessions []store.Session, date store.Date) int {
	first := w.StartDate
	if first.IsZero() || date.Before(first) {
		first = date
		for _, se := range sessions {
			if !se.Date.IsZero() && se.Date.Before(first) {
				first = se.Date
			}
		}
	}
	return first.DaysUntil(date) + 1
}

// TypeLabel returns a session type in words with a capital: "Working
// group".
func TypeLabel(t store.SessionType) string { return capital(store.Label(t)) }

// RoleLabel returns a role in words with a capital: "Facilitator".
func RoleLabel(r store.Role) string { return capital(store.Label(r)) }

func capital(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if n == 0 {
		return s
	}
	return string(unicode.ToUpper(r)) + s[n:]
}

// countryCell returns the English name of a country code, the code itself
// when unknown, nil when empty.
func countryCell(code string) any {
	code = strings.TrimSpace(code)
	if code == "" {
		return nil
	}
	if name, ok := store.CountryName(code); ok {
		return name
	}
	return strings.ToUpper(code)
}

func yesNo(b bool) string {
	if b {
		return yes
	}
	return no
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
func round2(v float64) float64 { return math.Round(v*100) / 100 }
