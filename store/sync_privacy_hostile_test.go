package store

import (
	"bytes"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// syncStateHolds reports whether the exchange's own buckets (field stamps,
// changes to review) hold text anywhere in their raw values.
func syncStateHolds(t *testing.T, s *Store, text string) bool {
	t.Helper()
	found := false
	err := s.view(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketSyncFields, bucketSyncChanges} {
			b := tx.Bucket(name)
			if b == nil {
				continue
			}
			if err := b.ForEach(func(_, v []byte) error {
				if bytes.Contains(v, []byte(text)) {
					found = true
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return found
}

// A purge of a shared workshop leaves no name in what the exchange keeps
// (the field stamps held every field's last value, the review list the
// values replaced), even before the next exchange: the purge promises the
// names are gone from the data file.
func TestSyncHostilePurgeLeavesNoNameInExchangeState(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Zerihunova", "")
	exchange(t, a, w)
	exchange(t, b, w)
	pb, _ := b.s.Participant(p.ID)
	b.clock.Set(a.clock.Now().Add(time.Minute))
	pb.Phone = "+254 700 000002"
	if err := b.s.SaveParticipant(&pb); err != nil {
		t.Fatal(err)
	}
	pa, _ := a.s.Participant(p.ID)
	pa.Phone = "+254 700 000001"
	if err := a.s.SaveParticipant(&pa); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, w)
	exchange(t, a, w) // a's phone replaced by b's: listed for review, with the name
	if !syncStateHolds(t, a.s, "Zerihunova") {
		t.Fatal("test setup: the exchange state holds no name before the purge")
	}
	if _, err := a.s.Purge(w.ID); err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{"Zerihunova", "+254 700 00000"} {
		if syncStateHolds(t, a.s, text) {
			t.Errorf("after the purge, the exchange state still holds %q", text)
		}
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if got, err := b.s.Participant(p.ID); err != nil || got.GivenNames != "" || got.Phone != "" {
		t.Fatalf("b: the purge did not travel: %+v, %v", got, err)
	}
	if syncStateHolds(t, b.s, "Zerihunova") {
		t.Error("b: after the purge came in, the exchange state still holds the name")
	}
}

// An erasure on one laptop leaves nothing of the person in the exchange
// state of either laptop: not in the eraser's field stamps, not in the
// other laptop's list of changes to review (which listed every erased
// value, with the name, as a "change from another laptop").
func TestSyncHostileErasureLeavesNoNameInReviewList(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Zerihunova", "")
	exchange(t, a, w)
	exchange(t, b, w)
	pb, _ := b.s.Participant(p.ID)
	pb.Phone = "+254 700 000002"
	if err := b.s.SaveParticipant(&pb); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, w)
	exchange(t, a, w)
	a.clock.Set(b.clock.Now().Add(time.Minute))
	if _, err := a.s.ErasePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	if syncStateHolds(t, a.s, "Zerihunova") {
		t.Error("the eraser's exchange state still holds the name")
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if got, err := b.s.Participant(p.ID); !got.Deleted() || got.FamilyNames != "" || got.Phone != "" { // not found: deleted
		t.Fatalf("b: the erasure did not travel: %+v, %v", got, err)
	}
	for _, l := range []*laptop{a, b} {
		for _, text := range []string{"Zerihunova", "+254 700 000002"} {
			if syncStateHolds(t, l.s, text) {
				t.Errorf("%s: after the erasure, the exchange state still holds %q", l.name, text)
			}
		}
	}
}

// An edit made on another laptop of a value this laptop never touched is
// no conflict: it is not listed among the changes to review.
func TestSyncHostileOtherLaptopsEditIsNotListed(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	p.Phone = "+254 700 000001"
	if err := a.s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	p.Phone = "+254 700 000009"
	if err := a.s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if got, _ := b.s.Participant(p.ID); got.Phone != p.Phone {
		t.Fatalf("b: phone %q, want %q", got.Phone, p.Phone)
	}
	if changes, _ := b.s.SyncChanges(w.ID); len(changes) != 0 {
		t.Fatalf("b lists a's own edit of a's own value for review: %+v", changes)
	}
}

// An erasure reaches the other laptops whole: their copy of the person's
// attendance (with its notes and history) goes too, as on the laptop that
// erased, not only the participant's record.
func TestSyncHostileErasureRemovesAttendanceElsewhere(t *testing.T) {
	folder := t.TempDir()
	a, b, w, code := sharedPair(t, folder)
	se := addSession(t, a.s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, a.s, w, "Amina", "Zerihunova", "")
	m := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Present, Note: "arrived with Dr Zerihunova's driver"}
	if err := a.s.RecordAttendance(&m); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if _, err := a.s.ErasePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	// A laptop joining later reads the mark (older file) and the erasure.
	c := newLaptop(t, "c", 0)
	if _, _, err := c.s.Join(folder, code, "Desk C"); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*laptop{b, c} {
		checkNoMarksOf(t, l, p.ID)
	}
}

func checkNoMarksOf(t *testing.T, l *laptop, id uuid.UUID) {
	t.Helper()
	b := l
	p := Participant{Record: Record{ID: id}}
	err := b.s.view(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketAttendance, bucketAttendanceHistory} {
			if err := tx.Bucket(name).ForEach(func(k, v []byte) error {
				if len(k) >= 32 && bytes.Equal(k[16:32], p.ID[:]) {
					t.Errorf("%s still holds an attendance record of the erased person in %s", l.name, name)
				}
				return nil
			}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// A laptop that joined with the code typed carelessly (lower case, no
// dashes) shows it as the first laptop does, to be read out to the next.
func TestSyncHostileJoinCodeTypedCarelesslyShownGrouped(t *testing.T) {
	folder := t.TempDir()
	a, _, w, code := sharedPair(t, folder)
	c := newLaptop(t, "c", 0)
	typed := strings.ToLower(strings.ReplaceAll(code, "-", " "))
	if _, _, err := c.s.Join(folder, typed, "Desk C"); err != nil {
		t.Fatal(err)
	}
	ca, _ := a.s.SyncSettings(w.ID)
	cc, err := c.s.SyncSettings(w.ID)
	if err != nil || cc.JoinCode != ca.JoinCode {
		t.Fatalf("joined laptop shows %q (%v), the first %q", cc.JoinCode, err, ca.JoinCode)
	}
}

// Test answers travel between laptops too: after an erasure, a laptop
// joining later reads the older file with the answers and the erasure, and
// keeps no answer sheet of the erased person.
func TestSyncHostileErasureKeepsAnswersFromComingBack(t *testing.T) {
	folder := t.TempDir()
	a, b, w, code := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Amina", "Zerihunova", "")
	if err := a.s.AddQuestions(quizBank(w), []QuizKey{{Kind: PreTest}, {Kind: PostTest}}); err != nil {
		t.Fatal(err)
	}
	post, err := a.s.FindQuiz(w.ID, QuizKey{Kind: PostTest})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := a.s.RecordAnswers(post.ID, w.ID, []SheetInput{{ParticipantID: p.ID, Responses: []string{"T", "A"}}}, "keyboard"); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if _, err := a.s.ErasePerson(p.ID); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	c := newLaptop(t, "c", 0)
	if _, _, err := c.s.Join(folder, code, "Desk C"); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*laptop{a, b, c} {
		sheets, err := l.s.Sheets(post.ID)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := sheets[p.ID]; ok {
			t.Errorf("%s still holds the erased person's answer sheet", l.name)
		}
		if h, _ := l.s.AnswerHistory(post.ID, p.ID); len(h) > 0 {
			t.Errorf("%s still holds %d earlier versions of the erased person's answers", l.name, len(h))
		}
	}
}
