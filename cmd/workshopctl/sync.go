package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
)

// syncCommand exchanges a workshop's changes with other laptops.
var syncCommand = &command{
	name:     "sync",
	synopsis: "--workshop CODE [--folder DIR] [--name LAPTOP]",
	summary:  "exchange a workshop's changes with other laptops through a shared folder",
	required: []string{"workshop"},
	details: `Writes this laptop's changes since the last exchange to the shared folder
(DIR/<workshop code>/<device id>/, one sealed file per exchange) and applies
the files the other laptops wrote there. The folder is a USB stick, a network
share or a folder kept in step by Syncthing; workshopctl opens no network
connection. Prints what went out, what came in, the files skipped and why
(cut short, damaged, from a newer version, not sealed with the workshop's
join code: they are tried again at the next exchange) and how many changes
from other laptops wait for review in the app (Workshop › Laptops).

The first time, --folder is required: the workshop starts being shared there
and its join code is printed; give it to the other laptops ("workshopctl
join"). --name names this laptop for the others (default: the computer's
name). With --json, prints the report: {"folder", "quiet", "sent",
"sent_file", "received": [{"file", "laptop", "device", "changes"}],
"skipped": [{"file", "problem"}], "to_review"}, and "join_code" when sharing
began.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var workshop, folder, name string
		fs.StringVar(&workshop, "workshop", "", "the workshop's `CODE` or ID")
		fs.StringVar(&folder, "folder", "", "the shared folder `DIR` (required the first time)")
		fs.StringVar(&name, "name", "", "this laptop's `NAME` as the others see it")
		return func([]string) error { return c.sync(workshop, folder, name) }
	},
}

// joinCommand joins a workshop shared in a folder.
var joinCommand = &command{
	name:     "join",
	synopsis: "--folder DIR --code JOINCODE [--name LAPTOP]",
	summary:  "join a workshop another laptop shares in a folder, with its join code",
	required: []string{"folder", "code"},
	details: `Joins the workshop shared in DIR whose join code is JOINCODE (shown on the
laptop that shares it: Workshop › Laptops, or "workshopctl laptops"; case and
dashes do not matter), then exchanges once: the workshop, its agenda,
participants, attendance and certificates come into this data file (created
if needed), with the workshop's certificate signing key, so that certificates
issued on any laptop verify on every one. Nothing is read from the folder
without the code. Refused when this data file already holds another workshop
with the same code, or certificates signed with its own key: use a new data
file (--data). With --json, prints {"workshop", "title", "report"}.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var folder, code, name string
		fs.StringVar(&folder, "folder", "", "the shared folder `DIR`")
		fs.StringVar(&code, "code", "", "the workshop's `JOINCODE`")
		fs.StringVar(&name, "name", "", "this laptop's `NAME` as the others see it")
		return func([]string) error { return c.join(folder, code, name) }
	},
}

