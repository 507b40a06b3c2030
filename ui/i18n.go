package ui

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"log"
	"path"
	"slices"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"github.com/jeandeaual/go-locale"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The screens' translations: every JSON file in translations/, named
// <area>.<language>.json and holding {"English text": "translation"}, or
// {"English text": {"one": …, "other": …}} for a count. The English text
// is the key; English needs no file except for the plurals of lang.N.
//
//go:embed translations/*.json
var translationFiles embed.FS

// prefLanguage is the preference holding the language chosen for this
// laptop: "" (or absent) follows the system.
const prefLanguage = "language"

// The translations in use. Fyne's lang package picks its language from the
// system once and offers no way to choose another, so the app routes
// lang.L, lang.X, lang.N and lang.XN (Fyne's own widgets included) through
// its own bundle, which holds the app's files and its translations of
// Fyne's strings (fyne.<language>.json), in the language chosen.
var tr = struct {
	sync.RWMutex
	bundle  *i18n.Bundle
	langs   []language.Tag // the languages with files; English first
	current language.Tag
	loc     *i18n.Localizer
	missing map[string]bool // keys asked for and not found, logged once each
}{}

func init() {
	tr.bundle = i18n.NewBundle(language.English)
	tr.langs = []language.Tag{language.English}
	tr.missing = map[string]bool{}
	names, err := fs.Glob(translationFiles, "translations/*.json")
	if err != nil {
		panic(err) // a malformed pattern: a programming error
	}
	for _, name := range names {
		data, err := translationFiles.ReadFile(name)
		if err == nil {
			err = addTranslations(data, name)
		}
		if err != nil {
			log.Printf("translations: %v", err) // the screens stay in English for these keys
		}
	}
	setLanguage("")
	lang.L = localize
	lang.X = localizeKey
	lang.N = localizePlural
	lang.XN = localizePluralKey
}

// addTranslations adds one translation file; name ends in
// .<language>.json. The file is read here rather than by go-i18n, whose
// format reserves keys such as "other" (an English word the screens use).
func addTranslations(data []byte, name string) error {
	parts := strings.Split(path.Base(name), ".")
	if len(parts) < 3 || parts[len(parts)-1] != "json" {
		return fmt.Errorf("%s: the name must be <area>.<language>.json", name)
	}
	tag, err := language.Parse(parts[len(parts)-2])
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(data, &m); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	msgs := make([]*i18n.Message, 0, len(m))
	for key, raw := range m {
		msg := &i18n.Message{ID: key}
		var forms map[string]string
		if err := json.Unmarshal(raw, &msg.Other); err != nil {
			if err := json.Unmarshal(raw, &forms); err != nil {
				return fmt.Errorf("%s: %q: want a text or its plural forms: %w", name, key, err)
			}
			msg.Zero, msg.One, msg.Two, msg.Few, msg.Many, msg.Other = forms["zero"], forms["one"], forms["two"], forms["few"], forms["many"], forms["other"]
		}
		msgs = append(msgs, msg)
	}
	tr.Lock()
	defer tr.Unlock()
	if err := tr.bundle.AddMessages(tag, msgs...); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !slices.Contains(tr.langs, tag) {
		tr.langs = append(tr.langs, tag)
	}
	tr.loc = i18n.NewLocalizer(tr.bundle, tr.current.String())
	return nil
}

// Languages are the languages the screens can be shown in, as their codes
// ("en", "fr", "es"), English first.
func Languages() []string {
	tr.RLock()
	defer tr.RUnlock()
	codes := make([]string, len(tr.langs))
	for i, t := range tr.langs {
		codes[i] = t.String()
	}
	return codes
}

// Language is the code of the language the screens are shown in.
func Language() string {
	tr.RLock()
	defer tr.RUnlock()
	return tr.current.String()
}

// setLanguage shows the screens built from now on in the language of code
// ("fr", "es-CL"), or the closest one there are translations for; "" follows
// the system's language. Unknown languages give English.
func setLanguage(code string) {
	var want []language.Tag
	if code != "" {
		if t, err := language.Parse(code); err == nil {
			want = append(want, t)
		}
	} else {
		want = systemLanguages()
	}
	tr.Lock()
	defer tr.Unlock()
	tr.current = language.English
	if len(want) > 0 {
		if _, i, conf := language.NewMatcher(tr.langs).Match(want...); conf != language.No {
			tr.current = tr.langs[i]
		}
	}
	tr.loc = i18n.NewLocalizer(tr.bundle, tr.current.String())
}

