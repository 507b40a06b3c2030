package web

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net"
	"net/http"
	"strings"
	"unicode/utf8"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// Cookies of a room: the client's random ID (which its CSRF token and its
// sign-in hang on) and its language.
const (
	clientCookie = "wd_client"
	langCookie   = "wd_lang"
)

// roomCSP allows the room's own style sheet and script and nothing else:
// no inline script or style, no other site, no frames.
const roomCSP = "default-src 'none'; style-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

// request is one request as the handlers see it: who asks, in which
// language, with which CSRF token.
type request struct {
	*http.Request
	client string // the client's ID (cookie)
	ip     string // the client's address, for the rate limit
	lang   string
	t      map[string]string
	csrf   string
	fetch  bool // sent by the page's script, which wants a short answer
}

// serve is the room's only handler: headers and limits first, then the
// page asked for.
func (r *Room) serve(w http.ResponseWriter, hr *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", roomCSP)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Cache-Control", "no-store")
	switch hr.URL.Path {
	case "/style.css":
		serveStatic(w, hr, "text/css; charset=utf-8", roomCSS)
		return
	case "/app.js":
		serveStatic(w, hr, "text/javascript; charset=utf-8", roomJS)
		return
	}
	if hr.Method != http.MethodGet && hr.Method != http.MethodHead && hr.Method != http.MethodPost {
		h.Set("Allow", "GET, HEAD, POST")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	hr.Body = http.MaxBytesReader(w, hr.Body, maxBody)
	q := r.request(w, hr)
	if hr.Method == http.MethodPost {
		if err := hr.ParseForm(); err != nil {
			var tooBig *http.MaxBytesError
			if errors.As(err, &tooBig) {
				r.message(w, q, http.StatusRequestEntityTooLarge, "too_large")
				return
			}
			r.message(w, q, http.StatusBadRequest, "bad_request")
			return
		}
		for _, vals := range hr.PostForm {
			for _, v := range vals {
				if !utf8.ValidString(v) {
					r.message(w, q, http.StatusBadRequest, "bad_request")
					return
				}
			}
		}
		if !hmac.Equal([]byte(hr.PostForm.Get("csrf")), []byte(q.csrf)) {
			r.message(w, q, http.StatusForbidden, "expired")
			return
		}
	}
	post := hr.Method == http.MethodPost
	switch {
	case hr.URL.Path == "/" && !post:
		r.landing(w, q)
	case hr.URL.Path == "/join" && post:
		r.join(w, q)
	case hr.URL.Path == "/test" && !post && r.quiz != nil:
		r.testPage(w, q)
	case hr.URL.Path == "/answer" && post && r.quiz != nil:
		r.answer(w, q)
	case hr.URL.Path == "/submit" && post && r.quiz != nil:
		r.submit(w, q)
	case hr.URL.Path == "/eval" && r.quiz == nil:
		if post {
			r.sendEvaluation(w, q)
		} else {
			r.evalPage(w, q)
		}
	default:
		r.message(w, q, http.StatusNotFound, "not_found")
	}
}

func serveStatic(w http.ResponseWriter, hr *http.Request, ctype, body string) {
	if hr.Method != http.MethodGet && hr.Method != http.MethodHead {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	w.Header().Set("Content-Type", ctype)
	w.Header().Set("Cache-Control", "max-age=3600")
	w.Write([]byte(body))
}

// request reads the client's cookie (setting a new one when it has none
// or a forged one) and its language.
func (r *Room) request(w http.ResponseWriter, hr *http.Request) *request {
	q := &request{Request: hr, fetch: hr.Header.Get("X-Requested-With") == "fetch"}
	if c, err := hr.Cookie(clientCookie); err == nil && validClientID(c.Value) {
		q.client = c.Value
	} else {
		q.client = base64.RawURLEncoding.EncodeToString(randomBytes(16))
		http.SetCookie(w, &http.Cookie{Name: clientCookie, Value: q.client, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	mac := hmac.New(sha256.New, r.secret)
	mac.Write([]byte(q.client))
	q.csrf = base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
	q.ip = hr.RemoteAddr
	if host, _, err := net.SplitHostPort(hr.RemoteAddr); err == nil {
		q.ip = host
	}
	q.lang = pageLanguage(hr)
	if l := hr.URL.Query().Get("lang"); l != "" && roomWording[l] != nil {
		q.lang = l
		http.SetCookie(w, &http.Cookie{Name: langCookie, Value: l, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	q.t = roomWording[q.lang]
	return q
}

func validClientID(s string) bool {
	b, err := base64.RawURLEncoding.DecodeString(s)
	return err == nil && len(b) == 16
}

// pageLanguage is the language cookie's, else the browser's first
// language the pages are written in, else English.
func pageLanguage(hr *http.Request) string {
	if c, err := hr.Cookie(langCookie); err == nil && roomWording[c.Value] != nil {
		return c.Value
	}
	for _, part := range strings.Split(hr.Header.Get("Accept-Language"), ",") {
		tag, _, _ := strings.Cut(strings.TrimSpace(part), ";")
		base, _, _ := strings.Cut(strings.ToLower(tag), "-")
		if roomWording[base] != nil {
			return base
		}
	}
	return "en"
}

// participant returns who the client signed in as (tests).
func (r *Room) participant(q *request) (uuid.UUID, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	id, ok := r.clients[q.client]
	return id, ok
}

// join checks the room code (and, for a test, the badge code) and signs
// the client in. Wrong codes count against the client's address.
func (r *Room) join(w http.ResponseWriter, q *request) {
	now := r.cfg.Now()
	if r.limits.blocked(q.ip, now) {
		r.message(w, q, http.StatusTooManyRequests, "too_many")
		return
	}
	room := store.NormalizeBadgeCode(q.PostForm.Get("room"))
	if !hmac.Equal([]byte(room), []byte(r.code)) {
		r.limits.fail(q.ip, now)
		r.landingWith(w, q, http.StatusForbidden, "wrong_code")
		return
	}
	if r.quiz == nil {
		r.mu.Lock()
		r.admitted[q.client] = true
		r.mu.Unlock()
		http.Redirect(w, q.Request, "/eval", http.StatusSeeOther)
		return
	}
	badge := store.NormalizeBadgeCode(q.PostForm.Get("badge"))
	p, err := r.st.ParticipantByBadge(r.workshop.ID, badge)
	if badge == "" || err != nil {
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			r.message(w, q, http.StatusInternalServerError, "not_saved")
			return
		}
		r.limits.fail(q.ip, now)
		r.landingWith(w, q, http.StatusForbidden, "wrong_code")
		return
	}
	r.mu.Lock()
	r.clients[q.client] = p.ID
	r.mu.Unlock()
	http.Redirect(w, q.Request, "/test", http.StatusSeeOther)
}
