package store

import (
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// ruleTZ is the time zone of the in-memory workshops (UTC+3, no DST).
var ruleTZ = func() *time.Location {
	loc, err := time.LoadLocation("Africa/Nairobi")
	if err != nil {
		panic(err)
	}
	return loc
}()

// at returns 9 March 2027 (day 1 of the in-memory workshops) plus days at
// the wall-clock time hhmm in Nairobi.
func ruleAt(t testing.TB, day int, hhmm string) time.Time {
	t.Helper()
	return Date{2027, 3, 9}.AddDays(day-1).In(mustClock(t, hhmm), ruleTZ)
}

// ruleAgenda is the agenda of the rule tests, on 9 March 2027 in Nairobi.
// Counted: Opening (mandatory, 60 min), Panel (60), Working groups (90),
// Closing (mandatory, 120): 4 sessions, 5.5 hours.
func ruleAgenda(t testing.TB) []Session {
	mk := func(start, end, title string, typ SessionType, counts, mandatory bool) Session {
		return Session{Record: Record{ID: NewID()}, Date: Date{2027, 3, 9}, Start: mustClock(t, start),
			End: mustClock(t, end), Title: title, Type: typ, Counts: counts, Mandatory: mandatory}
	}
	return []Session{
		mk("09:00", "10:00", "Opening", Plenary, true, true),
		mk("10:00", "11:00", "Panel", Panel, true, false),
		mk("11:00", "11:30", "Coffee", Break, false, false),
		mk("11:30", "13:00", "Working groups", WorkingGroup, true, false),
		mk("14:00", "15:00", "Quiz", OtherSession, false, false),
		mk("15:00", "17:00", "Closing", Plenary, true, true),
	}
}

// ruleData builds workshop data in memory: the agenda, the participants and
// marks given per participant as session title → status.
func ruleData(rule AttendanceRule, sessions []Session, people []Participant, marks []map[string]Status) *WorkshopData {
	d := &WorkshopData{
		Workshop: Workshop{Record: Record{ID: NewID()}, Code: "mem-2027", TimeZone: "Africa/Nairobi",
			StartDate: Date{2027, 3, 9}, EndDate: Date{2027, 3, 11}, Rule: rule},
		Sessions: sessions, Participants: people, Marks: map[uuid.UUID]*SessionMarks{},
	}
	byTitle := map[string]uuid.UUID{}
	for _, se := range sessions {
		byTitle[se.Title] = se.ID
		d.Marks[se.ID] = &SessionMarks{}
	}
	for i, m := range marks {
		for title, st := range m {
			id, ok := byTitle[title]
			if !ok {
				panic("no session " + title)
			}
			d.SetMark(id, people[i].ID, Mark{Status: st})
		}
	}
	return d
}

func rulePerson(given string) Participant {
	return Participant{Record: Record{ID: NewID()}, GivenNames: given, FamilyNames: "Test"}
}

func ruleAllPresent() map[string]Status {
	return map[string]Status{"Opening": Present, "Panel": Present, "Working groups": Present, "Closing": Present}
}

func ruleWith(m map[string]Status, kv ...any) map[string]Status {
	m = maps.Clone(m)
	if m == nil {
		m = map[string]Status{}
	}
	for i := 0; i < len(kv); i += 2 {
		title := kv[i].(string)
		if kv[i+1] == nil {
			delete(m, title)
		} else {
			m[title] = kv[i+1].(Status)
		}
	}
	return m
}

func TestRuleDefaults(t *testing.T) {
	want := EffectiveRule{Basis: BasisSessions, MinPercent: 80, LateCounts: true, ExcusedCounts: false,
		MandatoryRequired: true, LateAfterMinutes: 10, EarlyCheckInMinutes: 60}
	if got := (AttendanceRule{}).Effective(); got != want {
		t.Errorf("zero rule = %+v, want %+v", got, want)
	}
	if got := DefaultRule(); got != want {
		t.Errorf("DefaultRule = %+v", got)
	}
	// Explicit zero values are not defaults.
	r := AttendanceRule{Basis: BasisHours, MinPercent: new(0), LateCounts: new(false), ExcusedCounts: true,
		MandatoryRequired: new(false), LateAfterMinutes: new(0), EarlyCheckInMinutes: new(0)}
	want = EffectiveRule{BasisHours, 0, false, true, false, 0, 0}
	if got := r.Effective(); got != want {
		t.Errorf("explicit rule = %+v, want %+v", got, want)
	}
	if got := want.Rule().Effective(); got != want {
		t.Errorf("Rule().Effective() = %+v, want %+v", got, want)
	}
	// Odd values are brought into range.
	odd := AttendanceRule{Basis: "days", MinPercent: new(150), LateAfterMinutes: new(-5)}
	if got := odd.Effective(); got.Basis != BasisSessions || got.MinPercent != 100 || got.LateAfterMinutes != 0 {
		t.Errorf("odd rule = %+v", got)
	}
	ve := wantFieldError(t, odd.Validate(), "rule.basis")
	for _, f := range []string{"rule.min_percent", "rule.late_after_minutes"} {
		if ve.For(f) == "" {
			t.Errorf("Validate: no problem with %s in %v", f, ve)
		}
	}
	if err := r.Validate(); err != nil {
		t.Errorf("Validate(%+v) = %v", r, err)
	}
	if s := DefaultRule().String(); !strings.Contains(s, "at least 80% of sessions") {
		t.Errorf("String = %q", s)
	}
}

func TestRuleJSON(t *testing.T) {
	// A workshop without a rule is stored without the key, as before.
	data, err := json.Marshal(Workshop{Code: "x"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(data), `"rule"`) {
		t.Errorf("zero rule is stored: %s", data)
	}
	var old Workshop
	if err := json.Unmarshal([]byte(`{"code":"old","time_zone":"UTC"}`), &old); err != nil {
		t.Fatal(err)
	}
	if old.Rule.Effective() != DefaultRule() {
		t.Errorf("an old record's rule = %+v", old.Rule.Effective())
	}

	s := openTest(t, Options{NoAutoBackup: true})
	w := newWorkshop(t, "rule-2027", "2027-03-09")
	w.Rule = AttendanceRule{Basis: BasisHours, MinPercent: new(75), LateCounts: new(false), LateAfterMinutes: new(0)}
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	got, err := s.Workshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	want := EffectiveRule{BasisHours, 75, false, false, true, 0, DefaultEarlyCheckInMinutes}
	if e := got.Rule.Effective(); e != want {
		t.Errorf("reloaded rule = %+v, want %+v", e, want)
	}
}

func TestAppendPercent(t *testing.T) {
	for _, c := range []struct {
		part, whole, min int64
		want             string
	}{
		{7, 9, 80, "78"},
		{4, 5, 80, "80"},
		{398, 500, 80, "79.6"},  // 79.6 % must not read as 80 %
		{199, 200, 100, "99.5"}, // nor 99.5 % as 100 %
		{1, 3, 80, "33"},
		{0, 4, 80, "0"},
		{5, 6, 80, "83"},
	} {
		if got := string(appendPercent(nil, c.part, c.whole, c.min)); got != c.want {
			t.Errorf("appendPercent(%d, %d, %d) = %q, want %q", c.part, c.whole, c.min, got, c.want)
		}
	}
}

func TestComputeParticipant(t *testing.T) {
	after := func(t testing.TB) time.Time { return ruleAt(t, 1, "18:00") }
	mid := func(t testing.TB) time.Time { return ruleAt(t, 1, "12:00") } // Opening and Panel over, Working groups on
	cases := []struct {
		name    string
		rule    AttendanceRule
		now     func(testing.TB) time.Time
		joined  string // wall clock on day 1 in Nairobi; "" from the start
		marks   map[string]Status
		att     int
		app     int
		pending int
		missed  []string
		verdict string // eligible, at risk, cannot reach or "" (on track / nothing applies)
		reason  string
	}{
		{name: "all present", now: after, marks: ruleAllPresent(),
			att: 4, app: 4, verdict: "eligible", reason: "4 of 4 sessions, 100% >= 80%"},
		{name: "break and uncounted sessions do not count", now: after,
			marks: ruleWith(ruleAllPresent(), "Coffee", Absent, "Quiz", Absent),
			att:   4, app: 4, verdict: "eligible", reason: "4 of 4 sessions, 100% >= 80%"},
		{name: "mandatory missed", now: after, marks: ruleWith(ruleAllPresent(), "Closing", Absent),
			att: 3, app: 4, missed: []string{"Closing"}, verdict: "cannot reach",
			reason: "3 of 4 sessions, 75% < 80%; missed mandatory: Closing"},
		{name: "mandatory missed though the share is met", rule: AttendanceRule{MinPercent: new(75)}, now: after,
			marks: ruleWith(ruleAllPresent(), "Opening", Absent), att: 3, app: 4, missed: []string{"Opening"}, verdict: "cannot reach",
			reason: "3 of 4 sessions, 75% >= 75%; missed mandatory: Opening"},
		{name: "mandatory not required", rule: AttendanceRule{MinPercent: new(75), MandatoryRequired: new(false)}, now: after,
			marks: ruleWith(ruleAllPresent(), "Closing", Absent), att: 3, app: 4, missed: []string{"Closing"}, verdict: "eligible",
			reason: "3 of 4 sessions, 75% >= 75%"},
		{name: "late counts by default", now: after, marks: ruleWith(ruleAllPresent(), "Panel", Late),
			att: 4, app: 4, verdict: "eligible", reason: "4 of 4 sessions, 100% >= 80%"},
		{name: "late does not count", rule: AttendanceRule{LateCounts: new(false)}, now: after,
			marks: ruleWith(ruleAllPresent(), "Panel", Late), att: 3, app: 4, verdict: "cannot reach",
			reason: "3 of 4 sessions, 75% < 80%"},
		{name: "late at a mandatory session when late does not count", rule: AttendanceRule{LateCounts: new(false), MinPercent: new(50)},
			now: after, marks: ruleWith(ruleAllPresent(), "Opening", Late), att: 3, app: 4, missed: []string{"Opening"},
			verdict: "cannot reach", reason: "3 of 4 sessions, 75% >= 50%; missed mandatory: Opening"},
		{name: "excused does not count by default", now: after, marks: ruleWith(ruleAllPresent(), "Panel", Excused),
			att: 3, app: 4, verdict: "cannot reach", reason: "3 of 4 sessions, 75% < 80%"},
		{name: "excused counts", rule: AttendanceRule{ExcusedCounts: true}, now: after,
			marks: ruleWith(ruleAllPresent(), "Panel", Excused), att: 4, app: 4, verdict: "eligible",
			reason: "4 of 4 sessions, 100% >= 80%"},
		{name: "sessions basis: one short session missed", now: after, marks: ruleWith(ruleAllPresent(), "Panel", Absent),
			att: 3, app: 4, verdict: "cannot reach", reason: "3 of 4 sessions, 75% < 80%"},
		{name: "hours basis: one short session missed", rule: AttendanceRule{Basis: BasisHours}, now: after,
			marks: ruleWith(ruleAllPresent(), "Panel", Absent), att: 3, app: 4, verdict: "eligible",
			reason: "4.5 of 5.5 hours, 82% >= 80%"},
		{name: "hours basis: the long session missed", rule: AttendanceRule{Basis: BasisHours}, now: after,
			marks: ruleWith(ruleAllPresent(), "Working groups", Absent), att: 3, app: 4, verdict: "cannot reach",
			reason: "4 of 5.5 hours, 73% < 80%"},
		{name: "unmarked after the end is absent", now: after, marks: ruleWith(ruleAllPresent(), "Panel", nil),
			att: 3, app: 4, verdict: "cannot reach", reason: "3 of 4 sessions, 75% < 80%"},
		{name: "nothing recorded, all over", now: after, marks: nil,
			att: 0, app: 4, missed: []string{"Opening", "Closing"}, verdict: "cannot reach",
			reason: "0 of 4 sessions, 0% < 80%; missed mandatory: Opening, Closing"},
		{name: "before the start", now: func(t testing.TB) time.Time { return ruleAt(t, 1, "08:00") }, marks: nil,
			att: 0, app: 4, pending: 4, verdict: "", reason: "nothing recorded yet; 4 sessions to come"},
		{name: "on track", now: mid, marks: map[string]Status{"Opening": Present, "Panel": Present},
			att: 2, app: 4, pending: 2, verdict: "", reason: "2 of 2 sessions so far, 100% >= 80%; 2 sessions to come"},
		{name: "checked in at the running session", now: mid,
			marks: map[string]Status{"Opening": Present, "Panel": Present, "Working groups": Late},
			att:   3, app: 4, pending: 1, verdict: "", reason: "3 of 3 sessions so far, 100% >= 80%; 1 session to come"},
		{name: "at risk", rule: AttendanceRule{MinPercent: new(60)}, now: mid, marks: map[string]Status{"Opening": Present},
			att: 1, app: 4, pending: 2, verdict: "at risk", reason: "1 of 2 sessions so far, 50% < 60%; 2 sessions to come"},
		{name: "cannot reach before the end", now: mid, marks: map[string]Status{"Opening": Present},
			att: 1, app: 4, pending: 2, verdict: "cannot reach",
			reason: "1 of 2 sessions so far, 50% < 80%; 2 sessions to come; at most 3 of 4 sessions, 75% < 80%"},
		{name: "missed mandatory before the end", rule: AttendanceRule{MinPercent: new(50)}, now: mid,
			marks: map[string]Status{"Panel": Present}, att: 1, app: 4, pending: 2, missed: []string{"Opening"},
			verdict: "cannot reach", reason: "1 of 2 sessions so far, 50% >= 50%; 2 sessions to come; missed mandatory: Opening"},
		{name: "hours basis, pending", rule: AttendanceRule{Basis: BasisHours}, now: mid,
			marks: map[string]Status{"Opening": Present, "Panel": Present}, att: 2, app: 4, pending: 2,
			reason: "2 of 2 hours so far, 100% >= 80%; 3.5 hours to come"},
		{name: "late joiner", now: after, joined: "10:30",
			marks: map[string]Status{"Working groups": Present, "Closing": Present},
			att:   2, app: 2, verdict: "eligible", reason: "2 of 2 sessions, 100% >= 80%"},
		{name: "late joiner's mark before joining is ignored", now: after, joined: "10:30",
			marks: map[string]Status{"Panel": Absent, "Working groups": Present, "Closing": Present},
			att:   2, app: 2, verdict: "eligible", reason: "2 of 2 sessions, 100% >= 80%"},
		{name: "joined exactly at the start", now: after, joined: "11:30",
			marks: map[string]Status{"Closing": Present},
			att:   1, app: 2, verdict: "cannot reach", reason: "1 of 2 sessions, 50% < 80%"},
		{name: "joined after everything", now: after, joined: "17:30", marks: nil,
			att: 0, app: 0, verdict: "", reason: "no counted session applies"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			p := rulePerson("Amina")
			if c.joined != "" {
				p.JoinedAt = ruleAt(t, 1, c.joined)
			}
			sessions := ruleAgenda(t)
			d := ruleData(c.rule, sessions, []Participant{p}, []map[string]Status{c.marks})
			st := Compute(d, c.now(t))
			got := st.Participants[0]
			if got.Attended != c.att || got.Applicable != c.app || got.Pending != c.pending {
				t.Errorf("attended %d of %d, %d pending; want %d of %d, %d pending",
					got.Attended, got.Applicable, got.Pending, c.att, c.app, c.pending)
			}
			var missed []string
			for _, si := range got.MissedMandatory {
				missed = append(missed, sessions[si].Title)
			}
			if !slices.Equal(missed, c.missed) {
				t.Errorf("missed mandatory %q, want %q", missed, c.missed)
			}
			if v := ruleVerdict(got); v != c.verdict {
				t.Errorf("ruleVerdict %q, want %q", v, c.verdict)
			}
			if got.Reason != c.reason {
				t.Errorf("reason\n got %q\nwant %q", got.Reason, c.reason)
			}
		})
	}
}

// ruleVerdict names the flags set, and fails loudly if more than one is.
func ruleVerdict(p ParticipantStats) string {
	var v []string
	if p.Eligible {
		v = append(v, "eligible")
	}
	if p.AtRisk {
		v = append(v, "at risk")
	}
	if p.CannotReach {
		v = append(v, "cannot reach")
	}
	return strings.Join(v, "+")
}

func TestComputePercentages(t *testing.T) {
	sessions := ruleAgenda(t)
	d := ruleData(AttendanceRule{Basis: BasisHours}, sessions, []Participant{rulePerson("A")},
		[]map[string]Status{{"Opening": Present, "Panel": Absent}})
	p := Compute(d, ruleAt(t, 1, "12:00")).Participants[0]
	// Decided: Opening and Panel (120 min), 60 attended; pending: Working
	// groups and Closing (210 min) of 330.
	if p.Percent != 50 || p.BestPercent != 100*270.0/330 {
		t.Errorf("Percent %v, BestPercent %v", p.Percent, p.BestPercent)
	}
	if p.AttendedTime != time.Hour || p.ApplicableTime != 330*time.Minute || p.PendingTime != 210*time.Minute {
		t.Errorf("times %v %v %v", p.AttendedTime, p.ApplicableTime, p.PendingTime)
	}
}

func TestComputeSessionCounts(t *testing.T) {
	sessions := ruleAgenda(t)
	people := []Participant{rulePerson("Present"), rulePerson("Late"), rulePerson("Excused"), rulePerson("Absent"),
		rulePerson("Unmarked"), rulePerson("Joiner"), rulePerson("Early")}
	people[5].JoinedAt = ruleAt(t, 1, "10:30") // after Panel started
	people[6].JoinedAt = ruleAt(t, 0, "18:00") // the evening before: from the start
	all := func(st Status) map[string]Status {
		return map[string]Status{"Opening": st, "Panel": st, "Working groups": st, "Quiz": st}
	}
	marks := []map[string]Status{all(Present), all(Late), all(Excused), all(Absent), nil,
		{"Panel": Present}, {"Opening": Present}}
	d := ruleData(AttendanceRule{}, sessions, people, marks)
	st := Compute(d, ruleAt(t, 1, "12:00")) // Working groups running, Quiz and Closing to come

	want := map[string]SessionStats{
		// Unmarked and Early's missing mark count as absent once over;
		// Joiner's mark is ignored.
		"Opening":        {Counts: true, Present: 2, Late: 1, Excused: 1, Absent: 2, NotApplicable: 1, Expected: 6, Unmarked: 1},
		"Panel":          {Counts: true, Present: 1, Late: 1, Excused: 1, Absent: 3, NotApplicable: 1, Expected: 6, Unmarked: 2},
		"Coffee":         {},
		"Working groups": {Counts: true, Present: 1, Late: 1, Excused: 1, Absent: 1, Pending: 3, Expected: 7, Unmarked: 3},
		"Quiz":           {Counts: false, Present: 1, Late: 1, Excused: 1, Absent: 1, Pending: 3, Expected: 7, Unmarked: 3},
		"Closing":        {Counts: true, Pending: 7, Expected: 7, Unmarked: 7},
	}
	for i, se := range sessions {
		if got := st.Sessions[i]; got != want[se.Title] {
			t.Errorf("%s: %+v\n want %+v", se.Title, got, want[se.Title])
		}
	}
	cells := []struct {
		p, s int
		want CellStatus
	}{
		{0, 0, CellPresent}, {1, 1, CellLate}, {2, 3, CellExcused}, {3, 0, CellAbsent},
		{4, 0, CellMissed}, {4, 3, CellPending}, {5, 0, CellNotApplicable}, {5, 1, CellNotApplicable},
		{5, 3, CellPending}, {0, 2, CellNone}, {6, 1, CellMissed},
	}
	for _, c := range cells {
		if got := st.Cell(c.p, c.s); got != c.want {
			t.Errorf("Cell(%s, %s) = %v, want %v", people[c.p].GivenNames, sessions[c.s].Title, got, c.want)
		}
	}
	if CellNotApplicable.String() != "not applicable" || CellNone.String() != "" {
		t.Errorf("CellStatus names: %q %q", CellNotApplicable, CellNone)
	}
	// Present and Late are on track (3 of 3, 1 to come); Excused, Absent
	// and Unmarked missed Opening; Early can reach 75% at most; Joiner has
	// nothing decided yet.
	if st.Eligible != 0 || st.AtRisk != 0 || st.CannotReach != 4 {
		t.Errorf("totals: %d eligible, %d at risk, %d cannot reach", st.Eligible, st.AtRisk, st.CannotReach)
	}
}

// TestComputeDemo measures the sample workshop through the store: every
// participant is counted once per session, late joiners have nothing
// applicable before they came.
func TestComputeDemo(t *testing.T) {
	now := time.Date(2027, 3, 10, 9, 0, 0, 0, time.UTC) // 12:00 in Addis Ababa, day 2
	s := openTest(t, Options{NoAutoBackup: true, Now: func() time.Time { return now }})
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	st := Compute(d, now)
	nP := len(d.Participants)
	for i, se := range d.Sessions {
		c := st.Sessions[i]
		if se.Type == Break {
			if c != (SessionStats{}) {
				t.Errorf("break %q has counts %+v", se.Title, c)
			}
			continue
		}
		if sum := c.Present + c.Late + c.Excused + c.Absent + c.Pending + c.NotApplicable; sum != nP || c.Expected != nP-c.NotApplicable {
			t.Errorf("%s: counts %+v add up to %d of %d", se.Title, c, sum, nP)
		}
		ended := !now.Before(se.EndsAt(w.Location()))
		if ended && c.Pending != 0 || !ended && c.Pending != c.Unmarked {
			t.Errorf("%s (ended %v): %+v", se.Title, ended, c)
		}
	}
	if got := st.Eligible + st.AtRisk + st.CannotReach; got > nP {
		t.Errorf("%d ruleVerdicts for %d participants", got, nP)
	}
	for i, p := range d.Participants {
		ps := st.Participants[i]
		if ps.Reason == "" || len(ruleVerdict(ps)) > len("cannot reach") {
			t.Errorf("%s: %+v", p.FullName(), ps)
		}
		if !p.JoinedAt.IsZero() {
			// Late joiners (day 2 or 3) miss nothing of day 1.
			if st.Cell(i, 0) != CellNotApplicable || len(ps.MissedMandatory) != 0 {
				t.Errorf("late joiner %s: opening is %v, missed %v", p.FullName(), st.Cell(i, 0), ps.MissedMandatory)
			}
		}
	}
}

// TestRoundHours checks that hours are rounded halves up, as the
// certificates print them, so that a screen never says 1.2 h where the
// certificate says 1.3.
func TestRoundHours(t *testing.T) {
	for h, want := range map[float64]float64{1.25: 1.3, 0.75: 0.8, 1.24: 1.2, 2: 2, 6.5: 6.5} {
		if got := RoundHours(h); got != want {
			t.Errorf("RoundHours(%v) = %v, want %v", h, got, want)
		}
	}
	st := &AttendanceStats{Rule: EffectiveRule{Basis: BasisHours}}
	if got := string(st.appendAmount(nil, 75)); got != "1.3 hours" {
		t.Errorf("75 minutes read %q, want 1.3 hours", got)
	}
	if got := attendedText(ParticipantStats{AttendedTime: 75 * time.Minute, ApplicableTime: 3 * time.Hour}, BasisHours); got != "1.3 of 3 hours" {
		t.Errorf("attended text %q, want 1.3 of 3 hours", got)
	}
}
