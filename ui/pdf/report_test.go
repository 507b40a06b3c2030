package pdf

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
)

// The reports are read back as a person would: pdftotext -layout page by
// page (what a viewer shows and copies), qpdf --check (what a viewer
// accepts), and page images to look at. Set REPORT_SAMPLES to a folder to
// keep the PDFs the tests make there.

// repNames and the rest vary the generated participants: names in several
// scripts, every gender (and none), organisation type, role and a range of
// countries, one unknown.
var (
	repGiven   = []string{"Abebe", "Almaz", "Mohamed", "Fatima Zahra", "Dmitry", "Olena", "Wei", "Şule", "Văn Đức", "Aminata", "José", "Zoë", "Søren", "Grace", "Kwame", "Priya"}
	repFamily  = []string{"Bekele", "Tesfaye", "Al-Amin", "El Idrissi", "Ivanov", "Kovalenko", "Li", "Çağlar", "Nguyễn", "Traoré", "Martínez", "Müller", "Østergaard", "Wanjiru", "Mensah", "Raman", "Papadopoulou"}
	repNative  = []string{"አበበ በቀለ", "", "محمد الأمين", "", "Дмитрий Иванов", "", "李伟", "", "", "", "", "", "", "", "", ""}
	repOrgs    = []string{"Ministry of Labour and Skills", "Ethiopian Red Cross Society", "Ministère des Maliens de l'Extérieur", "International Labour Organization", "Université Cheikh Anta Diop", "Kenya Private Sector Alliance", "Tanzania Media Foundation"}
	repGenders = []store.Gender{store.Female, store.Male, store.Female, store.Male, store.OtherGender, store.GenderPreferNotSay, store.GenderUnknown}
	repOrgT    = []store.OrgType{store.OrgGovernment, store.OrgCivilSociety, store.OrgGovernment, store.OrgInternational, store.OrgAcademia, store.OrgPrivate, store.OrgMedia, store.OrgUnknown}
	repRoles   = []store.Role{store.RoleParticipant, store.RoleParticipant, store.RoleParticipant, store.RoleParticipant, store.RoleSpeaker, store.RoleFacilitator, store.RoleObserver, store.RoleOrganiser}
	repCountry = []string{"ET", "SN", "ML", "KE", "NG", "GH", "TR", "CN", "RU", "CL", "BR", "DE", "FR", "MA", "EG", "", "ZZ"}
)

