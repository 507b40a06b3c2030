package store

import (
	"errors"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

var codeShape = regexp.MustCompile(`^[` + badgeAlphabet + `]{4}-[` + badgeAlphabet + `]{4}-[` + badgeAlphabet + `]{4}$`)

func issue(t testing.TB, s *Store, now time.Time, ps ...Participant) []CertificateIssue {
	t.Helper()
	ids := make([]uuid.UUID, len(ps))
	for i, p := range ps {
		ids[i] = p.ID
	}
	list, err := s.Issue(ids, now)
	if err != nil {
		t.Fatalf("Issue: %v", err)
	}
	return list
}

func TestCertificateNumber(t *testing.T) {
	for _, c := range []struct {
		code string
		seq  int
		want string
	}{{"addis-2027", 7, "ADDIS-2027-007"}, {"addis-2027", 1234, "ADDIS-2027-1234"}, {"nbo", 1, "NBO-001"}} {
		if got := CertificateNumber(c.code, c.seq); got != c.want {
			t.Errorf("CertificateNumber(%q, %d) = %q, want %q", c.code, c.seq, got, c.want)
		}
		if got := parseSequence(strings.ToLower(c.want), c.code); got != c.seq {
			t.Errorf("parseSequence(%q) = %d, want %d", c.want, got, c.seq)
		}
	}
	for _, n := range []string{"ADDIS-2027-7", "ADDIS-2027-ABC", "OTHER-001", "ADDIS-2027-000", "ADDIS-2027-+12"} {
		if got := parseSequence(n, "addis-2027"); got != 0 {
			t.Errorf("parseSequence(%q) = %d, want 0", n, got)
		}
	}
}

func TestIssueNumbersUniqueAndStable(t *testing.T) {
	clock := newClock(t0)
	path := filepath.Join(t.TempDir(), "workshops.db")
	s := openAt(t, path, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "addis-2027", "2027-03-09")
	p1 := addParticipant(t, s, w, "Almaz", "Tesfaye", "")
	p2 := addParticipant(t, s, w, "Dawit", "Bekele", "")
	p3 := Participant{WorkshopID: w.ID, GivenNames: "Kwame", FamilyNames: "Mensah", Role: RoleSpeaker}
	if err := s.SaveParticipant(&p3); err != nil {
		t.Fatal(err)
	}
	lima := addWorkshop(t, s, "lima-2027", "2027-05-03")
	q1 := addParticipant(t, s, lima, "Rafael", "Peña", "")

	first := issue(t, s, t0, p1, p2)
	for i, want := range []string{"ADDIS-2027-001", "ADDIS-2027-002"} {
		c := first[i]
		if c.Number != want || c.Sequence != i+1 || c.Reprints != 0 || !c.IssuedAt.Equal(t0) || !c.PrintedAt.Equal(t0) ||
			c.Kind != KindAttendance || !codeShape.MatchString(c.Code) || c.WorkshopID != w.ID || c.ID == uuid.Nil {
			t.Errorf("certificate %d = %+v, want number %s", i, c, want)
		}
	}
	if first[0].Code == first[1].Code {
		t.Errorf("two certificates share the code %s", first[0].Code)
	}

	t1 := clock.Advance(2 * time.Hour)
	second := issue(t, s, t1, p2, p3, p2)
	if c := second[0]; c.ID != first[1].ID || c.Number != "ADDIS-2027-002" || c.Code != first[1].Code || c.Reprints != 1 ||
		!c.IssuedAt.Equal(t0) || !c.PrintedAt.Equal(t1) {
		t.Errorf("reprint = %+v; want number, code and issue time kept, one reprint", c)
	}
	if second[2] != second[0] {
		t.Errorf("a participant listed twice: %+v and %+v", second[0], second[2])
	}
	if c := second[1]; c.Number != "ADDIS-2027-003" || c.Kind != KindAppreciation {
		t.Errorf("speaker's certificate = %+v, want ADDIS-2027-003 of appreciation", c)
	}
	if c := issue(t, s, t1, q1)[0]; c.Number != "LIMA-2027-001" {
		t.Errorf("the other workshop's first number is %s", c.Number)
	}
	s.Close()

	// Reopened: the same register, and the count goes on.
	s = openAt(t, path, Options{NoAutoBackup: true, Now: clock.Now})
	reg, err := s.Certificates(w.ID)
	if err != nil || len(reg) != 3 {
		t.Fatalf("Certificates = %+v, %v", reg, err)
	}
	for i, want := range []string{"ADDIS-2027-001", "ADDIS-2027-002", "ADDIS-2027-003"} {
		if reg[i].Number != want {
			t.Errorf("register[%d] = %s, want %s", i, reg[i].Number, want)
		}
	}
	if reg[1].Reprints != 1 || reg[1].Code != first[1].Code {
		t.Errorf("reprint after reopen: %+v", reg[1])
	}
	p4 := addParticipant(t, s, w, "Hanna", "Girma", "")
	again := issue(t, s, clock.Now(), p1, p4)
	if again[0].Number != "ADDIS-2027-001" || again[0].Reprints != 1 || again[0].Code != first[0].Code {
		t.Errorf("reprint after reopen = %+v", again[0])
	}
	if again[1].Number != "ADDIS-2027-004" {
		t.Errorf("next number after reopen = %s, want ADDIS-2027-004", again[1].Number)
	}
	if c, err := s.CertificateByNumber(" addis-2027-002 "); err != nil || c.ParticipantID != p2.ID {
		t.Errorf("CertificateByNumber = %+v, %v", c, err)
	}
	if _, err := s.CertificateByNumber("ADDIS-2027-999"); !errors.Is(err, ErrNotFound) {
		t.Errorf("CertificateByNumber(unknown) = %v", err)
	}
	if c, err := s.CertificateOf(p3.ID); err != nil || c.Number != "ADDIS-2027-003" {
		t.Errorf("CertificateOf = %+v, %v", c, err)
	}

	// A new workshop taking the code of a renamed one skips the numbers
	// already given: numbers are unique in the whole file.
	w.Code = "addis-2027-old"
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatal(err)
	}
	w2 := addWorkshop(t, s, "addis-2027", "2027-09-06")
	r := addParticipant(t, s, w2, "Selam", "Haile", "")
	if c := issue(t, s, clock.Now(), r)[0]; c.Number != "ADDIS-2027-005" || c.Sequence != 5 {
		t.Errorf("number in the workshop reusing the code = %s (sequence %d), want ADDIS-2027-005", c.Number, c.Sequence)
	}
	if c := issue(t, s, clock.Now(), p2)[0]; c.Number != "ADDIS-2027-002" || c.Reprints != 2 {
		t.Errorf("reprint after renaming the workshop = %+v, want the number kept", c)
	}
}

