package ui

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"github.com/workshopdesk/workshopdesk/store"
)

// quizResults shows the learning results: the paired figures, the score
// distribution before and after as bar charts, and the share of right
// answers to each question.
type quizResults struct {
	s         *quizSection
	summary   *widget.Label
	pre, post *barChart
	questions *widget.Label
	content   fyne.CanvasObject
}

func newQuizResults(s *quizSection) *quizResults {
	r := &quizResults{s: s, summary: widget.NewLabel(""), questions: widget.NewLabel("")}
	r.summary.Wrapping = fyne.TextWrapWord
	r.questions.Wrapping = fyne.TextWrapWord
	r.pre, r.post = newBarChart(nil, 0), newBarChart(nil, 0)
	charts := container.NewGridWithColumns(2,
		widget.NewCard(lang.L("Pre-test scores"), "", r.pre), widget.NewCard(lang.L("Post-test scores"), "", r.post))
	r.content = container.NewVScroll(container.NewVBox(r.summary, charts,
		widget.NewLabelWithStyle(lang.L("Right answers by question, before → after"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), r.questions))
	return r
}

// refresh works the results out again from the section's data.
func (r *quizResults) refresh() {
	if r.s.data == nil {
		return
	}
	l := store.LearningOf(r.s.ws.data.Participants, r.s.data)
	if l.PreTakers+l.PostTakers == 0 {
		r.summary.SetText(lang.L("No answers are recorded yet."))
	} else {
		text := fmt.Sprintf(lang.L("Took the pre-test: %d · the post-test: %d · both: %d"), l.PreTakers, l.PostTakers, l.Paired)
		if l.Paired > 0 {
			text += "\n" + fmt.Sprintf(lang.L("Mean pre-test %s → mean post-test %s · mean normalised gain %s · improved %s"),
				wholePercent(l.MeanPre), wholePercent(l.MeanPost), number(l.MeanNormGain, 2), wholePercent(l.Improved))
		}
		if l.HasPassMark {
			text += "\n" + fmt.Sprintf(lang.L("Passed the post-test: %s"), wholePercent(l.Passed))
		}
		r.summary.SetText(text)
	}
	r.pre.SetRows(binRows(l.PreBins, l.PreTakers), l.PreTakers)
	r.post.SetRows(binRows(l.PostBins, l.PostTakers), l.PostTakers)
	var b strings.Builder
	for _, q := range l.Questions {
		text := q.Pre.Text
		if !q.HasPre {
			text = q.Post.Text
		}
		// A question one of the tests does not have shows "–" there, not
		// "0%" as if nobody got it right.
		pre, post := "–", "–"
		if q.HasPre {
			pre = wholePercent(q.PreRight)
		}
		if q.HasPost {
			post = wholePercent(q.PostRight)
		}
		fmt.Fprintf(&b, "%d. %s — %s → %s\n", q.Position, text, pre, post)
	}
	r.questions.SetText(b.String())
}

// binRows makes the chart rows of a score distribution.
func binRows(bins [10]int, total int) []chartRow {
	rows := make([]chartRow, len(bins))
	for i, n := range bins {
		label := fmt.Sprintf("%d–%d%%", i*10, i*10+9)
		if i == 9 {
			label = "90–100%"
		}
		rows[i] = chartRow{Label: label, Count: n, Percent: percentOf(n, total)}
	}
	return rows
}
