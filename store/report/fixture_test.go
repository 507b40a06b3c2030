package report

import (
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// The fixture's clock: the second day, 10:00 UTC, while "Working groups"
// (09:00–10:30) is under way.
var fixtureNow = time.Date(2027, 3, 9, 10, 0, 0, 0, time.UTC)

// fixture is a two-day workshop built in memory, under the default rule
// (80 % of sessions; late counts, excused does not; mandatory sessions
// required):
//
//	sessions  S1 Opening plenary  day 1 09:00–10:30  plenary, mandatory
//	          Coffee break        day 1 10:30–11:00  break
//	          S2 Panel on data    day 1 11:00–12:30  panel
//	          S3 Working groups   day 2 09:00–10:30  working group, Room A (under way at 10:00)
//	          S4 Site visit       day 2 11:00–12:00  field visit, does not count (marked mandatory)
//
//	   name                  gender      country  org type       role         S1       S2       S3
//	A  Bekele, Abebe         female      ET       government     participant  present  present  present
//	B  Diop, Moussa          male        SN       civil society  speaker      late     absent   -
//	C  González, María F.    (none)      CL       (none)         participant  excused  present  present
//	D  Håkansson, Ingrid     prefer not  ZZ (?)   academia       participant  present  present  -
//	E  Çağlar, Şule          female      TR       international  participant  (joins day 2; present at S1 ignored)  present
//	F  Li, Wei (李伟)        male        ET       government     observer     absent   absent   absent   + granted by hand
//	X  Deleted, Person       female      ET       government     participant  present (deleted: left out everywhere)
func fixture() (*store.WorkshopData, map[uuid.UUID]store.EligibilityOverride) {
	start := store.Date{Year: 2027, Month: 3, Day: 8}
	d := &store.WorkshopData{
		Workshop: store.Workshop{Record: store.Record{ID: store.NewID()}, Code: "fixture-2027",
			Title: "Regional workshop on labour migration statistics", City: "Addis Ababa", Country: "ET",
			TimeZone: "UTC", StartDate: start, EndDate: start.AddDays(1), Language: "en"},
		Marks: map[uuid.UUID]*store.SessionMarks{},
	}
	session := func(day int, from, to, title string, typ store.SessionType) store.Session {
		se := store.Session{Record: store.Record{ID: store.NewID()}, Date: start.AddDays(day - 1), Title: title,
			Type: typ, Counts: typ != store.Break}
		se.Start, _ = store.ParseClock(from)
		se.End, _ = store.ParseClock(to)
		return se
	}
	s1 := session(1, "09:00", "10:30", "Opening plenary", store.Plenary)
	s1.Mandatory = true
	s1.Speakers = "Abebe Bekele"
	s1.Room = "Main hall"
	brk := session(1, "10:30", "11:00", "Coffee break", store.Break)
	s2 := session(1, "11:00", "12:30", "Panel on data", store.Panel)
	s3 := session(2, "09:00", "10:30", "Working groups", store.WorkingGroup)
	s3.Speakers, s3.Room = "Moussa Diop", "Room A"
	s4 := session(2, "11:00", "12:00", "Site visit", store.FieldVisit)
	s4.Counts, s4.Mandatory = false, true
	d.Sessions = []store.Session{s1, brk, s2, s3, s4}

	person := func(given, family string, g store.Gender, country string, o store.OrgType, r store.Role) store.Participant {
		return store.Participant{Record: store.Record{ID: store.NewID()}, GivenNames: given, FamilyNames: family,
			Gender: g, Country: country, OrgType: o, Role: r, Organisation: "Org of " + given}
	}
	a := person("Abebe", "Bekele", store.Female, "ET", store.OrgGovernment, store.RoleParticipant)
	a.NativeName = "አበበ በቀለ"
	b := person("Moussa", "Diop", store.Male, "SN", store.OrgCivilSociety, store.RoleSpeaker)
	c := person("María Fernanda", "González", store.GenderUnknown, "CL", store.OrgUnknown, store.RoleParticipant)
	c.Organisation = ""
	dd := person("Ingrid", "Håkansson", store.GenderPreferNotSay, "zz", store.OrgAcademia, store.RoleParticipant)
	e := person("Şule", "Çağlar", store.Female, "TR", store.OrgInternational, store.RoleParticipant)
	e.JoinedAt = start.AddDays(1).In(8*60, time.UTC)
	f := person("Wei", "Li", store.Male, "ET", store.OrgGovernment, store.RoleObserver)
	f.NativeName = "李伟"
	x := person("Person", "Deleted", store.Female, "ET", store.OrgGovernment, store.RoleParticipant)
	gone := start.AddDays(1).In(8*60, time.UTC)
	x.DeletedAt = &gone
	// Registration order differs from name order.
	d.Participants = []store.Participant{f, a, x, b, c, dd, e}

	mark := func(se store.Session, p store.Participant, st store.Status) {
		if d.Marks[se.ID] == nil {
			d.Marks[se.ID] = &store.SessionMarks{}
		}
		d.SetMark(se.ID, p.ID, store.Mark{Status: st})
	}
	mark(s1, a, store.Present)
	mark(s2, a, store.Present)
	mark(s3, a, store.Present)
	mark(s1, b, store.Late)
	mark(s2, b, store.Absent)
	mark(s1, c, store.Excused)
	mark(s2, c, store.Present)
	mark(s3, c, store.Present)
	mark(s1, dd, store.Present)
	mark(s2, dd, store.Present)
	mark(s1, e, store.Present) // before Ş. Çağlar joined: not applicable
	mark(s3, e, store.Present)
	mark(s1, f, store.Absent)
	mark(s2, f, store.Absent)
	mark(s3, f, store.Absent)
	mark(s1, x, store.Present)
	mark(s2, x, store.Present)

	overrides := map[uuid.UUID]store.EligibilityOverride{
		f.ID: {ParticipantID: f.ID, Granted: true, Reason: "Chaired a working group"},
	}
	return d, overrides
}
