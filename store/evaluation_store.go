package store

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"

	"github.com/google/uuid"
	bolt "go.etcd.io/bbolt"
)

// Evaluation buckets. They came after schema 3 without a schema change,
// and are not in allBuckets: every file, new or older, gets them at its
// first evaluation write (a checked write), never on open, which must not
// write to a file that may be damaged; reads treat a missing bucket as
// empty.
var (
	bucketEvalForms     = []byte("evaluation_forms")     // workshop → form
	bucketEvalResponses = []byte("evaluation_responses") // workshop‖form number (uint32) → response
)

// evalKey is the key of a response: workshop‖form number, big-endian so
// that a workshop's responses sort by number.
func evalKey(workshopID uuid.UUID, form int) []byte {
	return binary.BigEndian.AppendUint32(append(make([]byte, 0, 20), workshopID[:]...), uint32(form))
}

// evalBuckets returns the evaluation buckets for writing, creating them
// when the file lacks them.
func evalBuckets(tx *bolt.Tx) (forms, responses *bolt.Bucket, err error) {
	if forms, err = tx.CreateBucketIfNotExists(bucketEvalForms); err != nil {
		return nil, nil, fmt.Errorf("create bucket %s: %w", bucketEvalForms, err)
	}
	if responses, err = tx.CreateBucketIfNotExists(bucketEvalResponses); err != nil {
		return nil, nil, fmt.Errorf("create bucket %s: %w", bucketEvalResponses, err)
	}
	return forms, responses, nil
}

// EvaluationForm returns the workshop's evaluation form: the one saved,
// or else the default form made from the current agenda (saved with the
// first response, or when edited). saved says which.
func (s *Store) EvaluationForm(workshopID uuid.UUID) (f EvaluationForm, saved bool, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		f, saved, err = formTx(tx, workshopID)
		return err
	})
	return f, saved, err
}

// formTx reads the workshop's form, or makes the default one.
func formTx(tx *bolt.Tx, workshopID uuid.UUID) (EvaluationForm, bool, error) {
	var w Workshop
	if err := liveWorkshop(tx, workshopID, &w); err != nil {
		return EvaluationForm{}, false, err
	}
	if b := tx.Bucket(bucketEvalForms); b != nil {
		if v := b.Get(workshopID[:]); v != nil {
			f, err := decodeRecord[EvaluationForm](v)
			if err != nil {
				return f, false, fmt.Errorf("read the evaluation form of %s: %w", w.Code, err)
			}
			return f, true, nil
		}
	}
	sessions, err := sessionsOf(tx, workshopID)
	if err != nil {
		return EvaluationForm{}, false, err
	}
	return DefaultEvaluationForm(workshopID, sessions), false, nil
}

// SaveEvaluationForm validates and stores a workshop's form. An item that
// has answers cannot be removed or change kind, a choice item keeps at
// least the choices answered, and a form with names on its responses
// cannot become anonymous: the answers would no longer fit.
func (s *Store) SaveEvaluationForm(f *EvaluationForm) error {
	if err := f.Validate(); err != nil {
		return err
	}
	rec := *f
	rec.Items = slices.Clone(f.Items)
	err := s.update(func(tx *bolt.Tx) error {
		forms, responses, err := evalBuckets(tx)
		if err != nil {
			return err
		}
		old, saved, err := formTx(tx, rec.WorkshopID)
		if err != nil {
			return err
		}
		list, err := responsesTx(responses, rec.WorkshopID)
		if err != nil {
			return err
		}
		if err := answersFit(&rec, list); err != nil {
			return err
		}
		if saved {
			rec.ID, rec.CreatedAt = old.ID, old.CreatedAt
			rec.Printed = max(rec.Printed, old.Printed)
		}
		rec.DeletedAt = nil
		rec.touch(s.now(), s.device)
		return putJSON(forms, rec.WorkshopID[:], &rec)
	})
	if err != nil {
		return err
	}
	*f = rec
	return nil
}

// answersFit checks that every recorded response still fits the form.
func answersFit(f *EvaluationForm, list []EvaluationResponse) error {
	var pr problems
	for _, r := range list {
		if err := f.ValidateResponse(&r); err != nil {
			var ve ValidationError
			if errors.As(err, &ve) {
				pr.add("items", "form %d no longer fits the form (%s); put back the items it answers", r.Form, ve[0].Error())
				break
			}
			return err
		}
	}
	return pr.err()
}

// ReserveFormNumbers sets aside n form numbers for printing and returns
// the first: numbers run on from the last printing, so two printings
// never give the same number.
func (s *Store) ReserveFormNumbers(workshopID uuid.UUID, n int) (first int, err error) {
	err = s.update(func(tx *bolt.Tx) error {
		forms, _, err := evalBuckets(tx)
		if err != nil {
			return err
		}
		f, _, err := formTx(tx, workshopID)
		if err != nil {
			return err
		}
		first = f.Printed + 1
		if f.Printed+n > MaxFormNumber {
			return fmt.Errorf("form numbers would pass %d", MaxFormNumber)
		}
		f.Printed += n
		f.touch(s.now(), s.device)
		return putJSON(forms, workshopID[:], &f)
	})
	return first, err
}

