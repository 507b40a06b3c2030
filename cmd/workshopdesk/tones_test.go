package main

import (
	"math"
	"slices"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/ui"
)

// TestTones checks each check-in sound: short but audible, within the
// sample range, silent at both ends (no click), and unlike the others.
func TestTones(t *testing.T) {
	seen := map[ui.SoundKind][]float32{}
	for _, k := range ui.SoundKinds {
		s := tone(k)
		d := time.Duration(len(s)) * time.Second / sampleRate
		if d < 100*time.Millisecond || d > 500*time.Millisecond {
			t.Errorf("%v lasts %v, want 0.1–0.5 s", k, d)
		}
		var peak float64
		for _, x := range s {
			peak = max(peak, math.Abs(float64(x)))
		}
		if peak > 0.5 || peak < 0.1 {
			t.Errorf("%v peaks at %.2f, want 0.1–0.5 (audible, never clipping)", k, peak)
		}
		if first, last := math.Abs(float64(s[0])), math.Abs(float64(s[len(s)-1])); first > 0.01 || last > 0.01 {
			t.Errorf("%v starts at %.3f and ends at %.3f, want silence (no click)", k, first, last)
		}
		for other, o := range seen {
			if slices.Equal(s, o) {
				t.Errorf("%v sounds the same as %v", k, other)
			}
		}
		seen[k] = s
	}
	if s := tone(0); s != nil {
		t.Errorf("no sound has %d samples, want none", len(s))
	}
}

// TestTonePitch checks that the sounds are told apart by pitch as
// described: checked in rises, late is lower than already in, and not
// found is the lowest.
func TestTonePitch(t *testing.T) {
	pitch := func(k ui.SoundKind, at int) float64 { return soundNotes[k][at].freq }
	in := soundNotes[ui.SoundCheckedIn]
	if len(in) != 2 || in[1].freq <= in[0].freq {
		t.Errorf("checked in is %v, want two rising notes", in)
	}
	if len(soundNotes[ui.SoundAlreadyIn]) != 1 || len(soundNotes[ui.SoundLate]) != 1 {
		t.Error("already in and late should be single notes")
	}
	if !(pitch(ui.SoundNotFound, 0) < pitch(ui.SoundLate, 0) && pitch(ui.SoundLate, 0) < pitch(ui.SoundAlreadyIn, 0)) {
		t.Error("want not found < late < already in in pitch")
	}
	// The samples carry the pitch: count the zero crossings of late (G4).
	s := tone(ui.SoundLate)
	var crossings int
	for i := 1; i < len(s); i++ {
		if (s[i-1] < 0) != (s[i] < 0) {
			crossings++
		}
	}
	got := float64(crossings) / 2 / (float64(len(s)) / sampleRate)
	if math.Abs(got-392) > 10 {
		t.Errorf("late sounds at %.0f Hz, want 392", got)
	}
}