// laptopsCommand lists the laptops sharing a workshop.
var laptopsCommand = &command{
	name:     "laptops",
	synopsis: "--workshop CODE",
	summary:  "list the laptops sharing a workshop, and its join code",
	required: []string{"workshop"},
	details: `Prints the shared folder, the join code, this laptop's name and part in
certificate numbers, then each other laptop seen in the folder with its last
change, the number of changes received from it and of files applied, and the
number of changes from other laptops waiting for review. With --json, prints
{"folder", "join_code", "laptops": [{"device", "name", "tag", "last_change",
"changes", "files", "this"}], "to_review"}.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var workshop string
		fs.StringVar(&workshop, "workshop", "", "the workshop's `CODE` or ID")
		return func([]string) error { return c.laptops(workshop) }
	},
}

// laptopName returns name, or the computer's name.
func laptopName(name string) string {
	if name != "" {
		return name
	}
	if h, err := os.Hostname(); err == nil && h != "" {
		return h
	}
	return "laptop"
}

type syncJSON struct {
	store.SyncReport
	JoinCode string `json:"join_code,omitempty"`
}

func (c *cli) sync(ref, folder, name string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	var out syncJSON
	cfg, err := st.SyncSettings(w.ID)
	switch {
	case errors.Is(err, store.ErrNotShared) && folder == "":
		return fmt.Errorf("the workshop %s is not shared yet: give the shared folder with --folder", w.Code)
	case errors.Is(err, store.ErrNotShared):
		cfg, out.SyncReport, err = st.StartSharing(w.ID, folder, laptopName(name))
		if err != nil {
			return err
		}
		out.JoinCode = cfg.JoinCode
	case err != nil:
		return err
	default:
		if folder != "" {
			if abs, _ := filepath.Abs(folder); abs != cfg.Folder {
				return fmt.Errorf("the workshop %s is shared through %s, not %s", w.Code, cfg.Folder, folder)
			}
		}
		if name != "" && name != cfg.LaptopName {
			if err := st.SetLaptopName(w.ID, name); err != nil {
				return err
			}
		}
		if out.SyncReport, err = st.Exchange(w.ID); err != nil {
			return err
		}
	}
	if c.json {
		return c.printJSON(out)
	}
	if out.JoinCode != "" {
		c.printf("The workshop %s is now shared through %s.\nJoin code for the other laptops: %s\n", w.Code, cfg.Folder, out.JoinCode)
	}
	c.printExchange(out.SyncReport)
	return nil
}

// printExchange prints what an exchange did.
func (c *cli) printExchange(r store.SyncReport) {
	if r.Quiet {
		c.printf("Nothing new here or in %s.\n", r.Folder)
		return
	}
	if r.Sent > 0 {
		c.printf("Sent %s: %s\n", plural(r.Sent, "change"), r.SentFile)
	} else {
		c.printf("Nothing to send.\n")
	}
	if len(r.Received) == 0 {
		c.printf("Nothing new from other laptops.\n")
	}
	for _, in := range r.Received {
		c.printf("Received %s from %s: %s\n", plural(in.Changes, "change"), in.Laptop, in.File)
	}
	for _, s := range r.Skipped {
		c.printf("Skipped %s: %s\n", s.File, s.Problem)
	}
	if r.ToReview > 0 {
		c.printf("%s from other laptops to review (Workshop › Laptops).\n", plural(r.ToReview, "change"))
	}
}

type joinJSON struct {
	Workshop string           `json:"workshop"`
	Title    string           `json:"title"`
	Report   store.SyncReport `json:"report"`
}

func (c *cli) join(folder, code, name string) (err error) {
	st, err := c.open(true)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	id, report, err := st.Join(folder, code, laptopName(name))
	if err != nil {
		return err
	}
	w, err := st.Workshop(id)
	if err != nil {
		return fmt.Errorf("joined, but the workshop has not come through yet (%w): run \"workshopctl sync\" once the folder is complete", err)
	}
	if c.json {
		return c.printJSON(joinJSON{Workshop: w.Code, Title: w.Title, Report: report})
	}
	c.printf("Joined %s (%s).\n", w.Code, w.Title)
	c.printExchange(report)
	return nil
}

type laptopJSON struct {
	Device     string    `json:"device"`
	Name       string    `json:"name"`
	Tag        string    `json:"tag"`
	LastChange time.Time `json:"last_change,omitzero"`
	Changes    int       `json:"changes"`
	Files      int       `json:"files"`
	This       bool      `json:"this"`
}

type laptopsJSON struct {
	Folder   string       `json:"folder"`
	JoinCode string       `json:"join_code"`
	Laptops  []laptopJSON `json:"laptops"`
	ToReview int          `json:"to_review"`
}

func (c *cli) laptops(ref string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	cfg, err := st.SyncSettings(w.ID)
	if err != nil {
		return err
	}
	list, err := st.Laptops(w.ID)
	if err != nil {
		return err
	}
	changes, err := st.SyncChanges(w.ID)
	if err != nil {
		return err
	}
	out := laptopsJSON{Folder: cfg.Folder, JoinCode: cfg.JoinCode, Laptops: []laptopJSON{}, ToReview: len(changes)}
	for _, l := range list {
		out.Laptops = append(out.Laptops, laptopJSON{l.Device, l.Name, l.Tag, l.LastChange, l.Changes, l.Files, l.This})
	}
	if c.json {
		return c.printJSON(out)
	}
	c.printf("Folder: %s\nJoin code: %s\n", out.Folder, out.JoinCode)
	for _, l := range out.Laptops {
		series := w.Code // the laptop's certificate numbers: its own series once it joined
		if l.Tag != "" {
			series += "-" + l.Tag
		}
		tag := store.CertificateNumber(series, 1) + "…"
		if l.This {
			c.printf("This laptop: %s (numbers %s)\n", l.Name, tag)
			continue
		}
		last := "never"
		if !l.LastChange.IsZero() {
			last = l.LastChange.Local().Format("2006-01-02 15:04")
		}
		c.printf("%s (numbers %s): last change %s, %s in %s\n", l.Name, tag, last, plural(l.Changes, "change"), plural(l.Files, "file"))
	}
	c.printf("Changes from other laptops to review: %d\n", out.ToReview)
	return nil
}
