package importer

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clean trims s and turns every run of white space, including non-breaking
// and other Unicode spaces and line breaks, into one plain space; it drops
// zero-width spaces, byte order marks and soft hyphens.
func clean(s string) string {
	if plain(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\u200b' || r == '\ufeff' || r == '\u00ad' || r == '\u2060':
			continue
		case unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(r)
	}
	return b.String()
}

// plain reports whether s is printable ASCII without leading, trailing or
// doubled spaces: clean would return it unchanged.
func plain(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f || c == ' ' && s[i+1] == ' ' {
			return false
		}
	}
	return true
}

// cleanText trims a free-text cell (notes) and turns non-breaking spaces
// into plain ones, keeping its line breaks.
func cleanText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case '\u00a0', '\u2007', '\u202f':
			return ' '
		case '\u200b', '\ufeff':
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(strings.ReplaceAll(s, "\r\n", "\n"))
}

// SplitRule tells how a full name was split into given and family names.
type SplitRule string

// The ways a full name is split, tried in this order.
const (
	// SplitComma: "DIOP, Moussa" — the family name comes before the comma.
	SplitComma SplitRule = "comma"
	// SplitCapitals: "DIOP Moussa", "Moussa DIOP" — among mixed-case words,
	// the words in capitals are the family name (French convention).
	SplitCapitals SplitRule = "capitals"
	// SplitLastWord: "Moussa Diop" — the last word is the family name,
	// with the particles before it ("van Beethoven", "de la Cruz"). A
	// Spanish double surname ("María José Núñez Ibáñez") is split wrongly
	// by this rule: the preview flags every split of three words or more
	// for the user to check.
	SplitLastWord SplitRule = "last word"
	// SplitOneWord: a single word is taken as the family name.
	SplitOneWord SplitRule = "one word"
)

// particles are the lower-case words that belong to the family name that
// follows them, and are written in lower case inside a name.
var particles = set("de", "da", "das", "do", "dos", "du", "des", "del", "della", "der", "den", "di",
	"van", "von", "la", "le", "las", "los", "y", "e", "bin", "ibn", "bint", "ter", "ten", "zu", "af", "av")

// arabicArticles are the articles written "al-Mansouri" inside a name.
var arabicArticles = set("al", "el", "ad", "ar", "as", "at", "an", "ash", "ud", "ul")

// SplitName splits a full name into given and family names; see the
// SplitRule values for the rules. Spaces are cleaned first.
func SplitName(full string) (given, family string, rule SplitRule) {
	full = clean(full)
	if g, f, ok := strings.Cut(full, ","); ok {
		return strings.TrimSpace(f), strings.TrimSpace(g), SplitComma
	}
	words := strings.Fields(full)
	switch len(words) {
	case 0:
		return "", "", ""
	case 1:
		return "", full, SplitOneWord
	}
	var caps, mixed int
	for _, w := range words {
		switch {
		case isShouted(w):
			caps++
		case hasLower(w):
			mixed++
		}
	}
	if caps > 0 && mixed > 0 {
		var g, f []string
		for i, w := range words {
			// A particle just before a word in capitals goes with it.
			inFamily := isShouted(w) || particles[compact(w)] && i+1 < len(words) && (isShouted(words[i+1]) || particles[compact(words[i+1])])
			if inFamily {
				f = append(f, w)
			} else {
				g = append(g, w)
			}
		}
		if len(g) > 0 {
			return strings.Join(g, " "), strings.Join(f, " "), SplitCapitals
		}
	}
	i := len(words) - 1
	for i > 1 && particles[compact(words[i-1])] {
		i--
	}
	return strings.Join(words[:i], " "), strings.Join(words[i:], " "), SplitLastWord
}

// isShouted reports whether s has at least two cased letters and all of
// them are capitals ("DIOP", "JEAN-PIERRE"); names in scripts without case
// never are.
func isShouted(s string) bool {
	upper := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsUpper(r):
			upper++
		}
	}
	return upper >= 2
}

// isLowered reports whether s has at least two cased letters and none is
// a capital ("moussa diop").
func isLowered(s string) bool {
	lower := 0
	for _, r := range s {
		switch {
		case unicode.IsUpper(r) || unicode.IsTitle(r):
			return false
		case unicode.IsLower(r):
			lower++
		}
	}
	return lower >= 2
}

func hasLower(s string) bool { return strings.IndexFunc(s, unicode.IsLower) >= 0 }

// NormalCase returns a name written all in capitals or all in lower case
// in the usual mixed case ("MOUSSA DIOP" → "Moussa Diop", "JEAN-BAPTISTE"
// → "Jean-Baptiste", "O'CONNOR" → "O'Connor"), and any other name
// unchanged. Particles ("de", "van", "bin", the "al-" of "al-Mansouri")
// stay in lower case unless they begin the name; initial tells whether s
// begins the full name (false for a family name after given names).
// Roman numerals ("III") stay in capitals.
func NormalCase(s string, initial bool) string {
	if !isShouted(s) && !isLowered(s) {
		return s
	}
	words := strings.Fields(s)
	for i, w := range words {
		first := initial && i == 0
		switch k := compact(w); {
		case romanNumeral(w):
			words[i] = strings.ToUpper(w)
		case particles[k] && !first && k == strings.ToLower(w):
			words[i] = strings.ToLower(w)
		default:
			words[i] = capitalWord(w, first)
		}
	}
	return strings.Join(words, " ")
}

// capitalWord capitalises each part of a word separated by hyphens or
// apostrophes, keeping "al-" and "d'" in lower case unless first.
func capitalWord(w string, first bool) string {
	var b strings.Builder
	for seg := 0; w != ""; seg++ {
		part, sep := w, ""
		if j := strings.IndexAny(w, "-'’"); j >= 0 {
			_, n := utf8.DecodeRuneInString(w[j:])
			part, sep, w = w[:j], w[j:j+n], w[j+n:]
		} else {
			w = ""
		}
		k := compact(part)
		article := arabicArticles[k] && sep == "-" || (k == "d" || k == "l") && sep != "" && sep != "-"
		switch {
		case !first && seg == 0 && w != "" && article:
			b.WriteString(strings.ToLower(part))
		case part != "":
			r, n := utf8.DecodeRuneInString(part)
			b.WriteRune(unicode.ToUpper(r))
			rest := strings.ToLower(part[n:])
			if strings.HasSuffix(rest, "σ") {
				rest = strings.TrimSuffix(rest, "σ") + "ς" // Greek final sigma
			}
			b.WriteString(rest)
		}
		b.WriteString(sep)
	}
	return b.String()
}

func romanNumeral(w string) bool {
	switch strings.ToUpper(strings.TrimSuffix(w, ".")) {
	case "II", "III", "IV", "VI", "VII", "VIII":
		return true
	}
	return false
}
