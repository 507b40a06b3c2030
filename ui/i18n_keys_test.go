package ui

import (
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/printer"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
)

// codeKey is a translation key found in the code.
type codeKey struct {
	key    string
	plural bool   // from count/plural/lang.N: needs one and other forms
	where  string // file:line, for the messages
}

// dynamicCalls are the translation calls whose key is not a constant
// (file: call): their keys come from the tables dynamicKeys lists. A new
// one must be added here and its keys to dynamicKeys.
var dynamicCalls = map[string]bool{
	"sessionform.go: lang.L(store.Label(t))":                            true,
	"grid_celldialog.go: lang.L(string(s))":                             true,
	"grid_celldialog.go: lang.L(string(cur.Status))":                    true,
	"grid_celldialog.go: lang.L(string(h.Status))":                      true,
	"certprint.go: lang.L(p.Field)":                                     true,
	"grid.go: lang.L(l)":                                                true,
	"grid.go: lang.L(string(s))":                                        true,
	"agenda.go: lang.L(store.Label(se.Type))":                           true,
	"certdesign.go: lang.L(b.label)":                                    true,
	"certdesign.go: lang.L(o)":                                          true,
	"certdesign.go: lang.L(l.name)":                                     true,
	"certdesign.go: lang.L(m.label)":                                    true,
	"participantform.go: lang.L(store.Label(v))":                        true,
	"workshop.go: lang.L(sec.name)":                                     true,
	"menu.go: lang.L(sec.name)":                                         true,
	"importwizard.go: lang.L(f.Label())":                                true,
	"series.go: lang.L(b.title)":                                        true,
	"tickback.go: lang.L(string(m.Status))":                             true,
	"importrows.go: lang.L(string(c))":                                  true,
	"chart.go: lang.L(label)":                                           true,
	"workshopform.go: lang.L(l.name)":                                   true,
	"grid_header.go: lang.L(title[0])":                                  true,
	"grid_header.go: lang.L(title[1])":                                  true,
	"certificates.go: lang.L(o.label)":                                  true,
	"verify.go: lang.L(name)":                                           true,
	"storeproblems.go: lang.L(p.format)":                                true,
	"dateentry.go: lang.X(\"date.hint\", store.DateHint)":               true,
	"participantform.go: lang.X(\"datetime.hint\", store.DateTimeHint)": true,
	"app.go: plural(n, one, many)":                                      true,
	"certificates.go: lang.L(o)":                                        true,
	"checkin.go: lang.L(string(m.Status))":                              true,
	"checkin_recent.go: lang.L(string(row.mark.Status))":                true,
	"grid_marks.go: lang.L(string(status))":                             true,
	"overview.go: lang.L(l.name)":                                       true,
	"participants.go: lang.L(store.Label(p.Role))":                      true,
	"participants.go: lang.L(participantColumns[id.Col].title)":         true,
	"reports.go: lang.L(name)":                                          true,
	"reports.go: lang.L(l)":                                             true,
	"reports.go: lang.L(rb.title)":                                      true,
	"reports.go: lang.L(basisChoices[1])":                               true,
	"reports.go: lang.L(g.Label)":                                       true,
	"reports.go: lang.L(o.Label)":                                       true,
	"reports.go: lang.L(label)":                                         true,
	"rulesform.go: lang.L(l)":                                           true,
	"tickback.go: lang.L(string(status))":                               true,
	"verify.go: lang.L(strings.Join(r.Differs, \" and \"))":             true,
}

