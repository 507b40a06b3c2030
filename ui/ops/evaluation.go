package ops

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/importer"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// ReportEvaluation is the evaluation report of a workshop.
const ReportEvaluation = "evaluation"

// EvalParticipants asks for one printed form per participant, each in
// their language (EvalFormsRequest.Language).
const EvalParticipants = "participants"

// EvalFormsRequest is what a printing of evaluation forms prints.
type EvalFormsRequest struct {
	Data *store.WorkshopData
	// Language is EvalParticipants (one form per participant in their
	// language), or a language (Copies forms in it; 0 copies: as many as
	// participants); "" is the participants' languages.
	Language string
	Copies   int
	Paper    pdf.PageSize
	Out      string
	// CheckPath, if set, is called for Out before anything is written.
	CheckPath func(path string) error
}

// EvalFormsRun is what a printing of evaluation forms wrote.
type EvalFormsRun struct {
	Path        string         `json:"path"`
	Forms       int            `json:"forms"`
	First       int            `json:"first"`
	Last        int            `json:"last"`
	ByLanguage  map[string]int `json:"by_language"`
	Anonymous   bool           `json:"anonymous"`
	PaperFormat string         `json:"paper"`
}

// EvalRespondents are the participants who get a form: everyone
// registered but organisers and facilitators.
func EvalRespondents(d *store.WorkshopData) []store.Participant {
	var out []store.Participant
	for _, p := range d.Participants {
		if p.Deleted() || p.Role == store.RoleOrganiser || p.Role == store.RoleFacilitator {
			continue
		}
		out = append(out, p)
	}
	return out
}

// PrintEvaluationForms prints the workshop's evaluation forms, numbered
// on from the last printing (st.ReserveFormNumbers). Forms for the
// participants are grouped by language for handing out, and shuffled
// within each language before they are numbered: a form number says
// nothing of who received it, and no list of who got which is kept.
func PrintEvaluationForms(st *store.Store, req EvalFormsRequest) (EvalFormsRun, error) {
	run := EvalFormsRun{Path: req.Out, ByLanguage: map[string]int{}, PaperFormat: strings.ToLower(string(req.Paper))}
	w := &req.Data.Workshop
	var langs []string
	switch lang := strings.ToLower(strings.TrimSpace(req.Language)); {
	case lang == "" || lang == EvalParticipants:
		if req.Copies != 0 {
			return run, errors.New("copies are for one language: give a language with the number of copies")
		}
		for _, p := range EvalRespondents(req.Data) {
			langs = append(langs, store.EvalLanguageOf(w, &p))
		}
		rand.Shuffle(len(langs), func(i, j int) { langs[i], langs[j] = langs[j], langs[i] })
		slices.SortStableFunc(langs, func(a, b string) int {
			return cmp.Compare(slices.Index(store.CertificateLanguages, a), slices.Index(store.CertificateLanguages, b))
		})
	case slices.Contains(store.CertificateLanguages, lang):
		n := req.Copies
		if n == 0 {
			n = len(EvalRespondents(req.Data))
		}
		if n < 1 || n > 5000 {
			return run, fmt.Errorf("%d copies: print 1 to 5000 forms at a time", n)
		}
		for range n {
			langs = append(langs, lang)
		}
	default:
		return run, fmt.Errorf("%q is not participants or one of %s", req.Language, strings.Join(store.CertificateLanguages, ", "))
	}
	if len(langs) == 0 {
		return run, fmt.Errorf("%s has no participants yet: give a language and a number of copies", w.Code)
	}
	if req.CheckPath != nil {
		if err := req.CheckPath(req.Out); err != nil {
			return run, err
		}
	}
	if err := store.CheckWriteTarget(req.Out); err != nil {
		return run, err
	}
	form, _, err := st.EvaluationForm(w.ID)
	if err != nil {
		return run, err
	}
	first, err := st.ReserveFormNumbers(w.ID, len(langs))
	if err != nil {
		return run, fmt.Errorf("number the forms: %w", err)
	}
	sheets := make([]pdf.EvalSheet, len(langs))
	for i, l := range langs {
		sheets[i] = pdf.EvalSheet{Number: first + i, Language: l}
		run.ByLanguage[l]++
	}
	run.Forms, run.First, run.Last, run.Anonymous = len(sheets), first, first+len(sheets)-1, !form.Named
	err = writeRendered(req.Out, func(b *bytes.Buffer) error {
		return pdf.EvaluationForms(b, pdf.EvalFormsSpec{Workshop: *w, Form: form, Sheets: sheets, Paper: req.Paper})
	})
	if err != nil {
		return run, fmt.Errorf("evaluation forms not written: %w", err)
	}
	return run, nil
}

// RecordKeyed records a form keyed in (store.EvaluationForm.KeyedResponse)
// and returns it with the form it answers, to show it back.
func RecordKeyed(st *store.Store, workshopID uuid.UUID, form int, ratings string, comments map[string]string, lang string) (store.EvaluationResponse, store.EvaluationForm, error) {
	f, _, err := st.EvaluationForm(workshopID)
	if err != nil {
		return store.EvaluationResponse{}, f, err
	}
	r, err := f.KeyedResponse(form, ratings, comments, lang)
	if err != nil {
		return r, f, err
	}
	if err := st.RecordEvaluation(&r); err != nil {
		return r, f, err
	}
	return r, f, nil
}

// ReadEvaluationFile reads an evaluation export against the workshop's
// form (importer.ReadEvaluations); nothing is written.
func ReadEvaluationFile(st *store.Store, w *store.Workshop, path, sheet string) (*importer.EvalImport, error) {
	t, err := importer.ReadFile(path, sheet)
	if err != nil {
		return nil, err
	}
	f, list, err := st.Evaluation(w.ID)
	if err != nil {
		return nil, err
	}
	return importer.ReadEvaluations(t, &f, list, cmp.Or(w.Language, "en")), nil
}

// CommitEvaluations records what ReadEvaluationFile read, all or nothing;
// it refuses an import with problems.
func CommitEvaluations(st *store.Store, workshopID uuid.UUID, im *importer.EvalImport) error {
	if len(im.Problems) > 0 {
		return fmt.Errorf("%d problems in the file; nothing was imported", len(im.Problems))
	}
	if len(im.Responses) == 0 {
		return errors.New("the file holds no answers; nothing was imported")
	}
	return st.RecordEvaluations(workshopID, im.Responses)
}

// SummariseEvaluation reads the workshop's evaluation and sums it up, with
// the item texts in the workshop's language.
func SummariseEvaluation(st *store.Store, d *store.WorkshopData) (*store.EvaluationSummary, store.EvaluationForm, error) {
	f, list, err := st.Evaluation(d.Workshop.ID)
	if err != nil {
		return nil, f, err
	}
	return store.SummariseEvaluation(&f, list, store.Attended(d), cmp.Or(d.Workshop.Language, "en")), f, nil
}
