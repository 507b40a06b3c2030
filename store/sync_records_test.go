package store

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// canonicalKeyed lists a workshop's keyed records (tests, answer sheets
// and their history, evaluation, overrides) and its certificate's images,
// as plain values, for canonical.
func canonicalKeyed(tx *bolt.Tx, w *Workshop) []string {
	var lines []string
	for kind, name := range keyedBuckets {
		b := tx.Bucket(name)
		if b == nil {
			continue
		}
		b.ForEach(func(k, v []byte) error {
			plain, err := unseal(v)
			var h keyedHead
			if err == nil && json.Unmarshal(plain, &h) == nil && h.WorkshopID == w.ID {
				lines = append(lines, kind+" "+hex.EncodeToString(k)+" "+string(plain))
			}
			return nil
		})
	}
	for _, id := range workshopImages(w) {
		plain, _ := unseal(tx.Bucket(bucketImages).Get([]byte(id)))
		lines = append(lines, "image "+id+" "+hex.EncodeToString(plain))
	}
	return lines
}

// thirdLaptop joins a shared workshop from folder.
func thirdLaptop(t *testing.T, folder, code string) *laptop {
	t.Helper()
	c := newLaptop(t, "c", 2*time.Minute)
	if _, _, err := c.s.Join(folder, code, "Desk C"); err != nil {
		t.Fatalf("Join: %v", err)
	}
	return c
}

func sameEverywhere(t *testing.T, w Workshop, ls ...*laptop) {
	t.Helper()
	want := canonical(t, ls[0].s, w.ID)
	for _, l := range ls[1:] {
		if got := canonical(t, l.s, w.ID); got != want {
			t.Fatalf("%s differs from %s: %s", l.name, ls[0].name, firstDifference(want, got))
		}
	}
}

