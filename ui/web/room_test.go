package web

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestRoomTestAnsweredFromPhones: a participant comes in with the room
// code and their badge, each answer is saved when chosen (and is in the
// data file then), can be changed, is shown back, is locked once handed
// in; the facilitator sees who answered; after closing, the score and
// the explanations are shown.
func TestRoomTestAnsweredFromPhones(t *testing.T) {
	d := newRoomData(t, 3, 5)
	r := d.open(t, true, true)
	if !strings.HasPrefix(r.URL(), "http://127.0.0.1:") || len(r.Code()) != 6 || !strings.HasSuffix(r.JoinURL(), "?r="+r.Code()) {
		t.Fatalf("address %s, code %s, join %s", r.URL(), r.Code(), r.JoinURL())
	}
	p := newPhone(t, r)
	if code, body := p.get("/?r=" + r.Code()); code != 200 || !strings.Contains(body, `value="`+r.Code()+`"`) {
		t.Fatalf("landing %d: room code not filled in from the QR code\n%s", code, body)
	}
	if code := p.join(strings.ToLower(r.Code()), "badge-001"); code != http.StatusSeeOther {
		t.Fatalf("join: %d", code)
	}
	code, body := p.get("/test")
	if code != 200 || !strings.Contains(body, "Person1 Tester") || strings.Count(body, `class="q"`) != 5 {
		t.Fatalf("test page %d:\n%s", code, body)
	}
	for n, a := range [][]string{{"T"}, {"B"}, {"A", "B"}, {"gfmd"}, {"1990"}} {
		if code, body := p.answer(n+1, a...); code != 200 || body != "Saved" {
			t.Fatalf("answer %d: %d %q", n+1, code, body)
		}
	}
	sheet, ok, err := d.st.Sheet(d.pre.ID, d.ps[0].ID)
	if err != nil || !ok || strings.Join(sheet.Aligned(d.pre.QuestionIDs), " ") != "T B AB gfmd 1990" {
		t.Fatalf("stored %q %v %v", sheet.Aligned(d.pre.QuestionIDs), ok, err)
	}
	// Changed, without the script: the page comes back saying saved.
	if code, _ := p.post("/answer", url.Values{"n": {"2"}, "a": {"A"}}, false); code != http.StatusSeeOther {
		t.Fatalf("answer without script: %d", code)
	}
	if _, body := p.get("/test?saved=2"); !strings.Contains(body, `id="q2-0" value="A" checked`) || !strings.Contains(body, "st ok") {
		t.Fatalf("the changed answer is not shown back as saved:\n%s", body)
	}
	if pr := r.Progress(); len(pr.Names) != 1 || pr.Names[0] != "Person1 Tester" {
		t.Errorf("progress %+v", pr)
	}
	if counts, n, err := r.Tally(1); err != nil || n != 1 || counts[0] != 1 {
		t.Errorf("tally of question 2: %v %d %v", counts, n, err)
	}
	// Handed in: no more changes.
	if code, _ := p.post("/submit", url.Values{}, false); code != http.StatusSeeOther {
		t.Fatalf("submit: %d", code)
	}
	if code, _ := p.answer(1, "F"); code != http.StatusConflict {
		t.Errorf("a change after handing in: %d", code)
	}
	if _, body := p.get("/test"); !strings.Contains(body, "handed in") || !strings.Contains(body, "<fieldset disabled>") {
		t.Errorf("handed-in page:\n%s", body)
	}
	// Closed with results: score and explanations.
	r.Finish()
	_, body = p.get("/test")
	for _, want := range []string{"Your score: 5 of 5 (100 %)", "It met first in Brussels in 2007.", "GFMD website"} {
		if !strings.Contains(body, want) {
			t.Errorf("results page lacks %q", want)
		}
	}
	// A second participant cannot answer once closed.
	p2 := newPhone(t, r)
	p2.join(r.Code(), "BADGE002")
	if code, _ := p2.answer(1, "T"); code != http.StatusConflict {
		t.Errorf("answer after closing: %d", code)
	}
}

// TestRoomResultsHiddenUnlessAllowed: without results allowed, closing
// shows no score.
func TestRoomResultsHiddenUnlessAllowed(t *testing.T) {
	d := newRoomData(t, 1, 2)
	r := d.open(t, true, false)
	p := newPhone(t, r)
	p.join(r.Code(), "BADGE001")
	p.answer(1, "F")
	r.Finish()
	if _, body := p.get("/test"); strings.Contains(body, "score") || strings.Contains(body, "Brussels") || !strings.Contains(body, "The test is closed") {
		t.Errorf("results shown though not allowed:\n%s", body)
	}
}

