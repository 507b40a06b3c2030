package store

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// simulation is a few laptops, each with its own copy of the shared folder,
// as Syncthing keeps one on each: files travel between copies only when
// the test delivers them, some at a time, some twice, some cut short
// first.
type simulation struct {
	t       *testing.T
	rnd     *rand.Rand
	laptops []*laptop
	folders []string
	w       Workshop
	people  []uuid.UUID
	acked   []ackedMark            // attendance versions a laptop acknowledged
	numbers map[string]bool        // certificate numbers issued
	ops     map[string]int         // operations done, by name
	reg     map[uuid.UUID]struct{} // participants registered
	sheets  []AnswerSheet          // answer sheets keyed in
}

type ackedMark struct {
	session, participant uuid.UUID
	at                   time.Time
	device               string
}

func newSimulation(t *testing.T, seed uint64, n int) *simulation {
	t.Helper()
	sm := &simulation{t: t, rnd: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)), numbers: map[string]bool{},
		ops: map[string]int{}, reg: map[uuid.UUID]struct{}{}}
	for i := range n {
		// Clocks up to five minutes apart, some behind, some ahead.
		skew := time.Duration(sm.rnd.IntN(600)-300) * time.Second
		sm.laptops = append(sm.laptops, newLaptop(t, fmt.Sprintf("laptop%d", i), skew))
		sm.folders = append(sm.folders, t.TempDir())
	}
	a := sm.laptops[0]
	sm.w = addWorkshop(t, a.s, "ADDIS-2027", "2027-03-10")
	for i := range 3 {
		addSession(t, a.s, sm.w, i+1, "09:00", "10:30", fmt.Sprintf("Session %d", i+1))
	}
	addParticipant(t, a.s, sm.w, "Before", "Sharing", "")
	if err := a.s.AddQuestions(quizBank(sm.w), []QuizKey{{Kind: PreTest}, {Kind: PostTest}}); err != nil {
		t.Fatal(err)
	}
	cfg, _, err := a.s.StartSharing(sm.w.ID, sm.folders[0], "laptop0")
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i < n; i++ {
		sm.deliverAll(0, i)
		if _, _, err := sm.laptops[i].s.Join(sm.folders[i], cfg.JoinCode, fmt.Sprintf("laptop%d", i)); err != nil {
			t.Fatalf("laptop%d: Join: %v", i, err)
		}
	}
	return sm
}

// files lists the files of a laptop's folder copy, relative to it.
func (sm *simulation) files(i int) []string {
	var out []string
	filepath.WalkDir(sm.folders[i], func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() && !strings.HasPrefix(d.Name(), ".tmp") {
			rel, _ := filepath.Rel(sm.folders[i], path)
			out = append(out, rel)
		}
		return nil
	})
	return out
}

// deliver copies some of laptop i's files to laptop j's folder (all when
// all is set); a file may first arrive cut short, as when a copy is
// interrupted, and is then completed by a later delivery.
func (sm *simulation) deliver(i, j int, all bool) {
	for _, rel := range sm.files(i) {
		if !all && sm.rnd.IntN(3) == 0 {
			continue
		}
		data, err := os.ReadFile(filepath.Join(sm.folders[i], rel))
		if err != nil {
			sm.t.Fatal(err)
		}
		dst := filepath.Join(sm.folders[j], rel)
		// Syncthing replaces a file only by a newer complete version: a
		// copy cut short never overwrites a longer one.
		if old, err := os.ReadFile(dst); err == nil && (bytes.Equal(old, data) || len(old) > len(data)) {
			continue
		}
		if _, err := os.Stat(dst); err != nil && !all && sm.rnd.IntN(6) == 0 && len(data) > 10 {
			data = data[:sm.rnd.IntN(len(data)-1)+1]
		}
		os.MkdirAll(filepath.Dir(dst), 0o700)
		if err := os.WriteFile(dst, data, 0o600); err != nil {
			sm.t.Fatal(err)
		}
	}
}

