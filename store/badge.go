package store

import (
	"crypto/rand"
	"fmt"
	"strings"
)

// badgeAlphabet leaves out letters and digits that are easily confused when
// read aloud or typed from a badge: 0/O/D/Q, 1/I/L, 2/Z, 5/S, 8/B, U/V.
const badgeAlphabet = "ACEFGHJKMNPRTWXY34679"

// badgeLen is the length of generated badge codes: 21^5 ≈ 4 million codes.
const badgeLen = 5

// NewBadgeCode returns a random code of badgeLen easy-to-type characters.
func NewBadgeCode() string {
	var b [badgeLen]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic(fmt.Sprintf("badge code: no randomness: %v", err)) // crypto/rand never fails on supported systems
	}
	for i := range b {
		b[i] = badgeAlphabet[int(b[i])%len(badgeAlphabet)]
	}
	return string(b[:])
}

// NormalizeBadgeCode upper-cases a typed or scanned code and drops spaces
// and dashes.
func NormalizeBadgeCode(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ' || r == '-' || r == '\t':
			return -1
		case r >= 'a' && r <= 'z':
			return r - 'a' + 'A'
		}
		return r
	}, s)
}

// validBadgeCode reports whether a code given by hand is usable: 4 to 8
// letters or digits.
func validBadgeCode(s string) bool {
	if len(s) < 4 || len(s) > 8 {
		return false
	}
	for _, r := range s {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}
