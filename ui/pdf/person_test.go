package pdf

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestPersonWordingComplete: every text of a person's record is there in
// every language.
func TestPersonWordingComplete(t *testing.T) {
	for lang, pw := range personWording {
		v := reflect.ValueOf(pw)
		for i := range v.NumField() {
			if v.Field(i).String() == "" {
				t.Errorf("%s: %s is empty", lang, v.Type().Field(i).Name)
			}
		}
		if personEvaluation[lang] == "" {
			t.Errorf("%s: no evaluation text", lang)
		}
	}
}

// TestPersonRecordPDF prints the record of a sample participant with a
// corrected attendance mark, a certificate and test scores, in English,
// French and Spanish, and reads the text back: the attendance history,
// the certificate number, the scores and the word on the evaluation are
// there, and a hostile note is printed as text.
func TestPersonRecordPDF(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "workshops.db"),
		store.Options{Now: func() time.Time { return demoNow }, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	people, _ := s.Participants(w.ID)
	p := people[1]
	p.Notes = "Hostile (note) \\ with ) parens"
	p.ConsentPhotos = store.ConsentNo
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	sessions, _ := s.Sessions(w.ID)
	for _, st := range []store.Status{store.Absent, store.Excused} {
		a := store.Attendance{SessionID: sessions[0].ID, ParticipantID: p.ID, Status: st, RecordedAt: demoNow}
		if err := s.RecordAttendance(&a); err != nil {
			t.Fatal(err)
		}
	}
	certs, err := s.Issue([]uuid.UUID{p.ID}, demoNow)
	if err != nil {
		t.Fatal(err)
	}
	r, err := s.PersonRecordOf(p.ID)
	if err != nil {
		t.Fatal(err)
	}
	for lang, want := range map[string][]string{
		"en": {"PERSONAL DATA RECORD", "Photographs", "no", "excused", "History", "Post-test", "Score 100.0", "anonymous"},
		"fr": {"RELEVÉ DE DONNÉES PERSONNELLES", "Photographies", "non", "excusé", "Historique", "Post-test", "anonymes"},
		"es": {"REGISTRO DE DATOS PERSONALES", "Fotografías", "no", "justificado", "Historial", "Prueba final", "anónimos"},
	} {
		path := filepath.Join(t.TempDir(), "record-"+lang+".pdf")
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := PersonRecordPDF(r, f, Language(lang), CreationDate(fixedDate)); err != nil {
			t.Fatal(err)
		}
		f.Close()
		text := strings.Join(strings.Fields(string(run(t, "pdftotext", "-layout", path, "-"))), " ")
		for _, w := range append(want, p.FullName(), p.Email, certs[0].Number, "Hostile (note) \\ with ) parens", sessions[0].Title) {
			if !strings.Contains(text, w) {
				t.Errorf("%s: the record does not say %q:\n%s", lang, w, text)
			}
		}
	}
}