// The issue's own scenario: the tests are made on the first laptop, the
// post-test is keyed in (and corrected) on a third; every laptop ends
// with the sheets and their whole history.
func TestSyncAnswersKeyedOnAThirdLaptop(t *testing.T) {
	folder := t.TempDir()
	a, b, w, code := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Ana", "Zapata", "ZAPA01")
	if err := a.s.AddQuestions(quizBank(w), []QuizKey{{Kind: PreTest}, {Kind: PostTest}}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	c := thirdLaptop(t, folder, code)
	post, err := c.s.FindQuiz(w.ID, QuizKey{Kind: PostTest})
	if err != nil {
		t.Fatalf("c: the post-test did not come: %v", err)
	}
	for _, answers := range [][]string{{"T", "A"}, {"F", "A", "AB"}} {
		if _, err := c.s.RecordAnswers(post.ID, w.ID, []SheetInput{{ParticipantID: p.ID, Responses: answers}}, "keyboard"); err != nil {
			t.Fatal(err)
		}
	}
	for _, l := range []*laptop{c, a, b, a} {
		exchange(t, l, w)
	}
	for _, l := range []*laptop{a, b} {
		sheets, err := l.s.Sheets(post.ID)
		if err != nil || len(sheets[p.ID].Responses) != 3 {
			t.Fatalf("%s: sheets = %+v, %v", l.name, sheets, err)
		}
		if h, err := l.s.AnswerHistory(post.ID, p.ID); err != nil || len(h) != 2 {
			t.Fatalf("%s: history = %d versions, %v", l.name, len(h), err)
		}
	}
	// An undo on the first laptop travels too, as a version of its own.
	if _, err := a.s.UndoAnswers(w.ID, post.ID, p.ID); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*laptop{a, c, b} {
		exchange(t, l, w)
	}
	if sheets, _ := c.s.Sheets(post.ID); len(sheets[p.ID].Responses) != 2 {
		t.Errorf("c: after the undo on a, the sheet is %+v", sheets[p.ID])
	}
	sameEverywhere(t, w, a, b, c)
	mustCheck(t, c.s)
}

// Evaluation forms carry the number printed on the paper: one number is
// one paper. The same number keyed on two laptops with different answers
// keeps the later keying on every laptop and lists the other, with its
// answers, among the changes to review. Form numbers reserved for
// printing on any laptop are never printed again on another.
func TestSyncEvaluationFormNumbersKeyedOnTwoLaptops(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	addSession(t, a.s, w, 1, "09:00", "10:30", "Opening")
	first, err := a.s.ReserveFormNumbers(w.ID, 50)
	if err != nil || first != 1 {
		t.Fatalf("reserve: %d, %v", first, err)
	}
	form := func(n, v int) *EvaluationResponse {
		return &EvaluationResponse{Form: n, Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: v}}}
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if err := a.s.RecordEvaluations(w.ID, []*EvaluationResponse{form(1, 5), form(2, 4)}); err != nil {
		t.Fatal(err)
	}
	if err := b.s.RecordEvaluations(w.ID, []*EvaluationResponse{form(2, 1), form(3, 3)}); err != nil {
		t.Fatal(err)
	}
	for _, l := range []*laptop{a, b, a} {
		exchange(t, l, w)
	}
	for _, l := range []*laptop{a, b} {
		list, err := l.s.EvaluationResponses(w.ID)
		if err != nil || len(list) != 3 {
			t.Fatalf("%s: %d responses, %v", l.name, len(list), err)
		}
		changes, err := l.s.SyncChanges(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		listed := false
		for _, ch := range changes {
			listed = listed || ch.Field == "evaluation form 2" && strings.Contains(ch.Kept+ch.Replaced, "satisfaction=4") &&
				strings.Contains(ch.Kept+ch.Replaced, "satisfaction=1")
		}
		if !listed {
			t.Errorf("%s: form 2 keyed twice is not listed for review: %+v", l.name, changes)
		}
	}
	f, _, err := b.s.EvaluationForm(w.ID)
	if err != nil || f.Printed != 50 {
		t.Fatalf("b: printed %d, %v; want 50 from a", f.Printed, err)
	}
	if first, err := b.s.ReserveFormNumbers(w.ID, 10); err != nil || first != 51 {
		t.Errorf("b: next printing starts at %d, %v", first, err)
	}
	// A later edit of the form on a keeps b's printing.
	exchange(t, b, w)
	exchange(t, a, w)
	if err := a.s.SaveEvaluationForm(&f); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	if f, _, _ := b.s.EvaluationForm(w.ID); f.Printed != 60 {
		t.Errorf("b: printed %d after a's edit, want 60", f.Printed)
	}
	sameEverywhere(t, w, a, b)
}

func testPNG(t *testing.T, shade uint8) []byte {
	t.Helper()
	img := image.NewNRGBA(image.Rect(0, 0, 4, 3))
	img.Set(1, 1, color.NRGBA{R: shade, A: 255})
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// A logo and a signature set on one laptop print on the others; an
// override granted on one and cleared on another travels with its history.
func TestSyncOverridesAndCertificateImages(t *testing.T) {
	folder := t.TempDir()
	a, b, w, _ := sharedPair(t, folder)
	p := addParticipant(t, a.s, w, "Grace", "Wanjiru", "")
	logo, err := a.s.SaveImage(testPNG(t, 200))
	if err != nil {
		t.Fatal(err)
	}
	sig, err := a.s.SaveImage(testPNG(t, 10))
	if err != nil {
		t.Fatal(err)
	}
	if err := a.s.view(func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketWorkshops), w.ID[:], &w) }); err != nil {
		t.Fatal(err)
	}
	w.Certificate.Logos = []string{logo}
	w.Certificate.Signatories = []Signatory{{Name: "Dr Amina Diallo", Title: "Director", Signature: sig}}
	if err := a.s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	if _, err := a.s.SetOverride(p.ID, true, "medical emergency"); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	imgs, err := b.s.Images(logo, sig)
	if err != nil || len(imgs[sig]) == 0 {
		t.Fatalf("b: images %v", err)
	}
	if o, err := b.s.Overrides(w.ID); err != nil || !o[p.ID].Granted {
		t.Fatalf("b: overrides %+v, %v", o, err)
	}
	if err := b.s.ClearOverride(p.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.SetOverride(p.ID, false, "left on day one"); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, w)
	exchange(t, a, w)
	o, err := a.s.Overrides(w.ID)
	if err != nil || o[p.ID].Granted || o[p.ID].Reason != "left on day one" {
		t.Fatalf("a: override %+v, %v", o[p.ID], err)
	}
	if h, err := a.s.OverrideHistory(p.ID); err != nil || len(h) != 2 || !h[0].Deleted() {
		t.Fatalf("a: history %+v, %v", h, err)
	}
	sameEverywhere(t, w, a, b)
}

