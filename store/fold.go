package store

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// letterFolds maps letters that carry no separable accent to what people
// type instead on an English keyboard.
var letterFolds = map[rune]string{
	'ø': "o", 'ł': "l", 'đ': "d", 'ð': "d", 'æ': "ae", 'œ': "oe", 'ß': "ss",
	'ı': "i", 'þ': "th", 'ħ': "h", 'ŧ': "t",
}

// Fold returns s as people type it when they search: lower case, with
// accents removed ("Öztürk" → "ozturk", "Łukasz" → "lukasz"). Letters of
// other scripts are kept, lower-cased where the script has case.
func Fold(s string) string {
	if ascii := foldASCII(s); ascii != "" || s == "" {
		return ascii
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) {
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := letterFolds[r]; ok {
			b.WriteString(f)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// asciiFold folds s and keeps only ASCII letters, digits, dots and dashes,
// as for an email address.
func asciiFold(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		case r == ' ':
			return '-'
		}
		return -1
	}, Fold(s))
}

// foldASCII folds a string of ASCII characters only, the common case,
// without Unicode normalisation; it returns "" for any other string.
func foldASCII(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x80 {
			return ""
		}
		upper = upper || (c >= 'A' && c <= 'Z')
	}
	if !upper {
		return s
	}
	return strings.ToLower(s)
}
