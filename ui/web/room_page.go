package web

import (
	_ "embed"
	"html/template"
	"net/http"

	"github.com/workshopdesk/workshopdesk/store"
)

var (
	//go:embed room.html
	roomHTML string
	//go:embed room.css
	roomCSS string
	//go:embed room.js
	roomJS string
)

var roomTemplate = template.Must(template.New("room").Parse(roomHTML))

// langLink is a link to the page in another language.
type langLink struct {
	Code, Name string
	Current    bool
}

// page is what the room's template shows.
type page struct {
	Page      string // landing, test, eval or message
	Lang, Dir string
	T         map[string]string
	Langs     []langLink
	CSRF      string
	Title     string // what is open: the test's or the evaluation's title
	Workshop  string
	Message   string
	Error     string
	Room      string // typed or from the QR code
	Badge     string
	IsTest    bool
	Name      string
	Locked    bool
	Submitted bool
	Finished  bool
	Score     string
	Questions []questionView
	Intro     string
	Items     []itemView
}

// page starts the page shown to q.
func (r *Room) page(q *request, name string) *page {
	pg := &page{Page: name, Lang: q.lang, Dir: "ltr", T: q.t, CSRF: q.csrf, Workshop: r.workshop.Title, IsTest: r.quiz != nil}
	if q.lang == "ar" {
		pg.Dir = "rtl"
	}
	for _, l := range roomLanguages {
		pg.Langs = append(pg.Langs, langLink{l, roomWording[l]["lang_name"], l == q.lang})
	}
	switch {
	case r.quiz == nil:
		pg.Title = store.EvalWording(q.lang, "title")
	case r.quiz.Title != "":
		pg.Title = r.quiz.Title
	default:
		pg.Title = q.t[string(r.quiz.Kind)]
	}
	return pg
}

func (r *Room) render(w http.ResponseWriter, status int, pg *page) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	roomTemplate.Execute(w, pg) // a write error means the phone went away
}

// message shows one sentence (the wording's key); to the page's script,
// just the sentence.
func (r *Room) message(w http.ResponseWriter, q *request, status int, key string) {
	if q.fetch {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(status)
		w.Write([]byte(q.t[key]))
		return
	}
	pg := r.page(q, "message")
	pg.Message = q.t[key]
	r.render(w, status, pg)
}

// landing asks for the room code (and the badge code for a test), filled
// in from the address when the QR code gave them.
func (r *Room) landing(w http.ResponseWriter, q *request) {
	if r.quiz != nil {
		if _, ok := r.participant(q); ok {
			http.Redirect(w, q.Request, "/test", http.StatusSeeOther)
			return
		}
	} else if in, _ := r.admittedClient(q); in {
		http.Redirect(w, q.Request, "/eval", http.StatusSeeOther)
		return
	}
	r.landingWith(w, q, http.StatusOK, "")
}

func (r *Room) landingWith(w http.ResponseWriter, q *request, status int, problem string) {
	pg := r.page(q, "landing")
	pg.Error = q.t[problem]
	if q.Method == http.MethodPost {
		pg.Room, pg.Badge = q.PostForm.Get("room"), q.PostForm.Get("badge")
	} else {
		pg.Room, pg.Badge = q.URL.Query().Get("r"), q.URL.Query().Get("b")
	}
	if len(pg.Room) > 20 {
		pg.Room = ""
	}
	if len(pg.Badge) > 20 {
		pg.Badge = ""
	}
	r.render(w, status, pg)
}
