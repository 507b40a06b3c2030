package store

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/google/uuid"
)

// Basis is what the attendance minimum is measured in.
type Basis string

// The bases of an attendance rule.
const (
	// BasisSessions counts sessions: 7 of 9 sessions is 78%.
	BasisSessions Basis = "sessions"
	// BasisHours counts hours, each session weighing its length: 10.5 of
	// 14 hours is 75%.
	BasisHours Basis = "hours"
)

// Bases lists every basis in display order.
var Bases = []Basis{BasisSessions, BasisHours}

// The defaults of an attendance rule.
const (
	DefaultMinPercent       = 80
	DefaultLateAfterMinutes = 10
	// DefaultEarlyCheckInMinutes is how long before a session's start a
	// check-in is taken for it without asking.
	DefaultEarlyCheckInMinutes = 60
)

// AttendanceRule is what a participant must attend to earn a certificate,
// stored with the workshop (Workshop.Rule).
//
// Every field left at its zero value means the default, so the zero rule
// (as in workshops saved before rules existed) is the default rule. A field
// is a pointer exactly when its zero value is also a meaningful setting that
// differs from the default (0 %, false, 0 minutes): nil means the default,
// and new(false) or new(0) sets it explicitly. Read a rule through
// Effective, which resolves the defaults once.
type AttendanceRule struct {
	// Basis is sessions or hours; "" means sessions.
	Basis Basis `json:"basis,omitempty"`
	// MinPercent is the least share of the applicable counted sessions
	// (or hours) to attend, 0 to 100; nil means 80.
	MinPercent *int `json:"min_percent,omitempty"`
	// LateCounts tells whether a late arrival counts as attended; nil
	// means true.
	LateCounts *bool `json:"late_counts,omitempty"`
	// ExcusedCounts tells whether an excused absence counts as attended
	// (true) or as not attended (false, the default). An excused session
	// is never left out of the total.
	ExcusedCounts bool `json:"excused_counts,omitempty"`
	// MandatoryRequired tells whether missing a mandatory session makes
	// a participant ineligible whatever their share; nil means true.
	MandatoryRequired *bool `json:"mandatory_required,omitempty"`
	// LateAfterMinutes is how many minutes after a session's start a
	// check-in is still on time; a later one is Late. Nil means 10.
	LateAfterMinutes *int `json:"late_after_minutes,omitempty"`
	// EarlyCheckInMinutes is how many minutes before a session's start a
	// check-in is taken for it; an earlier one is more likely meant for
	// another session, and the desk and the CLI ask (TooEarly). Nil means
	// 60.
	EarlyCheckInMinutes *int `json:"early_checkin_minutes,omitempty"`
}

// EffectiveRule is an AttendanceRule with its defaults resolved: every
// field holds the value that applies.
type EffectiveRule struct {
	Basis             Basis
	MinPercent        int
	LateCounts        bool
	ExcusedCounts     bool
	MandatoryRequired bool
	LateAfterMinutes  int
	// EarlyCheckInMinutes is the check-in window before a session starts.
	EarlyCheckInMinutes int
}

// DefaultRule returns the rule that applies when a workshop sets none:
// sessions, 80 %, late counts, excused does not, mandatory sessions
// required, late after 10 minutes.
func DefaultRule() EffectiveRule { return AttendanceRule{}.Effective() }

// Effective returns the rule with defaults filled in for unset fields.
// Values out of range, which Validate reports, are brought into range
// (an unknown basis is sessions; the percentage is clamped to 0..100, the
// minutes to 0..1439) so that statistics never fail on an odd record.
func (r AttendanceRule) Effective() EffectiveRule {
	e := EffectiveRule{
		Basis:             BasisSessions,
		MinPercent:        DefaultMinPercent,
		LateCounts:        true,
		ExcusedCounts:     r.ExcusedCounts,
		MandatoryRequired: true,
		LateAfterMinutes:  DefaultLateAfterMinutes,

		EarlyCheckInMinutes: DefaultEarlyCheckInMinutes,
	}
	if r.Basis == BasisHours {
		e.Basis = BasisHours
	}
	if r.MinPercent != nil {
		e.MinPercent = min(max(*r.MinPercent, 0), 100)
	}
	if r.LateCounts != nil {
		e.LateCounts = *r.LateCounts
	}
	if r.MandatoryRequired != nil {
		e.MandatoryRequired = *r.MandatoryRequired
	}
	if r.LateAfterMinutes != nil {
		e.LateAfterMinutes = min(max(*r.LateAfterMinutes, 0), 24*60-1)
	}
	if r.EarlyCheckInMinutes != nil {
		e.EarlyCheckInMinutes = min(max(*r.EarlyCheckInMinutes, 0), 24*60-1)
	}
	return e
}

