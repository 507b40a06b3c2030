package main

import (
	"flag"
	"fmt"
	"slices"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// languageHelp explains --language in the details of the printing
// commands.
const languageHelp = `Printed in the workshop's working language (set with
add-workshop --language), or in --language: en, fr, es, ar, ru or zh;
English when the workshop has none of those.`

// languageFlag defines --language on a printing command.
func languageFlag(fs *flag.FlagSet, lang *string) {
	fs.StringVar(lang, "language", "", "print in `LANGUAGE`: en, fr, es, ar, ru or zh (default: the workshop's\nworking language)")
}

// checkLanguage returns the printed language --language names ("" when
// not given; a region is dropped: "fr-SN" is "fr"), or an error naming the
// languages it may be.
func checkLanguage(lang string) (string, error) {
	lang = strings.ToLower(strings.TrimSpace(lang))
	base, _, _ := strings.Cut(strings.ReplaceAll(lang, "_", "-"), "-")
	if lang == "" {
		return "", nil
	}
	if slices.Contains(store.CertificateLanguages, base) {
		return base, nil
	}
	return "", fmt.Errorf("--language %q is not one of %s", lang, strings.Join(store.CertificateLanguages, ", "))
}
