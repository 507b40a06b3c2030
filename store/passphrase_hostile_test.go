package store

import (
	"testing"
)

// A passphrase with accents opens the file however the keyboard composed
// them: "ä" typed as one character (NFC, Windows, most phones) or as "a"
// and a combining diaeresis (NFD, some macOS and Linux input methods).
// Without normalising, the same passphrase typed on another computer was
// "wrong" and the data out of reach.
func TestHostilePassphraseAccentsComposedEitherWay(t *testing.T) {
	composed := "p\u00e4ssw\u00f6rd \u00f1 日本語"      // NFC
	decomposed := "pa\u0308sswo\u0308rd n\u0303 日本語" // NFD
	for _, c := range []struct{ set, open string }{{composed, decomposed}, {decomposed, composed}} {
		path, _ := personalFile(t)
		if _, err := SetPassphrase(path, Secret{}, c.set, Options{}); err != nil {
			t.Fatal(err)
		}
		forgetFileKey(t, path)
		s, err := Open(path, Options{Secret: Secret{Passphrase: c.open}, NoAutoBackup: true})
		if err != nil {
			t.Fatalf("set as %+q, opened as %+q: %v", c.set, c.open, err)
		}
		s.Close()
	}
}
