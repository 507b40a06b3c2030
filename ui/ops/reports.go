package ops

import (
	"bytes"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// The reports of a workshop, and of a series of workshops.
const (
	ReportAttendance = "attendance"
	ReportStatistics = "statistics"
	ReportAgenda     = "agenda"
	ReportSeries     = "series"
	ReportLearning   = "learning"
)

// ReportKinds are the reports of a workshop.
var ReportKinds = []string{ReportAttendance, ReportStatistics, ReportAgenda, ReportEvaluation, ReportLearning}

// ReportFormats are the formats of a report, named as the files'
// extensions.
var ReportFormats = []string{"pdf", "csv", "xlsx"}

// ReportRequest is what WriteReport writes.
type ReportRequest struct {
	// Kind is one of ReportKinds with Data (and, for attendance,
	// Overrides), or ReportSeries with Series.
	Kind      string
	Data      *store.WorkshopData
	Overrides map[uuid.UUID]store.EligibilityOverride
	Series    *store.SeriesStats
	// Evaluation is the workshop's evaluation summary: the evaluation
	// report's content, and the headline of the statistics report.
	Evaluation *store.EvaluationSummary
	// EvalSeries, with Series, adds the evaluations compared across the
	// series' workshops.
	EvalSeries *store.EvalSeries
	// Learning is the test results: the learning report's content, and
	// the statistics report's learning figures by group.
	Learning  *store.Learning
	Delimiter rune   // of a CSV report: ',' (also 0), ';' or '\t'; see sheet.WriteCSVDelimited
	Format    string // one of ReportFormats
	Out       string // the file; a CSV report of several tables writes more beside it
	Paper     pdf.PageSize
	Language  string    // to print in; "" is the workshop's working language (English for a series)
	Now       time.Time // the moment of the attendance report
	// CheckPath, if set, is called for every path before anything is
	// written; an error stops the report.
	CheckPath func(path string) error
}

// ReportFile is one file a report was written to.
type ReportFile struct {
	Path  string `json:"path"`
	Table string `json:"table,omitempty"` // the table a CSV file holds
	Rows  int    `json:"rows,omitempty"`
}

// ReportRun is what WriteReport wrote.
type ReportRun struct {
	Tables int          // the tables of the report
	Files  []ReportFile // the main file first
}

// WriteReport writes a report in its format: one PDF, one workbook with a
// sheet per table, or one CSV file per table (report.CSVFiles names them).
// Every path is checked before anything is written.
func WriteReport(req ReportRequest) (ReportRun, error) {
	if req.Kind == ReportLearning && req.Learning == nil {
		return ReportRun{}, fmt.Errorf("the learning report needs the test results")
	}
	tables, main, render := reportContent(req)
	lang := store.PrintLanguage(req.Language)
	if strings.TrimSpace(req.Language) == "" && req.Data != nil && req.Kind != ReportSeries {
		lang = req.Data.Workshop.WorkingLanguage("")
	}
	run := ReportRun{Tables: len(tables)}
	switch req.Format {
	case "pdf", "xlsx":
		run.Files = []ReportFile{{Path: req.Out}}
	case "csv":
		tables, paths := report.CSVFiles(req.Out, tables, main)
		for i, t := range tables {
			run.Files = append(run.Files, ReportFile{Path: paths[i], Table: t.Name, Rows: len(t.Rows)})
		}
	default:
		return run, fmt.Errorf("%q is not a report format: use pdf, csv or xlsx", req.Format)
	}
	for _, f := range run.Files {
		if req.CheckPath != nil {
			if err := req.CheckPath(f.Path); err != nil {
				return run, err
			}
		}
		if err := store.CheckWriteTarget(f.Path); err != nil {
			return run, err
		}
	}
	var err error
	switch req.Format {
	case "pdf":
		err = writeRendered(req.Out, func(b *bytes.Buffer) error { return render(b) })
	case "xlsx":
		local := make([]sheet.Table, len(tables))
		for i, t := range tables {
			local[i] = report.Localize(pdf.LocalizeCountries(t, lang), lang)
		}
		err = sheet.WriteFile(req.Out, local...)
	case "csv":
		delim := req.Delimiter
		if delim == 0 {
			delim = ','
		}
		tables, _ := report.CSVFiles(req.Out, tables, main)
		for i, t := range tables {
			if err = sheet.WriteFileDelimited(run.Files[i].Path, delim, report.Localize(pdf.LocalizeCountries(t, lang), lang)); err != nil {
				break
			}
		}
	}
	if err != nil {
		return run, fmt.Errorf("export %s: %w", filepath.Base(req.Out), err)
	}
	return run, nil
}

// reportContent returns the tables of a report, the one a CSV file gets,
// and what renders it as PDF.
func reportContent(req ReportRequest) (tables []sheet.Table, main string, render func(io.Writer) error) {
	d, size := req.Data, req.Paper
	switch req.Kind {
	case ReportSeries:
		s, es := req.Series, req.EvalSeries
		tables := report.SeriesTables(s)
		if es != nil && len(es.Workshops) > 0 {
			tables = append(tables, report.EvaluationSeries(es))
		}
		return tables, report.WorkshopsTable, func(w io.Writer) error { return pdf.SeriesReportWith(s, es, w, size, pdf.Language(req.Language)) }
	case ReportAttendance:
		perSession, perParticipant := report.AttendanceIn(d, req.Overrides, req.Now, d.Workshop.WorkingLanguage(req.Language))
		return []sheet.Table{perSession, perParticipant}, report.ParticipantsTable,
			func(w io.Writer) error {
				return pdf.AttendanceReportWithOverrides(d, req.Overrides, req.Now, w, size, pdf.Language(req.Language))
			}
	case ReportStatistics:
		tables := report.Statistics(d)
		if l := req.Learning; l != nil && l.Paired > 0 {
			// The donor report gains the learning figures by group.
			tables = append(tables, report.LearningGroups(l))
		}
		return tables, report.GenderTable, func(w io.Writer) error {
			return pdf.StatisticsReportWith(d, pdf.StatisticsExtras{Evaluation: req.Evaluation, Learning: req.Learning}, w, size, pdf.Language(req.Language))
		}
	case ReportEvaluation:
		return report.Evaluation(req.Evaluation), report.EvalItemsTable,
			func(w io.Writer) error {
				return pdf.EvaluationReport(&d.Workshop, req.Evaluation, w, size, pdf.Language(req.Language))
			}
	case ReportLearning:
		l := req.Learning
		return report.Learning(l, d.Workshop.WorkingLanguage(req.Language)), report.LearningParticipantsTable,
			func(w io.Writer) error { return pdf.LearningReport(d, l, w, size, pdf.Language(req.Language)) }
	}
	lang := strings.ToLower(req.Language)
	return []sheet.Table{report.Agenda(d)}, report.AgendaTable, func(w io.Writer) error { return pdf.AgendaPDF(d, w, size, lang) }
}
