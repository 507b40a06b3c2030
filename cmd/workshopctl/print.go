package main

import (
	"errors"
	"flag"
	"fmt"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// layoutFlag is the value of --layout: a badge layout.
type layoutFlag pdf.BadgeLayout

func (l *layoutFlag) String() string { return string(*l) }

// Set accepts a layout by its name, ignoring case.
func (l *layoutFlag) Set(v string) error {
	for _, layout := range pdf.BadgeLayouts {
		if strings.EqualFold(strings.TrimSpace(v), string(layout)) {
			*l = layoutFlag(layout)
			return nil
		}
	}
	return fmt.Errorf("%q is not a badge layout: use a4-8 (eight badges per A4 sheet) or a6 (one per A6 page)", v)
}

// codesFlag is the value of --only: badge codes, given as one
// comma-separated list or by repeating the flag.
type codesFlag []string

func (c *codesFlag) String() string { return strings.Join(*c, ",") }

// Set adds the codes of a comma-separated list, normalised as the store
// keeps them (upper case, no spaces or dashes).
func (c *codesFlag) Set(v string) error {
	n := len(*c)
	for _, part := range strings.Split(v, ",") {
		if code := store.NormalizeBadgeCode(part); code != "" {
			*c = append(*c, code)
		}
	}
	if len(*c) == n {
		return errors.New("no badge code given: write --only CODE,CODE,...")
	}
	return nil
}

// badgesCommand prints name badges.
var badgesCommand = &command{
	name:     "badges",
	synopsis: "--workshop W --out FILE.pdf [--layout a4-8|a6] [--only CODE,...] [--allow-lost-letters] [--language LANGUAGE]",
	summary:  "print name badges to a PDF",
	details: `Writes a badge for every participant, in registration order, or for those
whose badge codes --only lists, in that order (to reprint a lost badge, or
print those of late registrations). Each badge shows the name in Latin letters
and in the person's own script, organisation, country, a band coloured by
role and the badge code as text and as a QR code for "workshopctl checkin
--code".

Layouts: a4-8 puts eight 90 × 55 mm badges on an A4 sheet with cutting marks;
a6 prints one badge per A6 page, for badge holders. A name that still holds a
"?" standing for a letter lost to an 8-bit export stops the run, naming the
people, unless --allow-lost-letters is given. The file is replaced
atomically. Prints how many badges and pages were written.

The role band and the country are in the workshop's working language, or in
--language (en, fr, es, ar, ru or zh); the role by the person's gender where
the language makes the difference (INTERVENANT, INTERVENANTE).`,
	required: []string{"workshop", "out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var f badgesFlags
		f.layout = layoutFlag(pdf.BadgeA4x8)
		workshopFlag(fs, &f.workshop)
		fs.StringVar(&f.out, "out", "", "the PDF `FILE` to write (replaced if it exists)")
		fs.Var(&f.layout, "layout", "the `LAYOUT`: a4-8 (eight per A4 sheet) or a6 (one per A6 page)")
		fs.Var(&f.only, "only", "print only the badges of these `CODES`, separated by commas")
		fs.BoolVar(&f.allowLost, "allow-lost-letters", false, "print even names that still hold a \"?\" standing for a letter lost to an 8-bit export")
		languageFlag(fs, &f.language)
		return func([]string) error { return c.badges(f) }
	},
}

// badgesFlags holds the flags of badges as typed.
type badgesFlags struct {
	workshop, out string
	language      string
	layout        layoutFlag
	only          codesFlag
	allowLost     bool
}

// badges writes the badges PDF and says how many badges and pages it has.
func (c *cli) badges(f badgesFlags) error {
	if err := c.notDataFile(f.out, "--out"); err != nil {
		return err
	}
	lang, err := checkLanguage(f.language)
	if err != nil {
		return err
	}
	d, err := c.loadWorkshop(f.workshop)
	if err != nil {
		return err
	}
	people := d.Participants
	if len(f.only) > 0 {
		if people, err = byBadgeCodes(&d.Workshop, d.Participants, f.only); err != nil {
			return err
		}
	}
	run, err := ops.Badges(ops.BadgeRequest{Data: d, People: people, Layout: pdf.BadgeLayout(f.layout), Out: f.out,
		AllowLostLetters: f.allowLost, Language: lang})
	var failed *ops.CheckFailed
	if errors.As(err, &failed) {
		return fmt.Errorf("names still hold a lost letter (\"?\"): %s; correct them, or give --allow-lost-letters to print anyway; no badges written",
			ops.LostLetterList(failed.LostLetters))
	} else if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(struct {
			Path     string `json:"path"`
			Workshop string `json:"workshop"`
			Layout   string `json:"layout"`
			Badges   int    `json:"badges"`
			Pages    int    `json:"pages"`
		}{f.out, d.Workshop.Code, string(f.layout), run.Badges, run.Pages})
	}
	c.printf("wrote %s (%s) to %s\n", plural(run.Badges, "badge"), plural(run.Pages, "page"), f.out)
	return nil
}

