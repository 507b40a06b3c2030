package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// sessionFlag registers the --session flag that names a session.
func sessionFlag(fs *flag.FlagSet, ref *string) {
	fs.StringVar(ref, "session", "", "the session `S`: its number in the agenda (1 for the first), its ID or a\n"+
		"unique prefix of it, or a part of its title that only it has (case and\naccents ignored)")
}

// sessionRefHelp explains how a session is named, for the details of the
// commands that take --session.
const sessionRefHelp = `A session S is named by its number in agenda order, counting from 1 and
breaks included (as "workshopctl sessions" and "workshopctl attendance" list
them), by its ID or a prefix of the ID that only it has, or by a part of its
title that only it has, case and accents ignored ("opening").`

// findSession returns the session of w named by ref among list, the
// workshop's sessions in agenda order, with its number counting from 1.
// See sessionRefHelp for what ref may be.
func findSession(w *store.Workshop, list []store.Session, ref string) (store.Session, int, error) {
	ref = strings.TrimSpace(ref)
	if len(list) == 0 {
		return store.Session{}, 0, fmt.Errorf("%s has no sessions yet; add them with \"workshopctl add-session\"", w.Code)
	}
	n, numErr := strconv.Atoi(ref)
	if numErr == nil && n >= 1 && n <= len(list) {
		return list[n-1], n, nil
	}
	lower := strings.ToLower(ref)
	if id, err := uuid.Parse(lower); err == nil {
		for i, se := range list {
			if se.ID == id {
				return se, i + 1, nil
			}
		}
	}
	var byID []int
	if isIDPrefix(lower) {
		for i, se := range list {
			if strings.HasPrefix(se.ID.String(), lower) {
				byID = append(byID, i)
			}
		}
	}
	if len(byID) == 1 {
		return list[byID[0]], byID[0] + 1, nil
	}
	// A part of the title: an exact title wins over titles containing it.
	q := foldSpaces(ref)
	var exact, part []int
	for i, se := range list {
		switch t := foldSpaces(se.Title); {
		case q == "":
		case t == q:
			exact = append(exact, i)
		case strings.Contains(t, q):
			part = append(part, i)
		}
	}
	if len(exact) == 1 {
		return list[exact[0]], exact[0] + 1, nil
	}
	switch found := append(exact, part...); {
	case len(found) == 1:
		return list[found[0]], found[0] + 1, nil
	case len(found) > 1:
		return store.Session{}, 0, fmt.Errorf("%q matches %d sessions of %s: %s; give its number or more of the title",
			ref, len(found), w.Code, sessionCandidates(list, found))
	case len(byID) > 1:
		return store.Session{}, 0, fmt.Errorf("%d sessions of %s have IDs starting with %q; give more of the ID", len(byID), w.Code, ref)
	case numErr == nil:
		return store.Session{}, 0, fmt.Errorf("%s has no session %d: its sessions are numbered 1 to %d", w.Code, n, len(list))
	}
	return store.Session{}, 0, fmt.Errorf("no session of %s has the number, ID or title %q; \"workshopctl sessions --workshop %s\" lists them",
		w.Code, ref, w.Code)
}

// sessionCandidates lists the sessions at the positions found as
// `3 “Title” (2027-03-01 09:00)`, at most eight of them.
func sessionCandidates(list []store.Session, found []int) string {
	const most = 8
	parts := make([]string, 0, min(len(found), most)+1)
	for _, i := range found[:min(len(found), most)] {
		se := list[i]
		parts = append(parts, fmt.Sprintf("%d “%s” (%s %s)", i+1, se.Title, se.Date, se.Start))
	}
	if len(found) > most {
		parts = append(parts, fmt.Sprintf("and %d more", len(found)-most))
	}
	return strings.Join(parts, ", ")
}

// isIDPrefix reports whether s could be the start of a UUID as printed:
// hexadecimal digits and dashes.
func isIDPrefix(s string) bool {
	if s == "" || len(s) > 36 {
		return false
	}
	for _, r := range s {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r == '-') {
			return false
		}
	}
	return true
}

// foldSpaces folds s as store.Fold does (case and accents ignored) and
// collapses runs of spaces, for matching titles.
func foldSpaces(s string) string { return strings.Join(strings.Fields(store.Fold(s)), " ") }

