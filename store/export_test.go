package store

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/uuid"
)

func TestExportDemoWorkshop(t *testing.T) {
	// 09:00 UTC is 12:00 in Addis Ababa: the demo workshop started
	// yesterday, so yesterday's sessions and this morning's first one
	// (09:00 to 10:30) have ended and have attendance.
	clock := newClock(t0)
	s := openTest(t, Options{NoAutoBackup: true, Now: clock.Now, DeviceID: "export-test"})
	demo, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.InitDemo(); err == nil {
		t.Error("a second InitDemo succeeded")
	} else {
		wantFieldError(t, err, "code")
	}
	// Another workshop, to see that the export keeps them apart.
	other := addWorkshop(t, s, "lima-2027", "2027-09-06")
	addParticipant(t, s, other, "José", "Martínez", "")
	d, err := s.LoadWorkshop(demo.ID)
	if err != nil {
		t.Fatal(err)
	}
	cert := CertificateIssue{WorkshopID: demo.ID, ParticipantID: d.Participants[0].ID, Number: "DEMO-2027-001"}
	if err := s.SaveCertificate(&cert); err != nil {
		t.Fatal(err)
	}
	if _, err := s.SetOverride(d.Participants[1].ID, true, "attended the make-up session"); err != nil {
		t.Fatal(err)
	}

	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	var arc Archive
	dec := json.NewDecoder(bytes.NewReader(buf.Bytes()))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&arc); err != nil {
		t.Fatalf("the export does not decode into an Archive: %v", err)
	}
	for _, aw := range arc.Workshops {
		if aw.Workshop.ID == demo.ID && (len(aw.Overrides) != 1 || aw.Overrides[0].Reason != "attended the make-up session") {
			t.Errorf("overrides in the export = %+v, want the one granted by hand", aw.Overrides)
		}
	}
	if arc.Schema != currentSchema || arc.DeviceID != "export-test" || !arc.ExportedAt.Equal(t0) {
		t.Errorf("archive header: schema %d, device %q, exported %v", arc.Schema, arc.DeviceID, arc.ExportedAt)
	}
	if len(arc.Workshops) != 2 {
		t.Fatalf("%d workshops exported, want 2", len(arc.Workshops))
	}
	var aw ArchiveWorkshop
	for _, x := range arc.Workshops {
		switch x.Workshop.ID {
		case demo.ID:
			aw = x
		case other.ID:
			if len(x.Participants) != 1 || len(x.Sessions) != 0 || len(x.Attendance) != 0 {
				t.Errorf("the other workshop: %d participants, %d sessions, %d attendance",
					len(x.Participants), len(x.Sessions), len(x.Attendance))
			}
		}
	}
	if aw.Workshop.Code != DemoCode || aw.Workshop.City != "Addis Ababa" || aw.Workshop.StartDate != mustDate(t, "2027-03-09") {
		t.Errorf("demo workshop exported as %+v", aw.Workshop)
	}
	if len(aw.Participants) != 40 {
		t.Errorf("%d participants exported, want 40", len(aw.Participants))
	}
	if len(aw.Sessions) != 10 {
		t.Errorf("%d sessions exported, want 10", len(aw.Sessions))
	}
	scripts := map[string]bool{}
	for _, p := range aw.Participants {
		if p.WorkshopID != demo.ID || p.BadgeCode == "" || p.Email == "" {
			t.Errorf("exported participant %+v", p)
		}
		if p.NativeName != "" {
			scripts[p.NativeName] = true
		}
	}
	if !scripts["አበበ በቀለ"] || !scripts["李伟"] || !scripts["Дмитрий Иванов"] {
		t.Error("names in other scripts did not survive the export")
	}

	// Attendance: exactly the current marks, each recorded once.
	sessionTitle := map[uuid.UUID]string{}
	for _, se := range aw.Sessions {
		sessionTitle[se.ID] = se.Title
	}
	people := ids(aw.Participants, func(p Participant) uuid.UUID { return p.ID })
	withAttendance := map[string]bool{}
	n := 0
	for _, a := range aw.Attendance {
		m, ok := d.Marks[a.SessionID].Get(a.ParticipantID)
		if !ok || m.Status != a.Status || !m.RecordedAt.Equal(a.RecordedAt) {
			t.Errorf("exported attendance %+v does not match the mark %+v", a, m)
		}
		if !people[a.ParticipantID] || sessionTitle[a.SessionID] == "" {
			t.Errorf("exported attendance %+v refers to a participant or session not exported", a)
		}
		withAttendance[sessionTitle[a.SessionID]] = true
		n++
	}
	total := 0
	for _, m := range d.Marks {
		total += m.Len()
	}
	if n != total || n < 100 {
		t.Errorf("%d attendance records exported, %d marks loaded; want equal and at least 100", n, total)
	}
	wantSessions := []string{"Opening plenary", "Panel: Migration and rural livelihoods",
		"Working groups: Remittances and rural investment", "Field visit: Farmers' cooperative in Bishoftu",
		"Panel: Climate, land and mobility"}
	if len(withAttendance) != len(wantSessions) {
		t.Errorf("sessions with attendance: %v, want %v", withAttendance, wantSessions)
	}
	for _, title := range wantSessions {
		if !withAttendance[title] {
			t.Errorf("no attendance exported for %q", title)
		}
	}
	if len(aw.AttendanceHistory) != len(aw.Attendance) {
		t.Errorf("%d history versions for %d records, want one each", len(aw.AttendanceHistory), len(aw.Attendance))
	}
	if len(aw.Certificates) != 1 || aw.Certificates[0].Number != "DEMO-2027-001" {
		t.Errorf("certificates exported: %+v", aw.Certificates)
	}

	// ExportFile writes the same document, privately.
	path := filepath.Join(t.TempDir(), "archive.json")
	if err := s.ExportFile(path); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil || !bytes.Equal(data, buf.Bytes()) {
		t.Errorf("ExportFile wrote a different document (%v)", err)
	}
	if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("export file mode: %v, %v", fi.Mode(), err)
	}
}

