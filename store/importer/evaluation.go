package importer

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/workshopdesk/workshopdesk/store"
)

// EvalImport is an export of an online evaluation form (or a tally sheet)
// read against a workshop's form: its columns matched to the items, the
// responses it holds, and every problem, by row. Nothing is written; the
// caller records Responses (store.RecordEvaluations) only when Problems
// is empty, so that a file is imported whole or not at all.
type EvalImport struct {
	// Columns says, per column of the header row, what it was read as.
	Columns []EvalColumn
	// Responses are the rows read, in file order.
	Responses []*store.EvaluationResponse
	// Problems name the row (as a spreadsheet shows it) or column.
	Problems []string
	// Numbered is true when the file had a form-number column; otherwise
	// the rows got numbers after the highest already used.
	Numbered bool
}

// EvalColumn is what one column of the file was read as.
type EvalColumn struct {
	Heading string
	// Item is the item's position on the form, or -1.
	Item int
	// Role is "item", "form", "language", "name" or "" (left out: a
	// timestamp, an email address, anything the form does not ask).
	Role string
}

// Column roles other than an item.
var (
	formHeadings     = []string{"form", "form number", "form no", "form no.", "form #", "no", "no.", "n°", "nº", "number", "numero", "formulaire", "formulaire n°", "numero de formulaire", "formulario", "formulario n.º", "numero de formulario", "questionnaire"}
	languageHeadings = []string{"language", "langue", "idioma", "lang"}
	nameHeadings     = []string{"name", "full name", "nom", "nom complet", "nombre", "nombre completo", "respondent"}
	itemNumber       = regexp.MustCompile(`^(?:q|item|question|pregunta|n°|no\.?)?\s*(\d{1,3})(?:[.):\-]|\s|$)`)
)

// agreementWords are the agreement scale's words in English, French and
// Spanish, folded (store.Fold, curly apostrophes made straight); 0 is
// "not applicable".
var agreementWords = map[string]int{
	"strongly disagree": 1, "disagree": 2, "neither agree nor disagree": 3, "neutral": 3, "agree": 4, "strongly agree": 5,
	"somewhat disagree": 2, "somewhat agree": 4, "totally agree": 5, "totally disagree": 1, "completely agree": 5,
	"pas du tout d'accord": 1, "pas d'accord": 2, "plutot pas d'accord": 2, "ni d'accord ni pas d'accord": 3, "neutre": 3,
	"d'accord": 4, "plutot d'accord": 4, "tout a fait d'accord": 5, "totalement d'accord": 5, "pas du tout d’accord": 1,
	"muy en desacuerdo": 1, "totalmente en desacuerdo": 1, "en desacuerdo": 2, "ni de acuerdo ni en desacuerdo": 3,
	"de acuerdo": 4, "muy de acuerdo": 5, "totalmente de acuerdo": 5,
	"not applicable": 0, "n/a": 0, "na": 0, "sans objet": 0, "non applicable": 0, "no aplica": 0, "no aplicable": 0, "no corresponde": 0,
}

// ratingWords are words for the 1–5 rating in English, French and Spanish.
var ratingWords = map[string]int{
	"very poor": 1, "poor": 2, "fair": 3, "average": 3, "good": 4, "very good": 4, "excellent": 5,
	"tres faible": 1, "faible": 2, "insuffisant": 2, "moyen": 3, "passable": 3, "bon": 4, "tres bon": 4,
	"muy deficiente": 1, "deficiente": 2, "malo": 2, "regular": 3, "bueno": 4, "muy bueno": 4, "excelente": 5,
}

var yesWords = []string{"yes", "y", "oui", "o", "si", "s", "1", "true"}
var noWords = []string{"no", "n", "non", "2", "false"}

// foldAnswer folds a cell for matching words: case and accents ignored,
// curly apostrophes straight, spaces collapsed.
func foldAnswer(s string) string {
	s = strings.NewReplacer("’", "'", "‘", "'").Replace(s)
	return strings.Join(strings.Fields(store.Fold(s)), " ")
}