// systemLanguages are the languages the system's settings ask for, in
// order (on Linux, $LANGUAGE, $LC_ALL, $LC_MESSAGES or $LANG), skipping
// those that are not languages ("C").
func systemLanguages() []language.Tag {
	codes, _ := locale.GetLocales() // no locale: English
	var tags []language.Tag
	for _, c := range codes {
		if t, err := language.Parse(c); err == nil {
			tags = append(tags, t)
		}
	}
	return tags
}

// applyLanguagePreference shows the screens in the language chosen for
// this laptop, if one was.
func applyLanguagePreference(p fyne.Preferences) {
	if code := p.String(prefLanguage); code != "" {
		setLanguage(code)
	}
}

func localize(in string, data ...any) string { return localizeKey(in, in, data...) }

func localizeKey(key, fallback string, data ...any) string {
	return translate(&i18n.Message{ID: key, Other: fallback}, nil, data)
}

func localizePlural(in string, n int, data ...any) string {
	return localizePluralKey(in, in, n, data...)
}

func localizePluralKey(key, fallback string, n int, data ...any) string {
	return translate(&i18n.Message{ID: key, Other: fallback}, n, data)
}

// plural renders a count through the translations: key and its English
// singular is one, the English plural many; the data gives {{.Count}} as n.
func plural(n int, one, many string) string {
	return translate(&i18n.Message{ID: one, One: one, Other: many}, n, []any{map[string]any{"Count": n}})
}

// translate renders msg in the current language, falling back on its
// English text. A key missing from the language is logged once, not at
// every call (Fyne logged "Translation failure" each time).
func translate(msg *i18n.Message, n any, data []any) string {
	var d any
	if len(data) > 0 {
		d = data[0]
	}
	tr.RLock()
	loc, cur := tr.loc, tr.current
	tr.RUnlock()
	out, err := loc.Localize(&i18n.LocalizeConfig{DefaultMessage: msg, PluralCount: n, TemplateData: d})
	if err == nil {
		return out
	}
	tr.Lock()
	first := !tr.missing[cur.String()+"\x00"+msg.ID]
	tr.missing[cur.String()+"\x00"+msg.ID] = true
	tr.Unlock()
	if first {
		log.Printf("translations: %s: %q: %v", cur, msg.ID, err)
	}
	if out == "" {
		out = msg.Other
	}
	return out
}

// languageNames are the languages' names in themselves, for the menu.
var languageNames = map[string]string{
	"en": "English", "fr": "Français", "es": "Español", "pt": "Português",
	"ar": "العربية", "ru": "Русский", "zh": "中文",
}

// languageMenuItem is Help > Language: the system's language or one of
// the languages there are translations for, kept for this laptop.
func (u *App) languageMenuItem() *fyne.MenuItem {
	chosen := u.app.Preferences().String(prefLanguage)
	item := func(label, code string) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { u.chooseLanguage(code) })
		it.Checked = chosen == code
		return it
	}
	items := []*fyne.MenuItem{item(lang.L("Same as the system"), "")}
	for _, code := range Languages() {
		name := languageNames[code]
		if name == "" {
			name = code
		}
		items = append(items, item(name, code))
	}
	it := fyne.NewMenuItem(lang.L("Language"), nil)
	it.ChildMenu = fyne.NewMenu("", items...)
	return it
}

// chooseLanguage keeps code ("" for the system's language) for this
// laptop and shows the menus and the current screen in it at once; nothing
// is lost, as every change is already saved. A dialog left open keeps its
// language until it closes.
func (u *App) chooseLanguage(code string) {
	if code == "" {
		u.app.Preferences().RemoveValue(prefLanguage)
	} else {
		u.app.Preferences().SetString(prefLanguage, code)
	}
	setLanguage(code)
	u.win.SetMainMenu(u.mainMenu())
	if u.win.Canvas().Overlays().Top() != nil {
		return
	}
	switch {
	case u.workshop != nil:
		u.showWorkshop(u.workshop.data.Workshop.ID)
	case u.loading != nil:
		u.showWorkshop(u.loading.id)
	case u.home != nil:
		u.showHome()
	case u.problem == nil && u.st != nil:
		u.showSeries()
	}
}
