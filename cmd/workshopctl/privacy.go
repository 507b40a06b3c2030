package main

import (
	"errors"
	"flag"
	"fmt"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// purgeCommand removes a workshop's personal data at the end of its
// retention period.
var purgeCommand = &command{
	name:     "purge",
	synopsis: "--workshop W [--yes [--early]]",
	summary:  "remove a workshop's personal data once its retention period is over",
	details: `Without --yes, shows what a purge removes and keeps, and when the workshop's
retention period ends (its last day plus the retention months, 24 unless its
settings say otherwise); nothing is written.

With --yes, removes the names, title, name in the person's own script,
organisation, position, email, phone and notes of every participant (the
family name becomes the badge code), attendance notes, typed test answers
and every earlier version of an answer sheet, evaluation comments and the
reasons of certificate decisions. Gender, country, organisation type, role,
attendance marks, test scores, evaluation ratings and the certificate
register stay, so reports give the same figures and printed certificates
still verify. The backups made before the purge are deleted (they hold
everything it removed), a fresh one is made, and the data file is
compacted so that no removed text is left in its free pages. Before the
retention period is over, --early is needed as well.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		var yes, early bool
		workshopFlag(fs, &ref)
		fs.BoolVar(&yes, "yes", false, "purge; without it nothing is written")
		fs.BoolVar(&early, "early", false, "with --yes, purge before the retention period is over")
		return func([]string) error { return c.purge(ref, yes, early) }
	},
}

func (c *cli) purge(ref string, yes, early bool) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	plan, err := st.PurgePreview(w.ID)
	if err != nil {
		st.Close()
		return err
	}
	switch {
	case !yes:
		if err := st.Close(); err != nil {
			return err
		}
		if c.json {
			return c.printJSON(plan)
		}
		c.printPurgePlan(plan, "would remove", "would keep")
		c.printf("nothing was written; run again with --yes to purge\n")
		return nil
	case !plan.Passed && w.PurgedAt.IsZero() && !early:
		st.Close()
		return fmt.Errorf("the retention period of %s ends on %s; add --early to purge before then", w.Code, plan.RetentionEnds)
	}
	res, err := ops.PurgeWorkshop(st, w.ID)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}
	path, err := c.dataPath()
	if err != nil {
		return err
	}
	if err := store.CompactFile(path); err != nil {
		return fmt.Errorf("the data is purged, but compacting the file failed (removed text may remain in its free pages): %w", err)
	}
	if c.json {
		return c.printJSON(res)
	}
	c.printPurgePlan(res.PurgePlan, "removed", "kept")
	c.printf("deleted %s made before the purge; fresh backup %s\n", plural(len(res.DeletedBackups), "backup"), res.FreshBackup)
	return nil
}

func (c *cli) printPurgePlan(p store.PurgePlan, removed, kept string) {
	w := p.Workshop
	switch {
	case !w.PurgedAt.IsZero() && removed == "would remove":
		c.printf("%s was purged on %s\n", w.Code, w.PurgedAt.Format("2006-01-02"))
	case p.Passed:
		c.printf("%s: the retention period (%d months) ended on %s\n", w.Code, w.Retention(), p.RetentionEnds)
	default:
		c.printf("%s: the retention period (%d months) ends on %s\n", w.Code, w.Retention(), p.RetentionEnds)
	}
	c.printf("%s: the names, contacts, organisations and notes of %s, %s, %s (%s), %s, %s\n",
		removed, plural(p.Participants, "participant"), plural(p.AttendanceNotes, "attendance note"),
		plural(p.AnswerSheets, "typed answer sheet"), plural(p.AnswerVersions, "earlier version"),
		plural(p.Comments, "evaluation comment"), plural(p.OverrideReasons, "decision reason"))
	c.printf("%s: gender, country, organisation type and role; %s; test scores; evaluation ratings; %s in the register (they still verify)\n",
		kept, plural(p.Marks, "attendance mark"), plural(p.Certificates, "certificate"))
}

// personCommand exports everything held about one participant.
var personCommand = &command{
	name:     "person",
	synopsis: "--workshop W --participant BADGE|EMAIL [--pdf FILE [--language LANGUAGE]]",
	summary:  "show or export everything held about one participant",
	details: `Gathers everything the data file holds about one participant, for a person
who asks for it: registration, consent, attendance at each session with every
change, certificates, certificate decisions and test scores (evaluation forms
are anonymous and linked to no one). Prints a summary; with --json, the whole
record as JSON; with --pdf, writes it as a readable PDF in English, French or
Spanish (--language, default the workshop's working language).`,
	required: []string{"workshop", "participant"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, who, out, lang string
		workshopFlag(fs, &ref)
		fs.StringVar(&who, "participant", "", "the participant's badge code or email `BADGE|EMAIL`")
		fs.StringVar(&out, "pdf", "", "write the record as a PDF to `FILE`")
		fs.StringVar(&lang, "language", "", "the PDF's `LANGUAGE`: en, fr or es (default: the workshop's working language)")
		return func([]string) error { return c.person(ref, who, out, lang) }
	},
}

func (c *cli) person(ref, who, out, lang string) (err error) {
	if lang, err = checkLanguage(lang); err != nil {
		return err
	}
	if out != "" {
		if err := c.notDataFile(out, "--pdf"); err != nil {
			return err
		}
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	p, err := st.FindPerson(w.ID, who)
	if err != nil {
		return err
	}
	if out != "" {
		path, err := ops.WritePersonRecord(st, p.ID, out, lang)
		if err != nil {
			return err
		}
		if c.json {
			return c.printJSON(struct {
				Path  string `json:"path"`
				Badge string `json:"badge_code"`
			}{path, p.BadgeCode})
		}
		c.printf("wrote the record of %s to %s\n", p.FullName(), path)
		return nil
	}
	r, err := st.PersonRecordOf(p.ID)
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(r)
	}
	c.printf("%s (%s), %s, %s\n", p.FullName(), p.BadgeCode, p.Email, p.Organisation)
	c.printf("consent: photos %s, shared list %s, follow-up %s\n", consentWord(p.ConsentPhotos), consentWord(p.ConsentShare), consentWord(p.ConsentFollowUp))
	marked := 0
	for _, a := range r.Attendance {
		if a.Status != "" {
			marked++
		}
	}
	c.printf("attendance: marked at %d of %s\n", marked, plural(len(r.Attendance), "session"))
	c.printf("certificates: %d; tests: %d\n", len(r.Certificates), len(r.Tests))
	c.printf("%s\n", r.Evaluation)
	return nil
}

func consentWord(v store.Consent) string {
	if v == store.ConsentNotAsked {
		return "not asked"
	}
	return string(v)
}

// erasePersonCommand deletes one participant on their request.
var erasePersonCommand = &command{
	name:     "erase-person",
	synopsis: "--workshop W --participant BADGE|EMAIL [--yes]",
	summary:  "delete one participant entirely, on their request",
	details: `Without --yes, shows what would be erased; nothing is written. With --yes,
erases the participant: every field of the record (it stays only as a
deletion, so that other laptops delete it too), their attendance with its
history, their test answers and the certificate decisions taken for them.
Reports no longer count them: attendance, statistics and learning figures
change. Their certificates stay in the register as number, dates and a keyed
hash of the name, so that a printed certificate still verifies. Backups made
before still hold them until they rotate out.`,
	required: []string{"workshop", "participant"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, who string
		var yes bool
		workshopFlag(fs, &ref)
		fs.StringVar(&who, "participant", "", "the participant's badge code or email `BADGE|EMAIL`")
		fs.BoolVar(&yes, "yes", false, "erase; without it nothing is written")
		return func([]string) error { return c.erasePerson(ref, who, yes) }
	},
}

func (c *cli) erasePerson(ref, who string, yes bool) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	p, err := st.FindPerson(w.ID, who)
	if err != nil {
		return err
	}
	if p.FullName() == "" && p.Deleted() {
		return errors.New("this participant was already erased")
	}
	erase := st.ErasePreview
	if yes {
		erase = st.ErasePerson
	}
	plan, err := erase(p.ID)
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(struct {
			store.ErasePlan
			Erased bool `json:"erased"`
		}{plan, yes})
	}
	verb := "would erase"
	if yes {
		verb = "erased"
	}
	c.printf("%s %s (%s): the record, %s, %s, %s; reports no longer count them\n", verb, p.FullName(), p.BadgeCode,
		plural(plan.Marks, "attendance record"), plural(plan.AnswerSheets, "answer sheet"), plural(plan.Decisions, "certificate decision"))
	if plan.Certificates > 0 {
		c.printf("kept in the register: %s (number, dates, a hash of the name), so they still verify\n", plural(plan.Certificates, "certificate"))
	}
	if !yes {
		c.printf("nothing was written; run again with --yes to erase\n")
	}
	return nil
}