// findParticipant returns the participant of w named by a badge code
// (code), or else by an ID or a prefix of an ID that only they have (ref).
func findParticipant(st *store.Store, w *store.Workshop, ref, code string) (store.Participant, error) {
	if code != "" {
		p, err := st.ParticipantByBadge(w.ID, code)
		if errors.Is(err, store.ErrNotFound) {
			return p, fmt.Errorf("no participant of %s has the badge code %q", w.Code, code)
		}
		return p, err
	}
	list, err := st.Participants(w.ID)
	if err != nil {
		return store.Participant{}, fmt.Errorf("read the participants of %s: %w", w.Code, err)
	}
	ref = strings.ToLower(strings.TrimSpace(ref))
	var found []int
	for i, p := range list {
		if id := p.ID.String(); id == ref || isIDPrefix(ref) && strings.HasPrefix(id, ref) {
			found = append(found, i)
		}
	}
	switch {
	case len(found) == 1:
		return list[found[0]], nil
	case len(found) > 1:
		return store.Participant{}, fmt.Errorf("%d participants of %s have IDs starting with %q; give more of the ID, or --code", len(found), w.Code, ref)
	}
	return store.Participant{}, fmt.Errorf("no participant of %s has the ID %q; \"workshopctl participants --workshop %s --json\" lists their IDs",
		w.Code, ref, w.Code)
}

// statusFlag is the value of --status: an attendance status.
type statusFlag store.Status

func (s *statusFlag) String() string { return string(*s) }

// Set accepts a status by its name, ignoring case.
func (s *statusFlag) Set(v string) error {
	st, err := store.ParseEnum(v, store.Statuses)
	if err != nil {
		return err
	}
	if st == "" {
		return errors.New("the status is empty: use present, late, excused or absent")
	}
	*s = statusFlag(st)
	return nil
}

// checkinCommand checks a participant in at a session, or records their
// status there.
var checkinCommand = &command{
	name:     "checkin",
	synopsis: "--workshop W --session S (--participant ID|--code CODE) [--status STATUS] [--note TEXT] [--any-day] [--early]",
	summary:  "check a participant in at a session, or record their attendance there",
	details: `Without --status, records the arrival now: present, or late when it is more
than the workshop's grace period after the session's start (as at the check-in
desk). Someone already present or late is left as they are: the command says
when they checked in and records nothing, so a badge scanned twice never counts
twice. An excused or absent mark is replaced, since the person is here. A check-in
at a session held on another day than today (in the workshop's time zone) is
refused as a likely slip unless --any-day is given. So is a check-in more than
the workshop's early check-in window (60 minutes by default) before the
session starts: the message names the session running now or next today;
--early checks in anyway.

With --status, records that status (and --note) whatever was there before;
the earlier status stays in the attendance history. The same status and note
again record nothing.

The participant is named by their badge code (--code, as printed or scanned;
case and dashes ignored) or by their ID or a prefix of it that only they have
(--participant).

` + sessionRefHelp + `

Prints "Abebe Bekele: present at 09:03 (Opening plenary)"; with --json, the
attendance record with the participant's name and badge code, the session's
title and "recorded": false when nothing was written.`,
	required: []string{"workshop", "session"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f checkinFlags
		workshopFlag(fs, &f.workshop)
		sessionFlag(fs, &f.session)
		fs.StringVar(&f.participant, "participant", "", "the participant's `ID`, or a unique prefix of it")
		fs.StringVar(&f.code, "code", "", "the participant's badge `CODE`")
		fs.Var(&f.status, "status", "record this `STATUS` (present, late, excused or absent) instead of\nchecking in now")
		fs.StringVar(&f.note, "note", "", "a `TEXT` to keep with --status, e.g. why someone is excused")
		fs.BoolVar(&f.anyDay, "any-day", false, "check in even when the session is not held today")
		fs.BoolVar(&f.early, "early", false, "check in even more than the early check-in window before the\nsession starts")
		return func([]string) error { return c.checkin(f) }
	},
}

// checkinFlags holds the flags of checkin as typed.
type checkinFlags struct {
	workshop, session, participant, code, note string
	status                                     statusFlag
	anyDay, early                              bool
}

// checkinJSON is what checkin prints with --json.
type checkinJSON struct {
	store.Attendance
	ParticipantName string `json:"participant_name"`
	BadgeCode       string `json:"badge_code"`
	SessionTitle    string `json:"session_title"`
	// Recorded is false when nothing was written: already checked in, or
	// the same status and note again.
	Recorded bool `json:"recorded"`
}

