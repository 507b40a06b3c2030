package web

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
)

// RoomConfig says what a room opens and where it listens.
type RoomConfig struct {
	Store      *store.Store
	WorkshopID uuid.UUID
	// Test is the test opened to phones; nil opens the evaluation.
	Test *store.QuizKey
	// Listen is the address to listen on, HOST:PORT; the host must be
	// given (one interface, never all of them by default); port 0 picks
	// a free one.
	Listen string
	// ShowResults lets participants see their score and the explanations
	// once the test is closed.
	ShowResults bool
	// Now is the clock of the rate limit; nil is time.Now.
	Now func() time.Time
}

// Room is a test or the evaluation of a workshop opened to the phones in
// the room: a small web server on one address, with a random room code,
// that exists until it is closed.
type Room struct {
	cfg       RoomConfig
	st        *store.Store
	workshop  store.Workshop
	quiz      *store.Quiz // nil: the evaluation
	questions []store.Question
	form      store.EvaluationForm
	code      string
	secret    []byte
	url       string
	srv       *http.Server
	ln        net.Listener
	limits    *limiter
	served    chan struct{}

	mu        sync.Mutex
	clients   map[string]uuid.UUID // client → participant signed in (tests)
	admitted  map[string]bool      // client → gave the room code (evaluation)
	answered  map[uuid.UUID]time.Time
	submitted map[uuid.UUID]bool
	devices   map[string]bool // clients that sent an evaluation (or are sending one)
	evals     int
	finished  bool
	closed    bool
}

// Opening names what a room opens: "pre", "post", "check:SESSION" or
// "evaluation". It returns the test's key, or nil for the evaluation.
func Opening(spec string, sessions []store.Session) (*store.QuizKey, error) {
	if strings.EqualFold(strings.TrimSpace(spec), "evaluation") {
		return nil, nil
	}
	k, err := store.ParseQuizKey(spec, sessions)
	if err != nil {
		return nil, fmt.Errorf("%w (or evaluation)", err)
	}
	return &k, nil
}

// Limits of a room's server: a slow or greedy client cannot hold it.
const (
	maxBody           = 64 << 10
	maxHeader         = 8 << 10
	readHeaderTimeout = 5 * time.Second
	readTimeout       = 15 * time.Second
	writeTimeout      = 15 * time.Second
	idleTimeout       = 60 * time.Second
)

// OpenRoom opens a test or the evaluation to phones: it checks what is
// opened, listens on cfg.Listen and serves until Close.
func OpenRoom(cfg RoomConfig) (*Room, error) {
	if cfg.Store == nil {
		return nil, errors.New("open for phones: no data file")
	}
	host, _, err := net.SplitHostPort(cfg.Listen)
	if err != nil {
		return nil, fmt.Errorf("open for phones: the address %q is not HOST:PORT: %w", cfg.Listen, err)
	}
	if host == "" {
		return nil, fmt.Errorf("open for phones: the address %q names no interface; give one of the laptop's addresses (such as 192.168.1.10:8080)", cfg.Listen)
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	r := &Room{cfg: cfg, st: cfg.Store, code: roomCode(), secret: randomBytes(32), limits: newLimiter(wrongCodesPerMinute, time.Minute),
		clients: map[string]uuid.UUID{}, admitted: map[string]bool{}, answered: map[uuid.UUID]time.Time{},
		submitted: map[uuid.UUID]bool{}, devices: map[string]bool{}, served: make(chan struct{})}
	if r.workshop, err = r.st.Workshop(cfg.WorkshopID); err != nil {
		return nil, fmt.Errorf("open for phones: %w", err)
	}
	if cfg.Test != nil {
		d, err := r.st.LoadQuizData(cfg.WorkshopID)
		if err != nil {
			return nil, fmt.Errorf("open for phones: %w", err)
		}
		z := d.Quiz(*cfg.Test)
		if z == nil {
			return nil, fmt.Errorf("open for phones: the workshop has no %s test: %w", cfg.Test, store.ErrNotFound)
		}
		if z.Closed {
			return nil, fmt.Errorf("open for phones: %w", store.ErrQuizClosed)
		}
		r.quiz = z
		r.questions = store.QuizQuestions(z, d.Questions)
		if len(r.questions) == 0 {
			return nil, fmt.Errorf("open for phones: the %s test has no questions", cfg.Test)
		}
	} else if r.form, _, err = r.st.EvaluationForm(cfg.WorkshopID); err != nil {
		return nil, fmt.Errorf("open for phones: %w", err)
	}
	if r.ln, err = net.Listen("tcp", cfg.Listen); err != nil {
		return nil, fmt.Errorf("open for phones: %w", err)
	}
	r.url = "http://" + shownAddress(r.ln.Addr()) + "/"
	r.srv = &http.Server{Handler: http.HandlerFunc(r.serve), ReadHeaderTimeout: readHeaderTimeout,
		ReadTimeout: readTimeout, WriteTimeout: writeTimeout, IdleTimeout: idleTimeout, MaxHeaderBytes: maxHeader}
	go func() {
		defer close(r.served)
		r.srv.Serve(r.ln)
	}()
	return r, nil
}

// URL returns the room's address, such as "http://192.168.1.10:8080/".
func (r *Room) URL() string { return r.url }

// Code returns the room code participants type to come in.
func (r *Room) Code() string { return r.code }

// JoinURL returns the address with the room code in it, for the QR code.
func (r *Room) JoinURL() string { return r.url + "?r=" + r.code }

// IsTest reports whether the room holds a test (else the evaluation).
func (r *Room) IsTest() bool { return r.quiz != nil }

// Questions returns the test's questions in order (none for the evaluation).
func (r *Room) Questions() []store.Question { return r.questions }

// Finish ends the answering: nothing more is taken; participants see
// their score and the explanations if the room shows results.
func (r *Room) Finish() {
	r.mu.Lock()
	r.finished = true
	r.mu.Unlock()
}

// Finished reports whether the answering has ended.
func (r *Room) Finished() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.finished
}

