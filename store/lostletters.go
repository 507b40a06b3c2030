package store

import "strings"

// lostLetterMarks are the characters an 8-bit export leaves where a letter
// it could not encode used to be: Excel's "?" and Unicode's replacement
// character U+FFFD. No real name contains either.
const lostLetterMarks = "?\uFFFD"

// HasLostLetter reports whether s holds a "?" or U+FFFD standing for a
// letter lost when a spreadsheet was saved in an 8-bit encoding.
func HasLostLetter(s string) bool { return strings.ContainsAny(s, lostLetterMarks) }

// LostLetterFields names the fields of p's name ("given_names",
// "family_name", "native_name") that hold a lost letter, in that order;
// nil when the name is whole.
func (p *Participant) LostLetterFields() []string {
	var out []string
	for _, f := range []struct{ name, value string }{
		{"given_names", p.GivenNames}, {"family_name", p.FamilyNames}, {"native_name", p.NativeName},
	} {
		if HasLostLetter(f.value) {
			out = append(out, f.name)
		}
	}
	return out
}
