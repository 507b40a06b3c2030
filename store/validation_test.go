package store

import (
	"errors"
	"strings"
	"testing"
)

func TestWorkshopValidation(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	tests := []struct {
		name   string
		change func(w *Workshop)
		field  string
	}{
		{"end before start", func(w *Workshop) { w.EndDate = w.StartDate.AddDays(-1) }, "end_date"},
		{"longer than a year", func(w *Workshop) { w.EndDate = w.StartDate.AddDays(400) }, "end_date"},
		{"no start date", func(w *Workshop) { w.StartDate = Date{} }, "start_date"},
		{"no end date", func(w *Workshop) { w.EndDate = Date{} }, "end_date"},
		{"no code", func(w *Workshop) { w.Code = "  " }, "code"},
		{"code too short", func(w *Workshop) { w.Code = "a" }, "code"},
		{"code with a space", func(w *Workshop) { w.Code = "addis 2027" }, "code"},
		{"code starting with a dash", func(w *Workshop) { w.Code = "-addis" }, "code"},
		{"code with punctuation", func(w *Workshop) { w.Code = "addis_2027!" }, "code"},
		{"code too long", func(w *Workshop) { w.Code = strings.Repeat("a", 33) }, "code"},
		{"no title", func(w *Workshop) { w.Title = "" }, "title"},
		{"no city", func(w *Workshop) { w.City = " " }, "city"},
		{"unknown country", func(w *Workshop) { w.Country = "ZZ" }, "country"},
		{"three-letter country", func(w *Workshop) { w.Country = "KEN" }, "country"},
		{"unknown time zone", func(w *Workshop) { w.TimeZone = "Mars/Olympus_Mons" }, "time_zone"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := newWorkshop(t, "valid-code", "2027-03-09")
			tt.change(&w)
			err := s.SaveWorkshop(&w)
			wantFieldError(t, err, tt.field)
			if w.ID.String() != "00000000-0000-0000-0000-000000000000" {
				t.Errorf("a refused workshop was given an ID")
			}
		})
	}
	list, err := s.Workshops()
	if err != nil || len(list) != 0 {
		t.Errorf("refused workshops were stored: %d, %v", len(list), err)
	}

	// The valid base case is accepted, normalised, and given the country's zone.
	w := newWorkshop(t, "  Valid-CODE ", "2027-03-09")
	w.Country = "ke"
	if err := s.SaveWorkshop(&w); err != nil {
		t.Fatalf("valid workshop refused: %v", err)
	}
	if w.Code != "valid-code" || w.Country != "KE" || w.TimeZone != "Africa/Nairobi" {
		t.Errorf("saved workshop not normalised: code %q, country %q, zone %q", w.Code, w.Country, w.TimeZone)
	}
}

func TestDuplicateWorkshopCode(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	first := addWorkshop(t, s, "dakar-2027", "2027-05-03")
	w := newWorkshop(t, "DAKAR-2027", "2027-09-06")
	wantFieldError(t, s.SaveWorkshop(&w), "code")

	// Renaming another workshop to the taken code is refused too.
	other := addWorkshop(t, s, "lima-2027", "2027-09-06")
	other.Code = "dakar-2027"
	wantFieldError(t, s.SaveWorkshop(&other), "code")
	if got, err := s.FindWorkshop("dakar-2027"); err != nil || got.ID != first.ID {
		t.Errorf("the code now finds %v, %v; want the first workshop", got.ID, err)
	}
	if got, err := s.FindWorkshop("lima-2027"); err != nil || got.Code != "lima-2027" {
		t.Errorf("the refused rename changed the stored workshop: %+v, %v", got, err)
	}
	// A deleted workshop frees its code.
	if err := s.DeleteWorkshop(first.ID); err != nil {
		t.Fatal(err)
	}
	w = newWorkshop(t, "dakar-2027", "2027-09-06")
	if err := s.SaveWorkshop(&w); err != nil {
		t.Errorf("the code of a deleted workshop is not free: %v", err)
	}
}

func TestSessionValidation(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "accra-2027", "2027-04-12") // 12 to 14 April
	tests := []struct {
		name   string
		change func(se *Session)
		field  string
	}{
		{"day before the workshop", func(se *Session) { se.Date = mustDate(t, "2027-04-11") }, "date"},
		{"day after the workshop", func(se *Session) { se.Date = mustDate(t, "2027-04-15") }, "date"},
		{"no date", func(se *Session) { se.Date = Date{} }, "date"},
		{"end before start", func(se *Session) { se.Start, se.End = mustClock(t, "10:00"), mustClock(t, "09:30") }, "end"},
		{"end equals start", func(se *Session) { se.End = se.Start }, "end"},
		{"start not a time of day", func(se *Session) { se.Start, se.End = -30, 60 }, "start"},
		{"no title", func(se *Session) { se.Title = "   " }, "title"},
		{"unknown type", func(se *Session) { se.Type = "picnic" }, "type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			se := Session{WorkshopID: w.ID, Date: mustDate(t, "2027-04-13"), Start: mustClock(t, "09:00"),
				End: mustClock(t, "10:30"), Title: "Panel"}
			tt.change(&se)
			wantFieldError(t, s.SaveSession(&se), tt.field)
		})
	}
	if list, err := s.Sessions(w.ID); err != nil || len(list) != 0 {
		t.Errorf("refused sessions were stored: %d, %v", len(list), err)
	}
	// The first and last days are inside.
	addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	addSession(t, s, w, 3, "16:00", "17:00", "Closing")
}