// repWorkshop builds in memory a workshop of nPeople participants and
// nSessions sessions (three a day and a break each morning), 5 % of them
// joining on day 2, nine cells in ten marked, measured at the end of day 2.
func repWorkshop(nPeople, nSessions int) (*store.WorkshopData, time.Time) {
	days := (nSessions + 2) / 3
	start := store.Date{Year: 2026, Month: 11, Day: 26}
	d := &store.WorkshopData{
		Workshop: store.Workshop{Record: store.Record{ID: store.NewID()}, Code: "big-2026",
			Title: "Regional workshop on labour migration statistics", Series: "Migration dialogues",
			City: "Addis Ababa", Country: "ET", TimeZone: "Africa/Addis_Ababa", Language: "en",
			StartDate: start, EndDate: start.AddDays(days - 1), Organiser: "Institute for Migration Policy"},
		Marks: make(map[uuid.UUID]*store.SessionMarks, nSessions),
	}
	loc := d.Workshop.Location()
	slots := [][2]string{{"09:00", "10:30"}, {"11:00", "12:30"}, {"14:00", "15:30"}}
	types := []store.SessionType{store.Plenary, store.Panel, store.WorkingGroup, store.FieldVisit, store.OtherSession}
	for i := range nSessions {
		se := store.Session{Record: store.Record{ID: store.NewID()}, Date: start.AddDays(i / 3),
			Title: fmt.Sprintf("Session %d: measuring labour migration flows with administrative data", i+1),
			Type:  types[i%len(types)], Counts: i%7 != 6, Mandatory: i == 0 || i == nSessions-1,
			Speakers: "Priya Raman (ILO), Abebe Bekele", Room: []string{"Main hall", "Room A", "Salle Lumumba"}[i%3]}
		se.Start, _ = store.ParseClock(slots[i%3][0])
		se.End, _ = store.ParseClock(slots[i%3][1])
		d.Sessions = append(d.Sessions, se)
		if i%3 == 0 {
			brk := store.Session{Record: store.Record{ID: store.NewID()}, Date: se.Date, Title: "Coffee break", Type: store.Break}
			brk.Start, _ = store.ParseClock("10:30")
			brk.End, _ = store.ParseClock("11:00")
			d.Sessions = append(d.Sessions, brk)
		}
	}
	store.SortSessions(d.Sessions)
	d.Participants = make([]store.Participant, nPeople)
	for i := range d.Participants {
		p := store.Participant{Record: store.Record{ID: store.NewID()},
			GivenNames: repGiven[i%len(repGiven)], FamilyNames: repFamily[(i*7+i/len(repFamily))%len(repFamily)],
			NativeName: repNative[i%len(repNative)], Organisation: repOrgs[i%len(repOrgs)],
			Country: repCountry[i%len(repCountry)], Gender: repGenders[i%len(repGenders)],
			OrgType: repOrgT[i%len(repOrgT)], Role: repRoles[i%len(repRoles)], BadgeCode: fmt.Sprintf("B%05d", i)}
		if i%20 == 0 {
			p.JoinedAt = start.AddDays(1).In(8*60, loc)
		}
		d.Participants[i] = p
	}
	statuses := []store.Status{store.Present, store.Present, store.Present, store.Present, store.Present, store.Present, store.Late, store.Late, store.Excused, store.Absent}
	for si, se := range d.Sessions {
		m := &store.SessionMarks{}
		if se.Type != store.Break && se.Date.Compare(start.AddDays(1)) <= 0 {
			for pi, p := range d.Participants {
				if (pi*7+si*3)%10 == 9 {
					continue
				}
				m.Set(p.ID, store.Mark{Status: statuses[(pi*3+si)%len(statuses)], RecordedAt: se.StartsAt(loc)})
			}
		}
		d.Marks[se.ID] = m
	}
	return d, start.AddDays(1).In(18*60, loc)
}

// repPDF writes a report to a file in t.TempDir() (and to $REPORT_SAMPLES
// when set), checks it with qpdf and returns its path.
func repPDF(t testing.TB, name string, write func(*bytes.Buffer) error) string {
	t.Helper()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if dir := os.Getenv("REPORT_SAMPLES"); dir != "" {
		os.WriteFile(filepath.Join(dir, name), buf.Bytes(), 0o644)
	}
	out := string(run(t, "qpdf", "--check", path))
	if !strings.Contains(out, "No syntax or stream encoding errors found") {
		t.Errorf("qpdf --check %s:\n%s", name, out)
	}
	return path
}

// repPages returns the text of every page of the PDF at path, as
// pdftotext -layout gives it, one page at a time.
func repPages(t testing.TB, path string) []string {
	t.Helper()
	n := pageCount(t, path)
	pages := make([]string, n)
	for i := range pages {
		p := strconv.Itoa(i + 1)
		pages[i] = string(run(t, "pdftotext", "-layout", "-f", p, "-l", p, path, "-"))
	}
	return pages
}

// squash folds runs of white space to one space, so that text split over
// columns by -layout still reads as a phrase.
func squash(s string) string { return strings.Join(strings.Fields(s), " ") }

// wantEveryPage checks that every page of a report names the workshop and
// says "Page x of y" with the right numbers.
func wantEveryPage(t *testing.T, pages []string, want ...string) {
	t.Helper()
	for i, p := range pages {
		if s := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, s) {
			t.Errorf("page %d lacks %q", i+1, s)
		}
		for _, w := range want {
			if !strings.Contains(squash(p), w) {
				t.Errorf("page %d lacks %q:\n%s", i+1, w, p)
			}
		}
	}
}

