package store

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	bolt "go.etcd.io/bbolt"
)

// sealedDemo makes a data file protected by testPassphrase and returns its
// path; the key stays unlocked in this process.
func sealedDemo(t *testing.T) string {
	t.Helper()
	path, _ := personalFile(t)
	if _, err := SetPassphrase(path, Secret{}, testPassphrase, Options{}); err != nil {
		t.Fatal(err)
	}
	return path
}

// tamper changes the file's bytes under bbolt, as damage or an attacker
// would: change gets the value of the first key of bucket.
func tamper(t *testing.T, path string, bucket, key []byte, change func(v []byte) []byte) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	err = db.Update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucket)
		k, v := b.Cursor().First()
		if key != nil {
			k, v = key, b.Get(key)
		}
		return b.Put(append([]byte(nil), k...), change(append([]byte(nil), v...)))
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestHostileTamperedCiphertextIsNamedAsDamaged(t *testing.T) {
	for _, c := range []struct {
		name   string
		bucket []byte
		change func([]byte) []byte
		want   string
	}{
		{"flipped byte", bucketParticipants, func(v []byte) []byte { v[len(v)-20] ^= 1; return v }, "damaged"},
		{"truncated", bucketParticipants, func(v []byte) []byte { return v[:sealOverhead-1] }, "damaged"},
		{"unknown key", bucketParticipants, func(v []byte) []byte { v[1] ^= 0xff; return v }, "passphrase"},
		{"attendance", bucketAttendance, func(v []byte) []byte { v[sealHead+3] ^= 0x80; return v }, "damaged"},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := sealedDemo(t)
			tamper(t, path, c.bucket, nil, c.change)
			s, err := Open(path, Options{NoAutoBackup: true})
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			list, err := s.Workshops()
			if err != nil || len(list) != 1 {
				t.Fatal(list, err)
			}
			if _, err := s.LoadWorkshop(list[0].ID); err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("load: %v, want an error saying %q", err, c.want)
			}
			problems, err := s.Check()
			if err != nil || len(problems) == 0 || !strings.Contains(strings.Join(problems, "\n"), c.want) {
				t.Errorf("check: %q %v", problems, err)
			}
			// The first write checks the file and refuses.
			var de *DamagedError
			w := newWorkshop(t, "other-2027", "2027-04-01")
			if err := s.SaveWorkshop(&w); !errors.As(err, &de) {
				t.Errorf("write to a damaged sealed file: %v", err)
			}
		})
	}
}

func TestHostileDamagedPassphraseHeader(t *testing.T) {
	path := sealedDemo(t)
	tamper(t, path, bucketMeta, metaEncryption, func([]byte) []byte { return []byte("{not json") })
	var de *DamagedError
	if _, err := Open(path, Options{Secret: Secret{Passphrase: testPassphrase}}); !errors.As(err, &de) {
		t.Fatalf("open with a damaged header: %v", err)
	}

	path = sealedDemo(t)
	tamper(t, path, bucketMeta, metaEncryption, func(v []byte) []byte {
		var h cryptHeader
		json.Unmarshal(v, &h)
		h.Passphrase.Key[30] ^= 1 // the wrapped key changed: no passphrase opens it
		h.Passphrase.Salt = h.Passphrase.Salt[:3]
		out, _ := json.Marshal(h)
		return out
	})
	forgetFileKey(t, path)
	var pe *PassphraseError
	if _, err := Open(path, Options{Secret: Secret{Passphrase: testPassphrase}}); !errors.As(err, &pe) {
		t.Fatalf("open with a changed wrapped key: %v", err)
	}
}
