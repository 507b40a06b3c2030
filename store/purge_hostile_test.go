package store

import (
	"strings"
	"testing"

	"github.com/google/uuid"
)

// After a purge or an erasure nobody's name is left to print: issuing a
// first certificate then printed the badge code as the holder's name, on a
// signed certificate, and registered it. It is refused, naming the person,
// and nothing is registered.
func TestHostileNoNewCertificateAfterPurge(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "ADDIS-2027", "2027-03-10")
	p := addParticipant(t, s, w, "Amina", "Diallo", "K7XA9")
	if _, err := s.Purge(w.ID); err != nil {
		t.Fatal(err)
	}
	_, err := s.Issue([]uuid.UUID{p.ID}, s.now())
	if err == nil || !strings.Contains(err.Error(), "K7XA9") || !strings.Contains(err.Error(), "removed") {
		t.Fatalf("Issue after the purge: %v; want a refusal naming K7XA9", err)
	}
	if certs, err := s.Certificates(w.ID); err != nil || len(certs) != 0 {
		t.Fatalf("registered after the purge: %+v, %v", certs, err)
	}
}

// The same person registered twice (two desks, before the duplicates were
// merged) has two records with one email: asking by email for their record
// or their erasure must not pick one silently and leave the other.
func TestHostileFindPersonByEmailHeldTwice(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "ADDIS-2027", "2027-03-10")
	for _, b := range []string{"AAAA1", "BBBB2"} {
		p := Participant{WorkshopID: w.ID, GivenNames: "Amina", FamilyNames: "Diallo", BadgeCode: b, Email: "amina@example.org"}
		if err := s.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.FindPerson(w.ID, "Amina@example.org")
	if err == nil || !strings.Contains(err.Error(), "AAAA1") || !strings.Contains(err.Error(), "BBBB2") {
		t.Fatalf("FindPerson by an email two records hold: %v; want both badge codes named", err)
	}
	if p, err := s.FindPerson(w.ID, "bbbb2"); err != nil || p.BadgeCode != "BBBB2" {
		t.Fatalf("FindPerson by badge: %+v, %v", p.BadgeCode, err)
	}
}
