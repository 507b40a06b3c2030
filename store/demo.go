package store

import (
	"errors"
	"fmt"
	"hash/fnv"
	"time"
)

// DemoCode is the short code of the sample workshop.
const DemoCode = "demo"

// demoPerson is one sample participant.
type demoPerson struct {
	honorific, given, family, native, org string
	orgType                               OrgType
	position, country                     string
	gender                                Gender
	role                                  Role
	lateDay                               int // joins on this day of the workshop (0: from the start)
}

var demoPeople = []demoPerson{
	{"Dr.", "Abebe", "Bekele", "አበበ በቀለ", "Ministry of Labour and Skills", OrgGovernment, "Director, Migration Directorate", "ET", Male, RoleSpeaker, 0},
	{"Ms.", "Almaz", "Tesfaye", "አልማዝ ተስፋዬ", "Ethiopian Red Cross Society", OrgCivilSociety, "Programme Officer", "ET", Female, RoleParticipant, 0},
	{"Mr.", "Dawit", "Haile", "ዳዊት ኃይሌ", "Addis Ababa University", OrgAcademia, "Lecturer", "ET", Male, RoleParticipant, 0},
	{"Ms.", "Hiwot", "Girma", "ሕይወት ግርማ", "Institute for Migration Policy", OrgInternational, "Workshop Coordinator", "ET", Female, RoleOrganiser, 0},
	{"Mr.", "Mohamed", "Al-Amin", "محمد الأمين", "Ministry of Interior", OrgGovernment, "Head of Consular Affairs", "SD", Male, RoleParticipant, 0},
	{"Ms.", "Fatima Zahra", "El Idrissi", "فاطمة الزهراء الإدريسي", "Ministry of Moroccans Living Abroad", OrgGovernment, "Policy Adviser", "MA", Female, RoleParticipant, 0},
	{"Mr.", "Omar", "Haddad", "عمر حداد", "Jordan River Foundation", OrgCivilSociety, "Project Manager", "JO", Male, RoleParticipant, 0},
	{"Dr.", "Layla", "Mansour", "ليلى منصور", "American University in Cairo", OrgAcademia, "Associate Professor", "EG", Female, RoleSpeaker, 0},
	{"Mr.", "Dmitry", "Ivanov", "Дмитрий Иванов", "Ministry of Foreign Affairs", OrgGovernment, "First Secretary", "RU", Male, RoleObserver, 0},
	{"Ms.", "Aigerim", "Nurlanova", "Айгерим Нурланова", "Migration Service", OrgGovernment, "Senior Specialist", "KZ", Female, RoleParticipant, 0},
	{"Ms.", "Olena", "Kovalenko", "Олена Коваленко", "State Migration Service of Ukraine", OrgGovernment, "Deputy Head of Unit", "UA", Female, RoleParticipant, 2},
	{"Ms.", "Eleni", "Papadopoulou", "Ελένη Παπαδοπούλου", "Hellenic Migration Policy Institute", OrgAcademia, "Researcher", "GR", Female, RoleParticipant, 0},
	{"Mr.", "Wei", "Li", "李伟", "Ministry of Commerce", OrgGovernment, "Division Director", "CN", Male, RoleParticipant, 0},
	{"Ms.", "Fang", "Wang", "王芳", "China Agricultural University", OrgAcademia, "Professor", "CN", Female, RoleParticipant, 0},
	{"Ms.", "Şule", "Çağlar", "", "Presidency of Migration Management", OrgGovernment, "Expert", "TR", Female, RoleParticipant, 0},
	{"Mr.", "Mehmet", "Öztürk", "", "Turkish Red Crescent", OrgCivilSociety, "Coordinator", "TR", Male, RoleParticipant, 0},
	{"Mr.", "Văn Đức", "Nguyễn", "", "Ministry of Labour, Invalids and Social Affairs", OrgGovernment, "Deputy Director", "VN", Male, RoleParticipant, 0},
	{"Ms.", "Aminata", "Traoré", "", "Ministère des Maliens de l'Extérieur", OrgGovernment, "Cheffe de division", "ML", Female, RoleParticipant, 0},
	{"M.", "Moussa", "Diop", "", "Université Cheikh Anta Diop", OrgAcademia, "Maître de conférences", "SN", Male, RoleFacilitator, 0},
	{"Mme", "Fatou", "Ndiaye", "", "Réseau des femmes rurales", OrgCivilSociety, "Présidente", "SN", Female, RoleParticipant, 0},
	{"Sr.", "José", "Martínez", "", "Ministerio del Interior", OrgGovernment, "Jefe de Departamento", "CL", Male, RoleParticipant, 0},
	{"Sra.", "María Fernanda", "González", "", "Fundación Rural Andina", OrgCivilSociety, "Directora Ejecutiva", "CL", Female, RoleParticipant, 0},
	{"Mr.", "João", "Gonçalves", "", "Instituto de Pesquisa Econômica Aplicada", OrgAcademia, "Researcher", "BR", Male, RoleParticipant, 0},
	{"Ms.", "Zoë", "Müller", "", "Deutsche Gesellschaft für Internationale Zusammenarbeit", OrgInternational, "Technical Adviser", "DE", Female, RoleObserver, 0},
	{"Mr.", "Søren", "Østergaard", "", "Danish Refugee Council", OrgCivilSociety, "Regional Manager", "DK", Male, RoleParticipant, 0},
	{"Mr.", "Łukasz", "Wróbel", "", "Ministry of Family and Social Policy", OrgGovernment, "Chief Specialist", "PL", Male, RoleParticipant, 2},
	{"Ms.", "Ana", "Ćosić", "", "University of Zagreb", OrgAcademia, "PhD Candidate", "HR", Female, RoleParticipant, 0},
	{"Mr.", "Rhodri", "Llŵyd", "", "Wales Centre for International Affairs", OrgCivilSociety, "Policy Officer", "GB", Male, RoleParticipant, 0},
	{"Mr.", "Chidi", "Okafor", "", "Nigerians in Diaspora Commission", OrgGovernment, "Assistant Director", "NG", Male, RoleParticipant, 0},
	{"Ms.", "Grace", "Wanjiru", "", "Kenya Private Sector Alliance", OrgPrivate, "Head of Partnerships", "KE", Female, RoleParticipant, 0},
	{"Mr.", "Kwame", "Mensah", "", "Ghana Immigration Service", OrgGovernment, "Superintendent", "GH", "", RoleParticipant, 0},
	{"Ms.", "Amani", "Mwakyusa", "", "Tanzania Media Foundation", OrgMedia, "Journalist", "TZ", Female, RoleParticipant, 0},
	{"Dr.", "Priya", "Raman", "", "International Labour Organization", OrgInternational, "Migration Specialist", "IN", Female, RoleSpeaker, 0},
	{"Sr.", "Rafael", "Peña", "", "Secretaría de Relaciones Exteriores", OrgGovernment, "Cónsul", "MX", Male, RoleParticipant, 0},
	{"Ms.", "Ingrid", "Håkansson", "", "Swedish Migration Agency", OrgGovernment, "Analyst", "SE", GenderPreferNotSay, RoleParticipant, 0},
	{"Ms.", "Aisha", "Bello", "", "ECOWAS Commission", OrgInternational, "Programme Officer", "NG", Female, RoleParticipant, 0},
	{"Mr.", "Jean-Pierre", "Habimana", "", "Rwanda Cooperative Agency", OrgGovernment, "Cooperatives Officer", "RW", Male, RoleParticipant, 3},
	{"Mx.", "Sam", "Okonkwo-Reyes", "", "Migrant Voices Network", OrgCivilSociety, "Advocacy Lead", "PH", OtherGender, RoleParticipant, 0},
	{"Ms.", "Nomvula", "Dlamini", "", "African Union Commission", OrgInternational, "Policy Officer", "ZA", Female, RoleFacilitator, 0},
	{"Mr.", "Tomás", "Quispe Mamani", "", "Ministerio de Desarrollo Rural y Tierras", OrgGovernment, "Técnico", "BO", Male, RoleParticipant, 0},
}

