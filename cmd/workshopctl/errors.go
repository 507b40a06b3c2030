package main

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// checkFailed is the error of a check that found problems; the problems
// themselves have been printed on standard output.
type checkFailed struct {
	path     string
	problems int
}

// Error says how many problems were found in which file.
func (e *checkFailed) Error() string {
	data := shellWord(e.path)
	return fmt.Sprintf("check found %s in %s; to put a backup back, list them with: workshopctl --data %s backups, then: workshopctl --data %s restore FILE (the damaged file is kept)",
		plural(e.problems, "problem"), e.path, data, data)
}

// shellWord quotes s for a shell command line when it needs it.
func shellWord(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t'\"$`\\;&|<>()*?[]#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}

// report prints err, if any, as one line on standard error and returns the
// exit status.
func (c *cli) report(err error) int {
	if err == nil {
		return exitOK
	}
	fmt.Fprintf(c.stderr, "workshopctl: %s\n", oneLine(message(err)))
	return exitFail
}

// message returns what to tell the user about err. The store's errors about
// the file itself already name it and say what to do, so they are shown
// without the context they were wrapped in.
func message(err error) string {
	var locked *store.LockedError
	var damaged *store.DamagedError
	var tooNew *store.TooNewError
	switch {
	case errors.As(err, &locked):
		return locked.Error()
	case errors.As(err, &damaged):
		return damaged.Error()
	case errors.As(err, &tooNew):
		return tooNew.Error()
	}
	return err.Error()
}

// oneLine folds a message onto one line, safe for a terminal (see
// cleanCell).
func oneLine(s string) string {
	return strings.Join(strings.Fields(cleanCell(s)), " ")
}

// usageError is a wrong call that flag parsing cannot catch, such as two
// flags of which exactly one must be given. A command returns it before
// touching the data file; exec then prints it with the command's usage and
// exits with exitUsage, as for a missing flag.
type usageError struct{ msg string }

// Error returns the message.
func (e usageError) Error() string { return e.msg }

// usageFailure prints a usage error with the usage of cmd (of workshopctl
// when cmd is nil) on w and returns exitUsage.
func usageFailure(w io.Writer, err error, cmd *command) int {
	if cmd == nil {
		fmt.Fprintf(w, "workshopctl: %s\n\n", oneLine(err.Error()))
		writeMainUsage(w)
	} else {
		fmt.Fprintf(w, "workshopctl %s: %s\n\n", cmd.name, oneLine(err.Error()))
		writeCommandUsage(w, cmd)
	}
	return exitUsage
}

// fieldFlag pairs a record field (its JSON name, as in store.FieldError)
// with the flag that sets it.
type fieldFlag struct{ field, flag string }

// workshopFields maps the fields of a workshop to the flags of add-workshop.
var workshopFields = []fieldFlag{
	{"code", "--code"}, {"title", "--title"}, {"city", "--city"}, {"country", "--country"},
	{"time_zone", "--tz"}, {"start_date", "--start"}, {"end_date", "--end"},
}

// sessionFields maps the fields of a session to the flags of add-session.
var sessionFields = []fieldFlag{
	{"date", "--date"}, {"start", "--start"}, {"end", "--end"}, {"title", "--title"}, {"type", "--type"},
}

// notSaved turns a store.ValidationError into one message naming the flags
// to correct, in the order of fields; other errors pass through with what
// as context.
func notSaved(what string, err error, fields []fieldFlag) error {
	var v store.ValidationError
	if !errors.As(err, &v) {
		return fmt.Errorf("%s not saved: %w", what, err)
	}
	index := func(fe store.FieldError) int {
		i := slices.IndexFunc(fields, func(f fieldFlag) bool { return f.field == fe.Field })
		if i < 0 {
			return len(fields)
		}
		return i
	}
	v = slices.Clone(v)
	slices.SortStableFunc(v, func(a, b store.FieldError) int { return index(a) - index(b) })
	parts := make([]string, len(v))
	for i, fe := range v {
		name := fe.Field
		if j := index(fe); j < len(fields) {
			name = fields[j].flag
		}
		parts[i] = name + ": " + fe.Message
	}
	return fmt.Errorf("%s not saved: %s", what, strings.Join(parts, "; "))
}

// withoutFields returns the messages of a store.ValidationError without
// their field names, for commands where no flag sets the field; other
// errors pass through.
func withoutFields(err error) error {
	var v store.ValidationError
	if !errors.As(err, &v) {
		return err
	}
	msgs := make([]string, len(v))
	for i, fe := range v {
		msgs[i] = fe.Message
	}
	return errors.New(strings.Join(msgs, "; "))
}

// mergeProblems adds the problems that check reports to those found while
// reading the flags, leaving out fields that already have one and the
// fields in skip.
func mergeProblems(found store.ValidationError, check error, skip ...string) error {
	var more store.ValidationError
	if errors.As(check, &more) {
		for _, fe := range more {
			if found.For(fe.Field) == "" && !slices.Contains(skip, fe.Field) {
				found = append(found, fe)
			}
		}
	}
	if len(found) == 0 {
		return nil
	}
	return found
}