// checkin checks a participant in, or records their status, and says
// what was recorded.
func (c *cli) checkin(f checkinFlags) (err error) {
	f.participant, f.code = strings.TrimSpace(f.participant), strings.TrimSpace(f.code)
	switch {
	case f.participant == "" && f.code == "":
		return usageError{"name the participant with --participant ID or --code CODE"}
	case f.participant != "" && f.code != "":
		return usageError{"give --participant or --code, not both"}
	case strings.TrimSpace(f.note) != "" && f.status == "":
		return usageError{"--note needs --status: a check-in records no note"}
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := findWorkshop(st, f.workshop)
	if err != nil {
		return err
	}
	sessions, err := st.Sessions(w.ID)
	if err != nil {
		return fmt.Errorf("list the sessions of %s: %w", w.Code, err)
	}
	se, _, err := findSession(&w, sessions, f.session)
	if err != nil {
		return err
	}
	if se.Type == store.Break {
		return fmt.Errorf("“%s” is a break: no attendance is taken there", se.Title)
	}
	p, err := findParticipant(st, &w, f.participant, f.code)
	if err != nil {
		return err
	}

	var rec store.Attendance
	recorded := true
	if today := store.DateOf(time.Now().In(w.Location())); f.status == "" && se.Date != today && !f.anyDay {
		return fmt.Errorf("“%s” is held on %s, not today (%s): a check-in records an arrival now; "+
			"to record another day's attendance give --status, or give --any-day to check in anyway", se.Title, se.Date, today)
	}
	if f.status == "" && !f.early {
		if err := store.CheckInWindow(&w, sessions, se, time.Now()); err != nil {
			return fmt.Errorf("%s not checked in: %w; give --early to check in anyway", p.FullName(), err)
		}
	}
	if f.status == "" {
		res, err := st.CheckIn(se.ID, p.ID, time.Time{})
		if err != nil {
			return fmt.Errorf("%s not checked in at “%s”: %w", p.FullName(), se.Title, err)
		}
		rec, recorded = res.Attendance, !res.Already()
	} else {
		prev, err := st.Attendance(se.ID, p.ID)
		had := err == nil
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return fmt.Errorf("read the attendance of %s at “%s”: %w", p.FullName(), se.Title, err)
		}
		rec = store.Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: store.Status(f.status), Note: f.note}
		if err := st.RecordAttendance(&rec); err != nil {
			return fmt.Errorf("%s at “%s” not recorded: %w", p.FullName(), se.Title, withoutFields(err))
		}
		// RecordAttendance returns the current record untouched when it
		// already had this status and note.
		recorded = !(had && rec.ID == prev.ID && rec.UpdatedAt.Equal(prev.UpdatedAt))
	}

	if c.json {
		return c.printJSON(checkinJSON{Attendance: rec, ParticipantName: p.FullName(), BadgeCode: p.BadgeCode,
			SessionTitle: se.Title, Recorded: recorded})
	}
	when := recordedWhen(&w, se, rec.RecordedAt)
	switch {
	case !recorded && f.status == "":
		c.printf("%s: already checked in at %s; nothing recorded\n", p.FullName(), when)
	case !recorded:
		c.printf("%s: already %s since %s (%s); nothing recorded\n", p.FullName(), rec.Status, when, se.Title)
	default:
		c.printf("%s: %s at %s (%s)", p.FullName(), rec.Status, when, se.Title)
		if rec.Note != "" {
			c.printf("; note: %s", cleanCell(rec.Note))
		}
		c.printf("\n")
	}
	return nil
}

// recordedWhen formats when a mark was recorded, in the workshop's time
// zone: "09:03" on the session's day, "2027-03-02 14:10" on another.
func recordedWhen(w *store.Workshop, se store.Session, t time.Time) string {
	t = t.In(w.Location())
	if store.DateOf(t) != se.Date {
		return t.Format("2006-01-02 15:04")
	}
	return t.Format("15:04")
}

// attendanceCommand shows where every participant stands against the
// attendance rule, and the counts of every session.
var attendanceCommand = &command{
	name:     "attendance",
	synopsis: "--workshop W",
	summary:  "show each participant's standing for the certificate, and session counts",
	details: `Measures every participant against the workshop's attendance rule now: the
counted sessions attended of those that apply to them (a late joiner's start
later), their hours, the share attended of what is decided so far (by the
rule's basis; SESSIONS and HOURS read "attended/decided +to come"), and the
standing for a certificate, counted and worded as in the app and the
attendance report: eligible (the minimum met with nothing left to come, a
speaker, facilitator or organiser once a session has been held, or granted
by hand), on track, at risk (below the minimum so far but able to reach it)
or not eligible, with the reason in numbers.

Then, per session in agenda order (numbered as --session takes them): how
many are present, late, excused, absent (marked, or unmarked once the session
has ended), not applicable (joined later), pending (unmarked before the end)
and expected. Breaks take no attendance.

With --json, prints one object: the rule, "participants" and "sessions".`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.attendance(ref) }
	},
}

