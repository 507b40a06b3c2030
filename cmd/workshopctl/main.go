// Command workshopctl is the command line of Workshop Desk, for batch work
// and scripts. It reads and writes the same data file as the desktop app.
//
// Usage:
//
//	workshopctl [--data FILE] [--json] COMMAND [flags]
//
// Run "workshopctl help" for the commands and their flags. The exit status
// is 0 on success, 1 when the command failed (one line on standard error)
// and 2 when it was called wrongly (the command's usage on standard error).
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	_ "time/tzdata" // workshop time zones (check-in times, late arrivals) must resolve on machines without a zone database

	"github.com/workshopdesk/workshopdesk/store"
)

// Exit statuses.
const (
	exitOK    = 0 // the command did what it was asked
	exitFail  = 1 // the command failed; one line on standard error says why
	exitUsage = 2 // the command was called wrongly; its usage follows
)

// main runs workshopctl and exits with its status; all the work is in run.
func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

// cli is one invocation: the global options and where output goes.
type cli struct {
	stdout, stderr io.Writer
	data           string         // --data; "" means store.DefaultDataPath()
	json           bool           // --json
	opened         []*store.Store // every store the command opened, for warnings
}

// command is one subcommand of workshopctl.
type command struct {
	name     string
	synopsis string // what follows the name in the usage line
	summary  string // one short line for the command list
	details  string // more about the command, for its own usage; optional
	// positional is the number of arguments the command takes after its flags.
	positional int
	// optionalArg means the last positional argument may be left out.
	optionalArg bool
	// required lists flags that must be given a value.
	required []string
	// define registers the command's own flags on fs and returns the
	// function that runs the command with its positional arguments.
	define func(c *cli, fs *flag.FlagSet) func(args []string) error
}

// commands returns every command in the order that help lists them.
func commands() []*command {
	return []*command{
		initDemoCommand, addWorkshopCommand, addSessionCommand,
		workshopsCommand, sessionsCommand, participantsCommand, importCommand, importAttendanceCommand,
		checkinCommand, attendanceCommand, badgesCommand, signInSheetCommand, reportCommand, eligibilityCommand, certificatesCommand, verifyCommand, verifyPageCommand, publicKeyCommand,
		checkCommand, backupCommand, backupsCommand, restoreCommand, exportCommand, passphraseCommand,
		evaluationFormsCommand, recordEvaluationCommand, importEvaluationsCommand, evaluationCommand,
		importQuestionsCommand, questionsCommand, exportQuestionsCommand, testSheetsCommand,
		recordAnswersCommand, importAnswersCommand, resultsCommand, testSettingsCommand,
		purgeCommand, personCommand, erasePersonCommand,
		syncCommand, joinCommand, laptopsCommand, serveCommand,
	}
}

// lookup returns the command called name, or nil.
func lookup(name string) *command {
	i := slices.IndexFunc(commands(), func(c *command) bool { return c.name == name })
	if i < 0 {
		return nil
	}
	return commands()[i]
}

// run runs workshopctl with the arguments after the program name and
// returns the exit status. main is a thin wrapper around it, for tests.
func run(args []string, stdout, stderr io.Writer) int {
	c := &cli{stdout: stdout, stderr: stderr}
	fs := flag.NewFlagSet("workshopctl", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	c.globalFlags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			writeMainUsage(stdout)
			return exitOK
		}
		return usageFailure(stderr, err, nil)
	}
	if fs.NArg() == 0 {
		return usageFailure(stderr, errors.New("no command given"), nil)
	}
	name, rest := fs.Arg(0), fs.Args()[1:]
	if name == "help" {
		return c.help(rest)
	}
	cmd := lookup(name)
	if cmd == nil {
		return usageFailure(stderr, fmt.Errorf("unknown command %q", name), nil)
	}
	return c.exec(cmd, rest)
}

