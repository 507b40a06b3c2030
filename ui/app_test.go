package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"github.com/workshopdesk/workshopdesk/store"
)

func TestWelcomeOffersCreateAndSample(t *testing.T) {
	u, w, _ := startTest(t)
	if u.home == nil || u.home.list != nil {
		t.Fatal("an empty data file should show the welcome, not a list")
	}
	if !hasText(w, "Welcome to Workshop Desk") && !containsText(w, "Run a training workshop") {
		t.Error("welcome text missing")
	}
	test.Tap(button(t, w, "Open the sample workshop"))
	if u.workshop == nil {
		t.Fatal("tapping the sample should open a workshop")
	}
	d := u.workshop.data
	if d.Workshop.Code != store.DemoCode || len(d.Participants) != 40 || len(d.Sessions) != 10 {
		t.Errorf("sample = %q with %d participants, %d sessions; want demo, 40, 10", d.Workshop.Code, len(d.Participants), len(d.Sessions))
	}
	if got := len(u.workshop.tabs.Items); got != len(workshopSections()) || got != 9 { // Overview … Reports, Evaluation, Tests, Laptops
		t.Errorf("workshop sections = %d, want 8", got)
	}
	if !strings.Contains(w.Title(), "Migration and sustainable rural development") {
		t.Errorf("window title %q does not name the workshop", w.Title())
	}
	test.Tap(u.workshop.back)
	if u.home == nil || u.home.list == nil || len(u.home.workshops) != 1 {
		t.Fatal("back should show the workshop list with the sample")
	}
	if u.home.sample.Visible() {
		t.Error("the sample button should be hidden once the sample exists")
	}
}

func TestReopensLastWorkshop(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	a := test.NewTempApp(t)
	w := a.NewWindow("first")
	u := Start(a, w, Config{DataPath: path, Open: testOpener, Version: "test"})
	u.openSample()
	id := u.workshop.data.Workshop.ID
	if err := u.Close(); err != nil {
		t.Fatal(err)
	}
	w2 := a.NewWindow("second")
	u2 := Start(a, w2, Config{DataPath: path, Open: testOpener, Version: "test"})
	defer u2.Close()
	if u2.workshop == nil || u2.workshop.data.Workshop.ID != id {
		t.Fatal("a restart should reopen the last workshop")
	}
}

func TestCreateWorkshopThroughForm(t *testing.T) {
	u, w, _ := startTest(t)
	test.Tap(button(t, w, "Create a workshop"))
	f := u.form
	if f == nil {
		t.Fatal("the workshop form did not open")
	}
	test.Type(f.title, "Regional workshop on labour migration")
	test.Type(f.city, "Dakar")
	test.Type(&f.country.Entry, "Senegal")
	if f.timeZone.Text != "Africa/Dakar" {
		t.Errorf("time zone = %q, want the country's, Africa/Dakar", f.timeZone.Text)
	}
	start := time.Date(2027, 3, 8, 0, 0, 0, 0, time.Local)
	end := start.AddDate(0, 0, 2)
	f.start.SetDate(&start)
	f.end.SetDate(&end)
	if f.code.Text != "dakar-2027" {
		t.Errorf("suggested code = %q, want dakar-2027", f.code.Text)
	}
	test.Tap(f.saveBtn)
	if u.form != nil {
		t.Fatalf("the form should close after saving; problem: %q", f.problem.Text)
	}
	got, err := u.st.FindWorkshop("dakar-2027")
	if err != nil {
		t.Fatal(err)
	}
	if got.Country != "SN" || got.TimeZone != "Africa/Dakar" || got.StartDate.String() != "2027-03-08" || got.EndDate.String() != "2027-03-10" {
		t.Errorf("saved %+v", got)
	}
	if u.workshop == nil || u.workshop.data.Workshop.ID != got.ID {
		t.Error("the new workshop should be opened")
	}
}