// Validate checks the rule and lists every problem, with fields named
// "rule.<json name>".
func (r AttendanceRule) Validate() error {
	var p problems
	if r.Basis != "" && !validEnum(r.Basis, Bases, false) {
		p.add("rule.basis", "%q is not one of sessions, hours", r.Basis)
	}
	if r.MinPercent != nil && (*r.MinPercent < 0 || *r.MinPercent > 100) {
		p.add("rule.min_percent", "the minimum must be between 0 and 100 %%, not %d", *r.MinPercent)
	}
	if r.LateAfterMinutes != nil && (*r.LateAfterMinutes < 0 || *r.LateAfterMinutes >= 24*60) {
		p.add("rule.late_after_minutes", "use 0 to 1439 minutes, not %d", *r.LateAfterMinutes)
	}
	if r.EarlyCheckInMinutes != nil && (*r.EarlyCheckInMinutes < 0 || *r.EarlyCheckInMinutes >= 24*60) {
		p.add("rule.early_checkin_minutes", "use 0 to 1439 minutes, not %d", *r.EarlyCheckInMinutes)
	}
	return p.err()
}

// Rule returns e as a stored rule with every field explicit, so that a
// later change of the defaults does not change it.
func (e EffectiveRule) Rule() AttendanceRule {
	return AttendanceRule{
		Basis:             e.Basis,
		MinPercent:        new(e.MinPercent),
		LateCounts:        new(e.LateCounts),
		ExcusedCounts:     e.ExcusedCounts,
		MandatoryRequired: new(e.MandatoryRequired),
		LateAfterMinutes:  new(e.LateAfterMinutes),

		EarlyCheckInMinutes: new(e.EarlyCheckInMinutes),
	}
}

// Attends reports whether a recorded status counts as attended under the
// rule: present always, late when LateCounts, excused when ExcusedCounts,
// absent never.
func (e EffectiveRule) Attends(st Status) bool {
	switch st {
	case Present:
		return true
	case Late:
		return e.LateCounts
	case Excused:
		return e.ExcusedCounts
	}
	return false
}

// LateAfter returns the grace period after a session's start during which
// a check-in is on time.
func (e EffectiveRule) LateAfter() time.Duration {
	return time.Duration(e.LateAfterMinutes) * time.Minute
}

// CheckInStatus returns the status of a check-in at instant now for a
// session starting at start: Late when now is more than the grace period
// after the start, otherwise Present.
func (e EffectiveRule) CheckInStatus(start, now time.Time) Status {
	if now.After(start.Add(e.LateAfter())) {
		return Late
	}
	return Present
}

// TooEarly reports whether a check-in at instant now is more than the
// rule's early check-in window before a session starting at start: then
// it is more likely meant for another session, and is not recorded
// without asking.
func (e EffectiveRule) TooEarly(start, now time.Time) bool {
	return now.Before(start.Add(-time.Duration(e.EarlyCheckInMinutes) * time.Minute))
}

// String describes the rule in words, e.g. "at least 80% of sessions; late
// counts, excused does not; mandatory sessions required; late after 10 min".
func (e EffectiveRule) String() string {
	yes := func(b bool, y, n string) string {
		if b {
			return y
		}
		return n
	}
	return fmt.Sprintf("at least %d%% of %s; late %s, excused %s; mandatory sessions %s; late after %d min",
		e.MinPercent, e.Basis, yes(e.LateCounts, "counts", "does not count"),
		yes(e.ExcusedCounts, "counts", "does not count"),
		yes(e.MandatoryRequired, "required", "not required"), e.LateAfterMinutes)
}

// CellStatus is where one participant stands at one session, as the
// attendance statistics see it.
type CellStatus uint8