func TestIssueIsOneTransaction(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "atomic-2027", "2027-03-09")
	p1 := addParticipant(t, s, w, "One", "First", "")
	p2 := addParticipant(t, s, w, "Two", "Second", "")
	gone := addParticipant(t, s, w, "Gone", "Away", "")
	if err := s.DeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}
	issue(t, s, t0, p1)

	for name, ids := range map[string][]uuid.UUID{
		"a deleted participant":  {p1.ID, p2.ID, gone.ID},
		"an unknown participant": {p2.ID, NewID(), p1.ID},
	} {
		if list, err := s.Issue(ids, t0.Add(time.Hour)); err == nil || list != nil {
			t.Errorf("Issue with %s = %+v, %v; want an error", name, list, err)
		}
	}
	reg, err := s.Certificates(w.ID)
	if err != nil || len(reg) != 1 || reg[0].Reprints != 0 {
		t.Errorf("after failed issues the register is %+v, %v; want p1's untouched certificate only", reg, err)
	}
	if _, err := s.CertificateOf(p2.ID); !errors.Is(err, ErrNotFound) {
		t.Errorf("p2 got a certificate from a failed issue: %v", err)
	}
	if c := issue(t, s, t0, p2)[0]; c.Number != "ATOMIC-2027-002" {
		t.Errorf("after failed issues the next number is %s, want ATOMIC-2027-002 (no number lost)", c.Number)
	}
	if list, err := s.Issue(nil, t0); err != nil || len(list) != 0 {
		t.Errorf("Issue(nil) = %+v, %v", list, err)
	}
}

