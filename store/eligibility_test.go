package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// eligWorkshop is a two-day workshop in memory: four counted sessions, a
// break, and a mandatory closing plenary.
func eligWorkshop(t *testing.T, rule AttendanceRule) *WorkshopData {
	t.Helper()
	day1 := mustDate(t, "2027-03-09")
	w := Workshop{Record: Record{ID: NewID()}, Code: "elig-2027", Title: "Eligibility", TimeZone: "UTC",
		StartDate: day1, EndDate: day1.AddDays(1), Rule: rule}
	se := func(day int, start, end, title string, typ SessionType, mandatory bool) Session {
		return Session{Record: Record{ID: NewID()}, WorkshopID: w.ID, Date: day1.AddDays(day - 1),
			Start: mustClock(t, start), End: mustClock(t, end), Title: title, Type: typ, Counts: typ != Break, Mandatory: mandatory}
	}
	return &WorkshopData{Workshop: w, Sessions: []Session{
		se(1, "09:00", "10:00", "Opening", Plenary, false),
		se(1, "10:00", "11:00", "Panel", Panel, false),
		se(1, "11:00", "11:30", "Coffee", Break, false),
		se(2, "09:00", "10:00", "Groups", WorkingGroup, false),
		se(2, "10:00", "11:00", "Field visit", FieldVisit, false),
		se(2, "15:00", "16:00", "Closing plenary", Plenary, true),
	}, Marks: map[uuid.UUID]*SessionMarks{}}
}

// addPerson adds a participant with marks at the counted sessions in
// order (Opening, Panel, Groups, Field visit, Closing); "" leaves one
// unmarked.
func addPerson(d *WorkshopData, name string, role Role, joined time.Time, marks ...Status) uuid.UUID {
	p := Participant{Record: Record{ID: NewID()}, WorkshopID: d.Workshop.ID, GivenNames: name, Role: role, JoinedAt: joined}
	d.Participants = append(d.Participants, p)
	i := 0
	for _, se := range d.Sessions {
		if se.Type == Break || i >= len(marks) {
			continue
		}
		if marks[i] != "" {
			if d.Marks[se.ID] == nil {
				d.Marks[se.ID] = &SessionMarks{}
			}
			d.SetMark(se.ID, p.ID, Mark{Status: marks[i]})
		}
		i++
	}
	return p.ID
}