// The cell statuses.
const (
	CellNone          CellStatus = iota // a break: no attendance is taken
	CellNotApplicable                   // the session started before the participant joined
	CellPending                         // no mark yet, and the session has not ended
	CellPresent                         // marked present
	CellLate                            // marked late
	CellExcused                         // marked excused
	CellAbsent                          // marked absent
	CellMissed                          // no mark, and the session has ended: counts as absent
)

var cellNames = [...]string{"", "not applicable", "pending", "present", "late", "excused", "absent", "missed"}

// String returns the status in words ("not applicable"); CellNone is "".
func (c CellStatus) String() string {
	if int(c) < len(cellNames) {
		return cellNames[c]
	}
	return fmt.Sprintf("CellStatus(%d)", uint8(c))
}

// cellOf returns the cell status of a recorded status.
func cellOf(st Status) CellStatus {
	switch st {
	case Present:
		return CellPresent
	case Late:
		return CellLate
	case Excused:
		return CellExcused
	}
	return CellAbsent
}

// ParticipantStats is one participant's standing against the attendance
// rule. Only counted sessions (Session.Counts, not a break) that apply to
// the participant (those starting at or after JoinedAt) enter the figures;
// a mark at a session that does not apply is ignored, and so is the
// Mandatory flag of a session that does not count.
//
// A session is decided once it has a mark or has ended; an unmarked
// session that has ended counts as not attended. At most one of Eligible,
// AtRisk and CannotReach is true; none is for a participant on track (at
// or above the minimum so far, with sessions still to come) or with no
// applicable session.
type ParticipantStats struct {
	Attended   int // applicable counted sessions attended under the rule
	Applicable int // applicable counted sessions, decided or not
	Pending    int // applicable counted sessions not yet decided

	AttendedTime   time.Duration // the length of the attended sessions
	ApplicableTime time.Duration // the length of the applicable sessions
	PendingTime    time.Duration // the length of the pending sessions

	// Percent is the share attended of the decided applicable sessions
	// (or of their hours, by the rule's basis), 0 to 100; 0 while nothing
	// is decided. Once nothing is pending it is the final share.
	Percent float64
	// BestPercent is the share reached by attending every pending
	// session: the most the participant can still reach.
	BestPercent float64
	// MissedMandatory lists the positions in WorkshopData.Sessions of the
	// mandatory counted sessions decided and not attended, whether or not
	// the rule requires them.
	MissedMandatory []int

	// Eligible: nothing is pending, the minimum is met and, when the rule
	// requires it, no mandatory session was missed.
	Eligible bool
	// AtRisk: below the minimum so far, but attending the pending
	// sessions can still reach it.
	AtRisk bool
	// CannotReach: even attending every pending session would not reach
	// the minimum, or a required mandatory session was missed.
	CannotReach bool
	// Reason explains the standing in numbers, e.g. "7 of 9 sessions,
	// 78% < 80%" or "9 of 10 sessions, 90% >= 80%; missed mandatory:
	// Closing plenary".
	Reason string
}

// SessionStats counts the participants of one session by status. Every
// live participant is in exactly one of Present, Late, Excused, Absent,
// Pending and NotApplicable; breaks have no counts.
type SessionStats struct {
	Counts        bool // the session counts towards the rule (Session.Counts and not a break)
	Present       int
	Late          int
	Excused       int
	Absent        int // marked absent, or unmarked once the session has ended
	NotApplicable int // joined after the session started
	Pending       int // unmarked before the session's end
	Expected      int // everyone the session applies to: all but NotApplicable
	Unmarked      int // applicable participants without a mark: Pending before the end, part of Absent after
}

// AttendanceStats is the attendance of a workshop measured against its rule
// at one instant.
type AttendanceStats struct {
	Rule EffectiveRule
	Now  time.Time
	// Participants and Sessions are in the order of WorkshopData.
	Participants []ParticipantStats
	Sessions     []SessionStats
	// Eligible, AtRisk and CannotReach count the participants so marked.
	Eligible, AtRisk, CannotReach int

	cells         []CellStatus // session-major: cells[s*nParticipants+p]
	nParticipants int
}

// Cell returns the status of participant p at session s (positions in
// WorkshopData).
func (st *AttendanceStats) Cell(p, s int) CellStatus { return st.cells[s*st.nParticipants+p] }

// tally accumulates one participant's counted sessions during Compute;
// it is small so that all of them stay in cache.
type tally struct {
	att, app, pend          int32 // sessions
	attMin, appMin, pendMin int32 // minutes
}