// TestRoomEvaluationFromPhones: the evaluation is sent anonymously in the
// phone's language, once per phone, with a new form number each.
func TestRoomEvaluationFromPhones(t *testing.T) {
	d := newRoomData(t, 0, 0)
	r := d.open(t, false, false)
	p := newPhone(t, r)
	p.get("/?lang=fr")
	if code := p.join(r.Code(), ""); code != http.StatusSeeOther {
		t.Fatalf("join: %d", code)
	}
	code, body := p.get("/eval")
	if code != 200 || !strings.Contains(body, `lang="fr"`) || !strings.Contains(body, "Tout à fait d") {
		t.Fatalf("evaluation page %d:\n%s", code, body)
	}
	send := func(p *phone) (int, string) {
		return p.post("/eval", url.Values{"i1": {"5"}, "i2": {"na"}, "i12": {"Les <b>exercices</b>"}}, false)
	}
	if code, body := send(p); code != 200 || !strings.Contains(body, "Merci") {
		t.Fatalf("send: %d\n%s", code, body)
	}
	if code, _ := send(p); code != http.StatusConflict {
		t.Errorf("a second evaluation from the same phone: %d", code)
	}
	p2 := newPhone(t, r)
	p2.join(r.Code(), "")
	p2.get("/eval")
	if code, _ := send(p2); code != 200 {
		t.Errorf("another phone: %d", code)
	}
	_, list, err := d.st.Evaluation(d.w.ID)
	if err != nil || len(list) != 2 || list[0].Form == list[1].Form || list[0].Language != "fr" || list[0].Name != "" {
		t.Fatalf("recorded %+v, %v", list, err)
	}
	if a, ok := list[0].Answer(store.EvalKeySatisfaction); !ok || a.Value != 5 {
		t.Errorf("satisfaction %+v", a)
	}
	if pr := r.Progress(); pr.Evaluations != 2 || len(pr.Names) != 0 {
		t.Errorf("progress %+v", pr)
	}
}

// TestRoomListensOnlyWhereTold: an address without a host (all
// interfaces) is refused; a closed room no longer answers.
func TestRoomListensOnlyWhereTold(t *testing.T) {
	d := newRoomData(t, 1, 1)
	for _, addr := range []string{":8080", "8080", ""} {
		if _, err := OpenRoom(RoomConfig{Store: d.st, WorkshopID: d.w.ID, Listen: addr}); err == nil {
			t.Errorf("%q was accepted", addr)
		}
	}
	r := d.open(t, true, false)
	if err := r.Close(); err != nil {
		t.Fatal(err)
	}
	if _, err := http.Get(r.URL()); err == nil {
		t.Error("the closed room still answers")
	}
	if _, err := OpenRoom(RoomConfig{Store: d.st, WorkshopID: d.w.ID, Listen: "127.0.0.1:0", Test: &store.QuizKey{Kind: store.PostTest}}); err == nil {
		t.Error("a test that does not exist was opened")
	}
}

// TestRoomWordingComplete: every language has every key of the English
// wording.
func TestRoomWordingComplete(t *testing.T) {
	for _, l := range roomLanguages {
		for k := range roomWording["en"] {
			if roomWording[l][k] == "" {
				t.Errorf("%s lacks %q", l, k)
			}
		}
	}
}

// TestRoomOpening: what can be opened, by name.
func TestRoomOpening(t *testing.T) {
	d := newRoomData(t, 0, 0)
	start, _ := store.ParseClock("09:00")
	end, _ := store.ParseClock("10:00")
	se := store.Session{WorkshopID: d.w.ID, Date: d.w.StartDate, Start: start, End: end, Title: "Data sources", Counts: true}
	if err := d.st.SaveSession(&se); err != nil {
		t.Fatal(err)
	}
	sessions := []store.Session{se}
	if k, err := Opening(" Evaluation ", sessions); k != nil || err != nil {
		t.Errorf("evaluation: %v %v", k, err)
	}
	if k, err := Opening("post", sessions); err != nil || k.Kind != store.PostTest {
		t.Errorf("post: %v %v", k, err)
	}
	if k, err := Opening("check:data sources", sessions); err != nil || k.SessionID != se.ID {
		t.Errorf("check: %v %v", k, err)
	}
	if _, err := Opening("lunch", sessions); err == nil || !strings.Contains(err.Error(), "evaluation") {
		t.Errorf("lunch: %v", err)
	}
}
