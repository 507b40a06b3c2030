package store

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/google/uuid"
)

// statsBenchMedian reports the median of per-operation durations in
// milliseconds as "median-ms".
func statsBenchMedian(b *testing.B, durs []time.Duration) time.Duration {
	b.Helper()
	if len(durs) == 0 {
		return 0
	}
	slices.Sort(durs)
	m := durs[len(durs)/2]
	b.ReportMetric(float64(m)/float64(time.Millisecond), "median-ms")
	return m
}

// benchGiven, benchFamily and benchOrgs make realistic, varied names.
var (
	benchGiven = []string{"Aminata", "Moussa", "Fatou", "Abebe", "Almaz", "Dawit", "Hiwot", "Mohamed", "Fatima Zahra",
		"Omar", "Layla", "Dmitry", "Aigerim", "Olena", "Eleni", "Wei", "Fang", "Şule", "Mehmet", "Văn Đức", "José",
		"María Fernanda", "João", "Zoë", "Søren", "Łukasz", "Ana", "Rhodri", "Chidi", "Grace", "Kwame", "Amani",
		"Priya", "Rafael", "Ingrid", "Aisha", "Jean-Pierre", "Sam", "Nomvula", "Tomás"}
	benchFamily = []string{"Traoré", "Diop", "Ndiaye", "Bekele", "Tesfaye", "Haile", "Girma", "Al-Amin", "El Idrissi",
		"Haddad", "Mansour", "Ivanov", "Nurlanova", "Kovalenko", "Papadopoulou", "Li", "Wang", "Çağlar", "Öztürk",
		"Nguyễn", "Martínez", "González", "Gonçalves", "Müller", "Østergaard", "Wróbel", "Ćosić", "Llŵyd", "Okafor",
		"Wanjiru", "Mensah", "Mwakyusa", "Raman", "Peña", "Håkansson", "Bello", "Habimana", "Okonkwo-Reyes",
		"Dlamini", "Quispe Mamani", "Kamara", "Sow", "Ba", "Cissé", "Keïta", "Touré", "Sylla", "Camara", "Barry"}
	benchNative = []string{"", "", "", "አበበ በቀለ", "محمد الأمين", "Дмитрий Иванов", "李伟", "王芳", "Ελένη Παπαδοπούλου"}
	benchOrgs   = []string{"Ministry of Labour and Skills", "Ethiopian Red Cross Society", "Addis Ababa University",
		"Ministry of Interior", "Ministère des Maliens de l'Extérieur", "Université Cheikh Anta Diop",
		"Réseau des femmes rurales", "Ministerio del Interior", "International Labour Organization",
		"African Union Commission", "ECOWAS Commission", "Danish Refugee Council", "Turkish Red Crescent"}
	benchCountries = []string{"ET", "SN", "ML", "KE", "NG", "GH", "TR", "CN", "RU", "CL", "BR", "DE", "FR", "MA", "EG"}
)

// benchParticipant returns a varied participant number i, with a unique
// badge code.
func benchParticipant(i int) Participant {
	given := benchGiven[i%len(benchGiven)]
	family := benchFamily[(i/len(benchGiven)+i)%len(benchFamily)]
	return Participant{
		Record:     Record{ID: NewID()},
		GivenNames: given, FamilyNames: family, NativeName: benchNative[i%len(benchNative)],
		Organisation: benchOrgs[i%len(benchOrgs)], Country: benchCountries[i%len(benchCountries)],
		Email:     fmt.Sprintf("%s.%s%d@example.org", asciiFold(given), asciiFold(family), i),
		BadgeCode: fmt.Sprintf("B%05d", i),
	}
}

// benchWorkshopData builds, in memory, a workshop of nSessions sessions
// (three a day, plus a break) and nPeople participants, 5% of whom join on
// the second day, with about nine in ten cells marked.
func benchWorkshopData(b *testing.B, nPeople, nSessions int) *WorkshopData {
	b.Helper()
	days := (nSessions + 2) / 3
	start := Date{2027, 3, 1}
	d := &WorkshopData{
		Workshop: Workshop{Record: Record{ID: NewID()}, Code: "big-2027", TimeZone: "Africa/Nairobi",
			StartDate: start, EndDate: start.AddDays(days - 1)},
		Marks: make(map[uuid.UUID]*SessionMarks, nSessions),
	}
	loc := d.Workshop.Location()
	slots := [][2]string{{"09:00", "10:30"}, {"11:00", "12:30"}, {"14:00", "15:30"}}
	for i := range nSessions {
		se := Session{Record: Record{ID: NewID()}, Date: start.AddDays(i / 3), Title: fmt.Sprintf("Session %d", i),
			Type: Plenary, Counts: true, Mandatory: i == 0 || i == nSessions-1}
		se.Start, _ = ParseClock(slots[i%3][0])
		se.End, _ = ParseClock(slots[i%3][1])
		d.Sessions = append(d.Sessions, se)
		if i%3 == 0 {
			brk := Session{Record: Record{ID: NewID()}, Date: se.Date, Title: "Break", Type: Break}
			brk.Start, _ = ParseClock("10:30")
			brk.End, _ = ParseClock("11:00")
			d.Sessions = append(d.Sessions, brk)
		}
	}
	SortSessions(d.Sessions)
	d.Participants = make([]Participant, nPeople)
	for i := range d.Participants {
		d.Participants[i] = benchParticipant(i)
		if i%20 == 0 {
			d.Participants[i].JoinedAt = start.AddDays(1).In(8*60, loc)
		}
	}
	statuses := []Status{Present, Present, Present, Present, Present, Present, Late, Late, Excused, Absent}
	for si, se := range d.Sessions {
		m := &SessionMarks{}
		if se.Type != Break {
			for pi, p := range d.Participants {
				if (pi*7+si*3)%10 == 9 {
					continue // unmarked
				}
				m.Set(p.ID, Mark{Status: statuses[(pi+si)%len(statuses)], RecordedAt: se.StartsAt(loc)})
			}
		}
		d.Marks[se.ID] = m
	}
	return d
}