func TestInvalidWorkshopIsNotSaved(t *testing.T) {
	u, w, _ := startTest(t)
	test.Tap(button(t, w, "Create a workshop"))
	f := u.form
	test.Type(f.title, "Bad dates")
	test.Type(f.city, "Santiago")
	test.Type(&f.country.Entry, "CL")
	start := time.Date(2027, 5, 10, 0, 0, 0, 0, time.Local)
	end := start.AddDate(0, 0, -3)
	f.start.SetDate(&start)
	f.end.SetDate(&end)
	test.Tap(f.saveBtn)
	if u.form == nil {
		t.Fatal("the form must stay open on invalid input")
	}
	if l := f.errs["end_date"]; !l.Visible() || l.Text != "the end date 2027-05-07 is before the start date 2027-05-10" {
		t.Error("the last-day field should show the error beside it")
	}
	if list, _ := u.st.Workshops(); len(list) != 0 {
		t.Errorf("%d workshops saved, want none", len(list))
	}
	// Fixing the field and saving again succeeds.
	end = start.AddDate(0, 0, 1)
	f.end.SetDate(&end)
	test.Tap(f.saveBtn)
	if u.form != nil {
		t.Fatalf("corrected form did not save: %q", f.problem.Text)
	}
}

func TestEditWorkshopKeepsIdentity(t *testing.T) {
	u, _, _ := startTest(t)
	u.openSample()
	id := u.workshop.data.Workshop.ID
	f := showWorkshopForm(u, &u.workshop.data.Workshop)
	f.title.SetText("Migration and rural development (revised)")
	test.Tap(f.saveBtn)
	got, err := u.st.Workshop(id)
	if err != nil || got.Title != "Migration and rural development (revised)" || got.Code != store.DemoCode {
		t.Fatalf("after edit: %+v, %v", got, err)
	}
}

func TestDeleteWorkshopAndUndo(t *testing.T) {
	u, w, _ := startTest(t)
	u.openSample()
	id := u.workshop.data.Workshop.ID
	u.workshop.deleteWorkshop()
	test.Tap(button(t, w, "Yes"))
	if _, err := u.st.Workshop(id); err == nil {
		t.Fatal("the workshop should be deleted")
	}
	if u.home == nil {
		t.Fatal("after deleting, the home screen should show")
	}
	test.Tap(button(t, w, "Undo"))
	if _, err := u.st.Workshop(id); err != nil {
		t.Fatalf("undo did not bring the workshop back: %v", err)
	}
	if u.workshop == nil || u.workshop.data.Workshop.ID != id {
		t.Error("undo should reopen the workshop")
	}
}

func TestLockedFileShowsWayForward(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	other, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	u, w, _ := startOn(t, path)
	if u.problem == nil || u.st != nil {
		t.Fatal("a locked file should show the problem screen")
	}
	if u.problem.title.Text != "Workshop Desk is already open" {
		t.Errorf("title = %q", u.problem.title.Text)
	}
	test.Tap(u.problem.retry)
	if u.problem == nil {
		t.Fatal("retry while still locked should keep the problem screen")
	}
	other.Close()
	test.Tap(button(t, w, "Try again"))
	if u.st == nil || u.home == nil {
		t.Fatal("retry after the other program closed should open the file")
	}
}

