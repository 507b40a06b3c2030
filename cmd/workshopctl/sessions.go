package main

import (
	"flag"
	"fmt"
	"strconv"
	"strings"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// workshopFlag registers the --workshop flag that names a workshop.
func workshopFlag(fs *flag.FlagSet, ref *string) {
	fs.StringVar(ref, "workshop", "", "the workshop `W`: its code, ID or a unique prefix of its ID")
}

// addSessionCommand adds a session to a workshop's agenda.
var addSessionCommand = &command{
	name:     "add-session",
	synopsis: "--workshop W --date YYYY-MM-DD --start HH:MM --end HH:MM --title TITLE [--type TYPE] [--speakers SPEAKERS] [--room ROOM] [--mandatory] [--no-count]",
	summary:  "add a session to a workshop's agenda",
	details: `The session counts towards the certificate unless it is a break or
--no-count is given. Prints the new session and its ID, and a note when the
start or end is a time that summer time skips that day (read as the clocks
show it after the jump: 00:30 is 01:30 when they go from 00:00 to 01:00) or
repeats (the first; a check-in is late only after the second).`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f sessionFlags
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.date, "date", "", "the day, `YYYY-MM-DD`, within the workshop's dates")
		fs.StringVar(&f.start, "start", "", "the start time, `HH:MM` (24-hour, in the workshop's time zone)")
		fs.StringVar(&f.end, "end", "", "the end time, `HH:MM`")
		fs.StringVar(&f.title, "title", "", "the session's `TITLE`")
		fs.StringVar(&f.kind, "type", "", "the session `TYPE`: "+sessionTypeList()+"\n(default plenary)")
		fs.StringVar(&f.speakers, "speakers", "", "the `SPEAKERS`, separated by semicolons")
		fs.StringVar(&f.room, "room", "", "the `ROOM`")
		fs.BoolVar(&f.mandatory, "mandatory", false, "the session must be attended for a certificate")
		fs.BoolVar(&f.noCount, "no-count", false, "the session does not count towards the certificate\n(breaks never count)")
		return func([]string) error { return c.addSession(f) }
	},
}

// sessionFlags holds the flags of add-session as typed.
type sessionFlags struct {
	workshop, date, start, end, title, kind, speakers, room string
	mandatory, noCount                                      bool
}

// sessionTypeList returns the session types as "plenary|panel|...".
func sessionTypeList() string {
	names := make([]string, len(store.SessionTypes))
	for i, t := range store.SessionTypes {
		names[i] = string(t)
	}
	return strings.Join(names, "|")
}

// session turns the flags into a session of workshop w, with the problems
// found in them by field. It counts towards the certificate unless it is a
// break or --no-count is given.
func (f sessionFlags) session(w *store.Workshop) (store.Session, store.ValidationError) {
	se := store.Session{WorkshopID: w.ID, Title: f.title, Speakers: f.speakers, Room: f.room, Mandatory: f.mandatory}
	var problems store.ValidationError
	add := func(field, msg string) { problems = append(problems, store.FieldError{Field: field, Message: msg}) }
	if f.date != "" {
		d, err := store.ParseDate(f.date)
		if err != nil {
			add("date", err.Error())
		}
		se.Date = d
	}
	for _, c := range []struct {
		text, field, what string
		to                *store.Clock
	}{{f.start, "start", "a start", &se.Start}, {f.end, "end", "an end", &se.End}} {
		if c.text == "" {
			add(c.field, c.what+" time is required, HH:MM")
			continue
		}
		v, err := store.ParseClock(c.text)
		if err != nil {
			add(c.field, err.Error())
		}
		*c.to = v
	}
	kind, err := store.ParseEnum(f.kind, store.SessionTypes)
	if err != nil {
		add("type", err.Error())
	}
	se.Type = kind
	se.Normalize()
	se.Counts = se.Type != store.Break && !f.noCount
	return se, problems
}

// addSession saves a new session and prints it.
func (c *cli) addSession(f sessionFlags) (err error) {
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := findWorkshop(st, f.workshop)
	if err != nil {
		return err
	}
	se, problems := f.session(&w)
	if len(problems) > 0 {
		return notSaved("session", mergeProblems(problems, se.Validate(&w)), sessionFields)
	}
	if err := st.SaveSession(&se); err != nil {
		return notSaved("session", err, sessionFields)
	}
	if c.json {
		return c.printJSON(se)
	}
	c.printf("added session %q to %s on %s, %s, with ID %s\n", se.Title, w.Code, se.Date, timeRange(se), se.ID)
	// A time that summer time skips or repeats that day: saved, with a
	// note saying what the session does, as the app's form warns.
	for _, m := range se.ClockWarnings(&w) {
		c.printf("note: %s\n", m)
	}
	// The agenda may hold a clash on purpose for a while (rooms still to
	// be settled): say so, as the app does, without refusing.
	list, err := st.Sessions(w.ID)
	if err != nil { // the session is saved: a warning, not a failure
		c.printf("note: the agenda could not be read to look for room clashes: %v\n", err)
		return nil
	}
	for _, id := range store.Overlaps(list)[se.ID] {
		for i, other := range list {
			if other.ID == id {
				c.printf("note: %s is also taken by session %d “%s”, %s\n", se.Room, i+1, other.Title, timeRange(other))
			}
		}
	}
	return nil
}

// sessionsCommand lists a workshop's agenda.
var sessionsCommand = &command{
	name:     "sessions",
	synopsis: "--workshop W",
	summary:  "list a workshop's sessions in agenda order",
	details: `Lists each session's number (as "checkin --session N" takes it), date,
time, title, type, room and whether it counts towards the certificate (and
must be attended). Sessions held in the same room at overlapping times are
flagged "clash with N", and a line at the end counts them.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.sessions(ref) }
	},
}

// sessions prints the agenda of the workshop named by ref.
func (c *cli) sessions(ref string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	list, err := st.Sessions(w.ID)
	if err != nil {
		return fmt.Errorf("list the sessions of %s: %w", w.Code, err)
	}
	if c.json {
		return c.printJSON(orEmpty(list))
	}
	if len(list) == 0 {
		c.printf("%s has no sessions yet; add them with \"workshopctl add-session\"\n", w.Code)
		return nil
	}
	number := make(map[uuid.UUID]int, len(list))
	for i, se := range list {
		number[se.ID] = i + 1
	}
	clashes := store.Overlaps(list)
	t := newTable("#", "DATE", "TIME", "TITLE", "TYPE", "ROOM", "COUNTS").alignRight(0)
	for i, se := range list {
		counts := yesNo(se.Counts)
		if se.Mandatory {
			counts += ", mandatory"
		}
		room := se.Room
		if with := clashes[se.ID]; len(with) > 0 {
			nums := make([]string, len(with))
			for k, id := range with {
				nums[k] = strconv.Itoa(number[id])
			}
			room += " (clash with " + strings.Join(nums, ", ") + ")"
		}
		t.add(strconv.Itoa(i+1), se.Date.String(), timeRange(se), se.Title, store.Label(se.Type), room, counts)
	}
	if err := t.write(c.stdout); err != nil {
		return err
	}
	if len(clashes) > 0 {
		c.printf("%s share a room at the same time; change a room or a time in the app (Agenda)\n", plural(len(clashes), "session"))
	}
	return nil
}

// timeRange formats a session's times as "09:00–10:30".
func timeRange(se store.Session) string { return se.Start.String() + "–" + se.End.String() }
