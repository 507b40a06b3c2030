package store

import (
	"fmt"

	"github.com/google/uuid"
)

// KindCompletion certifies that a participant eligible for a certificate
// of attendance also reached the post-test's pass mark (see
// ApplyCompletion).
const KindCompletion CertificateKind = "completion"

// ApplyCompletion applies the certificate rule "post-test ≥ pass mark"
// (Quiz.Completion on the post-test) to eligibility rows: each eligible
// participant due a certificate of attendance gets one of completion when
// their post-test score reaches the pass mark. The reason says why either
// way, after the attendance reason ("…; post-test 85% ≥ 70%: certificate
// of completion"), and the row's Kind becomes KindCompletion. It returns the participants due a certificate of
// completion; none when the rule is off.
func ApplyCompletion(rows []EligibilityRow, l *Learning) map[uuid.UUID]bool {
	out := map[uuid.UUID]bool{}
	z := l.PostQuiz
	if z == nil || !z.Completion || z.PassMark <= 0 {
		return out
	}
	for i := range rows {
		r := &rows[i]
		if r.Kind != KindAttendance || !r.Eligible {
			continue
		}
		var why string
		switch lr := l.Row(r.ParticipantID); {
		case lr == nil || lr.Post == nil:
			why = "post-test not taken: certificate of attendance"
		case lr.Passed:
			why = fmt.Sprintf("post-test %.0f%% ≥ %g%%: certificate of completion", lr.Post.Percent, z.PassMark)
			out[r.ParticipantID] = true
			r.Kind = KindCompletion
		default:
			why = fmt.Sprintf("post-test %.0f%% < %g%%: certificate of attendance", lr.Post.Percent, z.PassMark)
		}
		r.Reason += "; " + why
		r.RuleReason += "; " + why
	}
	return out
}
