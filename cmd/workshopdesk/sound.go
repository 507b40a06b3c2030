package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"log"
	"math"
	"sync"
	"time"

	"github.com/ebitengine/oto/v3"

	"github.com/workshopdesk/workshopdesk/ui"
)

// audioTimeout is how long the audio device may take to open before the
// app gives up on sound.
const audioTimeout = 5 * time.Second

// otoSound plays the check-in sounds through oto (ALSA on Linux, Core
// Audio, WASAPI). Nothing happens until the first sound: then the audio
// device is opened in the background. Play never blocks: a sound asked for
// while the device is opening or busy with a burst of others is dropped.
// Without an audio device (a server, Xvfb, CI), the first failure is logged
// once and the app stays silent.
type otoSound struct {
	start sync.Once
	queue chan ui.SoundKind
}

// newOtoSound returns a player whose device is opened at the first sound.
func newOtoSound() *otoSound {
	return &otoSound{queue: make(chan ui.SoundKind, 4)}
}

// Play asks for sound k and returns at once.
func (s *otoSound) Play(k ui.SoundKind) {
	s.start.Do(func() { go s.run() })
	select {
	case s.queue <- k:
	default: // busy: a missed beep is better than a stalled desk
	}
}

// run opens the audio device and plays the sounds asked for, each one
// cutting the one before short. It returns, leaving the app silent, when
// there is no audio to be had.
func (s *otoSound) run() {
	defer func() {
		if r := recover(); r != nil {
			log.Printf("workshopdesk: no check-in sounds: audio failed: %v", r)
		}
	}()
	quietAudioErrors()
	ctx, err := openAudio()
	if err != nil {
		log.Printf("workshopdesk: no check-in sounds: %v", err)
		return
	}
	pcm := map[ui.SoundKind][]byte{}
	for _, k := range ui.SoundKinds {
		pcm[k] = encodeFloat32LE(tone(k))
	}
	var playing *oto.Player
	for k := range s.queue {
		if playing != nil {
			playing.Pause()
			if err := playing.Close(); err != nil {
				log.Printf("workshopdesk: check-in sound: %v", err)
			}
		}
		playing = ctx.NewPlayer(bytes.NewReader(pcm[k]))
		playing.Play()
	}
}

// openAudio opens the audio device, waiting at most audioTimeout.
func openAudio() (*oto.Context, error) {
	ctx, ready, err := oto.NewContext(&oto.NewContextOptions{
		SampleRate:   sampleRate,
		ChannelCount: 1,
		Format:       oto.FormatFloat32LE,
		BufferSize:   50 * time.Millisecond, // the sound follows the banner closely
	})
	if err != nil {
		return nil, fmt.Errorf("open audio: %w", err)
	}
	select {
	case <-ready:
	case <-time.After(audioTimeout):
		return nil, fmt.Errorf("open audio: no answer from the device in %v", audioTimeout)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("open audio: %w", err)
	}
	return ctx, nil
}

// encodeFloat32LE lays samples out as oto's FormatFloat32LE expects.
func encodeFloat32LE(samples []float32) []byte {
	b := make([]byte, 4*len(samples))
	for i, x := range samples {
		binary.LittleEndian.PutUint32(b[4*i:], math.Float32bits(x))
	}
	return b
}
