//go:build android || darwin || js || windows

package main

// quietAudioErrors does nothing where the audio library does not write to
// stderr by itself.
func quietAudioErrors() {}