func TestEligibilityTable(t *testing.T) {
	after := time.Date(2027, 3, 11, 9, 0, 0, 0, time.UTC) // the day after the workshop
	P, L, E, A := Present, Late, Excused, Absent
	lateJoin := time.Date(2027, 3, 9, 10, 30, 0, 0, time.UTC) // after Opening and Panel began

	type person struct {
		name     string
		role     Role
		joined   time.Time
		marks    []Status
		override *EligibilityOverride
	}
	cases := []struct {
		name      string
		rule      AttendanceRule
		now       time.Time
		p         person
		eligible  bool
		kind      CertificateKind
		reason    []string // substrings of Reason, in order
		attended  string
		overriden bool
		standing  Standing // empty: eligible or not eligible, by eligible
	}{
		{name: "all present", p: person{name: "Full", marks: []Status{P, P, P, P, P}},
			eligible: true, kind: KindAttendance, reason: []string{"5 of 5 sessions, 100% >= 80%"}, attended: "5 of 5 sessions"},
		{name: "late counts", p: person{name: "Latecomer", marks: []Status{L, P, L, P, P}},
			eligible: true, kind: KindAttendance, reason: []string{"5 of 5 sessions, 100% >= 80%"}},
		{name: "late joiner", p: person{name: "Joiner", joined: lateJoin, marks: []Status{"", "", P, P, P}},
			eligible: true, kind: KindAttendance, reason: []string{"3 of 3 sessions, 100% >= 80%"}, attended: "3 of 3 sessions"},
		{name: "late joiner missing one", p: person{name: "Joiner2", joined: lateJoin, marks: []Status{"", "", P, A, P}},
			eligible: false, kind: KindAttendance, reason: []string{"2 of 3 sessions, 67% < 80%"}},
		{name: "below minimum", p: person{name: "Low", marks: []Status{P, P, A, "", P}},
			eligible: false, kind: KindAttendance, reason: []string{"3 of 5 sessions, 60% < 80%"}, attended: "3 of 5 sessions"},
		{name: "mandatory missed", p: person{name: "Skipper", marks: []Status{P, P, P, P, A}},
			eligible: false, kind: KindAttendance, reason: []string{"4 of 5 sessions, 80% >= 80%", "missed mandatory: Closing plenary"}},
		{name: "mandatory not required", rule: AttendanceRule{MandatoryRequired: new(false)},
			p:        person{name: "Skipper2", marks: []Status{P, P, P, P, A}},
			eligible: true, kind: KindAttendance, reason: []string{"4 of 5 sessions, 80% >= 80%"}},
		{name: "excused does not count", p: person{name: "Excused", marks: []Status{P, P, E, E, P}},
			eligible: false, kind: KindAttendance, reason: []string{"3 of 5 sessions, 60% < 80%"}},
		{name: "excused counts", rule: AttendanceRule{ExcusedCounts: true}, p: person{name: "Excused2", marks: []Status{P, P, E, E, P}},
			eligible: true, kind: KindAttendance, reason: []string{"5 of 5 sessions, 100% >= 80%"}},
		{name: "hours basis", rule: AttendanceRule{Basis: BasisHours, MinPercent: new(50)}, p: person{name: "Hours", marks: []Status{P, A, P, A, P}},
			eligible: true, kind: KindAttendance, reason: []string{"3 of 5 hours, 60% >= 50%"}, attended: "3 of 5 hours"},
		{name: "still to come", now: time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC), p: person{name: "Pending", marks: []Status{P, P}},
			eligible: false, kind: KindAttendance, reason: []string{"2 of 2 sessions so far", "3 sessions to come"}, standing: StandingOnTrack},
		{name: "at risk", now: time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC), p: person{name: "Risky", marks: []Status{P, A}},
			eligible: false, kind: KindAttendance, reason: []string{"1 of 2 sessions so far", "3 sessions to come"}, standing: StandingAtRisk},
		{name: "refused by hand before the end", now: time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC),
			p:        person{name: "Early", marks: []Status{P, P}, override: &EligibilityOverride{Granted: false, Reason: "left the programme"}},
			eligible: false, kind: KindAttendance, overriden: true, reason: []string{"refused by hand: left the programme"}},
		{name: "nothing recorded yet", now: time.Date(2027, 3, 9, 8, 0, 0, 0, time.UTC), p: person{name: "Early"},
			eligible: false, kind: KindAttendance, reason: []string{"nothing recorded yet", "5 sessions to come"}, standing: StandingOnTrack},
		{name: "joined after every session", now: time.Date(2027, 3, 10, 17, 0, 0, 0, time.UTC),
			p:        person{name: "Latest", joined: time.Date(2027, 3, 10, 16, 30, 0, 0, time.UTC)},
			eligible: false, kind: KindAttendance, reason: []string{"no counted session applies"}},
		{name: "out of reach before the end", now: time.Date(2027, 3, 10, 8, 0, 0, 0, time.UTC), p: person{name: "Gone", marks: []Status{A, A}},
			eligible: false, kind: KindAttendance, reason: []string{"0 of 2 sessions so far", "at most 3 of 5 sessions"}},
		{name: "granted by hand",
			p: person{name: "Granted", marks: []Status{P, P, A, "", P},
				override: &EligibilityOverride{Granted: true, Reason: "hospital visit, documented"}},
			eligible: true, kind: KindAttendance, overriden: true,
			reason: []string{"granted by hand: hospital visit, documented", "(3 of 5 sessions, 60% < 80%)"}},
		{name: "refused by hand",
			p: person{name: "Refused", marks: []Status{P, P, P, P, P},
				override: &EligibilityOverride{Granted: false, Reason: "signed in for a colleague"}},
			eligible: false, kind: KindAttendance, overriden: true,
			reason: []string{"refused by hand: signed in for a colleague", "(5 of 5 sessions, 100% >= 80%)"}},
		{name: "cleared override is ignored",
			p: person{name: "Cleared", marks: []Status{P, P, A, A, P},
				override: &EligibilityOverride{Record: Record{DeletedAt: &after}, Granted: true, Reason: "old"}},
			eligible: false, kind: KindAttendance, reason: []string{"3 of 5 sessions, 60% < 80%"}},
		{name: "speaker: appreciation whatever the attendance", p: person{name: "Speaker", role: RoleSpeaker, marks: []Status{A, P}},
			eligible: true, kind: KindAppreciation,
			reason: []string{"speaker: certificate of appreciation whatever the attendance", "1 of 5 sessions, 20% < 80%"}},
		{name: "facilitator", p: person{name: "Facilitator", role: RoleFacilitator},
			eligible: true, kind: KindAppreciation, reason: []string{"facilitator: certificate of appreciation"}},
		{name: "organiser", p: person{name: "Organiser", role: RoleOrganiser, marks: []Status{P, P, P, P, P}},
			eligible: true, kind: KindAppreciation, reason: []string{"organiser: certificate of appreciation"}},
		{name: "speaker refused by hand",
			p: person{name: "Cancelled", role: RoleSpeaker,
				override: &EligibilityOverride{Granted: false, Reason: "cancelled the talk"}},
			eligible: false, kind: KindAppreciation, overriden: true,
			reason: []string{"refused by hand: cancelled the talk", "speaker: certificate of appreciation"}},
		{name: "observer follows the rule", p: person{name: "Observer", role: RoleObserver, marks: []Status{P}},
			eligible: false, kind: KindAttendance, reason: []string{"1 of 5 sessions, 20% < 80%"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := eligWorkshop(t, tc.rule)
			role := tc.p.role
			if role == "" {
				role = RoleParticipant
			}
			// A bystander checks that rows come back in participant order.
			other := addPerson(d, "Bystander", RoleParticipant, time.Time{})
			id := addPerson(d, tc.p.name, role, tc.p.joined, tc.p.marks...)
			overrides := map[uuid.UUID]EligibilityOverride{}
			if tc.p.override != nil {
				o := *tc.p.override
				o.ParticipantID = id
				overrides[id] = o
			}
			now := tc.now
			if now.IsZero() {
				now = after
			}
			rows := Eligibility(d, overrides, now)
			if len(rows) != 2 || rows[0].ParticipantID != other || rows[1].ParticipantID != id {
				t.Fatalf("rows %+v: want the two participants in order", rows)
			}
			r := rows[1]
			if r.Eligible != tc.eligible || r.Kind != tc.kind || r.Role != role {
				t.Errorf("eligible %v, kind %s, role %s (reason %q); want %v, %s, %s", r.Eligible, r.Kind, r.Role, r.Reason, tc.eligible, tc.kind, role)
			}
			rest := r.Reason
			for _, want := range tc.reason {
				i := strings.Index(rest, want)
				if i < 0 {
					t.Errorf("reason %q lacks %q (in order)", r.Reason, want)
					break
				}
				rest = rest[i+len(want):]
			}
			if tc.attended != "" && r.Attended != tc.attended {
				t.Errorf("attended %q, want %q", r.Attended, tc.attended)
			}
			want := tc.standing
			if want == "" {
				want = StandingNotEligible
				if tc.eligible {
					want = StandingEligible
				}
			}
			if got := r.Standing(); got != want {
				t.Errorf("standing %q, want %q (reason %q)", got, want, r.Reason)
			}
			if (r.Override != nil) != tc.overriden {
				t.Errorf("override %+v, want overridden %v", r.Override, tc.overriden)
			}
			if !tc.overriden && (r.Eligible != r.RuleEligible || r.Reason != r.RuleReason) {
				t.Errorf("without override the decision %v %q differs from the rule's %v %q", r.Eligible, r.Reason, r.RuleEligible, r.RuleReason)
			}
		})
	}
}

