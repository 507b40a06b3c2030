package store

import (
	"encoding/binary"
	"fmt"
	"slices"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// RecordEvaluationNext stores one filled-in form (answered on a phone)
// under the next form number, after every number printed or recorded, in
// one transaction, and returns that number. The number counts as printed,
// so later printings number their forms after it. The response is checked
// against the workshop's form as RecordEvaluations does.
func (s *Store) RecordEvaluationNext(r *EvaluationResponse) (int, error) {
	rec := *r
	rec.Answers = slices.Clone(r.Answers)
	for j := range rec.Answers {
		rec.Answers[j].Text = nfc(rec.Answers[j].Text)
	}
	rec.Name = nfc(r.Name)
	err := s.update(func(tx *bolt.Tx) error {
		forms, responses, err := evalBuckets(tx)
		if err != nil {
			return err
		}
		f, _, err := formTx(tx, rec.WorkshopID)
		if err != nil {
			return err
		}
		last := f.Printed
		c := responses.Cursor()
		prefix := rec.WorkshopID[:]
		for k, _ := c.Seek(prefix); k != nil && len(k) == 20 && string(k[:16]) == string(prefix); k, _ = c.Next() {
			last = max(last, int(binary.BigEndian.Uint32(k[16:])))
		}
		if last >= MaxFormNumber {
			return fmt.Errorf("form numbers would pass %d", MaxFormNumber)
		}
		rec.Form = last + 1
		if err := f.ValidateResponse(&rec); err != nil {
			return err
		}
		f.Printed = rec.Form
		f.touch(s.now(), s.device)
		if err := putJSON(forms, rec.WorkshopID[:], &f); err != nil {
			return err
		}
		rec.ID, rec.DeletedAt = uuid.Nil, nil
		rec.touch(s.now(), s.device)
		return putJSON(responses, evalKey(rec.WorkshopID, rec.Form), &rec)
	})
	if err != nil {
		return 0, err
	}
	*r = rec
	return rec.Form, nil
}
