package store

import (
	"fmt"
	"net/url"
	"strings"
)

// A workshop may have a verification address (CertificateTemplate's
// VerifyURL): the organiser's copy of the page `workshopctl verify-page`
// writes. Its certificates' QR codes then hold
//
//	<address>#WD1:<signed text>
//
// so that any phone camera opens the page, which checks the signature in
// the browser; the signed text is after "#", the fragment, which browsers
// never send to the server. Verify and VerifyQR accept that form too.

// MaxVerifyURLLen is the longest verification address: the QR code holds
// it beside the signed text.
const MaxVerifyURLLen = 120

// CheckVerifyURL reports whether s can be a verification address: an
// https:// address (http:// only for this computer) with a host, without a
// fragment or characters an address does not hold as they are (double quotes,
// angle brackets, spaces…), at most MaxVerifyURLLen bytes. Empty is fine (no address).
func CheckVerifyURL(s string) error {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	switch {
	case len(s) > MaxVerifyURLLen:
		return fmt.Errorf("keep the address within %d characters", MaxVerifyURLLen)
	case err != nil || u.Host == "" || strings.ContainsAny(s, " \t\n\"<>\\^`{|}"):
		return fmt.Errorf("%q is not a web address such as https://example.org/verify.html", s)
	case u.Scheme != "https" && !(u.Scheme == "http" && (u.Hostname() == "localhost" || u.Hostname() == "127.0.0.1")):
		return fmt.Errorf("%q: use an https:// address", s)
	case strings.Contains(s, "#"):
		return fmt.Errorf("%q: the address cannot hold a \"#\"; the certificate's code goes there", s)
	}
	return nil
}

// QRWithURL is the QR text of a certificate with a verification address:
// the address, "#", and the signed text with the characters a URL
// fragment cannot hold (space, "|", "%", and the like) percent-encoded.
// Letters of any script stay as they are (UTF-8), which keeps the code
// small; browsers and VerifyQR read both forms.
func QRWithURL(address, qr string) string {
	if address == "" {
		return qr
	}
	var b strings.Builder
	b.WriteString(address)
	b.WriteByte('#')
	for i := range len(qr) {
		c := qr[i]
		if c < 0x80 && !fragmentSafe(c) {
			fmt.Fprintf(&b, "%%%02X", c)
		} else {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// fragmentSafe reports whether ASCII byte c may stand as is in a URL
// fragment (RFC 3986: unreserved, sub-delims, ":", "@", "/", "?").
func fragmentSafe(c byte) bool {
	switch {
	case c >= 'a' && c <= 'z', c >= 'A' && c <= 'Z', c >= '0' && c <= '9':
		return true
	}
	return strings.IndexByte("-._~!$&'()*+,;=:@/?", c) >= 0
}

// qrPayload returns the signed text of a scanned QR text: itself, or, for
// a verification address, the fragment after "#WD", percent-decoded.
func qrPayload(text string) string {
	i := strings.Index(text, "#WD")
	if i < 0 || !strings.Contains(text[:i], "://") {
		return text
	}
	frag := text[i+1:]
	if s, err := url.PathUnescape(frag); err == nil {
		return s
	}
	return frag
}
