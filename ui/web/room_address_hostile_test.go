package web

import (
	"net/http"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// Listening on every network (0.0.0.0, given on purpose) still shows the
// phones an address they can reach: the room's URL and QR code named
// "http://[::]:PORT/", which no phone can open.
func TestHostileRoomEveryNetworkShowsAReachableAddress(t *testing.T) {
	d := newRoomData(t, 1, 2)
	r, err := OpenRoom(RoomConfig{Store: d.st, WorkshopID: d.w.ID, Listen: "0.0.0.0:0", Test: &store.QuizKey{Kind: store.PreTest}})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	for _, bad := range []string{"[::]", "0.0.0.0"} {
		if strings.Contains(r.URL(), bad) || strings.Contains(r.JoinURL(), bad) {
			t.Fatalf("URL %q, join URL %q: no phone can open them", r.URL(), r.JoinURL())
		}
	}
	res, err := http.Get(r.URL())
	if err != nil {
		t.Fatalf("the address shown does not answer: %v", err)
	}
	res.Body.Close()
}
