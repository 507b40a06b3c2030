package report

import (
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// CSVFiles names the files of a report written as CSV, which holds one
// table a file: the table called main goes to path, every other beside it
// with its name before the extension ("x.csv", "x-sessions.csv",
// "x-gender-by-org-type-attended.csv"). It returns the tables in that
// order, main first, with their paths; the app and the CLI both name
// them so.
func CSVFiles(path string, tables []sheet.Table, main string) ([]sheet.Table, []string) {
	if i := slices.IndexFunc(tables, func(t sheet.Table) bool { return t.Name == main }); i > 0 {
		tables = append([]sheet.Table{tables[i]}, slices.Delete(slices.Clone(tables), i, i+1)...)
	}
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	paths := make([]string, len(tables))
	for i, t := range tables {
		paths[i] = path
		if i > 0 {
			paths[i] = stem + "-" + FileNamePart(t.Name) + ext
		}
	}
	return tables, paths
}

// FileNamePart turns a table or series name into a part of a file name:
// "By sub-region" → "sub-region", "Gender × org type (attended)" →
// "gender-by-org-type-attended".
func FileNamePart(name string) string {
	s := strings.ToLower(strings.TrimPrefix(name, "By "))
	s = strings.ReplaceAll(s, "×", "by")
	var b strings.Builder
	dash := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(r)
			dash = false
		} else {
			dash = true
		}
	}
	return b.String()
}
