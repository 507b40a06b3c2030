package sheet

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// WriteFile writes the tables to the file at path, in the format its
// extension names: ".csv" (exactly one table; see WriteCSV) or ".xlsx"
// (any number; see WriteXLSX), in any case. The file is replaced
// atomically: it is written beside its final name and renamed into place,
// so that a failure leaves the previous file, if any, as it was and no
// partial file behind. The folder must exist.
func WriteFile(path string, tables ...Table) error { return WriteFileDelimited(path, ',', tables...) }

// WriteFileDelimited is WriteFile with the delimiter of a CSV file (see
// WriteCSVDelimited); a workbook has none and is written as WriteFile does.
func WriteFileDelimited(path string, delim rune, tables ...Table) error {
	var fill func(io.Writer) error
	switch ext := strings.ToLower(filepath.Ext(path)); ext {
	case ".csv":
		if len(tables) != 1 {
			return fmt.Errorf("write %s: a CSV file holds exactly one table, not %d; write an .xlsx workbook instead", path, len(tables))
		}
		fill = func(w io.Writer) error { return WriteCSVDelimited(w, tables[0], delim) }
	case ".xlsx":
		fill = func(w io.Writer) error { return WriteXLSX(w, tables...) }
	default:
		return fmt.Errorf("write %s: the file name must end in .csv or .xlsx", path)
	}
	return store.WriteFileAtomic(path, fill)
}
