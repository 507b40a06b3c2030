package importer

import (
	"fmt"
	"strings"
)

// Field is a participant field a column can be read into. Its text is the
// JSON name of the store.Participant field (as in store.FieldError), except
// FullName, which is split into given and family names.
type Field string

// The fields a column can fill.
const (
	Honorific    Field = "honorific"
	GivenNames   Field = "given_names"
	FamilyNames  Field = "family_name"
	FullName     Field = "full_name"
	NativeName   Field = "native_name"
	Organisation Field = "organisation"
	OrgType      Field = "org_type"
	Position     Field = "position"
	Country      Field = "country"
	Gender       Field = "gender"
	Email        Field = "email"
	Phone        Field = "phone"
	Role         Field = "role"
	BadgeCode    Field = "badge_code"
	JoinedAt     Field = "joined_at"
	Notes        Field = "notes"
)

// Fields lists every field in display order.
var Fields = []Field{Honorific, GivenNames, FamilyNames, FullName, NativeName, Organisation, OrgType,
	Position, Country, Gender, Email, Phone, Role, BadgeCode, JoinedAt, Notes, ConsentPhotos, ConsentShare, ConsentFollowUp}

var fieldLabels = map[Field]string{
	Honorific: "Title", GivenNames: "Given names", FamilyNames: "Family name", FullName: "Full name",
	NativeName: "Name in native script", Organisation: "Organisation", OrgType: "Organisation type",
	Position: "Position", Country: "Country", Gender: "Gender", Email: "Email", Phone: "Phone",
	Role: "Role", BadgeCode: "Badge code", JoinedAt: "Joined at", Notes: "Notes",
	ConsentPhotos: "Consent to photos", ConsentShare: "Consent to share details", ConsentFollowUp: "Consent to follow-up contact",
}

// Label returns the field's name in English words, for display
// ("Given names").
func (f Field) Label() string {
	if l, ok := fieldLabels[f]; ok {
		return l
	}
	return string(f)
}

// ParseField returns the field named by s: its name ("given_names",
// "family-name"), its label, or any column heading Suggest recognises, in
// English, French or Spanish ("first name", "Prénom", "Apellidos"); case,
// accents and punctuation do not matter.
func ParseField(s string) (Field, error) {
	k := compact(s)
	for _, f := range Fields {
		if k == compact(string(f)) || k == compact(f.Label()) {
			return f, nil
		}
	}
	if m, ok := matchHeader(s); ok {
		return m.field, nil
	}
	names := make([]string, len(Fields))
	for i, f := range Fields {
		names[i] = string(f)
	}
	return "", fmt.Errorf("%q is not a field; fields are %s", s, strings.Join(names, ", "))
}
