package pdf

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// AttendanceReport writes the attendance report of d at instant now as a
// PDF to w, on landscape A4 or Letter (size): the workshop's title, dates
// and the instant in the header of every page; key figures; then the
// per-session table and the per-participant table of report.Attendance
// (eligible or not, and why), each repeating its header row on every page
// it runs over; "Page x of y" in the footer. It is in the workshop's
// working language, or the one an option gives (Language). It is
// AttendanceReportWithOverrides without overrides.
func AttendanceReport(d *store.WorkshopData, now time.Time, w io.Writer, size PageSize, opts ...Option) error {
	return AttendanceReportWithOverrides(d, nil, now, w, size, opts...)
}

// AttendanceReportWithOverrides is AttendanceReport with the certificate
// decisions taken by hand (keyed by participant ID, as
// store.Store.Overrides returns them) in the eligibility column.
func AttendanceReportWithOverrides(d *store.WorkshopData, overrides map[uuid.UUID]store.EligibilityOverride,
	now time.Time, w io.Writer, size PageSize, opts ...Option) error {
	perSession, perParticipant := report.AttendanceIn(d, overrides, now, printLanguage(&d.Workshop, opts))
	r, err := attendanceDoc(d, overrides, now, perSession, perParticipant, size, opts...)
	if err != nil {
		return err
	}
	return r.finish(w)
}

func attendanceDoc(d *store.WorkshopData, overrides map[uuid.UUID]store.EligibilityOverride, now time.Time,
	perSession, perParticipant sheet.Table, size PageSize, opts ...Option) (*reportDoc, error) {
	ws := &d.Workshop
	lang := printLanguage(ws, opts)
	w := reportWording[lang]
	r, err := newReport(size, Landscape, w.attTitle+" – "+ws.Title, opts...)
	if err != nil {
		return nil, err
	}
	r.setLanguage(lang)
	at := now.In(ws.Location())
	r.kicker = w.attKicker
	r.title = ws.Title
	r.subtitle = r.workshopLine(ws)
	if lang == "en" {
		r.corner = "As of " + at.Format("Mon 2 Jan 2006, 15:04") + " (" + zoneName(at) + ")"
		r.footLeft = strings.TrimPrefix(ws.Code+" · attendance as of "+at.Format("2 Jan 2006 15:04"), " · ")
	} else {
		r.corner = fmt.Sprintf(w.asOf, store.DateTime(lang, at), zoneName(at))
		r.footLeft = strings.TrimPrefix(ws.Code+" · "+fmt.Sprintf(w.footAsOf, store.DateTime(lang, at)), " · ")
	}
	perSession, perParticipant = report.LocalizeCells(perSession, lang), report.LocalizeCells(LocalizeCountries(perParticipant, lang), lang)

	// The counts of the Certificates section and the attendance grid.
	c := report.Standings(d, overrides, now)
	eligible := w.eligible
	if c.Appreciation > 0 {
		eligible = fmt.Sprintf(w.eligibleApp, c.Appreciation)
	}
	n := func(v int) string { return store.Number(lang, float64(v), 0) }
	r.tiles([]tile{
		{n(c.Participants), w.participants},
		{n(c.Eligible), eligible},
		{n(c.OnTrack), w.onTrack},
		{n(c.AtRisk), w.atRisk},
		{n(c.NotEligible), w.notEligible},
		{n(len(perSession.Rows)), w.sessionsNoBreaks},
	})

	rule := ws.Rule.Effective()
	counted := []string{w.present}
	if rule.LateCounts {
		counted = append(counted, w.late)
	}
	if rule.ExcusedCounts {
		counted = append(counted, w.excused)
	}
	r.heading(report.Word(lang, "Sessions"), 22)
	r.note(fmt.Sprintf(w.sessionsNote, strings.Join(counted, w.or)))
	num := func(title string, src int, w float64) column {
		return column{title: title, w: w, src: src, align: AlignRight}
	}
	r.table(tableSpec{heading: report.Word(lang, "Sessions"), empty: w.noSessions, rows: perSession.Rows, cols: []column{
		{title: perSession.Header[0], w: 22, src: 0},
		{title: perSession.Header[1], w: 11, src: 1},
		{title: perSession.Header[2], w: 11, src: 2},
		{title: perSession.Header[3], w: 62, src: 3, lines: 2, style: "B"},
		{title: perSession.Header[4], w: 20, src: 4},
		num(perSession.Header[5], 5, 13), num(perSession.Header[6], 6, 12), num(perSession.Header[7], 7, 13),
		num(perSession.Header[8], 8, 13), num(perSession.Header[9], 9, 15), num(perSession.Header[10], 10, 13),
		num(perSession.Header[11], 11, 14),
		{title: perSession.Header[12], w: 15, src: 12, align: AlignRight, format: r.percent, style: "B"},
	}})

	r.heading(report.Word(lang, "Participants"), 22)
	r.note(fmt.Sprintf(w.participantsNote, ruleText(lang, rule)))
	r.table(tableSpec{heading: report.Word(lang, "Participants"), empty: w.noParticipants, rows: perParticipant.Rows, cols: []column{
		{title: perParticipant.Header[0], w: 24, src: 0, style: "B"},
		{title: perParticipant.Header[1], w: 24, src: 1},
		{title: perParticipant.Header[2], w: 20, src: 2},
		{title: perParticipant.Header[3], w: 36, src: 3, lines: 2},
		{title: perParticipant.Header[4], w: 20, src: 4, lines: 2},
		{title: perParticipant.Header[5], w: 18, src: 5},
		num(perParticipant.Header[6], 6, 13), num(perParticipant.Header[7], 7, 14),
		{title: perParticipant.Header[8], w: 12, src: 8, align: AlignRight, format: r.hours},
		{title: perParticipant.Header[9], w: 15, src: 9, align: AlignRight, format: r.percent},
		{title: perParticipant.Header[10], w: 12, src: 10, align: AlignCentre, style: "B", colour: r.yesNo},
		{title: perParticipant.Header[11], w: 62, src: 11, lines: 4},
	}})
	return r, nil
}

// zoneName returns the abbreviation of t's zone ("EAT"), or its offset
// ("UTC+03:00") when the zone has no letters.
func zoneName(t time.Time) string {
	name, off := t.Zone()
	if name != "" && !strings.ContainsAny(name, "+-0123456789") {
		return name
	}
	if off == 0 {
		return "UTC"
	}
	return "UTC" + t.Format("-07:00")
}
