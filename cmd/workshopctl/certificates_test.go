package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// withDemo opens the data file at path, runs f with the sample workshop
// and closes the file again.
func withDemo(t *testing.T, path string, f func(st *store.Store, w store.Workshop)) {
	t.Helper()
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := st.FindWorkshop("demo")
	if err != nil {
		t.Fatal(err)
	}
	f(st, w)
}

// eligibleNow returns the rows of the sample workshop eligible now.
func eligibleNow(t *testing.T, path string) (rows []store.EligibilityRow, eligible int) {
	t.Helper()
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		var err error
		if rows, err = st.WorkshopEligibility(w.ID, time.Now()); err != nil {
			t.Fatal(err)
		}
	})
	for _, r := range rows {
		if r.Eligible {
			eligible++
		}
	}
	if eligible == 0 {
		t.Fatal("nobody of the sample workshop is eligible")
	}
	return rows, eligible
}

func TestEligibility(t *testing.T) {
	path := demoFile(t)
	rows, n := eligibleNow(t, path)
	out := mustRun(t, "--data", path, "eligibility", "--workshop", "demo")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 42 || !strings.HasPrefix(lines[0], "NAME") {
		t.Fatalf("want a heading, 40 rows and the counts:\n%s", out)
	}
	if !strings.HasPrefix(lines[1], "Abebe Bekele  አበበ በቀለ") || !strings.Contains(lines[1], "appreciation  eligible") ||
		!strings.Contains(lines[1], rows[0].Reason) {
		t.Errorf("first row: %q", lines[1])
	}
	// Mid-workshop, those with sessions to come are on track or at risk,
	// not "not eligible".
	counts := map[store.Standing]int{}
	for i, r := range rows {
		counts[r.Standing()]++
		if s := r.Standing(); s == store.StandingOnTrack && !strings.Contains(lines[i+1], "  on track  ") {
			t.Errorf("row %d is on track (%s) but shows %q", i+1, r.Reason, lines[i+1])
		}
	}
	if counts[store.StandingOnTrack] == 0 {
		t.Errorf("nobody of the sample workshop is on track mid-workshop: %v", counts)
	}
	want := store.CountStandings(rows).String() + "; rule: at least 80% of sessions"
	if c := store.CountStandings(rows); c.Eligible != n || c.OnTrack != counts[store.StandingOnTrack] || c.NotEligible != counts[store.StandingNotEligible] {
		t.Errorf("the counts %s disagree with the rows %v", c, counts)
	}
	if !strings.HasPrefix(lines[41], want) {
		t.Errorf("last line %q, want %q…", lines[41], want)
	}
	list := decode[[]eligibilityJSON](t, mustRun(t, "--data", path, "eligibility", "--workshop", "demo", "--json"))
	if len(list) != 40 || list[0].Name != "Abebe Bekele" || list[0].Kind != "appreciation" || !list[0].Eligible ||
		list[0].Standing != "eligible" || list[0].Reason == "" {
		t.Errorf("JSON: %d rows, first %+v", len(list), list[0])
	}
}

