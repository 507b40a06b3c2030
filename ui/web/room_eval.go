package web

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// itemView is one item of the evaluation page.
type itemView struct {
	N       int
	Heading string // the section's heading, on its first item
	Text    string
	Input   string // radio, checkbox or textarea
	Choices []choiceView
}

// admitted reports whether the client gave the room code (evaluation),
// and whether it already sent its evaluation.
func (r *Room) admittedClient(q *request) (in, sent bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.admitted[q.client], r.devices[q.client]
}

// evalPage shows the evaluation form, anonymous, in the client's language.
func (r *Room) evalPage(w http.ResponseWriter, q *request) {
	in, sent := r.admittedClient(q)
	if !in {
		http.Redirect(w, q.Request, "/", http.StatusSeeOther)
		return
	}
	if sent {
		r.message(w, q, http.StatusOK, "eval_sent")
		return
	}
	if r.Finished() {
		r.message(w, q, http.StatusConflict, "closed")
		return
	}
	pg := r.page(q, "eval")
	pg.Intro = store.EvalWording(q.lang, "intro_anonymous")
	pg.Items = evalItems(&r.form, q.lang)
	r.render(w, http.StatusOK, pg)
}

// evalItems are the form's items in lang, with their section headings.
func evalItems(f *store.EvaluationForm, lang string) []itemView {
	var list []itemView
	var section store.EvalSection
	for i := range f.Items {
		it := &f.Items[i]
		v := itemView{N: i + 1, Text: it.Text.In(lang), Input: "radio"}
		if s := it.Section(); s != section {
			section = s
			v.Heading = store.EvalWording(lang, "section_"+string(s))
		}
		switch it.Kind {
		case store.EvalAgreement:
			for k, l := range store.AgreementLabels(lang) {
				v.Choices = append(v.Choices, choiceView{Value: strconv.Itoa(k + 1), Label: l})
			}
			v.Choices = append(v.Choices, choiceView{Value: "na", Label: store.EvalWording(lang, "not_applicable")})
		case store.EvalRating:
			for k := 1; k <= 5; k++ {
				l := strconv.Itoa(k)
				switch k {
				case 1:
					l += " – " + store.EvalWording(lang, "poor")
				case 5:
					l += " – " + store.EvalWording(lang, "excellent")
				}
				v.Choices = append(v.Choices, choiceView{Value: strconv.Itoa(k), Label: l})
			}
		case store.EvalYesNo:
			v.Choices = []choiceView{{Value: "1", Label: store.EvalWording(lang, "yes")}, {Value: "2", Label: store.EvalWording(lang, "no")}}
		case store.EvalChoice, store.EvalChoices:
			if it.Kind == store.EvalChoices {
				v.Input = "checkbox"
			}
			for k, c := range it.Choices {
				v.Choices = append(v.Choices, choiceView{Value: strconv.Itoa(k + 1), Label: c.In(lang)})
			}
		case store.EvalText:
			v.Input = "textarea"
		}
		list = append(list, v)
	}
	return list
}

// evalAnswers reads the form's answers from the request; ok is false
// when a value is no answer to its item.
func evalAnswers(f *store.EvaluationForm, q *request) ([]store.EvalAnswer, bool) {
	var list []store.EvalAnswer
	for i, it := range f.Items {
		vals := q.PostForm["i"+strconv.Itoa(i+1)]
		if len(vals) == 0 || len(vals) == 1 && strings.TrimSpace(vals[0]) == "" {
			continue
		}
		a := store.EvalAnswer{Item: it.Key}
		switch it.Kind {
		case store.EvalText:
			a.Text = strings.TrimSpace(vals[0])
		case store.EvalChoices:
			for _, v := range vals {
				n, err := strconv.Atoi(v)
				if err != nil {
					return nil, false
				}
				a.Choices = append(a.Choices, n)
			}
		default:
			if len(vals) != 1 {
				return nil, false
			}
			if vals[0] == "na" && it.Kind == store.EvalAgreement {
				a.NA = true
				break
			}
			n, err := strconv.Atoi(vals[0])
			if err != nil {
				return nil, false
			}
			a.Value = n
		}
		list = append(list, a)
	}
	return list, true
}

// sendEvaluation records the evaluation anonymously: a new form number,
// the language, the answers; one per device.
func (r *Room) sendEvaluation(w http.ResponseWriter, q *request) {
	in, sent := r.admittedClient(q)
	switch {
	case !in:
		r.message(w, q, http.StatusForbidden, "expired")
		return
	case sent:
		r.message(w, q, http.StatusConflict, "eval_already")
		return
	case r.Finished():
		r.message(w, q, http.StatusConflict, "closed")
		return
	}
	answers, ok := evalAnswers(&r.form, q)
	resp := &store.EvaluationResponse{WorkshopID: r.workshop.ID, Form: 1, Language: q.lang, Answers: answers}
	if !ok || r.form.ValidateResponse(resp) != nil {
		r.message(w, q, http.StatusBadRequest, "bad_answer")
		return
	}
	r.mu.Lock()
	if r.devices[q.client] {
		r.mu.Unlock()
		r.message(w, q, http.StatusConflict, "eval_already")
		return
	}
	r.devices[q.client] = true
	r.mu.Unlock()
	err := r.record(resp)
	r.mu.Lock()
	if err != nil {
		delete(r.devices, q.client)
	} else {
		r.evals++
	}
	r.mu.Unlock()
	if err != nil {
		r.message(w, q, http.StatusInternalServerError, "not_saved")
		return
	}
	r.message(w, q, http.StatusOK, "eval_sent")
}

// record gives the response the next form number and stores it.
func (r *Room) record(resp *store.EvaluationResponse) error {
	_, err := r.st.RecordEvaluationNext(resp)
	return err
}
