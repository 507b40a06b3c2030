//go:build !android && !darwin && !js && !windows

package main

// #cgo pkg-config: alsa
// #include <alsa/asoundlib.h>
//
// static void quietHandler(const char *file, int line, const char *function, int err, const char *fmt, ...) {}
// static void quietALSA(void) { snd_lib_error_set_handler(quietHandler); }
import "C"

// quietAudioErrors stops ALSA writing its own lines to stderr when no
// sound card is found: the one line that openAudio's error logs says it
// (the same build tags as oto's ALSA driver).
func quietAudioErrors() { C.quietALSA() }
