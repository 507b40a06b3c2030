package store

import (
	"cmp"
	"math"
	"slices"

	"github.com/google/uuid"
)

// EvaluationSummary sums up a workshop's evaluation: the response rate,
// each item's figures, the sessions from best to worst, knowledge before
// and after, and the comments.
type EvaluationSummary struct {
	// Responses is the number of forms recorded.
	Responses int `json:"responses"`
	// Attended is the number of participants who arrived (present or
	// late) at one session at least.
	Attended int `json:"attended"`
	// ResponseRate is Responses / Attended, in percent (0 when nobody
	// attended).
	ResponseRate float64 `json:"response_rate"`
	// Items are the items in form order, free text left out.
	Items []EvalItemSummary `json:"items"`
	// Sessions are the session ratings, best mean first (then agenda order).
	Sessions []EvalItemSummary `json:"sessions"`
	// KnowledgeBefore and KnowledgeAfter are the self-rated knowledge
	// items, when the form has them.
	KnowledgeBefore *EvalItemSummary `json:"knowledge_before,omitempty"`
	KnowledgeAfter  *EvalItemSummary `json:"knowledge_after,omitempty"`
	// Comments are the free-text answers per open question, in form order.
	Comments []EvalComments `json:"comments"`
}

// EvalItemSummary is the figures of one item.
type EvalItemSummary struct {
	Number int      `json:"number"` // the item's number on the form, from 1
	Item   string   `json:"item"`   // the item's key
	Text   string   `json:"text"`   // its wording in the summary's language
	Kind   EvalKind `json:"kind"`
	// Answered counts the answers other than "not applicable".
	Answered int `json:"answered"`
	// NotApplicable counts "not applicable" on an agreement scale.
	NotApplicable int `json:"not_applicable"`
	// Mean and Median are those of the 1–5 answers (0 for other kinds,
	// or without answers).
	Mean   float64 `json:"mean"`
	Median float64 `json:"median"`
	// Counts are the answers per value: 1 to 5 on a scale; yes, no; or
	// per choice.
	Counts []int `json:"counts"`
	// AgreePct is the share agreeing, in percent of Answered: the top two
	// boxes (4 and 5) on a scale, yes on yes/no; 0 for choices.
	AgreePct float64 `json:"agree_pct"`
}

// EvalComments is the comments given to one open question.
type EvalComments struct {
	Number   int           `json:"number"`
	Item     string        `json:"item"`
	Text     string        `json:"text"`
	Comments []EvalComment `json:"comments"`
}

// EvalComment is one comment as written, with its form and language.
type EvalComment struct {
	Form     int    `json:"form"`
	Language string `json:"language,omitempty"`
	Text     string `json:"text"`
}

// Headline is the summary's headline figures for donors: the response
// rate and the share agreeing on satisfaction, relevance and "would
// recommend" (ok false for an item the form lacks or nobody answered).
type Headline struct {
	Responses, Attended int
	ResponseRate        float64
	Satisfaction        float64
	SatisfactionOK      bool
	Relevance           float64
	RelevanceOK         bool
	Recommend           float64
	RecommendOK         bool
}

// Headline returns the headline figures.
func (s *EvaluationSummary) Headline() Headline {
	h := Headline{Responses: s.Responses, Attended: s.Attended, ResponseRate: s.ResponseRate}
	for _, it := range s.Items {
		if it.Answered == 0 {
			continue
		}
		switch it.Item {
		case EvalKeySatisfaction:
			h.Satisfaction, h.SatisfactionOK = it.AgreePct, true
		case EvalKeyRelevance:
			h.Relevance, h.RelevanceOK = it.AgreePct, true
		case EvalKeyRecommend:
			h.Recommend, h.RecommendOK = it.AgreePct, true
		}
	}
	return h
}

// Attended counts the participants who arrived (present or late) at one
// session at least.
func Attended(d *WorkshopData) int {
	seen := make(map[uuid.UUID]bool, len(d.Participants))
	for _, marks := range d.Marks {
		for id, m := range marks.All() {
			if m.Status.Arrived() {
				seen[id] = true
			}
		}
	}
	n := 0
	for _, p := range d.Participants {
		if seen[p.ID] {
			n++
		}
	}
	return n
}

