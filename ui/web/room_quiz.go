package web

import (
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// choiceView is one answer a participant can tick.
type choiceView struct {
	Value, Label string
	Checked      bool
}

// questionView is one question of the test page.
type questionView struct {
	N            int
	Text, After  string
	Input        string // radio, checkbox, text or number
	Choices      []choiceView
	Value        string // typed answers
	Saved        bool
	Result       bool // the score is shown: right or not, the explanation
	Right        bool
	RightAnswer  string
	Explanation  string
	Source       string
	Unanswerable bool
}

// testPage shows the participant's own answers, one form per question.
func (r *Room) testPage(w http.ResponseWriter, q *request) {
	pid, ok := r.participant(q)
	if !ok {
		http.Redirect(w, q.Request, "/", http.StatusSeeOther)
		return
	}
	sheet, _, err := r.st.Sheet(r.quiz.ID, pid)
	if err != nil {
		r.message(w, q, http.StatusInternalServerError, "not_saved")
		return
	}
	p, err := r.st.Participant(pid)
	if err != nil {
		r.message(w, q, http.StatusNotFound, "wrong_code")
		return
	}
	r.mu.Lock()
	finished, submitted := r.finished, r.submitted[pid]
	r.mu.Unlock()
	resp := sheet.Aligned(r.quiz.QuestionIDs)
	saved, _ := strconv.Atoi(q.URL.Query().Get("saved"))
	pg := r.page(q, "test")
	pg.Name = p.FullName()
	pg.Locked = finished || submitted
	pg.Submitted, pg.Finished = submitted, finished
	showResults := finished && r.cfg.ShowResults
	var score store.Score
	if showResults {
		score = store.NewTestScorer(r.questions).Score(resp)
		pg.Score = fmt.Sprintf(q.t["score"], trimFloat(score.Points), len(r.questions), trimFloat(score.Percent))
	}
	for i := range r.questions {
		qq := &r.questions[i]
		v := questionFor(qq, q.lang, q.t, resp[i])
		v.N = i + 1
		v.Saved = saved == i+1
		if showResults {
			v.Result, v.Right = true, score.Right(i)
			v.RightAnswer = rightAnswer(qq, q.lang, q.t)
			v.Explanation = qq.Wording(q.lang).Feedback
			v.Source = qq.Source
		}
		pg.Questions = append(pg.Questions, v)
	}
	r.render(w, http.StatusOK, pg)
}

// questionFor is question qq in lang with the participant's answer resp.
func questionFor(qq *store.Question, lang string, t map[string]string, resp string) questionView {
	wd := qq.Wording(lang)
	v := questionView{Text: wd.Text, After: wd.After}
	switch qq.Kind {
	case store.TrueFalse:
		v.Input = "radio"
		v.Choices = []choiceView{{"T", t["true"], resp == "T"}, {"F", t["false"], resp == "F"}}
	case store.MultipleChoice, store.MultipleAnswer:
		v.Input = "radio"
		if qq.Kind == store.MultipleAnswer {
			v.Input = "checkbox"
		}
		for k, label := range wd.Options {
			l := store.Letter(k)
			v.Choices = append(v.Choices, choiceView{l, label, strings.Contains(resp, l)})
		}
	case store.ShortAnswer:
		v.Input, v.Value = "text", resp
	case store.Numeric:
		v.Input, v.Value = "number", resp
	default:
		v.Unanswerable = true
	}
	return v
}

// rightAnswer is the right answer of qq in words.
func rightAnswer(qq *store.Question, lang string, t map[string]string) string {
	wd := qq.Wording(lang)
	switch qq.Kind {
	case store.TrueFalse:
		if qq.TrueFalseAnswer() {
			return t["true"]
		}
		return t["false"]
	case store.MultipleChoice, store.MultipleAnswer, store.ShortAnswer, store.Numeric:
		var right []string
		for k, o := range qq.Options {
			if o.Weight > 0 && (qq.Kind == store.MultipleAnswer || o.Weight >= 100) {
				right = append(right, wd.Options[k])
				if qq.Kind != store.MultipleAnswer {
					break
				}
			}
		}
		return strings.Join(right, " · ")
	}
	return ""
}

// trimFloat writes f with at most one decimal.
func trimFloat(f float64) string { return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64) }

// answer saves one answer of the participant signed in, in its own
// transaction, before "saved" is said.
func (r *Room) answer(w http.ResponseWriter, q *request) {
	pid, ok := r.participant(q)
	if !ok {
		r.message(w, q, http.StatusForbidden, "expired")
		return
	}
	n, err := strconv.Atoi(q.PostForm.Get("n"))
	if err != nil || n < 1 || n > len(r.questions) {
		r.message(w, q, http.StatusBadRequest, "bad_request")
		return
	}
	r.mu.Lock()
	locked := r.finished || r.submitted[pid]
	r.mu.Unlock()
	if locked {
		r.message(w, q, http.StatusConflict, "closed")
		return
	}
	vals := q.PostForm["a"]
	raw := ""
	if r.questions[n-1].Kind == store.MultipleAnswer {
		raw = strings.Join(vals, "")
	} else if len(vals) > 0 {
		raw = vals[0]
	}
	if _, err := r.st.RecordAnswer(r.workshop.ID, r.quiz.ID, pid, n-1, raw, "phone"); err != nil {
		switch {
		case errors.Is(err, store.ErrQuizClosed):
			r.message(w, q, http.StatusConflict, "closed")
		case errors.Is(err, store.ErrNotFound):
			r.message(w, q, http.StatusForbidden, "expired")
		default:
			r.message(w, q, http.StatusBadRequest, "bad_answer")
		}
		return
	}
	r.mu.Lock()
	if _, ok := r.answered[pid]; !ok {
		r.answered[pid] = r.cfg.Now()
	}
	r.mu.Unlock()
	if q.fetch {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, q.t["saved"])
		return
	}
	http.Redirect(w, q.Request, fmt.Sprintf("/test?saved=%d#q%d", n, n), http.StatusSeeOther)
}

// submit hands in the participant's answers: no more changes.
func (r *Room) submit(w http.ResponseWriter, q *request) {
	pid, ok := r.participant(q)
	if !ok {
		r.message(w, q, http.StatusForbidden, "expired")
		return
	}
	r.mu.Lock()
	r.submitted[pid] = true
	if _, ok := r.answered[pid]; !ok {
		r.answered[pid] = r.cfg.Now()
	}
	r.mu.Unlock()
	http.Redirect(w, q.Request, "/test", http.StatusSeeOther)
}