func TestOverridesKeptWithHistory(t *testing.T) {
	clock := newClock(t0)
	path := t.TempDir() + "/workshops.db"
	s := openAt(t, path, Options{NoAutoBackup: true, Now: clock.Now, DeviceID: "laptop-a"})
	w := addWorkshop(t, s, "ovr-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "Grace", "Wanjiru", "")
	q := addParticipant(t, s, w, "Kwame", "Mensah", "")
	recordStatus(t, s, se, p, Absent)
	recordStatus(t, s, se, q, Present)
	later := time.Date(2027, 3, 12, 9, 0, 0, 0, time.UTC)

	for _, reason := range []string{"", "   \t"} {
		_, err := s.SetOverride(p.ID, true, reason)
		wantFieldError(t, err, "reason")
	}
	if _, err := s.SetOverride(NewID(), true, "who?"); !errors.Is(err, ErrNotFound) {
		t.Errorf("SetOverride for nobody = %v, want ErrNotFound", err)
	}

	o1, err := s.SetOverride(p.ID, true, "  medical   emergency ")
	if err != nil {
		t.Fatal(err)
	}
	if o1.Reason != "medical emergency" || o1.By != "laptop-a" || !o1.At.Equal(t0) || o1.WorkshopID != w.ID || !o1.Granted {
		t.Errorf("override %+v", o1)
	}
	rows, err := s.WorkshopEligibility(w.ID, later)
	if err != nil {
		t.Fatal(err)
	}
	if !rows[0].Eligible || rows[0].Reason != "granted by hand: medical emergency (0 of 1 session, 0% < 80%)" {
		t.Errorf("granted row: %v %q", rows[0].Eligible, rows[0].Reason)
	}
	if !rows[1].Eligible || rows[1].Override != nil {
		t.Errorf("the other participant: %+v", rows[1])
	}

	clock.Advance(time.Hour)
	if _, err := s.SetOverride(p.ID, false, "certificate sent by post instead"); err != nil {
		t.Fatal(err)
	}
	ov, err := s.Overrides(w.ID)
	if err != nil || len(ov) != 1 || ov[p.ID].Granted || ov[p.ID].Reason != "certificate sent by post instead" {
		t.Errorf("Overrides after replacing = %+v, %v", ov, err)
	}
	clock.Advance(time.Hour)
	if err := s.ClearOverride(p.ID); err != nil {
		t.Fatal(err)
	}
	if err := s.ClearOverride(p.ID); err != nil {
		t.Errorf("clearing twice: %v", err)
	}
	if err := s.ClearOverride(q.ID); err != nil {
		t.Errorf("clearing where there is none: %v", err)
	}
	s.Close()

	s = openAt(t, path, Options{NoAutoBackup: true, Now: clock.Now})
	if ov, err := s.Overrides(w.ID); err != nil || len(ov) != 0 {
		t.Errorf("Overrides after clearing and reopening = %+v, %v", ov, err)
	}
	hist, err := s.OverrideHistory(p.ID)
	if err != nil || len(hist) != 2 {
		t.Fatalf("history = %+v, %v; want 2 overrides", hist, err)
	}
	if !hist[0].Granted || hist[0].Deleted() || hist[1].Granted || !hist[1].Deleted() ||
		!hist[1].At.Equal(t0.Add(time.Hour)) || !hist[1].DeletedAt.Equal(t0.Add(2*time.Hour)) {
		t.Errorf("history: %+v", hist)
	}
	rows, _ = s.WorkshopEligibility(w.ID, later)
	if rows[0].Eligible || rows[0].Reason != "0 of 1 session, 0% < 80%" {
		t.Errorf("after clearing: %v %q", rows[0].Eligible, rows[0].Reason)
	}
	mustCheck(t, s)
}
