package store

import (
	"fmt"
	"slices"
	"strings"

	"github.com/google/uuid"
)

// EvalKind is the kind of answer an evaluation item asks for.
type EvalKind string

// The kinds of evaluation items.
const (
	// EvalAgreement is a 5-point agreement scale, from 1 (strongly
	// disagree) to 5 (strongly agree), with "not applicable".
	EvalAgreement EvalKind = "agreement"
	// EvalRating is a rating from 1 (poor) to 5 (excellent).
	EvalRating EvalKind = "rating"
	// EvalYesNo is yes (1) or no (2).
	EvalYesNo EvalKind = "yes_no"
	// EvalChoice is one of the item's choices (1 for the first).
	EvalChoice EvalKind = "choice"
	// EvalChoices is any number of the item's choices.
	EvalChoices EvalKind = "choices"
	// EvalText is a free-text answer: a comment.
	EvalText EvalKind = "text"
)

// EvalKinds are the item kinds, in the order forms offer them.
var EvalKinds = []EvalKind{EvalAgreement, EvalRating, EvalYesNo, EvalChoice, EvalChoices, EvalText}

// Scale reports whether the kind is answered on the 1–5 scale.
func (k EvalKind) Scale() bool { return k == EvalAgreement || k == EvalRating }

// Keys of the default form's items that other figures refer to.
const (
	EvalKeySatisfaction    = "satisfaction"
	EvalKeyRelevance       = "relevance"
	EvalKeyRecommend       = "recommend"
	EvalKeyKnowledgeBefore = "knowledge_before"
	EvalKeyKnowledgeAfter  = "knowledge_after"
	// evalSessionPrefix starts the key of a session's rating: "session:"
	// and the session's ID.
	evalSessionPrefix = "session:"
)

// LocalText is a text in several languages: language code ("en", "fr",
// ...) → wording.
type LocalText map[string]string

// In returns the text in lang, else in English, else in any language
// (the alphabetically first, so that it is repeatable).
func (t LocalText) In(lang string) string {
	if s := t[lang]; s != "" {
		return s
	}
	if s := t["en"]; s != "" {
		return s
	}
	for _, k := range slices.Sorted(func(yield func(string) bool) {
		for k := range t {
			if !yield(k) {
				return
			}
		}
	}) {
		if t[k] != "" {
			return t[k]
		}
	}
	return ""
}

// EvalItem is one question of an evaluation form.
type EvalItem struct {
	// Key names the item for good: answers refer to it, and the same key
	// in two workshops of a series is the same question. The default
	// items have fixed keys ("satisfaction", ...); a session's rating is
	// "session:" and the session's ID.
	Key  string    `json:"key"`
	Kind EvalKind  `json:"kind"`
	Text LocalText `json:"text"`
	// Choices are the choices of a choice item, each in several languages.
	Choices []LocalText `json:"choices,omitempty"`
	// SessionID is the session a session rating is about.
	SessionID uuid.UUID `json:"session_id,omitzero"`
}

// EvalSection is the part of a form an item is printed and summed up in.
type EvalSection string

// The sections of an evaluation form, in print order.
const (
	SectionWorkshop  EvalSection = "workshop"
	SectionSessions  EvalSection = "sessions"
	SectionKnowledge EvalSection = "knowledge"
	SectionComments  EvalSection = "comments"
)

// EvalSections are the sections in print order.
var EvalSections = []EvalSection{SectionWorkshop, SectionSessions, SectionKnowledge, SectionComments}

// Section returns the part of the form the item belongs in.
func (it *EvalItem) Section() EvalSection {
	switch {
	case it.SessionID != uuid.Nil:
		return SectionSessions
	case it.Key == EvalKeyKnowledgeBefore || it.Key == EvalKeyKnowledgeAfter:
		return SectionKnowledge
	case it.Kind == EvalText:
		return SectionComments
	}
	return SectionWorkshop
}

// EvaluationForm is a workshop's evaluation form: its items in order and
// whether it is anonymous (the default) or named.
type EvaluationForm struct {
	Record
	WorkshopID uuid.UUID `json:"workshop_id"`
	// Named asks for the respondent's name (small expert meetings). An
	// anonymous form stores no name, and nothing that leads to a person.
	Named bool       `json:"named,omitempty"`
	Items []EvalItem `json:"items"`
	// Printed is the highest form number printed so far: the next
	// printing numbers its forms from Printed+1.
	Printed int `json:"printed,omitempty"`
}

// EvalLimits are the longest texts of an evaluation, in characters.
var EvalLimits = map[string]int{"text": 500, "choice": 200, "comment": 4000, "name": 200}

// MaxFormNumber is the highest form number.
const MaxFormNumber = 999999

// maxEvalItems bounds a form's items (a printed form stays a few pages).
const maxEvalItems = 200

// Item returns the item with key and its position, or -1.
func (f *EvaluationForm) Item(key string) (EvalItem, int) {
	for i, it := range f.Items {
		if it.Key == key {
			return it, i
		}
	}
	return EvalItem{}, -1
}