func (sm *simulation) deliverAll(i, j int) { sm.deliver(i, j, true) }

func (sm *simulation) pick() *laptop { return sm.laptops[sm.rnd.IntN(len(sm.laptops))] }

// livePeople returns the live participants a laptop holds.
func (sm *simulation) livePeople(l *laptop) []Participant {
	ps, err := l.s.Participants(sm.w.ID)
	if err != nil {
		sm.t.Fatal(err)
	}
	return ps
}

var simNames = []string{"Amina", "Carlos", "Mei", "Olu", "Sara", "Ivan", "Lea", "Nour"}

// step does one random operation on a random laptop.
func (sm *simulation) step() {
	t, r := sm.t, sm.rnd
	l := sm.pick()
	sessions, err := l.s.Sessions(sm.w.ID)
	if err != nil {
		t.Fatal(err)
	}
	people := sm.livePeople(l)
	someone := func() *Participant {
		if len(people) == 0 {
			return nil
		}
		return &people[r.IntN(len(people))]
	}
	op := r.IntN(115)
	switch {
	case op < 15: // register someone, now and then the same person on two laptops
		name := simNames[r.IntN(len(simNames))]
		p := Participant{WorkshopID: sm.w.ID, GivenNames: name, FamilyNames: "Test", Organisation: "Org " + name[:1],
			Email: strings.ToLower(name) + "@example.org"}
		if err := l.s.SaveParticipant(&p); err != nil {
			t.Fatalf("%s: register: %v", l.name, err)
		}
		sm.reg[p.ID] = struct{}{}
		sm.ops["register"]++
	case op < 30: // edit a field
		p := someone()
		if p == nil {
			return
		}
		switch r.IntN(4) {
		case 0:
			p.Organisation = fmt.Sprintf("Org %d", r.IntN(5))
		case 1:
			p.Phone = fmt.Sprintf("+254 700 %06d", r.IntN(1000000))
		case 2:
			p.Notes = fmt.Sprintf("note %d from %s", r.IntN(100), l.name)
		case 3:
			p.Position = fmt.Sprintf("Officer %d", r.IntN(9))
		}
		if err := l.s.SaveParticipant(p); err != nil {
			t.Fatalf("%s: edit: %v", l.name, err)
		}
		sm.ops["edit"]++
	case op < 34: // delete
		if p := someone(); p != nil {
			if err := l.s.DeleteParticipant(p.ID); err != nil {
				t.Fatalf("%s: delete: %v", l.name, err)
			}
			sm.ops["delete"]++
		}
	case op < 55: // check in
		if p := someone(); p != nil && len(sessions) > 0 {
			se := sessions[r.IntN(len(sessions))]
			res, err := l.s.CheckIn(se.ID, p.ID, time.Time{})
			if err != nil {
				t.Fatalf("%s: check in: %v", l.name, err)
			}
			if !res.Already() {
				sm.ack(res.Attendance)
			}
			sm.ops["check-in"]++
		}
	case op < 63: // another mark: left early (excused), absent
		if p := someone(); p != nil && len(sessions) > 0 {
			a := Attendance{SessionID: sessions[r.IntN(len(sessions))].ID, ParticipantID: p.ID,
				Status: []Status{Excused, Absent, Late}[r.IntN(3)], Note: "desk " + l.name}
			if err := l.s.RecordAttendance(&a); err != nil {
				t.Fatalf("%s: mark: %v", l.name, err)
			}
			sm.ack(a)
			sm.ops["mark"]++
		}
	case op < 68: // undo a check-in
		if p := someone(); p != nil && len(sessions) > 0 {
			a, err := l.s.UndoCheckIn(sessions[r.IntN(len(sessions))].ID, p.ID)
			if err == nil {
				sm.ack(a)
				sm.ops["undo"]++
			}
		}
	case op < 72: // merge two records of the same person
		if groups := Duplicates(people); len(groups) > 0 {
			g := groups[r.IntN(len(groups))]
			keep, drop := people[g[0]], people[g[1]]
			if bytes.Compare(keep.ID[:], drop.ID[:]) > 0 {
				keep, drop = drop, keep
			}
			if _, err := l.s.MergeParticipants(keep.ID, drop.ID); err != nil {
				t.Fatalf("%s: merge: %v", l.name, err)
			}
			sm.ops["merge"]++
		}
	case op < 77: // issue a certificate
		if p := someone(); p != nil {
			certs, err := l.s.Issue([]uuid.UUID{p.ID}, time.Time{})
			if err != nil {
				t.Fatalf("%s: issue: %v", l.name, err)
			}
			sm.numbers[certs[0].Number] = true
			sm.ops["issue"]++
		}
	case op < 90: // files travel between two laptops' folders
		i, j := r.IntN(len(sm.laptops)), r.IntN(len(sm.laptops))
		if i != j {
			sm.deliver(i, j, false)
			sm.ops["deliver"]++
		}
	case op >= 100 && op < 106: // key in a test's answers, now and then undo them
		sm.keyAnswers(l, someone())
	case op >= 106 && op < 111: // key in an evaluation form, now and then take one back
		sm.keyEvaluation(l)
	case op >= 111: // edit a test
		z, err := l.s.FindQuiz(sm.w.ID, QuizKey{Kind: []QuizKind{PreTest, PostTest}[r.IntN(2)]})
		if err != nil {
			t.Fatalf("%s: find test: %v", l.name, err)
		}
		z.PassMark, z.Title = float64(50+r.IntN(40)), "Test from "+l.name
		if err := l.s.SaveQuiz(&z); err != nil {
			t.Fatalf("%s: edit test: %v", l.name, err)
		}
		sm.ops["test edit"]++
	default:
		i := r.IntN(len(sm.laptops))
		if _, err := sm.laptops[i].s.Exchange(sm.w.ID); err != nil {
			t.Fatalf("laptop%d: exchange: %v", i, err)
		}
		sm.ops["exchange"]++
	}
}