// exec parses a command's flags and arguments, runs it and returns the exit
// status.
func (c *cli) exec(cmd *command, args []string) int {
	fs := flag.NewFlagSet(cmd.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	runCmd := cmd.define(c, fs)
	c.globalFlags(fs)
	pos, err := parseArgs(fs, args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		writeCommandUsage(c.stdout, cmd)
		return exitOK
	case err != nil:
		return usageFailure(c.stderr, err, cmd)
	case len(pos) > 0 && cmd.positional == 0:
		return usageFailure(c.stderr, fmt.Errorf("unexpected argument %q", pos[0]), cmd)
	case len(pos) != cmd.positional && !(cmd.optionalArg && len(pos) == cmd.positional-1):
		return usageFailure(c.stderr, fmt.Errorf("expected %s, got %s", cmd.synopsis, plural(len(pos), "argument")), cmd)
	}
	for _, name := range cmd.required {
		if strings.TrimSpace(fs.Lookup(name).Value.String()) == "" {
			return usageFailure(c.stderr, fmt.Errorf("--%s is required", name), cmd)
		}
	}
	err = runCmd(pos)
	c.warnClock()
	var ue usageError
	if errors.As(err, &ue) {
		return usageFailure(c.stderr, ue, cmd)
	}
	return c.report(err)
}

// help prints the usage of workshopctl, or of the command named in args.
func (c *cli) help(args []string) int {
	switch {
	case len(args) == 0:
		writeMainUsage(c.stdout)
	case len(args) == 1 && (args[0] == "help" || args[0] == "-h" || args[0] == "--help"):
		io.WriteString(c.stdout, helpUsage)
	case len(args) == 1 && lookup(args[0]) != nil:
		writeCommandUsage(c.stdout, lookup(args[0]))
	default:
		return usageFailure(c.stderr, fmt.Errorf("help: no command %q", strings.Join(args, " ")), nil)
	}
	return exitOK
}

// globalFlags registers --data and --json on fs. They are registered on
// every command's flag set too, so that they may also follow the command
// name; the values parsed before it are the defaults.
func (c *cli) globalFlags(fs *flag.FlagSet) {
	fs.StringVar(&c.data, "data", c.data, "the data `FILE` (default: $"+store.DataEnv+" if set, else\n"+defaultDataHelp()+", as for the desktop app)")
	fs.BoolVar(&c.json, "json", c.json, "print JSON with snake_case fields instead of a table")
}

// defaultDataHelp describes where the default data file is on this machine.
func defaultDataHelp() string {
	if dir, err := os.UserConfigDir(); err == nil {
		return filepath.Join(dir, "WorkshopDesk", "workshopdesk.db")
	}
	return "WorkshopDesk/workshopdesk.db in the user's config folder"
}

// isGlobalFlag reports whether name is one of the global flags.
func isGlobalFlag(name string) bool { return name == "data" || name == "json" }

// parseArgs parses flags and positional arguments in any order ("restore
// FILE --data X" as well as "restore --data X FILE"); "--" ends the flags.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if consumed := len(args) - len(rest); consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// dataPath returns the data file named by --data, or the default one.
func (c *cli) dataPath() (string, error) {
	if c.data != "" {
		return c.data, nil
	}
	return store.DefaultDataPath()
}

// open opens the data file with the default options (a one-second wait for
// a file that another program holds). Unless create is set, a missing file
// is an error rather than a new, empty data file.
func (c *cli) open(create bool) (*store.Store, error) {
	return c.openWith(create, store.Options{})
}

// openWith is open with the given store options.
func (c *cli) openWith(create bool, opts store.Options) (*store.Store, error) {
	path, err := c.dataPath()
	if err != nil {
		return nil, err
	}
	if !create {
		if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
			return nil, fmt.Errorf("there is no data file at %s; create one with \"workshopctl init-demo\" or \"workshopctl add-workshop\", or name another with --data", path)
		}
	}
	st, err := store.Open(path, opts)
	var pe *store.PassphraseError
	if errors.As(err, &pe) && pe.Missing {
		if opts.Secret, err = c.currentSecret(path, false); err != nil {
			return nil, err
		}
		st, err = store.Open(path, opts)
	}
	if err == nil {
		c.opened = append(c.opened, st)
	}
	return st, err
}

// warnClock prints, on standard error, the warning of every store the
// command opened whose writes were dated by a clock that looks wrong.
func (c *cli) warnClock() {
	for _, st := range c.opened {
		if w := st.ClockWarning(); w != "" {
			fmt.Fprintf(c.stderr, "workshopctl: warning: %s\n", oneLine(cleanCell(w)))
		}
	}
	c.opened = nil
}

// closeStore closes st and keeps the first error in *err. Every command
// that opens the store defers it.
func closeStore(st *store.Store, err *error) {
	if cerr := st.Close(); cerr != nil && *err == nil {
		*err = cerr
	}
}

// openWorkshop opens the data file and finds the workshop named by ref;
// on success the caller closes st (defer closeStore(st, &err)).
func (c *cli) openWorkshop(ref string) (*store.Store, store.Workshop, error) {
	st, err := c.open(false)
	if err != nil {
		return nil, store.Workshop{}, err
	}
	w, err := findWorkshop(st, ref)
	if err != nil {
		st.Close()
		return nil, store.Workshop{}, err
	}
	return st, w, nil
}

// findWorkshop returns the workshop named by ref: its code, its ID or a
// unique prefix of its ID.
func findWorkshop(st *store.Store, ref string) (store.Workshop, error) {
	w, err := st.FindWorkshop(ref)
	if errors.Is(err, store.ErrNotFound) {
		return w, fmt.Errorf("no workshop has the code or ID %q; \"workshopctl workshops\" lists them", ref)
	}
	return w, err
}
