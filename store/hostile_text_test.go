package store

import (
	"fmt"
	"strings"
	"testing"
)

// Hostile text: control characters, bidirectional overrides, oversized
// and differently normalised text typed into a form or read from a file.
// Part of the hostile suite: go test ./... -run Hostile

// badChars are characters no text field may hold, with how the message
// names them.
var badChars = map[string]string{
	"\x07": "U+0007", "\x1b": "U+001B", "\x00": "U+0000", "\x7f": "U+007F", "\u0085": "U+0085",
	"\u009b": "U+009B", "\u202a": "U+202A", "\u202e": "U+202E", "\u2066": "U+2066", "\u2069": "U+2069",
}

// participantText are the free-text fields of a participant.
var participantText = map[string]func(p *Participant) *string{
	"honorific":    func(p *Participant) *string { return &p.Honorific },
	"given_names":  func(p *Participant) *string { return &p.GivenNames },
	"family_name":  func(p *Participant) *string { return &p.FamilyNames },
	"native_name":  func(p *Participant) *string { return &p.NativeName },
	"organisation": func(p *Participant) *string { return &p.Organisation },
	"position":     func(p *Participant) *string { return &p.Position },
	"phone":        func(p *Participant) *string { return &p.Phone },
	"notes":        func(p *Participant) *string { return &p.Notes },
}

func TestHostileControlCharactersRefused(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "ctl-2027", "2027-07-05")
	for field, at := range participantText {
		for c, name := range badChars {
			p := Participant{WorkshopID: w.ID, GivenNames: "María", FamilyNames: "González"}
			*at(&p) = "Ma" + c + "ría"
			ve := wantFieldError(t, s.SaveParticipant(&p), field)
			if msg := ve.For(field); !strings.Contains(msg, name) {
				t.Errorf("%s with %s: message %q does not name the character", field, name, msg)
			}
		}
	}
	// Line breaks and tabs: in the notes, not in a name.
	p := Participant{WorkshopID: w.ID, GivenNames: "María", FamilyNames: "González", Notes: "Vegetarian\n\tno nuts\r\nvisa"}
	if err := s.SaveParticipant(&p); err != nil {
		t.Errorf("notes on several lines refused: %v", err)
	}
	for _, c := range []string{"\n", "\t", "\r"} {
		q := Participant{WorkshopID: w.ID, GivenNames: "María" + c + "José", FamilyNames: "González"}
		wantFieldError(t, s.SaveParticipant(&q), "given_names")
	}
	// An email with an escape is refused too.
	q := Participant{WorkshopID: w.ID, GivenNames: "María", Email: "maria\x1b[2J@example.org"}
	wantFieldError(t, s.SaveParticipant(&q), "email")
	// Joiners needed by some scripts are not controls.
	ok := Participant{WorkshopID: w.ID, GivenNames: "می\u200cخواهم", FamilyNames: "क्\u200dष"}
	if err := s.SaveParticipant(&ok); err != nil {
		t.Errorf("zero-width joiners refused: %v", err)
	}

	// Workshops and sessions.
	bad := newWorkshop(t, "esc-2027", "2027-08-02")
	bad.Title = "Workshop \x1b]0;owned\x07"
	bad.City = "Lima\u202e"
	ve := wantFieldError(t, s.SaveWorkshop(&bad), "title")
	if ve.For("city") == "" {
		t.Errorf("city with an override accepted: %v", ve)
	}
	se := Session{WorkshopID: w.ID, Date: w.StartDate, Start: 9 * 60, End: 10 * 60, Title: "Opening\u2066", Room: "A\x00"}
	ve = wantFieldError(t, s.SaveSession(&se), "title")
	if ve.For("room") == "" {
		t.Errorf("room with NUL accepted: %v", ve)
	}
}

