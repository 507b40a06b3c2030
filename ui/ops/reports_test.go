package ops

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/workshopdesk/workshopdesk/store"
	"github.com/workshopdesk/workshopdesk/ui/pdf"
)

// sample opens a store on a new file with the sample workshop and returns
// its data.
func sample(t *testing.T) (*store.Store, *store.WorkshopData) {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "w.db"), store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	w, err := st.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := st.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	return st, d
}

// TestWriteReportChecksEveryFileFirst checks that a CSV report of several
// tables writes nothing when one of its files cannot be written: every
// path is checked before the first file is.
func TestWriteReportChecksEveryFileFirst(t *testing.T) {
	_, d := sample(t)
	dir := t.TempDir()
	out := filepath.Join(dir, "attendance.csv")
	if err := os.Mkdir(filepath.Join(dir, "attendance-sessions.csv"), 0o700); err != nil {
		t.Fatal(err)
	}
	_, err := WriteReport(ReportRequest{Kind: ReportAttendance, Data: d, Format: "csv", Out: out, Paper: pdf.A4, Now: time.Now()})
	if err == nil {
		t.Fatal("a report whose second file is a folder was written")
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the first file was written before the second was found unwritable")
	}
	run, err := WriteReport(ReportRequest{Kind: ReportAttendance, Data: d, Format: "csv", Out: filepath.Join(dir, "ok.csv"), Paper: pdf.A4, Now: time.Now()})
	if err != nil || len(run.Files) != 2 || run.Tables != 2 {
		t.Fatalf("a good report: %+v, %v", run, err)
	}
}

// TestBadgesAndSheetsCount checks the counts the badge and sign-in sheet
// operations return against the pages written.
func TestBadgesAndSheetsCount(t *testing.T) {
	_, d := sample(t)
	dir := t.TempDir()
	run, err := Badges(BadgeRequest{Data: d, People: d.Participants, Layout: pdf.BadgeA4x8, Out: filepath.Join(dir, "b.pdf")})
	if err != nil || run.Badges != len(d.Participants) || run.Pages != (len(d.Participants)+7)/8 {
		t.Fatalf("badges: %+v, %v", run, err)
	}
	var breakSession store.Session
	for _, se := range d.Sessions {
		if se.Type == store.Break {
			breakSession = se
		}
	}
	if _, err := SignInSheet(d, breakSession, filepath.Join(dir, "s.pdf")); err == nil {
		t.Error("a break got a sign-in sheet")
	}
	sheet, err := SignInSheet(d, d.Sessions[0], filepath.Join(dir, "s.pdf"))
	if err != nil || sheet.People == 0 || sheet.Pages != SignInPages(sheet.People) {
		t.Errorf("sign-in sheet: %+v, %v", sheet, err)
	}
}
