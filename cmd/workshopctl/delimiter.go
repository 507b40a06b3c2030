package main

import (
	"flag"
	"path/filepath"
	"strings"

	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// delimiterFlag defines --delimiter, the separator of a CSV export.
func delimiterFlag(fs *flag.FlagSet, p *string) {
	fs.StringVar(p, "delimiter", "", "separate the fields of a CSV file with `SEP`: comma (default), semicolon\n(Excel in French, Spanish, German…) or tab")
}

// csvDelimiter reads the --delimiter typed for the file out: the comma if
// none was given; a usage error if it is not one, or out is not a CSV file.
func csvDelimiter(typed, out string) (rune, error) {
	if typed == "" {
		return ',', nil
	}
	if !strings.EqualFold(filepath.Ext(out), ".csv") {
		return 0, usageError{"--delimiter is for CSV files (--out FILE.csv)"}
	}
	d, err := sheet.ParseDelimiter(typed)
	if err != nil {
		return 0, usageError{"--delimiter: " + err.Error()}
	}
	return d, nil
}
