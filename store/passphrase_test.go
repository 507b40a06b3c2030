package store

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

const testPassphrase = "correct horse battery"

// forgetFileKey drops the key of the file at path from the key ring, as a
// new process would start without it.
func forgetFileKey(t testing.TB, path string) {
	t.Helper()
	err := viewFile(path, func(tx *bolt.Tx) error {
		keyring.Lock()
		defer keyring.Unlock()
		if id := tx.Bucket(bucketMeta).Get(metaKeyID); id != nil {
			delete(keyring.keys, [keyIDLen]byte(id))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// personalFile makes a data file with participants (non-Latin names too),
// attendance with notes, an evaluation comment-free workshop and a
// signing key, closes it, and returns its path and the personal strings
// it holds.
func personalFile(t *testing.T) (string, []string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true, Now: newClock(t0).Now})
	if err != nil {
		t.Fatal(err)
	}
	w := addWorkshop(t, s, "SECRET-WS", "2027-03-15")
	se := addSession(t, s, w, 1, "09:00", "12:00", "Opening")
	var secrets []string
	people := []struct{ given, family, email, org, native string }{
		{"Aiyana", "Quillfeather", "aiyana.quill@example.org", "Ministry of Zebras", ""},
		{"Ольга", "Жукова", "olga.zhukova@example.ru", "Минздрав", "Ольга Жукова"},
		{"美玲", "王", "meiling.wang@example.cn", "卫生部", "王美玲"},
		{"فاطمة", "الزهراء", "fatima.z@example.ma", "وزارة الصحة", "فاطمة الزهراء"},
	}
	for _, q := range people {
		p := Participant{WorkshopID: w.ID, GivenNames: q.given, FamilyNames: q.family, Email: q.email,
			Organisation: q.org, NativeName: q.native, Country: "KE", Gender: "female", Notes: "allergic to " + q.family}
		if err := s.SaveParticipant(&p); err != nil {
			t.Fatal(err)
		}
		a := Attendance{SessionID: se.ID, ParticipantID: p.ID, Status: Present, RecordedAt: t0, Note: "late: " + q.given}
		if err := s.RecordAttendance(&a); err != nil {
			t.Fatal(err)
		}
		secrets = append(secrets, q.given, q.family, q.email, q.org, p.BadgeCode, "allergic to "+q.family, "late: "+q.given)
	}
	if _, err := s.ExportPublicKey(); err != nil { // creates the signing key
		t.Fatal(err)
	}
	if _, err := s.Backup(); err != nil { // a plain backup, made before the passphrase
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	return path, secrets
}

// filesOf returns the data file and every backup of it.
func filesOf(t *testing.T, path string) []string {
	t.Helper()
	list, err := Backups(path)
	if err != nil {
		t.Fatal(err)
	}
	files := []string{path}
	for _, b := range list {
		files = append(files, b.Path)
	}
	return files
}

// grepFiles fails for each file whose raw bytes hold one of secrets.
func grepFiles(t *testing.T, files []string, secrets []string) {
	t.Helper()
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range secrets {
			if bytes.Contains(data, []byte(s)) {
				t.Errorf("%s holds %q in plain bytes", filepath.Base(f), s)
			}
		}
	}
	// Nothing else (temporary copies) is left beside the files.
	for _, dir := range []string{filepath.Dir(files[0]), BackupDir(files[0])} {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasPrefix(e.Name(), ".") && !strings.HasSuffix(e.Name(), ".checked") {
				t.Errorf("temporary file left behind: %s", e.Name())
			}
		}
	}
}

func TestPassphraseLeavesNoPersonalDataInFileOrBackups(t *testing.T) {
	path, secrets := personalFile(t)
	before, _ := os.ReadFile(path)
	if !bytes.Contains(before, []byte("Quillfeather")) {
		t.Fatal("the test's plain file should hold the name it later hides")
	}
	// The signing key, in the plain file, must not survive either.
	var signing []byte
	viewFile(path, func(tx *bolt.Tx) error {
		signing = bytes.Clone(tx.Bucket(bucketMeta).Get(metaSigningKey))
		return nil
	})
	recovery, err := SetPassphrase(path, Secret{}, testPassphrase, Options{Now: newClock(t0.Add(time.Hour)).Now})
	if err != nil {
		t.Fatal(err)
	}
	if len(recovery) != 39 {
		t.Errorf("recovery key %q: want 8 groups of 4", recovery)
	}
	files := filesOf(t, path)
	if len(files) < 3 {
		t.Fatalf("want the file, the earlier backup and the one made before sealing; got %v", files)
	}
	grepFiles(t, files, append(secrets, string(signing[:32])))

	// Everything reads back, in a new process.
	forgetFileKey(t, path)
	s, err := Open(path, Options{Secret: Secret{Passphrase: testPassphrase}, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ws, err := s.Workshops()
	if err != nil || len(ws) != 1 {
		t.Fatalf("workshops: %v %v", ws, err)
	}
	d, err := s.LoadWorkshop(ws[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Participants) != 4 || d.Participants[1].FamilyNames != "Жукова" {
		t.Fatalf("participants: %+v", d.Participants)
	}
	for _, p := range d.Participants {
		if got, err := s.ParticipantByBadge(ws[0].ID, p.BadgeCode); err != nil || got.ID != p.ID {
			t.Errorf("badge %s: %v %v", p.BadgeCode, got.ID, err)
		}
		if m, _ := d.Mark(d.Sessions[0].ID, p.ID); m.Status != Present {
			t.Errorf("mark of %s lost", p.FamilyNames)
		}
	}
	if problems, err := s.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
	// New writes are sealed too.
	p := Participant{WorkshopID: ws[0].ID, GivenNames: "Zebedee", FamilyNames: "Newcomerson", Email: "zeb@example.org", Country: "FR", Gender: "male"}
	if err := s.SaveParticipant(&p); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	grepFiles(t, filesOf(t, path), []string{"Newcomerson", "zeb@example.org", p.BadgeCode})
}

func TestPassphraseMissingOrWrongChangesNothing(t *testing.T) {
	path, _ := personalFile(t)
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	forgetFileKey(t, path)
	sum := fileSHA(t, path)
	var pe *PassphraseError
	_, err := Open(path, Options{})
	if !errors.As(err, &pe) || !pe.Missing {
		t.Fatalf("opened without the passphrase: %v", err)
	}
	_, err = Open(path, Options{Secret: Secret{Passphrase: "wrong horse battery"}})
	if !errors.As(err, &pe) || pe.Missing || pe.Recovery {
		t.Fatalf("opened with a wrong passphrase: %v", err)
	}
	if got := fileSHA(t, path); got != sum {
		t.Fatal("a wrong passphrase changed the file")
	}
	if !strings.Contains(err.Error(), "passphrase is wrong") {
		t.Errorf("message: %v", err)
	}
	_, err = Open(path, Options{Secret: Secret{RecoveryKey: "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"}})
	if !errors.As(err, &pe) || !pe.Recovery {
		t.Fatalf("opened with a wrong recovery key: %v", err)
	}
	if _, err := SetPassphrase(path, Secret{Passphrase: "wrong horse battery"}, "another passphrase", Options{}); !errors.As(err, &pe) {
		t.Fatalf("changed with a wrong passphrase: %v", err)
	}
	if err := RemovePassphrase(path, Secret{Passphrase: "wrong horse battery"}, Options{}); !errors.As(err, &pe) {
		t.Fatalf("removed with a wrong passphrase: %v", err)
	}
	if got := fileSHA(t, path); got != sum {
		t.Fatal("a wrong passphrase changed the file")
	}
}

func TestRecoveryKeyOpensAndSetsANewPassphrase(t *testing.T) {
	path, _ := personalFile(t)
	recovery, err := SetPassphrase(path, Secret{}, testPassphrase, Options{})
	if err != nil {
		t.Fatal(err)
	}
	forgetFileKey(t, path)
	// Typed from paper: lower case, spaces for dashes.
	typed := strings.ToLower(strings.ReplaceAll(recovery, "-", " "))
	s, err := Open(path, Options{Secret: Secret{RecoveryKey: typed}, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if again, err := SetPassphrase(path, Secret{RecoveryKey: typed}, "a brand new phrase", Options{}); err != nil || again != "" {
		t.Fatalf("new passphrase with the recovery key: %q %v", again, err)
	}
	forgetFileKey(t, path)
	var pe *PassphraseError
	if _, err := Open(path, Options{Secret: Secret{Passphrase: testPassphrase}}); !errors.As(err, &pe) {
		t.Fatalf("the old passphrase still opens the file: %v", err)
	}
	s, err = Open(path, Options{Secret: Secret{Passphrase: "a brand new phrase"}, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	// The recovery key printed first still works.
	forgetFileKey(t, path)
	s, err = Open(path, Options{Secret: Secret{RecoveryKey: recovery}, NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
}

func TestChangeAndRemovePassphraseKeepData(t *testing.T) {
	path, secrets := personalFile(t)
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	if _, err := SetPassphrase(path, Secret{Passphrase: testPassphrase}, "second passphrase", Options{}); err != nil {
		t.Fatal(err)
	}
	grepFiles(t, filesOf(t, path), secrets)
	forgetFileKey(t, path)
	// Every backup opens with the new passphrase.
	for _, f := range filesOf(t, path) {
		if err := Unlock(f, Secret{Passphrase: "second passphrase"}); err != nil {
			t.Errorf("%s: %v", filepath.Base(f), err)
		}
	}
	s := openAt(t, path, Options{Secret: Secret{Passphrase: "second passphrase"}, NoAutoBackup: true})
	d := loadOnly(t, s)
	if len(d.Participants) != 4 {
		t.Fatalf("participants after change: %d", len(d.Participants))
	}
	s.Close()
	if err := RemovePassphrase(path, Secret{Passphrase: "second passphrase"}, Options{}); err != nil {
		t.Fatal(err)
	}
	forgetFileKey(t, path)
	s2, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	defer s2.Close()
	if s2.HasPassphrase() {
		t.Error("still has a passphrase")
	}
	if d := loadOnly(t, s2); len(d.Participants) != 4 || d.Participants[2].GivenNames != "美玲" {
		t.Fatalf("participants after removal: %+v", d.Participants)
	}
	if problems, err := s2.Check(); err != nil || len(problems) > 0 {
		t.Fatalf("check: %v %v", problems, err)
	}
}

// loadOnly loads the file's only workshop.
func loadOnly(t *testing.T, s *Store) *WorkshopData {
	t.Helper()
	ws, err := s.Workshops()
	if err != nil || len(ws) != 1 {
		t.Fatalf("workshops: %v %v", ws, err)
	}
	d, err := s.LoadWorkshop(ws[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestEncryptedFileExportsRestoresAndBacksUp(t *testing.T) {
	path, _ := personalFile(t)
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := s.Export(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "Жукова") {
		t.Error("the export (which the user writes, plain) lacks a name")
	}
	backup, err := s.Backup()
	if err != nil {
		t.Fatal(err)
	}
	d := loadOnly(t, s)
	if err := s.DeleteParticipant(d.Participants[0].ID); err != nil {
		t.Fatal(err)
	}
	s.Close()
	forgetFileKey(t, path)
	var pe *PassphraseError
	if _, err := Restore(path, backup); !errors.As(err, &pe) {
		t.Fatalf("restored a sealed backup without its passphrase: %v", err)
	}
	if err := Unlock(backup, Secret{Passphrase: testPassphrase}); err != nil {
		t.Fatal(err)
	}
	if _, err := Restore(path, backup); err != nil {
		t.Fatal(err)
	}
	s = openAt(t, path, Options{NoAutoBackup: true})
	if d := loadOnly(t, s); len(d.Participants) != 4 {
		t.Fatalf("restore: %d participants", len(d.Participants))
	}
}

// TestPassphraseHidesTheWholeSample seals the sample workshop (40
// participants in several scripts, attendance, evaluation comments, test
// answers) and greps the file and its backups for every participant's name,
// email and badge code, and every evaluation comment.
func TestPassphraseHidesTheWholeSample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "workshops.db")
	s, err := Open(path, Options{NoAutoBackup: true})
	if err != nil {
		t.Fatal(err)
	}
	w, err := s.InitDemo()
	if err != nil {
		t.Fatal(err)
	}
	d, err := s.LoadWorkshop(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	var secrets []string
	for _, p := range d.Participants {
		secrets = append(secrets, p.GivenNames+" ", p.FamilyNames, p.Email, p.BadgeCode, p.NativeName)
	}
	responses, err := s.EvaluationResponses(w.ID)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range responses {
		for _, a := range r.Answers {
			if len(a.Text) > 12 {
				secrets = append(secrets, a.Text)
			}
		}
	}
	if _, err := s.Backup(); err != nil {
		t.Fatal(err)
	}
	s.Close()
	var kept []string
	plain, _ := os.ReadFile(path)
	for _, x := range secrets {
		// Shorter strings are found by chance in random bytes.
		if len(x) >= 4 && bytes.Contains(plain, []byte(x)) {
			kept = append(kept, x)
		}
	}
	if len(kept) < 100 {
		t.Fatalf("only %d of the sample's personal strings are in the plain file: the test would prove little", len(kept))
	}
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	grepFiles(t, filesOf(t, path), kept)
}