func TestVoidCertificate(t *testing.T) {
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now})
	w := addWorkshop(t, s, "void-2027", "2027-03-09")
	p := addParticipant(t, s, w, "Almaz", "Tesfay", "")
	c := issue(t, s, t0, p)[0]

	for _, reason := range []string{"", "  "} {
		wantFieldError(t, s.Void(c.ID, reason), "void_reason")
	}
	if err := s.Void(NewID(), "typo"); !errors.Is(err, ErrNotFound) {
		t.Errorf("Void(unknown) = %v, want ErrNotFound", err)
	}
	voidAt := clock.Advance(24 * time.Hour)
	if err := s.Void(c.ID, " misspelt   name "); err != nil {
		t.Fatal(err)
	}
	if err := s.Void(c.ID, "again"); err == nil || !strings.Contains(err.Error(), "already voided") {
		t.Errorf("voiding twice = %v", err)
	}
	got, err := s.CertificateByNumber(c.Number)
	if err != nil || !got.Voided() || !got.VoidedAt.Equal(voidAt) || got.VoidReason != "misspelt name" ||
		got.Number != c.Number || got.Code != c.Code {
		t.Errorf("voided certificate = %+v, %v", got, err)
	}
	fields := CertificateFields{Name: "Almaz Tesfay", Workshop: w.Title, Start: w.StartDate, End: w.EndDate, Issued: w.StartDate}
	if _, _, err := s.Sign(got, fields); err == nil || !strings.Contains(err.Error(), "voided") {
		t.Errorf("Sign of a voided certificate = %v, want a refusal", err)
	}

	// Issuing again gives a new number; the voided one stays in the register.
	p.FamilyNames = "Tesfaye"
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	n := issue(t, s, clock.Now(), p)[0]
	if n.Number != "VOID-2027-002" || n.ID == c.ID || n.Voided() || n.Code == c.Code {
		t.Errorf("certificate after voiding = %+v", n)
	}
	reg, _ := s.Certificates(w.ID)
	if len(reg) != 2 || !reg[0].Voided() || reg[1].Voided() {
		t.Errorf("register = %+v", reg)
	}
	if cur, err := s.CertificateOf(p.ID); err != nil || cur.ID != n.ID {
		t.Errorf("CertificateOf = %+v, %v; want the new one", cur, err)
	}
	if again := issue(t, s, clock.Now(), p)[0]; again.ID != n.ID || again.Reprints != 1 {
		t.Errorf("reprint = %+v", again)
	}
}

