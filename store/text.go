package store

import (
	"fmt"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The longest text each field may hold, in characters (Unicode code
// points), by the field's JSON name. Forms and the importer share these
// limits through Validate; the README lists them. They keep a record
// printable on a badge, a certificate and its QR code, and a pasted
// document or a damaged file out of a name.
var (
	ParticipantLimits = map[string]int{
		"honorific": 30, "given_names": 100, "family_name": 100, "native_name": 100,
		"organisation": 200, "position": 200, "email": 254, "phone": 40, "notes": 4000,
	}
	WorkshopLimits = map[string]int{
		"title": 200, "series": 200, "city": 100, "organiser": 300, "partners": 1000, "notes": 4000,
	}
	SessionLimits = map[string]int{"title": 200, "speakers": 500, "room": 100}
	// OtherLimits are those of an attendance mark's note and of the
	// reason for granting or refusing a certificate by hand.
	OtherLimits = map[string]int{"note": 1000, "reason": 1000}
)

// checkText adds a problem when value, the text of field, is longer than
// its limit or holds a character no text may hold: a C0 or C1 control
// character (tab, line feed and carriage return allowed when multiline)
// or a bidirectional embedding, override or isolate (U+202A–U+202E,
// U+2066–U+2069), which can make a name display in a misleading order.
func (p *problems) checkText(field, value string, limits map[string]int, multiline bool) {
	if n, max := utf8.RuneCountInString(value), limits[field]; max > 0 && n > max {
		p.add(field, "the text is %s characters long; at most %d are allowed", thousands(n), max)
		return
	}
	if !utf8.ValidString(value) {
		p.add(field, "the text holds bytes that are not UTF-8")
		return
	}
	for i, r := range value {
		if multiline && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if what := forbiddenRune(r); what != "" {
			p.add(field, "the text holds %s (U+%04X) at character %d; remove it", what, r, utf8.RuneCountInString(value[:i])+1)
			return
		}
	}
}

// forbiddenRune says what r is when no text field may hold it, or "".
func forbiddenRune(r rune) string {
	switch {
	case r == '\n' || r == '\r':
		return "a line break"
	case r == '\t':
		return "a tab"
	case r < 0x20 || r >= 0x7f && r <= 0x9f:
		return "a control character"
	case r >= 0x202a && r <= 0x202e || r >= 0x2066 && r <= 0x2069:
		return "a bidirectional text control"
	}
	return ""
}

// nfc returns s in Unicode normalisation form C, in which "é" is one
// character whether it was typed on Windows or came from a macOS file as
// "e" and a combining accent.
func nfc(s string) string {
	if norm.NFC.IsNormalString(s) {
		return s
	}
	return norm.NFC.String(s)
}

// thousands formats n with commas between thousands: 10,485,760.
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}