func BenchmarkCompute5000x30(b *testing.B) {
	const nPeople, nSessions = 5000, 30
	d := benchWorkshopData(b, nPeople, nSessions)
	// Halfway through: some sessions over, some to come.
	now := d.Workshop.StartDate.AddDays(5).In(12*60, d.Workshop.Location())
	var st *AttendanceStats
	var durs []time.Duration
	for b.Loop() {
		start := time.Now()
		st = Compute(d, now)
		durs = append(durs, time.Since(start))
	}
	if len(st.Participants) != nPeople || st.Eligible+st.AtRisk+st.CannotReach == 0 {
		b.Fatalf("Compute: %d participants, %d eligible, %d at risk, %d cannot reach",
			len(st.Participants), st.Eligible, st.AtRisk, st.CannotReach)
	}
	if m := statsBenchMedian(b, durs); m > 50*time.Millisecond {
		b.Logf("median Compute %v is over the 50 ms target", m)
	}
}

func BenchmarkSearch5000(b *testing.B) {
	people := make([]Participant, 5000)
	for i := range people {
		people[i] = benchParticipant(i)
	}
	ix := NewParticipantIndex(people)
	queries := []string{
		"traore",        // a family name
		"ami",           // a prefix, as typed
		"fatou ndiaye",  // two words
		"ozturk",        // accents ignored
		"李",             // native script
		"ministry",      // organisation
		"B04711",        // a badge code
		"a",             // one letter: thousands of matches
		"zzz",           // nothing
		"jean-pierre h", // punctuation and a prefix
	}
	for _, q := range queries {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				n = len(ix.Search(q, 50))
			}
			b.ReportMetric(float64(n), "matches")
		})
	}
}

func BenchmarkCheckIn(b *testing.B) {
	// fsync must cost what it costs on a disk: /tmp may be a RAM disk.
	base := "/var/tmp"
	if _, err := os.Stat(base); err != nil {
		base = os.TempDir()
	}
	dir, err := os.MkdirTemp(base, "workshopdesk-checkin-")
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { os.RemoveAll(dir) })
	s, err := Open(filepath.Join(dir, "workshops.db"), Options{NoAutoBackup: true})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	w := addWorkshop(b, s, "checkin-2027", "2027-03-09")
	const nPeople = 500
	ps := make([]*Participant, nPeople)
	for i := range ps {
		p := benchParticipant(i)
		p.ID, p.WorkshopID = uuid.Nil, w.ID
		ps[i] = &p
	}
	if err := s.SaveParticipants(ps); err != nil {
		b.Fatal(err)
	}
	now := time.Date(2027, 3, 9, 6, 5, 0, 0, time.UTC)

	b.Run("new", func(b *testing.B) {
		var durs []time.Duration
		var se Session
		i := 0
		for b.Loop() {
			if i%nPeople == 0 { // everyone is in: a new session
				b.StopTimer()
				se = addSession(b, s, w, 1+i/nPeople%3, "09:00", "10:30", fmt.Sprintf("Session %d", i/nPeople))
				b.StartTimer()
			}
			start := time.Now()
			res, err := s.CheckIn(se.ID, ps[i%nPeople].ID, now)
			durs = append(durs, time.Since(start))
			if err != nil || res.Already() {
				b.Fatalf("CheckIn = %+v, %v", res, err)
			}
			i++
		}
		statsBenchMedian(b, durs)
	})
	b.Run("again", func(b *testing.B) {
		se := addSession(b, s, w, 2, "09:00", "10:30", "Again")
		if _, err := s.CheckIn(se.ID, ps[0].ID, now); err != nil {
			b.Fatal(err)
		}
		var durs []time.Duration
		for b.Loop() {
			start := time.Now()
			res, err := s.CheckIn(se.ID, ps[0].ID, now)
			durs = append(durs, time.Since(start))
			if err != nil || !res.Already() {
				b.Fatalf("CheckIn = %+v, %v", res, err)
			}
		}
		statsBenchMedian(b, durs)
	})
}
