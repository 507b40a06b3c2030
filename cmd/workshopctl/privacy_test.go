package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/workshopdesk/workshopdesk/store"
)

// setConsent gives the first participants of the sample workshop consent
// answers to sharing: no, yes, and the rest not asked.
func setConsent(t *testing.T, data string) []store.Participant {
	t.Helper()
	st, err := store.Open(data, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	w, err := st.FindWorkshop("demo")
	if err != nil {
		t.Fatal(err)
	}
	ps, _ := st.Participants(w.ID)
	ps[0].ConsentShare, ps[1].ConsentShare = store.ConsentNo, store.ConsentYes
	if err := st.SaveParticipants([]*store.Participant{&ps[0], &ps[1]}); err != nil {
		t.Fatal(err)
	}
	return ps
}

// TestParticipantsForSharing: the list for sharing leaves out the one who
// declined, on screen and in the file.
func TestParticipantsForSharing(t *testing.T) {
	data := demoFile(t)
	ps := setConsent(t, data)
	list := decode[[]store.Participant](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo", "--for-sharing"))
	if len(list) != len(ps)-1 {
		t.Errorf("%d shared, want %d", len(list), len(ps)-1)
	}
	out := filepath.Join(t.TempDir(), "shared.csv")
	mustRun(t, "--data", data, "participants", "--workshop", "demo", "--for-sharing", "--out", out)
	raw, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(raw, []byte(ps[0].Email)) || !bytes.Contains(raw, []byte(ps[1].Email)) || bytes.Contains(raw, []byte(ps[1].BadgeCode)) {
		t.Errorf("the list for sharing holds the wrong people or fields:\n%s", raw)
	}
}

// TestPurgeCommand: without --yes nothing is written; before the end of
// the retention period --yes alone is refused; with --early the purge
// removes every email from the data file (compacted) and its backups, and
// the file passes the check. (Statistics and verification after a purge:
// store/report's TestPurgeKeepsStatisticsAndVerification.)
func TestPurgeCommand(t *testing.T) {
	data := demoFile(t)
	ps := setConsent(t, data)
	mustRun(t, "--data", data, "backup")
	before, _ := os.ReadFile(data)
	preview := mustRun(t, "--data", data, "purge", "--workshop", "demo")
	if !strings.Contains(preview, "would remove") || !strings.Contains(preview, "nothing was written") {
		t.Errorf("preview:\n%s", preview)
	}
	if after, _ := os.ReadFile(data); !bytes.Equal(before, after) {
		t.Error("the preview wrote to the data file")
	}
	if r := runCLI(t, "--data", data, "purge", "--workshop", "demo", "--yes"); r.code != exitFail || !strings.Contains(r.stderr, "--early") {
		t.Errorf("purge before the end of retention:\n%s", r)
	}
	out := mustRun(t, "--data", data, "purge", "--workshop", "demo", "--yes", "--early")
	if !strings.Contains(out, "removed: the names") || strings.Contains(out, "deleted 0 backups") {
		t.Errorf("purge:\n%s", out)
	}
	files, _ := filepath.Glob(filepath.Join(store.BackupDir(data), "*"))
	for _, f := range append(files, data) {
		raw, _ := os.ReadFile(f)
		for _, p := range ps {
			if p.Email != "" && bytes.Contains(raw, []byte(p.Email)) {
				t.Errorf("%s still holds %s", filepath.Base(f), p.Email)
			}
		}
	}
	if r := runCLI(t, "--data", data, "check"); r.code != exitOK {
		t.Errorf("check after the purge:\n%s", r)
	}
}

// TestPersonAndErase exports a participant's record as JSON and PDF, then
// erases them: the record is gone from the list and the badge no longer
// finds anyone.
func TestPersonAndErase(t *testing.T) {
	data := demoFile(t)
	ps := setConsent(t, data)
	p := ps[1]
	r := decode[store.PersonRecord](t, mustRun(t, "--data", data, "--json", "person", "--workshop", "demo", "--participant", p.Email))
	if r.Participant.BadgeCode != p.BadgeCode || len(r.Attendance) == 0 || r.Participant.ConsentShare != store.ConsentYes {
		t.Errorf("record %+v", r)
	}
	pdfPath := filepath.Join(t.TempDir(), "record.pdf")
	mustRun(t, "--data", data, "person", "--workshop", "demo", "--participant", p.BadgeCode, "--pdf", pdfPath, "--language", "es")
	if text, err := exec.Command("pdftotext", pdfPath, "-").Output(); err != nil || !strings.Contains(string(text), "REGISTRO DE DATOS PERSONALES") {
		t.Errorf("the PDF record says %q (%v)", text, err)
	}
	preview := mustRun(t, "--data", data, "erase-person", "--workshop", "demo", "--participant", p.BadgeCode)
	if !strings.Contains(preview, "would erase") || !strings.Contains(preview, "no longer count") {
		t.Errorf("preview:\n%s", preview)
	}
	mustRun(t, "--data", data, "erase-person", "--workshop", "demo", "--participant", p.BadgeCode, "--yes")
	list := decode[[]store.Participant](t, mustRun(t, "--data", data, "--json", "participants", "--workshop", "demo"))
	if len(list) != len(ps)-1 {
		t.Errorf("%d participants after the erasure, want %d", len(list), len(ps)-1)
	}
	if r := runCLI(t, "--data", data, "person", "--workshop", "demo", "--participant", p.BadgeCode); r.code != exitFail {
		t.Errorf("the erased badge still finds someone:\n%s", r)
	}
}
