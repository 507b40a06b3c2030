package main

import (
	"errors"
	"flag"
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// reportCommand writes a report of a workshop or of a series of workshops.
var reportCommand = &command{
	name:     "report",
	synopsis: "(--workshop W --kind attendance|statistics|agenda|evaluation|learning | --series NAME [--year YYYY]) --out FILE [--format pdf|csv|xlsx] [--paper a4|letter] [--language LANGUAGE] [--delimiter comma|semicolon|tab]",
	summary:  "write a report (attendance, statistics for donors, agenda, series) to PDF, CSV or XLSX",
	details: `Writes one report, for a workshop (--workshop with --kind) or for a series of
workshops (--series, optionally for one --year; "all" or "" for every workshop):

  attendance  a row per session (present, late, excused, absent, not applicable,
              pending, expected, % of expected) and a row per participant
              (sessions and hours attended, %, eligible for a certificate and
              why, decisions taken by hand included), as of now
  statistics  participation for donors: by gender, country, region and
              sub-region (UN M49), organisation type and role, registered and
              attended, and gender × organisation type; PDF with bar charts,
              and the evaluation's headline figures once forms are recorded
  agenda      the programme as participants receive it, day by day
  evaluation  the participants' evaluation: response rate, every
              item with its answers 1-5 (stacked bars in the PDF), mean, median
              and share agreeing, the sessions best rated first, the comments
              as written
  learning    the pre- and post-test results: paired figures, score
              distribution, right answers by question, figures by gender,
              region and organisation type, each participant's scores
  --series    the workshops of the series with their figures, and the distinct
              persons who came, broken down as in statistics

The format is --format, or else the extension of --out (.pdf, .csv, .xlsx).
The same tables go to every format. PDF reports are A4 or Letter (--paper);
attendance and series reports are landscape. An XLSX workbook holds one sheet
per table. A CSV file holds one table, so a report of several tables is
written to several files: FILE gets the main table (attendance: participants;
statistics: by gender; series: workshops) and each other table goes to FILE
with its name before the extension, e.g. report.csv and report-sessions.csv;
the files written are listed. CSV files are UTF-8 with a byte order mark, as
Excel expects, comma-separated unless --delimiter says otherwise (semicolon for
Excel in French, Spanish, German…; decimals then get a comma). Every file is
replaced atomically.

Workshop reports are in the workshop's working language, or --language (en,
fr, es, ar, ru or zh): titles, headings, dates, numbers and fixed words, in
PDF, CSV and XLSX alike; a series report is in English unless --language
says otherwise.`,
	required: []string{"out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f reportFlags
		f.paper = "a4"
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.kind, "kind", "", "the `KIND` of workshop report: attendance, statistics, agenda, evaluation or learning")
		fs.StringVar(&f.series, "series", "", "report on the workshops of the series `NAME` instead (\"all\" or \"\": every\nworkshop)")
		fs.IntVar(&f.year, "year", 0, "with --series: only the workshops starting in `YYYY`")
		fs.StringVar(&f.format, "format", "", "the `FORMAT`: pdf, csv or xlsx (default: from the extension of --out)")
		fs.StringVar(&f.out, "out", "", "the `FILE` to write (replaced if it exists)")
		fs.StringVar(&f.paper, "paper", f.paper, "the `PAPER` of a PDF: a4 or letter")
		fs.StringVar(&f.language, "language", "", "the `LANGUAGE` of the report: en, fr, es, ar, ru or zh (default: the\nworkshop's working language; English for a series)")
		delimiterFlag(fs, &f.delimiter)
		return func([]string) error {
			fs.Visit(func(fl *flag.Flag) { f.seriesSet = f.seriesSet || fl.Name == "series" })
			return c.writeReport(f)
		}
	},
}

// reportFlags holds the flags of report as typed.
type reportFlags struct {
	workshop, kind, series, format, out, paper, language, delimiter string
	year                                                            int
	seriesSet                                                       bool
	delim                                                           rune // the CSV delimiter, from delimiter
}

