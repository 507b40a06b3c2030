package main

import (
	"flag"
	"fmt"
	"strconv"

	"github.com/workshopdesk/workshopdesk/store"
)

// initDemoCommand creates the sample workshop.
var initDemoCommand = &command{
	name:    "init-demo",
	summary: `create the sample workshop "demo"`,
	details: `Creates the sample workshop (code "demo", Addis Ababa, three days from
yesterday) with its agenda, 40 participants in many scripts and the
attendance of the sessions already held, then prints what it holds.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		return func([]string) error { return c.initDemo() }
	},
}

// initDemo creates the sample workshop and prints what it holds.
func (c *cli) initDemo() (err error) {
	st, err := c.open(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := st.InitDemo()
	if err != nil {
		return fmt.Errorf("sample workshop not created: %w", withoutFields(err))
	}
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		return fmt.Errorf("read the sample workshop back: %w", err)
	}
	marks := 0
	for _, m := range d.Marks {
		marks += m.Len()
	}
	if c.json {
		return c.printJSON(struct {
			store.WorkshopSummary
			Attendance int `json:"attendance"`
		}{store.WorkshopSummary{Workshop: w, Sessions: len(d.Sessions), Participants: len(d.Participants)}, marks})
	}
	c.printf("Created the sample workshop %q.\n", w.Code)
	t := newTable()
	t.add("  code", w.Code)
	t.add("  title", w.Title)
	t.add("  venue", w.City+", "+countryName(w.Country))
	t.add("  dates", dateRange(w.StartDate, w.EndDate)+" ("+w.TimeZone+")")
	t.add("  sessions", strconv.Itoa(len(d.Sessions)))
	t.add("  participants", strconv.Itoa(len(d.Participants)))
	t.add("  attendance", plural(marks, "mark")+" recorded")
	return t.write(c.stdout)
}

// addWorkshopCommand adds a workshop.
var addWorkshopCommand = &command{
	name:     "add-workshop",
	synopsis: "--code CODE --title TITLE --city CITY --country COUNTRY --start YYYY-MM-DD --end YYYY-MM-DD [--tz ZONE] [--series SERIES] [--organiser ORGANISER] [--partners PARTNERS] [--language LANGUAGE]",
	summary:  "add a workshop",
	details: `Every problem with the flags is reported at once, on one line. Prints the
new workshop's code and ID.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f workshopFlags
		fs.StringVar(&f.code, "code", "", "short unique `CODE`: 2 to 32 lower-case letters, digits or dashes,\ne.g. addis-2027")
		fs.StringVar(&f.title, "title", "", "the workshop's `TITLE`")
		fs.StringVar(&f.city, "city", "", "the venue `CITY`")
		fs.StringVar(&f.country, "country", "", "the venue `COUNTRY`: ISO code (ET) or English name (Ethiopia)")
		fs.StringVar(&f.start, "start", "", "the first day, `YYYY-MM-DD`")
		fs.StringVar(&f.end, "end", "", "the last day, `YYYY-MM-DD`")
		fs.StringVar(&f.zone, "tz", "", "the IANA time `ZONE` of the venue, e.g. Africa/Addis_Ababa\n(default: the country's main zone)")
		fs.StringVar(&f.series, "series", "", "the `SERIES` the workshop belongs to")
		fs.StringVar(&f.organiser, "organiser", "", "the `ORGANISER`")
		fs.StringVar(&f.partners, "partners", "", "the `PARTNERS`, separated by semicolons")
		fs.StringVar(&f.language, "language", "", "the working `LANGUAGE`, e.g. en, fr, es")
		return func([]string) error { return c.addWorkshop(f) }
	},
}

// workshopFlags holds the flags of add-workshop as typed.
type workshopFlags struct {
	code, title, city, country, start, end, zone string
	series, organiser, partners, language        string
}

// workshop turns the flags into a workshop, with the problems found in
// them by field.
func (f workshopFlags) workshop() (store.Workshop, store.ValidationError) {
	w := store.Workshop{
		Code: f.code, Title: f.title, City: f.city, TimeZone: f.zone,
		Series: f.series, Organiser: f.organiser, Partners: f.partners, Language: f.language,
	}
	var problems store.ValidationError
	if code, ok := store.CountryCode(f.country); ok {
		w.Country = code
	} else if f.country == "" {
		problems = append(problems, store.FieldError{Field: "country", Message: "a country is required, as an ISO code (ET) or an English name (Ethiopia)"})
	} else {
		problems = append(problems, store.FieldError{Field: "country", Message: fmt.Sprintf("%q is neither an ISO country code nor an English country name", f.country)})
	}
	for _, d := range []struct {
		text, field string
		to          *store.Date
	}{{f.start, "start_date", &w.StartDate}, {f.end, "end_date", &w.EndDate}} {
		if d.text == "" {
			continue // the store reports the missing date
		}
		v, err := store.ParseDate(d.text)
		if err != nil {
			problems = append(problems, store.FieldError{Field: d.field, Message: err.Error()})
			continue
		}
		*d.to = v
	}
	return w, problems
}

// addWorkshop saves a new workshop and prints its code and ID.
func (c *cli) addWorkshop(f workshopFlags) (err error) {
	w, problems := f.workshop()
	if len(problems) > 0 {
		w.Normalize()
		var skip []string
		if problems.For("country") != "" && f.zone == "" {
			skip = append(skip, "time_zone") // it would come from the country
		}
		return notSaved("workshop", mergeProblems(problems, w.Validate(), skip...), workshopFields)
	}
	st, err := c.open(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	if err := st.SaveWorkshop(&w); err != nil {
		return notSaved("workshop", err, workshopFields)
	}
	if c.json {
		return c.printJSON(w)
	}
	c.printf("added workshop %s with ID %s\n", w.Code, w.ID)
	return nil
}

// workshopsCommand lists the workshops.
var workshopsCommand = &command{
	name:    "workshops",
	summary: "list the workshops, latest first",
	details: `Lists code, title, venue, dates and the numbers of sessions and
participants of every workshop.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		return func([]string) error { return c.workshops() }
	},
}

// workshops prints the workshop list.
func (c *cli) workshops() (err error) {
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	list, err := st.Workshops()
	if err != nil {
		return fmt.Errorf("list workshops: %w", err)
	}
	if c.json {
		return c.printJSON(orEmpty(list))
	}
	if len(list) == 0 {
		c.printf("no workshops yet; add one with \"workshopctl add-workshop\" or try \"workshopctl init-demo\"\n")
		return nil
	}
	t := newTable("CODE", "TITLE", "SERIES", "CITY", "COUNTRY", "DATES", "SESSIONS", "PARTICIPANTS").alignRight(6, 7)
	for _, w := range list {
		t.add(w.Code, w.Title, w.Series, w.City, countryName(w.Country), dateRange(w.StartDate, w.EndDate),
			strconv.Itoa(w.Sessions), strconv.Itoa(w.Participants))
	}
	return t.write(c.stdout)
}

// orEmpty returns list, or an empty list instead of nil so that JSON shows
// [] rather than null.
func orEmpty[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}