// dynamicKeys are the keys of the dynamicCalls, from the tables they
// translate.
func dynamicKeys() []string {
	var keys []string
	for _, s := range store.Statuses {
		keys = append(keys, string(s))
	}
	keys = append(keys, "date.hint", "datetime.hint")
	keys = append(keys, storeProblems...)
	for _, sec := range workshopSections() {
		keys = append(keys, sec.name)
	}
	for _, s := range []store.Standing{store.StandingEligible, store.StandingOnTrack, store.StandingAtRisk, store.StandingNotEligible} {
		keys = append(keys, string(s))
	}
	for _, t := range store.SessionTypes {
		keys = append(keys, store.Label(t))
	}
	enums := func(labels ...string) {
		for _, l := range labels {
			r, n := utf8.DecodeRuneInString(l)
			keys = append(keys, l, string(unicode.ToUpper(r))+l[n:])
		}
	}
	for _, v := range store.OrgTypes {
		enums(store.Label(v))
	}
	for _, v := range store.Genders {
		enums(store.Label(v))
	}
	for _, v := range store.Roles {
		enums(store.Label(v))
	}
	keys = append(keys, "Not given")
	for _, c := range store.Countries() {
		if r, ok := store.RegionOf(c.Code); ok {
			for _, n := range []string{r.Region, r.SubRegion, r.Intermediate} {
				if n != "" {
					keys = append(keys, n)
				}
			}
		}
	}
	keys = append(keys, gridFilterLabels...)
	for _, b := range certBorders {
		keys = append(keys, b.label)
	}
	keys = append(keys, certOrientations...)
	for _, l := range certLanguages {
		keys = append(keys, l.name)
	}
	for _, m := range certNameModes {
		keys = append(keys, m.label)
	}
	for _, f := range importer.Fields {
		keys = append(keys, f.Label())
	}
	for _, b := range seriesBreakdowns {
		keys = append(keys, b.title)
	}
	for _, c := range []importer.Choice{importer.Add, importer.Skip, importer.Update, importer.AddAnyway} {
		keys = append(keys, string(c))
	}
	for _, l := range languages {
		keys = append(keys, l.name)
	}
	for _, t := range gridSummaryTitles {
		keys = append(keys, t[0], t[1])
	}
	for _, o := range certSorts {
		keys = append(keys, o.label)
	}
	keys = append(keys, verifyFields...)
	keys = append(keys, certOutputs...)
	for _, c := range participantColumns {
		keys = append(keys, c.title)
	}
	keys = append(keys, basisChoices...)
	keys = append(keys, basisLabels...)
	for _, b := range reportBreakdowns {
		keys = append(keys, b.title)
	}
	// The report buttons and their formats (reports.go).
	keys = append(keys, "Attendance report…", "Statistics report…", "Printed agenda…",
		"PDF…", "Excel workbook (.xlsx)…", "CSV…")
	// What a certificate's QR code differs in from the register
	// (store.VerifyResult.Differs, joined).
	keys = append(keys, "name", "native name", "dates", "name and native name", "name and dates",
		"native name and dates", "name and native name and dates")
	// The fields of pdf.CertificateGlyphProblems.
	keys = append(keys, "workshop", "venue", "organiser", "title", "appreciation title", "body",
		"appreciation body", "native name", "signatory 1 name", "signatory 1 title",
		"signatory 2 name", "signatory 2 title", "signatory 3 name", "signatory 3 title")
	return keys
}

// sameInEveryLanguage are English keys a translation may leave as they
// are.
var sameInEveryLanguage = map[string]bool{
	"Notes": true, "Badge": true, "Badges…": true, "Total": true, "Email": true, "OK": true,
	"PDF…": true, "CSV…": true, "HH:MM": true, "Workshop Desk": true, "Version %s": true,
	"Participant": true, "participant": true, "Participants": true, "{{.Count}} participant": true,
	"Participation": true, "Organisation": true, "Code": true, "Type": true, "Dates": true,
	"Note": true, "Absent": true, "absent": true, "Logos": true, "Logo %d ✓": true, "Orientation": true,
	"Portrait": true, "Europe": true, "Asia": true, "Melanesia": true, "Micronesia": true, "panel": true,
	"Error": true, "No": true, "%d h %d min": true,
	"Test": true, "Tests": true, "Questions": true, "provisional": true,
	"Monday 2 January 2006": true, // a time.Format layout: French orders a date as English does
}

