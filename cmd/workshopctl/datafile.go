package main

import (
	"errors"
	"flag"
	"fmt"
	"os"

	"github.com/workshopdesk/workshopdesk/store"
)

// checkCommand verifies the data file.
var checkCommand = &command{
	name:    "check",
	summary: "verify the data file; exit status 1 if anything is wrong",
	details: `Checks every page of the data file, decodes every record and verifies every
index. Prints "ok: no problems found", or each problem and exits with 1.
Opens the file read-only and writes nothing, so it can check a backup, even
on a read-only medium.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		return func([]string) error { return c.check() }
	},
}

// check runs the store's consistency check and prints each problem found.
// It opens the file read-only and writes nothing, not even the backup made
// on open: it may be pointed at a backup itself, on a read-only medium.
func (c *cli) check() (err error) {
	path, err := c.dataPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("there is no data file at %s; name another with --data", path)
	}
	if err := c.unlockIfProtected(path); err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	problems, err := store.CheckFile(path)
	if err != nil {
		return fmt.Errorf("check %s: %w", path, err)
	}
	if c.json {
		err = c.printJSON(struct {
			Path     string   `json:"path"`
			OK       bool     `json:"ok"`
			Problems []string `json:"problems"`
		}{path, len(problems) == 0, orEmpty(problems)})
	} else if len(problems) == 0 {
		c.printf("ok: no problems found in %s\n", path)
	} else {
		for _, p := range problems {
			c.printf("%s\n", cleanCell(p))
		}
	}
	if err == nil && len(problems) > 0 {
		err = &checkFailed{path: path, problems: len(problems)}
	}
	return err
}

// exportCommand writes the whole data file as JSON.
var exportCommand = &command{
	name:     "export",
	synopsis: "--out FILE.json",
	summary:  "export every workshop to one JSON file",
	details: `Writes every workshop with its sessions, participants, attendance (current
and history) and certificates to one JSON file, for archiving.`,
	required: []string{"out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var out string
		fs.StringVar(&out, "out", "", "the JSON `FILE` to write (replaced if it exists)")
		return func([]string) error { return c.export(out) }
	},
}

// export writes the archive to out and prints how many workshops it holds.
func (c *cli) export(out string) (err error) {
	if err := c.notDataFile(out, "--out"); err != nil {
		return err
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	list, err := st.Workshops()
	if err != nil {
		return fmt.Errorf("export: %w", err)
	}
	if err := st.ExportFile(out); err != nil {
		return err
	}
	if c.json {
		return c.printJSON(struct {
			Path      string `json:"path"`
			Workshops int    `json:"workshops"`
		}{out, len(list)})
	}
	c.printf("exported %s to %s\n", plural(len(list), "workshop"), out)
	return nil
}