// TestAttendanceReportPages prints the attendance report of 300
// participants on A4 and Letter, and reads it back page by page: the
// workshop, its dates and "Page x of y" on every page, the header row of
// the table a page shows at its top, every participant once.
func TestAttendanceReportPages(t *testing.T) {
	d, now := repWorkshop(300, 12)
	perSession, perParticipant := report.Attendance(d, now)
	for _, size := range []PageSize{A4, Letter} {
		t.Run(string(size), func(t *testing.T) {
			path := repPDF(t, "attendance-"+strings.ToLower(string(size))+".pdf", func(b *bytes.Buffer) error {
				return AttendanceReport(d, now, b, size, CreationDate(fixedDate))
			})
			pages := repPages(t, path)
			if len(pages) < 10 {
				t.Fatalf("%d pages for 300 participants", len(pages))
			}
			wantEveryPage(t, pages, "ATTENDANCE REPORT", d.Workshop.Title, "26–29 November 2026 · Addis Ababa, Ethiopia",
				"As of Fri 27 Nov 2026, 18:00 (EAT)")
			// The sessions table runs on the first pages, the participants
			// table from there on: each page shows the header row of the
			// tables on it.
			last := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, "Session 12:") })
			first := slices.IndexFunc(pages, func(p string) bool { return strings.Contains(p, "Family name") })
			if last < 0 || first < 0 || first > last+1 {
				t.Fatalf("sessions end on page %d, participants begin on page %d", last+1, first+1)
			}
			// A header row is one line holding every one-word heading.
			headerLine := func(page string, words ...string) bool {
				for _, line := range strings.Split(page, "\n") {
					if !strings.Contains(line, words[0]) {
						continue
					}
					ok := true
					for _, w := range words[1:] {
						ok = ok && regexp.MustCompile(`\b`+w+`\b`).MatchString(line)
					}
					if ok {
						return true
					}
				}
				return false
			}
			sessionHead := []string{"Date", "Start", "End", "Session", "Type", "Present", "Late", "Excused", "Absent", "Pending", "Expected"}
			partHead := []string{"Family name", "Given names", "Organisation", "Country", "Role", "Eligible", "Reason"}
			rows := regexp.MustCompile(`(?m)\s(yes|no)\s`)
			n := 0
			for i, p := range pages {
				if i <= last && !headerLine(p, sessionHead...) {
					t.Errorf("page %d has no sessions header row:\n%s", i+1, p)
				}
				if i >= first && !headerLine(p, partHead...) {
					t.Errorf("page %d has no participants header row:\n%s", i+1, p)
				}
				if i > first && !strings.Contains(p, "Participants (continued)") {
					t.Errorf("page %d does not say the table continues", i+1)
				}
				n += len(rows.FindAllString(p, -1))
			}
			if n != len(perParticipant.Rows) {
				t.Errorf("%d participant rows read back, want %d", n, len(perParticipant.Rows))
			}
			// A row of each table, as the CSV has it.
			text := squash(strings.Join(pages, "\n"))
			s1 := perSession.Rows[0]
			if want := fmt.Sprintf("%v %v %v %v %v %v %v %v %v", s1[5], s1[6], s1[7], s1[8], s1[9], s1[10], s1[11], percentCell(s1[12]), ""); !strings.Contains(text, strings.TrimSpace(want)) {
				t.Errorf("the counts of the first session %q are not in the text", want)
			}
		})
	}
}