// check validates the combination of flags and fills in the format from
// the extension of --out; it returns a usageError.
func (f *reportFlags) check() error {
	fail := func(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }
	ws := strings.TrimSpace(f.workshop) != ""
	switch {
	case ws && f.seriesSet:
		return fail("give --workshop or --series, not both")
	case !ws && !f.seriesSet:
		return fail("--workshop or --series is required")
	case ws && f.kind == "":
		return fail("--kind is required with --workshop: attendance, statistics, agenda, evaluation or learning")
	case f.seriesSet && f.kind != "":
		return fail("--kind is for workshop reports; a series report has one kind")
	case !f.seriesSet && f.year != 0:
		return fail("--year is for series reports (--series)")
	case f.year < 0 || f.year > 9999:
		return fail("--year %d is not a year", f.year)
	}
	f.kind = strings.ToLower(strings.TrimSpace(f.kind))
	if ws && !slices.Contains(ops.ReportKinds, f.kind) {
		return fail("--kind %q is not one of attendance, statistics, agenda, evaluation, learning", f.kind)
	}
	if _, err := checkLanguage(f.language); err != nil {
		return fail("%v", err)
	}
	ext := strings.TrimPrefix(strings.ToLower(filepath.Ext(f.out)), ".")
	f.format = strings.ToLower(strings.TrimSpace(f.format))
	switch {
	case f.format == "" && slices.Contains(ops.ReportFormats, ext):
		f.format = ext
	case f.format == "":
		return fail("--format is required when --out does not end in .pdf, .csv or .xlsx")
	case !slices.Contains(ops.ReportFormats, f.format):
		return fail("--format %q is not one of pdf, csv, xlsx", f.format)
	case ext != f.format:
		return fail("--out must end in .%s for --format %s", f.format, f.format)
	}
	var err error
	if f.delim, err = csvDelimiter(f.delimiter, f.out); err != nil {
		return err
	}
	switch strings.ToLower(strings.TrimSpace(f.paper)) {
	case "a4":
		f.paper = string(pdf.A4)
	case "letter":
		f.paper = string(pdf.Letter)
	default:
		return fail("--paper %q is not a4 or letter", f.paper)
	}
	return nil
}

// writeReport writes the report the flags ask for and lists the files written.
func (c *cli) writeReport(f reportFlags) error {
	if err := f.check(); err != nil {
		return err
	}
	req := ops.ReportRequest{Kind: f.kind, Format: f.format, Out: f.out, Paper: pdf.PageSize(f.paper), Language: f.language,
		Delimiter: f.delim, CheckPath: func(path string) error { return c.notDataFile(path, "--out") }}
	var what, subject string // "the attendance report of demo", and its workshop code or series
	if f.seriesSet {
		name := strings.TrimSpace(f.series)
		if strings.EqualFold(name, "all") {
			name = ""
		}
		st, err := c.seriesStats(name, f.year)
		if err != nil {
			return err
		}
		if len(st.Workshops) == 0 {
			return errors.New(noMatch(name, f.year) + "; \"workshopctl workshops\" lists the workshops and their series")
		}
		req.Kind, req.Series = ops.ReportSeries, st
		if req.EvalSeries, err = c.evaluationSeries(name, f.year, f.language); err != nil {
			return err
		}
		subject = seriesText(name, f.year)
		what = "the report of " + subject
	} else {
		d, overrides, err := c.loadWithOverrides(f.workshop)
		if err != nil {
			return err
		}
		req.Data, req.Overrides, req.Now = d, overrides, time.Now()
		if f.kind == ops.ReportEvaluation || f.kind == ops.ReportStatistics {
			if req.Evaluation, err = c.evaluationSummary(d, f.language); err != nil {
				return err
			}
		}
		if f.kind == ops.ReportLearning || f.kind == ops.ReportStatistics {
			if req.Learning, err = c.learning(d); err != nil {
				return err
			}
		}
		subject = d.Workshop.Code
		what = "the " + f.kind + " report of " + subject
	}
	run, err := ops.WriteReport(req)
	if err != nil {
		return fmt.Errorf("%s not written: %w", what, err)
	}
	return c.printReport(what, subject, f, run)
}

