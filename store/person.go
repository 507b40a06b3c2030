package store

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// PersonRecord is everything the data file holds about one participant,
// for the person who asks for it: registration and consent, attendance at
// each session with every change, certificates, decisions taken by hand on
// their certificate, and test scores. The evaluation is anonymous: no
// response is linked to a person, so none is in it.
type PersonRecord struct {
	ExportedAt   time.Time             `json:"exported_at"`
	Workshop     PersonWorkshop        `json:"workshop"`
	Participant  Participant           `json:"participant"`
	Attendance   []PersonSession       `json:"attendance"`
	Certificates []CertificateIssue    `json:"certificates"`
	Decisions    []EligibilityOverride `json:"certificate_decisions"`
	Tests        []PersonTest          `json:"tests"`
	// Evaluation says why the record holds no evaluation.
	Evaluation string `json:"evaluation"`
}

// PersonWorkshop names the workshop in a person's record.
type PersonWorkshop struct {
	Code      string `json:"code"`
	Title     string `json:"title"`
	City      string `json:"city"`
	StartDate Date   `json:"start_date"`
	EndDate   Date   `json:"end_date"`
	Organiser string `json:"organiser,omitempty"`
	TimeZone  string `json:"time_zone"`
}

// PersonSession is the person's attendance at one session: the current
// status ("" when never marked) and every version, oldest first.
type PersonSession struct {
	Session Session      `json:"session"`
	Status  Status       `json:"status,omitempty"`
	History []Attendance `json:"history,omitempty"`
}

// PersonTest is the person's result at one test of the workshop.
type PersonTest struct {
	Kind       QuizKind  `json:"kind"`
	Title      string    `json:"title,omitempty"`
	Score      Score     `json:"score"`
	RecordedAt time.Time `json:"recorded_at"`
	Versions   int       `json:"versions"` // times the sheet was recorded or corrected
}

// EvaluationNotLinked is what a person's record says of the evaluation.
const EvaluationNotLinked = "The evaluation forms are anonymous: no response is linked to a participant, so none is part of this record."

// FindPerson returns the participant of a workshop with the badge code or
// email ref (case does not matter), deleted ones too, since a tombstone
// still holds their data.
func (s *Store) FindPerson(workshopID uuid.UUID, ref string) (Participant, error) {
	ref = strings.TrimSpace(ref)
	var found Participant
	err := s.view(func(tx *bolt.Tx) error {
		people, err := workshopPeople(tx, workshopID)
		if err != nil {
			return err
		}
		code, email := NormalizeBadgeCode(ref), strings.ToLower(ref)
		var byEmail, live []Participant
		for _, p := range people {
			if p.BadgeCode == code && !p.Deleted() {
				found = p
				return nil
			}
			if email != "" && p.Email == email {
				byEmail = append(byEmail, p)
				if !p.Deleted() {
					live = append(live, p)
				}
			}
		}
		if len(live) > 1 {
			// The same person registered twice: naming one would leave
			// the other out of their record, or of their erasure.
			codes := make([]string, len(live))
			for i, p := range live {
				codes[i] = p.BadgeCode
			}
			return fmt.Errorf("%d participants have the email %q (badge codes %s): give a badge code, or merge the duplicates first",
				len(live), ref, strings.Join(codes, ", "))
		}
		if len(live) == 1 {
			found = live[0]
			return nil
		}
		if len(byEmail) > 0 {
			found = byEmail[0]
			return nil
		}
		for _, p := range people {
			if p.BadgeCode == code {
				found = p
				return nil
			}
		}
		return fmt.Errorf("no participant of this workshop has the badge code or email %q: %w", ref, ErrNotFound)
	})
	return found, err
}