// TestSessionEndingAtMidnight saves a session that ends at 24:00, which
// Session.Validate accepts, and reads it back.
func TestSessionEndingAtMidnight(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "night-2027", "2027-04-12")
	se := Session{WorkshopID: w.ID, Date: w.StartDate, Start: mustClock(t, "22:00"), End: 24 * 60, Title: "Night walk"}
	if err := s.SaveSession(&se); err != nil {
		// Refusing it as a validation error would be fine as well.
		wantFieldError(t, err, "end")
		return
	}
	got, err := s.Session(se.ID)
	if err != nil {
		t.Fatalf("a session that Validate accepted (ends 24:00) cannot be read back: %v", err)
	}
	if got.End != 24*60 {
		t.Errorf("End = %v, want 24:00", got.End)
	}
	if _, err := s.LoadWorkshop(w.ID); err != nil {
		t.Errorf("LoadWorkshop: %v", err)
	}
}

func TestChangingWorkshopDatesKeepsSessionsInside(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "kigali-2027", "2027-06-07") // 7 to 9 June
	addSession(t, s, w, 3, "09:00", "10:00", "Closing")

	shorter := w
	shorter.EndDate = w.StartDate.AddDays(1)
	ve := wantFieldError(t, s.SaveWorkshop(&shorter), "end_date")
	if !strings.Contains(ve.For("end_date"), "Closing") {
		t.Errorf("message %q does not name the session left outside", ve.For("end_date"))
	}
	if got, _ := s.Workshop(w.ID); got.EndDate != w.EndDate {
		t.Errorf("the refused change was stored: end date %s", got.EndDate)
	}
	// Extending is fine.
	longer := w
	longer.EndDate = w.StartDate.AddDays(4)
	if err := s.SaveWorkshop(&longer); err != nil {
		t.Errorf("extending the workshop: %v", err)
	}
}

func TestParticipantValidation(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "quito-2027", "2027-07-05")
	tests := []struct {
		name   string
		change func(p *Participant)
		field  string
	}{
		{"no name", func(p *Participant) { p.GivenNames, p.FamilyNames = " ", "" }, "family_name"},
		{"email without at", func(p *Participant) { p.Email = "maria.example.org" }, "email"},
		{"email without a dot in the domain", func(p *Participant) { p.Email = "maria@example" }, "email"},
		{"email with two at signs", func(p *Participant) { p.Email = "maria@@example.org" }, "email"},
		{"email with a display name", func(p *Participant) { p.Email = "María <maria@example.org>" }, "email"},
		{"two emails", func(p *Participant) { p.Email = "maria@example.org, jose@example.org" }, "email"},
		{"email with a space", func(p *Participant) { p.Email = "maria gonzalez@example.org" }, "email"},
		{"email without local part", func(p *Participant) { p.Email = "@example.org" }, "email"},
		{"email domain starting with a dot", func(p *Participant) { p.Email = "maria@.org" }, "email"},
		{"unknown country", func(p *Participant) { p.Country = "ZZ" }, "country"},
		{"country name instead of code", func(p *Participant) { p.Country = "Ecuador" }, "country"},
		{"unknown gender", func(p *Participant) { p.Gender = "robot" }, "gender"},
		{"unknown organisation type", func(p *Participant) { p.OrgType = "club" }, "org_type"},
		{"unknown role", func(p *Participant) { p.Role = "chef" }, "role"},
		{"badge code too short", func(p *Participant) { p.BadgeCode = "AB1" }, "badge_code"},
		{"badge code too long", func(p *Participant) { p.BadgeCode = "ABCDEFGH9" }, "badge_code"},
		{"badge code with punctuation", func(p *Participant) { p.BadgeCode = "AB_CD" }, "badge_code"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := Participant{WorkshopID: w.ID, GivenNames: "María", FamilyNames: "González"}
			tt.change(&p)
			wantFieldError(t, s.SaveParticipant(&p), tt.field)
		})
	}
	if list, err := s.Participants(w.ID); err != nil || len(list) != 0 {
		t.Errorf("refused participants were stored: %d, %v", len(list), err)
	}

	// A valid participant is normalised.
	p := Participant{WorkshopID: w.ID, GivenNames: " María ", FamilyNames: "González",
		Email: " Maria.Gonzalez+ws@Example.ORG ", Country: "ec", BadgeCode: "qx-7m4"}
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatalf("valid participant refused: %v", err)
	}
	if p.GivenNames != "María" || p.Email != "maria.gonzalez+ws@example.org" || p.Country != "EC" ||
		p.BadgeCode != "QX7M4" || p.Role != RoleParticipant {
		t.Errorf("participant not normalised: %+v", p)
	}
}