func TestCertificates(t *testing.T) {
	path := demoFile(t)
	_, n := eligibleNow(t, path)
	dir := t.TempDir()
	out, split := filepath.Join(dir, "all.pdf"), filepath.Join(dir, "single")
	got := mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", out, "--split", split, "--sort", "country")
	// The sample workshop is under way: a note says that more may come.
	want := fmt.Sprintf("issued %s (%s, 0 reprints) to %s and %s in %s\n", plural(n, "certificate"), plural(n, "new number"), out, plural(n, "file"), split) +
		"note: demo runs until " + loadDemo(t, path).Workshop.EndDate.String() + "; those still on track or at risk are not eligible yet (\"workshopctl eligibility\" lists them; --provisional prints for them too)\n"
	if got != want {
		t.Errorf("printed %q, want %q", got, want)
	}
	if pages := pdfPages(t, out); pages != n {
		t.Errorf("%d pages, want %d", pages, n)
	}
	entries, err := os.ReadDir(split)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != n {
		t.Errorf("%d files in %s, want %d", len(entries), split, n)
	}
	for _, e := range entries {
		name := e.Name()
		if !strings.HasPrefix(name, "DEMO-0") || !strings.HasSuffix(name, ".pdf") || strings.ContainsAny(name, `<>:"/\|?*`) {
			t.Errorf("unsafe or unexpected file name %q", name)
		}
		if pages := pdfPages(t, filepath.Join(split, name)); pages != 1 {
			t.Errorf("%s has %d pages", name, pages)
		}
	}
	wantOnly(t, dir, "all.pdf", "single")
	text := pdfText(t, out)
	if !strings.Contains(text, "Abebe Bekele") || !strings.Contains(text, "DEMO-001") {
		t.Errorf("the PDF lacks a name or number:\n%s", text)
	}

	// Again: the same numbers, as reprints.
	got = mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", out)
	if want := fmt.Sprintf("issued %s (0 new numbers, %s) to %s\n", plural(n, "certificate"), plural(n, "reprint"), out); !strings.HasPrefix(got, want) {
		t.Errorf("reprint printed %q, want %q", got, want)
	}

	// Only one, named by number; then by badge code, in JSON.
	got = mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", out, "--only", "demo-001")
	if got != "issued 1 certificate (0 new numbers, 1 reprint) to "+out+"\n" || pdfPages(t, out) != 1 {
		t.Errorf("--only DEMO-001: %q", got)
	}
	d := loadDemo(t, path)
	res := decode[struct {
		Issued       int               `json:"issued"`
		Certificates []certificateJSON `json:"certificates"`
	}](t, mustRun(t, "--data", path, "--json", "certificates", "--workshop", "demo", "--out", out, "--only", d.Participants[0].BadgeCode))
	if res.Issued != 1 || !strings.HasPrefix(res.Certificates[0].Number, "DEMO-0") || res.Certificates[0].New || res.Certificates[0].Code == "" {
		t.Errorf("--only BADGE --json: %+v", res)
	}

	// Someone not eligible, or unknown: nothing issued.
	rows, _ := eligibleNow(t, path)
	for i, r := range rows {
		if !r.Eligible {
			msg := wantFailure(t, runCLI(t, "--data", path, "certificates", "--workshop", "demo", "--out", out, "--only", d.Participants[i].BadgeCode))
			if !strings.Contains(msg, "not eligible: "+d.Participants[i].FullName()) {
				t.Errorf("--only someone not eligible: %s", msg)
			}
			break
		}
	}
	if msg := wantFailure(t, runCLI(t, "--data", path, "certificates", "--workshop", "demo", "--out", out, "--only", "NOPE-999")); !strings.Contains(msg, "NOPE-999") {
		t.Errorf("--only unknown: %s", msg)
	}

	// Wrong calls.
	for _, args := range [][]string{
		{"certificates", "--workshop", "demo"},
		{"certificates", "--workshop", "demo", "--out", out, "--sort", "age"},
	} {
		if r := runCLI(t, append([]string{"--data", path}, args...)...); r.code != exitUsage {
			t.Errorf("%v: want exit 2, got\n%s", args, r)
		}
	}
}

func TestCertificatesGlyphCheck(t *testing.T) {
	path := demoFile(t)
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		p := store.Participant{WorkshopID: w.ID, GivenNames: "Jignesh", FamilyNames: "Patel", NativeName: "જિગ્નેશ પટેલ",
			Country: "IN", Role: store.RoleSpeaker}
		if err := st.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
	})
	_, n := eligibleNow(t, path)
	out := filepath.Join(t.TempDir(), "all.pdf")
	r := runCLI(t, "--data", path, "certificates", "--workshop", "demo", "--out", out)
	msg := wantFailure(t, r)
	if !strings.Contains(msg, "--allow-missing-glyphs") {
		t.Errorf("message: %s", msg)
	}
	for _, want := range []string{"Jignesh Patel, native name “જિગ્નેશ પટેલ”: ", "જ U+0A9C", "પ U+0AAA"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("the list lacks %q:\n%s", want, r.stdout)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a PDF was written")
	}
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		if reg, _ := st.Certificates(w.ID); len(reg) != 0 {
			t.Errorf("%d certificates issued", len(reg))
		}
	})

	got := mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", out, "--allow-missing-glyphs")
	if !strings.Contains(got, "જ U+0A9C") || !strings.Contains(got, fmt.Sprintf("\nissued %s (%s, 0 reprints) to %s\n", plural(n, "certificate"), plural(n, "new number"), out)) {
		t.Errorf("with --allow-missing-glyphs: %q", got)
	}
	if pages := pdfPages(t, out); pages != n {
		t.Errorf("%d pages, want %d", pages, n)
	}
}

