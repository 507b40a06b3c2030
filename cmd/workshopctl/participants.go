package main

import (
	"flag"
	"fmt"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// participantsCommand lists a workshop's participants, or exports them to
// a spreadsheet.
var participantsCommand = &command{
	name:     "participants",
	synopsis: "--workshop W [--for-sharing] [--out FILE.csv|FILE.xlsx [--language LANGUAGE] [--delimiter comma|semicolon|tab]]",
	summary:  "list a workshop's participants, or export them to CSV or XLSX",
	details: `Lists the participants in registration order: badge code, names in Latin
letters and in their own script, country, role and organisation. With --json,
prints the full records.

With --out, writes them instead to a CSV file (UTF-8 with a byte order mark,
so that Excel shows every script) or an XLSX workbook, chosen by the extension:
every field, under the headings "workshopctl import" recognises, so that the
file can be corrected in a spreadsheet and imported back as it is. The
headings, gender, role and organisation type are in the workshop's working
language, or --language, when it is English, French or Spanish (the
languages import reads); else in English. Excel set to French, Spanish,
German and other languages that write decimals with a comma expects
semicolons between the fields: give --delimiter semicolon for it (the
import reads either).

With --for-sharing, the list is the one to hand to the other participants:
those who declined to have their details shared are left out, and the file
(or the list printed) holds only names, organisation, position, country and
email.`,
	required: []string{"workshop"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, out, lang, delim string
		var sharing bool
		workshopFlag(fs, &ref)
		fs.BoolVar(&sharing, "for-sharing", false, "leave out those who declined to have their details shared with the\nother participants, and write only what such a list shows")
		fs.StringVar(&out, "out", "", "write the participants to `FILE` (.csv or .xlsx; replaced if it exists)\ninstead of listing them")
		languageFlag(fs, &lang)
		delimiterFlag(fs, &delim)
		return func([]string) error {
			d, err := csvDelimiter(delim, out)
			if err != nil {
				return err
			}
			return c.participants(ref, out, lang, d, sharing)
		}
	},
}

// participants prints the participants of the workshop named by ref, or
// writes them to the spreadsheet out (a CSV file with the delimiter delim).
func (c *cli) participants(ref, out, lang string, delim rune, sharing bool) (err error) {
	if lang, err = checkLanguage(lang); err != nil {
		return err
	}
	if out != "" {
		if err := c.notDataFile(out, "--out"); err != nil {
			return err
		}
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	list, err := st.Participants(w.ID)
	if err != nil {
		return fmt.Errorf("list the participants of %s: %w", w.Code, err)
	}
	if sharing {
		list = store.ForSharing(list, false)
	}
	if out != "" {
		return c.exportParticipants(w, list, out, lang, delim, sharing)
	}
	if sharing {
		return c.printSharing(w, list, lang)
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

// sharedPerson is one line of the list for sharing, as --json prints it.
type sharedPerson struct {
	Honorific    string `json:"honorific,omitempty"`
	GivenNames   string `json:"given_names"`
	FamilyNames  string `json:"family_name"`
	NativeName   string `json:"native_name,omitempty"`
	Organisation string `json:"organisation"`
	Position     string `json:"position"`
	Country      string `json:"country"`
	Email        string `json:"email"`
}

// printSharing prints the list for sharing: the columns of the file that
// --out writes, and no other field (no badge code, role, gender or phone).
func (c *cli) printSharing(w store.Workshop, list []store.Participant, lang string) error {
	sheetTable := importer.SharingTable(list, w.WorkingLanguage(lang))
	if c.json {
		out := make([]sharedPerson, len(sheetTable.Rows))
		for i, r := range sheetTable.Rows {
			cell := func(j int) string { s, _ := r[j].(string); return s }
			out[i] = sharedPerson{cell(0), cell(1), cell(2), cell(3), cell(4), cell(5), cell(6), cell(7)}
		}
		return c.printJSON(out)
	}
	if len(sheetTable.Rows) == 0 {
		c.printf("%s has nobody to list for sharing\n", w.Code)
		return nil
	}
	header := make([]string, len(sheetTable.Header))
	for i, h := range sheetTable.Header {
		header[i] = strings.ToUpper(h)
	}
	t := newTable(header...)
	for _, r := range sheetTable.Rows {
		cells := make([]string, len(r))
		for i, v := range r {
			cells[i] = fmt.Sprint(v)
		}
		t.add(cells...)
	}
	return t.write(c.stdout)
}

// exportParticipants writes list to the spreadsheet out and says so.
func (c *cli) exportParticipants(w store.Workshop, list []store.Participant, out, lang string, delim rune, sharing bool) error {
	table := importer.ExportTableIn(list, w.Location(), w.WorkingLanguage(lang))
	if sharing {
		table = importer.SharingTable(list, w.WorkingLanguage(lang))
	}
	if err := sheet.WriteFileDelimited(out, delim, table); err != nil {
		return fmt.Errorf("export the participants of %s: %w", w.Code, err)
	}
	if c.json {
		return c.printJSON(struct {
			Path         string `json:"path"`
			Workshop     string `json:"workshop"`
			Participants int    `json:"participants"`
		}{out, w.Code, len(list)})
	}
	c.printf("wrote %s to %s\n", plural(len(list), "participant"), out)
	return nil
}
