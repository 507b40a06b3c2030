package importer

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// An attendance file holds one mark a row: who (badge code or email),
// which session (its number in the agenda, from 1, or its title), the
// status, and optionally when it was recorded and a note. Its first row
// with data is the header; columns are found by their headings in English,
// French or Spanish.

// Attendance fields, as PlanAttendance finds them in the header.
const (
	AttBadge   = "badge_code"
	AttEmail   = "email"
	AttSession = "session"
	AttStatus  = "status"
	AttTime    = "time"
	AttNote    = "note"
)

// attendanceHeadings maps a compacted heading (lower case, letters and
// digits only, see compact) to its field.
var attendanceHeadings = map[string]string{
	"badge": AttBadge, "badgecode": AttBadge, "code": AttBadge, "codebadge": AttBadge, "codigo": AttBadge, "gafete": AttBadge,
	"email": AttEmail, "emailaddress": AttEmail, "mail": AttEmail, "courriel": AttEmail, "correo": AttEmail, "correoelectronico": AttEmail,
	"session": AttSession, "sessionnumber": AttSession, "sessiontitle": AttSession, "seance": AttSession, "sesion": AttSession,
	"status": AttStatus, "statut": AttStatus, "estado": AttStatus, "attendance": AttStatus, "presence": AttStatus, "asistencia": AttStatus,
	"time": AttTime, "recordedat": AttTime, "heure": AttTime, "hora": AttTime, "checkedin": AttTime,
	"note": AttNote, "notes": AttNote, "remarque": AttNote, "nota": AttNote, "comment": AttNote, "commentaire": AttNote,
}

// attendanceStatuses maps a status as people write it to its value.
var attendanceStatuses = map[string]store.Status{
	"present": store.Present, "p": store.Present, "presente": store.Present,
	"late": store.Late, "l": store.Late, "retard": store.Late, "enretard": store.Late, "tarde": store.Late, "r": store.Late,
	"excused": store.Excused, "e": store.Excused, "excuse": store.Excused, "justificado": store.Excused, "excusado": store.Excused, "justifie": store.Excused,
	"absent": store.Absent, "a": store.Absent, "ausente": store.Absent,
}

// AttendanceProblem is a row of an attendance file that cannot be
// imported, and why.
type AttendanceProblem struct {
	Row    int    `json:"row"` // as a spreadsheet numbers rows
	Reason string `json:"reason"`
}

// AttendancePlan is what importing an attendance file would do.
type AttendancePlan struct {
	Columns  map[string]int // field → column (from 0)
	Marks    []*store.Attendance
	Rows     []int // the file row of each mark
	Problems []AttendanceProblem
	// New, Changed and Unchanged count the marks by what they do to the
	// workshop's current attendance (a change of note alone is Changed).
	New, Changed, Unchanged int
}