func TestVerify(t *testing.T) {
	path := demoFile(t)
	mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--out", filepath.Join(t.TempDir(), "c.pdf"))
	var qr, code string
	var cert store.CertificateIssue
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		var err error
		if cert, err = st.CertificateByNumber("DEMO-001"); err != nil {
			t.Fatal(err)
		}
		p, _ := st.Participant(cert.ParticipantID)
		if qr, code, err = st.Sign(cert, store.NewCertificateFields(&w, &p, &cert, "speaker")); err != nil {
			t.Fatal(err)
		}
	})

	got := mustRun(t, "--data", path, "verify", qr)
	for _, want := range []string{"genuine\n", "number    DEMO-001\n", "name      Abebe Bekele (አበበ በቀለ)\n", "attended  speaker\n",
		"workshop  Migration and sustainable rural development\n"} {
		if !strings.Contains(got, want) {
			t.Errorf("verify QR lacks %q:\n%s", want, got)
		}
	}
	if !strings.HasPrefix(got, "genuine\n") {
		t.Errorf("verify QR: %q", got)
	}
	got = mustRun(t, "--data", path, "verify", strings.ToLower(code))
	if !strings.HasPrefix(got, "genuine\n") || !strings.Contains(got, "Abebe Bekele") {
		t.Errorf("verify code: %q", got)
	}
	j := decode[map[string]any](t, mustRun(t, "--data", path, "verify", "--json", qr))
	if j["genuine"] != true || j["valid"] != true || j["number"] != "DEMO-001" {
		t.Errorf("JSON: %v", j)
	}

	for name, tc := range map[string]struct{ input, verdict string }{
		"altered":  {strings.Replace(qr, "Abebe", "Abeba", 1), "NOT GENUINE: "},
		"code":     {"DEMO-001 AAAA-AAAA-AAAA", "NOT GENUINE: "},
		"garbage":  {"this is not a certificate", "NOT A CERTIFICATE CODE: "},
		"cut QR":   {"WD1:garbage", "NOT A CERTIFICATE CODE: "},
		"one word": {"hello", "NOT A CERTIFICATE CODE: "},
	} {
		r := runCLI(t, "--data", path, "verify", tc.input)
		wantFailure(t, r)
		if !strings.HasPrefix(r.stdout, tc.verdict) || strings.Contains(r.stdout, "certificate code: ") {
			t.Errorf("%s: stdout %q, want it to begin %q", name, r.stdout, tc.verdict)
		}
	}

	// Away from the data file, with the public key alone.
	key := filepath.Join(t.TempDir(), "key.pem")
	if out := mustRun(t, "--data", path, "public-key", "--out", key); out != "wrote the public key to "+key+"\n" {
		t.Errorf("public-key --out printed %q", out)
	}
	if printed := mustRun(t, "--data", path, "public-key"); !strings.HasPrefix(printed, "Workshop Desk certificate key ") ||
		!strings.Contains(printed, "-----BEGIN PUBLIC KEY-----") {
		t.Errorf("public-key printed %q", printed)
	}
	elsewhere := filepath.Join(t.TempDir(), "none.db") // no data file is opened, nor made
	got = mustRun(t, "--data", elsewhere, "verify", "--key", key, qr)
	if !strings.HasPrefix(got, "genuine: signed with the key in "+key) || !strings.Contains(got, "number    DEMO-001\n") {
		t.Errorf("verify --key: %q", got)
	}
	if _, err := os.Stat(elsewhere); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("verify --key made a data file (%v)", err)
	}
	j = decode[map[string]any](t, mustRun(t, "--data", elsewhere, "--json", "verify", "--key", key, qr))
	if j["genuine"] != true || j["valid"] != false || j["register_checked"] != false || j["number"] != "DEMO-001" {
		t.Errorf("verify --key --json (voiding unknown, so not valid): %v", j)
	}
	for name, tc := range map[string]struct{ input, verdict string }{
		"altered":    {strings.Replace(qr, "Abebe", "Abeba", 1), "NOT GENUINE: "},
		"short code": {code, "NOT A CERTIFICATE CODE: a short code can be checked only against the data file"},
	} {
		r := runCLI(t, "--data", elsewhere, "verify", "--key", key, tc.input)
		wantFailure(t, r)
		if !strings.HasPrefix(r.stdout, tc.verdict) {
			t.Errorf("verify --key, %s: stdout %q, want it to begin %q", name, r.stdout, tc.verdict)
		}
	}
	if msg := wantFailure(t, runCLI(t, "verify", "--key", path, qr)); !strings.Contains(msg, "neither a PEM block") {
		t.Errorf("verify --key with a data file as the key: %q", msg)
	}

	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		if err := st.Void(cert.ID, "misspelt name"); err != nil {
			t.Fatal(err)
		}
	})
	r := runCLI(t, "--data", path, "verify", qr)
	if msg := wantFailure(t, r); !strings.Contains(msg, "DEMO-001 was voided") || !strings.HasPrefix(r.stdout, "voided on ") ||
		!strings.Contains(r.stdout, ": misspelt name\n") {
		t.Errorf("voided:\n%s", r)
	}
}

// TestCertificateNumbersFollowPrintOrder issues the certificates due by
// country: the new numbers run in the order of the pages.
func TestCertificateNumbersFollowPrintOrder(t *testing.T) {
	path := demoFile(t)
	mustRun(t, "--data", path, "certificates", "--workshop", "demo", "--sort", "country", "--out", filepath.Join(t.TempDir(), "c.pdf"))
	withDemo(t, path, func(st *store.Store, w store.Workshop) {
		register, err := st.Certificates(w.ID)
		if err != nil {
			t.Fatal(err)
		}
		if len(register) < 2 {
			t.Fatalf("%d certificates issued, want several", len(register))
		}
		var people []store.Participant
		byID := map[uuid.UUID]store.CertificateIssue{}
		for _, c := range register {
			p, err := st.Participant(c.ParticipantID)
			if err != nil {
				t.Fatal(err)
			}
			people = append(people, p)
			byID[p.ID] = c
		}
		prev := ""
		for _, i := range pdf.CertificateOrder(people, "country") {
			n := byID[people[i].ID].Number
			if prev != "" && n < prev {
				t.Errorf("%s (%s) has %s, before %s in number but after it on paper", people[i].FullName(), people[i].Country, n, prev)
			}
			prev = n
		}
	})
}