// RecordEvaluation stores one filled-in form; see RecordEvaluations.
func (s *Store) RecordEvaluation(r *EvaluationResponse) error {
	return s.RecordEvaluations(r.WorkshopID, []*EvaluationResponse{r})
}

// RecordEvaluations stores filled-in forms of a workshop in one
// transaction: all or none. Each is checked against the workshop's form
// (saved with them if it was still the default); a form number already
// recorded, or given twice, is refused. Every problem is listed, naming
// the form number.
func (s *Store) RecordEvaluations(workshopID uuid.UUID, list []*EvaluationResponse) error {
	recs := make([]EvaluationResponse, len(list))
	for i, r := range list {
		recs[i] = *r
		recs[i].WorkshopID = workshopID
		recs[i].Answers = slices.Clone(r.Answers)
		for j := range recs[i].Answers {
			recs[i].Answers[j].Text = nfc(recs[i].Answers[j].Text)
		}
		recs[i].Name = nfc(r.Name)
	}
	err := s.update(func(tx *bolt.Tx) error {
		forms, responses, err := evalBuckets(tx)
		if err != nil {
			return err
		}
		f, saved, err := formTx(tx, workshopID)
		if err != nil {
			return err
		}
		var pr problems
		seen := map[int]bool{}
		for i := range recs {
			r := &recs[i]
			field := fmt.Sprintf("form %d", r.Form)
			if err := f.ValidateResponse(r); err != nil {
				var ve ValidationError
				if !errors.As(err, &ve) {
					return err
				}
				for _, e := range ve {
					pr.add(field, "%s", e.Error())
				}
				continue
			}
			if seen[r.Form] || liveResponse(responses, workshopID, r.Form) {
				pr.add(field, "the form number %d is already recorded", r.Form)
				continue
			}
			seen[r.Form] = true
		}
		if err := pr.err(); err != nil {
			return err
		}
		if !saved {
			f.touch(s.now(), s.device)
			if err := putJSON(forms, workshopID[:], &f); err != nil {
				return err
			}
		}
		for i := range recs {
			r := &recs[i]
			r.ID, r.DeletedAt = uuid.Nil, nil
			r.touch(s.now(), s.device)
			if err := putJSON(responses, evalKey(workshopID, r.Form), r); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	for i, r := range list {
		*r = recs[i]
	}
	return nil
}

// liveResponse reports whether the workshop has a live response numbered form.
func liveResponse(b *bolt.Bucket, workshopID uuid.UUID, form int) bool {
	v := b.Get(evalKey(workshopID, form))
	if v == nil {
		return false
	}
	var head struct {
		DeletedAt *json.RawMessage `json:"deleted_at"`
	}
	return unmarshalStored(v, &head) != nil || head.DeletedAt == nil
}

// DeleteEvaluation takes back a recorded form (the undo of keyed entry);
// it stays as a tombstone, and its number can be recorded again.
func (s *Store) DeleteEvaluation(workshopID uuid.UUID, form int) error {
	return s.update(func(tx *bolt.Tx) error {
		_, responses, err := evalBuckets(tx)
		if err != nil {
			return err
		}
		key := evalKey(workshopID, form)
		var r EvaluationResponse
		if err := getJSON(responses, key, &r); err != nil || r.Deleted() {
			return fmt.Errorf("take back form %d: %w", form, ErrNotFound)
		}
		now := s.now()
		r.DeletedAt = &now
		r.touch(now, s.device)
		return putJSON(responses, key, &r)
	})
}

// EvaluationResponses returns the workshop's recorded forms, by form number.
func (s *Store) EvaluationResponses(workshopID uuid.UUID) (list []EvaluationResponse, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		list, err = responsesTx(tx.Bucket(bucketEvalResponses), workshopID)
		return err
	})
	return list, err
}

// Evaluation reads the workshop's form and recorded forms in one transaction.
func (s *Store) Evaluation(workshopID uuid.UUID) (f EvaluationForm, list []EvaluationResponse, err error) {
	err = s.view(func(tx *bolt.Tx) error {
		if f, _, err = formTx(tx, workshopID); err != nil {
			return err
		}
		list, err = responsesTx(tx.Bucket(bucketEvalResponses), workshopID)
		return err
	})
	return f, list, err
}

// responsesTx reads the live responses of a workshop from b (nil: none).
// The records are copied out of the transaction's pages and decoded on
// every processor.
func responsesTx(b *bolt.Bucket, workshopID uuid.UUID) ([]EvaluationResponse, error) {
	if b == nil {
		return nil, nil
	}
	var raw [][]byte
	c := b.Cursor()
	prefix := workshopID[:]
	for k, v := c.Seek(prefix); k != nil && len(k) == 20 && string(k[:16]) == string(prefix); k, v = c.Next() {
		raw = append(raw, bytes.Clone(v))
	}
	all := make([]EvaluationResponse, len(raw))
	workers := min(runtime.GOMAXPROCS(0), max(1, len(raw)/256))
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() {
			for i := w; i < len(raw); i += workers {
				r, err := decodeRecord[EvaluationResponse](raw[i])
				if err != nil {
					errs[w] = fmt.Errorf("read an evaluation form: %w", err)
					return
				}
				all[i] = r
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	list := all[:0]
	for _, r := range all {
		if !r.Deleted() {
			list = append(list, r)
		}
	}
	return list, nil
}