// keyAnswers keys in p's answers to a test on l, or undoes them.
func (sm *simulation) keyAnswers(l *laptop, p *Participant) {
	t, r := sm.t, sm.rnd
	if p == nil {
		return
	}
	z, err := l.s.FindQuiz(sm.w.ID, QuizKey{Kind: []QuizKind{PreTest, PostTest}[r.IntN(2)]})
	if err != nil {
		t.Fatalf("%s: find test: %v", l.name, err)
	}
	if r.IntN(4) == 0 {
		if _, err := l.s.UndoAnswers(sm.w.ID, z.ID, p.ID); err == nil {
			sm.ops["answers undo"]++
		}
		return
	}
	answers := []string{[]string{"T", "F"}[r.IntN(2)], []string{"A", "B", "C"}[r.IntN(3)], "AB"}
	sheets, err := l.s.RecordAnswers(z.ID, sm.w.ID, []SheetInput{{ParticipantID: p.ID, Responses: answers[:1+r.IntN(3)]}}, "keyboard")
	if err != nil {
		t.Fatalf("%s: key answers: %v", l.name, err)
	}
	sm.sheets = append(sm.sheets, sheets...)
	sm.ops["answers"]++
}

// keyEvaluation keys in a paper evaluation form on l (a number perhaps
// keyed on another laptop too), or takes one back.
func (sm *simulation) keyEvaluation(l *laptop) {
	r := sm.rnd
	n := 1 + r.IntN(12)
	if r.IntN(5) == 0 {
		if l.s.DeleteEvaluation(sm.w.ID, n) == nil {
			sm.ops["evaluation undo"]++
		}
		return
	}
	err := l.s.RecordEvaluation(&EvaluationResponse{WorkshopID: sm.w.ID, Form: n,
		Answers: []EvalAnswer{{Item: EvalKeySatisfaction, Value: 1 + r.IntN(5)}}})
	if err == nil {
		sm.ops["evaluation"]++
	} else if !strings.Contains(err.Error(), "already recorded") {
		sm.t.Fatalf("%s: key evaluation: %v", l.name, err)
	}
}