// TestStatisticsReport prints the statistics of the sample workshop and
// finds every row of every table in the text: label, counts and
// percentages in order.
func TestStatisticsReport(t *testing.T) {
	d := demoData(t)
	tables := report.Statistics(d)
	path := repPDF(t, "statistics.pdf", func(b *bytes.Buffer) error { return StatisticsReport(d, b, A4, CreationDate(fixedDate)) })
	pages := repPages(t, path)
	wantEveryPage(t, pages, "PARTICIPATION STATISTICS", d.Workshop.Title, "Percentages may not add up to 100 because of rounding.")
	text := strings.Join(pages, "\n")
	for _, tb := range tables {
		if !strings.Contains(squash(text), tableHeading("en", tb)) {
			t.Errorf("no heading %q", tableHeading("en", tb))
		}
		for _, row := range tb.Rows {
			cells := []string{regexp.QuoteMeta(row[0].(string))}
			for _, c := range row[1:] {
				s := plainCell(c)
				if _, ok := c.(float64); ok {
					s = percentCell(c)
				}
				cells = append(cells, regexp.QuoteMeta(s))
			}
			re := regexp.MustCompile(`(?m)^\s*` + strings.Join(cells, `\s+`) + `\s*$`)
			if !re.MatchString(text) {
				t.Errorf("%s: no line %q", tb.Name, strings.Join(cells, " "))
			}
		}
	}
	// The prefer-not-to-say and not-given rows are there even at 0.
	for _, want := range []string{"Prefer not to say", "Not given"} {
		if !strings.Contains(text, want) {
			t.Errorf("no %q row", want)
		}
	}
}

// TestStatisticsBars measures the bars on the rendered page: a workshop of
// three women and one man (the man absent everywhere) has bars in
// proportion 3 : 1 among the registered, and the women's attended bar as
// long as their registered one (both the largest share, 75 % and 100 %
// on one scale: 100 % fills the column).
func TestStatisticsBars(t *testing.T) {
	d := &store.WorkshopData{Workshop: store.Workshop{Title: "Bars", TimeZone: "UTC",
		StartDate: store.Date{Year: 2027, Month: 1, Day: 4}, EndDate: store.Date{Year: 2027, Month: 1, Day: 4}},
		Marks: map[uuid.UUID]*store.SessionMarks{}}
	se := store.Session{Record: store.Record{ID: store.NewID()}, Date: d.Workshop.StartDate, Start: 9 * 60, End: 10 * 60,
		Title: "Only", Type: store.Plenary, Counts: true}
	d.Sessions = []store.Session{se}
	d.Marks[se.ID] = &store.SessionMarks{}
	for i, g := range []store.Gender{store.Female, store.Female, store.Female, store.Male} {
		p := store.Participant{Record: store.Record{ID: store.NewID()}, FamilyNames: fmt.Sprint("P", i), Gender: g}
		d.Participants = append(d.Participants, p)
		if g == store.Female {
			d.SetMark(se.ID, p.ID, store.Mark{Status: store.Present})
		}
	}
	path := repPDF(t, "bars.pdf", func(b *bytes.Buffer) error { return StatisticsReport(d, b, A4, CreationDate(fixedDate)) })
	const dpi = 200
	img := render(t, path, 1, dpi)
	px := func(mm float64) int { return int(mm*dpi/25.4 + 0.5) }
	// The gender table's columns on A4 portrait: label 50, bar 38, count
	// 17, % 13, bar 38, count 17, % 13 of 186 mm from the 12 mm margin.
	full := 38 - 2*rpCellPad
	// Each row's middle, from where pdftotext finds its label (points).
	bbox := string(run(t, "pdftotext", "-f", "1", "-l", "1", "-bbox", path, "-"))
	rowMid := func(label string) float64 {
		m := regexp.MustCompile(`yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">` + label + `<`).FindStringSubmatch(bbox)
		if m == nil {
			t.Fatalf("no %q on page 1", label)
		}
		y0, _ := strconv.ParseFloat(m[1], 64)
		y1, _ := strconv.ParseFloat(m[2], 64)
		return (y0 + y1) / 2 * 25.4 / 72
	}
	// barLen measures the bar in the column whose track starts at x0, on
	// the row of label: the run of pixels darker than the light track.
	barLen := func(x0 float64, label string) float64 {
		y, x := px(rowMid(label)), px(x0)
		for x < img.Bounds().Dx() && img.GrayAt(x, y).Y < 200 {
			x++
		}
		return float64(x-px(x0)) * 25.4 / dpi
	}
	regX, attX := 12+50+rpCellPad, 12+50+38+17+13+rpCellPad
	reg := []float64{barLen(regX, "Female"), barLen(regX, "Male"), barLen(regX, "Other")}
	att := []float64{barLen(attX, "Female"), barLen(attX, "Male")}
	near := func(got, want float64) bool { return got > want-0.6 && got < want+0.6 }
	// Female 75 %, male 25 %: the scale is the largest share of the table,
	// the women's 100 % among those who attended.
	if !near(reg[0], full*0.75) || !near(reg[1], full*0.25) || !near(att[0], full) || att[1] > 0.1 || reg[2] > 0.1 {
		t.Errorf("bars: registered %v, attended %v; want %.1f, %.1f and %.1f mm", reg, att, full*0.75, full*0.25, full)
	}
}

