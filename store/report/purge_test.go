package report

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/store/sheet"
)

// purgeFigures are a workshop's report tables with the columns that name
// people left out: what a purge must leave unchanged.
func purgeFigures(t *testing.T, s *store.Store, w store.Workshop, now time.Time) []sheet.Table {
	t.Helper()
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	tables := Statistics(d)
	perSession, perParticipant := Attendance(d, now)
	tables = append(tables, perSession, withoutNames(perParticipant))
	l, _, err := s.WorkshopLearning(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, lt := range Learning(l, "en") {
		tables = append(tables, withoutNames(lt))
	}
	return tables
}

// withoutNames blanks the columns whose heading names a person or their
// organisation and sorts the rows, which are in the order of the names.
func withoutNames(t sheet.Table) sheet.Table {
	out := sheet.Table{Name: t.Name, Header: t.Header}
	for _, r := range t.Rows {
		row := make([]any, len(r))
		for i, c := range r {
			h := strings.ToLower(t.Header[min(i, len(t.Header)-1)])
			if strings.Contains(h, "name") || strings.Contains(h, "organisation") && !strings.Contains(h, "type") || strings.Contains(h, "title") || strings.Contains(h, "position") || strings.Contains(h, "email") {
				continue
			}
			row[i] = c
		}
		out.Rows = append(out.Rows, row)
	}
	slices.SortFunc(out.Rows, func(a, b []any) int { return strings.Compare(fmt.Sprint(a), fmt.Sprint(b)) })
	return out
}

// TestPurgeKeepsStatisticsAndVerification purges the sample workshop after
// its retention period: every report figure is the same before and after,
// a printed certificate still verifies by QR text and by short code, and
// no name or email is left in the data file (compacted) nor in its
// backups, older ones deleted.
func TestPurgeKeepsStatisticsAndVerification(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	clock := time.Date(2027, 3, 10, 12, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }
	s, err := store.Open(path, store.Options{Now: now, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer func() { s.Close() }()
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	people, err := s.Participants(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	hostile := people[0]
	hostile.GivenNames, hostile.FamilyNames, hostile.Notes = "Hostile'); DROP--", "Purgeable-Zyx", "allergic to <script>"
	hostile.Email = "hostile.purgeable@example.org"
	if err := s.SaveParticipant(&hostile); err != nil {
		t.Fatal(err)
	}
	sessions, _ := s.Sessions(w.ID)
	note := store.Attendance{SessionID: sessions[0].ID, ParticipantID: hostile.ID, Status: store.Late, RecordedAt: clock, Note: "came with Purgeable-Zyx's driver"}
	if err := s.RecordAttendance(&note); err != nil {
		t.Fatal(err)
	}
	certs, err := s.Issue([]uuid.UUID{hostile.ID}, clock)
	if err != nil || len(certs) != 1 {
		t.Fatalf("Issue: %v %v", certs, err)
	}
	fields := store.NewCertificateFields(&w, &hostile, &certs[0], "7 of 9 sessions")
	qr, code, err := s.Sign(certs[0], fields)
	if err != nil {
		t.Fatal(err)
	}
	forged := fields
	forged.Name = "Someone Else" // signed with the file's key, as a stolen backup could
	forgedQR, _, err := s.Sign(certs[0], forged)
	if err != nil {
		t.Fatal(err)
	}
	oldBackup, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	reportTime := clock
	before := purgeFigures(t, s, w, reportTime)

	plan, err := s.PurgePreview(w.ID)
	if err != nil || plan.Passed || plan.Participants != len(people) || plan.AttendanceNotes != 1 || plan.Certificates != 1 {
		t.Fatalf("preview before the end of retention = %+v, %v", plan, err)
	}
	if got, _ := s.Participant(hostile.ID); got.Email != hostile.Email {
		t.Fatalf("the preview wrote: %+v", got)
	}
	clock = time.Date(w.RetentionEnds().Year, w.RetentionEnds().Month, w.RetentionEnds().Day, 12, 0, 0, 0, time.UTC).AddDate(0, 0, 1)
	if plan, _ = s.PurgePreview(w.ID); !plan.Passed {
		t.Fatalf("retention ends %s, not passed on %s", plan.RetentionEnds, clock)
	}
	clock = clock.Add(time.Hour)
	done, err := s.Purge(w.ID)
	if err != nil || done.Workshop.PurgedAt.IsZero() {
		t.Fatalf("Purge = %+v, %v", done, err)
	}
	after := purgeFigures(t, s, w, reportTime)
	if !reflect.DeepEqual(before, after) {
		for i := range before {
			if !reflect.DeepEqual(before[i], after[i]) {
				t.Errorf("table %q changed:\nbefore %v\nafter  %v", before[i].Name, before[i].Rows, after[i].Rows)
			}
		}
	}
	for _, in := range []string{qr, code, certs[0].Number + " " + code} {
		r, err := s.Verify(in)
		if err != nil || !r.Valid() {
			t.Errorf("Verify(%.30q) after the purge = %+v, %v", in, r, err)
		}
	}
	if r, err := s.Verify(forgedQR); err == nil && r.Valid() {
		t.Errorf("a QR text signing another name verifies after the purge: %+v", r)
	}
	if _, _, err := s.Sign(certs[0], fields); err == nil || !strings.Contains(err.Error(), "not printed again") {
		t.Errorf("a purged certificate was signed again: %v", err)
	}
	if again, err := s.Purge(w.ID); err != nil || again.Participants != 0 || again.AttendanceNotes != 0 {
		t.Errorf("second purge = %+v, %v", again, err)
	}
	deleted, fresh, err := s.PurgeBackups(done.Workshop.PurgedAt)
	if err != nil || len(deleted) != 1 || deleted[0] != oldBackup || fresh == "" {
		t.Fatalf("PurgeBackups = %v, %q, %v", deleted, fresh, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if err := store.CompactFile(path); err != nil {
		t.Fatal(err)
	}
	files, _ := filepath.Glob(filepath.Join(store.BackupDir(path), "*"))
	for _, f := range append(files, path) {
		raw, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range append(people, hostile) {
			for _, secret := range []string{p.Email, `"` + p.FamilyNames + `"`, `"` + p.GivenNames + `"`, "Purgeable-Zyx", "allergic"} {
				if secret != "" && secret != `""` && bytes.Contains(raw, []byte(secret)) {
					t.Errorf("%s still holds %q after the purge", filepath.Base(f), secret)
				}
			}
		}
	}
	if _, err := os.Stat(oldBackup); !os.IsNotExist(err) {
		t.Errorf("the backup from before the purge is still there: %v", err)
	}
	s, err = store.Open(path, store.Options{Now: now, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if probs, err := s.Check(); err != nil || len(probs) > 0 {
		t.Errorf("Check after the purge: %v %v", probs, err)
	}
	if r, err := s.Verify(qr); err != nil || !r.Valid() {
		t.Errorf("Verify after compaction = %+v, %v", r, err)
	}
}
