package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/workshopdesk/workshopdesk/store"
)

// backupCommand writes a backup of the data file.
var backupCommand = &command{
	name:     "backup",
	synopsis: "[--out FILE]",
	summary:  "back up the data file, while it may stay in use",
	details: `Writes a consistent copy of the data file into the "backups" folder beside
it, where old backups are rotated (the newest 10 are kept, and the newest of
each day for 30 days), or to the file given with --out. Prints the path.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var out string
		fs.StringVar(&out, "out", "", "write the backup to `FILE` instead of the backups folder")
		return func([]string) error { return c.backup(out) }
	},
}

// backup writes a backup and prints its path.
func (c *cli) backup(out string) (err error) {
	if out != "" {
		if err := c.notDataFile(out, "--out"); err != nil {
			return err
		}
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	path := out
	if out == "" {
		if path, err = st.Backup(); err != nil {
			return fmt.Errorf("back up %s: %w", st.Path(), err)
		}
	} else if err := st.BackupTo(out); err != nil {
		return fmt.Errorf("back up %s: %w", st.Path(), err)
	}
	if c.json {
		return c.printJSON(map[string]string{"path": path})
	}
	c.printf("backed up to %s\n", path)
	return nil
}

// backupsCommand lists the backups of the data file.
var backupsCommand = &command{
	name:    "backups",
	summary: "list the backups of the data file, newest first",
	details: `Lists the backups in the "backups" folder beside the data file: time, size
and path. The data file is not opened, so this works while it is in use.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		return func([]string) error { return c.backups() }
	},
}

// backups lists the backups without opening the data file, which may be
// in use or damaged.
func (c *cli) backups() error {
	path, err := c.dataPath()
	if err != nil {
		return err
	}
	list, err := store.Backups(path)
	if err != nil {
		return err
	}
	if c.json {
		return c.printJSON(orEmpty(list))
	}
	if len(list) == 0 {
		c.printf("no backups in %s\n", store.BackupDir(path))
		return nil
	}
	t := newTable("LOCAL TIME", "SIZE", "PATH").alignRight(1)
	for _, b := range list {
		t.add(b.Time.Local().Format("2006-01-02 15:04:05"), byteSize(b.Size), b.Path)
	}
	return t.write(c.stdout)
}

// restoreCommand replaces the data file with a backup.
var restoreCommand = &command{
	name:     "restore",
	synopsis: "FILE",
	summary:  "replace the data file with the backup FILE",
	details: `Checks the backup FILE, then takes the data file's lock as any writer does
and, while holding it, copies the current data file into the backups folder
and replaces its data with FILE's; prints where the previous file was saved.
If another program (the desktop app) keeps the data file open, it says so
and changes nothing. A damaged data file is copied as it is, then replaced.
Through a symbolic link, the file it points to is restored.`,
	positional: 1,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		return func(args []string) error { return c.restore(args[0]) }
	},
}

// restore replaces the data file with a backup. It does not open the data
// file as a store: it may be damaged, which is why it is being restored.
func (c *cli) restore(from string) error {
	path, err := c.dataPath()
	if err != nil {
		return err
	}
	if err := c.notDataFile(from, "the backup"); err != nil {
		return err
	}
	if _, err := os.Stat(from); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("restore: there is no file %s; \"workshopctl backups\" lists the backups", from)
	} else if err != nil {
		return fmt.Errorf("restore: cannot read the backup: %w", err)
	}
	if err := c.unlockIfProtected(from); err != nil {
		return fmt.Errorf("restore %s from %s: %w", path, from, err)
	}
	saved, err := store.Restore(path, from)
	if err != nil {
		return fmt.Errorf("restore %s from %s: %w", path, from, err)
	}
	if c.json {
		return c.printJSON(map[string]string{"path": path, "from": from, "previous": saved})
	}
	c.printf("restored %s from %s\n", path, from)
	if saved != "" {
		c.printf("the previous file was saved as %s\n", saved)
	} else {
		c.printf("there was no previous file\n")
	}
	return nil
}

// notDataFile fails when path names the data file itself, which writing a
// backup or export over, or restoring from, would destroy.
func (c *cli) notDataFile(path, what string) error {
	data, err := c.dataPath()
	if err != nil {
		return err
	}
	a, errA := filepath.Abs(path)
	b, errB := filepath.Abs(data)
	same := errA == nil && errB == nil && a == b
	if fa, err := os.Stat(path); err == nil {
		if fb, err := os.Stat(data); err == nil {
			same = same || os.SameFile(fa, fb)
		}
	}
	if same {
		return errors.New(what + " must be another file than the data file " + data)
	}
	return nil
}