// PlanAttendance reads the marks of t for the workshop d (as LoadWorkshop
// returns it) and names the problem of
// each row that cannot be imported: an unknown badge code or email, an
// unknown session, a status that is not one, a time that cannot be read,
// or a second row for the same participant and session. It writes
// nothing.
func PlanAttendance(t *Table, d *store.WorkshopData) (*AttendancePlan, error) {
	if len(t.Rows) == 0 {
		return nil, ErrEmpty
	}
	p := &AttendancePlan{Columns: map[string]int{}}
	for i, h := range t.Rows[0].Cells {
		if f, ok := attendanceHeadings[compact(h)]; ok {
			if _, dup := p.Columns[f]; !dup {
				p.Columns[f] = i
			}
		}
	}
	_, badge := p.Columns[AttBadge]
	_, email := p.Columns[AttEmail]
	var missing []string
	if !badge && !email {
		missing = append(missing, "a badge code or email column")
	}
	for _, f := range []string{AttSession, AttStatus} {
		if _, ok := p.Columns[f]; !ok {
			missing = append(missing, "a "+f+" column")
		}
	}
	if len(missing) > 0 {
		return nil, fmt.Errorf("row %d, the header: %s is missing (headings such as Badge code, Email, Session, Status, Time, Note)",
			t.Rows[0].Num, strings.Join(missing, " and "))
	}

	loc := d.Workshop.Location()
	byBadge := make(map[string]*store.Participant, len(d.Participants))
	byEmail := make(map[string]*store.Participant, len(d.Participants))
	for i := range d.Participants {
		pp := &d.Participants[i]
		byBadge[store.NormalizeBadgeCode(pp.BadgeCode)] = pp
		if e := strings.ToLower(strings.TrimSpace(pp.Email)); e != "" {
			byEmail[e] = pp
		}
	}
	byTitle := map[string][]int{}
	for i, se := range d.Sessions {
		k := strings.ToLower(strings.TrimSpace(se.Title))
		byTitle[k] = append(byTitle[k], i)
	}
	cell := func(r Row, f string) string {
		if i, ok := p.Columns[f]; ok && i < len(r.Cells) {
			return strings.TrimSpace(r.Cells[i])
		}
		return ""
	}
	seen := make(map[[2]uuid.UUID]int, len(t.Rows))
	for _, r := range t.Rows[1:] {
		var why []string
		var who *store.Participant
		if b := cell(r, AttBadge); b != "" {
			if who = byBadge[store.NormalizeBadgeCode(b)]; who == nil {
				why = append(why, fmt.Sprintf("unknown badge code %q", b))
			}
		} else if e := cell(r, AttEmail); e != "" {
			if who = byEmail[strings.ToLower(e)]; who == nil {
				why = append(why, fmt.Sprintf("unknown email %q", e))
			}
		} else {
			why = append(why, "no badge code or email")
		}
		se, err := findSession(d.Sessions, byTitle, cell(r, AttSession))
		if err != nil {
			why = append(why, err.Error())
		}
		raw := cell(r, AttStatus)
		st, ok := attendanceStatuses[compact(raw)]
		if !ok {
			why = append(why, fmt.Sprintf("bad status %q (present, late, excused or absent)", raw))
		}
		var at time.Time
		if s := cell(r, AttTime); s != "" {
			if at, err = markTime(s, se, loc); err != nil {
				why = append(why, err.Error())
			}
		}
		if who != nil && se != nil {
			k := [2]uuid.UUID{se.ID, who.ID}
			if first, dup := seen[k]; dup {
				why = append(why, fmt.Sprintf("duplicate row: row %d already marks %s at %q", first, who.FullName(), se.Title))
			} else {
				seen[k] = r.Num
			}
		}
		a := &store.Attendance{Status: st, RecordedAt: at, Note: cell(r, AttNote)}
		if err := store.ValidateAttendance(a); err != nil && ok {
			why = append(why, err.Error())
		}
		if len(why) > 0 {
			p.Problems = append(p.Problems, AttendanceProblem{r.Num, strings.Join(why, "; ")})
			continue
		}
		a.SessionID, a.ParticipantID = se.ID, who.ID
		p.Marks = append(p.Marks, a)
		p.Rows = append(p.Rows, r.Num)
		switch m, ok := d.Marks[se.ID].Get(who.ID); {
		case !ok:
			p.New++
		case m.Status != st:
			p.Changed++
		default:
			p.Unchanged++
		}
	}
	return p, nil
}

// findSession finds a session by its number in the agenda (from 1) or
// its title (case ignored).
func findSession(sessions []store.Session, byTitle map[string][]int, s string) (*store.Session, error) {
	if s == "" {
		return nil, errors.New("no session")
	}
	if n, err := strconv.Atoi(s); err == nil {
		if n < 1 || n > len(sessions) {
			return nil, fmt.Errorf("unknown session %d (the agenda has %d)", n, len(sessions))
		}
		return &sessions[n-1], nil
	}
	switch idx := byTitle[strings.ToLower(s)]; len(idx) {
	case 0:
		return nil, fmt.Errorf("unknown session %q", s)
	case 1:
		return &sessions[idx[0]], nil
	default:
		return nil, fmt.Errorf("%d sessions are called %q: give its number instead", len(idx), s)
	}
}

// markTime reads when a mark was recorded: a date and time on the
// workshop's clock, an instant with its offset, or a time alone on the
// session's day.
func markTime(s string, se *store.Session, loc *time.Location) (time.Time, error) {
	if c, err := store.ParseClock(s); err == nil {
		if se == nil {
			return time.Time{}, nil
		}
		return se.Date.In(c, loc), nil
	}
	t, err := store.ParseDateTime(s, loc)
	if err != nil {
		return time.Time{}, fmt.Errorf("bad time: %w", err)
	}
	return t, nil
}

// CommitAttendance records the plan's marks in one transaction, through
// the store's one write path for marks: all or none. A plan with problems
// is refused: nothing is written until the file is corrected.
func CommitAttendance(st *store.Store, p *AttendancePlan) error {
	if len(p.Problems) > 0 {
		return fmt.Errorf("nothing was imported: %d rows have problems; correct them and import again", len(p.Problems))
	}
	if err := st.RecordAttendances(p.Marks); err != nil {
		return fmt.Errorf("nothing was imported: %w", err)
	}
	return nil
}

// sortedFields lists the fields found, in column order.
func (p *AttendancePlan) sortedFields() []string {
	var list []string
	for f := range p.Columns {
		list = append(list, f)
	}
	slices.SortFunc(list, func(a, b string) int { return p.Columns[a] - p.Columns[b] })
	return list
}

// Fields lists the fields found in the header, in column order, each with
// its column letter: "badge_code (A)".
func (p *AttendancePlan) Fields() []string {
	var out []string
	for _, f := range p.sortedFields() {
		out = append(out, fmt.Sprintf("%s (%s)", f, columnName(p.Columns[f])))
	}
	return out
}