// ReadEvaluations reads t against f. existing are the responses already
// recorded (their numbers are taken); lang is the language of rows that
// do not give one.
func ReadEvaluations(t *Table, f *store.EvaluationForm, existing []store.EvaluationResponse, lang string) *EvalImport {
	im := &EvalImport{}
	if len(t.Rows) == 0 {
		im.Problems = append(im.Problems, "the file has no rows")
		return im
	}
	head := t.Rows[0]
	matched := map[int]string{}
	for col, h := range head.Cells {
		c := EvalColumn{Heading: h, Item: -1}
		fh := foldAnswer(h)
		switch {
		case fh == "":
		case slices.Contains(formHeadings, fh) && !im.Numbered:
			c.Role, im.Numbered = "form", true
		case slices.Contains(languageHeadings, fh):
			c.Role = "language"
		case slices.Contains(nameHeadings, fh) && f.Named:
			c.Role = "name"
		default:
			c.Item = matchItem(h, f)
			if c.Item == -2 {
				im.Problems = append(im.Problems, fmt.Sprintf("column %s (%q): there is no such item on the form (items 1 to %d)", columnName(col), h, len(f.Items)))
				c.Item = -1
			} else if c.Item >= 0 {
				if prev, dup := matched[c.Item]; dup {
					im.Problems = append(im.Problems, fmt.Sprintf("column %s (%q): item %d is already read from column %s", columnName(col), h, c.Item+1, prev))
					c.Item = -1
				} else {
					c.Role = "item"
					matched[c.Item] = columnName(col)
				}
			}
		}
		im.Columns = append(im.Columns, c)
	}
	if len(matched) == 0 {
		im.Problems = append(im.Problems, "no column matches an item of the form: name the columns by item number (1, Q1, Item 1) or by the item's text")
		return im
	}
	used := map[int]int{} // form number → row
	next := f.Printed
	for _, r := range existing {
		used[r.Form] = 0
		next = max(next, r.Form)
	}
	for ri := 1; ri < len(t.Rows); ri++ {
		row := t.Rows[ri]
		r := &store.EvaluationResponse{WorkshopID: f.WorkshopID, Language: lang}
		var probs []string
		for col, c := range im.Columns {
			cell := strings.TrimSpace(t.Cell(ri, col))
			switch c.Role {
			case "form":
				n, err := strconv.Atoi(strings.TrimLeft(cell, "#Nn°º. "))
				if err != nil || n < 1 || n > store.MaxFormNumber {
					probs = append(probs, fmt.Sprintf("the form number %q is not a number from 1 to %d", cell, store.MaxFormNumber))
				}
				r.Form = n
			case "language":
				if l := strings.ToLower(cell); slices.Contains(store.CertificateLanguages, l) {
					r.Language = l
				} else if l := languageName(cell); l != "" {
					r.Language = l
				}
			case "name":
				r.Name = cell
			case "item":
				if cell == "" {
					continue
				}
				it := f.Items[c.Item]
				a, msg := readAnswer(it, cell)
				if msg != "" {
					probs = append(probs, fmt.Sprintf("item %d (%s): %q %s", c.Item+1, shorten(it.Text.In("en")), cell, msg))
					continue
				}
				if a.Item != "" {
					r.Answers = append(r.Answers, a)
				}
			}
		}
		if !im.Numbered {
			next++
			r.Form = next
		} else if r.Form > 0 {
			if at, dup := used[r.Form]; dup && at == 0 {
				probs = append(probs, fmt.Sprintf("form %d is already recorded", r.Form))
			} else if dup {
				probs = append(probs, fmt.Sprintf("form %d is also on row %d", r.Form, at))
			}
			used[r.Form] = row.Num
		}
		if len(probs) == 0 {
			if err := f.ValidateResponse(r); err != nil {
				probs = append(probs, err.Error())
			}
		}
		for _, p := range probs {
			im.Problems = append(im.Problems, fmt.Sprintf("row %d: %s", row.Num, p))
		}
		im.Responses = append(im.Responses, r)
	}
	return im
}

// matchItem finds the item a heading names: by number ("3", "Q3",
// "Item 3.", "3. Overall…") or by its text in any language (whole, or the
// heading holding it). It returns -1 for no item, -2 for a number that is
// not on the form.
func matchItem(h string, f *store.EvaluationForm) int {
	if m := itemNumber.FindStringSubmatch(strings.ToLower(strings.TrimSpace(h))); m != nil {
		n, _ := strconv.Atoi(m[1])
		if n < 1 || n > len(f.Items) {
			return -2
		}
		return n - 1
	}
	fh := foldAnswer(strings.Trim(h, " []"))
	best, bestLen := -1, 0
	for i, it := range f.Items {
		for _, text := range it.Text {
			ft := foldAnswer(text)
			if ft == "" {
				continue
			}
			if ft == fh {
				return i
			}
			ft = strings.TrimRight(ft, ".?:")
			if len(ft) >= 8 && strings.Contains(fh, ft) && len(ft) > bestLen {
				best, bestLen = i, len(ft)
			}
		}
	}
	return best
}

