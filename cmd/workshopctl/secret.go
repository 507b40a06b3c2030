package main

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"golang.org/x/term"

	"github.com/workshopdesk/workshopdesk/store"
)

// Environment variables that give secrets to scripts. A secret is never
// a flag: flags show in the process list and the shell's history.
const (
	passphraseEnv    = "WORKSHOPDESK_PASSPHRASE"     // the data file's passphrase
	newPassphraseEnv = "WORKSHOPDESK_NEW_PASSPHRASE" // the one "passphrase set|change" sets
	recoveryEnv      = "WORKSHOPDESK_RECOVERY_KEY"   // the recovery key, with --recovery
)

// askSecret returns the value of the environment variable env, or, on a
// terminal, what is typed at prompt without echo (twice when confirm).
func (c *cli) askSecret(env, prompt string, confirm bool) (string, error) {
	if v, ok := os.LookupEnv(env); ok {
		return v, nil
	}
	fd := int(os.Stdin.Fd())
	if !term.IsTerminal(fd) {
		return "", fmt.Errorf("%s: set %s, or run workshopctl in a terminal to be asked", strings.TrimSuffix(prompt, ": "), env)
	}
	read := func(p string) (string, error) {
		fmt.Fprint(c.stderr, p)
		b, err := term.ReadPassword(fd)
		fmt.Fprintln(c.stderr)
		return string(b), err
	}
	v, err := read(prompt)
	if err != nil {
		return "", fmt.Errorf("read the secret: %w", err)
	}
	if confirm {
		again, err := read("Type it again: ")
		if err != nil {
			return "", fmt.Errorf("read the secret: %w", err)
		}
		if again != v {
			return "", errors.New("the two passphrases typed differ; nothing was changed")
		}
	}
	return v, nil
}

// currentSecret asks for the passphrase of path, or its recovery key when
// recovery is set.
func (c *cli) currentSecret(path string, recovery bool) (store.Secret, error) {
	if recovery {
		k, err := c.askSecret(recoveryEnv, "Recovery key of "+path+": ", false)
		return store.Secret{RecoveryKey: k}, err
	}
	p, err := c.askSecret(passphraseEnv, "Passphrase of "+path+": ", false)
	return store.Secret{Passphrase: p}, err
}

// unlockIfProtected unlocks the file at path (a data file or a backup) for
// this process when it has a passphrase: commands that read it without
// opening it as a store (check, restore) then read its records.
func (c *cli) unlockIfProtected(path string) error {
	if ok, err := store.Protected(path); err != nil || !ok {
		return nil // a damaged file is reported by the command itself
	}
	secret, err := c.currentSecret(path, false)
	if err != nil {
		return err
	}
	return store.Unlock(path, secret)
}