// printReport says what was written.
func (c *cli) printReport(what, subject string, f reportFlags, run ops.ReportRun) error {
	files := run.Files
	if c.json {
		kind := f.kind
		if f.seriesSet {
			kind = "series"
		}
		paper := ""
		if f.format == "pdf" {
			paper = strings.ToLower(f.paper)
		}
		return c.printJSON(struct {
			Subject string           `json:"subject"`
			Kind    string           `json:"kind"`
			Format  string           `json:"format"`
			Paper   string           `json:"paper,omitempty"`
			Tables  int              `json:"tables"`
			Files   []ops.ReportFile `json:"files"`
		}{subject, kind, f.format, paper, run.Tables, files})
	}
	switch {
	case f.format == "pdf":
		c.printf("wrote %s to %s (%s)\n", what, files[0].Path, f.paper)
	case f.format == "xlsx":
		c.printf("wrote %s to %s (%s)\n", what, files[0].Path, plural(run.Tables, "sheet"))
	case len(files) == 1:
		c.printf("wrote %s to %s (%s)\n", what, files[0].Path, plural(files[0].Rows, "row"))
	default:
		c.printf("wrote %s to %d CSV files, one per table:\n", what, len(files))
		t := newTable().alignRight(2)
		for _, file := range files {
			t.add("  "+file.Path, file.Table, plural(file.Rows, "row"))
		}
		return t.write(c.stdout)
	}
	return nil
}

// loadWithOverrides reads the workshop named by ref with its data and its
// current eligibility overrides, and closes the data file again.
func (c *cli) loadWithOverrides(ref string) (d *store.WorkshopData, ov map[uuid.UUID]store.EligibilityOverride, err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return nil, nil, err
	}
	defer closeStore(st, &err)
	if d, err = st.LoadWorkshop(w.ID); err != nil {
		return nil, nil, fmt.Errorf("read %s: %w", w.Code, err)
	}
	if ov, err = st.Overrides(w.ID); err != nil {
		return nil, nil, fmt.Errorf("read the overrides of %s: %w", w.Code, err)
	}
	return d, ov, nil
}

// seriesStats sums up a series (or every workshop) from the data file.
func (c *cli) seriesStats(name string, year int) (s *store.SeriesStats, err error) {
	st, err := c.open(false)
	if err != nil {
		return nil, err
	}
	defer closeStore(st, &err)
	return st.Series(name, year)
}

// seriesText names what a series report covers: "the series “X” in 2027",
// "every workshop".
func seriesText(name string, year int) string {
	s := "every workshop"
	if name != "" {
		s = "the series “" + name + "”"
	}
	if year != 0 {
		s += " in " + strconv.Itoa(year)
	}
	return s
}

// noMatch says that no workshop matched a series filter.
func noMatch(name string, year int) string {
	switch {
	case name == "":
		return "no workshop starts in " + strconv.Itoa(year)
	case year == 0:
		return "no workshop belongs to the series “" + name + "”"
	}
	return "no workshop of the series “" + name + "” starts in " + strconv.Itoa(year)
}

// evaluationSummary sums up the evaluation of the workshop of d, for the
// evaluation report and the statistics report's headline, with the item
// texts in language (the workshop's working language when "").
func (c *cli) evaluationSummary(d *store.WorkshopData, language string) (sum *store.EvaluationSummary, err error) {
	st, err := c.open(false)
	if err != nil {
		return nil, err
	}
	defer closeStore(st, &err)
	in := *d
	in.Workshop.Language = d.Workshop.WorkingLanguage(language)
	sum, _, err = ops.SummariseEvaluation(st, &in)
	return sum, err
}

// evaluationSeries compares the evaluations of a series, for its report,
// with the item texts in language (English when "").
func (c *cli) evaluationSeries(name string, year int, language string) (es *store.EvalSeries, err error) {
	st, err := c.open(false)
	if err != nil {
		return nil, err
	}
	defer closeStore(st, &err)
	return st.EvaluationSeries(name, year, store.PrintLanguage(language))
}