// ruleJSON is the attendance rule in effect, for --json.
type ruleJSON struct {
	Basis             store.Basis `json:"basis"`
	MinPercent        int         `json:"min_percent"`
	LateCounts        bool        `json:"late_counts"`
	ExcusedCounts     bool        `json:"excused_counts"`
	MandatoryRequired bool        `json:"mandatory_required"`
	LateAfterMinutes  int         `json:"late_after_minutes"`
	Text              string      `json:"text"`
}

// participantStatsJSON is one participant's standing, for --json.
type participantStatsJSON struct {
	ID              uuid.UUID `json:"id"`
	BadgeCode       string    `json:"badge_code"`
	Name            string    `json:"name"`
	Attended        int       `json:"attended"`
	Applicable      int       `json:"applicable"`
	Pending         int       `json:"pending"`
	AttendedHours   float64   `json:"attended_hours"`
	ApplicableHours float64   `json:"applicable_hours"`
	PendingHours    float64   `json:"pending_hours"`
	Percent         float64   `json:"percent"`
	BestPercent     float64   `json:"best_percent"`
	// Status is the standing for a certificate: eligible, on_track,
	// at_risk or not_eligible; Eligible is status eligible. AtRisk and
	// CannotReach are the attendance rule's own findings.
	Status          string   `json:"status"`
	Kind            string   `json:"kind"`
	Eligible        bool     `json:"eligible"`
	AtRisk          bool     `json:"at_risk"`
	CannotReach     bool     `json:"cannot_reach"`
	MissedMandatory []string `json:"missed_mandatory"`
	Reason          string   `json:"reason"`
}

// sessionStatsJSON is one session's counts, for --json.
type sessionStatsJSON struct {
	Number        int               `json:"number"`
	ID            uuid.UUID         `json:"id"`
	Date          store.Date        `json:"date"`
	Start         store.Clock       `json:"start"`
	End           store.Clock       `json:"end"`
	Title         string            `json:"title"`
	Type          store.SessionType `json:"type"`
	Counts        bool              `json:"counts"`
	Mandatory     bool              `json:"mandatory"`
	Present       int               `json:"present"`
	Late          int               `json:"late"`
	Excused       int               `json:"excused"`
	Absent        int               `json:"absent"`
	NotApplicable int               `json:"not_applicable"`
	Pending       int               `json:"pending"`
	Expected      int               `json:"expected"`
	Unmarked      int               `json:"unmarked"`
}

// attendanceJSON is what attendance prints with --json.
type attendanceJSON struct {
	Workshop     string                 `json:"workshop"`
	Now          time.Time              `json:"now"`
	Rule         ruleJSON               `json:"rule"`
	Eligible     int                    `json:"eligible"`
	Appreciation int                    `json:"appreciation"` // of eligible
	OnTrack      int                    `json:"on_track"`
	AtRisk       int                    `json:"at_risk"`
	NotEligible  int                    `json:"not_eligible"`
	Participants []participantStatsJSON `json:"participants"`
	Sessions     []sessionStatsJSON     `json:"sessions"`
}

