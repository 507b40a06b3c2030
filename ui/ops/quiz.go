package ops

import (
	"bytes"
	"fmt"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// SheetsRun is what WriteAnswerSheets wrote.
type SheetsRun struct {
	Quiz         store.Quiz
	Participants int
	Questions    int
}

// WriteAnswerSheets writes the answer sheets of a workshop's test to path
// (replaced atomically): one per participant, or a question booklet and
// a one-page grid each.
func WriteAnswerSheets(st *store.Store, w store.Workshop, key store.QuizKey, path string, size pdf.PageSize, booklet bool) (SheetsRun, error) {
	z, err := st.FindQuiz(w.ID, key)
	if err != nil {
		return SheetsRun{}, err
	}
	bank, err := st.Questions(w.ID)
	if err != nil {
		return SheetsRun{}, err
	}
	ps, err := st.Participants(w.ID)
	if err != nil {
		return SheetsRun{}, err
	}
	req := pdf.SheetsRequest{Workshop: w, Quiz: z, Questions: store.QuizQuestions(&z, bank), Participants: ps, Size: size, Booklet: booklet}
	if err := writeRendered(path, func(b *bytes.Buffer) error { return pdf.AnswerSheets(req, b) }); err != nil {
		return SheetsRun{}, fmt.Errorf("write the answer sheets: %w", err)
	}
	return SheetsRun{Quiz: z, Participants: len(ps), Questions: len(req.Questions)}, nil
}
