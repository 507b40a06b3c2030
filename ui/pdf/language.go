package pdf

import (
	"slices"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/report"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// Language prints a workshop's badges, sign-in sheets and reports in lang
// (one of store.CertificateLanguages) instead of the workshop's working
// language, as the command line's --language asks. Certificates ignore
// it: each is in its participant's language.
func Language(lang string) Option {
	return func(d *Doc) { d.lang = lang }
}

// printLanguage returns the language to print a document of w in: the one
// opts give (Language), else w's working language; English when neither
// is a printed language. A nil w counts as a workshop with no language.
func printLanguage(w *store.Workshop, opts []Option) string {
	var d Doc
	for _, opt := range opts {
		opt(&d)
	}
	if w == nil {
		w = &store.Workshop{}
	}
	return w.WorkingLanguage(d.lang)
}

// LocalizeCountries returns a copy of a table of package store/report
// (before report.Localize) with the English country names of its
// "Country" column, or of the rows of report.CountryTable, named in lang
// as the certificates name them ("Éthiopie", "Etiopía"); t itself in
// English. Unknown countries, "Not given" and the total stay as they are.
func LocalizeCountries(t sheet.Table, lang string) sheet.Table {
	lang = store.PrintLanguage(lang)
	col := slices.Index(t.Header, "Country")
	if t.Name == report.CountryTable {
		col = 0
	}
	if lang == "en" || col < 0 {
		return t
	}
	out := t
	out.Rows = make([][]any, len(t.Rows))
	for i, row := range t.Rows {
		out.Rows[i] = row
		name, ok := row[col].(string)
		if !ok {
			continue
		}
		if code, ok := store.CountryCode(name); ok {
			if local := countryText(lang, code); local != "" {
				out.Rows[i] = slices.Clone(row)
				out.Rows[i][col] = local
			}
		}
	}
	return out
}

// CountryName names the country with the ISO 3166-1 alpha-2 code in lang
// as the printouts name it ("Éthiopie", "Etiopía"), for the screens too;
// the English name in English or for a language with no names; "" when
// the code is unknown.
func CountryName(lang, code string) string {
	return countryText(store.PrintLanguage(lang), code)
}