// PersonRecordOf gathers everything held about one participant, in one
// read transaction.
func (s *Store) PersonRecordOf(participantID uuid.UUID) (PersonRecord, error) {
	r := PersonRecord{ExportedAt: s.now().UTC(), Evaluation: EvaluationNotLinked}
	err := s.view(func(tx *bolt.Tx) error {
		if err := getJSON(tx.Bucket(bucketParticipants), participantID[:], &r.Participant); err != nil {
			return fmt.Errorf("participant %s: %w", participantID, err)
		}
		p := &r.Participant
		var w Workshop
		if err := getJSON(tx.Bucket(bucketWorkshops), p.WorkshopID[:], &w); err != nil {
			return fmt.Errorf("workshop of %s: %w", p.FullName(), err)
		}
		r.Workshop = PersonWorkshop{w.Code, w.Title, w.City, w.StartDate, w.EndDate, w.Organiser, w.TimeZone}
		sessions, err := sessionsOf(tx, w.ID)
		if err != nil {
			return err
		}
		for _, se := range sessions {
			versions, err := versionsOf(tx, join(se.ID, p.ID), nil)
			if err != nil {
				return err
			}
			ps := PersonSession{Session: se, History: versions}
			if cur, err := getAttendance(tx.Bucket(bucketAttendance), join(se.ID, p.ID)); err == nil && !cur.Deleted() {
				ps.Status = cur.Status
			}
			r.Attendance = append(r.Attendance, ps)
		}
		if r.Certificates, err = certificatesOfPerson(tx, w.ID, p.ID); err != nil {
			return err
		}
		if r.Decisions, err = overridesOfPerson(tx, p.ID); err != nil {
			return err
		}
		r.Tests, err = testsOfPerson(tx, w.ID, p.ID)
		return err
	})
	return r, err
}

// certificatesOfPerson returns every certificate issued to a participant.
func certificatesOfPerson(tx *bolt.Tx, workshopID, participantID uuid.UUID) ([]CertificateIssue, error) {
	var list []CertificateIssue
	err := tx.Bucket(bucketCertificates).ForEach(func(k, v []byte) error {
		c, err := decodeRecord[CertificateIssue](v)
		if err != nil {
			return fmt.Errorf("certificate %x: %w", k, err)
		}
		if c.WorkshopID == workshopID && c.ParticipantID == participantID {
			list = append(list, c)
		}
		return nil
	})
	return list, err
}

// overridesOfPerson returns every certificate decision taken by hand for a
// participant, oldest first.
func overridesOfPerson(tx *bolt.Tx, participantID uuid.UUID) ([]EligibilityOverride, error) {
	var list []EligibilityOverride
	c := tx.Bucket(bucketOverrideHistory).Cursor()
	for k, v := c.Seek(participantID[:]); k != nil && bytes.HasPrefix(k, participantID[:]); k, v = c.Next() {
		o, err := decodeRecord[EligibilityOverride](v)
		if err != nil {
			return nil, fmt.Errorf("override history %x: %w", k, err)
		}
		list = append(list, o)
	}
	return list, nil
}

// testsOfPerson scores a participant's current sheet at each test.
func testsOfPerson(tx *bolt.Tx, workshopID, participantID uuid.UUID) ([]PersonTest, error) {
	quizzes, err := quizzesOf(tx, workshopID)
	if err != nil {
		return nil, err
	}
	var out []PersonTest
	for _, z := range quizzes {
		v := tx.Bucket(bucketQuizAnswers).Get(join(z.ID, participantID))
		if v == nil {
			continue
		}
		a, err := decodeRecord[AnswerSheet](v)
		if err != nil {
			return nil, fmt.Errorf("answer sheet of test %s: %w", z.Kind, err)
		}
		if a.Deleted() {
			continue
		}
		_, qs, err := quizInTx(tx, workshopID, z.ID)
		if err != nil {
			return nil, err
		}
		versions, err := sheetVersions(tx, z.ID, participantID)
		if err != nil {
			return nil, err
		}
		ids := make([]uuid.UUID, len(qs))
		for i := range qs {
			ids[i] = qs[i].ID
		}
		score := NewTestScorer(qs).Score(a.Aligned(ids))
		out = append(out, PersonTest{Kind: z.Kind, Title: z.Title, Score: score, RecordedAt: a.RecordedAt, Versions: len(versions)})
	}
	return out, nil
}
