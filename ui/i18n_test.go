package ui

import (
	"os"
	"testing"
)

// TestMain runs the tests in English whatever the system's language: they
// look for the English texts.
func TestMain(m *testing.M) {
	setLanguage("en")
	os.Exit(m.Run())
}
