package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/ops"
)

// passphraseCommand sets, changes or removes the data file's passphrase.
var passphraseCommand = &command{
	name:     "passphrase",
	synopsis: "set|change|remove [--recovery] [--sheet FILE.pdf] [--language LANGUAGE]",
	summary:  "protect the data file with a passphrase, change it, or remove it",
	details: `set: seals every record of the data file, and of its backups, with a new
passphrase; prints the recovery key once, and writes the recovery sheet (a PDF
with the key and its QR code) to --sheet. change: a new passphrase for a file
that has one, unlocked with the current passphrase or, with --recovery, with
the recovery key. remove: stores the records plain again (the backups stay
sealed). Each makes a backup first. The data file must not be open elsewhere.

Secrets are never flags: they are asked without echo on a terminal, or read
from WORKSHOPDESK_PASSPHRASE (the current passphrase),
WORKSHOPDESK_NEW_PASSPHRASE (the new one) and WORKSHOPDESK_RECOVERY_KEY
(with --recovery). Every command that opens a file with a passphrase asks for
it, or reads WORKSHOPDESK_PASSPHRASE.`,
	positional: 1,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var recovery bool
		var sheet, language string
		fs.BoolVar(&recovery, "recovery", false, "unlock with the recovery key instead of the passphrase")
		fs.StringVar(&sheet, "sheet", "", "write the recovery sheet to `FILE.pdf` (set)")
		fs.StringVar(&language, "language", "en", "the recovery sheet's `LANGUAGE`: en, fr or es")
		return func(args []string) error { return c.passphrase(args[0], recovery, sheet, language) }
	},
}

// passphrase runs "passphrase set|change|remove".
func (c *cli) passphrase(action string, recovery bool, sheet, language string) error {
	path, err := c.dataPath()
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("there is no data file at %s; name another with --data", path)
	}
	protected, err := store.Protected(path)
	if err != nil {
		return fmt.Errorf("passphrase: %w", err)
	}
	switch action {
	case "set", "change", "remove":
	default:
		return usageError{fmt.Sprintf("the action must be set, change or remove, not %q", action)}
	}
	if sheet != "" && action != "set" {
		return usageError{"--sheet goes with set: the recovery key is made once, when a passphrase is first set"}
	}
	var current store.Secret
	switch {
	case action == "set" && protected:
		return fmt.Errorf("%s has a passphrase already; use \"passphrase change\"", path)
	case action != "set" && !protected:
		return fmt.Errorf("%s has no passphrase; use \"passphrase set\"", path)
	case protected:
		if current, err = c.currentSecret(path, recovery); err != nil {
			return err
		}
		// A wrong secret is refused before the new passphrase is asked.
		if err := store.Unlock(path, current); err != nil {
			return err
		}
	}
	result := map[string]string{"path": path, "action": action}
	if action == "remove" {
		if err := store.RemovePassphrase(path, current, store.Options{}); err != nil {
			return err
		}
		return c.done(result, "the passphrase of "+path+" is removed: its records are stored plain again; its backups stay sealed")
	}
	next, err := c.askSecret(newPassphraseEnv, "New passphrase: ", true)
	if err != nil {
		return err
	}
	key, err := store.SetPassphrase(path, current, next, store.Options{})
	if err != nil {
		return err
	}
	if key == "" {
		return c.done(result, "the passphrase of "+path+" is changed; the recovery key stays the same")
	}
	result["recovery_key"] = key
	lines := []string{path + " and its backups are protected by the passphrase.",
		"Recovery key (shown once; keep it apart from the laptop): " + key}
	if sheet != "" {
		if err := ops.WriteRecoverySheet(sheet, key, path, language, time.Now()); err != nil {
			c.done(result, lines...)
			return err
		}
		result["sheet"] = sheet
		lines = append(lines, "recovery sheet written to "+sheet)
	}
	return c.done(result, lines...)
}

// done prints result as JSON, or lines.
func (c *cli) done(result map[string]string, lines ...string) error {
	if c.json {
		return c.printJSON(result)
	}
	for _, l := range lines {
		c.printf("%s\n", l)
	}
	return nil
}
