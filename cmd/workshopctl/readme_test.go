package main

import (
	"flag"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// ownFlags returns the flags of cmd besides the global ones.
func ownFlags(cmd *command) []string {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	cmd.define(&cli{}, fs)
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		if !isGlobalFlag(f.Name) {
			names = append(names, f.Name)
		}
	})
	return names
}

// flagRef finds the flags named in a text: "--name".
var flagRef = regexp.MustCompile(`(?:^|[^\w-])--([a-z][a-z0-9-]*)`)

// flagsIn returns the flags named in text.
func flagsIn(text string) []string {
	var out []string
	for _, m := range flagRef.FindAllStringSubmatch(text, -1) {
		if !slices.Contains(out, m[1]) {
			out = append(out, m[1])
		}
	}
	return out
}

// TestHelpHelp checks that "help help" explains help, as "help COMMAND"
// explains every other command.
func TestHelpHelp(t *testing.T) {
	for _, args := range [][]string{{"help", "help"}, {"help", "-h"}, {"help", "--help"}} {
		r := runCLI(t, args...)
		if r.code != exitOK || r.stderr != "" || !strings.HasPrefix(r.stdout, "Usage: workshopctl help [COMMAND]\n") {
			t.Errorf("%v:\n%s", args, r)
		}
	}
	if r := runCLI(t, "help", "nosuch"); r.code != exitUsage || !strings.Contains(r.stderr, `no command "nosuch"`) {
		t.Errorf("help nosuch:\n%s", r)
	}
}

// TestSynopsisNamesEveryFlag checks that the line "workshopctl help" shows
// for each command names every one of its flags, and no other.
func TestSynopsisNamesEveryFlag(t *testing.T) {
	for _, cmd := range commands() {
		own := ownFlags(cmd)
		named := flagsIn(cmd.synopsis)
		for _, f := range own {
			if !slices.Contains(named, f) {
				t.Errorf("the synopsis of %s (%q) leaves out --%s", cmd.name, cmd.synopsis, f)
			}
		}
		for _, f := range named {
			if !slices.Contains(own, f) {
				t.Errorf("the synopsis of %s names --%s, which it does not have", cmd.name, f)
			}
		}
	}
}

// readmeCLI returns the README's section on the command line.
func readmeCLI(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	_, section, ok := strings.Cut(text, "\n## Command line (`workshopctl`)\n")
	if !ok {
		t.Fatal("the README has no section \"## Command line (`workshopctl`)\"")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	return section
}

// TestREADMEDocumentsTheCLI checks the README's command table against the
// commands and flags that "workshopctl help" lists: a row for every
// command, every flag of a command in its rows, and no command or flag
// that does not exist, there or in the examples.
func TestREADMEDocumentsTheCLI(t *testing.T) {
	section := readmeCLI(t)
	rows := map[string]string{}  // command name: the text of its rows
	heads := map[string]string{} // command name: the first cells of its rows
	row := regexp.MustCompile("(?m)^\\| (`([a-z-]+)[^|]*(?:\\\\\\|[^|]*)*)\\|.*\\|$")
	for _, m := range row.FindAllStringSubmatch(section, -1) {
		rows[m[2]] += m[0] + "\n"
		heads[m[2]] += m[1] + "\n"
	}
	for _, cmd := range append(commands(), &command{name: "help", define: func(*cli, *flag.FlagSet) func([]string) error { return nil }}) {
		text, ok := rows[cmd.name]
		if !ok {
			t.Errorf("the README's command table has no row for %s", cmd.name)
			continue
		}
		own := ownFlags(cmd)
		for _, f := range own {
			if !slices.Contains(flagsIn(text), f) {
				t.Errorf("the README does not document --%s of %s", f, cmd.name)
			}
		}
		for _, f := range flagsIn(heads[cmd.name]) {
			if !slices.Contains(own, f) && !isGlobalFlag(f) {
				t.Errorf("the README's row for %s gives it --%s, which it does not have", cmd.name, f)
			}
		}
		delete(rows, cmd.name)
	}
	for name := range rows {
		t.Errorf("the README documents a command %s that does not exist", name)
	}
	// Every command run in the examples and the prose exists and has
	// the flags given to it.
	run := regexp.MustCompile(`workshopctl(?: --data \S+| --json)* ([a-z][a-z-]*)((?: [^|&;#\n` + "`" + `]*)?)`)
	for _, m := range run.FindAllStringSubmatch(section, -1) {
		if m[1] == "help" {
			continue
		}
		cmd := lookup(m[1])
		if cmd == nil {
			t.Errorf("the README runs %q: there is no command %s", m[0], m[1])
			continue
		}
		for _, f := range flagsIn(m[2]) {
			if !slices.Contains(ownFlags(cmd), f) && !isGlobalFlag(f) {
				t.Errorf("the README runs %q: %s has no flag --%s", m[0], m[1], f)
			}
		}
	}
	// Every flag named anywhere in the section belongs to some command.
	all := []string{"data", "json"}
	for _, cmd := range commands() {
		all = append(all, ownFlags(cmd)...)
	}
	for _, f := range flagsIn(section) {
		if !slices.Contains(all, f) {
			t.Errorf("the README names a flag --%s that no command has", f)
		}
	}
}