func TestHostileFieldLimits(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "long-2027", "2027-07-05")
	for field, max := range ParticipantLimits {
		at := participantText[field]
		if at == nil {
			if field != "email" {
				t.Errorf("no test for the limit of %s", field)
			}
			continue
		}
		p := Participant{WorkshopID: w.ID, GivenNames: "María", FamilyNames: "González"}
		*at(&p) = strings.Repeat("é", max)
		if err := s.SaveParticipant(&p); err != nil {
			t.Errorf("%s of %d characters (the maximum) refused: %v", field, max, err)
		}
		q := Participant{WorkshopID: w.ID, GivenNames: "María", FamilyNames: "González"}
		*at(&q) = strings.Repeat("é", max+1)
		ve := wantFieldError(t, s.SaveParticipant(&q), field)
		if msg := ve.For(field); !strings.Contains(msg, fmt.Sprint(max)) {
			t.Errorf("%s too long: message %q does not give the limit %d", field, msg, max)
		}
	}
	// A 10 MB name.
	p := Participant{WorkshopID: w.ID, GivenNames: strings.Repeat("x", 10<<20), FamilyNames: "González"}
	ve := wantFieldError(t, s.SaveParticipant(&p), "given_names")
	if msg := ve.For("given_names"); !strings.Contains(msg, "10,485,760") || !strings.Contains(msg, "100") || len(msg) > 200 {
		t.Errorf("message %q", msg)
	}
	email := strings.Repeat("a", 250) + "@example.org"
	q := Participant{WorkshopID: w.ID, GivenNames: "María", Email: email}
	wantFieldError(t, s.SaveParticipant(&q), "email")

	long := newWorkshop(t, "title-2027", "2027-08-02")
	long.Title = strings.Repeat("t", WorkshopLimits["title"]+1)
	wantFieldError(t, s.SaveWorkshop(&long), "title")
	se := Session{WorkshopID: w.ID, Date: w.StartDate, Start: 9 * 60, End: 10 * 60, Title: strings.Repeat("t", SessionLimits["title"]+1)}
	wantFieldError(t, s.SaveSession(&se), "title")
}

// TestHostileEmailNormalisation: the same address typed on two systems,
// one composing "é" as one character (NFC, Windows, Linux) and one as "e"
// and a combining accent (NFD, files from macOS), is one address.
func TestHostileEmailNormalisation(t *testing.T) {
	nfc, nfd := "jose.pe\u00f1a@example.org", "jose.pen\u0303a@example.org"
	a := Participant{GivenNames: "José", Email: nfc}
	b := Participant{GivenNames: "Jose\u0301", Email: strings.ToUpper(nfd[:1]) + nfd[1:]}
	a.Normalize()
	b.Normalize()
	if a.Email != b.Email || a.EmailKey() != b.EmailKey() {
		t.Errorf("NFC %q and NFD %q are two addresses after Normalize", a.Email, b.Email)
	}
	if b.GivenNames != "José" {
		t.Errorf("the given names %q are not NFC", b.GivenNames)
	}
	if k := (&Participant{Email: nfd}).EmailKey(); k != nfc {
		t.Errorf("EmailKey(%q) = %q, want %q", nfd, k, nfc)
	}
}

// TestHostileNotesAndReasons: an attendance note and the reason for a
// certificate decided by hand are checked like the other text fields.
func TestHostileNotesAndReasons(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "note-2027", "2027-07-05")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	p := addParticipant(t, s, w, "María", "González", "")
	a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Excused, Note: "sick\x1b[2J"}
	ve := wantFieldError(t, s.RecordAttendance(&a), "note")
	if !strings.Contains(ve.For("note"), "U+001B") {
		t.Errorf("message %q", ve.For("note"))
	}
	a.Note = "sick;\ncertificate from the doctor"
	if err := s.RecordAttendance(&a); err != nil {
		t.Errorf("a note on two lines refused: %v", err)
	}
	a.Note = strings.Repeat("n", OtherLimits["note"]+1)
	wantFieldError(t, s.RecordAttendance(&a), "note")
	_, err := s.SetOverride(p.ID, true, "Chaired\u202e a group")
	wantFieldError(t, err, "reason")
}
