package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/workshopdesk/workshopdesk/store/importer"
)

// importAttendanceCommand records many attendance marks from a file.
var importAttendanceCommand = &command{
	name:     "import-attendance",
	synopsis: "--workshop W FILE [--sheet NAME] [--yes]",
	summary:  "record attendance marks in bulk from a CSV or XLSX file",
	details: `Reads one mark a row from a CSV or XLSX file (the same reader and limits as
import): who, by badge code or email; the session, by its number in the agenda
(1 is the first, as "sessions" lists them) or its title; the status (present,
late, excused, absent, or P, L, E, A; French and Spanish words too); optionally
when it was recorded (2027-03-09 10:30 on the workshop's clock, or 10:30 on the
session's day; empty means now) and a note. The first row names the columns:
Badge code or Email, Session, Status, Time, Note (also in French or Spanish).

Prints what importing would do: how many marks are new, change a status or
leave it as it is, and each row that cannot be imported, named by its row
number: unknown badge code or email, unknown session, bad status, bad time,
or a duplicate row (the same participant and session twice). Nothing is
written without --yes, and nothing at all while a row has a problem: the
command then exits with status 1, preview or not; correct the file and run
it again. With --yes every mark is recorded in one
transaction (all or none), as a check-in from the app records it, with its
history.`,
	positional: 1,
	required:   []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f importAttendanceFlags
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.sheet, "sheet", "", "the XLSX sheet to read, by `NAME` (default: the first one with data)")
		fs.BoolVar(&f.yes, "yes", false, "record the marks; without it nothing is written")
		return func(args []string) error {
			f.file = args[0]
			return c.importAttendance(f)
		}
	},
}

type importAttendanceFlags struct {
	workshop, file, sheet string
	yes                   bool
}

// importAttendanceReport is what import-attendance found and did; with
// --json it is printed as it is.
type importAttendanceReport struct {
	File      string                       `json:"file"`
	Workshop  string                       `json:"workshop"`
	Columns   []string                     `json:"columns"`
	Rows      int                          `json:"rows"`
	New       int                          `json:"new"`
	Changed   int                          `json:"changed"`
	Unchanged int                          `json:"unchanged"`
	Problems  []importer.AttendanceProblem `json:"problems"`
	Written   bool                         `json:"written"`
}

// importAttendance previews the marks of a file and, with --yes and no
// problem, records them.
func (c *cli) importAttendance(f importAttendanceFlags) (err error) {
	t, err := importer.ReadFile(f.file, f.sheet)
	if err != nil {
		return err
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
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return err
	}
	p, err := importer.PlanAttendance(t, d)
	if err != nil {
		return fmt.Errorf("%s: %w", t.Name, err)
	}
	rep := &importAttendanceReport{File: t.Name, Workshop: w.Code, Columns: p.Fields(), Rows: len(t.Rows) - 1,
		New: p.New, Changed: p.Changed, Unchanged: p.Unchanged, Problems: p.Problems}
	if rep.Problems == nil {
		rep.Problems = []importer.AttendanceProblem{}
	}
	var failed error // after the report is printed
	switch {
	case len(p.Problems) > 0:
		// A preview with problems fails too (exit 1), as import-evaluations
		// does: a script can tell that the file needs correcting.
		failed = fmt.Errorf("nothing was written: %s; correct the file and import it again", problemRows(len(p.Problems)))
		if f.yes {
			failed = fmt.Errorf("nothing was imported: %s; correct the file and import it again", problemRows(len(p.Problems)))
		}
	case len(p.Marks) == 0:
		if f.yes {
			failed = errors.New("nothing was imported: the file has no mark after its header")
		}
	case f.yes:
		if err := importer.CommitAttendance(st, p); err != nil {
			return err
		}
		rep.Written = true
	}
	if c.json {
		if err := c.printJSON(rep); err != nil {
			return err
		}
		return failed
	}
	c.printf("File: %s, %s\n", rep.File, plural(rep.Rows, "row"))
	c.printf("Workshop: %s\n", rep.Workshop)
	c.printf("Columns: %s\n", strings.Join(rep.Columns, ", "))
	verb := "would be"
	if rep.Written {
		verb = "were"
	}
	c.printf("Marks: %d new, %d changed, %d unchanged %s recorded\n", rep.New, rep.Changed, rep.Unchanged, verb)
	if len(rep.Problems) > 0 {
		c.printf("\n%s:\n", problemRows(len(rep.Problems)))
		for _, pr := range rep.Problems {
			c.printf("  row %d: %s\n", pr.Row, cleanCell(pr.Reason))
		}
	}
	if !f.yes && failed == nil && len(p.Marks) > 0 {
		c.printf("\nNothing was written. Run the same command with --yes to record the marks.\n")
	}
	return failed
}

// problemRows says how many rows have a problem.
func problemRows(n int) string {
	if n == 1 {
		return "1 row has a problem"
	}
	return fmt.Sprintf("%d rows have problems", n)
}
