package web

import (
	"crypto/ed25519"
	_ "embed"
	"encoding/base64"
	"fmt"
	"html/template"
	"io"

	"github.com/workshopdesk/workshopdesk/store"
)

//go:embed verify.html
var verifyHTML string

var verifyTemplate = template.Must(template.New("verify").Parse(verifyHTML))

// VerifyPage is what the verification page shows and checks with.
type VerifyPage struct {
	Workshop  string              // the workshop's title, for the heading
	Organiser string              // who issues the certificates
	Keys      []ed25519.PublicKey // the public keys whose signatures are genuine
}

// pageKey is a public key as the page holds it.
type pageKey struct {
	Key         string // 32 bytes, base64url without padding
	Fingerprint string // store.KeyFingerprint
}

// WriteVerifyPage writes the verification page: one HTML file with its
// styles, script and the public keys inside, that loads nothing. Opened
// from a certificate's QR code (".../verify.html#WD1:..."), or with a code
// pasted into it, it checks the Ed25519 signature in the browser with
// WebCrypto and shows the signed fields, in English, French or Spanish
// (the browser's language, or as chosen).
func WriteVerifyPage(w io.Writer, p VerifyPage) error {
	if len(p.Keys) == 0 {
		return fmt.Errorf("verification page: no public key")
	}
	keys := make([]pageKey, len(p.Keys))
	for i, k := range p.Keys {
		if len(k) != ed25519.PublicKeySize {
			return fmt.Errorf("verification page: key %d has %d bytes, not %d", i+1, len(k), ed25519.PublicKeySize)
		}
		keys[i] = pageKey{base64.RawURLEncoding.EncodeToString(k), store.KeyFingerprint(k)}
	}
	data := struct {
		VerifyPage
		PageKeys []pageKey
		Strings  map[string]map[string]string
	}{p, keys, verifyStrings}
	if err := verifyTemplate.Execute(w, data); err != nil {
		return fmt.Errorf("verification page: %w", err)
	}
	return nil
}
