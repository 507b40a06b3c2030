package store

import (
	"errors"
	"fmt"
	"strings"
)

// ErrNotFound is returned when a record does not exist or has been deleted.
var ErrNotFound = errors.New("not found")

// LockedError means the data file is already open in another Workshop Desk
// window or process; bbolt allows one writer per file.
type LockedError struct {
	Path string
}

func (e *LockedError) Error() string {
	return fmt.Sprintf("%s is already open in another Workshop Desk window or program; close that one and try again", e.Path)
}

// DamagedError means the file is not a Workshop Desk database or is damaged.
// The file has been left exactly as it was. LatestBackup names the newest
// backup beside it that passes the check, if there is one.
type DamagedError struct {
	Path         string
	Reason       string
	LatestBackup string
}

func (e *DamagedError) Error() string {
	msg := fmt.Sprintf("%s cannot be used: %s. The file has not been changed", e.Path, e.Reason)
	if e.LatestBackup != "" {
		msg += "; the latest good backup is " + e.LatestBackup
	}
	return msg
}

// TooNewError means the file was written by a newer version of Workshop
// Desk, whose schema this version does not know. The file is left untouched.
type TooNewError struct {
	Path          string
	Schema, Known int
}

func (e *TooNewError) Error() string {
	return fmt.Sprintf("%s was written by a newer Workshop Desk (data schema %d; this version knows up to %d); update Workshop Desk to open it", e.Path, e.Schema, e.Known)
}

// FieldError is one problem with one field of a record.
type FieldError struct {
	Field   string // the JSON name of the field, e.g. "end_date"
	Message string
}

func (e FieldError) Error() string { return e.Field + ": " + e.Message }

// ValidationError lists every problem found with a record; nothing was saved.
type ValidationError []FieldError

func (v ValidationError) Error() string {
	parts := make([]string, len(v))
	for i, e := range v {
		parts[i] = e.Error()
	}
	return strings.Join(parts, "; ")
}

// For returns the message for field, or "" when that field has no problem.
func (v ValidationError) For(field string) string {
	for _, e := range v {
		if e.Field == field {
			return e.Message
		}
	}
	return ""
}

// problems collects field errors while validating.
type problems ValidationError

func (p *problems) add(field, format string, args ...any) {
	*p = append(*p, FieldError{field, fmt.Sprintf(format, args...)})
}

func (p problems) err() error {
	if len(p) == 0 {
		return nil
	}
	return ValidationError(p)
}