// Compute measures every participant of d against the workshop's attendance
// rule at instant now, session times being wall clock in the workshop's
// time zone. It takes a few milliseconds for 5,000 participants and 30
// sessions: each session's marks are turned once into a row of cells
// indexed by participant position, and the counting runs over slices.
func Compute(d *WorkshopData, now time.Time) *AttendanceStats {
	rule := d.Workshop.Rule.Effective()
	loc := d.Workshop.Location()
	nP, nS := len(d.Participants), len(d.Sessions)
	st := &AttendanceStats{
		Rule: rule, Now: now,
		Participants:  make([]ParticipantStats, nP),
		Sessions:      make([]SessionStats, nS),
		cells:         make([]CellStatus, nP*nS),
		nParticipants: nP,
	}
	pos := make(map[uuid.UUID]int32, nP)
	// joined[p] is when participant p joined, in Unix nanoseconds;
	// math.MinInt64 for everyone there from the start.
	joined := make([]int64, nP)
	for i := range d.Participants {
		p := &d.Participants[i]
		pos[p.ID] = int32(i)
		joined[i] = math.MinInt64
		if !p.JoinedAt.IsZero() {
			joined[i] = p.JoinedAt.UnixNano()
		}
	}
	var attends [CellMissed + 1]bool
	attends[CellPresent] = true
	attends[CellLate] = rule.LateCounts
	attends[CellExcused] = rule.ExcusedCounts
	acc := make([]tally, nP)
	for si := range d.Sessions {
		se := &d.Sessions[si]
		if se.Type == Break {
			continue
		}
		row := st.cells[si*nP : (si+1)*nP]
		for pid, m := range d.Marks[se.ID].All() {
			if pi, ok := pos[pid]; ok {
				row[pi] = cellOf(m.Status)
			}
		}
		start := se.StartsAt(loc).UnixNano()
		unmarked := CellPending
		if !now.Before(se.EndsAt(loc)) {
			unmarked = CellMissed
		}
		mins := int32(max(se.End-se.Start, 0))
		counted := se.Counts
		var n [CellMissed + 1]int
		for pi, c := range row {
			switch {
			case joined[pi] > start:
				c = CellNotApplicable
			case c == CellNone:
				c = unmarked
			}
			row[pi] = c
			n[c]++
			if !counted || c == CellNotApplicable {
				continue
			}
			t := &acc[pi]
			t.app++
			t.appMin += mins
			switch {
			case c == CellPending:
				t.pend++
				t.pendMin += mins
			case attends[c]:
				t.att++
				t.attMin += mins
			case se.Mandatory:
				st.Participants[pi].MissedMandatory = append(st.Participants[pi].MissedMandatory, si)
			}
		}
		st.Sessions[si] = SessionStats{
			Counts: counted, Present: n[CellPresent], Late: n[CellLate], Excused: n[CellExcused],
			Absent: n[CellAbsent] + n[CellMissed], NotApplicable: n[CellNotApplicable], Pending: n[CellPending],
			Expected: nP - n[CellNotApplicable], Unmarked: n[CellPending] + n[CellMissed],
		}
	}
	var buf []byte
	for pi := range st.Participants {
		p, t := &st.Participants[pi], &acc[pi]
		p.Attended, p.Applicable, p.Pending = int(t.att), int(t.app), int(t.pend)
		p.AttendedTime = time.Duration(t.attMin) * time.Minute
		p.ApplicableTime = time.Duration(t.appMin) * time.Minute
		p.PendingTime = time.Duration(t.pendMin) * time.Minute
		buf = st.judge(p, d.Sessions, buf[:0])
		switch {
		case p.Eligible:
			st.Eligible++
		case p.AtRisk:
			st.AtRisk++
		case p.CannotReach:
			st.CannotReach++
		}
	}
	return st
}

