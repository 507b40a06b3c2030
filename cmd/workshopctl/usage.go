package main

import (
	"flag"
	"fmt"
	"io"
	"strings"
)

// writeMainUsage prints the usage of workshopctl: every command with its
// flags, the global flags and the exit statuses.
func writeMainUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString(`Usage: workshopctl [--data FILE] [--json] COMMAND [flags]

The command line of Workshop Desk, for batch work and scripts. It works on
the same data file as the desktop app. A workshop (W) is named by its short
code, its ID or a prefix of its ID that only it has; a session (S) by its
number in agenda order (1 for the first), its ID or a unique prefix of it,
or a part of its title that only it has.

Commands:
`)
	for _, cmd := range commands() {
		fmt.Fprintf(&b, "  %s\n        %s\n", strings.TrimSpace(cmd.name+" "+cmd.synopsis), cmd.summary)
	}
	fmt.Fprintf(&b, "  help [COMMAND]\n        %s\n\nGlobal flags, before or after the command:\n", helpSummary)
	writeFlags(&b, globalFlagSet(), true)
	b.WriteString(`
With --json, list commands print a JSON array of objects and the other
commands one object, with snake_case fields.

Exit status: 0 on success; 1 when the command failed, with one line
"workshopctl: ..." on standard error; 2 when it was called wrongly.
Run "workshopctl COMMAND -h" for the flags of a command.
`)
	io.WriteString(w, b.String())
}

// helpSummary is help's line in the list of commands.
const helpSummary = "show this help, or the flags of one command"

// helpUsage is what "workshopctl help help" prints.
const helpUsage = `Usage: workshopctl help [COMMAND]

Show this help, or the flags of one command.

Without COMMAND, lists every command with its flags, the global flags and
the exit statuses. With COMMAND, shows that command's usage, what it does
and each of its flags, as "workshopctl COMMAND -h" does.
`

// writeCommandUsage prints the usage of one command with all its flags.
func writeCommandUsage(w io.Writer, cmd *command) {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: workshopctl [--data FILE] [--json] %s\n\n%s.\n",
		strings.TrimSpace(cmd.name+" "+cmd.synopsis), capitalise(cmd.summary))
	if cmd.details != "" {
		fmt.Fprintf(&b, "\n%s\n", strings.TrimSpace(cmd.details))
	}
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	cmd.define(&cli{}, fs)
	if hasOwnFlags(fs) {
		b.WriteString("\nFlags:\n")
		writeFlags(&b, fs, false)
	}
	b.WriteString("\nGlobal flags, before or after the command:\n")
	writeFlags(&b, globalFlagSet(), true)
	io.WriteString(w, b.String())
}

// globalFlagSet returns a flag set holding only the global flags, for help.
func globalFlagSet() *flag.FlagSet {
	fs := flag.NewFlagSet("workshopctl", flag.ContinueOnError)
	(&cli{}).globalFlags(fs)
	return fs
}

// hasOwnFlags reports whether fs has flags besides the global ones.
func hasOwnFlags(fs *flag.FlagSet) bool {
	own := false
	fs.VisitAll(func(f *flag.Flag) { own = own || !isGlobalFlag(f.Name) })
	return own
}

// writeFlags lists the global flags of fs, or the others, sorted by name.
func writeFlags(b *strings.Builder, fs *flag.FlagSet, global bool) {
	fs.VisitAll(func(f *flag.Flag) {
		if isGlobalFlag(f.Name) != global {
			return
		}
		arg, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(b, "  --%s", f.Name)
		if arg != "" {
			fmt.Fprintf(b, " %s", arg)
		}
		fmt.Fprintf(b, "\n        %s", strings.ReplaceAll(usage, "\n", "\n        "))
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			fmt.Fprintf(b, " (default %s)", f.DefValue)
		}
		b.WriteByte('\n')
	})
}

// capitalise returns s with its first letter in upper case.
func capitalise(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