type demoSession struct {
	day               int
	start, end        string
	title             string
	typ               SessionType
	speakers, room    string
	counts, mandatory bool
}

var demoSessions = []demoSession{
	{1, "09:00", "09:45", "Opening plenary", Plenary, "Hiwot Girma; Abebe Bekele", "Main hall", true, true},
	{1, "09:45", "11:00", "Panel: Migration and rural livelihoods", Panel, "Layla Mansour; Priya Raman", "Main hall", true, false},
	{1, "11:00", "11:30", "Coffee break", Break, "", "Foyer", false, false},
	{1, "11:30", "13:00", "Working groups: Remittances and rural investment", WorkingGroup, "Moussa Diop; Nomvula Dlamini", "Rooms A and B", true, false},
	{1, "14:30", "17:00", "Field visit: Farmers' cooperative in Bishoftu", FieldVisit, "Almaz Tesfaye", "Bus from the main entrance", true, false},
	{2, "09:00", "10:30", "Panel: Climate, land and mobility", Panel, "Priya Raman; Fang Wang", "Main hall", true, false},
	{2, "11:00", "12:30", "Working groups: Skills and labour migration pathways", WorkingGroup, "Moussa Diop", "Rooms A and B", true, false},
	{2, "14:00", "15:30", "Test your knowledge: migration data quiz", OtherSession, "Nomvula Dlamini", "Main hall", true, false},
	{3, "09:00", "10:30", "Working group reports and recommendations", Plenary, "Rapporteurs", "Main hall", true, false},
	{3, "11:00", "12:00", "Closing plenary and evaluation", Plenary, "Hiwot Girma", "Main hall", true, true},
}