// Close stops the server: every connection is closed within a few
// seconds; answers saved stay saved.
func (r *Room) Close() error {
	r.mu.Lock()
	if r.closed {
		r.mu.Unlock()
		return nil
	}
	r.closed, r.finished = true, true
	r.mu.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Second)
	defer cancel()
	err := r.srv.Shutdown(ctx)
	if err != nil {
		err = r.srv.Close()
	}
	<-r.served
	return err
}

// Progress is who has answered so far in this opening.
type Progress struct {
	// Names are the participants who saved an answer (tests), in the
	// order they started; Submitted those who handed in.
	Names     []string
	Submitted int
	// Evaluations is the number of evaluations sent (the evaluation).
	Evaluations int
}

// Progress returns who has answered so far.
func (r *Room) Progress() Progress {
	r.mu.Lock()
	type who struct {
		id uuid.UUID
		at time.Time
	}
	list := make([]who, 0, len(r.answered))
	for id, at := range r.answered {
		list = append(list, who{id, at})
	}
	p := Progress{Submitted: len(r.submitted), Evaluations: r.evals}
	r.mu.Unlock()
	slices.SortFunc(list, func(a, b who) int { return a.at.Compare(b.at) })
	for _, w := range list {
		if pp, err := r.st.Participant(w.id); err == nil {
			p.Names = append(p.Names, pp.FullName())
		}
	}
	return p
}

// Tally counts the current answers to question i (from 0) of the test
// of those who answered on a phone in this opening, by option
// (true/false and choice questions), for the live quiz's bar chart;
// answers that are no option (short answers, numbers) are not counted.
// It returns the counts and the number who answered.
func (r *Room) Tally(i int) (counts []int, answered int, err error) {
	if r.quiz == nil || i < 0 || i >= len(r.questions) {
		return nil, 0, fmt.Errorf("tally: no question %d", i+1)
	}
	q := r.questions[i]
	sheets, err := r.st.Sheets(r.quiz.ID)
	if err != nil {
		return nil, 0, err
	}
	r.mu.Lock()
	here := make(map[uuid.UUID]bool, len(r.answered))
	for id := range r.answered {
		here[id] = true
	}
	r.mu.Unlock()
	counts = make([]int, len(q.Options))
	for id, a := range sheets {
		resp := a.Responses[q.ID]
		if !here[id] {
			continue
		}
		if resp == "" {
			continue
		}
		answered++
		switch q.Kind {
		case store.TrueFalse:
			if resp == "T" {
				counts[0]++
			} else {
				counts[1]++
			}
		case store.MultipleChoice, store.MultipleAnswer:
			for _, c := range resp {
				if k := int(c - 'A'); k >= 0 && k < len(counts) {
					counts[k]++
				}
			}
		}
	}
	return counts, answered, nil
}

// roomAlphabet is the badge codes' alphabet: no letters or digits that
// are easily confused.
const roomAlphabet = "ACEFGHJKMNPRTWXY34679"

// roomCode returns a random room code of 6 characters (21^6 ≈ 86 million).
func roomCode() string {
	b := randomBytes(6)
	for i := range b {
		b[i] = roomAlphabet[int(b[i])%len(roomAlphabet)]
	}
	return string(b)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	if _, err := rand.Read(b); err != nil {
		panic(fmt.Sprintf("room: no randomness: %v", err)) // crypto/rand never fails on supported systems
	}
	return b
}

// shownAddress is the HOST:PORT phones are shown for a listener: its own,
// or, when it listens on every network (0.0.0.0 given on purpose), the
// laptop's first network address, which phones can reach.
func shownAddress(a net.Addr) string {
	tcp, ok := a.(*net.TCPAddr)
	if !ok || !tcp.IP.IsUnspecified() {
		return a.String()
	}
	host := "127.0.0.1"
	if list, err := LocalAddresses(); err == nil && len(list) > 0 {
		host = list[0].IP
	}
	return net.JoinHostPort(host, strconv.Itoa(tcp.Port))
}

// Address is one of the laptop's network addresses a room can listen on.
type Address struct {
	Interface string // such as "wlan0" or "Wi-Fi"
	IP        string
}

// LocalAddresses lists the laptop's IPv4 addresses by interface, those of
// interfaces that are up, the loopback address last.
func LocalAddresses() ([]Address, error) {
	ifs, err := net.Interfaces()
	if err != nil {
		return nil, fmt.Errorf("network interfaces: %w", err)
	}
	var list, loop []Address
	for _, ifc := range ifs {
		if ifc.Flags&net.FlagUp == 0 {
			continue
		}
		addrs, err := ifc.Addrs()
		if err != nil {
			continue
		}
		for _, a := range addrs {
			ipn, ok := a.(*net.IPNet)
			if !ok || ipn.IP.To4() == nil {
				continue
			}
			ad := Address{ifc.Name, ipn.IP.String()}
			if ipn.IP.IsLoopback() {
				loop = append(loop, ad)
			} else {
				list = append(list, ad)
			}
		}
	}
	return append(list, loop...), nil
}