// scanKeys returns the translation keys of the Go code under dir (tests
// excluded) and the calls whose key is not a constant, as "file: call".
func scanKeys(t *testing.T, dir string) (keys []codeKey, dynamic []string) {
	t.Helper()
	fset := token.NewFileSet()
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == "testdata" || d.Name() == "lang") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok {
				return true
			}
			name, plural, nargs := "", false, 1
			switch fn := call.Fun.(type) {
			case *ast.SelectorExpr:
				if x, ok := fn.X.(*ast.Ident); ok && x.Name == "lang" {
					name = fn.Sel.Name
				}
			case *ast.Ident:
				name = fn.Name
			}
			switch name {
			case "L", "X", "Localize", "LocalizeKey":
			case "N", "XN", "LocalizePlural", "LocalizePluralKey":
				plural = true
			case "count", "plural":
				if len(call.Args) != 3 || filepath.Dir(path) != filepath.Clean(dir) {
					return true
				}
				plural, nargs = true, 2
			default:
				return true
			}
			if _, ok := call.Fun.(*ast.Ident); ok && name != "count" && name != "plural" {
				return true
			}
			args := call.Args
			if name == "count" || name == "plural" {
				args = args[1:]
			}
			if len(args) < nargs {
				return true
			}
			s, ok := constString(args[0])
			if !ok {
				var b strings.Builder
				printer.Fprint(&b, fset, call)
				dynamic = append(dynamic, filepath.Base(path)+": "+b.String())
				return true
			}
			keys = append(keys, codeKey{key: s, plural: plural, where: fset.Position(call.Pos()).String()})
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys, dynamic
}

// constString evaluates a string literal or a sum of them.
func constString(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(e.Value)
		return s, err == nil
	case *ast.BinaryExpr:
		if e.Op != token.ADD {
			return "", false
		}
		a, ok1 := constString(e.X)
		b, ok2 := constString(e.Y)
		return a + b, ok1 && ok2
	case *ast.ParenExpr:
		return constString(e.X)
	}
	return "", false
}

// fyneKeys returns the keys of Fyne's own widgets and dialogs.
func fyneKeys(t *testing.T) []codeKey {
	t.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "fyne.io/fyne/v2").Output()
	if err != nil {
		t.Skipf("cannot find Fyne's source: %v", err)
	}
	root := strings.TrimSpace(string(out))
	var keys []codeKey
	for _, d := range []string{"dialog", "widget", "internal/driver/glfw", "container"} {
		k, _ := scanKeys(t, filepath.Join(root, d))
		keys = append(keys, k...)
	}
	return keys
}

// translationMessages reads ui/translations: for each language, each key's
// translation (a string, or the plural forms).
func translationMessages(t *testing.T) map[string]map[string]json.RawMessage {
	t.Helper()
	files, err := filepath.Glob("translations/*.json")
	if err != nil {
		t.Fatal(err)
	}
	all := map[string]map[string]json.RawMessage{}
	for _, f := range files {
		parts := strings.Split(filepath.Base(f), ".")
		if len(parts) != 3 {
			t.Errorf("%s: want <area>.<language>.json", f)
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			t.Errorf("%s: %v", f, err)
			continue
		}
		l := parts[1]
		if all[l] == nil {
			all[l] = map[string]json.RawMessage{}
		}
		for k, v := range m {
			if prev, dup := all[l][k]; dup && string(prev) != string(v) {
				t.Errorf("%s: %q is translated otherwise in another %s file", f, k, l)
			}
			all[l][k] = v
		}
	}
	return all
}

// (The space flag is left out: "% of expected" is a heading, not a verb.)
var placeholderRE = regexp.MustCompile(`%(\[\d+\])?[-+#0]*\d*(\.\d+)?[a-zA-Z%]|\{\{[^}]*\}\}`)

// placeholders lists the printf verbs and template actions of s, in order.
func placeholders(s string) []string { return placeholderRE.FindAllString(s, -1) }