// An image whose bytes do not match its name is refused.
func TestSyncImageMustMatchItsName(t *testing.T) {
	a := newLaptop(t, "a", 0)
	err := a.s.update(func(tx *bolt.Tx) error {
		ap := &applier{s: a.s, tx: tx}
		return ap.image([]byte(strings.Repeat("ab", 32)), testPNG(t, 1))
	})
	if err == nil || !strings.Contains(err.Error(), "do not match") {
		t.Fatalf("a forged image: %v", err)
	}
}

// A laptop whose data file has a passphrase exchanges with a plain one:
// what it receives is sealed in its file, what it sends is readable on
// the other, and both end with the same workshop.
func TestSyncWithPassphrase(t *testing.T) {
	folder := t.TempDir()
	a := newLaptop(t, "a", 0)
	w := addWorkshop(t, a.s, "ADDIS-2027", "2027-03-10")
	se := addSession(t, a.s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, a.s, w, "Amina", "Diallo", "")
	if err := a.s.AddQuestions(quizBank(w), []QuizKey{{Kind: PostTest}}); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "sealed.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	clock := newClock(t0.Add(time.Minute))
	b := &laptop{name: "b", clock: clock, s: openAt(t, path, Options{Secret: Secret{Passphrase: testPassphrase}, NoAutoBackup: true,
		Now: func() time.Time { return clock.Advance(time.Millisecond) }})}
	cfg, _, err := a.s.StartSharing(w.ID, folder, "Desk A")
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := b.s.Join(folder, cfg.JoinCode, "Desk B"); err != nil {
		t.Fatal(err)
	}
	post, err := b.s.FindQuiz(w.ID, QuizKey{Kind: PostTest})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.RecordAnswers(post.ID, w.ID, []SheetInput{{ParticipantID: p.ID, Responses: []string{"T"}}}, "keyboard"); err != nil {
		t.Fatal(err)
	}
	if _, err := b.s.CheckIn(se.ID, p.ID, time.Time{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, b, w)
	exchange(t, a, w)
	if sheets, err := a.s.Sheets(post.ID); err != nil || len(sheets[p.ID].Responses) != 1 {
		t.Fatalf("a: sheets %+v, %v", sheets, err)
	}
	sameEverywhere(t, w, a, b)
	// Marks from the other laptop are sealed in the protected file too.
	exchange(t, a, w)
	if _, err := a.s.CheckIn(se.ID, addParticipant(t, a.s, w, "Carlos", "Pérez", "").ID, time.Time{}); err != nil {
		t.Fatal(err)
	}
	exchange(t, a, w)
	exchange(t, b, w)
	b.s.view(func(tx *bolt.Tx) error {
		n := 0
		for _, name := range [][]byte{bucketAttendance, bucketAttendanceHistory} {
			tx.Bucket(name).ForEach(func(k, v []byte) error {
				n++
				if len(v) == 0 || v[0] != sealMagic {
					t.Errorf("b: mark %x stored in the clear", k)
				}
				return nil
			})
		}
		if n < 2 {
			t.Errorf("b holds %d marks, want 2", n)
		}
		return nil
	})
	// Nothing personal lies in the protected file in the clear.
	b.s.Close()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, secret := range []string{"Diallo", "Global Forum"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the protected file holds %q in the clear", secret)
		}
	}
}
