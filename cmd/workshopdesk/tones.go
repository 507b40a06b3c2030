package main

import (
	"math"

	"github.com/workshopdesk/workshopdesk/ui"
)

// sampleRate is the rate of the generated tones, in samples per second.
const sampleRate = 44100

// note is one note of a check-in sound.
type note struct {
	freq   float64 // Hz
	length float64 // seconds
	volume float64 // peak amplitude, 0–1
	buzz   bool    // a harsh square-like wave instead of a pure sine
}

// soundNotes are the notes of each check-in sound: short, so as not to
// hold up the queue, and told apart by pitch and shape.
var soundNotes = map[ui.SoundKind][]note{
	// A rising two-note chime (E5, A5).
	ui.SoundCheckedIn: {{freq: 659.25, length: 0.11, volume: 0.45}, {freq: 880, length: 0.18, volume: 0.45}},
	// A single soft note (G5).
	ui.SoundAlreadyIn: {{freq: 783.99, length: 0.16, volume: 0.25}},
	// A lower, longer note (G4).
	ui.SoundLate: {{freq: 392, length: 0.28, volume: 0.4}},
	// A low buzz.
	ui.SoundNotFound: {{freq: 150, length: 0.35, volume: 0.3, buzz: true}},
}

// tone returns the mono samples, in [-1, 1], of the sound k at
// sampleRate; nil for a kind without a sound.
func tone(k ui.SoundKind) []float32 {
	var out []float32
	for _, n := range soundNotes[k] {
		out = append(out, n.samples()...)
	}
	return out
}

// samples renders the note with a 5 ms attack and a release over its last
// 40 %, so that it starts and stops without a click.
func (n note) samples() []float32 {
	count := int(n.length * sampleRate)
	attack := sampleRate / 200 // 5 ms
	release := int(0.4 * float64(count))
	s := make([]float32, count)
	for i := range s {
		env := 1.0
		if i < attack {
			env = float64(i) / float64(attack)
		}
		if left := count - 1 - i; left < release {
			env *= float64(left) / float64(release)
		}
		phase := 2 * math.Pi * n.freq * float64(i) / sampleRate
		w := math.Sin(phase)
		if n.buzz {
			// Odd harmonics: a soft-edged square wave, rough to the ear.
			w = (math.Sin(phase) + math.Sin(3*phase)/3 + math.Sin(5*phase)/5 + math.Sin(7*phase)/7) / 1.2
		}
		s[i] = float32(n.volume * env * w)
	}
	return s
}