// TestAgendaPDF prints the sample programme in English and French and
// finds each day's heading with its weekday and month, every session
// title, and the translated page numbers.
func TestAgendaPDF(t *testing.T) {
	d := demoData(t)
	for _, tt := range []struct {
		lang, page string
		days       []string
		words      []string
	}{
		{"en", "Page 1 of 1", []string{"Day 1 – Tuesday 9 March 2027", "Day 2 – Wednesday 10 March 2027", "Day 3 – Thursday 11 March 2027"},
			[]string{"PROGRAMME", "Time", "Session", "Room", "Plenary · mandatory", "Speakers: Hiwot Girma; Abebe Bekele", "Addis Ababa, Ethiopia"}},
		{"fr", "Page 1 sur 1", []string{"Jour 1 – mardi 9 mars 2027", "Jour 2 – mercredi 10 mars 2027", "Jour 3 – jeudi 11 mars 2027"},
			[]string{"PROGRAMME", "Horaire", "Séance", "Salle", "Plénière · obligatoire", "Intervenants : Hiwot Girma", "Table ronde", "Éthiopie"}},
	} {
		t.Run(tt.lang, func(t *testing.T) {
			path := repPDF(t, "agenda-"+tt.lang+".pdf", func(b *bytes.Buffer) error {
				return AgendaPDF(d, b, A4, tt.lang, CreationDate(fixedDate))
			})
			pages := repPages(t, path)
			text := squash(strings.Join(pages, "\n"))
			for _, want := range append(append(tt.days, tt.words...), tt.page, d.Workshop.Title) {
				if !strings.Contains(text, want) {
					t.Errorf("%s agenda lacks %q:\n%s", tt.lang, want, text)
				}
			}
			for _, se := range d.Sessions {
				if !strings.Contains(text, se.Title) || !strings.Contains(text, se.Start.String()+"–"+se.End.String()) {
					t.Errorf("%s agenda lacks %s %q", tt.lang, se.Start, se.Title)
				}
			}
		})
	}
}