// attendance prints the attendance statistics of the workshop named by ref.
func (c *cli) attendance(ref string) error {
	d, ov, err := c.loadWithOverrides(ref)
	if err != nil {
		return err
	}
	now := time.Now()
	stats := store.Compute(d, now)
	rows := store.EligibilityOf(d, stats, ov)
	if c.json {
		return c.printJSON(newAttendanceJSON(d, stats, rows))
	}

	w := &d.Workshop
	c.printf("%s – %s\nRule: %s\n", w.Code, w.Title, stats.Rule)
	c.printf("As of %s (%s): %s\n\n", now.In(w.Location()).Format("2006-01-02 15:04"), w.Location(), store.CountStandings(rows))
	if len(d.Participants) == 0 {
		c.printf("%s has no participants yet\n", w.Code)
	} else {
		t := newTable("BADGE", "NAME", "SESSIONS", "HOURS", "%", "STATUS", "REASON").alignRight(2, 3, 4)
		for i, p := range d.Participants {
			ps := &stats.Participants[i]
			t.add(p.BadgeCode, p.FullName(), ps.SessionsText(), ps.HoursText(), ps.PercentText(stats.Rule.MinPercent),
				string(rows[i].Standing()), rows[i].Reason)
		}
		if err := t.write(c.stdout); err != nil {
			return err
		}
	}
	c.printf("\n")
	if len(d.Sessions) == 0 {
		c.printf("%s has no sessions yet\n", w.Code)
		return nil
	}
	t := newTable("#", "DATE", "TIME", "TITLE", "PRESENT", "LATE", "EXCUSED", "ABSENT", "N/A", "PENDING", "EXPECTED").
		alignRight(0, 4, 5, 6, 7, 8, 9, 10)
	for i, se := range d.Sessions {
		row := []string{strconv.Itoa(i + 1), se.Date.String(), timeRange(se), se.Title}
		if se.Type == store.Break {
			t.add(append(row, "–", "–", "–", "–", "–", "–", "–")...)
			continue
		}
		ss := stats.Sessions[i]
		if !ss.Counts {
			row[3] += " (does not count)"
		}
		for _, n := range []int{ss.Present, ss.Late, ss.Excused, ss.Absent, ss.NotApplicable, ss.Pending, ss.Expected} {
			row = append(row, strconv.Itoa(n))
		}
		t.add(row...)
	}
	return t.write(c.stdout)
}

// newAttendanceJSON turns the statistics into what --json prints.
func newAttendanceJSON(d *store.WorkshopData, stats *store.AttendanceStats, rows []store.EligibilityRow) attendanceJSON {
	r := stats.Rule
	n := store.CountStandings(rows)
	out := attendanceJSON{
		Workshop: d.Workshop.Code, Now: stats.Now,
		Rule: ruleJSON{Basis: r.Basis, MinPercent: r.MinPercent, LateCounts: r.LateCounts, ExcusedCounts: r.ExcusedCounts,
			MandatoryRequired: r.MandatoryRequired, LateAfterMinutes: r.LateAfterMinutes, Text: r.String()},
		Eligible: n.Eligible, Appreciation: n.Appreciation, OnTrack: n.OnTrack, AtRisk: n.AtRisk, NotEligible: n.NotEligible,
		Participants: make([]participantStatsJSON, len(d.Participants)),
		Sessions:     make([]sessionStatsJSON, len(d.Sessions)),
	}
	for i, p := range d.Participants {
		ps := &stats.Participants[i]
		missed := make([]string, len(ps.MissedMandatory))
		for j, si := range ps.MissedMandatory {
			missed[j] = d.Sessions[si].Title
		}
		out.Participants[i] = participantStatsJSON{
			ID: p.ID, BadgeCode: p.BadgeCode, Name: p.FullName(),
			Attended: ps.Attended, Applicable: ps.Applicable, Pending: ps.Pending,
			AttendedHours: hours(ps.AttendedTime), ApplicableHours: hours(ps.ApplicableTime), PendingHours: hours(ps.PendingTime),
			Percent: round2(ps.Percent), BestPercent: round2(ps.BestPercent),
			Status: strings.ReplaceAll(string(rows[i].Standing()), " ", "_"), Kind: string(rows[i].Kind), Eligible: rows[i].Eligible,
			AtRisk: ps.AtRisk, CannotReach: ps.CannotReach, MissedMandatory: missed, Reason: rows[i].Reason,
		}
	}
	for i, se := range d.Sessions {
		ss := stats.Sessions[i]
		out.Sessions[i] = sessionStatsJSON{
			Number: i + 1, ID: se.ID, Date: se.Date, Start: se.Start, End: se.End, Title: se.Title, Type: se.Type,
			Counts: ss.Counts, Mandatory: se.Mandatory, Present: ss.Present, Late: ss.Late, Excused: ss.Excused,
			Absent: ss.Absent, NotApplicable: ss.NotApplicable, Pending: ss.Pending, Expected: ss.Expected, Unmarked: ss.Unmarked,
		}
	}
	return out
}

// hours returns a duration in hours, to two decimals.
func hours(d time.Duration) float64 { return round2(d.Hours()) }

// round2 rounds v to two decimals.
func round2(v float64) float64 { return math.Round(v*100) / 100 }

// loadWorkshop reads the workshop named by ref with its sessions,
// participants and attendance, and closes the data file again, so that
// it is not held while a PDF is made.
func (c *cli) loadWorkshop(ref string) (d *store.WorkshopData, err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return nil, err
	}
	defer closeStore(st, &err)
	d, err = st.LoadWorkshop(w.ID)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", w.Code, err)
	}
	return d, nil
}
