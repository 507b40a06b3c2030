// Package sheet writes tables to CSV and XLSX files as spreadsheet users
// expect them: CSV in UTF-8 with a byte order mark, so that Excel shows
// accents and other scripts correctly, and XLSX with one sheet per table,
// a bold, frozen header row with an autofilter, typed cells (numbers as
// numbers, dates as dates) and columns wide enough to read.
//
// It knows nothing of Fyne or PDF: the participant export (package
// importer) and, later, the reports use it, from the desktop app and from
// workshopctl alike.
package sheet

import (
	"fmt"
	"math"
	"strconv"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// Table is one table to write: a CSV file or one sheet of a workbook.
type Table struct {
	// Name names the XLSX sheet; it is made to fit Excel's rules (see
	// WriteXLSX). CSV files ignore it.
	Name string
	// Header holds the column headings, written as the first row.
	Header []string
	// Rows hold the cells, row by row. A cell is a string, an int, a
	// float64, a time.Time, a store.Date or nil (an empty cell). A
	// time.Time at midnight is a date; any other is a date and time,
	// written as its wall clock in its own location: convert it to the
	// zone the reader expects first.
	Rows [][]any
}

// width returns the number of columns: the header's or the widest row's.
func (t Table) width() int {
	w := len(t.Header)
	for _, r := range t.Rows {
		w = max(w, len(r))
	}
	return w
}

// Layouts of dates and times in CSV files and in XLSX number formats: ISO
// 8601, which reads the same in every language a workshop may use and
// which Excel and LibreOffice recognise when they open a CSV file.
const (
	dateLayout        = "2006-01-02"
	dateTimeLayout    = "2006-01-02 15:04"
	dateTimeSecLayout = "2006-01-02 15:04:05"
	dateNumFmt        = "yyyy-mm-dd"
	dateTimeNumFmt    = "yyyy-mm-dd hh:mm"
)

// kind is what a cell holds, once its Go type is checked.
type kind int

const (
	kindEmpty kind = iota
	kindText
	kindInt
	kindFloat
	kindDate
	kindDateTime
)

// cell is a cell value checked and normalised.
type cell struct {
	kind kind
	text string    // kindText
	num  int64     // kindInt
	f    float64   // kindFloat
	t    time.Time // kindDate, kindDateTime: the wall clock, in UTC
}

// cellOf checks the value of the cell Rows[row][col].
func cellOf(v any, row, col int) (cell, error) {
	switch v := v.(type) {
	case nil:
		return cell{}, nil
	case string:
		if v == "" {
			return cell{}, nil
		}
		return cell{kind: kindText, text: v}, nil
	case int:
		return cell{kind: kindInt, num: int64(v)}, nil
	case int64:
		return cell{kind: kindInt, num: v}, nil
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return cell{kind: kindText, text: strconv.FormatFloat(v, 'f', -1, 64)}, nil
		}
		return cell{kind: kindFloat, f: v}, nil
	case store.Date:
		if v.IsZero() {
			return cell{}, nil
		}
		return cell{kind: kindDate, t: time.Date(v.Year, v.Month, v.Day, 0, 0, 0, 0, time.UTC)}, nil
	case time.Time:
		if v.IsZero() {
			return cell{}, nil
		}
		y, mo, d := v.Date()
		h, mi, s := v.Clock()
		wall := time.Date(y, mo, d, h, mi, s, v.Nanosecond(), time.UTC)
		if h == 0 && mi == 0 && s == 0 && v.Nanosecond() == 0 {
			return cell{kind: kindDate, t: wall}, nil
		}
		return cell{kind: kindDateTime, t: wall}, nil
	}
	return cell{}, fmt.Errorf("Rows[%d][%d]: a %T cannot be a cell; use a string, int, int64, float64, time.Time, store.Date or nil", row, col, v)
}

// String returns the cell as CSV text: numbers plain (no thousands
// separator, a point for decimals, no exponent), dates ISO.
func (c cell) String() string {
	switch c.kind {
	case kindText:
		return c.text
	case kindInt:
		return strconv.FormatInt(c.num, 10)
	case kindFloat:
		return strconv.FormatFloat(c.f, 'f', -1, 64)
	case kindDate:
		return c.t.Format(dateLayout)
	case kindDateTime:
		if c.t.Second() == 0 && c.t.Nanosecond() == 0 {
			return c.t.Format(dateTimeLayout)
		}
		return c.t.Format(dateTimeSecLayout)
	}
	return ""
}

// cells checks every cell of t and returns them, row by row.
func cells(t Table) ([][]cell, error) {
	out := make([][]cell, len(t.Rows))
	for i, row := range t.Rows {
		out[i] = make([]cell, len(row))
		for j, v := range row {
			c, err := cellOf(v, i, j)
			if err != nil {
				if t.Name != "" {
					return nil, fmt.Errorf("table %q: %w", t.Name, err)
				}
				return nil, err
			}
			out[i][j] = c
		}
	}
	return out, nil
}