// readAnswer reads one cell as an answer to it; a zero answer (empty
// Item) means not answered.
func readAnswer(it store.EvalItem, cell string) (store.EvalAnswer, string) {
	a := store.EvalAnswer{Item: it.Key}
	w := foldAnswer(cell)
	switch it.Kind {
	case store.EvalText:
		a.Text = cell
		return a, ""
	case store.EvalAgreement, store.EvalRating:
		if v, ok := leadingDigit(w); ok {
			if v < 1 || v > 5 {
				return a, "is out of range: a rating is 1 to 5"
			}
			a.Value = v
			return a, ""
		}
		if v, ok := agreementWords[w]; ok && it.Kind == store.EvalAgreement {
			a.Value, a.NA = v, v == 0
			return a, ""
		}
		if v, ok := ratingWords[w]; ok && it.Kind == store.EvalRating {
			a.Value = v
			return a, ""
		}
		if v, ok := agreementWords[w]; ok && v == 0 {
			return store.EvalAnswer{}, "" // "not applicable" to a rating: not answered
		}
		if it.Kind == store.EvalAgreement {
			return a, "is not an answer: give 1 to 5 or an agreement word (Strongly agree, Tout à fait d'accord, Muy de acuerdo…)"
		}
		return a, "is not an answer: give 1 to 5"
	case store.EvalYesNo:
		switch {
		case slices.Contains(yesWords, w):
			a.Value = 1
		case slices.Contains(noWords, w):
			a.Value = 2
		default:
			return a, "is not yes or no"
		}
		return a, ""
	}
	var picks []int
	parts := []string{cell}
	if it.Kind == store.EvalChoices {
		parts = strings.FieldsFunc(cell, func(r rune) bool { return r == ';' || r == ',' })
	}
	for _, p := range parts {
		n := choiceOf(it, p)
		if n == 0 {
			return a, fmt.Sprintf("is not one of the item's %d choices", len(it.Choices))
		}
		if !slices.Contains(picks, n) {
			picks = append(picks, n)
		}
	}
	if it.Kind == store.EvalChoice {
		a.Value = picks[0]
	} else {
		slices.Sort(picks)
		a.Choices = picks
	}
	return a, ""
}

// choiceOf finds a choice by its number or its text in any language; 0
// for none.
func choiceOf(it store.EvalItem, s string) int {
	w := foldAnswer(s)
	if n, err := strconv.Atoi(w); err == nil && n >= 1 && n <= len(it.Choices) {
		return n
	}
	for i, c := range it.Choices {
		for _, text := range c {
			if foldAnswer(text) == w {
				return i + 1
			}
		}
	}
	return 0
}

// leadingDigit reads "4", "4 - Agree", "4 (good)" as 4.
func leadingDigit(w string) (int, bool) {
	end := strings.IndexFunc(w, func(r rune) bool { return !unicode.IsDigit(r) })
	if end == 0 {
		return 0, false
	}
	if end < 0 {
		end = len(w)
	}
	if rest := strings.TrimSpace(w[end:]); rest != "" && !strings.ContainsAny(rest[:1], "-–(:./") {
		return 0, false
	}
	v, err := strconv.Atoi(w[:end])
	return v, err == nil
}

// languageName reads a language written out: English, Français, Español…
func languageName(s string) string {
	switch foldAnswer(s) {
	case "english", "anglais", "ingles":
		return "en"
	case "french", "francais", "frances":
		return "fr"
	case "spanish", "espagnol", "espanol":
		return "es"
	case "arabic", "arabe", "العربية":
		return "ar"
	case "russian", "russe", "ruso", "русский":
		return "ru"
	case "chinese", "chinois", "chino", "中文":
		return "zh"
	}
	return ""
}

// shorten cuts a long item text for a message.
func shorten(s string) string {
	if r := []rune(s); len(r) > 40 {
		return string(r[:39]) + "…"
	}
	return s
}
