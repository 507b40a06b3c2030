package pdf

import "github.com/workshopdesk/workshopdesk/store"

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
