package report

import (
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// benchWorkshop builds in memory a workshop of nPeople participants and
// nSessions sessions (three a day, a break each morning), with every
// gender, organisation type and role, 15 countries, 5 % late joiners and
// nine marks in ten, measured at the end of day 2.
func benchWorkshop(nPeople, nSessions int) (*store.WorkshopData, time.Time) {
	start := store.Date{Year: 2026, Month: 11, Day: 26}
	d := &store.WorkshopData{
		Workshop: store.Workshop{Code: "big", Title: "Big workshop", TimeZone: "Africa/Nairobi",
			StartDate: start, EndDate: start.AddDays((nSessions+2)/3 - 1)},
		Marks: map[uuid.UUID]*store.SessionMarks{},
	}
	loc := d.Workshop.Location()
	for i := range nSessions {
		se := store.Session{Record: store.Record{ID: store.NewID()}, Date: start.AddDays(i / 3),
			Start: store.Clock(9*60 + 150*(i%3)), End: store.Clock(10*60 + 30 + 150*(i%3)),
			Title: fmt.Sprintf("Session %d", i+1), Type: store.SessionTypes[i%4], Counts: true, Mandatory: i == 0,
			Speakers: "Priya Raman", Room: "Main hall"}
		d.Sessions = append(d.Sessions, se)
		if i%3 == 0 {
			d.Sessions = append(d.Sessions, store.Session{Record: store.Record{ID: store.NewID()}, Date: se.Date,
				Start: 10*60 + 30, End: 11 * 60, Title: "Break", Type: store.Break})
		}
	}
	store.SortSessions(d.Sessions)
	genders := append([]store.Gender{""}, store.Genders...)
	orgs := append([]store.OrgType{""}, store.OrgTypes...)
	countries := []string{"ET", "SN", "ML", "KE", "NG", "GH", "TR", "CN", "RU", "CL", "BR", "DE", "FR", "MA", ""}
	for i := range nPeople {
		p := store.Participant{Record: store.Record{ID: store.NewID()}, GivenNames: fmt.Sprint("Given", i%97),
			FamilyNames: fmt.Sprint("Family", i%1009), NativeName: []string{"", "李伟", "محمد الأمين"}[i%3],
			Organisation: fmt.Sprint("Organisation ", i%50), Country: countries[i%len(countries)],
			Gender: genders[i%len(genders)], OrgType: orgs[i%len(orgs)], Role: store.Roles[i%len(store.Roles)]}
		if i%20 == 0 {
			p.JoinedAt = start.AddDays(1).In(8*60, loc)
		}
		d.Participants = append(d.Participants, p)
	}
	statuses := []store.Status{store.Present, store.Present, store.Present, store.Present, store.Late, store.Excused, store.Absent}
	for si, se := range d.Sessions {
		m := &store.SessionMarks{}
		if se.Type != store.Break && se.Date.Compare(start.AddDays(1)) <= 0 {
			for pi, p := range d.Participants {
				if (pi*7+si*3)%10 != 9 {
					m.Set(p.ID, store.Mark{Status: statuses[(pi+si)%len(statuses)]})
				}
			}
		}
		d.Marks[se.ID] = m
	}
	return d, start.AddDays(1).In(18*60, loc)
}

// benchFiles runs the CSV (the first table) and XLSX (all tables) writing
// of the tables that build returns, building them in every iteration.
func benchFiles(b *testing.B, build func() []sheet.Table) {
	b.Run("csv", func(b *testing.B) {
		for b.Loop() {
			if err := sheet.WriteCSV(io.Discard, build()[0]); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("xlsx", func(b *testing.B) {
		for b.Loop() {
			if err := sheet.WriteXLSX(io.Discard, build()...); err != nil {
				b.Fatal(err)
			}
		}
	})
}

func BenchmarkAttendanceReport5000x30(b *testing.B) {
	d, now := benchWorkshop(5000, 30)
	benchFiles(b, func() []sheet.Table {
		s, p := Attendance(d, now)
		return []sheet.Table{p, s}
	})
}

func BenchmarkStatisticsReport5000(b *testing.B) {
	d, _ := benchWorkshop(5000, 30)
	benchFiles(b, func() []sheet.Table { return Statistics(d) })
}

func BenchmarkAgendaReport(b *testing.B) {
	d, _ := benchWorkshop(5000, 30)
	benchFiles(b, func() []sheet.Table { return []sheet.Table{Agenda(d)} })
}