// byBadgeCodes returns the participants holding the codes (normalised),
// in the order of codes, each once; it fails naming every code that no
// participant holds.
func byBadgeCodes(w *store.Workshop, people []store.Participant, codes []string) ([]store.Participant, error) {
	index := make(map[string]int, len(people))
	for i, p := range people {
		index[store.NormalizeBadgeCode(p.BadgeCode)] = i
	}
	var out []store.Participant
	var unknown []string
	seen := map[string]bool{}
	for _, code := range codes {
		if seen[code] {
			continue
		}
		seen[code] = true
		if i, ok := index[code]; ok {
			out = append(out, people[i])
		} else {
			unknown = append(unknown, code)
		}
	}
	switch len(unknown) {
	case 0:
		return out, nil
	case 1:
		return nil, fmt.Errorf("no participant of %s has the badge code %s; no badges written", w.Code, unknown[0])
	}
	return nil, fmt.Errorf("no participant of %s has the badge codes %s; no badges written", w.Code, strings.Join(unknown, ", "))
}

// signInSheetCommand prints the paper sign-in sheet of a session.
var signInSheetCommand = &command{
	name:     "signin-sheet",
	synopsis: "--workshop W --session S --out FILE.pdf [--language LANGUAGE]",
	summary:  "print the paper sign-in sheet of a session to a PDF",
	details: `Writes the sign-in sheet of a session: the workshop and session with date,
time, room and venue, then a numbered row per participant expected (everyone
registered by the session's start), sorted by family name, with badge code,
name, organisation and a box to sign; "Page x of y" on every page. The file
is replaced atomically.

` + languageHelp + `

` + sessionRefHelp,
	required: []string{"workshop", "session", "out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, session, out, lang string
		workshopFlag(fs, &ref)
		sessionFlag(fs, &session)
		fs.StringVar(&out, "out", "", "the PDF `FILE` to write (replaced if it exists)")
		languageFlag(fs, &lang)
		return func([]string) error { return c.signInSheet(ref, session, out, lang) }
	},
}

// signInSheet writes the sign-in sheet PDF of a session and says how many
// people and pages it has.
func (c *cli) signInSheet(ref, session, out, lang string) error {
	if err := c.notDataFile(out, "--out"); err != nil {
		return err
	}
	lang, err := checkLanguage(lang)
	if err != nil {
		return err
	}
	d, err := c.loadWorkshop(ref)
	if err != nil {
		return err
	}
	se, n, err := findSession(&d.Workshop, d.Sessions, session)
	if err != nil {
		return err
	}
	run, err := ops.SignInSheetIn(d, se, out, lang)
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(struct {
			Path      string `json:"path"`
			Workshop  string `json:"workshop"`
			SessionID string `json:"session_id"`
			Number    int    `json:"number"`
			Session   string `json:"session"`
			People    int    `json:"people"`
			Pages     int    `json:"pages"`
		}{out, d.Workshop.Code, se.ID.String(), n, se.Title, run.People, run.Pages})
	}
	c.printf("wrote the sign-in sheet of “%s” (%s, %s) to %s\n", se.Title, peopleCount(run.People), plural(run.Pages, "page"), out)
	return nil
}

// peopleCount returns "1 person", "38 people".
func peopleCount(n int) string {
	if n == 1 {
		return "1 person"
	}
	return fmt.Sprintf("%d people", n)
}