func TestDamagedFileRestoresLatestBackup(t *testing.T) {
	path := filepath.Join(t.TempDir(), "w.db")
	st, err := store.Open(path, store.Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := st.InitDemo(); err != nil {
		t.Fatal(err)
	}
	if _, err := st.Backup(); err != nil {
		t.Fatal(err)
	}
	st.Close()
	garbage := []byte(strings.Repeat("not a database ", 2000))
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}

	u, w, _ := startOn(t, path)
	if u.problem == nil || u.problem.restore == nil {
		t.Fatal("a damaged file with a backup should offer to restore it")
	}
	if got, _ := os.ReadFile(path); string(got) != string(garbage) {
		t.Fatal("the damaged file was changed before the user chose")
	}
	test.Tap(u.problem.restore)
	if u.st == nil || u.home == nil || len(u.home.workshops) != 1 {
		t.Fatal("after restoring, the workshop list should show the sample")
	}
	if !containsText(w, "before-restore") {
		t.Error("the dialog should say where the damaged file was kept")
	}
	list, _ := store.Backups(path)
	kept := false
	for _, b := range list {
		if data, _ := os.ReadFile(b.Path); string(data) == string(garbage) {
			kept = true
		}
	}
	if !kept {
		t.Error("the damaged file should be kept among the backups")
	}
}

func TestBackupAndRestoreFromMenu(t *testing.T) {
	u, w, path := startTest(t)
	u.openSample()
	done := make(chan struct{})
	u.backupNow(func() { close(done) })
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the backup was not written within 30 s")
	}
	if !containsText(w, filepath.Join(filepath.Dir(path), "backups")) {
		t.Error("backup dialog should say where the backup went")
	}
	// A change made after the backup disappears when it is restored.
	extra := store.Workshop{Code: "extra", Title: "Extra", City: "Istanbul", Country: "TR",
		StartDate: store.Date{Year: 2027, Month: 1, Day: 5}, EndDate: store.Date{Year: 2027, Month: 1, Day: 6}}
	if err := u.st.SaveWorkshop(&extra); err != nil {
		t.Fatal(err)
	}
	u.restoreBackup()
	var picker *backupPicker
	if picker = u.lastPicker; picker == nil {
		t.Fatal("no backup list shown")
	}
	picker.list.Select(0)
	test.Tap(button(t, w, "Yes"))
	if u.st == nil {
		t.Fatal("the store should be open again after restoring")
	}
	if _, err := u.st.FindWorkshop("extra"); err == nil {
		t.Error("the workshop added after the backup should be gone")
	}
	if _, err := u.st.FindWorkshop(store.DemoCode); err != nil {
		t.Errorf("the sample should be back: %v", err)
	}
}

func TestAboutShowsDataFile(t *testing.T) {
	u, w, path := startTest(t)
	u.showAbout()
	if !hasText(w, path) {
		t.Error("About should show the data file's path")
	}
	if !hasText(w, "Version test") {
		t.Error("About should show the version")
	}
	if !hasText(w, store.BackupDir(path)) {
		t.Error("About should show the backups folder")
	}
}

func TestDuplicateWorkshopAsTemplate(t *testing.T) {
	u, _, _ := startTest(t)
	u.openSample()
	src := u.workshop.data.Workshop
	f := showTemplateForm(u.workshop)
	test.Type(f.code, "dakar-2027")
	f.title.SetText("Migration and rural development – Dakar")
	start := time.Date(2027, 6, 7, 0, 0, 0, 0, time.Local)
	f.start.SetDate(&start)
	test.Tap(f.saveBtn)
	if u.workshop == nil || u.workshop.data.Workshop.Code != "dakar-2027" {
		t.Fatal("the copy should open")
	}
	d := u.workshop.data
	if len(d.Sessions) != 10 || len(d.Participants) != 0 || d.Workshop.StartDate.String() != "2027-06-07" || d.Workshop.Organiser != src.Organiser {
		t.Errorf("copy: %d sessions, %d participants, start %s, organiser %q", len(d.Sessions), len(d.Participants), d.Workshop.StartDate, d.Workshop.Organiser)
	}
	// The same code again is refused under the code field.
	u.showWorkshop(src.ID)
	f = showTemplateForm(u.workshop)
	test.Type(f.code, "dakar-2027")
	test.Tap(f.saveBtn)
	if l := f.errs["code"]; !l.Visible() || !strings.Contains(l.Text, "already used") {
		t.Errorf("duplicate code problem = %q", l.Text)
	}
}