// InitDemo creates the sample workshop ("Migration and sustainable rural
// development", Addis Ababa, three days from yesterday) with its agenda,
// 40 participants in many scripts and the attendance of the sessions that
// have already ended. It fails if a workshop with the code "demo" exists.
func (s *Store) InitDemo() (Workshop, error) {
	loc, err := time.LoadLocation("Africa/Addis_Ababa")
	if err != nil {
		return Workshop{}, fmt.Errorf("sample workshop: %w", err)
	}
	now := s.now().In(loc)
	start := DateOf(now).AddDays(-1)
	w := Workshop{
		Code: DemoCode, Title: "Migration and sustainable rural development",
		Series: "Regional workshops on migration policy", City: "Addis Ababa", Country: "ET",
		TimeZone: loc.String(), StartDate: start, EndDate: start.AddDays(2),
		Organiser: "Institute for Migration Policy", Partners: "African Union Commission; International Labour Organization",
		Language: "en", Notes: "Sample workshop: explore freely, or delete it from the workshop list.",
	}
	if _, err := s.FindWorkshop(DemoCode); err == nil {
		return Workshop{}, ValidationError{{"code", "a workshop with the code demo already exists"}}
	} else if !errors.Is(err, ErrNotFound) {
		return Workshop{}, err
	}
	if err := s.SaveWorkshop(&w); err != nil {
		return Workshop{}, fmt.Errorf("sample workshop: %w", err)
	}
	var sessions []Session
	for _, d := range demoSessions {
		se := Session{WorkshopID: w.ID, Date: start.AddDays(d.day - 1), Title: d.title, Type: d.typ,
			Speakers: d.speakers, Room: d.room, Counts: d.counts, Mandatory: d.mandatory}
		se.Start, _ = ParseClock(d.start)
		se.End, _ = ParseClock(d.end)
		if err := s.SaveSession(&se); err != nil {
			return w, fmt.Errorf("sample session %q: %w", d.title, err)
		}
		sessions = append(sessions, se)
	}
	people := make([]*Participant, len(demoPeople))
	for i, d := range demoPeople {
		p := &Participant{WorkshopID: w.ID, Honorific: d.honorific, GivenNames: d.given, FamilyNames: d.family,
			NativeName: d.native, Organisation: d.org, OrgType: d.orgType, Position: d.position,
			Country: d.country, Gender: d.gender, Role: d.role, Email: demoEmail(d)}
		if d.lateDay > 0 {
			p.JoinedAt = start.AddDays(d.lateDay-1).In(8*60, loc)
		}
		people[i] = p
	}
	if err := s.SaveParticipants(people); err != nil {
		return w, fmt.Errorf("sample participants: %w", err)
	}
	if err := s.addDemoQuiz(w, people); err != nil {
		return w, err
	}
	for _, se := range sessions {
		if se.Type == Break || se.EndsAt(loc).After(now) {
			continue
		}
		for i, p := range people {
			if !p.JoinedAt.IsZero() && p.JoinedAt.After(se.StartsAt(loc)) {
				continue
			}
			status, late := demoStatus(se.Title, i)
			if status == "" {
				continue
			}
			a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: status,
				RecordedAt: se.StartsAt(loc).Add(late)}
			if err := s.RecordAttendance(&a); err != nil {
				return w, fmt.Errorf("sample attendance: %w", err)
			}
		}
	}
	return w, s.demoEvaluation(w) // evaluation_demo.go
}

// demoStatus picks a plausible, repeatable status for participant i at a
// session: mostly present, some late, a few excused or absent, some unmarked.
func demoStatus(session string, i int) (Status, time.Duration) {
	h := fnv.New32a()
	fmt.Fprintf(h, "%s/%d", session, i)
	switch n := h.Sum32() % 100; {
	case n < 72:
		return Present, time.Duration(n%9) * time.Minute
	case n < 84:
		return Late, time.Duration(16+n%20) * time.Minute
	case n < 89:
		return Excused, 0
	case n < 95:
		return Absent, 0
	default:
		return "", 0
	}
}

func demoEmail(d demoPerson) string {
	return fmt.Sprintf("%s.%s@example.org", asciiFold(d.given), asciiFold(d.family))
}
