package sheet

import (
	"fmt"
	"strings"
)

// ParseDelimiter reads the CSV delimiter a user typed: "," or "comma"
// (also ""), ";" or "semicolon", or a tab ("tab").
func ParseDelimiter(s string) (rune, error) {
	if s == "\t" {
		return '\t', nil
	}
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "", ",", "comma":
		return ',', nil
	case ";", "semicolon":
		return ';', nil
	case "tab":
		return '\t', nil
	}
	return 0, fmt.Errorf("%q is not a CSV delimiter: use comma, semicolon (Excel in French, Spanish, German…) or tab", s)
}
