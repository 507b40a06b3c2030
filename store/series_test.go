package store

import (
	"fmt"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// seriesFixture holds the sample workshop (series "Regional workshops on
// migration policy", from 2027-03-09, 40 people, 9 sessions and a break,
// 13 h) and two more:
//
//   - rabat-2028, the same series spelt differently, 2028-02-01: 6
//     registrations of which 4 are sample people (Abebe Bekele by email in
//     other case, Almaz Tesfaye by name and organisation, Ingrid Håkansson
//     and Kwame Mensah by email in other case) and 2 new (a woman from Fiji,
//     and someone who gave neither gender, organisation type nor
//     country); 4 sessions and a break, 6 h; 2 certificates, one voided;
//   - nairobi-2027, series "Capacity building", 2027-06-01: Abebe Bekele
//     again (email in upper case); 1 session of 1.5 h.
//
// The sample workshop has 4 certificates: Dawit Haile, Hiwot Girma and
// Layla Mansour got one, the third's was voided and a new one issued.
type seriesFixture struct {
	s                    *Store
	demo, rabat, nairobi Workshop
}

func newSeriesFixture(t *testing.T) seriesFixture {
	t.Helper()
	s := openTest(t, Options{Now: newClock(t0).Now, NoAutoBackup: true})
	demo, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	f := seriesFixture{s: s, demo: demo}

	f.rabat = newWorkshop(t, "rabat-2028", "2028-02-01")
	f.rabat.Series, f.rabat.City, f.rabat.Country = "  REGIONAL workshops on  migration pólicy ", "Rabat", "MA"
	if err := s.SaveWorkshop(&f.rabat); err != nil {
		t.Fatal(err)
	}
	seriesSession(t, s, f.rabat, 1, "09:00", "12:00", "Plenary", Plenary)
	seriesSession(t, s, f.rabat, 1, "12:00", "13:00", "Lunch", Break)
	seriesSession(t, s, f.rabat, 1, "13:00", "15:00", "Group A", WorkingGroup)
	seriesSession(t, s, f.rabat, 1, "13:30", "14:30", "Group B", WorkingGroup) // parallel: counted once
	seriesSession(t, s, f.rabat, 2, "09:00", "10:00", "Closing", Plenary)
	rabatPeople := []*Participant{
		{GivenNames: "Abebe", FamilyNames: "Bekele", Email: "ABEBE.Bekele@Example.org", Organisation: "Ministry of Labour",
			OrgType: OrgGovernment, Country: "ET", Gender: Male, Role: RoleParticipant},
		{GivenNames: "almaz", FamilyNames: "TESFAYE", Organisation: "ethiopian red cross  society",
			OrgType: OrgCivilSociety, Country: "ET", Gender: Female, Role: RoleParticipant},
		{GivenNames: "Ingrid", FamilyNames: "Hakansson", Email: "Ingrid.Hakansson@EXAMPLE.org", Role: RoleParticipant},
		{GivenNames: "Kwame", FamilyNames: "Mensah", Email: "KWAME.MENSAH@example.org", Organisation: "Ghana Immigration Service",
			OrgType: OrgGovernment, Country: "GH", Gender: Male, Role: RoleParticipant},
		{GivenNames: "Losana", FamilyNames: "Vakatale", Email: "losana@example.org", OrgType: OrgMedia, Country: "FJ",
			Gender: Female, Role: RoleParticipant},
		{GivenNames: "Pat", FamilyNames: "Doe", Role: RoleParticipant},
	}
	for _, p := range rabatPeople {
		p.WorkshopID = f.rabat.ID
	}
	if err := s.SaveParticipants(rabatPeople); err != nil {
		t.Fatal(err)
	}

	f.nairobi = newWorkshop(t, "nairobi-2027", "2027-06-01")
	f.nairobi.Series = "Capacity building"
	if err := s.SaveWorkshop(&f.nairobi); err != nil {
		t.Fatal(err)
	}
	seriesSession(t, s, f.nairobi, 1, "09:00", "10:30", "Only session", Plenary)
	if err := s.SaveParticipant(&Participant{WorkshopID: f.nairobi.ID, GivenNames: "A.", FamilyNames: "Bekele",
		Email: " ABEBE.BEKELE@EXAMPLE.ORG", Role: RoleSpeaker}); err != nil {
		t.Fatal(err)
	}

	// Certificates: three in the sample workshop, one voided and issued
	// again; one in Rabat.
	demoData, err := s.LoadWorkshop(demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	var holders []Participant // Dawit, Hiwot and Layla, in no other workshop
	for _, p := range demoData.Participants {
		if p.GivenNames == "Dawit" || p.GivenNames == "Hiwot" || p.GivenNames == "Layla" {
			holders = append(holders, p)
		}
	}
	for i, p := range holders {
		c := CertificateIssue{WorkshopID: demo.ID, ParticipantID: p.ID, Number: fmt.Sprintf("DEMO-%d", i+1)}
		if err := s.SaveCertificate(&c); err != nil {
			t.Fatal(err)
		}
		if i == 2 {
			c.VoidedAt, c.VoidReason = t0, "misspelt name"
			if err := s.SaveCertificate(&c); err != nil {
				t.Fatal(err)
			}
			again := CertificateIssue{WorkshopID: demo.ID, ParticipantID: p.ID, Number: "DEMO-4"}
			if err := s.SaveCertificate(&again); err != nil {
				t.Fatal(err)
			}
		}
	}
	c := CertificateIssue{WorkshopID: f.rabat.ID, ParticipantID: rabatPeople[4].ID, Number: "RABAT-1"}
	if err := s.SaveCertificate(&c); err != nil {
		t.Fatal(err)
	}
	voided := CertificateIssue{WorkshopID: f.rabat.ID, ParticipantID: rabatPeople[3].ID, Number: "RABAT-2",
		VoidedAt: t0, VoidReason: "left on day one"}
	if err := s.SaveCertificate(&voided); err != nil {
		t.Fatal(err)
	}
	if cur, err := s.CertificateOf(rabatPeople[3].ID); err != nil || cur.VoidedAt.IsZero() {
		t.Fatalf("CertificateOf(Kwame) = %+v, %v; want the voided RABAT-2", cur, err)
	}
	return f
}

func seriesSession(t testing.TB, s *Store, w Workshop, day int, start, end, title string, typ SessionType) Session {
	t.Helper()
	se := Session{WorkshopID: w.ID, Date: w.StartDate.AddDays(day - 1), Start: mustClock(t, start),
		End: mustClock(t, end), Title: title, Type: typ, Counts: typ != Break}
	if err := s.SaveSession(&se); err != nil {
		t.Fatalf("SaveSession(%s): %v", title, err)
	}
	return se
}

func seriesCodes(st *SeriesStats) string {
	var codes []string
	for _, w := range st.Workshops {
		codes = append(codes, w.Code)
	}
	return strings.Join(codes, ",")
}

func TestSeriesBySeries(t *testing.T) {
	f := newSeriesFixture(t)
	st, err := f.s.Series("regional workshops on migration policy", 0)
	if err != nil {
		t.Fatal(err)
	}
	if got := seriesCodes(st); got != "demo,rabat-2028" {
		t.Fatalf("workshops = %s, want demo,rabat-2028", got)
	}
	want := SeriesStats{Participants: 46, Persons: 42, Sessions: 9 + 4, Hours: 13*time.Hour + 6*time.Hour, Certificates: 4}
	if st.Participants != want.Participants || st.Persons != want.Persons || st.Sessions != want.Sessions ||
		st.Hours != want.Hours || st.Certificates != want.Certificates {
		t.Errorf("Series = %d participants, %d persons, %d sessions, %v, %d certificates; want %d, %d, %d, %v, %d",
			st.Participants, st.Persons, st.Sessions, st.Hours, st.Certificates,
			want.Participants, want.Persons, want.Sessions, want.Hours, want.Certificates)
	}
	d, r := st.Workshops[0], st.Workshops[1]
	if d.ID != f.demo.ID || d.Title != "Migration and sustainable rural development" || d.City != "Addis Ababa" ||
		d.StartDate != (Date{2027, 3, 9}) || d.EndDate != (Date{2027, 3, 11}) || d.Participants != 40 ||
		d.Sessions != 9 || d.Hours != 13*time.Hour || d.Certificates != 3 {
		t.Errorf("demo workshop = %+v", d)
	}
	if r.City != "Rabat" || r.Participants != 6 || r.Sessions != 4 || r.Hours != 6*time.Hour || r.Certificates != 1 ||
		r.StartDate != (Date{2028, 2, 1}) {
		t.Errorf("rabat workshop = %+v", r)
	}

	// Distinct persons: each takes the fields of their latest
	// registration, gaps filled from earlier ones (Kwame gave his gender
	// only in Rabat; Ingrid hers only in the sample).
	p := st.People
	if p.Total != 42 {
		t.Fatalf("People.Total = %d", p.Total)
	}
	wantRows(t, "ByGender", p.ByGender, 42,
		"female:Female=20/47.6, male:Male=19/45.2, :Not given=1/2.4, other:Other=1/2.4, prefer_not_to_say:Prefer not to say=1/2.4")
	wantRows(t, "ByOrgType", p.ByOrgType, 42,
		"government:Government=18/42.9, civil_society:Civil society=8/19, academia:Academia=7/16.7, "+
			"international_organisation:International organisation=5/11.9, media:Media=2/4.8, :Not given=1/2.4, "+
			"private_sector:Private sector=1/2.4, other:Other=0/0")
	wantRows(t, "ByRole", p.ByRole, 42,
		"participant:Participant=35/83.3, facilitator:Facilitator=2/4.8, observer:Observer=2/4.8, speaker:Speaker=2/4.8, "+
			"organiser:Organiser=1/2.4")
	checkDemographics(t, "People", p)
	if row, ok := p.ByRegion.Row("Oceania"); !ok || row.Count != 1 {
		t.Errorf("Oceania = %+v, %v", row, ok)
	}
	if row, ok := p.BySubRegion.Row("Melanesia"); !ok || row.Count != 1 {
		t.Errorf("Melanesia = %+v, %v", row, ok)
	}
	if row, ok := p.ByRegion.Row(KeyNotGiven); !ok || row.Count != 1 {
		t.Errorf("region not given = %+v, %v", row, ok)
	}
	if row, ok := p.ByCountry.Row("ET"); !ok || row.Count != 4 {
		t.Errorf("Ethiopia = %+v, %v (4 sample people, none new)", row, ok)
	}
	if row, ok := p.ByCountry.Row("SE"); !ok || row.Count != 1 {
		t.Errorf("Sweden = %+v, %v (Ingrid's country from the sample)", row, ok)
	}
	if n := p.GenderByOrgType.Count("male", "government"); n != 12 {
		// Sample: 11 men in government, and Kwame (no gender there) now a man.
		t.Errorf("men in government = %d, want 12", n)
	}
}

func TestSeriesByYear(t *testing.T) {
	f := newSeriesFixture(t)
	tests := []struct {
		series                       string
		year                         int
		codes                        string
		participants, persons, certs int
		sessions                     int
		hours                        time.Duration
	}{
		{"", 0, "demo,nairobi-2027,rabat-2028", 47, 42, 4, 14, 20*time.Hour + 30*time.Minute},
		{"", 2027, "demo,nairobi-2027", 41, 40, 3, 10, 14*time.Hour + 30*time.Minute},
		{"", 2028, "rabat-2028", 6, 6, 1, 4, 6 * time.Hour},
		{"Régional Workshops on Migration Policy", 2028, "rabat-2028", 6, 6, 1, 4, 6 * time.Hour},
		{"capacity BUILDING", 0, "nairobi-2027", 1, 1, 0, 1, 90 * time.Minute},
		{"capacity building", 2028, "", 0, 0, 0, 0, 0},
		{"no such series", 0, "", 0, 0, 0, 0, 0},
		{"", 1999, "", 0, 0, 0, 0, 0},
	}
	for _, tt := range tests {
		st, err := f.s.Series(tt.series, tt.year)
		if err != nil {
			t.Fatalf("Series(%q, %d): %v", tt.series, tt.year, err)
		}
		if got := seriesCodes(st); got != tt.codes || st.Participants != tt.participants || st.Persons != tt.persons ||
			st.Certificates != tt.certs || st.Sessions != tt.sessions || st.Hours != tt.hours || st.Year != tt.year {
			t.Errorf("Series(%q, %d) = [%s] %d participants, %d persons, %d certificates, %d sessions, %v; "+
				"want [%s] %d, %d, %d, %d, %v", tt.series, tt.year, got, st.Participants, st.Persons, st.Certificates,
				st.Sessions, st.Hours, tt.codes, tt.participants, tt.persons, tt.certs, tt.sessions, tt.hours)
		}
		if st.People.Total != st.Persons {
			t.Errorf("Series(%q, %d): People.Total %d, Persons %d", tt.series, tt.year, st.People.Total, st.Persons)
		}
		checkDemographics(t, "People", st.People)
	}
}

// Deleted workshops, participants and sessions are left out.
func TestSeriesLeavesOutDeleted(t *testing.T) {
	f := newSeriesFixture(t)
	if err := f.s.DeleteWorkshop(f.nairobi.ID); err != nil {
		t.Fatal(err)
	}
	rabat, err := f.s.LoadWorkshop(f.rabat.ID)
	if err != nil {
		t.Fatal(err)
	}
	var pat Participant
	for _, p := range rabat.Participants {
		if p.GivenNames == "Pat" {
			pat = p
		}
	}
	if err := f.s.DeleteParticipant(pat.ID); err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteSession(rabat.Sessions[len(rabat.Sessions)-1].ID); err != nil { // Closing, 1 h
		t.Fatal(err)
	}
	// Dawit Haile holds DEMO-1: it goes with him, though the register
	// keeps it.
	c, err := f.s.CertificateByNumber("DEMO-1")
	if err != nil {
		t.Fatal(err)
	}
	if err := f.s.DeleteParticipant(c.ParticipantID); err != nil {
		t.Fatal(err)
	}
	st, err := f.s.Series("", 0)
	if err != nil {
		t.Fatal(err)
	}
	if seriesCodes(st) != "demo,rabat-2028" || st.Participants != 44 || st.Persons != 40 || st.Sessions != 12 ||
		st.Hours != 18*time.Hour || st.Certificates != 3 {
		t.Errorf("Series = [%s] %d participants, %d persons, %d sessions, %v, %d certificates; "+
			"want [demo,rabat-2028] 44, 40, 12, 18h, 3", seriesCodes(st), st.Participants, st.Persons, st.Sessions,
			st.Hours, st.Certificates)
	}
}

func TestDistinctPersons(t *testing.T) {
	regs := []*Participant{
		{GivenNames: "Ana", FamilyNames: "Silva", Email: "ana@x.org", Gender: Female, Country: "BR"},        // 0
		{GivenNames: "ANA", FamilyNames: "SILVA", Organisation: "", OrgType: OrgAcademia},                   // 1: 0 by name
		{GivenNames: "Ana", FamilyNames: "Souza", Email: "ANA@X.ORG", Country: "pt", Role: RoleSpeaker},     // 2: 0 by email
		{GivenNames: "Bo", FamilyNames: "Li", Email: "bo@x.org"},                                            // 3
		{GivenNames: "Bo", FamilyNames: "Li", Email: "bo.li@y.org", Organisation: "Y"},                      // 4: other org, other email
		{GivenNames: "", FamilyNames: "", Email: ""},                                                        // 5: nothing to match
		{GivenNames: "", FamilyNames: "", Email: ""},                                                        // 6
		{GivenNames: "Bo", FamilyNames: "Li", Email: "BO.LI@Y.ORG", Organisation: "Z", Gender: OtherGender}, // 7: 4 by email
	}
	var rs []*registration
	for _, p := range regs {
		rs = append(rs, &registration{emailKey: p.EmailKey(), nameKey: p.NameKey(), person: personOf(p)})
	}
	got := distinctPersons(rs)
	if len(got) != 5 {
		t.Fatalf("distinctPersons: %d persons, want 5: %+v", len(got), got)
	}
	// Latest first: {7,4}, 6, 5, 3, {2,1,0}.
	ana := got[4]
	if ana != (person{gender: Female, orgType: OrgAcademia, role: RoleSpeaker, country: "PT"}) {
		t.Errorf("Ana = %+v", ana)
	}
	if got[0].gender != OtherGender {
		t.Errorf("Bo Li of Y = %+v", got[0])
	}
}

// seriesBenchStore writes nW workshops of nP participants each, with 10
// sessions and a break a day over two days, certificates for three in four,
// and a third of each workshop's people back from the previous one with
// their email in other case. It writes directly in a few transactions.
func seriesBenchStore(b *testing.B, nW, nP int) *Store {
	b.Helper()
	s := openBench(b, b.TempDir()+"/workshops.db")
	genders := append([]Gender{GenderUnknown}, Genders...)
	orgs := append([]OrgType{OrgUnknown}, OrgTypes...)
	countries := []string{"ET", "SN", "CL", "TR", "RU", "CN", "AU", "US", "MX", "JM", "EG", "KZ", "IN", "VN", "GB", ""}
	person := 0
	for wi := range nW {
		w := newWorkshop(b, fmt.Sprintf("w%03d", wi), fmt.Sprintf("%d-%02d-10", 2020+wi/12, 1+wi%12))
		w.Series = []string{"Regional workshops", "Capacity building"}[wi%2]
		if err := s.SaveWorkshop(&w); err != nil {
			b.Fatal(err)
		}
		ps := make([]*Participant, nP)
		for i := range ps {
			k := person + i
			if wi > 0 && i < nP/3 {
				k = person - nP + nP/3 + i // one of the previous workshop's new people
			}
			email := fmt.Sprintf("person%d@example.org", k)
			if wi%2 == 1 {
				email = strings.ToUpper(email)
			}
			ps[i] = &Participant{WorkshopID: w.ID, GivenNames: fmt.Sprintf("Given%d", k), FamilyNames: benchFamily[k%len(benchFamily)],
				Organisation: benchOrgs[k%len(benchOrgs)], OrgType: orgs[k%len(orgs)], Gender: genders[k%len(genders)],
				Country: countries[k%len(countries)], Email: email, Role: Roles[k%len(Roles)]}
		}
		person += nP
		if err := s.SaveParticipants(ps); err != nil {
			b.Fatal(err)
		}
		err := s.update(func(tx *bolt.Tx) error {
			for day := range 2 {
				for i := range 11 {
					typ := Plenary
					if i == 5 {
						typ = Break
					}
					se := Session{Record: Record{ID: NewID()}, WorkshopID: w.ID, Date: w.StartDate.AddDays(day),
						Start: Clock(8*60 + i*45), End: Clock(8*60 + i*45 + 40), Title: fmt.Sprintf("S%d", i), Type: typ, Counts: true}
					if err := tx.Bucket(bucketSessionsByWorkshop).Put(join(w.ID, se.ID), nil); err != nil {
						return err
					}
					if err := putJSON(tx.Bucket(bucketSessions), se.ID[:], &se); err != nil {
						return err
					}
				}
			}
			for i, p := range ps {
				if i%4 == 3 {
					continue
				}
				c := CertificateIssue{Record: Record{ID: NewID()}, WorkshopID: w.ID, ParticipantID: p.ID,
					Number: fmt.Sprintf("C-%d-%d", wi, i), IssuedAt: t0}
				if err := tx.Bucket(bucketCertificatesByParticipant).Put(p.ID[:], c.ID[:]); err != nil {
					return err
				}
				if err := putJSON(tx.Bucket(bucketCertificates), c.ID[:], &c); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			b.Fatal(err)
		}
	}
	return s
}

func BenchmarkSeries100x200(b *testing.B) {
	const nW, nP = 100, 200
	s := seriesBenchStore(b, nW, nP)
	b.Run("all", func(b *testing.B) {
		var st *SeriesStats
		var durs []time.Duration
		for b.Loop() {
			start := time.Now()
			var err error
			if st, err = s.Series("", 0); err != nil {
				b.Fatal(err)
			}
			durs = append(durs, time.Since(start))
		}
		// The first workshop's people, then two thirds new in each of the 99
		// others.
		wantPersons := nP + (nW-1)*(nP-nP/3)
		if len(st.Workshops) != nW || st.Participants != nW*nP || st.Persons != wantPersons ||
			st.Certificates != nW*nP*3/4 || st.Sessions != nW*20 {
			b.Fatalf("Series: %d workshops, %d participants, %d persons (want %d), %d certificates, %d sessions",
				len(st.Workshops), st.Participants, st.Persons, wantPersons, st.Certificates, st.Sessions)
		}
		if m := statsBenchMedian(b, durs); m > 200*time.Millisecond {
			b.Logf("median Series %v is over the 200 ms target", m)
		}
	})
	b.Run("one-series-one-year", func(b *testing.B) {
		for b.Loop() {
			if _, err := s.Series("regional workshops", 2023); err != nil {
				b.Fatal(err)
			}
		}
	})
}