func TestDuplicateBadgeCode(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w1 := addWorkshop(t, s, "tunis-2027", "2027-10-04")
	w2 := addWorkshop(t, s, "rabat-2027", "2027-11-08")
	first := addParticipant(t, s, w1, "Omar", "Haddad", "HJK47")

	p := Participant{WorkshopID: w1.ID, GivenNames: "Layla", FamilyNames: "Mansour", BadgeCode: "hjk-47"}
	wantFieldError(t, s.SaveParticipant(&p), "badge_code")

	// Changing another participant's code to the taken one is refused too.
	other := addParticipant(t, s, w1, "Layla", "Mansour", "")
	other.BadgeCode = "HJK47"
	wantFieldError(t, s.SaveParticipant(&other), "badge_code")

	// The same code in another workshop is fine.
	elsewhere := addParticipant(t, s, w2, "Layla", "Mansour", "HJK47")
	for _, c := range []struct {
		w    Workshop
		want Participant
	}{{w1, first}, {w2, elsewhere}} {
		got, err := s.ParticipantByBadge(c.w.ID, "HJK47")
		if err != nil || got.ID != c.want.ID {
			t.Errorf("ParticipantByBadge(%s, HJK47) = %v, %v; want %v", c.w.Code, got.ID, err, c.want.ID)
		}
	}
}

func TestParseDateAndClock(t *testing.T) {
	for _, s := range []string{"2027-02-30", "2027-13-01", "2027-00-10", "2027-2-3", "27-02-03", "03/02/2027", ""} {
		if d, err := ParseDate(s); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", s, d)
		}
	}
	for s, want := range map[string]Date{"2028-02-29": {2028, 2, 29}, "2027-12-31": {2027, 12, 31}} {
		if d, err := ParseDate(s); err != nil || d != want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, d, err, want)
		}
	}
	if _, err := ParseDate("2027-02-29"); err == nil {
		t.Error("ParseDate accepted 29 February of a common year")
	}
	for _, s := range []string{"25:10", "24:01", "12:60", "noon", "12", ""} {
		if c, err := ParseClock(s); err == nil {
			t.Errorf("ParseClock(%q) = %v, want an error", s, c)
		}
	}
	for s, want := range map[string]Clock{"00:00": 0, "09:05": 545, "23:59": 1439} {
		if c, err := ParseClock(s); err != nil || c != want {
			t.Errorf("ParseClock(%q) = %v, %v; want %v", s, c, err, want)
		}
		if c, _ := ParseClock(s); c.String() != s {
			t.Errorf("Clock(%q).String() = %q", s, c.String())
		}
	}
}

func TestFindWorkshop(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	a := addWorkshop(t, s, "addis-2027", "2027-03-09")
	b := addWorkshop(t, s, "nairobi-2027", "2027-05-10")
	deleted := addWorkshop(t, s, "gone-2027", "2027-06-10")
	if err := s.DeleteWorkshop(deleted.ID); err != nil {
		t.Fatal(err)
	}
	as, bs := a.ID.String(), b.ID.String()
	common := 0
	for common < len(as) && as[common] == bs[common] {
		common++
	}
	if common == 0 {
		t.Fatalf("UUIDv7s made a moment apart share no prefix: %s %s", as, bs)
	}
	unique := as[:common+1] // the first character where a differs from b

	for _, ref := range []string{"addis-2027", "ADDIS-2027", "  Addis-2027 ", as, strings.ToUpper(as), unique, strings.ToUpper(unique)} {
		got, err := s.FindWorkshop(ref)
		if err != nil || got.ID != a.ID {
			t.Errorf("FindWorkshop(%q) = %v, %v; want %v", ref, got.ID, err, a.ID)
		}
	}
	if got, err := s.FindWorkshop(bs); err != nil || got.ID != b.ID {
		t.Errorf("FindWorkshop(b's ID) = %v, %v", got.ID, err)
	}
	// A prefix that both live workshops share is ambiguous.
	_, err := s.FindWorkshop(as[:common])
	if err == nil || errors.Is(err, ErrNotFound) {
		t.Errorf("FindWorkshop(shared prefix %q) = %v, want an ambiguity error", as[:common], err)
	} else if !strings.Contains(err.Error(), "give more of the ID") {
		t.Errorf("ambiguity error %q does not ask for more of the ID", err)
	}
	for _, ref := range []string{"lima-2027", "zz", "", deleted.Code, deleted.ID.String()} {
		if got, err := s.FindWorkshop(ref); !errors.Is(err, ErrNotFound) {
			t.Errorf("FindWorkshop(%q) = %v, %v; want ErrNotFound", ref, got.ID, err)
		}
	}
}