// judge sets the percentages, the verdict and the reason of p, using buf
// to build the reason, and returns buf for reuse.
func (st *AttendanceStats) judge(p *ParticipantStats, sessions []Session, buf []byte) []byte {
	r := st.Rule
	att, app, pend := int64(p.Attended), int64(p.Applicable), int64(p.Pending)
	if r.Basis == BasisHours {
		att, app, pend = int64(p.AttendedTime/time.Minute), int64(p.ApplicableTime/time.Minute), int64(p.PendingTime/time.Minute)
	}
	dec := app - pend
	minPct := int64(r.MinPercent)
	if app == 0 {
		p.Reason = "no counted session applies"
		return buf
	}
	if dec > 0 {
		p.Percent = 100 * float64(att) / float64(dec)
	}
	p.BestPercent = 100 * float64(att+pend) / float64(app)
	missed := r.MandatoryRequired && len(p.MissedMandatory) > 0
	unreachable := (att+pend)*100 < minPct*app
	below := att*100 < minPct*dec
	switch {
	case missed || unreachable:
		p.CannotReach = true
	case pend == 0:
		p.Eligible = true
	case dec > 0 && below:
		p.AtRisk = true
	}

	switch {
	case pend == 0:
		buf = st.appendShare(buf, att, app, "", minPct)
	case dec > 0:
		buf = st.appendShare(buf, att, dec, " so far", minPct)
		buf = append(buf, "; "...)
		buf = st.appendAmount(buf, pend)
		buf = append(buf, " to come"...)
	default:
		buf = append(buf, "nothing recorded yet; "...)
		buf = st.appendAmount(buf, pend)
		buf = append(buf, " to come"...)
	}
	if pend > 0 && unreachable {
		buf = append(buf, "; at most "...)
		buf = st.appendShare(buf, att+pend, app, "", minPct)
	}
	if missed {
		buf = append(buf, "; missed mandatory: "...)
		for i, si := range p.MissedMandatory {
			if i > 0 {
				buf = append(buf, ", "...)
			}
			buf = append(buf, sessions[si].Title...)
		}
	}
	p.Reason = string(buf)
	return buf
}

// appendShare appends "7 of 9 sessions, 78% < 80%" in the rule's basis
// (amounts in minutes for hours), with note after the unit (" so far").
func (st *AttendanceStats) appendShare(buf []byte, part, whole int64, note string, minPct int64) []byte {
	buf = st.appendNumber(buf, part)
	buf = append(buf, " of "...)
	buf = st.appendAmount(buf, whole)
	buf = append(buf, note...)
	buf = append(buf, ", "...)
	buf = appendPercent(buf, part, whole, minPct)
	if part*100 >= minPct*whole {
		buf = append(buf, "% >= "...)
	} else {
		buf = append(buf, "% < "...)
	}
	buf = strconv.AppendInt(buf, minPct, 10)
	return append(buf, '%')
}

// appendNumber appends a count of sessions, or minutes as hours with at
// most one decimal ("10.5").
func (st *AttendanceStats) appendNumber(buf []byte, v int64) []byte {
	if st.Rule.Basis != BasisHours {
		return strconv.AppendInt(buf, v, 10)
	}
	return strconv.AppendFloat(buf, RoundHours(float64(v)/60), 'f', -1, 64)
}

// RoundHours rounds hours to one decimal, halves up, as every screen and
// page shows them: 1.25 h is 1.3 everywhere (printf's %.1f would make it
// 1.2 on one screen while the certificate says 1.3).
func RoundHours(h float64) float64 { return math.Round(h*10) / 10 }

// appendAmount appends a number with its unit: "9 sessions", "1 session",
// "14 hours", "1 hour".
func (st *AttendanceStats) appendAmount(buf []byte, v int64) []byte {
	buf = st.appendNumber(buf, v)
	switch {
	case st.Rule.Basis == BasisHours && v == 60:
		return append(buf, " hour"...)
	case st.Rule.Basis == BasisHours:
		return append(buf, " hours"...)
	case v == 1:
		return append(buf, " session"...)
	}
	return append(buf, " sessions"...)
}

// appendPercent appends part/whole as a whole percentage, rounded, except
// that a share below the minimum never reads as reaching it: 79.6% below
// 80% is written "79.6", not "80".
func appendPercent(buf []byte, part, whole, minPct int64) []byte {
	if whole <= 0 {
		return append(buf, '0')
	}
	pct := 100 * float64(part) / float64(whole)
	if r := math.Round(pct); part*100 < minPct*whole && int64(r) >= minPct {
		return strconv.AppendFloat(buf, math.Floor(pct*10)/10, 'f', 1, 64)
	}
	return strconv.AppendInt(buf, int64(math.Round(pct)), 10)
}
