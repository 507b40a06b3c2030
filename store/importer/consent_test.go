package importer

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// TestConsentQuestionsRecognised maps the consent questions of online
// registration forms, in English, French and Spanish, to the consent
// fields, and leaves alone headings that only mention photos or contacts.
func TestConsentQuestionsRecognised(t *testing.T) {
	for h, want := range map[string]Field{
		"Do you consent to photos?":                                      ConsentPhotos,
		"I agree to be photographed during the workshop":                 ConsentPhotos,
		"Acceptez-vous d'être photographié(e) ?":                         ConsentPhotos,
		"¿Autoriza el uso de su imagen (fotos)?":                         ConsentPhotos,
		"Consent to share my details":                                    ConsentShare,
		"J'accepte que mes coordonnées soient partagées avec les autres": ConsentShare,
		"Acepto que mis datos se compartan con los demás participantes":  ConsentShare,
		"May we contact you for follow-up?":                              ConsentFollowUp,
		"Consent to be contacted after the workshop":                     ConsentFollowUp,
		"Acceptez-vous d'être recontacté(e) pour un suivi ?":             ConsentFollowUp,
		"¿Acepta ser contactado para seguimiento?":                       ConsentFollowUp,
		"Contact email":     Email,
		"Emergency contact": "",
		"Photo":             "",
		"Would you like to receive our newsletter by email?": "",
	} {
		m, ok := matchHeader(h)
		if want == "" && ok && strings.HasPrefix(string(m.field), "consent") {
			t.Errorf("%q read as %s", h, m.field)
		}
		if want != "" && (!ok || m.field != want) {
			t.Errorf("%q read as %q (%v), want %s", h, m.field, ok, want)
		}
	}
}

// TestConsentImportedFromRegistrationList adds consent questions, answered
// in three languages, to a real registration list (the Addis fixture, in
// testdata when the shared fixtures are absent) and imports it: each
// answer lands in its field, and an answer that is neither yes nor no is
// named with its row and left as not asked.
func TestConsentImportedFromRegistrationList(t *testing.T) {
	src := filepath.Join("..", "..", "..", "shared", "fixtures", "participants-addis-utf8-bom.csv")
	raw, err := os.ReadFile(src)
	if err != nil {
		t.Skipf("the shared fixtures are not here (%v)", err)
	}
	lines := strings.Split(strings.TrimRight(string(raw), "\r\n"), "\r\n")
	answers := [][3]string{{"Yes", "No", "Oui"}, {"No", "Sí", ""}, {"maybe", `"Yes, I agree"`, "Non"}}
	lines[0] += ",Do you consent to photos?,Consent to share my details,Acceptez-vous d'être recontacté(e) pour un suivi ?"
	for i := 1; i < len(lines); i++ {
		a := answers[(i-1)%len(answers)]
		lines[i] += "," + a[0] + "," + a[1] + "," + a[2]
	}
	path := filepath.Join(t.TempDir(), "registrations.csv")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\r\n")+"\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tb, err := ReadFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	m := Suggest(tb)
	for _, f := range []Field{ConsentPhotos, ConsentShare, ConsentFollowUp} {
		if _, ok := m.Column(f); !ok {
			t.Fatalf("%s not mapped: %s", f, m.Describe(tb))
		}
	}
	p := NewPreview(tb, m, Options{WorkshopID: store.NewID()})
	want := []store.Participant{
		{ConsentPhotos: store.ConsentYes, ConsentShare: store.ConsentNo, ConsentFollowUp: store.ConsentYes},
		{ConsentPhotos: store.ConsentNo, ConsentShare: store.ConsentYes},
		{ConsentShare: store.ConsentYes, ConsentFollowUp: store.ConsentNo},
	}
	for i, r := range p.Rows[:6] {
		got, w := r.Participant, want[i%3]
		if got.ConsentPhotos != w.ConsentPhotos || got.ConsentShare != w.ConsentShare || got.ConsentFollowUp != w.ConsentFollowUp {
			t.Errorf("row %d: consent %q %q %q, want %q %q %q", r.Row, got.ConsentPhotos, got.ConsentShare, got.ConsentFollowUp,
				w.ConsentPhotos, w.ConsentShare, w.ConsentFollowUp)
		}
	}
	found := false
	for _, pr := range p.Rows[2].Problems {
		found = found || pr.Field == ConsentPhotos && strings.Contains(pr.Message, `"maybe"`)
	}
	if !found {
		t.Errorf("row %d: problems %v, want one naming \"maybe\"", p.Rows[2].Row, p.Rows[2].Problems)
	}
}

// TestSharingListLeavesOutRefusals: the list for sharing holds those who
// said yes or were not asked, never those who said no, and no phone,
// notes or badge code.
func TestSharingListLeavesOutRefusals(t *testing.T) {
	ps := []store.Participant{
		{GivenNames: "Ana", FamilyNames: "Yes", Email: "ana@example.org", Phone: "+1 555", Notes: "secret note", BadgeCode: "AAAA", ConsentShare: store.ConsentYes},
		{GivenNames: "Hostile", FamilyNames: "Refuses\"; DROP", Email: "no@example.org", BadgeCode: "BBBB", ConsentShare: store.ConsentNo},
		{GivenNames: "Ce", FamilyNames: "Unasked", Country: "SN", BadgeCode: "CCCC"},
	}
	for _, lang := range []string{"en", "fr", "es", "zh"} {
		tb := SharingTable(ps, lang)
		if len(tb.Rows) != 2 {
			t.Fatalf("%s: %d rows, want 2", lang, len(tb.Rows))
		}
		for _, row := range tb.Rows {
			for _, c := range row {
				if s, _ := c.(string); strings.Contains(s, "Refuses") || s == "no@example.org" || s == "+1 555" || s == "secret note" || s == "AAAA" {
					t.Errorf("%s: the list for sharing holds %q", lang, s)
				}
			}
		}
		if tb.Rows[1][6] != "Senegal" {
			t.Errorf("%s: country %v, want Senegal", lang, tb.Rows[1][6])
		}
	}
}