// samePlaceholders reports whether tr keeps en's placeholders: in the same
// order, or in any order when tr numbers its verbs (%[2]s).
func samePlaceholders(en, tr string) bool {
	a, b := placeholders(en), placeholders(tr)
	if slices.Equal(a, b) {
		return true
	}
	if !strings.Contains(tr, "%[") {
		return false
	}
	strip := func(l []string) []string {
		var out []string
		for _, p := range l {
			if i := strings.Index(p, "]"); strings.HasPrefix(p, "%[") && i > 0 {
				p = "%" + p[i+1:]
			}
			out = append(out, p)
		}
		sort.Strings(out)
		return out
	}
	return slices.Equal(strip(a), strip(b))
}

// TestEveryKeyIsTranslated checks that each key of the screens (and of
// Fyne's own dialogs) has a French and a Spanish translation that keeps its
// placeholders and is not left in English, with the plural forms where the
// key is a count.
func TestEveryKeyIsTranslated(t *testing.T) {
	keys, dynamic := scanKeys(t, ".")
	for _, d := range dynamic {
		if !dynamicCalls[d] {
			t.Errorf("%s: the key is not a constant; give it one, or add the call to dynamicCalls and its keys to dynamicKeys", d)
		}
	}
	for _, k := range dynamicKeys() {
		keys = append(keys, codeKey{key: k, where: "dynamicKeys"})
	}
	keys = append(keys, fyneKeys(t)...)
	all := translationMessages(t)
	if os.Getenv("I18N_DUMP") != "" {
		dumpMissing(t, keys, all)
	}
	for _, l := range []string{"fr", "es"} {
		msgs := all[l]
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k.key] {
				continue
			}
			seen[k.key] = true
			raw, ok := msgs[k.key]
			if !ok {
				t.Errorf("%s: %s: %q has no translation", l, k.where, k.key)
				continue
			}
			checkMessage(t, l, k, raw)
		}
	}
}

func checkMessage(t *testing.T, l string, k codeKey, raw json.RawMessage) {
	t.Helper()
	var s string
	if json.Unmarshal(raw, &s) == nil {
		if k.plural {
			t.Errorf("%s: %s: %q is a count: give its forms {\"one\": …, \"other\": …}", l, k.where, k.key)
		}
		checkText(t, l, k.key, k.key, s)
		return
	}
	var forms map[string]string
	if err := json.Unmarshal(raw, &forms); err != nil {
		t.Errorf("%s: %q: %v", l, k.key, err)
		return
	}
	if forms["one"] == "" || forms["other"] == "" {
		t.Errorf("%s: %q: the forms one and other are both needed", l, k.key)
	}
	for form, s := range forms {
		checkText(t, l, k.key, k.key+" ("+form+")", s)
	}
}

func checkText(t *testing.T, l, en, what, s string) {
	t.Helper()
	switch {
	case strings.TrimSpace(s) == "":
		t.Errorf("%s: %q: the translation is empty", l, what)
	case s == en && !sameInEveryLanguage[en] && letters(placeholderRE.ReplaceAllString(en, "")) > 3:
		t.Errorf("%s: %q: the translation is the English", l, what)
	case !samePlaceholders(en, s):
		t.Errorf("%s: %q: placeholders %q, the translation has %q", l, what, placeholders(en), placeholders(s))
	}
}

// letters counts the letters of s.
func letters(s string) int {
	n := 0
	for _, r := range s {
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n
}

// dumpMissing writes the keys missing from French to $I18N_DUMP, for
// translators.
func dumpMissing(t *testing.T, keys []codeKey, all map[string]map[string]json.RawMessage) {
	missing := map[string]any{}
	for _, k := range keys {
		if _, ok := all["fr"][k.key]; !ok {
			missing[k.key] = k.where
		}
	}
	data, _ := json.MarshalIndent(missing, "", "  ")
	if err := os.WriteFile(os.Getenv("I18N_DUMP"), data, 0o644); err != nil {
		t.Fatal(err)
	}
}
