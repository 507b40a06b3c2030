package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"github.com/workshopdesk/workshopdesk/ui/web"
)

// serveCommand opens a test or the evaluation to phones until Ctrl+C.
var serveCommand = &command{
	name:     "serve",
	synopsis: "--workshop W --open pre|post|evaluation|check:SESSION --listen ADDR:PORT",
	summary:  "let participants answer a test or the evaluation on their phones, until Ctrl+C",
	details: `Serves the test (pre, post or a session's quick check) or the evaluation to
phones on the local network, as "Open for phones" does in the app: it prints
the address and the room code to show the room, then the names of those who
answer (a number for the evaluation) as they come. Each answer is in the
data file as soon as the phone says "saved". --listen is one of the laptop's
addresses and a port (such as 192.168.137.1:8080; 127.0.0.1:8080 for this
computer only; port 0 picks a free one); an address without a host, which
would listen on every network, is refused. Ctrl+C closes the test and stops
the server.`,
	required: []string{"workshop", "open", "listen"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var ref, open, listen string
		workshopFlag(fs, &ref)
		fs.StringVar(&open, "open", "", "`WHAT` to open: pre, post, evaluation or check:SESSION")
		fs.StringVar(&listen, "listen", "", "the `ADDR:PORT` to listen on: one of this computer's addresses")
		return func([]string) error {
			ctx, stop := untilInterrupted()
			defer stop()
			return c.serve(ctx, ref, open, listen)
		}
	},
}

// untilInterrupted returns a context that ends on Ctrl+C or SIGTERM.
var untilInterrupted = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

// serveJSON is what serve --json prints once the server is listening.
type serveJSON struct {
	URL      string `json:"url"`
	RoomCode string `json:"room_code"`
	JoinURL  string `json:"join_url"`
	Open     string `json:"open"`
}

// serve runs the room until ctx is done.
func (c *cli) serve(ctx context.Context, ref, open, listen string) (err error) {
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	sessions, err := st.Sessions(w.ID)
	if err != nil {
		return err
	}
	key, err := web.Opening(open, sessions)
	if err != nil {
		return usageError{"--open: " + err.Error()}
	}
	r, err := web.OpenRoom(web.RoomConfig{Store: st, WorkshopID: w.ID, Test: key, Listen: listen})
	if err != nil {
		return err
	}
	defer func() {
		if cerr := r.Close(); cerr != nil && err == nil {
			err = fmt.Errorf("stop the server: %w", cerr)
		}
	}()
	if c.json {
		if err := c.printJSON(serveJSON{URL: r.URL(), RoomCode: r.Code(), JoinURL: r.JoinURL(), Open: open}); err != nil {
			return err
		}
	} else {
		c.printf("%s: %s open for phones\n", w.Code, open)
		c.printf("Address:   %s\n", r.URL())
		c.printf("Room code: %s\n", r.Code())
		c.printf("Link with the code: %s\n", r.JoinURL())
		c.printf("Press Ctrl+C to close.\n")
	}
	var seen []string
	evals := 0
	tick := time.NewTicker(time.Second)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			p := r.Progress()
			if !c.json {
				if r.IsTest() {
					c.printf("Closed: %d answered, %d handed in.\n", len(p.Names), p.Submitted)
				} else {
					c.printf("Closed: %d evaluations received.\n", p.Evaluations)
				}
			}
			return nil
		case <-tick.C:
			if c.json {
				continue
			}
			p := r.Progress()
			for _, n := range p.Names {
				if !slices.Contains(seen, n) {
					seen = append(seen, n)
					c.printf("answering: %s\n", n)
				}
			}
			if p.Evaluations != evals {
				evals = p.Evaluations
				c.printf("evaluations received: %d\n", evals)
			}
		}
	}
}