// TestAgendaLanguages checks the day headings in every language and that
// the agenda prints in each, on both paper sizes, and over several pages.
func TestAgendaLanguages(t *testing.T) {
	day := store.Date{Year: 2026, Month: 10, Day: 1}
	for lang, want := range map[string]string{
		"en": "Day 1 – Thursday 1 October 2026",
		"fr": "Jour 1 – jeudi 1er octobre 2026",
		"es": "Día 1 – jueves 1 de octubre de 2026",
		"ru": "День 1 – четверг, 1 октября 2026 г.",
		"ar": "اليوم 1 – الخميس 1 أكتوبر 2026",
		"zh": "第1天 – 2026年10月1日 星期四",
		"xx": "Day 1 – Thursday 1 October 2026",
		"FR": "Jour 1 – jeudi 1er octobre 2026",
	} {
		// The date keeps together with no-break spaces.
		if got := strings.ReplaceAll(dayHeading(lang, 1, day), "\u00a0", " "); got != want {
			t.Errorf("%s: %q, want %q", lang, got, want)
		}
	}
	d, _ := repWorkshop(10, 45)
	for _, lang := range []string{"en", "fr", "es", "ar", "ru", "zh"} {
		for _, size := range []PageSize{A4, Letter} {
			path := repPDF(t, "agenda-"+lang+".pdf", func(b *bytes.Buffer) error { return AgendaPDF(d, b, size, lang) })
			pages := repPages(t, path)
			if len(pages) < 3 {
				t.Errorf("%s %s: %d pages for 45 sessions", lang, size, len(pages))
			}
		}
	}
	// The workshop's own language by default.
	d.Workshop.Language = "es"
	path := repPDF(t, "agenda-default.pdf", func(b *bytes.Buffer) error { return AgendaPDF(d, b, A4, "") })
	if text := strings.Join(repPages(t, path), ""); !strings.Contains(text, "Día 1 – jueves 26 de noviembre de 2026") {
		t.Errorf("default language: %s", text[:400])
	}
	// An empty programme says so.
	d.Sessions = nil
	path = repPDF(t, "agenda-empty.pdf", func(b *bytes.Buffer) error { return AgendaPDF(d, b, A4, "en") })
	if text := strings.Join(repPages(t, path), ""); !strings.Contains(text, "The programme has no sessions yet.") {
		t.Errorf("empty programme: %s", text)
	}
}

// TestSeriesReport prints the series of the sample workshop (every
// series, every year) from a store.
func TestSeriesReport(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "workshops.db"),
		store.Options{Now: func() time.Time { return demoNow }, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.InitDemo(); err != nil {
		t.Fatal(err)
	}
	st, err := s.Series("", 0)
	if err != nil {
		t.Fatal(err)
	}
	path := repPDF(t, "series.pdf", func(b *bytes.Buffer) error { return SeriesReport(st, b, Letter, CreationDate(fixedDate)) })
	pages := repPages(t, path)
	wantEveryPage(t, pages, "SERIES REPORT", "All workshops", "All years · 1 workshop · 9–11 March 2027")
	text := squash(strings.Join(pages, "\n"))
	for _, want := range []string{"demo", "Migration and sustainable rural development", "registrations", "distinct persons", "By gender",
		"Female", "Prefer not to say", "Not given", "Gender × organisation type", "Percentages may not add up to 100 because of rounding."} {
		if !strings.Contains(text, want) {
			t.Errorf("series report lacks %q", want)
		}
	}
}

// TestReportErrors: reports print on A4 or Letter only, and the same input
// with a fixed creation date gives the same bytes.
func TestReportErrors(t *testing.T) {
	d, now := repWorkshop(5, 3)
	if err := AttendanceReport(d, now, &bytes.Buffer{}, A5); err == nil || !strings.Contains(err.Error(), "A4 or Letter") {
		t.Errorf("A5 attendance report: %v", err)
	}
	var a, b bytes.Buffer
	for _, buf := range []*bytes.Buffer{&a, &b} {
		if err := StatisticsReport(d, buf, Letter, CreationDate(fixedDate)); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("the same statistics give different bytes")
	}
	// An empty workshop still prints, with its empty tables.
	empty := &store.WorkshopData{Workshop: store.Workshop{Title: "Empty"}}
	path := repPDF(t, "empty.pdf", func(b *bytes.Buffer) error { return AttendanceReport(empty, now, b, A4) })
	text := squash(strings.Join(repPages(t, path), ""))
	for _, want := range []string{"The agenda has no sessions yet.", "No participants are registered.", "Page 1 of 1"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty report lacks %q:\n%s", want, text)
		}
	}
}
