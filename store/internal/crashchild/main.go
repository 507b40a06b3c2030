// Command crashchild is a helper of the store's tests, not a tool: it
// writes to a data file until it is killed, printing each committed write,
// or holds a data file open.
//
//	crashchild write PATH   record until killed; print "ready", then one line per commit
//	crashchild hold PATH    open the file, print "ready" and wait until stdin closes
//	crashchild load PATH    like separate CLI runs: open, add a participant,
//	                        close, print "P <ID>", again until killed
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// Code is the code of the workshop the child writes to.
const Code = "crash-test"

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: crashchild write|hold|load PATH")
		os.Exit(2)
	}
	if os.Args[1] == "load" {
		load(os.Args[2])
		return
	}
	s, err := store.Open(os.Args[2], store.Options{NoAutoBackup: true, Timeout: 5 * time.Second})
	if err != nil {
		fail(err)
	}
	switch os.Args[1] {
	case "hold":
		fmt.Println("ready")
		io.Copy(io.Discard, os.Stdin)
		s.Close()
	case "write":
		write(s)
	default:
		fail(fmt.Errorf("unknown mode %q", os.Args[1]))
	}
}

// write finds or creates the workshop, its session and an anchor
// participant, then loops: each round registers a new participant, records
// their attendance and moves the anchor's status on to the next one, and
// prints after each commit:
//
//	P <participant ID> <status>   a new participant and their attendance
//	A <status>                    the anchor's new status
//
// Lines are written with one write call each, straight to stdout.
func write(s *store.Store) {
	w, err := s.FindWorkshop(Code)
	if errors.Is(err, store.ErrNotFound) {
		start, _ := store.ParseDate("2027-03-09")
		w = store.Workshop{Code: Code, Title: "Crash test", City: "Addis Ababa", Country: "ET", StartDate: start, EndDate: start.AddDays(2)}
		err = s.SaveWorkshop(&w)
	}
	if err != nil {
		fail(err)
	}
	sessions, err := s.Sessions(w.ID)
	if err != nil {
		fail(err)
	}
	if len(sessions) == 0 {
		se := store.Session{WorkshopID: w.ID, Date: w.StartDate, Start: 9 * 60, End: 10 * 60, Title: "Opening"}
		if err := s.SaveSession(&se); err != nil {
			fail(err)
		}
		sessions = append(sessions, se)
	}
	se := sessions[0]
	anchor, err := s.ParticipantByBadge(w.ID, "ANCHR")
	if errors.Is(err, store.ErrNotFound) {
		anchor = store.Participant{WorkshopID: w.ID, GivenNames: "Anchor", FamilyNames: "Person", BadgeCode: "ANCHR"}
		err = s.SaveParticipant(&anchor)
	}
	if err != nil {
		fail(err)
	}
	status := store.Absent // the anchor's status before the first round
	if a, err := s.Attendance(se.ID, anchor.ID); err == nil {
		status = a.Status
	} else if !errors.Is(err, store.ErrNotFound) {
		fail(err)
	}
	fmt.Println("ready")
	for i := 0; ; i++ {
		p := store.Participant{WorkshopID: w.ID, GivenNames: "Round", FamilyNames: fmt.Sprint(i)}
		if err := s.SaveParticipant(&p); err != nil {
			fail(err)
		}
		st := store.Statuses[i%len(store.Statuses)]
		a := store.Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: st}
		if err := s.RecordAttendance(&a); err != nil {
			fail(err)
		}
		fmt.Printf("P %s %s\n", p.ID, st)

		status = Next(status)
		a = store.Attendance{SessionID: se.ID, ParticipantID: anchor.ID, Status: status}
		if err := s.RecordAttendance(&a); err != nil {
			fail(err)
		}
		fmt.Printf("A %s\n", status)
	}
}

// load opens the file, adds one participant to the workshop Code and
// closes the file, over and over, the way separate workshopctl runs do; it
// prints "P <participant ID>" after each close. A file held by another
// program (a restore) is tried again.
func load(path string) {
	fmt.Println("ready")
	for i := 0; ; i++ {
		s, err := store.Open(path, store.Options{NoAutoBackup: true, Timeout: 5 * time.Second})
		var le *store.LockedError
		if errors.As(err, &le) {
			continue
		} else if err != nil {
			fail(err)
		}
		w, err := s.FindWorkshop(Code)
		if err != nil {
			fail(err)
		}
		p := store.Participant{WorkshopID: w.ID, GivenNames: "Load", FamilyNames: fmt.Sprint(i)}
		if err := s.SaveParticipant(&p); err != nil {
			fail(err)
		}
		if err := s.Close(); err != nil {
			fail(err)
		}
		fmt.Printf("P %s\n", p.ID)
	}
}

// Next returns the status after st in store.Statuses, cyclically.
func Next(st store.Status) store.Status {
	for i, v := range store.Statuses {
		if v == st {
			return store.Statuses[(i+1)%len(store.Statuses)]
		}
	}
	return store.Statuses[0]
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "crashchild:", err)
	os.Exit(1)
}
