package main

import (
	"flag"
	"fmt"

	"github.com/workshopdesk/workshopdesk/store"
)

// participantsCommand lists a workshop's participants.
var participantsCommand = &command{
	name:     "participants",
	synopsis: "--workshop W",
	summary:  "list a workshop's participants",
	details: `Lists the participants in registration order: badge code, names in Latin
letters and in their own script, country, role and organisation. With --json,
prints the full records.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref string
		workshopFlag(fs, &ref)
		return func([]string) error { return c.participants(ref) }
	},
}

// participants prints the participants of the workshop named by ref.
func (c *cli) participants(ref string) (err error) {
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	w, err := findWorkshop(st, ref)
	if err != nil {
		return err
	}
	list, err := st.Participants(w.ID)
	if err != nil {
		return fmt.Errorf("list the participants of %s: %w", w.Code, err)
	}
	if c.json {
		return c.printJSON(orEmpty(list))
	}
	if len(list) == 0 {
		c.printf("%s has no participants yet\n", w.Code)
		return nil
	}
	t := newTable("BADGE", "FAMILY NAME", "GIVEN NAMES", "NATIVE NAME", "COUNTRY", "ROLE", "ORGANISATION")
	for _, p := range list {
		t.add(p.BadgeCode, p.FamilyNames, p.GivenNames, p.NativeName, p.Country, store.Label(p.Role), p.Organisation)
	}
	return t.write(c.stdout)
}