// Rated returns the positions of the items answered in the ratings line:
// every item but the free-text ones, in form order.
func (f *EvaluationForm) Rated() []int {
	var out []int
	for i, it := range f.Items {
		if it.Kind != EvalText {
			out = append(out, i)
		}
	}
	return out
}

// Validate checks the form and lists every problem, naming the item by
// its number (from 1).
func (f *EvaluationForm) Validate() error {
	var pr problems
	if len(f.Items) == 0 {
		pr.add("items", "the form has no items")
	}
	if len(f.Items) > maxEvalItems {
		pr.add("items", "the form has %d items; at most %d are allowed", len(f.Items), maxEvalItems)
	}
	seen := map[string]bool{}
	for i, it := range f.Items {
		field := fmt.Sprintf("item %d", i+1)
		switch {
		case it.Key == "" || len(it.Key) > 80 || strings.ContainsFunc(it.Key, func(r rune) bool { return r <= ' ' || r == '=' || r >= 0x7f }):
			pr.add(field, "the item needs a key of 1 to 80 letters, digits and signs other than =")
		case seen[it.Key]:
			pr.add(field, "the key %q is used twice", it.Key)
		}
		seen[it.Key] = true
		if !validEnum(it.Kind, EvalKinds, false) {
			pr.add(field, "%q is not an item kind", it.Kind)
		}
		if strings.TrimSpace(it.Text.In("en")) == "" {
			pr.add(field, "the item has no wording")
		}
		for lang, s := range it.Text {
			if !validEnum(lang, CertificateLanguages, false) {
				pr.add(field, "%q is not one of the languages %s", lang, strings.Join(CertificateLanguages, ", "))
			}
			var tp problems
			tp.checkText("text", s, EvalLimits, false)
			for _, e := range tp {
				pr.add(field, "%s", e.Message)
			}
		}
		choice := it.Kind == EvalChoice || it.Kind == EvalChoices
		switch {
		case choice && (len(it.Choices) < 2 || len(it.Choices) > 20):
			pr.add(field, "a choice item needs 2 to 20 choices")
		case !choice && len(it.Choices) > 0:
			pr.add(field, "only choice items have choices")
		}
		for j, c := range it.Choices {
			if strings.TrimSpace(c.In("en")) == "" {
				pr.add(field, "choice %d has no wording", j+1)
			}
			for _, s := range c {
				var tp problems
				tp.checkText("choice", s, EvalLimits, false)
				for _, e := range tp {
					pr.add(field, "choice %d: %s", j+1, e.Message)
				}
			}
		}
	}
	return pr.err()
}

// sessionKey is the key of a session's rating.
func sessionKey(id uuid.UUID) string { return evalSessionPrefix + id.String() }

// DefaultEvaluationForm returns the default form of a workshop with the
// given agenda: the workshop items, one rating per session (breaks left
// out, in agenda order), knowledge before and after, and the open
// questions, worded in every certificate language.
func DefaultEvaluationForm(workshopID uuid.UUID, sessions []Session) EvaluationForm {
	f := EvaluationForm{WorkshopID: workshopID}
	for _, d := range defaultEvalItems {
		if d.key == evalSessionPrefix {
			f.Items = append(f.Items, SessionItems(sessions)...)
			continue
		}
		f.Items = append(f.Items, EvalItem{Key: d.key, Kind: d.kind, Text: evalWordingOf(d.key)})
	}
	return f
}

// SessionItems returns a rating item per session of the agenda, breaks
// left out, in agenda order; sessions should be sorted (SortSessions).
func SessionItems(sessions []Session) []EvalItem {
	var out []EvalItem
	for _, se := range sessions {
		if se.Type == Break || se.Deleted() {
			continue
		}
		out = append(out, EvalItem{Key: sessionKey(se.ID), Kind: EvalRating, Text: LocalText{"en": se.Title}, SessionID: se.ID})
	}
	return out
}

// SyncSessions brings the form's session ratings in line with the agenda:
// a rating for each session that is not a break, in agenda order, where
// the session ratings were (or before the knowledge items); ratings of
// sessions no longer on the agenda are dropped, and titles follow the
// agenda. Other items stay as they are.
func (f *EvaluationForm) SyncSessions(sessions []Session) {
	at := -1
	kept := f.Items[:0:0]
	for _, it := range f.Items {
		if it.SessionID != uuid.Nil {
			if at < 0 {
				at = len(kept)
			}
			continue
		}
		kept = append(kept, it)
	}
	if at < 0 {
		at = slices.IndexFunc(kept, func(it EvalItem) bool { return it.Section() != SectionWorkshop })
		if at < 0 {
			at = len(kept)
		}
	}
	f.Items = slices.Insert(kept, at, SessionItems(sessions)...)
}

// ForSeries returns a copy of the form for another workshop of the
// series: the same items and mode, the session ratings made from that
// workshop's agenda, nothing printed yet.
func (f *EvaluationForm) ForSeries(workshopID uuid.UUID, sessions []Session) EvaluationForm {
	c := EvaluationForm{WorkshopID: workshopID, Named: f.Named, Items: slices.Clone(f.Items)}
	c.SyncSessions(sessions)
	return c
}
