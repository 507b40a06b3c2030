package store

import (
	"fmt"
	"slices"
	"strings"
)

// SessionType is the kind of an agenda session.
type SessionType string

// The session types.
const (
	Plenary      SessionType = "plenary"
	Panel        SessionType = "panel"
	WorkingGroup SessionType = "working_group"
	FieldVisit   SessionType = "field_visit"
	Break        SessionType = "break"
	OtherSession SessionType = "other"
)

// SessionTypes lists every session type in display order.
var SessionTypes = []SessionType{Plenary, Panel, WorkingGroup, FieldVisit, Break, OtherSession}

// Gender is a participant's gender as they declared it.
type Gender string

// The genders; GenderUnknown means the field was left empty.
const (
	GenderUnknown      Gender = ""
	Female             Gender = "female"
	Male               Gender = "male"
	OtherGender        Gender = "other"
	GenderPreferNotSay Gender = "prefer_not_to_say"
)

// Genders lists every declared gender in display order.
var Genders = []Gender{Female, Male, OtherGender, GenderPreferNotSay}

// Role is what a person does at the workshop.
type Role string

// The roles.
const (
	RoleParticipant Role = "participant"
	RoleSpeaker     Role = "speaker"
	RoleFacilitator Role = "facilitator"
	RoleObserver    Role = "observer"
	RoleOrganiser   Role = "organiser"
)

// Roles lists every role in display order.
var Roles = []Role{RoleParticipant, RoleSpeaker, RoleFacilitator, RoleObserver, RoleOrganiser}

// OrgType is the kind of organisation a participant comes from, as donors
// and annual reports count them.
type OrgType string

// The organisation types; OrgUnknown means the field was left empty.
const (
	OrgUnknown       OrgType = ""
	OrgGovernment    OrgType = "government"
	OrgInternational OrgType = "international_organisation"
	OrgCivilSociety  OrgType = "civil_society"
	OrgAcademia      OrgType = "academia"
	OrgPrivate       OrgType = "private_sector"
	OrgMedia         OrgType = "media"
	OrgOther         OrgType = "other"
)

// OrgTypes lists every organisation type in display order.
var OrgTypes = []OrgType{OrgGovernment, OrgInternational, OrgCivilSociety, OrgAcademia, OrgPrivate, OrgMedia, OrgOther}

// Status is a participant's attendance at one session.
type Status string

// The attendance statuses.
const (
	Present Status = "present"
	Late    Status = "late"
	Excused Status = "excused"
	Absent  Status = "absent"
)

// Statuses lists every attendance status in display order.
var Statuses = []Status{Present, Late, Excused, Absent}

// Arrived reports whether the status says the person came: present or
// late. A check-in of someone arrived records nothing twice.
func (s Status) Arrived() bool { return s == Present || s == Late }

// Label returns the value in words, for display ("working group").
func Label[T ~string](v T) string { return strings.ReplaceAll(string(v), "_", " ") }

// ParseEnum returns the value of all whose text or label equals s, ignoring
// case, spaces and dashes; empty text is the zero value.
func ParseEnum[T ~string](s string, all []T) (T, error) {
	norm := func(x string) string {
		x = strings.ToLower(strings.TrimSpace(x))
		return strings.NewReplacer(" ", "_", "-", "_").Replace(x)
	}
	var zero T
	if strings.TrimSpace(s) == "" {
		return zero, nil
	}
	if i := slices.IndexFunc(all, func(v T) bool { return string(v) == norm(s) }); i >= 0 {
		return all[i], nil
	}
	names := make([]string, len(all))
	for i, v := range all {
		names[i] = string(v)
	}
	return zero, fmt.Errorf("%q is not one of %s", s, strings.Join(names, ", "))
}

func validEnum[T ~string](v T, all []T, allowEmpty bool) bool {
	return (allowEmpty && v == "") || slices.Contains(all, v)
}