// SummariseEvaluation sums up the responses to f, for a workshop where
// attended participants came, with texts in lang.
func SummariseEvaluation(f *EvaluationForm, list []EvaluationResponse, attended int, lang string) *EvaluationSummary {
	s := &EvaluationSummary{Responses: len(list), Attended: attended, Items: []EvalItemSummary{}, Sessions: []EvalItemSummary{}, Comments: []EvalComments{}}
	if attended > 0 {
		s.ResponseRate = round1(100 * float64(len(list)) / float64(attended))
	}
	index := make(map[string]int, len(f.Items))
	items := make([]EvalItemSummary, len(f.Items))
	comments := make([][]EvalComment, len(f.Items))
	for i, it := range f.Items {
		index[it.Key] = i
		n := 0
		switch it.Kind {
		case EvalAgreement, EvalRating:
			n = 5
		case EvalYesNo:
			n = 2
		case EvalChoice, EvalChoices:
			n = len(it.Choices)
		}
		items[i] = EvalItemSummary{Number: i + 1, Item: it.Key, Text: it.Text.In(lang), Kind: it.Kind, Counts: make([]int, n)}
	}
	for ri := range list {
		r := &list[ri]
		for _, a := range r.Answers {
			i, ok := index[a.Item]
			if !ok {
				continue
			}
			sum := &items[i]
			switch it := &f.Items[i]; {
			case it.Kind == EvalText:
				if a.Text != "" {
					lang := r.Language
					if g := GuessLanguage(a.Text); g != "" {
						lang = g
					}
					comments[i] = append(comments[i], EvalComment{Form: r.Form, Language: lang, Text: a.Text})
				}
			case a.NA:
				sum.NotApplicable++
			case it.Kind == EvalChoices:
				sum.Answered++
				for _, c := range a.Choices {
					if c >= 1 && c <= len(sum.Counts) {
						sum.Counts[c-1]++
					}
				}
			case a.Value >= 1 && a.Value <= len(sum.Counts):
				sum.Answered++
				sum.Counts[a.Value-1]++
			}
		}
	}
	for i, it := range f.Items {
		sum := &items[i]
		if it.Kind == EvalText {
			s.Comments = append(s.Comments, EvalComments{Number: i + 1, Item: it.Key, Text: sum.Text, Comments: comments[i]})
			if s.Comments[len(s.Comments)-1].Comments == nil {
				s.Comments[len(s.Comments)-1].Comments = []EvalComment{}
			}
			continue
		}
		finish(sum)
		s.Items = append(s.Items, *sum)
		if it.SessionID != uuid.Nil {
			s.Sessions = append(s.Sessions, *sum)
		}
	}
	for i := range s.Items {
		switch s.Items[i].Item {
		case EvalKeyKnowledgeBefore:
			s.KnowledgeBefore = &s.Items[i]
		case EvalKeyKnowledgeAfter:
			s.KnowledgeAfter = &s.Items[i]
		}
	}
	slices.SortStableFunc(s.Sessions, func(a, b EvalItemSummary) int {
		if a.Answered == 0 || b.Answered == 0 {
			return cmp.Compare(b.Answered, a.Answered) // sessions without ratings last
		}
		return cmp.Compare(b.Mean, a.Mean)
	})
	return s
}

// finish works out the mean, median and share agreeing from the counts.
func finish(sum *EvalItemSummary) {
	if sum.Answered == 0 {
		return
	}
	switch sum.Kind {
	case EvalAgreement, EvalRating:
		total := 0
		for v, n := range sum.Counts {
			total += (v + 1) * n
		}
		sum.Mean = round2(float64(total) / float64(sum.Answered))
		sum.Median = medianOf(sum.Counts, sum.Answered)
		sum.AgreePct = round1(100 * float64(sum.Counts[3]+sum.Counts[4]) / float64(sum.Answered))
	case EvalYesNo:
		sum.AgreePct = round1(100 * float64(sum.Counts[0]) / float64(sum.Answered))
	}
}

// medianOf returns the median of n values 1–5 counted per value.
func medianOf(counts []int, n int) float64 {
	at := func(k int) int { // the k-th value (from 0) in order
		for v, c := range counts {
			if k < c {
				return v + 1
			}
			k -= c
		}
		return len(counts)
	}
	if n%2 == 1 {
		return float64(at(n / 2))
	}
	return float64(at(n/2-1)+at(n/2)) / 2
}

func round1(v float64) float64 { return math.Round(v*10) / 10 }
func round2(v float64) float64 { return math.Round(v*100) / 100 }
