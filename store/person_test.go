package store

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

// TestPersonRecordHoldsEverything exports the record of a sample
// participant with answers, a corrected attendance mark and a certificate:
// it holds the attendance history, the certificate and the test scores,
// and says the evaluation is not linked.
func TestPersonRecordHoldsEverything(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.Participants(w.ID)
	p := people[1] // has pre- and post-test answers
	sessions, _ := s.Sessions(w.ID)
	recordStatus(t, s, sessions[0], p, Absent)
	recordStatus(t, s, sessions[0], p, Excused)
	certs, err := s.Issue([]uuid.UUID{p.ID}, s.now())
	if err != nil || len(certs) != 1 {
		t.Fatalf("Issue: %v", err)
	}
	for _, ref := range []string{p.BadgeCode, strings.ToUpper(p.Email), strings.ToLower(p.BadgeCode)} {
		if got, err := s.FindPerson(w.ID, ref); err != nil || got.ID != p.ID {
			t.Errorf("FindPerson(%q) = %s, %v", ref, got.FullName(), err)
		}
	}
	if _, err := s.FindPerson(w.ID, "nobody@example.org"); !errors.Is(err, ErrNotFound) {
		t.Errorf("FindPerson(nobody) = %v, want ErrNotFound", err)
	}
	r, err := s.PersonRecordOf(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	if r.Participant.Email != p.Email || r.Workshop.Code != w.Code || len(r.Attendance) != len(sessions) {
		t.Fatalf("record = %+v", r)
	}
	if h := r.Attendance[0].History; len(h) < 3 || r.Attendance[0].Status != Excused {
		t.Errorf("attendance at %q: status %s, history %+v; want Excused after at least 3 versions", sessions[0].Title, r.Attendance[0].Status, h)
	}
	if len(r.Certificates) != 1 || r.Certificates[0].Number != certs[0].Number {
		t.Errorf("certificates = %+v", r.Certificates)
	}
	if len(r.Tests) != 2 || r.Tests[1].Kind != PostTest || r.Tests[1].Score.Max != 6 || r.Tests[1].Score.Percent <= r.Tests[0].Score.Percent {
		t.Errorf("tests = %+v", r.Tests)
	}
	if r.Evaluation != EvaluationNotLinked {
		t.Errorf("evaluation = %q", r.Evaluation)
	}
}

// TestErasePersonRemovesEverything erases a participant with attendance,
// answers, a certificate decision and a certificate: the preview writes
// nothing; afterwards nothing of theirs is left but a tombstone with
// identifiers and the certificate register entry, which still verifies by
// code; the workshop no longer counts them.
func TestErasePersonRemovesEverything(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.Participants(w.ID)
	p := people[1]
	p.Notes = "Hostile <b>note</b>\n\ttabbed"
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetOverride(p.ID, true, "missed a day: Hostile illness"); err != nil {
		t.Fatal(err)
	}
	certs, err := s.Issue([]uuid.UUID{p.ID}, s.now())
	if err != nil {
		t.Fatal(err)
	}
	before, _ := s.PersonRecordOf(p.ID)
	plan, err := s.ErasePreview(p.ID)
	if err != nil || plan.Marks == 0 || plan.AnswerSheets == 0 || plan.Decisions != 1 || plan.Certificates != 1 {
		t.Fatalf("ErasePreview = %+v, %v", plan, err)
	}
	if got, _ := s.Participant(p.ID); got.Email != p.Email {
		t.Fatal("the preview wrote")
	}
	if _, err := s.ErasePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	after, err := s.PersonRecordOf(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	q := after.Participant
	if !q.Deleted() || q.FullName() != "" || q.Email != "" || q.Notes != "" || q.Country != "" || q.Gender != "" || q.BadgeCode != "" {
		t.Errorf("erased record still holds %+v", q)
	}
	for _, a := range after.Attendance {
		if len(a.History) > 0 || a.Status != "" {
			t.Errorf("attendance left at %q: %+v", a.Session.Title, a)
		}
	}
	if len(after.Tests) != 0 || len(after.Decisions) != 0 {
		t.Errorf("tests %+v, decisions %+v left", after.Tests, after.Decisions)
	}
	if len(before.Tests) == 0 {
		t.Fatal("the participant had no tests to erase")
	}
	left, _ := s.Participants(w.ID)
	if len(left) != len(people)-1 {
		t.Errorf("%d participants count after the erasure, want %d", len(left), len(people)-1)
	}
	if _, err := s.ParticipantByBadge(w.ID, p.BadgeCode); !errors.Is(err, ErrNotFound) {
		t.Errorf("the badge code still finds someone: %v", err)
	}
	r, err := s.Verify(certs[0].Number + " " + certs[0].Code)
	if err != nil || !r.Valid() || r.Fields.Name != "" {
		t.Errorf("Verify after the erasure = %+v, %v", r, err)
	}
	if !strings.Contains(r.Status, "name removed") {
		t.Errorf("status %q does not say the name was removed", r.Status)
	}
	mustCheck(t, s)
}

// TestRetentionEnds checks the end of the retention period and its bounds.
func TestRetentionEnds(t *testing.T) {
	w := Workshop{EndDate: Date{2025, time.January, 31}}
	if got := w.RetentionEnds(); got != (Date{2027, time.January, 31}) {
		t.Errorf("default retention ends %s", got)
	}
	w.RetentionMonths = 1
	if got := w.RetentionEnds(); got != (Date{2025, time.February, 28}) {
		t.Errorf("one month after 31 January ends %s", got)
	}
	if w.RetentionPassed(Date{2025, time.February, 28}) || !w.RetentionPassed(Date{2025, time.March, 1}) {
		t.Error("retention passed on the wrong day")
	}
	w.PurgedAt = time.Now()
	if w.RetentionPassed(Date{2030, time.March, 1}) {
		t.Error("a purged workshop is offered a purge again")
	}
	bad := newWorkshop(t, "keep-long", "2025-01-10")
	bad.RetentionMonths = MaxRetentionMonths + 1
	wantFieldError(t, bad.Validate(), "retention_months")
}

// TestConsentAnswers reads consent answers as forms write them and
// refuses anything else on a participant.
func TestConsentAnswers(t *testing.T) {
	for in, want := range map[string]Consent{"Yes": ConsentYes, "oui": ConsentYes, "Sí": ConsentYes, "Yes, I agree": ConsentYes,
		"No": ConsentNo, "Non": ConsentNo, "no, thanks": ConsentNo, "": ConsentNotAsked} {
		if got, ok := ParseConsent(in); !ok || got != want {
			t.Errorf("ParseConsent(%q) = %q, %v; want %q", in, got, ok, want)
		}
	}
	if _, ok := ParseConsent("maybe later"); ok {
		t.Error("ParseConsent accepted \"maybe later\"")
	}
	p := Participant{GivenNames: "Hostile", FamilyNames: "Consent", ConsentPhotos: "yes'; --"}
	wantFieldError(t, p.Validate(), "consent_photos")
	list := []Participant{{BadgeCode: "AAAA", ConsentShare: ConsentYes}, {BadgeCode: "BBBB", ConsentShare: ConsentNo}, {BadgeCode: "CCCC"}}
	if got := ForSharing(list, false); len(got) != 2 || got[1].BadgeCode != "CCCC" {
		t.Errorf("ForSharing = %+v", got)
	}
	if got := ForSharing(list, true); len(got) != 1 || got[0].BadgeCode != "AAAA" {
		t.Errorf("ForSharing strict = %+v", got)
	}
}
