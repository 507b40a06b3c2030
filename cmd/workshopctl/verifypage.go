package main

import (
	"crypto/ed25519"
	"flag"
	"fmt"
	"io"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/web"
)

// verifyPageCommand writes the verification page of a workshop.
var verifyPageCommand = &command{
	name:     "verify-page",
	synopsis: "--workshop W --out FILE.html [--url ADDRESS]",
	summary:  "write the page that checks certificates on any phone",
	details: `Writes one self-contained HTML file (its script, styles and the data file's
public key inside; it loads nothing from anywhere) that checks a certificate's
signature in the browser, in English, French or Spanish. Put it on any static
web host, or open it from a USB stick.

--url sets the workshop's verification address: the address where the page
will be (https://..., for instance https://example.org/verify.html; the same
as the Verification address of the app's certificate design). Certificates
printed from then on carry a QR code holding that address followed by
"#WD1:..." (the signed text, after "#", never reaches the server): any phone
camera opens the page, which says genuine or not genuine and shows the signed
name, workshop, dates and attendance. Without --url the address stays as it
is (none: the QR codes hold the bare "WD1:..." text, for the app and
"workshopctl verify"). The short code printed under the QR code keeps working
with the app.`,
	required: []string{"workshop", "out"},
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var workshop, out, address string
		workshopFlag(fs, &workshop)
		fs.StringVar(&out, "out", "", "write the page to this `FILE` (replaced if it exists)")
		fs.StringVar(&address, "url", "", "set the workshop's verification `ADDRESS`, where the page will be put")
		return func([]string) error { return c.verifyPage(workshop, out, address, isSet(fs, "url")) }
	},
}

// isSet reports whether the flag was given.
func isSet(fs *flag.FlagSet, name string) (set bool) {
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// verifyPage sets the address if asked and writes the page.
func (c *cli) verifyPage(ref, out, address string, setAddress bool) (err error) {
	if err := c.notDataFile(out, "--out"); err != nil {
		return err
	}
	if err := store.CheckWriteTarget(out); err != nil {
		return err
	}
	if setAddress {
		if err := store.CheckVerifyURL(address); err != nil {
			return fmt.Errorf("--url: %w", err)
		}
	}
	st, w, err := c.openWorkshop(ref)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	if setAddress && w.Certificate.VerifyURL != address {
		w.Certificate.VerifyURL = address
		if err := st.SaveWorkshop(&w); err != nil {
			return fmt.Errorf("set the verification address of %s: %w", w.Code, err)
		}
	}
	pub, err := st.PublicKey()
	if err != nil {
		return err
	}
	page := web.VerifyPage{Workshop: w.Title, Organiser: w.Organiser, Keys: []ed25519.PublicKey{pub}}
	if err := store.WriteFileAtomic(out, func(f io.Writer) error { return web.WriteVerifyPage(f, page) }); err != nil {
		return fmt.Errorf("write the verification page: %w", err)
	}
	if c.json {
		return c.printJSON(struct {
			Workshop    string `json:"workshop"`
			Path        string `json:"path"`
			Address     string `json:"verify_url"`
			Fingerprint string `json:"fingerprint"`
		}{w.Code, out, w.Certificate.VerifyURL, store.KeyFingerprint(pub)})
	}
	c.printf("wrote %s (key %s)\n", out, store.KeyFingerprint(pub))
	if w.Certificate.VerifyURL == "" {
		c.printf("%s has no verification address: its QR codes hold the bare code; give --url to put this page's address in them\n", w.Code)
	} else {
		c.printf("certificates of %s printed from now on open %s; put this file there\n", w.Code, w.Certificate.VerifyURL)
	}
	return nil
}
