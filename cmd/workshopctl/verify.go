package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/workshopdesk/workshopdesk/store"
)

// verifyCommand checks a certificate.
var verifyCommand = &command{
	name:       "verify",
	synopsis:   "[--key FILE] CODE_OR_QR_TEXT",
	summary:    "check that a certificate is genuine",
	positional: 1,
	details: `Checks a certificate against the data file: the text of its QR code
(beginning "WD1:", quoted as one argument), checked with the file's signing
key, or the short code printed under it, with or without dashes, in any case,
optionally with the certificate number before it ("DEMO-001 HJKM-CEFG-3479"),
looked up in the register.

Prints "genuine" and the facts signed (number, name, workshop, dates,
attendance, issue day). Prints "NOT GENUINE: reason" and exits with status 1
when a field was altered or the code matches no certificate; "NOT A
CERTIFICATE CODE: reason" and status 1 when the text is not a certificate
code at all; "voided on DATE: reason" and status 1 when the certificate has
been voided. A QR text signed with the file's key is also held against the
register: "NOT IN THE REGISTER: ..." and status 1 when this file never
issued its number, "DIFFERS FROM THE REGISTER: ..." and status 1 when the
register gives the number another name or other dates (every backup holds
the signing key, so a signature alone does not prove it was issued).

With --key, checks a QR text with a public key alone (from "workshopctl
public-key" or the app's Export public key…), without any data file: for a
secretariat or an employer away from the laptop that issued it. That proves
only that the key signed it: only the issuing data file knows whether it
issued the number and whether it was voided since, and short codes need its
register; with --json, "valid" is false and "register_checked" false for
that reason.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var key string
		fs.StringVar(&key, "key", "", "check with the public key in `FILE` instead of the data file")
		return func(args []string) error { return c.verify(args[0], key) }
	},
}

// publicKeyCommand prints or writes the certificate public key.
var publicKeyCommand = &command{
	name:     "public-key",
	synopsis: "[--out FILE]",
	summary:  "print the public key that checks this data file's certificates",
	details: `Prints the certificate public key of the data file (its fingerprint, then
a PEM "PUBLIC KEY" block), or writes it to FILE. Give it to whoever checks
certificates away from this laptop: "workshopctl verify --key FILE QR_TEXT".
With --json, prints {"fingerprint": ..., "pem": ...}, and "path" with --out.`,
	define: func(c *cli, fs *flag.FlagSet) func([]string) error {
		var out string
		fs.StringVar(&out, "out", "", "write the key to `FILE` (replaced if it exists)")
		return func([]string) error { return c.publicKey(out) }
	},
}

// publicKey prints the public key, or writes it to out.
func (c *cli) publicKey(out string) (err error) {
	if out != "" {
		if err := c.notDataFile(out, "--out"); err != nil {
			return err
		}
	}
	st, err := c.open(false)
	if err != nil {
		return err
	}
	defer closeStore(st, &err)
	text, err := st.ExportPublicKey()
	if err != nil {
		return fmt.Errorf("read the public key of %s: %w", st.Path(), err)
	}
	if out != "" {
		if err := store.WriteFileAtomic(out, func(w io.Writer) error { _, err := io.WriteString(w, text); return err }); err != nil {
			return fmt.Errorf("write the public key: %w", err)
		}
	}
	switch {
	case c.json:
		pub, err := st.PublicKey()
		if err != nil {
			return fmt.Errorf("read the public key of %s: %w", st.Path(), err)
		}
		pemText := text[strings.Index(text, "-----BEGIN"):]
		return c.printJSON(struct {
			Fingerprint string `json:"fingerprint"`
			PEM         string `json:"pem"`
			Path        string `json:"path,omitempty"` // the file written, with --out
		}{store.KeyFingerprint(pub), pemText, out})
	case out == "":
		c.printf("%s", text)
	default:
		c.printf("wrote the public key to %s\n", out)
	}
	return nil
}

// notValid is the failure of a check that found the certificate not
// genuine, or voided; the result has been printed on standard output.
type notValid struct{ msg string }

func (e *notValid) Error() string { return e.msg }

// verify checks a QR text or short code and prints the result: against
// the data file, or with the public key in keyFile when one is given.
func (c *cli) verify(input, keyFile string) (err error) {
	var r store.VerifyResult
	var verr error
	if keyFile != "" {
		data, err := os.ReadFile(keyFile)
		if err != nil {
			return fmt.Errorf("read the public key: %w", err)
		}
		pub, err := store.ParsePublicKey(string(data))
		if err != nil {
			return fmt.Errorf("%s: %w", keyFile, err)
		}
		r, verr = store.VerifyWithKey(input, pub)
	} else {
		var st *store.Store
		if st, err = c.open(false); err != nil {
			return err
		}
		defer closeStore(st, &err)
		r, verr = st.Verify(input)
	}
	if verr != nil && !errors.Is(verr, store.ErrNotGenuine) && !errors.Is(verr, store.ErrNotCertificateCode) {
		return verr
	}
	type verifyJSON struct {
		Genuine    bool   `json:"genuine"`
		Valid      bool   `json:"valid"`
		Voided     bool   `json:"voided"`
		VoidedAt   string `json:"voided_at,omitempty"`
		VoidReason string `json:"void_reason,omitempty"`
		Reason     string `json:"reason,omitempty"`
		FromQR     bool   `json:"from_qr"`
		InRegister bool   `json:"in_register"`
		// Differs names the signed facts the register states otherwise.
		Differs []string `json:"differs,omitempty"`
		// RegisterChecked is false with --key: whether the certificate
		// was voided is unknown, so it is not called valid.
		RegisterChecked bool   `json:"register_checked"`
		Number          string `json:"number,omitempty"`
		Name            string `json:"name,omitempty"`
		NativeName      string `json:"native_name,omitempty"`
		Workshop        string `json:"workshop,omitempty"`
		Start           string `json:"start,omitempty"`
		End             string `json:"end,omitempty"`
		Attended        string `json:"attended,omitempty"`
		Issued          string `json:"issued,omitempty"`
		Reprints        int    `json:"reprints"`
		Status          string `json:"status"`
	}
	if verr != nil {
		// A text that is no code at all is told apart from a code that
		// matches no certificate: the first is most often a typing slip.
		verdict, reason, msg := "NOT GENUINE", verr.Error(), "the certificate is not genuine"
		if errors.Is(verr, store.ErrNotGenuine) {
			reason = strings.TrimPrefix(reason, store.ErrNotGenuine.Error()+": ")
		} else {
			verdict, msg = "NOT A CERTIFICATE CODE", "the text given is not a certificate code that can be checked here"
			reason = strings.TrimPrefix(reason, store.ErrNotCertificateCode.Error()+": ")
		}
		if c.json {
			if err := c.printJSON(verifyJSON{Reason: reason, Status: verdict + ": " + reason}); err != nil {
				return err
			}
		} else {
			c.printf("%s: %s\n", verdict, reason)
		}
		return &notValid{msg}
	}
	f := r.Fields
	if c.json {
		j := verifyJSON{Genuine: r.Genuine, Valid: r.Valid() && keyFile == "", RegisterChecked: keyFile == "",
			Voided: r.Voided, VoidReason: r.VoidReason, FromQR: r.FromQR,
			InRegister: r.Certificate != nil, Differs: r.Differs, Number: f.Number, Name: f.Name, NativeName: f.NativeName, Workshop: f.Workshop,
			Start: f.Start.String(), End: f.End.String(), Attended: f.Attended, Issued: f.Issued.String(), Status: r.Status}
		if r.Voided {
			j.VoidedAt = r.VoidedAt.Format("2006-01-02")
		}
		if r.Certificate != nil {
			j.Reprints = r.Certificate.Reprints
		}
		if err := c.printJSON(j); err != nil {
			return err
		}
	} else {
		switch {
		case r.Voided:
			c.printf("voided on %s: %s\n", r.VoidedAt.Format("2006-01-02"), r.VoidReason)
		case keyFile != "":
			c.printf("genuine: signed with the key in %s (only the issuing data file knows whether it issued this number and whether it was voided since)\n", keyFile)
		case r.Problem() != "":
			c.printf("%s\n", r.Problem())
		default:
			c.printf("genuine\n")
		}
		t := newTable()
		name := f.Name
		if f.NativeName != "" {
			name = strings.TrimSpace(name + " (" + f.NativeName + ")")
		}
		t.add("number", f.Number)
		t.add("name", name)
		t.add("workshop", f.Workshop)
		t.add("dates", dateRange(f.Start, f.End))
		if f.Attended != "" {
			t.add("attended", f.Attended)
		}
		t.add("issued", f.Issued.String())
		if r.Certificate != nil && r.Certificate.Reprints > 0 {
			t.add("reprints", fmt.Sprint(r.Certificate.Reprints))
		}
		if err := t.write(c.stdout); err != nil {
			return err
		}
	}
	switch {
	case r.Voided:
		return &notValid{fmt.Sprintf("certificate %s was voided on %s", f.Number, r.VoidedAt.Format("2006-01-02"))}
	case r.NotInRegister:
		return &notValid{fmt.Sprintf("certificate %s is not in the register of this data file", f.Number)}
	case len(r.Differs) > 0:
		return &notValid{fmt.Sprintf("certificate %s differs from the register (%s)", f.Number, strings.Join(r.Differs, ", "))}
	}
	return nil
}