func (sm *simulation) ack(a Attendance) {
	sm.acked = append(sm.acked, ackedMark{a.SessionID, a.ParticipantID, a.UpdatedAt, a.DeviceID})
}

// settle delivers everything everywhere and exchanges until quiet.
func (sm *simulation) settle() {
	for range 3 {
		for i := range sm.laptops {
			for j := range sm.laptops {
				if i != j {
					sm.deliverAll(i, j)
				}
			}
		}
		for i, l := range sm.laptops {
			r, err := l.s.Exchange(sm.w.ID)
			if err != nil {
				sm.t.Fatalf("laptop%d: exchange: %v", i, err)
			}
			if len(r.Skipped) > 0 {
				sm.t.Logf("laptop%d skipped %v", i, r.Skipped)
			}
		}
	}
}

// check asserts that every laptop holds the same workshop, every
// acknowledged mark and registration, and certificate numbers once each.
func (sm *simulation) check(seed uint64) {
	t := sm.t
	want := canonical(t, sm.laptops[0].s, sm.w.ID)
	for i, l := range sm.laptops[1:] {
		if got := canonical(t, l.s, sm.w.ID); got != want {
			t.Fatalf("seed %d: laptop%d differs from laptop0 (ops %v): %s", seed, i+1, sm.ops, firstDifference(want, got))
		}
	}
	for _, l := range sm.laptops {
		for _, m := range sm.acked {
			versions, err := l.s.AttendanceHistory(m.session, m.participant)
			if err != nil {
				t.Fatal(err)
			}
			found := false
			for _, v := range versions {
				found = found || v.UpdatedAt.Equal(m.at) && v.DeviceID == m.device
			}
			if !found {
				t.Fatalf("seed %d: %s lost an acknowledged mark %+v", seed, l.name, m)
			}
		}
		for id := range sm.reg {
			var p Participant
			if err := l.s.view(func(tx *bolt.Tx) error { return getJSON(tx.Bucket(bucketParticipants), id[:], &p) }); err != nil {
				t.Fatalf("seed %d: %s lost participant %s: %v", seed, l.name, id, err)
			}
		}
		for _, a := range sm.sheets {
			h, err := l.s.AnswerHistory(a.QuizID, a.ParticipantID)
			if err != nil || !slices.ContainsFunc(h, func(v AnswerSheet) bool { return v.ID == a.ID }) {
				t.Fatalf("seed %d: %s lost answer sheet %s: %v", seed, l.name, a.ID, err)
			}
		}
		seen := map[string]bool{}
		certs, err := l.s.Certificates(sm.w.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range certs {
			if seen[c.Number] {
				t.Fatalf("seed %d: number %s given twice", seed, c.Number)
			}
			seen[c.Number] = true
		}
		for n := range sm.numbers {
			if !seen[n] {
				t.Fatalf("seed %d: %s lost certificate %s", seed, l.name, n)
			}
		}
		mustCheck(t, l.s)
	}
}

// Laptops doing random work and exchanging files in random order, some
// files delivered twice, some cut short first, end with the same
// workshop, nothing acknowledged lost, no certificate number twice.
func TestSyncPropertyLaptopsConverge(t *testing.T) {
	seeds := 12
	if testing.Short() {
		seeds = 3
	}
	for seed := uint64(1); seed <= uint64(seeds); seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			sm := newSimulation(t, seed, 3+int(seed%3))
			for range 150 {
				sm.step()
			}
			sm.settle()
			sm.check(seed)
			t.Logf("seed %d, %d laptops: %v", seed, len(sm.laptops), sm.ops)
		})
	}
}
