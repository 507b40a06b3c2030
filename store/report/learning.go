package report

import (
	"fmt"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// The tables of the learning report.
const (
	LearningSummaryTable      = "Learning summary"
	LearningParticipantsTable = "Scores by participant"
	LearningQuestionsTable    = "Right answers by question"
	LearningDistributionTable = "Score distribution"
	LearningGroupsTable       = "Learning by group"
)

// Learning returns the tables of the learning report: the paired summary,
// each participant's scores, each question's share of right answers before
// and after (worded in lang where the question has a translation), the
// distribution of scores, and the paired figures by gender, region and
// organisation type.
func Learning(l *store.Learning, lang string) []sheet.Table {
	return []sheet.Table{LearningSummary(l), learningParticipants(l), learningQuestions(l, lang), LearningDistribution(l), LearningGroups(l)}
}

// LearningSummary is the table of paired figures.
func LearningSummary(l *store.Learning) sheet.Table {
	t := sheet.Table{Name: LearningSummaryTable, Header: []string{"Measure", "Value"}}
	add := func(label string, v any) { t.Rows = append(t.Rows, []any{label, v}) }
	add("Took the pre-test", l.PreTakers)
	add("Took the post-test", l.PostTakers)
	add("Took both (paired)", l.Paired)
	if l.Paired > 0 {
		add("Mean pre-test score (%)", round1(l.MeanPre))
		add("Mean post-test score (%)", round1(l.MeanPost))
		add("Mean gain (points)", round1(l.MeanGain))
		if l.NormGainN > 0 {
			add("Mean normalised gain (Hake)", round2(l.MeanNormGain))
		}
		add("Improved (% of paired)", round1(l.Improved))
	}
	if l.HasPassMark {
		add("Pass mark (%)", l.PostQuiz.PassMark)
		add("Passed the post-test (% of takers)", round1(l.Passed))
	}
	return t
}

func pct(s *store.Score) any {
	if s == nil {
		return nil
	}
	return round1(s.Percent)
}

func learningParticipants(l *store.Learning) sheet.Table {
	t := sheet.Table{Name: LearningParticipantsTable, Header: []string{"Badge code", "Family name", "Given names", "Organisation",
		"Pre-test (%)", "Post-test (%)", "Gain (points)", "Normalised gain", "Passed"}}
	for _, r := range l.Rows {
		row := []any{r.Participant.BadgeCode, r.Participant.FamilyNames, r.Participant.GivenNames, r.Participant.Organisation,
			pct(r.Pre), pct(r.Post), nil, nil, nil}
		if r.Paired() {
			row[6] = round1(r.Gain)
		}
		if r.HasNormGain {
			row[7] = round2(r.NormGain)
		}
		if l.HasPassMark && r.Post != nil {
			row[8] = yesNo(r.Passed)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

func learningQuestions(l *store.Learning, lang string) sheet.Table {
	t := sheet.Table{Name: LearningQuestionsTable, Header: []string{"#", "Question", "Right before (%)", "Right after (%)", "Change (points)"}}
	for _, q := range l.Questions {
		pre := q.Pre.Wording(lang)
		text := pre.Text
		if !q.HasPre {
			text = q.Post.Wording(lang).Text
		} else if q.HasPost && q.Post.ID != q.Pre.ID {
			text += " / " + q.Post.Wording(lang).Text
		}
		if q.Pre.MissingWord() {
			text += " _____ " + pre.After
		}
		row := []any{q.Position, text, nil, nil, nil}
		if q.HasPre && q.PreN > 0 {
			row[2] = round1(q.PreRight)
		}
		if q.HasPost && q.PostN > 0 {
			row[3] = round1(q.PostRight)
		}
		if row[2] != nil && row[3] != nil {
			row[4] = round1(q.PostRight - q.PreRight)
		}
		t.Rows = append(t.Rows, row)
	}
	return t
}

// LearningDistribution counts scores in tenths, before and after, laid
// out as a breakdown (label, count, %, count, %) with a total row.
func LearningDistribution(l *store.Learning) sheet.Table {
	t := sheet.Table{Name: LearningDistributionTable, Header: []string{"Score", "Pre-test", "Pre-test (%)", "Post-test", "Post-test (%)"}}
	share := func(n, of int) any {
		if of == 0 {
			return nil
		}
		return round1(float64(n) / float64(of) * 100)
	}
	for i := range 10 {
		label := fmt.Sprintf("%d–%d %%", i*10, i*10+9)
		if i == 9 {
			label = "90–100 %"
		}
		t.Rows = append(t.Rows, []any{label, l.PreBins[i], share(l.PreBins[i], l.PreTakers), l.PostBins[i], share(l.PostBins[i], l.PostTakers)})
	}
	t.Rows = append(t.Rows, []any{TotalLabel, l.PreTakers, share(l.PreTakers, l.PreTakers), l.PostTakers, share(l.PostTakers, l.PostTakers)})
	return t
}

// LearningGroups gives the paired figures by gender, region and
// organisation type, for donors; the statistics report carries it too.
func LearningGroups(l *store.Learning) sheet.Table {
	t := sheet.Table{Name: LearningGroupsTable, Header: []string{"Breakdown", "Group", "Paired", "Mean pre (%)", "Mean post (%)", "Mean gain (points)"}}
	type acc struct {
		n         int
		pre, post float64
	}
	dims := []struct {
		name string
		key  func(p *store.Participant) string
	}{
		{"Gender", func(p *store.Participant) string { return notGiven(capital(store.Label(p.Gender))) }},
		{"Region", func(p *store.Participant) string {
			r, _ := store.RegionOf(p.Country)
			return notGiven(r.Region)
		}},
		{"Organisation type", func(p *store.Participant) string { return notGiven(capital(store.Label(p.OrgType))) }},
	}
	for _, d := range dims {
		groups := map[string]*acc{}
		var order []string
		for _, r := range l.Rows {
			if !r.Paired() {
				continue
			}
			k := d.key(&r.Participant)
			if groups[k] == nil {
				groups[k] = &acc{}
				order = append(order, k)
			}
			g := groups[k]
			g.n++
			g.pre += r.Pre.Percent
			g.post += r.Post.Percent
		}
		for _, k := range order {
			g := groups[k]
			n := float64(g.n)
			t.Rows = append(t.Rows, []any{d.name, k, g.n, round1(g.pre / n), round1(g.post / n), round1((g.post - g.pre) / n)})
		}
	}
	return t
}

func notGiven(s string) string {
	if s == "" {
		return "Not given"
	}
	return s
}