// TestExportLeavesOutDeletedParticipantsAttendance deletes a participant
// who has attendance: the archive lists only live participants, so its
// attendance and history must not refer to the deleted one (LoadWorkshop
// leaves their marks out in the same way).
func TestExportLeavesOutDeletedParticipantsAttendance(t *testing.T) {
	s := openTest(t, Options{NoAutoBackup: true})
	w := addWorkshop(t, s, "archive-2027", "2027-03-09")
	se := addSession(t, s, w, 1, "09:00", "10:00", "Opening")
	keep := addParticipant(t, s, w, "Grace", "Wanjiru", "")
	gone := addParticipant(t, s, w, "Registered", "By Mistake", "")
	recordStatus(t, s, se, keep, Present)
	recordStatus(t, s, se, gone, Present)
	if err := s.DeleteParticipant(gone.ID); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	var arc Archive
	if err := json.Unmarshal(buf.Bytes(), &arc); err != nil {
		t.Fatal(err)
	}
	if len(arc.Workshops) != 1 {
		t.Fatalf("%d workshops exported", len(arc.Workshops))
	}
	aw := arc.Workshops[0]
	if len(aw.Participants) != 1 || aw.Participants[0].ID != keep.ID {
		t.Errorf("participants exported: %d", len(aw.Participants))
	}
	for _, list := range [][]Attendance{aw.Attendance, aw.AttendanceHistory} {
		for _, a := range list {
			if a.ParticipantID == gone.ID {
				t.Errorf("the archive has attendance of the deleted participant %s, who is not in it", gone.ID)
			}
		}
	}
	if len(aw.Attendance) != 1 {
		t.Errorf("%d attendance records exported, want 1", len(aw.Attendance))
	}
}