func TestSaveCertificateKeepsIndexes(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	w := addWorkshop(t, s, "imp-2027", "2027-03-09")
	p := addParticipant(t, s, w, "Imported", "Person", "")
	q := addParticipant(t, s, w, "Other", "Person", "")
	c := CertificateIssue{WorkshopID: w.ID, ParticipantID: p.ID, Number: " imp-2027-010 "}
	if err := s.SaveCertificate(&c); err != nil {
		t.Fatal(err)
	}
	if c.Number != "IMP-2027-010" || c.Sequence != 10 || !codeShape.MatchString(c.Code) {
		t.Errorf("saved %+v", c)
	}
	dup := CertificateIssue{WorkshopID: w.ID, ParticipantID: q.ID, Number: "IMP-2027-010"}
	wantFieldError(t, s.SaveCertificate(&dup), "number")
	wantFieldError(t, s.SaveCertificate(&CertificateIssue{WorkshopID: w.ID, ParticipantID: q.ID, Number: "A|B"}), "number")
	wantFieldError(t, s.SaveCertificate(&CertificateIssue{WorkshopID: w.ID, ParticipantID: q.ID, Number: "X-1", VoidedAt: t0}), "void_reason")
	second := CertificateIssue{WorkshopID: w.ID, ParticipantID: p.ID, Number: "IMP-2027-011"}
	if err := s.SaveCertificate(&second); err == nil {
		t.Error("a second certificate not voided was saved")
	}
	c.Number = "IMP-2027-012"
	if err := s.SaveCertificate(&c); err == nil {
		t.Error("a certificate's number was changed")
	}
	// Issue continues after the highest number given by hand.
	if n := issue(t, s, t0, q)[0]; n.Number != "IMP-2027-011" {
		t.Errorf("issued after an imported IMP-2027-010: %s", n.Number)
	}
}

// TestCheckFindsCertificateDamage breaks each certificate and override
// index in turn: Check must name the problem.
func TestCheckFindsCertificateDamage(t *testing.T) {
	for _, tc := range []struct {
		name, want string
		damage     func(tx *bolt.Tx, c CertificateIssue) error
	}{
		{"number index entry lost", "missing from the number index", func(tx *bolt.Tx, c CertificateIssue) error {
			return tx.Bucket(bucketCertificateNumbers).Delete([]byte(c.Number))
		}},
		{"stale code", "points to no live record", func(tx *bolt.Tx, c CertificateIssue) error {
			return tx.Bucket(bucketCertificateCodes).Put([]byte("AAAAAAAAAAAA"), c.ID[:])
		}},
		{"code altered", "does not match the signing key", func(tx *bolt.Tx, c CertificateIssue) error {
			c.Code = "AAAA-AAAA-AAAA"
			return errors.Join(putJSON(tx.Bucket(bucketCertificates), c.ID[:], &c), tx.Bucket(bucketCertificateCodes).Put([]byte("AAAAAAAAAAAA"), c.ID[:]))
		}},
		{"count behind", "certificate count is behind", func(tx *bolt.Tx, c CertificateIssue) error {
			return tx.Bucket(bucketCertificateSequences).Put(c.WorkshopID[:], encodeSeq(0))
		}},
		{"participant index", "participant index does not name", func(tx *bolt.Tx, c CertificateIssue) error {
			return tx.Bucket(bucketCertificatesByParticipant).Delete(c.ParticipantID[:])
		}},
		{"key damaged", "signing key is damaged", func(tx *bolt.Tx, c CertificateIssue) error {
			return tx.Bucket(bucketMeta).Put(metaSigningKey, []byte("short"))
		}},
		{"override not newest", "not the newest entry", func(tx *bolt.Tx, c CertificateIssue) error {
			o := EligibilityOverride{Record: Record{ID: NewID()}, ParticipantID: c.ParticipantID, Reason: "x"}
			return putJSON(tx.Bucket(bucketOverrideHistory), join(o.ParticipantID, o.ID), &o)
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, err := Open(filepath.Join(t.TempDir(), "workshops.db"), Options{NoAutoBackup: true, Now: newClock(t0).Now})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			w := addWorkshop(t, s, "chk-2027", "2027-03-09")
			p := addParticipant(t, s, w, "Check", "Me", "")
			c := issue(t, s, t0, p)[0]
			if _, err := s.SetOverride(p.ID, true, "a reason"); err != nil {
				t.Fatal(err)
			}
			mustCheck(t, s)
			if err := s.update(func(tx *bolt.Tx) error { return tc.damage(tx, c) }); err != nil {
				t.Fatal(err)
			}
			problems, err := s.Check()
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(strings.Join(problems, "\n"), tc.want) {
				t.Errorf("Check = %q, want a problem saying %q", problems, tc.want)
			}
		})
	}
}
