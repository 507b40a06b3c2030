package store

import (
	"fmt"

	bolt "go.etcd.io/bbolt"
)

// currentSchema is the data schema this version writes.
//
//	1: records and the workshop, session and participant indexes.
//	2: badge codes unique per workshop (badge_codes index) and compact
//	   attendance marks for fast loading (attendance_marks).
//	3: certificate numbers, verification codes and per-workshop sequences
//	   (certificate_numbers, certificate_codes, certificate_sequences),
//	   eligibility overrides with their history (eligibility_overrides,
//	   eligibility_override_history), images for certificate logos and
//	   signatures (images) and the signing key in meta.
//	4: attendance stored once, compact (attendance_current), its history
//	   holding only earlier versions (attendance_versions); the JSON
//	   attendance, attendance_marks and attendance_history buckets go;
//	   question banks, tests and answer sheets (questions, quizzes,
//	   quiz_answers, quiz_answers_history).
const currentSchema = 4

// The attendance buckets of schemas 1 to 3: the current record and every
// version (the current one too) as JSON, and from schema 2 a compact mark.
var (
	legacyAttendance        = []byte("attendance")
	legacyAttendanceMarks   = []byte("attendance_marks")
	legacyAttendanceHistory = []byte("attendance_history")
)

// migrations[i] moves a file from schema i+1 to schema i+2.
var migrations = []func(s *Store, tx *bolt.Tx) error{
	migrateBadgesAndMarks,
	migrateCertificates, // certificates.go
	migrateSchema4,
}

// migrateSchema4 stores attendance once, compact, and adds the buckets of
// question banks, tests and answers.
func migrateSchema4(s *Store, tx *bolt.Tx) error {
	if err := migrateCompactAttendance(s, tx); err != nil { // migrate_attendance.go
		return err
	}
	for _, name := range [][]byte{bucketQuestions, bucketQuizzes, bucketQuizAnswers, bucketQuizAnswersHistory} {
		if _, err := tx.CreateBucketIfNotExists(name); err != nil {
			return fmt.Errorf("create bucket %s: %w", name, err)
		}
	}
	return nil
}

// migrate brings a file from schema from to currentSchema: first a backup
// copy, then each step in its own transaction, so that a failure leaves the
// file at the last completed schema.
func (s *Store) migrate(from int) error {
	if from < 1 {
		return damaged(s.path, fmt.Sprintf("its data schema %d is unknown", from))
	}
	if _, err := s.backup("pre-migration"); err != nil {
		return fmt.Errorf("back up before migrating: %w", err)
	}
	for v := from; v < currentSchema; v++ {
		err := s.update(func(tx *bolt.Tx) error {
			if err := migrations[v-1](s, tx); err != nil {
				return err
			}
			return tx.Bucket(bucketMeta).Put(metaSchema, encodeSchema(v+1))
		})
		if err != nil {
			return fmt.Errorf("migrate %s from schema %d to %d: %w", s.path, v, v+1, err)
		}
	}
	return nil
}

// migrateBadgesAndMarks builds the badge code and attendance mark indexes.
// Participants of the same workshop who shared a code get new codes.
func migrateBadgesAndMarks(s *Store, tx *bolt.Tx) error {
	badges, err := tx.CreateBucketIfNotExists(bucketBadgeCodes)
	if err != nil {
		return err
	}
	marks, err := tx.CreateBucketIfNotExists(legacyAttendanceMarks)
	if err != nil {
		return err
	}
	people := tx.Bucket(bucketParticipants)
	var recoded []Participant
	err = people.ForEach(func(k, v []byte) error {
		p, err := decodeRecord[Participant](v)
		if err != nil {
			return fmt.Errorf("participant %x: %w", k, err)
		}
		if p.Deleted() {
			return nil
		}
		code := NormalizeBadgeCode(p.BadgeCode)
		if !validBadgeCode(code) || badges.Get(badgeKey(tx, p.WorkshopID, code)) != nil {
			code = freeBadgeCode(badges, p.WorkshopID)
		}
		if code != p.BadgeCode {
			p.BadgeCode = code
			recoded = append(recoded, p)
		}
		return badges.Put(badgeKey(tx, p.WorkshopID, p.BadgeCode), p.ID[:])
	})
	if err != nil {
		return err
	}
	for _, p := range recoded {
		p.touch(s.now(), s.device)
		if err := putJSON(people, p.ID[:], &p); err != nil {
			return err
		}
	}
	return tx.Bucket(legacyAttendance).ForEach(func(k, v []byte) error {
		a, err := decodeRecord[Attendance](v)
		if err != nil {
			return fmt.Errorf("attendance %x: %w", k, err)
		}
		return marks.Put(k, encodeMark(Mark{a.Status, a.RecordedAt}))
	})
}
